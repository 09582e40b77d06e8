"""Start-Process as pwsh runs it on Linux (Process.cs StartProcessCommand, ProcessResources.resx):
the program runs beside the session (its output goes to the terminal, not down the pipeline,
unless redirected to files); -Wait waits for it, -PassThru writes its Process object (before the
wait, as pwsh does), whose ExitCode is known once it has exited.

-ArgumentList is joined with spaces into one command line that .NET splits again by its own
rules (spaces separate, double quotes group, `\\"` is a quote), so `-ArgumentList 'a b'` is two
arguments in pwsh too.  -NoNewWindow changes nothing off Windows; -Verb and -WindowStyle are
Windows-only and refused by pwsh on Linux, here as unknown parameters.
"""

from __future__ import annotations

import os
import shutil
import subprocess

from pscompat.cmdlets.paths import as_list, full_path
from pscompat.cmdlets.process.model import Process
from pscompat.engine.commands import Cmdlet, Parameter, cmdlet
from pscompat.values.convert.strings import to_string
from pscompat.values.methods.invoke import VOID


def split_command_line(text: str) -> list[str]:
    """.NET's ParseArgumentsIntoList (Unix): whitespace separates, "..." groups, \\" is a quote,
    backslashes are literal unless they precede a quote (2n backslashes + quote: n and a group
    boundary; 2n+1: n and a literal quote)."""
    args: list[str] = []
    i, n = 0, len(text)
    while i < n:
        while i < n and text[i] in " \t":
            i += 1
        if i >= n:
            break
        current: list[str] = []
        in_quotes = False
        while i < n and (in_quotes or text[i] not in " \t"):
            ch = text[i]
            if ch == "\\":
                run = 0
                while i < n and text[i] == "\\":
                    run += 1
                    i += 1
                if i < n and text[i] == '"':
                    current.append("\\" * (run // 2))
                    if run % 2:
                        current.append('"')
                        i += 1
                else:
                    current.append("\\" * run)
                continue
            if ch == '"':
                if in_quotes and i + 1 < n and text[i + 1] == '"':
                    current.append('"')
                    i += 2
                    continue
                in_quotes = not in_quotes
                i += 1
                continue
            current.append(ch)
            i += 1
        args.append("".join(current))
    return args


class StartedProcess(Process):
    """A Process this session started: its exit code is known (Process.ExitCode)."""

    _popen: subprocess.Popen

    @classmethod
    def of(cls, popen: subprocess.Popen) -> StartedProcess:
        # a child stays in /proc (at worst a zombie) until it is waited for, so it can be read
        proc = cls.read(popen.pid)
        assert isinstance(proc, StartedProcess), "a child not yet waited for is in /proc"
        proc._popen = popen
        return proc

    @property
    def HasExited(self) -> bool:
        return self._popen.poll() is not None

    @property
    def ExitCode(self) -> int | None:
        return self._popen.poll()

    def WaitForExit(self, milliseconds=None):
        """WaitForExit() is void; WaitForExit(ms) says whether the process exited in time."""
        try:
            self._popen.wait(None if milliseconds is None or milliseconds < 0 else milliseconds / 1000)
        except subprocess.TimeoutExpired:
            return False
        return VOID if milliseconds is None else True


@cmdlet(
    "Start-Process",
    aliases=("saps", "start"),
    module="Microsoft.PowerShell.Management",
    default_set="Default",
    synopsis="Starts one or more processes on the local computer.",
    examples=(
        ("Start-Process tar -ArgumentList '-czf backup.tgz ./data' -Wait", "Run a program and wait for it."),
        ("$p = Start-Process sleep 5 -PassThru; $p.WaitForExit(); $p.ExitCode", "Its exit code."),
        (
            "Start-Process ls -ArgumentList '-l' -RedirectStandardOutput out.txt -Wait",
            "Its output in a file.",
        ),
    ),
)
class StartProcess(Cmdlet):
    parameters = (
        Parameter("FilePath", "string", position=0, mandatory=True, aliases=("PSPath", "Path")),
        Parameter("ArgumentList", "string[]", position=1, aliases=("Args",)),
        Parameter("WorkingDirectory", "string"),
        Parameter("PassThru", "switch"),
        Parameter("Wait", "switch"),
        Parameter("NoNewWindow", "switch", aliases=("nnw",)),
        Parameter("RedirectStandardError", "string", aliases=("RSE",)),
        Parameter("RedirectStandardInput", "string", aliases=("RSI",)),
        Parameter("RedirectStandardOutput", "string", aliases=("RSO",)),
        Parameter("UseNewEnvironment", "switch"),
        Parameter("Environment", "hashtable"),
    )

    def _fail(self, message: str) -> None:
        self.throw_terminating(
            message, "InvalidOperationException", "InvalidOperation", exception_type="System.InvalidOperationException"
        )

    def process(self):
        redirects = {
            name: full_path(self, value)
            for name, value in (
                ("RedirectStandardInput", self.RedirectStandardInput),
                ("RedirectStandardOutput", self.RedirectStandardOutput),
                ("RedirectStandardError", self.RedirectStandardError),
            )
            if value
        }
        names = list(redirects)
        for i, first in enumerate(names):
            for second in names[i + 1 :]:
                if redirects[first] == redirects[second]:
                    self._fail(
                        f'This command cannot be run because "{first}" and "{second}" are same. Give different '
                        "inputs and Run your command again."
                    )
        cwd = full_path(self, self.WorkingDirectory) if self.WorkingDirectory else os.getcwd()
        program = str(self.FilePath)
        found = shutil.which(program) if os.sep not in program else full_path(self, program)
        line = " ".join(to_string(a) for a in as_list(self.ArgumentList))
        env = {} if self.UseNewEnvironment else dict(os.environ)
        for key, value in (self.Environment or {}).items():
            if value is None:
                env.pop(to_string(key), None)  # $null removes a variable (pwsh 7.4)
            else:
                env[to_string(key)] = to_string(value)
        files = []
        try:
            stdin = open(redirects["RedirectStandardInput"], "rb") if "RedirectStandardInput" in redirects else None
            stdout = open(redirects["RedirectStandardOutput"], "wb") if "RedirectStandardOutput" in redirects else None
            stderr = open(redirects["RedirectStandardError"], "wb") if "RedirectStandardError" in redirects else None
            files = [f for f in (stdin, stdout, stderr) if f is not None]
            if found is None or not os.path.exists(found):
                raise FileNotFoundError
            popen = subprocess.Popen(
                [found, *split_command_line(line)], cwd=cwd, env=env, stdin=stdin, stdout=stdout, stderr=stderr
            )
        except FileNotFoundError as exc:
            if exc.filename and exc.filename in redirects.values():
                self._fail(f"This command cannot be run due to the error: Could not find file '{exc.filename}'.")
            self._fail(
                "This command cannot be run due to the error: An error occurred trying to start process "
                f"'{program}' with working directory '{cwd}'. No such file or directory"
            )
        except PermissionError:
            self._fail(
                "This command cannot be run due to the error: An error occurred trying to start process "
                f"'{program}' with working directory '{cwd}'. Permission denied"
            )
        finally:
            for f in files:
                f.close()
        out = [StartedProcess.of(popen)] if self.PassThru else []
        if self.Wait:
            popen.wait()
        return out
