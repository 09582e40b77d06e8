"""Fuzzing the command line as a process: what a user's shell hands `pscompat`.

Each case takes a mutated script (fuzz.engine.mutate over the same corpus) and delivers it one of
several ways, each a fresh process running the command line's main():

* file:    a script file on disk, in one of the encodings Windows and editors write (UTF-8 with and
           without BOM, UTF-16 LE/BE with BOM, UTF-32 LE with BOM, Windows-1252), sometimes with
           its bytes damaged (truncated to an odd length, random bytes, a stray BOM, NULs);
* stdin:   the same bytes piped to `pscompat -`;
* command: the text as `-Command` arguments;
* closed:  a script file whose reader closes standard output at once (`pscompat x | head -0`).

A finding is a Python traceback or an "InternalError" on standard error, a "Broken pipe" message,
a process killed by a signal it was not sent (a crash), or a hang: a run past its time limit that
Ctrl-C (SIGINT) does not end within a few seconds.  A long run that Ctrl-C ends is counted, not
reported (`while ($true) {}` is a fine script).

Safety: the child installs fuzz.guard.Guard (no write outside its scratch directory), runs with
PATH empty (no native command), HOME and PSCOMPAT_HOME in the scratch directory, the parse cache
off and an address-space limit; the commands of fuzz.engine._DISARMED are shadowed by empty
functions defined on the script's first line.
"""

from __future__ import annotations

import os
import random
import resource
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field

from .engine import _DISARMED, ROOT, corpus, mutate

ENCODINGS = (
    ("utf-8", b""),
    ("utf-8", b"\xef\xbb\xbf"),
    ("utf-16-le", b"\xff\xfe"),
    ("utf-16-be", b"\xfe\xff"),
    ("utf-32-le", b"\xff\xfe\x00\x00"),
    ("cp1252", b""),
)
MODES = ("file", "stdin", "command", "closed")
_DISARM = "; ".join(f"function {name} {{ }}" for name in _DISARMED) + "\n"

# The child: the guard first, then the command line's main() on the given arguments.
_CHILD = """
import sys
sys.path.insert(0, {root!r})
from fuzz.guard import Guard
Guard(sys.argv[1]).__enter__()
from pscompat.shell.cli import main
sys.exit(main(sys.argv[2:]))
"""


@dataclass
class CliFinding:
    signature: str
    mode: str
    encoding: str
    data: bytes
    stderr: str
    count: int = 1
    examples: list = field(default_factory=list)


@dataclass
class Tally:
    cases: int = 0
    by_mode: dict = field(default_factory=dict)
    by_encoding: dict = field(default_factory=dict)
    damaged: int = 0
    long_runs: int = 0
    pipe_closed: int = 0


def damage(rnd: random.Random, data: bytes) -> bytes:
    """Byte-level damage a file can carry: what a bad copy, a wrong editor setting or a binary file
    does to a script."""
    op = rnd.randrange(5)
    if op == 0 and len(data) > 1:
        return data[: rnd.randrange(1, len(data))]  # truncated (UTF-16 at an odd length)
    if op == 1:
        i = rnd.randrange(len(data) + 1)
        return data[:i] + bytes(rnd.randrange(256) for _ in range(rnd.randint(1, 8))) + data[i:]
    if op == 2:
        i = rnd.randrange(len(data) + 1)
        return data[:i] + rnd.choice((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")) + data[i:]
    if op == 3:
        i = rnd.randrange(len(data) + 1)
        return data[:i] + b"\x00" * rnd.randint(1, 3) + data[i:]
    return rnd.choice((b"\xff\xfe", b"\xfe\xff")) + data  # a mark that does not match the bytes


def encode(text: str, codec: str, bom: bytes) -> bytes:
    return bom + text.encode(codec, errors="replace")


def _limits(memory_mb: int):
    def apply():
        limit = memory_mb * 2**20
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
        os.setsid()  # its own process group: a Ctrl-C sent to it reaches nothing else

    return apply


def _signature(stderr: str, returncode: int | None, hung: bool) -> str | None:
    if hung:
        return "hang: Ctrl-C did not end the run"
    if "Traceback (most recent call last)" in stderr:
        lines = [ln for ln in stderr.splitlines() if ln.strip()]
        frames = [ln.strip() for ln in lines if ln.strip().startswith('File "') and "/pscompat/" in ln]
        last = next((ln for ln in reversed(lines) if not ln.startswith(" ")), "?")
        where = frames[-1].split("/pscompat/")[-1] if frames else "?"
        return f"traceback: {last[:120]} at {where[:120]}"
    for line in stderr.splitlines():
        if line.startswith("InternalError:") and "MemoryError" not in line:  # memory: the limit, not a bug
            return line[:160]
        if "Broken pipe" in line or "BrokenPipeError" in line or line.startswith("Exception ignored"):
            return f"closed pipe: {line[:140]}"
    if returncode is not None and returncode < 0 and -returncode not in (signal.SIGINT, signal.SIGKILL):
        return f"killed by signal {signal.Signals(-returncode).name}"
    return None


def run_case(mode: str, data: bytes, text: str, scratch: str, timeout: float, memory_mb: int):
    """(signature or None, stderr, returncode, long_run) for one delivery of one script."""
    env = {
        "PATH": "",
        "HOME": scratch,
        "PSCOMPAT_HOME": os.path.join(scratch, "home"),
        "PSCOMPAT_CACHE_DIR": "",
        "PYTHONIOENCODING": "utf-8",
        "LANG": "C.UTF-8",
    }
    script = os.path.join(scratch, "fuzz.ps1")
    stdin = subprocess.DEVNULL
    if mode in ("file", "closed"):
        with open(script, "wb") as fh:
            fh.write(data)
        argv = ["-File", script] if mode == "file" else [script]
    elif mode == "stdin":
        argv, stdin = ["-"], subprocess.PIPE
    else:
        argv = ["-Command", text.replace("\x00", "")]  # argv cannot hold NUL
    proc = subprocess.Popen(
        [sys.executable, "-c", _CHILD.format(root=ROOT), scratch, *argv],
        stdin=stdin,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=scratch,
        env=env,
        preexec_fn=_limits(memory_mb),
    )
    if mode == "closed":
        proc.stdout.close()
    hung = long_run = False
    try:
        out, err = proc.communicate(input=data if mode == "stdin" else None, timeout=timeout)
    except subprocess.TimeoutExpired:
        long_run = True
        proc.send_signal(signal.SIGINT)
        try:
            out, err = proc.communicate(timeout=5 + 2)  # the command line's Ctrl-C grace is 2 s
        except subprocess.TimeoutExpired:
            hung = True
            os.killpg(proc.pid, signal.SIGKILL)
            out, err = proc.communicate()
    stderr = err.decode("utf-8", errors="replace")
    return _signature(stderr, proc.returncode, hung), stderr, proc.returncode, long_run


def fuzz_cli(
    cases: int, seconds: float | None, seed: int, timeout: float, scratch: str, memory_mb: int, log=print
) -> tuple[dict[str, CliFinding], Tally]:
    scripts = corpus()
    rnd = random.Random(seed)
    findings: dict[str, CliFinding] = {}
    tally = Tally()
    start = time.monotonic()
    while tally.cases < cases and (seconds is None or time.monotonic() - start < seconds):
        mode = MODES[tally.cases % len(MODES)]
        # a closed-pipe run writes first thing, so the closed pipe is met whenever the script parses
        text = _DISARM + ("'first'\n" if mode == "closed" else "") + mutate(rnd, rnd.choice(scripts), scripts)
        codec, bom = ENCODINGS[rnd.randrange(len(ENCODINGS))] if mode != "command" else ("argv", b"")
        data = encode(text, codec, bom) if mode != "command" else b""
        if mode in ("file", "stdin") and rnd.random() < 0.3:
            data = damage(rnd, data)
            tally.damaged += 1
        encoding = f"{codec}{'+BOM' if bom else ''}"
        tally.cases += 1
        tally.by_mode[mode] = tally.by_mode.get(mode, 0) + 1
        tally.by_encoding[encoding] = tally.by_encoding.get(encoding, 0) + 1
        signature, stderr, returncode, long_run = run_case(mode, data, text, scratch, timeout, memory_mb)
        tally.long_runs += long_run
        tally.pipe_closed += mode == "closed" and returncode == 141
        if signature is None:
            continue
        if signature in findings:
            findings[signature].count += 1
            continue
        findings[signature] = CliFinding(signature, mode, encoding, data or text.encode(), stderr)
        log(f"[{tally.cases}] {signature} ({mode}, {encoding})")
    log(
        f"{tally.cases} command-line runs in {time.monotonic() - start:.1f} s, {len(findings)} distinct finding(s); "
        f"modes {tally.by_mode}; encodings {tally.by_encoding}; {tally.damaged} with damaged bytes; "
        f"{tally.long_runs} ended by Ctrl-C after {timeout:g} s; {tally.pipe_closed} ended by the closed pipe"
    )
    return findings, tally
