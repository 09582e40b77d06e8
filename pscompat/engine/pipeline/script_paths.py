"""Script blocks as pipeline fast paths: Where-Object's and ForEach-Object's block compiled into
one function of the pipeline object (fast_paths.FastFilter / FastEach), for Cmdlet.fast_path.

A block whose body is one plain expression runs as that expression with $_ set; the commonest
filter, `{ $_.Name -eq $v }`, runs as a direct member comparison (fused.MemberComparison) with no
$_ and no tree walked; any other block runs through the context's general invoke_filter /
invoke_block.  The caller's $_ is put back when the pipeline ends (the fast path's cleanup).
"""

from __future__ import annotations

from typing import Any

from pscompat.engine.compiler.expressions import raise_located
from pscompat.engine.compiler.statements import MemberTest
from pscompat.engine.pipeline.fast_paths import FastEach, FastFilter
from pscompat.engine.pipeline.fused import LocalVariable, MemberComparison
from pscompat.engine.runtime import is_enumerable
from pscompat.engine.scope import MISSING, Scope
from pscompat.errors import ReturnFlow
from pscompat.values.convert.primitives import to_bool
from pscompat.values.objects.access import get_member
from pscompat.values.objects.classes import PSObject


def filter_path(block, scope: Scope) -> FastFilter:
    """Where-Object's test as one function of the item; `batch` (member comparisons) tests a
    whole list in one loop."""
    cb = block.compiled
    expr = cb.expr
    if expr is None and cb.end is not None and cb.process is None and block.closure is None:
        test, cleanup = _block_filter(cb.end, scope)
        return FastFilter(test, cleanup=cleanup, batch=_block_filter_batch(cb.end, scope))
    if expr is None:
        ctx = scope.ctx
        return FastFilter(lambda item: ctx.invoke_filter(block, item, scope))
    if cb.member_test is not None:
        comparison = member_comparison(cb.member_test, scope, block.source)
        return FastFilter(comparison.test, batch=comparison.run)
    vars_ = scope.vars
    old = vars_.get("_", MISSING)

    def pred(item):
        vars_["_"] = item
        v = expr(scope)
        if v is True or v is False:
            return v
        return to_bool(v)

    def batch(items, downstream):
        # pred's loop written out: one call per object (the expression's), not two
        for item in items:
            vars_["_"] = item
            v = expr(scope)
            if v is True or (v is not False and to_bool(v)):
                downstream(item)

    return FastFilter(pred, cleanup=_restorer(vars_, old), batch=batch)


def _block_filter(body, scope: Scope):
    """A filter of several statements, as ExecutionContext.invoke_filter runs it (its output's
    truth; a `return` ends it), with $_ set per object and put back when the pipeline ends, as
    the one-expression path above does."""
    vars_ = scope.vars
    old = vars_.get("_", MISSING)

    def pred(item):
        vars_["_"] = item
        out: list = []
        try:
            body(scope, out.append)
        except ReturnFlow:
            pass
        n = len(out)
        v = None if n == 0 else out[0] if n == 1 else out
        if v is True or v is False:
            return v
        return to_bool(v)

    return pred, _restorer(vars_, old)


def _block_filter_batch(body, scope: Scope):
    """_block_filter's test over a piped list in one loop (one output list reused)."""
    vars_ = scope.vars

    def batch(items, downstream):
        out: list = []
        emit = out.append
        for item in items:
            vars_["_"] = item
            try:
                body(scope, emit)
            except ReturnFlow:
                pass
            n = len(out)
            v = None if n == 0 else out[0] if n == 1 else out.copy()
            out.clear()
            if v is True or (v is not False and to_bool(v)):
                downstream(item)

    return batch


def each_path(block, scope: Scope) -> FastEach:
    """ForEach-Object's process block as one function item -> objects to write."""
    cb = block.compiled
    expr = cb.expr
    if expr is None:
        from pscompat.engine.pipeline.block_calls import output_caller

        return FastEach(output_caller(scope.ctx, block, scope, False))
    vars_ = scope.vars
    old = vars_.get("_", MISSING)

    def each(item):
        vars_["_"] = item
        v = expr(scope)
        if v.__class__ in _SCALARS:
            return (v,)
        if v.__class__ is list or v.__class__ is tuple:
            return v
        return list(v) if is_enumerable(v) else (v,)

    def batch(items, downstream):
        # each's loop written out: a scalar result goes straight downstream
        for item in items:
            vars_["_"] = item
            v = expr(scope)
            if v.__class__ in _SCALARS:
                downstream(v)
            elif v.__class__ is list or v.__class__ is tuple or is_enumerable(v):
                for o in v:
                    downstream(o)
            else:
                downstream(v)

    return FastEach(each, cleanup=_restorer(vars_, old), batch=batch)


_SCALARS = frozenset((int, str, float, bool, type(None)))


def member_comparison(test: MemberTest, scope: Scope, source) -> MemberComparison:
    """`{ $_.Name -eq $v }` as a direct test of each object (fused.MemberComparison): no $_ is
    set, no tree is walked; errors are reported at the comparison, as the compiled expression
    would."""
    name, op, right, span = test.name, test.op, test.right, test.span
    folded = name.lower()

    def read(item):
        try:
            if item.__class__ is PSObject:
                v = item._values.get(folded, MISSING)
                if v is not MISSING:
                    return v
            return get_member(item, name)
        except Exception as exc:
            raise_located(exc, span, source)

    def general(item, left, right_value):
        try:
            r = op(left, right_value, scope)
        except Exception as exc:
            raise_located(exc, span, source)
        return r if r is True or r is False else to_bool(r)

    if test.right_kind == "constant":
        return MemberComparison(name, test.op_name, read, general, right_const=test.right_key)
    return MemberComparison(
        name,
        test.op_name,
        read,
        general,
        right_value=lambda: right(scope),
        right_local=LocalVariable(scope.vars, test.right_key) if test.right_kind == "variable" else None,
    )


def _restorer(vars_: dict, old: Any):
    def restore():
        if old is MISSING:
            vars_.pop("_", None)
        else:
            vars_["_"] = old

    return restore


__all__ = ["each_path", "filter_path", "member_comparison"]
