"""PowerShell's comparison operators: the COMPARISON table of -eq/-lt/-like/-match/-contains/-in.

Each operator comes in three forms (-eq, -ieq case-insensitive, -ceq case-sensitive) and, with
a collection on the left, filters its elements instead of returning a bool (PS: engine/lang/
parserutils.cs `LikeOperator`/`MatchOperator`/`ContainsOperator`; Docs:
about_Comparison_Operators.md).  A successful scalar -match sets $Matches through ctx.

The value-level work lives in two modules, re-exported here so callers keep importing from
pscompat.values.operators.comparison: operators_equality.py (equals, compare, the culture string order,
scan_number) and operators_match.py (wildcard and .NET regex translation).  This module keeps
is_collection (what an operator enumerates) and the operator closures.
"""

from __future__ import annotations

from collections.abc import Iterator, KeysView, ValuesView
from types import GeneratorType

from pscompat.values.convert.strings import to_string
from pscompat.values.operators.equality import (
    compare_order,
    compare_strings,
    equals,
)
from pscompat.values.operators.patterns import (
    like_to_regex,
    matches_table,
    pattern_of,
)

__all__ = ["is_collection", "COMPARISON"]

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


# ------------------------------------------------------------------------------------------
# operator implementations: (left, right, ctx)


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
    "gt": lambda c: c > 0,
    "ge": lambda c: c >= 0,
    "lt": lambda c: c < 0,
    "le": lambda c: c <= 0,
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
            return [x for x in left if test(compare_order(x, right, cs))]
        return test(compare_order(left, right, cs))

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
        rx = pattern_of(right, not cs)
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
