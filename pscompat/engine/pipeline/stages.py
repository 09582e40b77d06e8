"""Pipeline stages: how a command or expression takes objects and passes them on.

Every stage has begin / push (one object) / run_once (first in the pipeline) / end, and a
`downstream` to push its output to.  A stage that raises StopUpstream from its own code stamps
it with its position, so the driver (pipeline.run_stages) knows which commands to stop.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pscompat.engine.binding import Binder, Binding
from pscompat.engine.pipeline.fast_paths import FastPath
from pscompat.engine.runtime import CommandRuntime, StopUpstream, emit_enumerated
from pscompat.engine.scope import Scope
from pscompat.errors import ExitFlow, ParameterBindingError, PSError, ReturnFlow
from pscompat.values.error_records import ErrorRecord


class Stage:
    downstream: Callable[[Any], None]
    index = 0
    token: Any = None

    def connect(self, downstream: Callable[[Any], None]) -> None:
        """Called once begin blocks have run: where this stage's output goes from now on."""
        self.downstream = downstream

    def receiver(self) -> Callable[[Any], None]:
        """Asked once the stage is connected: the function the stage before it writes each
        object to (push, or a cmdlet's fast path)."""
        return self.push

    @property
    def takes_lists(self) -> bool:
        """Can a list piped straight in go through push_all (one loop, no per-object push)?"""
        return False

    def push_all(self, items: list) -> None:
        """Every object of `items`, in order, as push would take them one by one."""
        raise NotImplementedError

    def finish(self) -> None:
        """Runs when the pipeline is over, however it ended."""

    def stamp(self, stop: StopUpstream) -> None:
        if stop.owner is None:
            stop.owner = (self.token, self.index)

    def begin(self) -> None: ...

    def push(self, item: Any) -> None: ...

    def run_once(self) -> None: ...

    def end(self) -> None: ...

    def input_limit(self) -> int | None:
        """How many objects this stage reads at most before it stops its upstream (None: no bound)."""
        return None

    def limit_output(self, limit: int) -> None:
        """Told that the next stage reads at most `limit` objects: a stage may then produce only
        those (Sort-Object orders only the first ones)."""


class ExpressionStage(Stage):
    def __init__(self, fn, scope, variable: str | None = None):
        self.fn, self.scope, self.variable = fn, scope, variable

    fused: Any = None  # the next stage, when it takes a whole list at once (CmdletStage.push_all)

    def run_once(self):
        value = self.fn(self.scope)
        if value is None and self.variable is not None and self.scope.is_automation_null(self.variable):
            return  # `$r | ...` where $r got no output: nothing flows
        if self.fused is not None and isinstance(value, (list, tuple)):
            self.fused.push_all(value)
            return
        emit_enumerated(value, self.downstream)

    def push(self, item):  # an expression after `|` ignores its input, like PowerShell's error case
        raise PSError(
            "Expressions are only allowed as the first element of a pipeline.",
            "ExpressionsMustBeFirstInPipeline",
            reason="ParserError",
        )


_APPEND: type = type([].append)


def _drain(result, downstream) -> None:
    if result is None:
        return
    if downstream.__class__ is _APPEND and getattr(downstream, "__name__", "") == "append":
        target: Any = getattr(downstream, "__self__", None)
        if target.__class__ is list:
            # the pipeline's output collected in a list (the last stage of a statement whose
            # output is kept): one C-level extend instead of a call per object
            target.extend(result)
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
            setattr(
                cmd, p.name, binding.bound[p.name] if p.name in binding.bound else (False if p.is_switch else p.default)
            )
        self.cmd, self.binding, self.binder, self.runtime = cmd, binding, binder, runtime
        pp = binding.pipeline_params
        self.fast: FastPath | None = None
        self.fast_push: Callable[[Any], None] | None = None  # the fast path's per-object function
        self.fast_input = (
            pp[0].name
            if (
                len(pp) == 1
                and pp[0].pipeline
                and not pp[0].pipeline_by_name
                and pp[0].type.lower() in ("object", "psobject")
            )
            else None
        )

    def begin(self):
        _drain(self.cmd.begin(), self.downstream)
        self.fast = self.cmd.fast_path() if self.fast_input is not None else None

    @property
    def takes_lists(self) -> bool:
        return self.fast is not None

    def push_all(self, items: list) -> None:
        """A fast path's whole-list loop (or its batch): see fast_paths.FastPath.run_list."""
        fast = self.fast
        assert fast is not None, "push_all is wired only to a stage with a fast path"
        try:
            fast.run_list(items, self.downstream, self.receiver())
        except StopUpstream as stop:
            self.stamp(stop)
            raise

    def input_limit(self):
        limit = getattr(self.cmd, "input_limit", None)
        return limit() if limit is not None else None

    def limit_output(self, limit):
        if "output_limit" in type(self.cmd).__dict__:
            self.cmd.output_limit = limit

    def connect(self, downstream):
        self.downstream = downstream
        if self.fast is not None:
            self.fast_push = self.fast.pusher(downstream, self.stamp)

    def receiver(self):
        return self.fast_push if self.fast_push is not None else self.push

    def finish(self):
        if self.fast is not None and self.fast.cleanup is not None:
            self.fast.cleanup()

    def push(self, item):
        cmd = self.cmd
        try:
            if self.fast_input is not None:
                setattr(cmd, self.fast_input, item)
                cmd.bound[self.fast_input] = item
            else:
                try:
                    values = self.binder.bind_pipeline_item(self.binding, item)
                    if self.binding.pipeline_params and not values:
                        self.binder.check_mandatory_with_input(self.binding, values)
                except ParameterBindingError as exc:
                    input_not_bound(self.runtime, exc, item)
                    return
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


def input_not_bound(runtime: CommandRuntime, exc: ParameterBindingError, item: Any) -> None:
    """A pipeline object the command cannot take is a non-terminating error, and the next object
    goes on (CommandProcessor.ProcessRecord: WriteInputObjectError / the caught binding error)."""
    rec = ErrorRecord.from_error(exc)
    rec.target_object = item
    runtime.write_error_record(rec)


class ScriptStage(Stage):
    """A function, filter or script block as a pipeline stage (begin/process/end, $input, $_)."""

    def __init__(
        self,
        sbv,
        binding: Binding,
        binder: Binder,
        scope: Scope,
        runtime: CommandRuntime,
        script_path: str | None = None,
    ):
        self.cb = sbv.compiled
        # a script file's $PSScriptRoot/$PSCommandPath; dot-sourced, the caller's come back after it
        self.saved_script_variables: dict | None = None
        if script_path is not None:
            from pscompat.engine.script_files import set_script_variables

            self.saved_script_variables = {k: scope.vars.get(k) for k in ("psscriptroot", "pscommandpath")}
            set_script_variables(scope, script_path)
        self.binding, self.binder, self.runtime, self.scope = binding, binder, runtime, scope
        self.input: list = []
        self.ran = False  # has a begin, process or end block run (the clean block runs only then)?
        self.script_path = script_path
        self.exited = False  # a script file that ran `exit` runs no more blocks
        # a parameter named $input keeps its bound value (PipelineChainOperator.Tests.ps1's filters)
        self.input_is_parameter = any(p.name.lower() == "input" for p in binder.info.parameters)
        v = scope.vars
        for p in binder.info.parameters:
            key = p.name.lower()
            if p.name in binding.bound:
                v[key] = binding.bound[p.name]
            elif key in self.cb.defaults:
                v[key] = self.cb.defaults[key](scope)
            else:
                v[key] = False if p.is_switch else None
            if p.validators:  # a validated parameter stays validated (PS: the variable keeps the attributes)
                scope.validators = scope.validators or {}
                scope.validators[key] = (p.name, p.validators)
        v["args"] = list(binding.extra_positional)
        bound = v["psboundparameters"] = _bound_table(binding)
        from pscompat.engine.invocation import InvocationInfo, PSCmdlet

        invocation = v["myinvocation"] = InvocationInfo(
            binder.info, binder.name, bound, v["args"], binder.span, binder.source, script_path=script_path
        )
        if binder.info.is_advanced:
            v["pscmdlet"] = PSCmdlet(runtime, binding.parameter_set, invocation, lambda: self.downstream)

    def _run(self, block) -> None:
        if block is None or self.exited:
            return
        self.ran = True
        try:
            block(self.scope, self.downstream)
        except ReturnFlow:
            pass
        except ExitFlow as exit_:
            if self.script_path is None:  # `exit` in a function or script block ends the script
                raise
            # in a script file it ends that script: $LASTEXITCODE, and $? False for a non-zero code
            # (ScriptCommandProcessor's ExitException handling)
            self.exited = True
            self.scope.global_scope().vars["lastexitcode"] = exit_.code
            if exit_.code != 0:
                self.scope.ctx.pipeline_failed = True

    def begin(self):
        self._run(self.cb.begin)

    def push(self, item):
        try:
            try:
                values = self.binder.bind_pipeline_item(self.binding, item) if self.binding.pipeline_params else {}
            except ParameterBindingError as exc:
                input_not_bound(self.runtime, exc, item)
                return
            for k, val in values.items():
                self.scope.vars[k.lower()] = val
            if self.cb.process is None:  # the end block sees $input, and the last object's bindings
                self.input.append(item)
                return
            self.scope.vars["_"] = item
            if not self.input_is_parameter:  # in a process block $input is the current object
                self.scope.vars["input"] = iter((item,))
            self._run(self.cb.process)
        except StopUpstream as stop:
            self.stamp(stop)
            raise

    def run_once(self):
        if self.cb.process is not None:
            self.scope.vars["_"] = None
            self._run(self.cb.process)

    def end(self):
        if not self.input_is_parameter:
            self.scope.vars["input"] = iter(self.input)
        if self.cb.process is None and self.input:
            self.scope.vars["_"] = self.input[-1]
        self._run(self.cb.end)

    def finish(self):
        """The clean block (PowerShell 7.3): once the pipeline is over, however it ended, if another
        block of this command ran.  Its output is discarded, `exit` in it ends only the block, and a
        terminating error in it is written as an error, not raised (PipelineBehaviour.Tests.ps1, CleanBlockErrorHandling.Tests.ps1)."""
        saved = self.saved_script_variables
        if saved is not None:
            for key, value in saved.items():
                if value is None:
                    self.scope.vars.pop(key, None)
                else:
                    self.scope.vars[key] = value
        clean = self.cb.clean
        if clean is None or not self.ran:
            return
        try:
            clean(self.scope, _discard)
        except (ReturnFlow, ExitFlow):  # `exit` in a clean block ends only the block
            pass
        except PSError as exc:
            self.scope.ctx.record_error(ErrorRecord.from_error(exc), "continue", None, self.scope)


def _discard(item: Any) -> None:
    """Where the clean block's output goes: nowhere."""


def _bound_table(binding: Binding):
    from pscompat.values.objects.classes import Hashtable

    h = Hashtable()
    for k, val in binding.bound.items():
        h[k] = val
    return h


class NativeStage(Stage):
    """An executable found on PATH, run as the pipeline runs: input objects are written to its
    stdin as lines while it works, its stdout lines go downstream as strings as they come, and
    when a later command wants no more (`yes | Select-Object -First 2`) or the pipeline ends any
    other way, the program is stopped (pwsh stops the native process too)."""

    _EOF = object()

    def __init__(self, path: str, args: list, scope: Scope):
        self.path, self.args, self.scope = path, args, scope
        self.proc: Any = None
        self.lines: Any = None

    def _start(self, with_input: bool) -> None:
        import queue
        import subprocess
        import threading

        from pscompat.values.convert.strings import to_string

        self.proc = subprocess.Popen(
            [self.path] + [to_string(a) for a in self.args],
            stdin=subprocess.PIPE if with_input else None,  # first in the pipeline: the terminal's
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
            errors="replace",
        )
        self.lines = queue.SimpleQueue()
        threading.Thread(target=self._read_stdout, daemon=True).start()
        threading.Thread(target=self._copy_stderr, daemon=True).start()

    def _read_stdout(self) -> None:
        try:
            for line in self.proc.stdout:
                self.lines.put(line.rstrip("\r\n"))
        except (OSError, ValueError):
            pass  # the pipe was closed: the pipeline stopped the program
        self.lines.put(self._EOF)

    def _copy_stderr(self) -> None:
        import sys

        try:
            for line in self.proc.stderr:
                sys.stderr.write(line)
        except (OSError, ValueError):
            pass

    def _drain(self, wait: bool) -> None:
        import queue

        while True:
            try:
                line = self.lines.get(block=wait)
            except queue.Empty:
                return
            if line is self._EOF:
                return
            self.downstream(line)

    def push(self, item):
        from pscompat.values.convert.strings import to_string

        if self.proc is None:
            self._start(with_input=True)
        try:
            self.proc.stdin.write(to_string(item) + "\n")
            self.proc.stdin.flush()
        except (BrokenPipeError, OSError, ValueError):
            pass  # the program stopped reading; its output still counts
        self._drain(wait=False)

    def end(self):
        if self.proc is None:
            self._start(with_input=False)
        elif self.proc.stdin is not None:
            try:
                self.proc.stdin.close()
            except (BrokenPipeError, OSError):
                pass
        self._drain(wait=True)
        code = self.proc.wait()
        global_vars = self.scope.global_scope().vars
        global_vars["lastexitcode"] = code
        if code != 0:  # a native command that fails makes `$?` False (about_Automatic_Variables, `$?`)
            global_vars["?"] = False
            self.scope.ctx.pipeline_failed = True

    def finish(self):
        proc = self.proc
        if proc is None:
            return
        if proc.poll() is None:  # stopped early (Select-Object -First, an error, Ctrl-C)
            proc.kill()
            proc.wait()
        for stream in (proc.stdin, proc.stdout, proc.stderr):
            if stream is not None:
                try:
                    stream.close()
                except OSError:
                    pass
