"""Get-FileHash (GetHash.cs): the hash of each file, or of an -InputStream, as a FileHashInfo
(Algorithm, Hash in upper-case hex, Path); a missing file or a folder is a non-terminating error
and the next file goes on."""

from __future__ import annotations

import hashlib

from pscompat.cmdlets.paths import as_list, full_path, resolve_paths
from pscompat.cmdlets.wildcards import has_wildcard
from pscompat.engine.commands import Cmdlet, Parameter, cmdlet
from pscompat.values.convert.strings import to_string

_ALGORITHMS = ("SHA1", "SHA256", "SHA384", "SHA512", "MD5")


class FileHashInfo:
    PS_TYPE_NAMES = ("Microsoft.Powershell.Utility.FileHash", "System.Object")
    PS_PROPERTIES = ("Algorithm", "Hash", "Path")

    def __init__(self, algorithm: str, digest: str, path: str) -> None:
        self.Algorithm = algorithm
        self.Hash = digest
        self.Path = path

    def __repr__(self) -> str:
        return f"FileHashInfo({self.Algorithm!r}, {self.Hash!r}, {self.Path!r})"


def _digest(algorithm: str, chunks) -> str:
    h = hashlib.new(algorithm.lower())
    for chunk in chunks:
        h.update(chunk)
    return h.hexdigest().upper()


@cmdlet(
    "Get-FileHash",
    default_set="Path",
    synopsis="Computes the hash value for a file by using a specified hash algorithm.",
    examples=(
        ("Get-FileHash ./image.vhd", "SHA256 of a file."),
        ("Get-ChildItem *.ps1 | Get-FileHash -Algorithm MD5", "MD5 of each script."),
    ),
)
class GetFileHash(Cmdlet):
    parameters = (
        Parameter("Path", "string[]", position=0, mandatory=True, pipeline=True, pipeline_by_name=True, sets=("Path",)),
        Parameter(
            "LiteralPath",
            "string[]",
            position=0,
            mandatory=True,
            pipeline_by_name=True,
            aliases=("PSPath", "LP"),
            sets=("LiteralPath",),
        ),
        # position 0 in pwsh too, where the binder tries the default set first; ours would bind a
        # path array here, so the stream is named (its usual spelling: -InputStream $stream)
        Parameter("InputStream", "object", mandatory=True, sets=("StreamParameterSet",)),
        Parameter("Algorithm", "string", position=1, validate_set=_ALGORITHMS, default="SHA256"),
    )

    def process(self):
        if self.parameter_set == "StreamParameterSet":
            return None
        algorithm = str(self.Algorithm or "SHA256").upper()
        literal = self.parameter_set == "LiteralPath"
        paths = self.LiteralPath if literal else self.Path
        results = []
        for typed in as_list(paths):
            resolved = resolve_paths(self, [typed], literal)
            if not resolved and not literal and has_wildcard(str(typed)):
                continue  # a wildcard that matches nothing is silent, as in pwsh
            for _, full in resolved or [(typed, full_path(self, typed))]:
                digest = self._file_digest(algorithm, full)
                if digest is not None:
                    results.append(FileHashInfo(algorithm, digest, full))
        return results

    def _file_digest(self, algorithm: str, full: str) -> str | None:
        try:
            with open(full, "rb") as fh:
                return _digest(algorithm, iter(lambda: fh.read(1 << 20), b""))
        except FileNotFoundError:
            self.write_error(
                f"Cannot find path '{full}' because it does not exist.",
                "FileNotFound",
                "ObjectNotFound",
                full,
                "System.Management.Automation.ItemNotFoundException",
            )
        except (IsADirectoryError, PermissionError):
            # .NET's File.OpenRead on a folder is UnauthorizedAccessException
            self.write_error(
                f"Access to the path '{full}' is denied.",
                "UnauthorizedAccessError",
                "InvalidData",
                full,
                "System.UnauthorizedAccessException",
            )
        except OSError as exc:
            self.write_error(
                f"The file '{full}' cannot be read: {exc.strerror or exc}",
                "FileReadError",
                "ReadError",
                full,
                "System.IO.IOException",
            )
        return None

    def end(self):
        if self.parameter_set != "StreamParameterSet":
            return None
        stream = self.InputStream
        data = stream if isinstance(stream, (bytes, bytearray)) else bytes(stream) if isinstance(stream, list) else None
        if data is None:
            data = to_string(stream).encode("utf-8")
        algorithm = str(self.Algorithm or "SHA256").upper()
        return [FileHashInfo(algorithm, _digest(algorithm, [data]), "")]
