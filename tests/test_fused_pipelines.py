"""The pipeline's fast paths (pipeline_fused, stages.push_all, the cmdlets' fast_path) against
the general per-object path, table-driven.

Every script runs twice: as is, and with every cmdlet's fast_path switched off (each object then
goes through parameter binding and process(), the reference semantics).  Both runs must give
the same objects, in the same order, with the same errors.  The inputs mix what a fast path
assumes (objects of one slotted class, text, numbers) with what breaks its assumptions.
"""

from contextlib import contextmanager

import pytest

import pscompat
from pscompat.engine.commands import Cmdlet
from pscompat.engine.pipeline.stages import CmdletStage
from pscompat.values.objects.classes import Hashtable, PSObject


class Image:
    """Like the Azure models: slots, PS_PROPERTIES."""

    PS_TYPE_NAMES = ("Test.Image", "System.Object")
    PS_PROPERTIES = ("Name", "Family", "Size", "Tags", "When")
    __slots__ = PS_PROPERTIES

    def __init__(self, Name=None, Family=None, Size=None, Tags=None, When=None):
        self.Name, self.Family, self.Size, self.Tags, self.When = Name, Family, Size, Tags, When


class Computed:
    """A property that runs code: must not be read as a plain attribute."""

    PS_TYPE_NAMES = ("Test.Computed", "System.Object")
    PS_PROPERTIES = ("Family", "Size")
    reads = 0

    def __init__(self, family, size):
        self._family, self.Size = family, size

    @property
    def Family(self):
        Computed.reads += 1
        return self._family


def _unset(**kw):
    img = Image(**kw)
    del img.Family  # an unset slot: reading it raises AttributeError
    return img


def make_items(kind: str) -> list:
    if kind == "plain":
        return [
            Image(
                f"n{i}",
                ("Alpha", "beta", "ALPHA", "Gamma")[i % 4],
                (5, 10, 127, 3)[i % 4],
                ["x", "y"] if i % 3 else ["z"],
            )
            for i in range(12)
        ]
    if kind == "mixed":
        return [
            Image("a", "alpha", 5, ["x"]),
            PSObject({"Name": "b", "Family": "ALPHA", "Size": "5"}),
            Hashtable({"Name": "c", "family": "Alpha", "Size": 10}),
            {"Name": "d", "Family": "alpha"},
            None,
            "alpha",
            5,
            Image("e", 5, "5", []),
            Image("f", None, None),
            _unset(Name="g", Size=7),
            Computed("Alpha", 127),
            [Image("h", "alpha"), Image("i", "beta")],
            Image("j", "alpha ", 5.0),
            Image("k", ["alpha", "beta"], [5, 10]),
            Image("l", 5.0, True),
            PSObject({"Name": "m"}),
        ]
    if kind == "scripted":  # PSCustomObjects whose members run code (Add-Member), among plain ones
        return list(pscompat.run(SCRIPTED_ITEMS)) + [Image("p", "alpha", 5), PSObject({"Family": "alpha"})]
    if kind == "numbers-first":  # the first object decides the specialised class; the rest differ
        return [7, Image("a", "alpha", 5), "5", 5.5, None, Image("b", "Alpha", 10)]
    raise ValueError(kind)


SCRIPTED_ITEMS = """
function scripted($name, $family, $size) {
    [pscustomobject]@{Name = $name; F = $family; S = $size} |
        Add-Member ScriptProperty Family { $this.F } { $this.F = $args[0] } -PassThru |
        Add-Member AliasProperty Size S -PassThru |
        Add-Member ScriptMethod Describe { "$($this.Name)/$($this.Family)" } -PassThru
}
scripted a alpha 5
[pscustomobject]@{Name = 'b'; Family = 'ALPHA'; Size = 10}
scripted c Beta 127
scripted d $null 3
[pscustomobject]@{Name = 'e'; Size = 5} | Add-Member ScriptProperty Tags { throw 'no tags' } -PassThru |
    Add-Member ScriptProperty Family { 'alpha' } -PassThru
scripted f alpha '5'
"""


@contextmanager
def general_path():
    """Every cmdlet without its fast path: per-object binding and process(); no stage told
    that the next one reads only its first objects."""
    patched = [(CmdletStage, CmdletStage.input_limit)]
    CmdletStage.input_limit = lambda self: None
    todo = [Cmdlet]
    while todo:
        cls = todo.pop()
        todo.extend(cls.__subclasses__())
        if "fast_path" in cls.__dict__:
            patched.append((cls, cls.__dict__["fast_path"]))
            cls.fast_path = lambda self: None
    try:
        yield
    finally:
        CmdletStage.input_limit = patched[0][1]
        for cls, fn in patched[1:]:
            cls.fast_path = fn


def outcome(script: str, **variables):
    """(output, error messages), with the input objects compared by identity."""
    try:
        result = pscompat.run(script, **variables)
    except pscompat.PSError as exc:
        return "raised", (exc.message, exc.line, exc.column)
    inputs = {id(x) for x in variables.get("items", ())}
    return [_shown(x, inputs) for x in result], [(e.message, e.line, e.column) for e in result.errors]


def _shown(x, inputs: set):
    if isinstance(x, (str, int, float, bool, type(None))):
        return type(x).__name__, x
    if id(x) in inputs:
        return "input", id(x)
    if isinstance(x, PSObject):
        return "ps", pscompat.to_python(x), list(x.type_names)
    if isinstance(x, dict):
        return type(x).__name__, [(k, repr(v)) for k, v in x.items()]
    return type(x).__name__, [(p, repr(getattr(x, p))) for p in getattr(x, "PS_PROPERTIES", ())]


# Error texts of Python exceptions reported as PowerShell errors: a bug on both paths would
# otherwise compare equal.
_PYTHON_ERRORS = (
    "local variable",
    "has no attribute",
    "not subscriptable",
    "unhashable",
    "NoneType",
    "positional argument",
    "object is not",
)


def assert_same(script: str, **variables):
    fast = outcome(script, **variables)
    with general_path():
        general = outcome(script, **variables)
    assert fast == general, script
    errors = [fast[1]] if fast[0] == "raised" else fast[1]
    assert not [e for e in errors if any(p in e[0] for p in _PYTHON_ERRORS)], errors
    return fast


# (property, operator, right operand as PowerShell source)
COMPARISONS = [
    ("Family", "-eq", "'alpha'"),
    ("Family", "-ne", "'alpha'"),
    ("Family", "-ceq", "'alpha'"),
    ("Family", "-cne", "'Alpha'"),
    ("Family", "-ieq", "'ALPHA'"),
    ("Family", "-eq", "$null"),
    ("Family", "-ne", "$null"),
    ("Family", "-eq", "5"),
    ("Family", "-eq", "'5'"),
    ("Family", "-like", "'al*'"),
    ("Family", "-notlike", "'AL*'"),
    ("Family", "-clike", "'al*'"),
    ("Family", "-like", "'['"),
    ("Family", "-gt", "'b'"),
    ("Family", "-contains", "'alpha'"),
    ("Family", "-in", "@('alpha', 5)"),
    ("Family", "-is", "[string]"),
    ("Size", "-eq", "5"),
    ("Size", "-eq", "'5'"),
    ("Size", "-ne", "5"),
    ("Size", "-gt", "5"),
    ("Size", "-ge", "'10'"),
    ("Size", "-lt", "127"),
    ("Size", "-le", "5.0"),
    ("Size", "-eq", "$true"),
    ("Tags", "-eq", "'x'"),
    ("Tags", "-ne", "'x'"),
    ("Tags", "-contains", "'z'"),
    ("Missing", "-eq", "$null"),
    ("missing", "-ne", "'x'"),
]
KINDS = ["plain", "mixed", "numbers-first", "scripted"]


def _id(case) -> str:
    return " ".join(case)


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("comparison", COMPARISONS, ids=_id)
def test_script_block_filter(comparison, kind):
    prop, op, right = comparison
    items = make_items(kind)
    assert_same(f"$v = {right}; $items | Where-Object {{ $_.{prop} {op} $v }}", items=items)
    assert_same(f"$items | Where-Object {{ $_.{prop} {op} {right} }}", items=items)
    # input that arrives one object at a time: the per-object test
    assert_same(f"$v = {right}; $items | ForEach-Object {{ $_ }} | Where-Object {{ $_.{prop} {op} $v }}", items=items)


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("comparison", COMPARISONS, ids=_id)
def test_simplified_filter(comparison, kind):
    prop, op, right = comparison
    items = make_items(kind)
    assert_same(f"$items | Where-Object {prop} {op} {right}", items=items)
    assert_same(f"$items | ForEach-Object {{ $_ }} | Where-Object {prop} {op} {right}", items=items)


VARIABLE_CASES = [
    # the right operand assigned by a stage downstream while the loop runs
    "$f = 'alpha'; $items | Where-Object { $_.Family -eq $f } | ForEach-Object { $f = 'beta'; $_ }",
    "$f = 5; $items | Where-Object { $_.Size -eq $f } | ForEach-Object { $f = 10; $_ }",
    "$f = 'alpha'; $items | Where-Object { $_.Family -eq $f } | ForEach-Object { Remove-Variable f; $_ }",
    # a variable of an outer scope, then shadowed by a local one
    "$g = 'alpha'; function t { $items | Where-Object { $_.Family -eq $g } | ForEach-Object { $g = 'beta'; $_ } }; t",
    "$g = 'alpha'; function t { $items | Where-Object { $_.Family -eq $g } | "
    "ForEach-Object { $script:g = 'gamma'; $_ } }; t",
    # $_ of the caller is left as it was
    "'outer' | ForEach-Object { $items | Where-Object { $_.Family -eq 'alpha' } | Out-Null; $_ }",
    "'outer' | ForEach-Object { $items | Where-Object Family -eq 'alpha' | Out-Null; $_ }",
    "'outer' | ForEach-Object { $items | Where-Object { ($_.Family) -eq 'alpha' } | Out-Null; $_ }",
    # common parameters on the fused stage
    "$items | Where-Object Family -eq 'alpha' -OutVariable kept | Out-Null; $kept",
    "$items | Where-Object { $_.Family -eq 'alpha' } -OutVariable +kept | Out-Null; $kept.Count",
    "$items | Where-Object Family -eq 'alpha' -PipelineVariable pv | ForEach-Object { $pv.Name }",
    "$items | Where-Object Size -gt 5 -ErrorAction SilentlyContinue",
    "$items | Where-Object Size -gt 5 -ErrorAction Stop",
    "$items | Where-Object { $_.Size -gt 5 }",
    "$items | Where-Object Family -eq 'alpha' 2>&1",
    # stopping early
    "$items | Where-Object Family -eq 'alpha' | Select-Object -First 1",
    "$items | Where-Object { $_.Family -like 'a*' } | Select-Object -First 2",
    # $PWD and the like are read for every object
    "$items | Where-Object { $_.Family -eq $PWD }",
    "$items | Where-Object { $_.Family -eq $true }",
]


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("script", VARIABLE_CASES)
def test_filter_semantics(script, kind):
    assert_same(script, items=make_items(kind))


def test_downstream_assignment_is_seen_by_the_next_objects():
    items = [Image(str(i), fam) for i, fam in enumerate(["alpha", "alpha", "beta", "alpha", "beta"])]
    out, errors = assert_same(
        "$f = 'alpha'; $items | Where-Object { $_.Family -eq $f } | ForEach-Object { $f = 'beta'; $_.Name }",
        items=items,
    )
    assert out == [("str", "0"), ("str", "2"), ("str", "4")] and errors == []


def test_reading_a_property_that_assigns_the_right_operand():
    session = pscompat.Session()

    class Hook:
        PS_PROPERTIES = ("Family",)

        @property
        def Family(self):
            session.set_variable("f", "beta")
            return "alpha"

    items = [Image("0", "alpha"), Hook(), Image("2", "alpha"), Image("3", "beta")]
    script = "$f = 'alpha'; $items | Where-Object { $_.Family -eq $f }"
    fast = list(session.run(script, items=items))
    with general_path():
        general = list(session.run(script, items=items))
    assert fast == general == [items[0], items[3]]


def test_property_with_code_is_read_once_per_object():
    items = [Computed("Alpha", i) for i in range(5)]
    Computed.reads = 0
    assert len(pscompat.run("$items | Where-Object { $_.Family -eq 'alpha' }", items=items)) == 5
    assert Computed.reads == 5


def test_script_block_filter_error_points_at_the_comparison():
    out, errors = assert_same(
        "$items = 1, 2\n$items | Where-Object { $_.Family -like '[' }\n'after'", items=make_items("plain")
    )
    assert out == [("str", "after")] and errors[0][1:] == (2, 25)


SELECT_CASES = [
    "$items | Select-Object Name, Family",
    "$items | Select-Object name, FAMILY, Size",
    "$items | Select-Object Name, Nope",
    "$items | Select-Object Name, name",
    "$items | Select-Object Family",
    "$items | Select-Object Name, @{n='F'; e={$_.Family}}",
    "$items | Select-Object Name, { $_.Size }",
    "$items | Select-Object -Property Name -ExpandProperty Tags",
    "$items | Select-Object -ExcludeProperty Size",
    "$items | Select-Object Name, Family -OutVariable sel | Out-Null; $sel",
    "$items | Select-Object Name -PipelineVariable pv | ForEach-Object { $pv.Name }",
    "$items | Where-Object Family -eq 'alpha' | Select-Object Name, Size | Select-Object -First 2",
    "$items | Select-Object Name, Family | ForEach-Object { $_.pstypenames.Insert(0, 'Mine'); $_ }",
    "$items | Select-Object Name, Family -Unique",
    "$items | Select-Object Name -First 3",
    "$items | ForEach-Object { $_ } | Select-Object Name, Family",
]


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("script", SELECT_CASES)
def test_select_semantics(script, kind):
    assert_same(script, items=make_items(kind))


def test_selected_objects_have_their_own_type_names():
    out = pscompat.run(
        "$s = $items | Select-Object Name; $s[0].pstypenames.Insert(0, 'Mine'); "
        "$s | ForEach-Object { $_.pstypenames[0] }",
        items=make_items("plain")[:2],
    )
    assert list(out) == ["Mine", "Selected.Test.Image"]
    out = pscompat.run(
        "$s = $items | Select-Object Name; $s[0] | Add-Member -NotePropertyName X -NotePropertyValue 1; "
        "$s | ForEach-Object { @($_.psobject.Properties).Count }",
        items=make_items("plain")[:2],
    )
    assert list(out) == [2, 1]


MEASURE_CASES = [
    "$items | Measure-Object -Sum Size",
    "$items | Measure-Object -Sum -Average Size",
    "$items | Measure-Object -Sum -Maximum Size",
    "$items | Measure-Object -Sum Nope",
    "$items | Measure-Object -Sum size",
    "$items | Measure-Object Size",
    "$items | Measure-Object -Sum Size -OutVariable m | Out-Null; $m",
]
SIZES = {
    "ints": [5, 10, -3, 127],
    "big": [2**53 - 1, 1, 1, -(2**53)],
    "huge": [10**20, 1, 3],
    "floats": [0.1, 0.2, 5, 0.3],
    "bools": [5, True, 3],
    "text": [5, "7", 3],
    "nulls": [5, None, 3],
}


@pytest.mark.parametrize("sizes", sorted(SIZES))
@pytest.mark.parametrize("script", MEASURE_CASES)
def test_measure_semantics(script, sizes):
    items = [Image(str(i), "alpha", size) for i, size in enumerate(SIZES[sizes])]
    assert_same(script, items=items)


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("script", MEASURE_CASES)
def test_measure_mixed_inputs(script, kind):
    assert_same(script, items=make_items(kind))


GROUP_CASES = [
    "$items | Group-Object Family",
    "$items | Group-Object Family | Sort-Object Count",
    "$items | Group-Object Family -NoElement",
    "$items | Group-Object Family -CaseSensitive",
    "$items | Group-Object Size",
    "$items | Group-Object Family -AsHashTable",
    "$items | Group-Object Family, Size",
    "$items | Group-Object Nope",
    "$items | ForEach-Object { $_ } | Group-Object Family",
]


@pytest.mark.parametrize("kind", KINDS + ["spellings"])
@pytest.mark.parametrize("script", GROUP_CASES)
def test_group_semantics(script, kind):
    items = (
        make_items(kind)
        if kind != "spellings"
        else [Image(str(i), ("beta", "Alpha", "ALPHA", "alpha", "Beta")[i % 5], i % 3) for i in range(11)]
    )
    out, errors = assert_same(script, items=items)
    assert out or errors


COUNTS = '$items | Group-Object Family | ForEach-Object { "$($_.Name)=$($_.Count)" }'
GROUP_EXPECTED = [
    # texts that differ in case only share a group, named after the first spelling seen
    (["beta", "Alpha", "ALPHA", "alpha", "Beta"], COUNTS, ["Alpha=3", "beta=2"]),
    (["beta", "Alpha", "ALPHA", "alpha", "Beta"], "($items | Group-Object Family)[0].Group.Name", ["1", "2", "3"]),
    (
        ["beta", "Alpha", "ALPHA"],
        "$items | Group-Object Family -CaseSensitive | ForEach-Object Name",
        ["Alpha", "ALPHA", "beta"],
    ),
    # mixed types: the comparer decides (5 -eq '5'), groups in order of appearance
    ([5, "5", "x", 5.0], COUNTS, ["5=3", "x=1"]),
    (["b", "a", "b"], "$items | Group-Object Family -NoElement | ForEach-Object { $_.Group.Count }", [0, 0]),
    ([3, 1, 3, 2], "$items | Group-Object Family | ForEach-Object Name", ["1", "2", "3"]),
]


@pytest.mark.parametrize("families, script, expected", GROUP_EXPECTED)
def test_group_results(families, script, expected):
    items = [Image(str(i), fam) for i, fam in enumerate(families)]
    assert list(pscompat.run(script, items=items)) == expected
    with general_path():
        assert list(pscompat.run(script, items=items)) == expected


SORT_CASES = [
    "$items | Sort-Object Size -Descending | Select-Object -First 1",
    "$items | Sort-Object Size | Select-Object -First 3",
    "$items | Sort-Object Size -Stable | Select-Object -First 3",
    "$items | Sort-Object Family | Select-Object -First 2 -Skip 1",
    "$items | Sort-Object Size | Select-Object -Last 2",
    "$items | Sort-Object Size | Select-Object -First 2 -Unique",
    "$items | Sort-Object Size -Top 5 | Select-Object -First 2",
    "$items | Sort-Object Size -Bottom 3 | Select-Object -First 2",
    "$items | Sort-Object Size -Descending -OutVariable sorted | Select-Object -First 2 | Out-Null; $sorted",
    "$items | Sort-Object Size | Select-Object -First 2 Name",
    "$items | Sort-Object When -Descending | Select-Object -First 1",
    "$items | Sort-Object Size, Name | Select-Object -First 2",
    "$items | Sort-Object Size | Select-Object -First 0",
    "$items | Sort-Object Size -Top 2 | Select-Object -First 5",
    "$items | Sort-Object Size | Select-Object -First 2 -Last 2",
    "$items | Sort-Object Size | Select-Object -First 2 -SkipLast 1",
]
SORT_SIZES = {
    "distinct": list(range(20, 0, -1)),
    "ties": [5, 3, 5, 1, 3, 5, 1, 2],
    "many ties": [i % 7 for i in range(5000)],
    "mixed": [5, "3", None, 2.5, 1],
}


@pytest.mark.parametrize("sizes", sorted(SORT_SIZES))
@pytest.mark.parametrize("script", SORT_CASES)
def test_sort_then_first(script, sizes):
    from datetime import datetime, timedelta

    start = datetime(2015, 3, 1)
    items = [
        Image(f"n{i}", "alpha", size, When=start + timedelta(days=i % 11)) for i, size in enumerate(SORT_SIZES[sizes])
    ]
    assert_same(script, items=items)
