"""ConvertTo-Csv, ConvertFrom-Csv, Export-Csv, Import-Csv (PS: src/Microsoft.PowerShell.Commands.
Utility/commands/utility/CsvCommands.cs).

PowerShell 7 writes no #TYPE line unless -IncludeTypeInformation, quotes every field, takes the
columns from the first object, and leaves a $null value as an empty, unquoted field.
"""

from __future__ import annotations

import os

from pscompat.cmdlets.paths import native_path
from pscompat.engine.commands import Cmdlet, Parameter, cmdlet
from pscompat.values.objects.access import lookup_member, properties
from pscompat.values.objects.classes import PSObject, is_dictionary
from pscompat.values.objects.model import type_names

CSV_PREFIX = "CSV:"


def _field_text(value):
    """The field's text: .NET ToString() (arrays show their type name), None for $null."""
    if value is None:
        return None
    if isinstance(value, (list, tuple)) and not hasattr(value, "_fields"):
        return "System.Object[]"
    if is_dictionary(value):
        return type_names(value)[0]
    from pscompat.values.convert.strings import to_string

    return to_string(value)


def _quote(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


class CsvWriter:
    """The header and rows of one ConvertTo-Csv/Export-Csv invocation."""

    def __init__(self, delimiter: str, quote: str = "Always", quote_fields=None, type_info: bool = False):
        self.delimiter = delimiter
        self.quote = quote.lower()
        self.quote_fields = {f.lower() for f in quote_fields} if quote_fields else None
        self.type_info = type_info
        self.names = None

    def _emit(self, name: str, text: str) -> str:
        if self.quote_fields is not None:
            return _quote(text) if name.lower() in self.quote_fields else text
        if self.quote == "always":
            return _quote(text)
        if self.quote == "asneeded":
            return _quote(text) if any(c in text for c in (self.delimiter, "\n", '"')) else text
        return text

    def header(self, obj) -> list[str]:
        """BuildPropertyNames from the first object, plus the optional #TYPE line."""
        if is_dictionary(obj):
            self.names = [str(k) for k in obj.keys()]
        else:
            self.names = [name for name, _ in properties(obj)]
        lines = []
        if self.type_info:
            names = type_names(obj)
            first = names[0] if names else ""
            if first.upper().startswith(CSV_PREFIX):
                first = first[len(CSV_PREFIX) :]
            lines.append(f"#TYPE {first}" if names else "#TYPE")
        lines.append(self.delimiter.join(self._emit(n, n) for n in self.names))
        return lines

    def row(self, obj) -> str:
        fields = []
        for name in self.names:
            if is_dictionary(obj):
                value = obj[name] if name in obj else lookup_member(obj, name)[1]
            else:
                value = lookup_member(obj, name)[1]
            text = _field_text(value)
            fields.append("" if text is None else self._emit(name, text))
        return self.delimiter.join(fields)

    def lines(self, obj) -> list[str]:
        out = self.header(obj) if self.names is None else []
        out.append(self.row(obj))
        return out


def _delimiter(cmd) -> str:
    if cmd.bound.get("UseCulture"):
        return ","
    delimiter = cmd.bound.get("Delimiter")
    return "," if delimiter is None else str(delimiter)[:1]


_WRITE_PARAMS = (
    Parameter("Delimiter", "char", position=1, sets=("Delimiter",)),
    Parameter("UseCulture", "switch", sets=("UseCulture",)),
    Parameter("IncludeTypeInformation", "switch", aliases=("ITI",)),
    Parameter("NoTypeInformation", "switch", aliases=("NTI",)),
    Parameter("QuoteFields", "string[]", aliases=("QF",)),
    Parameter("UseQuotes", "string", aliases=("UQ",), validate_set=("Never", "Always", "AsNeeded")),
    Parameter("NoHeader", "switch"),
)


def _writer(cmd) -> CsvWriter:
    return CsvWriter(
        _delimiter(cmd),
        str(cmd.bound.get("UseQuotes") or "Always"),
        cmd.bound.get("QuoteFields"),
        bool(cmd.bound.get("IncludeTypeInformation")) and not cmd.bound.get("NoTypeInformation"),
    )


@cmdlet(
    "ConvertTo-Csv",
    default_set="Delimiter",
    synopsis="Converts .NET objects into a series of character-separated value (CSV) strings.",
    description="Writes a header line with the first object's property names, then one line per "
    "object; every field is quoted.",
    examples=(("[pscustomobject]@{a=1;b='x'} | ConvertTo-Csv", '"a","b" then "1","x".'),),
)
class ConvertToCsv(Cmdlet):
    """Converts .NET objects into a series of character-separated value (CSV) strings."""

    parameters = (Parameter("InputObject", "psobject", position=0, mandatory=True, pipeline=True),) + _WRITE_PARAMS

    def begin(self):
        self._writer = _writer(self)

    def process(self):
        obj = self.InputObject
        if obj is None:
            return None
        lines = self._writer.lines(obj)
        if self.NoHeader and len(lines) > 1:
            lines = lines[-1:]
        return lines


@cmdlet(
    "Export-Csv",
    aliases=("epcsv",),
    default_set="Delimiter",
    supports_should_process=True,
    synopsis="Converts objects into a series of CSV strings and saves the strings to a file.",
    description="Writes the objects as CSV to a file (UTF-8); -Append adds rows under the existing header.",
    examples=(("Get-Process | Export-Csv procs.csv", "Saves the objects as CSV."),),
)
class ExportCsv(Cmdlet):
    """Converts objects into a series of CSV strings and saves the strings to a file."""

    parameters = (
        Parameter("InputObject", "psobject", mandatory=True, pipeline=True),
        Parameter("Path", "string", position=0),
        Parameter("LiteralPath", "string", aliases=("PSPath", "LP")),
        Parameter("Force", "switch"),
        Parameter("NoClobber", "switch", aliases=("NoOverwrite",)),
        Parameter("Encoding", "string"),
        Parameter("Append", "switch"),
    ) + _WRITE_PARAMS

    def begin(self):
        self._writer = _writer(self)
        self._lines = []
        path = self.LiteralPath or self.Path
        if not path:
            self.throw_terminating(
                "Cannot perform operation because the path resolved to more than one file. "
                "This command cannot operate on multiple files.",
                "CannotSpecifyPathAndLiteralPath",
                "InvalidData",
            )
        self._path = os.path.join(self.ctx.cwd, native_path(path))
        if self.Append and os.path.exists(self._path):
            with open(self._path, encoding="utf-8-sig") as fh:
                first = fh.readline().rstrip("\r\n")
            if first:
                self._writer.names = _split_line(first, self._writer.delimiter)

    def process(self):
        obj = self.InputObject
        if obj is not None:
            lines = self._writer.lines(obj)
            if self.NoHeader and len(lines) > 1:
                lines = lines[-1:]
            self._lines.extend(lines)

    def end(self):
        if self.NoClobber and os.path.exists(self._path) and not self.Append:
            self.throw_terminating(f"The file '{self._path}' already exists.", "NoClobber", "ResourceExists")
        if not self.should_process(self._path):
            return None
        with open(self._path, "a" if self.Append else "w", encoding="utf-8", newline="") as fh:
            fh.write("".join(line + "\n" for line in self._lines))
        return None


# --- reading ----------------------------------------------------------------------------------
def _split_line(line: str, delimiter: str) -> list[str]:
    return _parse_records(line, delimiter)[0] if line else []


def _parse_records(text: str, delimiter: str) -> list[list]:
    """CSV records: quoted fields may hold delimiters, doubled quotes and newlines."""
    records, fields, field = [], [], []
    i, n = 0, len(text)
    in_quotes = False
    quoted = False
    while i < n:
        ch = text[i]
        if in_quotes:
            if ch == '"':
                if i + 1 < n and text[i + 1] == '"':
                    field.append('"')
                    i += 1
                else:
                    in_quotes = False
            else:
                field.append(ch)
        elif ch == '"':
            in_quotes = quoted = True
        elif ch == delimiter:
            fields.append("".join(field))
            field, quoted = [], False
        elif ch == "\n" or ch == "\r":
            if ch == "\r" and i + 1 < n and text[i + 1] == "\n":
                i += 1
            fields.append("".join(field))
            records.append(fields)
            fields, field, quoted = [], [], False
        else:
            field.append(ch)
        i += 1
    if field or fields or quoted:
        fields.append("".join(field))
        records.append(fields)
    return records


class CsvReader:
    """Import-Csv/ConvertFrom-Csv: the header (or -Header) names the properties."""

    def __init__(self, cmd, delimiter: str, header=None):
        self.cmd = cmd
        self.delimiter = delimiter
        self.names = list(header) if header else None
        self.type_name = None

    def feed(self, text: str) -> list:
        out = []
        for record in _parse_records(text, self.delimiter):
            if record == [""] or not record:
                continue
            if self.names is None:
                if record[0].startswith("#TYPE"):
                    self.type_name = record[0][5:].strip()
                    continue
                if record[0].startswith("#") and self.type_name is None and len(record) == 1:
                    continue
                self.names = self._check_header(record)
                continue
            if record[0].startswith("#TYPE") and self.type_name is None and not out:
                self.type_name = record[0][5:].strip()
                continue
            out.append(self._object(record))
        return out

    def _check_header(self, names: list) -> list:
        seen = set()
        for name in names:
            if name.lower() in seen:
                self.cmd.throw_terminating(
                    f'The member "{name}" is already present.',
                    "AlreadyPresentPSMemberInfoInternalCollectionAdd",
                    "NotSpecified",
                )
            seen.add(name.lower())
        return names

    def _object(self, record: list) -> PSObject:
        obj = PSObject()
        for i, name in enumerate(self.names):
            obj.set_property(name, record[i] if i < len(record) else None)
        if self.type_name:
            # BuildMshobject: the names become exactly <type>, CSV:<type>
            obj.type_names[:] = [self.type_name, CSV_PREFIX + self.type_name]
        return obj


_READ_PARAMS = (
    Parameter("Delimiter", "char", position=1, sets=("Delimiter",)),
    Parameter("UseCulture", "switch", mandatory=True, sets=("UseCulture",)),
    Parameter("Header", "string[]"),
)


@cmdlet(
    "ConvertFrom-Csv",
    default_set="Delimiter",
    synopsis="Converts object properties in character-separated value (CSV) format into CSV "
    "versions of the original objects.",
    description="Reads CSV lines (the first is the header unless -Header is given) into "
    "PSCustomObjects whose property values are strings.",
    examples=(("'a,b','1,2' | ConvertFrom-Csv", "One object with a='1' and b='2'."),),
)
class ConvertFromCsv(Cmdlet):
    """Converts CSV text into objects."""

    parameters = (Parameter("InputObject", "psobject[]", position=0, mandatory=True, pipeline=True),) + _READ_PARAMS

    def begin(self):
        self._reader = CsvReader(self, _delimiter(self), self.Header)

    def process(self):
        value = self.InputObject
        items = value if isinstance(value, (list, tuple)) else [value]
        out = []
        for item in items:
            if item is None:
                continue
            from pscompat.values.convert.strings import to_string

            out.extend(self._reader.feed(to_string(item)))
        return out


@cmdlet(
    "Import-Csv",
    aliases=("ipcsv",),
    default_set="Delimiter",
    synopsis="Creates table-like custom objects from the items in a character-separated value (CSV) file.",
    description="Reads a CSV file into PSCustomObjects (one per row, string values).",
    examples=(("Import-Csv procs.csv | Where-Object Name -like 'p*'", "Reads and filters rows."),),
)
class ImportCsv(Cmdlet):
    """Creates table-like custom objects from the items in a CSV file."""

    parameters = (
        Parameter("Path", "string[]", position=0, pipeline=True),
        Parameter("LiteralPath", "string[]", aliases=("PSPath", "LP")),
        Parameter("Encoding", "string"),
    ) + _READ_PARAMS

    def process(self):
        paths = self.LiteralPath or self.Path or []
        if isinstance(paths, str):
            paths = [paths]
        out = []
        for path in paths:
            full = os.path.join(self.ctx.cwd, native_path(path))
            if not os.path.exists(full):
                self.write_error(f"Could not find file '{full}'.", "FileOpenFailure", "OpenError", path)
                continue
            with open(full, encoding="utf-8-sig", newline="") as fh:
                text = fh.read()
            reader = CsvReader(self, _delimiter(self), self.Header)
            out.extend(reader.feed(text))
        return out
