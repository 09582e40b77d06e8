"""The session's host: where everything that is not pipeline output goes.

Interface the engine uses (PowerShell's PSHostUserInterface, reduced):

    host.interactive                      bool: a person is at the keyboard (Read-Host works)
    host.width                            columns for Out-Default / Out-String (terminal or 120)
    host.write(text)                      Out-Default's formatted text, as is
    host.write_host(text, newline=True)   Write-Host
    host.write_verbose(text)              'VERBOSE: text'  (only called when shown)
    host.write_warning(text)              'WARNING: text'
    host.write_debug(text)                'DEBUG: text'
    host.write_information(data, show)    Write-Information: the text when show is True
    host.write_error(record)              an ErrorRecord in ConciseView
    host.mark() / host.since(mark)        CollectingHost only: what one run wrote
    host.progress(activity, status, percent, completed, id)   Write-Progress
    host.can_prompt                       bool: prompt_for_choice may ask (a terminal, not -NonInteractive)
    host.prompt_for_choice(caption, message, choices, default)   index of the choice the user picked

ConsoleHost(stdout, stderr, interactive) is pwsh's console host.  Where its lines go follows
PS: src/Microsoft.PowerShell.ConsoleHost/host/msh/ConsoleHostUserInterface.cs:
verbose, warning, debug, information and Write-Host lines go to **stdout** whether or not it is
redirected (pwsh writes them with the console writer: `pwsh -c 'Write-Warning x' 2>/dev/null`
still prints the warning); error records go to **stderr** only when stderr is redirected and the
session is not interactive, else to stdout like the rest (`WriteErrorLine`); progress is drawn
only when stdout is a terminal (`WriteProgress` returns when `Console.IsOutputRedirected`).
On a terminal the lines carry $PSStyle's default colours (yellow warnings, red errors).

CollectingHost is for the Python API: it records everything in lists and prints nothing, and
cannot prompt (a consent prompt there refuses: see pscompat.engine.consent).

The choice prompt is pwsh's console one (PS: ConsoleHostUserInterfacePromptForChoice.cs): a blank
line, the caption, the message, then `[Y] Yes  [N] No  [?] Help (default is "Y"): ` wrapped at the
window's width less one; an empty answer takes the default, `?` lists each hotkey with its help,
a hotkey or a whole label (any case) picks, anything else asks again.
"""

from __future__ import annotations

import os
import shutil
import sys
from typing import Any

from pscompat.errors import PSError, format_concise

DEFAULT_WIDTH = 120

# $PSStyle.Formatting defaults (PS: FormatAndOutput/common/PSStyle.cs)
_STYLE = {"verbose": "\x1b[33;1m", "warning": "\x1b[33;1m", "debug": "\x1b[33;1m", "error": "\x1b[31;1m"}
_RESET = "\x1b[0m"
_PROGRESS_STYLE = "\x1b[33;1m"  # $PSStyle.Progress.Style
_REVERSE, _REVERSE_OFF = "\x1b[7m", "\x1b[27m"
_PROGRESS_MAX_WIDTH = 120  # $PSStyle.Progress.MaxWidth

# [ConsoleColor] -> ANSI foreground (Write-Host -ForegroundColor)
_COLORS = {
    "black": 30,
    "darkred": 31,
    "darkgreen": 32,
    "darkyellow": 33,
    "darkblue": 34,
    "darkmagenta": 35,
    "darkcyan": 36,
    "gray": 37,
    "darkgray": 90,
    "red": 91,
    "green": 92,
    "yellow": 93,
    "blue": 94,
    "magenta": 95,
    "cyan": 96,
    "white": 97,
}


def _isatty(stream) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def information_text(data: Any) -> str:
    """InformationRecord.ToString(): its MessageData's own ToString(), current culture (en-US)."""
    from pscompat.format.text import culture_string

    return culture_string(getattr(data, "MessageData", data))


def error_text(record: Any) -> str:
    """ConciseView of an ErrorRecord (or of a PSError)."""
    return format_concise(
        getattr(record, "shown_message", None) or getattr(record, "message", str(record)),
        getattr(record, "command", None) or getattr(record, "reason", None),
        getattr(record, "span", None),
        getattr(record, "source", None),
    )


class PromptCanceled(PSError):
    """The prompt's input ended (end of file) before an answer: the command stops (PS:
    PromptingException 'PromptForChoiceCanceled')."""


PROMPT_CANCELED = "The prompt was canceled."  # ConsoleHostUserInterfaceStrings.PromptCanceledError
_CHOICE_HELP = "[?] Help "  # PromptForChoiceHelp
_DEFAULT_CHOICE = '(default is "{0}"): '  # DefaultChoicePrompt


def hotkey_and_label(label: str) -> tuple[str, str]:
    """'Yes to &All' -> ('A', 'Yes to All') (PS: HostUIHelperMethods.BuildHotkeysAndPlainLabels)."""
    at = label.find("&")
    if at < 0 or at + 1 >= len(label):
        return "", label.replace("&", "")
    return label[at + 1].upper(), label[:at] + label[at + 1 :]


def pick_choice(response: str, choices) -> int:
    """The choice an answer names: a whole label first, then a hotkey, any case; -1 for none
    (PS: HostUIHelperMethods.DetermineChoicePicked)."""
    keys = [hotkey_and_label(label) for label, _ in choices]
    text = response.casefold()
    for i, (_, plain) in enumerate(keys):
        if text == plain.casefold():
            return i
    for i, (key, _) in enumerate(keys):
        if key and text == key.casefold():
            return i
    return -1


class ConsoleHost:
    is_console = True  # $Host.Name is "ConsoleHost" (the Python API's host is "Default Host")

    def __init__(
        self,
        stdout=None,
        stderr=None,
        interactive: bool | None = None,
        width: int | None = None,
        stdin=None,
        can_prompt: bool | None = None,
    ):
        """stdin: where prompt answers are read (sys.stdin); can_prompt: None = when stdin is a
        terminal, False for `pscompat -NonInteractive`, True to read answers from a stdin that
        is not a terminal (a test feeding them)."""
        self.stdout = stdout or sys.stdout
        self.stderr = stderr or sys.stderr
        self.stdin = stdin or sys.stdin
        self.tty = _isatty(self.stdout)
        self.interactive = _isatty(sys.stdin) and self.tty if interactive is None else interactive
        self.can_prompt = _isatty(self.stdin) if can_prompt is None else can_prompt
        self._width = width
        self._progress: dict[int, str] = {}  # id -> rendered line, in order of arrival
        self._progress_shown = False

    @property
    def width(self) -> int:
        if self._width:
            return self._width
        if self.tty:
            try:
                return os.get_terminal_size(self.stdout.fileno()).columns or DEFAULT_WIDTH
            except (OSError, ValueError, AttributeError):
                return shutil.get_terminal_size((DEFAULT_WIDTH, 24)).columns
        return DEFAULT_WIDTH

    # -- text streams -------------------------------------------------------------------------
    def write(self, text: str) -> None:
        self._out(text)

    def write_host(
        self, text: str, newline: bool = True, foreground: str | None = None, background: str | None = None
    ) -> None:
        """Write-Host: [ConsoleColor] names as ANSI SGR (a background code is the foreground's
        + 10), only on a terminal -- redirected output stays plain text."""
        codes = []
        if self.tty:
            fg = _COLORS.get(str(foreground or "").lower())
            bg = _COLORS.get(str(background or "").lower())
            codes = [str(c) for c in (fg, bg + 10 if bg else None) if c]
        if codes:
            text = f"\x1b[{';'.join(codes)}m{text}{_RESET}"
        self._out(text + ("\n" if newline else ""))

    def write_verbose(self, text: str) -> None:
        self._styled("verbose", f"VERBOSE: {text}")

    def write_warning(self, text: str) -> None:
        self._styled("warning", f"WARNING: {text}")

    def write_debug(self, text: str) -> None:
        self._styled("debug", f"DEBUG: {text}")

    def write_information(self, data: Any, show: bool = True) -> None:
        if show:
            self._out(information_text(data) + "\n")

    def write_error(self, record: Any) -> None:
        text = error_text(record)
        if not text:
            return
        if self.interactive or _isatty(self.stderr):
            self._styled("error", text)
        else:
            self.stderr.write(text + "\n")
            self.stderr.flush()

    def _styled(self, kind: str, text: str) -> None:
        if self.tty:
            text = "\n".join(_STYLE[kind] + line + _RESET for line in text.split("\n"))
        self._out(text + "\n")

    def _out(self, text: str) -> None:
        if self._progress_shown:  # keep the bar below the text: erase, write, redraw
            self.stdout.write("\r\x1b[2K")
            self._progress_shown = False
        self.stdout.write(text)
        if self._progress and text.endswith("\n"):
            self._draw_progress()
        self.stdout.flush()

    # -- prompting ----------------------------------------------------------------------------
    def prompt_for_choice(self, caption: str, message: str, choices, default: int = 0) -> int:
        """Ask until an answer names a choice; choices are (label with &hotkey, help message).
        Returns the index picked (the caller handles a choice it cannot honour, as Suspend)."""
        keys = [hotkey_and_label(label) for label, _ in choices]
        self._out("\n")
        if caption:
            self._out(caption + "\n")
        if message:
            self._out(message + "\n")
        while True:
            self._out(self._choice_line(keys, default))
            answer = self.stdin.readline()
            if not answer:  # end of input: nobody can answer
                self._out("\n")
                raise PromptCanceled(PROMPT_CANCELED, "PromptForChoiceCanceled", category="OperationStopped")
            if not _isatty(self.stdin):
                self._out(answer if answer.endswith("\n") else answer + "\n")  # echo what was read
            answer = answer.strip()
            if not answer:
                if default >= 0:
                    return default
                continue
            if answer == "?":
                for (key, plain), (_, help_text) in zip(keys, choices, strict=True):
                    self._out(f"{key or plain} - {help_text}\n")
                continue
            picked = pick_choice(answer, choices)
            if picked >= 0:
                return picked

    def _choice_line(self, keys, default: int) -> str:
        """'[Y] Yes  [N] No  [?] Help (default is "Y"): ', a new line before a part that would
        pass the window's last column but one (PS: WriteChoicePrompt/WriteChoiceHelper)."""
        limit = self.width - 1
        parts = [f"[{key}] {plain}  " for key, plain in keys] + [_CHOICE_HELP]
        if default >= 0:
            parts.append(_DEFAULT_CHOICE.format(keys[default][0] or keys[default][1]))
        out, used = [], 0
        for part in parts:
            if used + len(part) > limit:
                out.append("\n" + part.rstrip())
                used = len(part)
            else:
                out.append(part)
                used += len(part)
        return "".join(out)

    # -- progress -----------------------------------------------------------------------------
    def progress(
        self, activity: str, status: str = "", percent: int = -1, completed: bool = False, id: int = 0
    ) -> None:
        if not self.tty:
            return
        if completed:
            self._progress.pop(id, None)
        else:
            self._progress[id] = self._bar(
                str(activity), str(status or ""), int(percent if percent is not None else -1)
            )
        if self._progress_shown:
            self.stdout.write("\r\x1b[2K")
            self._progress_shown = False
        if self._progress:
            self._draw_progress()
        self.stdout.flush()

    def clear_progress(self) -> None:
        """The command line is done: a bar still showing goes away, as pwsh's does."""
        self._progress.clear()
        if self._progress_shown:
            self.stdout.write("\r\x1b[2K")
            self._progress_shown = False
            self.stdout.flush()

    def _draw_progress(self) -> None:
        line = next(reversed(self._progress.values()))  # the most recent activity
        self.stdout.write("\r" + line)
        self._progress_shown = True

    def _bar(self, activity: str, status: str, percent: int) -> str:
        """ProgressNode.RenderAnsi: 'Activity [status in reverse video up to percent%]'."""
        from pscompat.format.text import ELLIPSIS, cells, take_cells

        width = min(self.width - 1, _PROGRESS_MAX_WIDTH)  # -1: never touch the last column
        if cells(activity) > width // 2:
            activity = take_cells(activity, width // 2 - 1) + ELLIPSIS
        bar_width = max(width - cells(activity) - 4, 1)
        if cells(status) > bar_width:
            status = take_cells(status, bar_width - 1) + ELLIPSIS
        body = status + " " * (bar_width - cells(status))
        filled = bar_width * max(0, min(percent, 100)) // 100 if percent >= 0 else 0
        cut = len(take_cells(body, filled))
        return f"{_PROGRESS_STYLE}{activity} [{_REVERSE}{body[:cut]}{_REVERSE_OFF}{body[cut:]}]{_RESET}"


class CollectingHost:
    """Records host output for the Python API (PSResult.verbose, .warnings, ...)."""

    interactive = False
    can_prompt = False  # nobody to ask: a consent prompt refuses (pscompat.engine.consent)

    def __init__(self, width: int = DEFAULT_WIDTH):
        self.width = width
        self.output: list[str] = []  # write()/write_host() text, as written
        self.verbose: list[str] = []
        self.warnings: list[str] = []
        self.debug: list[str] = []
        self.information: list[Any] = []
        self.errors: list[Any] = []
        self.progress_records: list[tuple] = []

    def write(self, text: str) -> None:
        self.output.append(text)

    def write_host(
        self, text: str, newline: bool = True, foreground: str | None = None, background: str | None = None
    ) -> None:
        self.output.append(text + ("\n" if newline else ""))

    def write_verbose(self, text: str) -> None:
        self.verbose.append(text)

    def write_warning(self, text: str) -> None:
        self.warnings.append(text)

    def write_debug(self, text: str) -> None:
        self.debug.append(text)

    def write_information(self, data: Any, show: bool = True) -> None:
        self.information.append(data)

    def write_error(self, record: Any) -> None:
        self.errors.append(record)

    def progress(
        self, activity: str, status: str = "", percent: int = -1, completed: bool = False, id: int = 0
    ) -> None:
        self.progress_records.append((activity, status, percent, completed, id))

    @property
    def text(self) -> str:
        return "".join(self.output)

    def mark(self) -> tuple:
        """Positions in the record lists, for since(): what one run() wrote."""
        return len(self.warnings), len(self.verbose), len(self.information)

    def since(self, mark: tuple) -> tuple[list, list, list]:
        """(warnings, verbose, information) written after mark()."""
        w, v, i = mark
        return self.warnings[w:], self.verbose[v:], self.information[i:]
