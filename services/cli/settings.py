"""Settings of the command line itself (each service reads its own when it starts)."""

import os

from pydantic import Field

from shared.settings import NewsflowSettings


def spare_cores() -> int:
    """The cores this process may run on, less one for the broker, fetcher and indexer; at
    least 1 (the default number of extractor processes `newsflow up` starts)."""
    return max(1, len(os.sched_getaffinity(0)) - 1)


class CliSettings(NewsflowSettings):
    api_url: str | None = Field(
        default=None,
        description="Where `newsflow search` finds the indexer's API; unset means "
        "http://NEWSFLOW_API_HOST:NEWSFLOW_API_PORT, where `newsflow up` starts it.",
    )
    # The indexer's own settings of the same names: the CLI asks where the indexer listens.
    api_host: str = Field(default="127.0.0.1", description="Address the search API binds.")
    api_port: int = Field(default=8000, ge=1, le=65535, description="Port of the search API.")
    # The parse is the pipeline's one CPU-bound stage: `newsflow up` runs this many extractor
    # processes in one consumer group (compose: the extractor's `deploy.replicas`).
    extractor_processes: int = Field(
        default_factory=spare_cores,
        ge=1,
        le=64,
        description="Extractor processes `newsflow up` runs (default: cores - 1, at least 1).",
    )

    @property
    def search_api(self) -> str:
        """The API's base URL, without a trailing slash."""
        if self.api_url:
            return self.api_url.rstrip("/")
        # An API bound to every interface is reached on the loopback one.
        host = "127.0.0.1" if self.api_host in ("0.0.0.0", "") else self.api_host
        host = f"[{host}]" if ":" in host else host
        return f"http://{host}:{self.api_port}"
