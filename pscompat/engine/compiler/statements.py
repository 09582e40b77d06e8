"""Statements compiled into closures `fn(scope, emit)`; `emit` receives each output object."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NamedTuple

from pscompat.engine.automatic import DYNAMIC_VARIABLES
from pscompat.engine.breakpoints import has_line_breakpoints, line_hook, variable_hook
from pscompat.engine.compiler.error_statements import ErrorStatements
from pscompat.engine.compiler.expressions import CONSTANT_VARIABLES, ExpressionCompiler, located, raise_located
from pscompat.engine.compiler.loops import LoopStatements
from pscompat.engine.runtime import as_list, emit_enumerated, unwrap
from pscompat.engine.scope import AUTOMATION_NULL, MISSING, env_set, split_qualified
from pscompat.engine.scriptblock import CompiledBlock
from pscompat.errors import BreakFlow, ContinueFlow, ExitFlow, PSError, ReturnFlow
from pscompat.source import Source
from pscompat.syntax import nodes as N
from pscompat.values.indexing import set_index

Stmt = Callable[[Any, Callable], None]


def compile_script_block(node: N.ScriptBlock, source: Source, is_filter: bool = False) -> CompiledBlock:
    sc = StatementCompiler(source)
    cb = CompiledBlock()
    cb.param_block = node.param_block
    if node.param_block is not None:
        cb.decls = node.param_block.parameters
        cb.is_advanced = bool(node.param_block.attributes) or any(
            a.name.lower() == "parameter" for d in cb.decls for a in d.attributes
        )
        cb.defaults = {d.name.lower(): sc.expr(d.default) for d in cb.decls if d.default is not None}
    cb.begin = sc.block(node.begin) if node.begin else None
    cb.process = sc.block(node.process) if node.process else None
    cb.end = sc.block(node.end) if node.end else None
    cb.clean = sc.block(node.clean) if node.clean else None
    if is_filter and cb.process is None:
        cb.process, cb.end = cb.end, None
    if (
        node.param_block is None
        and node.begin is None
        and node.process is None
        and node.end is not None
        and not has_line_breakpoints(source)
    ):
        stmts = node.end.statements
        if len(stmts) == 1 and isinstance(stmts[0], N.Pipeline) and len(stmts[0].elements) == 1:
            el = stmts[0].elements[0]
            if isinstance(el, N.CommandExpression) and not el.redirections and not _is_increment(el.expression):
                cb.expr = sc.expr(el.expression)
                cb.member_test = _member_test(sc, el.expression)
    return cb


def _member_test(sc, node):
    """Recognise the commonest filter, `$_.Name <comparison> <variable or literal>`, so that
    Where-Object can test each object without setting $_ or walking the whole tree."""
    if not (isinstance(node, N.Binary) and node.op.startswith("-") and node.op not in _NOT_TESTS):
        return None
    left, right = node.left, node.right
    if not (
        isinstance(left, N.Member)
        and not left.static
        and not left.null_conditional
        and isinstance(left.member, N.StringConstant)
        and isinstance(left.target, N.Variable)
        and left.target.name.lower() in ("_", "psitem")
    ):
        return None
    if isinstance(right, N.Variable):
        if right.splatted or right.name.lower() in ("_", "psitem") or ":" in right.name:
            return None
        key = right.name.lower()
        if key in CONSTANT_VARIABLES:
            right_kind, right_key = "constant", CONSTANT_VARIABLES[key]
        elif key in DYNAMIC_VARIABLES:
            right_kind, right_key = "computed", None
        else:
            right_kind, right_key = "variable", key
    elif isinstance(right, (N.Constant, N.StringConstant)):
        right_kind, right_key = "constant", right.value
    else:
        return None
    from pscompat.values.operators.table import get_binary

    try:
        op = get_binary(node.op)
    except KeyError:
        return None
    return MemberTest(left.member.value, node.op, op, sc.expr(right), right_kind, right_key, node.span)


def nothing_added(current):
    """What `$x += <a pipeline that wrote nothing>` adds: to an array, no element (PowerShell's
    AutomationNull enumerates as an empty collection, so the array is copied unchanged), to
    anything else `$null` (1 + nothing is 1)."""
    return [] if isinstance(current, list) else None


class MemberTest(NamedTuple):
    """`$_.<name> <operator> <right>` (see _member_test).  The right operand is a literal
    (right_kind "constant", right_key its value), a plain variable ("variable", its lower-cased
    name) or a variable that changes by itself, like $PWD ("computed", None)."""

    name: str
    op_name: str
    op: Callable
    right: Callable
    right_kind: str
    right_key: Any
    span: Any


_NOT_TESTS = frozenset(
    (
        "-and",
        "-or",
        "-xor",
        "-f",
        "-replace",
        "-ireplace",
        "-creplace",
        "-split",
        "-isplit",
        "-csplit",
        "-join",
        "-as",
        "-band",
        "-bor",
        "-bxor",
        "-shl",
        "-shr",
        "-match",
        "-imatch",
        "-cmatch",
        "-notmatch",
        "-inotmatch",
        "-cnotmatch",
    )
)


def _collected_statements(node):
    """The statements of a `$( )`, an `@( )` or a parenthesised command pipeline, else None."""
    if isinstance(node, (N.SubExpression, N.ArrayExpression)):
        return node.body
    if (
        isinstance(node, N.Paren)
        and isinstance(node.pipeline, N.Pipeline)
        and not (len(node.pipeline.elements) == 1 and isinstance(node.pipeline.elements[0], N.CommandExpression))
    ):
        return node.pipeline
    return None


def _emit_collected(body, scope, emit) -> None:
    out: list = []
    body(scope, out.append)
    for item in out:
        emit(item)


def _emit_collected_empty(body, scope, emit) -> None:
    """`$()`, `@()`, `$(trap {...})` as a statement: no pipeline ran inside, so $? is True (the
    statements inside otherwise leave it as their last pipeline did: DollarHook.Tests.ps1)."""
    body(scope, emit)
    scope.ctx.global_scope.vars["?"] = True


def _is_increment(node) -> bool:
    return isinstance(node, N.Unary) and node.op in ("++", "--", "post++", "post--")


class StatementCompiler(ErrorStatements, LoopStatements, ExpressionCompiler):
    def __init__(self, source: Source):
        super().__init__(source)
        self.stmts = self

    # -- blocks ------------------------------------------------------------------------------
    def block(self, node: N.StatementBlock | None) -> Stmt:
        if node is None:
            return lambda scope, emit: None
        return self.statements(node.statements)

    def statements(self, stmts) -> Stmt:
        if any(isinstance(s, (N.TypeDefinition, N.UsingStatement)) for s in stmts):
            return self.statements_defining_types(stmts)
        traps = [s for s in stmts if isinstance(s, N.Trap)]
        if traps:
            return self.trapped([s for s in stmts if not isinstance(s, N.Trap)], traps)
        fns = [self.stmt(s) for s in stmts]
        if len(fns) == 1:
            only = fns[0]

            def run_one(scope, emit):
                try:
                    only(scope, emit)
                except PSError as exc:
                    if not scope.ctx.statement_error(exc, scope):
                        raise

            return run_one

        def run(scope, emit):
            for fn in fns:
                try:
                    fn(scope, emit)
                except PSError as exc:
                    if not scope.ctx.statement_error(exc, scope):
                        raise

        return run

    def statements_defining_types(self, stmts) -> Stmt:
        """`using` statements, then the classes and enums, run before the other statements:
        PowerShell defines a script's types when it parses it, so code above a class can use
        it (about_Classes)."""
        usings = [self.stmt(s) for s in stmts if isinstance(s, N.UsingStatement)]
        types = tuple(s for s in stmts if isinstance(s, N.TypeDefinition))
        define = self.s_TypeDefinitions(types)
        rest = self.statements([s for s in stmts if not isinstance(s, (N.UsingStatement, N.TypeDefinition))])

        def run(scope, emit):
            for using in usings:
                using(scope, emit)
            define(scope, emit)
            rest(scope, emit)

        return run

    def stmt(self, node) -> Stmt:
        method = getattr(self, "s_" + type(node).__name__)
        fn = method(node)
        span, source = node.span, self.source

        def run(scope, emit):
            try:
                fn(scope, emit)
            except Exception as exc:
                raise_located(exc, span, source)

        return line_hook(run, span, source)  # `run` itself unless a line breakpoint is there

    def value(self, node, paren: bool = False, empty: Any = None) -> Callable:
        """A statement used as a value: `$x = <here>`, `(<here>)`, `if (<here>)`.  A command
        pipeline that writes nothing gives `empty` (None, or a marker for assignments)."""
        if isinstance(node, N.Pipeline) and len(node.elements) == 1:
            el = node.elements[0]
            if isinstance(el, N.CommandExpression) and not el.redirections:
                inner = el.expression
                if empty is not None and isinstance(inner, N.Paren) and isinstance(inner.pipeline, N.Pipeline):
                    # `$r = (<pipeline that wrote nothing>)`: the parentheses keep AutomationNull
                    return self.value(inner.pipeline, empty=empty)
                return self.expr(inner)
        if isinstance(node, N.Assignment):
            assign = self.s_Assignment(node, want_value=True)
            return assign
        if not hasattr(self, "s_" + type(node).__name__):  # an expression where a statement may stand
            return self.expr(node)
        fn = self.stmt(node)

        def collect(scope):
            out: list = []
            fn(scope, out.append)
            return unwrap(out) if out else empty

        return collect

    # -- pipelines ---------------------------------------------------------------------------
    def s_Pipeline(self, node: N.Pipeline) -> Stmt:
        if (
            len(node.elements) == 1
            and isinstance(node.elements[0], N.CommandExpression)
            and not node.elements[0].redirections
        ):
            expr_node = node.elements[0].expression
            inner = _collected_statements(expr_node)
            if inner is not None:
                # `(Get-Thing)` / `$(...)` written as a statement: its objects, or nothing at all
                # (PowerShell's AutomationNull), never a $null for an empty result.
                body = self.block(inner) if isinstance(inner, N.StatementBlock) else self.stmt(inner)
                if isinstance(inner, N.StatementBlock) and all(isinstance(s, N.Trap) for s in inner.statements):
                    return lambda scope, emit: _emit_collected_empty(body, scope, emit)
                return lambda scope, emit: _emit_collected(body, scope, emit)
            lazy = self.lazy_range(expr_node)
            if lazy is not None:  # `1..1e9` alone: its numbers are written as they are made

                def range_statement(scope, emit):
                    for item in lazy(scope):
                        emit(item)
                    scope.ctx.global_scope.vars["?"] = True

                return range_statement
            fn = self.expr(expr_node)
            if _is_increment(expr_node):
                return lambda scope, emit: fn(scope)
            if isinstance(expr_node, N.Variable) and ":" not in expr_node.name and not expr_node.splatted:
                key = expr_node.name.lower()

                def variable_statement(scope, emit):
                    v = fn(scope)
                    if v is not None or not scope.is_automation_null(key):
                        emit_enumerated(v, emit)
                    scope.ctx.global_scope.vars["?"] = True

                return variable_statement

            def expression_statement(scope, emit):
                emit_enumerated(fn(scope), emit)
                scope.ctx.global_scope.vars["?"] = True

            return expression_statement
        from pscompat.engine.pipeline import compile_pipeline

        return compile_pipeline(node, self)

    def s_PipelineChain(self, node: N.PipelineChain) -> Stmt:
        left, right = self.stmt(node.left), self.stmt(node.right)
        want = node.op == "&&"

        def chain(scope, emit):
            ok = True
            try:
                left(scope, emit)
                ok = scope.ctx.last_success(scope)
            except PSError as exc:
                if not scope.ctx.statement_error(exc, scope):
                    raise
                ok = False
            if ok == want:
                right(scope, emit)

        return chain

    def s_BackgroundPipeline(self, node: N.BackgroundPipeline) -> Stmt:
        """`pipeline &`: PowerShell rewrites the pipeline's text, each variable that exists in
        the caller as `${using:name}`, and runs it with Start-Job (MiscOps.cs,
        InvokePipelineInBackground); the job object is the output."""
        inner = node.pipeline
        offset = inner.span.start
        text = self.source.text[offset : inner.span.end]
        variables = sorted(
            (v for v in N.walk(inner) if isinstance(v, N.Variable) and not v.splatted), key=lambda v: v.span.start
        )

        def background(scope, emit):
            from pscompat.engine.scriptblock import ScriptBlockValue
            from pscompat.syntax.grammar import parse_cached

            parts, pos = [], 0
            for v in variables:
                if not _exists_for_background(scope, v.name):
                    continue
                parts.append(text[pos : v.span.start - offset])
                escaped = v.name.replace("`", "``").replace("{", "`{").replace("}", "`}")
                parts.append("${using:" + escaped + "}")
                pos = v.span.end - offset
            parts.append(text[pos:])
            script = "Start-Job -ScriptBlock {" + "".join(parts) + "\n}"
            block = ScriptBlockValue(parse_cached(script, "<background>"), Source(script, "<background>"))
            for item in scope.ctx.invoke_block(block, (), None, False, scope):
                emit(item)

        return background

    def s_StatementBlock(self, node: N.StatementBlock) -> Stmt:
        return self.block(node)

    # -- assignment --------------------------------------------------------------------------
    def s_Assignment(self, node: N.Assignment, want_value: bool = False):
        setter = self.setter(node.target)
        op = node.op
        from pscompat.values.methods.invoke import VOID

        VOID_TYPE = type(VOID)
        if op == "=" and isinstance(node.target, N.Variable) and not node.target.name.count(":"):
            # `$r = <pipeline that wrote nothing>`: $r is PowerShell's AutomationNull, which
            # `@($r)` and `$r | ...` see as no object at all
            value = self.value(node.value, empty=AUTOMATION_NULL)
            key = node.target.name.lower()

            def assign_marked(scope, emit=None):
                v = value(scope)
                if v is AUTOMATION_NULL or v.__class__ is VOID_TYPE:  # a void method's "result"
                    setter(scope, None)
                    scope.mark_automation_null(key)
                    return None
                setter(scope, v)
                return v

            return assign_marked if want_value else (lambda scope, emit: assign_marked(scope))
        value = self.value(node.value)
        if op == "=":

            def assign(scope, emit=None):
                v = value(scope)
                setter(scope, v)
                return v
        elif op == "??=":
            getter = self.expr(node.target)

            def assign(scope, emit=None):
                cur = getter(scope)
                if cur is None:
                    cur = value(scope)
                    setter(scope, cur)
                return cur
        else:
            from pscompat.values.operators.table import get_binary

            binop = get_binary(op[:-1])
            getter = self.expr(node.target)
            if op == "+=":
                value = self.value(node.value, empty=AUTOMATION_NULL)

            def assign(scope, emit=None):
                cur = getter(scope)
                rhs = value(scope)
                if rhs is AUTOMATION_NULL:
                    rhs = nothing_added(cur)
                v = binop(cur, rhs, scope)
                setter(scope, v)
                return v

        if want_value:
            return assign
        return lambda scope, emit: assign(scope)

    def setter(self, target) -> Callable:
        if isinstance(target, N.Variable):
            key = split_qualified(target.name)[1]
            return variable_hook(key, variable_setter(target.name), False, self.source)
        if isinstance(target, N.Convert) and isinstance(target.operand, N.Variable):
            from pscompat.values.convert.primitives import convert_to

            _, key = split_qualified(target.operand.name)
            tname = target.type.name
            base = variable_setter(target.operand.name)

            def typed(scope, v):
                if scope.types is None:
                    scope.types = {}
                scope.types[key] = tname
                base(scope, convert_to(v, tname))

            return typed
        if isinstance(target, N.AttributedExpression):
            return self.attributed_setter(target)
        if isinstance(target, N.Member):
            from pscompat.values.objects.access import set_member

            obj = self.expr(target.target)
            name = self.member_name(target.member)
            if target.static:  # `[Class]::Count = 1`
                return lambda scope, v: static_setter(obj(scope))(name(scope), v)
            return lambda scope, v: set_member(obj(scope), name(scope), v)
        if isinstance(target, N.Index):
            obj, idx = self.expr(target.target), self.expr(target.index)
            return lambda scope, v: set_index(obj(scope), idx(scope), v)
        if isinstance(target, N.ArrayLiteral):
            setters = [self.setter(t) for t in target.elements]

            def multi(scope, v):
                items = as_list(v)
                for i, s in enumerate(setters):
                    if i == len(setters) - 1:
                        rest = items[i:]
                        s(scope, unwrap(rest) if len(rest) != 1 else rest[0])
                    else:
                        s(scope, items[i] if i < len(items) else None)

            return multi
        if isinstance(target, N.Paren):
            return (
                self.setter(target.pipeline.elements[0].expression) if isinstance(target.pipeline, N.Pipeline) else None
            )
        raise PSError(
            "The assignment expression is not valid. The input to an assignment operator must be an object "
            "that is able to accept assignments, such as a variable or a property.",
            "InvalidLeftHandSide",
            span=target.span,
            source=self.source,
            reason="ParserError",
        )

    def attributed_setter(self, target: N.AttributedExpression) -> Callable:
        """`[ValidateRange(1,10)][int]$x = 5`: the value is converted and validated, then the
        variable keeps the attributes, so later assignments are checked too; they replace any
        it had (PS: VariableOps.cs SetVariableValue with attributes)."""
        from pscompat.engine.scriptblock import attribute_checks
        from pscompat.engine.validation import validate_variable
        from pscompat.values.convert.primitives import convert_to

        attributes: list[N.Attribute] = []
        type_name: str | None = None
        node: N.Node = target
        while isinstance(node, (N.AttributedExpression, N.Convert)):
            if isinstance(node, N.AttributedExpression):
                attributes.append(node.attribute)
                node = node.child
            else:
                type_name = type_name or node.type.name
                node = node.operand
        if not isinstance(node, N.Variable):
            return self.setter(node)
        _, key = split_qualified(node.name)
        checks = attribute_checks(attributes, self.source)
        constraint = (node.name.rsplit(":", 1)[-1], checks)
        base = variable_setter(node.name)

        def constrained(scope, v):
            if type_name is not None:
                v = convert_to(v, type_name)
            if checks:
                validate_variable(constraint, v, scope)
            if type_name is not None:
                scope.types = scope.types or {}
                scope.types[key] = type_name
            elif scope.types:
                scope.types.pop(key, None)
            if scope.validators:
                scope.validators.pop(key, None)
            base(scope, v)
            if checks:
                scope.validators = scope.validators or {}
                scope.validators[key] = constraint

        return constrained

    def increment(self, node: N.Unary) -> Callable:
        from pscompat.values.operators.table import get_binary

        get, put = self.expr(node.operand), self.setter(node.operand)
        add = get_binary("+" if "++" in node.op else "-")
        post = node.op.startswith("post")

        def inc(scope):
            old = get(scope)
            new = add(old if old is not None else 0, 1, scope)
            put(scope, new)
            return old if post else new

        return located(inc, node, self.source)

    # -- control flow --------------------------------------------------------------------------
    def condition(self, node) -> Callable:
        from pscompat.values.convert.primitives import to_bool

        v = self.value(node)
        return lambda scope: to_bool(v(scope))

    def s_If(self, node: N.If) -> Stmt:
        clauses = [(self.condition(c), self.block(b)) for c, b in node.clauses]
        else_body = self.block(node.else_body) if node.else_body else None

        def run(scope, emit):
            for cond, body in clauses:
                if cond(scope):
                    body(scope, emit)
                    return
            if else_body is not None:
                else_body(scope, emit)

        return run

    def s_Switch(self, node: N.Switch) -> Stmt:
        from pscompat.engine.compiler.switch import compile_switch

        return compile_switch(self, node)

    def s_FunctionDefinition(self, node: N.FunctionDefinition) -> Stmt:
        from pscompat.engine.scriptblock import ScriptBlockValue

        body = node.body
        if node.parameters is not None and body.param_block is None:
            body = N.ScriptBlock(
                body.span,
                N.ParamBlock(node.span, node.parameters),
                body.begin,
                body.process,
                body.end,
                body.text,
                body.clean,
            )
        sbv = ScriptBlockValue(body, self.source, is_filter=node.is_filter)
        name = node.name
        kind = "Filter" if node.is_filter else "Function"
        return lambda scope, emit: scope.ctx.define_function(scope, name, sbv, kind)

    def s_TypeDefinition(self, node: N.TypeDefinition) -> Stmt:
        return self.s_TypeDefinitions((node,))

    def s_TypeDefinitions(self, nodes: tuple) -> Stmt:
        from pscompat.engine.classes import define_types

        return lambda scope, emit: define_types(nodes, scope, self)

    def method_body(self, node: N.MethodMember) -> Stmt:
        """A class method's body (engine/classes.py): its `return` raises MethodReturn with the
        value instead of writing to the pipeline."""
        return MethodBodyCompiler(self.source).block(node.body.end)

    def s_UsingStatement(self, node: N.UsingStatement) -> Stmt:
        from pscompat.engine.enums import run_using

        return lambda scope, emit: run_using(node, scope, emit, self)

    def s_Return(self, node: N.Return) -> Stmt:
        value = self.stmt(node.pipeline) if node.pipeline else None

        def ret(scope, emit):
            if value is not None:
                value(scope, emit)
            raise ReturnFlow()

        return ret

    def s_Break(self, node: N.Break) -> Stmt:
        label = node.label

        def brk(scope, emit):
            raise BreakFlow(label)

        return brk

    def s_Continue(self, node: N.Continue) -> Stmt:
        label = node.label

        def cont(scope, emit):
            raise ContinueFlow(label)

        return cont

    def s_Exit(self, node: N.Exit) -> Stmt:
        value = self.value(node.pipeline) if node.pipeline else None

        def ex(scope, emit):
            code = value(scope) if value else 0
            try:
                code = int(code or 0)
            except (TypeError, ValueError):
                code = 0
            raise ExitFlow(code)

        return ex


class MethodReturn(ReturnFlow):
    """`return <value>` in a class method: carries the value out of the body (a ReturnFlow,
    so every construct that lets `return` through lets this through)."""

    def __init__(self, value: Any) -> None:
        super().__init__()
        self.value = value


class MethodBodyCompiler(StatementCompiler):
    """Compiles a method body: `return` hands back one value instead of writing to the
    pipeline (nested script blocks and functions keep the ordinary `return`)."""

    def s_Return(self, node: N.Return) -> Stmt:
        value = self.value(node.pipeline) if node.pipeline is not None else None

        def method_return(scope, emit):
            raise MethodReturn(value(scope) if value is not None else None)

        return method_return


def static_setter(target) -> Callable:
    """`[Type]::Name = value`: a script class's static property (engine/classes.py)."""
    if not hasattr(target, "get_static"):  # `$this::Name = 1`: the static member of the value's type
        from pscompat.engine.compiler.expressions import static_target

        target = static_target(target)
    setter = getattr(target, "set_static", None)
    if setter is None:
        full = getattr(target, "full_name", "System.Object")
        return lambda name, value: _static_not_settable(full, name)
    return setter


# Automatic variables that are constant or read-only in every scope (SpecialVariables: $?, $HOME,
# $PID, $true, $false, $Host, $ExecutionContext, $ShellId, $PSHOME): assigning one is an error
# (LanguageAndParser.TestFollowup.Tests.ps1 "Assign readonly/constant variables").
CONSTANT_AUTOMATIC_VARIABLES = frozenset(
    {"?", "home", "pid", "true", "false", "host", "executioncontext", "shellid", "pshome"}
)


def _not_writable(key: str) -> Callable:
    def refuse(scope, v):
        from pscompat.errors import RuntimeError_

        raise RuntimeError_(
            f"Cannot overwrite variable {key} because it is read-only or constant.",
            "VariableNotWritable",
            category="WriteError",
            exception_type="System.Management.Automation.SessionStateUnauthorizedAccessException",
        )

    return refuse


def _static_not_settable(full: str, name: str):
    raise PSError(f"'{name}' is a ReadOnly property.", "PropertyAssignmentException", category="InvalidOperation")


def variable_setter(name: str) -> Callable:
    qual, key = split_qualified(name)
    if qual == "env":
        return lambda scope, v: env_set(key, v)
    if qual is None and key == "psitem":
        key = "_"
    if qual in ("global", "script"):

        def set_q(scope, v):
            target = scope.global_scope() if qual == "global" else scope.script_scope()
            target.ctx.assign(target, key, v)

        return set_q
    if qual is not None and qual not in ("local", "private", "variable"):

        def bad(scope, v):
            raise PSError(f"Cannot find drive. A drive with the name '{qual}' does not exist.", "DriveNotFound")

        return bad

    if qual == "private":

        def set_private(scope, v):
            if scope.private is None:
                scope.private = set()
            scope.private.add(key)
            scope.ctx.assign(scope, key, v)

        return set_private

    if key in CONSTANT_AUTOMATIC_VARIABLES and qual in (None, "local", "variable"):
        return _not_writable(key)

    def set_local(scope, v):
        scope.ctx.assign(scope, key, v)

    spelled = name.rsplit(":", 1)[-1]
    if spelled == key:
        return set_local

    def set_local_spelled(scope, v):  # `$MyVar = 1`: Get-Variable lists it as MyVar
        scope.remember_name(key, spelled)
        scope.ctx.assign(scope, key, v)

    return set_local_spelled


__all__ = ["compile_script_block", "StatementCompiler"]


# what `pipeline &` leaves as it is: PowerShell's own variables the job has itself (MiscOps.cs)
_BACKGROUND_OWN = frozenset(("pid", "psversiontable", "psedition", "pshome", "host", "true", "false", "null"))


def _exists_for_background(scope, name: str) -> bool:
    qual, key = split_qualified(name)
    if key.lower() in _BACKGROUND_OWN or qual not in (None, "global", "script", "local"):
        return False
    if qual == "global":
        scope = scope.global_scope()
    elif qual == "script":
        scope = scope.script_scope()
    value = scope.lookup(key, MISSING)
    if key in ("_", "psitem"):
        # the engine keeps a $_ of $null in every block it calls, where PowerShell has none
        return value is not MISSING and value is not None
    return value is not MISSING
