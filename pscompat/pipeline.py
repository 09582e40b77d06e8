"""Pipelines: commands bound once per run, then objects pushed through one at a time.

All begin blocks run first (left to right), then the first command produces objects that flow
down stage by stage, then the end blocks run left to right.  A stage that wants no more input
raises StopUpstream: the stages before it stop (no end block), it and those after it finish.
"""
from __future__ import annotations

import os
import shutil
from typing import Any, Callable

from . import nodes as N
from .binding import Arg, Binder, Binding, ParameterToken
from .errors import CommandNotFoundError, PSError
from .runtime import CommandRuntime, ReturnFlow, StopUpstream, emit_enumerated
from .scope import MISSING, Scope
from .source import Source, Span
from .streams import Redirector


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
        self.redirections = [(r.stream, r.merge_to, comp.expr(r.target) if r.target is not None else None, r.append)
                             for r in node.redirections]


def compile_arg(el, comp):
    if isinstance(el, N.CommandParameter):
        fn = comp.expr(el.argument) if el.argument is not None else None
        return ("param", el.name, fn, el.span, el.text or "-" + el.name)
    if isinstance(el, N.Variable) and el.splatted:
        return ("splat", comp.expr(N.Variable(el.span, el.name)), None, el.span, "")
    return ("value", comp.expr(el), None, el.span, "")


def _plain_variable(node) -> str | None:
    if isinstance(node, N.Variable) and ":" not in node.name and not node.splatted:
        return node.name.lower()
    return None


def compile_pipeline(node: N.Pipeline, comp) -> Callable:
    specs = []
    for el in node.elements:
        if isinstance(el, N.CommandExpression):
            specs.append(("expr", (comp.expr(el.expression), _plain_variable(el.expression)),
                          [(r.stream, r.merge_to, comp.expr(r.target) if r.target is not None else None, r.append)
                           for r in el.redirections]))
        else:
            specs.append(("command", CommandSpec(el, comp), None))

    def run(scope, emit):
        g = scope.ctx.global_scope.vars
        g["?"] = True  # $?: the errors this pipeline writes turn it False
        stages = [build_stage(spec, scope, i > 0) for i, spec in enumerate(specs)]
        run_stages(stages, emit)

    return run


# ----------------------------------------------------------------------------- stages


class Stage:
    downstream: Callable[[Any], None]
    index = 0
    token: Any = None
    redirect_output: Any = None

    def connect(self, downstream: Callable[[Any], None]) -> None:
        """Called once begin blocks have run: where this stage's output goes from now on."""
        self.downstream = downstream

    def finish(self) -> None:
        """Runs when the pipeline is over, however it ended."""

    def stamp(self, stop: StopUpstream) -> None:
        if stop.owner is None:
            stop.owner = (self.token, self.index)

    def begin(self) -> None: ...

    def push(self, item: Any) -> None: ...

    def run_once(self) -> None: ...

    def end(self) -> None: ...


class ExpressionStage(Stage):
    def __init__(self, fn, scope, variable: str | None = None):
        self.fn, self.scope, self.variable = fn, scope, variable

    fused = None  # (test, filter stage): `$list | Where-Object ...` runs as one loop

    def run_once(self):
        value = self.fn(self.scope)
        if value is None and self.variable is not None and self.scope.is_automation_null(self.variable):
            return  # `$r | ...` where $r got no output: nothing flows
        if self.fused is not None and isinstance(value, list):
            test, stage = self.fused
            downstream = stage.downstream
            try:
                for item in value:
                    if test(item):
                        downstream(item)
            except StopUpstream as stop:
                stage.stamp(stop)
                raise
            return
        emit_enumerated(value, self.downstream)

    def push(self, item):  # an expression after `|` ignores its input, like PowerShell's error case
        raise PSError("Expressions are only allowed as the first element of a pipeline.", "ExpressionsMustBeFirstInPipeline",
                      reason="ParserError")


def _drain(result, downstream) -> None:
    if result is None:
        return
    it = iter(result)
    try:
        for obj in it:
            downstream(obj)
    finally:
        close = getattr(it, "close", None)
        if close is not None:
            close()


class CmdletStage(Stage):
    def __init__(self, info, binding: Binding, binder: Binder, runtime: CommandRuntime, expects_input: bool):
        cmd = info.cls()
        cmd.runtime = runtime
        cmd.bound = binding.bound
        cmd.parameter_set = binding.parameter_set
        for p in info.parameters:
            setattr(cmd, p.name, binding.bound[p.name] if p.name in binding.bound
                    else (False if p.is_switch else p.default))
        self.cmd, self.binding, self.binder, self.runtime = cmd, binding, binder, runtime
        pp = binding.pipeline_params
        self.fast = None
        self.fast_input = pp[0].name if (len(pp) == 1 and pp[0].pipeline and not pp[0].pipeline_by_name
                                          and pp[0].type.lower() in ("object", "psobject")) else None

    def begin(self):
        _drain(self.cmd.begin(), self.downstream)
        self.fast = self.cmd.fast_path() if self.fast_input is not None else None

    def connect(self, downstream):
        self.downstream = downstream
        if self.fast is not None:
            self.push = _fast_push(self, downstream)

    def finish(self):
        if self.fast is not None and self.fast[2] is not None:
            self.fast[2]()

    def push(self, item):
        cmd = self.cmd
        try:
            if self.fast_input is not None:
                setattr(cmd, self.fast_input, item)
                cmd.bound[self.fast_input] = item
            else:
                values = self.binder.bind_pipeline_item(self.binding, item)
                if self.binding.pipeline_params and not values:
                    self.binder.check_mandatory_with_input(self.binding, values)
                for k, v in values.items():
                    setattr(cmd, k, v)
                    cmd.bound[k] = v
            _drain(cmd.process(), self.downstream)
        except StopUpstream as stop:
            self.stamp(stop)
            raise

    def run_once(self):
        self.binder.check_mandatory(self.binding, self.binding.parameter_set)
        _drain(self.cmd.process(), self.downstream)

    def end(self):
        _drain(self.cmd.end(), self.downstream)


def _fast_push(stage: CmdletStage, downstream):
    """The per-object path of a cmdlet that declared one (Cmdlet.fast_path): one call, no binding."""
    kind, fn, _ = stage.fast

    if kind == "filter":
        def push_filtered(item):
            try:
                if fn(item):
                    downstream(item)
            except StopUpstream as stop:
                stage.stamp(stop)
                raise
        return push_filtered

    def push_each(item):
        try:
            out = fn(item)
            if out:
                for obj in out:
                    downstream(obj)
        except StopUpstream as stop:
            stage.stamp(stop)
            raise
    return push_each


class ScriptStage(Stage):
    """A function, filter or script block as a pipeline stage (begin/process/end, $input, $_)."""

    def __init__(self, sbv, binding: Binding, binder: Binder, scope: Scope, runtime: CommandRuntime):
        self.cb = sbv.compiled
        self.binding, self.binder, self.runtime, self.scope = binding, binder, runtime, scope
        self.input: list = []
        self.got_input = False
        v = scope.vars
        for p in binder.info.parameters:
            key = p.name.lower()
            if p.name in binding.bound:
                v[key] = binding.bound[p.name]
            elif key in self.cb.defaults:
                v[key] = self.cb.defaults[key](scope)
            else:
                v[key] = False if p.is_switch else None
        v["args"] = list(binding.extra_positional)
        bound = v["psboundparameters"] = _bound_table(binding)
        from .invocation import InvocationInfo, PSCmdlet

        invocation = v["myinvocation"] = InvocationInfo(binder.info, binder.name, bound, v["args"], binder.span,
                                                        binder.source)
        if binder.info.is_advanced:
            v["pscmdlet"] = PSCmdlet(runtime, binding.parameter_set, invocation, lambda: self.downstream)

    def _run(self, block) -> None:
        if block is None:
            return
        try:
            block(self.scope, self.downstream)
        except ReturnFlow:
            pass

    def begin(self):
        self._run(self.cb.begin)

    def push(self, item):
        self.got_input = True
        try:
            values = self.binder.bind_pipeline_item(self.binding, item) if self.binding.pipeline_params else {}
            for k, val in values.items():
                self.scope.vars[k.lower()] = val
            if self.cb.process is None:  # the end block sees $input, and the last object's bindings
                self.input.append(item)
                return
            self.scope.vars["_"] = item
            self.scope.vars["input"] = iter((item,))  # in a process block $input is the current object
            self._run(self.cb.process)
        except StopUpstream as stop:
            self.stamp(stop)
            raise

    def run_once(self):
        if self.cb.process is not None:
            self.scope.vars["_"] = None
            self._run(self.cb.process)

    def end(self):
        self.scope.vars["input"] = iter(self.input)
        if self.cb.process is None and self.input:
            self.scope.vars["_"] = self.input[-1]
        self._run(self.cb.end)


def _bound_table(binding: Binding):
    from .psobject import Hashtable

    h = Hashtable()
    for k, val in binding.bound.items():
        h[k] = val
    return h


class NativeStage(Stage):
    """An executable found on PATH: input objects become stdin lines, output lines become strings."""

    def __init__(self, path: str, args: list, scope: Scope):
        self.path, self.args, self.scope = path, args, scope
        self.input: list = []

    def push(self, item):
        self.input.append(item)

    def end(self):
        import subprocess

        from .conversion import to_string

        stdin = "".join(to_string(i) + "\n" for i in self.input) if self.input else None
        proc = subprocess.run([self.path] + [to_string(a) for a in self.args], input=stdin, capture_output=True,
                              text=True)
        self.scope.global_scope().vars["lastexitcode"] = proc.returncode
        if proc.stderr:
            import sys

            sys.stderr.write(proc.stderr)
        for line in proc.stdout.splitlines():
            self.downstream(line)


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
    from .scriptblock import ScriptBlockValue

    if isinstance(name_value, ScriptBlockValue):
        target = ("script", name_value, "")
        name = "<ScriptBlock>"
    else:
        from .conversion import to_string

        name = to_string(name_value) if not isinstance(name_value, str) else name_value
        target = ctx.resolve_command(name, scope)
        if target is None:
            raise CommandNotFoundError(
                f"The term '{name}' is not recognized as a name of a cmdlet, function, script file, or executable "
                f"program.\nCheck the spelling of the name, or if a path was included, verify that the path is "
                f"correct and try again.", "CommandNotFoundException", span=cs.node.elements[0].span, source=cs.source,
                reason=name, target=name, exception_type="System.Management.Automation.CommandNotFoundException")
    kind, obj, _ = target
    if kind == "native":
        return NativeStage(obj, native_argv(args), scope)
    if kind == "cmdlet":
        info = obj
        binder = Binder(info, name, cs.source, cs.span, scope=scope)
        binding = binder.bind(args, expects_input)
        runtime = CommandRuntime(ctx, scope, info.name, cs.span, cs.source, binding.common)
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
    for common, variable in (("Verbose", "verbosepreference"), ("Debug", "debugpreference")):
        if common in binding.common:  # an advanced function's -Verbose/-Debug set its preferences
            child.vars[variable] = "Continue" if binding.common[common] else "SilentlyContinue"
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
        from .compiler_stmt import variable_setter

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
    from .compiler_stmt import variable_setter
    from .scope import split_qualified

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
                    args.append(Arg(name=str(k), value=v, has_value=True, span=span, text="-" + str(k), colon=True,
                                    splat=True))
            elif isinstance(value, (list, tuple)):
                for v in value:  # `@args`: names a simple function did not declare pass on as names
                    if isinstance(v, ParameterToken):
                        args.append(Arg(name=v.lstrip("-\u2013\u2014\u2015").split(":", 1)[0], has_value=False,
                                        span=span, text=str(v)))
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
            if n > 1 and type(stages[0]) is ExpressionStage and getattr(stages[1], "fast", None) is not None \
                    and stages[1].fast[0] == "filter" and type(stages[1]) is CmdletStage \
                    and not getattr(stages[1], "redirected", False):
                stages[0].fused = (stages[1].fast[1], stages[1])
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
