"""One spaCy model, gazetteer and Extractor per test session (extractor and eval tests): loading
them takes seconds."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from services.extractor.parse.model import load_model
from services.extractor.pipeline import Extractor
from services.extractor.places.gazetteer import Gazetteer, load_gazetteer
from services.extractor.settings import DEFAULT_MODEL

# The seed article's publication date: a Saturday.
SEED_PUBLISHED = dt.datetime(2025, 12, 20, tzinfo=dt.UTC)


@pytest.fixture(scope="session")
def nlp() -> Language:
    return load_model(DEFAULT_MODEL)


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    return load_gazetteer()


@pytest.fixture(scope="session")
def extractor(nlp: Language, gazetteer: Gazetteer) -> Extractor:
    return Extractor(DEFAULT_MODEL)


@pytest.fixture(scope="session")
def parse(nlp: Language) -> Callable[[str], Doc]:
    return nlp
