"""The fetcher service on the real broker: a loopback feed in, articles out, once."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from prometheus_client import REGISTRY

from services.cli.demo.site import DemoSite, load_demo_articles
from services.fetcher.app import build
from services.fetcher.settings import FetcherSettings
from services.fetcher.state import FetcherState, Validators
from shared import topics
from shared.headers import H_CONTENT_TYPE, H_SCHEMA_VERSION
from shared.models import Article
from shared.version import VERSION
from tests.integration.conftest import collect, eventually, records_in, running

pytestmark = pytest.mark.timeout(180)


@pytest.fixture
def site() -> Iterator[DemoSite]:
    site = DemoSite(load_demo_articles()[:3]).start()
    yield site
    site.stop()


def polls(outcome: str) -> float:
    return REGISTRY.get_sample_value("newsflow_feed_polls_total", {"outcome": outcome}) or 0.0


def deduplicated() -> float:
    return sum(
        REGISTRY.get_sample_value("newsflow_articles_deduplicated_total", {"reason": r}) or 0.0
        for r in ("url", "content", "near")
    )


async def test_feed_items_are_published_once_across_restarts(
    service_env: dict[str, str], site: DemoSite, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    kafka = service_env["NEWSFLOW_KAFKA_BOOTSTRAP"]
    feeds = tmp_path / "feeds.toml"
    # A fixed 60 s interval: each run polls once, at start.
    feeds.write_text(f'[[feeds]]\nname = "demo"\nurl = "{site.feed_url}"\ninterval = 60\n')
    monkeypatch.setenv("NEWSFLOW_FEEDS_FILE", str(feeds))
    monkeypatch.setenv("NEWSFLOW_ALLOW_PRIVATE_ADDRESSES", "true")

    async with running(build(FetcherSettings())):
        records = await collect(kafka, topics.ARTICLES, lambda got: len(got) >= 3)
    articles = [Article.model_validate_json(v) for _, v, _ in records]
    assert sorted(a.title for a in articles) == sorted(a.title for a in site.articles)
    assert [k for k, _, _ in records] == [a.id.encode() for a in articles]
    assert all(a.published_at_source == "page" for a in articles)
    assert all(a.feed_url == site.feed_url for a in articles)
    for _, _, headers in records:
        assert headers[H_CONTENT_TYPE] == b"application/json"
        assert headers[H_SCHEMA_VERSION] == b"1"
    assert (
        REGISTRY.get_sample_value("newsflow_build_info", {"service": "fetcher", "version": VERSION})
        == 1
    )

    # Restart with the same state and make the feed due at once, with no validators (a full
    # GET, not a 304): it is polled again, but nothing is republished, and the items it
    # published itself are not counted as duplicates.
    with FetcherState(FetcherSettings().state_db) as state:
        schedule = state.schedule(site.feed_url, default_interval=60)
        state.save_schedule(replace(schedule, next_poll_at=0.0))
        state.save_validators(site.feed_url, Validators(), interval=60)
    before = polls("ok") + polls("not_modified")
    ok_before = polls("ok")
    duplicates_before = deduplicated()
    async with running(build(FetcherSettings())):

        async def polled() -> bool:
            return polls("ok") + polls("not_modified") > before

        # A poll is counted after what it published was acknowledged: the topic is complete.
        await eventually(polled)
    assert await records_in(kafka, topics.ARTICLES) == 3, "a restart republished articles"
    assert polls("ok") > ok_before, "the feed was fetched in full, not answered with a 304"
    assert deduplicated() == duplicates_before
