"""Smoke test of the benchmark suite's runner: tiny sizes, output shape and the results' agreement
with hand-written Python (no timing assertions)."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_bench_quick_prints_table_and_json(tmp_path):
    out = tmp_path / "bench.json"
    env = dict(os.environ, PSCOMPAT_HOME=str(tmp_path / "home"))
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "bench",
            "--quick",
            "--no-memory",
            "--skip",
            "startup",
            "--stream",
            "2000",
            "--objects",
            "300",
            "--loop",
            "2000",
            "--json",
            str(out),
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    header = proc.stdout.splitlines()[0].split()
    assert header[:4] == ["case", "size", "pscompat", "python"] and "goal" in header
    rows = json.loads(out.read_text())
    names = {r["case"] for r in rows}
    assert {
        "where + project",
        "where: simplified -eq",
        "where: simplified -like '*x*'",
        "sort | select -First 1",
        "group: two properties",
        "measure: -Sum",
        "select: -ExpandProperty",
        "pipeline rows: median ratio",
        "sort with $null keys",
        "for loop",
        "foreach statement",
        "$list.Add($i)",
        "function call",
        "fib 12",
        "early stop",
        "listing",
        "streaming memory",
        "parse: script",
        "parse: interactive line",
    } <= names
    assert len([r for r in rows if r["goal"] == "ratio <= 3"]) >= 31  # issue 15's 31 variants and more
    for r in rows:
        assert {"case", "ratio", "goal", "met", "size"} <= r.keys()
        # each row checks that pscompat's output agrees with the hand-written Python's
        assert "DIFFER" not in r["note"] and "RESULT " not in r["note"], r
        assert isinstance(r["ratio"], (int, float)) and r["ratio"] >= 0
        assert r["case"] in proc.stdout
    # the suite must not touch the caller's own sandbox home
    assert not (tmp_path / "home").exists() or not any((tmp_path / "home").iterdir())
