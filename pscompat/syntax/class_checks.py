"""The checks PowerShell makes on a class's methods right after parsing (PS: engine/parser/
SemanticChecks.cs VisitFunctionMember / VisitReturnStatement; ids and positions pinned by
Scripting.Classes.BasicParsing.Tests.ps1): a void method returns no value, a method with a
return type returns one on every code path, a method body has no param block or named blocks.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from pscompat.records import fields
from pscompat.source import Span
from pscompat.syntax import nodes as n
from pscompat.syntax.parse_errors import SyntaxFail

_NAMED_BLOCK = re.compile(r"\s*(?:#[^\n]*\n\s*)*(begin|process|end|dynamicparam|clean)\s*\{", re.IGNORECASE)
_NESTED_CODE = (n.ScriptBlockExpression, n.FunctionDefinition, n.TypeDefinition)


def check_method(method: n.MethodMember) -> None:
    body = method.body
    if body.param_block is not None:
        raise SyntaxFail("ParamBlockNotAllowedInMethod", body.param_block.span.start, body.param_block.span)
    named = _NAMED_BLOCK.match(body.text)  # `end { }` alone leaves no other trace in the tree
    if named is not None:
        at = body.span.start + 1 + named.start(1)
        raise SyntaxFail("NamedBlockNotAllowedInMethod", at, Span(at, at + len(named.group(1))))
    void = (
        method.is_constructor
        or method.return_type is None
        or method.return_type.name.lower() in ("void", "system.void")
    )
    statements = body.end.statements if body.end is not None else ()
    for ret in _returns(statements):
        if void and ret.pipeline is not None:
            raise SyntaxFail("VoidMethodHasReturn", ret.span.start, ret.span)
        if not void and ret.pipeline is None:
            raise SyntaxFail("NonVoidMethodMissingReturnValue", ret.span.start, ret.span)
    if not void and not _always_leaves(statements):
        word = method.span.start
        if method.return_type is not None:  # PowerShell points at the method's name
            word = method.return_type.span.end + 1
        raise SyntaxFail("MethodHasCodePathNotReturn", word, method.span)


def _returns(node: Any) -> Iterator[n.Return]:
    """The `return` statements of a method body, outside script blocks and functions in it."""
    return (x for x in _flow(node) if isinstance(x, n.Return))


def _always_leaves(statements: Any) -> bool:
    """True when running these statements cannot reach their end: some statement returns,
    throws or exits on every path (a loop `while ($true)` without `break` never ends)."""
    return any(_leaves(s) for s in statements)


def _leaves(stmt: Any) -> bool:
    if isinstance(stmt, (n.Return, n.Throw, n.Exit)):
        return True
    if isinstance(stmt, n.StatementBlock):
        return _always_leaves(stmt.statements)
    if isinstance(stmt, n.If):
        return stmt.else_body is not None and all(
            _always_leaves(body.statements) for body in (*(c[1] for c in stmt.clauses), stmt.else_body)
        )
    if isinstance(stmt, n.Try):
        if stmt.finally_ is not None and _always_leaves(stmt.finally_.statements):
            return True
        return _always_leaves(stmt.body.statements) and all(_always_leaves(c.body.statements) for c in stmt.catches)
    if isinstance(stmt, n.Switch):
        return stmt.default is not None and all(
            _always_leaves(b.statements) for b in (*(c.body for c in stmt.clauses), stmt.default)
        )
    if isinstance(stmt, n.DoLoop) and _always_leaves(stmt.body.statements):  # the body runs once
        return True
    if isinstance(stmt, (n.While, n.For, n.DoLoop)):
        return _endless(stmt) and not any(isinstance(x, n.Break) for x in _flow(stmt.body))
    return False


def _endless(loop: Any) -> bool:
    condition = loop.condition
    if condition is None:  # for (;;)
        return True
    if isinstance(loop, n.DoLoop) and loop.until:
        return _constant(condition) is False
    return _constant(condition) is True


def _constant(statement: Any) -> bool | None:
    if isinstance(statement, n.Pipeline) and len(statement.elements) == 1:
        element = statement.elements[0]
        if isinstance(element, n.CommandExpression) and isinstance(element.expression, n.Variable):
            name = element.expression.name.lower()
            return True if name == "true" else False if name == "false" else None
        if isinstance(element, n.CommandExpression) and isinstance(element.expression, n.Constant):
            return bool(element.expression.value)
    return None


def _flow(node: Any) -> Iterator[Any]:
    """Every node of a method body's own code, depth first (not inside nested script blocks)."""
    stack = [node]
    while stack:
        cur = stack.pop()
        if isinstance(cur, _NESTED_CODE):
            continue
        yield cur
        if isinstance(cur, n.Node):
            stack.extend(reversed([getattr(cur, name) for name in fields(cur) if name != "span"]))
        elif isinstance(cur, tuple):
            stack.extend(reversed(cur))
