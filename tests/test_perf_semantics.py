"""The semantics the fast paths of issue 15 must keep (Sort-Object with $null, missing and
mixed-type keys; top-n; Group-Object with several keys; Measure/Select column reads).

Table-driven: script -> expected output, from PowerShell's rules (cited per case), then
differential tests: the fast paths against the general comparer on random columns.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from functools import cmp_to_key

import pytest

import pscompat
from pscompat.cmdlets.objects.sort import NON_EXISTING, OrderEntry, make_comparer
from pscompat.values.objects.classes import PSObject


def ps(script: str, **variables) -> list:
    return list(pscompat.run(script, **variables))


OBJ = "% { [pscustomobject]@{ v = $_ } }"

# LanguagePrimitives.Compare (CompareObjectToNull): $null is below zero and the positive numbers,
# above the negative ones, below every non-numeric value; ObjectCommandComparer negates the
# result for -Descending, and puts a missing property after everything in either direction
# (PS: src/Microsoft.PowerShell.Commands.Utility/commands/utility/ObjectCommandComparer.cs).
CASES = [
    (
        "numbers with $null",
        f"(3, -2, $null, 0, 1.5 | {OBJ} | Sort-Object v | % {{ \"$($_.v)\" }}) -join ','",
        "-2,,0,1.5,3",
    ),
    (
        "numbers with $null, descending",
        f"(3, -2, $null, 0, 1.5 | {OBJ} | Sort-Object v -Descending | % {{ \"$($_.v)\" }}) -join ','",
        "3,1.5,0,,-2",
    ),
    (
        "strings with $null",
        f"('b', $null, 'A', 'a2' | {OBJ} | Sort-Object v | % {{ \"$($_.v)\" }}) -join ','",
        ",A,a2,b",
    ),
    (
        "strings with $null, descending",
        f"('b', $null, 'A' | {OBJ} | Sort-Object v -Descending | % {{ \"$($_.v)\" }}) -join ','",
        "b,A,",
    ),
    (
        "dates with $null",
        f"([datetime]'2020-01-02', $null, [datetime]'2019-05-01' | {OBJ} | Sort-Object v | % {{ if ($_.v) {{ $_.v.Year }} else {{ 'null' }} }}) -join ','",
        "null,2019,2020",
    ),
    (
        "missing property last, ascending",
        "([pscustomobject]@{v='b'}, [pscustomobject]@{w=1}, [pscustomobject]@{v=$null}, [pscustomobject]@{v='a'} | Sort-Object v | % { if ($_.psobject.Properties['v']) { \"[$($_.v)]\" } else { 'missing' } }) -join ','",
        "[],[a],[b],missing",
    ),
    (
        "missing property last, descending",
        "([pscustomobject]@{v='b'}, [pscustomobject]@{w=1}, [pscustomobject]@{v=$null}, [pscustomobject]@{v='a'} | Sort-Object v -Descending | % { if ($_.psobject.Properties['v']) { \"[$($_.v)]\" } else { 'missing' } }) -join ','",
        "[b],[a],[],missing",
    ),
    (
        "top n with $null keys (Sort | Select -First)",
        f"(5, $null, -1, 7, 0 | {OBJ} | Sort-Object v -Descending | Select-Object -First 3 | % {{ \"$($_.v)\" }}) -join ','",
        "7,5,0",
    ),
    (
        "top n reaching the $null",
        f"(5, $null, -1 | {OBJ} | Sort-Object v -Descending | Select-Object -First 2 | % {{ \"$($_.v)\" }}) -join ','",
        "5,",
    ),
    ("-Top with $null", f"(5, $null, -1, 7 | {OBJ} | Sort-Object v -Top 2 | % {{ \"$($_.v)\" }}) -join ','", "-1,"),
    (
        "-Bottom with $null",
        f"(5, $null, -1, 7 | {OBJ} | Sort-Object v -Bottom 2 | % {{ \"$($_.v)\" }}) -join ','",
        "5,7",
    ),
    # numbers and strings: TryCompare fails, so the two ToString() forms are compared
    ("numbers and text", "(2, 'b', 1, 'a' | Sort-Object) -join ','", "1,2,a,b"),
    ("ints and doubles", "(2, 1.5, -3, 2.25 | Sort-Object) -join ','", "-3,1.5,2,2.25"),
    # Group-Object: keys equal under ObjectCommandPropertyValue.Equals (case-insensitive by
    # default), groups in the comparer's order of their keys, named after the first member
    (
        "group by two keys, case-insensitive",
        "[pscustomobject]@{a='X';b=1}, [pscustomobject]@{a='y';b=2}, [pscustomobject]@{a='x';b=1} | Group-Object a, b | % { \"$($_.Name)=$($_.Count)\" }",
        ["X, 1=2", "y, 2=1"],
    ),
    (
        "group by two keys, case-sensitive",
        "[pscustomobject]@{a='X';b=1}, [pscustomobject]@{a='x';b=1} | Group-Object a, b -CaseSensitive | % { \"$($_.Name)=$($_.Count)\" }",
        ["x, 1=1", "X, 1=1"],
    ),
    (
        "group by two keys with $null and missing",
        "[pscustomobject]@{a='q';b=$null}, [pscustomobject]@{a='q'}, [pscustomobject]@{a='p';b=2}, [pscustomobject]@{a='q';b=$null} | Group-Object a, b | % { \"$($_.Name)=$($_.Count)\" }",
        ["p, 2=1", "q=2", "q=1"],
    ),
    (
        "group by two keys sorted by the second",
        "[pscustomobject]@{a='q';b=10}, [pscustomobject]@{a='q';b=9}, [pscustomobject]@{a='q';b=-1} | Group-Object a, b | % { $_.Values[1] }",
        [-1, 9, 10],
    ),
    (
        "group over hashtables, two keys",
        "@{a='X';b=1}, @{a='x';b=1} | Group-Object a, b | % { \"$($_.Name)=$($_.Count)\" }",
        ["X, 1=2"],
    ),
]


@pytest.mark.parametrize("script, expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_case(script, expected):
    got = ps(script)
    assert (got if isinstance(expected, list) else got[0]) == expected


def _reference_stable(values: list, descending: bool) -> list:
    """The heap sort's order (Sort-Object -Stable) through the general comparer, one key."""
    compare = make_comparer([not descending], False)
    entries = [OrderEntry(i, [v], i, v is not NON_EXISTING) for i, v in enumerate(values)]
    key = cmp_to_key(lambda a, b: (b.comparable - a.comparable) or compare(a, b) or (a.index - b.index))
    return [e.obj for e in sorted(entries, key=key)]


def _column(rnd: random.Random, kind: str, n: int) -> list:
    base = datetime(2020, 1, 1)
    out = []
    for _ in range(n):
        r = rnd.random()
        if r < 0.1:
            out.append(None)
        elif r < 0.15:
            out.append(NON_EXISTING)
        elif kind == "int":
            out.append(rnd.randint(-5, 5))
        elif kind == "number":
            out.append(rnd.choice([rnd.randint(-5, 5), rnd.uniform(-5, 5)]))
        elif kind == "str":
            out.append(rnd.choice(["a", "B", "b", "", "Ab", "ä", "z"]))
        else:
            out.append(base + timedelta(days=rnd.randint(0, 20)))
    return out


@pytest.mark.parametrize("kind", ["int", "number", "str", "date"])
@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("size", [50, 5000])
def test_sort_fast_path_matches_the_comparer(kind, descending, size):
    """-Stable (and any sort over 4,096 objects) through the fast path gives the general
    comparer's stable order, $null and missing values included."""
    rnd = random.Random(f"{kind}{descending}{size}")
    values = _column(rnd, kind, size)
    objs = [PSObject({"i": i}) if v is NON_EXISTING else PSObject({"i": i, "v": v}) for i, v in enumerate(values)]
    want = _reference_stable(values, descending)
    flag = "-Descending" if descending else ""
    got = [o.i for o in ps(f"$objs | Sort-Object v -Stable {flag}", objs=objs)]
    assert got == want
    if size > 4096:
        got = [o.i for o in ps(f"$objs | Sort-Object v {flag}", objs=objs)]
        assert got == want
    first = [o.i for o in ps(f"$objs | Sort-Object v {flag} | Select-Object -First 7", objs=objs)]
    if size > 4096:
        assert first == want[:7]
    else:  # the unstable sort: same keys in the same order, ties as .NET leaves them
        full = [o.i for o in ps(f"$objs | Sort-Object v {flag}", objs=objs)]
        assert first == full[:7]


@pytest.mark.parametrize("size", [40, 5000])
def test_sort_two_keys_matches_the_comparer(size):
    rnd = random.Random(size)
    a, b = _column(rnd, "str", size), _column(rnd, "number", size)
    objs = []
    for i, (x, y) in enumerate(zip(a, b)):
        props = {"i": i}
        if x is not NON_EXISTING:
            props["a"] = x
        if y is not NON_EXISTING:
            props["b"] = y
        objs.append(PSObject(props))
    compare = make_comparer([True, False], False)
    entries = [
        OrderEntry(i, [x, y], i, x is not NON_EXISTING or y is not NON_EXISTING) for i, (x, y) in enumerate(zip(a, b))
    ]
    key = cmp_to_key(lambda p, q: (q.comparable - p.comparable) or compare(p, q) or (p.index - q.index))
    want = [e.obj for e in sorted(entries, key=key)]
    got = [o.i for o in ps("$objs | Sort-Object a, @{e='b'; Descending=$true} -Stable", objs=objs)]
    assert got == want


def test_group_two_keys_matches_the_comparer():
    """Group-Object with two keys through buckets: the groups, their order and members are
    those of sorting by the comparer and joining equal neighbours."""
    rnd = random.Random(7)
    objs = [
        PSObject({"i": i, "a": rnd.choice(["x", "X", "y", None]), "b": rnd.choice([1, 2, -1, None])})
        for i in range(500)
    ]
    result = ps("$objs | Group-Object a, b", objs=objs)
    compare = make_comparer([True, True], False)
    entries = [OrderEntry(o, [o.get("a"), o.get("b")], i, True) for i, o in enumerate(objs)]
    groups: list = []
    for e in sorted(entries, key=cmp_to_key(compare)):
        if groups and compare(groups[-1][0], e) == 0:
            groups[-1].append(e)
        else:
            groups.append([e])
    assert [g.Count for g in result] == [len(g) for g in groups]
    assert [[o.i for o in g.Group] for g in result] == [[e.obj.i for e in g] for g in groups]


# --- the Python API uses the disk parse cache (opt-out) -------------------------------------------


def _trees(folder) -> list:
    ast = folder / "ast"
    return sorted(p.name for p in ast.iterdir()) if ast.is_dir() else []


@pytest.mark.parametrize(
    "how, stored",
    [("default", True), ("argument off", False), ("environment off", False), ("environment on", True)],
)
def test_api_disk_parse_cache(tmp_path, monkeypatch, how, stored):
    import uuid

    monkeypatch.setenv("PSCOMPAT_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("PSCOMPAT_PARSE_CACHE", raising=False)
    if how == "environment off":
        monkeypatch.setenv("PSCOMPAT_PARSE_CACHE", "0")
    if how == "environment on":
        monkeypatch.setenv("PSCOMPAT_PARSE_CACHE", "1")
    script = f"'{uuid.uuid4()}'.Length"  # a text no other test ran in this process
    if how == "argument off":
        result = pscompat.Session(disk_parse_cache=False).run(script)
    else:
        result = pscompat.run(script)
    assert list(result) == [36]
    assert bool(_trees(tmp_path)) is stored


# --- Measure-Object over a column of numbers -------------------------------------------------------
MEASURE_CASES = [
    # the sum is a running double total (Measure-Object.cs adds each value to a double)
    ("running double sum", [0.1] * 10, "-Sum", {"Sum": 0.9999999999999999, "Count": 10}),
    (
        "ints and doubles",
        [3, 1.5, -2, 7],
        "-Sum -Average -Minimum -Maximum",
        {"Sum": 9.5, "Average": 2.375, "Minimum": -2.0, "Maximum": 7.0},
    ),
    ("big integers as doubles", [2**60, 1], "-Sum -Maximum", {"Sum": float(2**60), "Maximum": float(2**60)}),
    ("NaN", [1.0, float("nan"), 2.0], "-Maximum", {"Count": 3}),
]


@pytest.mark.parametrize(
    "values, switches, expected", [c[1:] for c in MEASURE_CASES], ids=[c[0] for c in MEASURE_CASES]
)
def test_measure_column(values, switches, expected):
    objs = [PSObject({"v": v}) for v in values]
    fast = ps(f"$objs | Measure-Object v {switches}", objs=objs)[0]
    # the same objects one by one (a script block in between takes the general path)
    slow = ps(f"$objs | ForEach-Object {{ $_ }} | Measure-Object v {switches}", objs=objs)[0]
    for name, want in expected.items():
        assert getattr(fast, name) == want, name
    for name in ("Count", "Sum", "Average", "Maximum", "Minimum"):
        a, b = getattr(fast, name), getattr(slow, name)
        assert a == b or (a != a and b != b), name


def test_measure_missing_property_and_text_values():
    objs = [PSObject({"v": 1}), PSObject({"w": 2}), PSObject({"v": "x"})]
    result = pscompat.run("$objs | Measure-Object v -Sum", objs=objs)
    assert [e.FullyQualifiedErrorId for e in result.errors] == [
        "NonNumericInputObject,Microsoft.PowerShell.Commands.MeasureObjectCommand"
    ]


# --- Select-Object -ExpandProperty over a piped list ----------------------------------------------
EXPAND_CASES = [
    ("scalars", [{"n": "a"}, {"n": 2}, {"n": True}], ["a", 2, True], []),
    ("a collection is enumerated", [{"n": "a"}, {"n": [1, 2]}], ["a", 1, 2], []),
    ("$null is dropped", [{"n": "a"}, {"n": None}, {"n": "b"}], ["a", "b"], []),
    (
        "a missing property is an error",
        [{"n": "a"}, {"m": 1}, {"n": "b"}],
        ["a", "b"],
        ["ExpandPropertyNotFound,Microsoft.PowerShell.Commands.SelectObjectCommand"],
    ),
]


@pytest.mark.parametrize("rows, expected, errors", [c[1:] for c in EXPAND_CASES], ids=[c[0] for c in EXPAND_CASES])
def test_expand_property(rows, expected, errors):
    objs = [PSObject(r) for r in rows]
    result = pscompat.run("$objs | Select-Object -ExpandProperty n", objs=objs)
    assert list(result) == expected
    assert [e.FullyQualifiedErrorId for e in result.errors] == errors


# --- function calls through a binding plan: the same results and errors as the general binder ----
FUNCTIONS = (
    "function f($x, $y) { \"$x|$y|$($args -join ',')\" }; "
    'function g { param([Parameter(Mandatory)][int]$n, [switch]$s) "$n|$s" }; '
    "function h { [CmdletBinding()] param([ValidateRange(1, 5)][int]$n) $n }; "
)
# (a call that makes the plan, a call of the same shape with other values)
PLAN_CASES = [
    ("positional", "f 1 2", "f 'a' 'b'"),
    ("named and extra args", "f -y 1 2 3 4", "f -y a b c d"),
    ("named with colon", "f -x:1", "f -x:z"),
    ("switch", "g 3 -s", "g 4 -s"),
    ("conversion error", "g 3", "g abc"),
    ("null for a mandatory parameter", "g 3", "g $null"),
    ("validation error", "h 2", "h 9"),
    ("common parameter", "h 2 -Verbose", "h 3 -Verbose"),
]


def _outcome(script: str):
    try:
        result = pscompat.run(FUNCTIONS + script)
    except pscompat.PSError as exc:
        return ("error", exc.fully_qualified_error_id, exc.message)
    return ("ok", [str(v) for v in result], [e.FullyQualifiedErrorId for e in result.errors])


@pytest.mark.parametrize("first, second", [c[1:] for c in PLAN_CASES], ids=[c[0] for c in PLAN_CASES])
def test_binding_plan_keeps_results_and_errors(first, second):
    from pscompat.engine import binding

    binding.PLANS.clear()
    general = _outcome(second)  # no plan for this shape yet: the general binder
    binding.PLANS.clear()
    _outcome(first)  # makes the plan for the shape
    assert binding.PLANS, "the first call should leave a plan"
    assert _outcome(second) == general
