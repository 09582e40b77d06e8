"""The PowerShell hosting API scripts call: `[powershell]::Create()` with AddScript/AddCommand/
AddParameter(s)/AddArgument/AddStatement, Invoke/BeginInvoke/EndInvoke, Streams, HadErrors,
InvocationStateInfo, Commands; `[runspacefactory]::CreateRunspace()` and the Runspace's Open,
Close, SessionStateProxy (System.Management.Automation.PowerShell and Runspaces.Runspace in
PowerShell's src/System.Management.Automation/engine/hostifaces/PowerShell.cs, Runspace.cs).

A runspace is a fresh ExecutionContext of its own in this process (its own variables, functions
and global scope) whose host records what the commands write: errors, warnings, verbose, debug
and information records land in the PowerShell object's Streams.  Invocation is synchronous:
BeginInvoke runs the commands and returns a completed handle that EndInvoke reads.
"""

from __future__ import annotations

import itertools
from typing import Any

from pscompat.engine.context import ExecutionContext
from pscompat.engine.scriptblock import ScriptBlockValue
from pscompat.engine.streams import StreamRecord
from pscompat.errors import ExitFlow, FlowControl, PSError
from pscompat.format.host import CollectingHost
from pscompat.values.dotnet.type_literals import register_statics
from pscompat.values.objects.classes import Hashtable

_SMA = "System.Management.Automation."
_IDS = itertools.count(2)  # runspace 1 is the session's own


class PSDataCollection(list):
    PS_TYPE_NAMES = (_SMA + "PSDataCollection`1", "System.Object")

    def ReadAll(self) -> list:
        items = list(self)
        self.clear()
        return items

    def Clear(self) -> None:
        self.clear()


class PSDataStreams:
    PS_TYPE_NAMES = (_SMA + "PSDataStreams", "System.Object")
    PS_PROPERTIES = ("Error", "Progress", "Verbose", "Debug", "Warning", "Information")

    def __init__(self) -> None:
        self.Error = PSDataCollection()
        self.Progress = PSDataCollection()
        self.Verbose = PSDataCollection()
        self.Debug = PSDataCollection()
        self.Warning = PSDataCollection()
        self.Information = PSDataCollection()

    def ClearStreams(self) -> None:
        for stream in (self.Error, self.Progress, self.Verbose, self.Debug, self.Warning, self.Information):
            stream.clear()


class _StreamHost(CollectingHost):
    """The runspace's host: each record goes to the Streams of the PowerShell running now."""

    def __init__(self) -> None:
        super().__init__()
        self.streams: PSDataStreams | None = None

    def write_verbose(self, text: str) -> None:
        if self.streams is not None:
            self.streams.Verbose.append(StreamRecord("Verbose", text))

    def write_warning(self, text: str) -> None:
        if self.streams is not None:
            self.streams.Warning.append(StreamRecord("Warning", text))

    def write_debug(self, text: str) -> None:
        if self.streams is not None:
            self.streams.Debug.append(StreamRecord("Debug", text))

    def write_information(self, data: Any, show: bool = True) -> None:
        if self.streams is not None:
            self.streams.Information.append(data)

    def write_error(self, record: Any) -> None:
        if self.streams is not None:
            self.streams.Error.append(record)


class RunspaceStateInfo:
    PS_PROPERTIES = ("State", "Reason")

    def __init__(self, state: str) -> None:
        self.State = state
        self.Reason = None

    def ToString(self) -> str:
        return self.State


class SessionStateProxy:
    PS_TYPE_NAMES = (_SMA + "Runspaces.SessionStateProxy", "System.Object")

    def __init__(self, ctx: ExecutionContext) -> None:
        self._ctx = ctx

    def SetVariable(self, name: str, value: Any) -> None:
        self._ctx.set_variable(str(name), value)

    def GetVariable(self, name: str) -> Any:
        return self._ctx.get_variable(str(name), None)


class Runspace:
    PS_TYPE_NAMES = (_SMA + "Runspaces.LocalRunspace", _SMA + "Runspaces.Runspace", "System.Object")
    PS_PROPERTIES = ("Id", "Name", "RunspaceStateInfo", "RunspaceAvailability")

    def __init__(self) -> None:
        self.host = _StreamHost()
        self.ctx = ExecutionContext(self.host)
        self.Id = next(_IDS)
        self.Name = f"Runspace{self.Id}"
        self.RunspaceStateInfo = RunspaceStateInfo("BeforeOpen")
        self.SessionStateProxy = SessionStateProxy(self.ctx)
        self.InitialSessionState = None
        self.ThreadOptions = "Default"
        self.ApartmentState = "Unknown"

    @property
    def RunspaceAvailability(self) -> str:
        return "Available" if self.RunspaceStateInfo.State == "Opened" else "None"

    def Open(self) -> None:
        self.RunspaceStateInfo = RunspaceStateInfo("Opened")

    def OpenAsync(self) -> None:
        self.Open()

    def Close(self) -> None:
        self.RunspaceStateInfo = RunspaceStateInfo("Closed")

    def Dispose(self) -> None:
        self.Close()

    def ToString(self) -> str:
        return _SMA + "Runspaces.LocalRunspace"


class Command:
    PS_TYPE_NAMES = (_SMA + "Runspaces.Command", "System.Object")
    PS_PROPERTIES = ("CommandText", "IsScript", "UseLocalScope")

    def __init__(self, text: Any, is_script: bool, use_local_scope: bool) -> None:
        self.target = text
        self.CommandText = text.text if isinstance(text, ScriptBlockValue) else str(text)
        self.IsScript = is_script
        self.UseLocalScope = use_local_scope
        self.named = Hashtable()
        self.positional: list = []

    def ToString(self) -> str:
        return self.CommandText


class PSCommand:
    PS_TYPE_NAMES = (_SMA + "PSCommand", "System.Object")

    def __init__(self) -> None:
        self.statements: list[list[Command]] = [[]]

    @property
    def Commands(self) -> list:
        return [c for statement in self.statements for c in statement]

    def Clear(self) -> None:
        self.statements = [[]]


class PSInvocationStateInfo:
    PS_PROPERTIES = ("State", "Reason")

    def __init__(self, state: str, reason: Any = None) -> None:
        self.State = state
        self.Reason = reason


class AsyncResult:
    PS_TYPE_NAMES = (_SMA + "PowerShellAsyncResult", "System.Object")
    PS_PROPERTIES = ("IsCompleted", "CompletedSynchronously")

    def __init__(self, output: list) -> None:
        self.output = output
        self.IsCompleted = True
        self.CompletedSynchronously = True
        self.AsyncWaitHandle = _WaitHandle()


class _WaitHandle:
    def WaitOne(self, *timeout) -> bool:
        return True


_DRIVER: ScriptBlockValue | None = None


def _driver() -> ScriptBlockValue:
    """One pipeline of commands, each given as (target, named, positional, dot-source)."""
    global _DRIVER
    if _DRIVER is None:
        from pscompat.source import Source
        from pscompat.syntax.grammar import parse_cached

        # dot-sourced into the runspace's global scope (a script added with useLocalScope=false
        # runs there, as in PowerShell), so no function and no param(): the data come in $args
        text = (
            "$__s = $args\n"
            "foreach ($__c in $__s[0]) {\n"
            "  $__n = $__c[1]; $__p = $__c[2]\n"
            "  if ($__s[2]) {\n"
            "    $__s[1] = @(if ($__c[3]) { $__s[1] | . $__c[0] @__n @__p } else { $__s[1] | & $__c[0] @__n @__p })\n"
            "  } elseif ($__c[3]) { $__s[1] = @(. $__c[0] @__n @__p) } else { $__s[1] = @(& $__c[0] @__n @__p) }\n"
            "  $__s[2] = $true\n"
            "}\n"
            "$__s[1]\n"
            "Remove-Variable __s, __c, __n, __p -ErrorAction Ignore\n"
        )
        _DRIVER = ScriptBlockValue(parse_cached(text, "<PowerShell.Invoke>"), Source(text, "<PowerShell.Invoke>"))
    return _DRIVER


class PowerShell:
    PS_TYPE_NAMES = (_SMA + "PowerShell", "System.Object")
    PS_PROPERTIES = ("Commands", "Streams", "InstanceId", "InvocationStateInfo", "IsNested", "HadErrors", "Runspace")

    def __init__(self, runspace: Runspace | None = None) -> None:
        self._runspace = runspace
        self.Commands = PSCommand()
        self.Streams = PSDataStreams()
        self.InvocationStateInfo = PSInvocationStateInfo("NotStarted")
        self.IsNested = False
        self.HadErrors = False
        self.RunspacePool = None
        import uuid

        self.InstanceId = uuid.uuid4()

    @property
    def Runspace(self) -> Runspace:
        if self._runspace is None:
            self._runspace = Runspace()
            self._runspace.Open()
        return self._runspace

    @Runspace.setter
    def Runspace(self, value: Runspace) -> None:
        self._runspace = value

    # -- building the commands ------------------------------------------------------------------
    def _last(self) -> Command:
        statement = self.Commands.statements[-1]
        if not statement:
            raise PSError(
                "A command is required to add a parameter. A command must be added to the PowerShell instance "
                "before adding a parameter.",
                "InvalidOperation",
                category="InvalidOperation",
            )
        return statement[-1]

    def AddScript(self, script: Any, use_local_scope: Any = False) -> PowerShell:
        if not isinstance(script, ScriptBlockValue):
            from pscompat.source import Source
            from pscompat.syntax.grammar import parse_cached
            from pscompat.values.convert.strings import to_string

            text = to_string(script)
            script = ScriptBlockValue(
                parse_cached(text, "<PowerShell.AddScript>"), Source(text, "<PowerShell.AddScript>")
            )
        self.Commands.statements[-1].append(Command(script, True, bool(use_local_scope)))
        return self

    def AddCommand(self, command: Any, use_local_scope: Any = True) -> PowerShell:
        name = getattr(command, "Name", None) or command
        self.Commands.statements[-1].append(Command(name, False, bool(use_local_scope)))
        return self

    def AddParameter(self, name: Any, value: Any = True) -> PowerShell:
        self._last().named[str(name)] = value
        return self

    def AddParameters(self, parameters: Any) -> PowerShell:
        if isinstance(parameters, dict):
            for key, value in parameters.items():
                self._last().named[str(key)] = value
        else:
            self._last().positional.extend(parameters if isinstance(parameters, (list, tuple)) else [parameters])
        return self

    def AddArgument(self, value: Any) -> PowerShell:
        self._last().positional.append(value)
        return self

    def AddStatement(self) -> PowerShell:
        self.Commands.statements.append([])
        return self

    # -- running them -----------------------------------------------------------------------------
    def Invoke(self, input: Any = None) -> PSDataCollection:
        runspace = self.Runspace
        host = runspace.host
        saved = host.streams
        host.streams = self.Streams
        errors_before = len(self.Streams.Error)
        self.InvocationStateInfo = PSInvocationStateInfo("Running")
        out = PSDataCollection()
        try:
            for statement in self.Commands.statements:
                if not statement:
                    continue
                cmds = [(c.target, c.named, list(c.positional), c.IsScript and not c.UseLocalScope) for c in statement]
                has_input = input is not None and statement is self.Commands.statements[0]
                items = list(input) if has_input and isinstance(input, (list, tuple)) else input
                scope = runspace.ctx.global_scope
                try:
                    out.extend(runspace.ctx.invoke_block(_driver(), [cmds, items, has_input], None, False, scope))
                except ExitFlow:
                    break
                except FlowControl:
                    pass
        except PSError as err:
            self.HadErrors = True
            self.InvocationStateInfo = PSInvocationStateInfo("Failed", err)
            raise
        finally:
            host.streams = saved
        self.HadErrors = self.HadErrors or len(self.Streams.Error) > errors_before
        self.InvocationStateInfo = PSInvocationStateInfo("Completed")
        return out

    def BeginInvoke(self, *args: Any) -> AsyncResult:
        try:
            return AsyncResult(self.Invoke(args[0] if args else None))
        except PSError as err:
            result = AsyncResult([])
            result.error = err  # type: ignore[attr-defined]
            return result

    def EndInvoke(self, handle: AsyncResult) -> list:
        error = getattr(handle, "error", None)
        if error is not None:
            raise error
        return handle.output

    def Stop(self) -> None:
        if self.InvocationStateInfo.State == "Running":
            self.InvocationStateInfo = PSInvocationStateInfo("Stopped")

    def Dispose(self) -> None:
        """Nothing to release: the runspace is garbage-collected with the object."""

    def ToString(self) -> str:
        return _SMA + "PowerShell"


def _create(*args: Any) -> PowerShell:
    """[powershell]::Create(), ::Create(RunspaceMode) or ::Create(InitialSessionState): a new
    PowerShell with a new runspace of its own (pscompat has no way to share the caller's)."""
    return PowerShell()


def _create_runspace(*args: Any) -> Runspace:
    return Runspace()


register_statics(_SMA + "PowerShell", {"Create": _create})
register_statics(
    _SMA + "Runspaces.RunspaceFactory",
    {"CreateRunspace": _create_runspace, "CreateOutOfProcessRunspace": _create_runspace},
)
