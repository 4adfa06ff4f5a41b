"""`newsflow`: the command line of DESIGN.md; users' scripts rely on its names and flags."""

from __future__ import annotations

import sys
from collections.abc import Coroutine
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer

from services.indexer.text_query import SYNTAX
from shared.settings import NewsflowSettings, NoBrokerError, load

T = TypeVar("T")

app = typer.Typer(
    help="Newsflow: news feeds to a stream and an index of dated events.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    # Click's plain help: flags shown as flags (rich mode prints "<bool>" after each), and
    # text that fits any terminal width without box drawing.
    rich_markup_mode=None,
)
feeds_app = typer.Typer(help="The fetcher's feeds.", no_args_is_help=True)
dlq_app = typer.Typer(help="The dead-letter topic (news.dlq.v1).", no_args_is_help=True)
app.add_typer(feeds_app, name="feeds")
app.add_typer(dlq_app, name="dlq")


def _version(value: bool) -> None:
    if value:
        from shared.version import VERSION

        typer.echo(f"newsflow {VERSION}")
        raise typer.Exit()


@app.callback()
def _options(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Print the version and exit."
        ),
    ] = False,
) -> None:
    """Newsflow: news feeds to a stream and an index of dated events."""


def _run_async(work: Coroutine[Any, Any, T], *, kafka_client: bool = False) -> T:
    """`asyncio.run`, imported on use: `extract` and `search` never need asyncio (~20 ms).

    The one place where Kafka being away becomes a one-line message and exit status 3, for
    every command that needs it, instead of a traceback. A `kafka_client` command (not a
    service) also keeps aiokafka's own connection log lines off the terminal.
    """
    import asyncio
    import logging

    from aiokafka.errors import KafkaConnectionError, KafkaTimeoutError, NodeNotReadyError

    if kafka_client:
        logging.getLogger("aiokafka").setLevel(logging.CRITICAL)
    try:
        return asyncio.run(work)
    except NoBrokerError as exc:
        raise _fail(str(exc), 3) from None
    except (KafkaConnectionError, KafkaTimeoutError, NodeNotReadyError) as exc:
        # Clients the failed command left open complain when collected; the line below says
        # all there is to say.
        logging.getLogger("asyncio").setLevel(logging.CRITICAL)
        raise _fail(_kafka_away(exc), 3) from None


def _kafka_away(exc: Exception) -> str:
    """What was tried and what to do, in one line."""
    from shared.settings import broker_state_path, resolve_bootstrap

    settings = load(NewsflowSettings)
    try:
        address, bundled = resolve_bootstrap(settings)
    except NoBrokerError as missing:
        return str(missing)
    reason = type(exc).__name__
    if bundled:
        state = broker_state_path(settings.state_dir)
        return (
            f"cannot reach the bundled broker at {address} ({reason}) that `newsflow up` "
            f"recorded in {state}; it is not running any more: start `newsflow up` again, "
            "or set NEWSFLOW_KAFKA_BOOTSTRAP"
        )
    return (
        f"cannot reach Kafka at {address} ({reason}), the address in NEWSFLOW_KAFKA_BOOTSTRAP; "
        "check it, or unset it to use the broker of a running `newsflow up`"
    )


def _fail(message: str, code: int = 1) -> typer.Exit:
    typer.echo(f"newsflow: {message}", err=True)
    return typer.Exit(code)


def _run_service(name: str) -> None:
    from shared.logs import setup_logging
    from shared.runtime import stop_cleanly_while_starting

    stop_cleanly_while_starting()

    if name == "fetcher":
        from services.fetcher.app import build as build_fetcher
        from services.fetcher.settings import FetcherSettings

        fetcher_settings = load(FetcherSettings)
        setup_logging(name, fetcher_settings.log_level, fetcher_settings.log_format)
        service = build_fetcher(fetcher_settings)
    elif name == "extractor":
        from services.extractor.app import build as build_extractor
        from services.extractor.settings import ExtractorSettings

        extractor_settings = load(ExtractorSettings)
        setup_logging(name, extractor_settings.log_level, extractor_settings.log_format)
        service = build_extractor(extractor_settings)
    else:
        from services.indexer.app import build as build_indexer
        from services.indexer.settings import IndexerSettings

        indexer_settings = load(IndexerSettings)
        setup_logging(name, indexer_settings.log_level, indexer_settings.log_format)
        service = build_indexer(indexer_settings)
    _run_async(service.run())


@app.command()
def up(
    demo: Annotated[
        bool, typer.Option("--demo", help="Serve the bundled demo feed and print its events.")
    ] = False,
) -> None:
    """Run the bundled broker (unless NEWSFLOW_KAFKA_BOOTSTRAP is set) and all three services."""
    from services.cli.settings import CliSettings
    from services.cli.up import run_up
    from shared.logs import setup_logging

    settings = load(CliSettings)
    setup_logging("up", settings.log_level, "text")
    raise typer.Exit(_run_async(run_up(settings, demo)))


@app.command()
def fetcher() -> None:
    """Run the fetcher service."""
    _run_service("fetcher")


@app.command()
def extractor() -> None:
    """Run the extractor service."""
    _run_service("extractor")


@app.command()
def indexer() -> None:
    """Run the indexer service and its search API."""
    _run_service("indexer")


@app.command()
def extract(
    file: Annotated[
        Path | None,
        typer.Argument(
            metavar="FILE", help="A text file (a leading `date YYYY-MM-DD` is read as the date)."
        ),
    ] = None,
    published: Annotated[
        str | None, typer.Option(metavar="DATE", help="Publication date or datetime (ISO).")
    ] = None,
    jsonl: Annotated[
        Path | None,
        typer.Option(metavar="FILE", help="JSON lines: objects with text and published_at."),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print EnrichedArticle JSON.")] = False,
) -> None:
    """Run the extractor on a text without Kafka and print what it found."""
    from services.cli.extract_cmd import run_extract
    from services.cli.inputs import InputError

    if (file is None) == (jsonl is None):
        raise _fail("give exactly one of FILE or --jsonl FILE", 2)
    try:
        code = run_extract(file=file, jsonl=jsonl, published=published, as_json=as_json)
    except InputError as exc:
        raise _fail(str(exc), 2) from None
    raise typer.Exit(code)


@app.command()
def fetch(
    urls: Annotated[list[str], typer.Argument(metavar="URL...", help="Feed or page URLs.")],
    allow_private: Annotated[
        bool, typer.Option("--allow-private", help="Allow private and loopback addresses.")
    ] = False,
    as_json: Annotated[
        bool, typer.Option("--json", help="One Article JSON object per line.")
    ] = False,
) -> None:
    """Fetch URLs as the fetcher would and print the resulting articles."""
    from services.cli.fetch_cmd import run_fetch

    raise typer.Exit(_run_async(run_fetch(urls, allow_private=allow_private, as_json=as_json)))


@app.command()
def ingest(
    path: Annotated[
        Path, typer.Argument(metavar="PATH", help="A text, HTML or JSON file, or a folder of them.")
    ],
    published: Annotated[
        str | None, typer.Option(metavar="DATE", help="Publication date or datetime (ISO).")
    ] = None,
    wait: Annotated[
        bool,
        typer.Option(
            "--wait", help="Wait until the articles are searchable and say how long it took."
        ),
    ] = False,
) -> None:
    """Publish local files as articles (backfills).

    Reads .txt, .text, .md, .html, .htm, .json and .jsonl files; other files, binary content
    and malformed JSON are skipped, each with its reason, and counted (exit status 1).
    """
    from services.cli.ingest_cmd import run_ingest
    from services.cli.inputs import InputError

    try:
        raise typer.Exit(_run_async(run_ingest(path, published, wait=wait), kafka_client=True))
    except InputError as exc:
        raise _fail(str(exc), 2) from None


SEARCH_HELP = (
    "Search the index through the search API (NEWSFLOW_API_URL, else the port in "
    "NEWSFLOW_API_PORT on this machine).\n\n"
    'QUERY is in the search language ("" for everything):\n\n\b\n'
    + SYNTAX
    + '\n\nThe heading says how many of all the results are shown ("20 of 201 articles"); '
    "the next page's --cursor is printed on stderr, and --all fetches every page."
)


@app.command(help=SEARCH_HELP)
def search(
    query: Annotated[
        str, typer.Argument(metavar="QUERY", help='Query text ("" for everything).')
    ] = "",
    actor: Annotated[str | None, typer.Option(metavar="NAME", help="Canonical actor name.")] = None,
    place: Annotated[str | None, typer.Option(metavar="NAME", help="Place name.")] = None,
    country: Annotated[
        str | None, typer.Option(metavar="CC", help="ISO 3166-1 alpha-2 country code.")
    ] = None,
    since: Annotated[
        str | None, typer.Option(metavar="DATE", help="From this day, YYYY[-MM[-DD]] (inclusive).")
    ] = None,
    until: Annotated[
        str | None, typer.Option(metavar="DATE", help="Up to this day (inclusive).")
    ] = None,
    type_: Annotated[
        str, typer.Option("--type", metavar="articles|events", help="What to list.")
    ] = "articles",
    event_type: Annotated[
        str | None, typer.Option(metavar="TYPE", help="PLOVER event type, e.g. CONSULT.")
    ] = None,
    limit: Annotated[
        int | None,
        typer.Option(metavar="N", help="Results per page, 1..100 (20; with --all, 100)."),
    ] = None,
    cursor: Annotated[
        str | None,
        typer.Option(metavar="TOKEN", help="The page after the one that printed this cursor."),
    ] = None,
    every_page: Annotated[
        bool, typer.Option("--all", help="Every page (100 a request unless --limit).")
    ] = False,
    as_json: Annotated[
        bool, typer.Option("--json", help="The API's JSON (with --all: one page per line).")
    ] = False,
) -> None:
    from services.cli.search_cmd import run_search

    params = {
        "q": query,
        "actor": actor,
        "place": place,
        "country": country,
        "since": since,
        "until": until,
        "type": type_,
        "event_type": event_type,
        "cursor": cursor,
    }
    given = {k: v for k, v in params.items() if v}
    if limit is not None:
        given["limit"] = str(limit)
    raise typer.Exit(run_search(given, as_json=as_json, every_page=every_page))


@app.command()
def reindex(
    allow_fewer: Annotated[
        bool,
        typer.Option(
            "--allow-fewer",
            help="Replace the index even when the new one holds fewer articles (the topic "
            "lost some to retention).",
        ),
    ] = False,
) -> None:
    """Rebuild the index from news.enriched.v2 and swap it in when caught up.

    A new consumer group reads the topic from its beginning into a new index (a new SQLite
    file, or a new PostgreSQL schema) while the running indexer goes on serving the old one;
    caught up, the new index replaces the old in one step, then takes what arrived meanwhile.
    """
    from services.cli.replay_cmd import run_reindex

    raise typer.Exit(_run_async(run_reindex(allow_fewer=allow_fewer), kafka_client=True))


@app.command()
def reextract(
    group: Annotated[
        str | None,
        typer.Option(
            metavar="NAME", help="Continue the run of this consumer group (one a run printed)."
        ),
    ] = None,
) -> None:
    """Re-run the extractor over every article in news.articles.v1 (a new model or rules).

    A new consumer group reads the topic from its beginning and publishes to news.enriched.v2
    and news.events.v2 with the same keys; each record carries the extractor's version and
    model, and the indexer replaces older readings with the new ones.
    """
    from services.cli.replay_cmd import run_reextract

    raise typer.Exit(_run_async(run_reextract(group), kafka_client=True))


@feeds_app.command("list")
def feeds_list() -> None:
    """Each feed with its health: last success, last error, items, next poll."""
    from services.cli.feeds_cmd import run_feeds_list

    raise typer.Exit(run_feeds_list())


@feeds_app.command("add")
def feeds_add(
    url: Annotated[str, typer.Argument(metavar="URL", help="The feed's URL.")],
    name: Annotated[str | None, typer.Option(metavar="NAME", help="A short name.")] = None,
) -> None:
    """Add a feed to NEWSFLOW_FEEDS_FILE."""
    from services.cli.feeds_cmd import run_feeds_add

    raise typer.Exit(run_feeds_add(url, name))


@feeds_app.command("import-opml")
def feeds_import_opml(
    file: Annotated[Path, typer.Argument(metavar="FILE", help="An OPML file.")],
) -> None:
    """Add every feed of an OPML file to NEWSFLOW_FEEDS_FILE."""
    from services.cli.feeds_cmd import run_feeds_import

    raise typer.Exit(run_feeds_import(file))


@dlq_app.command("list")
def dlq_list(
    limit: Annotated[int, typer.Option(help="At most this many origins.")] = 50,
    after: Annotated[
        str | None, typer.Option(help="Start after this PARTITION:OFFSET (the next page).")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per origin.")] = False,
) -> None:
    """Show dead-lettered messages, one line per origin with its count and error."""
    from services.cli.dlq_cmd import run_dlq_list

    raise typer.Exit(_run_async(run_dlq_list(limit, as_json, after), kafka_client=True))


@dlq_app.command("replay")
def dlq_replay(
    offsets: Annotated[
        list[str] | None, typer.Argument(help="PARTITION:OFFSET of records to replay; none = all.")
    ] = None,
    service: Annotated[
        str | None, typer.Option(help="Only records dead-lettered by this service.")
    ] = None,
) -> None:
    """Re-send dead-lettered messages to the topic they came from, each origin once."""
    from services.cli.dlq_cmd import run_dlq_replay

    raise typer.Exit(_run_async(run_dlq_replay(offsets or [], service), kafka_client=True))


def main() -> None:
    app(prog_name="newsflow")


if __name__ == "__main__":
    if len(sys.argv) == 2 and sys.argv[1] in ("fetcher", "extractor", "indexer"):
        _run_service(sys.argv[1])
    else:
        main()
