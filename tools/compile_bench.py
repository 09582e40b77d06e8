"""Issue 15's table, ad hoc: each script's time as a ratio to hand-written Python, with script
blocks compiled to Python (engine/pycompile) and with the closure compiler alone, timed in
alternating rounds in one process so that load on the machine lands on every side alike.

    .venv/bin/python tools/compile_bench.py [--n 200000] [--rounds 5] [--only SUBSTRING] [--profile NAME]

Objects are bench/cases.py's images (pscompat.azure's OSImageContext).  The ratio is the
median of the rounds; `min` is the best round.  bench/ (the perf helper's) has the official rows.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import pscompat
from bench.cases import FAMILY_QUERY, make_images
from pscompat import session as session_module
from pscompat.engine.pycompile.driver import set_enabled


def _fib(n):
    return n if n < 2 else _fib(n - 1) + _fib(n - 2)


def _for_loop():
    t = 0
    for i in range(1_000_000):
        t += i
    return [t]


CASES = [
    (
        "Where {-gt -and -like}",
        "$objs | Where-Object {$_.LogicalSizeInGB -gt 127 -and $_.Label -like '*build 1*'}",
        lambda objs, f: [o for o in objs if o.LogicalSizeInGB > 127 and "build 1" in o.Label.lower()],
    ),
    (
        "Where {($_.ImageFamily) -eq $f}",
        "$objs | Where-Object {($_.ImageFamily) -eq $f}",
        lambda objs, f: [o for o in objs if o.ImageFamily.casefold() == f],
    ),
    (
        "Where {.StartsWith('Ubuntu')}",
        "$objs | Where-Object {$_.ImageFamily.StartsWith('Ubuntu')}",
        lambda objs, f: [o for o in objs if o.ImageFamily.startswith("Ubuntu")],
    ),
    (
        "Where { $s = ...; $s -gt 127 }",
        "$objs | Where-Object { $s = $_.LogicalSizeInGB; $s -gt 127 }",
        lambda objs, f: [o for o in objs if o.LogicalSizeInGB > 127],
    ),
    (
        "foreach { if (...) { $o } }",
        "foreach ($o in $objs) { if ($o.LogicalSizeInGB -gt 127) { $o } }",
        lambda objs, f: [o for o in objs if o.LogicalSizeInGB > 127],
    ),
    (
        "ForEach-Object { $_.Label.ToUpper() }",
        "$objs | ForEach-Object { $_.Label.ToUpper() }",
        lambda objs, f: [o.Label.upper() for o in objs],
    ),
    (
        "for loop, 1M iterations",
        "$t = 0; for ($i = 0; $i -lt 1000000; $i++) { $t += $i }; $t",
        lambda objs, f: _for_loop(),
    ),
    (
        "fib 22",
        "function fib($n) { if ($n -lt 2) { $n } else { (fib ($n - 1)) + (fib ($n - 2)) } }; fib 22",
        lambda objs, f: [_fib(22)],
    ),
]


def _time(fn) -> tuple[float, object]:
    t0 = time.perf_counter()
    out = fn()
    return time.perf_counter() - t0, out


def _run_ps(script: str, compiled: bool, objs, f):
    set_enabled(compiled)
    session_module._COMPILED.clear()
    return lambda: list(pscompat.run(script, objs=objs, f=f))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=200_000)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--only", default="")
    ap.add_argument("--no-closures", action="store_true", help="skip the closure-compiler column")
    ap.add_argument("--profile", default="", help="cProfile the compiled run of the case containing this text")
    args = ap.parse_args(argv)
    objs = make_images(args.n)
    f = FAMILY_QUERY
    cases = [c for c in CASES if args.only.lower() in c[0].lower()]
    if args.profile:
        import cProfile
        import pstats

        name, script, _ = next(c for c in CASES if args.profile.lower() in c[0].lower())
        run = _run_ps(script, True, objs, f)
        run()
        prof = cProfile.Profile()
        prof.runcall(run)
        pstats.Stats(prof).sort_stats("tottime").print_stats(15)
        return 0
    print(f"{'case':40} {'python':>9} {'compiled':>9} {'ratio':>7} {'closures':>9} {'ratio':>7}")
    for name, script, py in cases:
        times: dict[str, list[float]] = {"py": [], "gen": [], "clo": []}
        outs = {}
        for _ in range(args.rounds):
            for side in ("py", "gen", "clo"):
                if side == "clo" and args.no_closures:
                    continue
                fn = (lambda py=py: py(objs, f)) if side == "py" else _run_ps(script, side == "gen", objs, f)
                fn()  # compiled (and warm) before it is timed
                t, out = _time(fn)
                times[side].append(t)
                outs[side] = len(out)
        set_enabled(True)
        if len(set(outs.values())) != 1:
            print(f"  !! {name}: output lengths differ {outs}")
        py_t = statistics.median(times["py"])
        gen_t = statistics.median(times["gen"])
        line = f"{name:40} {py_t * 1000:8.1f}ms {gen_t * 1000:8.1f}ms {gen_t / py_t:6.1f}x"
        if times["clo"]:
            clo_t = statistics.median(times["clo"])
            line += f" {clo_t * 1000:8.1f}ms {clo_t / py_t:6.1f}x"
        print(line, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
