"""Node builders used by the grammar: each turns one rule's tokens into a `nodes` object.

Every builder has the `grammar_lex.Build` signature `(text, start, end, tokens)`, so spans are
exact.  Small marker classes carry parts (postfix operations, hashtable pairs, named blocks)
from a sub-rule to the rule that assembles them.
"""
from __future__ import annotations


import pyparsing as pp

from . import nodes as n
from .grammar_errors import SyntaxFail
from .records import replace
from .grammar_checks import check_assignable, check_duplicates, check_finally
from .grammar_strings import literal_word
from .grammar_lex import ARG_END, PRECEDENCE, canonical_op, number_value, skip_gap, variable_name
from .source import Span


MISSING = object()  # an optional part that was absent (pyparsing drops None tokens)


class Post:
    """A postfix operation (`.Name`, `::Name()`, `[0]`, `++`) waiting for its target."""

    __slots__ = ("make", "end")

    def __init__(self, make, end: int):
        self.make, self.end = make, end


class Part:
    """A tagged piece of a larger rule (`kind` says which): args, pairs, clauses, blocks."""

    __slots__ = ("kind", "value", "extra")

    def __init__(self, kind: str, value, extra=None):
        self.kind, self.value, self.extra = kind, value, extra


# ----------------------------------------------------------------------------- tokens


def constant(match, span):
    text = match.group()
    try:
        value = number_value(text)
    except ValueError:  # out of the range of its suffix's type: `200y`
        raise SyntaxFail("BadNumericConstant", span.start, span, (text,)) from None
    if isinstance(value, int) and text.lower().lstrip("+-\u2013\u2014\u2015").startswith(("0x", "0b")) \
            and not -(1 << 63) <= value < (1 << 64):
        # Hex and binary literals hold at most 64 bits (PS: tokenizer.cs ScanNumber; Parsing.Tests.ps1).
        raise SyntaxFail("BadNumericConstant", span.start, span, (text,))
    return n.Constant(span, value, text)


def variable(match, span):
    name, braced = variable_name(match)
    return n.Variable(span, name, braced=braced)


def splat(match, span):
    return n.Variable(span, match.group("name"), splatted=True)


def type_expression(match, span):
    return n.TypeExpression(span, n.TypeName(Span(match.start("t"), match.end("t")), match.group("t")))


def bare(match, span):
    return n.StringConstant(span, match.group(), "bare")


def parameter(match, span):
    return n.CommandParameter(span, match.group("name"), None, match.group())


def end_of_parameters(match, span):
    """`--`: PowerShell keeps it as a parameter named '-', which binding ignores except for
    native commands (PS: engine/parser/Parser.cs, TokenKind.MinusMinus)."""
    return n.CommandParameter(span, "-", None, match.group())


def parameter_with_argument(text, start, end, tokens):
    param, argument = tokens
    return n.CommandParameter(Span(start, end), param.name, argument, param.text)


# ----------------------------------------------------------------------------- expressions


def postfix_chain(text, start, end, tokens):
    node = tokens[0]
    for post in tokens[1:]:
        node = post.make(node, Span(start, post.end))
    return node


def member(text, start, end, tokens):
    op, name = tokens[0], tokens[1]
    static, nullc = op == "::", op == "?."
    if len(tokens) > 2:
        args = tokens[2].value
        return Post(lambda t, span: n.InvokeMember(span, t, name, args, static, nullc), end)
    return Post(lambda t, span: n.Member(span, t, name, static, nullc), end)


def call_arguments(text, start, end, tokens):
    return Part("args", tuple(tokens))


def block_argument(text, start, end, tokens):
    return Part("args", (script_block_expression(text, start, end, tokens),))


def index(text, start, end, tokens):
    nullc = text[start] == "?"
    value = tokens[0]
    return Post(lambda t, span: n.Index(span, t, value, nullc), end)


def post_increment(match, span):
    op = "post" + canonical_op(match.group())

    def make(target, s):
        check_assignable(target, False, "OperatorRequiresVariableOrProperty", op[4:])
        return n.Unary(s, op, target)

    return Post(make, span.end)


def arg_chain(text, start, end, tokens):
    """In argument mode `$a+2` is one bare word, not `$a` then `+2` (Docs: about_Parsing.md):
    a variable with no member/index after it must end where the argument ends."""
    if len(tokens) == 1 and isinstance(tokens[0], n.Variable) and not ARG_END.match(text, end):
        raise pp.ParseException(text, start, "bare word")
    return postfix_chain(text, start, end, tokens)


def unary(text, start, end, tokens):
    op = canonical_op(tokens[0])
    if op in ("++", "--"):
        check_assignable(tokens[1], False, "OperatorRequiresVariableOrProperty", op)
    return n.Unary(Span(start, end), op, tokens[1])


def cast(text, start, end, tokens):
    return n.Convert(Span(start, end), tokens[0].type, tokens[1])


def array(text, start, end, tokens):
    if len(tokens) == 1:
        return tokens[0]
    return n.ArrayLiteral(Span(start, end), tuple(tokens))


def binary(text, start, end, tokens):
    """Operator-precedence fold of `operand (op operand)*`, as PowerShell's
    BinaryExpressionRule does it (PS: engine/parser/Parser.cs): equal precedence folds left."""
    if len(tokens) == 1:
        return tokens[0]
    operands, operators = [tokens[0]], []

    def reduce():
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


def ternary(text, start, end, tokens):
    if len(tokens) == 1:
        return tokens[0]
    return n.Ternary(Span(start, end), tokens[0], tokens[1], tokens[2])


def paren(text, start, end, tokens):
    return n.Paren(Span(start, end), tokens[0])


def statements(text, start, end, tokens):
    return n.StatementBlock(Span(start, end), tuple(tokens))


def subexpression(text, start, end, tokens):
    return n.SubExpression(Span(start, end), n.StatementBlock(Span(start + 2, end - 1), tuple(tokens)))


def array_expression(text, start, end, tokens):
    return n.ArrayExpression(Span(start, end), n.StatementBlock(Span(start + 2, end - 1), tuple(tokens)))


def hash_pair(text, start, end, tokens):
    return Part("pair", (tokens[0], tokens[1]))


def hashtable(text, start, end, tokens):
    return n.Hashtable(Span(start, end), tuple(part.value for part in tokens))


def script_block_expression(text, start, end, tokens):
    body = replace(tokens[0], span=Span(start, end), text=text[start + 1:end - 1])
    return n.ScriptBlockExpression(Span(start, end), body)


def braced_script_block(text, start, end, tokens):
    return replace(tokens[0], span=Span(start, end), text=text[start + 1:end - 1])


# ----------------------------------------------------------------------------- script blocks


def named_block(text, start, end, tokens):
    return Part(tokens[0].lower(), tokens[1])


def script_body(text, start, end, tokens):
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
    return n.ScriptBlock(Span(start, end), param_block, blocks.get("begin"), blocks.get("process"),
                         blocks.get("end"))


def attribute(text, start, end, tokens):
    positional, named = [], []
    for arg in tokens[1:]:
        if isinstance(arg, Part):
            named.append(arg.value)
        else:
            positional.append(arg)
    return n.Attribute(Span(start, end), tokens[0][1:-1], tuple(positional), tuple(named))


def named_attribute_argument(text, start, end, tokens):
    return Part("named", (tokens[0], tokens[1] if len(tokens) > 1 else None))


def parameter_decl(text, start, end, tokens):
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
    return n.ParameterDecl(Span(start, end), name, type_name, default, tuple(attributes))


def param_block(text, start, end, tokens):
    attributes = tuple(t for t in tokens if isinstance(t, n.Attribute))
    params = tuple(t for t in tokens if isinstance(t, n.ParameterDecl))
    check_duplicates(text, params)
    return n.ParamBlock(Span(start, end), params, attributes)


def attributed_param_block(text, start, end, tokens):
    """`[CmdletBinding()] param(...)`: the attributes before `param` belong to the block."""
    return replace(tokens[-1], span=Span(start, end), attributes=tuple(tokens[:-1]))


def parameter_list(text, start, end, tokens):
    check_duplicates(text, tokens)
    return Part("params", tuple(tokens))


# ----------------------------------------------------------------------------- commands, pipelines


def redirection_merge(match, span):
    return n.Redirection(span, match.group("s") or "1", None, False, match.group("m"))


def redirection_file(text, start, end, tokens):
    match, target = tokens
    return n.Redirection(Span(start, end), match.group("s") or "1", target, match.group("a") == ">>")


def redirection_input(match, span):
    raise SyntaxFail("RedirectionNotSupported", span.start, span, ("<",))


def command(text, start, end, tokens):
    items = list(tokens)
    invocation = items.pop(0) if isinstance(items[0], str) else ""
    redirections = tuple(i for i in items if isinstance(i, n.Redirection))
    elements = tuple(i for i in items if not isinstance(i, n.Redirection))
    name = elements[0] if elements else None
    if not invocation and isinstance(name, n.ExpandableString) and name.kind == "bare":
        # Without `&` a command name is not expanded (Docs: about_Parsing.md, `a$a`).
        elements = (n.StringConstant(name.span, literal_word(name.raw), "bare"),) + elements[1:]
    return n.Command(Span(start, end), elements, invocation, redirections)


def expression_statement(text, start, end, tokens):
    """`$x = value` or an expression pipeline element with its redirections."""
    if len(tokens) > 1 and isinstance(tokens[1], str):
        op = canonical_op(tokens[1])
        check_assignable(tokens[0], op == "=", "InvalidLeftHandSide")
        return n.Assignment(Span(start, end), tokens[0], op, tokens[2])
    return n.CommandExpression(Span(start, end), tokens[0], tuple(tokens[1:]))


def pipeline(text, start, end, tokens):
    if isinstance(tokens[0], n.Assignment):
        if len(tokens) > 1:
            # `$r = foreach (...) {} | Format-Table`: the assignment took a whole statement, so
            # the pipe has nothing on its left (Parser.cs: an assignment ends the pipeline)
            at = skip_gap(text, tokens[0].span.end)
            raise SyntaxFail("EmptyPipeElement", at, Span(at, at + 1), ())
        return tokens[0]
    return n.Pipeline(Span(start, end), tuple(tokens))


def pipeline_chain(text, start, end, tokens):
    node = tokens[0]
    for i in range(1, len(tokens), 2):
        right = tokens[i + 1]
        node = n.PipelineChain(Span(start, right.span.end), node, tokens[i], right)
    return node


# ----------------------------------------------------------------------------- statements


def if_statement(text, start, end, tokens):
    clauses, else_body = [(tokens[0], tokens[1])], None
    for part in tokens[2:]:
        if part.kind == "elseif":
            clauses.append(part.value)
        else:
            else_body = part.value
    return n.If(Span(start, end), tuple(clauses), else_body)


def elseif_clause(text, start, end, tokens):
    return Part("elseif", (tokens[0], tokens[1]))


def else_clause(text, start, end, tokens):
    return Part("else", tokens[0])


def foreach_statement(text, start, end, tokens):
    return n.ForEach(Span(start, end), tokens[0], tokens[1], tokens[2])


def for_statement(text, start, end, tokens):
    init, condition, iterator, body = (None if t is MISSING else t for t in tokens)
    return n.For(Span(start, end), init, condition, iterator, body)


def while_statement(text, start, end, tokens):
    return n.While(Span(start, end), tokens[0], tokens[1])


def do_statement(text, start, end, tokens):
    body, keyword, condition = tokens
    return n.DoLoop(Span(start, end), body, condition, keyword.lower() == "until")


def switch_clause(text, start, end, tokens):
    return n.SwitchClause(Span(start, end), tokens[0], tokens[1])


def switch_body(text, start, end, tokens):
    return Part("clauses", tuple(tokens))


_SWITCH_FLAGS = ("regex", "wildcard", "exact", "casesensitive", "parallel", "file")


def switch_flag(match, span):
    """A switch option may be shortened to any prefix; the first option it begins wins
    (PS: Parser.cs IsSpecificParameter, tried in this order)."""
    name = match.group("f").lower()
    for flag in _SWITCH_FLAGS[:-1]:
        if flag.startswith(name):
            return flag
    raise SyntaxFail("InvalidSwitchFlag", span.start, span, (match.group("f"),))


def switch_file(text, start, end, tokens):
    return Part("file", tokens[-1])


def switch_value(text, start, end, tokens):
    return Part("value", tokens[0], start)


def switch_head(text, start, end, tokens):
    flags = [t for t in tokens if isinstance(t, str) and t.lower() != "switch"]
    files = [t for t in tokens if isinstance(t, Part) and t.kind == "file"]
    values = [t for t in tokens if isinstance(t, Part) and t.kind == "value"]
    if files and values:  # `switch -file a (1)`: a value and a file
        at = values[0].extra
        raise SyntaxFail("PipelineValueRequired", at, Span(at, at + 1))
    if not files and not values:
        at = skip_gap(text, end)
        raise SyntaxFail("PipelineValueRequired", at, Span(end, end))
    if files:
        flags.append("file")
    flags = tuple(dict.fromkeys(f for f in flags if f != "parallel"))
    return Part("head", (flags, files[-1].value if files else values[0].value))


def switch_statement(text, start, end, tokens):
    flags, value = tokens[0].value
    clauses, default = [], None
    for clause in tokens[1].value:
        pattern = clause.pattern
        if isinstance(pattern, n.StringConstant) and pattern.kind == "bare" \
                and pattern.value.lower() == "default":
            if default is not None:
                raise SyntaxFail("MultipleSwitchDefaultClauses", pattern.span.start, pattern.span)
            default = clause.body
        else:
            clauses.append(clause)
    return n.Switch(Span(start, end), value, tuple(clauses), default, flags)


def labeled(text, start, end, tokens):
    return replace(tokens[1], span=Span(start, end), label=tokens[0].group("label"))


def function_definition(text, start, end, tokens):
    keyword, name, *rest = tokens
    params = rest[0].value if len(rest) == 2 else None
    return n.FunctionDefinition(Span(start, end), name, rest[-1], keyword.lower() == "filter", params)


def try_statement(text, start, end, tokens):
    body, catches, finally_ = tokens[0], [], None
    for part in tokens[1:]:
        if isinstance(part, n.Catch):
            catches.append(part)
        else:
            finally_ = part.value
    if not catches and finally_ is None:
        raise SyntaxFail("MissingCatchOrFinally", end, Span(end, end))
    if finally_ is not None:
        check_finally(finally_, ())
    return n.Try(Span(start, end), body, tuple(catches), finally_)


def catch_clause(text, start, end, tokens):
    types = tuple(t.type for t in tokens[:-1])
    return n.Catch(Span(start, end), types, tokens[-1])


def finally_clause(text, start, end, tokens):
    return Part("finally", tokens[0])


_FLOW = {"return": n.Return, "throw": n.Throw, "exit": n.Exit}


def flow_statement(text, start, end, tokens):
    keyword = tokens[0].lower()
    if keyword in _FLOW:
        return _FLOW[keyword](Span(start, end), tokens[1] if len(tokens) > 1 else None)
    label = tokens[1] if len(tokens) > 1 else None
    cls = n.Break if keyword == "break" else n.Continue
    return cls(Span(start, end), label)


def data_statement(text, start, end, tokens):
    """A data section runs like `$( )` (its statements' output, flattened as a subexpression's
    is); `data name {}` assigns that output to `$name`.  `-SupportedCommand` only widens the
    restricted language, which is not enforced, so its argument is dropped."""
    body = tokens[-1]
    span = Span(start, end)
    value = n.Pipeline(span, (n.CommandExpression(span, n.SubExpression(body.span, body)),))
    name = next((t.value for t in tokens if isinstance(t, Part) and t.kind == "name"), None)
    if name is None:
        return value
    return n.Assignment(span, n.Variable(span, name), "=", value)


def verbatim(match, span):
    return n.StringConstant(Span(match.start("v"), match.end("v")), match.group("v"), "bare")


def missing_argument(match, span):
    raise SyntaxFail("MissingArgument", span.start, span)


def splat_not_permitted(match, span):
    raise SyntaxFail("SplattingNotPermitted", span.start, span, (match.group("name"),))


def data_parameter(match, span):
    """`-SupportedCommand`, or any prefix of it, is a data section's only parameter."""
    if not "supportedcommand".startswith(match.group("p").lower()):
        raise SyntaxFail("InvalidParameterForDataSectionStatement", span.start, span, (match.group("p"),))
    return Part("supported", None)


def trap_statement(text, start, end, tokens):
    trap = getattr(n, "Trap", None)
    if trap is None:
        return unsupported_keyword(text, start, end, tokens[:1])
    types = tuple(t.type for t in tokens if isinstance(t, n.TypeExpression))
    return trap(Span(start, end), types, tokens[-1])


def unsupported_keyword(text, start, end, tokens):
    raise SyntaxFail("ReservedKeywordNotAllowed", start, Span(start, start + len(tokens[0])), (tokens[0].lower(),))
