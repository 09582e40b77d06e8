"""The sandbox's command line: `python -m pscompat.azure.sandbox path | reset | grow N | check`.

Whatever happens (bad arguments, no home folder, a read-only, full or damaged store, Ctrl-C) it
prints one clear line on stderr and exits non-zero: 2 for a usage error, 1 for a failure, 130 when
interrupted; never a Python traceback."""

from __future__ import annotations

import sqlite3
import sys
import time

from pscompat.azure.backends import storage_errors, store
from pscompat.azure.backends.base import CloudError

USAGE = """usage: python -m pscompat.azure.sandbox COMMAND
  path     print where the sandbox database is
  reset    back to the seeded state (a damaged file is kept aside)
  grow N   make the catalog hold N synthetic public images (benchmarks)
  check    report consistency problems (exit 1 when there are any)"""


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args in (["-h"], ["--help"], ["help"]):
        print(USAGE)
        return 0
    valid = bool(args) and (
        (args[0] in ("reset", "path", "check") and len(args) == 1)
        or (args[0] == "grow" and len(args) == 2 and args[1].isascii() and args[1].isdigit())
    )
    if not valid:
        print(USAGE, file=sys.stderr)
        return 2
    try:
        return _run(args)
    except CloudError as err:
        print(f"error: {err.message}", file=sys.stderr)
    except (sqlite3.Error, OSError) as err:
        print(f"error: {storage_errors.translate(err, _path_or_home()).message}", file=sys.stderr)
    except KeyboardInterrupt:
        print("interrupted: nothing was changed", file=sys.stderr)
        return 130
    return 1


def _path_or_home():
    try:
        return store.db_path()
    except CloudError:
        return "the sandbox"


def _run(args: list[str]) -> int:
    command = args[0]
    if command == "path":
        print(store.db_path())
    elif command == "reset":
        path, kept = store.reset()
        print(f"reset {path}" + (f" (the damaged file is kept as {kept})" if kept else ""))
    elif command == "grow":
        started = time.perf_counter()
        added = store.grow(int(args[1]))
        print(f"added {added} synthetic images in {time.perf_counter() - started:.2f}s")
    else:
        path = store.db_path()
        if not path.exists():
            print(f"no sandbox yet at {path} (it is made on first use)")
            return 0
        problems = store.check()
        print("\n".join(problems) or "consistent")
        return 1 if problems else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
