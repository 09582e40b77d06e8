"""Error positions for generated code, found only when something is raised (nothing is paid
on the normal path).

The closure compiler wraps nodes in `located` (errors take the innermost wrapper's span).
Generated code marks those nodes instead: a call of a name `_L<n>_...`, or an expression
wrapped as `(_L<n> and <expr>)`.  When an exception reaches a generated statement's handler,
the instruction that was running in the generated frame (the traceback's tb_lasti and the code
object's co_positions) is matched against the source ranges of the marked expressions; the
innermost one that contains it gives the span, else the statement's own span is used.
"""

from __future__ import annotations

import ast
from typing import Any, NoReturn

from pscompat.engine.compiler.expressions import raise_located
from pscompat.errors import PSError


class Markers:
    """The marked ranges of one generated source, parsed on the first error."""

    def __init__(self, text: str, spans: dict[str, Any]):
        self.text = text
        self.spans = spans
        self._ranges: list | None = None

    def ranges(self) -> list:
        if self._ranges is None:
            found = []
            for node in ast.walk(ast.parse(self.text)):
                name = None
                if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
                    name = node.func.id
                elif isinstance(node, ast.BoolOp) and isinstance(node.values[0], ast.Name):
                    name = node.values[0].id
                if name is not None and name in self.spans and isinstance(node, ast.expr):
                    start = (node.lineno, node.col_offset)
                    found.append((start, (node.end_lineno, node.end_col_offset), self.spans[name]))
            self._ranges = found
        return self._ranges

    def span_at(self, exc: BaseException, code) -> Any:
        """The span of the innermost marked expression running in `code` when exc was raised."""
        tb = exc.__traceback__
        while tb is not None and tb.tb_frame.f_code is not code:
            tb = tb.tb_next
        if tb is None or tb.tb_lasti < 0:
            return None
        positions = list(code.co_positions())
        index = tb.tb_lasti // 2
        if index >= len(positions):
            return None
        line, end_line, col, end_col = positions[index]
        if line is None or col is None:
            return None
        start, end = (line, col), (end_line, end_col)
        best, best_size = None, None
        for lo, hi, span in self.ranges():
            if lo <= start and end <= hi:
                size = (hi[0] - lo[0], hi[1] - lo[1])
                if best_size is None or size < best_size:
                    best, best_size = span, size
        return best


def statement_failed(exc: Exception, scope, span, source, markers: Markers, code) -> None:
    """A generated statement raised: locate the error as the closure compiler would, then let
    the context report it and go on (statement_error), or raise it."""
    inner = markers.span_at(exc, code) or span
    try:
        raise_located(exc, inner, source)
    except PSError as err:
        if not scope.ctx.statement_error(err, scope):
            raise


def locate_failed(exc: Exception, span, source, markers: Markers, code) -> NoReturn:
    """Only the position (a statement that is part of a larger one, like a loop's step)."""
    raise_located(exc, markers.span_at(exc, code) or span, source)


def expression_failed(exc: Exception, source, markers: Markers, code) -> NoReturn:
    """A generated expression function raised: a marked node's span, else unchanged."""
    inner = markers.span_at(exc, code)
    if inner is None:
        raise exc
    raise_located(exc, inner, source)
