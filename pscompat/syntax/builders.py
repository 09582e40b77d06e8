"""Node builders used by the grammar: each turns one rule's tokens into a `nodes` object.

Every builder has the `pyparsing_internals.Build` signature `(text, start, end, tokens)`, so spans are
exact.  Small marker classes carry parts (postfix operations, hashtable pairs, named blocks)
from a sub-rule to the rule that assembles them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pyparsing as pp

from pscompat.records import replace
from pscompat.source import Span
from pscompat.syntax import nodes as n
from pscompat.syntax.lexer import ARG_END, PRECEDENCE, canonical_op, number_value, skip_gap, variable_name
from pscompat.syntax.parse_errors import SyntaxFail
from pscompat.syntax.semantic_checks import check_assignable, check_duplicates
from pscompat.syntax.strings import literal_word

MISSING = object()  # an optional part that was absent (pyparsing drops None tokens)


class Post:
    """A postfix operation (`.Name`, `::Name()`, `[0]`, `++`) waiting for its target."""

    __slots__ = ("make", "end")

    def __init__(self, make: Callable[[Any, Span], n.Node], end: int) -> None:
        self.make, self.end = make, end


class Part:
    """A tagged piece of a larger rule (`kind` says which): args, pairs, clauses, blocks."""

    __slots__ = ("kind", "value", "extra")

    def __init__(self, kind: str, value: Any, extra: Any = None) -> None:
        self.kind, self.value, self.extra = kind, value, extra


# ----------------------------------------------------------------------------- tokens


def constant(match: re.Match[str], span: Span) -> n.Constant:
    text = match.group()
    try:
        value = number_value(text)
    except ValueError:  # out of the range of its suffix's type: `200y`
        raise SyntaxFail("BadNumericConstant", span.start, span, (text,)) from None
    if (
        isinstance(value, int)
        and text.lower().lstrip("+-\u2013\u2014\u2015").startswith("0b")
        and not text.lower().endswith("n")
        and not -(1 << 63) <= value < (1 << 64)
    ):
        # Binary literals hold at most 64 bits (PS: tokenizer.cs ScanNumber; Parsing.Tests.ps1).
        raise SyntaxFail("BadNumericConstant", span.start, span, (text,))
    return n.Constant(span, value, text)


def argument_constant(match: re.Match[str], span: Span) -> n.Constant:
    """A number in argument mode; one no type holds is a bare word, not an error
    (PS: tokenizer.cs ScanNumber rescans it as a generic token): `Get-Random 0x07FFFFFFFFFFFFFFFF`."""
    try:
        return constant(match, span)
    except SyntaxFail:
        raise pp.ParseException(match.string, span.start, "not a number") from None


def variable(match: re.Match[str], span: Span) -> n.Variable:
    name, braced = variable_name(match)
    return n.Variable(span, name, braced=braced)


def splat(match: re.Match[str], span: Span) -> n.Variable:
    return n.Variable(span, match.group("name"), splatted=True)


def type_expression(match: re.Match[str], span: Span) -> n.TypeExpression:
    return n.TypeExpression(span, n.TypeName(Span(match.start("t"), match.end("t")), type_name_text(match.group("t"))))


def bare(match: re.Match[str], span: Span) -> n.StringConstant:
    return n.StringConstant(span, match.group(), "bare")


def parameter(match: re.Match[str], span: Span) -> n.CommandParameter:
    return n.CommandParameter(span, match.group("name"), None, match.group())


def end_of_parameters(match: re.Match[str], span: Span) -> n.CommandParameter:
    """`--`: PowerShell keeps it as a parameter named '-', which binding ignores except for
    native commands (PS: engine/parser/Parser.cs, TokenKind.MinusMinus)."""
    return n.CommandParameter(span, "-", None, match.group())


def parameter_with_argument(text: str, start: int, end: int, tokens: pp.ParseResults) -> n.CommandParameter:
    param, argument = tokens
    return n.CommandParameter(Span(start, end), param.name, argument, param.text)


# ----------------------------------------------------------------------------- expressions


def postfix_chain(text: str, start: int, end: int, tokens: pp.ParseResults) -> Any:
    node = tokens[0]
    for post in tokens[1:]:
        if post is not None:  # an absent `$i ++` (spaced_increment)
            node = post.make(node, Span(start, post.end))
    return node


def member(text: str, start: int, end: int, tokens: pp.ParseResults) -> Post:
    op, name = tokens[0].rstrip(), tokens[1]
    static, nullc = op == "::", op == "?."
    if len(tokens) > 2:
        generic = tokens[2].value if tokens[2].kind == "generic" else ()
        args = tokens[-1].value
        return Post(lambda t, span: n.InvokeMember(span, t, name, args, static, nullc, generic), end)
    return Post(lambda t, span: n.Member(span, t, name, static, nullc), end)


def member_number(match: re.Match[str], span: Span) -> n.Constant:
    """`$Matches.1`: the member is the number (a dictionary's key 1, else the member named '1')."""
    return n.Constant(span, int(match.group()), match.group())


def generic_arguments(match: re.Match[str], span: Span) -> Part:
    names = []
    for piece in _split_type_list(match.group("g")):
        at = match.start("g") + len(piece) - len(piece.lstrip())
        names.append(n.TypeName(Span(at, at + len(piece.strip())), type_name_text(piece.strip())))
    return Part("generic", tuple(names))


def _split_type_list(text: str) -> list[str]:
    """`int, List[string], x` -> its top-level pieces (commas inside brackets stay)."""
    pieces, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        if ch == "[":
            depth += 1
        elif ch == "]":
            depth -= 1
        elif ch == "," and depth == 0:
            pieces.append(text[start:i])
            start = i + 1
    pieces.append(text[start:])
    return pieces


def type_name_text(written: str) -> str:
    """A type name as the engine resolves it: `string []` is `string[]` (blanks may pad the
    brackets), and an assembly name after a comma (`List[string], System.Private.CoreLib`) is
    left out, since pscompat's types do not live in assemblies (PS: Parser.cs TypeNameRule)."""
    name = re.sub(r"[ \t]+(?=\[)|(?<=\[)[ \t]+|[ \t]+(?=\])", "", written.strip())
    depth = 0
    for i, ch in enumerate(name):
        if ch == "[":
            depth += 1
        elif ch == "]":
            depth -= 1
        elif ch == "," and depth == 0:
            return name[:i].rstrip()
    return name


def call_arguments(text: str, start: int, end: int, tokens: pp.ParseResults) -> Part:
    return Part("args", tuple(tokens))


def block_argument(text: str, start: int, end: int, tokens: pp.ParseResults) -> Part:
    return Part("args", (script_block_expression(text, start, end, tokens),))


def index(text: str, start: int, end: int, tokens: pp.ParseResults) -> Post:
    nullc = text[start] == "?"
    value = tokens[0]
    return Post(lambda t, span: n.Index(span, t, value, nullc), end)


def post_increment(match: re.Match[str], span: Span) -> Any:
    return _post_increment(match.group(), span.end)


def spaced_increment(match: re.Match[str], span: Span) -> Post | None:
    """`$i ++` (blanks before the operator), or nothing: the pattern also matches empty text."""
    text = match.group().lstrip(" \t")
    return _post_increment(text, span.end) if text else None


def _post_increment(text: str, end: int) -> Post:
    op = "post" + canonical_op(text)

    def make(target: n.Expression, s: Span) -> n.Unary:
        check_assignable(target, False, "OperatorRequiresVariableOrProperty", op[4:])
        return n.Unary(s, op, target)

    return Post(make, end)


def arg_chain(text: str, start: int, end: int, tokens: pp.ParseResults) -> Any:
    """In argument mode `$a+2` is one bare word, not `$a` then `+2` (Docs: about_Parsing.md):
    a variable with no member/index after it must end where the argument ends."""
    if len(tokens) == 1 and isinstance(tokens[0], n.Variable) and not ARG_END.match(text, end):
        raise pp.ParseException(text, start, "bare word")
    return postfix_chain(text, start, end, tokens)


def unary(text: str, start: int, end: int, tokens: pp.ParseResults) -> n.Unary:
    op = canonical_op(tokens[0])
    if op in ("++", "--"):
        check_assignable(tokens[1], False, "OperatorRequiresVariableOrProperty", op)
    return n.Unary(Span(start, end), op, tokens[1])


def cast(text: str, start: int, end: int, tokens: pp.ParseResults) -> n.Convert:
    return n.Convert(Span(start, end), tokens[0].type, tokens[1])


def attributed_expression(text: str, start: int, end: int, tokens: pp.ParseResults) -> n.AttributedExpression:
    return n.AttributedExpression(Span(start, end), tokens[0], tokens[1])


def array(text: str, start: int, end: int, tokens: pp.ParseResults) -> Any:
    if len(tokens) == 1:
        return tokens[0]
    return n.ArrayLiteral(Span(start, end), tuple(tokens))


def binary(text: str, start: int, end: int, tokens: pp.ParseResults) -> Any:
    """Operator-precedence fold of `operand (op operand)*`, as PowerShell's
    BinaryExpressionRule does it (PS: engine/parser/Parser.cs): equal precedence folds left."""
    if len(tokens) == 1:
        return tokens[0]
    operands, operators = [tokens[0]], list[str]()

    def reduce() -> None:
        right, left = operands.pop(), operands.pop()
        op = operators.pop()
        operands.append(n.Binary(Span(left.span.start, right.span.end), op, left, right))

    for i in range(1, len(tokens), 2):
        op = canonical_op(tokens[i])
        while operators and PRECEDENCE[operators[-1]] >= PRECEDENCE[op]:
            reduce()
        operators.append(op)
        operands.append(tokens[i + 1])
    while operators:
        reduce()
    return operands[0]


def ternary(text: str, start: int, end: int, tokens: pp.ParseResults) -> Any:
    if len(tokens) == 1:
        return tokens[0]
    return n.Ternary(Span(start, end), tokens[0], tokens[1], tokens[2])


def paren(text: str, start: int, end: int, tokens: pp.ParseResults) -> n.Paren:
    return n.Paren(Span(start, end), tokens[0])


def statements(text: str, start: int, end: int, tokens: pp.ParseResults) -> n.StatementBlock:
    return n.StatementBlock(Span(start, end), tuple(tokens))


def subexpression(text: str, start: int, end: int, tokens: pp.ParseResults) -> n.SubExpression:
    return n.SubExpression(Span(start, end), n.StatementBlock(Span(start + 2, end - 1), tuple(tokens)))


def array_expression(text: str, start: int, end: int, tokens: pp.ParseResults) -> n.ArrayExpression:
    return n.ArrayExpression(Span(start, end), n.StatementBlock(Span(start + 2, end - 1), tuple(tokens)))


def hash_pair(text: str, start: int, end: int, tokens: pp.ParseResults) -> Part:
    return Part("pair", (tokens[0], tokens[1]))


def hashtable(text: str, start: int, end: int, tokens: pp.ParseResults) -> n.Hashtable:
    return n.Hashtable(Span(start, end), tuple(part.value for part in tokens))


def script_block_expression(text: str, start: int, end: int, tokens: pp.ParseResults) -> n.ScriptBlockExpression:
    body = replace(tokens[0], span=Span(start, end), text=text[start + 1 : end - 1])
    return n.ScriptBlockExpression(Span(start, end), body)


def braced_script_block(text: str, start: int, end: int, tokens: pp.ParseResults) -> Any:
    return replace(tokens[0], span=Span(start, end), text=text[start + 1 : end - 1])


# ----------------------------------------------------------------------------- script blocks


def named_block(text: str, start: int, end: int, tokens: pp.ParseResults) -> Part:
    return Part(tokens[0].lower(), tokens[1])


def script_body(text: str, start: int, end: int, tokens: pp.ParseResults) -> n.ScriptBlock:
    """Unnamed statements go to `end`, as in PowerShell (nodes.ScriptBlock)."""
    param_block = None
    items = list(tokens)
    if items and isinstance(items[0], n.ParamBlock):
        param_block = items.pop(0)
    blocks = {}
    if items and isinstance(items[0], Part):
        for part in items:
            blocks[part.kind] = part.value
    else:
        blocks["end"] = n.StatementBlock(Span(start, end), tuple(items))
    return n.ScriptBlock(
        Span(start, end),
        param_block,
        blocks.get("begin"),
        blocks.get("process"),
        blocks.get("end"),
        clean=blocks.get("clean"),
    )


def attribute(text: str, start: int, end: int, tokens: pp.ParseResults) -> n.Attribute:
    positional, named = [], []
    for arg in tokens[1:]:
        if isinstance(arg, Part):
            named.append(arg.value)
        else:
            positional.append(arg)
    return n.Attribute(Span(start, end), tokens[0][1:-1], tuple(positional), tuple(named))


def named_attribute_argument(text: str, start: int, end: int, tokens: pp.ParseResults) -> Part:
    return Part("named", (tokens[0], tokens[1] if len(tokens) > 1 else None))


def parameter_decl(text: str, start: int, end: int, tokens: pp.ParseResults) -> n.ParameterDecl:
    attributes, type_name, default, name = [], None, None, None
    for token in tokens:
        if isinstance(token, n.Attribute):
            attributes.append(token)
        elif isinstance(token, n.TypeExpression):
            type_name = token.type
        elif name is None and isinstance(token, n.Variable):
            name = token.name
        else:
            default = token
    if name is None:  # the grammar requires the variable
        raise SyntaxFail("MissingExpression", start, Span(start, end), ("",))
    return n.ParameterDecl(Span(start, end), name, type_name, default, tuple(attributes))


def param_block(text: str, start: int, end: int, tokens: pp.ParseResults) -> n.ParamBlock:
    attributes = tuple(t for t in tokens if isinstance(t, n.Attribute))
    params = tuple(t for t in tokens if isinstance(t, n.ParameterDecl))
    check_duplicates(text, params)
    return n.ParamBlock(Span(start, end), params, attributes)


def attributed_param_block(text: str, start: int, end: int, tokens: pp.ParseResults) -> Any:
    """`[CmdletBinding()] param(...)`: the attributes before `param` belong to the block."""
    return replace(tokens[-1], span=Span(start, end), attributes=tuple(tokens[:-1]))


def parameter_list(text: str, start: int, end: int, tokens: pp.ParseResults) -> Part:
    check_duplicates(text, tokens)
    return Part("params", tuple(tokens))


# ----------------------------------------------------------------------------- commands, pipelines


def redirection_merge(match: re.Match[str], span: Span) -> n.Redirection:
    return n.Redirection(span, match.group("s") or "1", None, False, match.group("m"))


def redirection_file(text: str, start: int, end: int, tokens: pp.ParseResults) -> n.Redirection:
    match, target = tokens
    return n.Redirection(Span(start, end), match.group("s") or "1", target, match.group("a") == ">>")


def redirection_input(match: re.Match[str], span: Span) -> Any:
    raise SyntaxFail("RedirectionNotSupported", span.start, span, ("<",))


def command(text: str, start: int, end: int, tokens: pp.ParseResults) -> n.Command:
    items = list(tokens)
    invocation = items.pop(0) if isinstance(items[0], str) else ""
    redirections = tuple(i for i in items if isinstance(i, n.Redirection))
    elements = tuple(i for i in items if not isinstance(i, n.Redirection))
    name = elements[0] if elements else None
    if not invocation and isinstance(name, n.ExpandableString) and name.kind == "bare":
        # Without `&` a command name is not expanded (Docs: about_Parsing.md, `a$a`).
        elements = (n.StringConstant(name.span, literal_word(name.raw), "bare"),) + elements[1:]
    return n.Command(Span(start, end), elements, invocation, redirections)


def expression_statement(
    text: str, start: int, end: int, tokens: pp.ParseResults
) -> n.Assignment | n.CommandExpression:
    """`$x = value` or an expression pipeline element with its redirections."""
    if len(tokens) > 1 and isinstance(tokens[1], str):
        op = canonical_op(tokens[1])
        check_assignable(tokens[0], op == "=", "InvalidLeftHandSide")
        return n.Assignment(Span(start, end), tokens[0], op, tokens[2])
    return n.CommandExpression(Span(start, end), tokens[0], tuple(tokens[1:]))


def pipeline(text: str, start: int, end: int, tokens: pp.ParseResults) -> Any:
    if isinstance(tokens[0], n.Assignment):
        if len(tokens) > 1:
            # `$r = foreach (...) {} | Format-Table`: the assignment took a whole statement, so
            # the pipe has nothing on its left (Parser.cs: an assignment ends the pipeline)
            at = skip_gap(text, tokens[0].span.end)
            raise SyntaxFail("EmptyPipeElement", at, Span(at, at + 1), ())
        return tokens[0]
    return n.Pipeline(Span(start, end), tuple(tokens))


def pipeline_chain(text: str, start: int, end: int, tokens: pp.ParseResults) -> Any:
    node = tokens[0]
    count = len(tokens)
    background = count > 1 and tokens[-1] == "&"
    if background:
        count -= 1
    for i in range(1, count, 2):
        right = tokens[i + 1]
        node = n.PipelineChain(Span(start, right.span.end), node, tokens[i], right)
    if background:
        node = n.BackgroundPipeline(Span(start, end), node)
    return node
