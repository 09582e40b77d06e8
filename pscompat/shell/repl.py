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


def _lexer():
    """Syntax colouring as the line is typed (pscompat.shell.highlight)."""
    from prompt_toolkit.lexers import Lexer

    from pscompat.shell.highlight import STYLES, tokens

    class PSLexer(Lexer):
        def lex_document(self, document):
            lines: list[list[tuple[str, str]]] = [[]]
            for kind, piece in tokens(document.text):
                style = STYLES.get(kind, "")
                for i, part in enumerate(piece.split("\n")):
                    if i:
                        lines.append([])
                    if part:
                        lines[-1].append((style, part))
            return lambda n: lines[n] if n < len(lines) else []

    return PSLexer()


def _prompt_toolkit_reader(session):
    """prompt_toolkit: line editing, a persistent history, Tab completion and colouring.
    Raises when the terminal cannot host it (then the readline reader is used)."""
    from prompt_toolkit import PromptSession
    from prompt_toolkit.history import FileHistory

    ps = PromptSession(
        history=FileHistory(_history_path()),
        completer=_completer(session),
        lexer=_lexer(),
        complete_while_typing=False,
    )
    return lambda prompt: ps.prompt(prompt)


def _readline_reader(session):
    """GNU readline (the standard library's): line editing, history file and Tab completion
    with the same completer, where prompt_toolkit cannot run.  None without readline."""
    try:
        import readline
    except ImportError:
        return None
    import atexit

    from pscompat.shell.completion import complete

    path = _history_path() + ".readline"  # readline's own file format, not prompt_toolkit's
    try:
        readline.read_history_file(path)
    except OSError:
        pass
    readline.set_history_length(4096)
    atexit.register(_save_readline_history, readline, path)
    found: list[str] = []

    def complete_word(word: str, state: int):
        if state == 0:
            line = readline.get_line_buffer()
            begin, end = readline.get_begidx(), readline.get_endidx()
            found.clear()
            for c in complete(line[:end], end, session):
                # readline replaces line[begin:end]; a completion replaces its prefix
                keep = line[begin : end - len(c.prefix)] if len(c.prefix) <= end - begin else ""
                found.append(keep + c.text[max(0, len(c.prefix) - (end - begin)) :])
        return found[state] if state < len(found) else None

    readline.set_completer_delims(" \t\n;|(){}=,")
    readline.set_completer(complete_word)
    readline.parse_and_bind("tab: complete")
    return input


def _save_readline_history(readline, path: str) -> None:
    try:
        readline.write_history_file(path)
    except OSError:
        pass


def _reader(interactive: bool, session=None):
    """A line reader: prompt_toolkit on a terminal, readline where prompt_toolkit cannot run
    (or PSCOMPAT_LINE_EDITOR=readline), plain lines when standard input is not a terminal."""
    if not interactive:

        def read_plain(prompt):
            line = sys.stdin.readline()
            if not line:
                raise EOFError
            return line.rstrip("\n")

        return read_plain
    if os.environ.get("PSCOMPAT_LINE_EDITOR", "").lower() != "readline":
        try:
            return _prompt_toolkit_reader(session)
        except Exception:  # no terminal prompt_toolkit can drive: readline still edits and completes
            pass
    return _readline_reader(session) or input


def render_for_host(host, objects: list) -> str:
    """Out-Default's text for objects, laid out for the host's width (the terminal's): what a
    prompt shows, here and at the xonsh prompt."""
    from pscompat.format.out_default import render

    return render(objects, width=host.width)


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
    import datetime

    from pscompat.cmdlets.history import record
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

        started = datetime.datetime.now()
        code = run_text(session, text, "<interactive>", debug=debug)
        # the session's history (Get-History, Invoke-History): the line as typed, once it ran
        record(session.ctx, text, started, datetime.datetime.now(), "Completed" if code == 0 else "Failed")
        if _exited(session):
            return code


def _exited(session) -> bool:
    return bool(getattr(session.ctx, "exit_requested", False))
