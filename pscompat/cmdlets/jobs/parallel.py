"""ForEach-Object -Parallel: each input object runs the block in a runspace of its own on a
worker thread, at most -ThrottleLimit (default 5) at a time; output comes back in the order the
iterations produce it.  -TimeoutSeconds stops what still runs when the time is up; -AsJob returns
a PSTaskJob with one child job per input object instead.

PS: src/System.Management.Automation/engine/InternalCommands.cs (ForEachObjectCommand, the
Parallel parameter set), engine/hostifaces/PSTask.cs; messages from resources/
InternalCommandStrings.resx; tests: test/powershell/Modules/Microsoft.PowerShell.Utility/
Foreach-Object-Parallel.Tests.ps1.
"""

from __future__ import annotations

import queue as _queue
import threading
import time
from typing import Any

from pscompat.cmdlets.jobs.model import job_table
from pscompat.cmdlets.jobs.runspace import (
    JobStopped,
    interrupt,
    new_runspace,
    run_block,
    start_worker,
    using_undefined,
    using_values,
)
from pscompat.cmdlets.jobs.threads import ThreadQueue, launch
from pscompat.cmdlets.objects import where
from pscompat.engine.scope import MISSING
from pscompat.engine.scriptblock import ScriptBlockValue
from pscompat.values.error_records import ErrorRecord

FOREACH_ID = "Microsoft.PowerShell.Commands.ForEachObjectCommand"
DEFAULT_THROTTLE = 5
_UNSUPPORTED_COMMON = ("ErrorAction", "WarningAction", "InformationAction", "PipelineVariable")


def _is_script_block(value: Any) -> bool:
    return isinstance(getattr(value, "BaseObject", value), ScriptBlockValue)


class _Iteration:
    __slots__ = ("thread", "stopped", "done")

    def __init__(self) -> None:
        self.thread: threading.Thread | None = None
        self.stopped = False
        self.done = False


class ParallelRun:
    """The -Parallel part of one ForEach-Object invocation (the cmdlet object is `cmd`)."""

    def __init__(self, cmd: Any) -> None:
        self.cmd = cmd
        bound = cmd.bound
        block = cmd.Parallel
        for name in _UNSUPPORTED_COMMON:
            if name in bound or name in cmd.runtime.common:
                cmd.throw_terminating(
                    "The following common parameters are not currently supported in the Parallel "
                    "parameter set:\nErrorAction, WarningAction, InformationAction, PipelineVariable",
                    "ParallelCommonParametersNotSupported," + FOREACH_ID,
                    "InvalidOperation",
                )
        if bound.get("AsJob") and bound.get("TimeoutSeconds") is not None:
            cmd.throw_terminating(
                "The 'TimeoutSeconds' parameter cannot be used with the 'AsJob' parameter.",
                "ParallelCannotUseTimeoutWithJob," + FOREACH_ID,
                "InvalidOperation",
            )
        limit = int(cmd.ThrottleLimit) if bound.get("ThrottleLimit") is not None else DEFAULT_THROTTLE
        self.using: dict[str, Any] = {}
        for name, (value, node) in using_values(block, cmd.runtime.scope).items():
            if value is MISSING:
                err = using_undefined(name, node, block.source, "UsingVariableIsUndefined," + FOREACH_ID)
                cmd.throw_terminating(err.message, err.fully_qualified_error_id, "InvalidOperation")
            if _is_script_block(value):
                cmd.throw_terminating(
                    "A ForEach-Object -Parallel using variable cannot be a script block. Passed-in script "
                    "block variables are not supported with ForEach-Object -Parallel, and can result in "
                    "undefined behavior.",
                    "ParallelUsingVariableCannotBeScriptBlock," + FOREACH_ID,
                    "InvalidType",
                )
            self.using[name] = value
        self.block = block
        self.as_job = bool(bound.get("AsJob"))
        self.limit = max(1, limit)
        seconds = cmd.TimeoutSeconds if bound.get("TimeoutSeconds") is not None else 0
        self.deadline = time.monotonic() + int(seconds) if seconds and int(seconds) > 0 else None
        self.queue = ThreadQueue(self.limit)
        self.records: _queue.Queue = _queue.Queue()
        self.started = 0
        self.ended = 0
        self.iterations: list[_Iteration] = []
        self.lock = threading.Lock()
        self.items: list[Any] = []  # -AsJob: the input, started at the end
        self.timed_out = False

    # -- per input object ---------------------------------------------------------------------
    def process(self, item: Any):
        if _is_script_block(item):
            self.cmd.write_error(
                "A ForEach-Object -Parallel piped input object cannot be a script block. Passed-in script "
                "block variables are not supported with ForEach-Object -Parallel, and can result in "
                "undefined behavior.",
                "ParallelPipedInputObjectCannotBeScriptBlock," + FOREACH_ID,
                "InvalidType",
                item,
            )
            return
        if self.as_job:
            self.items.append(item)
            return
        if self.timed_out or self._time_up():
            return
        self.started += 1
        self.queue.submit(lambda: self._start(item))
        yield from self.drain(block=False)

    def _start(self, item: Any) -> None:
        records = self.records
        iteration = _Iteration()

        def sink(stream: str, value: Any) -> None:
            if not iteration.stopped:  # a timed-out iteration writes nothing more
                records.put((stream, value))

        def body() -> None:
            try:
                ctx = new_runspace(sink, self.using)
                run_block(ctx, self.block, [], sink, item, terminating_stream="Terminating")
            except JobStopped:
                pass
            except BaseException as exc:  # an engine fault fails this iteration only
                sink("Terminating", ErrorRecord(str(exc) or type(exc).__name__, "PSTaskException"))
            finally:
                iteration.done = True
                if not iteration.stopped:
                    records.put(("Done", None))
                self.queue.done()

        with self.lock:
            self.iterations.append(iteration)
            iteration.thread = start_worker("pscompat-parallel", body)

    def _time_up(self) -> bool:
        return self.deadline is not None and time.monotonic() >= self.deadline

    # -- records back to the caller's pipeline ---------------------------------------------------
    def drain(self, block: bool):
        """Write the records the iterations produced; with block=True until all have ended."""
        while True:
            if block and self.ended >= self.started:
                return
            timeout = 0.1
            if self.deadline is not None:
                left = self.deadline - time.monotonic()
                if left <= 0:
                    self._stop_all()
                    if not block:
                        return
                    timeout = 0.05
                else:
                    timeout = min(timeout, left)
            try:
                stream, value = self.records.get(block=block, timeout=timeout if block else None)
            except _queue.Empty:
                if not block:
                    return
                continue
            yield from self._write(stream, value)

    def _write(self, stream: str, value: Any):
        cmd = self.cmd
        if stream == "Output":
            yield value
        elif stream == "Done":
            self.ended += 1
        elif stream == "Stopped":
            self.ended += 1
            cmd.runtime.write_error_record(
                ErrorRecord(
                    "The pipeline has been stopped.",
                    "PSTaskException",
                    "OperationStopped",
                    exception_type="System.Management.Automation.PipelineStoppedException",
                )
            )
        elif stream == "Terminating":
            # a terminating error ends its iteration and is written as PSTaskException
            record = ErrorRecord(getattr(value, "message", str(value)), "PSTaskException", "InvalidOperation")
            cmd.runtime.write_error_record(record)
        elif stream == "Error":
            cmd.runtime.write_error_record(value)
        elif stream == "Warning":
            cmd.write_warning(getattr(value, "Message", value))
        elif stream == "Verbose":
            cmd.ctx.write_stream("4", "Verbose", str(getattr(value, "Message", value)), cmd.ctx.host.write_verbose)
        elif stream == "Debug":
            cmd.ctx.write_stream("5", "Debug", str(getattr(value, "Message", value)), cmd.ctx.host.write_debug)
        elif stream == "Information":
            cmd.write_information(value)
        elif stream == "Progress":
            activity, status, percent, completed, ident = value
            cmd.ctx.host.progress(activity, status, percent, completed, ident)

    def _stop_all(self) -> None:
        """-TimeoutSeconds is up: nothing more starts, and each iteration still running is
        stopped and reported as PowerShell reports it (a PSTaskException error whose exception is
        a PipelineStoppedException: Foreach-Object-Parallel.Tests.ps1 "Verifies timeout and
        throttle parameters")."""
        if self.timed_out:
            return
        self.timed_out = True
        with self.queue.lock:
            dropped = len(self.queue.pending)
            self.queue.pending.clear()
        self.started -= dropped
        with self.lock:
            running = [it for it in self.iterations if not it.done and not it.stopped]
            for it in running:
                it.stopped = True
        for it in running:
            if it.thread is not None:
                interrupt(it.thread)
            self.records.put(("Stopped", None))

    def end(self):
        if self.as_job:
            return self._job()
        return self.drain(block=True)

    def _job(self):
        table = job_table(self.cmd.ctx)
        items = self.items
        job = table.create("PSTaskJob", self.block.text, "PowerShell", None, children=len(items))
        # runspaces come from a pool of ThrottleLimit, or one each with -UseNewRunspace
        # (Foreach-Object-Parallel.Tests.ps1 "runspace pool tests")
        new_each = bool(self.cmd.bound.get("UseNewRunspace"))
        job.AllocatedRunspaceCount = len(items) if new_each else min(self.limit, len(items))
        if not items:
            job.set_state("Completed")
        queue = ThreadQueue(self.limit)
        for child, item in zip(job.ChildJobs, items):
            child.PSJobTypeName = "PSTaskChildJob"
            launch(child, self.block, [], self.using, queue, dollar_under=item)
        return (job,)


where.PARALLEL[0] = ParallelRun
