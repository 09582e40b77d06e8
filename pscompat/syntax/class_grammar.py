"""The grammar of type definitions: `class`, `enum` and `using` statements (PowerShell 5+).

Docs: about_Classes, about_Classes_Properties, about_Classes_Methods,
about_Classes_Constructors, about_Classes_Inheritance, about_Enum, about_Using.
PS: engine/parser/Parser.cs ClassDefinitionRule, ClassMemberRule, EnumDefinitionRule,
UsingStatementRule (rules and error ids; the messages are in parse_errors.MESSAGES).

`grammar.build_grammar` hands the rules it shares (attributes, type literals, parameter lists,
script blocks, expressions) to `type_statements`, which returns the two entry points the
statement dispatch tries: a statement that starts with a keyword, and one that starts with
attributes (`[Flags()] enum E { }`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import pyparsing as pp
from pyparsing import Opt, ZeroOrMore

from pscompat.source import Span
from pscompat.syntax import nodes as n
from pscompat.syntax.builders import Part
from pscompat.syntax.class_checks import check_method
from pscompat.syntax.lexer import TYPE_NAME, fail_with
from pscompat.syntax.parse_errors import SyntaxFail
from pscompat.syntax.pyparsing_internals import Build, Enclosed, Expect, Lexeme

_NAME = r"[^\W\d]\w*"
_END = r"(?![^\s(){};|&,])"
# `[Attr()] [Attr2()] class`/`enum` ahead: possessive, so a line of many brackets that is no
# type definition fails in one pass (a backtracking pattern took minutes on `[int]` + `[x]`*25).
_ATTRIBUTED_TYPE = r"(?=(?:\[(?:[^\[\]\r\n]|\[[^\[\]\r\n]*+\])*+\][ \t\r\n]*+)++(?i:class|enum)\s)"


@dataclass(frozen=True)
class SharedRules:
    """Rules of the main grammar the type definitions reuse."""

    blanks: pp.ParserElement  # NL: blanks, newlines and comments
    separators: pp.ParserElement  # SEPS: `;` or newlines
    attribute: pp.ParserElement  # `[Name(args)]`
    type_literal: pp.ParserElement  # `[type]`
    variable: pp.ParserElement
    parameters: pp.ParserElement  # the inside of `( ... )` of a function's parameter list
    function_body: pp.ParserElement  # `{ script body }`
    expression: pp.ParserElement  # an expression in which `,` separates arguments


@dataclass(frozen=True)
class TypeStatements:
    keyword_statement: pp.ParserElement  # class / enum / using
    attributed_statement: pp.ParserElement  # [attributes] class / enum


def _lex(pattern: str, build: Any = None) -> Lexeme:
    return Lexeme(pattern, build)


def _skip(pattern: str) -> Lexeme:
    return Lexeme(pattern, suppress=True)


def _word(match: re.Match[str], span: Span) -> Part:
    return Part("word", match.group(), span)


def type_statements(r: SharedRules) -> TypeStatements:
    NL, SEPS = r.blanks, r.separators
    name = _lex(_NAME + _END, _word)
    type_name_word = _lex(_NAME + r"(?!\w)", _word)  # `class C2:C1 {}`
    type_name = _lex(rf"(?P<t>{TYPE_NAME})", lambda m, span: n.TypeName(span, m.group("t")))
    decoration = r.attribute | r.type_literal | _lex(rf"(?i:hidden|static){_END}", _word)
    decorations = ZeroOrMore(decoration + NL)

    # ------------------------------------------------------------------ class members
    default = _skip("=(?!=)") + NL + Expect(r.expression, fail_with("ExpectedValueExpression", "="))
    prop = Build(decorations + r.variable + Opt(default), _property)
    base_call = Build(
        _skip(":")
        + NL
        + Expect(_skip(r"(?i:base)\b"), fail_with("MissingBaseCtorCall"))
        + NL
        + Expect(
            Enclosed(
                _lex(r"\("),
                NL + Opt(r.expression + ZeroOrMore(NL + _skip(",") + NL + r.expression)) + NL,
                _skip(r"\)"),
                "MissingEndParenthesisInMethodCall",
                lambda text, start, end, tokens: Part("base", tuple(tokens)),
            ),
            fail_with("MissingMethodParameterList"),
        ),
        lambda text, start, end, tokens: tokens[0],
    )
    method = Build(
        decorations
        + name
        + Enclosed(
            _lex(r"\("),
            r.parameters,
            _skip(r"\)"),
            "MissingEndParenthesisInFunctionParameterList",
            lambda text, start, end, tokens: Part("params", tuple(tokens)),
            error_after=True,
        )
        + NL
        + Opt(base_call)
        + NL
        + Expect(r.function_body, fail_with("MissingFunctionBody")),
        _method,
    )
    # `[int]` or `[Attr()]` with no property or method after them (PS: IncompleteMemberDefinition)
    incomplete = Build(decoration + NL + decorations, _incomplete_member)
    member = method | prop | incomplete
    class_body = Enclosed(
        _lex(r"\{"),
        NL + ZeroOrMore(member + Opt(SEPS) + NL),
        _skip(r"\}"),
        "MissingEndCurlyBrace",
        lambda text, start, end, tokens: Part("members", tuple(tokens)),
    )
    bases = (
        _skip(":")
        + NL
        + Expect(type_name, fail_with("TypeNameExpected"))
        + ZeroOrMore(NL + _skip(",") + NL + Expect(type_name, fail_with("TypeNameExpected")))
    )
    class_statement = Build(
        _lex(rf"(?i:class){_END}", _word)
        + NL
        + Expect(type_name_word, fail_with("MissingNameAfterKeyword", "class"))
        + NL
        + Opt(bases)
        + NL
        + Expect(class_body, fail_with("MissingTypeBody", "class")),
        _type_definition,
    )

    # ------------------------------------------------------------------ enums
    enum_member = Build(
        name + Opt(_skip("=(?!=)") + NL + Expect(r.expression, fail_with("ExpectedValueExpression", "="))), _enum_member
    )
    enum_body = Enclosed(
        _lex(r"\{"),
        NL + ZeroOrMore(enum_member + Opt(SEPS) + NL),
        _skip(r"\}"),
        "MissingEndCurlyBrace",
        lambda text, start, end, tokens: Part("members", tuple(tokens)),
    )
    enum_statement = Build(
        _lex(rf"(?i:enum){_END}", _word)
        + NL
        + Expect(type_name_word, fail_with("MissingNameAfterKeyword", "enum"))
        + NL
        + Opt(_skip(":") + NL + Expect(type_name, fail_with("MissingTypename")))
        + NL
        + Expect(enum_body, fail_with("MissingTypeBody", "enum")),
        _type_definition,
    )

    # ------------------------------------------------------------------ using
    using_statement = Build(
        _skip(rf"(?i:using){_END}")
        + NL
        + Expect(_lex(rf"(?i:namespace|module|assembly){_END}", _word), fail_with("MissingUsingStatementDirective"))
        + Expect(_lex(r"(?P<v>'[^'\r\n]*'|\"[^\"\r\n]*\"|[^\s;{}()|]+)", _word), fail_with("MissingUsingItemName")),
        _using,
    )

    definition = class_statement | enum_statement
    attributed = Build(
        _skip(_ATTRIBUTED_TYPE) + ZeroOrMore((r.attribute | r.type_literal) + NL) + definition,
        _attributed,
    )
    return TypeStatements(definition | using_statement, attributed)


# ---------------------------------------------------------------------------- builders


def _split_decorations(tokens: list[Any]) -> tuple[list[n.Attribute], n.TypeName | None, bool, bool, list[Any]]:
    attributes: list[n.Attribute] = []
    type_name, static, hidden = None, False, False
    rest: list[Any] = []
    for token in tokens:
        if isinstance(token, n.Attribute):
            attributes.append(token)
        elif isinstance(token, n.TypeExpression) and not rest:
            if type_name is not None:
                raise SyntaxFail("TooManyTypes", token.span.start, token.span)
            type_name = token.type
        elif (
            isinstance(token, Part)
            and token.kind == "word"
            and token.value.lower() in ("static", "hidden")
            and not rest
        ):
            word = token.value.lower()
            if (static and word == "static") or (hidden and word == "hidden"):
                raise SyntaxFail("DuplicateQualifier", token.extra.start, token.extra, (word,))
            static = static or word == "static"
            hidden = hidden or word == "hidden"
        else:
            rest.append(token)
    return attributes, type_name, static, hidden, rest


def _incomplete_member(text: str, start: int, end: int, tokens: pp.ParseResults) -> Any:
    raise SyntaxFail("IncompleteMemberDefinition", end, Span(end, end))


def _property(text: str, start: int, end: int, tokens: pp.ParseResults) -> n.PropertyMember:
    attributes, type_name, static, hidden, rest = _split_decorations(list(tokens))
    variable = rest[0]
    default = rest[1] if len(rest) > 1 else None
    return n.PropertyMember(Span(start, end), variable.name, type_name, default, static, hidden, tuple(attributes))


def _method(text: str, start: int, end: int, tokens: pp.ParseResults) -> n.MethodMember:
    attributes, type_name, static, hidden, rest = _split_decorations(list(tokens))
    word, params = rest[0], rest[1]
    base = next((t.value for t in rest if isinstance(t, Part) and t.kind == "base"), None)
    body = rest[-1]
    return n.MethodMember(
        Span(start, end), word.value, params.value, body, type_name, static, hidden, False, base, tuple(attributes)
    )


def _enum_member(text: str, start: int, end: int, tokens: pp.ParseResults) -> n.EnumMember:
    return n.EnumMember(Span(start, end), tokens[0].value, tokens[1] if len(tokens) > 1 else None)


def _type_definition(text: str, start: int, end: int, tokens: pp.ParseResults) -> n.TypeDefinition:
    kind, word = tokens[0].value.lower(), tokens[1]
    bases = tuple(t for t in tokens if isinstance(t, n.TypeName))
    members = next(t.value for t in tokens if isinstance(t, Part) and t.kind == "members")
    if kind == "class":
        members = tuple(_constructor(m, word.value) for m in members)
        _check_members(text, members)
        for member in members:
            if isinstance(member, n.MethodMember):
                check_method(member)
    return n.TypeDefinition(Span(start, end), word.value, kind, members, bases)


def _constructor(member: Any, class_name: str) -> Any:
    """A method named like its class is a constructor (about_Classes_Constructors)."""
    if isinstance(member, n.MethodMember) and member.name.lower() == class_name.lower():
        if member.static and member.base_arguments is not None:  # a static constructor calls no base
            raise SyntaxFail("MissingFunctionBody", member.body.span.start, member.body.span)
        if member.static and member.parameters:
            at = member.parameters[0].span
            raise SyntaxFail("StaticConstructorCantHaveParameters", at.start, at)
        if member.return_type is not None:
            at = member.return_type.span
            raise SyntaxFail("ConstructorCantHaveReturnType", at.start, at)
        return n.MethodMember(
            member.span,
            member.name,
            member.parameters,
            member.body,
            None,
            member.static,
            member.hidden,
            True,
            member.base_arguments,
            member.attributes,
        )
    if isinstance(member, n.MethodMember) and member.base_arguments is not None:
        raise SyntaxFail("MissingFunctionBody", member.span.start, member.span)
    return member


def _check_members(text: str, members: tuple[Any, ...]) -> None:
    """A property name may be used once (PS: Parser.cs MemberAlreadyDefined); methods overload."""
    seen: set[str] = set()
    for member in members:
        if isinstance(member, n.PropertyMember):
            key = member.name.lower()
            if key in seen:
                at = member.span
                raise SyntaxFail("MemberAlreadyDefined", at.start, at, (member.name,))
            seen.add(key)


def _using(text: str, start: int, end: int, tokens: pp.ParseResults) -> n.UsingStatement:
    value = tokens[1].value.strip()
    if value[:1] in ("'", '"'):
        value = value[1:-1]
    return n.UsingStatement(Span(start, end), tokens[0].value.lower(), value)


def _attributed(text: str, start: int, end: int, tokens: pp.ParseResults) -> n.TypeDefinition:
    definition = tokens[-1]
    attributes = tuple(t if isinstance(t, n.Attribute) else n.Attribute(t.span, t.type.name) for t in list(tokens)[:-1])
    return n.TypeDefinition(
        Span(start, end), definition.name, definition.kind, definition.members, definition.base_types, attributes
    )
