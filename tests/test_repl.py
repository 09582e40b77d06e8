"""The interactive `pscompat` prompt in a real terminal (tmux): output, multi-line input,
Tab completion, errors without tracebacks, exit.  Skipped where tmux is missing."""

import os
import shutil
import subprocess
import sys
import time
import uuid

import pytest

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")

PSCOMPAT = [sys.executable, "-m", "pscompat"]


class Terminal:
    def __init__(self, tmp_path):
        self.name = "psc-" + uuid.uuid4().hex[:8]
        self.tmux = ["tmux", "-L", self.name]  # a server of its own: concurrent test runs cannot stop it
        env = dict(os.environ, PSCOMPAT_HOME=str(tmp_path), TERM="xterm")
        cmd = " ".join(PSCOMPAT) + "; sleep 3"
        for _attempt in range(5):  # a tmux server that is just exiting refuses a new session once
            done = subprocess.run(
                [*self.tmux, "new-session", "-d", "-s", self.name, "-x", "140", "-y", "50", cmd],
                env=env,
                cwd=str(tmp_path),
                capture_output=True,
            )
            if done.returncode == 0:
                break
            time.sleep(0.5)
        else:
            raise AssertionError(f"tmux would not start: {done.stderr!r}")

    def screen(self) -> str:
        return subprocess.run(
            [*self.tmux, "capture-pane", "-p", "-t", self.name], capture_output=True, text=True
        ).stdout

    def wait_for(self, text: str, timeout: float = 30) -> str:
        end = time.time() + timeout
        while time.time() < end:
            screen = self.screen()
            if text in screen:
                return screen
            time.sleep(0.2)
        raise AssertionError(f"{text!r} did not appear:\n{self.screen()}")

    def send(self, *keys: str) -> None:
        subprocess.run([*self.tmux, "send-keys", "-t", self.name, *keys], check=True)

    def close(self) -> None:
        subprocess.run([*self.tmux, "kill-server"], capture_output=True)


@pytest.fixture
def term(tmp_path):
    t = Terminal(tmp_path)
    try:
        t.wait_for("PS ")
        yield t
    finally:
        t.close()


def test_prompt_runs_pipelines_and_multiline_input(term):
    term.send('1..3 | ForEach-Object { "n$_" }', "Enter")
    term.wait_for("n3")
    term.send("if ($true) {", "Enter")
    term.wait_for("\n>>")
    term.send("'inside'", "Enter", "}", "Enter")
    term.wait_for("inside")


def test_prompt_completes_parameters_and_values(term):
    term.send("Get-AzureVMImage -Im", "Tab")
    term.wait_for("Get-AzureVMImage -ImageName")
    term.send("C-u", "Save-AzureVMImage -OSState Spe", "Tab")
    term.wait_for("-OSState Specialized")


def test_prompt_errors_are_powershell_errors_and_exit_ends_it(term):
    term.send("Get-NoSuchThing", "Enter")
    screen = term.wait_for("is not recognized")
    assert "Traceback" not in screen
    term.send("'still here'", "Enter")
    term.wait_for("still here")
    term.send("exit", "Enter")
    end = time.time() + 20
    while time.time() < end:  # the prompt ends; the session's `sleep 3` then closes it
        if subprocess.run([*term.tmux, "has-session", "-t", term.name], capture_output=True).returncode != 0:
            return
        time.sleep(0.3)
    raise AssertionError("exit did not end the prompt:\n" + term.screen())
