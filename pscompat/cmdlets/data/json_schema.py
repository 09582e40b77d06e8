"""Test-Json (Docs: Microsoft.PowerShell.Utility/Test-Json.md; PowerShell:
src/Microsoft.PowerShell.Commands.Utility/commands/utility/TestJsonCommand.cs).

Writes $true when the text parses as JSON (strictly, as System.Text.Json's JsonNode.Parse:
no comments, no trailing commas, no NaN, unless -Options IgnoreComments/AllowTrailingCommas)
and, with -Schema or -SchemaFile, validates against a JSON Schema.  PowerShell uses
JsonSchema.Net; here the `jsonschema` package validates, with the draft the schema's "$schema"
names (2020-12 when it names none, JsonSchema.Net's default), and a schema file's relative
"$ref"s resolve against the file.  Each schema violation is one InvalidJsonAgainstSchemaDetailed
error naming the instance location ("/hobbies/0"); the violation's own wording is jsonschema's.
Remote "$ref"s (http/https) are not fetched: pscompat makes no network calls of its own.
"""

from __future__ import annotations

import json
import os
import pathlib
import urllib.parse

from pscompat.cmdlets.wildcards import has_wildcard
from pscompat.engine.commands import Cmdlet, Parameter, cmdlet
from pscompat.engine.validation import validate_not_null_or_empty

_ID = "Microsoft.PowerShell.Commands.TestJsonCommand"
_SCHEMA_SETS = ("JsonStringWithSchemaString", "JsonPathWithSchemaString", "JsonLiteralPathWithSchemaString")
_FILE_SETS = ("JsonStringWithSchemaFile", "JsonPathWithSchemaFile", "JsonLiteralPathWithSchemaFile")
_STRING_SETS = ("JsonString", "JsonStringWithSchemaString", "JsonStringWithSchemaFile")
_PATH_SETS = ("JsonPath", "JsonPathWithSchemaString", "JsonPathWithSchemaFile")
_LITERAL_SETS = ("JsonLiteralPath", "JsonLiteralPathWithSchemaString", "JsonLiteralPathWithSchemaFile")
_MAX_DEPTH = 64  # JsonDocumentOptions.MaxDepth's default


class JsonTextError(ValueError):
    """The text is not JSON as System.Text.Json reads it."""


def strip_extensions(text: str, comments: bool, trailing_commas: bool) -> str:
    """The text with // and /* */ comments (outside strings) and commas before } or ] taken
    out, as far as the options allow; what is left for a strict parser to judge."""
    out: list[str] = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c == '"':
            j = i + 1
            while j < n and text[j] != '"':
                j += 2 if text[j] == "\\" else 1
            out.append(text[i : j + 1])
            i = j + 1
        elif comments and text.startswith("//", i):
            j = text.find("\n", i)
            i = n if j < 0 else j
        elif comments and text.startswith("/*", i):
            j = text.find("*/", i + 2)
            if j < 0:
                raise JsonTextError("unterminated comment")
            out.append(" ")
            i = j + 2
        elif c == "," and trailing_commas:
            rest = strip_extensions(text[i + 1 :], comments, False).lstrip()
            if rest[:1] in ("}", "]"):
                i += 1
            else:
                out.append(c)
                i += 1
        else:
            out.append(c)
            i += 1
    return "".join(out)


def _reject_constant(name: str):
    raise JsonTextError(f"'{name}' is not valid JSON")


def _depth(value) -> int:
    deepest, stack = 0, [(value, 0)]
    while stack:
        node, level = stack.pop()
        if isinstance(node, (dict, list)):
            level += 1
            deepest = max(deepest, level)
            stack.extend((child, level) for child in (node.values() if isinstance(node, dict) else node))
    return deepest


def parse_json(text: str, comments: bool = False, trailing_commas: bool = False):
    """The JSON value of text, or JsonTextError."""
    if comments or trailing_commas:
        text = strip_extensions(text, comments, trailing_commas)
    try:
        value = json.loads(text, parse_constant=_reject_constant)
    except (ValueError, RecursionError) as e:
        raise JsonTextError(str(e)) from e
    if _depth(value) > _MAX_DEPTH:
        raise JsonTextError(f"The maximum configured depth of {_MAX_DEPTH} has been exceeded.")
    return value


def _pointer(path) -> str:
    return "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in path)


class SchemaError(Exception):
    """The schema is not a schema (InvalidJsonSchema)."""


class ReferenceError_(Exception):
    """A "$ref" could not be resolved (InvalidJsonSchema, written per document)."""


def build_validator(schema, base_uri: str | None):
    """A jsonschema validator for schema (a parsed JSON value), relative refs against base_uri."""
    import jsonschema  # type: ignore[import-untyped]
    import referencing
    import referencing.exceptions
    from referencing.jsonschema import DRAFT202012

    cls = jsonschema.validators.validator_for(schema, default=jsonschema.Draft202012Validator)
    try:
        cls.check_schema(schema)
    except jsonschema.exceptions.SchemaError as e:
        raise SchemaError(e.message) from e

    def retrieve(uri: str):
        if not uri.startswith("file:"):
            raise referencing.exceptions.NoSuchResource(ref=uri)  # type: ignore[call-arg]
        parts = urllib.parse.urlsplit(uri)
        with open(urllib.parse.unquote(parts.path), encoding="utf-8-sig") as f:
            contents = json.load(f)
        return referencing.Resource.from_contents(contents, default_specification=DRAFT202012)

    registry: referencing.Registry = referencing.Registry(retrieve=retrieve)  # type: ignore[call-arg]
    if base_uri and isinstance(schema, dict) and "$id" not in schema and "id" not in schema:
        schema = {"$id": base_uri, **schema}
    return cls(schema, registry=registry)


def schema_errors(validator, instance) -> list[tuple[str, str]]:
    """(message, instance location) of each violation; ReferenceError_ for a ref that fails."""
    import referencing.exceptions

    try:
        errors = list(validator.iter_errors(instance))  # in the schema's keyword order
        return [(e.message, _pointer(e.absolute_path)) for e in errors]
    except referencing.exceptions.Unresolvable as e:
        raise ReferenceError_(str(e)) from e


@cmdlet(
    "Test-Json",
    default_set="JsonString",
    synopsis="Tests whether a string is a valid JSON document",
    description="Writes $true when the text (or the file's text) is JSON, and, with -Schema or "
    "-SchemaFile, valid against that JSON Schema; otherwise $false with an error per problem.",
    examples=(
        ("'{\"a\": 1}' | Test-Json", "True."),
        ('Test-Json -Json \'{"a": 1}\' -Schema \'{"type": "array"}\'', "False, with an error at ''."),
        ("Test-Json -Path settings.json -Options IgnoreComments", "Allows // and /* */ comments."),
    ),
)
class TestJson(Cmdlet):
    """Tests whether a string is a valid JSON document."""

    parameters = (
        Parameter("Json", "string", mandatory=True, pipeline=True, position=0, sets=_STRING_SETS),
        Parameter("Path", "string", mandatory=True, pipeline_by_name=True, position=0, sets=_PATH_SETS),
        Parameter(
            "LiteralPath",
            "string",
            mandatory=True,
            pipeline_by_name=True,
            position=0,
            sets=_LITERAL_SETS,
            aliases=("PSPath", "LP"),
        ),
        Parameter(
            "Schema", "string", mandatory=True, position=1, sets=_SCHEMA_SETS, validators=(validate_not_null_or_empty,)
        ),
        Parameter(
            "SchemaFile",
            "string",
            mandatory=True,
            position=1,
            sets=_FILE_SETS,
            validators=(validate_not_null_or_empty,),
        ),
        Parameter("Options", "string[]", validate_set=("IgnoreComments", "AllowTrailingCommas")),
    )

    def begin(self):
        from pscompat.cmdlets.paths import full_path

        self._validator = None
        options = {o.lower() for o in (self.bound.get("Options") or ())}
        self._comments = "ignorecomments" in options
        self._commas = "allowtrailingcommas" in options
        schema_text, base_uri, source = self.bound.get("Schema"), None, None
        if "SchemaFile" in self.bound:
            resolved = full_path(self, self.bound["SchemaFile"])
            try:
                with open(resolved, encoding="utf-8-sig") as fh:
                    schema_text = fh.read()
            except OSError:
                self.throw_terminating(
                    f"Can not open JSON schema file: {resolved}",
                    "JsonSchemaFileOpenFailure",
                    "OpenError",
                    resolved,
                )
            base_uri, source = pathlib.Path(resolved).as_uri(), resolved
        if schema_text is None:
            return None
        try:
            schema = parse_json(schema_text)
        except JsonTextError:
            # JsonSchema.FromText's JsonException: written, and the documents are then only parsed
            self.write_error("Cannot parse the JSON schema.", "InvalidJsonSchema", "InvalidData", source or schema_text)
            return None
        try:
            self._validator = build_validator(schema, base_uri)
        except SchemaError:
            self.throw_terminating("Cannot parse the JSON schema.", "InvalidJsonSchema", "InvalidData", source or "")
        return None

    def process(self):
        text = self._document()
        try:
            value = parse_json(text, self._comments, self._commas)
        except JsonTextError:
            self.write_error("Cannot parse the JSON.", "InvalidJson", "InvalidData", self.bound.get("Json"))
            return [False]
        if self._validator is None:
            return [True]
        try:
            errors = schema_errors(self._validator, value)
        except ReferenceError_:
            self.write_error("Cannot parse the JSON schema.", "InvalidJsonSchema", "InvalidData", None)
            return [False]
        for message, location in errors:
            self.write_error(
                f"The JSON is not valid with the schema: {message} at '{location}'",
                "InvalidJsonAgainstSchemaDetailed",
                "InvalidData",
            )
        return [not errors]

    def _document(self) -> str:
        if self.parameter_set in _STRING_SETS:
            return self.bound["Json"]
        from pscompat.cmdlets.paths import full_path

        literal = self.parameter_set in _LITERAL_SETS
        path = self.bound["LiteralPath" if literal else "Path"]
        resolved = full_path(self, path)
        if not literal and has_wildcard(path):
            import glob

            matches = sorted(glob.glob(resolved))
            if len(matches) > 1:
                self.throw_terminating(
                    "Cannot perform operation because the path resolved to more than one file. This command "
                    "cannot operate on multiple files.",
                    "ReadWriteMultipleFilesNotSupported",
                    "InvalidArgument",
                )
            if not matches:
                # PathUtils.ReportWildcardingFailure
                self.throw_terminating(
                    f"Cannot perform operation because the wildcard path {path} did not resolve to a file.",
                    "FileOpenFailure",
                    "OpenError",
                    path,
                    exception_type="System.IO.FileNotFoundException",
                )
            resolved = matches[0]
        if not os.path.isfile(resolved):
            self.throw_terminating(
                f"Cannot find path '{path}' because it does not exist.",
                "PathNotFound",
                "ObjectNotFound",
                path,
                exception_type="System.Management.Automation.ItemNotFoundException",
            )
        with open(resolved, encoding="utf-8-sig", errors="replace") as fh:
            return fh.read()
