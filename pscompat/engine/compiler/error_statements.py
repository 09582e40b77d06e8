"""Error statements compiled: try/catch/finally, trap and throw (about_Try_Catch_Finally,
about_Trap, about_Throw), and how a catch type matches a PowerShell error."""

from __future__ import annotations

from collections.abc import Callable

from pscompat.engine.scope import MISSING
from pscompat.errors import BreakFlow, ContinueFlow, PSError, ScriptThrow
from pscompat.syntax import nodes as N
from pscompat.values.dotnet.exceptions import bases_lower
from pscompat.values.error_records import ErrorRecord

_EXCEPTION_PARENTS = {
    "system.dividebyzeroexception": ("system.arithmeticexception", "system.systemexception"),
    "system.management.automation.commandnotfoundexception": ("system.management.automation.runtimeexception",),
    "system.management.automation.parameterbindingexception": ("system.management.automation.runtimeexception",),
    "system.management.automation.actionpreferencestopexception": ("system.management.automation.runtimeexception",),
    "system.management.automation.itemnotfoundexception": (
        "system.management.automation.sessionstateexception",
        "system.management.automation.runtimeexception",
    ),
    "system.management.automation.methodinvocationexception": ("system.management.automation.runtimeexception",),
    "system.management.automation.psinvalidcastexception": (
        "system.invalidcastexception",
        "system.management.automation.runtimeexception",
    ),
    "system.formatexception": ("system.systemexception",),
    "system.argumentnullexception": ("system.argumentexception", "system.systemexception"),
    "system.argumentoutofrangeexception": ("system.argumentexception", "system.systemexception"),
    "system.overflowexception": ("system.arithmeticexception", "system.systemexception"),
    "system.io.filenotfoundexception": ("system.io.ioexception", "system.systemexception"),
    "system.io.directorynotfoundexception": ("system.io.ioexception", "system.systemexception"),
}


def _inner_types(err: BaseException) -> list[str]:
    """The .NET exception types wrapped inside a PowerShell error: `catch [FormatException]`
    catches `[int]::Parse('x')`, whose error is a MethodInvocationException around it."""
    out = []
    cause = err.__cause__
    while cause is not None and len(out) < 4:
        name = getattr(cause, "exception_type", None) or getattr(cause, "exception_name", None)
        if name:
            out.append(name if "." in name else "System." + name)
        cause = cause.__cause__
    return out


def exception_matches(err: PSError, type_name: str) -> bool:
    want = type_name.lower()
    if want in ("exception", "system.exception"):
        return True
    for actual in [err.exception_type] + _inner_types(err):
        actual = actual.lower()
        chain = (
            (actual,)
            + _EXCEPTION_PARENTS.get(actual, ())
            + bases_lower(actual)
            + (
                ("system.management.automation.runtimeexception",)
                if actual.startswith("system.management.automation")
                else ()
            )
        )
        for name in chain:
            if want == name or want == name.rsplit(".", 1)[-1]:
                return True
    return False


def make_throw(value, span, source) -> PSError:
    if isinstance(value, ErrorRecord):
        err = ScriptThrow(
            value.message,
            value.fully_qualified_error_id,
            span=span,
            source=source,
            reason="Exception",
            exception_type=value.exception_type,
        )
        err.error_record = value
        return err
    if isinstance(value, PSError):
        return value
    from pscompat.values.dotnet.exceptions import DotNetException

    if isinstance(value, DotNetException):  # `throw [ArgumentException]::new('bad')`
        err = ScriptThrow(
            value.Message,
            value.Message,
            span=span,
            source=source,
            reason="Exception",
            category="OperationStopped",
            target=value,
            exception_type=value.full_name,
        )
        err.__cause__ = value.InnerException if isinstance(value.InnerException, BaseException) else None
        return err
    from pscompat.values.convert.strings import to_string

    if value is None:
        return ScriptThrow(
            "ScriptHalted", "ScriptHalted", span=span, source=source, reason="Exception", category="OperationStopped"
        )
    message = to_string(value)
    err = ScriptThrow(
        message, message, span=span, source=source, reason="Exception", category="OperationStopped", target=value
    )
    return err


Stmt = Callable  # fn(scope, emit)


class ErrorStatements:
    """Mixin of StatementCompiler: the statements that raise and handle errors."""

    def trapped(self, stmts, traps) -> Stmt:
        """Statements under `trap`: a terminating error runs the first matching trap; `continue`
        there resumes silently at the next statement, `break` rethrows, and falling off the end
        reports the error and resumes (about_Trap)."""
        fns = [self.stmt(s) for s in stmts]
        handlers = [(tuple(t.name for t in trap.types), self.block(trap.body)) for trap in traps]

        def run(scope, emit):
            for fn in fns:
                try:
                    fn(scope, emit)
                except PSError as exc:
                    handler = next(
                        (
                            body
                            for types, body in handlers
                            if not types or any(exception_matches(exc, t) for t in types)
                        ),
                        None,
                    )
                    if handler is None:
                        if not scope.ctx.statement_error(exc, scope):
                            raise
                        continue
                    rec = ErrorRecord.from_error(exc)
                    scope.ctx.remember_error(rec)
                    old = scope.vars.get("_", MISSING)
                    scope.vars["_"] = rec
                    try:
                        handler(scope, emit)
                    except ContinueFlow:
                        continue
                    except BreakFlow:
                        raise exc from None
                    finally:
                        if old is MISSING:
                            scope.vars.pop("_", None)
                        else:
                            scope.vars["_"] = old
                    scope.ctx.record_error(rec, "continue", None, scope)

        return run

    def s_Trap(self, node) -> Stmt:  # a trap nested where statements cannot hold it: inert
        return lambda scope, emit: None

    def s_Throw(self, node: N.Throw) -> Stmt:
        value = self.value(node.pipeline) if node.pipeline else None
        span, source = node.span, self.source

        def throw(scope, emit):
            if value is None:
                current = scope.lookup("_", None)
                if isinstance(current, ErrorRecord):  # a bare `throw` in a catch block rethrows
                    exc = current.exception
                    raise exc if isinstance(exc, PSError) else make_throw(current, span, source)
                v = None
            else:
                v = value(scope)
            raise make_throw(v, span, source)

        return throw

    def s_Try(self, node: N.Try) -> Stmt:
        body = self.block(node.body)
        catches = [(tuple(t.name for t in c.types), self.block(c.body)) for c in node.catches]
        final = self.block(node.finally_) if node.finally_ else None

        def run(scope, emit):
            ctx = scope.ctx
            try:
                ctx.try_depth += 1
                try:
                    body(scope, emit)
                finally:
                    ctx.try_depth -= 1
            except PSError as exc:
                for types, cbody in catches:
                    if not types or any(exception_matches(exc, t) for t in types):
                        rec = ErrorRecord.from_error(exc)
                        ctx.remember_error(rec)
                        old = scope.vars.get("_", MISSING)
                        scope.vars["_"] = rec
                        try:
                            cbody(scope, emit)
                        finally:
                            if old is MISSING:
                                scope.vars.pop("_", None)
                            else:
                                scope.vars["_"] = old
                        break
                else:
                    raise
            finally:
                if final is not None:
                    final(scope, emit)

        return run
