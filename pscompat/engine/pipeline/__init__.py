"""Pipelines: commands bound once per run, then objects pushed through one at a time.

All begin blocks run first (left to right), then the first command produces objects that flow
down stage by stage, then the end blocks run left to right.  A stage that wants no more input
raises StopUpstream: the stages before it stop (no end block), it and those after it finish.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from typing import Any

from pscompat.engine.binding import Arg, Binder, Binding, ParameterToken
from pscompat.engine.pipeline.stages import CmdletStage, ExpressionStage, NativeStage, ScriptStage, Stage
from pscompat.engine.runtime import CommandRuntime, StopUpstream
from pscompat.engine.scope import Scope
from pscompat.engine.streams import Redirector
from pscompat.errors import CommandNotFoundError
from pscompat.source import Source
from pscompat.syntax import nodes as N

# ----------------------------------------------------------------------------- compile time


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
        self.redirections = [
            (r.stream, r.merge_to, comp.expr(r.target) if r.target is not None else None, r.append)
            for r in node.redirections
        ]


def compile_arg(el, comp):
    if isinstance(el, N.CommandParameter):
        fn = comp.expr(el.argument) if el.argument is not None else None
        return ("param", el.name, fn, el.span, el.text or "-" + el.name)
    if isinstance(el, N.Variable) and el.splatted:
        return ("splat", comp.expr(N.Variable(el.span, el.name)), None, el.span, "")
    base = el
    while isinstance(base, (N.Member, N.Index, N.InvokeMember)):
        base = base.target
    if base is not el and isinstance(base, N.Variable) and base.splatted:  # `@obj.Prop`, `@list[1]`
        return ("splat", comp.expr(el), None, el.span, "")
    return ("value", comp.expr(el), None, el.span, "")


def _plain_variable(node) -> str | None:
    if isinstance(node, N.Variable) and ":" not in node.name and not node.splatted:
        return node.name.lower()
    return None


def compile_pipeline(node: N.Pipeline, comp) -> Callable:
    specs = []
    for index, el in enumerate(node.elements):
        if isinstance(el, N.CommandExpression):
            lazy = comp.lazy_range(el.expression) if index == 0 and not el.redirections else None
            fn = comp.expr(el.expression) if lazy is None else (lambda scope, lazy=lazy: iter(lazy(scope)))
            specs.append(
                (
                    "expr",
                    (fn, _plain_variable(el.expression)),
                    [
                        (r.stream, r.merge_to, comp.expr(r.target) if r.target is not None else None, r.append)
                        for r in el.redirections
                    ],
                )
            )
        else:
            specs.append(("command", CommandSpec(el, comp), None))

    def run(scope, emit):
        g = scope.ctx.global_scope.vars
        g["?"] = True  # $?: the errors this pipeline writes turn it False
        stages = [build_stage(spec, scope, i > 0) for i, spec in enumerate(specs)]
        run_stages(stages, emit)

    return run


# ----------------------------------------------------------------------------- building a stage


def build_stage(spec, scope: Scope, expects_input: bool) -> Stage:
    kind, payload, redirs = spec
    if kind == "expr":
        stage = ExpressionStage(payload[0], scope, payload[1])
        if redirs:
            Redirector(scope.ctx, redirs, scope).attach(stage)
        return stage
    cs: CommandSpec = payload
    ctx = scope.ctx
    name_value = cs.static_name if cs.static_name is not None else cs.name_fn(scope)
    args, common_pre = evaluate_args(cs, scope)
    from pscompat.engine.scriptblock import ScriptBlockValue

    if isinstance(name_value, ScriptBlockValue):
        target = ("script", name_value, "")
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
    kind, obj, _ = target
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
            Redirector(ctx, cs.redirections, scope).attach(stage)
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
    stage = _out_variable(ScriptStage(sbv, binding, binder, child, runtime), binding, scope)
    errors = _list_variable(binding.common.get("ErrorVariable"), scope)
    if cs.redirections or errors is not None:
        Redirector(ctx, cs.redirections, scope, errors).attach(stage)
    return stage


def _out_variable(stage: Stage, binding: Binding, scope: Scope) -> Stage:
    """-OutVariable name (or +name to append): the command's output objects also go to a list
    variable; -PipelineVariable name: the object being passed on (about_CommonParameters)."""
    pipeline_variable = binding.common.get("PipelineVariable")
    if pipeline_variable:
        from pscompat.engine.compiler.statements import variable_setter

        setter, connect_pv = variable_setter(str(pipeline_variable)), stage.connect

        def connect_current(downstream):
            def current(obj):
                setter(scope, obj)
                downstream(obj)

            connect_pv(current)

        stage.connect = connect_current
    collected = _list_variable(binding.common.get("OutVariable"), scope)
    if collected is None:
        return stage
    connect = stage.connect

    def connect_tee(downstream):
        def tee(obj):
            collected.append(obj)
            downstream(obj)

        connect(tee)

    stage.connect = connect_tee
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


def evaluate_args(cs: CommandSpec, scope: Scope) -> tuple[list[Arg], dict]:
    args: list[Arg] = []
    for kind, a, b, span, text in cs.args:
        if kind == "value":
            args.append(Arg(value=a(scope), span=span))
        elif kind == "param":
            if b is not None:
                args.append(Arg(name=a, value=b(scope), has_value=True, span=span, text=text, colon=True))
            else:
                args.append(Arg(name=a, has_value=False, span=span, text=text))
        else:  # splat
            value = a(scope)
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
    return args, {}


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
                stages[i].connect(stages[i + 1].push if i + 1 < n else emit)
                if i + 1 < n:
                    limit = stages[i + 1].input_limit()
                    if limit is not None:
                        stages[i].limit_output(limit)
            if (
                n > 1
                and type(stages[0]) is ExpressionStage
                and type(stages[1]) is CmdletStage
                and stages[1].takes_lists
                and not getattr(stages[0], "redirected", False)
            ):
                stages[0].fused = stages[1]
            for st, buf in zip(stages, buffers):
                for item in buf:
                    st.downstream(item)
            if input_items is not None:
                first = stages[0]
                for item in input_items:
                    first.push(item)
            else:
                stages[0].run_once()
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


def find_native(name: str) -> str | None:
    if "/" in name or os.sep in name:
        return name if os.path.isfile(name) and os.access(name, os.X_OK) else None
    return shutil.which(name)
