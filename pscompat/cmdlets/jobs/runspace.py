"""A script block run in a runspace of its own: a fresh ExecutionContext (its own variables,
functions and scopes, nothing of the caller's) whose host hands every record to a sink.

Thread jobs and each iteration of ForEach-Object -Parallel run this way on a worker thread.
`$using:name` values are taken in the caller's scope before the worker starts and stored in the
new runspace's global scope as `using:name`, which is where the compiler reads `$using:`.
"""

from __future__ import annotations

import ctypes
import threading
from collections.abc import Callable
from typing import Any

from pscompat.engine.context import ExecutionContext
from pscompat.engine.scope import MISSING, Scope
from pscompat.engine.scriptblock import ScriptBlockValue
from pscompat.engine.streams import StreamRecord
from pscompat.errors import ExitFlow, FlowControl, PSError, ReturnFlow
from pscompat.format.host import CollectingHost
from pscompat.records import fields
from pscompat.source import Source, Span
from pscompat.syntax import nodes as N
from pscompat.values.error_records import ErrorRecord

Sink = Callable[[str, Any], None]  # (stream name as in model.STREAMS, item)

# C stack for a worker: a job may recurse as deep as a script on the command line does
WORKER_STACK_BYTES = 64 * 1024 * 1024
_STACK_LOCK = threading.Lock()


class JobStopped(BaseException):
    """Raised inside a worker thread by Stop-Job (not an Exception: no catch in script code
    should swallow it, as PowerShell's PipelineStoppedException is not catchable)."""


class SinkHost(CollectingHost):
    """The runspace's host: every record goes to the sink, none to a terminal."""

    def __init__(self, sink: Sink) -> None:
        super().__init__()
        self.sink = sink

    def write(self, text: str) -> None:
        self.sink("Information", text)

    def write_host(self, text: str, newline: bool = True, foreground=None, background=None) -> None:
        self.sink("Information", text)

    def write_verbose(self, text: str) -> None:
        self.sink("Verbose", StreamRecord("Verbose", text))

    def write_warning(self, text: str) -> None:
        self.sink("Warning", StreamRecord("Warning", text))

    def write_debug(self, text: str) -> None:
        self.sink("Debug", StreamRecord("Debug", text))

    def write_information(self, data: Any, show: bool = True) -> None:
        self.sink("Information", data)

    def write_error(self, record: Any) -> None:
        self.sink("Error", record)

    def progress(self, activity: str, status: str = "", percent: int = -1, completed: bool = False, id: int = 0):
        self.sink("Progress", (activity, status, percent, completed, id))


# -- $using: ---------------------------------------------------------------------------------
def using_names(block: ScriptBlockValue) -> list[tuple[str, N.Variable]]:
    """The `$using:` variables of a block, outside nested ForEach-Object -Parallel blocks (those
    take theirs from the iteration that runs them: ScriptBlockToPowerShell.cs,
    IsInForeachParallelCallingScope)."""
    found: dict[str, N.Variable] = {}
    stack: list[Any] = [block.node]
    while stack:
        node = stack.pop()
        if isinstance(node, tuple):
            stack.extend(node)
            continue
        if not isinstance(node, N.Node):
            continue
        if isinstance(node, N.Variable):
            qual, _, rest = node.name.partition(":")
            if rest and qual.lower() == "using":
                found.setdefault(rest.lower(), node)
            continue
        if isinstance(node, N.Command) and _is_nested_parallel(node):
            continue
        for name in fields(node):
            if name != "span":
                stack.append(getattr(node, name))
    return list(found.items())


def _is_nested_parallel(node: N.Command) -> bool:
    head = node.elements[0] if node.elements else None
    if not (isinstance(head, N.StringConstant) and head.value.lower() in ("foreach-object", "foreach", "%")):
        return False
    return any(
        isinstance(e, N.CommandParameter) and "parallel".startswith(e.name.lower()) and len(e.name) >= 2
        for e in node.elements
    )


def using_values(block: ScriptBlockValue, scope: Scope) -> dict[str, tuple[Any, N.Variable]]:
    """name -> (value in the caller's scope or MISSING, the variable node for its position)."""
    from pscompat.engine.automatic import DYNAMIC_VARIABLES

    out: dict[str, tuple[Any, N.Variable]] = {}
    for name, node in using_names(block):
        value = scope.lookup(name, MISSING)
        if value is MISSING and name in DYNAMIC_VARIABLES:  # $PWD, $PID, ...: computed on read
            value = DYNAMIC_VARIABLES[name](scope)
        out[name] = (value, node)
    return out


def using_undefined(name: str, node: N.Variable, source: Source | None, error_id: str) -> PSError:
    # PS: AutomationExceptions.resx UsingVariableIsUndefined
    return PSError(
        f"The value of the using variable '$using:{node.name.partition(':')[2]}' cannot be retrieved "
        "because it has not been set in the local session.",
        error_id,
        category="InvalidOperation",
        span=node.span,
        source=source,
    )


# -- running ---------------------------------------------------------------------------------
_DRIVERS: dict[bool, ScriptBlockValue] = {}


def _driver(piped: bool) -> ScriptBlockValue:
    """`& $__pscompat_block @__pscompat_args`, after `$__pscompat_input |` when the job has
    input: the caller's block called as a command, so its param() block binds as PowerShell
    binds (types, positions, switches) and the input is its `$input`.  The tree is built here,
    not parsed, so a job never loads the parser."""
    driver = _DRIVERS.get(piped)
    if driver is None:
        text = "& $__pscompat_block @__pscompat_args"
        at = 0
        if piped:
            text = "$__pscompat_input | " + text
            at = len("$__pscompat_input | ")
        span = Span(0, len(text))
        call = N.Command(
            Span(at, len(text)),
            (
                N.Variable(Span(at + 2, at + 19), "__pscompat_block", False, False),
                N.Variable(Span(at + 20, len(text)), "__pscompat_args", True, False),
            ),
            "&",
            (),
        )
        elements: tuple = (call,)
        if piped:
            source_var = N.Variable(Span(0, 17), "__pscompat_input", False, False)
            elements = (N.CommandExpression(Span(0, 17), source_var, ()), call)
        body = N.StatementBlock(span, (N.Pipeline(span, elements),))
        tree = N.ScriptBlock(span, None, None, None, body, text, None)
        driver = _DRIVERS[piped] = ScriptBlockValue(tree, Source(text, "<job>"))
    return driver


def new_runspace(sink: Sink, using: dict[str, Any], cwd_vars: dict[str, Any] | None = None) -> ExecutionContext:
    ctx = ExecutionContext(SinkHost(sink))
    g = ctx.global_scope.vars
    for name, value in using.items():
        g["using:" + name] = value
    if cwd_vars:
        g.update(cwd_vars)
    return ctx


def run_block(
    ctx: ExecutionContext,
    block: ScriptBlockValue,
    args: list,
    sink: Sink,
    dollar_under: Any = None,
    init: ScriptBlockValue | None = None,
    input_items: list | None = None,
    terminating_stream: str = "Error",
) -> bool:
    """Run block in ctx; output to sink('Output', x).  A terminating error goes to the Error
    stream; returns False then (the job failed)."""
    scope = Scope(ctx.global_scope, ctx)
    scope.vars["__pscompat_block"] = block
    scope.vars["__pscompat_args"] = list(args)
    scope.vars["__pscompat_input"] = input_items
    scope.vars["_"] = dollar_under

    def emit(item: Any) -> None:
        sink("Output", item)

    try:
        if init is not None:
            # -InitializationScript runs first in the job's global scope (its functions stay)
            for item in ctx.invoke_block(init, (), None, False, ctx.global_scope):
                emit(item)
        cb = _driver(input_items is not None).compiled
        for part in (cb.begin, cb.process, cb.end):
            if part is not None:
                try:
                    part(scope, emit)
                except ReturnFlow:
                    pass
    except ExitFlow:
        return True
    except FlowControl:
        return True
    except PSError as err:
        sink(terminating_stream, ErrorRecord.from_error(err))
        return False
    return True


def start_worker(name: str, target: Callable[[], None]) -> threading.Thread:
    """A daemon thread with a large stack (a job must not end the process when it recurses)."""
    worker = threading.Thread(target=target, name=name, daemon=True)
    with _STACK_LOCK:  # threading.stack_size is one setting for the process
        previous = threading.stack_size()
        try:
            threading.stack_size(WORKER_STACK_BYTES)
        except (ValueError, RuntimeError):
            pass
        try:
            worker.start()
        finally:
            threading.stack_size(previous)
    return worker


def interrupt(thread: threading.Thread) -> None:
    """Stop a worker: JobStopped is raised in it at its next Python instruction (a worker in a
    long C call, such as a sleep, sees it when the call returns)."""
    if thread.ident is not None and thread.is_alive():
        ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread.ident), ctypes.py_object(JobStopped))
