"""Start-Job and Start-ThreadJob, and the job view.

Start-Job runs its block in a child process (process.py) and returns a BackgroundJob with one
child job; Start-ThreadJob runs it on a thread of this process (threads.py) and returns a
ThreadJob.  Both take `$using:` values from the caller when they start (PS: StartJob.cs;
src/Modules/ThreadJob/ThreadJob.cs).
"""

from __future__ import annotations

import os
from typing import Any

from pscompat.cmdlets.jobs.model import Job, job_table
from pscompat.cmdlets.jobs.process import launch_process_job
from pscompat.cmdlets.jobs.runspace import using_undefined, using_values
from pscompat.cmdlets.jobs.threads import launch, thread_queue
from pscompat.engine.commands import Cmdlet, Parameter, cmdlet
from pscompat.engine.scope import MISSING
from pscompat.engine.scriptblock import ScriptBlockValue
from pscompat.format.views import register_view
from pscompat.source import Source

# PS: src/System.Management.Automation/FormatAndOutput/DefaultFormatters/PowerShellCore_format_ps1xml.cs
# (ViewsOf_System_Management_Automation_Job)
register_view(
    "System.Management.Automation.Job",
    "table",
    ("Id", "Name", "PSJobTypeName", "State", "HasMoreData", "Location", "Command"),
    widths=(6, 15, 15, 13, 15, 20, 25),
)

START_JOB_ID = "Microsoft.PowerShell.Commands.StartJobCommand"


def _args(value: Any) -> list:
    if value is None:
        return []
    return list(value) if isinstance(value, (list, tuple)) else [value]


class _StartCmdlet(Cmdlet):
    """What Start-Job and Start-ThreadJob share: the block, its file, $using: and the input."""

    error_id = START_JOB_ID
    ScriptBlock: Any
    FilePath: Any
    InputObject: Any

    def begin(self):
        self._input: list | None = None
        return None

    def process(self):
        if "InputObject" in self.bound:
            if self._input is None:
                self._input = []
            self._input.append(self.InputObject)
        return None

    def _script(self) -> tuple[ScriptBlockValue, str | None]:
        if self.bound.get("FilePath") is not None:
            path = str(self.FilePath)
            full = path if os.path.isabs(path) else os.path.join(os.getcwd(), path)
            try:
                with open(full, encoding="utf-8-sig") as fh:
                    text = fh.read()
            except OSError:
                self.throw_terminating(
                    f"Cannot find path '{full}' because it does not exist.",
                    "PathNotFound," + self.error_id,
                    "ObjectNotFound",
                    path,
                    "System.Management.Automation.ItemNotFoundException",
                )
            from pscompat.syntax.grammar import parse

            return ScriptBlockValue(parse(text, full), Source(text, full)), full
        return self.ScriptBlock, None

    def _using(self, block: ScriptBlockValue) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name, (value, node) in using_values(block, self.runtime.scope).items():
            if value is MISSING:
                err = using_undefined(name, node, block.source, "UsingVariableIsUndefined," + self.error_id)
                self.throw_terminating(err.message, err.fully_qualified_error_id, "InvalidOperation")
            out[name] = value
        return out


@cmdlet(
    "Start-Job",
    module="Microsoft.PowerShell.Core",
    default_set="ComputerName",
    synopsis="Starts a PowerShell background job.",
    description="Runs the script block (or script file) in a new pscompat process and returns a "
    "BackgroundJob at once; Receive-Job gets its output, deserialized from CLIXML.",
    examples=(
        ("$j = Start-Job { Get-Date }; $j | Receive-Job -Wait -AutoRemoveJob", "Runs and collects a job."),
        ("Start-Job -ScriptBlock { param($n) $n * 2 } -ArgumentList 21", "Passes arguments."),
    ),
    output_type="System.Management.Automation.PSRemotingJob",
)
class StartJob(_StartCmdlet):
    parameters = (
        Parameter(
            "ScriptBlock", "scriptblock", position=0, mandatory=True, aliases=("Command",), sets=("ComputerName",)
        ),
        Parameter("FilePath", "string", position=0, mandatory=True, sets=("FilePathComputerName",)),
        Parameter(
            "LiteralPath", "string", mandatory=True, aliases=("PSPath", "LP"), sets=("LiteralFilePathComputerName",)
        ),
        Parameter("Name", "string"),
        Parameter("InitializationScript", "scriptblock", position=1),
        Parameter("ArgumentList", "object[]", aliases=("Args",)),
        Parameter("InputObject", "psobject", pipeline=True),
        Parameter("WorkingDirectory", "string"),
        Parameter("Credential", "pscredential"),
        Parameter("Authentication", "string"),
        Parameter("RunAs32", "switch"),
        Parameter("PSVersion", "version"),
    )

    def end(self):
        if self.bound.get("RunAs32"):
            # this process is 64-bit (StartJob.cs; RemotingErrorIdStrings.resx RunAs32NotSupported)
            self.throw_terminating(
                "Cannot start a 32-bit 'pwsh' process from the 64-bit 'pwsh' installation. Install the "
                "32-bit 'pwsh' if you need to run PowerShell in a 32-bit process.",
                "RunAs32NotSupported," + START_JOB_ID,
                "InvalidOperation",
                exception_type="System.Management.Automation.PSNotSupportedException",
            )
        if self.bound.get("LiteralPath") is not None:
            self.bound["FilePath"] = self.FilePath = self.LiteralPath
        block, file = self._script()
        using = self._using(block)
        init = self.InitializationScript
        table = job_table(self.ctx)
        command = block.text if file is None else file
        job = table.create("BackgroundJob", command, "localhost", self.Name, children=1)
        cwd = os.getcwd()
        if self.WorkingDirectory is not None:
            os.chdir(str(self.WorkingDirectory))  # the child starts there
        try:
            launch_process_job(job.ChildJobs[0], block, _args(self.ArgumentList), using, init, self._input)
        finally:
            os.chdir(cwd)
        return (job,)


@cmdlet(
    "Start-ThreadJob",
    module="ThreadJob",
    default_set="ScriptBlock",
    synopsis="Starts a PowerShell job in a separate thread.",
    description="Runs the script block on a thread of this process in a fresh runspace and returns "
    "a ThreadJob; its output objects are the live objects.  At most -ThrottleLimit (default 5) "
    "thread jobs run at once; the others wait as NotStarted.",
    examples=(("Start-ThreadJob { 1..3 } | Receive-Job -Wait", "Runs a block on a thread."),),
    output_type="ThreadJob.ThreadJob",
)
class StartThreadJob(_StartCmdlet):
    error_id = "ThreadJob.StartThreadJob"
    parameters = (
        Parameter("ScriptBlock", "scriptblock", position=0, mandatory=True, sets=("ScriptBlock",)),
        Parameter("FilePath", "string", position=0, mandatory=True, sets=("FilePath",)),
        Parameter("Name", "string"),
        Parameter("InitializationScript", "scriptblock"),
        Parameter("InputObject", "psobject", pipeline=True),
        Parameter("ArgumentList", "object[]"),
        Parameter("ThrottleLimit", "int"),
        Parameter("StreamingHost", "psobject"),  # accepted; a thread job's host output is its Information stream
    )

    def end(self):
        block, file = self._script()
        using = self._using(block)
        table = job_table(self.ctx)
        queue = thread_queue(table)
        if self.bound.get("ThrottleLimit") is not None:
            limit = int(self.ThrottleLimit)
            if limit < 1:
                self.throw_terminating(
                    f"Cannot validate argument on parameter 'ThrottleLimit'. The {limit} argument is less "
                    "than the minimum allowed range of 1. Supply an argument that is greater than or equal "
                    "to 1 and then try the command again.",
                    "ParameterArgumentValidationError," + self.error_id,
                    "InvalidData",
                )
            queue.limit = limit
        command = block.text if file is None else file
        job: Job = table.create("ThreadJob", command, "PowerShell", self.Name, children=0)
        launch(job, block, _args(self.ArgumentList), using, queue, self.InitializationScript, self._input)
        return (job,)


__all__ = ["StartJob", "StartThreadJob"]
