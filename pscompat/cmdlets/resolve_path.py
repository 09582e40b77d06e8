"""Resolve-Path and Convert-Path (ResolvePathCommand.cs, ConvertPathCommand.cs): each path, its
wildcards expanded to the items that exist, as a PathInfo (Resolve-Path) or a string
(Convert-Path); -Relative gives `./x` or `../y` from the current location (or from
-RelativeBasePath, PowerShell 7.4), and a path that matches nothing is PathNotFound."""

from __future__ import annotations

import os

from pscompat.cmdlets.paths import as_list, full_path, path_parameters, resolve_paths, write_not_found
from pscompat.engine.automatic import PathInfo
from pscompat.engine.commands import Cmdlet, Parameter, cmdlet

MODULE = "Microsoft.PowerShell.Management"


def _existing(cmd: Cmdlet, paths, literal: bool) -> list[str]:
    out: list[str] = []
    for typed in as_list(paths):
        text = str(typed)
        matches = resolve_paths(cmd, [text], literal)
        found = [full for _, full in matches if os.path.lexists(full)]
        if not found:
            write_not_found(cmd, text, full_path(cmd, text))
            continue
        out.extend(found)
    return out


def _relative(path: str, base: str) -> str:
    rel = os.path.relpath(path, base)
    return rel if rel.startswith("..") else "./" + rel if rel != "." else "."


@cmdlet(
    "Resolve-Path",
    aliases=("rvpa",),
    module=MODULE,
    default_set="Path",
    synopsis="Resolves the wildcard characters in a path, and displays the path contents.",
    examples=(
        ("Resolve-Path ./*.ps1", "Every script here, as full paths."),
        ("Resolve-Path ../images/*.vhd -Relative", "Relative to the current location."),
    ),
)
class ResolvePath(Cmdlet):
    parameters = (
        *path_parameters(pipeline=True),
        Parameter("Relative", "switch"),
        Parameter("RelativeBasePath", "string"),
    )

    def process(self):
        literal = self.parameter_set == "LiteralPath"
        found = _existing(self, self.LiteralPath if literal else self.Path, literal)
        if self.Relative or self.RelativeBasePath:
            base = full_path(self, self.RelativeBasePath) if self.RelativeBasePath else os.getcwd()
            if self.Relative:
                return [_relative(p, base) for p in found]
        return [PathInfo(p) for p in found]


@cmdlet(
    "Convert-Path",
    aliases=("cvpa",),
    module=MODULE,
    default_set="Path",
    synopsis="Converts a path from a PowerShell path to a PowerShell provider path.",
    examples=(("Convert-Path ~", "The home folder as a file-system path."),),
)
class ConvertPath(Cmdlet):
    parameters = (*path_parameters(pipeline=True),)

    def process(self):
        literal = self.parameter_set == "LiteralPath"
        return _existing(self, self.LiteralPath if literal else self.Path, literal)
