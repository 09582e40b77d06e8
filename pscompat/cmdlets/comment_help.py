"""Comment-based help: finding the help comment of a function, a script block or a script file
and reading its sections (about_Comment_Based_Help; the rules are those of PowerShell's
src/System.Management.Automation/help/HelpCommentsParser.cs).

Where the help may be, in the order PowerShell looks:
- a function: the comment block ending at most 2 lines before the `function` keyword, else the
  first comment block inside the body that is help, else the comments just before its `}`;
- a script block made a function (`Set-Item function:f { ... }`): inside it, as for a body;
- a script file: the first help comment block of the file, unless it ends within 2 lines of a
  function the file starts with (then it is that function's), else the comments at its end.

A comment block is consecutive comments, each starting on the line the previous ended or the
next; it is help when it holds at least one known `.KEYWORD` line and nothing else but blank
lines.  Only comments are tokens here: a small scanner skips strings and here-strings so that a
`#` inside them is not taken for a comment.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_DIRECTIVE = re.compile(r"^\s*\.(\w+)(\s+(\S.*))?\s*$")
_BLANK = re.compile(r"^\s*$")
PROXIMITY = 2  # HelpCommentsParser.CommentBlockProximity


@dataclass
class Token:
    kind: str  # 'comment', 'newline', 'other' or 'eof'
    start: int  # offset into the text
    end: int
    start_line: int
    end_line: int
    text: str = ""


@dataclass
class CommentHelp:
    synopsis: str = ""
    description: str = ""
    notes: str = ""
    component: str = ""
    role: str = ""
    functionality: str = ""
    forward_help_target: str = ""
    forward_help_category: str = ""
    external_help: str = ""
    parameters: dict = field(default_factory=dict)  # upper-case name -> text
    examples: list = field(default_factory=list)
    inputs: list = field(default_factory=list)
    outputs: list = field(default_factory=list)
    links: list = field(default_factory=list)


# -- the scanner ---------------------------------------------------------------------------------
_TOKEN_START = set(" \t\r\n;(){}[]|&,=")


def tokens(text: str) -> list[Token]:
    """Comments, newlines and the other tokens (each run of non-blank text a token), with lines."""
    out: list[Token] = []
    i, line, n = 0, 1, len(text)
    other_start = -1

    def flush(end: int) -> None:
        nonlocal other_start
        if other_start >= 0:
            first = line - text.count("\n", other_start, end)
            out.append(Token("other", other_start, end, first, line))
            other_start = -1

    while i < n:
        c = text[i]
        if c == "\n":
            flush(i)
            out.append(Token("newline", i, i + 1, line, line))
            line += 1
            i += 1
        elif c in " \t\r":
            flush(i)
            i += 1
        elif c == "<" and text.startswith("<#", i):
            flush(i)
            end = text.find("#>", i + 2)
            end = n if end < 0 else end + 2
            lines = text.count("\n", i, end)
            out.append(Token("comment", i, end, line, line + lines, text[i:end]))
            line += lines
            i = end
        elif c == "#" and (i == 0 or text[i - 1] in _TOKEN_START):
            flush(i)
            end = text.find("\n", i)
            end = n if end < 0 else end
            out.append(Token("comment", i, end, line, line, text[i:end].rstrip("\r")))
            i = end
        elif c == "@" and text.startswith(("@'", '@"'), i) and text[i + 2 : i + 4].strip(" \t\r") in ("", "\n"):
            if other_start < 0:
                other_start = i
            quote = text[i + 1]
            match = re.compile(r"\n[ \t]*" + quote + "@").search(text, i)
            end = n if match is None else match.end()
            line += text.count("\n", i, end)
            i = end
        elif c in "'\"\u2018\u2019\u201c\u201d":
            if other_start < 0:
                other_start = i
            i = _string_end(text, i)
            line += text.count("\n", other_start, i) - text.count("\n", other_start, other_start)
        else:
            if other_start < 0:
                other_start = i
            i += 1
    flush(n)
    out.append(Token("eof", n, n, line, line))
    return out


def _string_end(text: str, i: int) -> int:
    single = text[i] in "'\u2018\u2019"
    j, n = i + 1, len(text)
    while j < n:
        c = text[j]
        if not single and c == "`":
            j += 2
            continue
        if (single and c in "'\u2018\u2019") or (not single and c in '"\u201c\u201d'):
            if j + 1 < n and text[j + 1] == c:
                j += 2
                continue
            return j + 1
        j += 1
    return n


# -- finding the block (GetCommentBlock, GetPrecedingCommentBlock, GetHelpCommentTokens) ----------
def _comment_block(toks: list[Token], start: int) -> tuple[list[Token], int]:
    result: list[Token] = []
    next_max = None
    i = start
    while i < len(toks):
        tok = toks[i]
        if next_max is not None and tok.start_line > next_max:
            break
        if tok.kind == "comment":
            result.append(tok)
            next_max = tok.end_line + 1
        elif tok.kind != "newline":
            break
        i += 1
    return result, i


def _preceding_block(toks: list[Token], index: int, proximity: int) -> list[Token]:
    result: list[Token] = []
    if index >= len(toks):
        return result
    min_end = toks[index].start_line - proximity
    for i in range(index - 1, -1, -1):
        tok = toks[i]
        if tok.end_line < min_end:
            break
        if tok.kind == "comment":
            result.append(tok)
            min_end = tok.start_line - 1
        elif tok.kind != "newline":
            break
    result.reverse()
    return result


def _first_at(toks: list[Token], offset: int) -> int:
    for i, tok in enumerate(toks):
        if tok.start >= offset:
            return i
    return len(toks)


def _last_before(toks: list[Token], offset: int) -> int:
    """Index of the last token ending at or before offset."""
    last = -1
    for i, tok in enumerate(toks):
        if tok.end > offset or tok.kind == "eof":
            break
        last = i
    return last


def _from_region(toks: list[Token], first: int, last: int, script_text: str | None = None) -> CommentHelp | None:
    """The help between tokens first and last (last: a body's closing brace, or the end of a
    file): the first comment block there that is help, else the comments just before `last`."""
    i = first
    while i < last:
        block, i = _comment_block(toks, i)
        if not block:
            break
        found = parse_block(block)
        if found is None:
            continue
        if script_text is not None:
            # a help block within 2 lines of the function a script starts with is the function's
            following = next((t for t in toks[i:] if t.kind == "other"), None)
            if (
                following is not None
                and re.match(r"(?i)(function|filter|workflow)\b", script_text[following.start : following.end])
                and following.start_line - block[-1].end_line <= PROXIMITY
            ):
                break
        return found
    if not 0 <= last < len(toks):
        return None
    return parse_block(_preceding_block(toks, last, toks[last].start_line))


def function_help(text: str, keyword_offset: int | None, body_start: int, body_end: int) -> CommentHelp | None:
    """The help of a function whose `function` keyword is at keyword_offset (None for a bare script
    block) and whose body's braces span body_start..body_end in text."""
    toks = tokens(text)
    if keyword_offset is not None:
        found = parse_block(_preceding_block(toks, _first_at(toks, keyword_offset), PROXIMITY))
        if found is not None:
            return found
    first = _first_at(toks, body_start) + 1
    last = _last_before(toks, body_end)  # the closing brace
    return _from_region(toks, first, last)


def script_help(text: str) -> CommentHelp | None:
    toks = tokens(text)
    return _from_region(toks, 0, len(toks) - 1, script_text=text)


# -- reading the sections (CollectCommentText, GetSection, AnalyzeCommentBlock) -----------------
def _lines(block: list[Token]) -> list[str]:
    lines: list[str] = []
    for tok in block:
        text = tok.text
        if text.startswith("<#"):
            lines.extend(re.split(r"\r\n|\r|\n", text[2:-2] if text.endswith("#>") else text[2:]))
        else:
            lines.append(text.lstrip("#"))
    return lines


def _section(lines: list[str], i: int) -> tuple[str, int]:
    """The text after line i up to the next directive; the first line's indentation is removed
    from every line (no more than each line has).  Returns the text and the last line read."""
    out: list[str] = []
    capturing = False
    indent = 0
    i += 1
    while i < len(lines):
        line = lines[i]
        if not capturing and _BLANK.match(line):
            i += 1
            continue
        if _DIRECTIVE.match(line):
            break
        if not capturing:
            indent = len(line) - len(line.lstrip(" \t\u00a0"))
            capturing = True
        strip = 0
        while strip < len(line) and strip < indent and line[strip] in " \t\u00a0":
            strip += 1
        out.append(line[strip:] + "\n")
        i += 1
    return "".join(out), i - 1


def parse_block(block: list[Token]) -> CommentHelp | None:
    if not block:
        return None
    return parse_lines(_lines(block))


def parse_lines(lines: list[str]) -> CommentHelp | None:
    found = False
    h = CommentHelp()
    i = 0
    while i < len(lines):
        match = _DIRECTIVE.match(lines[i])
        if match is None:
            if not _BLANK.match(lines[i]):
                return None
            i += 1
            continue
        found = True
        word = match.group(1).upper()
        arg = match.group(3)
        if arg is not None:
            if word == "PARAMETER":
                text, i = _section(lines, i)
                h.parameters.setdefault(arg.upper().strip(), text)
            elif word == "FORWARDHELPTARGETNAME":
                h.forward_help_target = arg.strip()
            elif word == "FORWARDHELPCATEGORY":
                h.forward_help_category = arg.strip()
            elif word in ("REMOTEHELPRUNSPACE",):
                pass
            elif word == "EXTERNALHELP":
                h.external_help = arg.strip()
            else:
                return None
        else:
            text, i = _section(lines, i) if word in _SECTIONS else ("", i)
            if word not in _SECTIONS:
                return None
            _SECTIONS[word](h, text)
        i += 1
    return h if found else None


_SECTIONS = {
    "SYNOPSIS": lambda h, t: setattr(h, "synopsis", t),
    "DESCRIPTION": lambda h, t: setattr(h, "description", t),
    "NOTES": lambda h, t: setattr(h, "notes", t),
    "LINK": lambda h, t: h.links.append(t.strip()),
    "EXAMPLE": lambda h, t: h.examples.append(t),
    "INPUTS": lambda h, t: h.inputs.append(t),
    "OUTPUTS": lambda h, t: h.outputs.append(t),
    "COMPONENT": lambda h, t: setattr(h, "component", t.strip()),
    "ROLE": lambda h, t: setattr(h, "role", t.strip()),
    "FUNCTIONALITY": lambda h, t: setattr(h, "functionality", t.strip()),
}


def example_parts(text: str) -> tuple[str, str, str]:
    """(prompt, code, remarks) of an .EXAMPLE: the prompt is the first line up to its first `>`
    (`PS > ` when there is none), the code runs to the first blank line (GetExampleSections)."""
    match = re.match(r"^.*?>", text)
    prompt = match.group(0) if match else "PS > "
    if match:
        text = text[len(prompt) :]
    parts = re.match(r"^(?P<code>.*?)\r?\n\r?\n(?P<remarks>.*)$", text, re.DOTALL)
    if parts:
        return prompt, parts.group("code").strip(), parts.group("remarks")
    return prompt, text.strip(), ""


def parameter_comments(text: str, spans: list[tuple[int, int]]) -> list[str]:
    """The help each parameter carries in comments of its own (GetParameterComments): the block
    just before it (at most one blank line above), comments inside its declaration, and the block
    just after it; a parameter without a .PARAMETER section uses this text."""
    toks = tokens(text)
    out = []
    for start, end in spans:
        first = _first_at(toks, start)
        lines = _lines(_preceding_block(toks, first, PROXIMITY))
        last = _last_before(toks, end)
        lines += _lines([t for t in toks[first:last] if t.kind == "comment"])
        after, _ = _comment_block(toks, last + 1) if last >= first else ([], 0)
        lines += _lines(after)
        out.append(_section(lines, -1)[0])
    return out
