"""The parent side of Start-Job: a child Python process per job (worker.py has the protocol).

A reader thread turns each line the child writes into a record of the job's streams, so
Receive-Job sees output while the job runs.  Stop-Job kills the child.  What comes back is a
copy made from CLIXML, as PowerShell's deserialized objects are.
"""

from __future__ import annotations

import atexit
import json
import os
import subprocess
import sys
import threading
import weakref
from typing import Any

from pscompat.cmdlets.data.clixml import serialize
from pscompat.cmdlets.jobs.model import Job
from pscompat.cmdlets.jobs.runspace import start_worker
from pscompat.cmdlets.jobs.worker import BOOTSTRAP, decode_record, encode_block
from pscompat.engine.scriptblock import ScriptBlockValue

# One spare worker process, started when a job's process ends (not while it runs, where it
# would compete for the CPU): it loads pscompat while nobody waits, so after a session's first
# Start-Job a job starts at once.  It ends when this process does (its standard input closes).
_SPARE: subprocess.Popen | None = None
_SPARE_LOCK = threading.Lock()


# Every job process still running, for the end of this process: as pwsh ends its jobs' processes
# when it exits, the children are killed then (a spare ends by itself when its input closes).
_CHILDREN: weakref.WeakSet = weakref.WeakSet()


@atexit.register
def _end_children() -> None:
    for child in list(_CHILDREN):
        if child.poll() is None:
            child.kill()


def _spawn() -> subprocess.Popen:
    env = dict(os.environ)
    env.setdefault("PYTHONIOENCODING", "utf-8")
    return subprocess.Popen(
        [sys.executable, "-c", BOOTSTRAP],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        env=env,
    )


def _take_worker() -> subprocess.Popen:
    global _SPARE
    with _SPARE_LOCK:
        child = _SPARE
        _SPARE = None
        if child is None or child.poll() is not None:
            child = _spawn()
        _CHILDREN.add(child)
        return child


def _refill() -> None:
    global _SPARE
    with _SPARE_LOCK:
        if _SPARE is None or _SPARE.poll() is not None:
            _SPARE = _spawn()


def launch_process_job(
    job: Job,
    block: ScriptBlockValue,
    args: list,
    using: dict[str, Any],
    init: ScriptBlockValue | None,
    input_items: list | None = None,
) -> None:
    """Start the child process for `job` (a job without children) and the thread reading it."""
    request = {
        "script": encode_block(block),
        "args": serialize(list(args), 2)[0] if args else None,
        "using": {name: serialize([value], 2)[0] for name, value in using.items()},
        "init": encode_block(init) if init is not None else None,
        "cwd": os.getcwd(),
        "input": serialize(list(input_items), 2)[0] if input_items is not None else None,
    }
    request["env"] = dict(os.environ)
    child = _take_worker()
    job.set_state("Running")

    def stop() -> None:
        if child.poll() is None:
            child.kill()

    job.stopper = stop

    def read() -> None:
        final = None
        try:
            assert child.stdin is not None and child.stdout is not None
            child.stdin.write(json.dumps(request) + "\n")
            child.stdin.close()
            for line in child.stdout:
                if not line.strip():
                    continue
                try:
                    stream, item = decode_record(line)
                except (ValueError, KeyError):
                    continue
                if stream == "State":
                    final = item
                elif not job.finished:
                    job.add(stream, item)
        except (OSError, ValueError):
            pass
        child.wait()
        try:
            _refill()
        except OSError:
            pass
        if final is None and not job.finished:  # the child died without a word
            from pscompat.values.error_records import ErrorRecord

            text = (child.stderr.read() if child.stderr else "").strip().splitlines()
            message = text[-1] if text else f"The background job process exited with code {child.returncode}."
            job.add("Error", ErrorRecord(message, "JobStateFailed"))
            final = "Failed"
        if final == "Failed":
            errors = job.streams["Error"]
            job.set_state("Failed", errors[-1].Exception if errors else None)
        elif final is not None:
            job.set_state(final)
        if child.stderr is not None:
            child.stderr.close()
        if child.stdout is not None:
            child.stdout.close()

    start_worker(f"pscompat-job-{job.Id}-reader", read)
