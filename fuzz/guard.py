"""Keeps a fuzz run from touching anything outside its scratch directory.

Mutated scripts can name any path (`Remove-Item ..`, `1 > /etc/x`).  The fuzzer runs the
engine in-process, so the guard wraps Python's own file-system entry points: opening a file
for writing, removing, renaming, creating directories and changing directory all raise
PermissionError unless the target is inside the scratch directory.  Reading stays allowed.
Native commands never start because the fuzzer empties PATH.
"""

from __future__ import annotations

import builtins
import io
import os
import shutil

_WRITE_MODES = set("wax+")


class Guard:
    def __init__(self, root: str):
        self.root = os.path.realpath(root)
        self._saved: list = []

    def allowed(self, path) -> bool:
        if isinstance(path, int):  # an already-open descriptor: it passed the check when opened
            return True
        try:
            target = os.path.realpath(os.fspath(path))
        except (TypeError, ValueError):
            return False
        if target == os.devnull:  # writing to /dev/null changes nothing (the CLI sends a closed pipe there)
            return True
        return target == self.root or target.startswith(self.root + os.sep)

    def _check(self, path, action: str) -> None:
        if not self.allowed(path):
            raise PermissionError(f"fuzz guard: {action} outside the scratch directory: {path!r}")

    def _wrap(self, module, name: str, paths=(0,), write_only: bool = False) -> None:
        original = getattr(module, name)

        def guarded(*args, **kwargs):
            if kwargs.get("dir_fd") is not None or kwargs.get("src_dir_fd") is not None:
                raise PermissionError("fuzz guard: dir_fd operations are not allowed")
            if write_only:
                mode = args[1] if len(args) > 1 else kwargs.get("mode", "r")
                if not (isinstance(mode, str) and _WRITE_MODES & set(mode)):
                    return original(*args, **kwargs)
            for index in paths:
                if index < len(args):
                    self._check(args[index], name)
            return original(*args, **kwargs)

        self._saved.append((module, name, original))
        setattr(module, name, guarded)

    def _wrap_os_open(self) -> None:
        original = os.open
        writing = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND

        def guarded(path, flags, *args, **kwargs):
            if flags & writing:
                if kwargs.get("dir_fd") is not None:
                    raise PermissionError("fuzz guard: dir_fd operations are not allowed")
                self._check(path, "open")
            return original(path, flags, *args, **kwargs)

        self._saved.append((os, "open", original))
        os.open = guarded

    def __enter__(self):
        self._wrap(builtins, "open", write_only=True)
        self._wrap(io, "open", write_only=True)
        self._wrap_os_open()
        for name in ("remove", "unlink", "rmdir", "mkdir", "makedirs", "chdir", "utime", "chmod", "truncate"):
            self._wrap(os, name)
        for name in ("rename", "replace", "link", "symlink"):
            self._wrap(os, name, paths=(0, 1))
        self._wrap(shutil, "rmtree")
        for name in ("copy", "copy2", "copyfile", "copytree", "move"):
            self._wrap(shutil, name, paths=(1,))
        return self

    def __exit__(self, *exc):
        for module, name, original in reversed(self._saved):
            setattr(module, name, original)
        self._saved.clear()
        return False
