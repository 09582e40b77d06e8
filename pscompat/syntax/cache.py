"""Parsed scripts kept on disk between runs of the command line, like Python's __pycache__.

Building the grammar means importing pyparsing (~40 ms) and compiling ~100 regular
expressions (~15 ms): more than half of `pscompat -c '...'`.  A script or command line that
has run before loads its syntax tree from the cache instead and never imports the parser.

- Where: $PSCOMPAT_CACHE_DIR, else $XDG_CACHE_HOME/pscompat, else ~/.cache/pscompat
  (PSCOMPAT_CACHE_DIR set to an empty string turns the cache off); trees are in its `ast`
  folder.
- Key: the script text, its name (error messages show it) and the size and mtime of every
  module that shapes a tree, so editing the grammar (or upgrading pscompat) never serves a
  stale tree.  A tree is only stored for text that parsed; parse errors are not cached.
- The file is a header (MAGIC, the format version, the SHA-256 of the payload) and `marshal`
  data, as a .pyc is (marshal is built in: pickle would cost the start its import), holding the
  tree as nested tuples (see _encode).  Decoding builds only syntax-tree classes, numbers and
  strings, so a tampered file cannot name any other callable.  Any doubt (another magic or
  version, a checksum that does not match, data that does not decode to a tree) means the
  script is parsed again, silently, and the file rewritten.
- The folder is trusted only when it is a real directory (not a link) owned by the user and
  writable by nobody else; it is created 0700 and its files 0600.  Every file is opened
  relative to the folder's descriptor with O_NOFOLLOW, read only when it is a regular file of
  a bounded size owned by the user (a planted link, FIFO or device is skipped, never read or
  waited on), and eviction removes only regular files whose names the cache writes, in that
  folder: it never follows a link out of it.
- Size: at most MAX_FILES trees.  Loading a tree touches its file; storing one past the limit
  removes the least recently used tenth, so `pscompat -c "... $i"` in a shell loop cannot fill
  the disk.
"""

from __future__ import annotations

import marshal
import os
import re
import stat
from decimal import Decimal
from typing import Any

from pscompat.records import Record
from pscompat.source import Span
from pscompat.syntax import nodes
from pscompat.values.dotnet import integers as numtypes

try:  # CPython's built-in SHA-256: hashlib would load OpenSSL first (~3 ms of every start)
    from _sha256 import sha256  # type: ignore[import-not-found,unused-ignore]  # CPython <= 3.11, no stub
except ImportError:
    try:
        from _sha2 import sha256  # type: ignore[import-not-found,unused-ignore]  # CPython >= 3.12, no stub
    except ImportError:
        from hashlib import sha256

# The modules whose code decides what a parse returns: these and every grammar*.py.
# Besides every module of this folder (the grammar, its builders, the nodes, this file), the
# modules outside it whose code shapes a stored tree, relative to the package root.
_SHAPERS = ("records.py", "source.py", os.path.join("values", "dotnet", "integers.py"))
_VERSION = b"3"
MAX_FILES = 2000
MAGIC = b"pscompat-tree\0"
_FORMAT = b"\x03"  # the header layout and encoding below
_DIGEST_SIZE = 32
_HEADER_SIZE = len(MAGIC) + len(_FORMAT) + _DIGEST_SIZE
MAX_BYTES = 256 << 20  # a larger file is not read (a tree is ~30 bytes a source character)
# The names the cache writes: trees and the temporary files they are written through.
_TREE_NAME = re.compile(r"[0-9a-f]{64}\.tree\Z")
_TEMP_NAME = re.compile(r"\.tmp-[0-9a-f]{64}-\d+-[0-9a-f]{16}\Z")
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_DIRECTORY = getattr(os, "O_DIRECTORY", 0)
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)  # opening a planted FIFO must not wait for a writer


def cache_dir() -> str | None:
    configured = os.environ.get("PSCOMPAT_CACHE_DIR")
    if configured is not None:
        return configured or None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "pscompat")


def _fingerprint() -> bytes:
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(here)
    parts = [_VERSION]
    syntax = sorted(name for name in os.listdir(here) if name.endswith(".py"))
    for path in (*(os.path.join(here, n) for n in syntax), *(os.path.join(root, m) for m in _SHAPERS)):
        try:
            st = os.stat(path)
        except OSError:
            parts.append(b"-")
            continue
        parts.append(f"{st.st_size}:{st.st_mtime_ns}".encode())
    return b"|".join(parts)


def tree_name(text: str, name: str) -> str:
    """The file name of a script's tree in the `ast` folder."""
    digest = sha256(_fingerprint())
    digest.update(b"\0" + name.encode("utf-8", "surrogatepass") + b"\0" + text.encode("utf-8", "surrogatepass"))
    return str(digest.hexdigest()) + ".tree"


# Tags of the encoded tree: a record (class name, field values), a tuple, a Decimal, a sized
# integer (Int64, Byte...: pscompat.values.dotnet.integers).  Strings, ints, floats, bools and None are
# themselves; every container is a tagged tuple, so the two never mix.
_RECORD, _TUPLE, _DECIMAL, _SIZED = "r", "t", "d", "n"
_PLAIN = (str, int, float, bool, type(None))


def _encode(value: object) -> Any:
    kind = type(value)
    if kind in _PLAIN:
        return value
    if isinstance(value, Record):
        return (_RECORD, kind.__name__, tuple(_encode(getattr(value, f)) for f in value.__record_fields__))
    if isinstance(value, tuple) and kind is tuple:
        return (_TUPLE, tuple(_encode(v) for v in value))
    if kind is Decimal:
        return (_DECIMAL, str(value))
    if isinstance(value, numtypes.SizedInt):
        return (_SIZED, kind.__name__, int(value))
    raise TypeError(f"a {kind.__name__} in a syntax tree cannot be cached")


def _class(name: str) -> type:
    cls = Span if name == "Span" else getattr(nodes, name, None)
    if not (isinstance(cls, type) and issubclass(cls, Record) and cls is not Record):
        raise ValueError(f"{name} is not a syntax-tree class")
    return cls


def _decode(value: object) -> Any:
    if type(value) is not tuple:
        return value
    tag = value[0]
    if tag == _RECORD:
        return _class(value[1])(*(_decode(v) for v in value[2]))
    if tag == _TUPLE:
        return tuple(_decode(v) for v in value[1])
    if tag == _DECIMAL:
        return Decimal(value[1])
    if tag == _SIZED:
        cls = getattr(numtypes, value[1], None)
        if not (isinstance(cls, type) and issubclass(cls, numtypes.SizedInt) and cls is not numtypes.SizedInt):
            raise ValueError(f"{value[1]} is not a sized integer type")
        return cls(value[2])
    raise ValueError(f"unknown tag {tag!r}")


def _pack(tree: nodes.ScriptBlock) -> bytes:
    payload = marshal.dumps(_encode(tree))
    digest: bytes = sha256(payload).digest()
    return MAGIC + _FORMAT + digest + payload


def _unpack(data: bytes) -> nodes.ScriptBlock | None:
    """The tree a file holds, or None for anything else."""
    if len(data) < _HEADER_SIZE or not data.startswith(MAGIC + _FORMAT):
        return None
    digest, payload = data[len(MAGIC) + len(_FORMAT) : _HEADER_SIZE], data[_HEADER_SIZE:]
    if sha256(payload).digest() != digest:  # truncated or changed
        return None
    try:
        tree = _decode(marshal.loads(payload))
    except Exception:  # from an incompatible version, or built to break the decoder
        return None
    return tree if isinstance(tree, nodes.ScriptBlock) else None


def _open_folder(directory: str, create: bool) -> int | None:
    """A descriptor of the cache's `ast` folder, when it can be trusted (see the module's
    docstring); None otherwise.  Created 0700 when missing and `create` is set."""
    folder = os.path.join(directory, "ast")
    if create:
        try:
            os.makedirs(directory, mode=0o700, exist_ok=True)
            os.mkdir(folder, 0o700)
        except FileExistsError:
            pass
        except OSError:
            return None
    try:
        fd = os.open(folder, os.O_RDONLY | _DIRECTORY | _NOFOLLOW)
    except OSError:  # missing, a link, not a directory
        return None
    try:
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode) and _owned(st) and not st.st_mode & 0o022:
            return fd
    except OSError:
        pass
    os.close(fd)
    return None


def _owned(st: os.stat_result) -> bool:
    getuid = getattr(os, "getuid", None)
    return getuid is None or st.st_uid == getuid()


def _load(folder: int, name: str) -> nodes.ScriptBlock | None:
    try:
        fd = os.open(name, os.O_RDONLY | _NOFOLLOW | _NONBLOCK, dir_fd=folder)
    except OSError:  # missing, or a link
        return None
    try:
        st = os.fstat(fd)
        if not (stat.S_ISREG(st.st_mode) and _owned(st) and st.st_size <= MAX_BYTES):
            return None
        with os.fdopen(os.dup(fd), "rb") as fh:
            data = fh.read(MAX_BYTES + 1)
        tree = _unpack(data)
        if tree is not None:
            try:
                os.utime(fd)  # recently used: the last to be evicted
            except OSError:
                pass
        return tree
    except OSError:
        return None
    finally:
        os.close(fd)


def _store(folder: int, name: str, tree: nodes.ScriptBlock) -> None:
    try:
        data = _pack(tree)
    except (TypeError, ValueError, RecursionError):
        return  # an uncacheable tree only costs the next run its parse
    temp = f".tmp-{name[:64]}-{os.getpid()}-{os.urandom(8).hex()}"
    try:
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW, 0o600, dir_fd=folder)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            # atomic: a concurrent reader sees the old file or the whole new one
            os.replace(temp, name, src_dir_fd=folder, dst_dir_fd=folder)
        except BaseException:
            try:
                os.unlink(temp, dir_fd=folder)
            except OSError:
                pass
            raise
        _evict(folder)
    except OSError:
        pass  # a read-only or full disk only costs the next run its parse


def _evict(folder: int) -> None:
    """Past MAX_FILES trees, remove the least recently used tenth (and stray temporary files).
    Only regular files with the cache's own names count or go: a link is neither followed nor
    removed, and nothing outside the folder is touched."""
    entries = []
    with os.scandir(folder) as it:
        for entry in it:
            if not (_TREE_NAME.match(entry.name) or _TEMP_NAME.match(entry.name)):
                continue
            try:
                st = entry.stat(follow_symlinks=False)
            except OSError:
                continue
            if stat.S_ISREG(st.st_mode):
                entries.append((st.st_mtime, entry.name))
    if len(entries) <= MAX_FILES:
        return
    entries.sort()
    for _, stale in entries[: len(entries) - MAX_FILES * 9 // 10]:
        try:
            os.unlink(stale, dir_fd=folder)
        except OSError:
            pass  # another process removed it first


def parse(text: str, name: str = "<script>") -> nodes.ScriptBlock:
    """The syntax tree of `text`: from the disk cache when it is there, else parsed (and stored)."""
    directory = cache_dir()
    folder = None if directory is None else _open_folder(directory, create=True)
    if folder is None:  # no cache, or one that cannot be trusted: parse
        from pscompat.syntax.grammar import parse_cached

        return parse_cached(text, name)
    try:
        file_name = tree_name(text, name)
        tree = _load(folder, file_name)
        if tree is None:
            from pscompat.syntax.grammar import parse_cached

            tree = parse_cached(text, name)  # a ParseError propagates and nothing is stored
            _store(folder, file_name, tree)
        return tree
    finally:
        os.close(folder)


def pack_tree(tree: nodes.ScriptBlock) -> bytes:
    """A tree as bytes another pscompat process can read with unpack_tree (Start-Job sends its
    block this way, so the job's process need not load the parser)."""
    return _pack(tree)


def unpack_tree(data: bytes) -> nodes.ScriptBlock | None:
    """The tree pack_tree made, or None when data is not one."""
    return _unpack(data)
