"""Set-/Get-/Remove-/Enable-/Disable-PSBreakpoint and Get-PSCallStack (PS: src/Microsoft.
PowerShell.Commands.Utility/commands/utility/*Breakpoint*.cs, GetCallStackCommand.cs;
engine/debugger/debugger.cs CallStackFrame).  The breakpoints themselves, and how they hook
into compiled code, are engine/breakpoints.py."""

from __future__ import annotations

import os
from typing import Any

from pscompat.cmdlets.objects.common import wildcard_matcher
from pscompat.cmdlets.paths import as_list, full_path
from pscompat.engine.breakpoints import (
    Breakpoint,
    CommandBreakpoint,
    LineBreakpoint,
    VariableBreakpoint,
    debugger_of,
)
from pscompat.engine.commands import Cmdlet, Parameter, cmdlet
from pscompat.engine.validation import validate_range

_UTILITY = "Microsoft.PowerShell.Utility"


@cmdlet(
    "Set-PSBreakpoint",
    aliases=("sbp",),
    module=_UTILITY,
    default_set="Line",
    synopsis="Sets a breakpoint on a line, command, or variable (pscompat: hit counts and actions; no debugger prompt).",
    output_type="System.Management.Automation.Breakpoint",
)
class SetPSBreakpoint(Cmdlet):
    parameters = (
        Parameter("Script", "string[]", position=0, mandatory=True, mandatory_sets=("Line",), aliases=("Path",)),
        # PS: Set-PSBreakpoint.cs: Column has [ValidateRange(1, int.MaxValue)], Line is checked in code
        Parameter("Line", "int[]", position=1, mandatory=True, sets=("Line",)),
        Parameter("Column", "int", position=2, sets=("Line",), validators=(validate_range(1, 2147483647),)),
        Parameter("Command", "string[]", mandatory=True, aliases=("C",), sets=("Command",)),
        Parameter("Variable", "string[]", mandatory=True, aliases=("V",), sets=("Variable",)),
        Parameter("Mode", "string", validate_set=("Read", "Write", "ReadWrite"), sets=("Variable",)),
        Parameter("Action", "scriptblock", aliases=("A",)),
        Parameter("Runspace", "object"),
    )

    def end(self):
        debugger = debugger_of(self.ctx)
        scripts = [s for s in (self._script(p) for p in as_list(self.Script)) if s is not None]
        if self.Script and not scripts:
            return []
        action = self.Action
        out: list[Breakpoint] = []
        if self.parameter_set == "Line":
            column = int(self.Column or 0)
            for script in scripts:
                for line in as_list(self.Line):
                    if int(line) < 1:  # PS: Set-PSBreakpoint.cs, a non-terminating error, then the next line
                        self.write_error(
                            "Line cannot be less than 1.",
                            "SetPSBreakpoint:LineLessThanOne",
                            "InvalidArgument",
                            None,
                            "System.ArgumentException",
                        )
                        continue
                    out.append(
                        debugger.add(
                            lambda i, s=script, n=int(line): LineBreakpoint(i, s, n, column, action)  # type: ignore[misc]
                        )
                    )
        elif self.parameter_set == "Command":
            for script in scripts or [None]:
                for command in as_list(self.Command):
                    name = str(command)
                    out.append(
                        debugger.add(
                            lambda i, s=script, c=name: CommandBreakpoint(i, s, c, wildcard_matcher(c), action)  # type: ignore[misc]
                        )
                    )
        else:
            mode = str(self.Mode or "Write")
            mode = {"read": "Read", "write": "Write", "readwrite": "ReadWrite"}[mode.lower()]
            for script in scripts or [None]:
                for variable in as_list(self.Variable):
                    name = str(variable).lstrip("$")
                    out.append(
                        debugger.add(
                            lambda i, s=script, v=name: VariableBreakpoint(i, s, v, mode, action)  # type: ignore[misc]
                        )
                    )
        return out

    def _script(self, path: Any) -> str | None:
        """-Script resolved as PowerShell resolves it (PS: Set-PSBreakpoint.cs ProcessRecord): a
        missing path stops the command; a folder or another extension is an error for that path."""
        full = full_path(self, str(path))
        if not os.path.exists(full):
            self.throw_terminating(
                f"Cannot find path '{full}' because it does not exist.",
                "PathNotFound",
                "ObjectNotFound",
                full,
                "System.Management.Automation.ItemNotFoundException",
            )
        if not os.path.isfile(full):
            message, error_id = f"File '{full}' does not exist.", "NewPSBreakpoint:FileDoesNotExist"
        elif os.path.splitext(full)[1].lower() not in (".ps1", ".psm1"):
            message = f"Cannot set breakpoint on file '{full}'; only *.ps1 and *.psm1 files are valid."
            error_id = "NewPSBreakpoint:WrongExtension"
        else:
            return full
        self.write_error(message, error_id, "InvalidArgument", None, "System.ArgumentException")
        return None


def _selected(cmd: Cmdlet) -> list[Breakpoint]:
    """The breakpoints -Breakpoint or -Id name (an Id that does not exist is an error)."""
    debugger = debugger_of(cmd.ctx)
    if cmd.parameter_set == "Id":
        found = []
        for bp_id in as_list(cmd.Id):  # type: ignore[attr-defined]
            bp = debugger.breakpoints.get(int(bp_id))
            if bp is None:  # PS: PSBreakpointUpdaterCommandBase.cs
                cmd.write_error(
                    f"There is no breakpoint with ID '{bp_id}'.",
                    "PSBreakpoint:BreakpointIdNotFound",
                    "InvalidArgument",
                    None,
                    "System.ArgumentException",
                )
            else:
                found.append(bp)
        return found
    return [bp for bp in as_list(cmd.Breakpoint) if isinstance(bp, Breakpoint)]  # type: ignore[attr-defined]


_SELECT = (
    Parameter(
        "Breakpoint",
        "System.Management.Automation.Breakpoint[]",
        position=0,
        mandatory=True,
        pipeline=True,
        sets=("Breakpoint",),
    ),
    Parameter("Id", "int[]", position=0, mandatory=True, pipeline_by_name=True, sets=("Id",)),
)


@cmdlet(
    "Get-PSBreakpoint",
    aliases=("gbp",),
    module=_UTILITY,
    default_set="Script",
    synopsis="Gets the breakpoints that are set in the current session.",
)
class GetPSBreakpoint(Cmdlet):
    parameters = (
        Parameter("Script", "string[]", position=0, sets=("Script", "Command", "Variable", "Type")),
        Parameter("Id", "int[]", position=0, mandatory=True, sets=("Id",)),
        Parameter("Command", "string[]", mandatory=True, sets=("Command",)),
        Parameter("Variable", "string[]", mandatory=True, sets=("Variable",)),
        Parameter("Type", "string[]", mandatory=True, sets=("Type",), validate_set=("Line", "Command", "Variable")),
        Parameter("Runspace", "object"),
    )

    def end(self):
        debugger = self.ctx.debugger
        found = list(debugger.breakpoints.values()) if debugger is not None else []
        if self.parameter_set == "Id":
            ids = {int(i) for i in as_list(self.Id)}
            return [bp for bp in found if bp.Id in ids]
        if self.Script:
            paths = {full_path(self, str(s)) for s in as_list(self.Script)}
            found = [bp for bp in found if bp.Script in paths]
        if self.parameter_set == "Command":
            names = {str(c).lower() for c in as_list(self.Command)}
            found = [bp for bp in found if isinstance(bp, CommandBreakpoint) and bp.Command.lower() in names]
        elif self.parameter_set == "Variable":
            names = {str(v).lstrip("$").lower() for v in as_list(self.Variable)}
            found = [bp for bp in found if isinstance(bp, VariableBreakpoint) and bp.Variable.lower() in names]
        elif self.parameter_set == "Type":
            kinds = {str(t).lower() + "breakpoint" for t in as_list(self.Type)}
            found = [bp for bp in found if type(bp).__name__.lower() in kinds]
        return found


@cmdlet(
    "Remove-PSBreakpoint", aliases=("rbp",), module=_UTILITY, default_set="Breakpoint", synopsis="Deletes breakpoints."
)
class RemovePSBreakpoint(Cmdlet):
    parameters = (*_SELECT, Parameter("Runspace", "object"))

    def process(self):
        debugger = debugger_of(self.ctx)
        for bp in _selected(self):
            debugger.remove(bp)
        return None


class _Toggle(Cmdlet):
    parameters = (*_SELECT, Parameter("PassThru", "switch"))
    enabled = True

    def process(self):
        out = []
        for bp in _selected(self):
            bp.Enabled = self.enabled
            if self.PassThru:
                out.append(bp)
        return out


@cmdlet("Enable-PSBreakpoint", aliases=("ebp",), module=_UTILITY, default_set="Id", synopsis="Enables breakpoints.")
class EnablePSBreakpoint(_Toggle):
    enabled = True


@cmdlet("Disable-PSBreakpoint", aliases=("dbp",), module=_UTILITY, default_set="Id", synopsis="Disables breakpoints.")
class DisablePSBreakpoint(_Toggle):
    enabled = False


class CallStackFrame:
    """System.Management.Automation.CallStackFrame: one function, script or script block running."""

    PS_TYPE_NAMES = ("System.Management.Automation.CallStackFrame", "System.Object")
    PS_PROPERTIES = ("Command", "Arguments", "Location")

    def __init__(self, command: str, function_name: str, script: str, line: int, invocation: Any, scope: Any) -> None:
        self.Command = command
        self.FunctionName = function_name
        self.ScriptName = script or None
        self.ScriptLineNumber = line
        self.InvocationInfo = invocation
        self.Position = None
        self._scope = scope

    @property
    def Location(self) -> str:
        # PS: CallStackFrame.GetScriptLocation ("<No file>" for code not from a file)
        if not self.ScriptName:
            return "<No file>"
        return f"{os.path.basename(self.ScriptName)}: line {self.ScriptLineNumber}"

    @property
    def Arguments(self) -> str:
        inv = self.InvocationInfo
        if inv is None:
            return "{}"
        pairs = [f"{k}={v}" for k, v in dict(inv.BoundParameters).items()]
        pairs += [str(a) for a in inv.UnboundArguments or ()]
        return "{" + ", ".join(pairs) + "}"

    def GetFrameVariables(self) -> dict:
        """The variables of the frame's own scope, by name."""
        return dict(self._scope.vars) if self._scope is not None else {}

    def GetScriptLocation(self) -> str:
        return self.Location

    def ToString(self) -> str:
        return self.Location


@cmdlet(
    "Get-PSCallStack",
    aliases=("gcs",),
    module=_UTILITY,
    synopsis="Displays the current call stack.",
    output_type="System.Management.Automation.CallStackFrame",
)
class GetPSCallStack(Cmdlet):
    parameters = ()

    def end(self):
        """Innermost first: each function or script scope up the chain is a frame; where a
        frame stands now is where it called the frame inside it (its $MyInvocation)."""
        runtime = self.runtime
        source = runtime.source
        script = _file_of(source.name) if source is not None else ""
        line = source.coord(runtime.span.start)[0] if source is not None and runtime.span is not None else 0
        frames = []
        scope = runtime.scope
        while scope is not None:
            invocation = scope.vars.get("myinvocation") if scope.parent is not None else None
            if invocation is not None and hasattr(invocation, "MyCommand"):
                command = invocation.MyCommand
                is_script = command.CommandType == "ExternalScript"
                name = command.Name
                frames.append(
                    CallStackFrame(name, "<ScriptBlock>" if is_script else name, script, line, invocation, scope)
                )
                script = _file_of(invocation.ScriptName)
                line = invocation.ScriptLineNumber
            scope = scope.parent
        frames.append(CallStackFrame("<ScriptBlock>", "<ScriptBlock>", script, line, None, self.ctx.global_scope))
        return frames


def _file_of(name: str) -> str:
    return "" if not name or name.startswith("<") else os.path.abspath(name)
