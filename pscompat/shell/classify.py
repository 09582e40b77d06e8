"""Is this text PowerShell, and is it finished?  The question a host shell asks on every Enter.

    classify(source, session=None) -> 'not_ps' | 'incomplete' | 'complete'

A host (the xonsh extension) calls this several times per key press, so it must be pure and
cheap: a single character scan (`scan`) finds the first word, open brackets and strings,
here-strings, comments and line continuations.  Only text the scan calls finished is handed to
the real grammar, and only to learn whether the parser wanted more input
(`IncompleteInputError`, e.g. `$x = 1 +`); that answer is cached.

Text is PowerShell when its first statement starts with something no Python or xonsh line does:
  * a registered cmdlet, alias or session function (`Get-AzureVMImage`, `where {...}`);
  * `$name = <such a command>`, or `$name = ` a value only PowerShell writes (`@(...)`, `@{...}`,
    `1..3`, `[int]"5"`); in xonsh `$name = value` sets an environment variable, so the right-hand
    side must prove it;
  * a value piped into such a command (`$imgs | Select Label`, `1..3 | ForEach-Object {...}`);
  * a statement only PowerShell starts that way: `function Name {`, `if ($a) {`, `foreach (`,
    `switch -regex (`, `try {`, `throw`, `param($x)`, `@{`, `[pscustomobject]@{`, `[CmdletBinding()]`
    (`if (x):`, `for (a, b) in x:`, `@(expr)`, `[x][0]` stay Python's: what follows the keyword decides).
Short alias names (`echo`, `cd`, `sort`, `where`...) collide with host commands and Python names;
the host passes `is_host_name(name) -> bool` and such names then stay with the host.
A line whose first word is such a short name (or `throw`, `function`, `filter`) but which reads as
Python (`mi = 'data.csv'`, `gci(1)`, `del x`) stays with the host too (see
pscompat.shell.python_lines); the host may pass its own parser as `host_parser(text) -> bool`.
`ps! <text>` (FORCE_PREFIX) forces PowerShell: the text after the prefix is classified as
PowerShell whatever it looks like.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from pscompat.shell.python_lines import stays_with_host

NOT_PS, INCOMPLETE, COMPLETE = "not_ps", "incomplete", "complete"
# `ps! sc = x` runs `sc = x` as PowerShell: the way to overrule "where both readings are
# plausible, the host wins".  In xonsh it is also an alias (`ps!` is its macro-call syntax).
FORCE_PREFIX = "ps!"

# PowerShell accepts typographic dashes and quotes wherever the ASCII ones go (the seed
# document itself writes `–ImageName` with an en dash).
DASHES = "-\u2013\u2014\u2015"
SQUOTES = "'\u2018\u2019\u201a\u201b"
DQUOTES = '"\u201c\u201d\u201e'
_OPENERS = {"(": ")", "{": "}", "[": "]"}
_CLOSERS = {")", "}", "]"}
# Tokens after which a statement cannot end: the parser reads on to the next line.
_CONTINUERS = ("|", "&&", "||", ",", "=")
_WORD_BREAK = set(" \t\r\n|;,{}()[]") | {"&"}
_NAME_RE = re.compile(r"^[A-Za-z_][\w]*(-[\w]+)?$")
# A type literal applied to something: `[int]"5"`, `[pscustomobject]@{`, `[math]::Pi`, `[int[]]$a`.
# Only what Python cannot parse may follow the `]`: `[x][0]`, `[x](1)`, `[x].y` are Python.
_TYPE_LITERAL = r"\[[A-Za-z][\w.]*(\[[\w.,\s\[\]]*\])?\](?:@[({]|[$'\"\d]|::)"
# Right-hand sides no xonsh value starts with: `@(...)`, `@{...}`, a range `1..3`, a type `[int]"5"`.
_POWERSHELL_VALUE = re.compile(r"@[({]|-?\d+\s*\.\.|" + _TYPE_LITERAL)
# A whole line only PowerShell writes: a hashtable `@{`, a cast `[pscustomobject]@{...}`, an
# attribute `[CmdletBinding()]`, a call `& {...}` (a bare `@(...)` is xonsh's own `@(expr)`).
# `& { ... }`, `& $scriptblock`, `& 'C:\\tool.exe'`: the call operator starts no Python line.
_POWERSHELL_LINE = re.compile(r"@\{|" + _TYPE_LITERAL + r"|\[CmdletBinding\s*\(|&(?!&)\s*[{$'\"(]", re.I)
# `[CmdletBinding()]` alone: the `param(...)` it belongs to comes on the next line.
_ATTRIBUTES_ONLY = re.compile(r"(\s*\[\w+\s*\([^()]*\)\s*\])+\s*$")
# Keywords whose condition is in parentheses.  Python writes `if (x):` / `for (a, b) in x:` /
# `while (x):`, so the keyword and `(` alone decide nothing: what follows the `)` does (`{`).
_PAREN_KEYWORD = re.compile(r"(if|elseif|while|for|foreach|switch((\s+-\w+)*)|param)\s*(?=\()", re.I)
# Keywords followed by a block: `try {`, `do {`, `trap {` (Python has `try:` and no `do`).
_BLOCK_KEYWORD = re.compile(r"(try|do|trap|finally)\s*\{|(class|enum)\s+[A-Za-z_]\w*\s*(:\s*[\w.]+\s*)?\{", re.I)
# Inside a condition, a `$variable` or a PowerShell operator shows whose code it is.
_PS_CONDITION = re.compile(
    r"\$[\w{?]|\s-[ci]?(eq|ne|gt|ge|lt|le|like|notlike|match|notmatch|contains|"
    r"notcontains|in|notin|and|or|not|xor|is|isnot|band|bor|replace|split)\b",
    re.I,
)


@dataclass
class Word:
    """One argument-mode word of the command being typed, with its start offset."""

    text: str
    start: int


@dataclass
class Scan:
    """What a single pass over the text found."""

    open: list = field(default_factory=list)  # unclosed '(', '{', '[', "'", '"', '@"', "@'", '<#'
    continued: bool = False  # ends in a backtick, '|', '&&', ',' or '='
    words: list = field(default_factory=list)  # words of the innermost command element at the end
    segment_start: int = 0  # offset where that command element starts
    in_string: str | None = None  # the quote still open at the end, if any
    pipes_at: list = field(default_factory=list)  # offsets of top-level '|' of the first statement
    first_statement_end: int = -1  # offset of the first top-level ';' or newline, -1 if none
    first_words: list = field(default_factory=list)  # top-level words of the first command element

    @property
    def finished(self) -> bool:
        return not self.open and not self.continued


def scan(text: str) -> Scan:
    """One pass over `text`: nesting, strings, comments, continuation and the current words."""
    st = Scan()
    frames: list[list] = [[]]  # words per nesting level; the innermost one is being typed
    seg_starts = [0]
    word_start = -1
    first = None
    last_token = ""  # last significant token (not whitespace/comment)
    i, n = 0, len(text)

    def end_word(pos: int) -> None:
        nonlocal word_start
        if word_start >= 0:
            frames[-1].append(Word(text[word_start:pos], word_start))
            word_start = -1

    def new_segment(pos: int) -> None:
        nonlocal first
        if len(frames) == 1 and first is None:
            first = frames[0]
        frames[-1] = []
        seg_starts[-1] = pos

    while i < n:
        c = text[i]
        depth = len(st.open)
        # --- strings (a word may contain or start with one) ----------------------------------
        if (
            c in SQUOTES
            or c in DQUOTES
            or (c == "@" and i + 1 < n and (text[i + 1] in SQUOTES + DQUOTES) and _here_start(text, i + 1))
        ):
            if word_start < 0:
                word_start = i
            end = _skip_string(text, i)
            if end < 0:
                st.in_string = text[i : i + 2] if c == "@" else c
                st.open.append(st.in_string)
                i = n
                break
            i = end
            last_token = "str"
            continue
        # --- comments ----------------------------------------------------------------------
        if c == "<" and text.startswith("<#", i) and word_start < 0:
            end = text.find("#>", i + 2)
            if end < 0:
                st.open.append("<#")
                i = n
                break
            i = end + 2
            continue
        if c == "#" and word_start < 0:
            nl = text.find("\n", i)
            i = n if nl < 0 else nl
            continue
        # --- escapes and line continuation ---------------------------------------------------
        if c == "`":
            if i + 1 >= n or text[i + 1] in "\r\n":
                end_word(i)
                st.continued = True
                i += 1
                if i < n and text[i] == "\r":
                    i += 1
                if i < n and text[i] == "\n":
                    i += 1
                    st.continued = i >= n  # the continuation was used up if more text follows
                continue
            if word_start < 0:
                word_start = i
            i += 2
            last_token = "word"
            continue
        # --- brackets ------------------------------------------------------------------------
        if c in _OPENERS:
            # `$(`, `@(`, `@{` open a nested statement list too; the prefix char ends no word.
            if word_start == i - 1 and text[i - 1] in "$@":
                word_start = -1  # the sigil belongs to the bracket, not to a word
            end_word(i)
            st.open.append(c)
            frames.append([])
            seg_starts.append(i + 1)
            last_token = c
            i += 1
            continue
        if c in _CLOSERS:
            end_word(i)
            if st.open and st.open[-1] == {")": "(", "}": "{", "]": "["}[c]:
                st.open.pop()
                frames.pop()
                seg_starts.pop()
            last_token = c
            i += 1
            continue
        # --- statement and pipeline separators -----------------------------------------------
        if c in "\n;":
            end_word(i)
            if depth == 0 and st.first_statement_end < 0 and (c == ";" or last_token not in _CONTINUERS):
                st.first_statement_end = i
            if c == ";" or last_token not in _CONTINUERS:
                new_segment(i + 1)
            i += 1
            if c == ";":
                last_token = ";"
            continue
        if c == "|" or (c == "&" and text.startswith("&&", i)):
            end_word(i)
            tok = "||" if text.startswith("||", i) else "&&" if c == "&" else "|"
            if tok == "|" and depth == 0 and st.first_statement_end < 0:
                st.pipes_at.append(i)
            new_segment(i + len(tok))
            last_token = tok
            i += len(tok)
            continue
        if c in " \t\r":
            end_word(i)
            i += 1
            continue
        if c == "," or (c == "=" and word_start < 0):
            end_word(i)
            last_token = c
            i += 1
            continue
        # --- anything else belongs to a word ---------------------------------------------------
        if word_start < 0:
            word_start = i
        last_token = "word"
        i += 1
    end_word(n)
    if last_token in _CONTINUERS:
        st.continued = True
    st.words = frames[-1]
    st.first_words = first if first is not None else frames[0]
    st.segment_start = seg_starts[-1]
    return st


def _here_start(text: str, q: int) -> bool:
    """`@"` / `@'` open a here-string only when nothing but spaces follows on the line."""
    rest = text[q + 1 :]
    nl = rest.find("\n")
    return (rest if nl < 0 else rest[:nl]).strip() == ""


def _skip_string(text: str, i: int) -> int:
    """Offset just past the string starting at `i`, or -1 if the text ends inside it."""
    n = len(text)
    if text[i] == "@":  # here-string: ends at a line that starts with the quote and '@'
        quotes = SQUOTES if text[i + 1] in SQUOTES else DQUOTES
        pos = text.find("\n", i)
        while pos >= 0:
            if pos + 2 < n + 1 and text[pos + 1 : pos + 2] in tuple(quotes) and text[pos + 2 : pos + 3] == "@":
                return pos + 3
            pos = text.find("\n", pos + 1)
        return -1
    single = text[i] in SQUOTES
    quotes = SQUOTES if single else DQUOTES
    j = i + 1
    while j < n:
        c = text[j]
        if c in quotes:
            if j + 1 < n and text[j + 1] in quotes:  # '' or "" is an escaped quote
                j += 2
                continue
            return j + 1
        if not single and c == "`":
            j += 2
            continue
        if not single and c == "$" and j + 1 < n and text[j + 1] == "(":
            end = _skip_subexpression(text, j + 1)
            if end < 0:
                return -1
            j = end
            continue
        j += 1
    return -1


def _skip_subexpression(text: str, i: int) -> int:
    """Offset past the `)` matching the `(` at `i` (inside a double-quoted string)."""
    depth, j, n = 0, i, len(text)
    while j < n:
        c = text[j]
        if c in SQUOTES or c in DQUOTES:
            end = _skip_string(text, j)
            if end < 0:
                return -1
            j = end
            continue
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return j + 1
        j += 1
    return -1


# ------------------------------------------------------------------------------ names


def lookup_command(name: str, session=None):
    """The CommandInfo a command name means (session function, alias, cmdlet), or None."""
    from pscompat import catalog  # noqa: F401  (the registry's cmdlet modules)
    from pscompat.engine import commands as base  # read REGISTRY at call time: tests swap in their own

    if not name:
        return None
    ctx = getattr(session, "ctx", None)
    if ctx is not None:
        functions = getattr(ctx, "functions", None) or {}
        for key, info in functions.items():
            if key.lower() == name.lower():
                return info
        try:
            target = _lower_keys(ctx.alias_table()).get(name.lower())
        except Exception:  # a session without user aliases
            target = None
        if target:
            return lookup_command(target, session) if target.lower() != name.lower() else None
    info = base.REGISTRY.get(name)
    if info is None:
        target = base.REGISTRY.resolve_alias(name)
        info = base.REGISTRY.get(target) if target else None
    return info


def _lower_keys(table) -> dict:
    return {str(k).lower(): (getattr(v, "name", None) or str(v)) for k, v in dict(table or {}).items()}


def is_ps_command(name: str, session=None, is_host_name: Callable[[str], bool] | None = None) -> bool:
    """A command word PowerShell owns here: known to pscompat and not claimed by the host.

    A full `Verb-Noun` cmdlet name is PowerShell's even if the host knows it too; short names
    (aliases such as `echo`, `sort`, `cd`) go to the host when it has a command of that name.
    """
    if not name or not _NAME_RE.match(name.replace("?", "a").replace("%", "a")):
        return False
    info = lookup_command(name, session)
    if info is None:
        return False
    if info.name.lower() == name.lower() and "-" in name:
        return True
    return not (is_host_name is not None and is_host_name(name))


# ------------------------------------------------------------------------------ classify


def classify(
    source: str,
    session=None,
    is_host_name: Callable[[str], bool] | None = None,
    host_parser: Callable[[str], bool] | None = None,
) -> str:
    """'not_ps', 'incomplete' or 'complete' for the text typed so far (see module docstring)."""
    text = source.lstrip()
    if not text:
        return NOT_PS
    forced = forced_text(text)
    if forced is not None:
        return _completeness(forced, scan(forced)) if forced.strip() else NOT_PS
    st = scan(text)
    if not _looks_like_powershell(text, st, session, is_host_name, host_parser):
        return NOT_PS
    return _completeness(text, st)


def forced_text(source: str) -> str | None:
    """The text after a `ps!` prefix (`ps! sc = x` -> `sc = x`), or None without one."""
    text = source.lstrip()
    if not text.startswith(FORCE_PREFIX):
        return None
    rest = text[len(FORCE_PREFIX) :]
    if rest and rest[0] not in " \t":  # `ps!x` is some other word
        return None
    return rest.lstrip(" \t")


def _completeness(text: str, st: Scan) -> str:
    if not st.finished or _ATTRIBUTES_ONLY.match(text):
        return INCOMPLETE
    return INCOMPLETE if _grammar_wants_more(text) else COMPLETE


def _looks_like_powershell(text: str, st: Scan, session, is_host_name, host_parser=None) -> bool:
    words = st.first_words
    first = words[0].text if words else ""

    def python_line() -> bool:
        """The command word starts a line Python reads (`mi = 'x'`): the host keeps it."""
        if "-" in first or not first.isidentifier() or text[words[0].start :][: len(first)] != first:
            return False  # a `Verb-Noun` name is PowerShell's; `%`, `?` start no Python line
        return stays_with_host(
            text,
            words[0].start + len(first),
            lambda word: is_ps_command(word, session, is_host_name),
            host_parser,
        )

    if is_ps_command(first, session, is_host_name):
        return not python_line()
    if _keyword_statement(text, first, is_host_name):
        return first.lower() != "throw" or not python_line()
    # function Name { ... }  (never valid Python or xonsh)
    if (
        first.lower() in ("function", "filter")
        and len(words) > 1
        and _NAME_RE.match(words[1].text)
        and not (is_host_name and is_host_name(first))
    ):
        return not python_line()
    # `$name = <command>`: in xonsh this sets an environment variable, so the command must prove it
    m = re.match(r"\$(\w+)\s*=\s*(?!=)", text)
    if m:
        rest = text[m.end() :]
        if _POWERSHELL_VALUE.match(rest):
            return True
        inner = rest[1:] if rest[:1] == "(" else rest  # `$t = ($xs | Measure-Object).Count`
        if inner and _looks_like_powershell(inner, scan(inner), session, is_host_name, host_parser):
            return True
    # a value piped into a PowerShell command: `$imgs | Select Label`, `1..3 | % {...}`
    if st.pipes_at and first[:1] in "$@('\"[0123456789" + SQUOTES + DQUOTES:
        end = st.first_statement_end if st.first_statement_end >= 0 else len(text)
        for k, pos in enumerate(st.pipes_at):
            stop = st.pipes_at[k + 1] if k + 1 < len(st.pipes_at) else end
            element = scan(text[pos + 1 : stop]).first_words
            if element and is_ps_command(element[0].text, session, is_host_name):
                return True
    return False


def _keyword_statement(text: str, first: str, is_host_name) -> bool:
    """A statement only PowerShell starts this way: `if ($a) {`, `foreach ($i in $xs) {`,
    `switch -regex ($s) {`, `try {`, `throw "x"`, `param([int]$n)`, `@{a = 1}`, `[CmdletBinding()]`."""
    if _POWERSHELL_LINE.match(text) or _BLOCK_KEYWORD.match(text):
        return not (first[:1].isalpha() and is_host_name and is_host_name(first))
    if first.lower() == "throw":  # not a Python word; xonsh would look for a `throw` program
        return not (is_host_name and is_host_name(first))
    m = _PAREN_KEYWORD.match(text)
    if not m:
        return False
    end = _skip_subexpression(text, m.end())
    condition = text[m.end() :] if end < 0 else text[m.end() : end]
    if m.group(1).lower() in ("foreach", "param") or m.group(2):  # no Python statement of that name
        if is_host_name and is_host_name(first):  # `param(x)`: a call of the user's function
            return False
        return bool(_PS_CONDITION.search(condition)) or m.group(1).lower() == "foreach"
    if end < 0:  # unclosed: Python's `if (a and` continues the same way; decide by the content
        return bool(_PS_CONDITION.search(condition))
    if text[end:].lstrip(" \t").startswith("{"):
        return True
    # `if ($a)` + Enter: PowerShell reads the block from the next line (`if (x)` is no Python)
    after = text[end:].strip()
    return (after == "" or after.startswith("{")) and bool(_PS_CONDITION.search(condition))


@functools.lru_cache(maxsize=256)
def _grammar_wants_more(text: str) -> bool:
    """Ask the real parser whether input ended too early (e.g. `$x = 1 +`, `if ($a)`)."""
    try:
        from pscompat.syntax.grammar import parse
    except ImportError:  # the grammar is optional for classifying: the scan already answered
        return False
    from pscompat.errors import IncompleteInputError

    try:
        parse(text)
    except IncompleteInputError:
        return True
    except Exception:  # any other error is the engine's to report when it runs the text
        return False
    return False
