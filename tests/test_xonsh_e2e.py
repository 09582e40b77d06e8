"""End to end in real xonsh processes: piped into `xonsh -i` (the real prompt_toolkit path:
transform, Enter-key continuation, display), a script with `ps!` and `with!`, and under tmux
for what only a terminal does (Tab, bracketed paste).  Each xonsh gets a fresh PSCOMPAT_HOME.
"""

import os
import re
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
ANSI = re.compile(r"\x1b\[[0-9;?>]*[A-Za-z]|\x1b\][^\x07]*\x07")
FAMILY = "Windows Server 2012 R2 Datacenter"


needs_tmux = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")


def _env(tmp_path):
    env = dict(os.environ)
    env.update(
        PYTHONPATH=str(ROOT),
        PSCOMPAT_HOME=str(tmp_path / "pscompat-home"),
        TERM="linux",
        XONSH_SHOW_TRACEBACK="0",
        HOME=str(tmp_path),
        XONSH_HISTORY_BACKEND="json",
        XDG_DATA_HOME=str(tmp_path / "data"),
    )
    env.pop("PYTEST_CURRENT_TEST", None)
    return env


def run_interactive(lines, tmp_path):
    """Pipe `lines` into `xonsh -i`; return the screen text without escapes, and the history."""
    text = "".join(line + "\n" for line in lines)
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "xonsh",
            "--no-rc",
            "-i",
            "-DPROMPT=XP> ",
            "-DXONSH_HISTORY_FILE=" + str(tmp_path / "history.json"),
        ],
        input=text,
        capture_output=True,
        text=True,
        timeout=120,
        env=_env(tmp_path),
        cwd=tmp_path,
    )
    return ANSI.sub("", proc.stdout + proc.stderr).replace("\r", "")


def output_lines(screen):
    """What commands printed: the screen without prompt echoes and blank lines."""
    return [
        ln.rstrip()
        for ln in screen.split("\n")
        if ln.strip() and "XP>" not in ln and not ln.startswith("Warning: Input is not a terminal")
    ]


# --------------------------------------------------------------------------- piped xonsh -i


def test_interactive_session_without_azure(tmp_path):
    screen = run_interactive(
        [
            "xontrib load pscompat",
            'family = "Windows"',
            '$n = Write-Output "[$family]"',  # reads Python's family, leaves Python's n
            "print(n)",
            "Write-Output b a c |",  # typed over three lines: continues, runs once at the blank line
            "  Sort-Object -Descending |",
            "  Select-Object -First 2",
            "",
            "r = _",
            "print(type(r).__name__, list(r))",
            "Select-Object -Bogus 1",
            'if ($family -like "Win*") { "kw-if" } else { "kw-else" }',  # a keyword statement
            "foreach ($i in 1..2) {",  # unfinished on its first line: continues
            '  "kw-foreach-$i"',
            "}",
            "",
            "$o = [pscustomobject]@{ N = 7 }",
            "print('o.N =', o.N)",
            "if (len(family) > 3):",  # Python's if stays Python's
            "    print('py-if')",
            "",
            "ps! Write-Output from-macro",
            "ls -d /",
            "xontrib unload pscompat",
            "Write-Output plain",
            "echo done",
        ],
        tmp_path,
    )
    out = output_lines(screen)
    assert "[Windows]" in out
    assert out.count("c") == 1 and out.count("b") == 1 and "a" not in out
    assert "PSResult ['c', 'b']" in out
    assert "Select-Object: A parameter cannot be found that matches parameter name 'Bogus'." in out
    assert "from-macro" in out
    assert "kw-if" in out and "kw-else" not in out
    assert out.count("kw-foreach-1") == 1 and out.count("kw-foreach-2") == 1
    assert "o.N = 7" in out and "py-if" in out
    assert "/" in out
    assert "xonsh: subprocess mode: command not found: 'Write-Output'" in out  # plain xonsh again
    assert "done" in out
    assert "Traceback" not in screen


def test_line_ending_in_colon_or_backslash_runs_with_one_enter(tmp_path):
    """xonsh reads a trailing `:` as a block opener and `\\` as a continuation; a complete
    PowerShell line (`Set-Location C:`) must still run on its Enter, not swallow the next line."""
    out = output_lines(
        run_interactive(
            [
                "xontrib load pscompat",
                "Write-Output C:",
                "print('py-after')",
                "Write-Output 'D:\\'",
                "print('py-after2')",
            ],
            tmp_path,
        )
    )
    assert out[:4] == ["C:", "py-after", "D:\\", "py-after2"]


def test_history_shows_the_powershell_text(tmp_path):
    run_interactive(["xontrib load pscompat", "$x = Write-Output 42", "print(x)"], tmp_path)
    import json

    data = json.loads((tmp_path / "history.json").read_text())
    inputs = [cmd["inp"].rstrip("\n") for cmd in data["data"]["cmds"]]
    assert inputs == ["xontrib load pscompat", "$x = Write-Output 42", "print(x)"]


def test_seed_document_session(tmp_path):
    """Issue 5's 'Done when', as typed into a real interactive xonsh."""
    screen = run_interactive(
        [
            "xontrib load pscompat",
            f'family = "{FAMILY}"',
            "Get-AzureVMImage | select ImageFamily",
            "Get-AzureVMImage | Where-Object {$_.ImageFamily -eq $family}",
            "Get-AzureVMImage | where {(gm \u2013InputObject $_ -Name DataDiskConfigurations) -ne $null} "
            "| Select -Property Label, ImageName",
            "r = _",
            "print('r:', type(r).__name__, len(r) > 0, r[0].ImageName == r[0]['imagename'])",
            "Get-AzureVMImage |",
            "  Where-Object {$_.ImageFamily -eq $family} |",
            "  Select-Object -First 1 -Property ImageFamily",
            "",
            "$imgs = Get-AzureVMImage | Where-Object {$_.ImageFamily -eq $family}",
            "print('imgs:', len(imgs), {i.ImageFamily for i in imgs})",
            "xontrib unload pscompat",
            "Get-AzureVMImage",
        ],
        tmp_path,
    )
    out = output_lines(screen)
    text = "\n".join(out)
    assert "Traceback" not in screen
    # `select ImageFamily`: a one-column table
    header = out.index("ImageFamily")
    assert set(out[header + 1]) == {"-"}
    # `Where-Object` on the family: list view of OS images of that family only
    families = [ln.split(":", 1)[1].strip() for ln in out if re.match(r"ImageFamily\s+:", ln)]
    assert families and set(families) == {FAMILY}
    # the VM-image query: a Label / ImageName table
    assert any(re.match(r"Label\s+ImageName$", ln) for ln in out)
    assert "r: PSResult True True" in out
    # the three-line pipeline ran once, as one script
    single = [i for i, ln in enumerate(out) if ln == "ImageFamily"]
    assert len(single) == 2 and out[single[1] + 2] == FAMILY
    assert f"imgs: {len(families)} {{{FAMILY!r}}}" in text
    assert "command not found: 'Get-AzureVMImage'" in text


# --------------------------------------------------------------------------- scripts


def test_script_with_ps_macro_and_block(tmp_path):
    script = tmp_path / "session.xsh"
    script.write_text(
        "xontrib load pscompat\n"
        "family = 'Win'\n"
        'ps! Write-Output "macro $family" | Sort-Object\n'
        "def f():\n"
        "    family = 'local'\n"
        '    ps! Write-Output "in f: $family"\n'
        "f()\n"
        "captured = $(ps! Write-Output captured)\n"
        "print(repr(captured))\n"
        "with! pscompat.block() as res:\n"
        "    Write-Output b a |\n"
        "        Sort-Object\n"
        "    $fromBlock = 'set in block'\n"
        "print(list(res), fromBlock)\n"
        "r = pscompat.run('Write-Output $family')\n"
        "print(type(r).__name__, r[0])\n"
        "import pscompat\n"  # now the package: the block form still works
        "with! pscompat.block() as res2:\n"
        "    'after import' | ForEach-Object { $_.ToUpper() }\n"
        "print(type(res2).__name__, res2[0])\n"
        "ps aux | head -n 1\n"
    )
    proc = subprocess.run(
        [sys.executable, "-m", "xonsh", "--no-rc", str(script)],
        capture_output=True,
        text=True,
        timeout=120,
        env=_env(tmp_path),
        cwd=tmp_path,
    )
    out = proc.stdout.splitlines()
    assert proc.returncode == 0, proc.stderr
    assert out[:2] == ["macro Win", "in f: local"]
    assert "'captured'" in out
    assert out[out.index("'captured'") + 1 :][:3] == ["a", "b", "['a', 'b'] set in block"]
    assert "PSResult Win" in out
    assert "PSResult AFTER IMPORT" in out
    assert "PID" in out[-1]  # `ps aux` is still the system's ps


def test_example_session_script_runs(tmp_path):
    proc = subprocess.run(
        [sys.executable, "-m", "xonsh", "--no-rc", str(ROOT / "examples" / "session.xsh")],
        capture_output=True,
        text=True,
        timeout=120,
        env=_env(tmp_path),
        cwd=tmp_path,
    )
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    # the block's error is shown; the one of `!(ps! ...)` is captured with its output
    assert (proc.stdout + proc.stderr).count("ResourceNotFound: The image with the specified name does not exist.") == 1
    assert "ps! exit status: 1" in proc.stdout
    assert re.search(r"^\{'Windows': [1-9]\d*, 'Linux': [1-9]\d*\}$", proc.stdout, re.M)  # foreach block
    assert "still running" in proc.stdout


def test_image_objects_read_properties_by_key(tmp_path):
    screen = run_interactive(
        [
            "xontrib load pscompat",
            "$imgs = Get-AzureVMImage",
            "print('key:', imgs[0]['imagename'] == imgs[0].ImageName)",
        ],
        tmp_path,
    )
    assert "key: True" in output_lines(screen)


# --------------------------------------------------------------------------- tmux


class Tmux:
    def __init__(self, tmp_path, shell_type=None):
        self.name = f"pscompat-{uuid.uuid4().hex[:8]}"
        self.tmux = ["tmux", "-L", self.name]  # a server of its own: concurrent test runs cannot stop it
        env = _env(tmp_path)
        env["TERM"] = "xterm-256color"
        shell = f" --shell-type {shell_type}" if shell_type else ""
        cmd = f"{sys.executable} -m xonsh --no-rc{shell} -DPROMPT='XPROMPT> ' -DMULTILINE_PROMPT=+"
        self.env = env
        subprocess.run(
            [*self.tmux, "new-session", "-d", "-s", self.name, "-x", "160", "-y", "50", cmd],
            check=True,
            env=env,
            cwd=tmp_path,
        )
        self.wait_prompt()

    def screen(self):
        return subprocess.run(
            [*self.tmux, "capture-pane", "-p", "-t", self.name, "-S", "-200"], capture_output=True, text=True
        ).stdout

    def wait_for(self, text, timeout=30, count=1):
        end = time.time() + timeout
        while time.time() < end:
            if self.screen().count(text) >= count:
                return self.screen()
            time.sleep(0.2)
        raise AssertionError(f"{text!r} did not appear:\n{self.screen()}")

    def wait_more_prompt(self, timeout=30):
        """Until the last line is an empty continuation prompt: the shell reads the next line.
        (Keys typed before that can be echoed by the terminal and redrawn over by readline.)"""
        end = time.time() + timeout
        while time.time() < end:
            lines = [ln for ln in self.screen().split("\n") if ln.strip()]
            if lines and re.fullmatch(r"\++", lines[-1].strip()):  # MULTILINE_PROMPT=+ fills it
                return len(lines[-1].strip())
            time.sleep(0.1)
        raise AssertionError(f"no continuation prompt:\n{self.screen()}")

    def wait_prompt(self, timeout=30):
        """Until the last line is an empty prompt: the previous command has finished."""
        end = time.time() + timeout
        while time.time() < end:
            lines = [ln for ln in self.screen().split("\n") if ln.strip()]
            if lines and lines[-1].strip() == "XPROMPT>":
                return
            time.sleep(0.2)
        raise AssertionError(f"no prompt:\n{self.screen()}")

    def prompts(self):
        return sum(1 for ln in self.screen().split("\n") if ln.startswith("XPROMPT>"))

    def enter(self, line, timeout=60):
        """Type `line`, see it echoed, press Enter, wait for the next empty prompt.  Waiting for
        the echo first matters on a loaded machine: keys sent while xonsh is still busy can be
        read by the terminal before the prompt exists and get lost."""
        before = self.prompts()
        self.type(line)
        self.wait_for(line[-20:], timeout=timeout)
        self.key("Enter")
        end = time.time() + timeout
        while time.time() < end:
            if self.prompts() > before:
                self.wait_prompt(timeout=max(1, end - time.time()))
                return self.screen()
            time.sleep(0.2)
        raise AssertionError(f"{line!r} did not finish:\n{self.screen()}")

    def cursor(self):
        out = subprocess.run(
            [*self.tmux, "display", "-p", "-t", self.name, "#{cursor_x} #{cursor_y}"], capture_output=True, text=True
        ).stdout.split()
        return int(out[0]), int(out[1])

    def wait_cursor(self, ok, timeout=30):
        end = time.time() + timeout
        while time.time() < end:
            if ok(*self.cursor()):
                return
            time.sleep(0.1)
        raise AssertionError(f"cursor at {self.cursor()}:\n{self.screen()}")

    def type(self, text):
        subprocess.run([*self.tmux, "send-keys", "-t", self.name, "-l", "--", text], check=True)

    def key(self, *keys):
        subprocess.run([*self.tmux, "send-keys", "-t", self.name, *keys], check=True)

    def paste(self, text):
        subprocess.run([*self.tmux, "set-buffer", "-b", self.name, "--", text], check=True)
        subprocess.run([*self.tmux, "paste-buffer", "-p", "-d", "-b", self.name, "-t", self.name], check=True)

    def close(self):
        subprocess.run([*self.tmux, "kill-server"], capture_output=True)


@pytest.fixture
def tmux(tmp_path):
    t = Tmux(tmp_path)
    t.enter("xontrib load pscompat")
    yield t
    t.close()


@needs_tmux
def test_tab_completes_parameters_and_values(tmux):
    tmux.type("Write-Output a | Select-Object -Prop")
    tmux.wait_for("-Prop")
    tmux.key("Tab")
    tmux.wait_for("Select-Object -Property")
    tmux.key("C-c")
    tmux.wait_prompt()
    tmux.type("Get-AzureVMImage -Im")
    tmux.wait_for("-Im")
    tmux.key("Tab")
    tmux.wait_for("Get-AzureVMImage -ImageName")
    tmux.key("C-c")
    tmux.wait_prompt()
    tmux.type("Save-AzureVMImage -OSState Spe")
    tmux.wait_for("Spe")
    tmux.key("Tab")
    tmux.wait_for("-OSState Specialized")


@needs_tmux
def test_pasted_three_line_pipeline_runs_once(tmux):
    tmux.paste('Write-Output b a c |\n  Sort-Object |\n  Select-Object -Last 1 | ForEach-Object { "got-$_" }\n')
    tmux.key("Enter")
    tmux.wait_for("got-c")
    tmux.wait_prompt()  # the command has finished: a second run would have shown by now
    screen = tmux.screen()
    assert screen.count("got-c") == 1  # the echo shows `got-$_`: this is the output, once
    assert "SyntaxError" not in screen and "Traceback" not in screen


@needs_tmux
def test_enter_runs_a_line_ending_in_a_colon(tmux):
    """`Set-Location C:` must not need a second Enter (xonsh reads `:` as a block opener)."""
    screen = tmux.enter("Write-Output C:")  # one Enter: the next prompt comes back
    assert "\nC:\n" in screen
    screen = tmux.enter("print('after-' + 'colon')")
    assert "\nafter-colon\n" in screen and "SyntaxError" not in screen


@needs_tmux
def test_readline_shell_runs_powershell(tmp_path):
    """`xonsh --shell-type readline`: one-line PowerShell, continuation lines, the result in `_`."""
    t = Tmux(tmp_path, shell_type="readline")
    try:
        t.enter("xontrib load pscompat")
        screen = t.enter('Write-Output b a c | Sort-Object | ForEach-Object { "rl-$_" }')
        assert "rl-a\nrl-b\nrl-c\n" in screen
        t.type("Write-Output x y |")  # unfinished: readline asks for another line
        t.wait_for("y |")
        t.key("Enter")
        t.wait_more_prompt()
        t.type('  ForEach-Object { "cont-$_" }')
        t.wait_for('"cont-$_" }')
        row = t.cursor()[1]
        t.key("Enter")
        width = t.wait_more_prompt()
        # readline pre-types the previous line's indent after the prompt
        t.wait_cursor(lambda x, y: y > row and x > width)
        # As for a Python block in xonsh's readline shell: clear that indent, an empty line runs it.
        t.key("C-u", "Enter")
        t.wait_for("cont-y")
        t.wait_prompt()
        screen = t.enter("print('rl:', type(_).__name__, list(_))")
        assert "rl: PSResult ['cont-x', 'cont-y']" in screen
        assert "ParserError" not in screen and "Traceback" not in screen
    finally:
        t.close()


@needs_tmux
def test_python_lines_that_start_with_an_alias_stay_python(tmux, tmp_path):
    """Issue 10: `sc = 'x'` then `mi = 'data.csv'` ran Set-Content and Move-Item (a file named
    `=` moved over data.csv).  Typed into a real xonsh they are Python assignments again, and
    `ps!` still forces PowerShell."""
    data = tmp_path / "data.csv"
    data.write_text("a,b\n1,2\n")
    tmux.enter("sc = 'x'")
    tmux.enter("mi = 'data.csv'")
    tmux.enter("ni(1) if False else None")
    screen = tmux.enter("print('py:', sc, mi)")
    assert "\npy: x data.csv\n" in screen
    assert not (tmp_path / "=").exists() and not (tmp_path / "x").exists()
    assert data.read_text() == "a,b\n1,2\n"
    screen = tmux.enter("ps! Write-Output ('forced-' + 'ps')")
    assert "\nforced-ps\n" in screen
    screen = tmux.enter("gci data.csv | ForEach-Object { 'ps-saw-' + $_.Name }")  # an alias with arguments
    assert "\nps-saw-data.csv\n" in screen
    assert "Traceback" not in screen and "SyntaxError" not in screen


@needs_tmux
def test_environment_variable_set_in_xonsh_is_seen_by_powershell(tmux):
    """Issue 10: `$img = "MyOldVmImage"` is a xonsh environment variable; the next PowerShell
    line's `$img` used to be $null, so `Get-AzureVMImage -ImageName $img` listed every image."""
    tmux.enter('$img = "MyOldVmImage"')
    screen = tmux.enter('Write-Output ("img=[" + $img + "]")')
    assert "\nimg=[MyOldVmImage]\n" in screen
    screen = tmux.enter("print('env:', ${'img'})")  # still xonsh's environment variable
    assert "\nenv: MyOldVmImage\n" in screen
    # the sandbox's catalog has a VM image MyOldVmImage
    screen = tmux.enter('Write-Output ("one=" + @(Get-AzureVMImage -ImageName $img).Count)')
    assert "\none=1\n" in screen  # that image, not the list of every image
    screen = tmux.enter('Write-Output ("all=" + @(Get-AzureVMImage).Count)')
    assert int(re.search(r"\nall=(\d+)\n", screen).group(1)) > 1
