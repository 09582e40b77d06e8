"""Export-Clixml and Import-Clixml (XmlCommands.cs): objects to a CLIXML file and back, in the
format of pscompat/cmdlets/data/clixml.py.  Export streams: each object is written to the file as
it arrives; a file that receives a SecureString is made readable by its owner only before the
secret is written."""

from __future__ import annotations

import os
from xml.etree.ElementTree import ParseError as XmlParseError

from pscompat.cmdlets.data.clixml import FOOTER, HEADER, Writer, deserialize
from pscompat.cmdlets.encodings import python_encoding
from pscompat.cmdlets.paths import full_path, resolve_paths, write_not_found
from pscompat.engine.commands import Cmdlet, Parameter, cmdlet
from pscompat.values.convert.strings import to_string


def _file_system_path(cmd: Cmdlet, path) -> str:
    text = to_string(path)
    drive = text.split(":", 1)[0].lower() if ":" in text else ""
    if drive in ("env", "variable", "function", "alias"):
        cmd.throw_terminating(
            f"Cannot open file because the current provider ({drive.capitalize()}) cannot open a file.",
            "ReadWriteFileNotFileSystemProvider",
            "InvalidArgument",
            exception_type="System.InvalidOperationException",
        )
    return full_path(cmd, text)


@cmdlet(
    "Export-Clixml",
    default_set="ByPath",
    supports_should_process=True,
    synopsis="Creates an XML-based representation of an object or objects and stores it in a file.",
    examples=(
        ("Get-AzureVMImage | Export-Clixml images.xml", "The images, to read back later with Import-Clixml."),
        ("$cred | Export-Clixml cred.xml", "A credential (the file is made readable by you only)."),
    ),
)
class ExportClixml(Cmdlet):
    parameters = (
        Parameter("Path", "string", position=0, mandatory=True, sets=("ByPath",)),
        Parameter("LiteralPath", "string", mandatory=True, aliases=("PSPath", "LP"), sets=("ByLiteralPath",)),
        Parameter("InputObject", "psobject", mandatory=True, pipeline=True),
        Parameter("Depth", "int", default=2),
        Parameter("Force", "switch"),
        Parameter("NoClobber", "switch", aliases=("NoOverwrite",)),
        Parameter("Encoding", "string"),
    )

    def begin(self):
        path = self.Path if self.Path is not None else self.LiteralPath
        self._path = _file_system_path(self, path)
        self._fh = None
        if not self.should_process(self._path):
            return
        if os.path.isdir(self._path):
            self.throw_terminating(
                f"Access to the path '{self._path}' is denied.",
                "FileOpenFailure",
                "OpenError",
                exception_type="System.UnauthorizedAccessException",
            )
        if self.NoClobber and os.path.exists(self._path):
            self.throw_terminating(
                f"The file '{self._path}' already exists.",
                "NoClobber",
                "ResourceExists",
                exception_type="System.IO.IOException",
            )
        depth = int(self.Depth) if self.Depth else 2
        self._writer = Writer(depth)
        self._private = False
        self._fh = open(self._path, "w", encoding=python_encoding(self.Encoding), newline="")
        self._fh.write(HEADER)

    def process(self):
        if self._fh is None:
            return None
        writer = self._writer
        writer.parts.clear()
        writer.add(self.InputObject)
        if writer.holds_secret and not self._private:
            os.chmod(self._path, 0o600)  # before the secret reaches the disk
            self._private = True
        self._fh.write("".join(writer.parts))
        return None

    def end(self):
        if self._fh is not None:
            self._fh.write(FOOTER)
            self._fh.close()
            self._fh = None


@cmdlet(
    "Import-Clixml",
    default_set="ByPath",
    synopsis="Imports a CLIXML file and creates corresponding objects in PowerShell.",
    examples=(("$images = Import-Clixml images.xml", "Objects saved by Export-Clixml."),),
)
class ImportClixml(Cmdlet):
    parameters = (
        Parameter(
            "Path", "string[]", position=0, mandatory=True, pipeline=True, pipeline_by_name=True, sets=("ByPath",)
        ),
        Parameter(
            "LiteralPath",
            "string[]",
            mandatory=True,
            pipeline_by_name=True,
            aliases=("PSPath", "LP"),
            sets=("ByLiteralPath",),
        ),
        Parameter("First", "long"),
        Parameter("Skip", "long"),
        Parameter("IncludeTotalCount", "switch"),
    )

    def process(self):
        literal = self.parameter_set == "ByLiteralPath"
        paths = self.LiteralPath if literal else self.Path
        out = []
        for typed in paths or ():
            _file_system_path(self, typed)
            for shown, full in resolve_paths(self, [typed], literal):
                if not os.path.isfile(full):
                    write_not_found(self, shown, full)
                    continue
                with open(full, encoding="utf-8-sig") as fh:
                    text = fh.read()
                try:
                    objects = deserialize(text)
                except (XmlParseError, ValueError) as exc:
                    self.write_error(
                        f"The file '{full}' is not CLIXML: {exc}",
                        "System.Xml.XmlException",
                        "ReadError",
                        full,
                        "System.Xml.XmlException",
                    )
                    continue
                out.extend(self._page(objects))
        return out

    def _page(self, objects: list) -> list:
        skip = int(self.Skip or 0)
        first = self.First
        if not skip and first is None:
            return objects
        # paging flattens a collection into its elements (ImportXmlHelper)
        flat = []
        for obj in objects:
            flat.extend(obj if isinstance(obj, list) else [obj])
        flat = flat[skip:]
        return flat if first is None else flat[: int(first)]
