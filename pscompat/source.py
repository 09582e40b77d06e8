"""Source text and spans: offsets are stored, line/column are computed only when shown."""

from __future__ import annotations

import bisect

from pscompat.records import Record


class Span(Record):
    """Half-open character range [start, end) into a Source's text."""

    start: int
    end: int

    def join(self, other: Span) -> Span:
        return Span(min(self.start, other.start), max(self.end, other.end))


NO_SPAN = Span(0, 0)


class Source:
    """A script's text plus a name; converts offsets to (line, column), both 1-based."""

    __slots__ = ("text", "name", "_line_starts")

    def __init__(self, text: str, name: str = "<script>"):
        self.text = text
        self.name = name
        self._line_starts: list[int] | None = None

    def _starts(self) -> list[int]:
        if self._line_starts is None:
            starts = [0]
            find = self.text.find
            pos = find("\n")
            while pos != -1:
                starts.append(pos + 1)
                pos = find("\n", pos + 1)
            self._line_starts = starts
        return self._line_starts

    def coord(self, pos: int) -> tuple[int, int]:
        starts = self._starts()
        line = bisect.bisect_right(starts, pos) - 1
        return line + 1, pos - starts[line] + 1

    def line_text(self, line: int) -> str:
        starts = self._starts()
        begin = starts[line - 1]
        end = starts[line] - 1 if line < len(starts) else len(self.text)
        return self.text[begin:end].rstrip("\r")

    def segment(self, span: Span) -> str:
        return self.text[span.start : span.end]

    @property
    def is_multiline(self) -> bool:
        return "\n" in self.text.rstrip("\n")

    def excerpt(self, span: Span) -> list[str]:
        """PowerShell's concise-view position block: 'Line |', the source line, tildes under the span."""
        line, col = self.coord(span.start)
        text = self.line_text(line)
        end_line, end_col = self.coord(max(span.start, span.end - 1))
        width = (end_col - col + 1) if end_line == line else len(text) - col + 1
        width = max(1, min(width, max(1, len(text) - col + 1)))
        gutter = f"{line:>4} | "
        pad = " " * (len(gutter) - 2)
        return [
            "Line |",
            f"{gutter} {text}",
            f"{pad}|  {' ' * (col - 1)}{'~' * width}",
        ]
