"""Loops as Python loops (compiler/loops.py is the reference): `while`, `for`, `foreach`.
A `break` / `continue` written directly in the loop is Python's own; one that arrives as an
exception (from a labelled statement, a nested closure) is handled as compiler.loops._iteration
does: the loop catches BreakFlow / ContinueFlow aimed at it and lets the others through."""

from __future__ import annotations

from pscompat.engine.pycompile.emitter import Unsupported
from pscompat.engine.pycompile.expressions import simple_expression
from pscompat.engine.pycompile.statements import StatementGenerator, plain_variable
from pscompat.syntax import nodes as N
from pscompat.values.operators.table import range_enumerator


class LoopGenerator(StatementGenerator):
    def loop_body(self, body: N.StatementBlock, label: str | None, native_continue: bool) -> None:
        """One iteration: the body, with flow-control exceptions aimed at this loop handled."""
        em = self.em
        em.line("try:")
        with em.indent():
            self.loops.append((True, native_continue))
            try:
                self.block(body)
            finally:
                self.loops.pop()
        em.line("except _BreakFlow as _b:")
        with em.indent():
            em.line(f"if {_aimed_here('_b', label)}: break")
            em.line("raise")
        em.line("except _ContinueFlow as _c:")
        with em.indent():
            em.line(f"if not ({_aimed_here('_c', label)}): raise")

    def s_While(self, node: N.While) -> None:
        self.em.line(f"while {self.condition(node.condition)}:")
        with self.em.indent():
            self.loop_body(node.body, node.label, True)

    def s_For(self, node: N.For) -> None:
        em = self.em
        if node.init is not None:
            self.statement(node.init, report=False)
        cond = self.condition(node.condition) if node.condition is not None else "True"
        em.line(f"while {cond}:")
        with em.indent():
            self.loop_body(node.body, node.label, False)
            if node.iterator is not None:
                self.statement(node.iterator, report=False)

    def s_ForEach(self, node: N.ForEach) -> None:
        key = plain_variable(node.variable)
        if key is None:
            raise Unsupported
        em = self.em
        expr = simple_expression(node.iterable)
        if expr is None:
            raise Unsupported  # a command's output: the closure's way
        value, items, loop, saved = em.temp(), em.temp(), em.temp(), em.temp()
        if isinstance(expr, N.Binary) and expr.op == "..":
            # `foreach ($i in 1..1e9)`: a lazy range (compiler.loops._lazy_collection)
            make = em.located(range_enumerator, expr.span, "range")
            em.line(f"{value} = {make}({self.expr(expr.left)}, {self.expr(expr.right)})")
        else:
            em.line(f"{value} = {self.expr(expr)}")
        em.line(f"if {value} is None: {items} = ()")
        em.line(f"elif isinstance({value}, _SEQUENCES): {items} = {value}")
        em.line(f"else: {items} = _as_list({value})")
        # $foreach is the loop's enumerator while it runs (a script may call MoveNext())
        em.line(f"{loop} = _Enumerator({items})")
        em.line(f"{saved} = V.get('foreach', _MISSING)")
        em.line(f"V['foreach'] = {loop}")
        em.line("try:")
        with em.indent():
            em.line(f"while {loop}.MoveNext():")
            with em.indent():
                current = em.temp()
                em.line(f"{current} = {loop}.Current")
                self.assign(key, current)
                self.loop_body(node.body, node.label, True)
        em.line("finally:")
        with em.indent():
            em.line(f"if {saved} is _MISSING: V.pop('foreach', None)")
            em.line(f"else: V['foreach'] = {saved}")


def _aimed_here(flow: str, label: str | None) -> str:
    """compiler.loops._mine as a condition on the caught flow-control exception `flow`."""
    if label is None:
        return f"{flow}.label is None"
    return f"{flow}.label is None or {flow}.label.lower() == {label.lower()!r}"
