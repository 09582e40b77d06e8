"""Variable scopes as PowerShell has them (about_Scopes).

A Scope holds its variables in a dict keyed by lower-cased name.  Reads walk up to the global
scope; plain assignment writes the current scope.  Script blocks run with `&` and functions get
a child scope; dot-sourcing and Where-Object/ForEach-Object blocks reuse the caller's.
"""

from __future__ import annotations

import os
from typing import Any

_MISSING = object()


class Scope:
    __slots__ = (
        "vars",
        "parent",
        "ctx",
        "types",
        "validators",
        "is_script",
        "options",
        "private",
        "automation_null",
        "names",
        "descriptions",
        "functions",
        "module",
    )

    def __init__(self, parent: Scope | None, ctx: Any, is_script: bool = False):
        self.vars: dict[str, Any] = {}
        self.parent = parent
        self.ctx = ctx
        self.types: dict[str, str] | None = None  # typed variables: name -> type constraint
        # variables with validation attributes (`[ValidateRange(1,10)]$x = 5`, a validated
        # parameter): name -> (the name as written, the checks of engine/validation.py)
        self.validators: dict[str, tuple[str, tuple[Any, ...]]] | None = None
        self.is_script = is_script
        self.options: dict[str, str] | None = None  # name -> 'ReadOnly' | 'Constant'
        self.private: set[str] | None = None  # `$private:x`: invisible to child scopes
        self.automation_null: set[str] | None = None  # variables holding "no output at all"
        # a variable's name as first written, when not all lower case (Get-Variable shows it),
        # and -Description texts: name -> text
        self.names: dict[str, str] | None = None
        self.descriptions: dict[str, str] | None = None
        # functions defined in this scope (about_Scopes: functions are scoped like variables);
        # None until one is, so a lookup skips the scope with one test
        self.functions: dict[str, Any] | None = None
        # the module whose session state this scope belongs to (engine/modules/); a child
        # scope inherits it, the global scope and plain scripts have None
        self.module: Any = parent.module if parent is not None else None

    # -- lookups -------------------------------------------------------------------------
    def lookup(self, key: str, default: Any = _MISSING) -> Any:
        """key is already lower-cased and has no scope prefix."""
        scope = self
        while scope is not None:
            v = scope.vars.get(key, _MISSING)
            if v is not _MISSING and (scope is self or not scope.private or key not in scope.private):
                return v
            scope = scope.parent
        return default

    def mark_automation_null(self, key: str) -> None:
        if self.automation_null is None:
            self.automation_null = set()
        self.automation_null.add(key)

    def is_automation_null(self, key: str) -> bool:
        owner = self.owner(key)
        return owner is not None and owner.automation_null is not None and key in owner.automation_null

    def owner(self, key: str) -> Scope | None:
        scope = self
        while scope is not None:
            if key in scope.vars:
                return scope
            scope = scope.parent
        return None

    def remember_name(self, key: str, name: str) -> None:
        """Keep `name` as the spelling of a variable this scope is about to create."""
        if key not in self.vars:
            if self.names is None:
                self.names = {}
            self.names[key] = name

    def variable_details(self, key: str) -> tuple[str, str, str]:
        """(name as first written, description, options) of the variable `key` seen from here."""
        owner = self.owner(key)
        if owner is None:
            return key, "", "None"
        name = owner.names.get(key, key) if owner.names else key
        description = owner.descriptions.get(key, "") if owner.descriptions else ""
        option = owner.options.get(key, "None") if owner.options else "None"
        return name, description, option

    def find_function(self, key: str) -> Any:
        """The function `key` (lower-cased) seen from this scope: the nearest scope defining it."""
        scope: Scope | None = self
        while scope is not None:
            table = scope.functions
            if table is not None:
                info = table.get(key)
                if info is not None:
                    return info
            scope = scope.parent
        return None

    def visible_functions(self) -> dict[str, Any]:
        """Every function seen from this scope, inner definitions hiding outer ones."""
        chain = []
        scope: Scope | None = self
        while scope is not None:
            if scope.functions:
                chain.append(scope.functions)
            scope = scope.parent
        out: dict[str, Any] = {}
        for table in reversed(chain):
            out.update(table)
        return out

    def module_scope(self) -> Scope:
        """The top scope of this scope's session state: a module's scope, else the global one."""
        scope = self
        while scope.parent is not None and scope.parent.module is scope.module:
            scope = scope.parent
        return scope

    def global_scope(self) -> Scope:
        scope = self
        while scope.parent is not None:
            scope = scope.parent
        return scope

    def script_scope(self) -> Scope:
        scope = self
        while scope.parent is not None and not scope.is_script and scope.parent.module is scope.module:
            scope = scope.parent
        return scope

    # -- what operators need (`$Matches`, script-block arguments of -replace/-split) ------------
    @property
    def matches(self) -> Any:
        return self.lookup("matches", None)

    @matches.setter
    def matches(self, value: Any) -> None:
        self.vars["matches"] = value

    def invoke_block(self, block, args=(), dollar_under: Any = None) -> list:
        return self.ctx.invoke_block(block, args, dollar_under, False, self)

    def child(self) -> Scope:
        return Scope(self, self.ctx)


MISSING = _MISSING
AUTOMATION_NULL = object()  # what a pipeline that wrote nothing evaluates to, before it is stored


def split_qualified(name: str) -> tuple[str | None, str]:
    """'global:X' -> ('global', 'x'); 'env:Path' -> ('env', 'Path'); 'x' -> (None, 'x')."""
    if ":" in name:
        qual, _, rest = name.partition(":")
        q = qual.lower()
        if q in ("global", "script", "local", "private", "using", "variable"):
            return q, rest.lower()
        if q == "env":
            return "env", rest
        return q, rest
    return None, name.lower()


def env_get(name: str) -> Any:
    value = os.environ.get(name)
    if value is None and os.name == "nt":  # pragma: no cover - Windows env is case-insensitive
        for k, v in os.environ.items():
            if k.lower() == name.lower():
                return v
    return value


def env_set(name: str, value: Any) -> None:
    from pscompat.values.convert.strings import to_string

    if value is None or value == "":
        os.environ.pop(name, None)
    else:
        os.environ[name] = to_string(value)
