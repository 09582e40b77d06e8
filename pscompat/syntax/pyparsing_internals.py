"""Every use of pyparsing beyond its documented API, in one place.

The grammar (syntax/grammar.py) is built from pyparsing's public combinators plus the custom
elements below.  Writing a custom element means overriding `parseImpl` and calling
`ParserElement._parse` on sub-elements: pyparsing documents no other way to write one, but both
are internal.  The speed-ups (blank skipping through `preParse`, a short `_parse` path, building
`ParseResults` without the general constructor) touch internals too.  Each use says why it is
needed.  pyparsing is pinned to the minor versions these were checked on (pyproject.toml), and
tests/test_grammar_direct.py parses every spec script and parse-error case through the short
path and through pyparsing's own one: a pyparsing release that changes what these rely on
fails there first.

Nothing else in pscompat may touch a pyparsing internal: the other syntax modules use
pyparsing's public combinators (`+`, `|`, Opt, ZeroOrMore, Forward, FollowedBy, NotAny) and
`parse_at` below.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any, Literal

import pyparsing as pp

from pscompat.source import Span
from pscompat.syntax.lexer import skip_gap
from pscompat.syntax.parse_errors import SyntaxFail

# What a parse step returns: where it ended and its tokens.
Parsed = tuple[int, pp.ParseResults]
# What a parseImpl returns: pyparsing turns a plain list into ParseResults.
Impl = tuple[int, Any]
# The signature of ParserElement._parse (the method every element is parsed through).
ParseMethod = Callable[..., Parsed]


def parse_at(element: pp.ParserElement, text: str, loc: int) -> Parsed:
    """Parse `element` at `loc` without pyparsing's parse_string wrapper (internal: `_parse`).
    parse_string would expand tabs in the text (moving every offset a span holds), reset the
    packrat cache and wrap the call in its own error handling; the grammar needs none of it."""
    return element._parse(text, loc)


def _parse_sub(element: pp.ParserElement, text: str, loc: int, do_actions: bool, pre_parse: bool = True) -> Parsed:
    """A sub-element parsed from a custom element's parseImpl (internal: `_parse`, the call
    every pyparsing combinator makes on its sub-elements)."""
    return element._parse(text, loc, do_actions, callPreParse=pre_parse)


# ----------------------------------------------------------------------------- custom elements


class Lexeme(pp.Token):
    """One regex token, optionally turned straight into a node by `build(match, span)`.
    (pp.Regex would build a ParseResults with the match's named groups for every token.)"""

    def __init__(
        self,
        pattern: str,
        build: Callable[[re.Match[str], Span], Any] | None = None,
        flags: int = re.I,
        suppress: bool = False,
    ) -> None:
        super().__init__()
        self.regex = re.compile(pattern, flags)
        self.build = build
        self.suppressed = suppress  # punctuation and keywords: no token, and no Suppress wrapper
        self.errmsg = "Expected " + pattern
        # internal flags read by pyparsing's combinators (an element that may match empty text,
        # one that may raise IndexError): their defaults would be wrong or slow for a regex
        self.mayReturnEmpty = self.regex.match("") is not None
        self.mayIndexError = False

    def parseImpl(self, instring: str, loc: int, do_actions: bool = True) -> Impl:
        match = self.regex.match(instring, loc)
        if match is None:
            raise pp.ParseException(instring, loc, self.errmsg, self)
        end = match.end()
        if self.suppressed:
            return end, []
        if self.build is None:
            return end, [match.group()]
        return end, [self.build(match, Span(loc, end))]


# A hand-written scanner: (end, node), or None when the token is not there.
Scanner = Callable[[str, int], "tuple[int, Any] | None"]


class Scanned(pp.Token):
    """A token read by a hand-written scanner `scan(text, loc) -> (end, node) | None` (strings and
    argument-mode words, whose `$( )` parts need the statement grammar recursively)."""

    def __init__(self, scan: Scanner, name: str) -> None:
        super().__init__()
        self.scan = scan
        self.errmsg = "Expected " + name
        self.mayReturnEmpty = False  # see Lexeme
        self.mayIndexError = False

    def parseImpl(self, instring: str, loc: int, do_actions: bool = True) -> Impl:
        result = self.scan(instring, loc)
        if result is None:
            raise pp.ParseException(instring, loc, self.errmsg, self)
        return result[0], [result[1]]


class Dispatch(pp.ParseExpression):
    """A MatchFirst that only tries the alternatives able to start with the next character.
    `alternatives` is a list of (first characters or None for any, element), in priority order.
    PowerShell tokens are mostly told apart by their first character, and each failed
    alternative costs a pyparsing exception, so this is the grammar's main speed-up."""

    def __init__(self, alternatives: Sequence[tuple[str | None, pp.ParserElement]]) -> None:
        elements = [element for _, element in alternatives]
        super().__init__(elements)
        chars = {c for first, _ in alternatives if first for c in first}
        self.table = {c: [e for first, e in alternatives if first is None or c in first] for c in chars}
        self.default = [e for first, e in alternatives if first is None]
        # The first character is looked at after the blanks, unless every alternative is
        # adjacent to what precedes it (postfix operators).  skipWhitespace/callPreparse are
        # the internal switches of pyparsing's blank skipping (preParse).
        self.skipWhitespace = any(e.skipWhitespace for e in elements)
        self.callPreparse = True
        self.mayReturnEmpty = False
        self.mayIndexError = False

    def parseImpl(self, instring: str, loc: int, do_actions: bool = True) -> Impl:
        error = None
        for element in self.table.get(instring[loc : loc + 1], self.default):
            try:
                return _parse_sub(element, instring, loc, do_actions)
            except pp.ParseException as exc:
                error = exc
        raise error or pp.ParseException(instring, loc, self.errmsg, self)


# A node builder for Build and Enclosed: (text, start, end, tokens) -> node.
Builder = Callable[[str, int, int, pp.ParseResults], Any]


class Build(pp.ParseElementEnhance):
    """Match `expr`, then replace its tokens by `build(text, start, end, tokens)`: a node whose
    span is exactly the matched text (a parse action would not know where the match ends)."""

    def __init__(self, expr: pp.ParserElement, build: Builder) -> None:
        super().__init__(expr)
        self.build = build

    def parseImpl(self, instring: str, loc: int, do_actions: bool = True) -> Impl:
        end, tokens = _parse_sub(self.expr, instring, loc, do_actions, pre_parse=False)
        node_end = end  # an optional tail may have skipped blanks that are not part of the node
        while node_end > loc and instring[node_end - 1] in " \t":
            node_end -= 1
        return end, [self.build(instring, loc, node_end, tokens)]


# An Expect error factory: (text, loc) -> the SyntaxFail to raise.
ErrorFactory = Callable[[str, int], SyntaxFail]


class Expect(pp.ParseElementEnhance):
    """`expr` is required here.  Like pyparsing's `-` error stop, but the failure becomes a
    SyntaxFail carrying PowerShell's message: `error(text, loc) -> SyntaxFail`."""

    def __init__(self, expr: pp.ParserElement, error: ErrorFactory) -> None:
        super().__init__(expr)
        self.error = error

    def parseImpl(self, instring: str, loc: int, do_actions: bool = True) -> Impl:
        try:
            return _parse_sub(self.expr, instring, loc, do_actions, pre_parse=False)
        except pp.ParseException:
            raise self.error(instring, loc) from None
        except RecursionError:
            raise _too_deep(loc) from None


class Enclosed(pp.ParseElementEnhance):
    """`open body close`: once the opener matched, a missing closer is a SyntaxFail that points
    at the opener, as pwsh does for `Missing closing '}'`."""

    def __init__(
        self,
        opener: pp.ParserElement,
        body: pp.ParserElement,
        closer: pp.ParserElement,
        error_id: str,
        build: Builder,
        error_after: bool | Literal["opener"] = False,
    ) -> None:
        super().__init__(body)
        self.opener, self.closer = opener, closer
        self.error_id = error_id
        self.error_after = error_after  # point after the last token instead of at the opener
        self.build = build
        self.skipWhitespace = opener.skipWhitespace  # see Dispatch

    def recurse(self) -> list[pp.ParserElement]:
        # pyparsing walks sub-elements through recurse() (streamline, finish_elements)
        return [self.opener, self.expr, self.closer]

    def parseImpl(self, instring: str, loc: int, do_actions: bool = True) -> Impl:
        open_end, _ = _parse_sub(self.opener, instring, loc, do_actions, pre_parse=False)
        try:
            body_end, tokens = _parse_sub(self.expr, instring, open_end, do_actions)
        except RecursionError:
            raise _too_deep(loc, open_end) from None
        try:
            end, _ = _parse_sub(self.closer, instring, body_end, do_actions)
        except pp.ParseException:
            at = skip_gap(instring, body_end)
            if self.error_after == "opener":  # right after the opener (hash literals)
                raise SyntaxFail(self.error_id, at, Span(open_end, open_end)) from None
            if self.error_after:
                after = len(instring[:at].rstrip())
                raise SyntaxFail(self.error_id, at, Span(after, after)) from None
            raise SyntaxFail(self.error_id, at, Span(loc, open_end)) from None
        return end, [self.build(instring, loc, end, tokens)]


def _too_deep(loc: int, end: int | None = None) -> SyntaxFail:
    """Out of Python frames inside a nesting construct: pwsh's ScriptTooComplicated, at the
    innermost construct that was open (grammar.parse retries it with more frames first).
    Raised while the RecursionError unwinds, so the frames it needs are free again."""
    return SyntaxFail("ScriptTooComplicated", loc, Span(loc, loc + 1 if end is None else end))


def adjacent(element: pp.ParserElement) -> pp.ParserElement:
    """An element that must touch the previous token (`$x.Name`, `$a[0]`, `.Trim()`)."""
    return element.leave_whitespace(recursive=False)


# ----------------------------------------------------------------------------- finishing


def finish_elements(root: pp.ParserElement, short_path: bool = True) -> None:
    """Per element of the finished grammar: whitespace-skipping elements skip PowerShell blanks
    instead of pyparsing's default whitespace (which includes newlines), and, with
    `short_path`, plain elements parse through the short path of _direct_parse.  Done per
    element, so other users of pyparsing are not affected; one regex call is also much cheaper
    than `ignore()`.  Both replace methods on the instance, which pyparsing does not offer."""
    seen: set[int] = set()
    todo = [root]
    while todo:
        element = todo.pop()
        if id(element) in seen:
            continue
        seen.add(id(element))
        if element.skipWhitespace:
            element.preParse = skip_gap  # type: ignore[method-assign,assignment]  # instance override
        if short_path and _plain(element):
            element._parse = _specialised_parse(element) or _direct_parse(element)  # type: ignore[method-assign]
        todo.extend(element.recurse())


def takes_short_path(element: pp.ParserElement) -> bool:
    """Was `element` given a short path by finish_elements?"""
    return "_parse" in vars(element)


def _plain(element: pp.ParserElement) -> bool:
    """Does the element use none of what pyparsing's general _parseNoCache is there for?"""
    return (
        not (element.parseAction or element.failAction or element.debug or element.resultsName)
        and type(element).postParse is pp.ParserElement.postParse
    )


def _specialised_parse(element: pp.ParserElement) -> ParseMethod | None:
    """The two most frequent elements, a sequence and a token, with their parseImpl inlined:
    a quarter of a parse's calls were these."""
    if plain_results is pp.ParseResults:  # pyparsing's ParseResults is not what _results_maker knows
        return None
    # And._ErrorStop is the `-` operator's marker (internal): a sequence holding one is left
    # to pyparsing, which turns later failures into fatal ones
    if isinstance(element, pp.And) and type(element) is pp.And:
        if not any(type(e) is pp.And._ErrorStop for e in element.exprs):
            return _sequence_parse(element)
    if type(element) is Lexeme:
        return _lexeme_parse(element)
    return None


def _sequence_parse(element: pp.And) -> ParseMethod:
    first, rest = element.exprs[0], tuple(element.exprs[1:])
    pre_parse, call_pre, results = element.preParse, element.callPreparse, plain_results

    def parse(instring: str, loc: int, do_actions: bool = True, callPreParse: bool = True) -> Parsed:
        if callPreParse and call_pre:
            loc = pre_parse(instring, loc)
        try:
            loc, got = first._parse(instring, loc, do_actions, False)
            tokens = list(got._toklist)  # ParseResults' token list (internal), no copy through as_list
            for e in rest:
                loc, got = e._parse(instring, loc, do_actions)
                tokens += got._toklist  # no element has a results name: the lists are all there is
        except IndexError:
            raise pp.ParseException(instring, len(instring), element.errmsg, element) from None
        return loc, results(tokens)

    return parse


def _lexeme_parse(element: Lexeme) -> ParseMethod:
    match, build, suppressed = element.regex.match, element.build, element.suppressed
    pre_parse, call_pre, results, errmsg = element.preParse, element.callPreparse, plain_results, element.errmsg

    def parse(instring: str, loc: int, do_actions: bool = True, callPreParse: bool = True) -> Parsed:
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


def _direct_parse(element: pp.ParserElement) -> ParseMethod:
    """pyparsing's _parseNoCache runs debug hooks, fail actions, parse actions, result names and
    postParse around every element; the grammar's elements use none of them (see _plain), so
    they parse through this shorter path: the same blank skipping, the same IndexError rule,
    the same ParseResults.  A third of a parse's time was that bookkeeping."""
    parse_impl, pre_parse, call_pre = element.parseImpl, element.preParse, element.callPreparse
    results, parse_results = plain_results, pp.ParseResults

    def parse(instring: str, loc: int, do_actions: bool = True, callPreParse: bool = True) -> Parsed:
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


# ----------------------------------------------------------------------------- ParseResults

_SLOTS = ("_name", "_parent", "_all_names", "_toklist", "_tokdict", "_modal")


def _results_maker() -> Callable[[list[Any]], pp.ParseResults]:
    """A ParseResults of a plain token list, without pyparsing's general constructor (which
    handles names, nesting and a deprecated keyword): a large share of a parse was spent
    building these.  It fills ParseResults' private slots, so it is checked against the real
    constructor once: a pyparsing whose ParseResults looks different gets the general
    constructor back."""
    new = object.__new__
    cls = pp.ParseResults

    def make(tokens: list[Any]) -> pp.ParseResults:
        r = new(cls)
        # pyparsing's own constructor stores None in these two (its annotations say str and
        # ParseResults, but None is what a nameless, parentless result holds)
        r._name = None  # type: ignore[assignment]
        r._parent = None  # type: ignore[assignment]
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


plain_results = _results_maker()
