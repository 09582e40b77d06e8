"""mypy over pscompat/, checked "without new errors".

The modules named strict in pyproject.toml ([tool.mypy]) must have no error at all; the rest
of the package had errors when mypy was introduced (issue 9), kept in tools/mypy-baseline.txt.
This script runs mypy, writes each error as `path: [code] message` (no line numbers, so an edit
above an old error does not make it new), and fails listing every error that the baseline does
not hold.  An error that was fixed only shrinks the baseline: `--update` rewrites it (commit the
result).  Counted per line: the same message twice in one file is two errors.

    .venv/bin/python tools/mypy_baseline.py            # CI: fail on new errors
    .venv/bin/python tools/mypy_baseline.py --update   # after fixing some: shrink the baseline
"""

from __future__ import annotations

import argparse
import collections
import pathlib
import re
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
BASELINE = ROOT / "tools" / "mypy-baseline.txt"
# `path:line: error: message  [code]` (mypy's default output; --show-column-numbers is off)
_ERROR = re.compile(r"^(?P<path>[^:\n]+):\d+(?::\d+)?: error: (?P<message>.*?)(?:  \[(?P<code>[\w-]+)\])?$")


def run_mypy() -> tuple[list[str], str]:
    """The normalised errors of one mypy run over pscompat/, and mypy's whole output."""
    proc = subprocess.run(
        [sys.executable, "-m", "mypy", "--no-error-summary", "--hide-error-context", "--no-pretty", "pscompat"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    output = proc.stdout + proc.stderr
    errors = []
    for line in output.splitlines():
        match = _ERROR.match(line)
        if match:
            path = match["path"].replace("\\", "/")
            errors.append(f"{path}: [{match['code'] or 'misc'}] {match['message']}")
    if proc.returncode not in (0, 1) or (proc.returncode == 1 and not errors):
        # 2: mypy itself failed (bad config, crash): no list of errors to compare
        raise SystemExit(f"mypy failed (exit {proc.returncode}):\n{output}")
    return sorted(errors), output


def read_baseline() -> list[str]:
    if not BASELINE.exists():
        return []
    return [line for line in BASELINE.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--update", action="store_true", help="rewrite the baseline with today's errors")
    args = parser.parse_args(argv)
    errors, _ = run_mypy()
    if args.update:
        header = "# mypy errors accepted in pscompat/ (tools/mypy_baseline.py --update); shrink it, never grow it\n"
        BASELINE.write_text(header + "".join(e + "\n" for e in errors), encoding="utf-8")
        print(f"mypy baseline: {len(errors)} errors written to {BASELINE.relative_to(ROOT)}")
        return 0
    new = collections.Counter(errors) - collections.Counter(read_baseline())
    gone = collections.Counter(read_baseline()) - collections.Counter(errors)
    if new:
        print(f"mypy: {sum(new.values())} new error(s) not in {BASELINE.relative_to(ROOT)}:")
        for error in sorted(new.elements()):
            print("  " + error)
        print("Fix them (the line numbers: .venv/bin/mypy pscompat).")
        return 1
    note = f"; {sum(gone.values())} fixed, run with --update to shrink the baseline" if gone else ""
    print(f"mypy: no new errors ({len(errors)} in the baseline{note})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
