"""Timing helpers, the table, the JSON and RESULTS.md."""

from __future__ import annotations

import json
import os
import platform
import statistics
import subprocess
import sys
import time
from datetime import datetime, timezone


def median_time(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def alternating(ps_fn, py_fn, rounds: int) -> dict:
    """Time `ps_fn` and `py_fn` in alternating rounds (ps, py, ps, py, ...) after one warm-up
    call of each, so load on the machine lands on both sides alike.  Min and median of each."""
    ps_fn()
    py_fn()
    ps_times, py_times = [], []
    for _ in range(rounds):
        t = time.perf_counter()
        ps_fn()
        ps_times.append(time.perf_counter() - t)
        t = time.perf_counter()
        py_fn()
        py_times.append(time.perf_counter() - t)
    return {
        "ps_min": min(ps_times),
        "ps_median": statistics.median(ps_times),
        "py_min": min(py_times),
        "py_median": statistics.median(py_times),
    }


def timing_fields(t: dict) -> dict:
    return {"ps_min": t["ps_min"], "py_min": t["py_min"]}


def row(
    case, size, pscompat_s, python_s, ratio, goal, met, peak_mb=None, unit="x", note="", ps_min=None, py_min=None
) -> dict:
    return {
        "ps_min": ps_min,
        "py_min": py_min,
        "case": case,
        "size": size,
        "pscompat_s": pscompat_s,
        "python_s": python_s,
        "ratio": ratio,
        "unit": unit,
        "peak_mb": peak_mb,
        "goal": goal,
        "met": met,
        "note": note,
    }


COLUMNS = ("case", "size", "pscompat", "python", "ratio", "min ratio", "peak MB", "goal", "met?")


def _secs(v) -> str:
    if v is None:
        return "—"
    return f"{v * 1000:.2f} ms" if v < 0.1 else f"{v:.3f} s"


def _ratio(r: dict) -> str:
    v = r["ratio"]
    if v is None:
        return "—"
    if r["unit"] == "x":
        return f"{v:.3g}" if v < 0.1 else f"{v:.2f}"
    if r["unit"] in ("s", "s added"):
        return ("+" if r["unit"] == "s added" else "") + _secs(v)
    if r["unit"] == "µs":
        return f"{v:.1f} µs"
    return f"{v:.1f} {r['unit']}"


def _min_ratio(r: dict) -> str:
    """pscompat's fastest round over Python's fastest round (the two medians make `ratio`)."""
    if r.get("ps_min") and r.get("py_min") and r["unit"] == "x":
        v = r["ps_min"] / r["py_min"]
        return f"{v:.3g}" if v < 0.1 else f"{v:.2f}"
    return "—"


def cells(r: dict) -> list[str]:
    met = "skipped" if r["met"] is None else ("yes" if r["met"] else "NO")
    return [
        r["case"],
        f"{r['size']:,}",
        _secs(r["pscompat_s"]),
        _secs(r["python_s"]),
        _ratio(r),
        _min_ratio(r),
        "—" if r["peak_mb"] is None else f"{r['peak_mb']:.1f}",
        r["goal"],
        met,
    ]


def text_table(rows: list[dict]) -> str:
    data = [list(COLUMNS)] + [cells(r) for r in rows]
    widths = [max(len(line[i]) for line in data) for i in range(len(COLUMNS))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(line, widths)).rstrip() for line in data]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def markdown_table(rows: list[dict]) -> str:
    out = ["| " + " | ".join(COLUMNS) + " |", "|" + "---|" * len(COLUMNS)]
    for r in rows:
        out.append("| " + " | ".join(c.replace("|", "\\|") for c in cells(r)) + " |")
    return "\n".join(out)


def write_json(rows: list[dict], path: str) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        json.dump(rows, fh, indent=2, default=str)
        fh.write("\n")


def machine() -> dict:
    try:
        uname = subprocess.run(["uname", "-a"], capture_output=True, text=True).stdout.strip()
    except OSError:
        uname = " ".join(platform.uname())
    cpu = platform.processor() or "unknown"
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    try:
        head = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            cwd=os.path.dirname(os.path.abspath(__file__)),
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no", "--", "pscompat"],
            capture_output=True,
            text=True,
            cwd=os.path.dirname(os.path.abspath(__file__)),
        ).stdout
        commit = (head + (" + uncommitted changes under pscompat/" if dirty.strip() else "")) or "unknown"
    except OSError:
        commit = "unknown"
    return {
        "commit": commit,
        "load": " / ".join(f"{x:.2f}" for x in os.getloadavg()),
        "uname": uname,
        "cpu": cpu,
        "cores": os.cpu_count(),
        "python": sys.version.split()[0],
        "implementation": platform.python_implementation(),
        "date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
    }
