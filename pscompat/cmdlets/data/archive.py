"""Compress-Archive and Expand-Archive as the Microsoft.PowerShell.Archive module 1.2.5 that pwsh 7
ships does them (Microsoft.PowerShell.Archive.psm1, en-US/ArchiveResources.psd1), over zipfile.

Compress: a file is stored under its name, a folder under its own name with everything below it
(empty folders as `name/` entries), `folder/*` under the names inside it; `.zip` is added to a
destination without an extension; an existing archive needs -Update (entries replaced by name) or
-Force (a new archive).  Expand: into -DestinationPath, else a folder named after the archive in
the current location; an existing file is an error unless -Force; an entry whose path would leave
the destination (`../x`, an absolute name) is refused as a bad entry, never written.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import zipfile

from pscompat.cmdlets.items import item
from pscompat.cmdlets.paths import as_list, full_path, path_parameters, resolve_paths
from pscompat.engine.commands import Cmdlet, Parameter, cmdlet

_MODULE = "Microsoft.PowerShell.Archive"
_LEVELS = {
    "optimal": (zipfile.ZIP_DEFLATED, 6),
    "fastest": (zipfile.ZIP_DEFLATED, 1),
    "nocompression": (zipfile.ZIP_STORED, None),
}


class _ArchiveCmdlet(Cmdlet):
    def script_error_id(self, error_id: str) -> str:
        """The module's commands are script functions in pwsh: their error ids end in the command's
        name (`ArchiveFileExists,Compress-Archive`), not in a cmdlet class."""
        return f"{error_id},{self.info.name}"


def _entries_for(full: str) -> list[tuple[str, str | None]]:
    """(entry name, file path or None for a folder entry) for one resolved input path: a folder's
    entries are named from the folder itself down (`folder/*` was already expanded to its items)."""
    if os.path.isfile(full):
        return [(os.path.basename(full), full)]
    base = os.path.dirname(full.rstrip("/"))
    out: list[tuple[str, str | None]] = []
    for root, dirs, files in os.walk(full):
        dirs.sort()
        rel_root = os.path.relpath(root, base)
        if not dirs and not files:
            out.append((rel_root.replace(os.sep, "/") + "/", None))
        for name in sorted(files):
            out.append((os.path.relpath(os.path.join(root, name), base).replace(os.sep, "/"), os.path.join(root, name)))
    return out


@cmdlet(
    "Compress-Archive",
    module=_MODULE,
    default_set="Path",
    supports_should_process=True,
    synopsis="Creates a compressed archive, or zipped file, from specified files and directories.",
    examples=(
        ("Compress-Archive -Path ./logs -DestinationPath logs.zip", "A folder and everything in it."),
        ("Get-ChildItem *.ps1 | Compress-Archive -DestinationPath scripts -Update", "Add or replace files."),
    ),
)
class CompressArchive(_ArchiveCmdlet):
    parameters = (
        *path_parameters(pipeline=True),
        Parameter("DestinationPath", "string", position=1, mandatory=True),
        Parameter(
            "CompressionLevel", "string", validate_set=("Optimal", "NoCompression", "Fastest"), default="Optimal"
        ),
        Parameter("Update", "switch"),
        Parameter("Force", "switch"),
        Parameter("PassThru", "switch"),
    )

    def begin(self):
        dest = full_path(self, self.DestinationPath)
        parent = os.path.dirname(dest) or "."
        if not os.path.isdir(parent):
            self.throw_terminating(
                f"The path '{parent}' either does not exist or is not a valid file system path.",
                self.script_error_id("PathNotFound"),
                "InvalidArgument",
                parent,
                "System.InvalidOperationException",
            )
        if not os.path.splitext(dest)[1]:
            self.write_verbose(
                f"The archive file path '{dest}' supplied to the DestinationPath parameter does not include .zip "
                f"extension. Hence .zip is appended to the supplied DestinationPath path and the archive file would "
                f"be created at '{dest}.zip'."
            )
            dest += ".zip"
        if os.path.isfile(dest) and not self.Update and not self.Force:
            self.throw_terminating(
                f"The archive file {dest} already exists. Use the -Update parameter to update the existing archive "
                "file or use the -Force parameter to overwrite the existing archive file.",
                self.script_error_id("ArchiveFileExists"),
                "InvalidArgument",
                dest,
                "System.IO.IOException",
            )
        self._dest = dest
        self._inputs: list[tuple[str, str]] = []

    def process(self):
        literal = self.parameter_set == "LiteralPath"
        for typed in as_list(self.LiteralPath if literal else self.Path):
            resolved = resolve_paths(self, [typed], literal)
            for shown, full in resolved or [(str(typed), full_path(self, typed))]:
                if not os.path.exists(full):
                    self.throw_terminating(
                        f"The path '{shown}' either does not exist or is not a valid file system path.",
                        self.script_error_id("PathNotFound"),
                        "InvalidArgument",
                        shown,
                        "System.InvalidOperationException",
                    )
                if any(full == seen for _, seen in self._inputs):
                    name = "LiteralPath" if literal else "Path"
                    self.throw_terminating(
                        f"The input to {name} parameter contains a duplicate path '{shown}'. Provide a unique set of "
                        f"paths as input to {name} parameter.",
                        self.script_error_id("DuplicatePathFound"),
                        "InvalidArgument",
                        shown,
                        "System.InvalidOperationException",
                    )
                self._inputs.append((str(typed), full))

    def end(self):
        if not self._inputs or not self.should_process(self._dest):
            return None
        method, level = _LEVELS[str(self.CompressionLevel or "Optimal").lower()]
        entries: dict[str, str | None] = {}
        for _, full in self._inputs:
            for name, path in _entries_for(full):
                entries[name] = path
        updating = bool(self.Update) and os.path.isfile(self._dest)
        # write a new file beside the destination, then move it over: a failed run leaves the
        # old archive (or none), never a partial one
        fd, temp = tempfile.mkstemp(prefix=".archive-", suffix=".zip", dir=os.path.dirname(self._dest))
        os.close(fd)
        try:
            with zipfile.ZipFile(temp, "w", method, compresslevel=level) as out:
                if updating:
                    with zipfile.ZipFile(self._dest) as old:
                        for info in old.infolist():
                            if info.filename not in entries:
                                out.writestr(info, old.read(info))
                for name, path in entries.items():
                    self.write_verbose(f"Adding '{path or name}'.")
                    if path is None:
                        out.writestr(zipfile.ZipInfo(name), b"")
                    else:
                        out.write(path, name)
            os.replace(temp, self._dest)
        except BaseException:
            if os.path.exists(temp):
                os.unlink(temp)
            raise
        return [item(self._dest)] if self.PassThru else None


@cmdlet(
    "Expand-Archive",
    module=_MODULE,
    default_set="Path",
    supports_should_process=True,
    synopsis="Extracts files from a specified archive (zipped) file.",
    examples=(
        ("Expand-Archive logs.zip", "Into ./logs."),
        ("Expand-Archive -Path logs.zip -DestinationPath /tmp/x -Force", "Over existing files."),
    ),
)
class ExpandArchive(_ArchiveCmdlet):
    parameters = (
        Parameter("Path", "string", position=0, mandatory=True, pipeline=True, pipeline_by_name=True, sets=("Path",)),
        Parameter(
            "LiteralPath",
            "string",
            mandatory=True,
            pipeline_by_name=True,
            aliases=("PSPath", "LP"),
            sets=("LiteralPath",),
        ),
        Parameter("DestinationPath", "string", position=1),
        Parameter("Force", "switch"),
        Parameter("PassThru", "switch"),
    )

    def process(self):
        literal = self.parameter_set == "LiteralPath"
        typed = str(self.LiteralPath if literal else self.Path)
        resolved = resolve_paths(self, [typed], literal)
        if len(resolved) > 1:
            name = "LiteralPath" if literal else "Path"
            self.throw_terminating(
                f"The archive file path '{typed}' specified as input to the {name} parameter is resolving to multiple "
                f"file system paths. Provide a unique path to the {name} parameter where the archive file has to be "
                "created.",
                self.script_error_id("InvalidArchiveFilePath"),
                "InvalidArgument",
                typed,
                "System.InvalidOperationException",
            )
        archive = resolved[0][1] if resolved else full_path(self, typed)
        if not os.path.isfile(archive):
            self.throw_terminating(
                f"The path '{typed}' either does not exist or is not a valid file system path.",
                self.script_error_id("PathNotFound"),
                "InvalidArgument",
                typed,
                "System.InvalidOperationException",
            )
        if os.path.splitext(archive)[1].lower() != ".zip":
            self.throw_terminating(
                f"{os.path.splitext(archive)[1]} is not a supported archive file format. .zip is the only supported "
                "archive file format.",
                self.script_error_id("NotSupportedArchiveFileExtension"),
                "InvalidArgument",
                archive,
                "System.IO.IOException",
            )
        if self.DestinationPath:
            dest = full_path(self, self.DestinationPath)
        else:
            dest = os.path.join(os.getcwd(), os.path.splitext(os.path.basename(archive))[0])
        if not self.should_process(archive):
            return None
        return self._expand(archive, dest)

    def _expand(self, archive: str, dest: str) -> list:
        os.makedirs(dest, exist_ok=True)
        root = os.path.realpath(dest) + os.sep
        made: list[str] = []
        try:
            zf = zipfile.ZipFile(archive)
        except zipfile.BadZipFile:
            self.throw_terminating(
                f"The archive file '{archive}' is not a valid zip archive.",
                self.script_error_id("InvalidArchiveFile"),
                "InvalidData",
                archive,
                "System.IO.InvalidDataException",
            )
        with zf:
            if not zf.infolist():
                self.write_verbose(f"The archive file {archive} is empty.")
            for info in zf.infolist():
                target = os.path.realpath(os.path.join(root, info.filename))
                if not (target + (os.sep if info.is_dir() else "")).startswith(root) or target + os.sep == root:
                    self.write_error(
                        f"Can not process invalid archive entry '{info.filename}'.",
                        self.script_error_id("BadArchiveEntry"),
                        "NotSpecified",
                        info.filename,
                    )
                    continue
                if info.is_dir():
                    if not os.path.isdir(target):
                        os.makedirs(target, exist_ok=True)
                        made.append(target)
                    continue
                if os.path.exists(target) and not self.Force:
                    self.write_error(
                        f"Failed to create file '{target}' while expanding the archive file '{archive}' contents as the "
                        f"file '{target}' already exists. Use the -Force parameter if you want to overwrite the "
                        f"existing directory '{target}' contents when expanding the archive file.",
                        self.script_error_id("ExpandArchiveFileExists"),
                        "InvalidOperation",
                        target,
                        "System.IO.IOException",
                    )
                    continue
                os.makedirs(os.path.dirname(target), exist_ok=True)
                with zf.open(info) as src, open(target, "wb") as out:
                    shutil.copyfileobj(src, out)
                self.write_verbose(f"Created '{target}'.")
                made.append(target)
        return [item(p) for p in made] if self.PassThru else []
