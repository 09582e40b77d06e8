"""File-system drives other than the root: a name bound to a folder, so `TestDrive:\\x.txt`
names `<folder>/x.txt` for every cmdlet that takes a path (Pester's TestDrive, New-PSDrive's
FileSystem drives in about_Providers).

The current location is the process's (os.chdir), so these drives are kept per process too:
`add` binds a name, `remove` unbinds it, and `native_path` rewrites a path that starts with a
bound name before anything else reads it (the file cmdlets through cmdlets/paths, and the
engine's `> file` redirections).
"""

from __future__ import annotations

import os

_ROOTS: dict[str, str] = {}  # drive name (lower case) -> folder


def add(name: str, root: str) -> None:
    _ROOTS[name.lower()] = os.path.abspath(root)


def remove(name: str) -> None:
    _ROOTS.pop(name.lower(), None)


def root_of(name: str) -> str | None:
    return _ROOTS.get(name.lower())


def translate(path: str) -> str:
    """`Name:\\rest` → `<root>/rest` for a bound drive name; any other path unchanged."""
    if not _ROOTS:
        return path
    drive, sep, rest = path.partition(":")
    if not sep or "/" in drive or "\\" in drive:
        return path
    root = _ROOTS.get(drive.lower())
    if root is None:
        return path
    rest = rest.lstrip("\\/")
    return os.path.join(root, rest) if rest else root


def native_path(path: str) -> str:
    """A path as typed, in this system's spelling: pwsh on Linux takes a backslash for the
    separator too (SessionStateStrings.AlternatePathSeparator, FileSystemProvider.NormalizePath),
    so a pasted `.\\logs\\app.txt` names logs/app.txt; `~` is the home folder, and a bound drive
    name is its folder."""
    path = translate(path)
    if os.sep == "/":
        path = path.replace("\\", "/")
    return os.path.expanduser(path)
