"""The command line runs each script on a thread with a large stack, as pwsh runs each pipeline on
a thread of its own with a 10 MB stack (LocalPipeline.DefaultPipelineStackSize).

Why: one PowerShell function call costs the engine about ten Python frames, so Python's default
recursion limit (1,000 frames) refused legal recursion past ~80 levels.  Raising the limit alone is
unsafe on the main thread: a Python frame entered through C code (a generator, a `__call__`, a
callback) also costs C stack (~750 bytes measured on CPython 3.11), and the main thread's stack is
8 MB by default.  On a 256 MB stack the limit can be 65,536 frames with 4 KB of C stack allowed per
frame, so recursion runs thousands of levels deep and then ends in PowerShell's "The script failed
due to call depth overflow." (the engine's RecursionError handler), never in a segmentation fault.
The stack is reserved address space; only the pages a deep recursion touches use memory.

Ctrl-C: Python delivers SIGINT to the main thread only.  The main thread waits for the worker and,
on KeyboardInterrupt, raises KeyboardInterrupt inside the worker (PyThreadState_SetAsyncExc), which
the engine lets through like any Ctrl-C.  A worker blocked in a C call (a long sleep, a read from a
terminal) sees it only when the call returns; after a grace period the main thread stops waiting.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from typing import Any

STACK_BYTES = 256 * 1024 * 1024
FRAME_BYTES = 4096  # C stack allowed per Python frame: 5x the ~750 bytes measured for a call through C
RECURSION_LIMIT = STACK_BYTES // FRAME_BYTES
WORKER_NAME = "pscompat-script"
GRACE_SECONDS = 2.0  # how long Ctrl-C waits for a worker stuck in a C call before leaving it behind


def call(fn: Callable[[], Any]) -> Any:
    """fn() on a new thread with a STACK_BYTES stack and RECURSION_LIMIT; its result, or its
    exception raised here.  Ctrl-C here is raised inside fn.  Where the stack cannot be had (an
    address-space limit), fn runs on this thread with this thread's recursion limit."""
    if threading.current_thread().name == WORKER_NAME:
        return fn()  # already on a deep stack (a script that runs a script)
    box: dict = {}
    done = threading.Event()

    def target():
        try:
            box["result"] = fn()
        except BaseException as exc:  # handed to the waiting thread, which raises it
            box["error"] = exc
        finally:
            done.set()

    worker = threading.Thread(target=target, name=WORKER_NAME, daemon=True)
    previous_size = threading.stack_size()
    try:
        threading.stack_size(STACK_BYTES)
        worker.start()
        started = True
    except (RuntimeError, ValueError, MemoryError):  # no room for the stack (an address-space limit)
        started = False
    finally:
        threading.stack_size(previous_size)  # threads the script itself starts get the usual size
    if not started:
        return fn()
    previous_limit = sys.getrecursionlimit()  # one limit for all threads: raised while the worker runs
    sys.setrecursionlimit(max(previous_limit, RECURSION_LIMIT))
    try:
        _wait(worker, done)
    finally:
        sys.setrecursionlimit(previous_limit)
    if "error" in box:
        raise box.pop("error")
    return box.get("result")


def _wait(worker: threading.Thread, done: threading.Event) -> None:
    # Not worker.join(): on CPython 3.11 a join interrupted by Ctrl-C marks a running thread as
    # stopped (the bpo-45274 clean-up releases the lock the thread still holds).
    try:
        done.wait()
    except KeyboardInterrupt:
        if done.is_set():
            return
        _raise_in(worker, KeyboardInterrupt)
        if not done.wait(GRACE_SECONDS):  # a second Ctrl-C while waiting ends the wait at once
            raise


def _raise_in(thread: threading.Thread, exc_type: type) -> None:
    import ctypes

    if thread.ident is not None:
        ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread.ident), ctypes.py_object(exc_type))
