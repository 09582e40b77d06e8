"""ConvertTo-Html (Docs: Microsoft.PowerShell.Utility/ConvertTo-Html.md; PowerShell:
src/Microsoft.PowerShell.Commands.Utility/commands/utility/ConvertTo-Html.cs, its tests
test/powershell/Modules/Microsoft.PowerShell.Utility/ConvertTo-Html.Tests.ps1).

Writes an XHTML page (or with -Fragment only the table) as lines of text: a table with a
header from the first object's properties (-As Table), or a two-column name/value table per
object (-As List).  Values are their .NET ToString() (an array shows as System.Object[]),
HTML-encoded as WebUtility.HtmlEncode does; -Head, -Body, -PreContent, -PostContent and -Title
are written as given (not encoded), as PowerShell writes them.
"""

from __future__ import annotations

from typing import Any

from pscompat.cmdlets.paths import as_list
from pscompat.engine.commands import Cmdlet, Parameter, cmdlet
from pscompat.engine.validation import validate_not_null_or_empty
from pscompat.errors import PSError
from pscompat.values.convert.strings import to_string
from pscompat.values.objects.access import lookup_member, properties
from pscompat.values.objects.classes import is_dictionary
from pscompat.values.objects.model import SCRIPTBLOCK_TYPE, type_names

_STRICT = (
    '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN"  "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">'
)
_TRANSITIONAL = (
    '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN"  '
    '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">'
)
# the meta names PowerShell writes as http-equiv, and those it knows as name=
_HTTP_EQUIV = ("content-type", "default-style", "x-ua-compatible")
_META_NAMES = ("application-name", "author", "description", "generator", "keywords", "viewport")
_CHARSET = r"^[A-Za-z0-9]\w+\S+[A-Za-z0-9]$"


def html_encode(text: str) -> str:
    """System.Net.WebUtility.HtmlEncode: < > & " ' as entities, U+00A0-U+00FF and characters
    beyond the BMP as numeric references."""
    out = []
    for ch in text:
        code = ord(ch)
        if ch == "<":
            out.append("&lt;")
        elif ch == ">":
            out.append("&gt;")
        elif ch == "&":
            out.append("&amp;")
        elif ch == '"':
            out.append("&quot;")
        elif ch == "'":
            out.append("&#39;")
        elif 0xA0 <= code <= 0xFF or code > 0xFFFF:
            out.append(f"&#{code};")
        else:
            out.append(ch)
    return "".join(out)


def _net_to_string(value: Any) -> str:
    """SafeToString: the object's ToString(), '' when it fails."""
    from pscompat.values.methods.dispatch import call_method

    try:
        return to_string(call_method(value, "ToString", []))
    except PSError:
        return ""


def _is_block(value: Any) -> bool:
    names = type_names(value)
    return bool(names) and names[0] == SCRIPTBLOCK_TYPE


def _entry(table: dict, *names: str) -> tuple[bool, Any]:
    """A calculated-property key given as any prefix of one of names (e, l, n, width...)."""
    for key, value in table.items():
        k = str(key).lower()
        if k and any(name.startswith(k) for name in names):
            return True, value
    return False, None


class _Column:
    """One resolved -Property entry: a label and how to read its value."""

    def __init__(self, label: str, source: Any, width: str | None = None, alignment: str | None = None):
        self.label, self.source, self.width, self.alignment = label, source, width, alignment


@cmdlet(
    "ConvertTo-Html",
    default_set="Page",
    synopsis="Converts .NET objects into HTML that can be displayed in a Web browser.",
    description="Writes an HTML page (or with -Fragment only a table) listing the objects' "
    "properties, as a table or, with -As List, as name/value rows per object.",
    examples=(
        ("Get-Process | ConvertTo-Html -Property Name, Id > procs.html", "A page with a table of two columns."),
        ("$o | ConvertTo-Html -Fragment -As List", "Only the <table> element, one row per property."),
    ),
)
class ConvertToHtml(Cmdlet):
    """Converts .NET objects into HTML that can be displayed in a Web browser."""

    parameters = (
        Parameter("InputObject", "psobject", pipeline=True),
        Parameter("Property", "object[]", position=0),
        Parameter("Body", "string[]", position=3, sets=("Page",)),
        Parameter("Head", "string[]", position=1, sets=("Page",)),
        Parameter("Title", "string", position=2, sets=("Page",), validators=(validate_not_null_or_empty,)),
        Parameter("As", "string", validate_set=("Table", "List"), validators=(validate_not_null_or_empty,)),
        Parameter("CssUri", "string", sets=("Page",), aliases=("cu", "uri")),
        Parameter("Fragment", "switch", sets=("Fragment",)),
        Parameter("PostContent", "string[]", validators=(validate_not_null_or_empty,)),
        Parameter("PreContent", "string[]", validators=(validate_not_null_or_empty,)),
        Parameter("Meta", "hashtable", sets=("Page",), validators=(validate_not_null_or_empty,)),
        Parameter("Charset", "string", sets=("Page",), validators=(validate_not_null_or_empty,)),
        Parameter("Transitional", "switch", sets=("Page",)),
    )

    def begin(self):
        bound = self.bound
        self._list = str(bound.get("As") or "Table").lower() == "list"
        self._columns: list[_Column] | None = None
        self._count = 0
        css = bound.get("CssUri")
        if "CssUri" in bound and (css is None or not str(css).strip()):
            self.throw_terminating(
                "This command cannot be run because 'CSSUri' is empty or blank. Please specify CSSUri and then run "
                "the command.",
                "ArgumentException",
                "InvalidArgument",
                "CSSUri",
                exception_type="System.ArgumentException",
            )
        charset = bound.get("Charset")
        if charset is not None:
            import re

            if not re.search(_CHARSET, charset):
                self.throw_terminating(
                    f"Cannot validate argument on parameter 'Charset'. The argument \"{charset}\" does not match the "
                    f'"{_CHARSET}" pattern. Supply an argument that matches "{_CHARSET}" and try the command again.',
                    "ParameterArgumentValidationError",
                    "InvalidData",
                    exception_type="System.Management.Automation.ParameterBindingValidationException",
                )
        self._specs = [self._spec(p) for p in as_list(bound.get("Property"))] or ["*"]
        out: list[str] = []
        if not bound.get("Fragment"):
            out.append(_TRANSITIONAL if bound.get("Transitional") else _STRICT)
            out += ['<html xmlns="http://www.w3.org/1999/xhtml">', "<head>"]
            if charset is not None:
                out.append(f'<meta charset="{charset}">')
            out += self._meta(bound.get("Meta"))
            head = bound.get("Head")
            title = bound.get("Title") or "HTML TABLE"
            out += [to_string(h) for h in as_list(head)] if head is not None else [f"<title>{title}</title>"]
            if css is not None:
                out.append(f'<link rel="stylesheet" type="text/css" href="{css}" />')
            out.append("</head><body>")
            out += [to_string(b) for b in as_list(bound.get("Body"))]
        out += [to_string(p) for p in as_list(bound.get("PreContent"))]
        out.append("<table>")
        return out

    def _meta(self, meta) -> list[str]:
        if not meta:
            return []
        out = []
        for key, value in meta.items():
            name, content = to_string(key), to_string(value)
            if name.lower() in _HTTP_EQUIV:
                out.append(f'<meta http-equiv="{name}" content="{content}">')
                continue
            if name.lower() not in _META_NAMES:
                self.write_warning(
                    "Accepted meta properties are content-type, default-style, application-name, author, "
                    "description, generator, keywords, x-ua-compatible, and viewport. The meta pair: "
                    f"{name} and {content} may not function correctly."
                )
            out.append(f'<meta name="{name}" content="{content}">')
        return out

    def _spec(self, item: Any) -> Any:
        """A -Property item as a name pattern (str), a script block, or a _Column."""
        if isinstance(item, str) or not (_is_block(item) or is_dictionary(item)):
            return to_string(item)
        if _is_block(item):
            return _Column(item.text, item)
        found, expr = _entry(item, "expression")
        if not found:
            self.throw_terminating(
                "A hash table key 'Expression' is missing.", "DictionaryKeyMissingEntry", "InvalidArgument"
            )
        known = ("expression", "label", "name", "alignment", "width")
        for key in item:
            if not any(k.startswith(str(key).lower()) for k in known):
                self.throw_terminating(f'The "{key}" key is not valid.', "DictionaryKeyIllegal", "InvalidArgument")
        has_label, label = _entry(item, "label", "name")
        has_width, width = _entry(item, "width")
        has_align, align = _entry(item, "alignment")
        column = _Column(
            to_string(label) if has_label else (expr.text if _is_block(expr) else to_string(expr)),
            expr if _is_block(expr) else to_string(expr),
            to_string(width) if has_width and width is not None else None,
            to_string(align) if has_align and align is not None else None,
        )
        column.named = has_label  # type: ignore[attr-defined]
        return column

    def _resolve(self, obj: Any) -> list[_Column]:
        """The columns for obj: wildcard names expanded to its properties, plain names kept
        when it has them (PSPropertyExpression.ResolveNames)."""
        names = [n for n, _ in properties(obj)]
        columns: list[_Column] = []
        for spec in self._specs:
            if isinstance(spec, _Column):
                if isinstance(spec.source, str) and not getattr(spec, "named", False):
                    columns += [
                        _Column(n, n, spec.width, spec.alignment) for n in self._matching(spec.source, obj, names)
                    ]
                else:
                    columns.append(spec)
            else:
                columns += [_Column(n, n) for n in self._matching(spec, obj, names)]
        return columns

    @staticmethod
    def _matching(pattern: str, obj: Any, names: list[str]) -> list[str]:
        from pscompat.cmdlets.wildcards import has_wildcard

        if has_wildcard(pattern):
            import fnmatch

            return [n for n in names if fnmatch.fnmatchcase(n.lower(), pattern.lower())]
        if lookup_member(obj, pattern)[0]:
            return [next((n for n in names if n.lower() == pattern.lower()), pattern)]
        return []

    def _value(self, column: _Column, obj: Any) -> str:
        source = column.source
        if isinstance(source, str):
            found, value = lookup_member(obj, source)
            results = [value] if found else []
        else:
            try:
                out = self.invoke(source, dollar_under=obj)
            except PSError:
                out = []
            results = [None if not out else out[0] if len(out) == 1 else out]
        return ", ".join(html_encode(_net_to_string(v)) if v is not None else "" for v in results)

    def process(self):
        obj = self.bound.get("InputObject")
        if obj is None:
            return None
        self._count += 1
        out: list[str] = []
        if self._columns is None:
            columns = self._resolve(obj)
            if not columns:
                return None
            if self._list:
                if self._count > 1:
                    out.append("<tr><td><hr></td></tr>")
                out += [f"<tr><td>{c.label}:</td><td>{self._value(c, obj)}</td></tr>" for c in columns]
                return out
            self._columns = columns
            out.append("<colgroup>" + "".join(self._col_tag(c) for c in columns) + "</colgroup>")
            out.append("<tr>" + "".join(f"<th>{c.label}</th>" for c in columns) + "</tr>")
        out.append("<tr>" + "".join(f"<td>{self._value(c, obj)}</td>" for c in self._columns) + "</tr>")
        return out

    @staticmethod
    def _col_tag(column: _Column) -> str:
        width = f' width = "{column.width}"' if column.width is not None else ""
        align = f' align = "{column.alignment}"' if column.alignment is not None else ""
        return f"<col{width}{align}/>"

    def end(self):
        out = ["</table>", *[to_string(p) for p in as_list(self.bound.get("PostContent"))]]
        if not self.bound.get("Fragment"):
            out.append("</body></html>")
        return out
