"""Node builders for statements: if/foreach/for/while/do, switch, function, try/catch/finally,
trap, flow statements (return/throw/exit), labels and `data` sections.  Split from
builders (expressions, commands and pipelines), whose marker classes they use; the grammar
names these as `bs.<builder>`.
"""

from __future__ import annotations

import re
from typing import Any

import pyparsing as pp

from pscompat.records import replace
from pscompat.source import Span
from pscompat.syntax import nodes as n
from pscompat.syntax.builders import MISSING, Part
from pscompat.syntax.lexer import skip_gap
from pscompat.syntax.parse_errors import SyntaxFail
from pscompat.syntax.semantic_checks import check_finally


def if_statement(text: str, start: int, end: int, tokens: pp.ParseResults) -> n.If:
    clauses, else_body = [(tokens[0], tokens[1])], None
    for part in tokens[2:]:
        if part.kind == "elseif":
            clauses.append(part.value)
        else:
            else_body = part.value
    return n.If(Span(start, end), tuple(clauses), else_body)


def elseif_clause(text: str, start: int, end: int, tokens: pp.ParseResults) -> Part:
    return Part("elseif", (tokens[0], tokens[1]))


def else_clause(text: str, start: int, end: int, tokens: pp.ParseResults) -> Part:
    return Part("else", tokens[0])


def foreach_statement(text: str, start: int, end: int, tokens: pp.ParseResults) -> n.ForEach:
    return n.ForEach(Span(start, end), tokens[0], tokens[1], tokens[2])


def for_statement(text: str, start: int, end: int, tokens: pp.ParseResults) -> n.For:
    init, condition, iterator = (None if t is MISSING else t for t in tokens[:3])
    return n.For(Span(start, end), init, condition, iterator, tokens[3])


def while_statement(text: str, start: int, end: int, tokens: pp.ParseResults) -> n.While:
    return n.While(Span(start, end), tokens[0], tokens[1])


def do_statement(text: str, start: int, end: int, tokens: pp.ParseResults) -> n.DoLoop:
    body, keyword, condition = tokens
    return n.DoLoop(Span(start, end), body, condition, keyword.lower() == "until")


def switch_clause(text: str, start: int, end: int, tokens: pp.ParseResults) -> n.SwitchClause:
    return n.SwitchClause(Span(start, end), tokens[0], tokens[1])


def switch_body(text: str, start: int, end: int, tokens: pp.ParseResults) -> Part:
    return Part("clauses", tuple(tokens))


_SWITCH_FLAGS = ("regex", "wildcard", "exact", "casesensitive", "parallel", "file")


def switch_flag(match: re.Match[str], span: Span) -> Any:
    """A switch option may be shortened to any prefix; the first option it begins wins
    (PS: Parser.cs IsSpecificParameter, tried in this order)."""
    name = match.group("f").lower()
    for flag in _SWITCH_FLAGS[:-1]:
        if flag.startswith(name):
            return flag
    raise SyntaxFail("InvalidSwitchFlag", span.start, span, (match.group("f"),))


def switch_file(text: str, start: int, end: int, tokens: pp.ParseResults) -> Part:
    return Part("file", tokens[-1])


def switch_value(text: str, start: int, end: int, tokens: pp.ParseResults) -> Part:
    return Part("value", tokens[0], start)


def switch_head(text: str, start: int, end: int, tokens: pp.ParseResults) -> Part:
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
    unique = tuple(dict.fromkeys(f for f in flags if f != "parallel"))
    return Part("head", (unique, files[-1].value if files else values[0].value))


def switch_statement(text: str, start: int, end: int, tokens: pp.ParseResults) -> n.Switch:
    flags, value = tokens[0].value
    clauses, default = [], None
    for clause in tokens[1].value:
        pattern = clause.pattern
        if isinstance(pattern, n.StringConstant) and pattern.kind == "bare" and pattern.value.lower() == "default":
            if default is not None:
                raise SyntaxFail("MultipleSwitchDefaultClauses", pattern.span.start, pattern.span)
            default = clause.body
        else:
            clauses.append(clause)
    return n.Switch(Span(start, end), value, tuple(clauses), default, flags)


def labeled(text: str, start: int, end: int, tokens: pp.ParseResults) -> Any:
    return replace(tokens[1], span=Span(start, end), label=tokens[0].group("label"))


def function_definition(text: str, start: int, end: int, tokens: pp.ParseResults) -> n.FunctionDefinition:
    keyword, name, *rest = tokens
    params = rest[0].value if len(rest) == 2 else None
    return n.FunctionDefinition(Span(start, end), name, rest[-1], keyword.lower() == "filter", params)


def try_statement(text: str, start: int, end: int, tokens: pp.ParseResults) -> n.Try:
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


def catch_clause(text: str, start: int, end: int, tokens: pp.ParseResults) -> n.Catch:
    types = tuple(t.type for t in tokens[:-1])
    return n.Catch(Span(start, end), types, tokens[-1])


def finally_clause(text: str, start: int, end: int, tokens: pp.ParseResults) -> Part:
    return Part("finally", tokens[0])


_FLOW = {"return": n.Return, "throw": n.Throw, "exit": n.Exit}


def flow_statement(text: str, start: int, end: int, tokens: pp.ParseResults) -> Any:
    keyword = tokens[0].lower()
    if keyword in _FLOW:
        return _FLOW[keyword](Span(start, end), tokens[1] if len(tokens) > 1 else None)
    label = tokens[1] if len(tokens) > 1 else None
    cls = n.Break if keyword == "break" else n.Continue
    return cls(Span(start, end), label)


def data_statement(text: str, start: int, end: int, tokens: pp.ParseResults) -> Any:
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


def verbatim(match: re.Match[str], span: Span) -> n.StringConstant:
    return n.StringConstant(Span(match.start("v"), match.end("v")), match.group("v"), "bare")


def missing_argument(match: re.Match[str], span: Span) -> Any:
    raise SyntaxFail("MissingArgument", span.start, span)


def splat_not_permitted(match: re.Match[str], span: Span) -> Any:
    raise SyntaxFail("SplattingNotPermitted", span.start, span, (match.group("name"),))


def data_parameter(match: re.Match[str], span: Span) -> Part:
    """`-SupportedCommand`, or any prefix of it, is a data section's only parameter."""
    if not "supportedcommand".startswith(match.group("p").lower()):
        raise SyntaxFail("InvalidParameterForDataSectionStatement", span.start, span, (match.group("p"),))
    return Part("supported", None)


def trap_statement(text: str, start: int, end: int, tokens: pp.ParseResults) -> Any:
    trap = getattr(n, "Trap", None)
    if trap is None:
        return unsupported_keyword(text, start, end, tokens[:1])
    types = tuple(t.type for t in tokens if isinstance(t, n.TypeExpression))
    return trap(Span(start, end), types, tokens[-1])


def unsupported_keyword(text: str, start: int, end: int, tokens: pp.ParseResults) -> Any:
    raise SyntaxFail("ReservedKeywordNotAllowed", start, Span(start, start + len(tokens[0])), (tokens[0].lower(),))
