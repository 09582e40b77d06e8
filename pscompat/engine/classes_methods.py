"""Methods and constructors of script classes (engine/classes.py): compiling their bodies,
choosing an overload, binding `$this` and the typed parameters, and the return value.

Docs: about_Classes_Methods ("methods ... only the return statement writes to the output"),
about_Classes_Constructors (`: base(...)` runs the base constructor first).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pscompat.engine.scope import Scope
from pscompat.errors import PSError, ReturnFlow
from pscompat.syntax import nodes as N
from pscompat.values.convert.primitives import convert_to
from pscompat.values.methods.invoke import VOID

if TYPE_CHECKING:
    from pscompat.engine.classes import ClassType


def _discard(_value: Any) -> None:
    return None


class MethodDef:
    __slots__ = (
        "name",
        "parameters",
        "parameter_names",
        "return_type",
        "static",
        "hidden",
        "is_constructor",
        "body",
        "base_args",
        "owner",
    )

    def __init__(self, node: N.MethodMember, body, base_args, owner: ClassType) -> None:
        self.name = node.name
        self.parameters = [(p.name.lower(), p.type.name if p.type is not None else None) for p in node.parameters]
        self.parameter_names = [(p.name, p.type.name if p.type is not None else None) for p in node.parameters]
        rt = node.return_type.name if node.return_type is not None else None
        self.return_type = None if rt is None or rt.lower() in ("void", "system.void") else rt
        self.static = node.static
        self.hidden = node.hidden
        self.is_constructor = node.is_constructor
        self.body = body
        self.base_args = base_args  # compiled `: base(...)` arguments, or None
        self.owner = owner

    def signature(self) -> str:
        params = ", ".join(f"{t or 'System.Object'} {n}" for n, t in self.parameter_names)
        return f"{self.return_type or 'void'} {self.name}({params})"

    def _scope(self, this: Any, args: list) -> Scope:
        defining = self.owner.scope
        scope = Scope(defining, defining.ctx)
        if not self.static:
            scope.vars["this"] = this
        for (name, type_name), value in zip(self.parameters, args, strict=True):
            scope.vars[name] = convert_to(value, type_name) if type_name is not None else value
        return scope

    def _run(self, scope: Scope) -> Any:
        try:
            self.body(scope, _discard)
        except ReturnFlow as ret:  # compiler.statements.MethodReturn, with the value
            return getattr(ret, "value", None)
        return None

    def call(self, this: Any, args: list) -> Any:
        value = self._run(self._scope(this, args))
        if self.return_type is None:
            return VOID
        return convert_to(value, self.return_type)

    def construct(self, instance: Any, args: list) -> None:
        scope = self._scope(instance, args)
        base = self.owner.base
        if base is not None:
            base_args = [a(scope) for a in self.base_args] if self.base_args is not None else []
            base._construct(instance, base_args)
        self._run(scope)


def no_overload(name: str, count: int) -> PSError:
    return PSError(
        f'Cannot find an overload for "{name}" and the argument count: "{count}".',
        "MethodCountCouldNotFindBest",
        category="NotSpecified",
        exception_type="System.Management.Automation.MethodException",
    )


def choose_overload(overloads: list[MethodDef], name: str, args: list) -> MethodDef:
    """The overload with as many parameters as arguments; among several, the first whose
    parameter types all accept the arguments (PS: MethodCountCouldNotFindBest otherwise)."""
    fitting = [m for m in overloads if len(m.parameters) == len(args)]
    if not fitting:
        raise no_overload(name, len(args))
    if len(fitting) == 1:
        return fitting[0]
    for method in fitting:
        if all(_exact(arg, t) for (_, t), arg in zip(method.parameters, args, strict=True)):
            return method
    for method in fitting:
        try:
            for (_, t), arg in zip(method.parameters, args, strict=True):
                if t is not None:
                    convert_to(arg, t)
            return method
        except PSError:
            continue
    return fitting[0]


def _exact(arg: Any, type_name: str | None) -> bool:
    from pscompat.values.convert.primitives import is_instance

    return type_name is None or is_instance(arg, type_name)


def compile_method(node: N.MethodMember, compiler: Any, owner: ClassType) -> MethodDef:
    """`compiler`: the StatementCompiler of the script that defines the class."""
    body = compiler.method_body(node)
    base_args = [compiler.expr(a) for a in node.base_arguments] if node.base_arguments is not None else None
    return MethodDef(node, body, base_args, owner)
