"""Parameter binding as PowerShell does it (about_Parameter_Binding):
named arguments first (exact name or alias, else an unambiguous prefix), then positional ones,
then pipeline input per object (by value, then by property name).  Built-in cmdlets and
PowerShell functions share this binder through their Parameter metadata.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from pscompat.engine.commands import COMMON_NAMES, CommandInfo, Parameter
from pscompat.errors import ParameterBindingError, PSError
from pscompat.source import Source, Span
from pscompat.syntax.lexer import NUMBER, SIGN


@dataclass
class Arg:
    """One argument as written: `-Name` (name set), `-Name:value`, or a positional value."""

    value: Any = None
    name: str | None = None  # parameter name without dash, for named arguments
    has_value: bool = True  # False for a bare `-Name` (switch, or takes the next argument)
    span: Span | None = None
    text: str = ""  # `-Name` as typed
    colon: bool = False  # `-Name:value`
    splat: bool = False  # came from `@hashtable`
    order: int = 0


def command_line_args(argv) -> list[Arg]:
    """A script's command line as arguments, the way `pwsh -File script.ps1 ...` reads them: a
    word starting with a dash (not a negative number) names a parameter, `-Name:value` carries
    its value, everything else is positional."""
    out = []
    for text in argv:
        if isinstance(text, str) and len(text) > 1 and text[0] in "-\u2013\u2014\u2015" and not text[1].isdigit():
            name, _, value = text[1:].partition(":")
            out.append(Arg(name=name, value=value, has_value=bool(value), text=text, colon=bool(value)))
        else:
            out.append(Arg(value=text))
    return out


_NUMBER_TOKEN = re.compile(rf"{SIGN}?{NUMBER}", re.I)


class ParameterToken(str):
    """A `-Name` that a simple function did not declare: it lands in $args as this string, and
    splatting `@args` on to another command passes it on as a parameter name again."""


@dataclass
class Binding:
    bound: dict = field(default_factory=dict)  # canonical name -> converted value
    common: dict = field(default_factory=dict)  # common parameters (Verbose, ErrorAction...)
    parameter_set: str = ""
    extra_positional: list = field(default_factory=list)  # for simple functions: -> $args
    pipeline_params: tuple = ()  # Parameters that can take pipeline input in the chosen set


def _type_display(type_name: str) -> str:
    from pscompat.values.dotnet.typenames import type_of_name

    try:
        return type_of_name(type_name)
    except Exception:  # an unknown type name is shown as written
        return type_name


def _exact_type(value: Any, type_name: str) -> bool:
    """Does the value already have the parameter's type (no conversion needed)?"""
    from pscompat.engine.scriptblock import ScriptBlockValue

    if type_name.endswith("[]") and isinstance(value, (list, tuple)) and value:
        # an array whose elements all have the element type fits without conversion
        return all(_exact_type(v, type_name[:-2]) for v in value)
    t = type_name.lower().rstrip("[]")
    if t in ("scriptblock", "system.management.automation.scriptblock"):
        return isinstance(value, ScriptBlockValue)
    if t in ("string", "system.string"):
        return isinstance(value, str)
    if t in ("int", "long", "int32", "int64", "system.int32", "system.int64"):
        return isinstance(value, int) and not isinstance(value, bool)
    if t in ("double", "system.double"):
        return isinstance(value, float)
    if t in ("bool", "switch", "system.boolean"):
        return isinstance(value, bool)
    if t in ("hashtable", "system.collections.hashtable"):
        return isinstance(value, dict)
    return False


class Binder:
    """Binds the arguments of one command invocation; `info` supplies the Parameter metadata."""

    def __init__(
        self,
        info: CommandInfo,
        invocation_name: str,
        source: Source | None,
        span: Span | None,
        strict_unknown: bool = True,
        scope=None,
    ):
        self.scope = scope
        self.info = info
        self.name = invocation_name
        self.source = source
        self.span = span
        self.strict_unknown = strict_unknown  # simple functions pass unknown -names to $args
        self.params = info.all_parameters()

    # -- errors ------------------------------------------------------------------------------
    def error(self, message: str, error_id: str, span: Span | None = None, category: str = "InvalidArgument"):
        cls_name = self.info.name.replace("-", "")
        # a cmdlet is named by its class, a function by its name as defined: 'AmbiguousParameterSet,get-foo'
        # (ParameterBinding.Tests.ps1)
        fqid = f"{error_id},{self.info.name}"
        if self.info.cls is not None:
            fqid = f"{error_id},Microsoft.PowerShell.Commands.{cls_name}Command"
        if self.info.cls is not None and self.info.module and not self.info.module.startswith("Microsoft.PowerShell"):
            fqid = f"{error_id},{self.info.module}.{cls_name}Command"
        if error_id.startswith("ParameterArgumentTransformationError"):
            exception = "ParameterBindingArgumentTransformationException"
        elif error_id.startswith("ParameterArgumentValidationError"):
            exception = "ParameterBindingValidationException"
        else:
            exception = "ParameterBindingException"
        return ParameterBindingError(
            message,
            fqid,
            span=span or self.span,
            source=self.source,
            category=category,
            reason=self.name,
            exception_type=f"System.Management.Automation.{exception}",
        )

    # -- name resolution -----------------------------------------------------------------------
    def find(self, typed: str, span: Span | None) -> Parameter | None:
        low = typed.lower()
        for p in self.params:
            if p.name.lower() == low or any(a.lower() == low for a in p.aliases):
                return p
        matches = [
            p
            for p in self.params
            if p.name.lower().startswith(low) or any(a.lower().startswith(low) for a in p.aliases)
        ]
        if len(matches) > 1:
            own = [p for p in matches if p.name.lower() not in COMMON_NAMES]
            if len(own) == 1:
                return own[0]
            names = " ".join("-" + p.name for p in matches)
            raise self.error(
                f"Parameter cannot be processed because the parameter name '{typed}' is ambiguous. "
                f"Possible matches include: {names}.",
                "AmbiguousParameter",
                span,
            )
        if matches:
            return matches[0]
        return None

    # -- conversion ----------------------------------------------------------------------------
    def convert(self, p: Parameter, value: Any, span: Span | None) -> Any:
        from pscompat.values.convert.primitives import convert_to, to_bool

        function = self.info.cls is None
        if p.is_switch:
            if function:  # a PowerShell function sees a real [switch] ($s.IsPresent)
                from pscompat.values.dotnet.switch_parameter import SwitchParameter

                return SwitchParameter(to_bool(value))
            return to_bool(value)
        t = p.type.lower()
        if p.mandatory:
            # A built-in cmdlet's parameter says what it accepts ([AllowNull()] & co, declared in
            # its Parameter); the empty-collection check stays with script parameters.
            self.check_not_empty(p, value, span, collections=function)
        if value is None:
            self.validate(p, value, span)
            return None
        if t in ("string", "system.string") and span is not None and self.source is not None:
            value = self.number_as_written(value, span)
        if t not in ("object", "psobject", "any"):
            try:
                value = convert_to(value, p.type)
            except PSError as exc:
                if function:  # script parameters convert through ArgumentTypeConverterAttribute
                    raise self.error(
                        f"Cannot process argument transformation on parameter '{p.name}'. {exc.message}",
                        "ParameterArgumentTransformationError",
                        span,
                        "InvalidData",
                    ) from None
                raise self.error(
                    f"Cannot bind parameter '{p.name}'. {exc.message}", "CannotConvertArgumentNoMessage", span
                ) from None
        if p.validate_set:
            value = self.check_set(p, value, span, keep_case=function)
        self.validate(p, value, span)
        return value

    def number_as_written(self, value: Any, span: Span) -> Any:
        """A number typed as a command argument binds to a [string] parameter as its text: `f 34uy`
        is '34uy', `f 0x10` '0x10' (ParameterBinding.Tests.ps1 'Roundtrippable Conversions for
        Bare-string Numeric Literals'; PS keeps the token's text with the number)."""
        if isinstance(value, bool) or not isinstance(value, (int, float, Decimal)):
            return value
        assert self.source is not None
        text = self.source.text[span.start : span.end]
        if text[:1] in "-\u2013\u2014\u2015" and ":" in text:  # `-Name:20d`: the span is the whole parameter
            text = text.split(":", 1)[1].strip()
        return text if _NUMBER_TOKEN.fullmatch(text) else value

    def convert_common(self, p: Parameter, value: Any, span) -> Any:
        """Common parameters: switches as bools, preferences as their enum's spelling (-ea Ig)."""
        from pscompat.values.convert.primitives import to_bool

        if p.is_switch:
            return to_bool(value)
        if p.validate_set:
            return self.check_set(p, value, span, keep_case=False)
        return value

    def check_not_empty(self, p: Parameter, value: Any, span, collections: bool = True) -> None:
        """Mandatory parameters refuse $null, '' and @() unless [AllowNull()] & co say otherwise."""
        if (
            value is None
            and self.info.cls is None
            and not p.allow_null
            and p.type.lower() in ("string", "system.string")
        ):
            # a script's [string] parameter converts $null to '' before it is validated (its type is
            # an argument transformation there); a cmdlet's is checked first (ParameterBinding.Tests.ps1)
            value = ""
        if value is None and not p.allow_null:
            raise self.error(
                f"Cannot bind argument to parameter '{p.name}' because it is null.",
                "ParameterArgumentValidationErrorNullNotAllowed",
                span,
                "InvalidData",
            )
        if (
            value == ""
            and isinstance(value, str)
            and not p.allow_empty_string
            and p.type.lower().rstrip("[]") in ("string", "system.string")
        ):
            raise self.error(
                f"Cannot bind argument to parameter '{p.name}' because it is an empty string.",
                "ParameterArgumentValidationErrorEmptyStringNotAllowed",
                span,
                "InvalidData",
            )
        if collections and isinstance(value, (list, tuple)) and not value and not p.allow_empty_collection:
            raise self.error(
                f"Cannot bind argument to parameter '{p.name}' because it is an empty array.",
                "ParameterArgumentValidationErrorEmptyArrayNotAllowed",
                span,
                "InvalidData",
            )

    def check_set(self, p: Parameter, value: Any, span, keep_case: bool) -> Any:
        vals = value if isinstance(value, list) else [value]
        out = []
        for v in vals:
            hit = next((s for s in p.validate_set if str(s).lower() == str(v).lower()), None)
            if hit is None and p.type == "ActionPreference":  # enum values take unique prefixes (-ea Ig)
                prefixed = [s for s in p.validate_set if str(s).lower().startswith(str(v).lower())]
                hit = prefixed[0] if len(prefixed) == 1 else None
            if hit is None:
                allowed = ",".join(p.validate_set)
                text = (
                    p.validate_set_message.replace("{0}", str(v)).replace("{1}", allowed)
                    if p.validate_set_message
                    else f'The argument "{v}" does not belong to the set "{allowed}" specified by the '
                    f"ValidateSet attribute. Supply an argument that is in the set and then try the command again."
                )
                raise self.error(
                    f"Cannot validate argument on parameter '{p.name}'. {text}",
                    "ParameterArgumentValidationError",
                    span,
                    "InvalidData",
                )
            out.append(v if keep_case else hit)  # a function gets the value as typed; cmdlets the set's spelling
        return out if isinstance(value, list) else out[0]

    def validate(self, p: Parameter, value: Any, span) -> None:
        for check in p.validators:
            try:
                check(value, self)
            except ValueError as exc:
                raise self.error(
                    f"Cannot validate argument on parameter '{p.name}'. {exc}",
                    "ParameterArgumentValidationError",
                    span,
                    "InvalidData",
                ) from None

    def invoke_block(self, block, value) -> list:
        """[ValidateScript({...})]: run the block with $_ = value in the caller's scope."""
        return self.scope.ctx.invoke_block(block, (), value, True, self.scope)

    # -- the binding -------------------------------------------------------------------------
    def bind(self, args: list[Arg], expects_input: bool) -> Binding:
        """Bind `args`.  A call site of a simple shape (named and positional arguments, no
        splatting, no unknown names, one parameter set) binds through the plan the first such
        call made for this command and shape (BindingPlan): the same parameters, conversions
        and validations in the same order, without resolving names and sets again."""
        key = _shape(self.info, args, expects_input)
        if key is not None:
            plan = PLANS.get(key)
            if plan is not None and plan.info is self.info:
                return plan.bind(self, args)
        result = self._bind(args, expects_input)
        if key is not None:
            plan = BindingPlan.make(self, args, result)
            if plan is not None:
                if len(PLANS) >= PLAN_LIMIT:
                    PLANS.clear()
                PLANS[key] = plan
        return result

    def _bind(self, args: list[Arg], expects_input: bool) -> Binding:
        result = Binding()
        named: dict[str, tuple[Parameter, Any, Span | None]] = {}
        splatted: set[str] = set()
        positional: list[Arg] = []
        unknown: list[tuple[int, Any]] = []  # simple functions: `-zz` goes to $args, in order
        remaining = any(p.remaining for p in self.info.parameters)
        i = 0
        while i < len(args):
            a = args[i]
            a.order = i
            i += 1
            if a.name is None:
                positional.append(a)
                continue
            if a.name == "-":  # `--`: the rest are arguments (the grammar already made them so)
                continue
            p = self.find(a.name, a.span)
            if p is None:
                token = ParameterToken(a.text or "-" + a.name)
                if not self.strict_unknown:
                    unknown.append((a.order, token))
                    if a.colon:
                        unknown.append((a.order, a.value))
                    continue
                if remaining:  # ValueFromRemainingArguments collects unknown -names too
                    positional.append(Arg(value=token, span=a.span, order=a.order))
                    continue
                raise self.error(
                    f"A parameter cannot be found that matches parameter name '{a.name}'.",
                    "NamedParameterNotFound",
                    a.span,
                )
            if p.name in named:
                # PowerShell 7.1+: a parameter typed explicitly overrides one splatted (about_Splatting)
                if p.name in splatted and not a.splat:
                    splatted.discard(p.name)
                elif a.splat and p.name not in splatted:
                    continue
                else:
                    raise self.error(
                        f"Cannot bind parameter because parameter '{p.name}' is specified more than once. "
                        f"To provide multiple values to parameters that can accept multiple values, use the "
                        f'array syntax. For example, "-parameter value1,value2,value3".',
                        "ParameterAlreadyBound",
                        a.span,
                    )
            value_span = None
            if a.has_value:
                value = a.value
            elif p.is_switch:
                value = True
            elif i < len(args) and args[i].name is None:
                value = args[i].value
                value_span = args[i].span
                i += 1
            else:
                raise self.error(
                    f"Missing an argument for parameter '{p.name}'. Specify a parameter of type "
                    f"'{_type_display(p.type)}' and try again.",
                    "MissingArgument",
                    a.span,
                )
            named[p.name] = (p, value, value_span or a.span)
            if a.splat:
                splatted.add(p.name)
        self._unknown = unknown

        set_name = self.choose_set(named, positional, expects_input)
        result.parameter_set = set_name
        for pname, (p, value, span) in named.items():
            if pname.lower() in COMMON_NAMES and not any(q.name == pname for q in self.info.parameters):
                result.common[pname] = self.convert_common(p, value, span)
            else:
                result.bound[pname] = self.convert(p, value, span)

        self.bind_positional(result, positional, set_name)
        if not result.extra_positional and self._unknown:
            result.extra_positional = [v for _, v in self._unknown]
        result.pipeline_params = tuple(
            p
            for p in self.info.parameters
            if (p.pipeline or p.pipeline_by_name) and p.in_set(set_name) and p.name not in result.bound
        )
        if not expects_input:
            self.check_mandatory(result, set_name)
        return result

    def choose_set(self, named: dict, positional: list, expects_input: bool) -> str:
        sets = [s for s in self.info.parameter_sets if s != "__AllParameterSets"]
        if not sets:
            return "__AllParameterSets"
        own = [p for p, _, _ in named.values() if p.name.lower() not in COMMON_NAMES]
        candidates = [s for s in sets if all(p.in_set(s) for p in own)]
        if not candidates:
            raise self.error(
                "Parameter set cannot be resolved using the specified named parameters. One or more "
                "parameters issued cannot be used together or an insufficient number of parameters "
                "were provided.",
                "AmbiguousParameterSet",
            )
        if len(candidates) == 1:
            return candidates[0]
        # Prefer sets that a named parameter belongs to specifically, then the default set.
        specific = [s for s in candidates if any(p.sets and s in p.sets for p in own)]
        if len(specific) == 1:
            return specific[0]
        pool = specific or candidates
        if positional and len(pool) > 1:
            # PowerShell first binds positional arguments without type coercion: the set whose
            # positional slots accept the arguments' own types wins (a script block -> FilterScript).
            # the i-th positional argument goes to the i-th lowest position any set still has open
            # (ParameterBinderController: positions are absolute, not counted per set)
            positions = sorted(
                {
                    p.position_in(s)
                    for s in pool
                    for p in self.info.parameters
                    if p.in_set(s) and p.position_in(s) is not None and p.name not in named
                }
            )
            scores = {s: self._positional_fit(s, positional, named, positions) for s in pool}
            best = max(scores.values())
            pool = [s for s in pool if scores[s] == best]
        if self.info.default_set in pool:
            return self.info.default_set
        if expects_input:
            with_input = [s for s in pool if any(p.pipeline and p.in_set(s) for p in self.info.parameters)]
            if with_input:
                return with_input[0]
        return pool[0]

    def _positional_fit(self, set_name: str, positional: list, named: dict, positions: list) -> int:
        at = {
            p.position_in(set_name): p
            for p in self.info.parameters
            if p.in_set(set_name) and p.position_in(set_name) is not None and p.name not in named
        }
        score = 0
        for position, a in zip(positions, positional):
            p = at.get(position)
            if p is None:
                score -= 10  # the argument binds a parameter of another set: this one is out
            elif _exact_type(a.value, p.type):
                score += 2
            elif p.type.lower() in ("object", "psobject"):
                score += 1
            else:
                score -= 1
        if len(positional) > len(at) and not any(p.remaining for p in self.info.parameters if p.in_set(set_name)):
            score -= 10
        return score

    def bind_positional(self, result: Binding, positional: list[Arg], set_name: str) -> None:
        slots = sorted(
            (
                p
                for p in self.info.parameters
                if p.in_set(set_name) and p.position_in(set_name) is not None and p.name not in result.bound
            ),
            key=lambda p: p.position_in(set_name),
        )
        remaining = next(
            (p for p in self.info.parameters if p.remaining and p.in_set(set_name) and p.name not in result.bound), None
        )
        idx = 0
        for p in slots:
            if idx >= len(positional):
                break
            if p.remaining:
                break
            a = positional[idx]
            position = p.position_in(set_name)
            if any(q is not p and q.position_in(set_name) == position for q in slots):
                # two parameters of the set declare this position (ParameterBinding.Tests.ps1)
                raise self.error(
                    "Cannot bind positional parameters because no names were given.",
                    "AmbiguousPositionalParameterNoName",
                    a.span,
                )
            result.bound[p.name] = self.convert(p, a.value, a.span)
            idx += 1
        rest = positional[idx:]
        if rest:
            if remaining is not None:
                values = [a.value for a in rest]
                result.bound[remaining.name] = self.convert(
                    remaining, values if len(values) > 1 or remaining.type.endswith("[]") else values[0], rest[0].span
                )
            elif not self.strict_unknown:
                result.extra_positional = [
                    v
                    for _, v in sorted(
                        [(a.order, a.value) for a in rest] + getattr(self, "_unknown", []), key=lambda t: t[0]
                    )
                ]
            else:
                from pscompat.values.convert.strings import to_string

                a = rest[0]
                raise self.error(
                    f"A positional parameter cannot be found that accepts argument '{to_string(a.value)}'.",
                    "PositionalParameterNotFound",
                    a.span,
                )

    def check_mandatory(self, result: Binding, set_name: str) -> None:
        missing = [
            p.name
            for p in self.info.parameters
            if p.in_set(set_name) and p.mandatory_in(set_name) and p.name not in result.bound
        ]
        if missing and getattr(getattr(self.scope, "ctx", None), "host", None) is not None:
            missing = self._prompt_missing(result, missing)  # only when the host can ask
        if missing:
            raise self.error(
                f"Cannot process command because of one or more missing mandatory parameters: {' '.join(missing)}.",
                "MissingMandatoryParameter",
            )

    def _prompt_missing(self, result: Binding, missing: list[str]) -> list[str]:
        """pwsh's "Supply values for the following parameters:" prompt (engine/mandatory_prompt.py);
        what is still missing afterwards."""
        host = self.scope.ctx.host
        if not getattr(host, "can_prompt", False):
            return missing
        from pscompat.engine.mandatory_prompt import prompt_missing

        params = [p for p in self.info.parameters if p.name in missing]
        answers = prompt_missing(host, self.info.name, params)
        if answers is None:
            return missing
        for p in params:
            result.bound[p.name] = self.convert(p, answers[p.name], None)
        return []

    # -- pipeline input --------------------------------------------------------------------------
    def bind_pipeline_item(self, result: Binding, item: Any) -> dict:
        """Values for the pipeline parameters from one input object: by value, else by property
        name.  As in CmdletParameterBinderController.BindValueFromPipeline, a by-value conversion
        that fails only leaves the object to the other parameters (a failed validation is an
        error), and an object no parameter takes is InputObjectNotBound."""
        from pscompat.values.objects.access import get_member, has_member

        values: dict = {}
        for p in result.pipeline_params:
            if p.pipeline:
                try:
                    values[p.name] = self.convert(p, item, self.span)
                    continue
                except ParameterBindingError as exc:
                    if "Validation" in (exc.fully_qualified_error_id or ""):
                        raise
        for p in result.pipeline_params:
            if p.pipeline_by_name and p.name not in values and item is not None:
                for key in (p.name,) + tuple(p.aliases):
                    if has_member(item, key):
                        values[p.name] = self.convert(p, get_member(item, key), self.span)
                        break
        if not values and result.pipeline_params:
            raise self.input_not_bound()
        return values

    def input_not_bound(self) -> PSError:
        """The error for a pipeline object that no parameter of the command takes."""
        return self.error(
            "The input object cannot be bound to any parameters for the command either because the "
            "command does not take pipeline input or the input and its properties do not match any "
            "of the parameters that take pipeline input.",
            "InputObjectNotBound",
            category="InvalidArgument",
        )

    def check_mandatory_with_input(self, result: Binding, values: dict) -> None:
        missing = [
            p.name
            for p in self.info.parameters
            if p.in_set(result.parameter_set)
            and p.mandatory_in(result.parameter_set)
            and p.name not in result.bound
            and p.name not in values
        ]
        if missing:
            raise self.input_not_bound()


# -- binding plans ------------------------------------------------------------------------------
# Plans by (command, call-site shape); a plan keeps its CommandInfo, so an id is never reused
# while its entry exists.  A redefined function is a new CommandInfo, hence a new plan.
PLANS: dict = {}
PLAN_LIMIT = 4096


def _shape(info: CommandInfo, args: list[Arg], expects_input: bool) -> tuple | None:
    """The call-site shape a plan is keyed by: which arguments are named (and how), which
    positional; None when some argument is splatted (its names come from a value)."""
    parts = []
    for a in args:
        if a.splat:
            return None
        parts.append(None if a.name is None else (a.name.lower(), a.has_value, a.colon))
    return (id(info), expects_input, tuple(parts))


class BindingPlan:
    """What Binder._bind decided for one call-site shape, when nothing in it depends on the
    argument values: for each named argument its parameter (and where its value is), the
    parameters the positional arguments fill, the arguments left for $args, the set."""

    __slots__ = ("extra", "info", "named", "parameter_set", "pipeline_params", "positional")

    def __init__(self, info, named, positional, extra, parameter_set, pipeline_params):
        self.info, self.named, self.positional, self.extra = info, named, positional, extra
        self.parameter_set, self.pipeline_params = parameter_set, pipeline_params

    @classmethod
    def make(cls, binder: Binder, args: list[Arg], result: Binding) -> BindingPlan | None:
        """The plan of a bind that succeeded, or None when the shape does not decide it alone
        (several parameter sets choose by the values' types; remaining-arguments parameters
        and unknown names collect by order)."""
        info = binder.info
        if any(s != "__AllParameterSets" for s in info.parameter_sets) or any(p.remaining for p in info.parameters):
            return None
        own = {p.name for p in info.parameters}
        named: list = []  # (parameter, value index or None for a switch, name index, common?)
        seen: set = set()
        positional_at: list = []
        i = 0
        while i < len(args):
            a = args[i]
            at = i
            i += 1
            if a.name is None:
                positional_at.append(at)
                continue
            if a.name == "-":
                return None
            p = binder.find(a.name, a.span)
            if p is None or p.name in seen:
                return None
            seen.add(p.name)
            if a.has_value:
                value_at = at
            elif p.is_switch:
                value_at = None
            elif i < len(args) and args[i].name is None:
                value_at = i
                i += 1
            else:
                return None
            named.append((p, value_at, at, p.name.lower() in COMMON_NAMES and p.name not in own))
        set_name = result.parameter_set
        slots = sorted(
            (
                p
                for p in info.parameters
                if p.in_set(set_name) and p.position_in(set_name) is not None and p.name not in seen
            ),
            key=lambda p: p.position_in(set_name),
        )
        positional = list(zip(slots, positional_at))
        extra = positional_at[len(slots) :]
        if extra and binder.strict_unknown:
            return None
        return cls(info, tuple(named), tuple(positional), tuple(extra), set_name, result.pipeline_params)

    def bind(self, binder: Binder, args: list[Arg]) -> Binding:
        result = Binding()
        result.parameter_set = self.parameter_set
        for i, a in enumerate(args):
            a.order = i
        for p, value_at, at, common in self.named:
            value = True if value_at is None else args[value_at].value
            if common:
                result.common[p.name] = binder.convert_common(p, value, args[at].span)
            else:
                result.bound[p.name] = binder.convert(p, value, args[at].span)
        for p, at in self.positional:
            a = args[at]
            result.bound[p.name] = binder.convert(p, a.value, a.span)
        if self.extra:
            result.extra_positional = [args[at].value for at in self.extra]
        result.pipeline_params = self.pipeline_params
        binder._unknown = []
        return result
