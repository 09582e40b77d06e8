"""Per-object work of the commonest pipelines, compiled into Python code once per shape.

A list piped straight into a cmdlet with a fast path runs as one loop (ExpressionStage ->
CmdletStage.push_all).  This module writes those loops' source, specialised for what the first
object and the arguments show, and leaves everything else to the general path:

* MemberComparison: `Where-Object Name -eq $v` and `Where-Object {$_.Name -eq $v}`.  The loop is
  generated per (operator, negation, type of the right operand, how the right operand is read,
  attribute name) and filled in per run with the first object's class (its plain attribute is
  read inline; other classes, PSObjects and dictionaries take the caller's general reader), the
  right operand's precomputed forms (casefolded text, a wildcard's regex) and a general test
  `general(item, left, right) -> bool` (the operator table plus the caller's error handling)
  for every left operand the specialised code does not cover: $null, collections (-eq filters
  them), numbers against text (the left operand's type decides the conversion), anything else.
  A right operand read from a variable changes only when code runs (a general read or test, a
  downstream stage), so it is checked after such code; once it changed, the rest of the
  objects are tested one by one, the variable read afresh for each.
* record_builder: `Select-Object Name, Size` building each PSObject in one step.
* integer_total, plain_column: Measure-Object's sum and Group-Object's / Sort-Object's key
  column over objects of one class, in one loop or in C-level passes.
"""

from __future__ import annotations

from collections.abc import Callable
from keyword import iskeyword
from typing import Any, NamedTuple

from pscompat.engine.scope import MISSING

# The memo of verdicts per distinct text is bounded: unique values (ImageName) gain nothing.
_MEMO_LIMIT = 4096


class _NeverMatches:
    """Stands for 'no class has a plain getter' in the generated class check."""


def _operator_parts(op_name: str) -> tuple[str, bool]:
    """('eq', case_sensitive) from '-eq', '-ieq', '-ceq', 'ieq' …"""
    name = op_name.lower().lstrip("-")
    if name[:1] == "c" and name not in ("contains",):
        return name[1:], True
    if name[:1] == "i" and name not in ("is", "isnot", "in"):
        return name[1:], False
    return name, False


class Specialised(NamedTuple):
    """A specialised test for one right operand: kind "str_eq" (K = the operand casefolded),
    "str_eq_cs", "int_cmp", or "str_like" (K = the wildcard's compiled regex match)."""

    kind: str
    constant: Any = None  # K in the generated code


class LocalVariable(NamedTuple):
    """A right operand read from a plain variable: the caller's own variables and its name."""

    variables: dict
    name: str


def specialise(op_name: str, right) -> Specialised | None:
    """The specialised form of the operator for this right operand, if it has one: the test of
    a left operand of the covered type that gives the operator table's answer."""
    name, cs = _operator_parts(op_name)
    rtype = type(right)
    if name in ("eq", "ne"):
        if rtype is str:
            return Specialised("str_eq_cs") if cs else Specialised("str_eq", right.casefold())
        if rtype is int:
            return Specialised("int_cmp")
    elif name in ("gt", "ge", "lt", "le"):
        if rtype is int:
            return Specialised("int_cmp")
    elif name in ("like", "notlike") and rtype is str:
        from pscompat.errors import PSError
        from pscompat.values.operators.patterns import like_to_regex

        try:
            return Specialised("str_like", like_to_regex(right, cs).match)
        except PSError:  # an invalid pattern: the general test reports it per object
            return None
    return None


_PY_OPERATOR = {"eq": "==", "ne": "!=", "gt": ">", "ge": ">=", "lt": "<", "le": "<="}


def _test_lines(kind: str | None, op_name: str, dropped: str) -> list[str]:
    """Lines that set `keep` from `v` (the left operand), `R` (the right) and `K` (its
    precomputed form); `dropped` is the statement for a text already known to fail."""
    name, _ = _operator_parts(op_name)
    negate = name in ("ne", "notlike")
    if kind in ("str_eq", "str_like"):
        # The verdict on a text depends on the text alone: most objects repeat a few values
        # (a family, a location), so each distinct text is tested once (up to a bound).
        test = "v == R or v.casefold() == K" if kind == "str_eq" else "K(v) is not None"
        return [
            "if v.__class__ is str:",
            "    if v in DROP:",
            f"        {dropped}",
            "    if v in KEEP:",
            "        keep = True",
            "    else:",
            f"        keep = {'not (' + test + ')' if negate else test}",
            f"        if len(DROP) + len(KEEP) < {_MEMO_LIMIT}:",
            "            (KEEP if keep else DROP).add(v)",
            "else:",
            "    keep = GENERAL(item, v, R)",
        ]
    if kind == "str_eq_cs":
        return [
            "if v.__class__ is str:",
            f"    keep = v {'!=' if negate else '=='} R",
            "else:",
            "    keep = GENERAL(item, v, R)",
        ]
    if kind == "int_cmp":
        return [
            "if v.__class__ is int:",
            f"    keep = v {_PY_OPERATOR[name]} R",
            "else:",
            "    keep = GENERAL(item, v, R)",
        ]
    return ["keep = GENERAL(item, v, R)"]


def _read_lines(attribute: str | None, check: list[str]) -> list[str]:
    """Lines that set `v` (the left operand).  Objects of the class the code was made for are
    read with a plain attribute access (no code runs); the general reader may run code (a
    script property), so `check` follows it."""
    if attribute is None:
        return ["v = READ(item)"] + check
    return [
        "if item.__class__ is CLS:",
        "    try:",
        f"        v = item.{attribute}",
        "    except AttributeError:  # an unset slot",
        "        v = READ(item)",
        *("        " + line for line in check),
        "else:",
        "    v = READ(item)",
        *("    " + line for line in check),
    ]


def _changed(mode: str) -> str:
    """The test 'the right operand no longer holds R' (which leaves its new value in `r`)."""
    if mode == "local":  # found in the caller's own scope: one dictionary read, then the full one
        return "(LGET(KEY, MISSING) is not R and (r := RIGHT()) is not R)"
    return "(r := RIGHT()) is not R"  # a variable of an outer scope, or computed when read


def _indent(lines: list[str], depth: int) -> str:
    pad = "    " * depth
    return "".join(pad + line + "\n" for line in lines)


def _loop_source(kind: str | None, op_name: str, mode: str, attribute: str | None) -> str:
    """The loop over a list.  The right operand only changes when code runs (a general read or
    test, or the stages downstream), so it is checked after such code, not per object; once it
    changed, the loop returns False and the rest of the objects are tested one by one."""
    if mode == "computed":  # may change with no code running ($PWD): read for each object
        return (
            "    def loop(it, downstream):\n"
            "        for item in it:\n"
            "            if test(item):\n"
            "                downstream(item)\n"
            "        return True\n"
        )
    test = _test_lines(kind, op_name, "continue")
    if mode == "constant":
        read, after_general, after_push = _read_lines(attribute, []), [], []
    else:
        changed = _changed(mode)
        read = _read_lines(
            attribute, [f"if {changed}:", "    if GENERAL(item, v, r):", "        downstream(item)", "    return False"]
        )
        after_general = [
            f"    if {changed}:",
            "        if keep:",
            "            downstream(item)",
            "        return False",
        ]
        after_push = [f"    if {changed}:", "        return False"]
    if test[-1] == "    keep = GENERAL(item, v, R)":
        test = test + after_general
    elif test == ["keep = GENERAL(item, v, R)"]:
        test = test + [line[4:] for line in after_general]
    return (
        "    def loop(it, downstream):\n"
        "        r = None\n"
        "        for item in it:\n"
        + _indent(read + test + ["if keep:", "    downstream(item)", *after_push], 3)
        + "        return True\n"
    )


def _one_source(kind: str | None, op_name: str, mode: str, attribute: str | None) -> str:
    """The test of one object: the right operand read afresh each time, as PowerShell does."""
    right = [] if mode == "constant" else ["r = None", f"if {_changed(mode)}:", "    return GENERAL(item, v, r)"]
    body = _read_lines(attribute, []) + right + _test_lines(kind, op_name, "return False") + ["return keep"]
    return "    def test(item):\n" + _indent(body, 2)


_FACTORIES: dict = {}


def _factory(kind: str | None, op_name: str, mode: str, attribute: str | None):
    key = (kind, op_name.lower(), mode, attribute)
    make = _FACTORIES.get(key)
    if make is not None:
        return make
    source = (
        "def make(CLS, READ, R, K, GENERAL, RIGHT, LGET, KEY, MISSING, KEEP, DROP):\n"
        + _loop_source(kind, op_name, mode, attribute)
        + _one_source(kind, op_name, mode, attribute)
        + "    return loop, test\n"
    )
    namespace: dict = {}
    exec(compile(source, f"<pscompat fused {kind} {op_name} {mode}>", "exec"), namespace)
    if len(_FACTORIES) > 256:
        _FACTORIES.clear()
    make = _FACTORIES[key] = namespace["make"]
    return make


class MemberComparison:
    """The test `read(item) <op> right` over many objects.

    read(item)                  -> the left operand, with the caller's full semantics
    general(item, left, right)  -> bool: the operator table's answer, errors handled there
    right_const                 -> the right operand, when right_value is None
    right_value()               -> the right operand read afresh (a variable)
    right_local                 -> LocalVariable(the caller's variables, name) when right_value reads a plain
                                   variable, which changes only when code runs; None when it
                                   may change by itself ($PWD)
    plain_objects(first)        -> may objects of first's class be read as plain attributes?
    """

    def __init__(
        self,
        name: str,
        op_name: str,
        read: Callable,
        general: Callable,
        right_const: Any = None,
        right_value: Callable | None = None,
        right_local: LocalVariable | None = None,
        plain_objects=None,
    ):
        self.name, self.op_name, self.read, self.general = name, op_name, read, general
        self.right_const, self.right_value, self.right_local = right_const, right_value, right_local
        self.plain_objects = plain_objects
        self._one: Callable | None = None

    def _build(self, first) -> tuple[Callable, Callable]:
        """(loop, test) specialised for the right operand's current value and `first`'s class."""
        from pscompat.values.objects.access import plain_attribute

        if self.right_value is None:
            mode, right = "constant", self.right_const
        else:
            right = self.right_value()
            local = self.right_local
            if local is None:
                mode = "computed"
            else:
                mode = "local" if local.name in local.variables else "variable"
        spec = specialise(self.op_name, right)
        kind, constant = (spec.kind, spec.constant) if spec is not None else (None, None)
        cls, attribute = _NeverMatches, None
        if first is not None and (self.plain_objects is None or self.plain_objects(first)):
            attribute = plain_attribute(type(first), self.name)
            if attribute is not None:
                if attribute.isidentifier() and not iskeyword(attribute):
                    cls = type(first)
                else:
                    attribute = None
        local = self.right_local
        lget, key = (local.variables.get, local.name) if mode == "local" and local is not None else (None, None)
        make = _factory(kind, self.op_name, mode, attribute)
        return make(cls, self.read, right, constant, self.general, self.right_value, lget, key, MISSING, set(), set())

    def run(self, items: list, downstream: Callable) -> None:
        """Test every object of `items`, in order, passing the kept ones to `downstream`."""
        if not items:
            return
        loop, test = self._build(items[0])
        it = iter(items)
        if loop(it, downstream):
            return
        for item in it:  # the right operand changed: each object is tested afresh
            if self.test(item):
                downstream(item)

    def test(self, item) -> bool:
        """One object (input that arrives one at a time)."""
        one = self._one
        if one is None:  # specialised for the first object's class; others take the general read
            one = self._one = self._build(item)[1]
        return one(item)


def record_builder(
    cls: type, columns: list, names: list[str], type_names: list[str], downstream: Callable, general: Callable
):
    """A push function for Select-Object Name, Size, @{n='X'; e={...}} over ordinary objects:
    an object of `cls` becomes a PSObject with property names[i] = item.<columns[i]> (a column
    that is a text) or columns[i](item) (a calculated property's reader), written to
    `downstream`; other objects go to general(item).  The attributes must be plain
    (plain_attribute: reading them runs no code), so they are all read first and an unset
    slot goes to general before any reader ran.  None when an attribute cannot be written as
    Python source."""
    from pscompat.values.objects.classes import PSObject, TypeNameList

    attributes = [c for c in columns if isinstance(c, str)]
    if not all(a.isidentifier() and not iskeyword(a) for a in attributes):
        return None
    folded = [n.lower() for n in names]
    shape = tuple(c if isinstance(c, str) else None for c in columns)
    key = (tuple(folded), shape)
    make = _BUILDERS.get(key)
    if make is None:
        make = _BUILDERS[key] = _builder_factory(folded, shape)
    # PSObject's own __init__ folds and copies per call; its slots are filled directly here
    return make(
        cls,
        object.__new__,
        PSObject,
        PSObject._names.__set__,
        PSObject._values.__set__,
        PSObject.type_names.__set__,
        dict(zip(folded, names)),
        tuple(type_names),
        TypeNameList,
        downstream,
        general,
        tuple(c if not isinstance(c, str) else None for c in columns),
    )


_BUILDERS: dict = {}


def _builder_factory(folded: list[str], shape: tuple):
    if len(_BUILDERS) > 256:
        _BUILDERS.clear()
    reads = "; ".join(f"_a{i} = item.{a}" for i, a in enumerate(shape) if a is not None) or "pass"
    values = ", ".join(
        f"{f!r}: " + (f"_a{i}" if a is not None else f"_F{i}(item)") for i, (f, a) in enumerate(zip(folded, shape))
    )
    readers = "".join(f"    _F{i} = FUNCS[{i}]\n" for i, a in enumerate(shape) if a is None)
    source = (
        "def make(CLS, NEW, PSOBJECT, SET_NAMES, SET_VALUES, SET_TYPES, NAMES, TYPES, TYPE_LIST, DOWNSTREAM,\n"
        "         GENERAL, FUNCS):\n"
        f"{readers}"
        "    def push(item):\n"
        "        if item.__class__ is CLS:\n"
        "            try:\n"
        f"                {reads}\n"
        "            except AttributeError:  # an unset slot\n"
        "                return GENERAL(item)\n"
        f"            values = {{{values}}}\n"
        "            obj = NEW(PSOBJECT)\n"
        "            SET_NAMES(obj, NAMES.copy())\n"
        "            SET_VALUES(obj, values)\n"
        "            SET_TYPES(obj, TYPE_LIST(TYPES))\n"
        "            DOWNSTREAM(obj)\n"
        "        else:\n"
        "            GENERAL(item)\n"
        "    return push\n"
    )
    namespace: dict = {}
    exec(compile(source, "<pscompat select>", "exec"), namespace)
    return namespace["make"]


_TOTALS: dict = {}


def integer_total(cls: type, attribute: str):
    """`items -> (sum, sum of absolute values)` of the plain int attribute of objects that are all
    of `cls` (Measure-Object -Sum over a list), or None as soon as one object is of another
    class, lacks the attribute or holds something else than an int (bool included)."""
    if not attribute.isidentifier() or iskeyword(attribute):
        return None
    make = _TOTALS.get(attribute)
    if make is None:
        source = (
            "def make(CLS):\n"
            "    def total(items):\n"
            "        t = negative = 0\n"
            "        for item in items:\n"
            "            if item.__class__ is not CLS:\n"
            "                return None\n"
            "            try:\n"
            f"                v = item.{attribute}\n"
            "            except AttributeError:  # an unset slot\n"
            "                return None\n"
            "            if v.__class__ is not int:\n"
            "                return None\n"
            "            t += v\n"
            "            if v < 0:\n"
            "                negative -= v\n"
            "        return t, t + 2 * negative\n"
            "    return total\n"
        )
        namespace: dict = {}
        exec(compile(source, "<pscompat total>", "exec"), namespace)
        if len(_TOTALS) > 256:
            _TOTALS.clear()
        make = _TOTALS[attribute] = namespace["make"]
    return make(cls)


def plain_column(items: list, name: str) -> list | None:
    """The values of property `name` of every object of `items`, read in C-level passes, when all
    objects are of one class whose property is a plain attribute (and set on all of them);
    else None (the caller reads object by object)."""
    from operator import attrgetter

    from pscompat.values.objects.access import plain_attribute
    from pscompat.values.objects.classes import is_dictionary

    if not items or items[0] is None or is_dictionary(items[0]):
        return None
    cls = type(items[0])
    attribute = plain_attribute(cls, name)
    if attribute is None or set(map(type, items)) != {cls}:
        return None
    try:
        return list(map(attrgetter(attribute), items))
    except AttributeError:  # an unset slot
        return None


__all__ = [
    "LocalVariable",
    "MemberComparison",
    "Specialised",
    "integer_total",
    "plain_column",
    "record_builder",
    "specialise",
]
