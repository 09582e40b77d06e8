"""What goes wrong with the sandbox's file, said so a user can act on it.

SQLite and the OS report a full disk, a lock held too long, a damaged file, a read-only or
missing folder as `sqlite3.Error`/`OSError` with terse texts ("database or disk is full").  The
sandbox turns each into a `StorageError`: a `CloudError` (so the cmdlets report it like any
service error, non-terminating, `-ErrorAction Stop` honoured) whose message names the file, says
that nothing was changed (every change is one transaction, rolled back on failure) and how to
recover, with a PowerShell error category and .NET exception type that fit.
"""

from __future__ import annotations

import errno
import os
import sqlite3
from pathlib import Path

from pscompat.azure.backends.base import CloudError

# SQLite primary result codes (https://www.sqlite.org/rescode.html)
_PERM, _BUSY, _LOCKED, _READONLY, _IOERR, _CORRUPT, _FULL, _CANTOPEN, _AUTH, _NOTADB = (
    3,
    5,
    6,
    8,
    10,
    11,
    13,
    14,
    23,
    26,
)
# the same by message, for Pythons before 3.11 (no sqlite_errorcode)
_BY_TEXT = (
    ("database or disk is full", _FULL),
    ("database is locked", _BUSY),
    ("database table is locked", _LOCKED),
    ("malformed", _CORRUPT),
    ("file is not a database", _NOTADB),
    ("readonly database", _READONLY),
    ("unable to open database file", _CANTOPEN),
    ("disk i/o error", _IOERR),
)
UNCHANGED = "Nothing was changed."
SANDBOX_CLI = "python -m pscompat.azure.sandbox"


class StorageError(CloudError):
    """The sandbox's storage failed; no request reached a service, so no OperationID line."""

    def __init__(self, code: str, message: str, http_status: int, category: str, exception_type: str):
        super().__init__(code, message, http_status)
        self.category = category
        self.exception_type = exception_type
        self.error_id = code

    @property
    def classic_message(self) -> str:
        return f"{self.code}: {self.message}"


def lock_timeout() -> float:
    """Seconds a change waits for another process's write lock (PSCOMPAT_SANDBOX_LOCK_TIMEOUT)."""
    try:
        return max(0.0, float(os.environ.get("PSCOMPAT_SANDBOX_LOCK_TIMEOUT") or 60))
    except ValueError:
        return 60.0


def disk_full(path: Path, why: str = "the disk is full") -> StorageError:
    return StorageError(
        "SandboxDiskFull",
        f"The Azure sandbox could not write {path}: {why}. {UNCHANGED} Free some space on that disk, or move "
        "the sandbox with PSCOMPAT_HOME=<a folder on another disk>, then run the command again.",
        507,
        "WriteError",
        "System.IO.IOException",
    )


def busy(path: Path) -> StorageError:
    holders = _holders(path)
    by = f" (held by {', '.join(holders)})" if holders else ""
    return StorageError(
        "SandboxBusy",
        f"The Azure sandbox {path} stayed locked by another process{by} for {lock_timeout():g} seconds. "
        f"{UNCHANGED} Let the other pscompat session finish its command (or close the program that has the "
        "file open), then run the command again; PSCOMPAT_SANDBOX_LOCK_TIMEOUT sets how long to wait.",
        503,
        "ResourceBusy",
        "System.TimeoutException",
    )


def damaged(path: Path, why: str) -> StorageError:
    return StorageError(
        "SandboxDamaged",
        f"The Azure sandbox {path} is damaged ({why}). {UNCHANGED} `{SANDBOX_CLI} check` shows what is wrong; "
        f"`{SANDBOX_CLI} reset` starts a fresh sandbox and keeps the damaged file next to it.",
        500,
        "InvalidData",
        "System.IO.InvalidDataException",
    )


def read_only(where: Path, why: str) -> StorageError:
    return StorageError(
        "SandboxReadOnly",
        f"The Azure sandbox cannot write {where}: {why}. {UNCHANGED} Make that folder writable for you, or "
        "point PSCOMPAT_HOME at a folder you can write, then run the command again.",
        403,
        "PermissionDenied",
        "System.UnauthorizedAccessException",
    )


def no_home(why: str) -> StorageError:
    return StorageError(
        "SandboxHomeMissing",
        f"The Azure sandbox has no folder to keep its data in: {why}. Set PSCOMPAT_HOME to a folder you can "
        "write (it is created when missing), then run the command again.",
        500,
        "ResourceUnavailable",
        "System.IO.DirectoryNotFoundException",
    )


def newer(path: Path, version: str) -> StorageError:
    return StorageError(
        "SandboxNewerVersion",
        f"The Azure sandbox {path} was made by a newer pscompat (store version {version}). {UNCHANGED} "
        "Update pscompat, or point PSCOMPAT_HOME at another folder.",
        500,
        "InvalidData",
        "System.IO.InvalidDataException",
    )


def translate(exc: BaseException, path: Path) -> StorageError:
    """The StorageError for a sqlite3.Error or OSError met while using the store at `path`."""
    if isinstance(exc, StorageError):
        return exc
    if isinstance(exc, OSError):
        return _os_error(exc, path)
    code = getattr(exc, "sqlite_errorcode", None)
    text = str(exc)
    if code is None:
        code = next((c for t, c in _BY_TEXT if t in text.lower()), _IOERR)
    code &= 0xFF
    if code == _FULL:
        return disk_full(path)
    if code in (_BUSY, _LOCKED):
        return busy(path)
    if code in (_CORRUPT, _NOTADB):
        return damaged(path, text)
    if code in (_READONLY, _PERM, _AUTH, _CANTOPEN):
        return _cannot_open(path, text)
    return StorageError(
        "SandboxIOError",
        f"The Azure sandbox could not read or write {path} ({text}). {UNCHANGED} Check that disk (free space, "
        f"errors) and run `{SANDBOX_CLI} check`, then run the command again.",
        500,
        "WriteError",
        "System.IO.IOException",
    )


def _os_error(exc: OSError, path: Path) -> StorageError:
    where = Path(exc.filename) if exc.filename else path
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return disk_full(where)
    if exc.errno == errno.EFBIG:
        return disk_full(where, "the file reached the size limit of this process or file system")
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return read_only(where, exc.strerror or "permission denied")
    if exc.errno in (errno.ENOENT, errno.ENOTDIR, errno.EEXIST):
        return no_home(f"{where} cannot be made ({exc.strerror})")
    return StorageError(
        "SandboxIOError",
        f"The Azure sandbox could not use {where} ({exc.strerror or exc}). {UNCHANGED} Check that disk and "
        "folder, then run the command again.",
        500,
        "WriteError",
        "System.IO.IOException",
    )


def _cannot_open(path: Path, text: str) -> StorageError:
    """SQLite's 'readonly database' / 'unable to open database file': say which folder or file."""
    folder = path.parent
    if not folder.is_dir():
        return no_home(f"{folder} does not exist")
    for where in (folder, path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        if where.exists() and not os.access(where, os.W_OK):
            return read_only(where, "it is read-only for you")
    if not os.access(folder, os.W_OK | os.X_OK):
        return read_only(folder, "it is read-only for you")
    return read_only(path, text)


def _holders(path: Path) -> list[str]:
    """Other processes with the database (or its WAL) open, best effort (Linux /proc; own user)."""
    wanted = {str(path), f"{path}-wal", f"{path}-shm"}
    found = []
    try:
        pids = [p for p in os.listdir("/proc") if p.isdigit() and int(p) != os.getpid()]
    except OSError:
        return []
    for pid in pids:
        try:
            fds = os.listdir(f"/proc/{pid}/fd")
            if any(os.readlink(f"/proc/{pid}/fd/{fd}") in wanted for fd in fds):
                with open(f"/proc/{pid}/comm") as fh:
                    found.append(f"process {pid}: {fh.read().strip()}")
        except OSError:
            continue
        if len(found) >= 3:
            break
    return found


def sqlite_errors() -> tuple[type[BaseException], ...]:
    """What `translate` understands (for `except` clauses)."""
    return (sqlite3.Error, OSError)
