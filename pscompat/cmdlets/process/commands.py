"""Get-Process and Stop-Process, over the /proc of Linux (PS: Process.cs ProcessBaseCommand,
GetProcessCommand, StopProcessCommand; texts from ProcessResources.resx; views from
DotNetTypes_format_ps1xml.cs ViewsOf_System_Diagnostics_Process; aliases gps and spps from
InitialSessionState.cs, which keeps ps and kill for Windows: see session.WINDOWS_ALIASES)."""

from __future__ import annotations

import os
import signal
import struct
import sys

from pscompat.cmdlets.objects.common import wildcard_matcher
from pscompat.cmdlets.process.model import (
    PROCESS_TYPE_NAMES,
    USER_NAME_TYPE_NAME,
    Process,
    ProcessWithUserName,
    all_processes,
)
from pscompat.cmdlets.wildcards import has_wildcard
from pscompat.engine.commands import Cmdlet, Parameter, cmdlet
from pscompat.engine.validation import validate_not_null_or_empty

MODULE = "Microsoft.PowerShell.Management"
EXCEPTION = "Microsoft.PowerShell.Commands.ProcessCommandException"

# ProcessResources.resx; {0} is the process name, {1} its id, {2} the inner exception's message
NO_PROCESS_WITH_NAME = 'Cannot find a process with the name "{0}". Verify the process name and call the cmdlet again.'
NAME_LOOKS_LIKE_ID = 'Cannot find a process with the name "{0}". Try running with -Id to search by Id of processes.'
NO_PROCESS_WITH_ID = "Cannot find a process with the process identifier {1}."
COULD_NOT_STOP = 'Cannot stop process "{0} ({1})" because of the following error: {2}'


class ProcessCommand(Cmdlet):
    """ProcessBaseCommand: which processes -Name, -Id or -InputObject select, sorted by name
    (ordinal, ignoring case) and then id, each one once."""

    def matching_processes(self) -> list[Process]:
        cls = ProcessWithUserName if self.bound.get("IncludeUserName") else Process
        chosen: dict[tuple, Process] = {}
        if "InputObject" in self.bound:
            for process in self.bound["InputObject"] or ():
                if process is not None:
                    process.Refresh()
                    chosen.setdefault((process.ProcessName.lower(), process.Id), process)
        elif "Id" in self.bound:
            for pid in self.bound["Id"] or ():
                process = cls.read(pid) if pid > 0 else None
                if process is None:
                    self._not_found(NO_PROCESS_WITH_ID, "NoProcessFoundForGivenId", "", pid, pid)
                else:
                    chosen.setdefault((process.ProcessName.lower(), process.Id), process)
        else:
            everything = all_processes(cls)
            patterns = self.bound.get("Name")
            for pattern in patterns if patterns is not None else ("*",):
                matches = wildcard_matcher(pattern)
                found = False
                for process in everything:
                    if matches(process.ProcessName):
                        found = True
                        chosen.setdefault((process.ProcessName.lower(), process.Id), process)
                if not found and not has_wildcard(pattern):
                    if pattern.isdigit():
                        self._not_found(NAME_LOOKS_LIKE_ID, "RecommendIdTagForGivenName", pattern, 0, pattern)
                    else:
                        self._not_found(NO_PROCESS_WITH_NAME, "NoProcessFoundForGivenName", pattern, 0, pattern)
        return sorted(chosen.values(), key=lambda p: (p.ProcessName.upper(), p.Id))

    def _not_found(self, text: str, error_id: str, name: str, pid: int, target) -> None:
        self.write_error(text.format(name, pid, ""), error_id, "ObjectNotFound", target, exception_type=EXCEPTION)


_NAME_SETS = ("Name", "NameWithUserName")
_ID_SETS = ("Id", "IdWithUserName")
_INPUT_SETS = ("InputObject", "InputObjectWithUserName")
_USER_SETS = ("NameWithUserName", "IdWithUserName", "InputObjectWithUserName")


@cmdlet(
    "Get-Process",
    aliases=("gps",),
    module=MODULE,
    output_type="System.Diagnostics.Process",
    synopsis="Gets the processes that are running on the local computer.",
    description="Lists the processes (all of them, or those matching -Name wildcards, -Id numbers or "
    "piped Process objects) sorted by name then id, as System.Diagnostics.Process objects "
    "read from /proc.  A name without wildcards that matches nothing is an error.",
    examples=(
        ("Get-Process", "Every process."),
        ("Get-Process -Name ssh*", "Processes whose name starts with ssh."),
        ("Get-Process -Id $PID | Select-Object Name, Id, WS, StartTime", "This session's process."),
        ("Get-Process | Sort-Object WS -Descending | Select-Object -First 3", "The largest three."),
        ("Get-Process sleep -IncludeUserName", "With the user each process runs as."),
    ),
)
class GetProcess(ProcessCommand):
    parameters = (
        Parameter(
            "Name",
            "string[]",
            position=0,
            pipeline_by_name=True,
            sets=_NAME_SETS,
            aliases=("ProcessName",),
            validators=(validate_not_null_or_empty,),
        ),
        Parameter("Id", "int[]", mandatory=True, pipeline_by_name=True, sets=_ID_SETS, aliases=("PID",)),
        Parameter("InputObject", "System.Diagnostics.Process[]", mandatory=True, pipeline=True, sets=_INPUT_SETS),
        Parameter("IncludeUserName", "switch", mandatory=True, sets=_USER_SETS),
    )

    def process(self):
        yield from self.matching_processes()


@cmdlet(
    "Stop-Process",
    aliases=("spps",),
    module=MODULE,
    default_set="Id",
    supports_should_process=True,
    output_type="System.Diagnostics.Process",
    synopsis="Stops one or more running processes.",
    description="Kills (SIGKILL, as .NET's Process.Kill on Linux) the processes given by -Id, -Name or "
    "piped Process objects; -PassThru writes them on.  A process that has already exited "
    "is skipped.  Stopping this session's own process happens last, as in pwsh.",
    examples=(
        ("Stop-Process -Id 4242", "Stops process 4242."),
        ("Stop-Process -Name sleep -WhatIf", "Shows which processes would stop."),
        ("Get-Process sleep | Stop-Process -PassThru", "Stops them and shows what was stopped."),
    ),
)
class StopProcess(ProcessCommand):
    parameters = (
        Parameter("Id", "int[]", position=0, mandatory=True, pipeline_by_name=True, sets=("Id",)),
        Parameter("Name", "string[]", mandatory=True, pipeline_by_name=True, sets=("Name",), aliases=("ProcessName",)),
        Parameter(
            "InputObject",
            "System.Diagnostics.Process[]",
            position=0,
            mandatory=True,
            pipeline=True,
            sets=("InputObject",),
        ),
        Parameter("PassThru", "switch"),
        Parameter("Force", "switch"),  # only Windows asks before stopping another user's process
    )

    def begin(self):
        self._stop_self_at_end = False

    def process(self):
        for process in self.matching_processes():
            if not self.should_process(f"{process.ProcessName} ({process.Id})"):
                continue
            if process.HasExited:
                if self.PassThru:
                    yield process
                continue
            if process.Id == os.getpid():
                self._stop_self_at_end = True  # the other processes first, as StopProcessCommand does
                continue
            if self._kill(process) and self.PassThru:
                yield process

    def end(self):
        if self._stop_self_at_end:
            sys.stdout.flush()
            sys.stderr.flush()
            self._kill(Process.read(os.getpid()))

    def _kill(self, process: Process) -> bool:
        try:
            os.kill(process.Id, signal.SIGKILL)
        except ProcessLookupError:
            pass
        except OSError as exc:
            if not process.HasExited:
                text = COULD_NOT_STOP.format(process.ProcessName, process.Id, exc.strerror or str(exc))
                self.write_error(text, "CouldNotStopProcess", "CloseError", process, exception_type=EXCEPTION)
                return False
        return True


# --- views (DotNetTypes.format.ps1xml) ----------------------------------------------------


def _single(value) -> float:
    """[float]: PowerShell's float is System.Single."""
    try:
        return struct.unpack("f", struct.pack("f", float(value or 0)))[0]
    except (OverflowError, TypeError, ValueError):
        return 0.0


def _n2(value) -> str:
    return f"{_single(value):,.2f}"


def _register_views() -> None:
    from pscompat.format.views import register_view
    from pscompat.values.dotnet.typenames import register_type

    for type_name in PROCESS_TYPE_NAMES[:-1] + (
        "System.Diagnostics.ProcessThread",
        "System.Diagnostics.ProcessPriorityClass",
    ):
        register_type(type_name)
    register_view(
        "System.Diagnostics.Process",
        "table",
        [
            ("NPM(K)", lambda p: round((getattr(p, "NPM", 0) or 0) / 1024)),
            ("PM(M)", lambda p: _n2((getattr(p, "PM", 0) or 0) / 1048576)),
            ("WS(M)", lambda p: _n2((getattr(p, "WS", 0) or 0) / 1048576)),
            ("CPU(s)", lambda p: _n2(getattr(p, "CPU", 0))),
            "Id",
            "SI",
            "ProcessName",
        ],
        widths=[7, 8, 10, 10, 7, 3, 0],
        alignments=["right"] * 6 + ["left"],
    )
    # no list view in pwsh: Format-List falls back to the DefaultDisplayPropertySet
    register_view("System.Diagnostics.Process", "list", ["Id", "Handles", "CPU", "SI", "Name"])
    register_view("System.Diagnostics.Process", "wide", ["ProcessName"])
    register_view(
        USER_NAME_TYPE_NAME,
        "table",
        [
            ("WS(M)", lambda p: _n2((getattr(p, "WS", 0) or 0) / 1048576)),
            ("CPU(s)", lambda p: _n2(getattr(p, "CPU", 0))),
            "Id",
            "UserName",
            "ProcessName",
        ],
        widths=[10, 8, 7, 30, 0],
        alignments=["right", "right", "right", "left", "left"],
    )


_register_views()
