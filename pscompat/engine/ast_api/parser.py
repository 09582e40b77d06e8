"""`[System.Management.Automation.Language.Parser]::ParseInput/ParseFile` and
`[System.Management.Automation.PSParser]::Tokenize` (PS: engine/parser/Parser.cs, PSParser.cs).

A parse never throws: what PowerShell reports as ParseError objects comes back through the
`[ref]` errors argument (ErrorId, Message, Extent, IncompleteInput), and the result is then a
ScriptBlockAst with no statements.  pscompat's grammar stops at its first error, so there is at
most one ParseError where PowerShell, which recovers, may list several.
"""

from __future__ import annotations

from typing import Any

from pscompat.engine.ast_api.ast import Ast, all_type_names, make_ast
from pscompat.engine.ast_api.extent import ScriptExtent
from pscompat.engine.ast_api.tokens import PSToken, tokenize
from pscompat.errors import IncompleteInputError, PSError
from pscompat.errors import ParseError as PSParseException
from pscompat.source import Source, Span
from pscompat.syntax import nodes as N
from pscompat.values.convert.strings import to_string
from pscompat.values.dotnet.reference import PSReference
from pscompat.values.dotnet.type_literals import register_statics
from pscompat.values.dotnet.typenames import ACCELERATORS, register_type

_LANG = "System.Management.Automation.Language."


class ParseError:
    """Language.ParseError: one error the parser found."""

    PS_TYPE_NAMES = (_LANG + "ParseError", "System.Object")
    PS_PROPERTIES = ("Extent", "ErrorId", "Message", "IncompleteInput")

    def __init__(self, error_id: str, message: str, extent: ScriptExtent, incomplete: bool) -> None:
        self.ErrorId = error_id
        self.Message = message
        self.Extent = extent
        self.IncompleteInput = incomplete

    def ToString(self) -> str:
        ext = self.Extent
        return f"At line:{ext.StartLineNumber} char:{ext.StartColumnNumber}\n{self.Message}"


class PSParseError:
    """PSParseError of [PSParser]::Tokenize: the error's Token and Message."""

    PS_TYPE_NAMES = ("System.Management.Automation.PSParseError", "System.Object")
    PS_PROPERTIES = ("Token", "Message")

    def __init__(self, error: ParseError, token: PSToken | None) -> None:
        self.Message = error.Message
        self.Token = token


def parse_text(text: str, file_name: str | None = None) -> tuple[Ast, list[ParseError]]:
    """The ScriptBlockAst of `text` and the parse errors (an empty block when there are any)."""
    from pscompat.syntax.grammar import parse_cached

    source = Source(text, file_name or "<ParseInput>")
    try:
        tree = parse_cached(text, source.name)
    except PSParseException as err:
        span = err.span if isinstance(err.span, Span) else Span(len(text), len(text))
        error = ParseError(
            err.fully_qualified_error_id, err.message, ScriptExtent(source, span), isinstance(err, IncompleteInputError)
        )
        whole = Span(0, len(text))
        return make_ast(N.ScriptBlock(whole, end=N.StatementBlock(whole, ())), source), [error]
    return make_ast(tree, source), []


def _set(ref: Any, value: Any) -> None:
    if isinstance(ref, PSReference):
        ref.Value = value


def parse_input(text: Any, *rest: Any) -> Ast:
    """ParseInput(input, [ref]tokens, [ref]errors) or ParseInput(input, fileName, [ref]tokens, [ref]errors)."""
    file_name = to_string(rest[0]) if len(rest) == 3 and rest[0] is not None else None
    refs = rest[1:] if len(rest) == 3 else rest
    code = "" if text is None else to_string(text)
    ast, errors = parse_text(code, file_name)
    if refs:
        _set(refs[0], tokenize(ast.source))
    if len(refs) > 1:
        _set(refs[1], errors)
    return ast


def parse_file(path: Any, tokens_ref: Any = None, errors_ref: Any = None) -> Ast:
    import os

    name = os.path.abspath(to_string(path))
    try:
        with open(name, encoding="utf-8-sig") as handle:
            text = handle.read()
    except OSError:
        raise PSError(
            f"Could not find file '{name}'.", "FileNotFoundException", category="ObjectNotFound",
            exception_type="System.IO.FileNotFoundException",
        ) from None  # fmt: skip
    ast, errors = parse_text(text, name)
    _set(tokens_ref, tokenize(ast.source))
    _set(errors_ref, errors)
    return ast


def ps_tokenize(script: Any, errors_ref: Any = None) -> list[PSToken]:
    """[PSParser]::Tokenize(string or string[], [ref]errors): the tokens as PSTokens (no EndOfInput)."""
    text = "\n".join(map(to_string, script)) if isinstance(script, (list, tuple)) else to_string(script)
    source = Source(text, "<Tokenize>")
    _, errors = parse_text(text)
    tokens = [PSToken(t) for t in tokenize(source) if t.kind != "EndOfInput"]
    _set(errors_ref, [PSParseError(e, None) for e in errors])
    return tokens


register_statics(_LANG + "Parser", {"ParseInput": parse_input, "ParseFile": parse_file})
register_statics("System.Management.Automation.PSParser", {"Tokenize": ps_tokenize})
for _name in (
    *all_type_names(),
    _LANG + "Parser",
    _LANG + "ParseError",
    _LANG + "Token",
    _LANG + "IScriptExtent",
    _LANG + "IScriptPosition",
    "System.Management.Automation.PSParser",
    "System.Management.Automation.PSToken",
    "System.Management.Automation.PSParseError",
    "System.Management.Automation.PSReference",
):
    register_type(_name)
ACCELERATORS.setdefault("psparser", "System.Management.Automation.PSParser")
