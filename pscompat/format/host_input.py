"""Reading answers on the console host: lines, secrets, fields and credentials, as pwsh's console
host asks for them (PS: src/Microsoft.PowerShell.ConsoleHost/host/msh/ConsoleHostUserInterface*.cs;
texts from resources/ConsoleHostUserInterfaceStrings.resx and
ConsoleHostUserInterfaceSecurityResources.resx).

    read_line(host, secret=False) -> str | None      one line; None at the end of input
    prompt(host, caption, message, fields) -> dict | None
        Host.UI.Prompt: a blank line and the caption, the message, then per field `Name: `
        (`Name[0]: `, `Name[1]: `... for an array, ended by an empty line); `!?` shows the
        field's help; None when the input ends (the prompt was canceled)
    prompt_for_credential(host, caption, message, user_name) -> (user, password) | None
        `User: ` (until a name is typed) then `Password for user NAME: `

A secret is read with the terminal's echo off, a `*` drawn per character as pwsh does; when
answers come from a pipe (a test feeding them) nothing of a secret is written back.  Secrets
are never written to the output, a log or an error text.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

FIELD_SEPARATOR = "{0}: "  # PromptFieldPromptInputSeparatorTemplate
PROMPT_HELP = "(Type !? for Help.)"  # PromptHelp
NO_HELP = "No help is available for {0}."  # PromptNoHelpAvailableErrorTemplate
USER_PROMPT = "User: "  # PromptForCredential_User
PASSWORD_PROMPT = "Password for user {0}: "  # PromptForCredential_Password


@dataclass(frozen=True)
class Field:
    """FieldDescription: a name, whether it takes a list, whether it is a secret, its help."""

    name: str
    array: bool = False
    secret: bool = False
    help: str = ""


def _isatty(stream) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def read_line(host, secret: bool = False) -> str | None:
    """One line from the host's input, without its line end; None at the end of input."""
    stdin = host.stdin
    if secret and _isatty(stdin):
        return _read_masked(host)
    line = stdin.readline()
    if not line:
        return None
    line = line.rstrip("\r\n")
    if not _isatty(stdin):  # a pipe: show the answer, as a person's typing would appear
        host.write(("" if secret else line) + "\n")
    return line


def _read_masked(host) -> str | None:
    """A secret from the terminal: echo off, `*` per character, Backspace erases, Enter ends,
    Ctrl+C stops the command, Ctrl+D on an empty line ends the input."""
    import codecs
    import termios
    import tty

    fd = host.stdin.fileno()
    saved = termios.tcgetattr(fd)
    decoder = codecs.getincrementaldecoder("utf-8")("replace")
    chars: list[str] = []
    try:
        tty.setcbreak(fd)  # no echo, no line buffering; Ctrl+C still raises
        while True:
            data = os.read(fd, 64)
            if not data:  # the terminal went away
                host.write("\n")
                return None
            for ch in decoder.decode(data):
                if ch == "\x04" and not chars:
                    host.write("\n")
                    return None
                if ch in ("\r", "\n"):
                    host.write("\n")
                    return "".join(chars)
                if ch in ("\x7f", "\b"):
                    if chars:
                        chars.pop()
                        host.write("\b \b")
                elif ch.isprintable():
                    chars.append(ch)
                    host.write("*")
    finally:
        termios.tcsetattr(fd, termios.TCSADRAIN, saved)


def _heading(host, caption: str, message: str) -> None:
    if caption:
        host.write("\n" + caption + "\n")
    if message:
        host.write(message + "\n")


def prompt(host, caption: str, message: str, fields: list[Field]) -> dict | None:
    _heading(host, caption, message)
    if any(f.help for f in fields):
        host.write(PROMPT_HELP + "\n")
    answers: dict = {}
    for f in fields:
        if f.array:
            items: list = []
            while True:
                text = _ask(host, f, f"{f.name}[{len(items)}]: ")
                if text is None:
                    return None
                if text == "":
                    break
                items.append(text)
            answers[f.name] = items
        else:
            text = _ask(host, f, FIELD_SEPARATOR.format(f.name))
            if text is None:
                return None
            answers[f.name] = text
    return answers


def _ask(host, f: Field, label: str):
    """One answer for a field; `!?` prints its help and asks again, `!!x` means `!x`."""
    while True:
        host.write(label)
        text = read_line(host, f.secret)
        if text is None:
            return None
        if not f.secret and text.startswith("!"):
            if text == "!?":
                host.write((f.help or NO_HELP.format(f.name)) + "\n")
                continue
            if text.startswith("!!"):
                text = text[1:]
        return text


def prompt_for_credential(host, caption: str, message: str, user_name: str = "") -> tuple[str, str] | None:
    _heading(host, caption, message)
    while not user_name:
        host.write(USER_PROMPT)
        line = read_line(host)
        if line is None:
            return None
        user_name = line
    host.write(PASSWORD_PROMPT.format(user_name))
    password = read_line(host, secret=True)
    if password is None:
        return None
    return user_name, password
