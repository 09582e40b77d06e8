"""Get-Member, Add-Member and New-Object (PS: src/Microsoft.PowerShell.Commands.Utility/commands/
utility/GetMember.cs, AddMember.cs, New-Object.cs).

Get-Member lists each distinct type once (by its first PSTypeName), members sorted by member
type name then member name; a -Name that matches nothing writes nothing and no error.
"""

from __future__ import annotations

from pscompat.cmdlets.objects.common import has_input, wildcard_matcher
from pscompat.engine.commands import Cmdlet, Parameter, cmdlet
from pscompat.values.objects.classes import Hashtable, PSObject, is_dictionary

# PSMemberTypes flag groups, as -MemberType accepts them.
_GROUPS = {
    "properties": ("AliasProperty", "CodeProperty", "Property", "NoteProperty", "ScriptProperty"),
    "methods": ("CodeMethod", "Method", "ScriptMethod"),
}
MEMBER_TYPES = (
    "AliasProperty",
    "CodeProperty",
    "Property",
    "NoteProperty",
    "ScriptProperty",
    "Properties",
    "PropertySet",
    "Method",
    "CodeMethod",
    "ScriptMethod",
    "Methods",
    "ParameterizedProperty",
    "MemberSet",
    "Event",
    "Dynamic",
    "InferredProperty",
    "All",
)


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
    from pscompat.values.objects.model import members

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


@cmdlet(
    "Get-Member",
    aliases=("gm",),
    synopsis="Gets the properties and methods of objects.",
    description="Lists the members of each distinct type of input object, sorted by member type "
    "and name. With -Name (wildcards allowed) only matching members are listed; a name "
    "that matches nothing produces no output and no error.",
    examples=(
        ("'abc' | Get-Member", "The members of System.String."),
        ("$o | Get-Member -MemberType NoteProperty", "Only the note properties."),
        ("(Get-Member -InputObject $o -Name Size) -ne $null", "True if $o has a member named Size."),
    ),
)
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
        from pscompat.values.objects.model import type_names

        if self.Static:
            return self._static(obj)
        names = type_names(obj)
        type_name = names[0] if names else "<null>"
        if type_name in self._seen:
            return None
        self._seen.add(type_name)
        rows = _member_rows(obj)
        if self.Force:  # a script class's `hidden` properties (engine/classes.py)
            rows += [(n, "Property", f"{n} {{get;set;}}") for n in getattr(type(obj), "PS_HIDDEN_PROPERTIES", ())]
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
        from pscompat.values.objects.model import static_members, type_names

        type_name = getattr(obj, "FullName", None) or (type_names(obj) or ["System.Object"])[0]
        if type_name in self._seen:
            return None
        self._seen.add(type_name)
        rows = [
            (m[0], str(m[1]), m[2]) if isinstance(m, tuple) else (m.Name, str(m.MemberType), m.Definition)
            for m in static_members(obj)
        ]
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
            self.write_error(
                "You must specify an object for the Get-Member cmdlet.", "NoObjectInGetMember", "CloseError"
            )
        return None


@cmdlet(
    "Add-Member",
    synopsis="Adds custom properties and methods to an instance of a PowerShell object.",
    description="Adds a note property (-NotePropertyName/-NotePropertyValue, "
    "-NotePropertyMembers or -MemberType NoteProperty), a ScriptProperty (getter "
    "-Value, setter -SecondValue, run with $this), an AliasProperty (-Value target, "
    "-SecondValue type), a ScriptMethod, or a type name (-TypeName) to a "
    "PSCustomObject; -Force replaces a member of that name; -PassThru writes the object on.",
    default_set="TypeNameSet",
    examples=(
        ("$o | Add-Member -NotePropertyName Status -NotePropertyValue Done", "Adds a property."),
        ("$o | Add-Member -MemberType NoteProperty -Name Size -Value 10 -PassThru", "Adds and passes on."),
        ("$o | Add-Member -NotePropertyMembers @{A=1; B=2}", "Adds several properties."),
        ("$o | Add-Member ScriptProperty Total { $this.A + $this.B }", "A property computed on each read."),
        ('$o | Add-Member ScriptMethod Describe { param($p) "$p$($this.A)" }', "$o.Describe('A=') calls it."),
    ),
)
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
        Parameter("NotePropertyMembers", "hashtable", position=0, mandatory=True, sets=("NotePropertyMultiMemberSet",)),
    )

    def process(self):
        obj = self.InputObject
        type_name = self.TypeName
        if type_name is not None and not type_name.strip():
            self.throw_terminating(
                "The TypeName parameter should not be empty or contain only white space.",
                "TypeNameShouldNotBeEmpty",
                "InvalidArgument",
                type_name,
            )
        sets = self.parameter_set
        if sets == "NotePropertyMultiMemberSet":
            for name, value in self.NotePropertyMembers.items():
                if not self._add(obj, str(name), value):
                    return None
        elif sets == "NotePropertySingleMemberSet":
            if not self.NotePropertyName:
                self.throw_terminating(
                    "The name for a NoteProperty member should not be null or an empty string.",
                    "NotePropertyNameShouldNotBeNull",
                    "InvalidArgument",
                )
            if not self._add(obj, self.NotePropertyName, self.NotePropertyValue):
                return None
        elif sets == "MemberSet":
            kind = self._member_type()
            if kind == "NoteProperty":
                self._no_second_value(kind)
                if not self._add(obj, self.Name, self.Value):
                    return None
            elif not self._add_member(obj, self._make_member(kind)):
                return None
        if type_name is not None:
            if isinstance(obj, PSObject):
                obj.type_names.insert(0, type_name)
        return (obj,) if self.PassThru else None

    def _member_type(self) -> str:
        """-MemberType as one PSMemberTypes name (it may be spelled as its number: `16`)."""
        from pscompat.values.dotnet.enums import ENUMS

        text = str(self.MemberType).strip()
        values = dict(ENUMS["System.Management.Automation.PSMemberTypes"].__members__.items())
        if text.lstrip("-").isdigit():
            number = int(text)
            single = [n for n, v in values.items() if v.value and v.value & number and bin(v.value).count("1") == 1]
            kind = ", ".join(single) if single else text
        else:
            kind = ", ".join(
                next((n for n in values if n.lower() == part.strip().lower()), part.strip()) for part in text.split(",")
            )
        if "," in kind:
            self.throw_terminating(
                f'To add a member, only one member type can be specified. The member types specified are: "{kind}"',
                "WrongMemberCount",
                "InvalidOperation",
            )
        if kind not in ("NoteProperty", "ScriptProperty", "AliasProperty", "ScriptMethod"):
            # Code/set members need .NET methods and member sets this object model lacks.
            self.throw_terminating(
                f'Cannot add a member with type "{kind}". Specify a different type for the MemberTypes parameter.',
                "CannotAddMemberType",
                "InvalidOperation",
            )
        return kind

    def _no_second_value(self, kind: str) -> None:
        if "SecondValue" in self.bound:
            self.throw_terminating(
                f'The SecondValue parameter is not necessary for a member of type "{kind}", and '
                f"should not be specified. Do not specify the SecondValue parameter when you add "
                f"members of this type.",
                "Value2ShouldNotBeSpecified",
                "InvalidOperation",
            )

    def _not_null(self, value, which: str, kind: str) -> None:
        if value is None:
            param = "Value" if which == "Value1" else "SecondValue"
            self.throw_terminating(
                f'The {param} parameter should not be null for a member of type "{kind}". Specify a non-null '
                f"value for the {param} parameter when adding members of this type.",
                which + "ShouldNotBeNull",
                "InvalidOperation",
            )

    def _convert(self, value, type_name: str):
        """AddMember.GetParameterType: LanguagePrimitives.ConvertTo, its cast error terminating."""
        from pscompat.errors import PSError
        from pscompat.values.convert.primitives import convert_to
        from pscompat.values.convert.strings import to_string
        from pscompat.values.objects.model import type_names

        try:
            return convert_to(value, type_name)
        except PSError as exc:
            if type_name == "System.Type" and isinstance(value, str):
                self.throw_terminating(
                    f'Cannot convert the "{value}" value of type "System.String" to type "System.Type".',
                    "InvalidCastFromStringToType",
                    "InvalidArgument",
                )
            names = type_names(value)
            self.throw_terminating(
                f'Cannot convert the "{to_string(value)}" value of type '
                f'"{names[0] if names else "System.Object"}" to type "{type_name}".',
                exc.fully_qualified_error_id.split(",")[0],
                "InvalidArgument",
            )

    def _make_member(self, kind: str):
        """AddMember.GetScriptProperty / GetAliasProperty / GetScriptMethod."""
        from pscompat.values.objects.script_members import AliasProperty, ScriptMethod, ScriptProperty

        value, second = self.Value, self.SecondValue
        has_second = "SecondValue" in self.bound
        block_type = "System.Management.Automation.ScriptBlock"
        if kind == "ScriptProperty":
            if value is None and second is None:
                self.throw_terminating(
                    f'Both Value and SecondValue parameters should not be null for a member of type "{kind}". '
                    f"Specify a non-null value for one of the two parameters.",
                    "Value1AndValue2AreNotBothNull",
                    "InvalidOperation",
                )
            getter = None if value is None else self._convert(value, block_type)
            setter = None if second is None else self._convert(second, block_type)
            return ScriptProperty(self.Name, getter, setter, self.ctx, self.runtime.scope)
        if kind == "ScriptMethod":
            self._no_second_value(kind)
            self._not_null(value, "Value1", kind)
            return ScriptMethod(self.Name, self._convert(value, block_type), self.ctx, self.runtime.scope)
        self._not_null(value, "Value1", kind)
        target = self._convert(value, "System.String")
        conversion = None
        if has_second:
            self._not_null(second, "Value2", kind)
            conversion = self._convert(second, "System.Type").full_name
        return AliasProperty(self.Name, target, conversion)

    def _add_member(self, obj, member) -> bool:
        from pscompat.values.objects.script_members import extend

        if not isinstance(obj, PSObject):
            self._cannot_add(obj, member.name)
        if not self._make_room(obj, member.name):
            return False
        extend(obj).add_member(member)
        return True

    def _make_room(self, obj, name) -> bool:
        """AddMemberToTarget: an existing member of that name is an error, or with -Force goes."""
        from pscompat.values.objects.script_members import ExtendedPSObject

        exists = obj.has_member(name) if type(obj) is ExtendedPSObject else obj.has_property(name)
        if exists:
            if not self.Force:
                self.write_error(
                    f'Cannot add a member with the name "{name}" because a member with that '
                    f"name already exists. To overwrite the member anyway, add the Force "
                    f"parameter to your command.",
                    "MemberAlreadyExists",
                    "InvalidOperation",
                    obj,
                )
                return False
            obj.remove_property(name)
        return True

    def _cannot_add(self, obj, name):
        self.throw_terminating(
            f'Cannot add a member with the name "{name}": members can only be added to a '
            f"PSCustomObject here ([pscustomobject]@{{...}}).",
            "CannotAddMemberType",
            "InvalidOperation",
            obj,
        )

    def _add(self, obj, name, value) -> bool:
        if isinstance(obj, PSObject):
            if not self._make_room(obj, name):
                return False
            obj.set_property(name, value)
            return True
        self._cannot_add(obj, name)
        return False


_PSOBJECT_TYPES = {
    "psobject",
    "pscustomobject",
    "system.management.automation.psobject",
    "system.management.automation.pscustomobject",
    "object",
    "system.object",
}


@cmdlet(
    "New-Object",
    synopsis="Creates an instance of a .NET or COM object.",
    description="Creates an object of the given type; `New-Object PSObject -Property @{...}` "
    "creates a custom object with those properties.",
    default_set="Net",
    examples=(
        ("New-Object PSObject -Property @{Name='a'; Size=1}", "A custom object."),
        ("New-Object System.Collections.ArrayList", "An empty ArrayList."),
    ),
)
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
            self.throw_terminating(
                "A parameter cannot be found that matches parameter name 'ComObject'.",
                "NamedParameterNotFound",
                "InvalidArgument",
            )
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
            from pscompat.values.convert.primitives import convert_to

            obj = self._construct(type_name, args, convert_to)
        props = self.Property
        if props:
            for name, value in props.items():
                if isinstance(obj, PSObject):
                    obj.set_property(str(name), value)
                elif is_dictionary(obj):
                    obj[name] = value
                else:
                    from pscompat.values.objects.access import set_member

                    set_member(obj, str(name), value)
        return (obj,)

    def _construct(self, type_name, args, convert_to):
        """The few constructors scripts use with New-Object; a one-argument constructor is
        approximated by PowerShell's conversion to the type (`New-Object Version '1.2'`)."""
        from pscompat.errors import PSError

        lowered = type_name.lower()
        if lowered in ("hashtable", "system.collections.hashtable"):
            return Hashtable()
        if lowered in ("system.collections.arraylist", "collections.arraylist"):
            from pscompat.values.dotnet.collections import ArrayList

            return ArrayList(args[0]) if args and isinstance(args[0], (list, tuple)) else ArrayList()
        if lowered.startswith(("system.collections.generic.list[", "collections.generic.list[")):
            from pscompat.values.dotnet.collections import GenericList
            from pscompat.values.dotnet.typenames import type_of_name

            return GenericList(type_of_name(type_name[type_name.index("[") + 1 : -1]))
        from pscompat.values.dotnet.type_literals import resolve_type

        try:
            # the type's constructors, as [type]::new(args) has them; one argument otherwise
            # converts to the type (`New-Object Version '1.2'`)
            return resolve_type(type_name).new(args)
        except PSError as exc:
            error_id = exc.fully_qualified_error_id
            if error_id.startswith("MethodNotFound"):
                self.throw_terminating(
                    f"A constructor was not found. Cannot find an appropriate constructor for type {type_name}.",
                    "CannotFindAppropriateCtor",
                    "ObjectNotFound",
                    type_name,
                )
            if not error_id.startswith("TypeNotFound"):
                raise
        self.throw_terminating(
            f"Cannot find type [{type_name}]: verify that the assembly containing this type is loaded.",
            "TypeNotFound",
            "InvalidType",
            type_name,
        )
