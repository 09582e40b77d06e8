"""Script files' context (issue 12): $PSScriptRoot, $PSCommandPath, $MyInvocation of a script,
dot-sourcing into the caller's scope, and #Requires checks.  Sources: about_Automatic_Variables,
about_Scripts (dot sourcing), about_Requires; messages from PowerShell's DiscoveryExceptions.resx."""

from __future__ import annotations

import os

import pytest

import pscompat

CHILD = """param($p)
"root=$PSScriptRoot"
"path=$PSCommandPath"
"mycmd=$($MyInvocation.MyCommand.Path)"
"name=$($MyInvocation.MyCommand.Name)"
"type=$($MyInvocation.MyCommand.CommandType)"
"inv=$($MyInvocation.InvocationName)"
"bound=$($MyInvocation.BoundParameters.Count)"
"callerroot=$($MyInvocation.PSScriptRoot)"
"caller=$($MyInvocation.ScriptName)"
$childVar = 'set by child'
"""


@pytest.fixture
def folder(tmp_path, monkeypatch):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "child.ps1").write_text(CHILD)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run_file(path) -> list:
    text = open(path, encoding="utf-8").read()
    session = pscompat.Session()
    out: list = []
    session.execute(text, out.append, name=str(path))
    return [pscompat.to_python(x) for x in out]


def test_a_script_knows_its_own_path_and_its_caller(folder):
    main = folder / "main.ps1"
    main.write_text("& ./sub/child.ps1 -p 1\n")
    child = str(folder / "sub" / "child.ps1")
    assert run_file(main) == [
        f"root={folder / 'sub'}",
        f"path={child}",
        f"mycmd={child}",
        "name=child.ps1",
        "type=ExternalScript",
        "inv=./sub/child.ps1",
        "bound=1",
        f"callerroot={folder}",
        f"caller={main}",
    ]


def test_dot_sourcing_runs_in_the_callers_scope_and_restores_its_root(folder):
    main = folder / "main.ps1"
    main.write_text('. ./sub/child.ps1\n"after: $childVar"\n"root: $PSScriptRoot"\n')
    out = run_file(main)
    assert out[0] == f"root={folder / 'sub'}"
    assert out[-2:] == ["after: set by child", f"root: {folder}"]


def test_a_script_called_with_ampersand_keeps_its_variables(folder):
    main = folder / "main.ps1"
    main.write_text('& ./sub/child.ps1\n"after: [$childVar]"\n')
    assert run_file(main)[-1] == "after: []"


REQUIRES = [
    (
        "#Requires -Version 9.0",
        "The script 'r.ps1' cannot be run because it contained a \"#requires\" statement for PowerShell 9.0. "
        "The version of PowerShell that is required by the script does not match the currently running "
        "version of PowerShell 7.4.0.",
    ),
    (
        "#requires -PSEdition Desktop",
        "The script 'r.ps1' cannot be run because it contained a \"#requires\" statement for PowerShell "
        "editions 'Desktop'. The edition of PowerShell that is required by the script does not match the "
        "currently running PowerShell Core edition.",
    ),
    ("#Requires -Version 5.1\n#Requires -PSEdition Core", None),
    ("#Requires -Version 7", None),
]


@pytest.mark.parametrize("requires, error", REQUIRES)
def test_requires(folder, requires, error):
    (folder / "r.ps1").write_text(requires + "\n'ran'\n")
    (folder / "main.ps1").write_text("& ./r.ps1\n")
    if error is None:
        assert run_file(folder / "main.ps1") == ["ran"]
        return
    result = pscompat.run(f"& '{folder / 'r.ps1'}'")
    assert [e.message for e in result.errors] == [error]
    assert list(result) == []


def test_requires_run_as_administrator(folder):
    (folder / "r.ps1").write_text("#Requires -RunAsAdministrator\n'ran'\n")
    result = pscompat.run(f"& '{folder / 'r.ps1'}'")
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        assert list(result) == ["ran"]
    else:
        assert [e.message for e in result.errors] == [
            "The script 'r.ps1' cannot be run because it contains a \"#requires\" statement for running as "
            "Administrator. The current PowerShell session is not running as Administrator. Start PowerShell "
            "by using the Run as Administrator option, and then try running the script again."
        ]
