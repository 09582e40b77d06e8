"""The syntax tree: frozen records (pscompat.records) named after PowerShell's own Language.*Ast classes.

Every node carries `span` (offsets into the Source).  The grammar builds these; the compiler
turns them into Python closures; `unparse` turns them back into text.

Conventions the grammar and the compiler both rely on:
- Operator names are stored lower-case and with an ASCII dash ('-eq', '-ceq', '-and'); symbol
  operators as themselves ('+', '..', '!', ',').  The dash the user typed (en dash...) is gone.
- A script body without named blocks puts its statements in `end` (as PowerShell does).
- In command (argument) mode a bare word is a StringConstant(kind='bare'); a bare word that
  contains `$` or `$( )` is an ExpandableString(kind='bare').
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pscompat.records import Record, fields
from pscompat.source import Span


class Node(Record):
    span: Span


# ----------------------------------------------------------------------------- expressions


class Constant(Node):
    """A number literal (int, float or Decimal, already computed incl. KB/MB suffixes)."""

    value: Any
    text: str = ""  # source spelling, kept for unparse and for `2` vs `2.0` ToString


class StringConstant(Node):
    value: str
    kind: str = "single"  # 'bare' | 'single' | 'double' | 'here_single' | 'here_double'


class ExpandableString(Node):
    """A string with `$var` / `$( )` inside.  parts: literal str pieces and expression nodes."""

    parts: tuple[Any, ...]  # tuple[str | Expression, ...]; escapes already decoded in the str pieces
    kind: str = "double"  # 'double' | 'here_double' | 'bare'
    raw: str = ""  # the text between the quotes as written, for unparse


class Variable(Node):
    """`$name`, `${any name}`, `$global:x`, `$env:PATH`, `@splat` (splatted=True)."""

    name: str  # as written without `$`/`@`/braces, scope or drive prefix included: 'global:x', 'env:PATH'
    splatted: bool = False
    braced: bool = False


class TypeName(Node):
    """`int`, `System.Collections.Hashtable`, `string[]`, `ordered`... (without brackets)."""

    name: str


class TypeExpression(Node):
    """`[int]` used as a value (e.g. `-as [int]`, `[math]::Round(...)` target)."""

    type: TypeName


class Convert(Node):
    """`[int]$x`, `[ordered]@{...}`, `[pscustomobject]@{...}`."""

    type: TypeName
    operand: Expression


class AttributedExpression(Node):
    """`[ValidateNotNull()]$x`: an attribute on an expression; assigned, it constrains the
    variable (PS: AttributedExpressionAst).  The child may be a Convert or another one."""

    attribute: Attribute
    child: Expression


class ArrayLiteral(Node):
    """`1, 2, 3` (binary comma). A unary comma `,x` is Unary(',', x)."""

    elements: tuple[Any, ...]


class ArrayExpression(Node):
    """`@( statements )`."""

    body: StatementBlock


class SubExpression(Node):
    """`$( statements )`."""

    body: StatementBlock


class Paren(Node):
    """`( pipeline )`: a single pipeline or assignment statement in parentheses."""

    pipeline: Statement


class Hashtable(Node):
    """`@{ k = v; ... }`.  Keys are expressions (a bare key is a StringConstant(kind='bare'))."""

    pairs: tuple[Any, ...]  # tuple[tuple[Expression, Statement], ...]


class ScriptBlockExpression(Node):
    """`{ ... }` as a value."""

    body: ScriptBlock


class Unary(Node):
    """op: '-', '+', '!', '-not', '-bnot', ',', '-split', '-csplit', '-isplit', '-join',
    '++' / '--' (prefix), 'post++' / 'post--' (postfix)."""

    op: str
    operand: Expression


class Binary(Node):
    """Arithmetic ('+', '-', '*', '/', '%'), range '..', format '-f', and every dash operator
    ('-eq', '-ceq', '-ieq', '-like', '-replace', '-split', '-join', '-is', '-as', '-and', '-band',
    '-shl', ...), '??'."""

    op: str
    left: Expression
    right: Expression


class Ternary(Node):
    condition: Expression
    if_true: Expression
    if_false: Expression


class Member(Node):
    """`$x.Name`, `$x.$dyn`, `[math]::PI`, `$x?.Name`.  member is a StringConstant(kind='bare')
    for a plain name, otherwise any expression."""

    target: Expression
    member: Expression
    static: bool = False
    null_conditional: bool = False


class InvokeMember(Node):
    """`$s.ToUpper()`, `[math]::Round(2.5, 0)`, `$x?.Foo()`."""

    target: Expression
    member: Expression
    arguments: tuple[Any, ...]
    static: bool = False
    null_conditional: bool = False
    generic_arguments: tuple[Any, ...] = ()  # tuple[TypeName, ...]: `$x.Method[int]()`


class Index(Node):
    """`$a[0]`, `$a[1..3]`, `$h['k']`, `$a?[0]`."""

    target: Expression
    index: Expression
    null_conditional: bool = False


Expression = (
    Constant
    | StringConstant
    | ExpandableString
    | Variable
    | TypeExpression
    | Convert
    | ArrayLiteral
    | ArrayExpression
    | SubExpression
    | Paren
    | Hashtable
    | ScriptBlockExpression
    | Unary
    | Binary
    | Ternary
    | Member
    | InvokeMember
    | Index
)


# ----------------------------------------------------------------------------- commands


class CommandParameter(Node):
    """`-Name`, `-Name:value` (argument set), `–Name` (en dash: name has no dash either way)."""

    name: str
    argument: Expression | None = None
    text: str = ""  # as typed, dash included, e.g. '–ImageName'


class Redirection(Node):
    """`> file`, `>> file`, `2> $null`, `2>&1`, `*> file`.  stream: '1','2','3'...,'*'."""

    stream: str
    target: Expression | None  # None when merging
    append: bool = False
    merge_to: str | None = None  # '1' for 2>&1


class Command(Node):
    """A command invocation.  elements[0] is the name: StringConstant(kind='bare') for a plain
    name, or any expression after `&`/`.`; the rest are CommandParameter or expressions."""

    elements: tuple[Any, ...]
    invocation: str = ""  # '' | '&' | '.'
    redirections: tuple[Any, ...] = ()


class CommandExpression(Node):
    """An expression used as a pipeline element (`1..5 | ...`, `$x`)."""

    expression: Expression
    redirections: tuple[Any, ...] = ()


class Pipeline(Node):
    elements: tuple[Any, ...]  # tuple[Command | CommandExpression, ...]


class PipelineChain(Node):
    """`a && b`, `a || b` (PowerShell 7)."""

    left: Statement
    op: str
    right: Statement


class BackgroundPipeline(Node):
    """`pipeline &` (PowerShell 7): the pipeline or chain runs as a background job, whose
    object is the statement's output (PipelineBaseAst.Background)."""

    pipeline: Any  # Pipeline | PipelineChain


# ----------------------------------------------------------------------------- statements


class Assignment(Node):
    """target: Variable, Member, Index, Convert(type, Variable) or ArrayLiteral of those.
    op: '=', '+=', '-=', '*=', '/=', '%=', '??='.  value: a Statement (pipeline or assignment)."""

    target: Expression
    op: str
    value: Statement


class StatementBlock(Node):
    statements: tuple[Any, ...]


class If(Node):
    clauses: tuple[Any, ...]  # tuple[tuple[Statement, StatementBlock], ...]: if + elseif
    else_body: StatementBlock | None = None


class ForEach(Node):
    variable: Variable
    iterable: Statement
    body: StatementBlock
    label: str | None = None


class For(Node):
    init: Statement | None
    condition: Statement | None
    iterator: Statement | None
    body: StatementBlock
    label: str | None = None


class While(Node):
    condition: Statement
    body: StatementBlock
    label: str | None = None


class DoLoop(Node):
    """`do { } while (c)` (until=False) and `do { } until (c)` (until=True)."""

    body: StatementBlock
    condition: Statement
    until: bool = False
    label: str | None = None


class SwitchClause(Node):
    """pattern: an expression, or a ScriptBlockExpression (condition block)."""

    pattern: Expression
    body: StatementBlock


class Switch(Node):
    value: Statement
    clauses: tuple[Any, ...]  # tuple[SwitchClause, ...]
    default: StatementBlock | None = None
    flags: tuple[Any, ...] = ()  # subset of ('regex', 'wildcard', 'exact', 'casesensitive', 'file')
    label: str | None = None


class Attribute(Node):
    """`[Parameter(Mandatory, Position=0)]`, `[ValidateSet('a','b')]`, `[CmdletBinding()]`.
    named: tuple of (name, expression-or-None); `Mandatory` alone is (`Mandatory`, None)."""

    name: str
    positional: tuple[Any, ...] = ()
    named: tuple[Any, ...] = ()


class ParameterDecl(Node):
    """One parameter of `param(...)` or `function f($a, [int]$b = 2)`.  `type` holds the last
    type constraint (`[switch]`, `[int]`...); attributes hold the [Parameter()] / [Validate*()]."""

    name: str
    type: TypeName | None = None
    default: Expression | None = None
    attributes: tuple[Any, ...] = ()


class ParamBlock(Node):
    parameters: tuple[Any, ...]  # tuple[ParameterDecl, ...]
    attributes: tuple[Any, ...] = ()  # [CmdletBinding()] etc.


class ScriptBlock(Node):
    """A script or script block body.  Unnamed statements go to `end`."""

    param_block: ParamBlock | None = None
    begin: StatementBlock | None = None
    process: StatementBlock | None = None
    end: StatementBlock | None = None
    text: str = ""  # the source text inside the braces (for ToString and calculated-property names)
    clean: StatementBlock | None = None  # PowerShell 7.3's `clean {}`: runs last, whatever happened


class FunctionDefinition(Node):
    name: str
    body: ScriptBlock
    is_filter: bool = False
    parameters: tuple[Any, ...] | None = None  # `function f($a, $b) {}` form: tuple[ParameterDecl]


class Return(Node):
    pipeline: Statement | None = None


class Break(Node):
    label: str | None = None


class Continue(Node):
    label: str | None = None


class Throw(Node):
    pipeline: Statement | None = None


class Exit(Node):
    pipeline: Statement | None = None


class Catch(Node):
    types: tuple[Any, ...]  # tuple[TypeName, ...]; empty = catch everything
    body: StatementBlock


class Try(Node):
    body: StatementBlock
    catches: tuple[Any, ...] = ()
    finally_: StatementBlock | None = None


class Trap(Node):
    """`trap [Type] { ... }`: handles terminating errors of the statements around it
    (about_Trap).  types empty = every error."""

    types: tuple[Any, ...]
    body: StatementBlock


Statement = (
    Pipeline
    | PipelineChain
    | Assignment
    | If
    | ForEach
    | For
    | While
    | DoLoop
    | Switch
    | FunctionDefinition
    | Return
    | Break
    | Continue
    | Throw
    | Exit
    | Try
    | Trap
    | StatementBlock
)


# ----------------------------------------------------------------------------- classes and enums
# (about_Classes, about_Enum; PS: Language/Ast.cs TypeDefinitionAst, PropertyMemberAst,
# FunctionMemberAst, UsingStatementAst).  Built by syntax/class_grammar.py.


class PropertyMember(Node):
    """`[hidden] [static] [type] $Name [= default]` inside a class."""

    name: str
    type: TypeName | None = None
    default: Expression | None = None
    static: bool = False
    hidden: bool = False
    attributes: tuple[Any, ...] = ()


class MethodMember(Node):
    """A method, or a constructor (`is_constructor`: its name is the class's).  `base_arguments`
    holds the arguments of `: base(...)`, None when there is none."""

    name: str
    parameters: tuple[Any, ...]  # tuple[ParameterDecl, ...]
    body: ScriptBlock
    return_type: TypeName | None = None
    static: bool = False
    hidden: bool = False
    is_constructor: bool = False
    base_arguments: tuple[Any, ...] | None = None
    attributes: tuple[Any, ...] = ()


class EnumMember(Node):
    name: str
    value: Expression | None = None


class TypeDefinition(Node):
    """`class Name : Base, IFace { members }` or `enum Name : byte { members }`."""

    name: str
    kind: str  # 'class' | 'enum'
    members: tuple[Any, ...]
    base_types: tuple[Any, ...] = ()  # tuple[TypeName, ...]
    attributes: tuple[Any, ...] = ()


class UsingStatement(Node):
    """`using namespace X.Y`, `using module X`, `using assembly X`."""

    kind: str  # 'namespace' | 'module' | 'assembly'
    name: str


def walk(node: Any) -> Iterator[Node]:
    """Yield node and every node below it (depth first)."""
    stack: list[Any] = [node]
    while stack:
        cur = stack.pop()
        if isinstance(cur, Node):
            yield cur
            for name in fields(cur):
                if name != "span":
                    stack.append(getattr(cur, name))
        elif isinstance(cur, tuple):
            stack.extend(reversed(cur))
