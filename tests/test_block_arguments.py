"""Script-block arguments called per object (engine/pipeline/block_calls) and the per-object paths of
Select-Object, Sort-Object, Group-Object, ForEach-Object -MemberName and `.ForEach()` /
`.Where()` (issue 15): the semantics they must keep, over plain Python objects (the classes the
per-class plans are built for) and PSCustomObjects alike.

Rules: a calculated property, a Sort/Group key and a Select script block run in a new child
scope per object (ScriptBlock.DoInvokeReturnAsIs, useLocalScope: true), so a variable one object
assigns is not seen by the next; a failing calculated property is $null
(PSPropertyExpression.GetValues eats the error); a failing sort/group key writes
ExpressionEvaluation and sorts as $null (OrderObjectBase.cs); `.ForEach()`/`.Where()` and
ForEach-Object run in the caller's scope and put `$_` back (about_Intrinsic_Members,
InternalCommands.cs); Select-Object -First n stops its upstream after the n-th object.
"""

from __future__ import annotations

import pytest

import pscompat


class Img:
    __slots__ = ("Name", "Size", "Tags")

    def __init__(self, name, size, tags=None):
        self.Name, self.Size = name, size
        if tags is not None:
            self.Tags = tags


def objs():
    return [Img("b", 3, ["x", "y"]), Img("A", 1), Img("c", 2, [])]


def ps(script: str) -> list:
    return list(pscompat.run(script, objs=objs()))


CASES = [
    # --- Select-Object calculated properties -------------------------------------------------
    (
        "a fresh scope per object",
        "$objs | Select-Object Name, @{n='n'; e={ $k = $k + 1; $k }} | % { \"$($_.Name)$($_.n)\" }",
        ["b1", "A1", "c1"],
    ),
    ("a block without a name takes its text", "($objs | Select-Object { $_.Size * 2 })[0].' $_.Size * 2 '", [6]),
    (
        "a failing block is $null, no error",
        "$objs | Select-Object Name, @{n='x'; e={ throw 'no' }} | % { $null -eq $_.x }",
        [True, True, True],
    ),
    (
        "the block's output: nothing, one, several",
        "$objs | Select-Object @{n='o'; e={ if ($_.Size -gt 1) { 1..($_.Size - 1) } }} | % { ,$_.o } | % { if ($null -eq $_) { 'null' } else { $_ -join '+' } }",
        ["1+2", "null", "1"],
    ),
    (
        "Selected.<type> name",
        "($objs | Select-Object Name, @{n='s'; e={ $_.Size }})[0].psobject.TypeNames[0] -like 'Selected.*.Img'",
        [True],
    ),
    (
        "an unset slot reads as $null, the block still runs once",
        "$objs | Select-Object Tags, @{n='s'; e={ $script:calls++; $_.Size }} | % { $_.s }; $script:calls",
        [3, 1, 2, 3],
    ),
    (
        "the caller's variables are read, not written",
        "$k = 10; $objs | Select-Object @{n='v'; e={ $k + $_.Size }} | % { $_.v }; $k",
        [13, 11, 12, 10],
    ),
    # --- Select-Object -First n --------------------------------------------------------------
    (
        "-First n stops the upstream",
        "$n = 0; $objs | % { $n++; $_ } | Select-Object Name -First 2 | % Name; $n",
        ["b", "A", 2],
    ),
    ("-First n skips $null input", "$null, 1, $null, 2, 3 | Select-Object -First 2", [1, 2]),
    (
        "-First n with calculated properties",
        "$objs | Select-Object @{n='s'; e={ $_.Size * 10 }} -First 2 | % s",
        [30, 10],
    ),
    # --- Sort-Object / Group-Object script-block keys ----------------------------------------
    ("sort by a block", "$objs | Sort-Object { $_.Size } | % Name", ["A", "c", "b"]),
    ("sort by a block, descending", "$objs | Sort-Object @{e={ $_.Size }; Descending=$true} | % Name", ["b", "c", "A"]),
    (
        "each key once per object",
        "$script:calls = 0; $null = $objs | Sort-Object { $script:calls++; $_.Name }; $script:calls",
        [3],
    ),
    (
        "a key in a fresh scope per object",
        "$objs | Sort-Object { $k = $k + $_.Size; -$k } | % Name",
        ["b", "c", "A"],
    ),
    (
        "a failing key sorts as $null and writes ExpressionEvaluation",
        "$objs | Sort-Object { if ($_.Size -eq 2) { throw 'bad' } else { $_.Size } } -ErrorVariable e -ErrorAction SilentlyContinue | % Name; $e[0].FullyQualifiedErrorId",
        ["c", "A", "b", "ExpressionEvaluation,Microsoft.PowerShell.Commands.SortObjectCommand"],
    ),
    (
        "group by a block",
        '$objs + (Img2) | Group-Object { $_.Size -gt 1 } | % { "$($_.Name):$($_.Count)" }',
        ["False:1", "True:3"],
    ),
    (
        "group by a block and a name",
        "$objs | Group-Object { $_.Size % 2 }, Name | % Name",
        ["0, c", "1, A", "1, b"],
    ),
    (
        "group keys run once per object",
        "$script:c = 0; $null = $objs | Group-Object { $script:c++; 1 }; $script:c",
        [3],
    ),
    # --- ForEach-Object -MemberName ------------------------------------------------------------
    ("a property", "$objs | ForEach-Object Name", ["b", "A", "c"]),
    ("a collection property is enumerated", "$objs[0] | ForEach-Object Tags", ["x", "y"]),
    ("an unset slot", "$objs[1] | ForEach-Object Tags | % { $null -eq $_ }", [True]),
    ("a method", "'ab', 'cd' | ForEach-Object ToUpper", ["AB", "CD"]),
    ("$null input writes $null", '$null, $objs[1] | ForEach-Object Name | % { "[$_]" }', ["[]", "[A]"]),
    ("a missing member writes $null", "$objs[1] | ForEach-Object Nope | % { $null -eq $_ }", [True]),
    ("a hashtable key", "@{Name='h'}, $objs[2] | ForEach-Object Name", ["h", "c"]),
    (
        "a compiled .Length site: text, then an array, then text",
        "foreach ($x in 'ab', (1, 2, 3), 'abcd', $null) { $x.Length }",
        [2, 3, 4, 0],
    ),
    # --- ForEach-Object / Where-Object over a piped list (one loop per list) -------------------
    ("ForEach-Object writes $null", "@($objs | ForEach-Object { $null }).Count", [3]),
    ("ForEach-Object enumerates", "$objs | ForEach-Object { $_.Size, 'x' }", [3, "x", 1, "x", 2, "x"]),
    ("ForEach-Object array as one object", "@($objs | ForEach-Object { ,@(1, 2) }).Count", [3]),
    ("Where-Object truthiness", "$objs | Where-Object { $_.Tags } | % Name", ["b"]),
    ("Where-Object puts $_ back", "'outer' | % { $null = $objs | Where-Object { $_.Size }; $_ }", ["outer"]),
    (
        "Where-Object statements: return, assignment in the caller's scope",
        "1..6 | Where-Object { $s = $_ % 3; if ($s -eq 0) { return $true }; $s -eq 2 }; $s",
        [2, 3, 5, 6, 0],
    ),
    ("Where-Object statements: several outputs are true", "1..2 | Where-Object { $false; $false }", [1, 2]),
    ("ForEach-Object statements", "1..3 | ForEach-Object { $t = $_; $t * 2 }; $t", [2, 4, 6, 3]),
    # --- .ForEach() / .Where() -----------------------------------------------------------------
    ("ForEach() output enumerated", "$objs.ForEach({ $_.Size, 0 })", [3, 0, 1, 0, 2, 0]),
    ("ForEach() with arguments", "(1, 2).ForEach({ $_ + $args[0] }, 10)", [11, 12]),
    ("ForEach() puts $_ back", "'outer' | % { $null = $objs.ForEach({ $_.Name }); $_ }", ["outer"]),
    ("ForEach() assigns in the caller's scope", "$null = $objs.ForEach({ $last = $_.Name }); $last", ["c"]),
    ("Where()", "$objs.Where({ $_.Size -gt 1 }) | % Name", ["b", "c"]),
    ("Where() First", "$objs.Where({ $_.Size -gt 0 }, 'First') | % Name", ["b"]),
    ("Where() SkipUntil", "$objs.Where({ $_.Size -eq 1 }, 'SkipUntil') | % Name", ["A", "c"]),
    ("Where() statements with return", "$objs.Where({ if ($_.Size -eq 1) { return $true }; $false }) | % Name", ["A"]),
    ("Where() puts $_ back", "'outer' | % { $null = $objs.Where({ $_ }); $_ }", ["outer"]),
]


@pytest.mark.parametrize("script,expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_block_arguments(script, expected):
    script = "function Img2 { [pscustomobject]@{ Name = 'p'; Size = 9 } }; " + script
    assert ps(script) == expected


# The per-object paths against the general one (every cmdlet's fast_path off), over the object
# mixes of tests/test_fused_pipelines.py: the same output objects, order and errors.
from test_fused_pipelines import KINDS, assert_same, make_items  # noqa: E402

FAST_PATH_CASES = [
    "$items | ForEach-Object Name",
    "$items | ForEach-Object Tags",
    "$items | ForEach-Object Family",
    "$items | Select-Object Name, @{n='Twice'; e={ $_.Size * 2 }}, { $_.Family }",
    "$items | Select-Object @{n='n'; e={ $k = $k + 1; $k }}, Size",
    "$items | Select-Object Family, @{n='Bad'; e={ throw 'x' }}",
    "$items | Select-Object Name, Family -First 3",
    "$n = 0; $items | % { $n++; $_ } | Select-Object Name -First 2; $n",
    "$items | Select-Object -First 4",
    '$items | Sort-Object { $_.Size } | % { "$($_.Name)" }',
    '$items | Sort-Object @{e={ $_.Family }; Descending=$true}, Name | % { "$($_.Name)" }',
    '$items | Group-Object { $_.Size } | % { "$($_.Name):$($_.Count)" }',
    '$items | Group-Object { $_.Family }, Size | % { "$($_.Name):$($_.Count)" }',
    "$items | ForEach-Object { $_.Size } | Where-Object { $s = $_; $s -gt 5 }",
]


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("script", FAST_PATH_CASES)
def test_same_as_the_general_path(script, kind):
    assert_same(script, items=make_items(kind))
