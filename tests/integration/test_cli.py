"""The `newsflow` commands as users run them: processes, local servers, the real broker."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from aiokafka import AIOKafkaConsumer, TopicPartition

from services.cli.demo.site import DemoSite, load_demo_articles
from shared import topics
from shared.headers import H_REASON
from shared.models import Article, EnrichedArticle
from tests.conftest import material
from tests.integration.conftest import collect, produce

pytestmark = pytest.mark.timeout(180)


def newsflow(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "services.cli.main", *args],
        # Wide enough that rich does not wrap URLs in its tables.
        env={**os.environ, "COLUMNS": "250", **(env or {})},
        capture_output=True,
        text=True,
        timeout=150,
    )


@pytest.fixture
def site() -> Iterator[DemoSite]:
    site = DemoSite(load_demo_articles()[:2]).start()
    yield site
    site.stop()


def test_fetch_prints_articles_and_refuses_private_addresses(site: DemoSite) -> None:
    allowed = newsflow("fetch", site.feed_url, "--allow-private", "--json")
    assert allowed.returncode == 0, allowed.stderr
    articles = [Article.model_validate_json(line) for line in allowed.stdout.splitlines()]
    assert sorted(a.title for a in articles) == sorted(a.title for a in site.articles)
    assert all(a.published_at_source == "page" for a in articles)

    # Without the switch, loopback is refused with a clear message and a non-zero exit; a page
    # URL yields one article, and the other URLs are still printed.
    page = f"{site.base_url}/articles/{site.articles[0].slug}.html"
    refused = newsflow("fetch", site.feed_url, "--json")
    assert refused.returncode != 0
    assert "private_address" in refused.stderr
    assert "Traceback" not in refused.stderr
    mixed = newsflow("fetch", "http://127.0.0.1:1/nothing", page, "--allow-private", "--json")
    assert mixed.returncode != 0
    assert [Article.model_validate_json(x).title for x in mixed.stdout.splitlines()] == [
        site.articles[0].title
    ]


def test_extract_reads_the_seed_article_without_kafka() -> None:
    seed = material("samples", "seed-article.txt")
    done = newsflow("extract", str(seed), "--published", "2025-12-20", "--json")
    assert done.returncode == 0, done.stderr
    enriched = EnrichedArticle.model_validate_json(done.stdout)
    people = sorted(e.name for e in enriched.entities if e.kind == "person")
    assert "Steve Witkoff" in people
    assert "Kyiv" not in people
    text = enriched.article.text
    for time in enriched.times:
        assert time.start is not None
        assert time.end is not None
        assert text[time.start : time.end] == time.text
    table = newsflow("extract", str(seed))
    assert table.returncode == 0
    assert "Witkoff" in table.stdout


def test_extract_jsonl_keeps_order_and_offsets(tmp_path: Path) -> None:
    rows = [
        {
            "text": "Kenyan President William Ruto met Samia Suluhu Hassan in Nairobi on Thursday.",
            "published_at": "2025-06-07",
        },
        {"text": "", "published_at": "2025-06-07", "id": "0" * 32},
        {"text": "Japan protested to China on Tuesday.", "published_at": "2025-06-07T08:00:00Z"},
    ]
    path = tmp_path / "in.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    done = newsflow("extract", "--jsonl", str(path), "--json")
    assert done.returncode == 0, done.stderr
    out = [EnrichedArticle.model_validate_json(line) for line in done.stdout.splitlines()]
    assert [o.article.text for o in out] == [r["text"] for r in rows]
    assert out[1].article.id == "0" * 32
    assert out[1].entities == []
    assert out[1].events == []
    assert "William Ruto" in {e.name for e in out[0].entities}
    bad = newsflow("extract", "--jsonl", str(tmp_path / "missing.jsonl"), "--json")
    assert bad.returncode == 2
    assert "missing.jsonl" in bad.stderr


def test_feeds_add_import_and_list(tmp_path: Path) -> None:
    env = {"NEWSFLOW_STATE_DIR": str(tmp_path), "NEWSFLOW_FEEDS_FILE": str(tmp_path / "feeds.toml")}
    assert (
        newsflow("feeds", "add", "https://example.com/rss.xml", "--name", "ex", env=env).returncode
        == 0
    )
    opml = tmp_path / "subs.opml"
    opml.write_text(
        '<?xml version="1.0"?><opml version="2.0"><body>'
        '<outline text="A" type="rss" xmlUrl="https://a.example.org/feed"/>'
        '<outline text="Ex again" type="rss" xmlUrl="https://example.com/rss.xml"/>'
        "</body></opml>"
    )
    imported = newsflow("feeds", "import-opml", str(opml), env=env)
    assert imported.returncode == 0, imported.stderr
    assert "imported 1 new of 2" in imported.stdout
    listed = newsflow("feeds", "list", env=env)
    assert listed.returncode == 0, listed.stderr
    assert "example.com/rss.xml" in listed.stdout
    assert "a.example.org" in listed.stdout
    assert "new" in listed.stdout


async def test_dlq_list_and_replay(service_env: dict[str, str]) -> None:
    kafka = service_env["NEWSFLOW_KAFKA_BOOTSTRAP"]
    from services.extractor.app import build
    from services.extractor.settings import ExtractorSettings
    from tests.integration.conftest import running

    async with running(build(ExtractorSettings())):
        await produce(kafka, topics.ARTICLES, [(b"broken", b"{}")])
        await collect(kafka, topics.DLQ, lambda got: len(got) >= 1)
        listed = newsflow("dlq", "list", "--json", env=service_env)
        assert listed.returncode == 0, listed.stderr
        [record] = [json.loads(line) for line in listed.stdout.splitlines()]
        assert record["key"] == "broken"
        assert record["headers"][H_REASON] == "invalid_message"
        replayed = newsflow("dlq", "replay", record["ref"], env=service_env)
        assert replayed.returncode == 0, replayed.stderr
        # Still invalid, so it comes back to the DLQ, now marked as replayed.
        again = await collect(kafka, topics.DLQ, lambda got: len(got) >= 2)
        assert b"newsflow.replayed.from" in str(again[1][2]).encode()
    missing = newsflow("dlq", "replay", "0:999", env=service_env)
    assert missing.returncode == 1
    assert "no dead-lettered record 0:999" in missing.stderr


def test_search_reports_api_errors_and_absence(tmp_path: Path) -> None:
    down = newsflow("search", "x", env={"NEWSFLOW_API_URL": "http://127.0.0.1:1"})
    assert down.returncode == 3
    assert "cannot reach the search API" in down.stderr


def test_ingest_without_a_broker_says_how_to_get_one(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Officials met in Kyiv on Friday.")
    env = {"NEWSFLOW_STATE_DIR": str(tmp_path / "empty-state")}
    clean = {k: v for k, v in os.environ.items() if k != "NEWSFLOW_KAFKA_BOOTSTRAP"}
    done = subprocess.run(
        [sys.executable, "-m", "services.cli.main", "ingest", str(path)],
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 3
    assert "newsflow up" in done.stderr


async def _everything_in(bootstrap: str, topic: str) -> list[bytes]:
    """Every record now in the topic, read up to its end offsets."""
    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap, enable_auto_commit=False)
    await consumer.start()
    try:
        await consumer.topics()
        parts = [TopicPartition(topic, p) for p in sorted(consumer.partitions_for_topic(topic))]
        consumer.assign(parts)
        await consumer.seek_to_beginning(*parts)
        ends = await consumer.end_offsets(parts)
        out: list[bytes] = []
        while any([await consumer.position(tp) < ends[tp] for tp in parts]):
            for records in (await consumer.getmany(*parts, timeout_ms=1000)).values():
                out.extend(r.value or b"" for r in records)
        return out
    finally:
        await consumer.stop()


async def test_ingest_skips_and_counts_what_is_not_text(
    service_env: dict[str, str], tmp_path: Path
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "ok.txt").write_text("Talks in Geneva\n\nOfficials met in Geneva on Friday.")
    (folder / "bin.txt").write_bytes(bytes(range(256)) * 8)
    (folder / "doc.pdf").write_bytes(b"%PDF-1.4 Officials met.")
    (folder / "broken.json").write_text('{"text": "Officials met",\n "title": [broken')
    (folder / ".hidden.txt").write_text("never read")
    done = newsflow("ingest", str(folder), env=service_env)
    assert done.returncode == 1, done.stderr
    lines = done.stderr.splitlines()
    assert f"newsflow: skipped {folder / 'bin.txt'}: binary content (NUL bytes), not text" in lines
    assert any(
        line.endswith(
            "doc.pdf: unsupported type .pdf; ingest reads .htm, .html, .json, "
            ".jsonl, .md, .text, .txt"
        )
        for line in lines
    ), lines
    assert any(
        line.endswith("broken.json: not JSON: Expecting value: line 2 column 12 (char 37)")
        for line in lines
    ), lines
    assert lines[-1] == "published 1 article to news.articles.v1; skipped 3 files"
    values = await _everything_in(service_env["NEWSFLOW_KAFKA_BOOTSTRAP"], topics.ARTICLES)
    assert [Article.model_validate_json(v).title for v in values] == ["Talks in Geneva"]
