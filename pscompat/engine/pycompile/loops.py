"""Loops as Python loops (compiler/loops.py is the reference): `while`, `for`, `foreach`.
A `break` / `continue` written directly in the loop is Python's own; one that arrives as an
exception (from a labelled statement, a nested closure) is handled as compiler.loops._iteration
does: the loop catches BreakFlow / ContinueFlow aimed at it and lets the others through."""

from __future__ import annotations

from pscompat.engine.pycompile.emitter import Unsupported
from pscompat.engine.pycompile.expressions import simple_expression
from pscompat.engine.pycompile.registers import PURE_TYPES, loop_variables
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

    def registered(self, node, loop, items: str | None = None) -> None:
        """`loop()` writes the loop; on registers (registers.py) when the loop qualifies and
        its guard holds at run time, else (and also) on the scope's dictionary."""
        lv = None if self.registers else loop_variables(node)
        if lv is None:
            loop()
            return
        em = self.em
        mark, fallbacks = len(em.lines), self.fallbacks
        registers = {key: em.fresh("_v") for key in lv.assigned}
        externals = {key: em.fresh("_x") for key in lv.read}
        for key, local in externals.items():
            em.line(f"{local} = {self.expr(N.Variable(span=node.span, name=key))}")
        for key, local in registers.items():
            em.line(f"{local} = V.get({key!r}, _MISSING)")
        names = em.const(frozenset(registers))
        pure = em.const(PURE_TYPES, "_PURE")
        guard = [
            "scope.ctx.strict_modes is None",
            "scope.types is None and scope.validators is None and scope.automation_null is None",
            f"(scope.options is None or scope.options.keys().isdisjoint({names}))",
        ]
        guard += [f"{local}.__class__ in {pure}" for local in externals.values()]
        guard += [
            f"({local} if {local} is not _MISSING else _lookup(scope, {key!r}, {key!r})).__class__ in {pure}"
            for key, local in registers.items()
        ]
        if items is not None:
            guard.append(f"({items}.__class__ is range or {pure}.issuperset(map(type, {items})))")
        em.line(f"if {' and '.join(guard)}:")
        with em.indent():
            em.line("try:")
            with em.indent():
                self.registers = {**registers, **externals}
                try:
                    loop()
                finally:
                    self.registers = {}
            em.line("finally:")
            with em.indent():
                self.registers = registers
                self.sync_registers()
                self.registers = {}
        if self.fallbacks != fallbacks:  # something ran as a closure: no registers after all
            del em.lines[mark:]
            loop()
            return
        em.line("else:")
        with em.indent():
            loop()

    def s_While(self, node: N.While) -> None:
        self.registered(node, lambda: self.while_loop(node))

    def s_For(self, node: N.For) -> None:
        self.registered(node, lambda: self.for_loop(node))

    def while_loop(self, node: N.While) -> None:
        self.em.line(f"while {self.condition(node.condition)}:")
        with self.em.indent():
            self.loop_body(node.body, node.label, True)

    def for_loop(self, node: N.For) -> None:
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
        self.registered(node, lambda: self.foreach_loop(node, key, items, loop, saved), items)

    def foreach_loop(self, node: N.ForEach, key: str, items: str, loop: str, saved: str) -> None:
        em = self.em
        # $foreach is the loop's enumerator while it runs (a script may call MoveNext())
        em.line(f"{loop} = _Enumerator({items})")
        em.line(f"{saved} = V.get('foreach', _MISSING)")
        em.line(f"V['foreach'] = {loop}")
        em.line("try:")
        with em.indent():
            current = em.temp()
            if key in self.registers:
                # nothing in a register loop reads $foreach (registers.py): Python's iteration
                em.line(f"for {current} in {items}:")
            else:
                em.line(f"while {loop}.MoveNext():")
            with em.indent():
                if key not in self.registers:
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
