"""Consent before a change (issue 10, "Consent"): each destructive command x {answer N, answer Y,
-WhatIf, consent given up front, a host that cannot ask}, then the prompt's own behaviour (Yes to
All, No to All, ?, Suspend, a wrong answer, end of input, line wrapping), the preferences, script
functions with SupportsShouldProcess, the command line's -NonInteractive, and a real terminal.

Answers reach a real ConsoleHost through its input stream (a StringIO in place of the terminal);
the consent logic is the engine's own.  Texts: PS MshCommandRuntime.cs, CommandBaseStrings.resx,
ConsoleHostUserInterfacePromptForChoice.cs, ConsoleHostUserInterfaceStrings.resx.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

import pscompat
from pscompat.engine.consent import NO_SUSPEND, NON_INTERACTIVE
from pscompat.format.host import ConsoleHost
from pscompat.session import Session
from pscompat.shell.cli import run_text

REPO = Path(__file__).resolve().parents[1]
CHOICES = '[Y] Yes  [A] Yes to All  [N] No  [L] No to All  [S] Suspend  [?] Help (default is "Y"): '
YES_NO = '[Y] Yes  [N] No  [S] Suspend  [?] Help (default is "Y"): '
SURE = "Are you sure you want to perform this action?"


@pytest.fixture(autouse=True)
def home(tmp_path, monkeypatch):
    """A fresh sandbox (the embedded backend) and a scratch directory as the current one."""
    monkeypatch.setenv("PSCOMPAT_HOME", str(tmp_path / "home"))
    for key in [k for k in os.environ if k.startswith("PSCOMPAT_AZURE_") or k == "PSCOMPAT_SANDBOX_LATENCY"]:
        monkeypatch.delenv(key)
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    return work


@pytest.fixture
def sleeper():
    proc = subprocess.Popen(["sleep", "60"])
    try:
        yield proc
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait()


def answering(script: str, answers: str = "", width: int = 120) -> tuple[str, int]:
    """Run script on a console host whose input holds the answers; (everything shown, exit code)."""
    shown = io.StringIO()
    host = ConsoleHost(shown, shown, interactive=False, width=width, stdin=io.StringIO(answers), can_prompt=True)
    code = run_text(Session(host=host), script, "<test>")
    return shown.getvalue(), code


def state(script: str) -> list:
    return [pscompat.to_python(x) for x in pscompat.run(script)]


# --- the destructive commands ----------------------------------------------------------------------
@dataclass
class Destructive:
    name: str
    setup: str  # run first (Python API, consent given)
    command: str  # the command, as a user types it
    ask: str  # what makes it ask ('' when it asks by itself)
    quiet: str  # what makes it go ahead without asking
    check: str  # a script whose output tells the state
    question: str  # a line of the prompt
    choices: str = CHOICES


def _file(name: str, text: str = "keep") -> str:
    return f"Set-Content {name} '{text}' -Confirm:$false"


CASES = [
    Destructive(
        "Remove-AzureService -DeleteAll",
        "",
        "Remove-AzureService -ServiceName mySvc2 -DeleteAll",
        "",
        "-Force",
        "@(Get-AzureVM | ? ServiceName -eq mySvc2).Count",
        'Are you sure you want to remove cloud service "mySvc2" and delete its deployment, VMs, disks and their '
        "VHD blobs?",
        YES_NO,
    ),
    Destructive(
        "Remove-AzureVM",
        "",
        "Remove-AzureVM -ServiceName mySvc2 -Name MyVMToCapture2",
        "-Confirm",
        "-Confirm:$false",
        "@(Get-AzureVM | ? Name -eq MyVMToCapture2).Count",
        'Performing the operation "Remove-AzureVM" on target "MyVMToCapture2".',
    ),
    Destructive(
        "Remove-AzureVMImage -DeleteVHD",
        "",
        "Remove-AzureVMImage -ImageName MyOldVmImage -DeleteVHD",
        "-Confirm",
        "-Confirm:$false",
        "@(Get-AzureVMImage | ? ImageName -eq MyOldVmImage).Count",
        'Performing the operation "Remove image and delete its VHD blobs" on target "MyOldVmImage".',
    ),
    Destructive(
        "Save-AzureVMImage Generalized, running VM",
        "Start-AzureVM mySvc2 MyVMToCapture2 | Out-Null",
        "Save-AzureVMImage mySvc2 MyVMToCapture2 captured -OSState Generalized",
        "-Confirm",  # Medium, as every addition to the classic module: old snippets never ask
        "-Confirm:$false",
        "@(Get-AzureVM | ? Name -eq MyVMToCapture2).Count",
        'Performing the operation "Capture as VM image \'captured\' and delete the VM" on target "MyVMToCapture2".',
    ),
    Destructive(
        "Save-AzureVMImage OS capture",
        "",
        "Save-AzureVMImage myServiceName MyVMtoCapture osimage",
        "-Confirm",
        "-Confirm:$false",
        "@(Get-AzureVM | ? Name -eq MyVMtoCapture).Count",
        'Performing the operation "Capture as OS image \'osimage\' and delete the VM" on target "MyVMtoCapture".',
    ),
    Destructive(
        "Stop-AzureVM, the deployment's last VM",
        "Start-AzureVM mySvc2 MyVMToCapture2 | Out-Null",
        "Stop-AzureVM -ServiceName mySvc2 -Name MyVMToCapture2",
        "",
        "-Force",
        "@(Get-AzureVM | ? { $_.Name -eq 'MyVMToCapture2' -and $_.Status -eq 'ReadyRole' }).Count",
        "The specified virtual machine is the last virtual machine in this deployment.",
        YES_NO,
    ),
    Destructive(
        "Remove-Item a file",
        _file("victim.txt"),
        "Remove-Item victim.txt",
        "-Confirm",
        "-Confirm:$false",
        "@(Get-ChildItem victim.txt -ErrorAction SilentlyContinue).Count",
        'Performing the operation "Remove File" on target "{work}/victim.txt".',
    ),
    Destructive(
        "Remove-Item a directory with children",
        "New-Item -ItemType Directory tree | Out-Null; " + _file("tree/leaf.txt"),
        "Remove-Item tree",
        "",  # has children, no -Recurse: asks by itself
        "-Recurse",
        "@(Get-ChildItem . -Filter tree).Count",
        "The item at {work}/tree has children and the Recurse parameter was not specified. If you continue, "
        "all children will be removed with the item. Are you sure you want to continue?",
        CHOICES,
    ),
    Destructive(
        "Set-Content over a file",
        _file("data.txt", "precious"),
        "Set-Content data.txt 'overwritten'",
        "-Confirm",
        "-Confirm:$false",
        "@(Get-Content data.txt | ? { $_ -eq 'precious' }).Count",
        'Performing the operation "Set Content" on target "Path: {work}/data.txt".',
    ),
    Destructive(
        "Stop-Process",
        "",
        "Stop-Process -Id {pid}",
        "-Confirm",
        "-Confirm:$false",
        "@(Get-Process -Id {pid} -ErrorAction SilentlyContinue | ? { $_.HasExited -eq $false }).Count",
        'Performing the operation "Stop-Process" on target "sleep ({pid})".',
    ),
    Destructive(
        "a function with SupportsShouldProcess, ConfirmImpact High",
        _file("fn.txt"),
        "function Remove-Thing { [CmdletBinding(SupportsShouldProcess, ConfirmImpact = 'High')] param($Path) "
        "if ($PSCmdlet.ShouldProcess($Path, 'Shred')) { Remove-Item $Path -Confirm:$false } }; Remove-Thing fn.txt",
        "",
        "-Confirm:$false",
        "@(Get-ChildItem fn.txt -ErrorAction SilentlyContinue).Count",
        'Performing the operation "Shred" on target "fn.txt".',
    ),
]
MODES = ["answer N", "answer Y", "-WhatIf", "consent given", "cannot ask"]


def _fill(case: Destructive, home: Path, sleeper) -> dict:
    def fill(text: str) -> str:
        return text.replace("{work}", str(home)).replace("{pid}", str(sleeper.pid))

    return {k: fill(getattr(case, k)) for k in ("setup", "command", "check", "question")}


def _run(case: dict, mode: str, tail: str, answers: str):
    command = f"{case['command']} {tail}".rstrip()
    if mode == "cannot ask":  # the Python API: nobody to ask
        result = pscompat.run(command)
        return "", [e.message for e in result.errors]
    shown, _ = answering(command, answers)
    return shown, []


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_destructive_command_changes_nothing_without_consent(case, mode, home, sleeper):
    filled = _fill(case, home, sleeper)
    if filled["setup"]:
        assert not pscompat.run(filled["setup"]).errors
    before = state(filled["check"])
    assert before == [1], "the thing to destroy is there"
    tail = {
        "answer N": case.ask,
        "answer Y": case.ask,
        "-WhatIf": f"{case.quiet} -WhatIf",
        "consent given": case.quiet,
        "cannot ask": case.ask,
    }[mode]
    answers = {"answer N": "n\n", "answer Y": "y\n"}.get(mode, "")
    shown, errors = _run(filled, mode, tail, answers)
    if "{pid}" in case.command:  # a killed child stays a zombie until reaped: reap it if it died
        try:
            sleeper.wait(timeout=2 if mode in ("answer Y", "consent given") else 0.2)
        except subprocess.TimeoutExpired:
            pass
    after = state(filled["check"])
    if mode in ("answer N", "answer Y"):
        assert filled["question"] in shown
        assert shown.count(case.choices) == 1, shown
        assert after == ([1] if mode == "answer N" else [0]), shown
    elif mode == "-WhatIf":
        assert shown.startswith("What if: Performing the operation "), shown
        assert "Confirm" not in shown
        assert after == [1]
    elif mode == "consent given":
        assert "Confirm" not in shown and "What if" not in shown, shown
        assert after == [0], shown
    else:
        assert errors == [NON_INTERACTIVE]
        assert after == [1]


# --- the prompt ----------------------------------------------------------------------------------
def _three_files():
    for name in ("a.txt", "b.txt", "c.txt"):
        Path(name).write_text("x")


def _left() -> list[str]:
    return sorted(p for p in os.listdir(".") if p.endswith(".txt"))


PROMPT_CASES = [
    # (answers, files left, prompts shown)
    ("y\nn\ny\n", ["b.txt"], 3),
    ("a\n", [], 1),  # Yes to All: the rest of this invocation goes ahead without asking
    ("l\n", ["a.txt", "b.txt", "c.txt"], 1),  # No to All
    ("n\nA\n", ["a.txt"], 2),  # hotkeys in any case
    ("No\nyes to all\n", ["a.txt"], 2),  # a whole label, any case
    ("\n\n\n", [], 3),  # Enter takes the default, Yes
    ("x\nn\nn\nn\n", ["a.txt", "b.txt", "c.txt"], 4),  # an answer that names no choice asks again
]


@pytest.mark.parametrize("answers, left, prompts", PROMPT_CASES)
def test_answers(answers, left, prompts):
    _three_files()
    shown, code = answering("Remove-Item a.txt, b.txt, c.txt -Confirm", answers)
    assert _left() == left
    assert shown.count(CHOICES) == prompts
    assert code == 0


def test_the_prompt_reads_as_pwsh_prints_it(home):
    Path("one.txt").write_text("x")
    shown, _ = answering("Remove-Item one.txt -Confirm", "n\n")
    assert shown == (
        f'\nConfirm\n{SURE}\nPerforming the operation "Remove File" on target "{home}/one.txt".\n{CHOICES}n\n'
    )


def test_question_mark_lists_the_choices_then_asks_again():
    Path("one.txt").write_text("x")
    shown, _ = answering("Remove-Item one.txt -Confirm", "?\nn\n")
    assert (
        f"{CHOICES}?\n"
        "Y - Continue with only the next step of the operation.\n"
        "A - Continue with all the steps of the operation.\n"
        "N - Skip this operation and proceed with the next operation.\n"
        "L - Skip this operation and all subsequent operations.\n"
        'S - Pause the current pipeline and return to the command prompt. Type "exit" to resume the pipeline.\n'
        f"{CHOICES}n\n"
    ) in shown
    assert _left() == ["one.txt"]


def test_suspend_says_there_is_no_nested_prompt_and_asks_again():
    Path("one.txt").write_text("x")
    shown, _ = answering("Remove-Item one.txt -Confirm", "s\nn\n")
    assert NO_SUSPEND in shown
    assert shown.count(CHOICES) == 2
    assert _left() == ["one.txt"]


def test_end_of_input_cancels_the_prompt_and_changes_nothing():
    Path("one.txt").write_text("x")
    shown, code = answering("Remove-Item one.txt -Confirm; 'next'", "")
    assert "Remove-Item: The prompt was canceled." in shown
    assert shown.rstrip().endswith("next")  # statement-terminating: the script goes on
    assert _left() == ["one.txt"]


def test_a_narrow_window_wraps_the_choices():
    Path("one.txt").write_text("x")
    shown, _ = answering("Remove-Item one.txt -Confirm", "n\n", width=40)
    # a part that starts a new line loses its trailing spaces (WriteChoiceHelper's TrimEnd), as in pwsh
    assert '[Y] Yes  [A] Yes to All  [N] No  \n[L] No to All[S] Suspend  [?] Help \n(default is "Y"):n' in shown


# --- the preferences ----------------------------------------------------------------------------------
PREFERENCE_CASES = [
    # (script, prompts shown, file left) -- MshCommandRuntime.CanShouldProcessAutoConfirm
    ("Remove-Item one.txt", 0, False),  # Medium impact below the default threshold High
    ("$ConfirmPreference = 'Medium'; Remove-Item one.txt", 1, True),
    ("$ConfirmPreference = 'Low'; Remove-Item one.txt", 1, True),
    ("$ConfirmPreference = 'None'; Remove-Item one.txt -Confirm", 1, True),  # -Confirm wins
    ("$ConfirmPreference = 'Low'; Remove-Item one.txt -Confirm:$false", 0, False),
    ("$WhatIfPreference = $true; Remove-Item one.txt", 0, True),
    ("$WhatIfPreference = $true; Remove-Item one.txt -WhatIf:$false", 0, False),
    (
        "$ConfirmPreference = 'None'; Save-AzureVMImage mySvc2 MyVMToCapture2 g -OSState Generalized; "
        "Remove-Item one.txt",
        0,
        False,
    ),
]


@pytest.mark.parametrize("script, prompts, kept", PREFERENCE_CASES)
def test_preferences_decide_whether_to_ask(script, prompts, kept):
    Path("one.txt").write_text("x")
    shown, _ = answering(script, "n\n" * 3)
    assert shown.count(CHOICES) == prompts, shown
    assert (_left() == ["one.txt"]) == kept


def test_a_drive_item_asks_with_the_providers_texts():
    shown, _ = answering("$env:PSC_CONSENT_T = '1'; Remove-Item Env:PSC_CONSENT_T -Confirm; $env:PSC_CONSENT_T", "n\n")
    assert 'Performing the operation "Remove Item" on target "Item: PSC_CONSENT_T".' in shown
    assert shown.rstrip().endswith("1")
    os.environ.pop("PSC_CONSENT_T", None)


def test_verbose_names_the_operation_when_no_question_is_needed(home):
    Path("one.txt").write_text("x")
    result = pscompat.run("Remove-Item one.txt -Verbose")
    assert result.verbose == [f'Performing the operation "Remove File" on target "{home}/one.txt".']


# --- script functions ---------------------------------------------------------------------------------
FUNCTION = "function Clear-Thing { [CmdletBinding(SupportsShouldProcess)] param($Path) Remove-Item $Path }; "  # Medium


def test_a_functions_whatif_and_confirm_reach_the_cmdlets_it_calls(home):
    Path("one.txt").write_text("x")
    shown, _ = answering(FUNCTION + "Clear-Thing one.txt -WhatIf", "")
    assert shown == f'What if: Performing the operation "Remove File" on target "{home}/one.txt".\n'
    shown, _ = answering(FUNCTION + "Clear-Thing one.txt -Confirm", "n\n")
    assert shown.count(CHOICES) == 1 and _left() == ["one.txt"]
    answering(FUNCTION + "Clear-Thing one.txt", "")
    assert _left() == []


def test_pscmdlet_should_continue_and_the_three_argument_should_process():
    script = (
        "function Test-It { [CmdletBinding(SupportsShouldProcess)] param() "
        "foreach ($i in 1..2) { if ($PSCmdlet.ShouldContinue(\"item $i\", 'Caption')) { $i } }; "
        "if ($PSCmdlet.ShouldProcess('described', 'Warned?', 'Title')) { 'went ahead' } }; "
        "Test-It -Confirm"
    )
    shown, _ = answering(script, "n\ny\ny\n")
    assert shown.count(YES_NO) == 2 and shown.count(CHOICES) == 1
    assert "\nCaption\nitem 1\n" in shown and "\nTitle\nWarned?\n" in shown
    assert [line for line in shown.splitlines() if line in ("1", "2", "went ahead")] == ["2", "went ahead"]


def test_a_function_without_supports_should_process_has_no_whatif():
    result = pscompat.run("function f { [CmdletBinding()] param() 'ran' }; f -WhatIf")
    assert [e.message for e in result.errors] == ["A parameter cannot be found that matches parameter name 'WhatIf'."]


# --- hosts that cannot ask ------------------------------------------------------------------------
def _cli(*args: str, stdin=subprocess.DEVNULL) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "pscompat", *args], stdin=stdin, capture_output=True, text=True, timeout=60
    )


@pytest.mark.parametrize("args", [["-NonInteractive", "-c"], ["-noni", "-c"], ["-c"]])
def test_the_command_line_refuses_when_nobody_can_answer(args):
    Path("one.txt").write_text("x")
    done = _cli(*args, "Remove-Item one.txt -Confirm; 'next'")  # standard input is not a terminal
    assert done.stdout == "next\n"
    assert "Remove-Item: " + NON_INTERACTIVE in done.stderr
    assert _left() == ["one.txt"]


def test_the_python_api_refuses_with_pwshs_error_record():
    Path("one.txt").write_text("x")
    result = pscompat.run("Remove-Item one.txt -Confirm")
    (error,) = result.errors
    assert (error.message, error.fully_qualified_error_id, error.category) == (
        NON_INTERACTIVE,
        "InvalidOperation,Microsoft.PowerShell.Commands.RemoveItemCommand",
        "InvalidOperation",
    )
    assert _left() == ["one.txt"]
    with pytest.raises(pscompat.PSError, match="NonInteractive mode"):
        pscompat.run("$ErrorActionPreference = 'Stop'; Remove-Item one.txt -Confirm; 'not reached'")


# --- a real terminal --------------------------------------------------------------------------------
@pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")
@pytest.mark.parametrize("answer, left", [("n", ["one.txt"]), ("y", [])])
def test_a_real_terminal_asks_and_honours_the_answer(answer, left, home):
    from test_repl import Terminal  # the project's tmux driver

    Path("one.txt").write_text("x")
    term = Terminal(home)
    try:
        term.wait_for("PS ")
        term.send("Remove-Item one.txt -Confirm; 'done'", "Enter")
        screen = term.wait_for('(default is "Y"):')
        assert SURE in screen and f'on target "{home}/one.txt"' in screen
        assert "[Y] Yes  [A] Yes to All  [N] No  [L] No to All  [S] Suspend  [?] Help" in screen
        term.send(answer, "Enter")
        term.wait_for("done")
        assert _left() == left
    finally:
        term.close()
