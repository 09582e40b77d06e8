"""Pipelines: commands bound once per run, then objects pushed through one at a time.

All begin blocks run first (left to right), then the first command produces objects that flow
down stage by stage, then the end blocks run left to right.  A stage that wants no more input
raises StopUpstream: the stages before it stop (no end block), it and those after it finish.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NamedTuple

from pscompat.engine import strict_mode
from pscompat.engine.binding import Arg, Binder, Binding, ParameterToken
from pscompat.engine.commands import ResolvedCommand
from pscompat.engine.pipeline.stages import CmdletStage, ExpressionStage, NativeStage, ScriptStage, Stage
from pscompat.engine.pipeline.wrappers import OutputTee, RedirectedStage
from pscompat.engine.runtime import CommandRuntime, StopUpstream
from pscompat.engine.scope import Scope
from pscompat.engine.streams import Redirection, Redirector
from pscompat.errors import CommandNotFoundError
from pscompat.source import Source
from pscompat.syntax import nodes as N

# ----------------------------------------------------------------------------- compile time


class ArgSpec(NamedTuple):
    """One argument of a command, compiled.  kind "value": `value(scope)` is a positional
    argument; "param": `-name` (with `value(scope)` when written `-name:value`, else None);
    "splat": `@var` / `@obj.Prop`, `value(scope)` the table or list to spread."""

    kind: str
    name: str | None
    value: Callable | None
    span: Any
    text: str  # the parameter as typed (`-Name`, `-n`), for an executable's argv


class ExpressionSpec(NamedTuple):
    """An expression first in a pipeline (`$list | ...`, `1..3 | ...`)."""

    fn: Callable
    variable: str | None  # the plain variable it reads, if it is one ($r: AutomationNull flows nothing)
    redirections: list


def _redirections(nodes, comp) -> list[Redirection]:
    return [
        Redirection(r.stream, r.merge_to, comp.expr(r.target) if r.target is not None else None, r.append)
        for r in nodes
    ]


class CommandSpec:
    """A Command node compiled: its name and argument closures, bound to a command per run."""

    __slots__ = ("name_fn", "static_name", "args", "invocation", "span", "source", "redirections", "node")

    def __init__(self, node: N.Command, comp):
        self.node = node
        self.span = node.span
        self.source: Source = comp.source
        self.invocation = node.invocation
        head = node.elements[0]
        self.static_name = head.value if isinstance(head, N.StringConstant) else None
        self.name_fn = comp.expr(head)
        self.args = [compile_arg(el, comp) for el in node.elements[1:]]
        self.redirections = _redirections(node.redirections, comp)


def compile_arg(el, comp) -> ArgSpec:
    if isinstance(el, N.CommandParameter):
        fn = comp.expr(el.argument) if el.argument is not None else None
        return ArgSpec("param", el.name, fn, el.span, el.text or "-" + el.name)
    if isinstance(el, N.Variable) and el.splatted:
        return ArgSpec("splat", None, comp.expr(N.Variable(el.span, el.name)), el.span, "")
    base = el
    while isinstance(base, (N.Member, N.Index, N.InvokeMember)):
        base = base.target
    if base is not el and isinstance(base, N.Variable) and base.splatted:  # `@obj.Prop`, `@list[1]`
        return ArgSpec("splat", None, comp.expr(el), el.span, "")
    return ArgSpec("value", None, comp.expr(el), el.span, "")


def _plain_variable(node) -> str | None:
    if isinstance(node, N.Variable) and ":" not in node.name and not node.splatted:
        return node.name.lower()
    return None


def compile_pipeline(node: N.Pipeline, comp) -> Callable:
    specs: list[ExpressionSpec | CommandSpec] = []
    for index, el in enumerate(node.elements):
        if isinstance(el, N.CommandExpression):
            lazy = comp.lazy_range(el.expression) if index == 0 and not el.redirections else None
            fn = comp.expr(el.expression) if lazy is None else (lambda scope, lazy=lazy: iter(lazy(scope)))
            specs.append(ExpressionSpec(fn, _plain_variable(el.expression), _redirections(el.redirections, comp)))
        else:
            specs.append(CommandSpec(el, comp))

    def run(scope, emit):
        stages = [build_stage(spec, scope, i > 0) for i, spec in enumerate(specs)]
        # $?: False when a command of this pipeline wrote an error or a native command failed;
        # not for errors of the pipelines inside a function it called (`function f { Write-Error
        # x }; f; $?` is True: CleanBlockErrorHandling.Tests.ps1).  Its arguments (`Hook $?`)
        # were evaluated above, with the value the statement before left (DollarHook.Tests.ps1).
        ctx = scope.ctx
        g = ctx.global_scope.vars
        outer_failed = ctx.pipeline_failed
        ctx.pipeline_failed = False
        g["?"] = True
        try:
            run_stages(stages, emit)
        finally:
            failed = ctx.pipeline_failed
            ctx.pipeline_failed = outer_failed
        g["?"] = not failed

    method_like = [el for el in node.elements if isinstance(el, N.Command) and strict_mode.called_like_a_method(el)]
    if method_like:
        source = comp.source

        def checked(scope, emit):
            if scope.ctx.strict_modes is not None:
                for el in method_like:
                    strict_mode.method_call_syntax(scope, el.span, source)
            run(scope, emit)

        return checked
    return run


# ----------------------------------------------------------------------------- building a stage


def build_stage(spec: ExpressionSpec | CommandSpec, scope: Scope, expects_input: bool) -> Stage:
    if isinstance(spec, ExpressionSpec):
        stage: Stage = ExpressionStage(spec.fn, scope, spec.variable)
        if spec.redirections:
            stage = RedirectedStage(stage, Redirector(scope.ctx, spec.redirections, scope))
        return stage
    cs = spec
    ctx = scope.ctx
    name_value = cs.static_name if cs.static_name is not None else cs.name_fn(scope)
    args = evaluate_args(cs, scope)
    from pscompat.engine.scriptblock import ScriptBlockValue

    if getattr(name_value, "is_module_info", False) and args and isinstance(args[0].value, ScriptBlockValue):
        # `& $module { ... }` / `. $module { ... }`: the block runs in the module's session
        # state (about_Modules; how Pester's InModuleScope reaches a module's privates)
        module_info: Any = name_value
        name_value, args = args[0].value.bound_to(module_info), args[1:]
        if cs.invocation == ".":
            scope = module_info.scope
    if isinstance(name_value, ScriptBlockValue):
        target = ResolvedCommand("script", name_value, "")
        name = "<ScriptBlock>"
    else:
        from pscompat.values.convert.strings import to_string

        name = to_string(name_value) if not isinstance(name_value, str) else name_value
        target = ctx.resolve_command(name, scope)
        if target is None:
            raise CommandNotFoundError(
                f"The term '{name}' is not recognized as a name of a cmdlet, function, script file, or executable "
                f"program.\nCheck the spelling of the name, or if a path was included, verify that the path is "
                f"correct and try again.",
                "CommandNotFoundException",
                span=cs.node.elements[0].span,
                source=cs.source,
                reason=name,
                target=name,
                exception_type="System.Management.Automation.CommandNotFoundException",
            )
    kind, obj = target.kind, target.command
    if ctx.debugger is not None:  # a command breakpoint may match (engine/breakpoints.py)
        from pscompat.engine.breakpoints import check_command

        check_command(scope, target.name or name, cs.source)
    if kind == "native":
        return NativeStage(obj, native_argv(args), scope)
    if kind == "cmdlet":
        info = obj
        binder = Binder(info, name, cs.source, cs.span, scope=scope)
        binding = binder.bind(args, expects_input)
        runtime = CommandRuntime(ctx, scope, info.name, cs.span, cs.source, binding.common)
        runtime.info = info
        stage = _out_variable(CmdletStage(info, binding, binder, runtime, expects_input), binding, scope)
        if cs.redirections:
            stage = RedirectedStage(stage, Redirector(ctx, cs.redirections, scope))
        return stage
    # a PowerShell function, filter, script file or script block
    sbv = obj
    info = sbv.command_info(name, "Function" if kind == "function" else "ScriptBlock")
    binder = Binder(info, name, cs.source, cs.span, strict_unknown=info.is_advanced, scope=scope)
    binding = binder.bind(args, expects_input)
    child = scope if cs.invocation == "." else Scope(sbv.scope_for(scope), ctx, is_script=(kind == "script_file"))
    runtime = CommandRuntime(ctx, scope, name, cs.span, cs.source, binding.common)
    runtime.info, runtime.preference_scope = info, child
    for common, variable in (("Verbose", "verbosepreference"), ("Debug", "debugpreference")):
        if common in binding.common:  # an advanced function's -Verbose/-Debug set its preferences
            child.vars[variable] = "Continue" if binding.common[common] else "SilentlyContinue"
    # -WhatIf / -Confirm set $WhatIfPreference / $ConfirmPreference in the function's scope, so the
    # cmdlets it calls inherit them (PS: CompiledScriptBlock.cs SetPreferenceVariables)
    if "WhatIf" in binding.common:
        child.vars["whatifpreference"] = bool(binding.common["WhatIf"])
    if "Confirm" in binding.common:
        child.vars["confirmpreference"] = "Low" if binding.common["Confirm"] else "None"
    if "ErrorAction" in binding.common:
        child.vars["erroractionpreference"] = binding.common["ErrorAction"]
    script_path = target.name if kind == "script_file" else None
    stage = _out_variable(ScriptStage(sbv, binding, binder, child, runtime, script_path), binding, scope)
    errors = _list_variable(binding.common.get("ErrorVariable"), scope)
    streams = None
    for stream, common in (("3", "WarningVariable"), ("6", "InformationVariable")):
        collected = _list_variable(binding.common.get(common), scope)
        if collected is not None:
            streams = streams or {}
            streams[stream] = collected
    if cs.redirections or errors is not None or streams is not None:
        stage = RedirectedStage(stage, Redirector(ctx, cs.redirections, scope, errors, streams))
    return stage


def _out_variable(stage: Stage, binding: Binding, scope: Scope) -> Stage:
    """-OutVariable name (or +name to append): the command's output objects also go to a list
    variable; -PipelineVariable name: the object being passed on (about_CommonParameters).
    Each object is added to the -OutVariable list first, then set as the -PipelineVariable."""
    pipeline_variable = binding.common.get("PipelineVariable")
    collected = _list_variable(binding.common.get("OutVariable"), scope)
    if collected is not None:
        stage = OutputTee(stage, collected.append)
    if pipeline_variable:
        from pscompat.engine.compiler.statements import variable_setter

        setter = variable_setter(str(pipeline_variable))
        stage = OutputTee(stage, lambda obj: setter(scope, obj))
    return stage


def _list_variable(name, scope: Scope) -> list | None:
    """-ErrorVariable/-OutVariable `name`, `+name`, `script:name`: the list the records go to,
    already stored in the variable (about_CommonParameters)."""
    if not name:
        return None
    from pscompat.engine.compiler.statements import variable_setter
    from pscompat.engine.scope import split_qualified

    name = str(name)
    append = name.startswith("+")
    name = name.lstrip("+")
    collected: list = []
    if append:
        qual, key = split_qualified(name)
        target = {"global": scope.global_scope(), "script": scope.script_scope()}.get(qual, scope)
        current = target.lookup(key, None)
        collected = list(current) if isinstance(current, list) else ([] if current is None else [current])
    variable_setter(name)(scope, collected)
    return collected


def evaluate_args(cs: CommandSpec, scope: Scope) -> list[Arg]:
    args: list[Arg] = []
    for kind, name, fn, span, text in cs.args:
        if kind == "value":
            assert fn is not None
            args.append(Arg(value=fn(scope), span=span))
        elif kind == "param":
            if fn is not None:
                args.append(Arg(name=name, value=fn(scope), has_value=True, span=span, text=text, colon=True))
            else:
                args.append(Arg(name=name, has_value=False, span=span, text=text))
        else:  # splat
            assert fn is not None
            value = fn(scope)
            if isinstance(value, dict):
                for k, v in value.items():
                    args.append(
                        Arg(name=str(k), value=v, has_value=True, span=span, text="-" + str(k), colon=True, splat=True)
                    )
            elif isinstance(value, (list, tuple)):
                for v in value:  # `@args`: names a simple function did not declare pass on as names
                    if isinstance(v, ParameterToken):
                        args.append(
                            Arg(
                                name=v.lstrip("-\u2013\u2014\u2015").split(":", 1)[0],
                                has_value=False,
                                span=span,
                                text=str(v),
                            )
                        )
                    else:
                        args.append(Arg(value=v, span=span))
            elif value is not None:
                args.append(Arg(value=value, span=span))
    return args


def native_argv(args: list[Arg]) -> list:
    """Arguments of an executable: parameters go through as typed (`ls -la`, `git --version`)."""
    argv: list = []
    for a in args:
        if a.name is None:
            argv.append(a.value)
        elif a.colon:
            argv.append(f"{a.text}:{a.value}")
        else:
            argv.append(a.text)
    return argv


# ----------------------------------------------------------------------------- the driver


def run_stages(stages: list[Stage], emit: Callable[[Any], None], input_items=None) -> None:
    token = object()
    n = len(stages)
    for i, st in enumerate(stages):
        st.index = i
        st.token = token
    start = 0
    try:
        try:
            buffers = []
            for st in stages:  # begin blocks first, left to right; their output waits for the process phase
                buf: list = []
                st.downstream = buf.append
                st.begin()
                buffers.append(buf)
            for i in range(n - 1, -1, -1):  # wire from the end, so each stage sees its final downstream
                stages[i].connect(stages[i + 1].receiver() if i + 1 < n else emit)
                if i + 1 < n:
                    limit = stages[i + 1].input_limit()
                    if limit is not None:
                        stages[i].limit_output(limit)
            first = stages[0]
            if n > 1 and type(first) is ExpressionStage and stages[1].takes_lists:
                first.fused = stages[1]  # a list it produces goes to the command in one loop
            for st, buf in zip(stages, buffers):
                for item in buf:
                    st.downstream(item)
            if input_items is not None:
                push = first.receiver()
                for item in input_items:
                    push(item)
            else:
                first.run_once()
        except StopUpstream as stop:
            if stop.owner is None:  # the first command itself wants no more (nothing is before it)
                stop.owner = (token, 0)
            if stop.owner[0] is not token:
                raise
            start = stop.owner[1]
        i = start
        while i < n:
            try:
                stages[i].end()
                i += 1
            except StopUpstream as stop:
                if stop.owner is None:
                    stop.owner = (token, i + 1)
                if stop.owner[0] is not token:
                    raise
                i = max(i + 1, stop.owner[1])
    finally:
        for st in stages:
            st.finish()
