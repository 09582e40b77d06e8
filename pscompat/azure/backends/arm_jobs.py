"""Classic operations that are several ARM calls in a row, run one poll at a time.

The classic cmdlets poll Get Operation Status until an operation leaves InProgress
(base.ComputeBackend.wait); on ARM one classic operation can be a sequence, e.g. a capture is
deallocate (long-running) → generalize → create image (long-running).  A `Job` is such a
sequence: each `advance()` does at most one request (starting the next step or polling the
running one), so the cmdlet's Write-Progress moves with the real work, and a failure in any
step is the operation's failure with ARM's code and message.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from pscompat.azure.backends.arm_paging import LongRunning
from pscompat.azure.backends.base import FAILED, IN_PROGRESS, SUCCEEDED, CloudError, Operation


@dataclass
class Step:
    """One call of a job: `start()` sends it and returns the long-running operation to watch,
    or None when the call finished at once."""

    detail: str
    start: Callable[[], LongRunning | None]


class Job:
    def __init__(self, request_id: str, steps: list[Step], done: Callable[[], None] | None = None):
        self.request_id = request_id
        self.steps = steps
        self.done = done  # told once, when every step succeeded
        self.index = -1
        self.running: LongRunning | None = None
        self.outcome: Operation | None = None

    def _percent(self) -> int:
        inside = 0.0
        if self.running is not None and self.running.percent >= 0:
            inside = self.running.percent / 100
        return int(100 * (max(self.index, 0) + inside) / max(len(self.steps), 1))

    def advance(self) -> Operation:
        if self.outcome is not None:
            return self.outcome
        try:
            if self.running is not None and not self.running.done:
                self.running.poll()
            else:
                self.index += 1
                if self.index >= len(self.steps):
                    self.outcome = Operation(self.request_id, SUCCEEDED, 200, percent=100)
                    if self.done is not None:
                        self.done()
                    return self.outcome
                self.running = self.steps[self.index].start()
        except CloudError as err:
            self.outcome = Operation(self.request_id, FAILED, err.http_status, err.code, err.message, 100)
            return self.outcome
        detail = self.steps[min(self.index, len(self.steps) - 1)].detail
        return Operation(self.request_id, IN_PROGRESS, percent=self._percent(), detail=detail)
