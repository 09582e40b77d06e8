"""Expressions compiled once into Python closures `fn(scope) -> value`.

Each AST node is turned into a closure when its script block is first run; running the same
block again (Where-Object over 200k objects) only calls closures.  Statements live in
`compiler_stmt.py`, pipelines and commands in `pipeline.py`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NoReturn

from pscompat.engine import strict_mode
from pscompat.engine.automatic import DYNAMIC_VARIABLES
from pscompat.engine.breakpoints import variable_hook
from pscompat.engine.runtime import StopUpstream, unwrap
from pscompat.engine.scope import MISSING, env_get, split_qualified
from pscompat.errors import FlowControl, PSError, RuntimeError_
from pscompat.source import Source
from pscompat.syntax import nodes as N
from pscompat.values.indexing import index_value

Fn = Callable[[Any], Any]

CONSTANT_VARIABLES = {"true": True, "false": False, "null": None}


def located(fn: Fn, node: N.Node, source: Source) -> Fn:
    """Attach the node's position to errors raised inside fn (zero cost when nothing is raised)."""
    span = node.span

    def run(scope):
        try:
            return fn(scope)
        except Exception as exc:
            raise_located(exc, span, source)

    return run


def call_depth_overflow(span, source) -> PSError:
    """Python's recursion limit reached: PowerShell's ScriptCallDepthException, which pwsh raises
    when its stack runs low (ExecutionContext.CheckStackDepth; message GetErrorText.resx, error
    record ExecutionExceptions.cs).  Like any exception it ends the statement, not the script."""
    return RuntimeError_(
        "The script failed due to call depth overflow.",
        "CallDepthOverflow",
        span=span,
        source=source,
        category="InvalidOperation",
        target=0,
        exception_type="System.Management.Automation.ScriptCallDepthException",
    )


def raise_located(exc: Exception, span, source) -> NoReturn:
    """Raise what an exception escaping the code at `span` becomes: a PSError gets the position
    if it has none (inner positions win), flow control and StopUpstream pass unchanged, and any
    other Python error (a bug in a value method, a division by zero, too deep a recursion) is
    reported as PowerShell's RuntimeException there.  Called from `except Exception`, so the
    protected code pays nothing unless something is raised."""
    if isinstance(exc, PSError):
        raise exc.locate(span, source)
    if isinstance(exc, (FlowControl, StopUpstream)):
        raise exc
    if isinstance(exc, RecursionError):
        raise call_depth_overflow(span, source) from None
    raise python_error(exc, span, source) from exc


def python_error(exc: Exception, span, source) -> PSError:
    if isinstance(exc, ZeroDivisionError):
        return RuntimeError_(
            "Attempted to divide by zero.",
            "RuntimeException",
            span=span,
            source=source,
            exception_type="System.DivideByZeroException",
        )
    if isinstance(exc, MemoryError):  # `$a = 1..1e9` on a small machine: .NET's message, not Python's name
        return RuntimeError_(
            "Exception of type 'System.OutOfMemoryException' was thrown.",
            "System.OutOfMemoryException",
            span=span,
            source=source,
            exception_type="System.OutOfMemoryException",
        )
    return RuntimeError_(str(exc) or type(exc).__name__, "RuntimeException", span=span, source=source)


class ExpressionCompiler:
    """Compiles expression nodes; `stmts` compiles nested statement blocks (set by compiler_stmt)."""

    def __init__(self, source: Source):
        self.source = source
        self.stmts = None  # StatementCompiler, wired up by compiler_stmt

    def expr(self, node: N.Node) -> Fn:
        method = getattr(self, "e_" + type(node).__name__, None)
        if method is None:
            # statements used as values (a pipeline inside parentheses etc.)
            return self.stmts.value(node)
        return method(node)

    def lazy_range(self, node: N.Node) -> Fn | None:
        """`a..b` where PowerShell 7 enumerates a range without building its array (a pipeline's
        first element, a foreach's collection; Compiler.cs GetRangeEnumerator): a function giving
        a lazy sequence (range / CharRange).  None for any other expression, `(1..5)` included."""
        if not (isinstance(node, N.Binary) and node.op == ".."):
            return None
        from pscompat.values.operators.table import range_enumerator

        left, right = self.expr(node.left), self.expr(node.right)
        return located(lambda scope: range_enumerator(left(scope), right(scope)), node, self.source)

    # -- literals ----------------------------------------------------------------------------
    def e_Constant(self, node: N.Constant) -> Fn:
        value = node.value
        return lambda scope: value

    def e_StringConstant(self, node: N.StringConstant) -> Fn:
        value = node.value
        return lambda scope: value

    def e_ExpandableString(self, node: N.ExpandableString) -> Fn:
        from pscompat.values.convert.strings import to_string

        parts = [p if isinstance(p, str) else self.expr(p) for p in node.parts]
        if len(parts) == 1 and isinstance(parts[0], str):
            text = parts[0]
            return lambda scope: text

        def expand(scope):
            ofs = scope.lookup("ofs", " ")
            out = []
            for p in parts:
                if p.__class__ is str:
                    out.append(p)
                else:
                    out.append(to_string(p(scope), ofs=ofs) if ofs != " " else to_string(p(scope)))
            return "".join(out)

        return located(expand, node, self.source)

    # -- variables ---------------------------------------------------------------------------
    def e_Variable(self, node: N.Variable) -> Fn:
        # a read breakpoint on the variable adds a hook (decided now, at compile time)
        return variable_hook(split_qualified(node.name)[1], self.variable_reader(node), True, self.source)

    def variable_reader(self, node: N.Variable) -> Fn:
        qual, key = split_qualified(node.name)
        if qual is None and key in CONSTANT_VARIABLES:
            value = CONSTANT_VARIABLES[key]
            return lambda scope: value
        if qual is None and key == "psitem":
            key = "_"
        if qual == "env":
            name = key
            return lambda scope: env_get(name)
        if qual in ("global", "script"):
            pick = (lambda s: s.global_scope()) if qual == "global" else (lambda s: s.script_scope())

            def get_q(scope):
                v = pick(scope).vars.get(key, MISSING)
                return None if v is MISSING else v

            return get_q
        if qual in ("local", "private"):
            return lambda scope: scope.vars.get(key)
        if qual == "using":
            # a job's or parallel iteration's runspace holds the caller's value as `using:name`
            # (cmdlets/jobs/runspace.py); elsewhere `$using:x` reads `$x`, as before
            using_key = "using:" + key

            def get_using(scope):
                v = scope.lookup(using_key, MISSING)
                return scope.lookup(key, None) if v is MISSING else v

            return get_using
        if qual is not None and qual not in ("variable", "using"):
            raise PSError(
                f"Cannot find drive. A drive with the name '{qual}' does not exist.",
                "DriveNotFound",
                span=node.span,
                source=self.source,
            )
        dynamic = DYNAMIC_VARIABLES.get(key)
        if dynamic is not None:

            def get_dynamic(scope):
                v = scope.lookup(key, MISSING)
                return dynamic(scope) if v is MISSING else v

            return get_dynamic
        name, span, source = node.name, node.span, self.source

        def get(scope):
            s = scope
            while s is not None:  # Scope.lookup, inlined: variables are read on every object
                v = s.vars.get(key, MISSING)
                if v is not MISSING and (s is scope or s.private is None or key not in s.private):
                    return v
                s = s.parent
            if scope.ctx.strict_modes is not None:
                return strict_mode.unset_variable(scope, name, span, source)
            return scope.ctx.fallback_variable(name)

        return get

    # -- collections -------------------------------------------------------------------------
    def e_ArrayLiteral(self, node: N.ArrayLiteral) -> Fn:
        fns = [self.expr(e) for e in node.elements]
        return lambda scope: [f(scope) for f in fns]

    def e_ArrayExpression(self, node: N.ArrayExpression) -> Fn:
        body = self.stmts.block(node.body)  # `@($r)` of an AutomationNull $r is empty: see s_Pipeline

        def array(scope):
            out: list = []
            body(scope, out.append)
            return out

        return array

    def e_SubExpression(self, node: N.SubExpression) -> Fn:
        body = self.stmts.block(node.body)

        def sub(scope):
            out: list = []
            body(scope, out.append)
            return unwrap(out)

        return sub

    def e_Paren(self, node: N.Paren) -> Fn:
        return self.stmts.value(node.pipeline, paren=True)

    def e_Hashtable(self, node: N.Hashtable) -> Fn:
        from pscompat.values.objects.classes import Hashtable

        pairs = [(self.expr(k), self.stmts.value(v)) for k, v in node.pairs]
        source, span = self.source, node.span

        def build(scope, ordered=False):
            h = Hashtable(ordered=ordered) if ordered else Hashtable()
            for kf, vf in pairs:
                k = kf(scope)
                if k in h:
                    raise RuntimeError_(
                        f"Duplicate keys '{k}' are not allowed in hash literals.",
                        "DuplicateKeyInHashLiteral",
                        span=span,
                        source=source,
                    )
                h[k] = vf(scope)
            return h

        fn = lambda scope: build(scope)  # noqa: E731
        fn.build = build  # [ordered]/[pscustomobject] reuse the pair closures
        return fn

    def e_ScriptBlockExpression(self, node: N.ScriptBlockExpression) -> Fn:
        from pscompat.engine.scriptblock import ScriptBlockValue

        value = ScriptBlockValue(node.body, self.source)
        # written in a module's code, the block is bound to that module (engine/modules/)
        return lambda scope: value if scope.module is None else value.bound_to(scope.module)

    # -- types --------------------------------------------------------------------------------
    def type_getter(self, tn: N.TypeName) -> Fn:
        from pscompat.values.dotnet.type_literals import resolve_type

        cache: list = []
        name, span, source = tn.name, tn.span, self.source

        def get(scope):
            if not cache:
                try:
                    cache.append(resolve_type(name))
                except PSError as exc:
                    raise exc.locate(span, source)
            return cache[0]

        return get

    def e_TypeExpression(self, node: N.TypeExpression) -> Fn:
        return self.type_getter(node.type)

    def e_AttributedExpression(self, node: N.AttributedExpression) -> Fn:
        """Read, `[ValidateNotNull()]$x` is the value of `$x`: attributes constrain assignments."""
        return self.expr(node.child)

    def e_Convert(self, node: N.Convert) -> Fn:
        from pscompat.values.convert.primitives import convert_to

        tname = node.type.name.lower()
        if isinstance(node.operand, N.Hashtable) and tname in (
            "ordered",
            "pscustomobject",
            "system.management.automation.pscustomobject",
        ):
            build = self.e_Hashtable(node.operand).build
            if tname == "ordered":
                return lambda scope: build(scope, ordered=True)
            from pscompat.values.objects.classes import PSObject

            return lambda scope: PSObject(build(scope, ordered=True))
        operand = self.expr(node.operand)
        type_name = node.type.name
        if tname in ("ref", "system.management.automation.psreference") and isinstance(node.operand, N.Variable):
            return variable_reference(node.operand.name, operand)
        if tname in ("string", "system.string"):
            from pscompat.values.convert.strings import to_string

            def to_text(scope):  # an array joins with $OFS
                v = operand(scope)
                if isinstance(v, list):
                    return to_string(v, ofs=to_string(scope.lookup("ofs", " ")))
                return convert_to(v, type_name)

            return located(to_text, node, self.source)
        return located(lambda scope: convert_to(operand(scope), type_name), node, self.source)

    # -- operators ----------------------------------------------------------------------------
    def e_Unary(self, node: N.Unary) -> Fn:
        op = node.op
        if op in ("++", "--", "post++", "post--"):
            return self.stmts.increment(node)
        operand = self.expr(node.operand)
        if op == ",":
            return lambda scope: [operand(scope)]
        if op in ("!", "-not"):
            from pscompat.values.convert.primitives import to_bool

            return lambda scope: not to_bool(operand(scope))
        from pscompat.values.operators.table import UNARY

        fn = UNARY[op]
        return located(lambda scope: fn(operand(scope)), node, self.source)

    def e_Binary(self, node: N.Binary) -> Fn:
        from pscompat.values.convert.primitives import to_bool

        op = node.op
        left, right = self.expr(node.left), self.expr(node.right)
        if op == "-and":
            return lambda scope: to_bool(left(scope)) and to_bool(right(scope))
        if op == "-or":
            return lambda scope: to_bool(left(scope)) or to_bool(right(scope))
        if op == "??":

            def coalesce(scope):
                v = left(scope)
                return right(scope) if v is None else v

            return coalesce
        from pscompat.values.operators.table import get_binary

        try:
            fn = get_binary(op)
        except KeyError:
            raise PSError(
                f"Unexpected token '{op}' in expression or statement.",
                "UnexpectedToken",
                span=node.span,
                source=self.source,
                reason="ParserError",
            ) from None
        span, source = node.span, self.source
        folded = fold_binary(fn, node)
        if folded is not NOT_FOLDED:
            return lambda scope: folded

        def binary(scope):
            # `located`, inlined: binary operators run per object in filters
            try:
                return fn(left(scope), right(scope), scope)
            except Exception as exc:
                raise_located(exc, span, source)

        return binary

    def e_Ternary(self, node: N.Ternary) -> Fn:
        from pscompat.values.convert.primitives import to_bool

        c, a, b = self.expr(node.condition), self.expr(node.if_true), self.expr(node.if_false)
        return lambda scope: a(scope) if to_bool(c(scope)) else b(scope)

    # -- members ------------------------------------------------------------------------------
    def member_name(self, member: N.Node) -> Fn:
        if isinstance(member, N.StringConstant):
            name = member.value
            return lambda scope: name
        from pscompat.values.convert.strings import to_string

        fn = self.expr(member)
        return lambda scope: to_string(fn(scope))

    def e_Member(self, node: N.Member) -> Fn:
        from pscompat.values.objects.access import get_member

        name_fn = self.member_name(node.member)
        if node.static:
            target = (
                self.type_getter(node.target.type)
                if isinstance(node.target, N.TypeExpression)
                else self.expr(node.target)
            )
            return located(lambda scope: static_target(target(scope)).get_static(name_fn(scope)), node, self.source)
        target = self.expr(node.target)
        if isinstance(node.member, N.StringConstant):
            name = node.member.value
            if node.null_conditional:
                return lambda scope: (lambda t: None if t is None else get_member(t, name))(target(scope))
            return constant_member(target, name, node.span, self.source)
        from pscompat.values.indexing import dynamic_member

        key_fn = self.expr(node.member)
        span, source = node.span, self.source

        def member_of(t, scope):
            name = key_fn(scope)
            v = dynamic_member(t, name)
            if v is None and scope.ctx.strict_modes is not None and isinstance(name, str):  # ($Matches.1: a key)
                strict_mode.missing_member(scope, t, name, span, source)
            return v

        if node.null_conditional:
            return located(
                lambda scope: (lambda t: None if t is None else member_of(t, scope))(target(scope)), node, source
            )
        return located(lambda scope: member_of(target(scope), scope), node, source)

    def e_InvokeMember(self, node: N.InvokeMember) -> Fn:
        name_fn = self.member_name(node.member)
        args = [self.expr(a) for a in node.arguments]
        cast = _cast_target(node.target)
        if cast is not None and not node.static and isinstance(node.member, N.StringConstant):
            # `([Base]$this).Method()`: a script class's base method, not the override
            from pscompat.engine.classes import base_method_call

            return located(
                base_method_call(self.type_getter(cast.type), self.expr(cast.operand), node.member.value, args),
                node,
                self.source,
            )
        if node.static:
            target = (
                self.type_getter(node.target.type)
                if isinstance(node.target, N.TypeExpression)
                else self.expr(node.target)
            )

            def static_call(scope):
                t = static_target(target(scope))
                name = name_fn(scope)
                values = [a(scope) for a in args]
                if name.lower() == "create" and t.full_name == "System.Management.Automation.ScriptBlock":
                    return _create_block(values)
                return t.call_static(name, values)

            return located(static_call, node, self.source)
        target = self.expr(node.target)
        nullc = node.null_conditional

        def invoke(scope):
            t = target(scope)
            if t is None and nullc:
                return None
            return invoke_member(t, name_fn(scope), [a(scope) for a in args], scope)

        return located(invoke, node, self.source)

    def e_Index(self, node: N.Index) -> Fn:
        target, index = self.expr(node.target), self.expr(node.index)
        nullc = node.null_conditional

        span, source = node.span, self.source

        def get(scope):
            t = target(scope)
            if t is None and nullc:
                return None
            i = index(scope)
            v = index_value(t, i)
            if v is None and scope.ctx.strict_modes is not None:
                strict_mode.missing_element(scope, t, i, span, source)
            return v

        return located(get, node, self.source)


NOT_FOLDED = object()
_LITERALS = (N.Constant, N.StringConstant)
_FOLDABLE_RESULTS = (int, float, str, bool, type(None))


def fold_binary(fn, node: N.Binary):
    """Constant folding: a binary operator on two literals is computed once, at compile time,
    when the result is an immutable scalar and the operator has no side effect ($Matches)."""
    if not (isinstance(node.left, _LITERALS) and isinstance(node.right, _LITERALS)):
        return NOT_FOLDED
    if "match" in node.op or "replace" in node.op or node.op in ("..", "-split", "-csplit", "-isplit"):
        return NOT_FOLDED
    try:
        value = fn(node.left.value, node.right.value, None)
    except Exception:  # an error is raised at run time, where it has a statement to blame
        return NOT_FOLDED
    return value if type(value) in _FOLDABLE_RESULTS else NOT_FOLDED


def constant_member(target: Fn, name: str, span=None, source: Source | None = None) -> Fn:
    """`$x.Name` with a literal name: the attribute getter is cached for the last class seen,
    since a pipeline usually reads the same property of many objects of one class.  Set-StrictMode
    is asked only where the generic lookup ran and found nothing (`slow`)."""
    from pscompat.values.objects.access import get_member, member_getter
    from pscompat.values.objects.classes import PSObject

    folded = name.lower()
    cache: list = [None, None]  # class, getter

    def slow(t, scope):
        v = get_member(t, name)
        if v is None and scope.ctx.strict_modes is not None:
            strict_mode.missing_member(scope, t, name, span, source)
        return v

    def get(scope):
        t = target(scope)
        cls = t.__class__
        if cls is cache[0]:
            try:
                return cache[1](t)
            except AttributeError:
                return slow(t, scope)
        if cls is PSObject:
            v = t._values.get(folded, MISSING)
            return slow(t, scope) if v is MISSING else v
        getter = member_getter(cls, name)
        if getter is not None:
            cache[0], cache[1] = cls, getter
        return slow(t, scope)

    return get


def invoke_member(target, name: str, values: list, scope):
    """`$target.Name(values)` on an instance: the intrinsic .ForEach{}/.Where{}, a script block's
    own methods (Invoke, GetNewClosure ...), else the value's .NET-like method (call_method)."""
    from pscompat.values.methods.dispatch import call_method

    low = name.lower()
    if low in ("foreach", "where") and values and _is_block(values[0]):
        return scope.ctx.intrinsic_block_method(low, target, values, scope)
    if _is_block(target) and low in _BLOCK_METHODS:
        return _BLOCK_METHODS[low](target, values, scope)
    if low in ("findall", "find") and hasattr(target, "AST_TYPE"):  # an Ast's script-block predicate
        from pscompat.engine.ast_api.ast import call_with_scope

        return call_with_scope(target, low, values, scope)
    return call_method(target, name, values)


def _invoke(block, values, scope):
    # ScriptBlock.Invoke(): a child scope, output as a collection
    return scope.ctx.invoke_block(block, tuple(values), None, True, scope)


def _invoke_as_is(block, values, scope):
    return unwrap(scope.ctx.invoke_block(block, tuple(values), None, True, scope))


_BLOCK_METHODS = {
    "invoke": _invoke,
    "invokereturnasis": _invoke_as_is,
    "getnewclosure": lambda block, values, scope: block.with_closure(scope),
    "tostring": lambda block, values, scope: block.text,
}


def _create_block(values):
    """[scriptblock]::Create(text): parse and wrap, as PowerShell does."""
    from pscompat.engine.scriptblock import ScriptBlockValue
    from pscompat.syntax.grammar import parse_cached
    from pscompat.values.convert.strings import to_string

    text = to_string(values[0] if values else "")
    return ScriptBlockValue(parse_cached(text, "<ScriptBlock>"), Source(text, "<ScriptBlock>"))


def _is_block(value) -> bool:
    from pscompat.engine.scriptblock import ScriptBlockValue

    return isinstance(value, ScriptBlockValue)


def _cast_target(node):
    """The cast in `([Type]$x)` or `[Type]$x`, else None."""
    if isinstance(node, N.Paren) and isinstance(node.pipeline, N.Pipeline) and len(node.pipeline.elements) == 1:
        element = node.pipeline.elements[0]
        node = element.expression if isinstance(element, N.CommandExpression) and not element.redirections else None
    return node if isinstance(node, N.Convert) else None


def static_target(t):
    if hasattr(t, "get_static"):
        return t
    from pscompat.values.dotnet.type_literals import resolve_type
    from pscompat.values.objects.model import type_names

    names = type_names(t)
    return resolve_type(names[0] if names else "object")


def variable_reference(name: str, read: Fn) -> Fn:
    """`[ref]$x`: a PSReference bound to the variable `$x` where the cast runs (its writes set the
    variable in the scope that holds it, or in that scope when none does yet)."""
    from pscompat.engine.compiler.statements import variable_setter
    from pscompat.engine.scope import split_qualified
    from pscompat.values.dotnet.reference import PSReference

    qual, key = split_qualified(name)
    if qual is None and key == "null":  # [ref]$null: an out argument the caller throws away
        return lambda scope: PSReference(None)
    write = variable_setter(name)

    def make(scope):
        if isinstance(value := read(scope), PSReference):
            return value  # [ref] of a variable holding a reference is that reference
        owner = scope.owner(key) if qual is None else None
        target = owner if owner is not None else scope
        return PSReference(getter=lambda: read(scope), setter=lambda v: write(target, v))

    return make
