"""Lexical layer of the PowerShell grammar: token patterns, blank skipping and literal values.

PowerShell's tokenizer is mode dependent (PS: src/System.Management.Automation/engine/parser/
tokenizer.cs), so instead of a separate lexer every token is a regex matched where the grammar
expects it (pyparsing is scannerless); the pyparsing elements themselves are in
pyparsing_internals.py.  Newlines are statement separators, so elements skip only
blanks, backtick-newline continuations and comments (`skip_gap`), never newlines.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from pscompat.source import Span
from pscompat.syntax.parse_errors import SyntaxFail, unexpected_token

# Docs: Spec chapter-02.md `dash:`; PS: CharTraits.cs IsDash / IsSingleQuote / IsDoubleQuote.
DASH = "-\u2013\u2014\u2015"
SQUOTE = "'\u2018\u2019\u201a\u201b"
DQUOTE = '"\u201c\u201d\u201e'
DASH_CLASS = "\\-\u2013\u2014\u2015"  # DASH, usable inside a regex [class]
D = f"[{DASH_CLASS}]"
SIGN = f"[{DASH_CLASS}+]"

# Blanks inside a statement: spaces, `<newline> continuation, <# #> and # comments
# (Docs: about_Parsing.md "Line continuation"; about_Comments.md).
# A backtick before any whitespace is skipped with it, so `` ` `` + newline continues the line
# (PS: tokenizer.cs SkipWhiteSpace/ScanLineContinuation).
GAP_CHARS = "[ \t\f\v\u00a0\u0085\ufeff]"
# Atomic (?>...): blanks once skipped are never re-split (see grammar._BLANKS).
_GAP = re.compile(rf"(?>(?:{GAP_CHARS}+|`\s|<#[\s\S]*?#>|#[^\r\n]*)*)")


_GAP_FIRST = frozenset(" \t\f\v\u00a0\u0085\ufeff`<#")


def skip_gap(text: str, loc: int) -> int:
    # Called before every token; most of the time a token starts right there, so the regex
    # only runs when the next character can begin a gap.
    if text[loc : loc + 1] not in _GAP_FIRST:
        return loc
    gap = _GAP.match(text, loc)
    end = gap.end() if gap else loc  # the pattern matches empty text: never None
    if text.startswith("<#", end):
        raise SyntaxFail("MissingTerminatorMultiLineComment", len(text), Span(end, len(text)))
    return end


def fail_with(error_id: str, *args: object, token_arg: bool = False) -> Callable[[str, int], SyntaxFail]:
    """An `Expect` error factory: SyntaxFail at the failure point (or its token)."""

    def error(text: str, loc: int) -> SyntaxFail:
        at = skip_gap(text, loc)
        if token_arg:
            return unexpected_token(text, at)
        return SyntaxFail(error_id, at, Span(at, at), args)

    return error


# ----------------------------------------------------------------------------- numbers

# Docs: Core/About/about_Numeric_Literals.md (types, suffixes, multipliers).
NUMBER = (
    r"(?:0x[0-9a-f]+|0b[01]+|(?:\d+(?:\.(?!\.)\d*)?|\.\d+)(?:e[+-]?\d+)?)"
    r"(?:ul|us|uy|[lusynd])?(?:kb|mb|gb|tb|pb)?(?![\w?])"
)  # `1?2:3` is a command name (Parsing.Tests.ps1)
_NUMBER_PARTS = re.compile(
    r"(?P<sign>[-\u2013\u2014\u2015+]?)(?:0x(?P<hex>[0-9a-f]+)|0b(?P<bin>[01]+)|(?P<dec>[\d.]+(?:e[+-]?\d+)?))"
    r"(?P<suffix>ul|us|uy|[lusynd])?(?P<mult>kb|mb|gb|tb|pb)?$",
    re.I,
)
_MULTIPLIER = {"kb": 1 << 10, "mb": 1 << 20, "gb": 1 << 30, "tb": 1 << 40, "pb": 1 << 50}
_INT32, _INT64 = 1 << 31, 1 << 63
_DECIMAL_MAX = Decimal("79228162514264337593543950335")


def _hex_value(digits: str, suffix: str) -> tuple[int, str]:
    """A hex literal's value and the suffix that types it, by PowerShell's rules (PS:
    tokenizer.cs TryGetNumberValue): the digits are read as a signed number when they fill
    exactly the width of their type (8 digits an Int32, 16 an Int64, 2 with `y`, 4 with `s`),
    so `0xFFFFFFFF` is -1; a literal of 15 or 16 digits is an Int64 even when its value is
    small; any other literal is a positive number (wider ones are then too large unless
    their suffix is `n`).  An unsigned suffix never reads a sign."""
    signed_width = 0
    if "u" not in suffix:
        padded = len(digits) + 1  # as PowerShell counts: one leading zero keeps a sign bit clear
        expected = {"y": 2, "s": 4, "l": 16}.get(suffix, 8 if padded < 16 else 16)
        if padded == expected + 1:
            signed_width = 4 * len(digits)
        if padded - (1 if signed_width else 0) == 16 and not suffix:
            suffix = "l"
    elif len(digits) + 1 == 16 and suffix == "u":
        suffix = "ul"
    value = int(digits, 16)
    if signed_width and value >= 1 << (signed_width - 1):
        value -= 1 << signed_width
    return value, suffix


def _binary_signed(value: int, bits: int) -> int:
    """Binary literals are two's complement of the smallest fitting width (0b1111...1 is -1)."""
    return value - (1 << bits) if value >= 1 << (bits - 1) else value


def number_value(text: str) -> Any:
    """The value of a numeric literal, typed as PowerShell types it (int32 -> int64 -> decimal
    -> double for plain integers; `d` decimal; `l` long; reals are doubles)."""
    parts = _NUMBER_PARTS.match(text)
    if parts is None:  # the grammar matched NUMBER first, so only a caller's mistake gets here
        raise ValueError(text)
    suffix = (parts["suffix"] or "").lower()
    mult = _MULTIPLIER.get((parts["mult"] or "").lower(), 1)
    negative = parts["sign"] not in ("", "+")
    wide = False  # typed Int64 by its width, whatever its value
    if parts["hex"]:
        raw, typed = _hex_value(parts["hex"], suffix)
        wide, suffix = typed == "l" and suffix != "l", typed
        value: int | float | Decimal = raw * mult
    elif parts["bin"]:
        raw = int(parts["bin"], 2)
        wide = not suffix and raw >= 1 << 32
        if suffix == "l" or wide:
            raw = _binary_signed(raw, 64) if raw < 1 << 64 else raw
        elif not suffix:
            raw = _binary_signed(raw, 32)
        value = raw * mult
    else:
        digits = parts["dec"]
        real = "." in digits or "e" in digits.lower()
        if suffix == "d":
            value = Decimal(digits) * mult
        elif real and suffix:  # `1.0l`: an integer suffix takes a real only when it is whole
            real_value = float(digits) * mult
            if not real_value.is_integer():
                raise ValueError(text)
            value = int(real_value)
        elif real:
            value = float(digits) * mult
        else:
            whole = int(digits) * mult
            value = whole
            if not suffix and whole >= _INT64:
                value = Decimal(whole) if whole <= _DECIMAL_MAX else float(whole)
    value = -value if negative else value
    if isinstance(value, int):
        if parts["hex"] and not suffix and not -_INT64 <= value < _INT64:
            raise ValueError(text)  # no type holds it: PowerShell's BadNumericConstant
        return _typed_integer(value, "l" if wide else suffix)
    return value


# Docs: about_Numeric_Literals.md, type suffixes; an integer out of its type's range is not a number.
_SUFFIX_RANGES = {
    "y": ("SByte", -128, 127),
    "uy": ("Byte", 0, 255),
    "s": ("Int16", -32768, 32767),
    "us": ("UInt16", 0, 65535),
    "l": ("Int64", -_INT64, _INT64 - 1),
    "ul": ("UInt64", 0, (1 << 64) - 1),
}


def _typed_integer(value: int, suffix: str) -> Any:
    from pscompat.values.dotnet import integers as numtypes

    if suffix == "n":
        return numtypes.BigInteger(value)
    if suffix == "u":
        suffix = "ul" if value > 0xFFFFFFFF else ""
        if not suffix:
            if not 0 <= value <= 0xFFFFFFFF:
                raise ValueError(value)
            return numtypes.UInt32(value)
    if suffix in _SUFFIX_RANGES:
        name, low, high = _SUFFIX_RANGES[suffix]
        if not low <= value <= high:
            raise ValueError(value)
        return getattr(numtypes, name)(value)
    return value


# Where an argument-mode token ends (Docs: about_Parsing.md, metacharacters).
ARG_END = re.compile(r"[\s;,|&(){}<>]|\Z")

# ----------------------------------------------------------------------------- variables

# `$name`, `$scope:name`, `${any name}`, `$$`, `$^`, `$?`, `$_`.  `?` is a variable character
# (Docs: about_Operators.md, null-conditional operators: use `${a}?.b`).  A name may hold several
# colons, but not `::` (PS: tokenizer.cs ScanVariable: `$Variable:a:b:c` is one token); escapes,
# `u{...} included, are decoded inside braces.
VARIABLE = (
    r"\$(?:\{(?P<braced>(?:`u\{[0-9A-Fa-f]{1,6}\}|`[\s\S]|[^}`])*)\}"
    r"|(?P<name>\w(?:[\w?]|:(?!:))*|[$?^]))"
)


def variable_name(match: re.Match[str]) -> tuple[str, bool]:
    if match["braced"] is not None:
        from pscompat.syntax.strings import decode_escapes

        return decode_escapes(match["braced"]), True
    name = match["name"]
    if name.endswith(":") and name.count(":") == 1:
        # `$a:` names drive `a:` with no variable (PS: VariablePath.UnqualifiedPath is empty).
        raise SyntaxFail("InvalidVariableReferenceWithDrive", match.start(), Span(match.start(), match.end()))
    return name, False


# ----------------------------------------------------------------------------- operators

# Binary precedence from PS: src/System.Management.Automation/engine/parser/token.cs
# (TokenFlags.BinaryPrecedence*): all binary operators are left associative.
_COMPARISON = (
    "eq",
    "ne",
    "gt",
    "ge",
    "lt",
    "le",
    "like",
    "notlike",
    "match",
    "notmatch",
    "contains",
    "notcontains",
    "in",
    "notin",
    "replace",
    "split",
)
PRECEDENCE = {
    "-and": 1,
    "-or": 1,
    "-xor": 1,
    "-band": 2,
    "-bor": 2,
    "-bxor": 2,
    "-is": 5,
    "-isnot": 5,
    "-as": 5,
    "-join": 5,
    "-shl": 5,
    "-shr": 5,
    "??": 7,
    "+": 9,
    "-": 9,
    "*": 10,
    "/": 10,
    "%": 10,
    "-f": 12,
    "..": 13,
}
for _op in _COMPARISON:
    for _prefix in ("", "c", "i"):
        PRECEDENCE[f"-{_prefix}{_op}"] = 5

_DASH_OPS = "|".join(sorted((op[1:] for op in PRECEDENCE if op.startswith("-") and len(op) > 1), key=len, reverse=True))
BINARY_OP = (
    rf"{D}(?:{_DASH_OPS})(?![\w-])|\?\?(?!=)|\.\.|\+(?![+=])|\*(?![=>])|/(?!=)|%(?!=)"
    rf"|{D}(?![{DASH_CLASS}=A-Za-z_])"
)
# Prefix operators: Docs: about_Operators.md; PS: Parser.cs UnaryExpressionRule.
UNARY_OP = (
    rf"!|{D}(?:not|bnot|split|csplit|isplit|join)(?![\w-])|\+\+|{D}{D}|,"
    rf"|{D}(?![A-Za-z_=])|\+(?!=)"
)
ASSIGN_OP = rf"=(?!=)|\+=|{D}=|\*=|/=|%=|\?\?="


# What starts an expression statement rather than a command (Docs: about_Parsing.md).
EXPRESSION_START = (
    rf"\$[\w?^${{(:]|[(\[{{!,{SQUOTE}{DQUOTE}]|@[({{{SQUOTE}{DQUOTE}\w]|\+|\.\d|{NUMBER}"
    rf"|{D}(?:\d|\.\d|[ \t$(\[@{{{SQUOTE}{DQUOTE}{DASH_CLASS}]|(?:not|bnot|split|csplit|isplit|join)(?![\w-]))"
)
STATEMENT_KEYWORDS = (
    "if",
    "foreach",
    "for",
    "while",
    "do",
    "switch",
    "function",
    "filter",
    "try",
    "return",
    "throw",
    "exit",
    "break",
    "continue",
    "data",
    "class",
    "enum",
    "using",
    "trap",
    "configuration",
)


def canonical_op(text: str) -> str:
    """Operators are stored lower-case with an ASCII dash (nodes.py conventions)."""
    if text[0] in DASH:
        return "-" + text[1:].lower()
    return text


# ----------------------------------------------------------------------------- type names

# `[int]`, `[string[]]`, `[System.Collections.Generic.List[string]]`, `[Dictionary[string, int]]`.
_TYPE_ARGUMENTS = r"\[(?:[^\[\]]|\[(?:[^\[\]]|\[[^\[\]]*\])*\])*\]"
# A type name; blanks may come before its brackets (`[string []]`, PS: Parser.cs TypeNameRule).
PLAIN_TYPE_NAME = rf"[\w.`+]+(?:[ \t]*{_TYPE_ARGUMENTS})*"
# ... and in a type literal an assembly name may follow a comma:
# `[System.Collections.Generic.List[string], System.Private.CoreLib]` (Parsing.Tests.ps1).
TYPE_NAME = rf"{PLAIN_TYPE_NAME}(?:[ \t]*,[ \t]*[\w.]+(?:[ \t]*,[ \t]*[\w.]+[ \t]*=[ \t]*[\w.-]+)*)?"
