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


# Byte-order marks a script file may start with, longest first (UTF-32 LE's starts with UTF-16 LE's).
_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
# Windows-1252's bytes 0x80-0x9F; the five it leaves undefined (0x81 0x8D 0x8F 0x90 0x9D) keep their
# Latin-1 code point, as .NET's Windows-1252 decoder does.
_CP1252_HIGH = {b: bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in range(0x80, 0xA0)}


def decode_script(data: bytes) -> str:
    """A script file's text as PowerShell reads it.

    pwsh 7 reads a script with a StreamReader that obeys a byte-order mark (UTF-8, UTF-16 LE/BE,
    UTF-32 LE/BE) and otherwise decodes UTF-8 (ExternalScriptInfo.ReadScriptContents, Encoding.Default
    being UTF-8 on .NET).  Windows PowerShell 5.1 read a file without a mark as the ANSI code page,
    Windows-1252 in the West, so such files hold bytes that are not UTF-8 (0xE9 for 'é'); pwsh 7 turns
    those into U+FFFD.  Here a file without a mark is UTF-8 when it is valid UTF-8, else Windows-1252:
    a 5.1 script keeps its accented text.  A file that claims a mark but breaks it (an odd byte at the
    end of UTF-16) gets U+FFFD for the broken part, as .NET does."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(codec, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("latin-1").translate(_CP1252_HIGH)


def read_script(path: str) -> str:
    """The text of the script file at `path` (see decode_script).  OSError when it cannot be read."""
    with open(path, "rb") as fh:
        return decode_script(fh.read())
