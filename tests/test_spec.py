"""Runs every case of tests/spec/*.test.ps1 through pscompat.run (see spec_runner.py)."""

import os

import pytest
from spec_runner import all_cases

import pscompat
from pscompat.format.out_default import render

CASES = all_cases()
ONLY = os.environ.get("PSCOMPAT_SPEC")
if ONLY:
    CASES = [c for c in CASES if ONLY in c.file]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_spec(case, tmp_path, monkeypatch):
    monkeypatch.setenv("PSCOMPAT_HOME", str(tmp_path))
    monkeypatch.chdir(tmp_path)
    if case.error is not None:
        with pytest.raises(pscompat.PSError) as info:
            pscompat.run(case.script)
        assert info.value.message == case.error
        return
    result = pscompat.run(case.script)
    if case.stdout is not None:
        assert render(list(result)) == case.stdout
    if case.has_result:
        assert [pscompat.to_python(x) for x in result] == case.result
    if case.errors:
        assert [e.message for e in result.errors] == case.errors
    else:
        assert [e.message for e in result.errors] == []
