"""The generated function's text and namespace: lines, constants, temporaries and the markers
that remember which syntax node a piece of code stands for (for error positions)."""

from __future__ import annotations

import math
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any


class Unsupported(Exception):
    """The generator does not handle this node: the caller falls back to the closure compiler."""


_PLAIN_LITERALS = (int, str, bool)


class Emitter:
    """Collects one generated function.  Names in the namespace start with `_`: constants
    `_k<n>`, fallback closures `_f<n>` / `_s<n>`, located calls `_L<n>_<what>` (an error raised
    inside such a call, or inside a `(_L<n> and ...)` wrapper, is reported at the node's span,
    as the closure compiler's `located` wrapper does)."""

    def __init__(self) -> None:
        self.namespace: dict[str, Any] = {}
        self.lines: list[str] = []
        self.spans: dict[str, Any] = {}  # marker name -> span
        self.depth = 1
        self._count = 0

    def fresh(self, prefix: str) -> str:
        self._count += 1
        return f"{prefix}{self._count}"

    def const(self, value: Any, prefix: str = "_k") -> str:
        name = self.fresh(prefix)
        self.namespace[name] = value
        return name

    def literal(self, value: Any) -> str:
        """Python source for a constant: its repr when that round-trips exactly, else a name."""
        t = type(value)
        if value is None or t in _PLAIN_LITERALS:
            return repr(value)
        if t is float and math.isfinite(value):
            return repr(value)
        return self.const(value)

    def located(self, value: Any, span: Any, what: str = "op") -> str:
        """A name for `value` whose calls (or `and`-wrapped expressions) report errors at span."""
        name = self.fresh("_L") + "_" + what
        self.namespace[name] = value
        self.spans[name] = span
        return name

    def temp(self) -> str:
        return self.fresh("_t")

    def line(self, text: str) -> None:
        self.lines.append("    " * self.depth + text)

    @contextmanager
    def indent(self) -> Iterator[None]:
        self.depth += 1
        try:
            yield
        finally:
            self.depth -= 1
