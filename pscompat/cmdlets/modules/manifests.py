"""New-ModuleManifest (Docs: Microsoft.PowerShell.Core/New-ModuleManifest.md; PS:
engine/Modules/NewModuleManifestCommand.cs for the keys and their defaults): writes a `.psd1`
that Import-Module and Import-PowerShellDataFile read back as data."""

from __future__ import annotations

import os
import uuid

from pscompat.engine.commands import Cmdlet, Parameter, cmdlet

# (parameter, manifest key, type, default when not given: None leaves the key out)
_KEYS = (
    ("RootModule", "RootModule", "string", None),
    ("ModuleVersion", "ModuleVersion", "version", "0.0.1"),
    ("CompatiblePSEditions", "CompatiblePSEditions", "string[]", None),
    ("Guid", "GUID", "string", None),
    ("Author", "Author", "string", None),
    ("CompanyName", "CompanyName", "string", "Unknown"),
    ("Copyright", "Copyright", "string", None),
    ("Description", "Description", "string", None),
    ("PowerShellVersion", "PowerShellVersion", "version", None),
    ("PowerShellHostName", "PowerShellHostName", "string", None),
    ("ProcessorArchitecture", "ProcessorArchitecture", "string", None),
    ("RequiredModules", "RequiredModules", "object[]", None),
    ("RequiredAssemblies", "RequiredAssemblies", "string[]", None),
    ("ScriptsToProcess", "ScriptsToProcess", "string[]", None),
    ("TypesToProcess", "TypesToProcess", "string[]", None),
    ("FormatsToProcess", "FormatsToProcess", "string[]", None),
    ("NestedModules", "NestedModules", "object[]", None),
    ("FunctionsToExport", "FunctionsToExport", "string[]", "*"),
    ("CmdletsToExport", "CmdletsToExport", "string[]", "*"),
    ("VariablesToExport", "VariablesToExport", "string[]", "*"),
    ("AliasesToExport", "AliasesToExport", "string[]", "*"),
    ("FileList", "FileList", "string[]", None),
    ("PrivateData", "PrivateData", "object", None),
    ("HelpInfoUri", "HelpInfoURI", "string", None),
    ("DefaultCommandPrefix", "DefaultCommandPrefix", "string", None),
)


def _quote(text: str) -> str:
    return "'" + str(text).replace("'", "''") + "'"


def psd1_value(value) -> str:
    """A value written as restricted-language PowerShell (strings, arrays, hashtables)."""
    if isinstance(value, bool):
        return "$true" if value else "$false"
    if value is None:
        return "$null"
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, dict):
        return "@{" + "; ".join(f"{_quote(k)} = {psd1_value(v)}" for k, v in value.items()) + "}"
    if isinstance(value, (list, tuple)):
        return "@(" + ", ".join(psd1_value(v) for v in value) + ")"
    return _quote(str(value))


@cmdlet(
    "New-ModuleManifest",
    module="Microsoft.PowerShell.Core",
    supports_should_process=True,
    synopsis="Creates a new module manifest.",
)
class NewModuleManifest(Cmdlet):
    parameters = tuple(
        # a version is taken as written: `-ModuleVersion 2.0` arrives as the number 2.0
        Parameter(
            name,
            "object" if kind == "version" else kind,
            position=0 if name == "Path" else None,
            mandatory=name == "Path",
        )
        for name, kind in (("Path", "string"),) + tuple((p, t) for p, _k, t, _d in _KEYS)
    ) + (
        Parameter("Tags", "string[]"),
        Parameter("ProjectUri", "string"),
        Parameter("LicenseUri", "string"),
        Parameter("IconUri", "string"),
        Parameter("ReleaseNotes", "string"),
        Parameter("Prerelease", "string"),
        Parameter("PassThru", "switch"),
    )

    def process(self):
        path = self.Path if os.path.isabs(self.Path) else os.path.join(self.ctx.cwd, self.Path)
        path = path.replace("\\", "/") if os.sep == "/" else path
        if not path.lower().endswith(".psd1"):
            self.throw_terminating(
                f"The module manifest path '{path}' is not valid. The value of the Path argument must resolve to a "
                "single file that has a '.psd1' extension. Change the value of the Path argument to point to a valid "
                "psd1 file, and then try again.",
                "Modules_InvalidManifestPath",
                "InvalidArgument",
                path,
                "System.ArgumentException",
            )
        lines = ["@{", ""]
        for param, key, kind, default in _KEYS:
            value = self.bound.get(param, default)
            if param == "Guid" and value is None:
                value = str(uuid.uuid4())
            if param == "Author" and value is None:
                value = os.environ.get("USER") or os.environ.get("USERNAME") or ""
            if param == "Copyright" and value is None:
                value = f"(c) {self.bound.get('Author') or os.environ.get('USER') or ''}. All rights reserved."
            if value is None:
                continue
            if kind == "version":
                value = repr(value) if isinstance(value, float) else str(value)
            lines.append(f"{key} = {psd1_value(value)}")
            lines.append("")
        psdata = {
            k: self.bound[k]
            for k in ("Tags", "ProjectUri", "LicenseUri", "IconUri", "ReleaseNotes", "Prerelease")
            if k in self.bound
        }
        if "PrivateData" not in self.bound:
            lines.append("PrivateData = @{ PSData = " + psd1_value(psdata) + " }")
            lines.append("")
        lines.append("}")
        text = "\n".join(lines) + "\n"
        if not self.should_process(path, "Create Module Manifest"):
            return None
        folder = os.path.dirname(path)
        if folder and not os.path.isdir(folder):
            self.throw_terminating(
                f"Could not find a part of the path '{path}'.",
                "System.IO.DirectoryNotFoundException",
                "ObjectNotFound",
                path,
                "System.IO.DirectoryNotFoundException",
            )
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(text)
        return text if self.PassThru else None
