"""-replace, -split and -join (PS: src/System.Management.Automation/engine/lang/parserutils.cs
`ReplaceOperator`, `SplitOperatorImpl`, `SplitWithPredicate`, `NegativeSplitWithPredicate`,
`SplitWithPattern`, `JoinOperator`; Docs: about_Split.md, about_Join.md,
about_Comparison_Operators.md "Replacement operator")."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from pscompat.errors import PSError
from pscompat.values.convert.primitives import to_bool
from pscompat.values.convert.strings import to_string
from pscompat.values.objects.model import SCRIPTBLOCK_TYPE, type_names
from pscompat.values.operators.comparison import is_collection
from pscompat.values.operators.patterns import pattern_of, regex_for

__all__ = ["replace_op", "split_op", "join_op", "unary_split", "unary_join", "DotNetMatch"]


def _text(v) -> str:
    return "" if v is None else (v if type(v) is str else to_string(v))


def _is_block(v) -> bool:
    if v is None or type(v) in (str, int, float, bool, list, tuple):
        return False
    names = type_names(v)
    return bool(names) and names[0] == SCRIPTBLOCK_TYPE


def _element_string(v) -> str:
    """A collection element as -join/-split see it (nested arrays are not expanded)."""
    if v is None:
        return ""
    if type(v) in (list, tuple):
        return "System.Object[]"
    return v if type(v) is str else to_string(v)


# ------------------------------------------------------------------------------------------
# -replace


class DotNetMatch:
    """The System.Text.RegularExpressions.Match that a -replace script block sees as `$_`."""

    PS_TYPE_NAMES = (
        "System.Text.RegularExpressions.Match",
        "System.Text.RegularExpressions.Group",
        "System.Text.RegularExpressions.Capture",
        "System.Object",
    )
    PS_PROPERTIES = ("Groups", "Success", "Name", "Captures", "Index", "Length", "Value")

    def __init__(self, m: re.Match):
        self._m = m
        self.Value = m.group(0)
        self.Index = m.start()
        self.Length = len(self.Value)
        self.Success = True
        self.Name = "0"

    @property
    def Groups(self) -> list:
        from pscompat.values.operators.patterns import dotnet_group_keys

        return [_Group(self._m, key, i) for key, i in dotnet_group_keys(self._m.re)]

    @property
    def Captures(self) -> list:
        return [self]

    def ToString(self) -> str:
        return self.Value

    def __str__(self) -> str:
        return self.Value

    def __repr__(self) -> str:
        return f"DotNetMatch({self.Value!r})"


class _Group:
    PS_TYPE_NAMES = ("System.Text.RegularExpressions.Group", "System.Text.RegularExpressions.Capture", "System.Object")
    PS_PROPERTIES = ("Success", "Name", "Captures", "Index", "Length", "Value")

    def __init__(self, m: re.Match, key, index: int):
        v = m.group(index)
        self.Name = str(key)
        self.Success = v is not None
        self.Value = v or ""
        self.Index = m.start(index) if v is not None else 0
        self.Length = len(self.Value)

    def ToString(self) -> str:
        return self.Value

    def __str__(self) -> str:
        return self.Value


_SUBST = re.compile(r"\$(?:(\d+)|\{([^}]*)\}|([$&`'+_]))")


class GroupReference(NamedTuple):
    """`$1`, `${name}` in a substitution: the text the group matched."""

    group: int


class SpecialReference(NamedTuple):
    """`$&` (the match), `` $` `` (the text before it), `$'` (after it), `$_` (the whole input),
    `$+` (the last group)."""

    symbol: str


@lru_cache(maxsize=512)
def _compile_substitution(rx: re.Pattern, template: str):
    """A .NET substitution string as a list of literal strings and group references."""
    if "$" not in template:
        return template
    keys = {}
    from pscompat.values.operators.patterns import dotnet_group_keys

    for key, i in dotnet_group_keys(rx):
        keys[str(key)] = i
    parts: list = []
    pos = 0
    for m in _SUBST.finditer(template):
        num, name, special = m.groups()
        ref: str | SpecialReference | GroupReference
        if special == "$":
            ref = "$"
        elif special is not None:
            ref = SpecialReference(special)
        else:
            key = num if num is not None else name
            if key.isdigit():
                key = str(int(key))
            if key not in keys:
                continue  # not a group: stays literal, as in .NET
            ref = GroupReference(keys[key])
        parts.append(template[pos : m.start()])
        parts.append(ref)
        pos = m.end()
    parts.append(template[pos:])
    return tuple(p for p in parts if p != "")


def _expander(parts):
    def expand(m: re.Match) -> str:
        out = []
        for p in parts:
            if type(p) is str:
                out.append(p)
            elif type(p) is GroupReference:
                out.append(m.group(p.group) or "")
            else:
                s = p.symbol
                if s == "&":
                    out.append(m.group(0))
                elif s == "`":
                    out.append(m.string[: m.start()])
                elif s == "'":
                    out.append(m.string[m.end() :])
                elif s == "_":
                    out.append(m.string)
                elif s == "+":
                    last = m.re.groups
                    out.append(m.group(last) or "" if last else "")
        return "".join(out)

    return expand


def replace_op(ignore_case: bool):
    def op(left, right, ctx=None):
        substitute = ""
        if type(right) in (list, tuple):
            if len(right) > 2:
                raise PSError(
                    f"The -replace operator allows only two elements to follow it, not {len(right)}.",
                    "BadReplaceArgument",
                    category="InvalidOperation",
                )
            pattern = right[0] if right else ""
            if len(right) > 1:
                substitute = right[1]
        else:
            pattern = right
        rx = pattern_of("" if pattern is None else pattern, ignore_case)
        if _is_block(substitute):

            def repl(m: re.Match) -> str:
                out = ctx.invoke_block(substitute, [], dollar_under=DotNetMatch(m))
                if isinstance(out, list):
                    out = None if not out else (out[0] if len(out) == 1 else out)
                return _text(out)
        elif callable(substitute) and not isinstance(substitute, str):

            def repl(m: re.Match) -> str:
                return _text(substitute(DotNetMatch(m)))
        else:
            template = substitute if type(substitute) is str else _text(substitute)
            parts = _compile_substitution(rx, template)
            if type(parts) is str:
                repl = parts if "\\" not in parts else (lambda m, _s=parts: _s)
            else:
                repl = _expander(parts)
        if is_collection(left):
            return [rx.sub(repl, _text(x)) for x in left]
        return rx.sub(repl, _text(left))

    return op


# ------------------------------------------------------------------------------------------
# -split

_SPLIT_OPTIONS = {
    "none": 0,
    "simplematch": 1,
    "regexmatch": 2,
    "cultureinvariant": 4,
    "ignorepatternwhitespace": 8,
    "multiline": 16,
    "singleline": 32,
    "ignorecase": 64,
    "explicitcapture": 128,
}
_SPLIT_NAMES = (
    "None, SimpleMatch, RegexMatch, CultureInvariant, IgnorePatternWhitespace, "
    "Multiline, Singleline, IgnoreCase, ExplicitCapture"
)


def _split_options(v) -> int:
    if isinstance(v, int) and not isinstance(v, bool):
        return v
    text = _text(v)
    flags = 0
    for part in text.split(","):
        name = part.strip().lower()
        if name not in _SPLIT_OPTIONS:
            raise PSError(
                f'Cannot convert value "{text}" to type "System.Management.Automation.SplitOptions". '
                f'Error: "Unable to match the identifier name {part.strip()} to a valid enumerator '
                f'name. Specify one of the following enumerator names and try again:\n{_SPLIT_NAMES}"',
                "InvalidCastFromStringToEnum",
                category="InvalidArgument",
            )
        flags |= _SPLIT_OPTIONS[name]
    return flags


def _fix_num(v) -> int:
    if v is None:
        return 0
    if type(v) is int:
        return v
    from pscompat.values.convert.primitives import convert_to

    return convert_to(v, "System.Int32")


def _explicit_capture(pattern: str) -> str:
    """RegexOptions.ExplicitCapture: unnamed groups do not capture."""
    return re.sub(r"(?<!\\)\((?!\?)", "(?:", pattern)


def _regex_split(rx: re.Pattern, text: str, limit: int, right_to_left: bool) -> list[str]:
    """Regex.Split(input, count): captured groups are included (only those that matched)."""
    if limit == 1:
        return [text]
    matches = list(rx.finditer(text))
    if not matches:
        return [text]
    if limit > 0:
        if right_to_left:
            matches = matches[-(limit - 1) :]
        else:
            matches = matches[: limit - 1]
    out, prev = [], 0
    for m in matches:
        out.append(text[prev : m.start()])
        for i in range(1, rx.groups + 1):
            g = m.group(i)
            if g is not None:
                out.append(g)
        prev = m.end()
    out.append(text[prev:])
    return out


def _split_predicate(ctx, items, block, limit: int) -> list[str]:
    def is_delim(item: str, i: int) -> bool:
        res = ctx.invoke_block(block, [item, i], dollar_under=item[i])
        if isinstance(res, list):
            res = None if not res else (res[0] if len(res) == 1 else res)
        return to_bool(res)

    results: list[str] = []
    if limit >= 0:
        if limit == 1:
            return list(items)
        for item in items:
            split, start = [], 0
            i = 0
            while i < len(item):
                if is_delim(item, i):
                    split.append(item[start:i])
                    start = i + 1
                    if limit == len(split) + 1:
                        break
                i += 1
            split.append(item[start:])
            results.extend(split)
        return results
    if limit == -1:
        return list(items)
    for item in items:
        split, end = [], len(item)
        i = len(item) - 1
        while i >= 0:
            if is_delim(item, i):
                split.append(item[i + 1 : end])
                end = i
                if abs(limit) == len(split) + 1:
                    break
            i -= 1
        split.append(item[:end])
        split.reverse()
        results.extend(split)
    return results


def _split(ctx, left, right, ignore_case: bool, trim: bool) -> list[str]:
    items = [_element_string(x) for x in left] if is_collection(left) else [_text(left)]
    if trim:
        items = [s.strip() for s in items]
    args = list(right) if type(right) in (list, tuple) else [right]
    if not args:
        raise PSError(
            f"The argument to operator '-split' is not valid: {_text(right)}.",
            "BadOperatorArgument",
            category="InvalidOperation",
        )
    block = args[0] if _is_block(args[0]) else None
    pattern = None if block is not None else _text(args[0])
    limit = _fix_num(args[1]) if len(args) >= 2 else 0
    options = 0
    if len(args) >= 3 and args[2] is not None and not (type(args[2]) is str and args[2] == ""):
        options = _split_options(args[2])
        if block is not None:
            raise PSError(
                "Options are not allowed on the -split operator with a predicate.",
                "InvalidSplitOptionWithPredicate",
                category="InvalidOperation",
            )
        if ignore_case:
            options |= 64
    elif ignore_case:
        options |= 64
    if block is not None:
        return _split_predicate(ctx, items, block, limit)
    if not options & 3:
        options |= 2
    if options & 1:
        if options & ~(1 | 64):
            raise PSError(
                "The combination of options with the -split operator is not valid.",
                "InvalidSplitOptionCombination",
                category="InvalidOperation",
            )
        pattern = re.escape(pattern)
    flags = (
        (re.VERBOSE if options & 8 else 0) | (re.MULTILINE if options & 16 else 0) | (re.DOTALL if options & 32 else 0)
    )
    if options & 128:
        pattern = _explicit_capture(pattern)
    rx = regex_for(pattern, bool(options & 64), flags)
    rtl = limit < 0
    out: list[str] = []
    for s in items:
        out.extend(_regex_split(rx, s, abs(limit), rtl))
    return out


def split_op(ignore_case: bool):
    def op(left, right, ctx=None):
        return _split(ctx, left, right, ignore_case, False)

    return op


def unary_split(value) -> list[str]:
    """`-split $s`: trim each string, then split on runs of whitespace."""
    return _split(None, value, [r"\s+"], False, True)


# ------------------------------------------------------------------------------------------
# -join


def join_op(left, right, ctx=None) -> str:
    sep = _text(right)
    if is_collection(left):
        return sep.join([_element_string(x) for x in left])
    return _text(left)


def unary_join(value) -> str:
    return join_op(value, "")
