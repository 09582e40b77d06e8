"""Parsed scripts kept on disk between runs of the command line, like Python's __pycache__.

Building the grammar means importing pyparsing (~40 ms) and compiling ~100 regular
expressions (~15 ms): more than half of `pscompat -c '...'`.  A script or command line that
has run before loads its syntax tree from the cache instead and never imports the parser.

- Where: $PSCOMPAT_CACHE_DIR, else $XDG_CACHE_HOME/pscompat, else ~/.cache/pscompat
  (PSCOMPAT_CACHE_DIR set to an empty string turns the cache off).
- Key: the script text, its name (error messages show it) and the size and mtime of every
  module that shapes a tree, so editing the grammar (or upgrading pscompat) never serves a
  stale tree.  A tree is only stored for text that parsed; parse errors are not cached.
- The file is `marshal` data, as a .pyc is (marshal is built in: pickle would cost the start
  its import), holding the tree as nested tuples (see _encode).  Decoding builds only
  syntax-tree classes, numbers and strings, so a tampered file cannot name any other callable.
  A file that fails to load is ignored and rewritten.
- Size: at most MAX_FILES trees.  Loading a tree touches its file; storing one past the limit
  removes the least recently used tenth, so `pscompat -c "... $i"` in a shell loop cannot fill
  the disk.
"""

from __future__ import annotations

import marshal
import os
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
_VERSION = b"2"
MAX_FILES = 2000


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


def _path(directory: str, text: str, name: str) -> str:
    digest = sha256(_fingerprint())
    digest.update(b"\0" + name.encode("utf-8", "surrogatepass") + b"\0" + text.encode("utf-8", "surrogatepass"))
    return os.path.join(directory, "ast", digest.hexdigest() + ".tree")


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


def _load(path: str) -> nodes.ScriptBlock | None:
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError:
        return None
    try:
        tree = _decode(marshal.loads(data))
        if not isinstance(tree, nodes.ScriptBlock):
            return None
    except Exception:  # truncated, tampered or from an incompatible version: parse again
        return None
    try:
        os.utime(path)  # recently used: the last to be evicted
    except OSError:
        pass
    return tree


def _store(path: str, tree: nodes.ScriptBlock) -> None:
    import tempfile  # only a script parsed for the first time is stored

    try:
        os.makedirs(os.path.dirname(path), mode=0o700, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=os.path.dirname(path), suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(marshal.dumps(_encode(tree)))
            os.replace(tmp, path)  # atomic: a concurrent reader sees the old file or the whole new one
        except BaseException:
            os.unlink(tmp)
            raise
        _evict(os.path.dirname(path))
    except (OSError, TypeError, ValueError, RecursionError):
        pass  # a read-only or full disk (or an uncacheable tree) only costs the next run its parse


def _evict(folder: str) -> None:
    """Past MAX_FILES trees, remove the least recently used tenth (and stray temporary files)."""
    entries = []
    with os.scandir(folder) as it:
        for entry in it:
            try:
                entries.append((entry.stat().st_mtime, entry.path))
            except OSError:
                continue
    if len(entries) <= MAX_FILES:
        return
    entries.sort()
    for _, stale in entries[: len(entries) - MAX_FILES * 9 // 10]:
        try:
            os.unlink(stale)
        except OSError:
            pass  # another process removed it first


def parse(text: str, name: str = "<script>") -> nodes.ScriptBlock:
    """The syntax tree of `text`: from the disk cache when it is there, else parsed (and stored)."""
    directory = cache_dir()
    if directory is None:
        from pscompat.syntax.grammar import parse_cached

        return parse_cached(text, name)
    path = _path(directory, text, name)
    tree = _load(path)
    if tree is None:
        from pscompat.syntax.grammar import parse_cached

        tree = parse_cached(text, name)  # a ParseError propagates and nothing is stored
        _store(path, tree)
    return tree
