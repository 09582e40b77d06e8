"""Scanners for quoted strings, here-strings and argument-mode bare words.

These are hand-written loops plugged into the grammar as `pyparsing_internals.Scanned` tokens because a
`$( )` inside a string holds whole statements (with their own strings): the scanner hands that
part back to the statement grammar (`subexpression`, a scanner the grammar provides) at the same offset.

Docs: Core/About/about_Quoting_Rules.md (expansion, doubled quotes, here-strings);
Core/About/about_Special_Characters.md (backtick escapes); about_Parsing.md (argument mode).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from pscompat.source import Span
from pscompat.syntax import nodes as n
from pscompat.syntax.lexer import DQUOTE, SQUOTE, VARIABLE, variable_name
from pscompat.syntax.parse_errors import SyntaxFail

# What a scanner returns: where the token ends and its node.
Scan = tuple[int, Any]

_ESCAPES = {"0": "\0", "a": "\a", "b": "\b", "e": "\x1b", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v"}
_VARIABLE = re.compile(VARIABLE, re.I)
_QUOTE_CHAR = re.compile(f"[{SQUOTE}]")
_DOUBLED_SINGLE = re.compile(f"([{SQUOTE}])[{SQUOTE}]")
_HERE_HEADER = re.compile(r"@([\"'\u2018\u2019\u201a\u201b\u201c\u201d\u201e])[ \t]*(\r?\n)?")
_HERE_CLOSE = {"'": re.compile(f"^[{SQUOTE}]@", re.M), '"': re.compile(f"^[{DQUOTE}]@", re.M)}
# Characters that end an argument-mode word (Docs: about_Parsing.md, metacharacters).
_WORD_STOP = frozenset(" \t\f\v\u00a0\r\n;,|&(){}")
_WORD_NO_START = _WORD_STOP | frozenset("@#<>") | frozenset(SQUOTE) | frozenset(DQUOTE)


def _single_end(text: str, i: int) -> int | None:
    """The index after the quote that closes a single-quoted string whose body starts at `i`,
    or None when none does.  `''` is an escaped quote (PS: tokenizer.cs ScanStringLiteral).
    A loop over the quotes, not a regex: `(?:[^']|'')*` kept a backtrack entry per character
    (a 10 MB string took 1.24 GB), and even a possessive one kept one per escaped quote."""
    search = _QUOTE_CHAR.search
    while True:
        found = search(text, i)
        if found is None:
            return None
        after = found.end()
        if text[after : after + 1] and text[after] in SQUOTE:
            i = after + 1
            continue
        return after


def _undouble(body: str) -> str:
    """A single-quoted body with each escaped quote pair made one quote (the first of the pair).
    str.replace when all quotes are ASCII: re.sub built a list entry per pair (13 times the
    text's size for a string of `it''s`)."""
    if not any(q in body for q in SQUOTE[1:]):
        return body.replace("''", "'")
    return _DOUBLED_SINGLE.sub(r"\1", body)


def _unterminated(start: int, text: str, terminator: str) -> SyntaxFail:
    return SyntaxFail("TerminatorExpectedAtEndOfString", len(text), Span(start, len(text)), (terminator,))


def decode_escape(text: str, i: int) -> tuple[str, int]:
    """The character for the backtick escape at text[i] == '`', and the index after it."""
    ch = text[i + 1]
    if ch == "u":
        return _unicode_escape(text, i)
    return _ESCAPES.get(ch, ch), i + 2


def _unicode_escape(text: str, i: int) -> tuple[str, int]:
    """`u{hex}: one to six hex digits, at most 0x10FFFF; the errors and their positions are
    pwsh's (PS: tokenizer.cs ScanUnicodeEscape)."""

    def fail(error_id: str, at: int, stop: int | None = None) -> SyntaxFail:
        return SyntaxFail(error_id, at, Span(at, at if stop is None else stop))

    if not text.startswith("{", i + 2):
        raise fail("InvalidUnicodeEscapeSequence", i, i + 2)
    j = i + 3
    for k in range(7):
        c = text[j] if j < len(text) else "\0"
        if c == "}":
            if k == 0:
                raise fail("InvalidUnicodeEscapeSequence", i, j + 1)
            break
        if c not in "0123456789abcdefABCDEF":
            raise fail("InvalidUnicodeEscapeSequence" if k < 6 else "MissingUnicodeEscapeSequenceTerminator", j)
        if k == 6:
            raise fail("TooManyDigitsInUnicodeEscapeSequence", j)
        j += 1
    value = int(text[i + 3 : j], 16)
    if value > 0x10FFFF:
        raise fail("InvalidUnicodeEscapeSequenceValue", i + 3, j)
    return chr(value), j + 1


def decode_escapes(text: str) -> str:
    """Every backtick escape in `text` decoded (`${a`u{2195}}` names a variable `a↕`)."""
    out, i = [], 0
    while i < len(text):
        if text[i] == "`" and i + 1 < len(text):
            ch, i = decode_escape(text, i)
        else:
            ch, i = text[i], i + 1
        out.append(ch)
    return "".join(out)


def literal_word(raw: str) -> str:
    """A bare word's text with its quotes and escapes removed but nothing expanded: what a
    command name means without `&` (PS: Parser.cs CommandRule, "a command name w/o invocation
    operator is not expandable"; Docs: about_Parsing.md, `a$a` runs the command `a$a`)."""
    out, i, size = [], 0, len(raw)
    while i < size:
        c = raw[i]
        if c == "`" and i + 1 < size:
            ch, i = decode_escape(raw, i)
            out.append(ch)
        elif c in SQUOTE:
            end = _single_end(raw, i + 1)
            stop = size if end is None else end
            out.append(_undouble(raw[i + 1 : stop - 1]))
            i = stop
        elif c in DQUOTE:
            j = i + 1
            while j < size and not (raw[j] in DQUOTE and raw[j + 1 : j + 2] not in tuple(DQUOTE)):
                if raw[j] == "`" and j + 1 < size:
                    ch, j = decode_escape(raw, j)
                else:
                    ch, j = raw[j], j + (2 if raw[j] in DQUOTE else 1)
                out.append(ch)
            i = j + 1
        else:
            out.append(c)
            i += 1
    return "".join(out)


class Parts:
    """Collects the literal and expression parts of an expandable string."""

    __slots__ = ("parts", "buf")

    def __init__(self) -> None:
        self.parts: list[str | n.Node] = []
        self.buf: list[str] = []

    def add(self, node: n.Node) -> None:
        if self.buf:
            self.parts.append("".join(self.buf))
            self.buf = []
        self.parts.append(node)

    def node(self, span: Span, kind: str, raw: str) -> n.StringConstant | n.ExpandableString:
        if not self.parts:
            return n.StringConstant(span, "".join(self.buf), kind)
        if self.buf:
            self.parts.append("".join(self.buf))
        return n.ExpandableString(span, tuple(self.parts), kind, raw)


class StringScanners:
    """Scanners bound to the grammar's `$( )` element."""

    def __init__(self, subexpression: Callable[[str, int], Scan] | None) -> None:
        self.subexpression = subexpression  # `$( )` at (text, loc) -> (end, node)

    def dollar(self, text: str, i: int) -> Scan | None:
        """`$name`, `${name}` or `$( )` at text[i] == '$' as (end, node); None for a literal `$`."""
        if text.startswith("$(", i) and self.subexpression is not None:
            return self.subexpression(text, i)
        if text.startswith("${", i) and text.find("}", i) < 0:
            raise SyntaxFail("IncompleteDollarVariableReference", len(text), Span(i, len(text)))
        match = _VARIABLE.match(text, i)
        if match is None:
            return None
        name, braced = variable_name(match)
        return match.end(), n.Variable(Span(i, match.end()), name, braced=braced)

    def single(self, text: str, loc: int) -> tuple[int, n.StringConstant] | None:
        if loc >= len(text) or text[loc] not in SQUOTE:
            return None
        return self._single_at(text, loc)

    def _single_at(self, text: str, loc: int) -> tuple[int, n.StringConstant]:
        end = _single_end(text, loc + 1)
        if end is None:
            raise _unterminated(loc, text, "'")
        value = _undouble(text[loc + 1 : end - 1])
        return end, n.StringConstant(Span(loc, end), value, "single")

    def double(self, text: str, loc: int) -> Scan | None:
        if loc >= len(text) or text[loc] not in DQUOTE:
            return None
        return self._double_at(text, loc)

    def _double_at(self, text: str, loc: int) -> tuple[int, n.StringConstant | n.ExpandableString]:
        parts, i, size = Parts(), loc + 1, len(text)
        while True:
            if i >= size:
                raise _unterminated(loc, text, '"')
            c = text[i]
            if c == "`":
                if i + 1 >= size:
                    raise _unterminated(loc, text, '"')
                ch, i = decode_escape(text, i)
                parts.buf.append(ch)
            elif c in DQUOTE:
                if i + 1 < size and text[i + 1] in DQUOTE:
                    parts.buf.append(c)
                    i += 2
                    continue
                end = i + 1
                return end, parts.node(Span(loc, end), "double", text[loc + 1 : i])
            elif c == "$" and (found := self.dollar(text, i)) is not None:
                i = found[0]
                parts.add(found[1])
            else:
                parts.buf.append(c)
                i += 1

    def here(self, text: str, loc: int) -> Scan | None:
        """`@'...'@` / `@"..."@`: the header ends its line, the closing mark starts a line, and
        the newlines next to both marks are not part of the value."""
        header = _HERE_HEADER.match(text, loc)
        if header is None:
            return None
        quote = "'" if header.group(1) in SQUOTE else '"'
        if header.group(2) is None:
            if header.end() >= len(text):
                raise _unterminated(loc, text, quote + "@")
            raise SyntaxFail(
                "UnexpectedCharactersAfterHereStringHeader", header.end(), Span(header.end(), header.end() + 1)
            )
        start = header.end()
        close = _HERE_CLOSE[quote].search(text, start)
        if close is None:
            raise _unterminated(loc, text, quote + "@")
        stop = close.start()
        if stop > start:  # drop the newline before the closing mark
            stop -= 2 if text.startswith("\r\n", stop - 2) else 1
        end, span, raw = close.end(), Span(loc, close.end()), text[start:stop]
        if quote == "'":
            return end, n.StringConstant(span, raw, "here_single")
        return end, self._expand_range(text, start, stop).node(span, "here_double", raw)

    def _expand_range(self, text: str, i: int, stop: int) -> Parts:
        parts = Parts()
        while i < stop:
            c = text[i]
            if c == "`" and i + 1 < stop:
                ch, i = decode_escape(text, i)
                parts.buf.append(ch)
            elif c == "$" and (found := self.dollar(text, i)) is not None:
                i = found[0]
                parts.add(found[1])
            else:
                parts.buf.append(c)
                i += 1
        return parts

    def word(self, text: str, loc: int) -> Scan | None:
        """An argument-mode bare word: `2+2`, `a$b`, `foo.exe`, `a'$x'b`.  Embedded quotes are
        concatenated, `$` expands, backtick escapes; `<>@#` are special only at the start."""
        size = len(text)
        if loc >= size or text[loc] in _WORD_NO_START:
            return None
        parts, i = Parts(), loc
        while i < size:
            c = text[i]
            if c in _WORD_STOP:
                break
            if c == "`":
                if i + 1 >= size or text[i + 1] in "\r\n":
                    break  # a line continuation ends the word
                ch, i = decode_escape(text, i)
                parts.buf.append(ch)
            elif c in SQUOTE:
                i, single = self._single_at(text, i)
                parts.buf.append(single.value)
            elif c in DQUOTE:
                i, node = self._double_at(text, i)
                if isinstance(node, n.StringConstant):
                    parts.buf.append(node.value)
                else:
                    for part in node.parts:
                        parts.buf.append(part) if isinstance(part, str) else parts.add(part)
            elif c == "$" and (found := self.dollar(text, i)) is not None:
                i = found[0]
                parts.add(found[1])
            else:
                parts.buf.append(c)
                i += 1
        if i == loc:
            return None
        return i, parts.node(Span(loc, i), "bare", text[loc:i])
