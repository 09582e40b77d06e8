"""Ast.SafeGetValue (PS: engine/parser/SafeValues.cs): the value of an expression built only
from constants, without running anything.  What counts as safe is PowerShell's rule: literals,
`$true`/`$false`/`$null`, arrays, hashtables, parentheses, unary minus/plus and a few
operators on safe operands; a variable, a command or a script block is not."""

from __future__ import annotations

from typing import Any

from pscompat.errors import PSError
from pscompat.syntax import nodes as N
from pscompat.values.objects.classes import Hashtable

_NAMED = {"true": True, "false": False, "null": None}


class _Unsafe(Exception):
    pass


def safe_value(node: Any, text: str) -> Any:
    try:
        return _value(node)
    except _Unsafe:
        raise PSError(
            "Cannot generate a PowerShell object for a ScriptBlock evaluating dynamic expressions. "
            f"Dynamic expression: {text}.",
            "InvalidOperationException",
            category="InvalidOperation",
            exception_type="System.InvalidOperationException",
        ) from None


def _single_statement(block: N.StatementBlock) -> list:
    return [_statement(s) for s in block.statements]


def _statement(statement: Any) -> Any:
    if isinstance(statement, N.Pipeline) and len(statement.elements) == 1:
        only = statement.elements[0]
        if isinstance(only, N.CommandExpression):
            return _value(only.expression)
    raise _Unsafe


def _value(node: Any) -> Any:
    if isinstance(node, (N.Constant, N.StringConstant)):
        return node.value
    if isinstance(node, N.Variable) and node.name.lower() in _NAMED:
        return _NAMED[node.name.lower()]
    if isinstance(node, N.ArrayLiteral):
        return [_value(e) for e in node.elements]
    if isinstance(node, N.ArrayExpression):
        out: list = []
        for item in _single_statement(node.body):
            out.extend(item if isinstance(item, list) else [item])
        return out
    if isinstance(node, N.Paren):
        return _statement(node.pipeline)
    if isinstance(node, N.Hashtable):
        table = Hashtable()
        for key, value in node.pairs:
            table[_value(key)] = _statement(value)
        return table
    if isinstance(node, N.Unary) and node.op in ("-", "+", ","):
        operand = _value(node.operand)
        if node.op == ",":
            return [operand]
        if isinstance(operand, (int, float)) and not isinstance(operand, bool):
            return -operand if node.op == "-" else operand
    if isinstance(node, N.ScriptBlock):
        raise _Unsafe
    if isinstance(node, N.StatementBlock):
        values = _single_statement(node)
        return values[0] if len(values) == 1 else values
    raise _Unsafe
