"""Issue 15's table: ordinary variants of the benchmark's work (off the shapes a fast path was
written for) and general code (loops, function calls, method calls), each with its goal.

Each pipeline row is (case, script, hand-written Python); the script sees `$objs` (the image
objects) and `$f` (a family name, in another case than the objects' own).  pscompat and Python
run in alternating rounds in one process (bench.runner.alternating), so load on the machine
lands on both sides alike.
"""

from __future__ import annotations

import re
from collections import Counter

from .runner import alternating, row, timing_fields

PIPELINE_GOAL = 3.0  # every pipeline row <= 3x hand-written Python (the goal)
LOOP_GOAL = 5.0  # loops over a million items <= 5x CPython
CALL_GOAL_US = 3.0  # a script function call
FIB_GOAL_S = 0.3  # fib 22
NULL_SORT_GOAL = 1.5  # the sort with $null keys within 1.5x of the sort without


def _fold(s):
    return s.casefold() if s is not None else None


def pipeline_variants(objs: list, f: str) -> list[tuple]:
    """(case, script, python) for each ordinary pipeline variant."""
    key = f.casefold()
    build1 = re.compile(r".*build 1.*\Z", re.I | re.S)
    ubuntu = re.compile("^Ubuntu", re.I)

    def group_two():
        groups: dict = {}
        for o in objs:
            k = (o.ImageFamily.casefold(), o.LogicalSizeInGB)
            g = groups.get(k)
            if g is None:
                groups[k] = g = []
            g.append(o)
        return [(k, len(v), v) for k, v in groups.items()]

    def measure_avg_max():
        vals = [o.LogicalSizeInGB for o in objs]
        return [(len(vals), sum(vals) / len(vals), max(vals))]

    def measure_all():
        vals = [o.LogicalSizeInGB for o in objs]
        return [(len(vals), sum(vals), sum(vals) / len(vals), min(vals), max(vals))]

    return [
        (
            "where: -gt -and -like",
            "$objs | Where-Object {$_.LogicalSizeInGB -gt 127 -and $_.Label -like '*build 1*'}",
            lambda: [o for o in objs if o.LogicalSizeInGB > 127 and build1.match(o.Label)],
        ),
        (
            "where: (parenthesised) -eq",
            "$objs | Where-Object {($_.ImageFamily) -eq $f}",
            lambda: [o for o in objs if o.ImageFamily.casefold() == key],
        ),
        (
            "where: .StartsWith()",
            "$objs | Where-Object {$_.ImageFamily.StartsWith('Ubuntu')}",
            lambda: [o for o in objs if o.ImageFamily.startswith("Ubuntu")],
        ),
        (
            "where: assignment in block",
            "$objs | Where-Object { $s = $_.LogicalSizeInGB; $s -gt 127 }",
            lambda: [o for o in objs if o.LogicalSizeInGB > 127],
        ),
        (
            "where: .Where() method",
            "$objs.Where({$_.LogicalSizeInGB -gt 127})",
            lambda: [o for o in objs if o.LogicalSizeInGB > 127],
        ),
        (
            "where: foreach statement + if",
            "foreach ($o in $objs) { if ($o.LogicalSizeInGB -gt 127) { $o } }",
            lambda: [o for o in objs if o.LogicalSizeInGB > 127],
        ),
        (
            "where: simplified -eq",
            "$objs | Where-Object ImageFamily -eq $f",
            lambda: [o for o in objs if o.ImageFamily.casefold() == key],
        ),
        (
            "where: simplified -like '*x*'",
            "$objs | Where-Object Label -like '*build 1*'",
            lambda: [o for o in objs if build1.match(o.Label)],
        ),
        (
            "where: -match",
            "$objs | Where-Object {$_.ImageFamily -match '^Ubuntu'}",
            lambda: [o for o in objs if ubuntu.search(o.ImageFamily)],
        ),
        (
            "where: -in",
            "$objs | Where-Object {$_.LogicalSizeInGB -in 127, 128}",
            lambda: [o for o in objs if o.LogicalSizeInGB in (127, 128)],
        ),
        (
            "where: -ne -and -le",
            "$objs | Where-Object {$_.ImageFamily -ne $f -and $_.LogicalSizeInGB -le 128}",
            lambda: [o for o in objs if o.ImageFamily.casefold() != key and o.LogicalSizeInGB <= 128],
        ),
        (
            "where: -not (...)",
            "$objs | Where-Object {-not ($_.LogicalSizeInGB -gt 127)}",
            lambda: [o for o in objs if not o.LogicalSizeInGB > 127],
        ),
        (
            "where + project",
            "$objs | Where-Object {$_.ImageFamily -eq $f} | Select-Object Label, ImageName",
            lambda: [{"Label": o.Label, "ImageName": o.ImageName} for o in objs if o.ImageFamily.casefold() == key],
        ),
        (
            "foreach: property name",
            "$objs | ForEach-Object Label",
            lambda: [o.Label for o in objs],
        ),
        (
            "foreach: .ToUpper()",
            "$objs | ForEach-Object { $_.Label.ToUpper() }",
            lambda: [o.Label.upper() for o in objs],
        ),
        (
            "foreach: arithmetic",
            "$objs | ForEach-Object { $_.LogicalSizeInGB * 2 }",
            lambda: [o.LogicalSizeInGB * 2 for o in objs],
        ),
        (
            "foreach: .ForEach() method",
            "$objs.ForEach({$_.ImageName})",
            lambda: [o.ImageName for o in objs],
        ),
        (
            "select: calculated property",
            "$objs | Select-Object Label, @{n='Size';e={$_.LogicalSizeInGB*2}}",
            lambda: [{"Label": o.Label, "Size": o.LogicalSizeInGB * 2} for o in objs],
        ),
        (
            "select: -ExpandProperty",
            "$objs | Select-Object -ExpandProperty ImageName",
            lambda: [o.ImageName for o in objs],
        ),
        (
            "select: -First 1000 with properties",
            "$objs | Select-Object Label, ImageName -First 1000",
            lambda: [{"Label": o.Label, "ImageName": o.ImageName} for o in objs[:1000]],
        ),
        (
            "sort: script block key",
            "$objs | Sort-Object {$_.Label.Length}",
            lambda: sorted(objs, key=lambda o: len(o.Label)),
        ),
        (
            "sort: property",
            "$objs | Sort-Object LogicalSizeInGB",
            lambda: sorted(objs, key=lambda o: o.LogicalSizeInGB),
        ),
        (
            "sort: @{e=...; Descending}",
            "$objs | Sort-Object -Property @{e={$_.LogicalSizeInGB}; Descending=$true}",
            lambda: sorted(objs, key=lambda o: o.LogicalSizeInGB, reverse=True),
        ),
        (
            "sort: two properties",
            "$objs | Sort-Object ImageFamily, LogicalSizeInGB",
            lambda: sorted(objs, key=lambda o: (o.ImageFamily.casefold(), o.LogicalSizeInGB)),
        ),
        (
            "sort | select -First 1",
            "$objs | Where-Object ImageFamily -eq $f | Sort-Object PublishedDate -Descending | Select-Object -First 1",
            lambda: [max((o for o in objs if o.ImageFamily.casefold() == key), key=lambda o: o.PublishedDate)],
        ),
        (
            "group: one property | sort Count",
            "$objs | Group-Object ImageFamily | Sort-Object Count",
            lambda: sorted(Counter(o.ImageFamily.casefold() for o in objs).items(), key=lambda kv: kv[1]),
        ),
        (
            "group: two properties",
            "$objs | Group-Object ImageFamily, LogicalSizeInGB",
            group_two,
        ),
        (
            "group: script block",
            "$objs | Group-Object {$_.LogicalSizeInGB}",
            lambda: list(Counter(o.LogicalSizeInGB for o in objs).items()),
        ),
        (
            "measure: -Sum",
            "$objs | Measure-Object -Sum LogicalSizeInGB",
            lambda: [sum(o.LogicalSizeInGB for o in objs)],
        ),
        (
            "measure: -Average -Maximum",
            "$objs | Measure-Object -Property LogicalSizeInGB -Average -Maximum",
            measure_avg_max,
        ),
        (
            "measure: all four",
            "$objs | Measure-Object -Property LogicalSizeInGB -Sum -Average -Minimum -Maximum",
            measure_all,
        ),
        (
            "count of a filtered array",
            "($objs | Where-Object LogicalSizeInGB -gt 127).Count",
            lambda: [sum(1 for o in objs if o.LogicalSizeInGB > 127)],
        ),
        (
            "where | foreach",
            "$objs | Where-Object {$_.ImageFamily -like 'ubuntu*'} | ForEach-Object {$_.ImageName}",
            lambda: [o.ImageName for o in objs if o.ImageFamily.casefold().startswith("ubuntu")],
        ),
    ]


def _run(src, **variables):
    import pscompat

    return pscompat.run(src, **variables)


def _count(result) -> int:
    return len(result)


def pipeline_rows(objs: list, f: str, rounds: int, profile_targets: dict, only: list[str] | None = None) -> list[dict]:
    rows = []
    for case, src, py in pipeline_variants(objs, f):
        if only and not any(text.casefold() in case.casefold() for text in only):
            continue

        def ps(src=src):
            return _run(src, objs=objs, f=f)

        profile_targets[case] = ps
        t = alternating(ps, py, rounds)
        ps_out, py_out = ps(), py()
        note = src
        if _count(ps_out) != _count(py_out):
            note += f" — COUNTS DIFFER: pscompat {_count(ps_out)}, Python {_count(py_out)}"
        ratio = t["ps_median"] / t["py_median"]
        rows.append(
            row(
                case,
                len(objs),
                t["ps_median"],
                t["py_median"],
                ratio,
                f"ratio <= {PIPELINE_GOAL:g}",
                ratio <= PIPELINE_GOAL,
                note=note,
                **timing_fields(t),
            )
        )
    return rows


# --- general code ----------------------------------------------------------------------------------

FIB = "function fib($n) { if ($n -lt 2) { $n } else { (fib ($n - 1)) + (fib ($n - 2)) } }; fib "


def _py_fib(n):
    return n if n < 2 else _py_fib(n - 1) + _py_fib(n - 2)


def general_rows(n_loop: int, rounds: int, profile_targets: dict, fib_n: int = 22) -> list[dict]:
    rows = []
    nums = list(range(n_loop))

    def py_for():
        s = 0
        for i in range(n_loop):
            s += i
        return [s]

    def py_foreach():
        s = 0
        for i in nums:
            s += i
        return [s]

    def py_list_add():
        lst = []
        for i in range(n_loop // 10):
            lst.append(i)
        return [len(lst)]

    loops = [
        (
            "for loop",
            f"$s = 0; for ($i = 0; $i -lt {n_loop}; $i++) {{ $s += $i }}; $s",
            py_for,
        ),
        ("foreach statement", "$s = 0; foreach ($i in $nums) { $s += $i }; $s", py_foreach),
        (
            "$list.Add($i)",
            "$list = [System.Collections.Generic.List[int]]::new(); "
            f"for ($i = 0; $i -lt {n_loop // 10}; $i++) {{ $list.Add($i) }}; $list.Count",
            py_list_add,
        ),
    ]
    for case, src, py in loops:

        def ps(src=src):
            return _run(src, nums=nums)

        profile_targets[case] = ps
        t = alternating(ps, py, rounds)
        got, want = list(ps()), py()
        note = src + ("" if got == want else f" — RESULTS DIFFER: {got!r} vs {want!r}")
        ratio = t["ps_median"] / t["py_median"]
        size = n_loop // 10 if "Add" in case else n_loop
        rows.append(
            row(
                case,
                size,
                t["ps_median"],
                t["py_median"],
                ratio,
                f"ratio <= {LOOP_GOAL:g}",
                ratio <= LOOP_GOAL,
                note=note,
                **timing_fields(t),
            )
        )

    # a script function call: a loop calling f, minus the same loop without the call
    calls = max(n_loop // 50, 1000)
    with_call = f"function f($x) {{ $x }}; for ($i = 0; $i -lt {calls}; $i++) {{ $null = f $i }}"
    without = f"function f($x) {{ $x }}; for ($i = 0; $i -lt {calls}; $i++) {{ $null = $i }}"
    t = alternating(lambda: _run(with_call), lambda: _run(without), rounds)
    profile_targets["function call"] = lambda: _run(with_call)
    per_call = max(t["ps_median"] - t["py_median"], 0.0) / calls
    per_call_min = max(t["ps_min"] - t["py_min"], 0.0) / calls
    rows.append(
        row(
            "function call",
            calls,
            per_call,
            None,
            per_call * 1e6,
            f"<= {CALL_GOAL_US:g} µs",
            per_call * 1e6 <= CALL_GOAL_US,
            unit="µs",
            note=f"{with_call!r} minus the same loop with `$null = $i`, per call (min {per_call_min * 1e6:.1f} µs)",
            ps_min=per_call_min,
        )
    )

    # fib 22: an absolute goal (only at 22); Python's own fib for scale
    case = f"fib {fib_n}"

    def ps_fib():
        return _run(FIB + str(fib_n))

    profile_targets[case] = ps_fib
    t = alternating(ps_fib, lambda: [_py_fib(fib_n)], rounds)
    got = list(ps_fib())
    rows.append(
        row(
            case,
            fib_n,
            t["ps_median"],
            t["py_median"],
            t["ps_median"],
            f"<= {FIB_GOAL_S:g} s",
            t["ps_median"] <= FIB_GOAL_S,
            unit="s",
            note=FIB + str(fib_n) + ("" if got == [_py_fib(fib_n)] else f" — RESULT {got!r}"),
            **timing_fields(t),
        )
    )
    return rows


def null_sort_rows(objs: list, rounds: int, profile_targets: dict) -> list[dict]:
    """`Sort-Object PublishedDate -Descending | Select -First 1` with one object in 1,000 lacking
    a date ($null), against the same sort without nulls: the goal is the ratio of the two."""
    from pscompat.values.objects.classes import PSObject

    def as_ps(o, date):
        return PSObject({"Label": o.Label, "PublishedDate": date, "LogicalSizeInGB": o.LogicalSizeInGB})

    plain = [as_ps(o, o.PublishedDate) for o in objs]
    with_null = [as_ps(o, None if i % 1000 == 0 else o.PublishedDate) for i, o in enumerate(objs)]
    rows = []
    for case, src in (
        ("sort with $null keys", "$objs | Sort-Object PublishedDate -Descending"),
        ("sort with $null keys | select -First 1", "$objs | Sort-Object PublishedDate -Descending | Select -First 1"),
    ):

        def ps_null(src=src):
            return _run(src, objs=with_null)

        def ps_plain(src=src):
            return _run(src, objs=plain)

        profile_targets[case] = ps_null
        t = alternating(ps_null, ps_plain, rounds)
        ratio = t["ps_median"] / t["py_median"]
        rows.append(
            row(
                case,
                len(objs),
                t["ps_median"],
                t["py_median"],
                ratio,
                f"ratio <= {NULL_SORT_GOAL:g}",
                ratio <= NULL_SORT_GOAL,
                note=f"{src}: 1 object in 1,000 has PublishedDate = $null; the python column is the "
                "same pscompat sort over objects without nulls",
                **timing_fields(t),
            )
        )
    return rows
