"""Ast objects: a view of one syntax node as PowerShell's Language.*Ast type named for it in
table.py, with Extent, Parent, Find/FindAll/Visit and the type's members.

A wrapper is made when a script asks for it (`.Ast`, ParseInput) and its children when they are
read; each wrapper keeps the ones it made, so `$a.EndBlock` is the same object every time and
`.Parent` leads back up.  The syntax tree itself is shared and never changed.
"""

from __future__ import annotations

from typing import Any

from pscompat.engine.ast_api.extent import ScriptExtent
from pscompat.engine.ast_api.table import AST_BASES, MEMBERS, NODE_TYPES
from pscompat.source import Source
from pscompat.syntax import nodes as N

LANGUAGE = "System.Management.Automation.Language."


class Ast:
    """Members common to every Ast type (PS: ast.cs class Ast)."""

    PS_TYPE_NAMES: tuple[str, ...] = (LANGUAGE + "Ast", "System.Object")
    PS_PROPERTIES: tuple[str, ...] = ("Extent", "Parent")
    AST_TYPE = "Ast"

    __slots__ = ("node", "source", "parent", "role", "_made")

    def __init__(self, node: Any, source: Source, parent: Ast | None = None, role: str | None = None) -> None:
        self.node = node
        self.source = source
        self.parent = parent
        self.role = role  # a NamedBlockAst's BlockKind
        self._made: dict | None = None

    @property
    def extent(self) -> ScriptExtent:
        return ScriptExtent(self.source, self.node.span)

    @property
    def Extent(self) -> ScriptExtent:
        return self.extent

    @property
    def Parent(self) -> Ast | None:
        return self.parent

    def wrap(self, node: Any, as_type: str | None = None, key: Any = None) -> Ast | None:
        """The child wrapper for `node` (None stays None), made once per node and role; a node
        made up for the view (a parameter's name) is kept by `key` instead."""
        if node is None:
            return None
        made = self._made
        if made is None:
            made = self._made = {}
        if key is None:
            key = (id(node), as_type)
        found = made.get(key)
        if found is None:
            found = made[key] = make_ast(node, self.source, self, as_type, self.role_for(node, as_type))
        return found

    def role_for(self, node: Any, as_type: str | None) -> str | None:
        if as_type != "NamedBlockAst":
            return None
        sb = self.node
        for field, kind in (("begin", "Begin"), ("process", "Process"), ("end", "End"), ("clean", "Clean")):
            if getattr(sb, field, None) is node:
                return kind
        return "End"

    # -- PowerShell's methods --------------------------------------------------------------------
    def children(self) -> list[Ast]:
        """The Ast children in source order (what PowerShell's visitor walks)."""
        found: dict[int, Ast] = {}
        for name in type(self).PS_PROPERTIES:
            if name in ("Extent", "Parent", "ErrorPosition", "StaticType", "TypeName", "VariablePath"):
                continue
            _collect(getattr(self, name), found)
        return sorted(found.values(), key=lambda a: (a.node.span.start, -a.node.span.end))

    def FindAll(self, predicate: Any, search_nested_script_blocks: Any = True) -> list[Ast]:
        return list(self._walk(predicate, bool(search_nested_script_blocks), first=False))

    def Find(self, predicate: Any, search_nested_script_blocks: Any = True) -> Ast | None:
        return next(iter(self._walk(predicate, bool(search_nested_script_blocks), first=True)), None)

    def _walk(self, predicate: Any, nested: bool, first: bool):
        test = _predicate(predicate)
        stack: list[Ast] = [self]
        while stack:
            ast = stack.pop()
            if test(ast):
                yield ast
                if first:
                    return
            kids = ast.children()
            if not nested:  # the script blocks inside are not searched (the one searched from is)
                kids = [k for k in kids if not isinstance(k.node, N.ScriptBlock)]
            stack.extend(reversed(kids))

    def Visit(self, visitor: Any) -> Any:
        """AstVisitor: calls the visitor's `Visit<Type>` method for each node, depth first, and
        skips a node's children when it returns 'SkipChildren' (stops on 'StopVisit')."""
        stack: list[Ast] = [self]
        while stack:
            ast = stack.pop()
            action = _visit_one(visitor, ast)
            if str(action).lower() == "stopvisit":
                return None
            if str(action).lower() != "skipchildren":
                stack.extend(reversed(ast.children()))
        return None

    def Copy(self) -> Ast:
        return make_ast(self.node, self.source, None, None, self.role)

    def SafeGetValue(self) -> Any:
        """The value of a constant-only expression (numbers, strings, $true/$false/$null,
        arrays and hashtables of those); anything that would run code is refused."""
        from pscompat.engine.ast_api.safe_value import safe_value

        return safe_value(self.node, self.extent.Text)

    def GetCommandName(self) -> str | None:
        first = self.node.elements[0] if isinstance(self.node, N.Command) and self.node.elements else None
        return first.value if isinstance(first, N.StringConstant) else None

    def ToString(self) -> str:
        return self.extent.Text

    def __str__(self) -> str:
        return self.extent.Text

    def __repr__(self) -> str:
        return f"<{self.AST_TYPE} {self.extent.Text[:40]!r}>"


def _collect(value: Any, found: dict[int, Ast]) -> None:
    if isinstance(value, Ast):
        found.setdefault(id(value), value)
    elif isinstance(value, list):
        for item in value:
            _collect(item, found)
    elif hasattr(value, "Item1"):
        _collect(value.Item1, found)
        _collect(value.Item2, found)


def _predicate(predicate: Any):
    if predicate is None or not callable(predicate):
        from pscompat.errors import PSError

        raise PSError(
            'Exception calling "FindAll" with "2" argument(s): "Value cannot be null. (Parameter \'predicate\')"',
            "ArgumentNullException",
            category="InvalidArgument",
        )
    return lambda ast: bool(predicate(ast))


def script_predicate(block: Any, scope: Any):
    """A script block as Func<Ast, bool>: the Ast is its first argument ($args[0] or its param)."""
    from pscompat.values.convert.primitives import to_bool

    def test(ast: Ast) -> bool:
        out = scope.ctx.invoke_block(block, (ast,), None, True, scope)
        return to_bool(out[0] if len(out) == 1 else out)

    return test


def call_with_scope(target: Ast, name: str, values: list, scope: Any) -> Any:
    """`$ast.FindAll({...}, $true)` / `.Find(...)`: the engine hands the caller's scope so a
    script-block predicate runs as PowerShell's delegate conversion runs it."""
    args = [script_predicate(v, scope) if _is_script_block(v) else v for v in values]
    method = target.FindAll if name == "findall" else target.Find
    return method(*args)


def _is_script_block(value: Any) -> bool:
    # by PowerShell's type name: engine.scriptblock imports this module for ScriptBlock.Ast
    return getattr(value, "PS_TYPE_NAMES", ("",))[0] == "System.Management.Automation.ScriptBlock"


def _visit_one(visitor: Any, ast: Ast) -> Any:
    method = getattr(visitor, "Visit" + ast.AST_TYPE.removesuffix("Ast"), None)
    if method is None:
        from pscompat.values.methods.dispatch import call_method

        try:
            return call_method(visitor, "Visit" + ast.AST_TYPE.removesuffix("Ast"), [ast])
        except Exception:  # the visitor has no method for this type: go on (AstVisitor's default)
            return "Continue"
    return method(ast)


# -- the generated classes, one per Ast type ---------------------------------------------------
_CLASSES: dict[str, type[Ast]] = {"Ast": Ast}


def _lineage(name: str) -> list[str]:
    chain = []
    cur: str | None = name
    while cur is not None:
        chain.append(cur)
        cur = AST_BASES[cur]
    return chain


def ast_class(name: str) -> type[Ast]:
    found = _CLASSES.get(name)
    if found is not None:
        return found
    base = ast_class(AST_BASES[name] or "Ast")
    members: dict[str, Any] = {}
    for type_name in reversed(_lineage(name)):
        members.update(MEMBERS.get(type_name, {}))
    namespace: dict[str, Any] = {
        "__slots__": (),
        "AST_TYPE": name,
        "PS_TYPE_NAMES": tuple(LANGUAGE + t for t in _lineage(name)) + ("System.Object",),
        "PS_PROPERTIES": tuple(members) + ("Extent", "Parent"),
    }
    for prop, accessor in members.items():
        namespace[prop] = property(accessor)
    cls = type(name, (base,), namespace)
    _CLASSES[name] = cls
    return cls


def make_ast(
    node: Any, source: Source, parent: Ast | None = None, as_type: str | None = None, role: str | None = None
) -> Ast:
    kind = as_type or NODE_TYPES.get(type(node), "Ast")
    if callable(kind):
        kind = kind(node)
    return ast_class(kind)(node, source, parent, role)


def all_type_names() -> list[str]:
    return [LANGUAGE + name for name in AST_BASES]
