"""Loop variables in Python locals ("registers"): which loops qualify, and the guard that lets
one run that way.

PowerShell's variables live in scopes that other code can read by name: a function or script
block called from the loop sees the caller's variables (dynamic scoping, about_Scopes),
`Get-Variable`/`Set-Variable -Scope`, `$ExecutionContext.SessionState`, a downstream command
reading the output, an error handler.  A generated loop may therefore keep a variable in a
Python local only while nothing can look: this module accepts a loop (`for`, `while`,
`foreach`) whose initializer, condition, step and body consist only of

* assignments (`=`, `+=`, `-=`, `*=`, `/=`, `%=`, `++`, `--`) to plain variables,
* `if`/`elseif`/`else`, nested `for`/`while`, nested `foreach` over `a..b`, unlabelled
  `break` (and `continue` outside `for`),
* expressions made of constants, plain variables, `( )`, `? :`, `-not`/`!`, unary `-`/`+`,
  `-and`/`-or` and the arithmetic and comparison operators (`+ - * / %`, `-eq -ne -gt -ge
  -lt -le` and their `-i`/`-c` forms) —

no command, no output, no member or method call, no script block, no `-match` (it sets
`$Matches`).  The operator table's functions are pure for the values the guard admits (numbers,
text, bools, `$null`: the operands of such operators are converted and combined, never handed
to script code), so at run time the generated code checks, once before the loop, that every
variable the loop reads holds such a value (and, for `foreach`, every item), and that the scope
puts no constraint on the variables it assigns (no type, validation, read-only/constant option
or AutomationNull mark, which `ExecutionContext.assign` would apply).  Then the loop runs on
Python locals; they are written back to the scope when it ends (also by an exception) and
around each error handler (the guard also asks that a variable the loop reads is already in
the scope unless the loop assigns it first, so a register read is the local itself) (`_fail` may report through code that reads variables).  When the
guard fails, the ordinary scope-dictionary loop runs instead: both are generated.
"""

from __future__ import annotations

from decimal import Decimal

from pscompat.engine.automatic import DYNAMIC_VARIABLES
from pscompat.engine.compiler.expressions import CONSTANT_VARIABLES
from pscompat.engine.scope import split_qualified
from pscompat.syntax import nodes as N
from pscompat.values.dotnet.integers import BY_TYPE_NAME
from pscompat.values.objects.classes import Char

# Values the operators of a register loop combine without running script code.
PURE_TYPES = frozenset((int, float, bool, str, type(None), Decimal, Char, *BY_TYPE_NAME.values()))

_ASSIGN_OPS = ("=", "+=", "-=", "*=", "/=", "%=")
_BINARY = frozenset(
    ["+", "-", "*", "/", "%", "-and", "-or"]
    + [f"-{p}{op}" for p in ("", "i", "c") for op in ("eq", "ne", "gt", "ge", "lt", "le")]
)
_UNARY = frozenset(("-not", "!", "-", "+"))
# variables PowerShell or the engine sets or reads by itself: never kept in a register
_AUTOMATIC = frozenset(
    (
        "_", "psitem", "foreach", "switch", "matches", "input", "args", "this", "error", "?", "^", "$",
        "lastexitcode", "pscmdlet", "psboundparameters", "myinvocation", "executioncontext", "ofs",
        "stacktrace", "sender", "event", "eventargs", "psitem",
    )
)  # fmt: skip


class _NotPure(Exception):
    pass


class LoopVariables:
    """The variables of one qualifying loop: `assigned` (kept in registers) and `read` (read but
    never assigned: loaded once, they cannot change while the loop runs)."""

    def __init__(self) -> None:
        self.assigned: dict[str, None] = {}
        self.read: dict[str, None] = {}
        self.loaded: set[str] = set()  # every variable read somewhere in the loop
        # assigned before the loop's code can read it: a `foreach`'s variable, the target of
        # a `for` initializer `$i = <expression not reading $i>`
        self.definite: set[str] = set()

    # -- statements ------------------------------------------------------------------------
    def statement(self, node) -> None:
        if isinstance(node, N.Assignment):
            if node.op not in _ASSIGN_OPS:
                raise _NotPure
            self.store(node.target)
            if node.op != "=":
                self.load(node.target)
            self.expression(_single_expression(node.value))
        elif isinstance(node, N.Pipeline):
            expr = _single_expression(node)
            if not (isinstance(expr, N.Unary) and expr.op in ("++", "--", "post++", "post--")):
                raise _NotPure  # any other expression statement writes output
            self.store(expr.operand)
            self.load(expr.operand)
        elif isinstance(node, N.If):
            for cond, body in node.clauses:
                self.expression(_single_expression(cond))
                self.block(body)
            if node.else_body is not None:
                self.block(node.else_body)
        elif isinstance(node, N.While):
            self.loop_label(node.label)
            self.expression(_single_expression(node.condition))
            self.block(node.body)
        elif isinstance(node, N.For):
            self.loop_label(node.label)
            self.for_parts(node)
        elif isinstance(node, N.ForEach):
            self.loop_label(node.label)
            expr = _single_expression(node.iterable)
            if not (isinstance(expr, N.Binary) and expr.op == ".."):
                raise _NotPure
            self.expression(expr.left)
            self.expression(expr.right)
            self.store(node.variable)
            self.block(node.body)
        elif isinstance(node, (N.Break, N.Continue)):
            if node.label is not None:
                raise _NotPure
        else:
            raise _NotPure

    def loop_label(self, label) -> None:
        if label is not None:
            raise _NotPure

    def for_parts(self, node: N.For) -> None:
        for part in (node.init, node.iterator):
            if part is not None:
                self.statement(part)
        if node.condition is not None:
            self.expression(_single_expression(node.condition))
        self.block(node.body)

    def block(self, node) -> None:
        if node is None:
            return
        for s in node.statements:
            self.statement(s)

    # -- expressions -----------------------------------------------------------------------
    def expression(self, node) -> None:
        if isinstance(node, (N.Constant, N.StringConstant)):
            return
        if isinstance(node, N.Variable):
            self.load(node)
        elif isinstance(node, N.Paren):
            self.expression(_single_expression(node.pipeline))
        elif isinstance(node, N.Binary):
            if node.op.lower() not in _BINARY:
                raise _NotPure
            self.expression(node.left)
            self.expression(node.right)
        elif isinstance(node, N.Unary):
            if node.op.lower() not in _UNARY:
                raise _NotPure
            self.expression(node.operand)
        elif isinstance(node, N.Ternary):
            self.expression(node.condition)
            self.expression(node.if_true)
            self.expression(node.if_false)
        else:
            raise _NotPure

    def load(self, node) -> None:
        key = _key(node)
        if key in CONSTANT_VARIABLES:
            return
        self.loaded.add(key)
        if key not in self.assigned:
            self.read[key] = None

    def store(self, node) -> None:
        key = _key(node)
        if key in CONSTANT_VARIABLES:
            raise _NotPure
        self.assigned[key] = None
        self.read.pop(key, None)

    def finish(self) -> None:
        for key in self.assigned:
            self.read.pop(key, None)


def _single_expression(node):
    """The expression of a statement that is one expression, else not a register loop."""
    if isinstance(node, N.Pipeline) and len(node.elements) == 1:
        el = node.elements[0]
        if isinstance(el, N.CommandExpression) and not el.redirections:
            return el.expression
    raise _NotPure


def _key(node) -> str:
    if not isinstance(node, N.Variable) or node.splatted:
        raise _NotPure
    qual, key = split_qualified(node.name)
    if qual is not None or key in DYNAMIC_VARIABLES or key in _AUTOMATIC:
        raise _NotPure
    if not (key.isascii() and key.isidentifier()):
        raise _NotPure
    return key


def loop_variables(node) -> LoopVariables | None:
    """The variables of a loop statement that may run on registers, else None.  A `foreach`'s
    collection is evaluated before the loop (its items are checked at run time)."""
    found = LoopVariables()
    try:
        if isinstance(node, N.ForEach):
            found.loop_label(node.label)
            found.store(node.variable)
            found.definite.add(_key(node.variable))
            found.block(node.body)
        else:
            found.statement(node)
            init = node.init if isinstance(node, N.For) else None
            if isinstance(init, N.Assignment) and init.op == "=":
                value = LoopVariables()
                value.expression(_single_expression(init.value))
                key = _key(init.target)
                if key not in value.loaded:
                    found.definite.add(key)
    except _NotPure:
        return None
    found.finish()
    return found
