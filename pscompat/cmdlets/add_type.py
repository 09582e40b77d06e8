"""Add-Type (PS: src/Microsoft.PowerShell.Commands.Utility/commands/utility/AddType.cs).

pscompat has no C# compiler and loads no .NET assembly, so Add-Type does what it honestly can:
- `-AssemblyName` of an assembly that pwsh on Linux loads from its shared framework succeeds
  (what scripts use from it is whatever pscompat emulates; a type it lacks is still 'Unable to
  find type'); a Windows-only assembly (System.Windows.Forms, PresentationFramework...) fails
  as it does in pwsh on Linux, where the name resolves to a missing `<name>.dll` in the current
  folder (PathNotFound); a name with a wildcard or a relative path that resolves to nothing is
  ErrorLoadingAssembly, a rooted path that does not exist System.IO.FileNotFoundException.
- `-TypeDefinition`, `-MemberDefinition` and `-Path` of a `.cs` file are C# to compile: a
  terminating error that names the limitation.  PowerShell class syntax in `-TypeDefinition` is
  not accepted by PowerShell either (it compiles the text as C# and reports COMPILER_ERRORS);
  the message says to define the class in the script.
- `-Path` of another extension: EXTENSION_NOT_SUPPORTED, as PowerShell reports it.
"""

from __future__ import annotations

import os
import re

from pscompat.cmdlets.paths import as_list, full_path
from pscompat.cmdlets.wildcards import has_wildcard
from pscompat.engine.commands import Cmdlet, Parameter, cmdlet

# Assemblies `Add-Type -AssemblyName` loads in pwsh 7 on Linux (the shared framework's and
# PowerShell's own), by lower-case short name.  Chosen by what PowerShell's tests and the real
# scripts of the corpus load; docs/ast-api.md lists them with the Windows-only ones.
LOADABLE_ASSEMBLIES = frozenset(
    name.lower()
    for name in (
        "mscorlib",
        "netstandard",
        "System",
        "System.Core",
        "System.Private.CoreLib",
        "System.Runtime",
        "System.Collections",
        "System.Collections.Concurrent",
        "System.Linq",
        "System.Xml",
        "System.Xml.Linq",
        "System.Data",
        "System.Net",
        "System.Net.Http",
        "System.Net.Primitives",
        "System.Web",
        "System.Web.HttpUtility",
        "System.Security",
        "System.Numerics",
        "System.Text.RegularExpressions",
        "System.Text.Json",
        "System.IO.Compression",
        "System.IO.Compression.FileSystem",
        "System.Runtime.Serialization",
        "System.Runtime.Serialization.Primitives",
        "System.Management.Automation",
        "Microsoft.PowerShell.Commands.Utility",
        "Microsoft.PowerShell.Commands.Management",
        "Microsoft.CSharp",
    )
)
WINDOWS_ONLY_ASSEMBLIES = ("System.Windows.Forms", "PresentationFramework", "PresentationCore", "WindowsBase")

_PS_CLASS = re.compile(r"^\s*(?:#.*\n\s*)*(?:class|enum)\s+\w+[^{]*\{", re.IGNORECASE)
_NOT_SUPPORTED = "System.Management.Automation.PSNotSupportedException"


@cmdlet(
    "Add-Type",
    module="Microsoft.PowerShell.Utility",
    synopsis="Adds a .NET class to a PowerShell session (pscompat: assemblies it emulates only).",
    default_set="FromSource",
    examples=(("Add-Type -AssemblyName System.Web", "Loads an assembly pscompat emulates (nothing to do)."),),
)
class AddType(Cmdlet):
    parameters = (
        Parameter("TypeDefinition", "string", position=0, mandatory=True, sets=("FromSource",)),
        Parameter("Name", "string", position=0, mandatory=True, sets=("FromMember",)),
        Parameter("MemberDefinition", "string[]", position=1, mandatory=True, sets=("FromMember",)),
        Parameter("Namespace", "string", aliases=("NS",), sets=("FromMember",)),
        Parameter("UsingNamespace", "string[]", aliases=("Using",), sets=("FromMember",)),
        Parameter("Path", "string[]", position=0, mandatory=True, sets=("FromPath",)),
        Parameter("LiteralPath", "string[]", mandatory=True, aliases=("PSPath", "LP"), sets=("FromLiteralPath",)),
        Parameter("AssemblyName", "string[]", mandatory=True, aliases=("AN",), sets=("FromAssemblyName",)),
        Parameter("Language", "string", validate_set=("CSharp",), sets=("FromSource", "FromMember")),
        Parameter("ReferencedAssemblies", "string[]", aliases=("RA",)),
        Parameter("CompilerOptions", "string[]"),
        Parameter("OutputAssembly", "string", aliases=("OA",)),
        Parameter(
            "OutputType",
            "string",
            aliases=("OT",),
            validate_set=("Library", "ConsoleApplication", "WindowsApplication"),
        ),
        Parameter("PassThru", "switch"),
        Parameter("IgnoreWarnings", "switch"),
    )

    def begin(self):
        # PS: AddTypeCommand.BeginProcessing
        if self.OutputType is not None and str(self.OutputType).lower() != "library":
            self.throw_terminating(
                "Both the assembly types 'ConsoleApplication' and 'WindowsApplication' are not currently supported.",
                "AssemblyTypeNotSupported",
                "NotImplemented",
                self.OutputType,
                _NOT_SUPPORTED,
            )

    def end(self):
        set_name = self.parameter_set
        if "OutputType" in self.bound and not self.OutputAssembly:
            self.throw_terminating(  # PS: AddTypeCommand.EndProcessing, before anything is compiled
                "Cannot add type. The OutputType parameter requires that the OutputAssembly parameter be specified.",
                "OUTPUTTYPE_REQUIRES_ASSEMBLY",
                "InvalidArgument",
            )
        if set_name == "FromAssemblyName":
            for name in as_list(self.AssemblyName):
                self._load_assembly(str(name))
            return
        if set_name in ("FromPath", "FromLiteralPath"):
            literal = set_name == "FromLiteralPath"
            for path in as_list(self.LiteralPath if literal else self.Path):
                self._add_file(str(path))
            return
        source = (
            self.TypeDefinition if set_name == "FromSource" else "\n".join(map(str, as_list(self.MemberDefinition)))
        )
        self._cannot_compile("-TypeDefinition" if set_name == "FromSource" else "-MemberDefinition", str(source or ""))

    def _cannot_compile(self, what: str, source: str) -> None:
        hint = (
            " The text is PowerShell class syntax, which Add-Type does not take in PowerShell either"
            " (it compiles C#): define the class in the script itself."
            if _PS_CLASS.match(source)
            else ""
        )
        self.throw_terminating(
            f"Cannot add type. pscompat cannot compile C# source ({what}): it has no .NET compiler.{hint}",
            "CSharpCompilationNotSupported",
            "NotImplemented",
            None,
            _NOT_SUPPORTED,
        )

    def _load_assembly(self, name: str) -> None:
        # PS: AddType.cs ResolveAssemblyName, the order of its checks
        short = name.split(",", 1)[0].strip()
        if "/" in short or "\\" in short:
            full = full_path(self, short)
            if os.path.isabs(short) and not os.path.exists(full):
                self.throw_terminating(
                    f"Could not load file or assembly '{full}'. The system cannot find the file specified.",
                    "System.IO.FileNotFoundException",
                    "NotSpecified",
                    name,
                    "System.IO.FileNotFoundException",
                )
            if not os.path.exists(full):
                self._error_loading(name)
            self._cannot_load_dll(full)
        if short.lower() in LOADABLE_ASSEMBLIES:
            return
        if has_wildcard(short):
            self._error_loading(name)
        dll = short if short.lower().endswith(".dll") else short + ".dll"
        full = full_path(self, dll)
        if os.path.exists(full):
            self._cannot_load_dll(full)
        self.throw_terminating(
            f"Cannot find path '{full}' because it does not exist.",
            "PathNotFound",
            "ObjectNotFound",
            full,
            "System.Management.Automation.ItemNotFoundException",
        )

    def _error_loading(self, name: str) -> None:
        self.throw_terminating(f"Cannot load assembly '{name}'.", "ErrorLoadingAssembly", "InvalidOperation", name)

    def _cannot_load_dll(self, path: str) -> None:
        self.throw_terminating(
            f"Cannot add type. pscompat cannot load the .NET assembly '{path}': it runs no .NET code.",
            "AssemblyLoadNotSupported",
            "NotImplemented",
            path,
            _NOT_SUPPORTED,
        )

    def _add_file(self, path: str) -> None:
        full = full_path(self, path)
        if not os.path.exists(full):
            self.throw_terminating(
                f"Cannot find path '{full}' because it does not exist.",
                "PathNotFound",
                "ObjectNotFound",
                full,
                "System.Management.Automation.ItemNotFoundException",
            )
        extension = os.path.splitext(full)[1].lower()
        if extension == ".cs":
            with open(full, encoding="utf-8", errors="replace") as handle:
                self._cannot_compile("-Path", handle.read())
        if extension == ".dll":
            self._cannot_load_dll(full)
        self.throw_terminating(
            f'Cannot add type. The "{extension}" extension is not supported.',
            "EXTENSION_NOT_SUPPORTED",
            "InvalidArgument",
            extension,
        )
