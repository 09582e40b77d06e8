"""Thread jobs: Start-ThreadJob's jobs (and the work of a ForEach-Object -Parallel -AsJob child).

Each runs its script block in a fresh runspace (runspace.py) on a worker thread of this process,
so its output objects are the live objects, not copies.  At most ThrottleLimit thread jobs of a
session run at once (default 5, as the ThreadJob module's); the others wait as NotStarted and
start when one ends (PS: src/Modules/ThreadJob, ThreadJob.cs, ThreadJobQueue).
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable
from typing import Any

from pscompat.cmdlets.jobs.model import Job
from pscompat.cmdlets.jobs.runspace import JobStopped, interrupt, new_runspace, run_block, start_worker
from pscompat.engine.scriptblock import ScriptBlockValue

DEFAULT_THROTTLE = 5


class ThreadQueue:
    """Starts queued work while fewer than `limit` items run."""

    def __init__(self, limit: int = DEFAULT_THROTTLE) -> None:
        self.limit = limit
        self.running = 0
        self.pending: deque[Callable[[], None]] = deque()
        self.lock = threading.Lock()

    def submit(self, start: Callable[[], None]) -> None:
        with self.lock:
            if self.running >= self.limit:
                self.pending.append(start)
                return
            self.running += 1
        start()

    def done(self) -> None:
        with self.lock:
            if self.pending:
                start = self.pending.popleft()
            else:
                self.running -= 1
                return
        start()

    def drop(self, start: Callable[[], None]) -> bool:
        with self.lock:
            try:
                self.pending.remove(start)
                return True
            except ValueError:
                return False


_QUEUES_LOCK = threading.Lock()


def thread_queue(table: Any) -> ThreadQueue:
    """The session's queue of thread jobs (kept on its job table, so it lives as long as the
    session does)."""
    with _QUEUES_LOCK:
        queue = getattr(table, "thread_queue", None)
        if queue is None:
            queue = table.thread_queue = ThreadQueue()
        return queue


def launch(
    job: Job,
    block: ScriptBlockValue,
    args: list,
    using: dict[str, Any],
    queue: ThreadQueue | None,
    init: ScriptBlockValue | None = None,
    input_items: list | None = None,
    dollar_under: Any = None,
    on_end: Callable[[], None] | None = None,
) -> None:
    """Run block as `job` (a job without children) on a worker thread, now or when the queue
    has room."""
    worker: dict[str, threading.Thread] = {}

    def sink(stream: str, item: Any) -> None:
        if not job.finished:  # a stopped job takes nothing more
            job.add(stream, item)

    def body() -> None:
        ok = False
        try:
            ctx = new_runspace(sink, using)
            job.set_state("Running")
            ok = run_block(ctx, block, args, sink, dollar_under, init, input_items)
            reason = None
            if not ok:
                errors = job.streams["Error"]
                reason = errors[-1].Exception if errors else None
            job.set_state("Completed" if ok else "Failed", reason)
        except JobStopped:
            job.set_state("Stopped")
        except BaseException as exc:  # an engine fault ends the job, never the process
            from pscompat.values.error_records import ErrorRecord

            record = ErrorRecord(str(exc) or type(exc).__name__, "JobStateFailed", "NotSpecified")
            sink("Error", record)
            job.set_state("Failed", record.Exception)
        finally:
            if queue is not None:
                queue.done()
            if on_end is not None:
                on_end()

    def start() -> None:
        worker["thread"] = start_worker(f"pscompat-job-{job.Id}", body)

    def stop() -> None:
        if queue is not None and queue.drop(start):
            return  # never started
        thread = worker.get("thread")
        if thread is not None:
            interrupt(thread)

    def start_now() -> None:  # StartJobAsync(): past the throttle, as the ThreadJob module does
        if queue is not None and queue.drop(start):
            with queue.lock:
                queue.running += 1
            start()

    job.stopper = stop
    job.starter = start_now
    if queue is None:
        start()
    else:
        queue.submit(start)
