"""The fuzzer (`python -m fuzz`) runs, finds nothing on a short fixed-seed run, and its guard
keeps mutated scripts inside the scratch directory.  Long runs happen outside CI."""

from __future__ import annotations

import os
import signal
import subprocess
import sys

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def test_a_short_fixed_seed_run_finds_nothing():
    proc = subprocess.run(
        [sys.executable, "-m", "fuzz", "--cases", "300", "--seed", "1"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    assert "300 cases in" in proc.stdout


def test_a_short_fixed_seed_run_of_the_command_line_finds_nothing():
    # every delivery (file, stdin, -Command, closed stdout) twice, in several encodings
    proc = subprocess.run(
        [sys.executable, "-m", "fuzz", "--cli", "--cases", "8", "--seed", "1"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    assert "8 command-line runs in" in proc.stdout
    assert "modes {'file': 2, 'stdin': 2, 'command': 2, 'closed': 2}" in proc.stdout


def test_the_command_line_fuzzer_reports_what_a_user_must_never_see():
    sys.path.insert(0, ROOT)
    try:
        from fuzz.cli import _signature
    finally:
        sys.path.pop(0)
    traceback = 'Traceback (most recent call last):\n  File "/x/pscompat/shell/cli.py", line 3, in f\nKeyError: 1\n'
    assert _signature(traceback, 1, False) == 'traceback: KeyError: 1 at shell/cli.py", line 3, in f'
    assert _signature("InternalError: KeyError: 1\n", 1, False) == "InternalError: KeyError: 1"
    assert _signature("BrokenPipeError: [Errno 32] Broken pipe\n", 1, False).startswith("closed pipe")
    assert _signature("", -11, False) == "killed by signal SIGSEGV"
    assert _signature("", None, True) == "hang: Ctrl-C did not end the run"
    for fine in (("", 0), ("ParserError: ...\n", 1), ("", 141), ("", -int(signal.SIGINT))):
        assert _signature(fine[0], fine[1], False) is None


def test_the_guard_refuses_writes_outside_the_scratch_directory(tmp_path):
    sys.path.insert(0, ROOT)
    try:
        from fuzz.guard import Guard
    finally:
        sys.path.pop(0)
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    outside = tmp_path / "outside.txt"
    outside.write_text("keep")
    with Guard(str(scratch)):
        (scratch / "inside.txt").write_text("ok")
        assert open(outside).read() == "keep"  # reading is allowed
        for attempt in (
            lambda: open(outside, "w"),
            lambda: os.remove(outside),
            lambda: outside.unlink(),
            lambda: os.rename(outside, scratch / "x"),
            lambda: os.mkdir(tmp_path / "d"),
            lambda: outside.touch(),
            lambda: os.chdir(tmp_path),
        ):
            with pytest.raises(PermissionError):
                attempt()
    assert outside.read_text() == "keep"
    assert (scratch / "inside.txt").read_text() == "ok"
    open(tmp_path / "after.txt", "w").close()  # the guard is gone once the block ends
