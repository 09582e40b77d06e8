"""equals() and compare(): the scalar semantics of PowerShell's equality operators.

-eq -ne -gt -ge -lt -le on two scalars, as LanguagePrimitives.Equals/Compare define them (PS:
src/System.Management.Automation/engine/runtime/Binding/Binders.cs `CompareEQ`/`CompareLT`/...
`BinaryEqualityComparison`/`BinaryComparison`; engine/LanguagePrimitives.cs `Equals`/`Compare`/
`CompareObjectToNull`).  The left operand's type drives conversion of the right one
(scan_number, _convert_like).

String comparison uses the invariant culture (ICU root collation on Linux); we approximate it
with a three-level key: primary = letters case-folded and accents stripped, ASCII punctuation
ordered as in the root collation (before digits, before letters); secondary = accents;
tertiary = case (lower before upper).  string_sort_key is also what Sort-Object and
Group-Object sort by.

Separate from operators_compare.py (the operator table, which applies these to collections
element by element) because this is the value-level comparison other code calls on its own
(Sort-Object, Measure-Object, validation, [string]::Compare); operators_compare re-exports it.
"""

from __future__ import annotations

import enum
import unicodedata
from datetime import datetime, timedelta
from decimal import Decimal
from functools import lru_cache

from pscompat.errors import PSError
from pscompat.values.convert.primitives import to_bool, to_number, try_convert
from pscompat.values.convert.strings import to_string
from pscompat.values.objects.classes import Char
from pscompat.values.objects.model import type_names

__all__ = ["equals", "compare", "compare_strings", "string_sort_key", "scan_number"]


def is_number(v) -> bool:
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
        target = _type_name(other) if is_number(other) else "System.Int32"
        if target != "System.Int32":
            e.message = e.message.replace('"System.Int32"', f'"{target}"', 1)
            e.args = (e.message,)
        raise


_PY_TYPE_TARGET = {
    bool: "System.Boolean",
    datetime: "System.DateTime",
    timedelta: "System.TimeSpan",
    Char: "System.Char",
}


def _convert_like(target, value):
    """Convert `value` to the type of `target` (LanguagePrimitives.ConvertTo); raises PSError."""
    from pscompat.values.convert.primitives import convert_to

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
        return is_number(right) and left.value == right
    if type(left) is bool:
        if type(right) is bool:
            return left is right
        return left is to_bool(right)
    if is_number(left):
        if type(right) is bool:
            return left == int(right)
        if is_number(right):
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
    if is_number(value) and value < 0:
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
    return PSError(
        f'Could not compare "{to_string(left)}" to "{to_string(right)}". Error: "{err.message}"',
        "ComparisonFailure",
        category="InvalidOperation",
    )


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
    if is_number(left):
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
        elif not is_number(right):
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
        raise PSError(
            f'Cannot compare "{to_string(left)}" because it is not IComparable.',
            "NotIcomparable",
            category="InvalidOperation",
        ) from None


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


def compare_order(left, right, cs: bool) -> int:
    """The -lt/-gt binder on scalars (numeric vs string: the string is scanned as a number,
    and a failure raises 'Cannot convert value ...' unwrapped)."""
    if left is None or right is None:
        if left is None:
            return 0 if right is None else _null_order(right, True)
        return _null_order(left, False)
    return _compare(left, right, cs, False)
