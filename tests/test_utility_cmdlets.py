"""Utility cmdlets, table-driven: variables, aliases, Get-Command, Get-Help, Get-Random,
Start-Sleep, Read-Host.

Docs: = learn.microsoft.com/powershell/module/... (7.5); PS: = PowerShell's own Pester tests.
"""

import time

import pytest

import pscompat
from pscompat import to_python


def ps(script: str):
    return to_python(list(pscompat.run(script)))


def error_ids(script: str) -> list:
    try:
        return [e.fully_qualified_error_id for e in pscompat.run(script).errors]
    except pscompat.PSError as exc:
        return [exc.fully_qualified_error_id]


CASES = [
    # --- *-Variable: Docs: Util/Get-Variable.md, Set-Variable.md, Clear-Variable.md, Remove-Variable.md
    ("$x = 1; Get-Variable x -ValueOnly", [1]),
    ("$x = 1; (Get-Variable x).Value", [1]),
    ("$abc1 = 1; $abc2 = 2; Get-Variable abc* -ValueOnly", [1, 2]),
    ("Set-Variable -Name y -Value 5; $y", [5]),
    ("Set-Variable y 5 -PassThru | % Value", [5]),
    ("1,2 | Set-Variable y; $y", [1, 2]),
    ("'one' | Set-Variable y; $y", ["one"]),
    ("function f { Set-Variable g 1 -Scope Global }; f; $g", [1]),
    ("function f { Set-Variable l 1 }; f; $null -eq $l", [True]),
    ("$z = 5; Clear-Variable z; $null -eq $z", [True]),
    ("$q = 1; Remove-Variable q; $null -eq $q", [True]),
    # --- aliases: Docs: Util/Get-Alias.md, Set-Alias.md, New-Alias.md --------------------------
    ("(Get-Alias gm).Definition", ["Get-Member"]),
    ("(Get-Alias gm).DisplayName", ["gm -> Get-Member"]),
    ("(Get-Alias -Definition Where-Object).Name", ["?", "where"]),
    ("Set-Alias ll Write-Output; ll 'hi'", ["hi"]),
    ("New-Alias nn Write-Output; nn 1", [1]),
    ("Set-Alias ll Write-Output; (Get-Alias ll).Definition", ["Write-Output"]),
    # --- Get-Command: Docs: Core/Get-Command.md --------------------------------------------------
    (
        "(Get-Command -Noun Object).Name",
        [
            "Compare-Object",
            "ForEach-Object",
            "Group-Object",
            "Measure-Object",
            "New-Object",
            "Select-Object",
            "Sort-Object",
            "Tee-Object",
            "Where-Object",
        ],
    ),
    ("(Get-Command Where-Object).CommandType", ["Cmdlet"]),
    ("(Get-Command Where-Object).Source", ["Microsoft.PowerShell.Core"]),
    ("(Get-Command gm).CommandType", ["Alias"]),
    ("(Get-Command -Verb Measure).Name", ["Measure-Command", "Measure-Object"]),
    ("(Get-Command Sort-Obj*).Name", ["Sort-Object"]),
    ("function Get-Thing { 1 }; (Get-Command Get-Thing).CommandType", ["Function"]),
    (
        "(Get-Command Get-Unique -Syntax).Trim()",
        [
            "Get-Unique [-InputObject <psobject>] [-AsString] [-CaseInsensitive] [<CommonParameters>]\n\n"
            "Get-Unique [-InputObject <psobject>] [-OnType] [-CaseInsensitive] [<CommonParameters>]"
        ],
    ),
    ("@(Get-Command nosuch* ).Count", [0]),
]


@pytest.mark.parametrize("script,expected", CASES)
def test_utility(script, expected):
    assert ps(script) == expected


def test_get_help_examples_come_from_the_registry():
    # Issue 3: "Get-Help Where-Object -Examples ... answer from the registry"
    (text,) = ps("Get-Help Where-Object -Examples | Out-String")
    assert "NAME\n    Where-Object\n" in text
    assert "Example 1" in text and "1..5 | Where-Object {$_ -gt 2}" in text


def test_get_help_shows_syntax_per_parameter_set():
    (text,) = ps("Get-Help Select-Object | Out-String")
    assert "SYNTAX" in text
    assert "Select-Object [[-Property] <Object[]>]" in text
    assert "[-Index <int[]>]" in text


def test_get_help_parameter():
    (text,) = ps("Get-Help Select-Object -Parameter First")
    assert text.startswith("-First <int>\n")
    assert "Position?                    Named" in text


def test_get_help_unknown_command():
    assert error_ids("Get-Help NoSuchCommandHere") == ["HelpNotFound,Microsoft.PowerShell.Commands.GetHelpCommand"]


def test_get_random_ranges():
    values = ps("1..200 | ForEach-Object { Get-Random -Minimum 3 -Maximum 6 }")
    assert set(values) <= {3, 4, 5} and len(set(values)) == 3
    assert ps("(Get-Random -Maximum 1.5) -is [double]") == [True]
    picked = ps("1..10 | Get-Random -Count 4")
    assert len(picked) == 4 and len(set(picked)) == 4 and set(picked) <= set(range(1, 11))
    assert sorted(ps("1..5 | Get-Random -Shuffle")) == [1, 2, 3, 4, 5]
    assert ps("Get-Random -Maximum 100 -SetSeed 7") == ps("Get-Random -Maximum 100 -SetSeed 7")


def test_start_sleep_waits():
    start = time.monotonic()
    pscompat.run("Start-Sleep -Milliseconds 120")
    assert time.monotonic() - start >= 0.1


ERROR_CASES = [
    # Docs: Util/Get-Variable.md (VariableNotFound)
    ("Get-Variable nosuchvar", "VariableNotFound,Microsoft.PowerShell.Commands.GetVariableCommand"),
    # Get-Command with an unknown name (CommandNotFoundException)
    ("Get-Command nosuchcmd", "CommandNotFoundException,Microsoft.PowerShell.Commands.GetCommandCommand"),
    # Get-Random bounds (MinGreaterThanOrEqualMax)
    ("Get-Random -Minimum 5 -Maximum 3", "MinGreaterThanOrEqualMax,Microsoft.PowerShell.Commands.GetRandomCommand"),
    # Read-Host outside an interactive session: a clear error, never a hang
    (
        "Read-Host 'Name'",
        "System.Management.Automation.PSInvalidOperationException,Microsoft.PowerShell.Commands.ReadHostCommand",
    ),
    ("New-Alias gm Write-Output", "AliasAlreadyExists,Microsoft.PowerShell.Commands.NewAliasCommand"),
]


@pytest.mark.parametrize("script,error_id", ERROR_CASES)
def test_utility_error(script, error_id):
    assert error_id in error_ids(script)
