"""Syntax colouring for the prompt: PowerShell text cut into coloured pieces as the user types.

    tokens(text) -> list[(kind, text)]     kinds: command, parameter, variable, string, number,
                                           keyword, operator, comment, type, member, text

The pieces always join back into the text (nothing is dropped, whatever is typed: a half-typed
string or comment is coloured to the end of the line).  Colours are PSReadLine's defaults
(PSReadLine's Options: CommandColor yellow, ParameterColor dark gray, StringColor dark cyan,
VariableColor green, KeywordColor green, NumberColor white, OperatorColor dark gray,
CommentColor dark green, TypeColor gray, MemberColor white).  A regular expression per token
rather than the parser: the line is usually incomplete while it is typed, and colouring must
never fail or lag.
"""

from __future__ import annotations

import re

KEYWORDS = frozenset(
    "begin break catch class clean continue data default do dynamicparam else elseif end enum exit filter "
    "finally for foreach function if in param process return switch throw trap try until using while".split()
)

# prompt_toolkit style strings (ANSI colour names) per kind, PSReadLine's defaults
STYLES = {
    "command": "ansiyellow",
    "parameter": "ansibrightblack",
    "variable": "ansibrightgreen",
    "string": "ansicyan",
    "number": "ansiwhite",
    "keyword": "ansibrightgreen",
    "operator": "ansibrightblack",
    "comment": "ansigreen",
    "type": "ansigray",
    "member": "ansiwhite",
    "text": "",
}

_DASH = "-\u2013\u2014\u2015"
_TOKEN = re.compile(
    r"""
    (?P<comment><\#.*?(?:\#>|\Z)|\#[^\n]*)
  | (?P<string>'(?:[^'\u2018\u2019\u201a\u201b]|'')*(?:'|\Z)|"(?:`.|[^"`\u201c\u201d\u201e])*(?:"|\Z)
               |@'.*?(?:'@|\Z)|@".*?(?:"@|\Z))
  | (?P<variable>\$\{[^}]*\}?|[$@](?:[A-Za-z_][\w:]*|[$?^_])|\$)
  | (?P<type>\[[A-Za-z_][\w.`,\[\] ]*\](?!\s*[:=]))
  | (?P<number>\b\d+(?:\.\d+)?(?:e[+-]?\d+)?(?:[kmgtp]b)?\b|\b0x[0-9a-f]+\b)
  | (?P<dash>[-\u2013\u2014\u2015][A-Za-z_][\w]*:?)
  | (?P<member>(?<=[\w)\]}])\.[A-Za-z_]\w*|::[A-Za-z_]\w*)
  | (?P<word>[^\s|;(){}\[\]=,'"$@#&<>]+)
  | (?P<operator>[|;&=<>!+*/%,.]+)
  | (?P<other>\s+|.)
    """,
    re.VERBOSE | re.IGNORECASE | re.DOTALL,
)
# after these, the next word is a command name
_COMMAND_BEFORE = frozenset({"|", ";", "(", "{", "&", "&&", "||"})


def tokens(text: str) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    expect_command = True  # the next word names a command
    in_command = False  # inside a command's arguments: `-x` is a parameter, else an operator
    for m in _TOKEN.finditer(text):
        kind = m.lastgroup or "other"
        piece = m.group()
        if kind in ("other", "operator"):
            if piece.isspace():
                if "\n" in piece:
                    expect_command, in_command = True, False
                out.append(("text", piece))
                continue
            if piece in _COMMAND_BEFORE or piece in "()[]{}":
                expect_command = piece in _COMMAND_BEFORE
                in_command = False if expect_command else in_command
            out.append(("operator" if kind == "operator" or piece in "()" else "text", piece))
            continue
        if kind == "word":
            if piece.lower() in KEYWORDS:
                expect_command = piece.lower() not in ("function", "filter", "class", "enum", "param")
                out.append(("keyword", piece))
                continue
            if expect_command:
                kind, in_command = "command", True
            else:
                kind = "text"
        elif kind == "dash":
            kind = "parameter" if in_command else "operator"
        expect_command = False
        out.append((kind, piece))
    return out
