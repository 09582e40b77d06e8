"""Should's operators: each takes the actual value, the bound parameters and -Not, and returns
None when the assertion holds or Pester's failure message word for word (the message texts are
those of src/functions/assertions/*.ps1 in Pester 5)."""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from typing import Any

from pscompat.cmdlets.pester.nicely import because, format_nicely, join_and
from pscompat.engine.runtime import is_enumerable
from pscompat.errors import FlowControl, PSError
from pscompat.values.convert.primitives import to_bool
from pscompat.values.convert.strings import to_string
from pscompat.values.operators.comparison import COMPARISON
from pscompat.values.operators.table import is_op


def _seq(value: Any) -> list | None:
    """A collection's items, or None for a single value (strings and dictionaries are single)."""
    if is_enumerable(value):
        return list(value)
    return None


def _unroll(value: Any) -> Any:
    """$($x): a one-item collection is its item, an empty one is $null."""
    items = _seq(value)
    if items is None:
        return value
    if not items:
        return None
    return items[0] if len(items) == 1 else items


def arrays_equal(a: Any, b: Any, cs: bool) -> bool:
    """Pester's ArraysAreEqual: element-wise with -eq (or -ceq), collections nested."""
    sa, sb = _seq(a), _seq(b)
    if sa is not None and len(sa) == 1:
        sa, a = None, sa[0]
    if sb is not None and len(sb) == 1:
        sb, b = None, sb[0]
    if sa is None and sb is None:
        return bool(COMPARISON["-ceq" if cs else "-eq"](b, a, None)) if a is not None else b is None
    if sa is None or sb is None:
        return False
    if len(sa) != len(sb):
        return False
    return all(arrays_equal(x, y, cs) for x, y in zip(sa, sb, strict=True))


def _string_message(expected: str, actual: str, cs: bool, bec: str) -> str:
    """Get-CompareStringMessage: where two strings first differ, with a caret under it."""
    index = None
    for i in range(max(len(expected), len(actual))):
        e = expected[i] if i < len(expected) else None
        a = actual[i] if i < len(actual) else None
        same = e == a if cs else (e is not None and a is not None and e.lower() == a.lower())
        if not same:
            index = i
            break
    if index is None:
        return ""
    lines = [f"Expected strings to be the same,{bec} but they were different."]
    if len(expected) != len(actual):
        lines += [f"Expected length: {len(expected)}", f"Actual length:   {len(actual)}"]
    else:
        lines.append(f"String lengths are both {len(expected)}.")
    lines.append(f"Strings differ at index {index}.")

    def expand(s: str) -> str:
        return s.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t")

    exp, act = expand(expected), expand(actual)
    caret = len(expand(actual[:index]))
    lines += [f"Expected: '{exp}'", f"But was:  '{act}'", " " * 11 + "-" * caret + "^"]
    return "\n".join(lines)


def _be(actual, expected, negate, bec, cs: bool) -> str | None:
    ok = arrays_equal(actual, expected, cs)
    if ok != negate:
        return None
    if negate:
        same = "exactly the same value" if cs else "the same value"
        return f"Expected {format_nicely(expected)} to be different from the actual value,{bec} but got {same}."
    sa, se = _seq(actual), _seq(expected)
    if sa is not None and se is not None:
        if len(sa) != len(se) and not cs:
            return (
                f"Expected a collection {format_nicely(expected)} with length {len(se)},{bec} "
                f"but got a collection {format_nicely(actual)} with length {len(sa)}."
            )
        if len(sa) == len(se):
            for i, (x, y) in enumerate(zip(sa, se, strict=True)):
                if not arrays_equal(x, y, cs):
                    return "\n".join(
                        [
                            f"Expected collections to be the same,{bec} but they were different.",
                            f"Collection lengths are both {len(se)}.",
                            f"Collections differ at index {i}.",
                            f"Expected: {format_nicely(se)}",
                            f"But was:  {format_nicely(sa)}",
                        ]
                    )
    a, e = _unroll(actual), _unroll(expected)
    if isinstance(a, str) and isinstance(e, str):
        return _string_message(e, a, cs, bec)
    exactly = "exactly " if cs else ""
    return f"Expected {exactly}{format_nicely(e)},{bec} but got {format_nicely(a)}."


def _order(op: str, words: str):
    def check(actual, expected, negate, bec) -> str | None:
        ok = bool(COMPARISON[op](actual, expected, None))
        if ok:
            return None
        return (
            f"Expected the actual value to be {words} {format_nicely(expected)},{bec} but got {format_nicely(actual)}."
        )

    return check


_GT = _order("-gt", "greater than")
_GE = _order("-ge", "greater than or equal to")
_LT = _order("-lt", "less than")
_LE = _order("-le", "less than or equal to")


def be_greater_than(actual, p, negate, bec):
    return (_LE if negate else _GT)(actual, p.get("ExpectedValue"), False, bec)


def be_less_or_equal(actual, p, negate, bec):
    return (_GT if negate else _LE)(actual, p.get("ExpectedValue"), False, bec)


def be_less_than(actual, p, negate, bec):
    return (_GE if negate else _LT)(actual, p.get("ExpectedValue"), False, bec)


def be_greater_or_equal(actual, p, negate, bec):
    return (_LT if negate else _GE)(actual, p.get("ExpectedValue"), False, bec)


def be(actual, p, negate, bec):
    return _be(actual, p.get("ExpectedValue"), negate, bec, False)


def be_exactly(actual, p, negate, bec):
    return _be(actual, p.get("ExpectedValue"), negate, bec, True)


def be_in(actual, p, negate, bec):
    expected = p.get("ExpectedValue")
    ok = bool(COMPARISON["-contains"](expected, actual, None))
    if ok != negate:
        return None
    nt = "not " if negate else ""
    how = "it was found" if negate else "it was not found"
    return f"Expected collection {format_nicely(expected)} to {nt}contain {format_nicely(actual)},{bec} but {how}."


def contain(actual, p, negate, bec):
    expected = p.get("ExpectedValue")
    ok = bool(COMPARISON["-contains"](actual, expected, None))
    if ok != negate:
        return None
    nt = "not " if negate else ""
    how = "it was found" if negate else "it was not found"
    return f"Expected {format_nicely(expected)} to {nt}be found in collection {format_nicely(actual)},{bec} but {how}."


def _like(cs: bool):
    def check(actual, p, negate, bec):
        expected = p.get("ExpectedValue")
        ok = bool(COMPARISON["-clike" if cs else "-like"](actual, expected, None))
        if ok != negate:
            return None
        nt = "not " if negate else ""
        did = "it did match" if negate else "it did not match"
        word = "case sensitive like wildcard" if cs else "like wildcard"
        return f"Expected {word} {format_nicely(expected)} to {nt}match {format_nicely(actual)},{bec} but {did}."

    return check


def _match(cs: bool):
    def check(actual, p, negate, bec):
        rx = p.get("RegularExpression", p.get("ExpectedValue"))
        ok = bool(COMPARISON["-cmatch" if cs else "-match"](actual, rx, None))
        if ok != negate:
            return None
        nt = "not " if negate else ""
        how = "case sensitively match" if cs else "match"
        did = "it did match" if negate else "it did not match"
        return f"Expected regular expression {format_nicely(rx)} to {nt}{how} {format_nicely(actual)},{bec} but {did}."

    return check


def be_null_or_empty(actual, p, negate, bec):
    items = _seq(actual)
    single = None
    if actual is None or (items is not None and not items):
        ok = True
    elif items is None or len(items) == 1:
        single = items[0] if items is not None else actual
        if isinstance(single, dict):
            ok = len(single) == 0
        else:
            ok = single is None or single == ""
        if items is None and isinstance(actual, dict):
            ok = len(actual) == 0
    else:
        ok = False
    if ok != negate:
        return None
    if negate:
        return f"Expected a value,{bec} but got $null or empty."
    shown = single if single is not None else actual
    return f"Expected $null or empty,{bec} but got {format_nicely(shown)}."


def be_true(actual, p, negate, bec):
    if negate:
        return be_false(actual, p, False, bec)
    if not to_bool(actual):
        return f"Expected $true,{bec} but got {format_nicely(actual)}."
    return None


def be_false(actual, p, negate, bec):
    if negate:
        return be_true(actual, p, False, bec)
    if to_bool(actual):
        return f"Expected $false,{bec} but got {format_nicely(actual)}."
    return None


def be_of_type(actual, p, negate, bec):
    from pscompat.values.dotnet.type_literals import PSType
    from pscompat.values.methods.dispatch import get_type
    from pscompat.values.objects.model import type_names

    expected = p.get("ExpectedType", p.get("ExpectedValue"))
    if isinstance(expected, str):
        from pscompat.values.dotnet.type_literals import resolve_type

        try:  # `-BeOfType [int]` in command mode passes the text '[int]': a type when it names one
            expected = resolve_type(expected)
        except PSError:
            pass
    if isinstance(expected, str):
        name = re.sub(r"^\[(.*)\]$", r"\1", expected)
        names = [n.lower() for n in type_names(actual)] if actual is not None else []
        short = [n.rsplit(".", 1)[-1] for n in names]
        ok = actual is not None and (name.lower() in names or name.lower() in short)
        if ok != negate:
            return None
        actual_type = format_nicely(get_type(actual)) if actual is not None else "$null"
        pstn = ", ".join(f"[{n}]" for n in type_names(actual)) if actual is not None else "$null"
        nt = "not " if negate else ""
        return (
            f"Expected the value to {nt}have type or PSTypeName [{name}],{bec} but got {format_nicely(actual)} "
            f"with type {actual_type} and PSTypeNames {pstn}."
        )
    ok = bool(is_op(actual, expected))
    if ok != negate:
        return None
    actual_type = format_nicely(get_type(actual)) if actual is not None else "$null"
    nt = "not " if negate else ""
    shown = format_nicely(expected) if isinstance(expected, PSType) else format_nicely(expected)
    return (
        f"Expected the value to {nt}have type {shown} or any of its subtypes,{bec} but got "
        f"{format_nicely(actual)} with type {actual_type}."
    )


def have_count(actual, p, negate, bec):
    expected = int(p.get("ExpectedValue") or 0)
    items = _seq(actual)
    count = 0 if actual is None else (len(items) if items is not None else 1)
    ok = count == expected
    if ok != negate:
        return None
    if negate:
        expect = (
            "Expected a non-empty collection"
            if expected == 0
            else (f"Expected a collection with size different from {format_nicely(expected)}")
        )
        but = f"but got collection with that size {format_nicely(actual)}." if count else "but got an empty collection."
    else:
        expect = (
            "Expected an empty collection"
            if expected == 0
            else (f"Expected a collection with size {format_nicely(expected)}")
        )
        but = (
            f"but got collection with size {format_nicely(count)} {format_nicely(actual)}."
            if count
            else "but got an empty collection."
        )
    return f"{expect},{bec} {but}"


def exist(actual, p, negate, bec, ctx=None):
    path = to_string(actual)
    ok = _path_exists(path, ctx)
    if ok != negate:
        return None
    if negate:
        return f"Expected path {format_nicely(actual)} to not exist,{bec} but it did exist."
    return f"Expected path {format_nicely(actual)} to exist,{bec} but it did not exist."


def _path_exists(path: str, ctx) -> bool:
    if not path:
        return False
    if ctx is not None:
        try:
            from pscompat.engine.scriptblock import ScriptBlockValue
            from pscompat.source import Source
            from pscompat.syntax.grammar import parse_cached

            text = "param($p) Test-Path -LiteralPath $p"
            block = ScriptBlockValue(parse_cached(text, "<Should -Exist>"), Source(text, "<Should -Exist>"))
            out = ctx.invoke_block(block, (path,), None, True)
            return bool(out and out[0])
        except (PSError, FlowControl):
            return False
    return os.path.exists(path)


def _file_content(flags: int, cs: bool, multiline: bool):
    def check(actual, p, negate, bec, ctx=None):
        pattern = to_string(p.get("ExpectedContent", p.get("ExpectedValue")))
        path = to_string(actual)
        try:
            with open(path, encoding="utf-8-sig", errors="replace") as fh:
                text = fh.read()
        except OSError:
            text = ""
        rx = re.compile(pattern, (0 if cs else re.IGNORECASE) | flags)
        if multiline:
            ok = rx.search(text) is not None
        else:
            ok = any(rx.search(line) for line in text.splitlines())
        if ok != negate:
            return None
        nt = "not " if negate else ""
        how = "it was found" if negate else "it was not found"
        exact = "case sensitively " if cs else ""
        shown = format_nicely(path) if multiline else f"'{path}'"
        return f"Expected {format_nicely(pattern)} to {nt}be {exact}found in file {shown},{bec} but {how}."

    return check


OPERATORS: dict[str, Callable] = {
    "Be": be,
    "BeExactly": be_exactly,
    "BeGreaterThan": be_greater_than,
    "BeGreaterOrEqual": be_greater_or_equal,
    "BeLessThan": be_less_than,
    "BeLessOrEqual": be_less_or_equal,
    "BeIn": be_in,
    "BeLike": _like(False),
    "BeLikeExactly": _like(True),
    "BeNullOrEmpty": be_null_or_empty,
    "BeOfType": be_of_type,
    "BeTrue": be_true,
    "BeFalse": be_false,
    "Contain": contain,
    "HaveCount": have_count,
    "Match": _match(False),
    "MatchExactly": _match(True),
}

# operators that read the file system (through the session's providers)
PATH_OPERATORS: dict[str, Callable] = {
    "Exist": exist,
    "FileContentMatch": _file_content(0, False, False),
    "FileContentMatchExactly": _file_content(0, True, False),
    "FileContentMatchMultiline": _file_content(re.MULTILINE, False, True),
    "FileContentMatchMultilineExactly": _file_content(re.MULTILINE, True, True),
}

# operators given the whole piped collection rather than one call per object (-SupportsArrayInput)
ARRAY_INPUT = frozenset({"Be", "BeExactly", "BeNullOrEmpty", "Contain", "HaveCount"})

__all__ = ["ARRAY_INPUT", "OPERATORS", "PATH_OPERATORS", "because", "join_and"]
