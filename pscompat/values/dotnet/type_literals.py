"""Type literals as values: `[int]`, `[math]::Round(2.5)`, `[regex]::Escape(...)`,
`[System.Collections.ArrayList]::new()`, plus the .NET regex dialect and the small .NET
value classes (Regex/Match, Version, ArrayList, List[T], StringBuilder) PowerShell scripts use.

Split by domain: pstypes_regex (the .NET regex dialect, Regex/Match), pstypes_collections
(Version, ArrayList, List[T], StringBuilder), pstypes_statics (static members).  This module
keeps PSType, constructors and type resolution, and re-exports the rest.
"""

from __future__ import annotations

import datetime as _dt
import uuid

from pscompat.errors import PSError
from pscompat.values.convert.primitives import convert_to, is_instance
from pscompat.values.convert.strings import to_string
from pscompat.values.dotnet.collections import ArrayList, GenericList, StringBuilder, Version
from pscompat.values.dotnet.exceptions import constructors as _exception_constructors
from pscompat.values.dotnet.host_types import CHOICE_DESCRIPTION, FIELD_DESCRIPTION, ChoiceDescription, FieldDescription
from pscompat.values.dotnet.regex import Regex
from pscompat.values.dotnet.secure import PS_CREDENTIAL, SECURE_STRING, SecureString, cast_without_value, new_credential
from pscompat.values.dotnet.statics import STATICS, number_of
from pscompat.values.dotnet.surface import PATH_STATICS, SURFACE_CONSTRUCTORS, SURFACE_STATICS, SURFACE_TYPES
from pscompat.values.dotnet.typenames import register_type, type_of_name
from pscompat.values.methods.invoke import DotNetError, invoke_dotnet
from pscompat.values.objects.classes import PSObject
from pscompat.values.objects.model import type_names

__all__ = ["PSType", "register_constructor", "register_statics", "resolve_type", "resolve_type_info", "convert_special"]

# --------------------------------------------------------------------------------------------
# Type values


_STATIC_INDEX = {
    full: {name.lower(): (name, member) for name, member in members.items()} for full, members in STATICS.items()
}


def register_constructor(full_name: str, factory) -> None:
    """`[full_name]::new(args)` calls factory(full_name, *args): for types defined above this
    package (the engine registers ErrorRecord's)."""
    _CONSTRUCTORS[full_name] = factory


def register_statics(full_name: str, members: dict) -> None:
    """Static members a higher layer provides (the engine's [powershell]::Create(), ...):
    properties as zero-argument callables or values, methods as callables."""
    STATICS.setdefault(full_name, {}).update(members)
    _STATIC_INDEX.setdefault(full_name, {}).update({name.lower(): (name, m) for name, m in members.items()})


class PSType:
    """A type literal (`[int]`) and the value of `$x.GetType()`: Name, FullName, casts,
    `-is`, static members and constructors."""

    PS_TYPE_NAMES = (
        "System.RuntimeType",
        "System.Reflection.TypeInfo",
        "System.Type",
        "System.Reflection.MemberInfo",
        "System.Object",
    )
    PS_PROPERTIES = ("Name", "FullName", "Namespace", "IsArray", "BaseType")

    def __init__(self, full_name: str):
        self.full_name = full_name
        generic = full_name.find("[")
        base = full_name[:generic] if generic > 0 and not full_name.endswith("[]") else full_name
        self.name = base.rsplit(".", 1)[-1] + (full_name[len(base) :] if full_name.endswith("[]") else "")
        if generic > 0 and not full_name.endswith("[]"):
            self.name += f"`{full_name.count(',') + 1}"
        self.Namespace = base.rsplit(".", 1)[0] if "." in base else ""
        self.IsArray = full_name.endswith("[]")

    @property
    def Name(self) -> str:
        return self.name

    @property
    def FullName(self) -> str:
        return self.full_name

    @property
    def BaseType(self):
        names = _BASES.get(self.full_name)
        return resolve_type_info(names) if names else None

    def convert(self, value):
        return convert_to(value, self.full_name)

    def is_instance(self, value) -> bool:
        return is_instance(value, self.full_name)

    def _statics(self) -> dict:
        return _STATIC_INDEX.get(self.full_name, {})

    def get_static(self, member: str):
        """`[type]::Member`: a static property value; a missing one is None (no strict mode)."""
        entry = self._statics().get(member.lower())
        if entry is None:
            return None
        value = entry[1]
        return value() if callable(value) and entry[0][0].isupper() and _is_property(value) else value

    def call_static(self, method: str, args: list):
        """`[type]::Method(args)`; `::new(args)` constructs."""
        if method.lower() == "new":
            return self.new(args)
        entry = self._statics().get(method.lower())
        if entry is None or not callable(entry[1]) or _is_property(entry[1]):
            raise PSError(
                f"Method invocation failed because [{self.full_name}] does not contain a method named '{method}'.",
                "MethodNotFound",
                category="InvalidOperation",
            )
        return invoke_dotnet(entry[0], entry[1], list(args))

    def new(self, args: list):
        """`[type]::new(args)` / New-Object."""
        factory = _CONSTRUCTORS.get(self.full_name.split("[", 1)[0] if not self.IsArray else "")
        if self.IsArray and len(args) == 1 and not isinstance(args[0], (list, tuple, str)):
            return _new_array(self.full_name[:-2], args[0])  # [int[]]::new(3): three zeros
        if factory is None:
            if len(args) == 1:
                return self.convert(args[0])
            raise PSError(
                f"Method invocation failed because [{self.full_name}] does not contain a method named 'new'.",
                "MethodNotFound",
                category="InvalidOperation",
            )
        return invoke_dotnet("new", lambda *a: factory(self.full_name, *a), list(args))

    def static_members(self) -> list:
        """Get-Member -Static rows: zero-argument entries are properties, callables methods."""
        from pscompat.values.objects.model import MemberInfo, short_type_name

        rows = []
        for name, member in sorted(self._statics().values(), key=lambda e: e[0].lower()):
            if callable(member) and not _is_property(member):
                rows.append(MemberInfo(name, "Method", f"static {name}(...)"))
            else:
                value = member() if callable(member) else member
                rows.append(MemberInfo(name, "Property", f"static {short_type_name(value)} {name} {{get;}}"))
        return rows

    def ToString(self) -> str:
        return self.full_name

    def __eq__(self, other):
        return isinstance(other, PSType) and other.full_name == self.full_name

    def __hash__(self):
        return hash(self.full_name)

    def __repr__(self) -> str:
        return f"PSType({self.full_name!r})"


# Zero-argument lambdas stand for static *properties* ([datetime]::Now); others are methods.
def _is_property(fn) -> bool:
    code = getattr(fn, "__code__", None)
    return code is not None and code.co_argcount == 0 and not code.co_flags & 0x04


_BASES = {
    "System.Int32": "System.ValueType",
    "System.Int64": "System.ValueType",
    "System.Double": "System.ValueType",
    "System.Boolean": "System.ValueType",
    "System.DateTime": "System.ValueType",
    "System.String": "System.Object",
    "System.Object[]": "System.Array",
    "System.Array": "System.Object",
    "System.Collections.Hashtable": "System.Object",
    "System.ValueType": "System.Object",
}


def _generic_args(full: str) -> list[str]:
    inner = full[full.index("[") + 1 : -1]
    return [a.strip() for a in inner.split(",")] if inner else []


def _new_hashtable(full, *args):
    from pscompat.values.objects.classes import Hashtable

    return Hashtable(ordered=full.endswith("OrderedDictionary"))


def _new_note_property(name, value):
    from pscompat.values.objects.intrinsic import new_note_property  # it imports the type literals

    return new_note_property(name, value)


_CONSTRUCTORS = {
    "System.Collections.ArrayList": lambda full, items=(): ArrayList(items if isinstance(items, (list, tuple)) else ()),
    "System.Collections.Generic.List": lambda full, items=(): GenericList(
        (_generic_args(full) or ["System.Object"])[0], items if isinstance(items, (list, tuple)) else ()
    ),
    "System.Text.StringBuilder": lambda full, text="": StringBuilder(text),
    SECURE_STRING: lambda full: SecureString(),
    PS_CREDENTIAL: new_credential,
    "System.Text.RegularExpressions.Regex": lambda full, pattern, options=None: Regex(to_string(pattern), options),
    "System.Version": lambda full, *parts: Version(*parts) if parts else Version(0, 0),
    "System.Guid": lambda full, text=None: uuid.UUID(to_string(text)) if text is not None else uuid.UUID(int=0),
    "System.DateTime": lambda full, *parts: (
        _dt.datetime(*(int(number_of(p)) for p in parts)) if parts else _dt.datetime(1, 1, 1)
    ),
    "System.TimeSpan": lambda full, *parts: _timespan(*parts),
    "System.Collections.Hashtable": _new_hashtable,
    "System.Collections.Specialized.OrderedDictionary": _new_hashtable,
    "System.Management.Automation.PSObject": lambda full, *a: PSObject(),
    "System.Object": lambda full: PSObject(),
    "System.String": lambda full, chars, count=None: (
        to_string(chars) * int(number_of(count))
        if count is not None
        else "".join(to_string(c) for c in chars)
        if isinstance(chars, (list, tuple))
        else to_string(chars)
    ),
    "System.Management.Automation.PSNoteProperty": lambda full, name, value=None: _new_note_property(name, value),
    CHOICE_DESCRIPTION: lambda full, label, help_message="": ChoiceDescription(label, help_message),
    FIELD_DESCRIPTION: lambda full, name: FieldDescription(name),
}
_CONSTRUCTORS.update(_exception_constructors())  # [System.ArgumentException]::new('bad') & co
_CONSTRUCTORS.update(SURFACE_CONSTRUCTORS)  # Stopwatch, IPAddress, HashSet[T], Dictionary[K,V]
for _full in SURFACE_TYPES:
    register_type(_full)
for _full, _members in SURFACE_STATICS.items():
    register_statics(_full, _members)
register_statics("System.IO.Path", PATH_STATICS)


def _new_array(element: str, length):
    """A new .NET array of `length` default elements."""
    from pscompat.values.convert.primitives import TypedArray
    from pscompat.values.methods.dispatch import call_method

    items = TypedArray([None] * int(number_of(length)), element)
    if element != "System.Object":
        call_method(items, "Clear", [])  # fill with the element type's default value
        return items
    return list(items)


def _timespan(*parts):
    nums = [int(number_of(p)) for p in parts]
    if len(nums) == 1:
        return _dt.timedelta(microseconds=nums[0] / 10)  # ticks
    if len(nums) == 3:
        return _dt.timedelta(hours=nums[0], minutes=nums[1], seconds=nums[2])
    days, hours, minutes, seconds, ms = (nums + [0] * 5)[:5]
    return _dt.timedelta(days=days, hours=hours, minutes=minutes, seconds=seconds, milliseconds=ms)


_TYPE_CACHE: dict[str, PSType] = {}


def resolve_type(name: str) -> PSType:
    """`[name]` -> PSType; PSError TypeNotFound ('Unable to find type [X].') when unknown."""
    full = type_of_name(name)
    found = _TYPE_CACHE.get(full)
    if found is None:
        found = _TYPE_CACHE[full] = PSType(full)
    return found


def register_type_value(value: PSType) -> None:
    """A type a script defines (a class or an enum: engine/classes.py): `[Name]` resolves to
    `value`, which overrides PSType's statics, constructors and casts.  A later definition of
    the same name replaces it, as running a script again redefines its classes."""
    register_type(value.full_name)
    _TYPE_CACHE[value.full_name] = value


def defined_type(full_name: str) -> PSType | None:
    """The type value registered for `full_name`, if any."""
    return _TYPE_CACHE.get(full_name)


def resolve_type_info(full_name: str) -> PSType:
    """The type value for a full name taken from PSTypeNames (no accelerator lookup, never fails)."""
    found = _TYPE_CACHE.get(full_name)
    if found is None:
        found = _TYPE_CACHE[full_name] = PSType(full_name)
    return found


def convert_special(value, full: str):
    """Casts to the types defined here (called by conversion.convert_to)."""
    if full == "System.Text.RegularExpressions.Regex":
        return value if isinstance(value, Regex) else Regex(to_string(value))
    if full == "System.Version":
        if isinstance(value, Version):
            return value
        try:
            return Version(to_string(value))
        except DotNetError as exc:
            raise PSError(
                f'Cannot convert value "{to_string(value)}" to type "System.Version". Error: "{exc.message}"',
                "InvalidCastParseTargetInvocation",
                category="InvalidArgument",
            ) from None
    if full == "System.Guid":
        if isinstance(value, uuid.UUID):
            return value
        try:
            return uuid.UUID(to_string(value))
        except ValueError:
            raise PSError(
                f'Cannot convert value "{to_string(value)}" to type "System.Guid". Error: "Guid should '
                f'contain 32 digits with 4 dashes (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx)."',
                "InvalidCastParseTargetInvocation",
                category="InvalidArgument",
            ) from None
    if full == "System.Management.Automation.PSReference":
        from pscompat.values.dotnet.reference import as_reference

        return as_reference(value)
    if full == "System.Type":
        return value if isinstance(value, PSType) else resolve_type(to_string(value))
    if full == "System.Uri":
        from pscompat.values.dotnet.uri import Uri

        if isinstance(value, Uri):
            return value
        try:
            return Uri(to_string(value))
        except DotNetError as exc:
            raise PSError(
                f'Cannot convert value "{to_string(value)}" to type "System.Uri". Error: "{exc.message}"',
                "InvalidCastParseTargetInvocation",
                category="InvalidArgument",
            ) from None
    if full == CHOICE_DESCRIPTION:  # [ChoiceDescription]'&Yes': the string constructor
        return value if isinstance(value, ChoiceDescription) else ChoiceDescription(value)
    if full in (SECURE_STRING, PS_CREDENTIAL):
        raise cast_without_value(type_names(value)[0], full)
    base = full.split("[", 1)[0]
    if base in ("System.Collections.ArrayList", "System.Collections.Generic.List"):
        items = value if isinstance(value, (list, tuple)) else ([] if value is None else [value])
        return _CONSTRUCTORS[base](full, list(items))
    raise PSError(
        f'Cannot convert the "{to_string(value)}" value of type "{type_names(value)[0]}" to type "{full}".',
        "ConvertToFinalInvalidCastException",
        category="InvalidArgument",
    )
