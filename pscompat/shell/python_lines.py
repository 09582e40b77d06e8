"""Does a line that starts with a PowerShell command word read as Python?  Then the host keeps it.

At the xonsh prompt a short alias (`mi`, `ni`, `gci`, `del`, `sort`...) starts PowerShell lines and
Python lines alike: `mi a.txt b.txt` moves a file, `mi = 'data.csv'` binds a name.  Reading the
Python line as PowerShell runs a command nobody asked for (Move-Item with the path `=`), so for a
command word that is not a full `Verb-Noun` cmdlet name the rule is (`stays_with_host`):

  * PowerShell-style arguments make the line PowerShell even where Python could parse it: nothing
    after the word (`gci`), or after a space a parameter glued to its dash (`gci -r`: Python's
    `gci - r`), a path or wildcard glued to its first character (`gci /tmp`, `gci .git`,
    `gci *.txt`), a splat (`gci @args`), or a pipe into a PowerShell command (`gps | measure`).
    Python spaces a binary operator on both sides or on neither, so `a -b` is not how Python is
    written, while `a - b`, `a-b`, `a == 1`, `a > b` are, and stay with the host;
  * an assignment (`mi = ...`, `mi += ...`) stays with the host even where the parser cannot read
    its right-hand side: no PowerShell line starts with a command followed by `=`;
  * otherwise, text that Python (or the host's own parser, which knows xonsh's `$X` and `$(...)`)
    reads as a complete statement, or as the start of a longer one (`mi(a,` + Enter), stays
    with the host.
Where both readings are plausible, the host wins; the host's `ps!` prefix forces PowerShell.
"""

from __future__ import annotations

import ast
import re
import warnings
from collections.abc import Callable

VALID, INCOMPLETE, INVALID = "valid", "incomplete", "invalid"

# Nothing after the word but a comment or the end of the statement: a bare `gci`.
_BARE = re.compile(r"[ \t]*(?:$|[;#\r\n])")
# After a space, what a PowerShell argument glues to: a parameter's dash (any of PowerShell's
# dashes, CharTraits.IsDash) and letter, a path or wildcard (`/tmp`, `.git`, `..`, `*.txt`), a splat.
# (`//` and `**` are Python's floor division and power, `/=` and `*=` its assignments.)
_ARGUMENT = re.compile(r"[ \t]+(?:[-\u2013\u2014\u2015]{1,2}[A-Za-z_?]|/[^\s=/]|\*[^\s=*]|\.[^\s=]|@[A-Za-z_])")
_PIPE = re.compile(r"[ \t]*\|(?![|=])[ \t]*")
_ASSIGNMENT = re.compile(r"[ \t]*(?:=(?!=)|(?:\*\*|//|>>|<<|[-+*/%@&|^])=)")
_COMMAND_WORD = re.compile(r"[^\s|;(){}]+")
# xonsh's own syntax, made Python-shaped for `ast` when the host gives no parser of its own:
# `$NAME`, `$(...)`, `!(...)`, `$[...]`, `![...]`, `@(...)`, `@$(...)` become a name or a call.
_XONSH_SIGIL = re.compile(r"@?[$!](?=[(\[])|@(?=\()|\$(?=[A-Za-z_])")


def stays_with_host(
    text: str,
    word_end: int,
    is_command: Callable[[str], bool],
    host_parser: Callable[[str], bool] | None = None,
) -> bool:
    """True when `text`, whose first word ends at `word_end`, is Python for the host to run.

    `is_command(word)` says whether a word is a PowerShell command here (for `a | b`);
    `host_parser(text)` is the host's parser (xonsh's), True when it reads the text."""
    rest = text[word_end:]
    if _BARE.match(rest) or _ARGUMENT.match(rest):
        return False
    pipe = _PIPE.match(rest)
    if pipe:
        after = _COMMAND_WORD.match(rest, pipe.end())
        if after and is_command(after.group()):
            return False
    if _ASSIGNMENT.match(rest):
        return True
    return python_reading(text, host_parser) != INVALID


def python_reading(text: str, host_parser: Callable[[str], bool] | None = None) -> str:
    """VALID, INCOMPLETE (Python reads on: `mi(a,`) or INVALID, as Python or the host reads it."""
    masked = _XONSH_SIGIL.sub("_", text)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # `'C:\temp'` warns about its escape; the answer is the same
        try:
            ast.parse(masked)  # first: ~0.05 ms, where xonsh's parser takes ~2 ms
            return VALID
        except (SyntaxError, ValueError, MemoryError, RecursionError):
            pass
        if host_parser is not None:
            try:
                if host_parser(text):
                    return VALID
            except Exception:  # the host's parser failing means "not its syntax", nothing more
                pass
        import codeop  # only for text Python cannot parse; not on xonsh's start-up path

        try:
            if codeop.compile_command(masked, "<line>", "exec") is None:
                return INCOMPLETE
        except (SyntaxError, ValueError, OverflowError, MemoryError, RecursionError):
            pass
    return INVALID
