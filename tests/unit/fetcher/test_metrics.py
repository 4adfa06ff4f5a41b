from prometheus_client import REGISTRY

from services.fetcher.feeds_config import FeedConfig
from services.fetcher.fetch import PollResult, Tally
from services.fetcher.metrics import feed_label, observe_poll


def value(name: str, **labels: str) -> float:
    return REGISTRY.get_sample_value(name, labels) or 0.0


def test_a_refused_poll_counts_its_reason_and_no_success() -> None:
    feed = FeedConfig(url="http://10.0.0.1/feed.xml", name="intranet")
    before = value("newsflow_fetch_refusals_total", reason="private_address")
    polls = value("newsflow_feed_polls_total", outcome="refused")
    observe_poll(feed, PollResult(feed.url, "refused", reason="private_address"), 0.01)
    assert value("newsflow_fetch_refusals_total", reason="private_address") == before + 1
    assert value("newsflow_feed_polls_total", outcome="refused") == polls + 1
    assert value("newsflow_feed_last_success_timestamp_seconds", feed="intranet") == 0.0


def test_a_good_poll_counts_pages_bytes_duplicates_and_freshness() -> None:
    feed = FeedConfig(url="https://example.com/rss")
    tally = Tally()
    tally.bytes_by_kind.update({"feed": 1000, "page": 5000})
    tally.page_status_classes.update({"2xx": 3, "4xx": 1})
    tally.extraction_failures.update({"page_too_large": 1})
    tally.duplicates.update({"near": 2})
    pages_4xx = value("newsflow_http_responses_total", kind="page", status_class="4xx")
    page_bytes = value("newsflow_fetched_bytes_total", kind="page")
    near = value("newsflow_articles_deduplicated_total", reason="near")
    too_large = value("newsflow_fetch_refusals_total", reason="too_large")
    observe_poll(feed, PollResult(feed.url, "ok", status=200, tally=tally), 0.5)
    assert value("newsflow_http_responses_total", kind="page", status_class="4xx") == pages_4xx + 1
    assert value("newsflow_fetched_bytes_total", kind="page") == page_bytes + 5000
    assert value("newsflow_articles_deduplicated_total", reason="near") == near + 2
    # A page refused for its size is an extraction failure and a refusal.
    assert value("newsflow_fetch_refusals_total", reason="too_large") == too_large + 1
    label = feed_label(feed)
    assert label.startswith("feed-")
    assert "example.com" not in label
    assert value("newsflow_feed_last_success_timestamp_seconds", feed=label) > 0
