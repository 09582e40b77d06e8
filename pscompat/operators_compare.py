"""PowerShell comparison: equality, ordering, wildcards, regex matching, containment.

Semantics follow PowerShell 7 (PS: src/System.Management.Automation/engine/runtime/Binding/
Binders.cs `CompareEQ`/`CompareLT`/... `BinaryEqualityComparison`/`BinaryComparison`;
engine/LanguagePrimitives.cs `Equals`/`Compare`/`CompareObjectToNull`; engine/lang/
parserutils.cs `LikeOperator`/`MatchOperator`/`ContainsOperator`; engine/regex.cs
`WildcardPatternParser`).  The left operand's type drives conversion of the right one.

String comparison uses the invariant culture (ICU root collation on Linux); we approximate it
with a three-level key: primary = letters case-folded and accents stripped, ASCII punctuation
ordered as in the root collation (before digits, before letters); secondary = accents;
tertiary = case (lower before upper).
"""
from __future__ import annotations

import enum
import re
import unicodedata
from collections.abc import Iterator, KeysView, ValuesView
from datetime import datetime, timedelta
from decimal import Decimal
from functools import lru_cache
from types import GeneratorType

from .conversion import to_bool, to_number, to_string, try_convert
from .errors import PSError
from .psobject import Char, Hashtable, type_names

__all__ = ["equals", "compare", "like_to_regex", "wildcard_match", "string_sort_key",
           "is_collection", "regex_for", "COMPARISON"]

_ENUMERABLE = (GeneratorType, range, set, frozenset, KeysView, ValuesView, Iterator)


def is_collection(v) -> bool:
    """What PowerShell enumerates as an operator's left operand (not strings, not dicts)."""
    t = type(v)
    if t is list:
        return True
    if t is tuple:
        return not hasattr(v, "_fields")
    if t is str or t is int or v is None or isinstance(v, (str, dict, bytes)):
        return False
    if isinstance(v, (list, tuple)):
        return not hasattr(v, "_fields")
    return isinstance(v, _ENUMERABLE)


def _is_number(v) -> bool:
    t = type(v)
    if t is int or t is float or t is Decimal:
        return True
    return isinstance(v, (int, float, Decimal)) and t is not bool and not isinstance(v, enum.Enum)


# ------------------------------------------------------------------------------------------
# culture string ordering

_ASCII_ORDER = "\t\n\v\f\r _-,;:!?.'\"()[]{}@*/\\&#%`^+<=>|~$0123456789"


def _build_primary() -> dict[int, str]:
    table = {}
    for rank, ch in enumerate(_ASCII_ORDER):
        table[ord(ch)] = chr(0x100 + rank)
    base = 0x100 + len(_ASCII_ORDER)
    for i, ch in enumerate("abcdefghijklmnopqrstuvwxyz"):
        table[ord(ch)] = table[ord(ch.upper())] = chr(base + i)
    for c in range(0x20):  # other control characters are ignorable
        table.setdefault(c, None)
    table[0x7F] = None
    return table


_PRIMARY = _build_primary()


@lru_cache(maxsize=65536)
def string_sort_key(s: str, case_sensitive: bool = False) -> tuple:
    """A sort key approximating InvariantCulture CompareInfo.Compare (IgnoreCase unless
    case_sensitive).  Sort-Object and friends can sort with it directly."""
    if s.isascii():
        primary = s.translate(_PRIMARY)
        if not case_sensitive:
            return primary, ""
        return primary, "", s.translate(_CASE)
    decomposed = unicodedata.normalize("NFD", s)
    prim, sec, ter = [], [], []
    accented = False
    for ch in decomposed:
        if unicodedata.combining(ch):
            sec.append(ch)
            accented = True
            continue
        o = ord(ch)
        if o < 0x80:
            p = _PRIMARY.get(o, ch)
            if p is None:
                continue
            prim.append(p)
        else:
            low = ch.lower()
            prim.append(chr(min(0x10FFFF, 0x200 + ord(low[0]))) if low else ch)
        sec.append("\x01")
        ter.append("1" if ch.isupper() else "0")
    secondary = "".join(sec) if accented else ""
    if not case_sensitive:
        return "".join(prim), secondary
    return "".join(prim), secondary, "".join(ter)


_CASE = {c: ("1" if chr(c).isupper() else "0") for c in range(128)}


def compare_strings(a: str, b: str, case_sensitive: bool = False) -> int:
    if a == b:
        return 0
    if not case_sensitive and a.casefold() == b.casefold():
        return 0
    ka, kb = string_sort_key(a, case_sensitive), string_sort_key(b, case_sensitive)
    if ka == kb:
        if case_sensitive:
            return -1 if a < b else 1
        return 0
    return -1 if ka < kb else 1


def _str_eq(a: str, b: str, case_sensitive: bool) -> bool:
    if a == b:
        return True
    if case_sensitive:
        return False
    return a.casefold() == b.casefold()


# ------------------------------------------------------------------------------------------
# conversions used by comparisons

def _type_name(v) -> str:
    names = type_names(v)
    return names[0] if names else "System.Object"


def scan_number(s: str, other=None):
    """Parser.ScanNumber: a string operand of a numeric operation as a number of any type."""
    try:
        return to_number(s)
    except PSError as e:
        target = _type_name(other) if _is_number(other) else "System.Int32"
        if target != "System.Int32":
            e.message = e.message.replace('"System.Int32"', f'"{target}"', 1)
            e.args = (e.message,)
        raise


_PY_TYPE_TARGET = {bool: "System.Boolean", datetime: "System.DateTime", timedelta: "System.TimeSpan",
                   Char: "System.Char"}


def _convert_like(target, value):
    """Convert `value` to the type of `target` (LanguagePrimitives.ConvertTo); raises PSError."""
    from .conversion import convert_to

    name = _PY_TYPE_TARGET.get(type(target)) or _type_name(target)
    return convert_to(value, name)


# ------------------------------------------------------------------------------------------
# equality

def equals(left, right, case_sensitive: bool = False) -> bool:
    """PowerShell `-eq` on two scalars (LanguagePrimitives.Equals / the -eq binder)."""
    tl = type(left)
    if tl is str:
        tr = type(right)
        if tr is not str:
            if right is None:
                return False
            right = to_string(right)
        return left == right or (not case_sensitive and left.casefold() == right.casefold())
    if tl is int and type(right) is int:
        return left == right
    if left is None:
        return right is None
    if right is None:
        return False
    return _equals_slow(left, right, case_sensitive)


def _equals_slow(left, right, cs: bool) -> bool:
    if isinstance(left, Char):
        if isinstance(right, str) and (len(right) == 1):
            return _str_eq(left, right, cs) if not cs else str.__eq__(left, right)
        conv = try_convert(right, "System.Char")
        return conv is not None and str.__eq__(left, conv)
    if isinstance(left, str):
        return equals(str(left), right, cs)
    if isinstance(left, enum.Enum):
        if isinstance(right, enum.Enum):
            return left is right or left.value == right.value
        if isinstance(right, str):
            return _str_eq(left.name, right.strip(), False)
        return _is_number(right) and left.value == right
    if type(left) is bool:
        if type(right) is bool:
            return left is right
        return left is to_bool(right)
    if _is_number(left):
        if type(right) is bool:
            return left == int(right)
        if _is_number(right):
            try:
                return left == right
            except (TypeError, ArithmeticError):
                return False
        if isinstance(right, Char):
            return left == ord(right)
        if isinstance(right, str):
            try:
                n = scan_number(right, left)
            except PSError:
                return False
            return left == n
        return False
    if isinstance(left, (list, dict, set)) or type(left) is tuple:
        return left is right
    if isinstance(left, (datetime, timedelta)):
        if type(right) is type(left):
            try:
                return left == right
            except TypeError:
                return False
        try:
            conv = _convert_like(left, right)
        except PSError:
            return False
        try:
            return left == conv
        except TypeError:
            return False
    if left is right:
        return True
    try:
        return bool(left == right)
    except Exception:  # an arbitrary object's __eq__
        return False


# ------------------------------------------------------------------------------------------
# ordering

def _null_order(value, number_is_rhs: bool) -> int:
    i = -1 if number_is_rhs else 1
    if _is_number(value) and value < 0:
        return -i
    return i


def compare(left, right, case_sensitive: bool = False) -> int:
    """LanguagePrimitives.Compare: <0, 0, >0; the right operand is converted to the left's type.

    $null < 0 and positive numbers, $null > negative numbers, $null < any non-numeric value.
    Raises PSError 'Could not compare ...' when the right side cannot be converted.
    """
    if left is None:
        return 0 if right is None else _null_order(right, True)
    if right is None:
        return _null_order(left, False)
    return _compare(left, right, case_sensitive, True)


def _sign(a, b) -> int:
    return -1 if a < b else (1 if a > b else 0)


def _comparison_failure(left, right, err: PSError) -> PSError:
    return PSError(f'Could not compare "{to_string(left)}" to "{to_string(right)}". '
                   f'Error: "{err.message}"', "ComparisonFailure", category="InvalidOperation")


def _compare(left, right, cs: bool, wrap: bool) -> int:
    tl = type(left)
    if tl is str:
        if type(right) is not str:
            right = to_string(right)
        return compare_strings(left, right, cs)
    if tl is int and type(right) is int:
        return -1 if left < right else (1 if left > right else 0)
    if isinstance(left, Char):
        try:
            conv = right if isinstance(right, Char) else _convert_like(left, right)
        except PSError as e:
            raise _comparison_failure(left, right, e) from None
        return _sign(ord(left), ord(conv))
    if isinstance(left, str):
        return _compare(str(left), right, cs, wrap)
    if _is_number(left):
        if type(right) is bool:
            right = int(right)
        elif isinstance(right, Char):
            right = ord(right)
        elif isinstance(right, str):
            if wrap:
                try:
                    right = scan_number(right, left)
                except PSError as e:
                    raise _comparison_failure(left, right, e) from None
            else:
                right = scan_number(right, left)
        elif isinstance(right, enum.Enum):
            right = right.value
        elif not _is_number(right):
            try:
                right = _convert_like(left, right)
            except PSError as e:
                raise _comparison_failure(left, right, e) from None
        return _num_cmp(left, right)
    if isinstance(left, enum.Enum):
        try:
            conv = right if isinstance(right, type(left)) else _convert_like(left, right)
        except PSError as e:
            raise _comparison_failure(left, right, e) from None
        return _sign(left.value, getattr(conv, "value", conv))
    if tl is bool:
        return _sign(int(left), int(right if type(right) is bool else to_bool(right)))
    if type(right) is not tl:
        try:
            conv = _convert_like(left, right)
        except PSError as e:
            raise _comparison_failure(left, right, e) from None
    else:
        conv = right
    try:
        return _sign(left, conv)
    except TypeError:
        if left is right or _safe_eq(left, conv):
            return 0
        raise PSError(f'Cannot compare "{to_string(left)}" because it is not IComparable.',
                      "NotIcomparable", category="InvalidOperation") from None


def _safe_eq(a, b) -> bool:
    try:
        return bool(a == b)
    except Exception:
        return False


def _num_cmp(a, b) -> int:
    if type(a) is float or type(b) is float:
        if type(a) is Decimal:
            a = float(a)
        if type(b) is Decimal:
            b = float(b)
        if a != a:  # NaN sorts first, NaN == NaN (double.CompareTo)
            return 0 if b != b else -1
        if b != b:
            return 1
    return -1 if a < b else (1 if a > b else 0)


def _order(left, right, cs: bool) -> int:
    """The -lt/-gt binder on scalars (numeric vs string: the string is scanned as a number,
    and a failure raises 'Cannot convert value ...' unwrapped)."""
    if left is None or right is None:
        if left is None:
            return 0 if right is None else _null_order(right, True)
        return _null_order(left, False)
    return _compare(left, right, cs, False)


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
    return PSError(f"The specified wildcard character pattern is not valid: {pattern}",
                   "WildcardPattern_Invalid", category="InvalidArgument",
                   exception_type="System.Management.Automation.WildcardPatternException")


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
        from .pstypes import dotnet_regex
    except ImportError:
        dotnet_regex = None
    try:
        if dotnet_regex is not None:
            return dotnet_regex(pattern, ignore_case, flags)
        return _fallback_regex(pattern, ignore_case, flags)
    except (re.error, PSError):
        raise PSError(f"The regular expression pattern {pattern} is not valid.",
                      "InvalidRegularExpression", category="InvalidOperation") from None


def _pattern_of(right, ignore_case: bool) -> re.Pattern:
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


# ------------------------------------------------------------------------------------------
# operator implementations: (left, right, ctx)

def _filter(left, pred):
    return [x for x in left if pred(x)]


def _op_eq(cs: bool, negate: bool):
    def op(left, right, ctx=None):
        tl = type(left)
        if tl is str and type(right) is str:  # the hot path
            r = left == right or (not cs and left.casefold() == right.casefold())
            return r is not negate
        if tl is int and type(right) is int:
            return (left == right) is not negate
        if is_collection(left):
            return [x for x in left if equals(x, right, cs) is not negate]
        return equals(left, right, cs) is not negate
    return op


_TESTS = {
    "gt": lambda c: c > 0, "ge": lambda c: c >= 0,
    "lt": lambda c: c < 0, "le": lambda c: c <= 0,
}


def _op_order(name: str, cs: bool):
    test = _TESTS[name]
    import operator as _o

    fast = {"gt": _o.gt, "ge": _o.ge, "lt": _o.lt, "le": _o.le}[name]

    def op(left, right, ctx=None):
        tl = type(left)
        if tl is int and type(right) is int:
            return fast(left, right)
        if tl is str and type(right) is str:
            return test(compare_strings(left, right, cs))
        if is_collection(left):
            return [x for x in left if test(_order(x, right, cs))]
        return test(_order(left, right, cs))
    return op


def _like_text(v) -> str:
    return "" if v is None else (v if type(v) is str else to_string(v))


def _op_like(cs: bool, negate: bool):
    def op(left, right, ctx=None):
        rx = like_to_regex(right if type(right) is str else to_string(right), cs)
        if is_collection(left):
            out = []
            for x in left:
                s = _like_text(x)
                if (rx.match(s) is not None) is not negate:
                    out.append(s)
            return out
        return (rx.match(_like_text(left)) is not None) is not negate
    return op


def _op_match(cs: bool, negate: bool):
    def op(left, right, ctx=None):
        rx = _pattern_of(right, not cs)
        if is_collection(left):
            return [x for x in left if (rx.search(_like_text(x)) is not None) is not negate]
        m = rx.search(_like_text(left))
        if m is not None and ctx is not None:
            ctx.matches = matches_table(m)
        return (m is not None) is not negate
    return op


def _contains(coll, item, cs: bool) -> bool:
    if is_collection(coll):
        for x in coll:
            if equals(x, item, cs):
                return True
        return False
    return equals(coll, item, cs)


def _op_contains(cs: bool, negate: bool, swap: bool):
    def op(left, right, ctx=None):
        if swap:
            left, right = right, left
        return _contains(left, right, cs) is not negate
    return op


def _build() -> dict:
    table = {}
    for prefix, cs in (("", False), ("i", False), ("c", True)):
        table[f"-{prefix}eq"] = _op_eq(cs, False)
        table[f"-{prefix}ne"] = _op_eq(cs, True)
        for name in ("gt", "ge", "lt", "le"):
            table[f"-{prefix}{name}"] = _op_order(name, cs)
        table[f"-{prefix}like"] = _op_like(cs, False)
        table[f"-{prefix}notlike"] = _op_like(cs, True)
        table[f"-{prefix}match"] = _op_match(cs, False)
        table[f"-{prefix}notmatch"] = _op_match(cs, True)
        table[f"-{prefix}contains"] = _op_contains(cs, False, False)
        table[f"-{prefix}notcontains"] = _op_contains(cs, True, False)
        table[f"-{prefix}in"] = _op_contains(cs, False, True)
        table[f"-{prefix}notin"] = _op_contains(cs, True, True)
    return table


COMPARISON = _build()
