"""The execution context: a session's variables, functions, aliases, host and error state.

Cmdlets see it as `self.ctx`; compiled code reaches it as `scope.ctx`.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from typing import Any

from pscompat.engine.commands import REGISTRY, CommandInfo, ResolvedCommand
from pscompat.engine.runtime import emit_enumerated, unwrap
from pscompat.engine.scope import MISSING, Scope
from pscompat.errors import ActionPreferenceStop, ParseError, PSError, ReturnFlow, ScriptThrow
from pscompat.values.error_records import ErrorRecord

PREFERENCES = {
    "erroractionpreference": "Continue",
    "warningpreference": "Continue",
    "verbosepreference": "SilentlyContinue",
    "debugpreference": "SilentlyContinue",
    "informationpreference": "SilentlyContinue",
    "progresspreference": "Continue",
    "confirmpreference": "High",
    "whatifpreference": False,
    "formatenumerationlimit": 4,
    "maximumhistorycount": 4096,
    "psculture": "en-US",
    "psuiculture": "en-US",
    "psedition": "Core",
    "nestedpromptlevel": 0,
    "shellid": "Microsoft.PowerShell",
}


class ExecutionContext:
    # module lookups (engine/modules/lookup.py installs them when the module cmdlets load):
    # (autoload(ctx, name, scope) -> bool, resolve_qualified(ctx, name, scope), check_required(ctx, script, args))
    module_hooks: tuple | None = None
    # Set-StrictMode's modes by scope (engine/strict_mode.py); None until a script sets one, so
    # the engine's missing-value paths check one attribute
    strict_modes: dict | None = None
    # the breakpoints (engine/breakpoints.py Debugger); None until Set-PSBreakpoint sets one
    debugger: Any = None

    def __init__(self, host, variable_fallback: Callable[[str], tuple[bool, Any]] | None = None):
        self.host = host
        self.variable_fallback = variable_fallback
        self.functions: dict[str, CommandInfo] = {}
        self.aliases: dict[str, str] = {}  # user-defined aliases (lower name -> target)
        # their name as written, -Description and -Option (lower name -> (name, text, option))
        self.alias_details: dict[str, tuple[str, str, str]] = {}
        self.try_depth = 0
        self.frames: list = []  # active redirection frames (streams.Frame), innermost last
        self.exit_requested = False
        self.run_errors: list[ErrorRecord] = []  # shown errors of the current run (PSResult.errors)
        self.assigned: set[str] = set()
        self.global_scope = Scope(None, self, is_script=True)
        self.global_scope.functions = self.functions  # the global scope's function table
        # loaded modules, in load order (engine/modules/: PSModuleInfo)
        self.modules: list = []
        g = self.global_scope.vars
        g.update(PREFERENCES)
        g["?"] = True
        # has a command of the innermost running pipeline written an error (or a native command
        # failed)?  What `$?` becomes when that pipeline ends (PipelineProcessor.ExecutionFailed)
        self.pipeline_failed = False

    # -- variables (the API cmdlets use) ------------------------------------------------------
    @property
    def cwd(self) -> str:
        return os.getcwd()

    def _scope_for(self, scope_name: str | None, scope: Scope | None = None) -> Scope:
        scope = scope or self.global_scope
        if scope_name in (None, "local"):
            return scope
        if scope_name == "global":
            return self.global_scope
        if scope_name == "script":
            return scope.script_scope()
        return scope

    def get_variable(self, name: str, default: Any = None, scope: Scope | None = None) -> Any:
        v = (scope or self.global_scope).lookup(name.lower(), MISSING)
        return default if v is MISSING else v

    def set_variable(self, name: str, value: Any, scope: str | None = None, at: Scope | None = None) -> None:
        target = self._scope_for(scope, at)
        if name != name.lower():
            target.remember_name(name.lower(), name)
        self.assign(target, name.lower(), value)

    def set_variable_description(self, name: str, text: str, scope: str | None = None, at: Scope | None = None) -> None:
        target = self._scope_for(scope, at)
        if target.descriptions is None:
            target.descriptions = {}
        target.descriptions[name.lower()] = text

    def set_variable_option(
        self, name: str, option: str | None, scope: str | None = None, at: Scope | None = None
    ) -> None:
        """-Option ReadOnly / Constant (None clears it, as Set-Variable -Force may)."""
        target = self._scope_for(scope, at)
        if option is None:
            if target.options:
                target.options.pop(name.lower(), None)
            return
        if target.options is None:
            target.options = {}
        target.options[name.lower()] = str(option)

    def remove_variable(self, name: str, scope: str | None = None, at: Scope | None = None) -> bool:
        target = self._scope_for(scope, at)
        owner = target.owner(name.lower()) if scope is None else target
        if owner is not None and name.lower() in owner.vars:
            del owner.vars[name.lower()]
            return True
        return False

    def variable_table(self, scope: Scope | None = None) -> dict:
        chain = []
        s = scope or self.global_scope
        while s is not None:
            chain.append(s)
            s = s.parent
        out: dict = {}
        for s in reversed(chain):
            out.update(s.vars)
        return out

    def assign(self, scope: Scope, key: str, value: Any) -> None:
        if scope.options and scope.options.get(key, "").lower() in ("readonly", "constant"):
            from pscompat.errors import RuntimeError_

            raise RuntimeError_(
                f"Cannot overwrite variable {scope.variable_details(key)[0]} because it is read-only or constant.",
                "VariableNotWritable",
                category="WriteError",
                exception_type="System.Management.Automation.SessionStateUnauthorizedAccessException",
            )
        if scope.types:
            tname = scope.types.get(key)
            if tname is not None:
                from pscompat.values.convert.primitives import convert_to

                value = convert_to(value, tname)
        elif scope.parent is not None:
            owner = scope.owner(key)
            if owner is not None and owner.types and key in owner.types and owner is scope:
                from pscompat.values.convert.primitives import convert_to

                value = convert_to(value, owner.types[key])
        if scope.validators and key in scope.validators:
            from pscompat.engine.validation import validate_variable

            validate_variable(scope.validators[key], value, scope)
        scope.vars[key] = value
        if scope.automation_null is not None:
            scope.automation_null.discard(key)
        if scope is self.global_scope:
            self.assigned.add(key)

    def append_variable(self, scope: Scope, name: str, value: Any) -> None:
        append = name.startswith("+")
        key = name.lstrip("+").lower()
        qual, _, rest = key.partition(":")
        if rest and qual in ("global", "script", "local"):  # -ErrorVariable global:errs
            scope, key = self._scope_for(qual, scope), rest
        current = scope.lookup(key, None) if append else None
        items = list(current) if isinstance(current, list) else ([] if current is None else [current])
        items.append(value)
        scope.vars[key] = items

    def fallback_variable(self, name: str) -> Any:
        if self.variable_fallback is not None:
            found, value = self.variable_fallback(name)
            if found:
                return value
        return None

    # -- aliases and commands --------------------------------------------------------------------
    def set_alias(self, name: str, target: str, description: str = "", option: str = "None") -> None:
        self.aliases[name.lower()] = target
        self.alias_details[name.lower()] = (name, description, option)

    def alias_table(self) -> dict:
        REGISTRY.load()
        table = dict(REGISTRY.aliases)
        table.update(self.aliases)
        return table

    def define_function(self, scope: Scope, name: str, sbv, kind: str = "Function") -> None:
        """`function [global:|script:|local:|private:]name`: defined in that scope, as a
        variable would be (about_Scopes); written in a module's code, bound to the module."""
        target = scope
        qualifier, _, bare = name.partition(":")
        low_q = qualifier.lower()
        if bare and low_q in ("global", "script", "local", "private"):
            name = bare
            if low_q == "global":
                target = self.global_scope
            elif low_q == "script":
                target = scope.script_scope()
        if scope.module is not None:
            sbv = sbv.bound_to(scope.module)
        info = sbv.command_info(name, kind)
        table = target.functions
        if table is None:
            table = target.functions = {}
        table[name.lower()] = info

    def resolve_command(self, name: str, scope: Scope | None = None) -> ResolvedCommand | None:
        low = name.lower()
        target = self.aliases.get(low) or REGISTRY.resolve_alias(low)
        if target is not None and target.lower() != low:
            found = self.resolve_command(target, scope)
            if found is not None:
                return found
        info = scope.find_function(low) if scope is not None else self.functions.get(low)
        if info is not None:
            return ResolvedCommand("function", info.function, info.name)
        info = REGISTRY.get(low)
        if info is not None:
            return ResolvedCommand("cmdlet", info, info.name)
        if "\\" in low and self.module_hooks is not None:  # `ModuleName\command`
            found = self.module_hooks[1](self, name, scope)
            if found is not None:
                return found
        if low.endswith(".ps1") and os.path.isfile(name):
            from pscompat.engine.script_files import check_requires
            from pscompat.engine.scriptblock import ScriptBlockValue
            from pscompat.source import Source, read_script
            from pscompat.syntax.grammar import parse_cached

            text = read_script(name)
            check_requires(text, name, self)
            return ResolvedCommand("script_file", ScriptBlockValue(parse_cached(text, name), Source(text, name)), name)
        if "-" not in low:
            info = REGISTRY.get("get-" + low)
            if info is not None:
                return ResolvedCommand("cmdlet", info, info.name)
        path = find_native(name)
        if path is not None:
            return ResolvedCommand("native", path, name)
        if self.module_hooks is not None and self.module_hooks[0](self, name, scope):
            return self.resolve_command(name, scope)  # a module of $env:PSModulePath exported it
        return None

    def resolve_command_info(self, name: str, scope: Scope | None = None) -> CommandInfo | None:
        low = name.lower()
        found = scope.find_function(low) if scope is not None else self.functions.get(low)
        return found or REGISTRY.get(low)

    # -- errors ----------------------------------------------------------------------------------
    def error_list(self) -> list:
        """$Error: an ArrayList ($Error.Clear(), newest first), made on first use."""
        errors = self.global_scope.vars.get("error")
        if errors is None:
            from pscompat.values.dotnet.collections import ArrayList

            errors = self.global_scope.vars["error"] = ArrayList()
        return errors

    def remember_error(self, rec: ErrorRecord) -> None:
        errors = self.error_list()
        if isinstance(errors, list):
            if not errors or errors[0] is not rec:
                errors.insert(0, rec)
                del errors[256:]
        for frame in self.frames:  # functions called with -ErrorVariable (caught errors too)
            if frame.error_variable is not None and rec not in frame.error_variable:
                frame.error_variable.append(rec)

    def record_error(self, rec: ErrorRecord, action: str, error_variable: str | None, scope: Scope) -> None:
        from pscompat.engine.streams import NOT_REDIRECTED, redirect_target

        self.global_scope.vars["?"] = False
        self.pipeline_failed = True
        if action != "ignore":
            self.remember_error(rec)
        if error_variable:
            self.append_variable(scope, str(error_variable), rec)
        if action == "continue":
            target = redirect_target(self.frames, "2") if self.frames else NOT_REDIRECTED
            if target is NOT_REDIRECTED:
                self.run_errors.append(rec)
                self.host.write_error(rec)
            elif target is not None:
                target(rec)

    def write_stream(self, stream: str, kind: str, text: str, show) -> None:
        """A warning/verbose/debug/information line: to a redirection if one is active, else
        to the host (`show(text)`)."""
        from pscompat.engine.streams import NOT_REDIRECTED, StreamRecord, redirect_target

        target = redirect_target(self.frames, stream) if self.frames else NOT_REDIRECTED
        for frame in self.frames:  # functions called with -WarningVariable / -InformationVariable
            collected = frame.stream_variables.get(stream) if frame.stream_variables else None
            if collected is not None:
                collected.append(StreamRecord(kind, text))
        if target is NOT_REDIRECTED:
            show(text)
        elif target is not None:
            target(StreamRecord(kind, text))

    def statement_error(self, exc: PSError, scope: Scope) -> bool:
        """A statement-terminating error: report it and go on, unless a try/catch or a Stop
        preference wants it (then the caller re-raises)."""
        if isinstance(exc, (ScriptThrow, ActionPreferenceStop, ParseError)) or self.try_depth > 0:
            return False
        if str(scope.lookup("erroractionpreference", "Continue")).lower() == "stop":
            return False
        rec = ErrorRecord.from_error(exc)
        self.global_scope.vars["?"] = False
        failed = self.pipeline_failed  # an error no command wrote: the pipeline around goes on as it was
        self.record_error(rec, "continue", None, scope)
        self.pipeline_failed = failed
        return True

    def last_success(self, scope: Scope) -> bool:
        return bool(self.global_scope.vars.get("?", True))

    # -- running script blocks -------------------------------------------------------------------
    def invoke_filter(self, block, item: Any, scope: Scope) -> bool:
        from pscompat.values.convert.primitives import to_bool

        cb = block.compiled
        vars_ = scope.vars
        old = vars_.get("_", MISSING)
        vars_["_"] = item
        try:
            if cb.expr is not None:
                return to_bool(cb.expr(scope))
            out: list = []
            try:
                if cb.end is not None:
                    cb.end(scope, out.append)
                elif cb.process is not None:
                    cb.process(scope, out.append)
            except ReturnFlow:
                pass
            return to_bool(unwrap(out))
        finally:
            if old is MISSING:
                vars_.pop("_", None)
            else:
                vars_["_"] = old

    def invoke_member_script(self, block, this, args: tuple, scope: Scope, swallow_errors: bool = False):
        """ScriptBlock.DoInvokeReturnAsIs(useLocalScope: true, scriptThis: this), as a script
        property or method runs: a new scope under the one the member was defined in, with
        $this, $args (and param()) set; one object comes back as itself, several as an array."""
        run_scope = Scope(scope, self)
        run_scope.vars["this"] = this
        if swallow_errors and str(scope.lookup("erroractionpreference", "")).lower() != "stop":
            # a getter runs with ErrorHandlingBehavior.SwallowErrors: its non-terminating errors
            # are not shown (under Stop they still end the read, as the preference says)
            run_scope.vars["erroractionpreference"] = "SilentlyContinue"
        # dollarUnder is AutomationNull: the block sees the $_ around it, not a fresh $null
        out = self.invoke_block(block, args, scope.lookup("_", None), True, run_scope)
        if not out:
            return None
        return out[0] if len(out) == 1 else out

    def invoke_block_raising(
        self, block, args=(), dollar_under: Any = None, use_local_scope: bool = False, scope: Scope | None = None
    ) -> list:
        """invoke_block as if inside a try statement: a statement-terminating error raises to the
        caller (a Python API call, Pester's It/Should) instead of being reported and skipped."""
        self.try_depth += 1
        try:
            return self.invoke_block(block, args, dollar_under, use_local_scope, scope)
        finally:
            self.try_depth -= 1

    def invoke_block(
        self, block, args=(), dollar_under: Any = None, use_local_scope: bool = False, scope: Scope | None = None
    ) -> list:
        from pscompat.engine.scriptblock import ScriptBlockValue

        scope = scope or self.global_scope
        if not isinstance(block, ScriptBlockValue):
            return [block]
        cb = block.compiled
        if block.closure is not None or (block.module is not None and block.module is not scope.module):
            scope, use_local_scope = block.scope_for(scope), True
        run_scope = Scope(scope, self) if use_local_scope else scope
        vars_ = run_scope.vars
        saved = {k: vars_.get(k, MISSING) for k in ("_", "args")}
        vars_["_"] = dollar_under
        vars_["args"] = list(args)
        if use_local_scope and cb.decls:
            for i, d in enumerate(cb.decls):
                vars_[d.name.lower()] = (
                    args[i]
                    if i < len(args)
                    else (cb.defaults[d.name.lower()](run_scope) if d.name.lower() in cb.defaults else None)
                )
        out: list = []
        try:
            if cb.expr is not None:
                emit_enumerated(cb.expr(run_scope), out.append)
            else:
                for part in (cb.begin, cb.process, cb.end):
                    if part is not None:
                        try:
                            part(run_scope, out.append)
                        except ReturnFlow:
                            pass
        finally:
            if not use_local_scope:
                for k, v in saved.items():
                    if v is MISSING:
                        vars_.pop(k, None)
                    else:
                        vars_[k] = v
        return out

    def intrinsic_block_method(self, name: str, target: Any, values: list, scope: Scope) -> Any:
        """`.ForEach({...})` and `.Where({...})` on any value (about_Intrinsic_Members)."""
        from pscompat.engine.pipeline.block_calls import filter_caller, filtered, outputs_of_each
        from pscompat.engine.runtime import as_list

        block = values[0]
        items = as_list(target)
        if name == "foreach":
            out: list = []
            if len(values) > 1:
                for item in items:
                    out.extend(self.invoke_block(block, tuple(values[1:]), item, False, scope))
                return out
            return outputs_of_each(self, block, scope, items)
        mode = str(values[1]).lower() if len(values) > 1 else "default"
        count = int(values[2]) if len(values) > 2 else 0
        test = filter_caller(self, block, scope)
        picked = filtered(self, block, scope, items) if mode != "until" else []
        if mode == "first":
            return picked[: count or 1]
        if mode == "last":
            return picked[-(count or 1) :]
        if mode == "skipuntil":
            out, on = [], False
            for i in items:
                on = on or test(i)
                if on:
                    out.append(i)
            return out
        if mode == "until":
            out = []
            for i in items:
                if test(i):
                    break
                out.append(i)
            return out
        if mode == "split":
            rest = [i for i in items if i not in picked]
            return [picked, rest]
        return picked[:count] if count else picked


def find_native(name: str) -> str | None:
    """An executable: a path to one, or a name found on PATH."""
    if "/" in name or os.sep in name:
        return name if os.path.isfile(name) and os.access(name, os.X_OK) else None
    return shutil.which(name)


__all__ = ["ExecutionContext", "find_native"]
