"""The intrinsic members every object has (about_Intrinsic_Members): `.psobject` (the object's
PSObject view: Properties, Methods, Members, TypeNames, BaseObject, Copy()), `.pstypenames`,
`.psbase`, `.psadapted`, `.psextended`, and the member-info objects they list
(PSNoteProperty / PSProperty / PSMethod), including `[psnoteproperty]::new(name, value)`."""

from __future__ import annotations

import fnmatch
import re

from pscompat.values.objects.access import properties, set_member
from pscompat.values.objects.classes import PSObject
from pscompat.values.objects.model import type_names
from pscompat.values.objects.script_members import ExtendedPSObject

INTRINSIC = frozenset(("psobject", "pstypenames", "psbase", "psadapted", "psextended"))

_PSOBJECT_TYPE = ("System.Management.Automation.PSObject", "System.Object")


def _type_name_of(value) -> str:
    names = type_names(value)
    return names[0] if names else "System.Object"


class PSMemberInfo:
    """One member of an object as PowerShell's PSMemberInfo shows it; Value reads and writes
    through to the object it belongs to (`$o.psobject.Properties['a'].Value = 2`)."""

    PS_PROPERTIES = ("Value", "MemberType", "IsSettable", "IsGettable", "TypeNameOfValue", "Name", "IsInstance")
    _KIND_TYPES = {
        "NoteProperty": "System.Management.Automation.PSNoteProperty",
        "Property": "System.Management.Automation.PSProperty",
        "Method": "System.Management.Automation.PSMethod",
        "ScriptProperty": "System.Management.Automation.PSScriptProperty",
        "AliasProperty": "System.Management.Automation.PSAliasProperty",
        "ScriptMethod": "System.Management.Automation.PSScriptMethod",
    }
    _METHOD_KINDS = ("Method", "ScriptMethod")

    def __init__(self, name: str, member_type: str, owner=None, value=None, settable: bool = True):
        self.Name = name
        self._kind = member_type
        self._owner = owner
        self._value = value
        self._settable = settable

    @property
    def PS_TYPE_NAMES(self):
        kind = self._KIND_TYPES[self._kind]
        base = (
            "System.Management.Automation.PSMethodInfo"
            if self._kind in self._METHOD_KINDS
            else "System.Management.Automation.PSPropertyInfo"
        )
        return (kind, base, "System.Management.Automation.PSMemberInfo", "System.Object")

    @property
    def MemberType(self):
        """A PSMemberTypes value (an enum, so tables right-align it as PowerShell does)."""
        from pscompat.values.dotnet.enums import ENUMS

        return ENUMS["System.Management.Automation.PSMemberTypes"][self._kind]

    @property
    def Value(self):
        if self._owner is None or self._kind in self._METHOD_KINDS:
            return self._value
        if self._kind == "Property":  # the .NET property, not a same-named hashtable key
            return dict(properties(self._owner)).get(self.Name)
        from pscompat.values.objects.access import get_member

        return get_member(self._owner, self.Name)

    @Value.setter
    def Value(self, value) -> None:
        if self._owner is None:
            self._value = value
        elif self._kind == "ScriptProperty" and not self.IsSettable:
            from pscompat.values.methods.invoke import DotNetError

            # PSScriptProperty.Value's own text, not the member-assignment binder's
            raise DotNetError(f'Set accessor for property "{self.Name}" is unavailable.', "SetValueException")
        else:
            set_member(self._owner, self.Name, value)

    @property
    def IsSettable(self) -> bool:
        member = self._script_member()
        return member.settable(self._owner) if member is not None else self._settable

    @property
    def IsGettable(self) -> bool:
        member = self._script_member()
        if member is not None and member.kind == "ScriptProperty":
            return member.getter is not None
        return self._kind not in self._METHOD_KINDS

    def _script_member(self):
        owner = self._owner
        return owner.member(self.Name) if type(owner) is ExtendedPSObject else None

    @property
    def TypeNameOfValue(self) -> str:
        if self._kind in self._METHOD_KINDS:
            return "System.Management.Automation.PSMethod" if self._kind == "Method" else "System.Object"
        if self._kind == "ScriptProperty":  # PSScriptProperty: System.Object without [OutputType]
            return "System.Object"
        return _type_name_of(self.Value)

    @property
    def IsInstance(self) -> bool:
        return True

    def Copy(self):
        return PSMemberInfo(self.Name, self._kind, None, self.Value, self._settable)

    def ToString(self) -> str:
        from pscompat.values.convert.strings import to_string

        if self._kind in self._METHOD_KINDS:
            return self._value or self.Name
        member = self._script_member()
        if member is not None:
            return member.definition()
        value = self.Value
        shown = "null" if value is None else to_string(value)
        spelled = _type_spelling(_type_name_of(value))
        return (
            f"{spelled} {self.Name}={shown}"
            if self._kind == "NoteProperty"
            else f"{spelled} {self.Name} {{get;{'set;' if self._settable else ''}}}"
        )

    __str__ = ToString

    def __repr__(self) -> str:
        return f"PSMemberInfo({self.Name!r}, {self._kind!r})"


def _type_spelling(full: str) -> str:
    from pscompat.values.dotnet.typenames import type_spelling

    return type_spelling(full)


def new_note_property(name, value=None) -> PSMemberInfo:
    """[psnoteproperty]::new(name, value): a free-standing note, added with Properties.Add."""
    from pscompat.values.convert.strings import to_string

    return PSMemberInfo(to_string(name), "NoteProperty", None, value)


class PSMemberCollection(list):
    """PSMemberInfoCollection: enumerable (so `.Name` enumerates), `Item(name)`, `Match(pattern)`,
    and on a PSCustomObject's Properties, `Add(member)` / `Remove(name)`."""

    PS_TYPE_NAMES = (
        "System.Management.Automation.PSMemberInfoCollection`1[[System.Management.Automation.PSPropertyInfo]]",
        "System.Object",
    )

    def __init__(self, owner, items):
        super().__init__(items)
        self._owner = owner

    def Item(self, name):
        folded = str(name).lower()
        return next((m for m in self if m.Name.lower() == folded), None)

    def Match(self, pattern, *member_types):
        rx = re.compile(fnmatch.translate(str(pattern)), re.IGNORECASE)
        return [m for m in self if rx.match(m.Name)]

    def Add(self, member, *_prefer) -> None:
        if not isinstance(self._owner, PSObject):
            raise ValueError("Members can only be added to a PSObject's own (extended) members here.")
        if self._owner.has_property(member.Name):
            from pscompat.values.methods.invoke import DotNetError

            raise DotNetError(
                f'Cannot add a member with the name "{member.Name}" because a member with '
                f"that name already exists. To overwrite the member anyway, add the Force "
                f"parameter to your command.",
                "ExtendedTypeSystemException",
            )
        self._owner.set_property(member.Name, member.Value)
        self.append(PSMemberInfo(member.Name, "NoteProperty", self._owner))

    def Remove(self, name) -> None:
        if isinstance(self._owner, PSObject):
            self._owner.remove_property(str(name))
        folded = str(name).lower()
        self[:] = [m for m in self if m.Name.lower() != folded]


def _property_infos(obj) -> list[PSMemberInfo]:
    if isinstance(obj, PSObject):
        if type(obj) is ExtendedPSObject:  # script/alias members: their own kind
            return [
                PSMemberInfo(name, getattr(value, "kind", "NoteProperty"), obj)
                for name, value in obj.members()
                if not getattr(value, "is_method", False)
            ]
        return [PSMemberInfo(name, "NoteProperty", obj) for name in obj.property_names()]
    from pscompat.values.objects.model import property_settable

    readonly = isinstance(obj, (str, int, float, list, tuple, dict))
    return [
        PSMemberInfo(name, "Property", obj, settable=not readonly and property_settable(type(obj), name))
        for name, _value in properties(obj)
    ]


def _method_infos(obj) -> list[PSMemberInfo]:
    from pscompat.values.methods.dispatch import method_definition, method_names

    scripted = (
        [
            PSMemberInfo(name, "ScriptMethod", obj, value.definition(), settable=False)
            for name, value in obj.members()
            if getattr(value, "is_method", False)
        ]
        if type(obj) is ExtendedPSObject
        else []
    )
    return scripted + [
        PSMemberInfo(name, "Method", obj, method_definition(obj, name), settable=False) for name in method_names(obj)
    ]


class PSObjectView:
    """`$x.psobject`: the PSObject wrapping x."""

    PS_TYPE_NAMES = _PSOBJECT_TYPE
    PS_PROPERTIES = ("BaseObject", "Members", "Properties", "Methods", "ImmediateBaseObject", "TypeNames")

    def __init__(self, obj):
        self._obj = obj

    @property
    def BaseObject(self):
        return self._obj

    ImmediateBaseObject = BaseObject

    @property
    def Properties(self) -> PSMemberCollection:
        return PSMemberCollection(self._obj, _property_infos(self._obj))

    @property
    def Methods(self) -> PSMemberCollection:
        return PSMemberCollection(self._obj, _method_infos(self._obj))

    @property
    def Members(self) -> PSMemberCollection:
        return PSMemberCollection(self._obj, _property_infos(self._obj) + _method_infos(self._obj))

    @property
    def TypeNames(self) -> list:
        return pstypenames(self._obj)

    def Copy(self):
        obj = self._obj
        return obj.copy() if hasattr(obj, "copy") else obj

    def ToString(self) -> str:
        from pscompat.values.convert.strings import to_string

        return to_string(self._obj)

    __str__ = ToString


def pstypenames(obj) -> list:
    """`$x.pstypenames`: a PSCustomObject's own list (Insert/Add change it), else a copy."""
    if isinstance(obj, PSObject):
        return obj.type_names
    return list(type_names(obj))


def intrinsic_member(obj, folded: str):
    """The value of intrinsic member `folded` (one of INTRINSIC) on obj."""
    if folded == "pstypenames":
        return pstypenames(obj)
    if folded == "psobject":
        return PSObjectView(obj)
    return obj  # psbase / psadapted / psextended: the object's own view of itself
