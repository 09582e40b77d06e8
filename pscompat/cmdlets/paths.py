"""File-system paths as the file cmdlets take them: relative to the session's location, `~`
expanded, wildcards (unless -LiteralPath) expanded to the existing files they match, and the
ItemNotFound error for a path that does not exist."""

from __future__ import annotations

import glob
import os

from pscompat.cmdlets.wildcards import has_wildcard
from pscompat.engine import fs_drives


def native_path(path) -> str:
    """A path as typed, in this system's spelling (engine/fs_drives.native_path)."""
    return fs_drives.native_path(str(path))


def full_path(cmd, path: str) -> str:
    return os.path.normpath(os.path.join(cmd.ctx.cwd, native_path(path)))


def as_list(value) -> list:
    if value is None:
        return []
    return list(value) if isinstance(value, (list, tuple)) else [value]


def resolve_paths(cmd, paths, literal: bool) -> list[tuple[str, str]]:
    """(as typed, full path) for each path; wildcards expand to existing files."""
    out = []
    for path in as_list(paths):
        full = full_path(cmd, path)
        if not literal and has_wildcard(str(path)):
            matches = sorted(glob.glob(full))
            if not matches:
                continue
            out.extend((m, m) for m in matches)
        else:
            out.append((str(path), full))
    return out


def write_not_found(cmd, path: str, full: str) -> None:
    cmd.write_error(
        f"Cannot find path '{full}' because it does not exist.",
        "PathNotFound",
        "ObjectNotFound",
        full,
        "System.Management.Automation.ItemNotFoundException",
    )


def path_parameters(
    pipeline: bool = False, path_set: str = "Path", literal_set: str = "LiteralPath", mandatory: bool = True
) -> tuple:
    """The -Path (wildcards, position 0) and -LiteralPath (aliases PSPath, LP) pair most file
    cmdlets declare, each in its own parameter set; both bind by property name from piped items."""
    from pscompat.engine.commands import Parameter

    return (
        Parameter(
            "Path",
            "string[]",
            position=0,
            mandatory=mandatory,
            pipeline=pipeline,
            pipeline_by_name=True,
            sets=(path_set,),
        ),
        Parameter(
            "LiteralPath",
            "string[]",
            mandatory=True,
            pipeline_by_name=True,
            aliases=("PSPath", "LP"),
            sets=(literal_set,),
        ),
    )
