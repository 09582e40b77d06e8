"""The `pscompat` command line: -c, a script file, `-` for stdin, or an interactive prompt."""
from __future__ import annotations

import argparse
import os
import sys

USAGE = """pscompat [--debug] [-c SCRIPT | FILE [ARGS...] | -]

Runs PowerShell with PowerShell 7's semantics.  With no arguments, an interactive prompt."""


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="pscompat", usage=USAGE, add_help=True)
    p.add_argument("-c", "-Command", "--command", dest="command", help="run this script text")
    p.add_argument("--debug", action="store_true", help="show Python tracebacks of internal errors")
    p.add_argument("file", nargs="?", help="a .ps1 script, or - for standard input")
    p.add_argument("args", nargs=argparse.REMAINDER, help="arguments for the script ($args / param())")
    return p


def _make_session(interactive: bool):
    from .host import ConsoleHost
    from .session import Session

    session = Session(host=ConsoleHost(sys.stdout, sys.stderr, interactive=interactive))
    session.disk_parse_cache = not interactive  # a prompt's lines are parsed once; scripts run again
    return session


def run_text(session, text: str, name: str, args=(), debug: bool = False) -> int:
    """Run one script, printing its output as Out-Default would.  Returns the exit code."""
    from .errors import PSError, format_concise
    from .formatting import OutDefault

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
        sys.stderr.write(format_concise(err.message, err.reason or "Exception", err.span, err.source) + "\n")
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
    argv = list(sys.argv[1:] if argv is None else argv)
    opts = _parser().parse_args(argv)
    if opts.command is not None:
        session = _make_session(interactive=False)
        extra = ([opts.file] if opts.file else []) + list(opts.args)
        return run_text(session, opts.command, "<command>", extra, opts.debug)
    if opts.file == "-":
        session = _make_session(interactive=False)
        return run_text(session, sys.stdin.read(), "<stdin>", opts.args, opts.debug)
    if opts.file:
        try:
            with open(opts.file, encoding="utf-8-sig") as fh:
                text = fh.read()
        except OSError as exc:
            sys.stderr.write(f"The argument '{opts.file}' is not recognized as the name of a script file. "
                             f"Check the spelling of the name, or if a path was included, verify that the path "
                             f"is correct and try again. ({exc.strerror})\n")
            return 64
        session = _make_session(interactive=False)
        return run_text(session, text, os.path.abspath(opts.file), opts.args, opts.debug)
    from .repl import repl

    return repl(_make_session(interactive=sys.stdin.isatty()), debug=opts.debug)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
