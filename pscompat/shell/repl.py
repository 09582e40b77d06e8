"""The interactive prompt: history, multi-line continuation for incomplete input."""

from __future__ import annotations

import os
import sys


def _history_path() -> str:
    home = os.environ.get("PSCOMPAT_HOME") or os.path.join(
        os.environ.get("XDG_DATA_HOME") or os.path.expanduser("~/.local/share"), "pscompat"
    )
    os.makedirs(home, exist_ok=True)
    return os.path.join(home, "history")


def _completer(session):
    """Tab completion at the prompt from the registry's metadata (pscompat.shell.completion)."""
    from prompt_toolkit.completion import Completer, Completion

    from pscompat.shell.completion import complete

    class PSCompleter(Completer):
        def get_completions(self, document, complete_event):
            text = document.text_before_cursor
            for c in complete(text, len(text), session):
                yield Completion(c.text, start_position=-len(c.prefix), display_meta=c.description)

    return PSCompleter()


def _reader(interactive: bool, session=None):
    """A line reader: prompt_toolkit with persistent history and Tab completion on a terminal,
    plain input otherwise."""
    if interactive:
        try:
            from prompt_toolkit import PromptSession
            from prompt_toolkit.history import FileHistory

            ps = PromptSession(
                history=FileHistory(_history_path()), completer=_completer(session), complete_while_typing=False
            )
            return lambda prompt: ps.prompt(prompt)
        except Exception:  # no terminal features available: fall back to input()
            pass
    if not interactive:

        def read_plain(prompt):
            line = sys.stdin.readline()
            if not line:
                raise EOFError
            return line.rstrip("\n")

        return read_plain
    return input


def is_incomplete(text: str) -> bool:
    from pscompat.errors import IncompleteInputError, ParseError
    from pscompat.syntax.grammar import parse

    try:
        parse(text)
    except IncompleteInputError:
        return True
    except ParseError:
        return False
    return False


def repl(session, debug: bool = False) -> int:
    from pscompat.shell.cli import run_text

    interactive = session.host.interactive
    read = _reader(interactive, session)
    code = 0
    while True:
        prompt = f"PS {os.getcwd()}> " if interactive else ""
        try:
            text = read(prompt)
            while is_incomplete(text):
                text += "\n" + read(">> " if interactive else "")
        except EOFError:
            return code
        except KeyboardInterrupt:
            if interactive:
                print()
                continue
            return 130
        if not text.strip():
            continue
        from pscompat.errors import ExitFlow  # noqa: F401  (exit ends the prompt, as in pwsh)

        code = run_text(session, text, "<interactive>", debug=debug)
        if _exited(session):
            return code


def _exited(session) -> bool:
    return bool(getattr(session.ctx, "exit_requested", False))
