"""$_.InvocationInfo and $_.ScriptStackTrace of errors in a script file name the file, as pwsh's do
(InvocationInfo.ScriptName, PositionUtilities.VerboseMessage "At /path/x.ps1:2 char:5",
ErrorRecord.ScriptStackTrace "at <ScriptBlock>, /path/x.ps1: line 2").  The command-line cases
are spec cases (tests/spec/error_position.test.ps1)."""

import subprocess
import sys

SCRIPT = """function Get-Thing {
    Get-Item /no/such/path -ErrorAction Stop
}
try { Get-Thing } catch {
    $_.InvocationInfo.ScriptLineNumber
    $_.InvocationInfo.ScriptName
    $_.InvocationInfo.Line.Trim()
    $_.InvocationInfo.PositionMessage
    $_.ScriptStackTrace
}
"""


def test_errors_in_a_script_file_name_it(tmp_path):
    path = tmp_path / "x.ps1"
    path.write_text(SCRIPT)
    done = subprocess.run([sys.executable, "-m", "pscompat", str(path)], capture_output=True, text=True, timeout=60)
    assert done.stderr == ""
    assert done.stdout.splitlines() == [
        "2",
        str(path),
        "Get-Item /no/such/path -ErrorAction Stop",
        f"At {path}:2 char:5",
        "+     Get-Item /no/such/path -ErrorAction Stop",
        "+     ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~",
        f"at <ScriptBlock>, {path}: line 2",
    ]
