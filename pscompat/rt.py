"""The small runtime that Python converted from PowerShell (`pscompat convert`) calls where
PowerShell's rules differ from Python's and the converter could not prove the types.

Each function is one PowerShell rule, implemented by the same code the engine runs, so a
converted script computes what the original did:

- comparisons are case-insensitive and convert the right operand to the left one's type
  (`eq("1", 1)` is True), and a collection on the left filters (`eq([1, 2, 1], 1)` is [1, 1]);
- `like` is a wildcard match, `match` a .NET-style regex search that fills `matches()`;
- `truthy` is PowerShell's truth (an empty string, 0, $null, an empty or one-falsy array are false);
- `member(obj, "Name")` reads properties case-insensitively, from any object, with member
  enumeration on collections; `call(obj, "Method", ...)` calls .NET-named methods;
- `text(value)` is PowerShell's string conversion (`$null` is "", arrays joined with spaces);
- `value(items)` is what an assignment stores: nothing is None, one object is itself, more a list;
- `cmd("Name", ...)` runs any cmdlet pscompat has, with PowerShell's binding; its non-terminating
  errors are printed as PowerShell prints them and the script goes on.

`main(script)` runs a converted script's generator, printing its output as Out-Default does."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from pscompat.engine.runtime import emit_enumerated, is_enumerable, unwrap
from pscompat.errors import PSError
from pscompat.values.convert.primitives import convert_to, to_bool
from pscompat.values.convert.strings import to_string
from pscompat.values.indexing import index_value
from pscompat.values.methods.dispatch import call_method
from pscompat.values.methods.invoke import VoidResult
from pscompat.values.objects.access import get_member, set_member
from pscompat.values.objects.classes import Hashtable
from pscompat.values.operators.table import get_binary

__all__ = [
    "call",
    "call_statement",
    "catches",
    "record",
    "static",
    "static_member",
    "switch_values",
    "thrown",
    "type_",
    "cmd",
    "contains",
    "convert",
    "emit",
    "eq",
    "ge",
    "gt",
    "hashtable",
    "has_member",
    "in_",
    "index",
    "iterate",
    "le",
    "like",
    "lt",
    "main",
    "out",
    "flatten",
    "expand",
    "select",
    "sort",
    "format_table",
    "custom_object",
    "match",
    "matches",
    "member",
    "ne",
    "notlike",
    "notmatch",
    "op",
    "Param",
    "script_arguments",
    "piped",
    "write_error",
    "process_input",
    "parameter",
    "set_member",
    "text",
    "truthy",
    "value",
]


class _Matches:
    """Where `match` leaves $Matches (the engine's operators write `ctx.matches`)."""

    matches: Any = None


_STATE = _Matches()


# ----------------------------------------------------------------------------- operators


def op(name: str, left: Any, right: Any) -> Any:
    """Any binary operator by its PowerShell name: op("-replace", s, ["a", "b"])."""
    return get_binary(name)(left, right, _STATE)


def eq(left: Any, right: Any) -> Any:
    return get_binary("-eq")(left, right, None)


def ne(left: Any, right: Any) -> Any:
    return get_binary("-ne")(left, right, None)


def gt(left: Any, right: Any) -> Any:
    return get_binary("-gt")(left, right, None)


def ge(left: Any, right: Any) -> Any:
    return get_binary("-ge")(left, right, None)


def lt(left: Any, right: Any) -> Any:
    return get_binary("-lt")(left, right, None)


def le(left: Any, right: Any) -> Any:
    return get_binary("-le")(left, right, None)


def like(left: Any, pattern: Any) -> Any:
    return get_binary("-like")(left, pattern, None)


def notlike(left: Any, pattern: Any) -> Any:
    return get_binary("-notlike")(left, pattern, None)


def match(left: Any, pattern: Any) -> Any:
    return get_binary("-match")(left, pattern, _STATE)


def notmatch(left: Any, pattern: Any) -> Any:
    return get_binary("-notmatch")(left, pattern, _STATE)


def contains(collection: Any, item: Any) -> bool:
    return get_binary("-contains")(collection, item, None)


def in_(item: Any, collection: Any) -> bool:
    return get_binary("-in")(item, collection, None)


def matches() -> Any:
    """$Matches after the last successful `match` on a single value."""
    return _STATE.matches


def truthy(value: Any) -> bool:
    return to_bool(value)


def text(value: Any) -> str:
    return to_string(value)


def convert(value: Any, type_name: str) -> Any:
    """A cast: convert(x, "int") is [int]$x (banker's rounding, culture-invariant parsing)."""
    return convert_to(value, type_name)


def parameter(value: Any, type_name: str, name: str) -> Any:
    """A typed parameter's value ([int]$n): converted as the binder converts arguments, with its
    error text and exception type when the value does not convert."""
    try:
        return convert_to(value, type_name)
    except PSError as err:
        raise PSError(
            f"Cannot process argument transformation on parameter '{name}'. {err.message}",
            "ParameterArgumentTransformationError",
            category="InvalidData",
            exception_type="System.Management.Automation.ParameterBindingArgumentTransformationException",
        ) from None


def mandatory(value: Any, type_name: str | None, name: str, command: str) -> Any:
    """A mandatory parameter's argument: $null (and '' for a [string], whose $null becomes '')
    is refused as the binder refuses it."""
    is_string = (type_name or "").lower() in ("string", "system.string")
    if value is None and not is_string:
        what, error_id = "null", "ParameterArgumentValidationErrorNullNotAllowed"
    elif (value is None or value == "") and is_string:
        what, error_id = "an empty string", "ParameterArgumentValidationErrorEmptyStringNotAllowed"
    else:
        return value
    raise PSError(
        f"Cannot bind argument to parameter '{name}' because it is {what}.",
        f"{error_id},{command}",
        category="InvalidData",
        reason=command,
        exception_type="System.Management.Automation.ParameterBindingValidationException",
    )


class Param:
    """One parameter of a converted script: its PowerShell type name, whether it is mandatory,
    its default (a constant; a computed default is assigned after binding)."""

    def __init__(self, type_name: str = "object", *, mandatory: bool = False, default: Any = None):
        self.type_name = type_name
        self.mandatory = mandatory
        self.default = default


def script_arguments(argv: list[str], **parameters: Param) -> dict[str, Any]:
    """The script's command line bound to its parameters as PowerShell binds a script's
    arguments (`-Name value`, `-Name:value`, name prefixes, positions in order, switches, type
    conversion and its errors): {PowerShell name: value}."""
    from pscompat.engine.binding import Binder, command_line_args
    from pscompat.engine.commands import CommandInfo
    from pscompat.engine.commands import Parameter as Declared

    declared = tuple(
        Declared(name, spec.type_name, position=None if spec.type_name == "switch" else i, mandatory=spec.mandatory)
        for i, (name, spec) in enumerate(parameters.items())
    )
    info = CommandInfo(name="script", cls=None, parameters=declared, command_type="ExternalScript")
    args = command_line_args(argv)
    bound = Binder(info, "script", None, None, strict_unknown=True).bind(args, False).bound
    values = {}
    for name, spec in parameters.items():
        if name in bound:
            values[name] = bool(bound[name]) if spec.type_name == "switch" else bound[name]
        elif spec.type_name == "switch":
            values[name] = bool(spec.default)
        elif spec.default is not None or spec.type_name in ("object", "psobject"):
            values[name] = spec.default
        else:
            values[name] = convert_to(None, spec.type_name)  # [int] 0, [string] '' as PowerShell
    return values


# ----------------------------------------------------------------------------- objects


def member(obj: Any, name: str) -> Any:
    return get_member(obj, name)


def has_member(obj: Any, name: str) -> bool:
    """`(Get-Member -InputObject $obj -Name Name) -ne $null`: the object has that member."""
    return bool(cmd("Get-Member", InputObject=obj, Name=name))


def call(obj: Any, name: str, *args: Any) -> Any:
    """$obj.Name(args): a void method's result is None."""
    result = call_method(obj, name, list(args))
    return None if isinstance(result, VoidResult) else result


def call_statement(obj: Any, name: str, *args: Any) -> list:
    """$obj.Name(args) as a statement: what it writes (nothing for a void method)."""
    result = call_method(obj, name, list(args))
    return [] if isinstance(result, VoidResult) else emit(result)


def index(obj: Any, key: Any) -> Any:
    return index_value(obj, key)


def hashtable(*pairs: tuple[Any, Any], ordered: bool = False) -> Hashtable:
    """@{...}: keys case-insensitive, in insertion order when ordered ([ordered]@{...})."""
    table = Hashtable(ordered=ordered)
    for key, val in pairs:
        table[key] = val
    return table


def type_(name: str) -> Any:
    """[name]: the type (its static members, `-is`, `-as`)."""
    from pscompat.values.dotnet.type_literals import resolve_type

    return resolve_type(name)


def static(type_name: str, name: str, *args: Any) -> Any:
    """[type]::Name(args): a static method's result."""
    return type_(type_name).call_static(name, list(args))


def static_member(type_name: str, name: str) -> Any:
    """[type]::Name: a static property or field (an enum value, [datetime]::Now, [math]::PI)."""
    return type_(type_name).get_static(name)


# ----------------------------------------------------------------------------- errors


def thrown(value: Any = None) -> PSError:
    """`throw value`: the error PowerShell raises for it (a string is the message)."""
    from pscompat.engine.compiler.error_statements import make_throw
    from pscompat.source import NO_SPAN

    return make_throw(value, NO_SPAN, None)


def record(exc: BaseException) -> Any:
    """$_ in a catch block: the error record of what was raised."""
    from pscompat.values.error_records import ErrorRecord

    error = exc if isinstance(exc, PSError) else PSError(str(exc) or type(exc).__name__)
    return ErrorRecord.from_error(error)


def catches(exc: BaseException, type_name: str) -> bool:
    """`catch [type_name]`: whether it catches `exc` (its .NET type, base types and inner errors)."""
    from pscompat.engine.compiler.error_statements import exception_matches

    if isinstance(exc, PSError):
        return exception_matches(exc, type_name)
    return type_name.lower() in ("exception", "system.exception")


# ----------------------------------------------------------------------------- streams


def iterate(value: Any) -> Iterator[Any]:
    """What `foreach ($x in value)` visits: nothing for $null, the items of a collection, else
    the value itself (a string or a hashtable is one item)."""
    if value is None:
        return iter(())
    if is_enumerable(value):
        return iter(value)
    return iter((value,))


def emit(value: Any) -> list:
    """What a statement writes to the output: collections are enumerated, one level."""
    out: list = []
    emit_enumerated(value, out.append)
    return out


def process_input(objects: Iterable[Any] | None, argument: Any = None) -> Iterable[Any]:
    """What a function's process block runs for: each piped object; once when the function was
    called without pipeline input ($_ is None, a pipeline parameter keeps `argument`)."""
    return (argument,) if objects is None else objects


def piped(objects: Iterable[Any] | None, argument: Any, type_name: str, name: str) -> Iterator[Any]:
    """A typed ValueFromPipeline parameter's values: each piped object converted (one that does
    not convert is skipped with PowerShell's InputObjectNotBound error, as the binder does), or
    the argument once when nothing was piped."""
    if objects is None:
        yield parameter(argument, type_name, name)
        return
    for obj in objects:
        try:
            converted = convert_to(obj, type_name)
        except PSError:
            write_error(
                PSError(
                    "The input object cannot be bound to any parameters for the command either because the "
                    "command does not take pipeline input or the input and its properties do not match any "
                    "of the parameters that take pipeline input.",
                    "InputObjectNotBound",
                    category="InvalidArgument",
                    target=obj,
                )
            )
            continue
        yield converted


def write_error(error: PSError) -> None:
    """A non-terminating error: written as PowerShell writes it; the script goes on."""
    from pscompat.format.host import error_text
    from pscompat.values.error_records import ErrorRecord

    found = ErrorRecord.from_error(error)
    if _COLLECTING:
        _COLLECTING[-1].errors.append(found)
    else:
        sys.stderr.write(error_text(found) + "\n")


def switch_values(value: Any) -> list:
    """The values `switch (value)` tests: a collection's items, else the value itself ($null too)."""
    from pscompat.engine.runtime import as_list

    return [None] if value is None else as_list(value)


def value(items: Iterable[Any]) -> Any:
    """What `$x = <pipeline>` stores: None for no output, the object for one, a list for more."""
    return unwrap(list(items))


# ----------------------------------------------------------------------------- commands

_SESSION: Any = None


def _session() -> Any:
    global _SESSION
    if _SESSION is None:
        from pscompat.format.host import ConsoleHost
        from pscompat.session import Session

        _SESSION = Session(host=ConsoleHost())
    return _SESSION


_NO_INPUT = object()


def cmd(name: str, *positional: Any, input: Any = _NO_INPUT, splat: Iterable[Any] = (), **parameters: Any) -> list:
    """Run cmdlet `name` as a script would (`$input | Name @positional @parameters`) and return
    its output.  Non-terminating errors are written as PowerShell writes them and the script goes
    on; a terminating or statement-terminating one raises PSError."""
    from pscompat.engine.direct_call import call_command

    ctx = _session().ctx
    if splat:  # @params: a hashtable's entries by name, an array's items by position
        parameters, positional = dict(parameters), tuple(positional)
        for values in splat:
            if isinstance(values, dict):
                parameters.update({str(k): v for k, v in values.items()})
            else:
                positional += tuple(iterate(values))
    if input is _NO_INPUT:
        out = call_command(ctx, name, parameters, positional=positional)
    else:
        out = call_command(ctx, name, parameters, input=list(input), positional=positional)
    if _COLLECTING:  # (the host has written them already, as PowerShell's host does)
        _COLLECTING[-1].errors.extend(ctx.run_errors)
    return out


def flatten(values: Iterable[Any]) -> Iterator[Any]:
    """ForEach-Object's output: a collection a block writes is enumerated, one level."""
    for item in values:
        if item is not None and is_enumerable(item):
            yield from item
        else:
            yield item


def expand(objects: Iterable[Any], name: str) -> list:
    """Select-Object -ExpandProperty name (a collection property is enumerated)."""
    return cmd("Select-Object", input=objects, ExpandProperty=name)


def _properties(objects: Iterable[Any], specs: tuple) -> tuple[list, list[str]]:
    """The objects with the properties named in specs: a name, or (name, function of the object)
    for a calculated property."""
    from pscompat.values.objects.classes import PSObject

    names = [spec if isinstance(spec, str) else spec[0] for spec in specs]
    if all(isinstance(spec, str) for spec in specs):
        return list(objects), names
    rows = []
    for obj in objects:
        values = []
        for spec in specs:
            if isinstance(spec, str):
                values.append((spec, get_member(obj, spec)))
            else:
                name, getter = spec
                values.append((name, getter(obj) if callable(getter) else get_member(obj, getter)))
        rows.append(PSObject(values))
    return rows, names


def select(objects: Iterable[Any], *properties: Any) -> list:
    """Select-Object -Property: names, or (name, function) for calculated properties."""
    rows, names = _properties(objects, properties)
    return cmd("Select-Object", input=rows, Property=names)


def sort(objects: Iterable[Any], *keys: Any, descending: bool = False) -> list:
    """Sort-Object: PowerShell's order (case-insensitive strings, $null first, stable); a key is a
    property name or a function of the object (Sort-Object {$_.Name.Length})."""
    if all(isinstance(key, str) for key in keys):
        return cmd("Sort-Object", input=list(objects), Property=list(keys), Descending=descending)
    from pscompat.values.objects.classes import PSObject

    # Sort rows holding the keys' values, by the same comparison, then give back the objects.
    names = [f"key{i}" for i in range(len(keys))]
    rows = []
    for obj in objects:
        values = [get_member(obj, k) if isinstance(k, str) else k(obj) for k in keys]
        rows.append(PSObject([*zip(names, values), ("object", obj)]))
    ordered = cmd("Sort-Object", input=rows, Property=names, Descending=descending)
    return [get_member(row, "object") for row in ordered]


def format_table(objects: Iterable[Any], *properties: Any) -> list:
    """Format-Table -Property: the table PowerShell prints, through rt.out."""
    rows, names = _properties(objects, properties)
    return cmd("Format-Table", input=rows, Property=names)


def custom_object(*pairs: tuple[Any, Any]) -> Any:
    """[pscustomobject]@{...}: an ordered, case-insensitive property bag."""
    from pscompat.values.objects.classes import PSObject

    return PSObject(list(pairs))


_OUTPUT: Any = None


class Collected:
    """What a converted script wrote, when run under `collecting()` (tests, embedding)."""

    def __init__(self) -> None:
        self.objects: list = []
        self.errors: list = []

    def feed(self, obj: Any) -> None:
        self.objects.append(obj)


_COLLECTING: list[Collected] = []


class collecting:
    """Collect the output objects and error records of converted code instead of printing them."""

    def __enter__(self) -> Collected:
        _COLLECTING.append(Collected())
        return _COLLECTING[-1]

    def __exit__(self, *exc: Any) -> None:
        _COLLECTING.pop()


def out(value: Any) -> None:
    """Write to the script's output: collections one object at a time, formatted as PowerShell's
    Out-Default does across the whole script (tables keep their columns); printed at exit."""
    global _OUTPUT
    if _COLLECTING:
        emit_enumerated(value, _COLLECTING[-1].feed)
        return
    if _OUTPUT is None:
        import atexit

        from pscompat.format.out_default import OutDefault

        _OUTPUT = OutDefault(_write, width=_session().host.width)
        atexit.register(_close_output)
    emit_enumerated(value, _OUTPUT.feed)


def _write(text: str) -> None:
    sys.stdout.write(text)  # (looked up per call: tests and embedders replace sys.stdout)


def _close_output() -> None:
    global _OUTPUT
    if _OUTPUT is not None:
        _OUTPUT.close()
        sys.stdout.flush()
        _OUTPUT = None


def main(script: Callable[[], Iterable[Any]]) -> int:
    """Run a converted script: feed what it yields to Out-Default on standard output; a
    terminating error is printed as pwsh prints it and gives exit code 1."""
    from pscompat.format.out_default import OutDefault

    out = OutDefault(_write, width=_session().host.width)
    try:
        for item in script():
            out.feed(item)
    except PSError as err:
        out.close()
        sys.stdout.flush()
        sys.stderr.write(f"{err.message}\n")
        return 1
    except Exception as exc:  # a Python API's error (ImageError...): its message, no traceback
        out.close()
        sys.stdout.flush()
        sys.stderr.write(f"{exc}\n")
        return 1
    out.close()
    return 0
