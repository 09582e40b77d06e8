"""Loop statements compiled: foreach, for, while, do (about_Foreach, about_For, about_While,
about_Do); `break`/`continue` arrive as exceptions and may name a loop label."""

from __future__ import annotations

from collections.abc import Callable

from pscompat.engine.runtime import Enumerator, as_list
from pscompat.engine.scope import MISSING
from pscompat.errors import BreakFlow, ContinueFlow
from pscompat.syntax import nodes as N
from pscompat.values.operators.table import CharRange

Stmt = Callable  # fn(scope, emit)


class LoopStatements:
    """Mixin of StatementCompiler: the loops."""

    def s_ForEach(self, node: N.ForEach) -> Stmt:
        from pscompat.engine.compiler.statements import variable_setter

        iterable = _lazy_collection(self, node.iterable) or self.value(node.iterable)
        setvar = variable_setter(node.variable.name)
        body = self.block(node.body)
        label = node.label

        def run(scope, emit):
            value = iterable(scope)
            if value is None:
                items = ()
            elif isinstance(value, (list, tuple, range, CharRange)):
                items = value
            else:
                items = as_list(value)
            loop = Enumerator(items)
            saved = scope.vars.get("foreach", MISSING)
            scope.vars["foreach"] = loop
            try:
                while loop.MoveNext():
                    setvar(scope, loop.Current)
                    if not _iteration(body, scope, emit, label):
                        break
            finally:
                if saved is MISSING:
                    scope.vars.pop("foreach", None)
                else:
                    scope.vars["foreach"] = saved

        return run

    def s_For(self, node: N.For) -> Stmt:
        init = self.stmt(node.init) if node.init else None
        cond = self.condition(node.condition) if node.condition else (lambda scope: True)
        step = self.stmt(node.iterator) if node.iterator else None
        body = self.block(node.body)
        label = node.label

        def run(scope, emit):
            if init:
                init(scope, emit)
            while cond(scope):
                if not _iteration(body, scope, emit, label):
                    break
                if step:
                    step(scope, emit)

        return run

    def s_While(self, node: N.While) -> Stmt:
        cond, body, label = self.condition(node.condition), self.block(node.body), node.label

        def run(scope, emit):
            while cond(scope):
                if not _iteration(body, scope, emit, label):
                    break

        return run

    def s_DoLoop(self, node: N.DoLoop) -> Stmt:
        cond, body, label, until = self.condition(node.condition), self.block(node.body), node.label, node.until

        def run(scope, emit):
            while _iteration(body, scope, emit, label) and cond(scope) != until:
                pass

        return run


def _lazy_collection(comp, statement):
    """`foreach ($i in 1..1e9)`: the range as a lazy sequence, as PowerShell 7 compiles a foreach
    whose collection is a range (Compiler.cs VisitForEachStatement, GetRangeEnumerator)."""
    if isinstance(statement, N.Pipeline) and len(statement.elements) == 1:
        el = statement.elements[0]
        if isinstance(el, N.CommandExpression) and not el.redirections:
            return comp.lazy_range(el.expression)
    return None


def _iteration(body, scope, emit, label) -> bool:
    """Run one loop iteration; False when a `break` aimed at this loop ends it.  A break or
    continue aimed at an outer label passes through."""
    try:
        body(scope, emit)
    except BreakFlow as b:
        if _mine(b, label):
            return False
        raise
    except ContinueFlow as c:
        if not _mine(c, label):
            raise
    return True


def _mine(flow, label) -> bool:
    return flow.label is None or (label is not None and flow.label.lower() == label.lower())
