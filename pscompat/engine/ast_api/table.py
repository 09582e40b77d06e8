"""The one table from pscompat's syntax nodes (pscompat/syntax/nodes.py) to PowerShell's Ast
types (System.Management.Automation.Language.*Ast; names and members learned from PowerShell's
src/System.Management.Automation/engine/parser/ast.cs).

AST_BASES is PowerShell's class hierarchy (what `-is [...Ast]` sees).  NODE_TYPES maps a node
class to its Ast type name, or to a function of the node when the node stands for several
(`do {} while` / `do {} until`).  MEMBERS lists each Ast type's properties as accessors of the
wrapper (pscompat/engine/ast_api/ast.py): `child(field, as_type)` wraps one node, `children(field,
as_type)` a tuple of nodes, `value(field)` passes a plain field, a function computes anything else.
A type's members include its bases' members.  `as_type` is for the places where one node plays a
different Ast role: a script block's body statements are a NamedBlockAst, a type name in a cast or
a parameter is a TypeConstraintAst.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pscompat.records import Record
from pscompat.source import Span
from pscompat.syntax import nodes as N

AST_BASES: dict[str, str | None] = {
    "Ast": None,
    "ScriptBlockAst": "Ast",
    "ParamBlockAst": "Ast",
    "NamedBlockAst": "Ast",
    "NamedAttributeArgumentAst": "Ast",
    "AttributeBaseAst": "Ast",
    "AttributeAst": "AttributeBaseAst",
    "TypeConstraintAst": "AttributeBaseAst",
    "ParameterAst": "Ast",
    "StatementBlockAst": "Ast",
    "StatementAst": "Ast",
    "TypeDefinitionAst": "StatementAst",
    "UsingStatementAst": "StatementAst",
    "MemberAst": "Ast",
    "PropertyMemberAst": "MemberAst",
    "FunctionMemberAst": "MemberAst",
    "FunctionDefinitionAst": "StatementAst",
    "IfStatementAst": "StatementAst",
    "LabeledStatementAst": "StatementAst",
    "LoopStatementAst": "LabeledStatementAst",
    "ForEachStatementAst": "LoopStatementAst",
    "ForStatementAst": "LoopStatementAst",
    "DoWhileStatementAst": "LoopStatementAst",
    "DoUntilStatementAst": "LoopStatementAst",
    "WhileStatementAst": "LoopStatementAst",
    "SwitchStatementAst": "LabeledStatementAst",
    "CatchClauseAst": "Ast",
    "TryStatementAst": "StatementAst",
    "TrapStatementAst": "StatementAst",
    "BreakStatementAst": "StatementAst",
    "ContinueStatementAst": "StatementAst",
    "ReturnStatementAst": "StatementAst",
    "ExitStatementAst": "StatementAst",
    "ThrowStatementAst": "StatementAst",
    "PipelineBaseAst": "StatementAst",
    "ChainableAst": "PipelineBaseAst",
    "PipelineChainAst": "ChainableAst",
    "PipelineAst": "ChainableAst",
    "CommandElementAst": "Ast",
    "CommandParameterAst": "CommandElementAst",
    "CommandBaseAst": "StatementAst",
    "CommandAst": "CommandBaseAst",
    "CommandExpressionAst": "CommandBaseAst",
    "RedirectionAst": "Ast",
    "MergingRedirectionAst": "RedirectionAst",
    "FileRedirectionAst": "RedirectionAst",
    "AssignmentStatementAst": "PipelineBaseAst",
    "ExpressionAst": "CommandElementAst",
    "TernaryExpressionAst": "ExpressionAst",
    "BinaryExpressionAst": "ExpressionAst",
    "UnaryExpressionAst": "ExpressionAst",
    "AttributedExpressionAst": "ExpressionAst",
    "ConvertExpressionAst": "AttributedExpressionAst",
    "MemberExpressionAst": "ExpressionAst",
    "InvokeMemberExpressionAst": "MemberExpressionAst",
    "TypeExpressionAst": "ExpressionAst",
    "VariableExpressionAst": "ExpressionAst",
    "ConstantExpressionAst": "ExpressionAst",
    "StringConstantExpressionAst": "ConstantExpressionAst",
    "ExpandableStringExpressionAst": "ExpressionAst",
    "ScriptBlockExpressionAst": "ExpressionAst",
    "ArrayLiteralAst": "ExpressionAst",
    "HashtableAst": "ExpressionAst",
    "ArrayExpressionAst": "ExpressionAst",
    "ParenExpressionAst": "ExpressionAst",
    "SubExpressionAst": "ExpressionAst",
    "IndexExpressionAst": "ExpressionAst",
}


class NamedArgument(N.Node):
    """`Mandatory = $true` inside an attribute: PowerShell's NamedAttributeArgumentAst has a node
    of its own, pscompat's Attribute keeps (name, expression) pairs."""

    name: str
    argument: Any = None


NODE_TYPES: dict[type, str | Callable[[Any], str]] = {
    N.ScriptBlock: "ScriptBlockAst",
    N.ParamBlock: "ParamBlockAst",
    N.ParameterDecl: "ParameterAst",
    N.Attribute: "AttributeAst",
    NamedArgument: "NamedAttributeArgumentAst",
    N.TypeName: "TypeConstraintAst",
    N.StatementBlock: "StatementBlockAst",
    N.FunctionDefinition: "FunctionDefinitionAst",
    N.TypeDefinition: "TypeDefinitionAst",
    N.UsingStatement: "UsingStatementAst",
    N.PropertyMember: "PropertyMemberAst",
    N.MethodMember: "FunctionMemberAst",
    N.EnumMember: "PropertyMemberAst",
    N.If: "IfStatementAst",
    N.ForEach: "ForEachStatementAst",
    N.For: "ForStatementAst",
    N.While: "WhileStatementAst",
    N.DoLoop: lambda node: "DoUntilStatementAst" if node.until else "DoWhileStatementAst",
    N.Switch: "SwitchStatementAst",
    N.Catch: "CatchClauseAst",
    N.Try: "TryStatementAst",
    N.Trap: "TrapStatementAst",
    N.Break: "BreakStatementAst",
    N.Continue: "ContinueStatementAst",
    N.Return: "ReturnStatementAst",
    N.Exit: "ExitStatementAst",
    N.Throw: "ThrowStatementAst",
    N.Pipeline: "PipelineAst",
    N.PipelineChain: "PipelineChainAst",
    # `pipeline &` is the pipeline's own Ast with Background set (PipelineBaseAst.Background)
    N.BackgroundPipeline: lambda node: (
        "PipelineChainAst" if isinstance(node.pipeline, N.PipelineChain) else "PipelineAst"
    ),
    N.Assignment: "AssignmentStatementAst",
    N.Command: "CommandAst",
    N.CommandExpression: "CommandExpressionAst",
    N.CommandParameter: "CommandParameterAst",
    N.Redirection: lambda node: "MergingRedirectionAst" if node.merge_to else "FileRedirectionAst",
    N.Ternary: "TernaryExpressionAst",
    N.Binary: "BinaryExpressionAst",
    N.Unary: lambda node: "ArrayLiteralAst" if node.op == "," else "UnaryExpressionAst",
    N.AttributedExpression: "AttributedExpressionAst",
    N.Convert: "ConvertExpressionAst",
    N.Member: "MemberExpressionAst",
    N.InvokeMember: "InvokeMemberExpressionAst",
    N.TypeExpression: "TypeExpressionAst",
    N.Variable: "VariableExpressionAst",
    N.Constant: "ConstantExpressionAst",
    N.StringConstant: "StringConstantExpressionAst",
    N.ExpandableString: "ExpandableStringExpressionAst",
    N.ScriptBlockExpression: "ScriptBlockExpressionAst",
    N.ArrayLiteral: "ArrayLiteralAst",
    N.Hashtable: "HashtableAst",
    N.ArrayExpression: "ArrayExpressionAst",
    N.Paren: "ParenExpressionAst",
    N.SubExpression: "SubExpressionAst",
    N.Index: "IndexExpressionAst",
    N.SwitchClause: "StatementBlockAst",  # PowerShell keeps (condition, body) pairs; the body stands in
}


# -- accessors ---------------------------------------------------------------------------------
Accessor = Callable[[Any], Any]


def child(field: str, as_type: str | None = None) -> Accessor:
    return lambda ast: ast.wrap(getattr(ast.node, field), as_type)


def children(field: str, as_type: str | None = None) -> Accessor:
    return lambda ast: [ast.wrap(n, as_type) for n in (getattr(ast.node, field) or ())]


def _foreground(node: Any) -> Any:
    """The pipeline or chain itself, for `pipeline &` as for a plain one."""
    return node.pipeline if isinstance(node, N.BackgroundPipeline) else node


def value(field: str) -> Accessor:
    return lambda ast: getattr(ast.node, field)


class Pair(Record):
    """A .NET Tuple`2 (IfStatementAst.Clauses, HashtableAst.KeyValuePairs)."""

    Item1: Any
    Item2: Any

    PS_TYPE_NAMES = ("System.Tuple`2", "System.Object")
    PS_PROPERTIES = ("Item1", "Item2")


class TypeNameInfo(Record):
    """ITypeName: the name in `[int]` as written and resolved."""

    Name: str
    FullName: str

    PS_TYPE_NAMES = ("System.Management.Automation.Language.TypeName", "System.Object")
    PS_PROPERTIES = ("Name", "FullName", "IsArray", "IsGeneric")

    @property
    def IsArray(self) -> bool:
        return self.Name.endswith("[]")

    @property
    def IsGeneric(self) -> bool:
        return "[" in self.Name and not self.Name.endswith("[]")

    def ToString(self) -> str:
        return self.Name


def type_name_info(node: N.TypeName | None) -> TypeNameInfo | None:
    if node is None:
        return None
    return TypeNameInfo(node.name, node.name)


def _statements(ast) -> list:
    node = ast.node
    return [ast.wrap(s) for s in (node.statements if node is not None else ())]


def _named_block(field: str) -> Accessor:
    return lambda ast: ast.wrap(getattr(ast.node, field), "NamedBlockAst")


def _param_name(ast) -> Any:
    decl = ast.node
    text = ast.source.text[decl.span.start : decl.span.end]
    found = text.lower().rfind("$" + decl.name.lower())
    start = decl.span.start + max(found, 0)
    return ast.wrap(N.Variable(Span(start, start + len(decl.name) + 1), decl.name), key="name")


def _attributes(ast) -> list:
    node = ast.node
    out = [ast.wrap(a) for a in node.attributes]
    if getattr(node, "type", None) is not None:
        out.append(ast.wrap(node.type, "TypeConstraintAst"))
    return out


def _named_arguments(ast) -> list:
    return [
        ast.wrap(NamedArgument(arg.span if arg is not None else ast.node.span, name, arg), key=("named", i))
        for i, (name, arg) in enumerate(ast.node.named)
    ]


def _pairs(field: str) -> Accessor:
    def get(ast):
        return [Pair(ast.wrap(a), ast.wrap(b)) for a, b in getattr(ast.node, field)]

    return get


def _command_name(ast) -> str | None:
    first = ast.node.elements[0] if ast.node.elements else None
    return first.value if isinstance(first, N.StringConstant) else None


_STRING_KINDS = {
    "bare": "BareWord",
    "single": "SingleQuoted",
    "double": "DoubleQuoted",
    "here_single": "SingleQuotedHereString",
    "here_double": "DoubleQuotedHereString",
}
_INVOCATION = {"": "Unknown", "&": "Ampersand", ".": "Dot"}
_ASSIGN = {
    "=": "Equals",
    "+=": "PlusEquals",
    "-=": "MinusEquals",
    "*=": "MultiplyEquals",
    "/=": "DivideEquals",
    "%=": "RemainderEquals",
    "??=": "QuestionQuestionEquals",
}
_SYMBOLS = {
    "+": "Plus",
    "-": "Minus",
    "*": "Multiply",
    "/": "Divide",
    "%": "Rem",
    "..": "DotDot",
    "??": "QuestionQuestion",
    "!": "Exclaim",
    ",": "Comma",
    "++": "PlusPlus",
    "--": "MinusMinus",
    "post++": "PostfixPlusPlus",
    "post--": "PostfixMinusMinus",
    "-f": "Format",
}
# the comparison operators PowerShell's TokenKind spells with an I (or C) prefix
_CASED = {
    "eq", "ne", "gt", "ge", "lt", "le", "like", "notlike", "match", "notmatch", "replace",
    "contains", "notcontains", "in", "notin", "split",
}  # fmt: skip


def token_kind(op: str) -> str:
    """PowerShell's TokenKind name for an operator as pscompat stores it ('-eq' -> 'Ieq')."""
    if op in _SYMBOLS:
        return _SYMBOLS[op]
    name = op.lstrip("-")
    if name in _CASED:
        return "I" + name
    if name[:1] in ("c", "i") and name[1:] in _CASED:
        return name[0].upper() + name[1:]
    return {"isnot": "IsNot", "bnot": "Bnot"}.get(name, name[:1].upper() + name[1:])


def _static_type(ast) -> Any:
    from pscompat.values.dotnet.type_literals import resolve_type

    node = ast.node
    try:
        return resolve_type(node.type.name) if getattr(node, "type", None) is not None else resolve_type("object")
    except Exception:  # a type the script defines later, or none pscompat knows
        return resolve_type("object")


_STREAMS: dict[str, str] = {
    "1": "Output",
    "2": "Error",
    "3": "Warning",
    "4": "Verbose",
    "5": "Debug",
    "6": "Information",
    "*": "All",
}


# Members by Ast type; "Extent", "Parent" and the methods come with the wrapper itself.
MEMBERS: dict[str, dict[str, Accessor]] = {
    "ScriptBlockAst": {
        "ParamBlock": child("param_block"),
        "BeginBlock": _named_block("begin"),
        "ProcessBlock": _named_block("process"),
        "EndBlock": _named_block("end"),
        "CleanBlock": _named_block("clean"),
        "DynamicParamBlock": lambda ast: None,
        "UsingStatements": lambda ast: [],
        "Attributes": lambda ast: [],
        "ScriptRequirements": lambda ast: None,
    },
    "NamedBlockAst": {
        "Statements": _statements,
        "Traps": lambda ast: [],
        "BlockKind": lambda ast: ast.role or "End",
        "Unnamed": lambda ast: ast.role == "End" and ast.node.span == ast.parent.node.span if ast.parent else True,
    },
    "StatementBlockAst": {"Statements": _statements, "Traps": lambda ast: []},
    "ParamBlockAst": {"Attributes": children("attributes"), "Parameters": children("parameters")},
    "ParameterAst": {
        "Name": _param_name,
        "Attributes": _attributes,
        "DefaultValue": child("default"),
        "StaticType": _static_type,
    },
    "AttributeBaseAst": {"TypeName": lambda ast: type_name_info(ast.node if isinstance(ast.node, N.TypeName) else None)},
    "AttributeAst": {
        "TypeName": lambda ast: TypeNameInfo(ast.node.name, ast.node.name),
        "PositionalArguments": children("positional"),
        "NamedArguments": _named_arguments,
    },
    "NamedAttributeArgumentAst": {
        "ArgumentName": value("name"),
        "Argument": child("argument"),
        "ExpressionOmitted": lambda ast: ast.node.argument is None,
    },
    "FunctionDefinitionAst": {
        "Name": value("name"),
        "Body": child("body"),
        "Parameters": lambda ast: [ast.wrap(p) for p in ast.node.parameters] if ast.node.parameters else None,
        "IsFilter": value("is_filter"),
        "IsWorkflow": lambda ast: False,
    },
    "TypeDefinitionAst": {
        "Name": value("name"),
        "Members": children("members"),
        "BaseTypes": children("base_types", "TypeConstraintAst"),
        "Attributes": children("attributes"),
        "IsClass": lambda ast: ast.node.kind == "class",
        "IsEnum": lambda ast: ast.node.kind == "enum",
    },
    "UsingStatementAst": {
        "UsingStatementKind": lambda ast: ast.node.kind[:1].upper() + ast.node.kind[1:],
        "Name": lambda ast: ast.node.name,
    },
    "PropertyMemberAst": {
        "Name": value("name"),
        "PropertyType": lambda ast: ast.wrap(getattr(ast.node, "type", None), "TypeConstraintAst"),
        "InitialValue": lambda ast: ast.wrap(getattr(ast.node, "default", None) or getattr(ast.node, "value", None)),
        "IsStatic": lambda ast: getattr(ast.node, "static", False),
        "IsHidden": lambda ast: getattr(ast.node, "hidden", False),
        "Attributes": lambda ast: [ast.wrap(a) for a in getattr(ast.node, "attributes", ())],
    },
    "FunctionMemberAst": {
        "Name": value("name"),
        "Parameters": children("parameters"),
        "Body": child("body"),
        "ReturnType": child("return_type", "TypeConstraintAst"),
        "IsStatic": value("static"),
        "IsHidden": value("hidden"),
        "IsConstructor": value("is_constructor"),
        "Attributes": children("attributes"),
    },
    "IfStatementAst": {"Clauses": _pairs("clauses"), "ElseClause": child("else_body")},
    "LabeledStatementAst": {"Label": lambda ast: getattr(ast.node, "label", None)},
    "LoopStatementAst": {"Condition": lambda ast: ast.wrap(getattr(ast.node, "condition", None)), "Body": child("body")},
    "ForEachStatementAst": {"Variable": child("variable"), "Condition": child("iterable")},
    "ForStatementAst": {"Initializer": child("init"), "Iterator": child("iterator")},
    "SwitchStatementAst": {
        "Condition": child("value"),
        "Clauses": lambda ast: [Pair(ast.wrap(c.pattern), ast.wrap(c.body)) for c in ast.node.clauses],
        "Default": child("default"),
        "Flags": lambda ast: ", ".join(f[:1].upper() + f[1:] for f in ast.node.flags) or "None",
    },
    "CatchClauseAst": {
        "CatchTypes": children("types", "TypeConstraintAst"),
        "Body": child("body"),
        "IsCatchAll": lambda ast: not ast.node.types,
    },
    "TryStatementAst": {"Body": child("body"), "CatchClauses": children("catches"), "Finally": child("finally_")},
    "TrapStatementAst": {"TrapType": lambda ast: ast.wrap(ast.node.types[0] if ast.node.types else None), "Body": child("body")},
    "BreakStatementAst": {"Label": value("label")},
    "ContinueStatementAst": {"Label": value("label")},
    "ReturnStatementAst": {"Pipeline": child("pipeline")},
    "ExitStatementAst": {"Pipeline": child("pipeline")},
    "ThrowStatementAst": {"Pipeline": child("pipeline"), "IsRethrow": lambda ast: ast.node.pipeline is None},
    "PipelineAst": {
        "PipelineElements": lambda ast: [ast.wrap(n) for n in _foreground(ast.node).elements],
        "Background": lambda ast: isinstance(ast.node, N.BackgroundPipeline),
    },
    "PipelineChainAst": {
        "LhsPipelineChain": lambda ast: ast.wrap(_foreground(ast.node).left),
        "RhsPipeline": lambda ast: ast.wrap(_foreground(ast.node).right),
        "Operator": lambda ast: "AndAnd" if _foreground(ast.node).op == "&&" else "OrOr",
        "Background": lambda ast: isinstance(ast.node, N.BackgroundPipeline),
    },
    "AssignmentStatementAst": {
        "Left": child("target"),
        "Operator": lambda ast: _ASSIGN.get(ast.node.op, ast.node.op),
        "Right": lambda ast: ast.wrap(_assigned(ast.node.value)),
    },
    "CommandBaseAst": {"Redirections": children("redirections")},
    "CommandAst": {
        "CommandElements": children("elements"),
        "InvocationOperator": lambda ast: _INVOCATION.get(ast.node.invocation, "Unknown"),
        "DefiningKeyword": lambda ast: None,
    },
    "CommandExpressionAst": {"Expression": child("expression")},
    "CommandParameterAst": {
        "ParameterName": value("name"),
        "Argument": child("argument"),
        "ErrorPosition": lambda ast: ast.extent,
    },
    "FileRedirectionAst": {
        "FromStream": lambda ast: _STREAMS.get(ast.node.stream, "Output"),
        "Location": child("target"),
        "Append": value("append"),
    },
    "MergingRedirectionAst": {
        "FromStream": lambda ast: _STREAMS.get(ast.node.stream, "Output"),
        "ToStream": lambda ast: _STREAMS.get(ast.node.merge_to, "Output"),
    },
    "ExpressionAst": {"StaticType": lambda ast: _static_type_of(ast)},
    "TernaryExpressionAst": {
        "Condition": child("condition"),
        "IfTrue": child("if_true"),
        "IfFalse": child("if_false"),
    },
    "BinaryExpressionAst": {
        "Left": child("left"),
        "Right": child("right"),
        "Operator": lambda ast: token_kind(ast.node.op),
        "ErrorPosition": lambda ast: ast.extent,
    },
    "UnaryExpressionAst": {"Child": child("operand"), "TokenKind": lambda ast: token_kind(ast.node.op)},
    "AttributedExpressionAst": {"Attribute": child("attribute"), "Child": child("child")},
    "ConvertExpressionAst": {
        "Type": child("type", "TypeConstraintAst"),
        "Attribute": child("type", "TypeConstraintAst"),
        "Child": child("operand"),
    },
    "MemberExpressionAst": {
        "Expression": child("target"),
        "Member": child("member"),
        "Static": value("static"),
        "NullConditional": value("null_conditional"),
    },
    "InvokeMemberExpressionAst": {
        "Arguments": lambda ast: [ast.wrap(a) for a in ast.node.arguments] or None,
        "GenericTypeArguments": lambda ast: [type_name_info(t) for t in ast.node.generic_arguments] or None,
    },
    "TypeExpressionAst": {"TypeName": lambda ast: type_name_info(ast.node.type)},
    "VariableExpressionAst": {
        "VariablePath": lambda ast: VariablePath(ast.node.name),
        "Splatted": value("splatted"),
    },
    "ConstantExpressionAst": {"Value": value("value")},
    "StringConstantExpressionAst": {"StringConstantType": lambda ast: _STRING_KINDS.get(ast.node.kind, "BareWord")},
    "ExpandableStringExpressionAst": {
        "Value": lambda ast: ast.node.raw,
        "StringConstantType": lambda ast: _STRING_KINDS.get(ast.node.kind, "DoubleQuoted"),
        "NestedExpressions": lambda ast: [ast.wrap(p) for p in ast.node.parts if isinstance(p, N.Node)],
    },
    "ScriptBlockExpressionAst": {"ScriptBlock": child("body")},
    "ArrayLiteralAst": {
        "Elements": lambda ast: [ast.wrap(e) for e in (ast.node.elements if isinstance(ast.node, N.ArrayLiteral) else (ast.node.operand,))]
    },
    "HashtableAst": {"KeyValuePairs": _pairs("pairs")},
    "ArrayExpressionAst": {"SubExpression": child("body")},
    "SubExpressionAst": {"SubExpression": child("body")},
    "ParenExpressionAst": {"Pipeline": child("pipeline")},
    "IndexExpressionAst": {"Target": child("target"), "Index": child("index"), "NullConditional": value("null_conditional")},
}  # fmt: skip


def _assigned(statement: Any) -> Any:
    """PowerShell's AssignmentStatementAst.Right is the CommandExpressionAst itself when the value
    is a single expression (`$x = 1`), a PipelineAst otherwise."""
    if isinstance(statement, N.Pipeline) and len(statement.elements) == 1:
        only = statement.elements[0]
        if isinstance(only, N.CommandExpression):
            return only
    return statement


def _static_type_of(ast) -> Any:
    from pscompat.values.dotnet.type_literals import resolve_type

    node = ast.node
    if isinstance(node, (N.StringConstant, N.ExpandableString)):
        return resolve_type("string")
    if isinstance(node, N.Convert):
        try:
            return resolve_type(node.type.name)
        except Exception:  # an unknown type name: PowerShell's StaticType would still name it
            return resolve_type("object")
    if isinstance(node, N.Constant):
        from pscompat.values.methods.dispatch import get_type

        return get_type(node.value)
    if isinstance(node, N.Hashtable):
        return resolve_type("hashtable")
    if isinstance(node, N.ScriptBlockExpression):
        return resolve_type("scriptblock")
    if isinstance(node, (N.ArrayLiteral, N.ArrayExpression)):
        return resolve_type("object[]")
    return resolve_type("object")


class VariablePath(Record):
    """`$global:x`'s path: UserPath as written, with the scope or drive prefix."""

    UserPath: str

    PS_TYPE_NAMES = ("System.Management.Automation.VariablePath", "System.Object")
    PS_PROPERTIES = ("UserPath", "IsGlobal", "IsScript", "IsLocal", "IsPrivate", "IsDriveQualified", "DriveName")

    def _prefix(self) -> str:
        return self.UserPath.split(":", 1)[0].lower() if ":" in self.UserPath else ""

    @property
    def IsGlobal(self) -> bool:
        return self._prefix() == "global"

    @property
    def IsScript(self) -> bool:
        return self._prefix() == "script"

    @property
    def IsLocal(self) -> bool:
        return self._prefix() == "local"

    @property
    def IsPrivate(self) -> bool:
        return self._prefix() == "private"

    @property
    def IsDriveQualified(self) -> bool:
        return self._prefix() not in ("", "global", "script", "local", "private", "using", "variable")

    @property
    def DriveName(self) -> str | None:
        return self.UserPath.split(":", 1)[0] if self.IsDriveQualified else None

    def ToString(self) -> str:
        return self.UserPath
