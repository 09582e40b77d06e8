"""A call of a script function without a pipeline: `f $i`, `$x = f -n 3`, `(fib ($n - 1))`.

The general path (engine/pipeline: build_stage, run_stages) resolves the command, builds a
stage list, a CommandRuntime and the stage's wiring for every call.  For a call site that is one
command with a constant name, positional and named arguments (no splatting, no redirection, not
dot-sourced) and a target that is a simple function (no [CmdletBinding()], only an end block:
no begin/process/clean, not a filter), the same steps reduce to: resolve the name, evaluate the
arguments, bind them through the binder's plan (binding.BindingPlan), make the child scope and
its automatic variables (pipeline.stages.ScriptStage, unchanged), run the end block with the
caller's output function, then the clean step.  Anything else — an alias of the name, a cmdlet,
an advanced function — runs the general pipeline, decided before an argument is evaluated.
"""

from __future__ import annotations

from typing import Any

from pscompat.engine.binding import Arg, Binder, BindingPlan
from pscompat.engine.commands import REGISTRY
from pscompat.engine.invocation import InvocationInfo
from pscompat.engine.pipeline import CommandSpec, compile_pipeline
from pscompat.engine.pipeline.stages import ScriptStage
from pscompat.engine.runtime import StopUpstream, unwrap
from pscompat.engine.scope import Scope
from pscompat.errors import ReturnFlow
from pscompat.syntax import nodes as N
from pscompat.values.objects.classes import Hashtable


class FunctionCall:
    """One call site.  Generated code asks `target(scope)`; with a function it evaluates the
    arguments itself and calls `run` / `run_value`, else `general` / `general_value` (the
    pipeline, which evaluates them).  A value is the output unwrapped, or `empty` when the
    call wrote nothing (StatementCompiler.value)."""

    __slots__ = ("spec", "low", "general", "_info", "_simple", "_plan")

    def __init__(self, node: N.Pipeline, closures):
        self.spec = CommandSpec(node.elements[0], closures)
        self.low = str(self.spec.static_name).lower()  # call_site: a constant name
        self.general = compile_pipeline(node, closures)
        self._info: Any = None
        self._simple = False
        self._plan: tuple | None = None  # (CommandInfo, ((Parameter, arg index), ...), extra indexes)

    def _target(self, scope):
        """The simple function the name resolves to now from `scope` (ExecutionContext.
        resolve_command's order: an alias first, then the nearest scope's function), else None."""
        low = self.low
        ctx = scope.ctx
        # Set-StrictMode's call checks and command breakpoints live in the pipeline path
        if ctx.strict_modes is not None or ctx.debugger is not None:
            return None
        info = scope.find_function(low)
        if info is None or low in ctx.aliases or REGISTRY.resolve_alias(low) is not None:
            return None
        if info is not self._info:
            cb = info.function.compiled
            self._info = info
            self._simple = (
                info.command_type == "Function"
                and not cb.is_advanced
                and cb.begin is None
                and cb.process is None
                and cb.clean is None
                and cb.end is not None
            )
        return info.function if self._simple else None

    def target(self, scope):
        """The function to run the fast way (before any argument is evaluated), else None: the
        caller then runs `general`."""
        return self._target(scope)

    def general_value(self, scope, empty) -> Any:
        out: list = []
        self.general(scope, out.append)
        return unwrap(out) if out else empty

    def run(self, scope, emit, sbv, values: list) -> None:
        """The call, its argument values evaluated (in order: the positional values and the
        `-Name:value` values; a bare `-Name` has none)."""
        ctx = scope.ctx
        ctx.global_scope.vars["?"] = True  # $?: the errors this call writes turn it False
        spec = self.spec
        name = str(spec.static_name)
        info = sbv.command_info(name, "Function")
        plan = self._plan
        if plan is not None and plan[0] is info:
            # positional arguments to parameters that take any value: the binder's plan, whose
            # conversions and checks are all identities here (Binder.convert)
            bound = {p.name: values[at] for p, at in plan[1]}
            extra = [values[at] for at in plan[2]]
            child = Scope(sbv.scope_for(scope), ctx)
            _set_parameters(child, info, sbv.compiled, bound, extra, name, spec)
            stage = None
        else:
            args = _arguments(spec, values)
            binder = Binder(info, name, spec.source, spec.span, strict_unknown=False, scope=scope)
            binding = binder.bind(args, False)
            self._plan = _trivial_plan(binder, args, binding)
            child = Scope(sbv.scope_for(scope), ctx)
            stage = ScriptStage(sbv, binding, binder, child, None)  # type: ignore[arg-type]
        _run_end(sbv.compiled, child, emit, stage)

    def run_value(self, scope, sbv, values: list, empty) -> Any:
        out: list = []
        self.run(scope, out.append, sbv, values)
        return unwrap(out) if out else empty


def _arguments(spec, values: list) -> list[Arg]:
    """pipeline.evaluate_args with the values already computed."""
    args: list[Arg] = []
    it = iter(values)
    for kind, name, fn, span, text in spec.args:
        if kind == "value":
            args.append(Arg(value=next(it), span=span))
        elif fn is not None:
            args.append(Arg(name=name, value=next(it), has_value=True, span=span, text=text, colon=True))
        else:
            args.append(Arg(name=name, has_value=False, span=span, text=text))
    return args


def argument_nodes(node: N.Pipeline) -> list:
    """The expressions whose values `FunctionCall.run` takes, in order."""
    out = []
    for el in node.elements[0].elements[1:]:
        if isinstance(el, N.CommandParameter):
            if el.argument is not None:
                out.append(el.argument)
        else:
            out.append(el)
    return out


def _trivial_plan(binder, args, binding) -> tuple | None:
    """The site's binding as (info, positional pairs, extra indexes) when every argument is
    positional and every parameter takes any value as it is (no type, switch, mandatory,
    validation or set): then binding needs no Binder at all."""
    if any(a.name is not None for a in args):
        return None
    info = binder.info
    for p in info.parameters:
        if p.is_switch or p.mandatory or p.validate_set or p.validators:
            return None
        if p.type.lower() not in ("object", "psobject", "any"):
            return None
    plan = BindingPlan.make(binder, args, binding)
    if plan is None or plan.named:
        return None
    return (info, plan.positional, plan.extra)


def _set_parameters(scope, info, cb, bound: dict, extra: list, name: str, spec) -> None:
    """What ScriptStage.__init__ sets for a simple function without a script path: the
    parameters (bound, else their defaults, else $null), $args, $PSBoundParameters,
    $MyInvocation."""
    v = scope.vars
    for p in info.parameters:
        key = p.name.lower()
        if p.name in bound:
            v[key] = bound[p.name]
        elif key in cb.defaults:
            v[key] = cb.defaults[key](scope)
        else:
            v[key] = None
    v["args"] = extra
    table = v["psboundparameters"] = Hashtable()
    for k, value in bound.items():
        table[k] = value
    v["myinvocation"] = InvocationInfo(info, name, table, extra, spec.span, spec.source)


def _run_end(cb, child, emit, stage) -> None:
    """run_stages for one stage without input: the end block (ScriptStage.end: `$input` empty,
    a `return` ends it), a StopUpstream it raises for itself ends it quietly, then the clean
    step (ScriptStage.finish; a simple function has no clean block)."""
    token = object()
    try:
        if stage is not None:
            stage.token = token
            stage.connect(emit)
            stage.end()
        else:
            child.vars["input"] = iter(())
            try:
                cb.end(child, emit)
            except ReturnFlow:
                pass
    except StopUpstream as stop:
        if stop.owner is None:
            stop.owner = (token, 1)
        if stop.owner[0] is not token:
            raise
    finally:
        if stage is not None:
            stage.finish()


def call_site(node) -> bool:
    """Is this statement a call the FunctionCall path may take?"""
    if not isinstance(node, N.Pipeline) or len(node.elements) != 1:
        return False
    cmd = node.elements[0]
    if not isinstance(cmd, N.Command) or cmd.redirections or cmd.invocation:
        return False
    if not isinstance(cmd.elements[0], N.StringConstant):
        return False
    for el in cmd.elements[1:]:
        base = el
        while isinstance(base, (N.Member, N.Index, N.InvokeMember)):
            base = base.target
        if isinstance(base, N.Variable) and base.splatted:
            return False
    return True
