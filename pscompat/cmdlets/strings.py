"""Join-String and ConvertFrom-StringData (Microsoft.PowerShell.Utility): Join-String.cs and
ConvertFrom-StringData.cs in PowerShell's source, with its tests Join-String.Tests.ps1 and
ConvertFrom-StringData.Tests.ps1."""

from __future__ import annotations

from pscompat.cmdlets.objects.properties import is_scriptblock
from pscompat.engine.commands import Cmdlet, Parameter, cmdlet
from pscompat.values.convert.strings import to_string
from pscompat.values.dotnet.regex import dotnet_unescape
from pscompat.values.dotnet_format.composite import format_string
from pscompat.values.methods.invoke import DotNetError
from pscompat.values.objects.access import lookup_member
from pscompat.values.objects.classes import Hashtable


@cmdlet(
    "Join-String",
    synopsis="Combines objects from the pipeline into a single string.",
    description="Each object (or its -Property, a name or a script block) becomes text, quoted or formatted "
    "if asked, joined by -Separator ($OFS when not given) between -OutputPrefix and -OutputSuffix.",
    examples=(
        ("Get-AzureVMImage | Join-String -Property Label -Separator ', '", "The labels on one line."),
        ("1..3 | Join-String -OutputPrefix '[' -OutputSuffix ']' -Separator ','", "[1,2,3]"),
        ("'a','b' | Join-String -SingleQuote -Separator ','", "'a','b'"),
    ),
)
class JoinString(Cmdlet):
    parameters = (
        Parameter("Property", "object", position=0),
        Parameter("Separator", "string", position=1, allow_empty_string=True),
        Parameter("OutputPrefix", "string", aliases=("op",)),
        Parameter("OutputSuffix", "string", aliases=("os",)),
        Parameter("SingleQuote", "switch", sets=("SingleQuote",)),
        Parameter("DoubleQuote", "switch", sets=("DoubleQuote",)),
        Parameter("FormatString", "string", sets=("Format",)),
        Parameter("UseCulture", "switch"),
        Parameter("InputObject", "psobject[]", pipeline=True),
    )

    def begin(self):
        self._parts: list[str] = []
        self._quote = "'" if self.SingleQuote else '"' if self.DoubleQuote else ""
        # Separator's getter reads $OFS when none was given; an unset $OFS joins with nothing
        separator = self.Separator if "Separator" in self.bound else self.runtime.scope.lookup("ofs", None)
        self._separator = "" if separator is None else to_string(separator)

    def _value(self, obj):
        prop = self.Property
        if prop is None:
            return obj
        if is_scriptblock(prop):
            out = self.invoke(prop, dollar_under=obj)
            return out[0] if out else None
        found, value = lookup_member(obj, to_string(prop))
        return value if found else None

    def process(self):
        for obj in self.InputObject or ():
            if obj is None:
                continue
            value = self._value(obj)
            text = to_string(value)
            if self._quote:
                text = f"{self._quote}{text}{self._quote}"
            elif self.FormatString:
                text = format_string(self.FormatString, [value])
            self._parts.append(text)

    def end(self):
        return [f"{self.OutputPrefix or ''}{self._separator.join(self._parts)}{self.OutputSuffix or ''}"]


@cmdlet(
    "ConvertFrom-StringData",
    synopsis="Converts a string containing one or more key and value pairs to a hash table.",
    description="Each line `name = value` becomes an entry; blank lines and lines starting with # are "
    "skipped; values are unescaped as .NET's Regex.Unescape does (\\n, \\t, \\\\, \\u0041...).",
    examples=(
        ("'a = 1`nb = 2' | ConvertFrom-StringData", "@{a='1'; b='2'}"),
        ("Get-Content app.ini -Raw | ConvertFrom-StringData", "Settings from a file."),
    ),
)
class ConvertFromStringData(Cmdlet):
    parameters = (
        Parameter("StringData", "string", position=0, mandatory=True, pipeline=True, allow_empty_string=True),
        Parameter("Delimiter", "char", position=1, default="="),
    )

    def process(self):
        result = Hashtable()
        data = to_string(self.StringData)
        delimiter = to_string(self.Delimiter if self.Delimiter is not None else "=")
        for raw in data.split("\n"):
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            index = line.find(delimiter)
            if index <= 0:
                self.throw_terminating(
                    f"Data line '{line}' is not in 'name=value' format. ",
                    "InvalidOperation",
                    "InvalidOperation",
                    exception_type="System.Management.Automation.PSInvalidOperationException",
                )
            name = line[:index].strip()
            if name in result:
                self.throw_terminating(
                    f"Data item '{name}' in line '{line}' is already defined. ",
                    "InvalidOperation",
                    "InvalidOperation",
                    exception_type="System.Management.Automation.PSInvalidOperationException",
                )
            try:
                result[name] = dotnet_unescape(line[index + 1 :].strip())
            except DotNetError as exc:
                self.throw_terminating(
                    exc.message, "ArgumentException", "InvalidArgument", exception_type=exc.exception_type
                )
        return [result]
