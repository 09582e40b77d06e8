"""The session's command history: Get-History (h, history, ghy), Invoke-History (r, ihy) and
Clear-History (clhy), over the lines the `pscompat` prompt ran (PS: src/System.Management.
Automation/engine/hostifaces/History.cs; texts from resources/HistoryStrings.resx; behaviour from
test/powershell/Modules/Microsoft.PowerShell.Core/History.Tests.ps1).

The prompt calls `record(ctx, line, start, end, status)` after each line; `pscompat -c`, a
script file and the Python API record nothing, as `pwsh -c` keeps no history.  Invoke-History
shows the line it runs again, and the prompt records that line in its place.
"""

from __future__ import annotations

import datetime as _dt
import fnmatch

from pscompat.engine.commands import Cmdlet, Parameter, cmdlet
from pscompat.format.views import register_view
from pscompat.values.convert.strings import to_string

_MODULE = "Microsoft.PowerShell.Core"
MAXIMUM_HISTORY_COUNT = 4096  # $MaximumHistoryCount's default

NO_HISTORY_FOR_ID = "Cannot locate the history for Id {0}."
NO_HISTORY_FOR_COMMAND_LINE = "Cannot locate the history for command line {0}."
NO_LAST_ENTRY = "Cannot locate most recent history."
INVALID_ID = (
    "The identifier {0} is not a valid value for a History identifier. Specify a positive number, and then try again."
)
NO_COUNT_WITH_MULTIPLE_IDS = "The count cannot be combined with multiple Ids."


class HistoryInfo:
    PS_TYPE_NAMES = ("Microsoft.PowerShell.Commands.HistoryInfo", "System.Object")
    PS_PROPERTIES = ("Id", "CommandLine", "ExecutionStatus", "StartExecutionTime", "EndExecutionTime", "Duration")

    def __init__(self, id: int, command_line: str, start: _dt.datetime, end: _dt.datetime, status: str):
        self.Id = id
        self.CommandLine = command_line
        self.StartExecutionTime = start
        self.EndExecutionTime = end
        self.ExecutionStatus = status  # PipelineState: Completed, Failed, Stopped

    @property
    def Duration(self) -> _dt.timedelta:
        return self.EndExecutionTime - self.StartExecutionTime

    def ToString(self) -> str:
        return self.CommandLine

    __str__ = ToString


def duration_text(entry: HistoryInfo) -> str:
    """The table's Duration column (PowerShellCore_format_ps1xml.cs, HistoryInfo view): s.fff,
    m:ss.fff, h:mm:ss.fff, or hours:mm:ss.fff from ten hours on."""
    total = entry.Duration.total_seconds()
    hours, rest = divmod(total, 3600)
    minutes, seconds = divmod(rest, 60)
    if hours >= 1:
        return f"{int(hours)}:{int(minutes):02d}:{seconds:06.3f}"
    if minutes >= 1:
        return f"{int(minutes)}:{seconds:06.3f}"
    return f"{seconds:.3f}"


register_view(
    "Microsoft.PowerShell.Commands.HistoryInfo",
    "table",
    ["Id", ("Duration", duration_text), "CommandLine"],
    widths=[4, 12, 0],
    alignments=["right", "right", None],
)


def entries(ctx) -> list[HistoryInfo]:
    """The session's history, oldest first (kept on the execution context)."""
    found = ctx.__dict__.get("history_entries")
    if found is None:
        found = ctx.history_entries = []
    return found


def record(ctx, command_line: str, start: _dt.datetime, end: _dt.datetime, status: str = "Completed") -> None:
    """Add a line the prompt ran (or the line Invoke-History ran in its place)."""
    replacement = ctx.__dict__.pop("history_replacement", None)
    items = entries(ctx)
    next_id = items[-1].Id + 1 if items else 1
    items.append(HistoryInfo(next_id, replacement or command_line, start, end, status))
    if len(items) > MAXIMUM_HISTORY_COUNT:
        del items[0]


def _entry(items: list[HistoryInfo], id: int) -> HistoryInfo | None:
    return next((e for e in items if e.Id == id), None)


@cmdlet(
    "Get-History",
    aliases=("h", "history", "ghy"),
    module=_MODULE,
    synopsis="Gets a list of the commands entered during the current session.",
    examples=(("Get-History -Count 5", "The last five lines run at the prompt."),),
)
class GetHistory(Cmdlet):
    parameters = (
        Parameter("Id", "long[]", position=0, pipeline=True),
        Parameter("Count", "int", position=1),
    )

    def process(self):
        items = entries(self.ctx)
        ids = self.bound.get("Id")
        count = self.bound.get("Count")
        if count is not None and not 0 <= int(count) <= 32767:
            self.throw_terminating(
                f"Cannot validate argument on parameter 'Count'. The {count} argument is greater than the "
                f"maximum allowed range of 32767. Supply an argument that is less than or equal to 32767 and "
                f"then try the command again.",
                "ParameterArgumentValidationError",
                "InvalidData",
            )
        if ids is None:
            return list(items[-int(count) :] if count else ([] if count == 0 else items))
        ids = [int(i) for i in (ids if isinstance(ids, (list, tuple)) else [ids])]
        if count is not None:
            if len(ids) > 1:
                self.throw_terminating(
                    NO_COUNT_WITH_MULTIPLE_IDS, "GetHistoryNoCountWithMultipleIds", "InvalidArgument"
                )
            return [e for e in items if ids[0] - int(count) < e.Id <= ids[0]]
        out = []
        for wanted_id in ids:
            found = _entry(items, wanted_id)
            if found is None:
                self.write_error_record(
                    NO_HISTORY_FOR_ID.format(wanted_id), "GetHistoryNoHistoryForId", "ObjectNotFound", wanted_id
                )
            else:
                out.append(found)
        return out

    def write_error_record(self, message: str, error_id: str, category: str, target) -> None:
        self.write_error(message, error_id, category, target, exception_type="System.ArgumentException")


@cmdlet(
    "Invoke-History",
    aliases=("r", "ihy"),
    module=_MODULE,
    synopsis="Runs commands from the session history.",
    examples=(("Invoke-History 3", "Runs history entry 3 again."), ("r Get-", "The last line starting 'Get-'.")),
)
class InvokeHistory(Cmdlet):
    parameters = (Parameter("Id", "string", position=0),)

    def end(self):
        items = entries(self.ctx)
        wanted = self.bound.get("Id")
        entry = self._find(items, None if wanted is None else to_string(wanted))
        if entry is None:
            return ()
        self.ctx.host.write_host(entry.CommandLine)  # pwsh shows the line it runs again
        self.ctx.history_replacement = entry.CommandLine
        from pscompat.engine.scriptblock import ScriptBlockValue
        from pscompat.source import Source
        from pscompat.syntax.grammar import parse_cached

        block = ScriptBlockValue(parse_cached(entry.CommandLine, "<history>"), Source(entry.CommandLine, "<history>"))
        return self.invoke(block, use_local_scope=False)

    def _find(self, items: list[HistoryInfo], wanted: str | None) -> HistoryInfo | None:
        if wanted is None:
            if not items:
                self.throw_terminating(NO_LAST_ENTRY, "InvokeHistoryNoLastHistoryEntryFound", "ObjectNotFound")
            return items[-1]
        try:
            id = int(wanted)
        except ValueError:
            found = next((e for e in reversed(items) if e.CommandLine.startswith(wanted)), None)
            if found is None:
                self.throw_terminating(
                    NO_HISTORY_FOR_COMMAND_LINE.format(wanted), "InvokeHistoryNoHistoryForCommandline", "ObjectNotFound"
                )
            return found
        if id <= 0:
            self.throw_terminating(INVALID_ID.format(id), "InvokeHistoryInvalidIdGetHistory", "InvalidArgument")
        found = _entry(items, id)
        if found is None:
            self.throw_terminating(NO_HISTORY_FOR_ID.format(id), "InvokeHistoryNoHistoryForId", "ObjectNotFound")
        return found


@cmdlet(
    "Clear-History",
    aliases=("clhy",),
    module=_MODULE,
    default_set="IDParameter",
    synopsis="Deletes entries from the PowerShell session command history.",
    examples=(("Clear-History -CommandLine *Help*", "Deletes the lines that mention Help."),),
)
class ClearHistory(Cmdlet):
    parameters = (
        Parameter("Id", "int[]", position=0, sets=("IDParameter",)),
        Parameter("CommandLine", "string[]", sets=("CommandLineParameter",)),
        Parameter("Count", "int", position=1),
        Parameter("Newest", "switch"),
    )

    def end(self):
        items = entries(self.ctx)
        ids = self.bound.get("Id")
        patterns = self.bound.get("CommandLine")
        count = self.bound.get("Count")
        newest = bool(self.bound.get("Newest"))
        if ids is not None:
            ids = [int(i) for i in (ids if isinstance(ids, (list, tuple)) else [ids])]
            if count is not None:
                if len(ids) > 1:
                    self.throw_terminating(
                        NO_COUNT_WITH_MULTIPLE_IDS, "GetHistoryNoCountWithMultipleIds", "InvalidArgument"
                    )
                # Count entries from the Id on: older ones, or newer ones with -Newest
                span = [e for e in items if (ids[0] <= e.Id if newest else e.Id <= ids[0])]
                doomed = span[: int(count)] if newest else span[-int(count) :]
            else:
                doomed = []
                for wanted_id in ids:
                    found = _entry(items, wanted_id)
                    if found is None:
                        self.write_error(
                            NO_HISTORY_FOR_ID.format(wanted_id),
                            "GetHistoryNoHistoryForId",
                            "ObjectNotFound",
                            wanted_id,
                            exception_type="System.ArgumentException",
                        )
                    else:
                        doomed.append(found)
        elif patterns is not None:
            patterns = [to_string(p) for p in (patterns if isinstance(patterns, (list, tuple)) else [patterns])]
            matching = [
                e for e in items if any(fnmatch.fnmatchcase(e.CommandLine.lower(), p.lower()) for p in patterns)
            ]
            if count is not None:
                matching = matching[-int(count) :] if newest else matching[: int(count)]
            doomed = matching
        elif count is not None:
            doomed = items[-int(count) :] if newest else items[: int(count)]
        else:
            doomed = list(items)
        gone = {e.Id for e in doomed}
        items[:] = [e for e in items if e.Id not in gone]
        return ()
