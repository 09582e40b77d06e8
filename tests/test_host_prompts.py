"""Prompts for input: Read-Host, Get-Credential, $Host.UI's reads and prompts, and the binder's
"Supply values for the following parameters:" prompt.

Three ways in: answers fed to a console host from a pipe (table-driven transcripts), the
command line with no terminal (pwsh's NonInteractive error, never a hang), and `pscompat -c`
in a real terminal (tmux), where a secret is masked and never shown.
Sources: PS test/powershell/Host/Read-Host.Tests.ps1 and assets/Read-Host.Output.expect
(`Read-Host prompt` shows `prompt: `, and the typed line comes back once),
Modules/Microsoft.PowerShell.Security/GetCredential.Tests.ps1, the console host's
ConsoleHostUserInterfacePrompt.cs / ConsoleHostUserInterfaceSecurity.cs /
ConsoleHostUserInterfacePromptForChoice.cs and CmdletParameterBinderController.cs
(PromptForMissingMandatoryParameters)."""

import io
import shlex
import shutil
import subprocess
import sys
import time

import pytest
from test_repl import Terminal

from pscompat.format.host import ConsoleHost
from pscompat.session import Session
from pscompat.shell.cli import run_text

NON_INTERACTIVE = "PowerShell is in NonInteractive mode. Read and Prompt functionality is not available."


def transcript(script: str, answers: str, capsys) -> str:
    """What the console shows when `answers` are typed: prompts, the answers echoed (secrets
    are not), output and errors, in order."""
    out = io.StringIO()
    host = ConsoleHost(out, out, interactive=False, stdin=io.StringIO(answers), can_prompt=True)
    run_text(Session(host=host), script, "<command>")
    return out.getvalue() + capsys.readouterr().err


CASES = [
    # Read-Host.Output.expect: `Read-Host prompt` asks `prompt: ` and returns the line once
    ("Read-Host prompt", "input\n", "prompt: input\ninput\n"),
    ("$n = Read-Host 'Your name'; \"hi $n\"", "bob\n", "Your name: bob\nhi bob\n"),
    # ReadConsoleCmdlet.cs: the prompt's elements, joined by spaces; without one, ReadLine
    ("Read-Host a, b", "x\n", "a b: x\nx\n"),
    ("(Read-Host).Length", "four\n", "four\n4\n"),
    # -AsSecureString: a SecureString; the answer is not shown
    (
        "$s = Read-Host -AsSecureString -Prompt Password; $s.GetType().FullName; $s.Length",
        "s3cret\n",
        "Password: \nSystem.Security.SecureString\n6\n",
    ),
    ("$p = Read-Host -MaskInput pin; $p", "1234\n", "pin: \n1234\n"),
    # GetCredential.Tests.ps1 / ConsoleHostUserInterfaceSecurity.cs: title, message, User:, password
    (
        "$c = Get-Credential; $c.UserName; $c.GetNetworkCredential().Password.Length",
        "\njohn\nThis is a test\n",
        "\nPowerShell credential request\nEnter your credentials.\nUser: \nUser: john\n"
        "Password for user john: \njohn\n14\n",
    ),
    (
        "$c = Get-Credential -UserName Joe -Message Foo -Title CustomTitle; $c.GetType().Name",
        "pw\n",
        "\nCustomTitle\nFoo\nPassword for user Joe: \nPSCredential\n",
    ),
    # the binder's prompt (ParameterBinderStrings PromptCaption / PromptMessage)
    (
        'function f { param([Parameter(Mandatory)][string]$Name) "n=$Name" }; f',
        "zed\n",
        "\ncmdlet f at command pipeline position 1\nSupply values for the following parameters:\nName: zed\nn=zed\n",
    ),
    (
        "function g { param([Parameter(Mandatory)][int[]]$N) ($N | Measure-Object -Sum).Sum }; g",
        "1\n2\n\n",
        "\ncmdlet g at command pipeline position 1\nSupply values for the following parameters:\n"
        "N[0]: 1\nN[1]: 2\nN[2]: \n3\n",
    ),
    # the input ends before an answer: the usual missing-parameter error
    (
        "function f { param([Parameter(Mandatory)]$Name) $Name }; f",
        "",
        "\ncmdlet f at command pipeline position 1\nSupply values for the following parameters:\nName: "
        "f: Cannot process command because of one or more missing mandatory parameters: Name.\n",
    ),
    # $Host.UI (PSHostUserInterface)
    ("$Host.UI.ReadLine().ToUpper()", "abc\n", "abc\nABC\n"),
    ("$Host.UI.ReadLineAsSecureString().Length", "abc\n", "\n3\n"),
    (
        "$c = [System.Management.Automation.Host.ChoiceDescription[]]@('&Yes', '&No'); "
        "$Host.UI.PromptForChoice('Deploy', 'Go ahead?', $c, 1)",
        "y\n",
        '\nDeploy\nGo ahead?\n[Y] Yes  [N] No  [?] Help (default is "N"): y\n0\n',
    ),
    (
        "$y = [System.Management.Automation.Host.ChoiceDescription]::new('&Yes', 'Do it'); "
        "$n = [System.Management.Automation.Host.ChoiceDescription]::new('&No', 'Skip it'); "
        "$Host.UI.PromptForChoice('', 'Sure?', @($y, $n), 0)",
        "?\n\n",
        '\nSure?\n[Y] Yes  [N] No  [?] Help (default is "Y"): ?\nY - Do it\nN - Skip it\n'
        '[Y] Yes  [N] No  [?] Help (default is "Y"): \n0\n',
    ),
    (
        "$f = [System.Management.Automation.Host.FieldDescription]::new('Server'); "
        "$r = $Host.UI.Prompt('Connect', 'Where to?', @($f)); $r['Server']",
        "db1\n",
        "\nConnect\nWhere to?\nServer: db1\ndb1\n",
    ),
    ("$Host.UI.WriteLine('plain'); $Host.UI.Write('a'); $Host.UI.WriteLine('b')", "", "plain\nab\n"),
    ("$Host.UI.PromptForCredential('T', 'M', 'u', 'dom').UserName", "pw\n", "\nT\nM\nPassword for user u: \ndom\\u\n"),
]


@pytest.mark.parametrize("script,answers,expected", CASES)
def test_prompt_transcripts(script, answers, expected, capsys):
    shown = transcript(script, answers, capsys)
    assert shown == expected
    assert "s3cret" not in shown and "This is a test" not in shown  # secrets are never shown


NO_TERMINAL = [
    ("Read-Host x", "Read-Host: " + NON_INTERACTIVE),
    ("Read-Host -AsSecureString", "Read-Host: " + NON_INTERACTIVE),
    ("Get-Credential", "Get-Credential: " + NON_INTERACTIVE),
    ("$Host.UI.ReadLine()", f'Exception calling "ReadLine" with "0" argument(s): "{NON_INTERACTIVE}"'),
    (
        "$Host.UI.PromptForChoice('c', 'm', [System.Management.Automation.Host.ChoiceDescription[]]@('&Yes'), 0)",
        f'Exception calling "PromptForChoice" with "4" argument(s): "{NON_INTERACTIVE}"',
    ),
    # pwsh's binder falls back to the missing-parameter error when its host cannot prompt
    (
        "function f { param([Parameter(Mandatory)]$N) $N }; f",
        "f: Cannot process command because of one or more missing mandatory parameters: N.",
    ),
]


@pytest.mark.parametrize("script,error", NO_TERMINAL)
def test_no_terminal_fails_with_the_noninteractive_error(script, error):
    done = subprocess.run(
        [sys.executable, "-m", "pscompat", "-c", script],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1
    assert error in done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize("switch", ["-NonInteractive", "-noni"])
def test_noninteractive_switch_refuses_even_in_a_terminal(switch, tmp_path):
    if shutil.which("tmux") is None:
        pytest.skip("tmux is not installed")
    term = CommandTerminal(tmp_path, switch, "-c", "Read-Host 'Name'")
    try:
        term.wait_for("NonInteractive mode")
    finally:
        term.close()


class CommandTerminal(Terminal):
    """`pscompat <args>` in a tmux terminal of its own."""

    def __init__(self, tmp_path, *args: str):
        import test_repl

        saved = test_repl.PSCOMPAT
        test_repl.PSCOMPAT = [*saved, *(shlex.quote(a) for a in args)]
        try:
            super().__init__(tmp_path)
        finally:
            test_repl.PSCOMPAT = saved


needs_tmux = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")


@needs_tmux
def test_read_host_in_a_terminal(tmp_path):
    term = CommandTerminal(tmp_path, "-c", "'got ' + (Read-Host 'Name')")
    try:
        term.wait_for("Name:")
        term.send("Ada", "Enter")
        term.wait_for("got Ada")
    finally:
        term.close()


@needs_tmux
def test_secure_read_host_masks_the_secret_in_a_terminal(tmp_path):
    term = CommandTerminal(tmp_path, "-c", "(Read-Host 'Secret' -AsSecureString).Length")
    try:
        term.wait_for("Secret:")
        term.send("-l", "hunter2")
        screen = term.wait_for("*******")
        term.send("BSpace", "Enter")  # Backspace takes the last character back
        screen = term.wait_for("\n6")
        assert "hunter" not in screen
    finally:
        term.close()


@needs_tmux
def test_get_credential_and_mandatory_prompt_in_a_terminal(tmp_path):
    script = (
        "function Connect { param([Parameter(Mandatory)][string]$Server) $Server }; "
        "$s = Connect; $c = Get-Credential; $s + ' as ' + $c.UserName"
    )
    term = CommandTerminal(tmp_path, "-c", script)
    try:
        term.wait_for("Supply values for the following parameters:")
        term.send("-l", "db1")
        term.send("Enter")
        term.wait_for("User:")
        term.send("-l", "ops")
        term.send("Enter")
        term.wait_for("Password for user ops:")
        term.send("-l", "pa55word")
        term.send("Enter")
        screen = term.wait_for("db1 as ops")
        assert "pa55word" not in screen
    finally:
        term.close()


@needs_tmux
def test_choice_prompt_in_a_terminal(tmp_path):
    script = "$Host.UI.PromptForChoice('Deploy', 'Go?', [System.Management.Automation.Host.ChoiceDescription[]]@('&Yes', '&No'), 1)"
    term = CommandTerminal(tmp_path, "-c", script)
    try:
        term.wait_for('(default is "N"):')
        time.sleep(0.2)
        term.send("y", "Enter")
        term.wait_for("\n0")
    finally:
        term.close()
