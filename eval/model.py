"""The extractor every reading of `make eval` and `eval.heldout` uses, loaded once."""

from __future__ import annotations

from typing import TYPE_CHECKING

from services.extractor.settings import DEFAULT_MODEL

if TYPE_CHECKING:
    from services.extractor.pipeline import Extractor

# The stock model the extractor runs on; bare spaCy is compared on the same one.
MODEL = DEFAULT_MODEL


def load_extractor() -> Extractor:
    """The whole extractor, loaded once for every reading; its spaCy pipeline (with the
    repairs) tags the time expressions, so the scores are the service's."""
    from services.extractor.pipeline import Extractor  # deferred: spaCy costs seconds to import

    return Extractor(MODEL)
