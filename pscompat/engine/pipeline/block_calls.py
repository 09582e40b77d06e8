"""A script-block argument called once per pipeline object, cheaply: the callers a cmdlet builds
once (after binding) and then calls per object, instead of ExecutionContext.invoke_block.

Each caller does exactly what `ctx.invoke_block(block, (), item, local, scope)` does — `$_` =
the object, `$args` = an empty array, with `local` a new child scope of `scope`, else `scope`
itself with `$_`/`$args` put back afterwards — but decides once what invoke_block decides per
call (is it a script block, a closure, has it parameters, is it one expression), and with
`local` it reuses the child scope for the next object when the block left nothing in it but
`$_` and `$args` (nothing can tell such a scope from a fresh one: no variable was written, and
a script block literal does not capture its scope).  Blocks with parameters or a
GetNewClosure() closure take the general path.

Used by Sort-Object, Group-Object and Select-Object (calculated properties and script-block
keys: cmdlets/objects/properties.py) and by `.ForEach({...})` / `.Where({...})`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pscompat.engine.runtime import is_enumerable
from pscompat.engine.scope import MISSING, Scope
from pscompat.errors import ReturnFlow


def output_caller(ctx, block, scope: Scope, local: bool) -> Callable[[Any], list]:
    """fn(item) -> the block's output as a new list (invoke_block's result)."""
    from pscompat.engine.scriptblock import ScriptBlockValue

    if not isinstance(block, ScriptBlockValue) or block.closure is not None or (local and block.compiled.decls):
        return lambda item: ctx.invoke_block(block, (), item, local, scope)
    cb = block.compiled
    expr = cb.expr
    if expr is not None:

        def run(run_scope):
            v = expr(run_scope)
            if v.__class__ is list:
                return v.copy()
            if v.__class__ is tuple or is_enumerable(v):
                return list(v)
            return [v]

    else:
        parts = tuple(p for p in (cb.begin, cb.process, cb.end) if p is not None)

        def run(run_scope):
            out: list = []
            emit = out.append
            for part in parts:
                try:
                    part(run_scope, emit)
                except ReturnFlow:
                    pass
            return out

    return _local(run, scope, ctx) if local else _dot_sourced(run, scope)


def outputs_of_each(ctx, block, scope: Scope, items: list) -> list:
    """`.ForEach({...})`: the outputs of the block for every item in turn, run in `scope` with
    `$_` = the item and `$args` empty (what output_caller(..., local=False) gives per item);
    a one-expression block runs in one loop here, `$_`/`$args` put back once at the end
    (nothing else runs between two items to see them)."""
    from pscompat.engine.scriptblock import ScriptBlockValue

    if not isinstance(block, ScriptBlockValue) or block.closure is not None or block.compiled.expr is None:
        call = output_caller(ctx, block, scope, False)
        out: list = []
        for item in items:
            out += call(item)
        return out
    expr = block.compiled.expr
    vars_ = scope.vars
    old_under = vars_.get("_", MISSING)
    old_args = vars_.get("args", MISSING)
    out = []
    add = out.append
    scalars = _SCALARS
    try:
        for item in items:
            vars_["_"] = item
            vars_["args"] = []
            v = expr(scope)
            if v.__class__ in scalars:
                add(v)
            elif v.__class__ is list or v.__class__ is tuple or is_enumerable(v):
                out += v
            else:
                add(v)
    finally:
        _restore(vars_, old_under, old_args)
    return out


def filtered(ctx, block, scope: Scope, items: list) -> list:
    """`.Where({...})`: the items whose filter_caller test is true, in order; a one-expression
    block runs in one loop here, `$_` put back once at the end."""
    from pscompat.values.convert.primitives import to_bool

    expr = block.compiled.expr
    if expr is None:
        test = filter_caller(ctx, block, scope)
        return [item for item in items if test(item)]
    vars_ = scope.vars
    old = vars_.get("_", MISSING)
    picked = []
    try:
        for item in items:
            vars_["_"] = item
            v = expr(scope)
            if v is True or (v is not False and to_bool(v)):
                picked.append(item)
    finally:
        if old is MISSING:
            vars_.pop("_", None)
        else:
            vars_["_"] = old
    return picked


def value_caller(ctx, block, scope: Scope, local: bool) -> Callable[[Any], Any]:
    """fn(item) -> the block's output as ScriptBlock.DoInvokeReturnAsIs gives it: nothing ->
    $null, one object -> itself, several -> an array (a calculated property's or a key's value)."""
    from pscompat.engine.scriptblock import ScriptBlockValue

    if (
        local
        and isinstance(block, ScriptBlockValue)
        and block.closure is None
        and not block.compiled.decls
        and block.compiled.expr is not None
    ):
        return _local_expression_value(block.compiled.expr, scope, ctx)
    outputs = output_caller(ctx, block, scope, local)

    def value(item):
        out = outputs(item)
        n = len(out)
        return out[0] if n == 1 else None if n == 0 else out

    return value


def filter_caller(ctx, block, scope: Scope) -> Callable[[Any], bool]:
    """fn(item) -> ctx.invoke_filter(block, item, scope): the truth of the block's output with
    `$_` = item in `scope` (a `return` ends the block), `$_` put back afterwards."""
    from pscompat.values.convert.primitives import to_bool

    cb = block.compiled
    expr = cb.expr
    vars_ = scope.vars
    if expr is not None:

        def run():
            v = expr(scope)
            return v if v is True or v is False else to_bool(v)

    else:
        body = cb.end if cb.end is not None else cb.process

        def run():
            out: list = []
            if body is not None:
                try:
                    body(scope, out.append)
                except ReturnFlow:
                    pass
            n = len(out)
            return to_bool(out[0] if n == 1 else None if n == 0 else out)

    def test(item):
        old = vars_.get("_", MISSING)
        vars_["_"] = item
        try:
            return run()
        finally:
            if old is MISSING:
                vars_.pop("_", None)
            else:
                vars_["_"] = old

    return test


_SCALARS = frozenset((int, str, float, bool, type(None)))


def values_of_each(ctx, block, scope: Scope, items: list, on_error: Callable[[Any, Any], Any]) -> list:
    """[value_caller(ctx, block, scope, True)(item) for item in items], with a PSError of an
    item's run turned into on_error(error, item) (a sort key's 'ExpressionEvaluation'); a
    one-expression block runs in one loop here, its child scope reused while it stays clean."""
    from pscompat.engine.scriptblock import ScriptBlockValue
    from pscompat.errors import PSError

    if not (
        isinstance(block, ScriptBlockValue)
        and block.closure is None
        and not block.compiled.decls
        and block.compiled.expr is not None
    ):
        value = value_caller(ctx, block, scope, True)
        out = []
        for item in items:
            try:
                out.append(value(item))
            except PSError as exc:
                out.append(on_error(exc, item))
        return out
    expr = block.compiled.expr
    scalars = _SCALARS
    out = []
    add = out.append
    run_scope = Scope(scope, ctx)
    v = run_scope.vars
    for item in items:
        v["_"] = item
        v["args"] = []
        try:
            r = expr(run_scope)
        except PSError as exc:
            r = on_error(exc, item)
            run_scope = Scope(scope, ctx)
            v = run_scope.vars
            add(r)
            continue
        if len(v) != 2:  # the block wrote its scope: the next object gets a fresh one
            run_scope = Scope(scope, ctx)
            v = run_scope.vars
        if r.__class__ in scalars:
            add(r)
        elif r.__class__ is list or r.__class__ is tuple or is_enumerable(r):
            listed = list(r)
            n = len(listed)
            add(listed[0] if n == 1 else None if n == 0 else listed)
        else:
            add(r)
    return out


def _local_expression_value(expr, scope: Scope, ctx) -> Callable[[Any], Any]:
    """value_caller for a one-expression block in a child scope, in one function: a scalar
    result is its own value; a collection is enumerated as the output would be."""
    spare: list[Scope] = []
    scalars = _SCALARS

    def value(item):
        run_scope = spare.pop() if spare else Scope(scope, ctx)
        v = run_scope.vars
        v["_"] = item
        v["args"] = []
        r = expr(run_scope)
        if len(v) == 2:  # only $_ and $args: the scope is as good as new for the next object
            spare.append(run_scope)
        if r.__class__ in scalars:
            return r
        if r.__class__ is list or r.__class__ is tuple or is_enumerable(r):
            out = list(r)
            n = len(out)
            return out[0] if n == 1 else None if n == 0 else out
        return r

    return value


def _local(run: Callable[[Scope], list], scope: Scope, ctx) -> Callable[[Any], list]:
    spare: list[Scope] = []

    def call(item):
        run_scope = spare.pop() if spare else Scope(scope, ctx)
        v = run_scope.vars
        v["_"] = item
        v["args"] = []
        out = run(run_scope)
        if len(v) == 2:  # only $_ and $args: the scope is as good as new for the next object
            spare.append(run_scope)
        return out

    return call


def _dot_sourced(run: Callable[[Scope], list], scope: Scope) -> Callable[[Any], list]:
    vars_ = scope.vars

    def call(item):
        old_under = vars_.get("_", MISSING)
        old_args = vars_.get("args", MISSING)
        vars_["_"] = item
        vars_["args"] = []
        try:
            return run(scope)
        finally:
            _restore(vars_, old_under, old_args)

    return call


def _restore(vars_: dict, old_under: Any, old_args: Any) -> None:
    """Put back the `$_` and `$args` a block run in the caller's scope replaced (MISSING: none was set)."""
    if old_under is MISSING:
        vars_.pop("_", None)
    else:
        vars_["_"] = old_under
    if old_args is MISSING:
        vars_.pop("args", None)
    else:
        vars_["args"] = old_args


__all__ = ["filter_caller", "filtered", "output_caller", "outputs_of_each", "value_caller", "values_of_each"]
