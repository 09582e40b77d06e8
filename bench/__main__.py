"""`python -m bench`: run every case and print the table (see bench/__init__.py)."""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import sys
import tempfile
import time
from pathlib import Path

from . import cases, runner

DEFAULT = {
    "objects": 200_000,
    "images": 100_000,
    "stream": 1_000_000,
    "loop": 1_000_000,
    "fib": 22,
    "lines": 1000,
    "runs": 3,
    "startup_runs": 5,
}
QUICK = {
    "objects": 2_000,
    "images": 500,
    "stream": 20_000,
    "loop": 20_000,
    "fib": 12,
    "lines": 100,
    "runs": 1,
    "startup_runs": 1,
}
RESULTS = Path(__file__).with_name("RESULTS.md")


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m bench", description="pscompat benchmark suite (issue 6)")
    p.add_argument("--quick", action="store_true", help="tiny sizes, one run each (a smoke test, not a measurement)")
    p.add_argument("--json", metavar="FILE", help="also write one JSON object per case to FILE")
    p.add_argument(
        "--write-results",
        nargs="?",
        const=str(RESULTS),
        metavar="FILE",
        help=f"write the Markdown report (default {RESULTS.relative_to(Path.cwd()) if RESULTS.is_relative_to(Path.cwd()) else RESULTS}) with a cProfile of the worst case",
    )
    p.add_argument("--objects", type=int, help="in-memory image objects (default 200000, the issue's size)")
    p.add_argument("--images", type=int, help="synthetic images in the sandbox (default 100000)")
    p.add_argument("--stream", type=int, help="N of 1..N in the streaming-memory case (default 1000000)")
    p.add_argument("--loop", type=int, help="iterations of the loop rows (default 1000000)")
    p.add_argument(
        "--runs", type=int, help="alternating rounds per case (pscompat, python, ...); min and median (default 3)"
    )
    p.add_argument(
        "--startup-here",
        action="store_true",
        help="time start-up with this environment's pscompat (maybe an editable install) instead of "
        "building a wheel and installing it into a temporary venv",
    )
    p.add_argument(
        "--only",
        action="append",
        default=[],
        metavar="TEXT",
        help="run only the in-memory pipeline rows whose name contains TEXT (repeatable; implies "
        "--skip of every other group)",
    )
    p.add_argument("--no-memory", action="store_true", help="skip the tracemalloc peak-memory runs")
    p.add_argument(
        "--skip",
        action="append",
        default=[],
        choices=("objects", "general", "sandbox", "stream", "parse", "startup"),
        help="leave out a group of cases",
    )
    return p


def _profile(fn, top: int = 10) -> str:
    prof = cProfile.Profile()
    prof.enable()
    fn()
    prof.disable()
    out = io.StringIO()
    # cumulative, leaving out the entry chain (bench, session, statement runner, pipeline driver)
    pstats.Stats(prof, stream=out).sort_stats("cumulative").print_stats(
        r"pscompat/(?!session|compiler_stmt|pipeline\.py)", top
    )
    text = out.getvalue()
    # keep the header line and the table only
    lines = [line.rstrip() for line in text.splitlines() if line.strip()]
    start = next((i for i, line in enumerate(lines) if "function calls" in line), 0)
    out2 = io.StringIO()
    pstats.Stats(prof, stream=out2).sort_stats("tottime").print_stats(top)
    lines2 = [line.rstrip() for line in out2.getvalue().splitlines() if line.strip()]
    start2 = next((i for i, line in enumerate(lines2) if "Ordered by" in line), 0)
    return "\n".join(lines[start:] + [""] + lines2[start2:])


def _limit(goal: str) -> float:
    """The number of a goal written `... <= N [unit]`."""
    return float(goal.split("<=")[1].split()[0])


def _worst(rows: list[dict]) -> dict | None:
    """The missed `<=` goal that misses by the largest factor."""
    worst, factor = None, 1.0
    for r in rows:
        if "<=" not in r["goal"] or r["met"] is not False or r["case"] not in cases.PROFILE_TARGETS:
            continue
        limit = _limit(r["goal"])
        if r["ratio"] / limit > factor:
            worst, factor = r, r["ratio"] / limit
    return worst


def _miss_paragraph(r: dict) -> str:
    goal = r["goal"]
    if r["unit"] == "x":
        limit = _limit(goal)
        how = f"ratio {r['ratio']:.3g} against a goal of ≤ {limit:g}: {r['ratio'] / limit:.1f}× over the limit"
        if r["python_s"] is not None:
            how += (
                f" (pscompat {runner._secs(r['pscompat_s'])}, comparison {runner._secs(r['python_s'])}; "
                f"meeting it needs pscompat at ≤ {runner._secs(r['python_s'] * limit)})"
            )
    elif r["unit"] == "MB grown":
        how = f"peak RSS grew {r['ratio']:.1f} MB against < 50 MB: {r['ratio'] - 50:.1f} MB over"
    elif r["unit"] == "µs" or (r["unit"] == "s" and "<=" in goal):
        limit = _limit(goal)
        shown = f"{r['ratio']:.1f} µs" if r["unit"] == "µs" else runner._secs(r["ratio"])
        how = f"{shown} against {goal}: {r['ratio'] / limit:.1f}× the limit"
    elif r["unit"] == "s added":
        how = f"start-up +{r['ratio'] * 1000:.0f} ms against + < 80 ms: {r['ratio'] * 1000 - 80:.0f} ms over"
    else:
        limit = 1.0 if "1 s" in goal else 0.005
        how = f"{runner._secs(r['ratio'])} against {goal}: {r['ratio'] / limit:.1f}× the limit"
    return f"- **{r['case']}** (size {r['size']:,}) — missed: {how}."


def write_results(rows, sizes, path, elapsed, profile_text, profile_case, load_before="") -> None:
    m = runner.machine()
    parts = [
        "# pscompat benchmark results",
        "",
        "Generated by `python -m bench --write-results` — do not edit by hand; re-run to regenerate.",
        "",
        f"- Date: {m['date']}",
        f"- Machine: `{m['uname']}`",
        f"- CPU: {m['cpu']} ({m['cores']} logical cores)",
        f"- Python: {m['implementation']} {m['python']}",
        f"- pscompat: {m['commit']}",
        f"- Load average (1/5/15 min) before the run: {load_before}; after: {m['load']} "
        "(a shared machine: other work running at the same time shifts both sides' times)",
        f"- Sizes: {sizes['objects']:,} in-memory image objects, {sizes['images']:,} synthetic sandbox images, "
        f"1..{sizes['stream']:,} streamed, {sizes['loop']:,}-iteration loops, {sizes['lines']:,}-line parse "
        f"script; {sizes['runs']} alternating rounds per case ({sizes['startup_runs']} for start-up); "
        f"whole suite took {elapsed:.0f} s.",
        "",
    ]
    if sizes["objects"] < 200_000:
        parts += [
            f"The issue asks for 200k objects; this run used {sizes['objects']:,} (`--objects`) so that it "
            "fits its time on a loaded 2-core machine; ratios at 200,000 (the default) are not measured here.",
            "",
        ]
    parts += [
        "pscompat time = median wall time of `pscompat.run(...)` (parse cache warm, one warm-up call first); "
        "python = the hand-written Python for the same work in the same process, timed in rounds alternating "
        "with pscompat's (so load on the machine lands on both sides); ratio = median / median, min ratio = "
        "fastest round / fastest round; function call: µs per call; fib 22: seconds "
        "(early stop: `Select -First 1` over the full listing; streaming memory: MB of peak RSS grown, in a "
        "subprocess; parse: seconds; xonsh start-up: seconds added). Peak MB = tracemalloc peak of one extra "
        "pscompat call (for streaming memory: the peak sampled RSS of the subprocess).",
        "",
        runner.markdown_table(rows),
        "",
        "Notes per row:",
        "",
    ]
    parts += [f"- {r['case']}: {r['note']}" for r in rows if r["note"]]
    missed = [r for r in rows if r["met"] is False]
    parts += ["", "## Missed goals", ""]
    parts += [_miss_paragraph(r) for r in missed] or ["None."]
    if missed:
        parts += [
            "",
            "Where the time goes: the notes per row above"
            + ("; the profile below is the worst in-process case's." if profile_text else "."),
        ]
    if profile_text:
        parts += [
            "",
            f"## cProfile of the worst case: {profile_case}",
            "",
            "One pscompat call at the suite's size, top 10 by cumulative time (the session/pipeline entry chain left out) then by own time (cProfile's overhead inflates the totals):",
            "",
            "```",
            profile_text,
            "```",
        ]
    Path(path).write_text("\n".join(parts) + "\n", encoding="utf-8")


def main(argv=None) -> int:
    opts = _parser().parse_args(argv)
    sizes = dict(QUICK if opts.quick else DEFAULT)
    for key in ("objects", "images", "stream", "loop", "runs"):
        if getattr(opts, key) is not None:
            sizes[key] = getattr(opts, key)
    memory = not opts.no_memory
    started = time.perf_counter()
    load_before = " / ".join(f"{x:.2f}" for x in os.getloadavg())
    rows: list[dict] = []
    old_home = os.environ.get("PSCOMPAT_HOME")
    with tempfile.TemporaryDirectory(prefix="pscompat-bench-", ignore_cleanup_errors=True) as home:
        try:
            os.environ["PSCOMPAT_HOME"] = home  # never touch the user's own sandbox
            groups = [
                ("objects", lambda: cases.object_cases(sizes["objects"], sizes["runs"], memory, opts.only)),
                ("general", lambda: cases.general_cases(sizes["loop"], sizes["runs"], sizes["fib"])),
                ("sandbox", lambda: cases.sandbox_cases(sizes["images"], sizes["runs"], home, memory)),
                ("stream", lambda: cases.streaming_case(sizes["stream"])),
                ("parse", lambda: cases.parse_cases(sizes["lines"], max(sizes["runs"], 3))),
                ("startup", lambda: cases.startup_cases(sizes["startup_runs"], installed=not opts.startup_here)),
            ]
            for name, fn in groups:
                if name in opts.skip or (opts.only and name != "objects"):
                    continue
                t = time.perf_counter()
                got = fn()
                rows += got
                print(f"# {name}: {len(got)} case(s) in {time.perf_counter() - t:.1f} s", file=sys.stderr, flush=True)
            elapsed = time.perf_counter() - started
            print(runner.text_table(rows))
            print(f"\n{len(rows)} cases in {elapsed:.1f} s", flush=True)
            if opts.json:
                runner.write_json(rows, opts.json)
            if opts.write_results:
                worst = _worst(rows)
                profile_text = _profile(cases.PROFILE_TARGETS[worst["case"]]) if worst else ""
                write_results(
                    rows, sizes, opts.write_results, elapsed, profile_text, worst and worst["case"], load_before
                )
                print(f"wrote {opts.write_results}")
        finally:
            if old_home is None:
                os.environ.pop("PSCOMPAT_HOME", None)
            else:
                os.environ["PSCOMPAT_HOME"] = old_home
    return 0


if __name__ == "__main__":
    sys.exit(main())
