"""Semantic checks pwsh makes right after parsing (PS: engine/parser/SemanticChecks.cs), done
here while the tree is built so the first error is the one pwsh reports for a script with only
that error.  Each raises SyntaxFail with PowerShell's error id."""

from __future__ import annotations

from collections.abc import Iterable

from pscompat.records import fields
from pscompat.source import Span
from pscompat.syntax import nodes as n
from pscompat.syntax.parse_errors import SyntaxFail


def check_assignable(target: n.Node, simple: bool, error_id: str, *args: object) -> None:
    """What an assignment (or ++/--) may change: a variable, a property, an element, a cast of
    one, `( )` around one, or with plain `=` a list of them (PS: SemanticChecks.cs
    CheckAssignmentTarget).  Null-conditional access cannot be assigned."""
    if isinstance(target, n.ArrayLiteral) and simple:
        for element in target.elements:
            check_assignable(element, True, error_id, *args)
        return
    if isinstance(target, n.Paren):
        inner = target.pipeline
        if (
            isinstance(inner, n.Pipeline)
            and len(inner.elements) == 1
            and isinstance(inner.elements[0], n.CommandExpression)
            and not inner.elements[0].redirections
        ):
            check_assignable(inner.elements[0].expression, simple, error_id, *args)
            return
        raise SyntaxFail(error_id, target.span.start, inner.span, args)
    if isinstance(target, n.Convert):
        check_assignable(target.operand, simple, error_id, *args)
        return
    if isinstance(target, n.AttributedExpression):
        check_assignable(target.child, simple, error_id, *args)
        return
    if isinstance(target, n.Variable) and not target.splatted:
        return
    if isinstance(target, (n.Member, n.InvokeMember, n.Index)) and not target.null_conditional:
        return
    raise SyntaxFail(error_id, target.span.start, target.span, args)


def check_duplicates(text: str, params: Iterable[n.ParameterDecl]) -> None:
    """A parameter name may appear once, in any case (PS: Parser.cs DuplicateFormalParameter,
    reported at the second variable)."""
    seen: set[str] = set()
    for param in params:
        key = param.name.lower()
        if key in seen:
            at = _variable_position(text, param.span.start)
            raise SyntaxFail("DuplicateFormalParameter", at, Span(at, at + len(param.name) + 1), (param.name,))
        seen.add(key)


def _variable_position(text: str, i: int) -> int:
    """Where the variable of a parameter declaration starts: the first `$` outside the
    attributes and type constraints before it."""
    depth = 0
    while i < len(text):
        c = text[i]
        if c in "[(":
            depth += 1
        elif c in "])":
            depth -= 1
        elif c in "'\"" and depth:
            i = text.find(c, i + 1)
            if i < 0:
                break
        elif c == "$" and depth == 0:
            return i
        i += 1
    return i


_LOOPS = (n.ForEach, n.For, n.While, n.DoLoop, n.Switch)


def check_finally(node: object, loops: tuple[str, ...]) -> None:
    """`return`, and `break`/`continue` to no loop inside it, cannot leave a finally block; a
    script block or function inside it is a boundary (PS: SemanticChecks.cs CheckForFlowOutOfFinally)."""
    if isinstance(node, tuple):
        for item in node:
            check_finally(item, loops)
        return
    if not isinstance(node, n.Node) or isinstance(node, (n.ScriptBlockExpression, n.FunctionDefinition)):
        return
    if isinstance(node, (n.Return, n.Break, n.Continue)):
        label = None if isinstance(node, n.Return) else (node.label or "").lower()
        if label is None or not any(label in ("", loop) for loop in loops):
            raise SyntaxFail("ControlLeavingFinally", node.span.start, node.span)
    if isinstance(node, _LOOPS):
        loops = loops + ((node.label or "").lower(),)
    for name in fields(node):
        if name != "span":
            check_finally(getattr(node, name), loops)
