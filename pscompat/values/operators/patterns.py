"""Pattern matching for -like and -match: PowerShell wildcards and .NET regular expressions.

Wildcards: like_to_regex/wildcard_match translate a pattern as engine/regex.cs
`WildcardPatternParser` and `WildcardPatternToRegexParser` do (`*`, `?`, `[a-z]`, backtick
escapes).  Regular expressions: regex_for compiles a .NET pattern for Python (through
pstypes.dotnet_regex); dotnet_group_keys and matches_table give groups in .NET's order and
the $Matches table.  Docs: about_Wildcards.md, about_Regular_Expressions.md.

Separate from operators_compare.py because the pattern translation and caching stand alone
(no value comparison) and are used outside the operators too: operators_text (-replace,
-split), Get-ChildItem filters, switch -wildcard/-regex.  operators_compare re-exports all of it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from pscompat.errors import PSError
from pscompat.values.convert.strings import to_string
from pscompat.values.objects.classes import Hashtable

__all__ = ["like_to_regex", "wildcard_match", "regex_for", "dotnet_group_keys", "matches_table"]


# ------------------------------------------------------------------------------------------
# wildcards (engine/regex.cs WildcardPatternParser + WildcardPatternToRegexParser)

_REGEX_SPECIAL = set("()[].?*{}^$+|\\")


def _lit(c: str) -> str:
    return "\\" + c if c in _REGEX_SPECIAL else c


def _bracket_lit(c: str) -> str:
    if c in "[]-\\^":
        return "\\" + c
    return c


def _invalid_wildcard(pattern: str) -> PSError:
    return PSError(
        f"The specified wildcard character pattern is not valid: {pattern}",
        "WildcardPattern_Invalid",
        category="InvalidArgument",
        exception_type="System.Management.Automation.WildcardPatternException",
    )


@lru_cache(maxsize=1024)
def like_to_regex(pattern: str, case_sensitive: bool = False) -> re.Pattern:
    """A PowerShell wildcard pattern as a compiled regex matching the whole string."""
    out = []
    escape = False
    in_range = False
    range_started = False
    contents: list[str] = []
    ops: list[bool] = []
    for c in pattern:
        if in_range:
            if c == "]" and not range_started and not escape:
                in_range = False
                out.append(_bracket(contents, ops, pattern))
            elif c != "`" or escape:
                contents.append(c)
                ops.append(c == "-" and not escape)
            range_started = False
        elif c == "*" and not escape:
            out.append(".*")
        elif c == "?" and not escape:
            out.append(".")
        elif c == "[" and not escape:
            in_range, range_started, contents, ops = True, True, [], []
        elif c != "`" or escape:
            out.append(_lit(c))
        escape = c == "`" and not escape
    if in_range:
        raise _invalid_wildcard(pattern)
    if escape and pattern != "`":
        out.append(_lit("`"))
    flags = re.DOTALL | (0 if case_sensitive else re.IGNORECASE)
    return re.compile("".join(out) + r"\Z", flags)


def _bracket(contents: list[str], ops: list[bool], pattern: str) -> str:
    parts = ["["]
    i = 0
    while i < len(contents):
        if i + 2 < len(contents) and ops[i + 1]:
            lo, hi = contents[i], contents[i + 2]
            if lo > hi:
                raise _invalid_wildcard(pattern)
            parts.append(_bracket_lit(lo) + "-" + _bracket_lit(hi))
            i += 3
        else:
            parts.append(_bracket_lit(contents[i]))
            i += 1
    parts.append("]")
    return "".join(parts) if len(parts) > 2 else "(?!)"


def wildcard_match(pattern: str, text: str, case_sensitive: bool = False) -> bool:
    return like_to_regex(pattern, case_sensitive).match(text) is not None


# ------------------------------------------------------------------------------------------
# regular expressions


def _fallback_regex(pattern: str, ignore_case: bool, flags: int) -> re.Pattern:
    pattern = re.sub(r"\(\?<(?![=!])(\w+)>", r"(?P<\1>", pattern)
    pattern = re.sub(r"\\k<(\w+)>", r"(?P=\1)", pattern)
    return re.compile(pattern, flags | (re.IGNORECASE if ignore_case else 0))


def regex_for(pattern: str, ignore_case: bool, flags: int = 0) -> re.Pattern:
    """A .NET regex compiled for Python (cached); PSError InvalidRegularExpression if bad."""
    return _regex_cached(pattern, ignore_case, flags)


@lru_cache(maxsize=1024)
def _regex_cached(pattern: str, ignore_case: bool, flags: int) -> re.Pattern:
    try:
        from pscompat.values.dotnet.regex import dotnet_regex
    except ImportError:
        dotnet_regex = None
    try:
        if dotnet_regex is not None:
            return dotnet_regex(pattern, ignore_case, flags)
        return _fallback_regex(pattern, ignore_case, flags)
    except (re.error, PSError):
        raise PSError(
            f"The regular expression pattern {pattern} is not valid.",
            "InvalidRegularExpression",
            category="InvalidOperation",
        ) from None


def pattern_of(right, ignore_case: bool) -> re.Pattern:
    if isinstance(right, re.Pattern):
        return right
    inner = getattr(right, "_re", None)
    if isinstance(inner, re.Pattern):  # a [regex] value
        return inner
    return regex_for(right if type(right) is str else to_string(right), ignore_case)


@lru_cache(maxsize=256)
def dotnet_group_keys(rx: re.Pattern) -> tuple:
    """(.NET group key, Python group index) in Regex.GetGroupNames() order: 0, unnamed
    groups numbered in order, then named groups (numbered after all unnamed ones)."""
    named = {i: n for n, i in rx.groupindex.items()}
    keys = [(0, 0)]
    number = 1
    for i in range(1, rx.groups + 1):
        if i not in named:
            keys.append((number, i))
            number += 1
    for i in range(1, rx.groups + 1):
        if i in named:
            name = named[i]
            keys.append((int(name) if name.isdigit() else name, i))
    return tuple(keys)


def matches_table(m: re.Match) -> Hashtable:
    """$Matches for a successful scalar -match: {0: whole, 1..: groups, name: named}."""
    # Ordered as a .NET Hashtable enumerates it: named groups first, then the numbered
    # groups from the highest down to 0 (small int keys sit in the lowest buckets, and the
    # enumerator walks buckets from the top) - about_Regular_Expressions shows 2, 1, 0.
    h = Hashtable()
    found = [(key, m.group(i)) for key, i in dotnet_group_keys(m.re) if m.group(i) is not None]
    for key, v in found:
        if not isinstance(key, int):
            h[key] = v
    for key, v in sorted((kv for kv in found if isinstance(kv[0], int)), key=lambda kv: -kv[0]):
        h[key] = v
    return h
