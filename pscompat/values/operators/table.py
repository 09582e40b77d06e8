"""PowerShell's operators on Python values: the BINARY/UNARY tables the compiler calls.

This module keeps the tables (BINARY, UNARY, get_binary) and the small operator families:
bitwise and shifts (-band -bor -bxor -bnot -shl -shr; PS: Binders.cs `BinaryBitwiseOp`,
`Shift`), range (`..`), type (-is -isnot -as), logical (-and -or -xor) and -f.

The larger families live in their own modules and are re-exported here, so callers import
everything from pscompat.values.operators.table: operators_arith.py (+ - * / %, unary - and +, numeric
promotion), operators_compare.py (comparison, wildcard and regex operators),
operators_text.py (-replace/-split/-join); -f formats with dotnetfmt.py.
"""

from __future__ import annotations

import enum
import math
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from pscompat.errors import PSError
from pscompat.values.convert.primitives import convert_to, to_bool
from pscompat.values.convert.strings import to_string
from pscompat.values.dotnet_format.composite import format_string
from pscompat.values.objects.classes import Char
from pscompat.values.operators.arithmetic import (
    INT32_MAX,
    INT32_MIN,
    add,
    divide,
    int_width,
    multiply,
    negate,
    plus,
    remainder,
    subtract,
)
from pscompat.values.operators.comparison import COMPARISON
from pscompat.values.operators.equality import scan_number
from pscompat.values.operators.text import join_op, replace_op, split_op, unary_join, unary_split

__all__ = ["BINARY", "UNARY", "get_binary", "range_op", "range_enumerator", "CharRange"]


# ------------------------------------------------------------------------------------------
# bitwise and shifts


def _bit_operand(v, other):
    if v is None:
        return 0
    t = type(v)
    if t is int:
        return v
    if t is bool:
        return int(v)
    if isinstance(v, Char):
        return ord(v)
    if isinstance(v, str):
        v = scan_number(v, other)
    if type(v) is float or type(v) is Decimal:
        if math.isnan(v) or math.isinf(v):
            return convert_to(v, "System.UInt64")
        return int(round(v)) if type(v) is float else int(v.to_integral_value())
    if hasattr(v, "value") and isinstance(v.value, int):
        return int(v.value)
    if isinstance(v, int):
        return int(v)
    return convert_to(v, "System.Int64")


def _bitwise(fn: Callable[[int, int], int], name: str):
    def op(left, right, ctx=None):
        if type(left) is int and type(right) is int:
            return fn(left, right)
        if left is None and right is None:
            return 0
        a, b = _bit_operand(left, right), _bit_operand(right, left)
        if isinstance(left, enum.Enum):  # flags stay flags: [CommandTypes]::Alias -bor ... is 'Alias, Application'
            from pscompat.values.dotnet.enums import make

            return make(type(left), fn(a, b))
        return fn(a, b)

    op.__name__ = name
    return op


def _wrap(v: int, bits: int) -> int:
    v &= (1 << bits) - 1
    return v - (1 << bits) if v >> (bits - 1) else v


def shl(left, right, ctx=None):
    if left is None:
        return 0
    a = _bit_operand(left, right)
    n = _bit_operand(right, left)
    bits = int_width(a) or 64
    return _wrap(a << (n & (31 if bits == 32 else 63)), bits)


def shr(left, right, ctx=None):
    if left is None:
        return 0
    a = _bit_operand(left, right)
    n = _bit_operand(right, left)
    bits = int_width(a) or 64
    return a >> (n & (31 if bits == 32 else 63))


def bnot(value):
    if value is None:
        return -1
    a = _bit_operand(value, None)
    bits = int_width(a)
    if bits:
        return ~a
    return (~a) & ((1 << 64) - 1)


# ------------------------------------------------------------------------------------------
# range, type operators, logical


def _as_char(v):
    if isinstance(v, Char):
        return v
    if type(v) is str and len(v) == 1 and not v.isdigit():
        return v
    return None


def _range_int(v) -> int:
    if type(v) is int:
        if not INT32_MIN <= v <= INT32_MAX:
            raise PSError(
                "Value was either too large or too small for an Int32.", "RuntimeException", category="NotSpecified"
            )
        return v
    return convert_to(v, "System.Int32")


def range_op(left, right, ctx=None) -> list:
    """`a..b`: int32 endpoints (ascending or descending); single characters give [char]s."""
    return list(range_enumerator(left, right))


class CharRange:
    """The [char]s of `'a'..'z'`, made one at a time (PowerShell's CharRangeEnumerator)."""

    __slots__ = ("_codes",)

    def __init__(self, codes: range):
        self._codes = codes

    def __len__(self) -> int:
        return len(self._codes)

    def __getitem__(self, index: int) -> Char:
        return Char(chr(self._codes[index]))

    def __iter__(self):
        for code in self._codes:
            yield Char(chr(code))


def range_enumerator(left, right) -> range | CharRange:
    """`a..b` as a lazy sequence, for where PowerShell 7 enumerates a range without building its
    array: a range that is a pipeline's first element or a foreach's collection (Compiler.cs
    GetRangeEnumerator; parserutils.cs RangeEnumerator).  `1..1e9 | Select -First 3` then costs
    three numbers, not a billion.  Same endpoint rules as range_op."""
    lc, rc = _as_char(left), _as_char(right)
    if lc is not None and rc is not None:
        lo, hi = ord(lc), ord(rc)
        step = 1 if hi >= lo else -1
        return CharRange(range(lo, hi + step, step))
    lo, hi = _range_int(left), _range_int(right)
    step = 1 if hi >= lo else -1
    return range(lo, hi + step, step)


def _type_arg(right):
    if right is None:
        raise PSError(
            "The right operand of '-is' must be a type.", "IsOperatorRequiresType", category="InvalidOperation"
        )
    return right


def is_op(left, right, ctx=None) -> bool:
    right = _type_arg(right)
    check = getattr(right, "is_instance", None)
    if callable(check):
        return bool(check(left))
    from pscompat.values.convert.primitives import is_instance

    return is_instance(left, to_string(right))


def isnot_op(left, right, ctx=None) -> bool:
    return not is_op(left, right, ctx)


def as_op(left, right, ctx=None):
    conv = getattr(right, "convert", None)
    if callable(conv):
        try:
            return conv(left)
        except PSError:
            return None
    from pscompat.values.convert.primitives import try_convert

    return try_convert(left, to_string(right))


def _and(left, right, ctx=None) -> bool:
    return to_bool(left) and to_bool(right)


def _or(left, right, ctx=None) -> bool:
    return to_bool(left) or to_bool(right)


def _xor(left, right, ctx=None) -> bool:
    return to_bool(left) != to_bool(right)


def format_op(left, right, ctx=None) -> str:
    return format_string(left if type(left) is str else to_string(left), right)


# ------------------------------------------------------------------------------------------
# unary

UNARY: dict[str, Callable[[Any], Any]] = {
    "-": negate,
    "+": plus,
    "!": lambda v: not to_bool(v),
    "-not": lambda v: not to_bool(v),
    "-bnot": bnot,
    ",": lambda v: [v],
    "-split": unary_split,
    "-isplit": unary_split,
    "-csplit": unary_split,
    "-join": unary_join,
}


# ------------------------------------------------------------------------------------------
# the binary table


def _build() -> dict[str, Callable]:
    table: dict[str, Callable] = {
        "+": add,
        "-": subtract,
        "*": multiply,
        "/": divide,
        "%": remainder,
        "..": range_op,
        "-f": format_op,
        "-join": join_op,
        "-is": is_op,
        "-isnot": isnot_op,
        "-as": as_op,
        "-band": _bitwise(lambda a, b: a & b, "band"),
        "-bor": _bitwise(lambda a, b: a | b, "bor"),
        "-bxor": _bitwise(lambda a, b: a ^ b, "bxor"),
        "-shl": shl,
        "-shr": shr,
        "-and": _and,
        "-or": _or,
        "-xor": _xor,
    }
    table.update(COMPARISON)
    for prefix, ci in (("", True), ("i", True), ("c", False)):
        table[f"-{prefix}replace"] = replace_op(ci)
        table[f"-{prefix}split"] = split_op(ci)
    return table


BINARY: dict[str, Callable[[Any, Any, Any], Any]] = _build()
_LOWER = {k.lower(): v for k, v in BINARY.items()}


def get_binary(op: str) -> Callable[[Any, Any, Any], Any]:
    """The implementation of a binary operator (case-insensitive name); KeyError if unknown."""
    fn = BINARY.get(op)
    if fn is None:
        fn = _LOWER[op.lower()]
    return fn
