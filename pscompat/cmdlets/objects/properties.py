"""Property arguments as Select-Object, Sort-Object, Group-Object & co. take them: names with
wildcards, script blocks and calculated-property hashtables (@{Name=...; Expression=...}).

PowerShell's own: FormatAndOutput/common/Utilities/MshParameter.cs (ParameterProcessor: keys
match by unambiguous prefix, errors are terminating 'DictionaryKey*' ids) and Mshexpression.cs
(PSPropertyExpression: ResolveNames / GetValues).  Docs: about_Calculated_Properties.md.
"""

from __future__ import annotations

from typing import Any

from pscompat.cmdlets.objects.common import match_properties, resolve_property
from pscompat.cmdlets.wildcards import has_wildcard
from pscompat.values.objects.classes import is_dictionary

SCRIPTBLOCK_TYPE = "System.Management.Automation.ScriptBlock"


def is_scriptblock(value) -> bool:
    names = getattr(type(value), "PS_TYPE_NAMES", None)
    return bool(names) and names[0] == SCRIPTBLOCK_TYPE


def dotnet_type_name(value) -> str:
    from pscompat.values.objects.model import type_names

    names = type_names(value)
    return names[0] if names else "System.Object"


class Entry:
    """One key a property hashtable may have: primary name, secondary names, allowed types."""

    def __init__(
        self, key: str, secondary: tuple = (), types: tuple = ("System.String",), mandatory: bool = False, check=None
    ):
        self.key = key
        self.names = (key,) + secondary
        self.types = types
        self.mandatory = mandatory
        self.check = check  # value -> bool, None = any value

    def matches(self, typed: str) -> bool:
        typed = typed.lower()
        return any(name.startswith(typed) for name in self.names)


EXPRESSION = Entry(
    "expression",
    types=("System.String", SCRIPTBLOCK_TYPE),
    mandatory=True,
    check=lambda v: isinstance(v, str) or is_scriptblock(v),
)
NAME = Entry("name", ("label",), check=lambda v: isinstance(v, str))
ASCENDING = Entry("ascending", types=("System.Boolean",), check=lambda v: isinstance(v, bool))
DESCENDING = Entry("descending", types=("System.Boolean",), check=lambda v: isinstance(v, bool))

SELECT_ENTRIES = (EXPRESSION, NAME)
SORT_ENTRIES = (EXPRESSION, ASCENDING, DESCENDING)
GROUP_ENTRIES = (EXPRESSION,)


class PropertySpec:
    """A verified property argument: an expression (name pattern or script block) plus the
    other hashtable entries (name, ascending...)."""

    __slots__ = ("expression", "is_block", "wildcard", "entries", "text", "_caller")

    def __init__(self, expression, entries: dict):
        self.expression = expression
        self.is_block = is_scriptblock(expression)
        self.wildcard = not self.is_block and has_wildcard(expression)
        self.entries = entries
        self._caller: tuple | None = None  # (cmd, its per-object value caller of the block)
        if self.is_block:
            from pscompat.values.convert.strings import to_string

            self.text = to_string(expression)
        else:
            self.text = expression

    @property
    def name(self) -> str | None:
        return self.entries.get("name")

    def resolve(self, obj) -> list[str]:
        """ResolveNames for a name expression: the matching property names (non-wildcard
        names that do not exist resolve to nothing)."""
        if self.wildcard:
            return match_properties(obj, self.expression)
        found, real, _ = resolve_property(obj, self.expression)
        return [real] if found else []

    def values(self, cmd, obj) -> list[tuple[str, Any, BaseException | None]]:
        """GetValues: [(resolved name, value, exception)]; script blocks run in a child scope
        with $_ = obj and errors are caught (PowerShell 'eats' them for calculated values)."""
        if self.is_block:
            return [self.block_value(cmd, obj)]
        result = []
        for name in self.resolve(obj):
            result.append((name, resolve_property(obj, name)[2], None))
        return result

    def value_function(self, cmd):
        """The script block as fn(obj) -> its value with $_ = obj, in a child scope of `cmd`'s
        (built once per command: engine/pipeline/block_calls.value_caller)."""
        cached = self._caller
        if cached is None or cached[0] is not cmd:
            from pscompat.engine.pipeline.block_calls import value_caller

            runtime = cmd.runtime
            cached = self._caller = (cmd, value_caller(runtime.ctx, self.expression, runtime.scope, True))
        return cached[1]

    def block_value(self, cmd, obj):
        from pscompat.errors import PSError

        try:
            return self.text, self.value_function(cmd)(obj), None
        except PSError as exc:
            return self.text, None, exc


def key_reader(cmd, spec: PropertySpec, missing):
    """A sort or group key (a plain property name or a script block) as a function of the
    object, for computing every object's key once (EvaluateSortingExpression): a name through
    property_reader (`missing` when the object lacks it), a block through its per-object value
    caller (engine/pipeline/block_calls); a block that fails writes 'ExpressionEvaluation' and gives
    $null, as order_values does."""
    from pscompat.cmdlets.objects.common import property_reader
    from pscompat.errors import PSError

    if not spec.is_block:
        return property_reader(spec.expression, missing)
    value = spec.value_function(cmd)

    def read(obj):
        try:
            return value(obj)
        except PSError as exc:
            cmd.write_error(exc.message, "ExpressionEvaluation", "InvalidResult", obj)
            return None

    return read


def key_values(cmd, spec: PropertySpec, objects: list) -> list:
    """[key_reader(cmd, spec, ...)(obj) for obj in objects] for a script-block key, in one
    loop (engine/pipeline/block_calls.values_of_each)."""
    from pscompat.engine.pipeline.block_calls import values_of_each

    def failed(exc, obj):
        cmd.write_error(exc.message, "ExpressionEvaluation", "InvalidResult", obj)

    runtime = cmd.runtime
    return values_of_each(runtime.ctx, spec.expression, runtime.scope, objects, failed)


def _binding_error(cmd, message: str, error_id: str):
    cmd.throw_terminating(message, error_id, "InvalidArgument")


def parse_properties(cmd, values, entries=SELECT_ENTRIES) -> list[PropertySpec]:
    """ParameterProcessor.ProcessParameters: verify every argument, terminating on the first
    bad one with PowerShell's message."""
    if values is None:
        return []
    if not isinstance(values, (list, tuple)):
        values = [values]
    specs = []
    for value in values:
        if is_dictionary(value):
            specs.append(_from_hashtable(cmd, value, entries))
        elif isinstance(value, str) or is_scriptblock(value):
            if isinstance(value, str) and value == "":
                _binding_error(cmd, "An empty string value is not allowed.", "ExpressionEmptyString2")
            specs.append(PropertySpec(value, {}))
        else:
            allowed = "{" + ", ".join(entries[0].types) + "}"
            if value is None:
                _binding_error(
                    cmd,
                    f"The value of a parameter was null; one of the following types was expected: {allowed}.",
                    "DictionaryKeyUnknownType",
                )
            _binding_error(
                cmd,
                f"Cannot convert {dotnet_type_name(value)} to one of the following types {allowed}.",
                "DictionaryKeyUnknownType",
            )
    return specs


def _from_hashtable(cmd, table, entries) -> PropertySpec:
    found: dict = {}
    for key, value in table.items():
        if key is None:
            _binding_error(cmd, "The value of a key cannot be null.", "DictionaryKeyNull")
        if not isinstance(key, str):
            short = dotnet_type_name(key).rsplit(".", 1)[-1]
            _binding_error(
                cmd, f"The {short} key type is not valid. The key must be a string.", "DictionaryKeyNonString"
            )
        matching = [e for e in entries if e.matches(key)]
        if len(matching) > 1:
            _binding_error(
                cmd,
                f"The {key} key is ambiguous; {matching[0].key} and {matching[1].key} conflict.",
                "DictionaryKeyAmbiguous",
            )
        if not matching:
            _binding_error(cmd, f"The {key} key is not valid.", "DictionaryKeyIllegal")
        entry = matching[0]
        if entry.key in found:
            _binding_error(cmd, f'The duplicated key "{key}" conflicts with "{entry.key}".', "DictionaryKeyDuplicate")
        if value is None:
            _binding_error(cmd, f"The {key} key has no value.", "DictionaryKeyMissingValue")
        if entry.check is not None and not entry.check(value):
            actual = dotnet_type_name(value)
            if len(entry.types) > 1:
                _binding_error(
                    cmd,
                    f'The "{key}" key has a type, {actual}, that is not valid; '
                    f"expected types are {{{', '.join(entry.types)}}}.",
                    "DictionaryKeyIllegalValue1",
                )
            _binding_error(
                cmd,
                f'The "{key}" key has a type, {actual}, that is not valid; expected type is {entry.types[0]}.',
                "DictionaryKeyIllegalValue2",
            )
        if entry is EXPRESSION and value == "":
            _binding_error(cmd, f'The "{entry.key}" key cannot have an empty string value.', "ExpressionEmptyString1")
        found[entry.key] = value
    for entry in entries:
        if entry.mandatory and entry.key not in found:
            _binding_error(cmd, f"A mandatory entry for {entry.key} is missing.", "DictionaryKeyMandatoryEntry")
    expression = found.pop("expression")
    return PropertySpec(expression, found)
