"""The PowerShell 7 grammar, written with pyparsing, and the public `parse` API.

Layout: `lexer` (token patterns, blank skipping), `pyparsing_internals` (the custom pyparsing
elements: the only module that touches pyparsing's internals), `strings` (string scanners),
`builders`/`statement_builders` (node builders), `parse_errors` (PowerShell's messages).  This
module wires the rules together once, on first use.

Modes (Docs: Core/About/about_Parsing.md): a pipeline element that starts like a value is parsed
in expression mode (`expression`), anything else is a command whose arguments are parsed in
argument mode (`argument`), where bare words are strings and `-Name` is a parameter.
Precedence (Docs: about_Operator_Precedence.md; PS: engine/parser/Parser.cs): ternary <
binary operators (folded by precedence) < `,` < unary operators and casts < postfix `.` `::` `[]`.
"""

from __future__ import annotations

import functools
import re
import sys
import threading
from collections.abc import Callable
from typing import Any

import pyparsing as pp
from pyparsing import FollowedBy, Forward, NotAny, Opt, ZeroOrMore

from pscompat.source import Span
from pscompat.syntax import builders as b
from pscompat.syntax import nodes
from pscompat.syntax import statement_builders as bs
from pscompat.syntax.class_grammar import SharedRules, type_statements
from pscompat.syntax.lexer import (
    ASSIGN_OP,
    BINARY_OP,
    DASH,
    DQUOTE,
    EXPRESSION_START,
    GAP_CHARS,
    NUMBER,
    PLAIN_TYPE_NAME,
    SIGN,
    SQUOTE,
    STATEMENT_KEYWORDS,
    TYPE_NAME,
    UNARY_OP,
    VARIABLE,
    D,
    fail_with,
    skip_gap,
)
from pscompat.syntax.parse_errors import SyntaxFail, to_parse_error, unexpected_token
from pscompat.syntax.pyparsing_internals import (
    Build,
    Dispatch,
    Enclosed,
    ErrorFactory,
    Expect,
    Lexeme,
    Scanned,
    adjacent,
    finish_elements,
    parse_at,
)
from pscompat.syntax.strings import StringScanners

# Blanks and comments, newlines included.  Every blank pattern is an atomic group `(?>...)`:
# once matched it never gives text back, so a failure after it (`,` or `|` missing) costs one
# try instead of one per way of splitting the blanks between `\s+` iterations (exponential:
# 24 spaces took 2.3 s, each more doubled it).  No token can start inside a run of blanks or a
# comment, so nothing that could match before is lost (tests/test_parse_limits.py).
_BLANKS = r"(?>(?:\s+|`\s|<#[\s\S]*?#>|#[^\r\n]*)*)"
# A line may start with `|` to continue the pipeline above it, unless a blank line comes between
# (comment lines may): PS: tokenizer.cs IsPipeContinuation (LineContinuance.Tests.ps1).
_LINE_GAP = rf"(?>(?:{GAP_CHARS}+|`\s|<#[\s\S]*?#>|#[^\r\n]*)*)"
_NEWLINE = r"(?:\r\n|\r|\n)"
_COMMENT_LINE = rf"(?>{GAP_CHARS}*+(?:#[^\r\n]*+|<#[\s\S]*?#>){_LINE_GAP}{_NEWLINE})"
_PIPE = rf"(?:{_LINE_GAP}|{_LINE_GAP}{_NEWLINE}(?:{_COMMENT_LINE})*{GAP_CHARS}*+)\|(?!\|){_BLANKS}"
_QUOTES = SQUOTE + DQUOTE
_NUMBER_START = "0123456789.+" + DASH
_EXPRESSION_CHARS = "$([{!,@" + _QUOTES + _NUMBER_START  # what may start an expression statement


def L(pattern: str, build: Callable[[re.Match[str], Span], Any] | None = None) -> Lexeme:
    return Lexeme(pattern, build)


def S(pattern: str) -> Lexeme:
    """A suppressed terminal (punctuation, keywords)."""
    return Lexeme(pattern, suppress=True)


def op(pattern: str, keep: bool = True) -> Lexeme:
    """An operator; a line continues after it, so it also takes the blank lines that follow."""
    return Lexeme(rf"(?P<op>{pattern}){_BLANKS}", (lambda m, span: m.group("op")) if keep else None, suppress=not keep)


def keyword(words: str, keep: bool = False) -> Lexeme:
    """A keyword ends where a generic token would (`foreach-object` is not `foreach`)."""
    return Lexeme(rf"(?:{words})(?![^\s(){{}};|&,])", suppress=not keep)


def _op_before(text: str, loc: int) -> str:
    """The operator token just before `loc` (for 'following the '+' operator' messages)."""
    head = text[:loc].rstrip()
    i = len(head)
    if i and (head[i - 1].isalpha()):
        while i and head[i - 1].isalpha():
            i -= 1
        return head[i - 1 :] if i and head[i - 1] in DASH else head[i:]
    while i and not head[i - 1].isspace() and not head[i - 1].isalnum() and head[i - 1] not in "$)]}\"'":
        i -= 1
    return head[i:]


def _after_op(error_id: str) -> ErrorFactory:
    """pwsh reports a missing operand right after the operator (Parser.cs: After(token))."""

    def error(text: str, loc: int) -> SyntaxFail:
        at = skip_gap(text, loc)
        after = len(text[:loc].rstrip())
        return SyntaxFail(error_id, at, Span(after, after), (_op_before(text, loc),))

    return error


def _parameter_needs_argument(text: str, loc: int) -> SyntaxFail:
    """`-Name:` must be followed by its argument (Docs: about_Parameter_Binding.md)."""
    head = text[:loc].rstrip()
    token = head[head.rfind(" ") + 1 :] if " " in head else head
    at = skip_gap(text, loc)
    return SyntaxFail("ParameterRequiresArgument", at, Span(at, at), (token,))


def _bad_expression(text: str, loc: int) -> SyntaxFail:
    """A statement that starts like an expression but is none: `[int` is an unclosed type."""
    at = skip_gap(text, loc)
    if text.startswith("[", at):
        return SyntaxFail("EndSquareBracketExpectedAtEndOfType", at, Span(at, at + 1))
    if text.startswith("${", at):
        return SyntaxFail("IncompleteDollarVariableReference", len(text), Span(at, len(text)))
    return unexpected_token(text, at)


def _after(error_id: str, *args: object) -> ErrorFactory:
    """pwsh places most 'missing X' errors right after the token before it (Parser.cs After());
    the input is incomplete when nothing but blanks follows."""

    def error(text: str, loc: int) -> SyntaxFail:
        after = len(text[:loc].rstrip())
        return SyntaxFail(error_id, skip_gap(text, loc), Span(after, after), args)

    return error


def _after_attribute(text: str, loc: int) -> SyntaxFail:
    """An attribute with nothing after it (PS: Parser.cs UnexpectedAttribute)."""
    head = text[:loc].rstrip()
    start = head.rfind("[", 0, head.rfind("("))
    name = re.match(r"\[([\w.]+)", head[start:])
    at = skip_gap(text, loc)
    return SyntaxFail("UnexpectedAttribute", at, Span(max(start, 0), len(head)), (name.group(1) if name else "",))


def _missing_named_block(text: str, loc: int) -> SyntaxFail:
    head = text[:loc].rstrip()
    name = head[len(head.rstrip("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")) :]
    return SyntaxFail("MissingNamedStatementBlock", len(head), Span(len(head), len(head)), (name,))


def _misplaced_statement(text: str, loc: int) -> SyntaxFail:
    at = skip_gap(text, loc)
    fail = unexpected_token(text, at)
    return SyntaxFail("MissingNamedBlocks", at, fail.span, fail.args_) if fail.error_id == "UnexpectedToken" else fail


def build_grammar(short_path: bool = True) -> pp.ParserElement:
    """The grammar's root element; `short_path=False` leaves every element on pyparsing's own
    parse path (tests/test_grammar_direct.py compares the two)."""
    NL = S(_BLANKS)
    SEPS = S(r"[;\r\n](?>(?:[\s;]+|`\s|<#[\s\S]*?#>|#[^\r\n]*)*)")  # atomic: see _BLANKS
    COMMA = op(",", keep=False)
    NL_COMMA = S(rf"{_BLANKS},{_BLANKS}")
    LPAREN, RPAREN, RBRACE = S(r"\("), S(r"\)"), S(r"\}")

    expression, expression_nc, unary = Forward(), Forward(), Forward()
    statement, statement_list, chain = Forward(), Forward(), Forward()
    argument = Forward()
    scanners = StringScanners(None)

    # ------------------------------------------------------------------ primary expressions
    number = L(rf"{SIGN}?{NUMBER}", b.constant)
    variable = L(VARIABLE, b.variable)
    single = Scanned(scanners.single, "string")
    double = Scanned(scanners.double, "string")
    here = Scanned(scanners.here, "here-string")
    string = here | single | double
    subexpression = Enclosed(
        L(r"\$\("), statement_list, RPAREN, "MissingEndParenthesisInSubexpression", b.subexpression
    )

    def scan_subexpression(text: str, loc: int) -> tuple[int, nodes.SubExpression]:
        end, tokens = parse_at(subexpression, text, loc)
        return end, tokens[0]

    scanners.subexpression = scan_subexpression
    array_expression = Enclosed(
        L(r"@\("), statement_list, RPAREN, "MissingEndParenthesisInSubexpression", b.array_expression
    )
    hash_key = L(r"[^\W\d][\w-]*", b.bare) | unary
    hash_pair = Build(
        hash_key
        + Expect(S("=(?!=)"), fail_with("MissingEqualsInHashLiteral"))
        + NL
        + Expect(statement, fail_with("MissingStatementInHashLiteral")),
        b.hash_pair,
    )
    hashtable = Enclosed(
        L(r"@\{"),
        NL + Opt(hash_pair + ZeroOrMore(SEPS + hash_pair)) + Opt(SEPS),
        RBRACE,
        "MissingEndCurlyBrace",
        b.hashtable,
        error_after="opener",
    )  # Parser.cs HashExpressionRule
    script_body = Forward()
    script_block = Enclosed(L(r"\{"), script_body, RBRACE, "MissingEndCurlyBrace", b.script_block_expression)
    paren = Enclosed(
        L(r"\("),
        NL + Expect(statement, fail_with("ExpectedExpression")) + NL,
        RPAREN,
        "MissingEndParenthesisInExpression",
        b.paren,
    )
    # Blanks may pad the name: `[   System.IO.FileInfo]` (Parser.Tests.ps1 "types in System.dll").
    type_literal = L(rf"\[[ \t]*(?P<t>{TYPE_NAME})[ \t]*\]", b.type_expression)

    # ------------------------------------------------------------------ postfix operators
    # `$Matches.1` names member 1 (a number, as in PowerShell's AST); `$o.$name` and
    # `$o.$($n)` name it with a value (PS: Parser.cs MemberNameRule).
    member_name = adjacent(
        L(r"[^\W\d]\w*", b.bare) | L(r"\d+(?!\w)", b.member_number) | subexpression | variable | string | paren
    )
    # `$x.Method[int]()`: type arguments right before the call's parenthesis (PS: Parser.cs
    # GenericMethodArgumentsRule); otherwise `[` indexes the member.
    generic_args = adjacent(
        L(rf"\[(?P<g>[ \t]*{PLAIN_TYPE_NAME}(?:[ \t]*,[ \t]*{PLAIN_TYPE_NAME})*)[ \t]*\](?=\()", b.generic_arguments)
    )
    call_args = Enclosed(
        adjacent(L(r"\(")),
        NL
        + Opt(expression_nc + ZeroOrMore(NL_COMMA + Expect(expression_nc, _after_op("MissingExpressionAfterToken"))))
        + NL,
        RPAREN,
        "MissingEndParenthesisInMethodCall",
        b.call_arguments,
    )
    # `$list.Where{ $_ }`: a script block right after the name is the only argument.
    block_arg = Enclosed(adjacent(L(r"\{")), script_body, RBRACE, "MissingEndCurlyBrace", b.block_argument)
    # A member operator may end a line: the name is on the next (`$ps.AddCommand('x').`
    # newline `AddParameter(...)`, `[Parser]::` newline `ParseInput(...)`).
    member = Build(
        adjacent(L(rf"(?:\?\.|::|\.(?!\.))(?:{GAP_CHARS}*(?:#[^\r\n]*)?{_NEWLINE}{_BLANKS})?"))
        + Expect(member_name, fail_with("MissingPropertyName"))
        + Opt(Opt(generic_args) + call_args | block_arg),
        b.member,
    )
    index = Enclosed(
        adjacent(L(r"\??\[")),
        NL + Expect(expression, _after("MissingArrayIndexExpression")) + NL,
        S(r"\]"),
        "MissingEndSquareBracket",
        b.index,
    )
    post_increment = adjacent(L(rf"\+\+|{D}{D}(?![\w$])", b.post_increment))
    postfix = Dispatch([(".:?", member), ("?[", index), ("+" + DASH, post_increment)])

    # `@name` splats only in a command's arguments (PS: Parser.cs SplattingNotPermitted).
    splat_error = L(r"@(?P<name>[\w?:]+)", bs.splat_not_permitted)
    primary = Dispatch(
        [
            (_NUMBER_START, number),
            ("$", subexpression),
            ("$", variable),
            ("@", here),
            (SQUOTE, single),
            (DQUOTE, double),
            ("@", array_expression),
            ("@", hashtable),
            ("@", splat_error),
            ("{", script_block),
            ("(", paren),
            ("[", type_literal),
        ]
    )
    # Matches empty text when there is no `++`, so the common case costs no failed match.
    spaced_increment = adjacent(L(rf"(?:[ \t]+(?:\+\+|{D}{D})(?![\w$]))?", b.spaced_increment))
    postfix_expression = Build(primary + ZeroOrMore(postfix) + spaced_increment, b.postfix_chain)

    # ------------------------------------------------------------------ attributes
    attribute_argument = (
        Build(
            L(r"[^\W\d]\w*(?=\s*=)", lambda m, s: m.group()) + S("=") + NL + expression_nc, b.named_attribute_argument
        )
        | Build(L(r"[^\W\d]\w*(?=\s*[,)])", lambda m, s: m.group()), b.named_attribute_argument)
        | expression_nc
    )
    attribute = Build(
        L(r"\[(?P<name>[\w.]+)[ \t]*\(")  # `[parameter (Mandatory)]`: blanks before `(` (PS: Parser.cs AttributeRule)
        + NL
        + Opt(attribute_argument + ZeroOrMore(NL_COMMA + attribute_argument))
        + NL
        + Expect(RPAREN, fail_with("MissingEndParenthesisInExpression"))
        + Expect(S(r"\]"), fail_with("EndSquareBracketExpectedAtEndOfAttribute")),
        b.attribute,
    )
    # `[ValidateRange(1,10)][int]$x = 5`: attributes before an expression (PS: Parser.cs
    # UnaryExpressionRule, AttributedExpressionAst); newlines may follow an attribute.
    attributed = Build(
        attribute + NL + Expect(unary, _after_attribute),
        b.attributed_expression,
    )

    # ------------------------------------------------------------------ operators
    # `[int], [string]` are two type literals: a comma never starts a cast's operand (PS: Parser.cs)
    cast = Build(type_literal + NotAny(adjacent(L(r"\.|::"))) + NotAny(L(",")) + unary, b.cast)
    prefix = Build(op(UNARY_OP) + Expect(unary, _after_op("MissingExpressionAfterOperator")), b.unary)
    unary <<= Dispatch([("[", cast), ("[", attributed), (None, postfix_expression), ("!,+" + DASH, prefix)])
    array = Build(unary + ZeroOrMore(COMMA + Expect(unary, _after_op("MissingExpressionAfterToken"))), b.array)

    def binary_chain(operand: pp.ParserElement) -> Build:
        return Build(
            operand + ZeroOrMore(op(BINARY_OP) + Expect(operand, _after_op("ExpectedValueExpression"))), b.binary
        )

    def ternary(chain_: pp.ParserElement) -> Build:
        question = op(r"\?(?![?.\[=])", keep=False)
        colon = Expect(op(r":(?!:)", keep=False), fail_with("MissingColonInTernaryExpression"))
        branch = Expect(expression, _after_op("ExpectedValueExpression"))
        return Build(chain_ + Opt(question + branch + NL + colon + branch), b.ternary)

    expression <<= ternary(binary_chain(array))
    # Method and attribute arguments: a comma separates arguments (PS: _disableCommaOperator).
    expression_nc <<= ternary(binary_chain(unary))

    # ------------------------------------------------------------------ argument mode
    word = Scanned(scanners.word, "word")
    arg_end = r"(?=[\s;,|&(){}<>]|\Z)"
    arg_number = L(rf"{SIGN}?{NUMBER}{arg_end}", b.argument_constant)
    arg_primary = Dispatch(
        [
            ("$", subexpression),
            ("$", variable),
            ("@", here),
            (SQUOTE, single),
            (DQUOTE, double),
            ("@", array_expression),
            ("@", hashtable),
            ("{", script_block),
            ("(", paren),
        ]
    )
    arg_chain = Build(arg_primary + ZeroOrMore(postfix), b.arg_chain)
    # `@args`, and (PowerShell 7.x) `@obj.Prop` / `@list[1]`: the chain's value is splatted
    splat = Build(L(r"@(?P<name>[\w?:]+)", b.splat) + ZeroOrMore(postfix), b.arg_chain)
    arg_single = Dispatch([(_NUMBER_START, arg_number), ("$@{(" + _QUOTES, arg_chain), ("@", splat), (None, word)])
    # A trailing comma in command mode: PS Parser.cs GetCommandArgument (MissingExpression).
    argument <<= Build(arg_single + ZeroOrMore(COMMA + Expect(arg_single, _after_op("MissingExpression"))), b.array)

    # Docs: Core/About/about_Redirection.md.
    redirection = Dispatch(
        [
            ("123456*>", L(r"(?P<s>[1-6*])?>&(?P<m>[12])", b.redirection_merge)),
            (
                "123456*>",
                Build(
                    L(r"(?P<s>[1-6*])?(?P<a>>>?)", lambda m, span: m)
                    + Expect(arg_single, fail_with("MissingFileSpecification")),
                    b.redirection_file,
                ),
            ),
            ("<", L("<", b.redirection_input)),
        ]
    )
    # A parameter is a dash, a letter, up to a metacharacter; a quote inside makes it a word
    # (PS: tokenizer.cs ScanParameter).  `-Name:value` attaches the argument.
    # A dash right after another token is text: `$h.Length-more` (Docs: about_Parsing.md).
    param_name = rf"(?<=\s){D}(?P<name>[^\W\d][^\s{{}}();,|&.\[:{_QUOTES}]*+)"
    parameter = Build(
        L(rf"{param_name}:", b.parameter) + Expect(argument, _parameter_needs_argument), b.parameter_with_argument
    ) | L(rf"{param_name}(?![:{_QUOTES}])", b.parameter)
    end_of_parameters = L(rf"{D}{D}{arg_end}", b.end_of_parameters)
    redirection_or_argument = redirection | argument
    stray_comma = L(",", bs.missing_argument)  # `gcm ,`: a comma with no argument before it
    # `--%`: the rest of the line up to `|`, `&&` or a newline (outside double quotes) is one
    # literal argument (Docs: about_Parsing.md "The stop-parsing token"; PS: tokenizer.cs
    # GetVerbatimCommandArgument).  Both are bare strings, as in pwsh's AST.
    stop_parsing = L(r"--%(?=\s|\Z)", b.bare) + Opt(
        adjacent(L(r'[ \t]*(?P<v>(?:[^\r\n|&"]|&(?!&)|"[^"\r\n]*"?)+)', bs.verbatim))
    )
    command_item = Dispatch(
        [
            ("123456*><", redirection),
            ("-", stop_parsing),
            (DASH, parameter),
            (",", stray_comma),
            (None, NotAny(end_of_parameters) + argument),
        ]
    )
    command_items = ZeroOrMore(command_item) + Opt(end_of_parameters + ZeroOrMore(redirection_or_argument))
    invocation = L(r"&(?!&)|\.(?=[ \t{($'\"])")
    command = Dispatch(
        [
            ("&.", Build(invocation + Expect(arg_single, _after_op("MissingExpression")) + command_items, b.command)),
            (None, Build(word + command_items, b.command)),
        ]
    )

    # ------------------------------------------------------------------ pipelines
    expression_start = FollowedBy(L(EXPRESSION_START))
    assignment_value = op(ASSIGN_OP) + Expect(statement, _after_op("ExpectedValueExpression"))
    first_element = Dispatch(
        [
            (
                _EXPRESSION_CHARS,
                expression_start
                + Expect(
                    Build(expression + Opt(assignment_value) + ZeroOrMore(redirection), b.expression_statement),
                    _bad_expression,
                ),
            ),
            (None, command),
        ]
    )
    later_element = Dispatch(
        [
            (_EXPRESSION_CHARS, expression_start + Expect(pp.NoMatch(), fail_with("ExpressionsMustBeFirstInPipeline"))),
            (None, command),
        ]
    )
    pipe = S(_PIPE)
    pipeline = Build(first_element + ZeroOrMore(pipe + Expect(later_element, _after("EmptyPipeElement"))), b.pipeline)
    statement_end = Expect(FollowedBy(L(r"[;\r\n)}]|\Z")), fail_with("UnexpectedToken", token_arg=True))
    chain <<= Build(
        pipeline
        + ZeroOrMore(op(r"&&|\|\|") + Expect(pipeline, fail_with("EmptyPipelineChainElement")))
        + Opt(L(r"&(?!&)", lambda m, span: "&"))  # the background operator (no line continues after it)
        + statement_end,
        b.pipeline_chain,
    )

    # ------------------------------------------------------------------ statements
    block = Enclosed(L(r"\{"), statement_list, RBRACE, "MissingEndCurlyBrace", b.statements)

    def condition(word_: str, missing_open: str, missing_condition: str, missing_close: str) -> pp.ParserElement:
        return (
            Expect(LPAREN, fail_with(missing_open, word_))
            + NL
            + Expect(chain, fail_with(missing_condition, word_))
            + NL
            + Expect(RPAREN, fail_with(missing_close, word_))
        )

    def body(error_id: str, *args: object) -> pp.ParserElement:
        return NL + Expect(block, fail_with(error_id, *args))

    if_condition = condition(
        "if",
        "MissingOpenParenthesisInIfStatement",
        "IfStatementMissingCondition",
        "MissingEndParenthesisAfterStatement",
    )
    elseif = Build(
        NL
        + keyword("elseif")
        + condition(
            "elseif",
            "MissingOpenParenthesisInIfStatement",
            "IfStatementMissingCondition",
            "MissingEndParenthesisAfterStatement",
        )
        + body("MissingStatementBlock", "elseif"),
        bs.elseif_clause,
    )
    else_ = Build(NL + keyword("else") + body("MissingStatementBlockAfterElse"), bs.else_clause)
    if_statement = Build(
        keyword("if") + if_condition + body("MissingStatementBlock", "if") + ZeroOrMore(elseif) + Opt(else_),
        bs.if_statement,
    )

    foreach_statement = Build(
        keyword("foreach")
        + NL
        + Expect(LPAREN, fail_with("MissingOpenParenthesisAfterKeyword", "foreach"))
        + NL
        + Expect(variable | splat_error, fail_with("MissingVariableNameAfterForeach"))
        + NL
        + Expect(keyword("in"), _after_op("MissingInInForeach"))
        + NL
        + Expect(chain, fail_with("MissingForeachExpression"))
        + NL
        + Expect(RPAREN, fail_with("MissingEndParenthesisAfterForeach"))
        + body("MissingForeachStatement"),
        bs.foreach_statement,
    )
    for_separator = Opt(S(";")) + NL
    for_statement = Build(
        keyword("for")
        + NL
        + Expect(LPAREN, fail_with("MissingOpenParenthesisAfterKeyword", "for"))
        + NL
        + Opt(chain, b.MISSING)
        + for_separator
        + Opt(chain, b.MISSING)
        + for_separator
        + Opt(chain, b.MISSING)
        + NL
        + Expect(RPAREN, fail_with("MissingEndParenthesisAfterStatement", "for"))
        + body("MissingLoopStatement", "for"),
        bs.for_statement,
    )
    while_statement = Build(
        keyword("while")
        + condition(
            "while",
            "MissingOpenParenthesisAfterKeyword",
            "MissingExpressionAfterKeyword",
            "MissingEndParenthesisAfterStatement",
        )
        + body("MissingLoopStatement", "while"),
        bs.while_statement,
    )
    do_statement = Build(
        keyword("do")
        + body("MissingLoopStatement", "do")
        + NL
        + Expect(keyword("while|until", keep=True), fail_with("MissingWhileOrUntilInDoWhile"))
        + condition(
            "while",
            "MissingOpenParenthesisAfterKeyword",
            "MissingExpressionAfterKeyword",
            "MissingEndParenthesisAfterStatement",
        ),
        bs.do_statement,
    )

    # Docs: about_Switch.md; errors and positions: PS Parser.cs SwitchStatementRule.
    switch_clause = Build(arg_single + NL + Expect(block, _after("MissingSwitchStatementClause")), bs.switch_clause)
    switch_body = Enclosed(
        L(r"\{"),
        NL
        + Expect(switch_clause, _after("MissingSwitchConditionExpression"))
        + ZeroOrMore(Opt(SEPS) + switch_clause)
        + Opt(SEPS),
        RBRACE,
        "MissingEndCurlyBrace",
        bs.switch_body,
    )
    switch_file = Build(
        L(rf"{D}f(?:i(?:le?)?)?(?![\w-])") + NL + Expect(arg_single, _after("MissingFilenameOption")), bs.switch_file
    )
    switch_flag = L(rf"{D}(?P<f>[^\W\d][^\s{{}}();,|&.\[:{_QUOTES}]*)", bs.switch_flag)
    switch_value = Build(
        LPAREN
        + NL
        + Expect(chain, _after("PipelineValueRequired"))
        + NL
        + Expect(RPAREN, _after("MissingEndParenthesisInSwitchStatement")),
        bs.switch_value,
    )
    switch_head = Build(
        keyword("switch") + NL + ZeroOrMore((switch_file | switch_flag) + NL) + Opt(switch_value), bs.switch_head
    )
    switch_statement = Build(
        switch_head + NL + Expect(switch_body, _after("MissingCurlyBraceInSwitchStatement")), bs.switch_statement
    )

    # ------------------------------------------------------------------ functions, param blocks
    parameter_decl = Build(
        ZeroOrMore((attribute | type_literal) + NL)
        + (variable | splat_error)
        + Opt(S("=(?!=)") + NL + Expect(expression_nc, _after_op("ExpectedValueExpression"))),
        b.parameter_decl,
    )
    parameters = NL + Opt(parameter_decl + ZeroOrMore(NL_COMMA + parameter_decl)) + NL
    param_block = Build(
        ZeroOrMore(attribute + NL)
        + S(r"param(?=\s*\()")
        + NL
        + Enclosed(
            L(r"\("),
            parameters,
            RPAREN,
            "MissingEndParenthesisInFunctionParameterList",
            b.param_block,
            error_after=True,
        ),
        b.attributed_param_block,
    )
    # A body that starts with a block name is a list of named blocks (PS: Parser.cs NamedBlockListRule).
    named_block = Build(
        NL + L(r"(?:begin|process|end|dynamicparam|clean)(?![^\s(){};|&,])") + NL + Expect(block, _missing_named_block),
        b.named_block,
    )
    # Once a named block is seen, only named blocks may follow (PS: Parser.cs MissingNamedBlocks).
    only_blocks = Expect(FollowedBy(L(r"\}|\Z")), _misplaced_statement)
    script_body <<= Build(
        NL + Opt(param_block + Opt(SEPS)) + NL + (named_block[1, ...] + NL + only_blocks | statement_list),
        b.script_body,
    )
    function_body = Enclosed(L(r"\{"), script_body, RBRACE, "MissingEndCurlyBrace", b.braced_script_block)
    function_statement = Build(
        keyword("function|filter", keep=True)
        + NL
        + Expect(L(r"[^\s(){};|&,]+"), fail_with("MissingNameAfterKeyword", "function"))
        + NL
        + Opt(
            Enclosed(
                L(r"\("),
                parameters,
                RPAREN,
                "MissingEndParenthesisInFunctionParameterList",
                b.parameter_list,
                error_after=True,
            )
        )
        + NL
        + Expect(function_body, fail_with("MissingFunctionBody")),
        bs.function_definition,
    )

    # ------------------------------------------------------------------ try, flow control, labels
    catch = Build(
        NL
        + keyword("catch")
        # the type may be on the next line: `catch` newline `[IOException] {` (TryCatch.Tests.ps1)
        + Opt(NL + type_literal + ZeroOrMore(NL_COMMA + Expect(type_literal, _after("MissingTypeLiteralToken"))))
        + body("MissingCatchHandlerBlock"),
        bs.catch_clause,
    )
    finally_ = Build(NL + keyword("finally") + body("MissingFinallyStatementBlock"), bs.finally_clause)
    try_statement = Build(
        keyword("try") + body("MissingTryStatementBlock") + ZeroOrMore(catch) + Opt(finally_), bs.try_statement
    )
    flow_statement = Build(
        keyword("return|throw|exit", keep=True) + Opt(chain)
        | keyword("break|continue", keep=True) + Opt(L(r"[^\W\d]\w*")),
        bs.flow_statement,
    )
    loop = foreach_statement | for_statement | while_statement | do_statement | switch_statement
    labeled = Build(L(r":(?P<label>[^\W\d]\w*)", lambda m, s: m) + NL + loop, bs.labeled)

    # `data [name] [-SupportedCommand a,b] { ... }` (Docs: about_Data_Sections.md): its output,
    # or the variable `name` set to it.  The restricted-language checks are not made.
    data_statement = Build(
        keyword("data")
        + NL
        + Opt(L(r"[^\W\d][\w]*(?![^\s{])", lambda m, span: b.Part("name", m.group())))
        + NL
        + Opt(
            L(rf"{D}(?P<p>[^\W\d][^\s{{}}();,|&.\[:{_QUOTES}]*)", bs.data_parameter)
            + NL
            + Expect(arg_single, _after("MissingValueForSupportedCommandInDataSectionStatement"))
            + ZeroOrMore(COMMA + Expect(arg_single, _after("MissingValueForSupportedCommandInDataSectionStatement")))
        )
        + NL
        + Expect(block, fail_with("MissingStatementBlockForDataSection")),
        bs.data_statement,
    )
    # Keywords whose statements pscompat cannot run are refused while parsing, in PowerShell's
    # words for a keyword it does not support (ParserStrings.resx ReservedKeywordNotAllowed).
    unsupported = Build(keyword("configuration", keep=True), bs.unsupported_keyword)
    types = type_statements(
        SharedRules(NL, SEPS, attribute, type_literal, variable, parameters, function_body, expression_nc)
    )
    # Docs: about_Trap.md.  Until nodes.Trap exists, `trap` is refused like the keywords above.
    trap_statement = Build(
        keyword("trap", keep=True) + NL + Opt(type_literal) + NL + Expect(block, _after("MissingTrapStatement")),
        bs.trap_statement,
    )

    keyword_start = FollowedBy(keyword("|".join(STATEMENT_KEYWORDS)))
    statement <<= Dispatch(
        [
            (
                "iIfFwWdDsStTrReEbBcCuU",
                keyword_start
                + (
                    if_statement
                    | loop
                    | function_statement
                    | try_statement
                    | flow_statement
                    | data_statement
                    | trap_statement
                    | types.keyword_statement
                    | unsupported
                ),
            ),
            (":", labeled),
            ("[", types.attributed_statement),
            # A statement cannot start with `|` (`if ($x) {} | Out-Null`): PS: Parser.cs PipelineRule.
            ("|", FollowedBy(L(r"\|(?!\|)")) + Expect(pp.NoMatch(), fail_with("EmptyPipeElement"))),
            (None, chain),
        ]
    )
    # A block may start with empty statements: `catch { ; }` (PS: Parser.cs StatementListRule
    # skips semicolons as it skips newlines).
    statement_list <<= S(r"(?>(?:[\s;]+|`\s|<#[\s\S]*?#>|#[^\r\n]*)*)") + ZeroOrMore(statement + Opt(SEPS))

    finish_elements(script_body, short_path)
    return script_body


@functools.cache
def grammar_root() -> pp.ParserElement:
    """The grammar, built once (the first parse pays ~15 ms for it)."""
    return build_grammar()


# Deep nesting.  pyparsing descends ~70-80 Python frames per nesting level (a paren inside a
# paren goes through statement, pipeline, expression, operators, postfix, primary...), so the
# default limit of 1,000 frames stops at ~12 levels.  As pwsh does (Parser.cs ParseTask: on
# InsufficientExecutionStackException it parses again on a new thread, then reports
# ScriptTooComplicated), a parse that runs out of frames is tried once more on a thread of its
# own with a large stack and frame limit; past that, the error is positioned where the nesting
# got too deep.  Restructuring the grammar to use fewer frames per level would not remove the
# limit, only move it.  CPython 3.11+ runs Python-to-Python calls without C recursion, so the
# stack size is a safety margin for the C calls in between; only touched pages cost memory.
# Frames a level takes (measured): 78 a script block, 75 a `$( )` in a string, 73 a hashtable,
# 69 an array expression, 66 a paren, 40-60 if/foreach/function/switch/method call, 8 a unary
# operator.  120,000 frames hold 1,500 levels of the hungriest; a script nested deeper gets
# ScriptTooComplicated after a few seconds instead of a crash.
DEEP_FRAMES = 120_000
_DEEP_STACK = 512 << 20
_deep_parse = threading.Lock()


def parse(text: str, name: str = "<script>") -> nodes.ScriptBlock:
    """Parse a whole script.  Raises ParseError, or IncompleteInputError when the text ended
    where PowerShell would ask for another line."""
    try:
        return _parse_once(text, name)
    except _TooDeep:
        return _parse_on_deep_stack(text, name)


class _TooDeep(Exception):
    """The parse ran out of Python frames (see DEEP_FRAMES)."""

    def __init__(self, fail: SyntaxFail) -> None:
        super().__init__(fail.error_id)
        self.fail = fail


def _parse_once(text: str, name: str) -> nodes.ScriptBlock:
    grammar = grammar_root()
    try:
        end, tokens = parse_at(grammar, text, 0)
        end = skip_gap(text, end)
        if end < len(text):
            raise unexpected_token(text, end)
    except SyntaxFail as fail:
        if fail.error_id == "ScriptTooComplicated":
            raise _TooDeep(fail) from None
        raise to_parse_error(fail, text, name) from None
    except pp.ParseBaseException as exc:  # a failure no rule turned into a message
        raise to_parse_error(unexpected_token(text, exc.loc), text, name) from None
    except RecursionError:  # deeper than any nesting construct (Enclosed, Expect) could report
        raise _TooDeep(SyntaxFail("ScriptTooComplicated", 0, Span(0, 1))) from None
    script = tokens[0]
    return nodes.ScriptBlock(
        Span(0, len(text)), script.param_block, script.begin, script.process, script.end, text, script.clean
    )


def _parse_on_deep_stack(text: str, name: str) -> nodes.ScriptBlock:
    outcome: list[nodes.ScriptBlock | BaseException] = []

    def run() -> None:
        try:
            outcome.append(_parse_once(text, name))
        except _TooDeep as deep:
            outcome.append(to_parse_error(deep.fail, text, name))
        except BaseException as exc:  # handed to the calling thread
            outcome.append(exc)

    # One deep parse at a time: the frame limit is process-wide and is put back afterwards.
    with _deep_parse:
        limit = sys.getrecursionlimit()
        sys.setrecursionlimit(max(limit, DEEP_FRAMES))
        try:
            stack = threading.stack_size(_DEEP_STACK)
            try:
                worker = threading.Thread(target=run, name="pscompat-deep-parse", daemon=True)
                worker.start()
            finally:
                threading.stack_size(stack)
            worker.join()
        finally:
            sys.setrecursionlimit(limit)
    (result,) = outcome
    if isinstance(result, BaseException):
        raise result
    return result


@functools.lru_cache(maxsize=256)
def parse_cached(text: str, name: str = "<script>") -> nodes.ScriptBlock:
    """`parse` with an LRU cache: nodes are immutable, so callers can share the tree."""
    return parse(text, name)
