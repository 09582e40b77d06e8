"""Calling one command from Python with named parameters and optional pipeline input, through the
same binder, consent and error handling a script gets (`Name @params` / `$input | Name @params`).

The Python APIs (`pscompat.azure.images`) and the runtime of converted scripts (`pscompat.rt`) use
it, so a command behaves the same whether a script or Python calls it."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from pscompat.engine.context import ExecutionContext
from pscompat.engine.scriptblock import ScriptBlockValue
from pscompat.source import Source
from pscompat.syntax.grammar import parse_cached

# Splatting binds the parameters exactly as written ones would (switches take True/False); the
# name goes through `&` so that no text built from user values is ever parsed.
_CALL = (
    "param($__command, $__positional, $__parameters, $__input, $__has_input) "
    "if ($__has_input) { $__input | & $__command @__positional @__parameters } "
    "else { & $__command @__positional @__parameters }"
)
_BLOCK: ScriptBlockValue | None = None


def _call_block() -> ScriptBlockValue:
    global _BLOCK
    if _BLOCK is None:
        _BLOCK = ScriptBlockValue(parse_cached(_CALL, "<direct call>"), Source(_CALL, "<direct call>"))
    return _BLOCK


_NO_INPUT = object()


def call_command(
    ctx: ExecutionContext,
    name: str,
    parameters: Mapping[str, Any] | None = None,
    input: Iterable[Any] | Any = _NO_INPUT,
    positional: Iterable[Any] = (),
) -> list:
    """Run command `name` in `ctx` with the named `parameters` (switches as True/False), the
    `positional` arguments in order and, when given, `input` as its pipeline input (a collection
    is enumerated, as `$input | Name` does).  Returns its output objects.  Non-terminating errors are
    recorded in `ctx.run_errors` and written by the host (the caller decides whether they raise);
    terminating and statement-terminating ones raise `PSError` with the command's own message."""
    block = _call_block()
    ctx.run_errors = []
    has_input = input is not _NO_INPUT
    args = (name, list(positional), dict(parameters or {}), input if has_input else None, has_input)
    # A statement-terminating error (a parameter that does not bind, a cmdlet's terminating
    # error) raises to the Python caller, as it would reach a script's catch block.
    return ctx.invoke_block_raising(block, args, None, True, ctx.global_scope)
