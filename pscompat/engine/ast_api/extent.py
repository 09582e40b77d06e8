"""IScriptExtent and IScriptPosition (PS: engine/parser/Position.cs): where an Ast node or a
token stands in its text, computed from a Span (offsets) and the Source."""

from __future__ import annotations

from pscompat.source import Source, Span

_LANG = "System.Management.Automation.Language."


class ScriptPosition:
    PS_TYPE_NAMES = (_LANG + "InternalScriptPosition", _LANG + "IScriptPosition", "System.Object")
    PS_PROPERTIES = ("File", "LineNumber", "ColumnNumber", "Offset", "Line")

    __slots__ = ("source", "offset")

    def __init__(self, source: Source, offset: int) -> None:
        self.source = source
        self.offset = offset

    @property
    def File(self) -> str | None:
        return file_of(self.source)

    @property
    def Offset(self) -> int:
        return self.offset

    @property
    def LineNumber(self) -> int:
        return self.source.coord(self.offset)[0]

    @property
    def ColumnNumber(self) -> int:
        return self.source.coord(self.offset)[1]

    @property
    def Line(self) -> str:
        return self.source.line_text(self.LineNumber)

    def GetFullScript(self) -> str:
        return self.source.text

    def ToString(self) -> str:
        return self.Line


class ScriptExtent:
    PS_TYPE_NAMES = (_LANG + "InternalScriptExtent", _LANG + "IScriptExtent", "System.Object")
    PS_PROPERTIES = (
        "File",
        "StartScriptPosition",
        "EndScriptPosition",
        "StartLineNumber",
        "StartColumnNumber",
        "EndLineNumber",
        "EndColumnNumber",
        "Text",
        "StartOffset",
        "EndOffset",
    )

    __slots__ = ("source", "span")

    def __init__(self, source: Source, span: Span) -> None:
        self.source = source
        self.span = span

    @property
    def File(self) -> str | None:
        return file_of(self.source)

    @property
    def StartScriptPosition(self) -> ScriptPosition:
        return ScriptPosition(self.source, self.span.start)

    @property
    def EndScriptPosition(self) -> ScriptPosition:
        return ScriptPosition(self.source, self.span.end)

    @property
    def StartLineNumber(self) -> int:
        return self.source.coord(self.span.start)[0]

    @property
    def StartColumnNumber(self) -> int:
        return self.source.coord(self.span.start)[1]

    @property
    def EndLineNumber(self) -> int:
        return self.source.coord(self.span.end)[0]

    @property
    def EndColumnNumber(self) -> int:
        return self.source.coord(self.span.end)[1]

    @property
    def Text(self) -> str:
        return self.source.segment(self.span)

    @property
    def StartOffset(self) -> int:
        return self.span.start

    @property
    def EndOffset(self) -> int:
        return self.span.end

    def ToString(self) -> str:
        return self.Text

    def __str__(self) -> str:
        return self.Text


def file_of(source: Source) -> str | None:
    """The script file's path, or None for text that came from no file (as PowerShell has it)."""
    name = source.name
    return None if not name or name.startswith("<") else name
