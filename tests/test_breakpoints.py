"""Breakpoints and the call stack (engine/breakpoints.py, cmdlets/debugging.py).  Sources:
PowerShell's engine/debugger/Breakpoint.cs (Trigger: HitCount, the action with $_ = the
breakpoint, ToString texts from DebuggerStrings.resx), debugger.cs (no stop subscriber: the stop
is ignored), test/powershell/Modules/Microsoft.PowerShell.Utility/*PSBreakpoint.Tests.ps1 and
Get-PSCallStack.Tests.ps1, test/powershell/Language/Scripting/Debugging/Debugging.Tests.ps1."""

from __future__ import annotations

import pytest

import pscompat
from pscompat.engine import breakpoints
from pscompat.engine.pycompile.driver import compile_block
from pscompat.source import Source
from pscompat.syntax.grammar import parse

SCRIPT = """'aaa'.ToString() > $null
'aa' > $null
$v = 1
function inner { Get-PSCallStack }
function outer { inner }
outer | ForEach-Object { "$($_.Command)|$($_.FunctionName)|$($_.ScriptLineNumber)" }
$v + 1
"""


@pytest.fixture
def script(tmp_path):
    path = tmp_path / "s.ps1"
    path.write_text(SCRIPT)
    yield str(path)
    # every test removes what it set: the compile-time index is process-wide
    assert breakpoints.LINE_INDEX == {}
    assert breakpoints.VARIABLE_INDEX == {}


def run(text: str, path: str) -> list:
    session = pscompat.Session()
    out: list = []
    session.execute(text.replace("$PATH", f"'{path}'") + "\nGet-PSBreakpoint | Remove-PSBreakpoint", out.append)
    return [pscompat.to_python(x) for x in out]


CASES = [
    (
        "line breakpoints count each statement they stand on; the action runs with $_",
        "$global:hits = @()\n"
        "$b = 1..3 | % { Set-PSBreakpoint -Script $PATH -Line $_ -Action { $global:hits += \"hit $($_.Line)\"; 'dropped' } }\n"
        "$null = & $PATH\n$global:hits\n$b | % { $_.HitCount }",
        ["hit 1", "hit 2", "hit 3", 1, 1, 1],
    ),
    (
        "a breakpoint without an action counts and goes on (no debugger listens)",
        "$b = Set-PSBreakpoint -Script $PATH -Line 7\n& $PATH | Select-Object -Last 1\n$b.HitCount",
        [2, 1],
    ),
    (
        "variable breakpoints: Write, Read and ReadWrite",
        "$w = Set-PSBreakpoint -Variable v -Mode Write\n$r = Set-PSBreakpoint -Variable v -Mode Read\n"
        "$rw = Set-PSBreakpoint -Variable v -Mode ReadWrite\n$null = & $PATH\n$w.HitCount, $r.HitCount, $rw.HitCount",
        [1, 1, 2],
    ),
    (
        "command breakpoints match the command name, wildcards too",
        "$c = Set-PSBreakpoint -Command inn* -Action { $global:seen = $_.Command }\n& $PATH | Select-Object -First 1\n"
        "$c.HitCount\n$global:seen",
        ["inner|inner|4", 1, "inn*"],
    ),
    (
        "a disabled breakpoint is not hit; Enable brings it back",
        "$b = Set-PSBreakpoint -Command outer\nDisable-PSBreakpoint -Breakpoint $b\n$null = & $PATH\n$b.HitCount\n"
        "Enable-PSBreakpoint -Id $b.Id\n$null = & $PATH\n$b.HitCount",
        [0, 1],
    ),
    (
        "Get-PSBreakpoint filters; ToString is PowerShell's text; Ids count from 0",
        "$null = Set-PSBreakpoint -Script $PATH -Line 2\n$null = Set-PSBreakpoint -Variable v -Mode ReadWrite\n"
        "$null = Set-PSBreakpoint -Command Get-Date\n(Get-PSBreakpoint).Id\n(Get-PSBreakpoint -Type Variable).ToString()\n"
        "(Get-PSBreakpoint -Command get-date).ToString()\n(Get-PSBreakpoint -Id 0).GetType().Name",
        [
            0,
            1,
            2,
            "Variable breakpoint on '$v' (ReadWrite access)",
            "Command breakpoint on 'Get-Date'",
            "LineBreakpoint",
        ],
    ),
    (
        "Remove-PSBreakpoint by pipeline and by Id",
        "$a = Set-PSBreakpoint -Command a\n$b = Set-PSBreakpoint -Command b\n$a | Remove-PSBreakpoint\n"
        "Remove-PSBreakpoint -Id $b.Id\n@(Get-PSBreakpoint).Count",
        [0],
    ),
    (
        "Get-PSCallStack: innermost first, each frame where it stands now",
        "& $PATH",
        ["inner|inner|4", "outer|outer|5", "s.ps1|<ScriptBlock>|6", "<ScriptBlock>|<ScriptBlock>|1", 2],
    ),
]


@pytest.mark.parametrize(("name", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_breakpoints(script, name, text, expected):
    assert run(text, script) == expected


def test_errors_are_powershells(script):
    session = pscompat.Session()
    out: list = []
    session.execute(
        "try { Set-PSBreakpoint -Script $PATH -Line 0 -ErrorAction Stop } catch { $_.FullyQualifiedErrorId }\n"
        "try { Set-PSBreakpoint -Script $PATH -Line 1 -Column 0 } catch { $_.FullyQualifiedErrorId }\n"
        "try { Set-PSBreakpoint -Script nowhere.ps1 -Line 1 } catch { $_.FullyQualifiedErrorId }\n"
        "try { Remove-PSBreakpoint -Id 99 -ErrorAction Stop } catch { $_.Exception.Message }".replace(
            "$PATH", f"'{script}'"
        ),
        out.append,
    )
    assert out == [
        "SetPSBreakpoint:LineLessThanOne,Microsoft.PowerShell.Commands.SetPSBreakpointCommand",
        "ParameterArgumentValidationError,Microsoft.PowerShell.Commands.SetPSBreakpointCommand",
        "PathNotFound,Microsoft.PowerShell.Commands.SetPSBreakpointCommand",
        "There is no breakpoint with ID '99'.",
    ]


def test_no_breakpoint_costs_nothing(tmp_path):
    """Without breakpoints the compiled code is the generated Python, with no hook in it; with a
    line breakpoint in the file, the closures with the hook run instead."""
    path = tmp_path / "f.ps1"
    text = "$a = 1\n$a + 1\n"
    path.write_text(text)
    source = Source(text, str(path))
    assert breakpoints.LINE_INDEX == {} and breakpoints.VARIABLE_INDEX == {}
    assert hasattr(compile_block(parse(text), source).end, "python_source")
    assert breakpoints.line_hook(run, parse(text).span, source) is run
    session = pscompat.Session()
    session.execute(f"$b = Set-PSBreakpoint -Script '{path}' -Line 2", lambda x: None)
    try:
        assert not hasattr(compile_block(parse(text), source).end, "python_source")
    finally:
        session.execute("Get-PSBreakpoint | Remove-PSBreakpoint", lambda x: None)
    assert breakpoints.LINE_INDEX == {}
    assert hasattr(compile_block(parse(text), source).end, "python_source")
