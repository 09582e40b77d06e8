"""Where an error happened, as an error record's $_.InvocationInfo and $_.ScriptStackTrace show it.

    position_message(source, span)   InvocationInfo.PositionMessage:
                                         At /path/x.ps1:2 char:5
                                         + Get-Item /nope
                                         +     ~~~~~~~~~~
    ErrorInvocationInfo(record)      ScriptLineNumber, OffsetInLine, ScriptName, Line,
                                     PositionMessage, MyCommand, InvocationName, PSScriptRoot,
                                     PSCommandPath

PS: src/System.Management.Automation/engine/parser/Position.cs (PositionUtilities.VerboseMessage:
`At {file}:{line} char:{column}` with "line" for text that is not a file
(ParserStrings.TextLineAndChar, TextForWordLine), the line trimmed at its end, tabs as four
spaces, `~` under the extent, a line longer than 69 characters cut around the extent with `…`),
and InvocationInfo.cs.  The stack trace is the error's own frame only: pscompat keeps no call
stack (a deliberate difference, README).
"""

from __future__ import annotations

import os
from typing import Any

_MAX_LINE = 69  # PositionUtilities.VerboseMessage: "+ " and dots must fit an 80-column console
_ELLIPSIS = "\u2026"


def script_name(source: Any) -> str:
    """The script's path, or "" for text that is not a file (the command line, the prompt)."""
    name = getattr(source, "name", "") or ""
    return "" if name.startswith("<") else name


def position_message(source: Any, span: Any) -> str:
    if source is None or span is None:
        return ""
    line_no, col = source.coord(span.start)
    end_line, end_col = source.coord(max(span.end, span.start))
    text = source.line_text(line_no).rstrip()
    head = f"At {script_name(source) or 'line'}:{line_no} char:{col}"
    if not text:
        return head
    before = col - 1
    length = end_col - col if end_line == line_no and end_col <= len(text) + 1 else len(text) - col + 1
    if "\t" in text:
        pre = text[:before].replace("\t", "    ")
        mid = text[before : before + length].replace("\t", "    ")
        text = pre + mid + text[before + length :].replace("\t", "    ")
        before, length = len(pre), len(mid)
    prefix_dots = suffix_dots = False
    if len(text) > _MAX_LINE:
        prefix = min(before, 12)
        total_suffix = len(text) - length - before
        suffix = min(total_suffix, 8)
        if prefix + length + suffix >= _MAX_LINE:
            if prefix + length >= _MAX_LINE:
                length = _MAX_LINE - prefix
            suffix_dots = True
        else:
            prefix += min(before - prefix, _MAX_LINE - (prefix + length + suffix))
            if prefix + length + suffix < _MAX_LINE and total_suffix > 0:
                suffix += min(total_suffix, _MAX_LINE - (prefix + length + suffix))
            suffix_dots = suffix < total_suffix
        prefix_dots = prefix < before
        start = max(before - prefix, 0)
        text = text[start : start + _MAX_LINE]
        before = min(before, prefix)
        length = min(length, _MAX_LINE - before)
    lead = _ELLIPSIS + " " if prefix_dots else ""
    tail = " " + _ELLIPSIS if suffix_dots else ""
    marker = " " * (before + len(lead)) + "~" * max(length, 1)
    return f"{head}\n+ {lead}{text}{tail}\n+ {marker}"


def stack_trace(source: Any, span: Any) -> str:
    """$_.ScriptStackTrace: `at <ScriptBlock>, /path/x.ps1: line 2` (`<No file>` for the command
    line), the frame the error happened in."""
    if source is None or span is None:
        return ""
    line, _ = source.coord(span.start)
    return f"at <ScriptBlock>, {script_name(source) or '<No file>'}: line {line}"


class CommandName:
    """InvocationInfo.MyCommand of an error: the command that failed (its Name)."""

    PS_TYPE_NAMES = ("System.Management.Automation.CommandInfo", "System.Object")
    PS_PROPERTIES = ("Name",)

    def __init__(self, name: str):
        self.Name = name

    def ToString(self) -> str:
        return self.Name

    __str__ = ToString


class ErrorInvocationInfo:
    PS_TYPE_NAMES = ("System.Management.Automation.InvocationInfo", "System.Object")
    PS_PROPERTIES = (
        "MyCommand",
        "ScriptLineNumber",
        "OffsetInLine",
        "ScriptName",
        "Line",
        "PositionMessage",
        "PSScriptRoot",
        "PSCommandPath",
        "InvocationName",
    )

    def __init__(self, source: Any, span: Any, command: str | None):
        line, col = source.coord(span.start)
        self.ScriptLineNumber, self.OffsetInLine = line, col
        self.ScriptName = script_name(source)
        self.Line = source.line_text(line)
        self.PositionMessage = position_message(source, span)
        self.PSCommandPath = self.ScriptName
        self.PSScriptRoot = os.path.dirname(self.ScriptName) if self.ScriptName else ""
        self.MyCommand = CommandName(command) if command else None
        self.InvocationName = command or ""
