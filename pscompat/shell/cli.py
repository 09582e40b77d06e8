"""The `pscompat` command line: -Command, a script file, `-` for stdin, or an interactive prompt;
pwsh's own switches are read by cli_args."""

from __future__ import annotations

import os
import sys

USAGE = """Usage: pscompat [-File] <script.ps1> [args...]
       pscompat -Command <script text...> | -Command -
       pscompat -CommandWithArgs <script text> [args...]
       pscompat -EncodedCommand <base64 UTF-16LE text>
       pscompat -                       (the script from standard input)
       pscompat                         (an interactive prompt)

Runs PowerShell with PowerShell 7's semantics.  pwsh's own switches are accepted, shortened as
pwsh allows (-nop, -noni, -ep Bypass, -c, -f): -NoProfile, -NoLogo, -NonInteractive, -NoExit,
-ExecutionPolicy, -WindowStyle, -WorkingDirectory, -Version, -Help.
--debug: show the Python traceback of an internal error.
--show-python: print the Python the script's blocks compile to (docs/compiler.md); run nothing."""


def _make_session(interactive: bool, non_interactive: bool = False):
    """interactive: the prompt's session (errors on stdout); non_interactive: -NonInteractive,
    nothing may ask (else a confirmation is asked when standard input is a terminal)."""
    from pscompat.format.host import ConsoleHost
    from pscompat.session import Session

    host = ConsoleHost(sys.stdout, sys.stderr, interactive=interactive, can_prompt=False if non_interactive else None)
    session = Session(host=host)
    session.disk_parse_cache = not interactive  # a prompt's lines are parsed once; scripts run again
    return session


class OutputClosed(BaseException):
    """Standard output or error went away (`pscompat x.ps1 | head -1`).  A BaseException, so that
    neither the engine's error handling nor a script's catch block turns it into an error per
    statement: the script stops and the command line exits quietly."""


class _PipeAware:
    """sys.stdout / sys.stderr, with a closed pipe (BrokenPipeError) raised as OutputClosed."""

    def __init__(self, stream):
        self._stream = stream

    def write(self, text):
        try:
            return self._stream.write(text)
        except BrokenPipeError:
            raise OutputClosed(self._stream) from None

    def flush(self):
        try:
            self._stream.flush()
        except BrokenPipeError:
            raise OutputClosed(self._stream) from None

    def __getattr__(self, name):
        return getattr(self._stream, name)


# What a shell reports for a command that a closed pipe (SIGPIPE) ended: 128 + 13.
EXIT_PIPE_CLOSED = 141


def _quiet_after_closed_pipe(stream) -> None:
    """Python's recipe for EPIPE (docs of the signal module, 'Note on SIGPIPE'): point the closed
    descriptor at /dev/null, so that the interpreter's last flush at exit has nowhere to fail."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, stream.fileno())
        os.close(devnull)
    except (OSError, ValueError):
        pass


def run_text(session, text: str, name: str, args=(), debug: bool = False, as_file: bool = False) -> int:
    """Run one script, printing its output as Out-Default would.  Returns pwsh's exit code
    (ConsoleHost.cs): `exit N` gives N; a terminating error gives 1; otherwise -Command (and the
    prompt) give 0 when the last statement succeeded ($?) and 1 when not, while -File gives 0,
    even after a trailing non-terminating error.  Ctrl-C stops the script without a message:
    exit code 1 for -Command and 0 for -File (pwsh's, PowerShell issue #13523)."""
    from pscompat.engine import deep_stack
    from pscompat.errors import PSError, format_concise
    from pscompat.format.out_default import OutDefault

    host = session.host

    def execute():
        out = OutDefault(host.write, width=host.width)  # through the host, which keeps a progress bar below
        try:
            return session.execute(text, out.feed, name=name, args=args)
        finally:
            try:
                out.close()
                getattr(host, "clear_progress", lambda: None)()
            finally:
                sys.stdout.flush()

    try:
        code = deep_stack.call(execute)
    except PSError as err:
        shown = err.error_record.shown_message if err.error_record is not None else err.message
        sys.stderr.write(format_concise(shown, err.reason or "Exception", err.span, err.source) + "\n")
        return 1
    except KeyboardInterrupt:
        return 0 if as_file else 1
    except OutputClosed as closed:
        _quiet_after_closed_pipe(closed.args[0])
        return EXIT_PIPE_CLOSED
    except Exception as exc:  # an internal bug: say so briefly, never a traceback unless asked
        if debug:
            raise
        sys.stderr.write(f"InternalError: {type(exc).__name__}: {exc}\n(run with --debug for details)\n")
        return 1
    if code is not None:
        return code
    if as_file:
        return 0
    return 0 if session.ctx.global_scope.vars.get("?", True) else 1


def main(argv=None) -> int:
    streams = sys.stdout, sys.stderr
    if not isinstance(sys.stdout, _PipeAware):
        sys.stdout, sys.stderr = _PipeAware(sys.stdout), _PipeAware(sys.stderr)
    try:
        code = _main(argv)
        # a process's exit status is one byte on Unix: `exit -1` is 255 and `exit 300` is 44, as with pwsh
        return code & 0xFF if isinstance(code, int) else code
    except OutputClosed as closed:
        _quiet_after_closed_pipe(closed.args[0])
        return EXIT_PIPE_CLOSED
    finally:
        sys.stdout, sys.stderr = streams


def _main(argv) -> int:
    from pscompat.shell.pwsh_args import UsageError, parse

    # Bytes that are not UTF-8 reach Python as lone surrogates, which no stream can print; pwsh
    # decodes its arguments as UTF-8 with U+FFFD for such bytes, and so does this.
    argv = [os.fsencode(a).decode("utf-8", errors="replace") for a in (sys.argv[1:] if argv is None else argv)]
    if argv and argv[0] == "convert":  # a subcommand, not a script named `convert` (README: differences)
        from pscompat.shell import convert_cli

        return convert_cli.main(argv[1:])
    if argv[:1] == ["serve"]:  # a subcommand, not pwsh's script file named `serve` (docs/serve.md)
        from pscompat.shell.serve_cli import main as serve

        return serve(argv[1:])
    try:
        opts = parse(argv, stdin_redirected=not sys.stdin.isatty())
    except UsageError as exc:
        sys.stderr.write(f"{exc}\n")
        return 64  # pwsh's ExitCodeBadCommandLineParameter
    if opts.show_help:
        sys.stdout.write(USAGE + "\n")
        return 0
    if opts.show_version:
        from importlib.metadata import version

        sys.stdout.write(f"pscompat {version('pscompat')} (PowerShell 7.4.0)\n")
        return 0
    if opts.working_directory is not None:
        try:
            os.chdir(opts.working_directory)
        except OSError as exc:
            sys.stderr.write(
                f"Cannot find path '{opts.working_directory}' because it does not exist. ({exc.strerror})\n"
            )
            return 64
    code = _run(opts)
    if opts.no_exit and code != EXIT_PIPE_CLOSED:
        from pscompat.shell.repl import repl

        return repl(_make_session(sys.stdin.isatty(), opts.non_interactive), debug=opts.debug)
    return code


def _stdin_text() -> str:
    """Standard input as script text, decoded as a script file is (a byte-order mark, else UTF-8
    when valid, else Windows-1252)."""
    from pscompat.source import decode_script

    buffer = getattr(sys.stdin, "buffer", None)
    return decode_script(buffer.read()) if buffer is not None else sys.stdin.read()


def show_python(text: str, name: str) -> int:
    """--show-python: the generated Python of every block of the script (engine/pycompile)."""
    from pscompat.engine.pycompile.driver import python_source
    from pscompat.errors import PSError, format_concise
    from pscompat.source import Source
    from pscompat.syntax.grammar import parse

    try:
        tree = parse(text, name)
    except PSError as err:
        sys.stderr.write(format_concise(err.message, err.reason or "ParserError", err.span, err.source) + "\n")
        return 1
    sys.stdout.write(python_source(tree, Source(text, name)))
    return 0


def _piped_input(session) -> None:
    """Standard input that is not a terminal is the script's $input, a line at a time as it
    arrives (pwsh -c / -File: `printf 'a\\nb\\n' | pwsh -c '$input'`)."""
    if sys.stdin is None or sys.stdin.isatty():
        return

    def lines():
        for line in sys.stdin:
            yield line[:-2] if line.endswith("\r\n") else line[:-1] if line.endswith("\n") else line

    session.ctx.global_scope.vars["input"] = lines()


def _run(opts) -> int | None:
    if opts.show_python and (opts.command is not None or opts.file):
        if opts.command is not None:
            return show_python(_stdin_text() if opts.stdin_command else opts.command, "<command>")
        if opts.file == "-":
            return show_python(_stdin_text(), "<stdin>")
        from pscompat.source import read_script

        try:
            return show_python(read_script(opts.file), os.path.abspath(opts.file))
        except OSError as exc:
            sys.stderr.write(f"Cannot read '{opts.file}': {exc.strerror}\n")
            return 64
    if opts.command is not None:
        text = _stdin_text() if opts.stdin_command else opts.command
        session = _make_session(False, opts.non_interactive)
        if opts.stdin_command:  # the script itself came from standard input: $input is empty
            session.ctx.global_scope.vars["input"] = iter(())
        else:
            _piped_input(session)
        return run_text(session, text, "<command>", opts.args, opts.debug)
    if opts.file == "-":
        return run_text(_make_session(False, opts.non_interactive), _stdin_text(), "<stdin>", opts.args, opts.debug)
    if opts.file:
        from pscompat.source import read_script

        try:
            text = read_script(opts.file)
        except OSError as exc:
            sys.stderr.write(
                f"The argument '{opts.file}' is not recognized as the name of a script file. "
                f"Check the spelling of the name, or if a path was included, verify that the path "
                f"is correct and try again. ({exc.strerror})\n"
            )
            return 64
        path = os.path.abspath(opts.file)
        session = _make_session(False, opts.non_interactive)
        _piped_input(session)
        return run_text(session, text, path, opts.args, opts.debug, as_file=True)
    if opts.no_exit:
        return 0
    from pscompat.shell.repl import repl

    return repl(_make_session(sys.stdin.isatty(), opts.non_interactive), debug=opts.debug)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
