"""Lexical layer of the PowerShell grammar: token patterns, literal values and the few custom
pyparsing elements the grammar is built from.

PowerShell's tokenizer is mode dependent (PS: src/System.Management.Automation/engine/parser/
tokenizer.cs), so instead of a separate lexer every token is a regex matched where the grammar
expects it (pyparsing is scannerless).  Newlines are statement separators, so elements skip only
blanks, backtick-newline continuations and comments (`skip_gap`), never newlines.
"""

from __future__ import annotations

import re
from decimal import Decimal

import pyparsing as pp

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
_GAP = re.compile(rf"(?:{GAP_CHARS}+|`\s|<#[\s\S]*?#>|#[^\r\n]*)*")


_GAP_FIRST = frozenset(" \t\f\v\u00a0\u0085\ufeff`<#")


def skip_gap(text: str, loc: int) -> int:
    # Called before every token; most of the time a token starts right there, so the regex
    # only runs when the next character can begin a gap.
    if text[loc : loc + 1] not in _GAP_FIRST:
        return loc
    end = _GAP.match(text, loc).end()
    if text.startswith("<#", end):
        raise SyntaxFail("MissingTerminatorMultiLineComment", len(text), Span(end, len(text)))
    return end


def finish_elements(root: pp.ParserElement) -> None:
    """Per element of the finished grammar: whitespace-skipping elements skip PowerShell blanks
    instead of pyparsing's default whitespace (which includes newlines), and plain elements
    parse through the short path of _direct_parse.  Done per element, so other users of
    pyparsing are not affected; one regex call is also much cheaper than `ignore()`."""
    seen: set[int] = set()
    todo = [root]
    while todo:
        element = todo.pop()
        if id(element) in seen:
            continue
        seen.add(id(element))
        if element.skipWhitespace:
            element.preParse = skip_gap
        if _plain(element):
            element._parse = _specialised_parse(element) or _direct_parse(element)
        todo.extend(element.recurse())


def _specialised_parse(element: pp.ParserElement):
    """The two most frequent elements, a sequence and a token, with their parseImpl inlined:
    a quarter of a parse's calls were these."""
    if _results is pp.ParseResults:  # pyparsing's ParseResults is not what _results_maker knows
        return None
    if type(element) is pp.And and not any(type(e) is pp.And._ErrorStop for e in element.exprs):
        return _sequence_parse(element)
    if type(element) is Lexeme:
        return _lexeme_parse(element)
    return None


def _sequence_parse(element: pp.And):
    first, rest = element.exprs[0], tuple(element.exprs[1:])
    pre_parse, call_pre, results = element.preParse, element.callPreparse, _results

    def parse(instring, loc, do_actions=True, callPreParse=True):
        if callPreParse and call_pre:
            loc = pre_parse(instring, loc)
        try:
            loc, got = first._parse(instring, loc, do_actions, False)
            tokens = list(got._toklist)
            for e in rest:
                loc, got = e._parse(instring, loc, do_actions)
                tokens += got._toklist  # no element has a results name: the lists are all there is
        except IndexError:
            raise pp.ParseException(instring, len(instring), element.errmsg, element) from None
        return loc, results(tokens)

    return parse


def _lexeme_parse(element: Lexeme):
    match, build, suppressed = element.regex.match, element.build, element.suppressed
    pre_parse, call_pre, results, errmsg = element.preParse, element.callPreparse, _results, element.errmsg

    def parse(instring, loc, do_actions=True, callPreParse=True):
        if callPreParse and call_pre:
            loc = pre_parse(instring, loc)
        found = match(instring, loc)
        if found is None:
            raise pp.ParseException(instring, loc, errmsg, element)
        end = found.end()
        if suppressed:
            return end, results([])
        if build is None:
            return end, results([found.group()])
        return end, results([build(found, Span(loc, end))])

    return parse


def _plain(element: pp.ParserElement) -> bool:
    """Does the element use none of what pyparsing's general _parseNoCache is there for?"""
    return (
        not (element.parseAction or element.failAction or element.debug or element.resultsName)
        and type(element).postParse is pp.ParserElement.postParse
    )


def _direct_parse(element: pp.ParserElement):
    """pyparsing's _parseNoCache runs debug hooks, fail actions, parse actions, result names and
    postParse around every element; the grammar's elements use none of them (see _plain), so
    they parse through this shorter path: the same blank skipping, the same IndexError rule,
    the same ParseResults.  A third of a parse's time was that bookkeeping."""
    parse_impl, pre_parse, call_pre = element.parseImpl, element.preParse, element.callPreparse
    results, parse_results = _results, pp.ParseResults

    def parse(instring, loc, do_actions=True, callPreParse=True):
        if callPreParse and call_pre:
            loc = pre_parse(instring, loc)
        try:
            end, tokens = parse_impl(instring, loc, do_actions)
        except IndexError:
            raise pp.ParseException(instring, len(instring), element.errmsg, element) from None
        if type(tokens) is list:
            return end, results(tokens)
        return end, tokens if isinstance(tokens, parse_results) else parse_results(tokens)

    return parse


def adjacent(element: pp.ParserElement) -> pp.ParserElement:
    """An element that must touch the previous token (`$x.Name`, `$a[0]`, `.Trim()`)."""
    return element.leave_whitespace(recursive=False)


# ----------------------------------------------------------------------------- custom elements

_SLOTS = ("_name", "_parent", "_all_names", "_toklist", "_tokdict", "_modal")


def _results_maker():
    """A ParseResults of a plain token list, without pyparsing's general constructor (which
    handles names, nesting and a deprecated keyword): a large share of a parse was spent
    building these.  Checked against the real constructor once, so a pyparsing whose
    ParseResults looks different gets the general constructor back."""
    new = object.__new__
    cls = pp.ParseResults

    def make(tokens: list):
        r = new(cls)
        r._name = None
        r._parent = None
        r._all_names = set()
        r._toklist = tokens
        r._tokdict = {}
        r._modal = True
        return r

    try:
        fast, real = make(["x"]), cls(["x"])
        if (
            set(getattr(cls, "__slots__", ())) >= set(_SLOTS)
            and all(getattr(fast, s) == getattr(real, s) for s in _SLOTS)
            and fast.as_list() == ["x"]
        ):
            return make
    except Exception:
        pass
    return cls


_results = _results_maker()


class Lexeme(pp.Token):
    """One regex token, optionally turned straight into a node by `build(match, span)`."""

    def __init__(self, pattern: str, build=None, flags: int = re.I, suppress: bool = False):
        super().__init__()
        self.regex = re.compile(pattern, flags)
        self.build = build
        self.suppressed = suppress  # punctuation and keywords: no token, and no Suppress wrapper
        self.errmsg = "Expected " + pattern
        self.mayReturnEmpty = self.regex.match("") is not None
        self.mayIndexError = False

    def parseImpl(self, instring, loc, do_actions=True):
        match = self.regex.match(instring, loc)
        if match is None:
            raise pp.ParseException(instring, loc, self.errmsg, self)
        end = match.end()
        if self.suppressed:
            return end, []
        if self.build is None:
            return end, [match.group()]
        return end, [self.build(match, Span(loc, end))]


class Scanned(pp.Token):
    """A token read by a hand-written scanner `scan(text, loc) -> (end, node) | None` (strings and
    argument-mode words, whose `$( )` parts need the statement grammar recursively)."""

    def __init__(self, scan, name: str):
        super().__init__()
        self.scan = scan
        self.errmsg = "Expected " + name
        self.mayReturnEmpty = False
        self.mayIndexError = False

    def parseImpl(self, instring, loc, do_actions=True):
        result = self.scan(instring, loc)
        if result is None:
            raise pp.ParseException(instring, loc, self.errmsg, self)
        return result[0], [result[1]]


class Dispatch(pp.ParseExpression):
    """A MatchFirst that only tries the alternatives able to start with the next character.
    `alternatives` is a list of (first characters or None for any, element), in priority order.
    PowerShell tokens are mostly told apart by their first character, and each failed
    alternative costs a pyparsing exception, so this is the grammar's main speed-up."""

    def __init__(self, alternatives):
        elements = [element for _, element in alternatives]
        super().__init__(elements)
        chars = {c for first, _ in alternatives if first for c in first}
        self.table = {c: [e for first, e in alternatives if first is None or c in first] for c in chars}
        self.default = [e for first, e in alternatives if first is None]
        # The first character is looked at after the blanks, unless every alternative is
        # adjacent to what precedes it (postfix operators).
        self.skipWhitespace = any(e.skipWhitespace for e in elements)
        self.callPreparse = True
        self.mayReturnEmpty = False
        self.mayIndexError = False

    def parseImpl(self, instring, loc, do_actions=True):
        error = None
        for element in self.table.get(instring[loc : loc + 1], self.default):
            try:
                return element._parse(instring, loc, do_actions)
            except pp.ParseException as exc:
                error = exc
        raise error or pp.ParseException(instring, loc, self.errmsg, self)


class Build(pp.ParseElementEnhance):
    """Match `expr`, then replace its tokens by `build(text, start, end, tokens)`: a node whose
    span is exactly the matched text (a parse action would not know where the match ends)."""

    def __init__(self, expr, build):
        super().__init__(expr)
        self.build = build

    def parseImpl(self, instring, loc, do_actions=True):
        end, tokens = self.expr._parse(instring, loc, do_actions, callPreParse=False)
        node_end = end  # an optional tail may have skipped blanks that are not part of the node
        while node_end > loc and instring[node_end - 1] in " \t":
            node_end -= 1
        return end, [self.build(instring, loc, node_end, tokens)]


class Expect(pp.ParseElementEnhance):
    """`expr` is required here.  Like pyparsing's `-` error stop, but the failure becomes a
    SyntaxFail carrying PowerShell's message: `error(text, loc) -> SyntaxFail`."""

    def __init__(self, expr, error):
        super().__init__(expr)
        self.error = error

    def parseImpl(self, instring, loc, do_actions=True):
        try:
            return self.expr._parse(instring, loc, do_actions, callPreParse=False)
        except pp.ParseException:
            raise self.error(instring, loc) from None


class Enclosed(pp.ParseElementEnhance):
    """`open body close`: once the opener matched, a missing closer is a SyntaxFail that points
    at the opener, as pwsh does for `Missing closing '}'`."""

    def __init__(self, opener, body, closer, error_id: str, build, error_after: bool | str = False):
        super().__init__(body)
        self.opener, self.closer = opener, closer
        self.error_id = error_id
        self.error_after = error_after  # point after the last token instead of at the opener
        self.build = build
        self.skipWhitespace = opener.skipWhitespace

    def recurse(self):
        return [self.opener, self.expr, self.closer]

    def parseImpl(self, instring, loc, do_actions=True):
        open_end, _ = self.opener._parse(instring, loc, do_actions, callPreParse=False)
        body_end, tokens = self.expr._parse(instring, open_end, do_actions)
        try:
            end, _ = self.closer._parse(instring, body_end, do_actions)
        except pp.ParseException:
            at = skip_gap(instring, body_end)
            if self.error_after == "opener":  # right after the opener (hash literals)
                raise SyntaxFail(self.error_id, at, Span(open_end, open_end)) from None
            if self.error_after:
                after = len(instring[:at].rstrip())
                raise SyntaxFail(self.error_id, at, Span(after, after)) from None
            raise SyntaxFail(self.error_id, at, Span(loc, open_end)) from None
        return end, [self.build(instring, loc, end, tokens)]


def fail_with(error_id: str, *args, token_arg: bool = False):
    """An `Expect` error factory: SyntaxFail at the failure point (or its token)."""

    def error(text, loc):
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


def _signed(value: int, bits: int) -> int:
    """Hex/binary literals are two's complement of the smallest fitting width (0xFFFFFFFF is -1)."""
    return value - (1 << bits) if value >= 1 << (bits - 1) else value


def number_value(text: str):
    """The value of a numeric literal, typed as PowerShell types it (int32 -> int64 -> decimal
    -> double for plain integers; `d` decimal; `l` long; reals are doubles)."""
    parts = _NUMBER_PARTS.match(text)
    suffix = (parts["suffix"] or "").lower()
    mult = _MULTIPLIER.get((parts["mult"] or "").lower(), 1)
    negative = parts["sign"] not in ("", "+")
    if parts["hex"] or parts["bin"]:
        raw = int(parts["hex"], 16) if parts["hex"] else int(parts["bin"], 2)
        if suffix == "l" or (not suffix and raw >= 1 << 32):
            raw = _signed(raw, 64) if raw < 1 << 64 else raw
        elif not suffix:
            raw = _signed(raw, 32)
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
            value = int(digits) * mult
            if not suffix and value >= _INT64:
                value = Decimal(value) if value <= _DECIMAL_MAX else float(value)
    value = -value if negative else value
    if isinstance(value, int):
        # A hex/binary literal wider than 32 bits is an Int64 even when its value fits Int32.
        digits_value = int(parts["hex"], 16) if parts["hex"] else int(parts["bin"] or "0", 2)
        wide = bool(parts["hex"] or parts["bin"]) and not suffix and digits_value >= 1 << 32
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


def _typed_integer(value: int, suffix: str):
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


def variable_name(match) -> tuple[str, bool]:
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
TYPE_NAME = r"[\w.`+]+(?:\[(?:[^\[\]]|\[(?:[^\[\]]|\[[^\[\]]*\])*\])*\])*"
