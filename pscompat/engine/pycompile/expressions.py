"""Expressions as Python source.  Each `g_<Node>` returns the text of one Python expression
that evaluates the node in a function whose locals are `scope` (the running Scope) and `V`
(scope.vars).  Where a cheap class check proves the operand types, the operation is written
out (int comparison and arithmetic, casefolded text equality, a wildcard's precompiled regex,
a plain attribute read); otherwise the operator table's function is called, exactly as the
closure compiler calls it.  Anything not handled raises Unsupported and the node's closure
(engine/compiler) is called instead."""

from __future__ import annotations

from typing import Any

from pscompat.engine.automatic import DYNAMIC_VARIABLES
from pscompat.engine.compiler.expressions import CONSTANT_VARIABLES, NOT_FOLDED, fold_binary
from pscompat.engine.pycompile import helpers
from pscompat.engine.pycompile.calls import FunctionCall, argument_nodes, call_site
from pscompat.engine.pycompile.emitter import Emitter, Unsupported
from pscompat.engine.scope import split_qualified
from pscompat.errors import PSError
from pscompat.syntax import nodes as N
from pscompat.values.indexing import index_value
from pscompat.values.operators.patterns import like_to_regex
from pscompat.values.operators.table import UNARY, get_binary

INT32_MIN, INT32_MAX = -(2**31), 2**31 - 1
INT64_MIN, INT64_MAX = -(2**63), 2**63 - 1

_ORDER = {"gt": ">", "ge": ">=", "lt": "<", "le": "<="}
_ARITH = {"+": "+", "-": "-", "*": "*"}
# string methods written out for an exact str (and a str argument): the same Python operations
# as values/methods/strings.py's STRING_METHODS entries for those arguments
_STRING_NO_ARGS = {"toupper": "upper", "tolower": "lower", "toupperinvariant": "upper", "tolowerinvariant": "lower"}
_STRING_ONE_ARG = {"startswith": "{s}.startswith({v})", "endswith": "{s}.endswith({v})", "contains": "({v} in {s})"}


def operator_parts(op: str) -> tuple[str, bool]:
    """('eq', case_sensitive) from '-eq', '-ieq', '-ceq'; ('+', False) for symbols."""
    name = op.lower()
    if not name.startswith("-") or name == "-":  # `-` itself is subtraction, not a dash operator
        return name, False
    name = name[1:]
    if name[:1] == "c" and name != "contains":
        return name[1:], True
    if name[:1] == "i" and name not in ("is", "isnot", "in"):
        return name[1:], False
    return name, False


def wide(a: str, b: str, r: str) -> str:
    """The Int64 half of arithmetic.int_width/_fit for two plain ints whose result `r` left
    Int32: an operand outside Int32 makes the operation 64-bit, and a result within Int64 stays
    an int (an Int32 pair that overflows becomes a double: the operator table's business)."""
    return (
        f"(not ({INT32_MIN} <= {a} <= {INT32_MAX} and {INT32_MIN} <= {b} <= {INT32_MAX}) "
        f"and {INT64_MIN} <= {r} <= {INT64_MAX})"
    )


def arithmetic(a: str, b: str, r: str, left: str, right: str, py: str, general: str) -> str:
    """`left <py> right` for + - *: two ints whose result fits Int32, or Int64 when an operand
    is already 64-bit (else the operator table widens it), or a double and an int (exactly representable) or double, as .NET's double
    arithmetic does; anything else calls `general(a, b, scope)`."""
    exact = 2**53
    return (
        f"({r} if ({a} := {left}).__class__ is ({b} := {right}).__class__ is int "
        f"and ({INT32_MIN} <= ({r} := {a} {py} {b}) <= {INT32_MAX} or {wide(a, b, r)}) "
        f"else ({a} {py} {b}) if {a}.__class__ is float and ({b}.__class__ is float "
        f"or ({b}.__class__ is int and {-exact} <= {b} <= {exact})) "
        f"else {general}({a}, {b}, scope))"
    )


def simple_expression(statement) -> Any:
    """The expression of a statement that is one expression (no command, no redirection)."""
    if isinstance(statement, N.Pipeline) and len(statement.elements) == 1:
        el = statement.elements[0]
        if isinstance(el, N.CommandExpression) and not el.redirections:
            return el.expression
    return None


class ExpressionGenerator:
    """Writes expressions; `closures` is the closure compiler (the fallback for any node)."""

    def __init__(self, em: Emitter, closures):
        self.em = em
        self.closures = closures
        self.fallbacks = 0
        # inside a register loop (pycompile/registers.py): variable key -> the Python local
        # holding it (`_v<n>` assigned by the loop, `_x<n>` only read)
        self.registers: dict[str, str] = {}

    def expr(self, node) -> str:
        method = getattr(self, "g_" + type(node).__name__, None)
        if method is not None:
            try:
                return method(node)
            except Unsupported:
                pass
        return self.fallback(node)

    def fallback(self, node) -> str:
        self.fallbacks += 1
        return f"{self.em.const(self.closures.expr(node), '_f')}(scope)"

    def truth(self, code: str) -> str:
        """PowerShell truthiness of an expression, without a call for a bool."""
        t = self.em.temp()
        return f"({t} if ({t} := {code}) is True or {t} is False else _to_bool({t}))"

    # -- literals and variables ----------------------------------------------------------
    def g_Constant(self, node: N.Constant) -> str:
        return self.em.literal(node.value)

    def g_StringConstant(self, node: N.StringConstant) -> str:
        return self.em.literal(node.value)

    def g_Variable(self, node: N.Variable) -> str:
        qual, key = split_qualified(node.name)
        if qual is not None:
            raise Unsupported
        if key in CONSTANT_VARIABLES:
            return repr(CONSTANT_VARIABLES[key])
        if key == "psitem":
            key = "_"
        if key in DYNAMIC_VARIABLES:
            raise Unsupported
        local = self.registers.get(key)
        if local is not None:  # the register loop's guard made sure it holds the value
            return local
        t = self.em.temp()
        return f"({t} if ({t} := V.get({key!r}, _MISSING)) is not _MISSING else _lookup(scope, {key!r}, {node.name!r}))"

    def g_ExpandableString(self, node: N.ExpandableString) -> str:
        exprs = [p for p in node.parts if not isinstance(p, str)]
        if not exprs:
            return self.em.literal("".join(node.parts))
        # only side-effect-free parts: the closure reads $OFS before evaluating them
        if not all(isinstance(p, (N.Variable, N.Member)) for p in exprs):
            raise Unsupported
        if any(isinstance(p, N.Variable) and p.name.lower() == "ofs" for p in exprs):
            raise Unsupported
        parts = self.em.const(tuple(p if isinstance(p, str) else None for p in node.parts))
        fn = self.em.located(helpers.expand, node.span, "expand")
        return f"{fn}(scope, {parts}, [{', '.join(self.expr(p) for p in exprs)}])"

    def call_value(self, pipeline, empty: str) -> str:
        """A simple function call's output as a value (calls.FunctionCall), errors located at
        the pipeline as StatementCompiler.value locates them."""
        site = self.em.located(FunctionCall(pipeline, self.closures), pipeline.span, "call")
        t = self.em.temp()
        args = ", ".join(self.expr(a) for a in argument_nodes(pipeline))
        return (
            f"({site} and ({site}.general_value(scope, {empty}) if ({t} := {site}.target(scope)) is None "
            f"else {site}.run_value(scope, {t}, [{args}], {empty})))"
        )

    # -- collections ---------------------------------------------------------------------
    def g_ArrayLiteral(self, node: N.ArrayLiteral) -> str:
        return "[" + ", ".join(self.expr(e) for e in node.elements) + "]"

    def g_Paren(self, node: N.Paren) -> str:
        inner = simple_expression(node.pipeline)
        if inner is None:
            if call_site(node.pipeline):  # `(f $x)`: pycompile/calls.py
                return self.call_value(node.pipeline, "None")
            raise Unsupported
        return self.expr(inner)

    # -- operators -----------------------------------------------------------------------
    def g_Unary(self, node: N.Unary) -> str:
        op = node.op
        if op in ("++", "--", "post++", "post--"):
            raise Unsupported
        operand = self.expr(node.operand)
        if op == ",":
            return f"[{operand}]"
        if op in ("!", "-not"):
            return f"(not {self.truth(operand)})"
        fn = UNARY.get(op)
        if fn is None:
            raise Unsupported
        return f"{self.em.located(fn, node.span, 'unary')}({operand})"

    def g_Ternary(self, node: N.Ternary) -> str:
        c, a, b = self.expr(node.condition), self.expr(node.if_true), self.expr(node.if_false)
        return f"({a} if {self.truth(c)} else {b})"

    def g_Binary(self, node: N.Binary) -> str:
        op = node.op
        if op in ("-and", "-or"):
            left, right = self.truth(self.expr(node.left)), self.truth(self.expr(node.right))
            return f"({left} {op[1:]} {right})"
        if op == "??":
            t = self.em.temp()
            return f"({self.expr(node.right)} if ({t} := {self.expr(node.left)}) is None else {t})"
        try:
            fn = get_binary(op)
        except KeyError:
            raise Unsupported from None
        folded = fold_binary(fn, node)
        if folded is not NOT_FOLDED:
            return self.em.literal(folded)
        name, cs = operator_parts(op)
        call = self.em.located(fn, node.span, "op")
        left = self.expr(node.left)
        right_node = node.right
        const = right_node.value if isinstance(right_node, (N.Constant, N.StringConstant)) else None
        a = self.em.temp()
        # `(call and ...)`: the whole expression is marked, so an error while reading an operand
        # is reported at this operator, as the closure compiler's try around it does
        if const is not None and type(const) is int and (name in _ORDER or name in ("eq", "ne")):
            py = _ORDER.get(name) or ("==" if name == "eq" else "!=")
            k = repr(const)
            return f"({call} and (({a} {py} {k}) if ({a} := {left}).__class__ is int else {call}({a}, {k}, scope)))"
        if const is not None and type(const) is str and name in ("eq", "ne"):
            k = repr(const)
            if cs:
                test = f"({a} == {k})"
            else:
                test = f"({a} == {k} or {a}.casefold() == {const.casefold()!r})"
            if name == "ne":
                test = f"(not {test})"
            return f"({call} and ({test} if ({a} := {left}).__class__ is str else {call}({a}, {k}, scope)))"
        if const is not None and type(const) is str and name in ("like", "notlike"):
            try:
                rx = like_to_regex(const, cs)
            except PSError:
                raise Unsupported from None
            match = self.em.const(rx.match, "_rx")
            test = f"({match}({a}) is {'not ' if name == 'like' else ''}None)"
            return f"({call} and ({test} if ({a} := {left}).__class__ is str else {call}({a}, {const!r}, scope)))"
        right = self.expr(right_node)
        b = self.em.temp()
        if name in _ORDER or name in ("eq", "ne"):
            py = _ORDER.get(name) or ("==" if name == "eq" else "!=")
            return (
                f"({call} and (({a} {py} {b}) if ({a} := {left}).__class__ is ({b} := {right}).__class__ is int "
                f"else {call}({a}, {b}, scope)))"
            )
        if name in _ARITH:
            r = self.em.temp()
            return f"({call} and {arithmetic(a, b, r, left, right, _ARITH[name], call)})"
        return f"{call}({left}, {right}, scope)"

    # -- members -------------------------------------------------------------------------
    def g_Member(self, node: N.Member) -> str:
        if node.static or not isinstance(node.member, N.StringConstant):
            raise Unsupported
        read = self.em.const(helpers.member_site(node.member.value), "_m")
        target = self.expr(node.target)
        if node.null_conditional:
            t = self.em.temp()
            return f"(None if ({t} := {target}) is None else {read}({t}))"
        return f"{read}({target})"

    def g_InvokeMember(self, node: N.InvokeMember) -> str:
        if node.static or not isinstance(node.member, N.StringConstant):
            raise Unsupported
        call = self.em.located(helpers.method_site(node.member.value, node.null_conditional), node.span, "call")
        target = self.expr(node.target)
        low, n = node.member.value.lower(), len(node.arguments)
        t = self.em.temp()
        if n == 0 and low in _STRING_NO_ARGS:
            # methods/strings.py STRING_METHODS' own code for an exact str
            return f"({call} and ({t}.{_STRING_NO_ARGS[low]}() if ({t} := {target}).__class__ is str else {call}(scope, {t}, [])))"
        if n == 1 and low in _STRING_ONE_ARG:
            a = self.em.temp()
            test = _STRING_ONE_ARG[low].format(s=t, v=a)
            arg = self.expr(node.arguments[0])
            return (
                f"({call} and ({test} if ({t} := {target}).__class__ is ({a} := {arg}).__class__ is str "
                f"else {call}(scope, {t}, [{a}])))"
            )
        args = ", ".join(self.expr(a) for a in node.arguments)
        return f"{call}(scope, {target}, [{args}])"

    def g_Index(self, node: N.Index) -> str:
        if node.null_conditional:
            raise Unsupported
        call = self.em.located(index_value, node.span, "index")
        return f"{call}({self.expr(node.target)}, {self.expr(node.index)})"
