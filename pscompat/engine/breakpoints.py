"""Breakpoints (PS: engine/debugger/Breakpoint.cs, debugger.cs): line, variable and command
breakpoints with their hit counts and actions, kept per ExecutionContext (`ctx.debugger`).

pscompat has no interactive debugger.  PowerShell stops at a breakpoint only when something
subscribes to the debugger's stop event (debugger.cs OnDebuggerStop: "No subscriber.  Ignore
this debug stop event"), so a host without a debugger counts the hit, runs the action and goes
on; pscompat does the same everywhere.  An action's `break` and `continue` both go on.

What it costs: nothing at run time while no breakpoint is set.  Line and variable breakpoints
are woven in when code is compiled: the compiler asks `line_hook` / `variable_hook` once per
statement or variable reference, and only when the global index below names the file or the
variable does the compiled code get a hook (and the generated-Python path steps aside for the
closures, which carry it).  So a breakpoint applies to code compiled after it is set: a script
run, a script block first invoked or a function defined afterwards, as PowerShell's own tests
use them.  Command breakpoints are checked where a pipeline resolves its commands, one test of
`ctx.debugger` per command invocation.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

from pscompat.errors import BreakFlow, ContinueFlow, PSError
from pscompat.source import Source, Span
from pscompat.values.dotnet.typenames import register_type

_SMA = "System.Management.Automation."

# The compile-time index over every context: which files have line breakpoints (full path ->
# line -> how many) and which variables have breakpoints (lower-case name -> how many).  It only
# decides where hooks are compiled in; the hook then asks the running context's debugger.
# Removing the last breakpoint of a file or variable removes its entry, so code compiled after
# that is the plain fast code again.
LINE_INDEX: dict[str, dict[int, int]] = {}
VARIABLE_INDEX: dict[str, int] = {}


class Breakpoint:
    PS_TYPE_NAMES: tuple[str, ...] = (_SMA + "Breakpoint", "System.Object")
    PS_PROPERTIES: tuple[str, ...] = ("Id", "Script", "Enabled", "HitCount", "Action")

    def __init__(self, bp_id: int, script: str | None, action: Any) -> None:
        self.Id = bp_id
        self.Script = script
        self.Enabled = True
        self.HitCount = 0
        self.Action = action

    def trigger(self, scope: Any) -> None:
        """Breakpoint.Trigger: count the hit, run the action with $_ = this breakpoint."""
        self.HitCount += 1
        if self.Action is None:
            return  # a stop no debugger listens to (see the module's comment)
        try:  # its output is dropped, its errors too (Breakpoint.cs Trigger)
            scope.ctx.invoke_block(self.Action, (), self, True, scope)
        except (BreakFlow, ContinueFlow, PSError):
            pass

    def applies_to(self, script: str | None) -> bool:
        return self.Script is None or (script is not None and os.path.abspath(script) == self.Script)


class LineBreakpoint(Breakpoint):
    PS_TYPE_NAMES = (_SMA + "LineBreakpoint", _SMA + "Breakpoint", "System.Object")
    PS_PROPERTIES = ("Column", "Line", "Action", "Enabled", "HitCount", "Id", "Script")

    def __init__(self, bp_id: int, script: str, line: int, column: int, action: Any) -> None:
        super().__init__(bp_id, script, action)
        self.Line = line
        self.Column = column

    def ToString(self) -> str:
        return f"Line breakpoint on '{self.Script}:{self.Line}'"


class VariableBreakpoint(Breakpoint):
    PS_TYPE_NAMES = (_SMA + "VariableBreakpoint", _SMA + "Breakpoint", "System.Object")
    PS_PROPERTIES = ("Variable", "AccessMode", "Action", "Enabled", "HitCount", "Id", "Script")

    def __init__(self, bp_id: int, script: str | None, variable: str, mode: str, action: Any) -> None:
        super().__init__(bp_id, script, action)
        self.Variable = variable
        self.AccessMode = mode

    def watches(self, read: bool) -> bool:
        return self.AccessMode == "ReadWrite" or self.AccessMode == ("Read" if read else "Write")

    def ToString(self) -> str:
        return f"Variable breakpoint on '${self.Variable}' ({self.AccessMode} access)"


class CommandBreakpoint(Breakpoint):
    PS_TYPE_NAMES = (_SMA + "CommandBreakpoint", _SMA + "Breakpoint", "System.Object")
    PS_PROPERTIES = ("Command", "Action", "Enabled", "HitCount", "Id", "Script")

    def __init__(self, bp_id: int, script: str | None, command: str, matcher: Callable[[str], bool], action: Any):
        super().__init__(bp_id, script, action)
        self.Command = command
        self.matcher = matcher

    def ToString(self) -> str:
        return f"Command breakpoint on '{self.Command}'"


class Debugger:
    """One context's breakpoints, by Id (Ids count from 0 per session, as PowerShell's do)."""

    def __init__(self) -> None:
        self.breakpoints: dict[int, Breakpoint] = {}
        self.next_id = 0
        self.commands: list[CommandBreakpoint] = []

    def add(self, make: Callable[[int], Breakpoint]) -> Breakpoint:
        bp = make(self.next_id)
        self.next_id += 1
        self.breakpoints[bp.Id] = bp
        if isinstance(bp, LineBreakpoint):
            lines = LINE_INDEX.setdefault(bp.Script or "", {})
            lines[bp.Line] = lines.get(bp.Line, 0) + 1
        elif isinstance(bp, VariableBreakpoint):
            key = bp.Variable.lower()
            VARIABLE_INDEX[key] = VARIABLE_INDEX.get(key, 0) + 1
        elif isinstance(bp, CommandBreakpoint):
            self.commands.append(bp)
        return bp

    def remove(self, bp: Breakpoint) -> None:
        if self.breakpoints.pop(bp.Id, None) is None:
            return
        if isinstance(bp, LineBreakpoint):
            lines = LINE_INDEX.get(bp.Script or "", {})
            lines[bp.Line] = lines.get(bp.Line, 1) - 1
            if lines[bp.Line] <= 0:
                del lines[bp.Line]
            if not lines:
                LINE_INDEX.pop(bp.Script or "", None)
        elif isinstance(bp, VariableBreakpoint):
            key = bp.Variable.lower()
            VARIABLE_INDEX[key] = VARIABLE_INDEX.get(key, 1) - 1
            if VARIABLE_INDEX[key] <= 0:
                del VARIABLE_INDEX[key]
        elif bp in self.commands:
            self.commands.remove(bp)

    def line_hit(self, scope: Any, script: str, line: int, column: int) -> None:
        for bp in list(self.breakpoints.values()):
            if (
                isinstance(bp, LineBreakpoint)
                and bp.Enabled
                and bp.Line == line
                and bp.Script == script
                and (bp.Column in (0, column))
            ):
                bp.trigger(scope)

    def variable_hit(self, scope: Any, name: str, read: bool, script: str | None) -> None:
        for bp in list(self.breakpoints.values()):
            if (
                isinstance(bp, VariableBreakpoint)
                and bp.Enabled
                and bp.Variable.lower() == name
                and bp.watches(read)
                and bp.applies_to(script)
            ):
                bp.trigger(scope)

    def command_hit(self, scope: Any, name: str, script: str | None) -> None:
        for bp in list(self.commands):
            if bp.Enabled and bp.matcher(name) and bp.applies_to(script):
                bp.trigger(scope)


def debugger_of(ctx: Any) -> Debugger:
    """The context's debugger, made on the first breakpoint (until then `ctx.debugger` is None)."""
    if ctx.debugger is None:
        ctx.debugger = Debugger()
    return ctx.debugger


def _script_path(source: Source) -> str | None:
    name = source.name
    return None if not name or name.startswith("<") else os.path.abspath(name)


def line_hook(run: Callable, span: Span, source: Source) -> Callable:
    """The compiler's statement `run`, with a line-breakpoint check when the file has one on
    the statement's first line (asked at compile time; `run` itself otherwise)."""
    if not LINE_INDEX:
        return run
    path = _script_path(source)
    if path is None or path not in LINE_INDEX:
        return run
    line, column = source.coord(span.start)
    if line not in LINE_INDEX[path] or source.text[span.start - column + 1 : span.start].strip():
        return run  # a line stops once: at the statement it begins with, not at ones nested later in it

    def hooked(scope, emit):
        debugger = scope.ctx.debugger
        if debugger is not None:
            debugger.line_hit(scope, path, line, column)
        return run(scope, emit)

    return hooked


def has_line_breakpoints(source: Source) -> bool:
    if not LINE_INDEX:
        return False
    path = _script_path(source)
    return path is not None and path in LINE_INDEX


def variable_hook(key: str, fn: Callable, read: bool, source: Source) -> Callable:
    """A variable read (`fn(scope)`) or write (`fn(scope, value)`) with a variable-breakpoint
    check, when a breakpoint names the variable at compile time; `fn` itself otherwise."""
    if not VARIABLE_INDEX or key not in VARIABLE_INDEX:
        return fn
    script = _script_path(source)
    if read:

        def read_hooked(scope):
            debugger = scope.ctx.debugger
            if debugger is not None:
                debugger.variable_hit(scope, key, True, script)
            return fn(scope)

        return read_hooked

    def write_hooked(scope, value):
        debugger = scope.ctx.debugger
        if debugger is not None:
            debugger.variable_hit(scope, key, False, script)
        return fn(scope, value)

    return write_hooked


def check_command(scope: Any, name: str, source: Source | None) -> None:
    """A command is about to run (the pipeline calls this only while ctx.debugger is set)."""
    debugger = scope.ctx.debugger
    if debugger.commands:
        debugger.command_hit(scope, name, _script_path(source) if source is not None else None)


for _name in ("Breakpoint", "LineBreakpoint", "VariableBreakpoint", "CommandBreakpoint", "CallStackFrame"):
    register_type(_SMA + _name)
