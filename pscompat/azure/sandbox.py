"""The sandbox's command line: `python -m pscompat.azure.sandbox path | reset | grow N | check`."""

from __future__ import annotations

import sys
import time

from pscompat.azure.backends import store


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    usage = "usage: python -m pscompat.azure.sandbox reset | grow N | path | check"
    if not args or args[0] not in ("reset", "grow", "path", "check"):
        print(usage, file=sys.stderr)
        return 2
    if args[0] == "path":
        print(store.db_path())
    elif args[0] == "reset":
        print(f"reset {store.reset()}")
    elif args[0] == "grow":
        if len(args) != 2 or not args[1].isdigit():
            print(usage, file=sys.stderr)
            return 2
        started = time.perf_counter()
        added = store.grow(int(args[1]))
        print(f"added {added} synthetic images in {time.perf_counter() - started:.2f}s")
    else:
        problems = store.check()
        print("\n".join(problems) or "consistent")
        return 1 if problems else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
