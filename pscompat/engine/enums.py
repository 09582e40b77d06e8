"""Enums a script defines (`[Flags()] enum Name : byte { A; B = 5 }`), and `using`.

Docs: about_Enum: members count up from 0, or from the value before; `[Flags()]` makes a flags
enum (`-band`, `-bor`, 'A, B' as text); the underlying type (default Int32) bounds the values
(PS: ParserStrings EnumeratorValueOutOfBounds).  The values are .NET-like enum members built
by values/dotnet/enums.py, so casts (`[Name]'a'`, `[Name]3`), `[Name]::A`, `[enum]::GetNames`,
`-is` and comparisons behave as for the built-in enums.  Docs: about_Using for `using`.
"""

from __future__ import annotations

import enum
from typing import Any

from pscompat.errors import PSError
from pscompat.source import Source
from pscompat.syntax import nodes as N
from pscompat.values.dotnet.enums import define_enum, make, to_enum
from pscompat.values.dotnet.type_literals import PSType, register_type_value, resolve_type
from pscompat.values.dotnet.typenames import add_using_namespace

_BOUNDS = {
    "System.Byte": (0, 0xFF),
    "System.SByte": (-0x80, 0x7F),
    "System.Int16": (-0x8000, 0x7FFF),
    "System.UInt16": (0, 0xFFFF),
    "System.Int32": (-0x80000000, 0x7FFFFFFF),
    "System.UInt32": (0, 0xFFFFFFFF),
    "System.Int64": (-(1 << 63), (1 << 63) - 1),
    "System.UInt64": (0, (1 << 64) - 1),
}


class EnumType(PSType):
    """`[Name]` for an enum a script defined: its members are its static properties."""

    def __init__(self, full: str, cls: type, underlying: str) -> None:
        super().__init__(full)
        self.enum_class = cls
        self.underlying = underlying

    @property
    def BaseType(self):
        return resolve_type("System.Enum")

    def _member(self, name: str):
        folded = name.lower()
        return next((m for m in _members(self.enum_class) if m.name.lower() == folded), None)

    def get_static(self, member: str):
        return self._member(member)

    def call_static(self, method: str, args: list):
        if method.lower() == "new" and not args:
            return make(self.enum_class, 0)
        return super().call_static(method, args)

    def new(self, args: list):
        return self.call_static("new", args)

    def convert(self, value):
        return to_enum(value, self.full_name)

    def static_members(self) -> list:
        from pscompat.values.objects.model import MemberInfo

        return [
            MemberInfo(m.name, "Property", f"static {self.full_name} {m.name} {{get;}}")
            for m in _members(self.enum_class)
        ]


def _members(cls: Any) -> list:
    return list(cls.__members__.values())


def _is_flags(node: N.TypeDefinition) -> bool:
    return any(
        a.name.lower() in ("flags", "flagsattribute", "system.flags", "system.flagsattribute") for a in node.attributes
    )


def define_enum_type(node: N.TypeDefinition, scope: Any, compiler: Any) -> EnumType:
    """`compiler`: the StatementCompiler of the script that defines the enum."""
    source = compiler.source
    underlying = resolve_type(node.base_types[0].name).full_name if node.base_types else "System.Int32"
    low, high = _BOUNDS.get(underlying, _BOUNDS["System.Int64"])
    members: list[tuple[str, int]] = []
    next_value = 0
    for member in node.members:
        value = next_value
        if member.value is not None:
            raw = compiler.expr(member.value)(scope)
            try:
                value = int(raw.value if isinstance(raw, enum.Enum) else raw)
            except (TypeError, ValueError):
                raise PSError(
                    "Enumerator value must be a constant value.",
                    "EnumeratorValueMustBeConstant",
                    span=member.value.span,
                    source=source,
                    reason="ParserError",
                ) from None
        if not low <= value <= high:
            raise PSError(
                f"Enumerator value is either too large or too small for {underlying}.",
                "EnumeratorValueOutOfBounds",
                span=member.value.span if member.value is not None else member.span,
                source=source,
                reason="ParserError",
            )
        members.append((member.name, value))
        next_value = value + 1
    cls = define_enum(node.name, _is_flags(node), members, underlying)
    value_type = EnumType(node.name, cls, underlying)
    register_type_value(value_type)
    return value_type


def run_using(node: N.UsingStatement, scope: Any, emit: Any, compiler: Any) -> None:
    """`using namespace` widens type lookup; `using module` imports the module (about_Using);
    `using assembly` loads nothing: pscompat's .NET types are built in."""
    if node.kind == "namespace":
        add_using_namespace(node.name)
    elif node.kind == "module":
        from pscompat.syntax.grammar import parse_cached

        text = "Import-Module -Name '{}'".format(node.name.replace("'", "''"))
        type(compiler)(Source(text, "using module")).block(parse_cached(text).end)(scope, emit)
