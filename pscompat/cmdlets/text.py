"""Select-String (Microsoft.PowerShell.Utility/Select-String.md): regular-expression search
in strings and files, writing MatchInfo objects (or booleans with -Quiet)."""

from __future__ import annotations

import glob
import os

from pscompat.cmdlets.paths import native_path
from pscompat.engine.commands import Cmdlet, Parameter, cmdlet

NS = "Microsoft.PowerShell.Commands."


class MatchInfo:
    """Microsoft.PowerShell.Commands.MatchInfo: its text is the line (piped strings) or
    'path:line:text' (files), as pwsh shows it."""

    PS_TYPE_NAMES = ("Microsoft.PowerShell.Commands.MatchInfo", "System.Object")
    PS_PROPERTIES = ("IgnoreCase", "LineNumber", "Line", "Filename", "Path", "Pattern", "Matches")

    def __init__(self, line: str, number: int, path: str | None, pattern: str, matches: list, ignore_case: bool):
        self.Line = line
        self.LineNumber = number
        self.Path = path or "InputStream"
        self.Filename = os.path.basename(path) if path else "InputStream"
        self.Pattern = pattern
        self.Matches = matches
        self.IgnoreCase = ignore_case
        self._from_file = path is not None

    def ToString(self) -> str:
        if self._from_file:
            return f"{self.Path}:{self.LineNumber}:{self.Line}"
        return self.Line

    __str__ = ToString


def _register_view() -> None:
    from pscompat.format.views import register_view

    register_view("Microsoft.PowerShell.Commands.MatchInfo", "custom", render=lambda m: m.ToString())


_register_view()


@cmdlet(
    "Select-String",
    aliases=("sls",),
    synopsis="Finds text in strings and files.",
    description="Searches each input string, or each line of the files given by -Path, for the "
    "-Pattern regular expressions (or literal text with -SimpleMatch).",
    examples=(
        ("'Hello', 'HELLO' | Select-String -Pattern 'HELLO' -CaseSensitive", "Only the second."),
        ("Select-String -Path *.txt -Pattern 'error'", "Matching lines of the text files."),
        ("Get-Help Get-AzureVMImage | Out-String | Select-String ImageName -Quiet", "True."),
    ),
)
class SelectString(Cmdlet):
    parameters = (
        Parameter("Pattern", "string[]", position=0, mandatory=True),
        Parameter("InputObject", "psobject", pipeline=True, sets=("Object", "ObjectRaw")),
        Parameter("Path", "string[]", position=1, pipeline_by_name=True, sets=("File", "FileRaw")),
        Parameter("SimpleMatch", "switch"),
        Parameter("CaseSensitive", "switch"),
        Parameter("NotMatch", "switch"),
        Parameter("AllMatches", "switch"),
        Parameter("Quiet", "switch"),
        Parameter("List", "switch"),
        Parameter("Raw", "switch"),
    )

    def begin(self):
        import re

        from pscompat.values.dotnet.regex import dotnet_regex

        patterns = self.Pattern if isinstance(self.Pattern, list) else [self.Pattern]
        flags = 0 if self.CaseSensitive else re.IGNORECASE
        self._patterns = [
            (p, re.compile(re.escape(p), flags) if self.SimpleMatch else dotnet_regex(p, not self.CaseSensitive))
            for p in patterns
        ]
        self._found = False
        return None

    def _search(self, line: str, number: int, path: str | None):
        for text, rx in self._patterns:
            hits = list(rx.finditer(line)) if self.AllMatches else [m for m in [rx.search(line)] if m]
            if hits and not self.NotMatch:
                return MatchInfo(line, number, path, text, [_Match(m) for m in hits], not self.CaseSensitive)
        if self.NotMatch and not any(rx.search(line) for _, rx in self._patterns):
            return MatchInfo(line, number, path, self._patterns[0][0], [], not self.CaseSensitive)
        return None

    def _emit(self, info):
        if info is None:
            return []
        self._found = True
        if self.Quiet:
            return []
        return [info.Line if self.Raw else info]

    def process(self):
        if self.Path is not None:
            yield from self._files()
            return
        if "InputObject" not in self.bound or self.InputObject is None:
            return
        from pscompat.values.convert.strings import to_string

        text = to_string(self.InputObject)
        yield from self._emit(self._search(text, 1, None))

    def _files(self):
        paths = self.Path if isinstance(self.Path, list) else [self.Path]
        for pattern in paths:
            matches = sorted(glob.glob(native_path(pattern))) or [pattern]
            for path in matches:
                if not os.path.isfile(path):
                    self.write_error(
                        f"Cannot find path '{os.path.abspath(path)}' because it does not exist.",
                        f"PathNotFound,{NS}SelectStringCommand",
                        "ObjectNotFound",
                        path,
                        "System.Management.Automation.ItemNotFoundException",
                    )
                    continue
                with open(path, encoding="utf-8", errors="replace") as fh:
                    for number, line in enumerate(fh, 1):
                        out = self._emit(self._search(line.rstrip("\n").rstrip("\r"), number, os.path.abspath(path)))
                        yield from out
                        if out and self.List:
                            break

    def end(self):
        # -Quiet: $true when a line matched, $null (nothing) when none did (Select-String.md)
        if self.Quiet and self._found:
            return [True]
        return None


class _Match:
    PS_TYPE_NAMES = ("System.Text.RegularExpressions.Match", "System.Object")
    PS_PROPERTIES = ("Value", "Index", "Length", "Success")

    def __init__(self, m):
        self.Value, self.Index, self.Length, self.Success = m.group(0), m.start(), len(m.group(0)), True
        self.Groups = [m.group(0)] + list(m.groups())

    def ToString(self) -> str:
        return self.Value
