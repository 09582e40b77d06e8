"""`pscompat convert`: write a PowerShell script as Python (pscompat.migrate).

    pscompat convert script.ps1 [-o script.py] [--strict]
    pscompat convert -c 'Get-AzureVMImage | where ImageFamily -eq $f' [--strict]

The Python goes to standard output or to -o FILE; what could not be converted is listed on
standard error as `script.ps1:LINE:COLUMN: not converted: reason` (those statements stay in the
output as comments, and the rest runs).  --strict refuses instead: nothing is written and the
exit code is 1.  A script that does not parse gives PowerShell's parse error and exit code 1."""

from __future__ import annotations

import sys

USAGE = """usage: pscompat convert SCRIPT.ps1 [-o OUT.py] [--strict]
       pscompat convert -c COMMAND [-o OUT.py] [--strict]

Writes the script as a Python module (standard output, or OUT.py).  Statements that cannot be
converted stay as comments and are listed on standard error; --strict refuses instead."""


def main(argv: list[str]) -> int:
    from pscompat.errors import ParseError
    from pscompat.migrate.module import ConversionRefused, convert
    from pscompat.source import read_script

    script = command = output = None
    strict = False
    args = list(argv)
    while args:
        arg = args.pop(0)
        if arg in ("-h", "--help", "-?"):
            sys.stdout.write(USAGE + "\n")
            return 0
        if arg == "--strict":
            strict = True
        elif arg in ("-o", "--output", "-c", "--command") and args:
            value = args.pop(0)
            if arg in ("-o", "--output"):
                output = value
            else:
                command = value
        elif not arg.startswith("-") and script is None:
            script = arg
        else:
            sys.stderr.write(f"pscompat convert: unexpected argument '{arg}'\n{USAGE}\n")
            return 2
    if (script is None) == (command is None):
        sys.stderr.write(f"pscompat convert: give one script file or -c COMMAND\n{USAGE}\n")
        return 2
    if script is not None:
        try:
            source = read_script(script)
        except OSError as exc:
            sys.stderr.write(f"pscompat convert: cannot read '{script}': {exc.strerror}\n")
            return 1
        name = script
    else:
        source, name = command or "", "<command>"
    try:
        conversion = convert(source, name, strict=strict)
    except ParseError as err:
        sys.stderr.write(f"{err}\n")
        return 1
    except ConversionRefused as refused:
        for problem in refused.problems:
            sys.stderr.write(f"{name}:{problem.line}:{problem.column}: not converted: {problem.reason}\n")
        return 1
    for problem in conversion.problems:
        sys.stderr.write(f"{name}:{problem.line}:{problem.column}: not converted: {problem.reason}\n")
    if output is None:
        sys.stdout.write(conversion.code)
        return 0
    try:
        with open(output, "w", encoding="utf-8") as handle:
            handle.write(conversion.code)
    except OSError as exc:
        sys.stderr.write(f"pscompat convert: cannot write '{output}': {exc.strerror}\n")
        return 1
    return 0
