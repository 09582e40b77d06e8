"""Get-Uptime and New-TemporaryFile (Docs: Microsoft.PowerShell.Utility/Get-Uptime.md,
New-TemporaryFile.md; PowerShell: commands/utility/GetUptimeCommand.cs,
NewTemporaryFileCommand.cs)."""

from __future__ import annotations

import datetime as _dt
import os
import tempfile
import time

from pscompat.engine.commands import Cmdlet, Parameter, cmdlet


@cmdlet(
    "Get-Uptime",
    default_set="Timespan",
    output_type="System.TimeSpan",
    synopsis="Get the TimeSpan since last boot.",
    description="The time since the system started, in whole seconds (Stopwatch.GetTimestamp over its "
    "frequency: the monotonic clock); with -Since, the date and time it started.",
    examples=(
        ("Get-Uptime", "How long the system has been running."),
        ("Get-Uptime -Since", "When it started."),
    ),
)
class GetUptime(Cmdlet):
    """Get the TimeSpan since last boot."""

    parameters = (Parameter("Since", "switch", sets=("Since",)),)

    def process(self):
        uptime = _dt.timedelta(seconds=int(time.monotonic()))
        if self.bound.get("Since"):
            return [_dt.datetime.now() - uptime]
        return [uptime]


@cmdlet(
    "New-TemporaryFile",
    supports_should_process=True,
    output_type="System.IO.FileInfo",
    synopsis="Creates a temporary file.",
    description="Creates an empty file with a unique name (tmpXXXXXX.tmp) in the temporary folder "
    "([System.IO.Path]::GetTempPath()) and writes its FileInfo.",
    examples=(("$f = New-TemporaryFile", "A new empty file in the temporary folder."),),
)
class NewTemporaryFile(Cmdlet):
    """Creates a temporary file."""

    parameters = ()

    def end(self):
        from pscompat.cmdlets.items import item

        folder = tempfile.gettempdir() + os.sep
        if not self.should_process(folder):
            return None
        try:
            handle, path = tempfile.mkstemp(prefix="tmp", suffix=".tmp")
        except OSError as e:
            self.throw_terminating(
                e.strerror or str(e),
                "NewTemporaryFileWriteError",
                "WriteError",
                folder,
                exception_type="System.IO.IOException",
            )
        os.close(handle)
        return [item(path)]
