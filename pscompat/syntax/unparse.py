"""Nodes back to canonical PowerShell text: `parse(unparse(tree))` equals `tree` (spans aside).

Canonical form: single spaces around binary operators (none around `..`), `, ` between array
elements, ASCII dashes, `{ a; b }` blocks, one top-level statement per line.  Parentheses are
never added: the tree keeps the `Paren` nodes the source had.  A script block inside a statement
is written from its `text`, because that text is part of the tree (`$sb.ToString()`, calculated
property names) and must survive the round trip exactly.
"""

from __future__ import annotations

import re

from pscompat.syntax import nodes as n
from pscompat.syntax.lexer import DQUOTE, EXPRESSION_START, NUMBER, SQUOTE, STATEMENT_KEYWORDS

_DOUBLE_ESCAPES = {
    "\0": "`0",
    "\a": "`a",
    "\b": "`b",
    "\x1b": "`e",
    "\f": "`f",
    "\n": "`n",
    "\r": "`r",
    "\t": "`t",
    "\v": "`v",
    "`": "``",
    "$": "`$",
}
_BARE_SPECIAL = set(" \t\f\v\u00a0;,|&(){}`$") | set(SQUOTE) | set(DQUOTE)
_BARE_START_SPECIAL = set("@#<>-\u2013\u2014\u2015")
_LOOKS_NUMERIC = re.compile(rf"[-\u2013\u2014\u2015+]?{NUMBER}\Z", re.I)
_NAME_CHAR = re.compile(r"[\w?:]")
_WORD_OPS = {"-not", "-bnot", "-split", "-csplit", "-isplit", "-join"}
_EXPRESSION_START = re.compile(EXPRESSION_START, re.I)


def unparse(node: n.Node) -> str:
    """Canonical PowerShell text for a node (a whole script, statement or expression)."""
    if isinstance(node, n.ScriptBlock):
        return _script_body(node, "\n")
    return _Unparser().visit(node)


def _script_body(block: n.ScriptBlock, sep: str) -> str:
    u = _Unparser()
    parts = [u.visit(block.param_block)] if block.param_block else []
    named = [(name, getattr(block, name)) for name in ("begin", "process", "clean")]
    if any(body is not None for _, body in named):
        named.insert(2, ("end", block.end))
        parts.extend(f"{name} {u.block(body)}" for name, body in named if body is not None)
    elif block.end is not None:
        parts.extend(u.visit(s) for s in block.end.statements)
    return sep.join(parts)


def _escape_double(value: str) -> str:
    return "".join(_DOUBLE_ESCAPES.get(c, "`" + c if c in DQUOTE else c) for c in value)


def _escape_bare(value: str, parameters: bool = True) -> str:
    """An argument-mode word that reads back as the same StringConstant(kind='bare').  After
    `--` (parameters=False) a leading dash needs no escape."""
    text = "".join("`" + c if c in _BARE_SPECIAL else _DOUBLE_ESCAPES.get(c, c) for c in value)
    if text[:1] in _BARE_START_SPECIAL and (parameters or text[0] not in "-\u2013\u2014\u2015"):
        text = "`" + text
    if _LOOKS_NUMERIC.match(value) or not text:
        text += "''"  # an empty quoted part keeps a numeric-looking word a string
    return text


def _command_name(value: str) -> str:
    """A command name must not read as a keyword, an expression or a label."""
    text = _escape_bare(value)
    if value.lower() in STATEMENT_KEYWORDS:
        return text + "''"
    if text == "." or text[:1] not in "`0" and (_EXPRESSION_START.match(text) or text[:1] == ":"):
        return "`" + text.removesuffix("''")
    return text


class _Unparser:
    def visit(self, node: n.Node) -> str:
        text: str = getattr(self, "visit_" + type(node).__name__)(node)
        return text

    def block(self, block: n.StatementBlock) -> str:
        body = [self.visit(s) for s in block.statements]
        if not body:
            return "{}"
        if any("\n" in s for s in body):
            return "{\n" + "\n".join(body) + "\n}"
        return "{ " + "; ".join(body) + " }"

    def statements(self, block: n.StatementBlock) -> str:
        return "; ".join(self.visit(s) for s in block.statements)

    def arg(self, node: n.Node, parameters: bool = True) -> str:
        """A command argument: bare words are escaped for argument mode."""
        if isinstance(node, n.StringConstant) and node.kind == "bare":
            return _escape_bare(node.value, parameters)
        if isinstance(node, n.ArrayLiteral):
            return ", ".join(self.arg(e, parameters) for e in node.elements)
        return self.visit(node)

    def script_block(self, body: n.ScriptBlock) -> str:
        if body.text or not (body.param_block or body.begin or body.process or body.end):
            return "{" + body.text + "}"
        inner = _script_body(body, "; ")
        return "{ " + inner + " }" if inner else "{}"

    # -- expressions

    def visit_Constant(self, node: n.Constant) -> str:
        return node.text or str(node.value)

    def visit_StringConstant(self, node: n.StringConstant) -> str:
        if node.kind == "single":
            return "'" + "".join(c + c if c in SQUOTE else c for c in node.value) + "'"
        if node.kind == "double":
            return '"' + _escape_double(node.value) + '"'
        if node.kind == "here_single":
            return "@'\n" + node.value + "\n'@"
        if node.kind == "here_double":
            return '@"\n' + node.value.replace("`", "``").replace("$", "`$") + '\n"@'
        return _escape_bare(node.value)

    def visit_ExpandableString(self, node: n.ExpandableString) -> str:
        raw = node.raw or self._expandable_raw(node)
        if node.kind == "double":
            return '"' + raw + '"'
        if node.kind == "here_double":
            return '@"\n' + raw + '\n"@'
        return raw

    def _expandable_raw(self, node: n.ExpandableString) -> str:
        out = []
        for i, part in enumerate(node.parts):
            if isinstance(part, str):
                out.append(_escape_double(part))
            elif isinstance(part, n.Variable) and not part.braced:
                following = node.parts[i + 1] if i + 1 < len(node.parts) else ""
                needs_braces = isinstance(following, str) and _NAME_CHAR.match(following[:1] or " ")
                out.append("${" + part.name + "}" if needs_braces else "$" + part.name)
            else:
                out.append(self.visit(part))
        return "".join(out)

    def visit_Variable(self, node: n.Variable) -> str:
        sigil = "@" if node.splatted else "$"
        if node.braced:
            return sigil + "{" + node.name.replace("}", "`}") + "}"
        return sigil + node.name

    def visit_TypeName(self, node: n.TypeName) -> str:
        return "[" + node.name + "]"

    def visit_TypeExpression(self, node: n.TypeExpression) -> str:
        return "[" + node.type.name + "]"

    def visit_Convert(self, node: n.Convert) -> str:
        return "[" + node.type.name + "]" + self.visit(node.operand)

    def visit_AttributedExpression(self, node: n.AttributedExpression) -> str:
        return self.visit(node.attribute) + self.visit(node.child)

    def visit_ArrayLiteral(self, node: n.ArrayLiteral) -> str:
        return ", ".join(self.visit(e) for e in node.elements)

    def visit_ArrayExpression(self, node: n.ArrayExpression) -> str:
        return "@(" + self.statements(node.body) + ")"

    def visit_SubExpression(self, node: n.SubExpression) -> str:
        return "$(" + self.statements(node.body) + ")"

    def visit_Paren(self, node: n.Paren) -> str:
        return "(" + self.visit(node.pipeline) + ")"

    def visit_Hashtable(self, node: n.Hashtable) -> str:
        pairs = []
        for key, value in node.pairs:
            key_text = key.value if isinstance(key, n.StringConstant) and key.kind == "bare" else self.visit(key)
            pairs.append(f"{key_text} = {self.visit(value)}")
        return "@{" + "; ".join(pairs) + "}"

    def visit_ScriptBlockExpression(self, node: n.ScriptBlockExpression) -> str:
        return self.script_block(node.body)

    def visit_Unary(self, node: n.Unary) -> str:
        operand = self.visit(node.operand)
        if node.op.startswith("post"):
            return operand + node.op[4:]
        if node.op in _WORD_OPS:
            return node.op + " " + operand
        if node.op in ("-", "+", "--", "++") and operand[:1] in "-+.0123456789\u2013\u2014\u2015":
            return node.op + " " + operand  # `-5` would read as one number, `--x` as decrement
        return node.op + operand

    def visit_Binary(self, node: n.Binary) -> str:
        left, right = self.visit(node.left), self.visit(node.right)
        if node.op == "..":
            return left + ".." + right
        return f"{left} {node.op} {right}"

    def visit_Ternary(self, node: n.Ternary) -> str:
        return f"{self.visit(node.condition)} ? {self.visit(node.if_true)} : {self.visit(node.if_false)}"

    def _member_access(self, node: n.Member | n.InvokeMember) -> str:
        op = "::" if node.static else "?." if node.null_conditional else "."
        name = node.member
        name_text = name.value if isinstance(name, n.StringConstant) and name.kind == "bare" else self.visit(name)
        return self.visit(node.target) + op + name_text

    def visit_Member(self, node: n.Member) -> str:
        return self._member_access(node)

    def visit_InvokeMember(self, node: n.InvokeMember) -> str:
        generic = "[" + ", ".join(t.name for t in node.generic_arguments) + "]" if node.generic_arguments else ""
        return self._member_access(node) + generic + "(" + ", ".join(self.visit(a) for a in node.arguments) + ")"

    def visit_Index(self, node: n.Index) -> str:
        return self.visit(node.target) + ("?[" if node.null_conditional else "[") + self.visit(node.index) + "]"

    # -- commands and pipelines

    def visit_CommandParameter(self, node: n.CommandParameter) -> str:
        """As typed (`–Name`, `-Name:`), since the text is part of the tree."""
        text = node.text or "-" + node.name + ("" if node.argument is None else ":")
        return text if node.argument is None else text + self.arg(node.argument)

    def visit_Redirection(self, node: n.Redirection) -> str:
        stream = "" if node.stream == "1" else node.stream
        if node.merge_to is not None or node.target is None:  # `2>&1`: a merge has no target
            return f"{stream}>&{node.merge_to}"
        return stream + (">>" if node.append else ">") + self.arg(node.target)

    def visit_Command(self, node: n.Command) -> str:
        words: list[str] = []
        parameters = True
        for element in node.elements:
            if not words and not node.invocation and isinstance(element, n.StringConstant) and element.kind == "bare":
                words.append(_command_name(element.value))
                continue
            words.append(self.arg(element, parameters))
            if isinstance(element, n.CommandParameter) and element.name == "-":
                parameters = False
        words += [self.visit(r) for r in node.redirections]
        text = " ".join(words)
        return f"{node.invocation} {text}" if node.invocation else text

    def visit_CommandExpression(self, node: n.CommandExpression) -> str:
        return " ".join([self.visit(node.expression)] + [self.visit(r) for r in node.redirections])

    def visit_Pipeline(self, node: n.Pipeline) -> str:
        return " | ".join(self.visit(e) for e in node.elements)

    def visit_PipelineChain(self, node: n.PipelineChain) -> str:
        return f"{self.visit(node.left)} {node.op} {self.visit(node.right)}"

    def visit_BackgroundPipeline(self, node: n.BackgroundPipeline) -> str:
        return f"{self.visit(node.pipeline)} &"

    # -- statements

    def visit_Assignment(self, node: n.Assignment) -> str:
        return f"{self.visit(node.target)} {node.op} {self.visit(node.value)}"

    def visit_StatementBlock(self, node: n.StatementBlock) -> str:
        return self.block(node)

    @staticmethod
    def _label(node: n.ForEach | n.For | n.While | n.DoLoop | n.Switch) -> str:
        return f":{node.label} " if node.label else ""

    def visit_If(self, node: n.If) -> str:
        parts = []
        for i, (condition, body) in enumerate(node.clauses):
            parts.append(f"{'elseif' if i else 'if'} ({self.visit(condition)}) {self.block(body)}")
        if node.else_body is not None:
            parts.append("else " + self.block(node.else_body))
        return " ".join(parts)

    def visit_ForEach(self, node: n.ForEach) -> str:
        return f"{self._label(node)}foreach ({self.visit(node.variable)} in {self.visit(node.iterable)}) " + self.block(
            node.body
        )

    def visit_For(self, node: n.For) -> str:
        parts = [self.visit(p) if p is not None else "" for p in (node.init, node.condition, node.iterator)]
        header = parts[0] + "".join(";" + (" " + p if p else "") for p in parts[1:])
        return f"{self._label(node)}for ({header}) {self.block(node.body)}"

    def visit_While(self, node: n.While) -> str:
        return f"{self._label(node)}while ({self.visit(node.condition)}) {self.block(node.body)}"

    def visit_DoLoop(self, node: n.DoLoop) -> str:
        keyword = "until" if node.until else "while"
        return f"{self._label(node)}do {self.block(node.body)} {keyword} ({self.visit(node.condition)})"

    def visit_Switch(self, node: n.Switch) -> str:
        flags = "".join(f" -{flag}" for flag in node.flags)
        value = self.arg(node.value) if "file" in node.flags else f"({self.visit(node.value)})"
        clauses = [f"{self.arg(c.pattern)} {self.block(c.body)}" for c in node.clauses]
        if node.default is not None:
            clauses.append("default " + self.block(node.default))
        body = "{ " + " ".join(clauses) + " }" if clauses else "{}"
        return f"{self._label(node)}switch{flags} {value} {body}"

    def visit_Attribute(self, node: n.Attribute) -> str:
        args = [self.visit(a) for a in node.positional]
        args += [name if value is None else f"{name} = {self.visit(value)}" for name, value in node.named]
        return f"[{node.name}({', '.join(args)})]"

    def visit_ParameterDecl(self, node: n.ParameterDecl) -> str:
        text = "".join(self.visit(a) for a in node.attributes)
        if node.type is not None:
            text += self.visit(node.type)
        text += "$" + node.name
        return text if node.default is None else f"{text} = {self.visit(node.default)}"

    def visit_ParamBlock(self, node: n.ParamBlock) -> str:
        attributes = "".join(self.visit(a) + " " for a in node.attributes)
        return attributes + "param(" + ", ".join(self.visit(p) for p in node.parameters) + ")"

    def visit_ScriptBlock(self, node: n.ScriptBlock) -> str:
        return self.script_block(node)

    def visit_FunctionDefinition(self, node: n.FunctionDefinition) -> str:
        keyword = "filter" if node.is_filter else "function"
        params = "" if node.parameters is None else "(" + ", ".join(self.visit(p) for p in node.parameters) + ")"
        return f"{keyword} {node.name}{params} {self.script_block(node.body)}"

    def _flow(self, keyword: str, value: n.Node | str | None) -> str:
        if value is None:
            return keyword
        return f"{keyword} {value if isinstance(value, str) else self.visit(value)}"

    def visit_Return(self, node: n.Return) -> str:
        return self._flow("return", node.pipeline)

    def visit_Throw(self, node: n.Throw) -> str:
        return self._flow("throw", node.pipeline)

    def visit_Exit(self, node: n.Exit) -> str:
        return self._flow("exit", node.pipeline)

    def visit_Break(self, node: n.Break) -> str:
        return self._flow("break", node.label)

    def visit_Continue(self, node: n.Continue) -> str:
        return self._flow("continue", node.label)

    def visit_Catch(self, node: n.Catch) -> str:
        types = ", ".join(self.visit(t) for t in node.types)
        return f"catch {types + ' ' if types else ''}{self.block(node.body)}"

    def visit_Try(self, node: n.Try) -> str:
        parts = ["try " + self.block(node.body)] + [self.visit(c) for c in node.catches]
        if node.finally_ is not None:
            parts.append("finally " + self.block(node.finally_))
        return " ".join(parts)

    def visit_Trap(self, node: n.Trap) -> str:
        types = "".join(self.visit(t) + " " for t in node.types)
        return f"trap {types}{self.block(node.body)}"
