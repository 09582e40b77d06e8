"""`python -m fuzz`: mutation-fuzz the engine; exit status 1 when anything escaped as a Python error.

python -m fuzz --cases 300 --seed 1      # the short deterministic run the tests use
python -m fuzz --seconds 600             # a long run (outside CI)
python -m fuzz --seconds 600 --report findings.txt
python -m fuzz --cli --cases 12 --seed 1  # the command line as a process: files, encodings, pipes
python -m fuzz --cli --seconds 300        # (fuzz.cli)
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
    p.add_argument("--cli", action="store_true", help="run the command line as a process (fuzz.cli)")
    opts = p.parse_args(argv)
    if opts.cases == 10**9 and opts.seconds is None:
        opts.seconds = 60.0

    if opts.cli:
        return _main_cli(opts)
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


def _main_cli(opts) -> int:
    from .cli import fuzz_cli

    with tempfile.TemporaryDirectory(prefix="pscompat-fuzz-cli-") as scratch:
        findings, _ = fuzz_cli(
            opts.cases, opts.seconds, opts.seed, max(opts.timeout, 5.0), scratch, min(opts.memory_mb, 2048)
        )
    for f in findings.values():
        print(f"\n=== {f.signature} (x{f.count}; {f.mode}, {f.encoding})\n{f.data[:2000]!r}\n{f.stderr[-3000:]}")
    if opts.report:
        with open(opts.report, "w", encoding="utf-8") as fh:
            for f in findings.values():
                fh.write(f"=== {f.signature} (x{f.count}; {f.mode}, {f.encoding})\n{f.data!r}\n{f.stderr}\n")
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
