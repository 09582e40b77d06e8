"""The command line's arguments, read the way pwsh reads its own (about_Pwsh; PowerShell's
ConsoleHost CommandLineParameterParser.cs), so that a pasted `pwsh -NoProfile -ExecutionPolicy
Bypass -File x.ps1 -Name v` or `powershell -nop -c "..."` works with `pscompat` in its place.

- A switch starts with `-`, `--` or `/` (any of PowerShell's dashes) and may be shortened down to
  pwsh's smallest unambiguous prefix (`-nop`, `-noni`, `-ex`, `-c`, `-f`, `-e`), in any case.
- `-Command` takes the rest of the line, joined with spaces (`-` reads standard input);
  `-CommandWithArgs` takes one script and passes the rest as `$args`; `-EncodedCommand` takes
  base64 UTF-16LE text.  `-File` (also the first argument that is not a switch) takes a script
  path (`-` reads standard input) and passes the rest to it.
- `-NonInteractive` (`-noni`): nothing may prompt; a confirmation a command needs is refused
  with pwsh's NonInteractive error instead (pscompat.engine.consent).
- Switches that change nothing here (`-NoProfile`, `-NoLogo`, `-Login`,
  `-STA`/`-MTA`, `-WindowStyle`, `-ExecutionPolicy`, ...) are accepted and their values checked.
- `--debug` is pscompat's own: internal errors show their Python traceback.
- `--show-python` is pscompat's own: print the Python the script compiles to instead of running it.
"""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass, field

DASHES = "-\u2013\u2014\u2015"
_POLICIES = ("unrestricted", "remotesigned", "allsigned", "restricted", "default", "bypass", "undefined")
_STYLES = ("normal", "hidden", "minimized", "maximized")


class UsageError(Exception):
    """A command line pwsh would refuse; the message is pwsh's (CommandLineParameterParserStrings)."""


@dataclass
class Options:
    command: str | None = None  # script text from -Command / -CommandWithArgs / -EncodedCommand
    file: str | None = None  # a script path, or '-' for standard input
    args: list = field(default_factory=list)  # $args of the script
    stdin_command: bool = False  # -Command -
    no_exit: bool = False
    working_directory: str | None = None
    show_version: bool = False
    show_help: bool = False
    debug: bool = False
    show_python: bool = False  # --show-python: print the generated Python, run nothing
    non_interactive: bool = False  # -NonInteractive: prompts refuse


def _match(key: str, name: str, shortest: str) -> bool:
    """pwsh's MatchSwitch: `key` is a prefix of `name` at least as long as `shortest`."""
    return len(key) >= len(shortest) and name.startswith(key)


def _switch_key(arg: str) -> str | None:
    text = arg.strip()
    if not text or (text[0] not in DASHES and text[0] != "/"):
        return None
    key = text[1:]
    if key and text[0] in DASHES and key[0] == text[0]:  # --name
        key = key[1:]
    return key.lower()


def _value(args: list, i: int, message: str) -> str:
    if i >= len(args):
        raise UsageError(message)
    return args[i]


def parse(args: list[str], stdin_redirected: bool = True) -> Options:
    opts = Options()
    i = 0
    while i < len(args):
        key = _switch_key(args[i])
        if key is None:  # the first argument that is not a switch: a script and its arguments
            if args[i].strip():
                opts.file, opts.args = args[i], list(args[i + 1 :])
                break
            i += 1
            continue
        if key == "debug":
            opts.debug = True
        elif key == "show-python":
            opts.show_python = True
        elif _match(key, "version", "v"):
            opts.show_version = True
            break
        elif _match(key, "help", "h") or key == "?":
            opts.show_help = True
            break
        elif any(
            _match(key, n, s)
            for n, s in (
                ("noprofile", "nop"),
                ("nologo", "nol"),
                ("login", "l"),
                ("interactive", "i"),
                ("sta", "sta"),
                ("mta", "mta"),
                ("noprofileloadtime", "noprofileloadtime"),
            )
        ):
            pass
        elif _match(key, "noninteractive", "noni"):
            opts.non_interactive = True
        elif _match(key, "noexit", "noe"):
            opts.no_exit = True
        elif _match(key, "commandwithargs", "commandwithargs") or key == "cwa":
            _one_command(opts)
            opts.command = _value(
                args,
                i + 1,
                "Cannot process the command because of a missing parameter. A command must follow -Command.",
            )
            opts.args = list(args[i + 2 :])
            break
        elif _match(key, "command", "c"):
            _one_command(opts)
            rest = args[i + 1 :]
            if not rest:
                raise UsageError(
                    "Cannot process the command because of a missing parameter. A command must follow -Command."
                )
            if rest[0] == "-":
                if len(rest) > 1:
                    raise UsageError(
                        "'-' was specified with the -Command parameter; no other arguments to -Command are permitted."
                    )
                if not stdin_redirected:
                    raise UsageError(
                        "'-' was specified as the argument to -Command but standard input has not "
                        "been redirected for this process."
                    )
                opts.stdin_command = True
                opts.command = ""
            else:
                opts.command = " ".join(rest)
            break
        elif _match(key, "encodedcommand", "e") or _match(key, "ec", "e"):
            _one_command(opts)
            i += 1
            text = _value(
                args, i, "Cannot process the command because of a missing parameter. A command must follow -Command."
            )
            opts.command = _decode(text)
        elif _match(key, "file", "f"):
            i += 1
            opts.file = _value(
                args,
                i,
                "The command cannot be run because the File parameter requires a file "
                "path. Supply a path for the File parameter and then try the command again.",
            )
            opts.args = list(args[i + 1 :])
            break
        elif _match(key, "executionpolicy", "ex") or key == "ep":
            i += 1
            policy = _value(
                args,
                i,
                "Cannot process the execution policy because of a missing policy name. "
                "A policy name must follow -ExecutionPolicy.",
            )
            if policy.lower() not in _POLICIES:
                raise UsageError(f"Invalid ExecutionPolicy value '{policy}'.")
        elif _match(key, "windowstyle", "w"):
            # pwsh on Linux refuses -WindowStyle; pasted Windows command lines carry it, so it is
            # accepted here and has no effect (README: differences)
            i += 1
            style = _value(
                args,
                i,
                "Cannot process the command because -WindowStyle requires an argument that "
                "is normal, hidden, minimized or maximized. Specify one of these argument "
                "values and try again.",
            )
            if style.lower() not in _STYLES:
                raise UsageError(
                    f"Processing -WindowStyle '{style}' failed: Cannot convert value \"{style}\" to "
                    f'type "System.Diagnostics.ProcessWindowStyle".'
                )
        elif (
            _match(key, "outputformat", "o")
            or _match(key, "of", "o")
            or _match(key, "inputformat", "inp")
            or key == "if"
        ):
            i += 1
            which = "OutputFormat" if key.startswith("o") else "InputFormat"
            fmt = _value(
                args, i, f"The command cannot be run because no argument has been supplied for the {which} parameter."
            )
            if fmt.lower() not in ("text", "t", "te", "tex", "xml", "x", "xm"):
                raise UsageError(
                    f'Cannot process the command because of an incorrect parameter value. "{fmt}" is '
                    f"not a valid format."
                )
        elif _match(key, "workingdirectory", "wo") or key == "wd":
            i += 1
            opts.working_directory = _value(
                args,
                i,
                "Cannot process the command because -WorkingDirectory requires an argument that is a directory path.",
            )
        elif (
            _match(key, "settingsfile", "settings")
            or _match(key, "configurationname", "config")
            or _match(key, "custompipename", "cus")
        ):
            i += 1
            _value(args, i, f"An argument is required to be supplied to the '-{key}' parameter.")
        else:  # pwsh: the first parameter it does not know starts the file name
            opts.file, opts.args = args[i], list(args[i + 1 :])
            break
        i += 1
    return opts


def _one_command(opts: Options) -> None:
    if opts.command is not None:
        raise UsageError(
            "Cannot process command because a command is already specified with -Command, "
            "-CommandWithArgs, or -EncodedCommand."
        )


def _decode(text: str) -> str:
    try:
        return base64.b64decode(text, validate=True).decode("utf-16-le")
    except (binascii.Error, ValueError):
        raise UsageError(
            "Cannot process the command because the value specified with -EncodedCommand is not "
            "properly encoded. The value must be Base64 encoded."
        ) from None
