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
--debug: show the Python traceback of an internal error."""


def _make_session(interactive: bool):
    from pscompat.format.host import ConsoleHost
    from pscompat.session import Session

    session = Session(host=ConsoleHost(sys.stdout, sys.stderr, interactive=interactive))
    session.disk_parse_cache = not interactive  # a prompt's lines are parsed once; scripts run again
    return session


def run_text(session, text: str, name: str, args=(), debug: bool = False) -> int:
    """Run one script, printing its output as Out-Default would.  Returns the exit code."""
    from pscompat.errors import PSError, format_concise
    from pscompat.format.out_default import OutDefault

    host = session.host
    out = OutDefault(host.write, width=host.width)  # through the host, which keeps a progress bar below
    try:
        try:
            code = session.execute(text, out.feed, name=name, args=args)
        finally:
            out.close()
            getattr(host, "clear_progress", lambda: None)()
            sys.stdout.flush()
    except PSError as err:
        shown = err.error_record.shown_message if err.error_record is not None else err.message
        sys.stderr.write(format_concise(shown, err.reason or "Exception", err.span, err.source) + "\n")
        return 1
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # an internal bug: say so briefly, never a traceback unless asked
        if debug:
            raise
        sys.stderr.write(f"InternalError: {type(exc).__name__}: {exc}\n(run with --debug for details)\n")
        return 1
    if code is not None:
        return code
    return 0 if session.ctx.global_scope.vars.get("?", True) else 1


def main(argv=None) -> int:
    from pscompat.shell.pwsh_args import UsageError, parse

    argv = list(sys.argv[1:] if argv is None else argv)
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
    if opts.no_exit and code != 130:
        from pscompat.shell.repl import repl

        return repl(_make_session(interactive=sys.stdin.isatty()), debug=opts.debug)
    return code


def _run(opts) -> int | None:
    if opts.command is not None:
        text = sys.stdin.read() if opts.stdin_command else opts.command
        return run_text(_make_session(interactive=False), text, "<command>", opts.args, opts.debug)
    if opts.file == "-":
        return run_text(_make_session(interactive=False), sys.stdin.read(), "<stdin>", opts.args, opts.debug)
    if opts.file:
        try:
            with open(opts.file, encoding="utf-8-sig") as fh:
                text = fh.read()
        except OSError as exc:
            sys.stderr.write(
                f"The argument '{opts.file}' is not recognized as the name of a script file. "
                f"Check the spelling of the name, or if a path was included, verify that the path "
                f"is correct and try again. ({exc.strerror})\n"
            )
            return 64
        return run_text(_make_session(interactive=False), text, os.path.abspath(opts.file), opts.args, opts.debug)
    if opts.no_exit:
        return 0
    from pscompat.shell.repl import repl

    return repl(_make_session(interactive=sys.stdin.isatty()), debug=opts.debug)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
