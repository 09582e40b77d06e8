"""Run-time pieces shared by the compiler, the pipeline and the cmdlets.

Flow control travels as Python exceptions (never PSError, so `catch` does not see them);
the output of commands is pushed downstream one object at a time (`emit`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, KeysView, ValuesView
from types import GeneratorType
from typing import Any

from pscompat.errors import ActionPreferenceStop, PSError
from pscompat.source import Source, Span
from pscompat.values.dotnet.type_literals import register_constructor
from pscompat.values.error_records import ErrorRecord, new_error_record

# [System.Management.Automation.ErrorRecord]::new(...): the record a script writes through
# $PSCmdlet.WriteError / ThrowTerminatingError (values/ cannot name it: error_records sits above dotnet)
register_constructor("System.Management.Automation.ErrorRecord", new_error_record)


class StopUpstream(Exception):
    """Raised by a command that wants no more input (Select-Object -First): the commands before
    it stop without running their end blocks; it and the commands after it finish normally."""

    def __init__(self) -> None:
        super().__init__("StopUpstream")
        self.owner: Any = None  # (pipeline run, stage index), stamped by the stage that raised


_ENUMERABLE = (GeneratorType, range, set, frozenset, KeysView, ValuesView, Iterator)


def is_enumerable(value: Any) -> bool:
    """What PowerShell unrolls when written to the pipeline: arrays and other IEnumerables,
    but not strings or dictionaries."""
    if isinstance(value, (list, tuple)):
        return True
    if isinstance(value, (str, dict, bytes)):
        return False
    return isinstance(value, _ENUMERABLE)


def emit_enumerated(value: Any, emit: Callable[[Any], None]) -> None:
    if isinstance(value, (list, tuple)) or (not isinstance(value, (str, dict)) and isinstance(value, _ENUMERABLE)):
        for item in value:
            emit(item)
    else:
        emit(value)


def unwrap(items: list) -> Any:
    """A statement's collected output as a value: nothing -> $null, one -> itself, more -> array."""
    n = len(items)
    if n == 0:
        return None
    if n == 1:
        return items[0]
    return items


def as_list(value: Any) -> list:
    if value is None:
        return []
    if isinstance(value, list):
        return value
    if is_enumerable(value):
        return list(value)
    return [value]


class Enumerator:
    """$foreach / $switch: the loop's IEnumerator, so a script can skip ahead with MoveNext()."""

    PS_TYPE_NAMES = ("System.Collections.IEnumerator", "System.Object")
    PS_PROPERTIES = ("Current",)

    def __init__(self, items):
        self._items = items
        self._i = -1

    def MoveNext(self) -> bool:
        self._i += 1
        return self._i < len(self._items)

    @property
    def Current(self):
        return self._items[self._i] if 0 <= self._i < len(self._items) else None

    def Reset(self) -> None:
        self._i = -1


class CommandRuntime:
    """Per-invocation services behind Cmdlet.write_error & co (PowerShell's ICommandRuntime)."""

    def __init__(self, ctx, scope, name: str, span: Span | None, source: Source | None, common: dict):
        self.ctx = ctx
        self.scope = scope
        self.name = name
        self.span = span
        self.source = source
        self.common = common
        self.info = None  # the CommandInfo (its ConfirmImpact), set by the pipeline's builder
        self.preference_scope = scope  # where $ConfirmPreference/$WhatIfPreference are read
        self.consent = None  # 'yes_to_all' / 'no_to_all' once answered (this invocation only)
        self.errors_written = False  # -ErrorVariable: the first error replaces it, the rest append

    # -- preferences ---------------------------------------------------------------------
    def _preference(self, common_key: str, variable: str, default: str) -> str:
        value = self.common.get(common_key)
        if value is None:
            value = self.scope.lookup(variable, None)
        return str(value) if value is not None else default

    @property
    def verbose_enabled(self) -> bool:
        if "Verbose" in self.common:
            return bool(self.common["Verbose"])
        return str(self.scope.lookup("verbosepreference", "SilentlyContinue")).lower() == "continue"

    @property
    def debug_enabled(self) -> bool:
        if "Debug" in self.common:
            return bool(self.common["Debug"])
        return str(self.scope.lookup("debugpreference", "SilentlyContinue")).lower() == "continue"

    # -- streams -------------------------------------------------------------------------
    def record(self, message: str, error_id: str, category: str, target: Any, exception_type: str) -> ErrorRecord:
        fqid = error_id if "," in error_id else f"{error_id},{self.command_class_name}"
        return ErrorRecord(
            message,
            fqid,
            category,
            target,
            command=self.name,
            span=self.span,
            source=self.source,
            exception_type=exception_type,
        )

    @property
    def command_class_name(self) -> str:
        info = self.ctx.resolve_command_info(self.name)
        if info is not None and info.cls is not None:
            module = info.module or "Microsoft.PowerShell.Commands"
            if module.startswith("Microsoft.PowerShell"):
                module = "Microsoft.PowerShell.Commands"
            return f"{module}.{info.name.replace('-', '')}Command"
        return self.name

    def write_error(
        self, message, error_id, category="NotSpecified", target=None, exception_type="System.Exception"
    ) -> None:
        self.write_error_record(self.record(message, error_id, category, target, exception_type))

    def write_error_record(self, rec: ErrorRecord) -> None:
        action = self._preference("ErrorAction", "erroractionpreference", "Continue").lower()
        variable = self.common.get("ErrorVariable")
        if variable and self.errors_written and not str(variable).startswith("+"):
            variable = "+" + str(variable)  # every error of this one command is kept
        self.errors_written = True
        if action == "stop":
            name = variable
            if name:  # the error is still recorded before it becomes terminating
                self.ctx.append_variable(self.scope, str(name), rec)
            err = ActionPreferenceStop(
                rec.message,
                rec.fully_qualified_error_id,
                span=rec.span,
                source=rec.source,
                category=rec.category,
                reason=rec.command,
                target=rec.target_object,
                exception_type=rec.exception_type,
            )
            err.error_record = rec
            raise err
        self.ctx.record_error(rec, action, variable, self.scope)

    def terminating_error(
        self, message, error_id, category="NotSpecified", target=None, exception_type="System.Exception"
    ) -> PSError:
        rec = self.record(message, error_id, category, target, exception_type)
        err = PSError(
            message,
            rec.fully_qualified_error_id,
            span=self.span,
            source=self.source,
            category=category,
            reason=self.name,
            target=target,
            exception_type=exception_type,
        )
        err.error_record = rec
        return err

    def write_verbose(self, text: str) -> None:
        if self.verbose_enabled:
            self.ctx.write_stream("4", "Verbose", str(text), self.ctx.host.write_verbose)

    def write_debug(self, text: str) -> None:
        if self.debug_enabled:
            self.ctx.write_stream("5", "Debug", str(text), self.ctx.host.write_debug)

    def write_warning(self, text: str) -> None:
        action = self._preference("WarningAction", "warningpreference", "Continue").lower()
        if action in ("silentlycontinue", "ignore"):
            return
        if action == "stop":
            self.ctx.write_stream("3", "Warning", str(text), self.ctx.host.write_warning)
            raise ActionPreferenceStop(
                f'The running command stopped because the preference variable "WarningPreference" '
                f"or common parameter is set to Stop: {text}",
                "ActionPreferenceStop",
                span=self.span,
                source=self.source,
                reason=self.name,
            )
        self.ctx.write_stream("3", "Warning", str(text), self.ctx.host.write_warning)
        name = self.common.get("WarningVariable")
        if name:
            self.ctx.append_variable(self.scope, str(name), str(text))

    def write_information(self, data: Any, tags: tuple = ()) -> None:
        action = self._preference("InformationAction", "informationpreference", "SilentlyContinue").lower()
        if action == "continue" or self.ctx.frames:
            self.ctx.write_stream(
                "6",
                "Information",
                data if isinstance(data, str) else str(data),
                lambda text: self.ctx.host.write_information(data, show=action == "continue"),
            )
        else:
            self.ctx.host.write_information(data, show=False)

    def write_host(self, text: str, newline: bool = True, foreground=None, background=None) -> None:
        # Write-Host writes an information record (PowerShell 5+): `6>&1` captures it
        self.ctx.write_stream(
            "6", "Information", text, lambda t: self.ctx.host.write_host(t, newline, foreground, background)
        )

    def write_progress(self, activity, status="", percent=-1, completed=False, id=0) -> None:
        action = self._preference("ProgressAction", "progresspreference", "Continue").lower()
        if action not in ("silentlycontinue", "ignore"):
            self.ctx.host.progress(activity, status, percent, completed, id)

    def should_process(self, target: str, action: str, impact=None, echo: bool = True) -> bool:
        """ShouldProcess(target, action): see pscompat.engine.consent."""
        from pscompat.engine.consent import PERFORMING, should_process

        return should_process(self, PERFORMING.format(action, target), impact=impact, echo=echo)

    def should_continue(self, query: str, caption: str | None = None, to_all: list | None = None) -> bool:
        from pscompat.engine.consent import should_continue

        return should_continue(self, query, caption, to_all)

    # -- script blocks ---------------------------------------------------------------------
    def invoke_filter(self, block, item: Any) -> bool:
        return self.ctx.invoke_filter(block, item, self.scope)

    def invoke_block(self, block, args=(), dollar_under=None, use_local_scope=False) -> list:
        return self.ctx.invoke_block(block, args, dollar_under, use_local_scope, self.scope)

    def invoke_block_iter(self, block, args=(), dollar_under=None, use_local_scope=False):
        return iter(self.ctx.invoke_block(block, args, dollar_under, use_local_scope, self.scope))
