"""Loops as Python loops (compiler/loops.py is the reference): `while`, `for`, `foreach`.
A `break` / `continue` written directly in the loop is Python's own; one that arrives as an
exception (from a labelled statement, a nested closure) is handled as compiler.loops._iteration
does: the loop catches BreakFlow / ContinueFlow aimed at it and lets the others through."""

from __future__ import annotations

from pscompat.engine.pycompile.emitter import Unsupported
from pscompat.engine.pycompile.expressions import INT32_MAX, simple_expression
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
        # a register the loop reads before assigning it must already be in this scope (a read
        # is then the local itself); the value any register starts with must be admitted
        guard += [
            f"{local} is not _MISSING"
            for key, local in registers.items()
            if key in lv.loaded and key not in lv.definite
        ]
        guard += [
            f"({local} if {local} is not _MISSING else _lookup(scope, {key!r}, {key!r})).__class__ in {pure}"
            for key, local in registers.items()
            if key not in lv.definite
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
        counted = self.counted(node)
        if counted is not None:
            # `for ($i = a; $i -lt b; $i++)` on registers, the body never assigning $i: while
            # both are ints and $i++ cannot leave Int32 (b <= Int32.MaxValue), Python's range
            # gives the same $i values; the step after the last round leaves $i at b
            local, bound, inclusive = counted
            stop = f"{bound} + 1" if inclusive else bound
            limit = INT32_MAX - 1 if inclusive else INT32_MAX
            literal = bound.lstrip("-").isdigit()
            bound_ok = f"{bound} <= {limit}" if literal else f"{bound}.__class__ is int and {bound} <= {limit}"
            em.line(f"if {local}.__class__ is int and {bound_ok}:")
            with em.indent():
                em.line(f"for {local} in range({local}, {stop}):")
                with em.indent():
                    self.loop_body(node.body, node.label, False)
                em.line("else:")
                with em.indent():
                    em.line(f"if {local} < {stop}: {local} += 1")
            em.line("else:")
            with em.indent():
                self.while_part(node)
            return
        self.while_part(node)

    def counted(self, node: N.For) -> tuple[str, str, bool] | None:
        """(register, bound, inclusive?) of a counting `for` loop on registers, else None."""
        init, cond, step = node.init, simple_expression(node.condition), simple_expression(node.iterator)
        if not (isinstance(init, N.Assignment) and init.op == "=" and isinstance(init.target, N.Variable)):
            return None
        key = plain_variable(init.target)
        local = self.registers.get(key or "")
        if local is None or not local.startswith("_v"):
            return None
        if not (isinstance(cond, N.Binary) and cond.op.lower() in _COUNT_UP and plain_variable(cond.left) == key):
            return None
        if not (isinstance(step, N.Unary) and step.op in ("++", "post++") and plain_variable(step.operand) == key):
            return None
        right = cond.right
        if isinstance(right, N.Constant) and type(right.value) is int:
            bound = repr(right.value)
        elif isinstance(right, N.Variable) and self.registers.get(plain_variable(right) or "", "").startswith("_x"):
            bound = self.registers[plain_variable(right) or ""]
        else:
            return None
        assert node.condition is not None  # `cond` is a comparison
        body = loop_variables(N.While(span=node.span, condition=node.condition, body=node.body))
        if body is None or key in body.assigned:
            return None
        return local, bound, cond.op.lower().endswith("le")

    def while_part(self, node: N.For) -> None:
        em = self.em
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
            register = self.registers.get(key)
            if register is not None:
                # nothing in a register loop reads $foreach (registers.py): Python's iteration,
                # straight into the variable's local
                em.line(f"for {register} in {items}:")
            else:
                em.line(f"while {loop}.MoveNext():")
            with em.indent():
                if register is None:
                    current = em.temp()
                    em.line(f"{current} = {loop}.Current")
                    self.assign(key, current)
                self.loop_body(node.body, node.label, True)
        em.line("finally:")
        with em.indent():
            em.line(f"if {saved} is _MISSING: V.pop('foreach', None)")
            em.line(f"else: V['foreach'] = {saved}")


_COUNT_UP = frozenset(("-lt", "-ilt", "-clt", "-le", "-ile", "-cle"))


def _aimed_here(flow: str, label: str | None) -> str:
    """compiler.loops._mine as a condition on the caught flow-control exception `flow`."""
    if label is None:
        return f"{flow}.label is None"
    return f"{flow}.label is None or {flow}.label.lower() == {label.lower()!r}"
