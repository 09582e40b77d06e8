"""Get-Member, Add-Member and New-Object (PS: src/Microsoft.PowerShell.Commands.Utility/commands/
utility/GetMember.cs, AddMember.cs, New-Object.cs).

Get-Member lists each distinct type once (by its first PSTypeName), members sorted by member
type name then member name; a -Name that matches nothing writes nothing and no error.
"""
from __future__ import annotations

from ..psobject import Hashtable, PSObject, is_dictionary
from .base import Cmdlet, Parameter, cmdlet
from .objects_common import has_input, wildcard_matcher

# PSMemberTypes flag groups, as -MemberType accepts them.
_GROUPS = {
    "properties": ("AliasProperty", "CodeProperty", "Property", "NoteProperty", "ScriptProperty"),
    "methods": ("CodeMethod", "Method", "ScriptMethod"),
}
MEMBER_TYPES = ("AliasProperty", "CodeProperty", "Property", "NoteProperty", "ScriptProperty",
                "Properties", "PropertySet", "Method", "CodeMethod", "ScriptMethod", "Methods",
                "ParameterizedProperty", "MemberSet", "Event", "Dynamic", "InferredProperty", "All")


class MemberDefinition:
    """Microsoft.PowerShell.Commands.MemberDefinition; ToString() is the definition."""

    PS_TYPE_NAMES = ("Microsoft.PowerShell.Commands.MemberDefinition", "System.Object")
    PS_PROPERTIES = ("TypeName", "Name", "MemberType", "Definition")

    def __init__(self, type_name: str, name: str, member_type: str, definition: str):
        self.TypeName, self.Name, self.MemberType, self.Definition = type_name, name, member_type, definition

    def ToString(self) -> str:
        return self.Definition

    def __str__(self) -> str:
        return self.Definition

    def __repr__(self) -> str:
        return f"MemberDefinition({self.Name!r}, {self.MemberType!r}, {self.Definition!r})"


def _member_rows(obj) -> list[tuple[str, str, str]]:
    """(name, member type, definition) for every member of obj, from the object model."""
    from ..psobject import members

    rows = []
    for m in members(obj):
        if isinstance(m, tuple):
            rows.append((m[0], str(m[1]), m[2]))
        else:
            rows.append((m.Name, str(m.MemberType), m.Definition))
    return rows


def _member_type_filter(value):
    """-MemberType as a set of member type names (None = all)."""
    if value is None:
        return None
    items = value if isinstance(value, (list, tuple)) else [value]
    wanted: set = set()
    for item in items:
        for part in str(item).split(","):
            part = part.strip().lower()
            if not part:
                continue
            if part == "all":
                return None
            match = next((t for t in MEMBER_TYPES if t.lower() == part), None)
            if match is None:
                continue
            wanted.update(t.lower() for t in _GROUPS.get(part, (match,)))
    return wanted


@cmdlet("Get-Member", aliases=("gm",),
        synopsis="Gets the properties and methods of objects.",
        description="Lists the members of each distinct type of input object, sorted by member type "
                    "and name. With -Name (wildcards allowed) only matching members are listed; a name "
                    "that matches nothing produces no output and no error.",
        examples=(
            ("'abc' | Get-Member", "The members of System.String."),
            ("$o | Get-Member -MemberType NoteProperty", "Only the note properties."),
            ("(Get-Member -InputObject $o -Name Size) -ne $null", "True if $o has a member named Size."),
        ))
class GetMember(Cmdlet):
    """Gets the properties and methods of objects."""

    parameters = (
        Parameter("InputObject", "psobject", pipeline=True),
        Parameter("Name", "string[]", position=0),
        Parameter("MemberType", "string[]", aliases=("Type",), validate_set=MEMBER_TYPES),
        Parameter("View", "string", validate_set=("Extended", "Adapted", "Base", "All")),
        Parameter("Static", "switch"),
        Parameter("Force", "switch"),
    )

    def begin(self):
        self._seen: set = set()
        names = self.Name if self.Name is not None else ["*"]
        self._names = [names] if isinstance(names, str) else list(names)
        self._types = _member_type_filter(self.MemberType)

    def process(self):
        if not has_input(self) or self.InputObject is None:
            return None
        obj = self.InputObject
        from ..psobject import type_names

        if self.Static:
            return self._static(obj)
        names = type_names(obj)
        type_name = names[0] if names else "<null>"
        if type_name in self._seen:
            return None
        self._seen.add(type_name)
        rows = _member_rows(obj)
        if self._types is not None:
            rows = [r for r in rows if r[1].lower() in self._types]
        out = []
        for pattern in self._names:
            match = wildcard_matcher(pattern)
            found = [MemberDefinition(type_name, n, t, d) for n, t, d in rows if match(n)]
            found.sort(key=lambda m: (m.MemberType.lower(), m.Name.lower()))
            out.extend(found)
        return out

    def _static(self, obj):
        from ..psobject import static_members, type_names

        type_name = getattr(obj, "FullName", None) or (type_names(obj) or ["System.Object"])[0]
        if type_name in self._seen:
            return None
        self._seen.add(type_name)
        rows = [(m[0], str(m[1]), m[2]) if isinstance(m, tuple) else (m.Name, str(m.MemberType), m.Definition)
                for m in static_members(obj)]
        if self._types is not None:
            rows = [r for r in rows if r[1].lower() in self._types]
        out = []
        for pattern in self._names:
            match = wildcard_matcher(pattern)
            found = [MemberDefinition(type_name, n, t, d) for n, t, d in rows if match(n)]
            found.sort(key=lambda m: (m.MemberType.lower(), m.Name.lower()))
            out.extend(found)
        return out

    def end(self):
        if not self._seen:
            self.write_error("You must specify an object for the Get-Member cmdlet.",
                             "NoObjectInGetMember", "CloseError")
        return None


@cmdlet("Add-Member",
        synopsis="Adds custom properties and methods to an instance of a PowerShell object.",
        description="Adds a note property (-NotePropertyName/-NotePropertyValue, "
                    "-NotePropertyMembers or -MemberType NoteProperty) or a type name (-TypeName) to "
                    "a PSCustomObject; -PassThru writes the object on.",
        default_set="TypeNameSet",
        examples=(
            ("$o | Add-Member -NotePropertyName Status -NotePropertyValue Done", "Adds a property."),
            ("$o | Add-Member -MemberType NoteProperty -Name Size -Value 10 -PassThru", "Adds and passes on."),
            ("$o | Add-Member -NotePropertyMembers @{A=1; B=2}", "Adds several properties."),
        ))
class AddMember(Cmdlet):
    """Adds custom properties and methods to an instance of a PowerShell object."""

    _ALL = ("MemberSet", "TypeNameSet", "NotePropertySingleMemberSet", "NotePropertyMultiMemberSet")
    parameters = (
        Parameter("InputObject", "psobject", mandatory=True, pipeline=True, sets=_ALL),
        Parameter("MemberType", "string", position=0, mandatory=True, sets=("MemberSet",), aliases=("Type",)),
        Parameter("Name", "string", position=1, mandatory=True, sets=("MemberSet",)),
        Parameter("Value", "object", position=2, sets=("MemberSet",)),
        Parameter("SecondValue", "object", position=3, sets=("MemberSet",)),
        Parameter("TypeName", "string", mandatory=True, sets=_ALL, mandatory_sets=("TypeNameSet",)),
        Parameter("Force", "switch", sets=("MemberSet", "NotePropertySingleMemberSet", "NotePropertyMultiMemberSet")),
        Parameter("PassThru", "switch", sets=_ALL),
        Parameter("NotePropertyName", "string", position=0, mandatory=True, sets=("NotePropertySingleMemberSet",)),
        Parameter("NotePropertyValue", "object", position=1, mandatory=True, sets=("NotePropertySingleMemberSet",)),
        Parameter("NotePropertyMembers", "hashtable", position=0, mandatory=True,
                  sets=("NotePropertyMultiMemberSet",)),
    )

    def process(self):
        obj = self.InputObject
        type_name = self.TypeName
        if type_name is not None and not type_name.strip():
            self.throw_terminating("The TypeName parameter should not be empty or contain only white space.",
                                   "TypeNameShouldNotBeEmpty", "InvalidArgument", type_name)
        sets = self.parameter_set
        if sets == "NotePropertyMultiMemberSet":
            for name, value in self.NotePropertyMembers.items():
                if not self._add(obj, str(name), value):
                    return None
        elif sets == "NotePropertySingleMemberSet":
            if not self.NotePropertyName:
                self.throw_terminating("The name for a NoteProperty member should not be null or an "
                                       "empty string.", "NotePropertyNameShouldNotBeNull", "InvalidArgument")
            if not self._add(obj, self.NotePropertyName, self.NotePropertyValue):
                return None
        elif sets == "MemberSet":
            kind = str(self.MemberType)
            if "," in kind:
                self.throw_terminating(f'To add a member, only one member type can be specified. The member '
                                       f'types specified are: "{kind}"', "WrongMemberCount", "InvalidOperation")
            if kind.lower() != "noteproperty":
                # Script/alias/code members need a live member table this object model lacks.
                self.throw_terminating(f'Cannot add a member with type "{kind}". Specify a different type '
                                       f'for the MemberTypes parameter.', "CannotAddMemberType", "InvalidOperation")
            if "SecondValue" in self.bound:
                self.throw_terminating(
                    f'The SecondValue parameter is not necessary for a member of type "NoteProperty", and '
                    f'should not be specified. Do not specify the SecondValue parameter when you add '
                    f'members of this type.', "Value2ShouldNotBeSpecified", "InvalidOperation")
            if not self._add(obj, self.Name, self.Value):
                return None
        if type_name is not None:
            if isinstance(obj, PSObject):
                obj.type_names.insert(0, type_name)
        return (obj,) if self.PassThru else None

    def _add(self, obj, name, value) -> bool:
        if isinstance(obj, PSObject):
            if obj.has_property(name):
                if not self.Force:
                    self.write_error(f'Cannot add a member with the name "{name}" because a member with that '
                                     f'name already exists. To overwrite the member anyway, add the Force '
                                     f'parameter to your command.', "MemberAlreadyExists", "InvalidOperation", obj)
                    return False
                obj.remove_property(name)
            obj.set_property(name, value)
            return True
        self.throw_terminating(
            f'Cannot add a member with the name "{name}": note properties can only be added to a '
            f'PSCustomObject here ([pscustomobject]@{{...}}).', "CannotAddMemberType", "InvalidOperation", obj)
        return False


_PSOBJECT_TYPES = {"psobject", "pscustomobject", "system.management.automation.psobject",
                   "system.management.automation.pscustomobject", "object", "system.object"}


@cmdlet("New-Object",
        synopsis="Creates an instance of a .NET or COM object.",
        description="Creates an object of the given type; `New-Object PSObject -Property @{...}` "
                    "creates a custom object with those properties.",
        default_set="Net",
        examples=(
            ("New-Object PSObject -Property @{Name='a'; Size=1}", "A custom object."),
            ("New-Object System.Collections.ArrayList", "An empty ArrayList."),
        ))
class NewObject(Cmdlet):
    """Creates an instance of a .NET or COM object."""

    parameters = (
        Parameter("TypeName", "string", position=0, mandatory=True, sets=("Net",)),
        Parameter("ComObject", "string", position=0, mandatory=True, sets=("Com",)),
        Parameter("ArgumentList", "object[]", position=1, sets=("Net",), aliases=("Args",)),
        Parameter("Strict", "switch", sets=("Com",)),
        Parameter("Property", "hashtable"),
    )

    def end(self):
        if self.parameter_set == "Com":
            self.throw_terminating("A parameter cannot be found that matches parameter name 'ComObject'.",
                                   "NamedParameterNotFound", "InvalidArgument")
        type_name = self.TypeName.strip()
        if type_name.startswith("[") and type_name.endswith("]"):
            type_name = type_name[1:-1]
        args = self.ArgumentList
        if args is not None and not isinstance(args, (list, tuple)):
            args = [args]
        args = list(args or [])
        if type_name.lower() in _PSOBJECT_TYPES and not args:
            obj = PSObject()
        else:
            from ..conversion import convert_to

            obj = self._construct(type_name, args, convert_to)
        props = self.Property
        if props:
            for name, value in props.items():
                if isinstance(obj, PSObject):
                    obj.set_property(str(name), value)
                elif is_dictionary(obj):
                    obj[name] = value
                else:
                    from ..psobject import set_member

                    set_member(obj, str(name), value)
        return (obj,)

    def _construct(self, type_name, args, convert_to):
        """The few constructors scripts use with New-Object; a one-argument constructor is
        approximated by PowerShell's conversion to the type (`New-Object Version '1.2'`)."""
        from ..errors import PSError

        lowered = type_name.lower()
        if lowered in ("hashtable", "system.collections.hashtable"):
            return Hashtable()
        if lowered in ("system.collections.arraylist", "collections.arraylist"):
            from ..pstypes import ArrayList

            return ArrayList(args[0]) if args and isinstance(args[0], (list, tuple)) else ArrayList()
        if lowered.startswith(("system.collections.generic.list[", "collections.generic.list[")):
            from ..conversion import type_of_name
            from ..pstypes import GenericList

            return GenericList(type_of_name(type_name[type_name.index("[") + 1:-1]))
        from ..pstypes import resolve_type

        try:
            # the type's constructors, as [type]::new(args) has them; one argument otherwise
            # converts to the type (`New-Object Version '1.2'`)
            return resolve_type(type_name).new(args)
        except PSError as exc:
            error_id = exc.fully_qualified_error_id
            if error_id.startswith("MethodNotFound"):
                self.throw_terminating(
                    f"A constructor was not found. Cannot find an appropriate constructor for type {type_name}.",
                    "CannotFindAppropriateCtor", "ObjectNotFound", type_name)
            if not error_id.startswith("TypeNotFound"):
                raise
        self.throw_terminating(
            f"Cannot find type [{type_name}]: verify that the assembly containing this type is loaded.",
            "TypeNotFound", "InvalidType", type_name)
