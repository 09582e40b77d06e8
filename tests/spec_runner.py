"""Spec files in Oils' format (docs/spec-tests.md): cases as data, re-checkable against real pwsh.

#### name of the case            (a comment line `# source: ...` may follow: where the behaviour is defined)
<script lines>
## STDOUT:                        the rendered output (what pwsh prints), up to `## END`
## RESULT: <json>                 or: the output as plain Python (pscompat.to_python), one JSON list
## ERROR: <message>               or: the script-terminating error's message
## ERRORS: <message> | <message>  non-terminating errors (their messages), in order
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

SPEC_DIR = Path(__file__).parent / "spec"


@dataclass
class Case:
    file: str
    name: str
    line: int
    script: str = ""
    stdout: str | None = None
    result: object = None
    has_result: bool = False
    error: str | None = None
    errors: list = field(default_factory=list)

    @property
    def id(self) -> str:
        return f"{Path(self.file).stem}:{self.line}:{self.name}"


def load_cases(path: Path) -> list[Case]:
    cases: list[Case] = []
    cur: Case | None = None
    mode = "script"
    buf: list[str] = []
    for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if raw.startswith("#### "):
            if cur is not None:
                _finish(cur, mode, buf)
                cases.append(cur)
            cur, mode, buf = Case(str(path), raw[5:].strip(), n), "script", []
            continue
        if cur is None:
            continue
        if mode == "stdout":
            if raw == "## END":
                cur.stdout = "\n".join(buf) + ("\n" if buf else "")
                mode, buf = "done", []
            else:
                buf.append(raw)
            continue
        if raw.startswith("## STDOUT:"):
            _finish(cur, mode, buf)
            mode, buf = "stdout", []
        elif raw.startswith("## RESULT:"):
            _finish(cur, mode, buf)
            cur.result, cur.has_result, mode, buf = json.loads(raw[10:].strip()), True, "done", []
        elif raw.startswith("## ERRORS:"):
            _finish(cur, mode, buf)
            cur.errors, mode, buf = [e.strip().replace("\\n", "\n") for e in raw[10:].split(" | ")], "done", []
        elif raw.startswith("## ERROR:"):
            _finish(cur, mode, buf)
            cur.error, mode, buf = raw[9:].strip().replace("\\n", "\n"), "done", []
        elif mode == "script" and not raw.startswith("# source:"):
            buf.append(raw)
    if cur is not None:
        _finish(cur, mode, buf)
        cases.append(cur)
    return cases


def _finish(case: Case, mode: str, buf: list[str]) -> None:
    if mode == "script":
        case.script = "\n".join(buf).strip("\n")


def all_cases() -> list[Case]:
    out = []
    for path in sorted(SPEC_DIR.glob("*.test.ps1")):
        out.extend(load_cases(path))
    return out
