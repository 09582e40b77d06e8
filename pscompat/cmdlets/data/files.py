"""Get-Content, Set-Content, Add-Content, Test-Path, Join-Path, Split-Path and Get-Date
(Docs: Microsoft.PowerShell.Management/*-Content.md, Test-Path.md, Join-Path.md, Split-Path.md;
Microsoft.PowerShell.Utility/Get-Date.md).

Paths are file-system paths relative to the session's current directory; text is UTF-8 and
lines end with "\n", as PowerShell 7 writes them on Unix.
"""

from __future__ import annotations

import glob
import os

from pscompat.cmdlets.encodings import python_encoding
from pscompat.cmdlets.paths import as_list, full_path, path_parameters, resolve_paths, write_not_found
from pscompat.cmdlets.wildcards import has_wildcard
from pscompat.engine.commands import Cmdlet, Parameter, cmdlet


@cmdlet(
    "Get-Content",
    aliases=("gc", "cat", "type"),
    module="Microsoft.PowerShell.Management",
    default_set="Path",
    synopsis="Gets the content of the item at the specified location.",
    description="Writes a file's lines (without line endings) one at a time, or the whole text "
    "with -Raw; -TotalCount/-Head and -Tail limit the lines.",
    examples=(
        ("Get-Content notes.txt", "The lines of notes.txt."),
        ("Get-Content data.json -Raw | ConvertFrom-Json", "The file as one string."),
        ("Get-Content log.txt -Tail 5", "The last five lines."),
    ),
)
class GetContent(Cmdlet):
    """Gets the content of the item at the specified location."""

    parameters = (
        Parameter("Path", "string[]", position=0, mandatory=True, pipeline_by_name=True, sets=("Path",)),
        Parameter(
            "LiteralPath",
            "string[]",
            mandatory=True,
            pipeline_by_name=True,
            sets=("LiteralPath",),
            aliases=("PSPath", "LP"),
        ),
        Parameter("TotalCount", "long", aliases=("First", "Head"), default=-1),
        Parameter("Tail", "int", aliases=("Last",), default=-1),
        Parameter("ReadCount", "long", default=1),
        Parameter("Raw", "switch"),
        Parameter("Delimiter", "string"),
        Parameter("Encoding", "string"),
        Parameter("AsByteStream", "switch"),
    )

    def process(self):
        literal = self.parameter_set == "LiteralPath"
        out = []
        for typed, full in resolve_paths(self, self.LiteralPath if literal else self.Path, literal):
            if os.path.isdir(full):
                self.write_error(
                    f"Unable to get content because it is a directory: '{full}'. Please use 'Get-ChildItem' instead.",
                    "GetContentReaderUnauthorizedAccessError",
                    "ReadError",
                    typed,
                )
                continue
            if not os.path.exists(full):
                write_not_found(self, typed, full)
                continue
            out.extend(self._read(full))
        return out

    def _read(self, full: str) -> list:
        if self.AsByteStream:
            with open(full, "rb") as fh:
                data = fh.read()
            return [data] if self.Raw else list(data)
        with open(full, encoding=python_encoding(self.Encoding, reading=True), newline="") as fh:
            text = fh.read()
        if self.Raw:
            return [text] if text else []
        delimiter = self.Delimiter
        if delimiter is not None:
            parts = text.split(delimiter)
            items = [p + delimiter for p in parts[:-1]] + ([parts[-1]] if parts[-1] else [])
        else:
            items = text.splitlines()
        total, tail = self.bound.get("TotalCount", -1), self.bound.get("Tail", -1)
        if total is not None and total >= 0:
            items = items[:total]
        if tail is not None and tail >= 0:
            items = items[len(items) - tail :] if tail else []
        count = self.bound.get("ReadCount", 1) or 1
        if count > 1 or count <= 0 and "ReadCount" in self.bound:
            size = count if count > 0 else max(len(items), 1)
            return [items[i : i + size] for i in range(0, len(items), size)]
        return items


class _WriteContent(Cmdlet):
    """Set-Content/Add-Content: each value's string form on its own line."""

    append = False
    parameters = (
        Parameter("Path", "string[]", position=0, mandatory=True, pipeline_by_name=True, sets=("Path",)),
        Parameter(
            "LiteralPath",
            "string[]",
            mandatory=True,
            pipeline_by_name=True,
            sets=("LiteralPath",),
            aliases=("PSPath", "LP"),
        ),
        Parameter(
            "Value", "object[]", position=1, mandatory=True, pipeline=True, allow_null=True, allow_empty_collection=True
        ),
        Parameter("NoNewline", "switch"),
        Parameter("PassThru", "switch"),
        Parameter("Force", "switch"),
        Parameter("Encoding", "string"),
    )

    def begin(self):
        self._values = []

    def process(self):
        self._values.extend(as_list(self.Value) if self.Value is not None else [None])

    def end(self):
        from pscompat.values.convert.strings import to_string

        literal = self.parameter_set == "LiteralPath"
        texts = ["" if v is None else to_string(v) for v in self._values]
        body = "".join(texts) if self.NoNewline else "".join(t + "\n" for t in texts)
        for typed, full in resolve_paths(self, self.LiteralPath if literal else self.Path, literal):
            parent = os.path.dirname(full)
            if parent and not os.path.isdir(parent):
                self.write_error(
                    f"Could not find a part of the path '{full}'.",
                    "GetContentWriterDirectoryNotFoundError",
                    "ObjectNotFound",
                    typed,
                )
                continue
            # NavigationResources SetContentAction/AddContentAction, SetContentTarget 'Path: {0}'
            if not self.should_process(f"Path: {full}", "Add Content" if self.append else "Set Content"):
                continue
            with open(full, "a" if self.append else "w", encoding=python_encoding(self.Encoding), newline="") as fh:
                fh.write(body)
        return list(self._values) if self.PassThru else None


@cmdlet(
    "Set-Content",
    module="Microsoft.PowerShell.Management",
    default_set="Path",
    supports_should_process=True,
    synopsis="Writes new content or replaces existing content in a file.",
    description="Replaces the file's content with the values, one per line.",
    examples=(("'a','b' | Set-Content out.txt", "out.txt holds two lines."),),
)
class SetContent(_WriteContent):
    """Writes new content or replaces existing content in a file."""


@cmdlet(
    "Add-Content",
    aliases=("ac",),
    module="Microsoft.PowerShell.Management",
    default_set="Path",
    supports_should_process=True,
    synopsis="Adds content to the specified items, such as adding words to a file.",
    description="Appends the values to the file, one per line (the file is created if missing).",
    examples=(("Add-Content log.txt 'done'", "Appends a line."),),
)
class AddContent(_WriteContent):
    """Adds content to the specified items, such as adding words to a file."""

    append = True


@cmdlet(
    "Test-Path",
    module="Microsoft.PowerShell.Management",
    default_set="Path",
    synopsis="Determines whether all elements of a path exist.",
    description="True if the path exists (-PathType Leaf: a file, Container: a directory); "
    "-IsValid checks only the syntax.",
    examples=(
        ("Test-Path ./notes.txt", "True if the file exists."),
        ("Test-Path /tmp -PathType Container", "True: a directory."),
    ),
)
class TestPath(Cmdlet):
    """Determines whether all elements of a path exist."""

    parameters = (
        Parameter(
            "Path",
            "string[]",
            position=0,
            mandatory=True,
            pipeline=True,
            pipeline_by_name=True,
            sets=("Path",),
            allow_null=True,
            allow_empty_string=True,
            allow_empty_collection=True,
        ),
        Parameter(
            "LiteralPath",
            "string[]",
            mandatory=True,
            pipeline_by_name=True,
            sets=("LiteralPath",),
            aliases=("PSPath", "LP"),
            allow_null=True,
            allow_empty_string=True,
            allow_empty_collection=True,
        ),
        Parameter("PathType", "string", aliases=("Type",), validate_set=("Any", "Container", "Leaf")),
        Parameter("IsValid", "switch"),
        Parameter("Filter", "string"),
        Parameter("Include", "string[]"),
        Parameter("Exclude", "string[]"),
    )

    def process(self):
        literal = self.parameter_set == "LiteralPath"
        paths = as_list(self.LiteralPath if literal else self.Path)
        out = []
        kind = str(self.PathType or "Any").lower()
        # PS 7 TestPathCommand.ProcessRecord: a null path (or none) is an error, a blank one is False
        if not paths:
            paths = [None]
        for path in paths:
            if path is None:
                self.write_error(
                    "The provided Path argument was null or an empty collection.",
                    "NullPathNotPermitted",
                    "InvalidArgument",
                    exception_type="System.ArgumentNullException",
                )
                continue
            if not str(path).strip():
                out.append(False)
                continue
            if self.IsValid:
                out.append("\x00" not in str(path))
                continue
            full = full_path(self, path)
            matches = (
                glob.glob(full) if not literal and has_wildcard(str(path)) else ([full] if os.path.exists(full) else [])
            )
            if kind == "leaf":
                out.append(any(os.path.isfile(m) for m in matches))
            elif kind == "container":
                out.append(any(os.path.isdir(m) for m in matches))
            else:
                out.append(bool(matches))
        return out


def _join(base: str, child: str) -> str:
    if not base:
        return child
    if not child:
        return base
    return base.rstrip("/\\") + "/" + child.lstrip("/\\")


@cmdlet(
    "Join-Path",
    module="Microsoft.PowerShell.Management",
    synopsis="Combines a path and a child path into a single path.",
    description="Joins the parts with one separator between them.",
    examples=(("Join-Path a b c", "a/b/c"), ("Join-Path /tmp -ChildPath x.txt", "/tmp/x.txt")),
)
class JoinPath(Cmdlet):
    """Combines a path and a child path into a single path."""

    parameters = (
        Parameter(
            "Path", "string[]", position=0, mandatory=True, pipeline=True, pipeline_by_name=True, aliases=("PSPath",)
        ),
        Parameter("ChildPath", "string", position=1, pipeline_by_name=True),
        Parameter("AdditionalChildPath", "string[]", position=2, remaining=True),
        Parameter("Resolve", "switch"),
        Parameter("Extension", "string"),
    )

    def process(self):
        out = []
        for path in as_list(self.Path):
            result = _join(str(path), self.ChildPath or "")
            for extra in as_list(self.AdditionalChildPath):
                result = _join(result, str(extra))
            if self.Extension is not None:
                root, _ = os.path.splitext(result)
                ext = self.Extension
                result = root + (ext if not ext or ext.startswith(".") else "." + ext)
            if self.Resolve:
                full = full_path(self, result)
                matches = sorted(glob.glob(full)) if has_wildcard(result) else ([full] if os.path.exists(full) else [])
                if not matches:
                    write_not_found(self, result, full)
                    continue
                out.extend(matches)
                continue
            out.append(result)
        return out


@cmdlet(
    "Split-Path",
    module="Microsoft.PowerShell.Management",
    default_set="ParentSet",
    synopsis="Returns the specified part of a path.",
    description="The parent directory (default), -Leaf (last element), -LeafBase (without the "
    "extension), -Extension, -Qualifier, -NoQualifier or -IsAbsolute of a path.",
    examples=(("Split-Path /tmp/a/b.txt", "/tmp/a"), ("Split-Path /tmp/a/b.txt -Leaf", "b.txt")),
)
class SplitPath(Cmdlet):
    """Returns the specified part of a path."""

    parameters = (
        Parameter("Path", "string[]", position=0, mandatory=True, pipeline=True, pipeline_by_name=True),
        Parameter("LiteralPath", "string[]", aliases=("PSPath", "LP")),
        Parameter("Parent", "switch", sets=("ParentSet",)),
        Parameter("Leaf", "switch", mandatory=True, sets=("LeafSet",)),
        Parameter("LeafBase", "switch", mandatory=True, sets=("LeafBaseSet",)),
        Parameter("Extension", "switch", mandatory=True, sets=("ExtensionSet",)),
        Parameter("Qualifier", "switch", mandatory=True, sets=("QualifierSet",)),
        Parameter("NoQualifier", "switch", mandatory=True, sets=("NoQualifierSet",)),
        Parameter("IsAbsolute", "switch", mandatory=True, sets=("IsAbsoluteSet",)),
        Parameter("Resolve", "switch"),
    )

    def process(self):
        out = []
        for path in as_list(self.LiteralPath or self.Path):
            part = self._part(str(path))
            if part is not None:  # None: the path had no such part and an error was written
                out.append(part)
        return out

    def _part(self, path: str):
        trimmed = path.rstrip("/\\") or path[:1]
        sep = max(trimmed.rfind("/"), trimmed.rfind("\\"))
        leaf = trimmed[sep + 1 :] if sep >= 0 else trimmed
        if self.Leaf:
            return leaf
        if self.LeafBase:
            return os.path.splitext(leaf)[0] if not leaf.startswith(".") or leaf.count(".") > 1 else leaf
        if self.Extension:
            return os.path.splitext(leaf)[1]
        if self.IsAbsolute:
            return path.startswith(("/", "\\", "~")) or (len(path) > 1 and path[1] == ":")
        qualifier = path[: path.index(":") + 1] if ":" in path[:3] else ""
        if self.Qualifier:
            if not qualifier:  # SplitPathCommand: WriteError, then the next path
                self.write_error(
                    f"Cannot parse path because path '{path}' does not have a qualifier specified.",
                    "ParsePathFormatError",
                    "InvalidArgument",
                    path,
                )
                return None
            return qualifier
        if self.NoQualifier:
            return path[len(qualifier) :]
        if sep < 0:
            return ""
        if sep == 0:
            return trimmed[0] if trimmed != trimmed[0] else ""
        return trimmed[:sep]


@cmdlet(
    "Clear-Content",
    aliases=("clc",),
    module="Microsoft.PowerShell.Management",
    default_set="Path",
    supports_should_process=True,
    synopsis="Deletes the contents of an item, but does not delete the item.",
    examples=(("Clear-Content ./logs/*.log", "Empty every log file, keeping the files."),),
)
class ClearContent(Cmdlet):
    """ClearContentCommand: each file is truncated to nothing; a path that matches nothing is an error."""

    parameters = (
        *path_parameters(),
        Parameter("Force", "switch"),
    )

    def process(self):
        literal = self.parameter_set == "LiteralPath"
        for typed in as_list(self.LiteralPath if literal else self.Path):
            matches = resolve_paths(self, [typed], literal)
            if not matches or not all(os.path.lexists(full) for _, full in matches):
                write_not_found(self, str(typed), full_path(self, typed))
                continue
            for _, full in matches:
                if os.path.isdir(full):
                    continue  # the FileSystem provider clears files only
                if self.should_process(f"Item: {full}", "Clear Content"):
                    with open(full, "r+b") as fh:
                        fh.truncate(0)
