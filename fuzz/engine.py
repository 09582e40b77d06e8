"""Mutation fuzzing of the whole engine: parse, run and render mutated real scripts.

The corpus is every script the project already knows to be meaningful: the spec cases
(tests/spec), the examples and the seed snippets.  Each case applies a few token-level
mutations (delete, duplicate, insert a PowerShell-significant token, borrow a token from
another script, splice two scripts) and runs the result the way the command line does.

A finding is any Python exception other than PSError that escapes (what a user would see as
"InternalError"), a RecursionError included.  Timeouts are counted, not reported: a mutation
easily writes `while ($true) {}`; so are runs that hit the memory limit (`'x' * 1e10`).  Findings are shrunk to a small script that still fails the
same way, and grouped by exception type and the innermost pscompat frame.
"""

from __future__ import annotations

import glob
import io
import os
import random
import re
import signal
import sys
import traceback
import warnings
from dataclasses import dataclass, field

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
_TOKEN = re.compile(r"\s+|[\w-]+|\$\w+|.", re.S)
SYNTAX = [
    "{",
    "}",
    "(",
    ")",
    "[",
    "]",
    "$",
    "@",
    "|",
    ";",
    ",",
    "'",
    '"',
    "$_",
    "$null",
    "$true",
    " -eq ",
    " -like ",
    "..",
    "::",
    ".",
    " -f ",
    "1",
    "0",
    "-1",
    "'x'",
    "@()",
    "@{}",
    "[int]",
    "[string]",
    "$(",
    "`",
    "\n",
    " = ",
    "+",
    "*",
    "/",
    "%",
    "!",
    " -not ",
    " -join ",
    " -split ",
    " -replace ",
    " -as ",
    "[datetime]",
    "[math]::",
    ".Count",
    ".Length",
    "[0]",
    "[-1]",
    "2147483647",
    "1e308",
    "0x",
    "1KB",
    " -and ",
    " -band ",
    "++",
    "--",
    "?",
    " ?? ",
    "&",
    "&&",
    "||",
    "2>&1",
    " > ",
    "@args",
    "$args",
    "$input",
    "$PSItem",
    " -ErrorAction Stop",
    " -Verbose",
    "[pscustomobject]",
    "[ordered]",
    "[hashtable]",
]
# Commands that would change the machine (files, directories, other processes) or only wait.
# The guard refuses file writes anyway; processes it cannot guard, so no Process object (and
# its .Kill()) ever reaches a mutated script.  A function of the same name wins over the cmdlet
# and over its aliases (ps, kill, gps, spps).
_DISARMED = [
    "Remove-Item",
    "Set-Content",
    "Add-Content",
    "Out-File",
    "Export-Csv",
    "Copy-Item",
    "Move-Item",
    "New-Item",
    "Rename-Item",
    "Set-Item",
    "Set-Location",
    "Push-Location",
    "Pop-Location",
    "Start-Sleep",
    "Read-Host",
    "Tee-Object",
    "Get-Process",
    "Stop-Process",
]


class FuzzTimeout(BaseException):
    """Raised by the alarm; a BaseException so the scripts' own try/catch cannot swallow it."""


@dataclass
class Finding:
    signature: str
    script: str
    traceback: str
    count: int = 1
    examples: list = field(default_factory=list)


def corpus() -> list[str]:
    sys.path.insert(0, os.path.join(ROOT, "tests"))
    try:
        from spec_runner import all_cases

        scripts = [c.script for c in all_cases() if c.script.strip()]
    finally:
        sys.path.pop(0)
    for path in sorted(glob.glob(os.path.join(ROOT, "examples", "*.ps1"))):
        with open(path, encoding="utf-8-sig") as fh:
            scripts.append(fh.read())
    return scripts


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def mutate(rnd: random.Random, script: str, scripts: list[str]) -> str:
    toks = tokens(script) or [""]
    for _ in range(rnd.randint(1, 3)):
        toks = toks or [""]
        op = rnd.randrange(5)
        i = rnd.randrange(len(toks))
        if op == 0 and len(toks) > 1:
            del toks[i]
        elif op == 1:
            toks.insert(i, toks[i])
        elif op == 2:
            toks.insert(i, rnd.choice(SYNTAX))
        elif op == 3:
            toks[i] = rnd.choice(tokens(rnd.choice(scripts)) or [""])
        else:
            other = tokens(rnd.choice(scripts))
            toks = toks[:i] + other[rnd.randrange(len(other) + 1) :] if other else toks
    return "".join(toks)


def _innermost_frame(tb) -> str:
    frames = [f for f in traceback.extract_tb(tb) if "/pscompat/" in f.filename]
    if not frames:
        return "?"
    f = frames[-1]
    return f"{os.path.basename(f.filename)}:{f.name}"


def _session():
    from pscompat import Session

    session = Session()
    session.run("; ".join(f"function {name} {{ }}" for name in _DISARMED))
    return session


def _hidden_python_error(err):
    """The engine's last line of defence turns any Python exception into a RuntimeException so
    a user never sees a traceback; the fuzzer still wants to hear about the ones raised by
    pscompat's own code (a division by zero is PowerShell's own error, not a bug)."""
    cause = err.__cause__
    while isinstance(cause, PSErrorType()):
        cause = cause.__cause__
    if cause is None or isinstance(cause, (ZeroDivisionError, FuzzTimeout, KeyboardInterrupt, MemoryError)):
        return None
    tb = "".join(traceback.format_exception(cause))
    return f"{type(cause).__name__} (as a RuntimeException) at {_innermost_frame(cause.__traceback__)}", tb


def PSErrorType():
    from pscompat.errors import PSError

    return PSError


def run_one(script: str, timeout: float):
    """None when the engine behaved (output, PSError, timeout); else (signature, traceback)."""
    from pscompat.errors import PSError
    from pscompat.format.out_default import OutDefault

    sink = io.StringIO()
    out = OutDefault(sink.write, width=120)
    signal.setitimer(signal.ITIMER_REAL, timeout)
    try:
        warnings.simplefilter("error")  # a Python warning would reach the user's terminal: a finding
        session = _session()
        try:
            session.execute(script, out.feed, name="<fuzz>")
        finally:
            out.close()
    except PSError as err:
        return _hidden_python_error(err)
    except (FuzzTimeout, KeyboardInterrupt, MemoryError):  # `1..1e9 | …`: a limit, not a bug
        return None
    except BaseException as exc:
        if isinstance(exc, SystemExit):
            return None
        return f"{type(exc).__name__} at {_innermost_frame(exc.__traceback__)}", traceback.format_exc()
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        warnings.resetwarnings()
    return None


def shrink(script: str, signature: str, timeout: float, budget: int = 300) -> str:
    """Greedy token deletion while the failure keeps its signature."""
    toks = tokens(script)
    chunk = max(1, len(toks) // 2)
    while chunk >= 1 and budget > 0:
        i, changed = 0, False
        while i < len(toks) and budget > 0:
            trial = toks[:i] + toks[i + chunk :]
            budget -= 1
            result = run_one("".join(trial), timeout)
            if result is not None and result[0] == signature:
                toks, changed = trial, True
            else:
                i += chunk
        if not changed:
            chunk //= 2
    return "".join(toks)


def _alarm(signum, frame):
    raise FuzzTimeout()


def fuzz(cases: int, seconds: float | None, seed: int, timeout: float, log=print) -> dict[str, Finding]:
    import time

    scripts = corpus()
    rnd = random.Random(seed)
    findings: dict[str, Finding] = {}
    previous = signal.signal(signal.SIGALRM, _alarm)
    start = time.monotonic()
    done = 0
    try:
        while done < cases and (seconds is None or time.monotonic() - start < seconds):
            script = mutate(rnd, rnd.choice(scripts), scripts)
            done += 1
            result = run_one(script, timeout)
            if result is None:
                continue
            signature, tb = result
            if signature in findings:
                findings[signature].count += 1
                continue
            small = shrink(script, signature, timeout)
            rerun = run_one(small, timeout)
            findings[signature] = Finding(signature, small, rerun[1] if rerun else tb)
            log(f"[{done}] {signature}\n    {small!r}")
    finally:
        signal.signal(signal.SIGALRM, previous)
    log(f"{done} cases in {time.monotonic() - start:.1f} s, {len(findings)} distinct finding(s)")
    return findings
