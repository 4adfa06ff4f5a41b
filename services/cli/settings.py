"""Settings of the command line itself (each service reads its own when it starts)."""

from pydantic import Field

from shared.settings import NewsflowSettings


class CliSettings(NewsflowSettings):
    api_url: str = Field(
        default="http://127.0.0.1:8000",
        description="Where `newsflow search` finds the indexer's API.",
    )
