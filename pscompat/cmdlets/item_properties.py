"""Get-ItemProperty and Get-ItemPropertyValue (GetPropertyCommand.cs) for the file system: an
item's properties, all of them as the item itself, or -Name'd ones in a PSCustomObject with the
provider's PSPath/PSParentPath/PSChildName/PSDrive/PSProvider notes; -Value reads them bare."""

from __future__ import annotations

import os

from pscompat.cmdlets.items import item
from pscompat.cmdlets.paths import as_list, full_path, path_parameters, resolve_paths, write_not_found
from pscompat.engine.commands import Cmdlet, Parameter, cmdlet
from pscompat.values.objects.access import lookup_member
from pscompat.values.objects.classes import PSObject

MODULE = "Microsoft.PowerShell.Management"
_PROVIDER = "Microsoft.PowerShell.Core\\FileSystem"


def _items(cmd: Cmdlet, paths, literal: bool) -> list[str]:
    out = []
    for typed in as_list(paths):
        found = [full for _, full in resolve_paths(cmd, [typed], literal) if os.path.lexists(full)]
        if not found:
            write_not_found(cmd, str(typed), full_path(cmd, typed))
        out.extend(found)
    return out


def _property_error(cmd: Cmdlet, name: str, path: str) -> None:
    cmd.write_error(
        f"Property {name} does not exist at path {path}.",
        "System.Management.Automation.PSArgumentException",
        "InvalidArgument",
        name,
        "System.Management.Automation.PSArgumentException",
    )


class _PropertyCmdlet(Cmdlet):
    def values(self, path: str):
        """(name, value) of each -Name'd property of the item, or None after an error."""
        target = item(path)
        out = []
        for name in as_list(self.Name):
            found, value = lookup_member(target, str(name))
            if not found:
                _property_error(self, str(name), path)
                return None
            out.append((str(name), value))
        return out


@cmdlet(
    "Get-ItemProperty",
    aliases=("gp",),
    module=MODULE,
    default_set="Path",
    synopsis="Gets the properties of a specified item.",
    examples=(("Get-ItemProperty ./disk.vhd -Name Length, LastWriteTime", "Two properties of a file."),),
)
class GetItemProperty(_PropertyCmdlet):
    parameters = (
        *path_parameters(pipeline=True),
        Parameter("Name", "string[]", position=1, aliases=("PSProperty",)),
    )

    def process(self):
        literal = self.parameter_set == "LiteralPath"
        out = []
        for path in _items(self, self.LiteralPath if literal else self.Path, literal):
            if not self.Name:
                out.append(item(path))
                continue
            values = self.values(path)
            if values is None:
                continue
            notes = [
                ("PSPath", f"{_PROVIDER}::{path}"),
                ("PSParentPath", f"{_PROVIDER}::{os.path.dirname(path)}"),
                ("PSChildName", os.path.basename(path)),
                ("PSDrive", "/"),
                ("PSProvider", _PROVIDER),
            ]
            out.append(PSObject(values + notes))
        return out


@cmdlet(
    "Get-ItemPropertyValue",
    aliases=("gpv",),
    module=MODULE,
    default_set="Path",
    synopsis="Gets the value for one or more properties of a specified item.",
    examples=(("Get-ItemPropertyValue ./disk.vhd -Name Length", "The file's size."),),
)
class GetItemPropertyValue(_PropertyCmdlet):
    parameters = (
        Parameter("Path", "string[]", position=0, pipeline_by_name=True, sets=("Path",)),
        Parameter(
            "LiteralPath",
            "string[]",
            mandatory=True,
            pipeline_by_name=True,
            aliases=("PSPath", "LP"),
            sets=("LiteralPath",),
        ),
        Parameter("Name", "string[]", position=1, mandatory=True, aliases=("PSProperty",)),
    )

    def process(self):
        literal = self.parameter_set == "LiteralPath"
        out = []
        for path in _items(self, self.LiteralPath if literal else (self.Path or ["."]), literal):
            values = self.values(path)
            if values is not None:
                out.extend(v for _, v in values)
        return out
