""".NET enum types: `[ConsoleColor]::Red`, `[ConsoleColor]'red'`, `[int][DayOfWeek]::Friday`,
flags (`[CommandTypes]::Alias -bor [CommandTypes]::Application` is 'Alias, Application'),
and `[enum]::GetNames/GetValues/Parse/IsDefined`.

Values are Python IntEnum / IntFlag members carrying their .NET full name, so comparisons,
arithmetic and `-is` see numbers of a named type, and string conversion gives the member name
(Enum.ToString, with flags joined by ', ')."""

from __future__ import annotations

import enum

from pscompat.errors import PSError
from pscompat.values.objects.adapted import DayOfWeek

_DEFS = {  # full name -> (flags, [(name, value)]) in declaration order (the .NET values)
    "System.ConsoleColor": (
        False,
        list(
            zip(
                (
                    "Black DarkBlue DarkGreen DarkCyan DarkRed DarkMagenta DarkYellow Gray DarkGray Blue Green Cyan Red "
                    "Magenta Yellow White"
                ).split(),
                range(16),
            )
        ),
    ),
    "System.Management.Automation.ActionPreference": (
        False,
        list(zip("SilentlyContinue Stop Continue Inquire Ignore Suspend Break".split(), range(7))),
    ),
    "System.Management.Automation.CommandTypes": (
        True,
        [
            ("Alias", 1),
            ("Function", 2),
            ("Filter", 4),
            ("Cmdlet", 8),
            ("ExternalScript", 16),
            ("Application", 32),
            ("Script", 64),
            ("Configuration", 256),
            ("All", 383),
        ],
    ),
    "System.Security.AccessControl.AceFlags": (
        True,
        [
            ("None", 0),
            ("ObjectInherit", 1),
            ("ContainerInherit", 2),
            ("NoPropagateInherit", 4),
            ("InheritOnly", 8),
            ("InheritanceFlags", 15),
            ("Inherited", 16),
            ("SuccessfulAccess", 64),
            ("FailedAccess", 128),
            ("AuditFlags", 192),
        ],
    ),
    "System.IO.FileAttributes": (
        True,
        [
            ("ReadOnly", 1),
            ("Hidden", 2),
            ("System", 4),
            ("Directory", 16),
            ("Archive", 32),
            ("Device", 64),
            ("Normal", 128),
            ("Temporary", 256),
            ("SparseFile", 512),
            ("ReparsePoint", 1024),
            ("Compressed", 2048),
            ("Offline", 4096),
            ("NotContentIndexed", 8192),
            ("Encrypted", 16384),
            ("IntegrityStream", 32768),
            ("NoScrubData", 131072),
        ],
    ),
    "System.Management.Automation.PSMemberTypes": (
        True,
        [
            ("AliasProperty", 1),
            ("CodeProperty", 2),
            ("Property", 4),
            ("NoteProperty", 8),
            ("ScriptProperty", 16),
            ("Properties", 31),
            ("PropertySet", 32),
            ("Method", 64),
            ("CodeMethod", 128),
            ("ScriptMethod", 256),
            ("Methods", 448),
            ("ParameterizedProperty", 512),
            ("MemberSet", 1024),
            ("Event", 2048),
            ("Dynamic", 4096),
            ("InferredProperty", 8192),
            ("All", 16383),
        ],
    ),
    "System.Management.Automation.ErrorCategory": (
        False,
        list(
            zip(
                (
                    "NotSpecified OpenError CloseError DeviceError DeadlockDetected InvalidArgument InvalidData "
                    "InvalidOperation InvalidResult InvalidType MetadataError NotImplemented NotInstalled ObjectNotFound "
                    "OperationStopped OperationTimeout SyntaxError ParserError PermissionDenied ResourceBusy ResourceExists "
                    "ResourceUnavailable ReadError WriteError FromStdErr SecurityError ProtocolError ConnectionError "
                    "AuthenticationError LimitsExceeded QuotaExceeded NotEnabled"
                ).split(),
                range(32),
            )
        ),
    ),
}

ENUMS: dict[str, type] = {"System.DayOfWeek": DayOfWeek}


def _build(full: str, flags: bool, members: list) -> type:
    short = full.rsplit(".", 1)[-1]
    if flags:
        cls = enum.IntFlag(short, members, boundary=enum.KEEP)
    else:
        cls = enum.IntEnum(short, members)
    cls.PS_TYPE_NAMES = (full, "System.Enum", "System.ValueType", "System.Object")
    cls.__str__ = lambda self: enum_text(self)
    return cls


for _full, (_flags, _members) in _DEFS.items():
    ENUMS[_full] = _build(_full, _flags, _members)


def define_enum(full: str, flags: bool, members: list, underlying: str = "System.Int32") -> type:
    """An enum a script declares (`enum Name { }`, engine/enums.py): built like .NET's own and
    registered under its name, replacing an earlier definition.  `.value__` is its number."""
    cls = ENUMS[full] = _build(full, flags, members)
    setattr(cls, "PS_UNDERLYING", underlying)  # noqa: B010  (a generated class: mypy cannot know it)
    setattr(cls, "value__", property(int))  # noqa: B010
    return cls


def _underlying_type(type_arg):
    from pscompat.values.dotnet.type_literals import resolve_type_info

    return resolve_type_info(getattr(_enum_type(type_arg), "PS_UNDERLYING", "System.Int32"))


def full_name(cls: type) -> str:
    names = getattr(cls, "PS_TYPE_NAMES", None)
    return names[0] if names else "System.DayOfWeek" if cls is DayOfWeek else cls.__name__


def _declared(cls: type) -> list:
    """Every named value, aliases included, in declaration order."""
    return list(cls.__members__.values())


def enum_text(value) -> str:
    """Enum.ToString(): the member's name; a flags combination as 'A, B' (largest members
    first, listed in ascending order); an unnamed value as its number."""
    cls = type(value)
    number = int(value)
    for member in _declared(cls):
        if int(member) == number:
            return member.name
    if not issubclass(cls, enum.Flag) or number <= 0:
        return str(number)
    parts, rest = [], number
    for member in sorted(_declared(cls), key=int, reverse=True):
        m = int(member)
        if m and rest & m == m:
            parts.append(member.name)
            rest -= m
    return ", ".join(reversed(parts)) if rest == 0 else str(number)


def _names_error(text: str, full: str, cls: type) -> PSError:
    names = ", ".join(m.name for m in _declared(cls))
    return PSError(
        f'Cannot convert value "{text}" to type "{full}". Error: "Unable to match the identifier '
        f"name {text} to a valid enumerator name. Specify one of the following enumerator names "
        f'and try again:\n{names}"',
        "InvalidCastFromStringToEnum",
        category="InvalidArgument",
    )


def to_enum(value, full: str):
    """`[EnumType]value`: a member, a name (case-insensitive; 'A, B' for flags), or a number."""
    cls = ENUMS[full]
    if isinstance(value, cls):
        return value
    if isinstance(value, str):
        text = value.strip()
        total, found = 0, False
        for part in (p.strip() for p in text.split(",")):
            if part.lstrip("-").isdigit():
                total |= int(part)
                found = True
                continue
            member = next((m for m in _declared(cls) if m.name.lower() == part.lower()), None)
            if member is None:
                raise _names_error(value, full, cls)
            total |= int(member)
            found = True
        if not found:
            raise _names_error(value, full, cls)
        return make(cls, total)
    if isinstance(value, (int, float)) and not isinstance(value, bool) or isinstance(value, enum.Enum):
        return make(cls, int(value))
    from pscompat.values.convert.strings import cast_error

    raise cast_error(value, full)


def make(cls: type, number: int):
    """cls(number), or the number itself when a plain enum has no member with that value."""
    try:
        return cls(number)
    except ValueError:
        return number


def _enum_type(arg) -> type:
    name = getattr(arg, "full_name", None) or str(arg)
    from pscompat.values.dotnet.typenames import type_of_name

    cls = ENUMS.get(type_of_name(name)) if name not in ENUMS else ENUMS[name]
    if cls is None:
        raise PSError(
            f'Cannot convert the "{name}" value of type "System.String" to type "System.Type".',
            "InvalidArgument",
            category="InvalidArgument",
        )
    return cls


def _parse(type_arg, text, ignore_case=False):
    cls = _enum_type(type_arg)
    return to_enum(str(text), full_name(cls))


# [enum]::... (System.Enum's static methods).
ENUM_STATICS = {
    "GetNames": lambda t: [m.name for m in sorted(_declared(_enum_type(t)), key=int)],
    "GetValues": lambda t: sorted(_declared(_enum_type(t)), key=int),
    "Parse": _parse,
    "IsDefined": lambda t, v: any(
        m.name == v if isinstance(v, str) else int(m) == int(v) for m in _declared(_enum_type(t))
    ),
    "ToObject": lambda t, v: make(_enum_type(t), int(v)),
    "GetUnderlyingType": _underlying_type,
}


def statics() -> dict:
    """The static members ([ConsoleColor]::Red) of every known enum type."""
    return {full: {m.name: m for m in _declared(cls)} for full, cls in ENUMS.items()}
