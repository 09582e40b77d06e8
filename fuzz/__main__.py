"""`python -m fuzz`: mutation-fuzz the engine; exit status 1 when anything escaped as a Python error.

python -m fuzz --cases 300 --seed 1      # the short deterministic run the tests use
python -m fuzz --seconds 600             # a long run (outside CI)
python -m fuzz --seconds 600 --report findings.txt
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile


def main(argv=None) -> int:
    p = argparse.ArgumentParser(prog="python -m fuzz", description=__doc__.splitlines()[0])
    p.add_argument("--cases", type=int, default=10**9, help="stop after this many scripts")
    p.add_argument("--seconds", type=float, default=None, help="stop after this long")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--timeout", type=float, default=2.0, help="seconds one script may run")
    p.add_argument("--report", help="also write the findings (script and traceback) to this file")
    p.add_argument(
        "--memory-mb",
        type=int,
        default=4096,
        help="address-space limit: a script like `1..1e9 | …` gets a MemoryError instead of "
        "driving the machine into its OOM killer",
    )
    opts = p.parse_args(argv)
    if opts.cases == 10**9 and opts.seconds is None:
        opts.seconds = 60.0

    limit = opts.memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    with tempfile.TemporaryDirectory(prefix="pscompat-fuzz-") as scratch:
        # The engine runs in this process: its sandbox, cwd and PATH all point at scratch.
        os.environ["PSCOMPAT_HOME"] = os.path.join(scratch, "home")
        os.environ["PSCOMPAT_CACHE_DIR"] = ""
        os.environ["HOME"] = scratch
        os.environ["PATH"] = ""
        os.chdir(scratch)
        from .engine import fuzz
        from .guard import Guard

        with Guard(scratch):
            findings = fuzz(opts.cases, opts.seconds, opts.seed, opts.timeout)
        os.chdir("/")
    for f in findings.values():
        print(f"\n=== {f.signature} (x{f.count})\n{f.script}\n{f.traceback}")
    if opts.report:
        with open(opts.report, "w", encoding="utf-8") as fh:
            for f in findings.values():
                fh.write(f"=== {f.signature} (x{f.count})\n{f.script}\n{f.traceback}\n")
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
