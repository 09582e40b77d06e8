"""Type names: the accelerators and full .NET names a type literal resolves to ([int] ->
System.Int32, [List[object]] -> System.Collections.Generic.List[System.Object]), and the
spelling a type takes when converted to a string ("$([int])" is 'int')."""

from __future__ import annotations

import re

from pscompat.errors import PSError
from pscompat.values.dotnet import exceptions as _exceptions
from pscompat.values.objects.model import SCRIPTBLOCK_TYPE

# The accelerator a type is spelled with when converted to a string ("$([int])" is 'int'):
# the first builtin accelerator naming it (TypeResolver.cs FindBuiltinAccelerator, CoreTypes order).
_TYPE_SPELLING = {
    "System.Array": "array",
    "System.Boolean": "bool",
    "System.Byte": "byte",
    "System.Char": "char",
    "System.DateTime": "datetime",
    "System.Decimal": "decimal",
    "System.Double": "double",
    "System.Single": "float",
    "System.Guid": "guid",
    "System.Collections.Hashtable": "hashtable",
    "System.Int32": "int",
    "System.Int16": "short",
    "System.Int64": "long",
    "System.Collections.Specialized.OrderedDictionary": "ordered",
    "System.Management.Automation.PSObject": "psobject",
    "System.Management.Automation.PSReference": "ref",
    "System.Text.RegularExpressions.Regex": "regex",
    "System.SByte": "sbyte",
    "System.String": "string",
    "System.Management.Automation.SwitchParameter": "switch",
    "System.Numerics.BigInteger": "bigint",
    "System.TimeSpan": "timespan",
    "System.UInt16": "ushort",
    "System.UInt32": "uint",
    "System.UInt64": "ulong",
    "System.Uri": "uri",
    "System.Version": "version",
    "System.Void": "void",
    "System.Net.IPAddress": "ipaddress",
    "System.Management.Automation.WildcardPattern": "WildcardPattern",
    "System.Xml.XmlDocument": "xml",
    "System.Management.Automation.SemanticVersion": "semver",
    SCRIPTBLOCK_TYPE: "scriptblock",
    "System.Management.Automation.PSVariable": "psvariable",
    "System.Type": "type",
}


def type_spelling(full: str) -> str:
    """ToStringCodeMethods.Type: accelerator names, also inside arrays and generic arguments."""
    if full.endswith("[]"):
        return type_spelling(full[:-2]) + "[]"
    cut = full.find("[")
    if cut > 0 and full.endswith("]"):
        args, depth, start = [], 0, cut + 1
        for i, ch in enumerate(full[cut + 1 : -1], cut + 1):
            depth += ch == "["
            depth -= ch == "]"
            if ch == "," and depth == 0:
                args.append(full[start:i].strip())
                start = i + 1
        args.append(full[start:-1].strip())
        return full[:cut] + "[" + ",".join(type_spelling(a) for a in args) + "]"
    return _TYPE_SPELLING.get(full, full)


# --------------------------------------------------------------------------------------------
# Type names: accelerators (PS: src/System.Management.Automation/engine/parser/TypeResolver.cs,
# `TypeAccelerators.builtinTypeAccelerators`) and the full names we know.

_SMA = "System.Management.Automation."
ACCELERATORS = {
    "int": "System.Int32",
    "int32": "System.Int32",
    "long": "System.Int64",
    "int64": "System.Int64",
    "short": "System.Int16",
    "int16": "System.Int16",
    "byte": "System.Byte",
    "sbyte": "System.SByte",
    "uint": "System.UInt32",
    "uint32": "System.UInt32",
    "ulong": "System.UInt64",
    "uint64": "System.UInt64",
    "ushort": "System.UInt16",
    "uint16": "System.UInt16",
    "bigint": "System.Numerics.BigInteger",
    "double": "System.Double",
    "float": "System.Single",
    "single": "System.Single",
    "decimal": "System.Decimal",
    "string": "System.String",
    "char": "System.Char",
    "bool": "System.Boolean",
    "datetime": "System.DateTime",
    "timespan": "System.TimeSpan",
    "object": "System.Object",
    "array": "System.Array",
    "hashtable": "System.Collections.Hashtable",
    "ordered": "System.Collections.Specialized.OrderedDictionary",
    "psobject": "System.Management.Automation.PSObject",
    # [pscustomobject] is the same type as [psobject] ([pscustomobject].FullName is PSObject).
    "pscustomobject": "System.Management.Automation.PSObject",
    "regex": "System.Text.RegularExpressions.Regex",
    "version": "System.Version",
    "guid": "System.Guid",
    "math": "System.Math",
    "switch": "System.Management.Automation.SwitchParameter",
    "scriptblock": SCRIPTBLOCK_TYPE,
    "void": "System.Void",
    "xml": "System.Xml.XmlDocument",
    "type": "System.Type",
    "environment": "System.Environment",
    "enum": "System.Enum",
    "valuetype": "System.ValueType",
    "exception": "System.Exception",
    "uri": "System.Uri",
    "ipaddress": "System.Net.IPAddress",
    "wildcardpattern": "System.Management.Automation.WildcardPattern",
    "datetimeoffset": "System.DateTimeOffset",
    "psvariable": "System.Management.Automation.PSVariable",
    "convert": "System.Convert",
    "console": "System.Console",
    "text.stringbuilder": "System.Text.StringBuilder",
    "pscredential": "System.Management.Automation.PSCredential",
    "securestring": "System.Security.SecureString",
    "io.path": "System.IO.Path",
    "io.file": "System.IO.File",
    "io.directory": "System.IO.Directory",
    "dayofweek": "System.DayOfWeek",
    "cultureinfo": "System.Globalization.CultureInfo",
    "psnoteproperty": "System.Management.Automation.PSNoteProperty",
    # The rest of PowerShell's builtin accelerators (TypeAccelerator.Tests.ps1), so the names resolve.
    "alias": _SMA + "AliasAttribute",
    "allowemptycollection": _SMA + "AllowEmptyCollectionAttribute",
    "allowemptystring": _SMA + "AllowEmptyStringAttribute",
    "allownull": _SMA + "AllowNullAttribute",
    "argumentcompleter": _SMA + "ArgumentCompleterAttribute",
    "argumentcompletions": _SMA + "ArgumentCompletionsAttribute",
    "cmdletbinding": _SMA + "CmdletBindingAttribute",
    "ipendpoint": "System.Net.IPEndPoint",
    "nullstring": _SMA + "Language.NullString",
    "outputtype": _SMA + "OutputTypeAttribute",
    "parameter": _SMA + "ParameterAttribute",
    "psdefaultvalue": _SMA + "PSDefaultValueAttribute",
    "pslistmodifier": _SMA + "PSListModifier",
    "psprimitivedictionary": _SMA + "PSPrimitiveDictionary",
    "ref": _SMA + "PSReference",
    "pstypenameattribute": _SMA + "PSTypeNameAttribute",
    "supportswildcards": _SMA + "SupportsWildcardsAttribute",
    "validatecount": _SMA + "ValidateCountAttribute",
    "validatedrive": _SMA + "ValidateDriveAttribute",
    "validatelength": _SMA + "ValidateLengthAttribute",
    "validatenotnull": _SMA + "ValidateNotNullAttribute",
    "validatenotnullorempty": _SMA + "ValidateNotNullOrEmptyAttribute",
    "validatenotnullorwhitespace": _SMA + "ValidateNotNullOrWhiteSpaceAttribute",
    "validatepattern": _SMA + "ValidatePatternAttribute",
    "validaterange": _SMA + "ValidateRangeAttribute",
    "validatescript": _SMA + "ValidateScriptAttribute",
    "validateset": _SMA + "ValidateSetAttribute",
    "validatetrusteddata": _SMA + "ValidateTrustedDataAttribute",
    "validateuserdrive": _SMA + "ValidateUserDriveAttribute",
    "mailaddress": "System.Net.Mail.MailAddress",
    "semver": _SMA + "SemanticVersion",
    "psmoduleinfo": _SMA + "PSModuleInfo",
    "powershell": _SMA + "PowerShell",
    "runspacefactory": _SMA + "Runspaces.RunspaceFactory",
    "runspace": _SMA + "Runspaces.Runspace",
    "initialsessionstate": _SMA + "Runspaces.InitialSessionState",
    "psscriptmethod": _SMA + "PSScriptMethod",
    "psscriptproperty": _SMA + "PSScriptProperty",
    "psaliasproperty": _SMA + "PSAliasProperty",
    "psvariableproperty": _SMA + "PSVariableProperty",
    "pspropertyexpression": "Microsoft.PowerShell.Commands.PSPropertyExpression",
    "physicaladdress": "System.Net.NetworkInformation.PhysicalAddress",
    "x509certificate": "System.Security.Cryptography.X509Certificates.X509Certificate",
    "x500distinguishedname": "System.Security.Cryptography.X509Certificates.X500DistinguishedName",
    "objectsecurity": "System.Security.AccessControl.ObjectSecurity",
    "experimentalfeature": _SMA + "ExperimentalFeature",
}
# Full names that exist.  Like PowerShell, a name also resolves with 'System.' prepended
# ([Int32], [IO.Path], [Collections.ArrayList]).  Some ACCELERATORS entries above are such
# System.* names (math, environment, convert...), listed there for speed.
KNOWN_TYPES = set(ACCELERATORS.values()) | {
    "System.Management.Automation.Host.ChoiceDescription",
    "System.Management.Automation.Host.FieldDescription",
    "System.Collections.ArrayList",
    "System.Collections.IEnumerable",
    "System.Collections.IList",
    "System.Collections.ICollection",
    "System.Collections.IDictionary",
    "System.IComparable",
    "System.Management.Automation.RuntimeException",
    "System.MidpointRounding",
    "System.Collections.Generic.List",
    "System.Collections.Generic.Dictionary",
    "System.Management.Automation.PSCustomObject",
    "System.Management.Automation.ErrorRecord",
    "System.Text.RegularExpressions.Match",
    "System.Array",
    "System.Enum",
    "System.Attribute",
    "System.Collections.Specialized.OrderedDictionary",
    "System.IO.FileInfo",
    "System.IO.DirectoryInfo",
    "System.Management.Automation.ActionPreference",
    "System.Globalization.CultureInfo",
    "System.StringComparison",
    "System.StringSplitOptions",
    "System.IFormattable",
    "System.IConvertible",
    # Types of objects the cmdlets return, so `-is` / `-as` can name them (about_Type_Operators).
    "System.IO.FileSystemInfo",
    "System.Management.Automation.CommandInfo",
    "System.Management.Automation.CmdletInfo",
    "System.Management.Automation.FunctionInfo",
    "System.Management.Automation.AliasInfo",
    "System.Management.Automation.ApplicationInfo",
    "System.Diagnostics.Process",
    "System.Management.Automation.PathInfo",
}
KNOWN_TYPES.update(_exceptions.PARENTS)  # [System.ArgumentException] & co
_FULL_BY_LOWER: dict[str, str] = {}
_enums_known = False


def _index_known_types() -> None:
    _FULL_BY_LOWER.update({t.lower(): t for t in KNOWN_TYPES})
    _FULL_BY_LOWER.update({t.lower()[len("system.") :]: t for t in KNOWN_TYPES if t.startswith("System.")})


def _add_enum_names() -> bool:
    """The enum types join the index on the first name nothing else resolves: importing the enum
    tables costs every start a few milliseconds that most scripts never need."""
    global _enums_known
    if _enums_known:
        return False
    from pscompat.values.dotnet import enums

    _enums_known = True
    KNOWN_TYPES.update(enums.ENUMS)
    _index_known_types()
    return True


_index_known_types()
_GENERIC = re.compile(r"^(?P<base>[\w.]+?)(?:`\d+)?\[(?P<args>.+)\]$")


def type_of_name(type_name: str) -> str:
    """Full .NET name for a type literal's text: 'int' -> 'System.Int32', 'string[]' ->
    'System.String[]', 'List[object]' -> 'System.Collections.Generic.List[System.Object]'."""
    name = type_name.strip()
    if name.startswith("[") and name.endswith("]"):
        name = name[1:-1].strip()
    full = _RESOLVED.get(name)
    if full is not None:
        return full
    lower = name.lower()
    if lower.endswith("[]"):
        full = type_of_name(name[:-2]) + "[]"
    elif (m := _GENERIC.match(name)) is not None:
        base = type_of_name(m["base"] if "." in m["base"] else "System.Collections.Generic." + m["base"])
        args = ",".join(type_of_name(a) for a in _split_generic_args(m["args"]))
        full = f"{base}[{args}]"
    else:
        full = ACCELERATORS.get(lower) or _FULL_BY_LOWER.get(lower)
        if full is None and _add_enum_names():
            full = _FULL_BY_LOWER.get(lower)
        if full is None:
            full = next(
                (_FULL_BY_LOWER[f"{ns}.{lower}"] for ns in USING_NAMESPACES if f"{ns}.{lower}" in _FULL_BY_LOWER), None
            )
        if full is None:
            raise PSError(f"Unable to find type [{name}].", "TypeNotFound", category="InvalidOperation")
    _RESOLVED[name] = full
    return full


_RESOLVED: dict[str, str] = {}
# `using namespace X.Y` (about_Using): the namespaces, lower-case, a short name is also looked
# up in once nothing else resolves it.
USING_NAMESPACES: list[str] = []


def add_using_namespace(namespace: str) -> None:
    folded = namespace.strip().lower()
    if folded and folded not in USING_NAMESPACES:
        USING_NAMESPACES.append(folded)


def register_type(full_name: str) -> None:
    """Make a type name resolvable (e.g. Azure model types declared in PS_TYPE_NAMES)."""
    KNOWN_TYPES.add(full_name)
    _FULL_BY_LOWER[full_name.lower()] = full_name


def _split_generic_args(text: str) -> list[str]:
    parts, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        depth += (ch == "[") - (ch == "]")
        if ch == "," and depth == 0:
            parts.append(text[start:i].strip())
            start = i + 1
    parts.append(text[start:].strip())
    return [p[1:-1] if p.startswith("[") and p.endswith("]") else p for p in parts]
