"""Statements as Python lines.  Every statement is wrapped as the closure compiler wraps it
(StatementCompiler.statements / stmt): an exception is located (errors.statement_failed) and a
statement-terminating error is reported by the context, which decides whether the block goes
on.  Statements the generator does not handle call their closure (`_s<n>(scope, emit)`)."""

from __future__ import annotations

from pscompat.engine.compiler.statements import CONSTANT_AUTOMATIC_VARIABLES, nothing_added, variable_setter
from pscompat.engine.pycompile.calls import FunctionCall, argument_nodes, call_site
from pscompat.engine.pycompile.emitter import Emitter, Unsupported
from pscompat.engine.pycompile.expressions import (
    INT32_MAX,
    INT32_MIN,
    ExpressionGenerator,
    arithmetic,
    simple_expression,
    wide,
)
from pscompat.engine.scope import AUTOMATION_NULL, split_qualified
from pscompat.syntax import nodes as N
from pscompat.values.operators.table import get_binary


def plain_variable(node) -> str | None:
    """The lower-cased name of `$x` written without scope, drive or splatting, else None."""
    if not isinstance(node, N.Variable) or node.splatted:
        return None
    qual, key = split_qualified(node.name)
    if qual is not None:
        return None
    return "_" if key == "psitem" else key


class StatementGenerator(ExpressionGenerator):
    """Writes statement lists into the emitter; loops come from loops.LoopGenerator."""

    def __init__(self, em: Emitter, closures):
        super().__init__(em, closures)
        # per enclosing generated loop: may `break` / `continue` be Python's own?  (False in a
        # `for` loop, whose continue must still run the step: it raises ContinueFlow instead)
        self.loops: list[tuple[bool, bool]] = []

    # -- lists -----------------------------------------------------------------------------
    def statements(self, stmts) -> None:
        if any(isinstance(s, N.Trap) for s in stmts):
            raise Unsupported  # the whole list runs trapped (compiler/error_statements)
        if not stmts:
            self.em.line("pass")
            return
        for s in stmts:
            self.statement(s)

    def block(self, node: N.StatementBlock | None) -> None:
        if node is None:
            self.em.line("pass")
            return
        self.statements(node.statements)

    def statement(self, node, report: bool = True) -> None:
        """One statement in its handler; report=False only locates the error (a `for` loop's
        initializer and step belong to the loop statement, as in compiler/loops.py)."""
        em = self.em
        span = em.const(node.span, "_span")
        em.line("try:")
        with em.indent():
            mark = len(em.lines)
            method = getattr(self, "s_" + type(node).__name__, None)
            try:
                if method is None:
                    raise Unsupported
                method(node)
            except Unsupported:
                del em.lines[mark:]
                self.fallbacks += 1
                lines = self.closures.source.segment(node.span).strip().splitlines() or [""]
                first = "".join(c if c.isprintable() else "?" for c in lines[0][:60])
                em.line(f"{em.const(self.closures.stmt(node), '_s')}(scope, emit)  # closure: {first}")
        em.line("except Exception as _e:")
        with em.indent():
            self.sync_registers()
            em.line(f"_fail(_e, scope, {span})" if report else f"_locate(_e, {span})")
            self.reload_registers()

    # -- register loops (registers.py): the scope sees the locals around a call that may look --
    def sync_registers(self) -> None:
        for key, local in self.registers.items():
            if local.startswith("_v"):
                self.em.line(f"if {local} is not _MISSING:")
                with self.em.indent():
                    self.em.line(f"V[{key!r}] = {local}")
                    self.em.line(f"if _is_global: _assigned.add({key!r})")

    def reload_registers(self) -> None:
        for key, local in self.registers.items():
            if local.startswith("_v"):
                self.em.line(f"{local} = V.get({key!r}, _MISSING)")

    # -- expression statements -----------------------------------------------------------
    def s_Pipeline(self, node: N.Pipeline) -> None:
        if call_site(node):  # `f $x`: a simple function's call without a pipeline (calls.py)
            em = self.em
            site, t = em.const(FunctionCall(node, self.closures), "_call"), em.temp()
            args = ", ".join(self.expr(a) for a in argument_nodes(node))
            em.line(f"if ({t} := {site}.target(scope)) is None: {site}.general(scope, emit)")
            em.line(f"else: {site}.run(scope, emit, {t}, [{args}])")
            return
        expr = simple_expression(node)
        if expr is None or isinstance(expr, (N.SubExpression, N.Paren, N.ArrayExpression)):
            raise Unsupported  # commands; `(...)`/`$(...)`/`@(...)` as statements (AutomationNull, $?)
        if isinstance(expr, N.Binary) and expr.op == "..":
            raise Unsupported  # a lazy range
        if isinstance(expr, N.Unary) and expr.op in ("++", "--", "post++", "post--"):
            self.increment(expr)
            return
        em = self.em
        v = em.temp()
        em.line(f"{v} = {self.expr(expr)}")
        key = plain_variable(expr)
        if isinstance(expr, N.Variable):
            if key is None or ":" in expr.name:
                raise Unsupported
            # a variable holding AutomationNull (a pipeline that wrote nothing) writes nothing
            em.line(f"if {v} is not None or not scope.is_automation_null({expr.name.lower()!r}):")
            with em.indent():
                em.line(f"if {v}.__class__ in _SCALARS: emit({v})")
                em.line(f"else: _emit_enumerated({v}, emit)")
        else:
            em.line(f"if {v}.__class__ in _SCALARS: emit({v})")
            em.line(f"else: _emit_enumerated({v}, emit)")
        em.line("_GV['?'] = True")

    # -- assignment ------------------------------------------------------------------------
    def assign(self, key: str, value: str) -> None:
        """ExecutionContext.assign, written out for a scope with no constraints on its
        variables (no types, options, validation or AutomationNull marks): a dictionary store."""
        em = self.em
        local = self.registers.get(key)
        if local is not None:  # a register loop's guard checked the scope's constraints
            em.line(f"{local} = {value}")
            return
        em.line("if scope.options or scope.types or scope.validators or scope.automation_null is not None:")
        with em.indent():
            em.line(f"_assign(scope, {key!r}, {value})")
        em.line("else:")
        with em.indent():
            em.line(f"V[{key!r}] = {value}")
            em.line(f"if _is_global: _assigned.add({key!r})")

    def s_Assignment(self, node: N.Assignment) -> None:
        key = plain_variable(node.target)
        if key is None or key in CONSTANT_AUTOMATIC_VARIABLES:  # `$PID = 1` is an error: the closures say it
            raise Unsupported
        em = self.em
        assert isinstance(node.target, N.Variable)  # plain_variable said so
        spelled = node.target.name
        local = self.registers.get(key)
        if spelled != key and spelled.lower() == key:  # `$MyVar = 1`: Get-Variable lists it as MyVar
            test = f"if {local} is _MISSING: " if local is not None else ""
            em.line(f"{test}scope.remember_name({key!r}, {spelled!r})")
        value_node = simple_expression(node.value)
        if (
            isinstance(value_node, N.Paren)
            and isinstance(value_node.pipeline, N.Pipeline)
            and simple_expression(value_node.pipeline) is None
        ):
            value_node = None  # `(<a command pipeline>)`: the closures keep its AutomationNull

        if node.op == "=":
            if value_node is not None:
                value = self.expr(value_node)
            elif call_site(node.value):
                value = self.call_value(node.value, "_AUTOMATION_NULL")
            else:
                value = f"{em.const(self.closures.value(node.value, empty=AUTOMATION_NULL), '_f')}(scope)"
            v = em.temp()
            em.line(f"{v} = {value}")
            if local is not None:  # operators on the values a register loop admits: never AutomationNull
                self.assign(key, v)
                return
            em.line(f"if {v} is _AUTOMATION_NULL or {v}.__class__ is _VOID_TYPE:")
            with em.indent():
                em.line(f"_assign(scope, {key!r}, None)")
                em.line(f"scope.mark_automation_null({key!r})")
            em.line("else:")
            with em.indent():
                self.assign(key, v)
            return
        if node.op == "??=":
            raise Unsupported
        binop = get_binary(node.op[:-1])
        current = self.expr(node.target)
        if value_node is None and node.op == "+=":
            # a pipeline that wrote nothing adds no element to an array (compiler.statements)
            value = em.temp()
            pipeline = em.const(self.closures.value(node.value, empty=AUTOMATION_NULL), "_f")
            em.line(f"{value} = {pipeline}(scope)")
            em.line(f"if {value} is _AUTOMATION_NULL:")
            with em.indent():
                em.line(f"{value} = {em.const(nothing_added, '_nothing')}({current})")
        else:
            value = (
                self.expr(value_node)
                if value_node is not None
                else f"{em.const(self.closures.value(node.value), '_f')}(scope)"
            )
        fn = em.const(binop, "_op")
        a, b, r = em.temp(), em.temp(), em.temp()
        if node.op in ("+=", "-=", "*="):
            py = node.op[0]
            em.line(f"{r} = {arithmetic(a, b, r, current, value, py, fn)}")
        else:
            em.line(f"{r} = {fn}({current}, {value}, scope)")
        self.assign(key, r)

    def increment(self, node: N.Unary) -> None:
        """`$i++` as a statement (its value is not written)."""
        key = plain_variable(node.operand)
        if key is None:
            raise Unsupported
        em = self.em
        add = em.located(get_binary("+" if "++" in node.op else "-"), node.span, "inc")
        py = "+" if "++" in node.op else "-"
        a, r = em.temp(), em.temp()
        em.line(f"{a} = {self.expr(node.operand)}")
        em.line(
            f"{r} = {r} if {a}.__class__ is int and ({INT32_MIN} <= ({r} := {a} {py} 1) <= {INT32_MAX} "
            f"or {wide(a, '1', r)}) "
            f"else {add}({a} if {a} is not None else 0, 1, scope)"
        )
        self.assign(key, r)

    # -- control flow ----------------------------------------------------------------------
    def condition(self, node) -> str:
        expr = simple_expression(node)
        if expr is not None:
            return self.truth(self.expr(expr))
        return f"{self.em.const(self.closures.condition(node), '_c')}(scope)"

    def s_If(self, node: N.If) -> None:
        em = self.em
        for i, (cond, body) in enumerate(node.clauses):
            em.line(f"{'if' if i == 0 else 'elif'} {self.condition(cond)}:")
            with em.indent():
                self.block(body)
        if node.else_body is not None:
            em.line("else:")
            with em.indent():
                self.block(node.else_body)

    def s_Break(self, node: N.Break) -> None:
        if node.label is not None or not self.loops or not self.loops[-1][0]:
            raise Unsupported
        self.em.line("break")

    def s_Continue(self, node: N.Continue) -> None:
        if node.label is not None or not self.loops or not self.loops[-1][1]:
            raise Unsupported
        self.em.line("continue")


__all__ = ["StatementGenerator", "plain_variable", "variable_setter"]
