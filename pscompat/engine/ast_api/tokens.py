"""Tokens for `Parser::ParseInput(..., [ref]$tokens, ...)` (Language.Token: Kind, Text, Extent,
TokenFlags) and `[PSParser]::Tokenize` (PSToken: Type, Content, Start, Length, StartLine...).

pscompat's grammar parses without a separate token stream, so this is a scanner of its own over
the text, with PowerShell's two modes: at the start of a statement and after `|`, a bare word
is a command name and the words after it are arguments (`-Name` a parameter) until the
statement ends; elsewhere words are keywords, members or types.  Token kinds and PSTokenTypes
are PowerShell's names (PS: engine/parser/token.cs, PSToken.cs).
"""

from __future__ import annotations

import re

from pscompat.engine.ast_api.extent import ScriptExtent
from pscompat.source import Source, Span

_LANG = "System.Management.Automation.Language."

KEYWORDS = {
    "begin", "break", "catch", "class", "clean", "continue", "data", "define", "do", "dynamicparam",
    "else", "elseif", "end", "enum", "exit", "filter", "finally", "for", "foreach", "from",
    "function", "hidden", "if", "in", "param", "process", "return", "static", "switch", "throw",
    "trap", "try", "until", "using", "var", "while", "workflow", "parallel", "sequence", "inlinescript",
}  # fmt: skip

_SCANNER = re.compile(
    r"""
    (?P<comment><\#.*?\#>|\#[^\n]*)
  | (?P<newline>\r?\n)
  | (?P<continuation>`\r?\n)
  | (?P<blank>[ \t\f]+)
  | (?P<herestring>@"\r?\n.*?\r?\n"@|@'\r?\n.*?\r?\n'@)
  | (?P<string>"(?:[^"`]|`.|"")*"|'(?:[^']|'')*')
  | (?P<variable>[$@](?:\{[^}]*\}|[\w:?^$]+(?<!:))|\$\$|\$\?|\$\^)
  | (?P<splatstart>@\(|@\{|\$\()
  | (?P<number>0x[0-9a-f]+[lu]*|(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?(?:[dlu]|kb|mb|gb|tb|pb)*(?![\w-]))
  | (?P<parameter>-[a-z_][\w-]*:?)
  | (?P<dashop>-(?:[ci]?(?:eq|ne|gt|ge|lt|le|like|notlike|match|notmatch|replace|contains|notcontains|in|notin|split)|and|or|xor|not|band|bor|bxor|bnot|shl|shr|is|isnot|as|f|join)\b)
  | (?P<operator>\+\+|--|\+=|-=|\*=|/=|%=|\?\?=|\?\?|&&|\|\||2>&1|\*>&1|[0-9*]?>>|[0-9*]?>|\.\.|::|[-+*/%=!,.;&|?:])
  | (?P<group>[(){}\[\]])
  | (?P<word>[^\s(){}\[\];,|&'"`$@#]+)
    """,
    re.VERBOSE | re.IGNORECASE | re.DOTALL,
)

_GROUP_KINDS = {"(": "LParen", ")": "RParen", "{": "LCurly", "}": "RCurly", "[": "LBracket", "]": "RBracket"}
_OPERATOR_KINDS = {
    "=": "Equals", "+=": "PlusEquals", "-=": "MinusEquals", "*=": "MultiplyEquals", "/=": "DivideEquals",
    "%=": "RemainderEquals", "++": "PlusPlus", "--": "MinusMinus", "+": "Plus", "-": "Minus", "*": "Multiply",
    "/": "Divide", "%": "Rem", "!": "Exclaim", ",": "Comma", ".": "Dot", "..": "DotDot", "::": "ColonColon",
    ";": "Semi", "&": "Ampersand", "|": "Pipe", "&&": "AndAnd", "||": "OrOr", "??": "QuestionQuestion",
    "??=": "QuestionQuestionEquals", "?": "QuestionMark", ":": "Colon",
}  # fmt: skip


class Token:
    """Language.Token."""

    PS_TYPE_NAMES = (_LANG + "Token", "System.Object")
    PS_PROPERTIES = ("Text", "TokenFlags", "Kind", "HasError", "Extent")

    __slots__ = ("kind", "span", "source", "ps_type", "content")

    def __init__(self, kind: str, span: Span, source: Source, ps_type: str, content: str | None = None) -> None:
        self.kind = kind
        self.span = span
        self.source = source
        self.ps_type = ps_type  # the PSTokenType of the same token
        self.content = content

    @property
    def Kind(self) -> str:
        return self.kind

    @property
    def Text(self) -> str:
        return self.source.segment(self.span)

    @property
    def TokenFlags(self) -> str:
        return "None"

    @property
    def HasError(self) -> bool:
        return False

    @property
    def Extent(self) -> ScriptExtent:
        return ScriptExtent(self.source, self.span)

    def ToString(self) -> str:
        return self.Text


class PSToken:
    """System.Management.Automation.PSToken (the PowerShell 2 tokenizer's token)."""

    PS_TYPE_NAMES = ("System.Management.Automation.PSToken", "System.Object")
    PS_PROPERTIES = ("Content", "Type", "Start", "Length", "StartLine", "StartColumn", "EndLine", "EndColumn")

    __slots__ = ("token",)

    def __init__(self, token: Token) -> None:
        self.token = token

    @property
    def Content(self) -> str:
        token = self.token
        return token.content if token.content is not None else token.Text

    @property
    def Type(self) -> str:
        return self.token.ps_type

    @property
    def Start(self) -> int:
        return self.token.span.start

    @property
    def Length(self) -> int:
        return self.token.span.end - self.token.span.start

    @property
    def StartLine(self) -> int:
        return self.token.source.coord(self.token.span.start)[0]

    @property
    def StartColumn(self) -> int:
        return self.token.source.coord(self.token.span.start)[1]

    @property
    def EndLine(self) -> int:
        return self.token.source.coord(self.token.span.end)[0]

    @property
    def EndColumn(self) -> int:
        return self.token.source.coord(self.token.span.end)[1]


def tokenize(source: Source) -> list[Token]:
    """Every token of the text, comments and newlines included, ending with EndOfInput."""
    text = source.text
    out: list[Token] = []
    command_mode = True  # a bare word here names a command
    in_command = False  # inside a command's arguments
    depth: list[bool] = []  # the in_command of the enclosing groups
    pos = 0
    while pos < len(text):
        m = _SCANNER.match(text, pos)
        if m is None or m.end() == pos:  # an unknown character: one generic token, then go on
            out.append(Token("Generic", Span(pos, pos + 1), source, "Unknown"))
            pos += 1
            continue
        group, start, end = m.lastgroup, m.start(), m.end()
        word = m.group()
        pos = end
        span = Span(start, end)
        if group == "blank":
            continue
        if group == "continuation":
            out.append(Token("LineContinuation", span, source, "LineContinuation"))
            continue
        if group == "comment":
            out.append(Token("Comment", span, source, "Comment"))
            continue
        if group == "newline":
            out.append(Token("NewLine", span, source, "NewLine", "\n"))
            if not depth or not depth[-1]:
                command_mode, in_command = True, False
            continue
        if group in ("string", "herestring"):
            double = word.startswith(('"', '@"'))
            kind = ("HereString" if group == "herestring" else "String") + ("Expandable" if double else "Literal")
            out.append(Token(kind, span, source, "String", _string_content(word, group == "herestring")))
        elif group == "variable":
            name = word[1:].strip("{}")
            if word.startswith("@"):
                out.append(Token("SplattedVariable", span, source, "Variable", name))
            else:
                out.append(Token("Variable", span, source, "Variable", name))
        elif group == "splatstart":
            kind = {"@(": "AtParen", "@{": "AtCurly", "$(": "DollarParen"}[word]
            out.append(Token(kind, span, source, "GroupStart"))
            depth.append(in_command)
            command_mode, in_command = word != "@{", False
            continue
        elif group == "number" and not in_command:
            out.append(Token("Number", span, source, "Number"))
        elif group == "parameter" and in_command:
            out.append(Token("Parameter", span, source, "CommandParameter", word.rstrip(":")))
        elif group in ("dashop", "parameter") and not in_command:
            kind = word[1:2].upper() + word[2:].lower()
            out.append(Token(kind, span, source, "Operator"))
        elif group == "operator":
            kind = _OPERATOR_KINDS.get(word, "Redirection" if ">" in word else "Generic")
            if word in (";", "|", "&&", "||"):
                out.append(Token(kind, span, source, "StatementSeparator" if word == ";" else "Operator"))
                command_mode, in_command = True, False
                continue
            if word in ("%", "?") and command_mode:  # the ForEach-Object / Where-Object aliases
                out.append(Token("Generic", span, source, "Command"))
                command_mode, in_command = False, True
                continue
            if word == "&" and command_mode:
                out.append(Token(kind, span, source, "Operator"))
                continue
            out.append(Token(kind, span, source, "Operator"))
            if word in ("=", "+=", "-=", "*=", "/=", "%=", "??="):
                command_mode, in_command = True, False
                continue
        elif group == "group":
            out.append(Token(_GROUP_KINDS[word], span, source, "GroupStart" if word in "({[" else "GroupEnd"))
            if word in "({":
                depth.append(in_command)
                command_mode, in_command = True, False
            elif word in ")}" and depth:
                in_command = depth.pop()
                command_mode = word == "}"
                if word == "}":
                    in_command = False
            elif word == "[" and not in_command:
                pos = _type_name(text, pos, out, source)
            continue
        else:  # a word, or a number in argument mode
            if in_command:
                out.append(Token("Generic", span, source, "CommandArgument"))
            elif command_mode and word.lower() in KEYWORDS:
                out.append(Token(word[:1].upper() + word[1:].lower(), span, source, "Keyword"))
                command_mode = word.lower() not in ("function", "filter", "class", "enum", "param")
                continue
            elif command_mode:
                out.append(Token("Generic" if "-" in word or "." in word else "Identifier", span, source, "Command"))
                in_command = True
            else:
                out.append(Token("Identifier", span, source, "Member"))
        command_mode = False
    out.append(Token("EndOfInput", Span(len(text), len(text)), source, "Unknown"))
    return out


def _type_name(text: str, pos: int, out: list[Token], source: Source) -> int:
    """After `[`: a type name up to the matching `]` is one Identifier (PSTokenType Type)."""
    m = re.compile(r"\s*([\w.`]+(?:\[[\w.,\s\[\]`]*\])?)\s*(?=\])").match(text, pos)
    if m is None:
        return pos
    out.append(Token("Identifier", Span(m.start(1), m.end(1)), source, "Type"))
    return m.end()


def _string_content(word: str, here: bool) -> str:
    if here:
        body = word[2:-2]
        return body.strip("\r\n")
    quote = word[0]
    body = word[1:-1]
    return body.replace(quote * 2, quote)
