"""`python -m bench` (`make bench`): every benchmark module in bench/, one after another, or the
ones named (`python -m bench pipeline extract_steady`); `--help` lists them and runs none.

Each module's `main()` returns 0 when its target is met; this exits 1 when any returned
non-zero or raised, after running them all, so one failure does not hide the others' numbers.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys
import time
import traceback
from collections.abc import Callable

import bench


def benchmark_modules() -> list[str]:
    """The importable names of the benchmark modules, in name order."""
    return sorted(
        f"{bench.__name__}.{info.name}"
        for info in pkgutil.iter_modules(bench.__path__)
        if not info.name.startswith("_") and not info.ispkg
    )


def run_one(name: str) -> int:
    """Run one module's `main()`; its exit status (1 when it raised or has no `main`)."""
    started = time.perf_counter()
    print(f"== {name}", flush=True)
    try:
        module = importlib.import_module(name)
        entry: Callable[[], int | None] | None = getattr(module, "main", None)
        if entry is None:
            print(f"{name}: no main()")
            return 1
        saved, sys.argv = sys.argv, [name]  # a main() that parses sys.argv sees no options
        try:
            status = entry()
        finally:
            sys.argv = saved
    except SystemExit as exc:
        status = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    except Exception:
        traceback.print_exc()
        status = 1
    code = int(status or 0)
    print(f"== {name}: {'ok' if code == 0 else 'FAILED'} in {time.perf_counter() - started:.0f} s")
    return code


def main(argv: list[str] | None = None) -> int:
    modules = benchmark_modules()
    short = {name.rsplit(".", 1)[-1]: name for name in modules}
    parser = argparse.ArgumentParser(
        prog="python -m bench",
        description="Run the benchmarks (all of them when none is named); each takes minutes.",
        epilog="benchmarks: " + ", ".join(short),
    )
    parser.add_argument("names", nargs="*", metavar="NAME", help="benchmarks to run")
    args = parser.parse_args(argv)
    unknown = [name for name in args.names if name not in short]
    if unknown:
        parser.error(f"no benchmark {', '.join(unknown)} (benchmarks: {', '.join(short)})")
    chosen = [short[name] for name in args.names] or modules
    failed = [name for name in chosen if run_one(name) != 0]
    if failed:
        print(f"failed: {', '.join(failed)}")
        return 1
    print("all benchmarks met their targets")
    return 0


if __name__ == "__main__":
    sys.exit(main())
