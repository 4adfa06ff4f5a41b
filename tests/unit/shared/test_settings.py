from pathlib import Path

import pytest

from services.extractor.settings import ExtractorSettings, default_cache_dir
from services.fetcher.settings import FetcherSettings
from services.indexer.settings import IndexerSettings
from shared.settings import (
    NewsflowSettings,
    NoBrokerError,
    SettingsError,
    idempotence_for,
    load,
    resolve_bootstrap,
    write_bundled_broker,
)


def test_bad_value_exits_naming_the_variable(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("NEWSFLOW_KAFKA_PARTITIONS", "many")
    with pytest.raises(SettingsError):
        load(NewsflowSettings)
    assert "NEWSFLOW_KAFKA_PARTITIONS" in capsys.readouterr().err


def test_explicit_bootstrap_wins_and_means_real_kafka(tmp_path: Path) -> None:
    write_bundled_broker(tmp_path, "127.0.0.1:1", 1)
    settings = NewsflowSettings(state_dir=tmp_path, kafka_bootstrap="kafka:9092")
    assert resolve_bootstrap(settings) == ("kafka:9092", False)
    assert idempotence_for(settings, bundled=False) is True


def test_bundled_broker_address_comes_from_the_state_dir(tmp_path: Path) -> None:
    write_bundled_broker(tmp_path, "127.0.0.1:4567", 42)
    settings = NewsflowSettings(state_dir=tmp_path)
    assert resolve_bootstrap(settings) == ("127.0.0.1:4567", True)
    # Tansu fails InitProducerId: idempotence is off for the bundled broker unless forced.
    assert idempotence_for(settings, bundled=True) is False
    assert idempotence_for(NewsflowSettings(kafka_idempotence=True), bundled=True) is True


def test_no_broker_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(NoBrokerError, match="NEWSFLOW_KAFKA_BOOTSTRAP"):
        resolve_bootstrap(NewsflowSettings(state_dir=tmp_path))


def test_a_check_across_settings_names_each_variable(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("NEWSFLOW_MIN_POLL_INTERVAL_SECONDS", "600")
    monkeypatch.setenv("NEWSFLOW_MAX_POLL_INTERVAL_SECONDS", "300")
    with pytest.raises(SettingsError):
        load(FetcherSettings)
    err = capsys.readouterr().err
    assert "NEWSFLOW_:" not in err
    assert "invalid settings NEWSFLOW_MIN_POLL_INTERVAL_SECONDS, " in err
    assert "NEWSFLOW_MAX_POLL_INTERVAL_SECONDS" in err
    assert "min_poll_interval_seconds" not in err


def test_per_service_names_tell_services_apart_in_one_environment(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 12, item 6: `newsflow up` gives all three services one environment, where
    NEWSFLOW_BATCH_SIZE meant a parse batch to the extractor and a transaction to the indexer,
    and NEWSFLOW_OPS_PORT one port to two services. Each now has its own name; the shared one
    still works where it is alone, and the per-service one wins."""
    monkeypatch.setenv("NEWSFLOW_BATCH_SIZE", "9")
    monkeypatch.setenv("NEWSFLOW_OPS_PORT", "9999")
    assert ExtractorSettings().batch_size == IndexerSettings().batch_size == 9
    assert FetcherSettings().ops_port == ExtractorSettings().ops_port == 9999
    for name, value in {
        "NEWSFLOW_EXTRACTOR_BATCH_SIZE": "16",
        "NEWSFLOW_INDEXER_BATCH_SIZE": "500",
        "NEWSFLOW_FETCHER_OPS_PORT": "9201",
        "NEWSFLOW_EXTRACTOR_OPS_PORT": "9202",
    }.items():
        monkeypatch.setenv(name, value)
    assert (ExtractorSettings().batch_size, IndexerSettings().batch_size) == (16, 500)
    assert (FetcherSettings().ops_port, ExtractorSettings().ops_port) == (9201, 9202)
    monkeypatch.setenv("NEWSFLOW_EXTRACTOR_BATCH_SIZE", "5000")
    with pytest.raises(SettingsError):
        load(ExtractorSettings)
    assert capsys.readouterr().err.startswith("invalid setting NEWSFLOW_EXTRACTOR_BATCH_SIZE: ")


def test_the_cache_directory_is_a_setting_that_follows_xdg(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Issue 12, item 6: the extractor's cache (the gazetteer's index) was always
    ~/.cache/newsflow. It is NEWSFLOW_CACHE_DIR, by default under XDG_CACHE_HOME, and empty
    turns it off; the extractor built from the settings keeps its index there."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert default_cache_dir() == tmp_path / "xdg" / "newsflow"
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/ignored")
    assert default_cache_dir() == Path.home() / ".cache" / "newsflow"
    monkeypatch.setenv("NEWSFLOW_CACHE_DIR", str(tmp_path / "cache"))
    assert ExtractorSettings().cache_dir == tmp_path / "cache"
    monkeypatch.setenv("NEWSFLOW_CACHE_DIR", "")
    assert ExtractorSettings().cache_dir is None
