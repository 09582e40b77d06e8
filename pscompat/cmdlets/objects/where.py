"""Where-Object and ForEach-Object (PS: src/System.Management.Automation/engine/InternalCommands.cs).

Both run their script blocks in the caller's scope and process $null input objects; only a
missing input (the cmdlet first in a pipeline) is skipped by Where-Object.
"""

from __future__ import annotations

import re

from pscompat.cmdlets.objects.common import NS, has_input, match_properties, property_reader, unroll
from pscompat.cmdlets.wildcards import has_wildcard
from pscompat.engine.commands import Cmdlet, Parameter, cmdlet
from pscompat.engine.pipeline.fast_paths import FastFilter
from pscompat.errors import PSError
from pscompat.values.convert.primitives import to_bool
from pscompat.values.objects.access import lookup_member
from pscompat.values.objects.classes import is_dictionary

WHERE_ID = NS + "WhereObjectCommand"
FOREACH_ID = NS + "ForEachObjectCommand"

# (switch, parameter set, alias, operator) in PowerShell's declaration order.  EQ is the only
# switch that is not mandatory in its set: `Where-Object Name` alone lands in EqualSet.
WHERE_OPERATORS = (
    ("EQ", "EqualSet", "IEQ", "ieq"),
    ("CEQ", "CaseSensitiveEqualSet", None, "ceq"),
    ("NE", "NotEqualSet", "INE", "ine"),
    ("CNE", "CaseSensitiveNotEqualSet", None, "cne"),
    ("GT", "GreaterThanSet", "IGT", "igt"),
    ("CGT", "CaseSensitiveGreaterThanSet", None, "cgt"),
    ("LT", "LessThanSet", "ILT", "ilt"),
    ("CLT", "CaseSensitiveLessThanSet", None, "clt"),
    ("GE", "GreaterOrEqualSet", "IGE", "ige"),
    ("CGE", "CaseSensitiveGreaterOrEqualSet", None, "cge"),
    ("LE", "LessOrEqualSet", "ILE", "ile"),
    ("CLE", "CaseSensitiveLessOrEqualSet", None, "cle"),
    ("Like", "LikeSet", "ILike", "ilike"),
    ("CLike", "CaseSensitiveLikeSet", None, "clike"),
    ("NotLike", "NotLikeSet", "INotLike", "inotlike"),
    ("CNotLike", "CaseSensitiveNotLikeSet", None, "cnotlike"),
    ("Match", "MatchSet", "IMatch", "imatch"),
    ("CMatch", "CaseSensitiveMatchSet", None, "cmatch"),
    ("NotMatch", "NotMatchSet", "INotMatch", "inotmatch"),
    ("CNotMatch", "CaseSensitiveNotMatchSet", None, "cnotmatch"),
    ("Contains", "ContainsSet", "IContains", "icontains"),
    ("CContains", "CaseSensitiveContainsSet", None, "ccontains"),
    ("NotContains", "NotContainsSet", "INotContains", "inotcontains"),
    ("CNotContains", "CaseSensitiveNotContainsSet", None, "cnotcontains"),
    ("In", "InSet", "IIn", "iin"),
    ("CIn", "CaseSensitiveInSet", None, "cin"),
    ("NotIn", "NotInSet", "INotIn", "inotin"),
    ("CNotIn", "CaseSensitiveNotInSet", None, "cnotin"),
    ("Is", "IsSet", None, "is"),
    ("IsNot", "IsNotSet", None, "isnot"),
)
_OPERATOR_SETS = tuple(row[1] for row in WHERE_OPERATORS)


def _where_parameters() -> tuple:
    params = [
        Parameter("InputObject", "psobject", pipeline=True),
        Parameter("FilterScript", "scriptblock", position=0, mandatory=True, sets=("ScriptBlockSet",)),
        Parameter("Property", "string", position=0, mandatory=True, sets=_OPERATOR_SETS + ("Not",)),
        Parameter("Value", "object", position=1, sets=_OPERATOR_SETS),
    ]
    for switch, set_name, alias, _ in WHERE_OPERATORS:
        params.append(
            Parameter(switch, "switch", mandatory=switch != "EQ", sets=(set_name,), aliases=(alias,) if alias else ())
        )
    params.append(Parameter("Not", "switch", mandatory=True, sets=("Not",)))
    return tuple(params)


def _binary(op: str):
    from pscompat.values.operators.table import get_binary

    return get_binary("-" + op)


_NULL_VALUE = re.compile(r"(?i)(?:-isnot|-is|-value)(?::|\s+)(?:-value(?::|\s+))?\$null(?![\w:])")


def _token_kind(op: str) -> str:
    """PowerShell's TokenKind name of an operator, as its error messages show it."""
    return {"iin": "In", "isnot": "IsNot"}.get(op, op[:1].upper() + op[1:])


def _strip_type_brackets(value):
    # Users write `Where-Object X -Is [int]` as in scripts: the argument arrives as '[int]'.
    if isinstance(value, str) and len(value) > 2 and value[0] == "[" and value[-1] == "]":
        return value[1:-1]
    return value


@cmdlet(
    "Where-Object",
    aliases=("where", "?"),
    module="Microsoft.PowerShell.Core",
    default_set="EqualSet",
    synopsis="Selects objects from a collection based on their property values.",
    description="Keeps the input objects for which the script block returns a true value, or "
    "whose property compares true with a value (simplified syntax).",
    examples=(
        ("1..5 | Where-Object {$_ -gt 2}", "Numbers greater than two: 3, 4, 5."),
        (
            "Get-Process | Where-Object Name -like 'p*'",
            "Simplified syntax: a property, an operator switch and a value.",
        ),
        ("$items | Where-Object -Not IsHidden", "A property alone is a truth test; -Not negates it."),
    ),
)
class WhereObject(Cmdlet):
    """Selects objects from a collection based on their property values."""

    parameters = _where_parameters()

    def begin(self):
        self._op = None
        if self.parameter_set == "ScriptBlockSet":
            return
        bound = self.bound
        self._value_given = "Value" in bound
        # `Where-Object Prop` (no operator switch, or one given as -GT:$false, PowerShell 7.6)
        # tests the property's truth; an explicit -Not negates it.
        if self.parameter_set == "Not":
            switch, self._op_name = "Not", "Not"
        else:
            row = next(r for r in WHERE_OPERATORS if r[1] == self.parameter_set)
            switch, self._op_name = row[0], row[3]
        self._boolean = not bound.get(switch)
        self._negate = self._op_name == "Not" and not self._boolean
        if self._negate:
            self._boolean = True
        if self._boolean or not self._value_given:
            return None
        value = self.Value
        if self._op_name in ("is", "isnot"):
            value = _strip_type_brackets(value)
            if value is None and self._null_literal():
                # `Where-Object Prop -Is $null`: PowerShell 7.4 tests for null when the value
                # is written as the $null literal (a computed null, $($null), still fails)
                negate = self._op_name == "isnot"
                self._rvalue = None
                self._op = lambda left, _right, _scope: (left is None) is not negate
                return None
        self._rvalue = value
        self._op = _binary(self._op_name)

    def _null_literal(self) -> bool:
        """Is the -Value argument the literal `$null` in the command's own text?"""
        runtime = self.runtime
        span, source = getattr(runtime, "span", None), getattr(runtime, "source", None)
        if span is None or source is None:
            return False
        text = source.text[span.start : span.end]
        return _NULL_VALUE.search(text) is not None

    def process(self):
        if not has_input(self):
            return None
        item = self.InputObject
        if self.parameter_set == "ScriptBlockSet":
            if self.invoke_filter(self.FilterScript, item):
                return (item,)
            return None
        return (item,) if self._keep(item) else None

    def _keep(self, item) -> bool:
        """The simplified syntax's test of one object."""
        # Checked per object, as PowerShell does in ProcessRecord: no input, no error.
        if not self._value_given and not self._boolean:
            self.throw_terminating(
                "The specified operator requires both the -Property and -Value parameters. "
                "Provide values for both parameters, and then try the command again.",
                "ValueNotSpecifiedForWhereObject," + WHERE_ID,
                "InvalidArgument",
            )
        if self._value_given and self._boolean:
            self.throw_terminating(
                "An operator is required to compare the two specified values. Include a valid "
                "operator in the command, and then try the command again. For example, "
                "Get-Process | Where-Object -Property Name -eq Idle",
                "OperatorNotSpecified," + WHERE_ID,
                "InvalidArgument",
            )
        ok, lvalue = self._property_value(item)
        if not ok:
            return False
        if self._boolean:
            # PowerShell evaluates `$true -eq <prop>` (or -ne for -Not): the property in a
            # boolean context.
            keep = to_bool(lvalue) is not self._negate
        else:
            try:
                keep = to_bool(self._op(lvalue, self._rvalue, self.runtime.scope))
            except PSError as exc:  # PowerShell reports OperatorFailed and goes on
                self.write_error(
                    f"The '{_token_kind(self._op_name)}' operator failed: {exc.message}.",
                    "OperatorFailed," + WHERE_ID,
                    "InvalidOperation",
                    item,
                )
                return False
        return keep

    def fast_path(self):
        if self.parameter_set == "ScriptBlockSet":
            from pscompat.engine.pipeline.script_paths import filter_path

            return filter_path(self.FilterScript, self.runtime.scope)
        if self._op is not None and not has_wildcard(self.Property):
            comparison = self._comparison()
            return FastFilter(comparison.test, batch=comparison.run)
        return FastFilter(self._keep)

    def _comparison(self):
        """`Where-Object Name -eq $v` with a plain name: compiled once (pipeline_fused), the
        property's getter cached per class, the operator specialised for the value."""
        from pscompat.engine.pipeline.fused import MemberComparison

        read = property_reader(self.Property, None)
        op, op_name, scope = self._op, self._op_name, self.runtime.scope

        def general(item, value, right):
            try:
                r = op(value, right, scope)
            except PSError as exc:  # PowerShell reports OperatorFailed and goes on
                self.write_error(
                    f"The '{_token_kind(op_name)}' operator failed: {exc.message}.",
                    "OperatorFailed," + WHERE_ID,
                    "InvalidOperation",
                    item,
                )
                return False
            return r if r is True or r is False else to_bool(r)

        return MemberComparison(
            self.Property,
            op_name,
            lambda item: None if item is None else read(item),
            general,
            right_const=self._rvalue,
            plain_objects=lambda first: not is_dictionary(first),
        )

    def _property_value(self, item):
        """(ok, value): hashtable key first, then the member; wildcards must match one."""
        name = self.Property
        if item is None:
            return True, None
        wild = self.__dict__.get("_wild")
        if wild is None:
            wild = self._wild = has_wildcard(name)
        if wild:
            names = match_properties(item, name)
            if len(names) > 1:
                self.write_error(
                    f'Input name "{name}" is ambiguous. It can be resolved to multiple matched '
                    f"members. Possible matches include: {' '.join(names)}.",
                    "AmbiguousPropertyName," + WHERE_ID,
                    "InvalidArgument",
                    item,
                )
                return False, None
            if not names:
                return True, None
            name = names[0]
        try:
            return True, lookup_member(item, name)[1]
        except PSError:  # a throwing getter is $null here (WhereObjectCommand.GetValue)
            return True, None


# ForEach-Object -Parallel's work: cmdlets/jobs/parallel.py puts its ParallelRun class here when
# the catalog imports it (the jobs package builds on this one, so this one must not import it)
PARALLEL: list = [None]


@cmdlet(
    "ForEach-Object",
    aliases=("foreach", "%"),
    module="Microsoft.PowerShell.Core",
    default_set="ScriptBlockSet",
    supports_should_process=True,
    synopsis="Performs an operation against each item in a collection of input objects.",
    description="Runs the -Process script block once per input object with $_ set to it (in "
    "the caller's scope), -Begin before the first and -End after the last; or "
    "gets a property / calls a method of each object (-MemberName).",
    examples=(
        ("1..3 | ForEach-Object {$_ * 2}", "Doubles each number: 2, 4, 6."),
        ("1..3 | ForEach-Object -Begin {$s = 0} -Process {$s += $_} -End {$s}", "Sums: 6."),
        ("'a','b' | ForEach-Object ToUpper", "Calls a method on each object: A, B."),
        ("Get-ChildItem | ForEach-Object -MemberName Name", "Gets a property of each object."),
    ),
)
class ForEachObject(Cmdlet):
    """Performs an operation against each item in a collection of input objects."""

    parameters = (
        Parameter("InputObject", "psobject", pipeline=True),
        Parameter("Begin", "scriptblock", sets=("ScriptBlockSet",)),
        Parameter("Process", "scriptblock[]", position=0, mandatory=True, sets=("ScriptBlockSet",)),
        Parameter("End", "scriptblock", sets=("ScriptBlockSet",)),
        Parameter("RemainingScripts", "scriptblock[]", remaining=True, sets=("ScriptBlockSet",)),
        Parameter("MemberName", "string", position=0, mandatory=True, sets=("PropertyAndMethodSet",)),
        Parameter("ArgumentList", "object[]", remaining=True, aliases=("Args",), sets=("PropertyAndMethodSet",)),
        # -Parallel: cmdlets/jobs/parallel.py
        Parameter("Parallel", "scriptblock", mandatory=True, sets=("ParallelParameterSet",)),
        Parameter("ThrottleLimit", "int", sets=("ParallelParameterSet",)),
        Parameter("TimeoutSeconds", "int", sets=("ParallelParameterSet",)),
        Parameter("AsJob", "switch", sets=("ParallelParameterSet",)),
        Parameter("UseNewRunspace", "switch", sets=("ParallelParameterSet",)),
    )

    def begin(self):
        if self.parameter_set == "ParallelParameterSet":
            self._parallel = PARALLEL[0](self)
            return None
        if self.parameter_set != "ScriptBlockSet":
            return None
        if self.bound.get("WhatIf") or self.bound.get("Confirm"):
            self.throw_terminating(
                "The -WhatIf and -Confirm parameters are not supported for script blocks.",
                "NoShouldProcessForScriptBlockSet," + FOREACH_ID,
                "InvalidOperation",
            )
        # PowerShell keeps one list: -Begin first, then -Process, then -RemainingScripts;
        # with no explicit -End and more than two blocks the last one is the end block.
        scripts = []
        if "Begin" in self.bound:
            scripts.append(self.Begin)
        process = self.Process
        if process is None:
            scripts.append(None)
        else:
            scripts.extend(process if isinstance(process, (list, tuple)) else [process])
        remaining = self.RemainingScripts
        if remaining is not None:
            scripts.extend(remaining if isinstance(remaining, (list, tuple)) else [remaining])
        end_index = len(scripts)
        self._end_block = self.End if "End" in self.bound else None
        if "End" not in self.bound and len(scripts) > 2:
            end_index = len(scripts) - 1
            self._end_block = scripts[end_index]
        start = 1 if len(scripts) > 1 else 0
        self._process_blocks = [b for b in scripts[start:end_index] if b is not None]
        if end_index >= 2 and scripts[0] is not None:
            return self.invoke_iter(scripts[0])
        return None

    def process(self):
        if self.parameter_set == "ParallelParameterSet":
            return self._parallel.process(self.InputObject if has_input(self) else None)
        if self.parameter_set != "ScriptBlockSet":
            return self._member(self.InputObject if has_input(self) else None)
        item = self.InputObject if has_input(self) else None
        blocks = self._process_blocks
        if len(blocks) == 1:
            return self.invoke_iter(blocks[0], dollar_under=item)
        return self._run_all(blocks, item)

    def fast_path(self):
        if self.parameter_set == "ScriptBlockSet":
            if len(self._process_blocks) == 1:
                from pscompat.engine.pipeline.script_paths import each_path

                return each_path(self._process_blocks[0], self.runtime.scope)
            return None
        if (
            self.parameter_set == "PropertyAndMethodSet"
            and self.ArgumentList is None
            and not has_wildcard(self.MemberName)
        ):
            return self._member_path()
        return None

    def _member_path(self):
        """`ForEach-Object Name`: over objects whose class has `Name` as a plain attribute, the
        attribute's value (a scalar is written as is, a collection enumerated, as _member
        writes it), a whole piped list in one C-level pass; anything else through _member."""
        from collections import deque
        from datetime import datetime

        from pscompat.engine.pipeline.fast_paths import FastEach
        from pscompat.engine.pipeline.fused import plain_column
        from pscompat.values.objects.access import plain_attribute

        name = self.MemberName
        general = self._member
        scalars = frozenset((str, int, float, bool, datetime, type(None)))
        getters: dict = {}

        def each(item):
            cls = item.__class__
            attribute = getters.get(cls, False)
            if attribute is False:
                attribute = getters[cls] = None if item is None or is_dictionary(item) else plain_attribute(cls, name)
            if attribute is None:
                return general(item)
            try:
                v = getattr(item, attribute)
            except AttributeError:  # an unset slot: the general lookup decides
                return general(item)
            return (v,) if v.__class__ in scalars else unroll(v)

        def batch(items, downstream):
            column = plain_column(items, name)
            if column is not None and set(map(type, column)) <= scalars:
                deque(map(downstream, column), maxlen=0)
                return
            for item in items:
                out = each(item)
                if out:
                    for obj in out:
                        downstream(obj)

        return FastEach(each, batch=batch)

    def _run_all(self, blocks, item):
        for block in blocks:
            yield from self.invoke_iter(block, dollar_under=item)

    def end(self):
        if self.parameter_set == "ParallelParameterSet":
            return self._parallel.end()
        if self.parameter_set == "ScriptBlockSet" and self._end_block is not None:
            return self.invoke_iter(self._end_block)
        return None

    # --- -MemberName ----------------------------------------------------------------------
    def _member(self, item):
        name = self.MemberName
        args = self.ArgumentList
        if args is not None and not isinstance(args, (list, tuple)):
            args = [args]
        if item is None:
            if args:
                self.write_error(
                    "You cannot call a method on a null-valued expression.",
                    "InvokeMethodOnNull," + FOREACH_ID,
                    "InvalidArgument",
                    item,
                )
                return None
            # `$null | ForEach-Object aa | ForEach-Object {$_ + 3}` yields 3: write $null.
            return (None,)
        from pscompat.values.methods.dispatch import has_method

        if args:
            if not has_method(item, name):
                self.write_error(
                    f'Input name "{name}" cannot be resolved to a method.',
                    "MethodNotFound," + FOREACH_ID,
                    "InvalidArgument",
                    item,
                )
                return None
            return self._call(item, name, list(args))
        if is_dictionary(item) and name in item:
            return unroll(item[name])
        if has_wildcard(name):
            names = match_properties(item, name)
            if len(names) > 1:
                self.write_error(
                    f'Input name "{name}" is ambiguous. It can be resolved to multiple matched '
                    f"members. Possible matches include: {' '.join(names)}.",
                    "AmbiguousPropertyOrMethodName," + FOREACH_ID,
                    "InvalidArgument",
                    item,
                )
                return None
            if names:
                name = names[0]
        found, value = lookup_member(item, name)
        if found:
            return unroll(value)
        if has_method(item, name):
            return self._call(item, name, [])
        # A missing member writes $null (an error only under Set-StrictMode -Version 2+).
        return (None,)

    def _call(self, item, name, args):
        from pscompat.values.methods.dispatch import call_method

        try:
            result = call_method(item, name, args)
        except PSError as exc:
            self.write_error(exc.message, "MethodInvocationError," + FOREACH_ID, "InvalidOperation", item)
            return None
        return unroll(result)


__all__ = ["WhereObject", "ForEachObject"]
