"""Every spec case (tests/spec/*.test.ps1) converted to Python and run: the converted program
must write what PowerShell writes (the case's expected output, which test_spec.py checks pscompat
against).  Cases the converter refuses are counted, not run; the few converted cases that differ
are listed below with the reason, and the list must stay exact (a listed case that starts
matching fails the test, so the list cannot go stale).  docs/convert.md has the numbers."""

from __future__ import annotations

import os
from collections import Counter

from spec_runner import all_cases

import pscompat
from pscompat import rt
from pscompat.format.out_default import render
from pscompat.migrate.module import convert

# A statement-terminating error (a failed conversion, a parameter that does not bind, a division
# by zero) raises in the converted program, which stops there; PowerShell writes it and runs the
# next statement.  Such a case counts as "stops at the error" when the program raised exactly the
# error PowerShell wrote first and had written what PowerShell wrote before it.
KNOWN_DIFFERENCES = {
    "semantics_fixed.test:345": "a pipeline that writes nothing and $null are both None in Python (@($r).Count is 1, not 0)",
    "empty_pipeline_values.test:6": "the same: `$a += <nothing>` adds a None element in Python (PowerShell adds none)",
    "empty_pipeline_values.test:25": "the same: `$r = (<nothing>)` holds None, so @($r).Count is 1",
    "language_gaps.test:310": "the converted program does not run a function's clean {} block (PowerShell 7.3)",
}
# The share of cases that convert, measured when the list above was written; a drop fails.
MIN_CONVERTED = 716
MIN_MATCHING = 689


def _key(case) -> str:
    return ":".join(case.id.split(":")[:2])


def _run_converted(case, code: str, home) -> tuple[str, object]:
    os.environ["PSCOMPAT_HOME"] = str(home)
    os.chdir(home)
    with rt.collecting() as run:
        try:
            exec(compile(code, case.id, "exec"), {"__name__": "converted"})
        except pscompat.PSError as exc:
            if _stopped_at_first_error(case, run, exc):
                return "stops at the error", None
            return "error", exc
        except Exception as exc:  # the converted program failed: a difference, reported below
            return "error", exc
    if case.stdout is not None and render(run.objects) != case.stdout:
        return "differs", render(run.objects)
    if case.has_result and [pscompat.to_python(x) for x in run.objects] != case.result:
        return "differs", [pscompat.to_python(x) for x in run.objects]
    if not case.errors and run.errors:
        return "differs", run.errors
    return "match", None


def _stopped_at_first_error(case, run, exc) -> bool:
    expected = case.errors[0] if case.errors else None
    if expected != exc.message or run.errors:
        return False
    if case.has_result:
        written = [pscompat.to_python(x) for x in run.objects]
        return written == list(case.result)[: len(written)]
    return case.stdout is None or case.stdout.startswith(render(run.objects).rstrip("\n"))


def test_converted_spec_cases_behave_as_powershell(tmp_path, monkeypatch):
    monkeypatch.setenv("PSCOMPAT_HOME", str(tmp_path))
    monkeypatch.chdir(tmp_path)
    counts: Counter = Counter()
    differing: dict[str, object] = {}
    for n, case in enumerate(all_cases()):
        if case.error is not None:
            continue  # a script-terminating error: nothing to compare but the error itself
        conversion = convert(case.script, case.id, format_code=False)
        if conversion.problems:
            counts["not converted"] += 1
            continue
        counts["converted"] += 1
        home = tmp_path / str(n)
        home.mkdir()
        outcome, detail = _run_converted(case, conversion.code, home)
        counts[outcome] += 1
        if outcome not in ("match", "stops at the error"):
            differing[_key(case)] = detail
    unexpected = {k: v for k, v in differing.items() if k not in KNOWN_DIFFERENCES}
    assert not unexpected, f"converted cases that differ from PowerShell: {unexpected}"
    now_matching = sorted(set(KNOWN_DIFFERENCES) - set(differing))
    assert not now_matching, f"listed as known differences but now match (remove them): {now_matching}"
    assert counts["converted"] >= MIN_CONVERTED, counts
    assert counts["match"] >= MIN_MATCHING, counts
