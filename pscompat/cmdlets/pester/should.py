"""Should: collects what is piped to it, then runs the chosen operator (Pester 5's
src/functions/assertions/Should.ps1); -Throw runs a script block and checks what it threw
(PesterThrow.ps1).  A failed assertion is a terminating error with the id PesterAssertionFailed
at the Should line, which the runner shows as Pester does."""

from __future__ import annotations

from typing import Any

from pscompat.cmdlets.pester import assertions
from pscompat.cmdlets.pester.nicely import because, format_nicely, join_and
from pscompat.engine.commands import Cmdlet, Parameter, cmdlet
from pscompat.engine.scriptblock import ScriptBlockValue
from pscompat.errors import PSError
from pscompat.values.error_records import ErrorRecord
from pscompat.values.operators.patterns import wildcard_match

_SWITCHES = (
    ("Be", ("EQ",)),
    ("BeExactly", ("CEQ",)),
    ("BeGreaterThan", ("GT",)),
    ("BeGreaterOrEqual", ("GE",)),
    ("BeLessThan", ("LT",)),
    ("BeLessOrEqual", ("LE",)),
    ("BeIn", ()),
    ("BeLike", ()),
    ("BeLikeExactly", ()),
    ("BeNullOrEmpty", ()),
    ("BeOfType", ("HaveType",)),
    ("BeTrue", ()),
    ("BeFalse", ()),
    ("Contain", ()),
    ("Exist", ()),
    ("FileContentMatch", ()),
    ("FileContentMatchExactly", ()),
    ("FileContentMatchMultiline", ()),
    ("FileContentMatchMultilineExactly", ()),
    ("HaveCount", ()),
    ("HaveParameter", ()),
    ("Match", ()),
    ("MatchExactly", ("CMATCH",)),
    ("Throw", ()),
    ("Invoke", ()),
    ("InvokeVerifiable", ()),
)

ASSERTION_FAILED = "PesterAssertionFailed"
_OPERATOR_NAMES = {alias.lower(): name for name, aliases in _SWITCHES for alias in (name, *aliases)}


def _legacy_form(bound: dict) -> str | None:
    """Pester 4 still reads Pester 3's form without dashes, `Should Be 1`, `Should Not Throw`,
    `Should BeOfType [type]` (Pester 4's Should.ps1, the legacy parameter set of three positional
    arguments): the operator and its value are rewritten into `bound` as the dashed form binds
    them.  None when the words name no operator."""
    words = [bound.pop(key) for key in ("ExpectedValue", "Times", "LegacyArg3") if key in bound]
    negate = bool(words) and isinstance(words[0], str) and words[0].lower() == "not"
    if negate:
        words = words[1:]
    op = _OPERATOR_NAMES.get(words[0].lower()) if words and isinstance(words[0], str) else None
    if op is None or len(words) > 2:
        return None
    bound[op] = True
    if negate:
        bound["Not"] = True
    if len(words) == 2:
        bound["ExpectedValue"] = words[1]
    return op


def assertion_error(message: str, runtime) -> PSError:
    """The terminating error a failed Should raises, positioned at the Should command."""
    return PSError(
        message,
        ASSERTION_FAILED,
        span=runtime.span,
        source=runtime.source,
        category="InvalidResult",
        reason="Should",
        exception_type="System.Exception",
    )


@cmdlet(
    "Should",
    module="Pester",
    synopsis="Asserts a condition on a value inside a Pester test.",
    description="Pipe the actual value to Should and name one operator (-Be, -BeExactly, -Match, "
    "-Throw...); -Not negates it and -Because adds a reason to the failure message.",
    examples=(
        ("1 + 1 | Should -Be 2", "Passes."),
        ("{ throw 'boom' } | Should -Throw 'boom'", "Passes: the block threw that message."),
    ),
)
class Should(Cmdlet):
    parameters = (
        Parameter("ActualValue", "object", pipeline=True, allow_null=True),
        *(Parameter(name, "switch", aliases=aliases) for name, aliases in _SWITCHES),
        Parameter("Not", "switch"),
        Parameter("ExpectedValue", "object", position=0, allow_null=True, aliases=("CommandName", "ParameterName")),
        # -Times is an int for -Invoke; untyped here because Pester 4's legacy form
        # `Should [Not] Operator [value]` puts words in the first three positions
        Parameter("Times", "object", position=1),
        Parameter("LegacyArg3", "object", position=2, allow_null=True),
        Parameter("Because", "string"),
        Parameter("ExpectedMessage", "string"),
        Parameter("ErrorId", "string"),
        Parameter("ExceptionType", "object"),
        Parameter("PassThru", "switch"),
        Parameter("ExpectedType", "object"),
        Parameter("ExpectedContent", "object"),
        Parameter("RegularExpression", "object"),
        Parameter("Exactly", "switch"),
        Parameter("Scope", "string"),
        Parameter("ParameterFilter", "scriptblock"),
        Parameter("ExclusiveFilter", "scriptblock"),
        Parameter("ModuleName", "string"),
        Parameter("Type", "object"),
        Parameter("DefaultValue", "object"),
        Parameter("Mandatory", "switch"),
        Parameter("HasArgumentCompleter", "switch"),
        Parameter("Alias", "string[]"),
        Parameter("InParameterSet", "string"),
        Parameter("LiteralPath", "switch"),
        Parameter("CallerSessionState", "object"),
    )

    def begin(self):
        self._inputs: list = []

    def process(self):
        if "ActualValue" in self.bound:
            self._inputs.append(self.bound["ActualValue"])

    def end(self):
        bound = self.bound
        op = next((name for name, _ in _SWITCHES if bound.get(name)), None)
        if op is None:
            op = _legacy_form(bound)
        if op is None:
            self.throw_terminating(
                "Could not find a Should operator: name one, as in Should -Be 2.",
                "ShouldOperatorMissing",
                "InvalidArgument",
            )
        negate = bool(bound.get("Not"))
        bec = because(bound.get("Because"))
        if op == "Throw":
            return self._throw(negate, bec)
        if op in ("Invoke", "InvokeVerifiable"):
            from pscompat.cmdlets.pester.mocks import assert_invoked, assert_verifiable

            message = (
                assert_invoked(self.ctx, bound, negate, bec)
                if op == "Invoke"
                else assert_verifiable(self.ctx, negate, bec)
            )
            if message:
                raise assertion_error(message, self.runtime)
            return None
        if op == "HaveParameter":
            from pscompat.cmdlets.pester.parameters import have_parameter

            values = self._values(False)
            for value in values:
                message = have_parameter(self.ctx, value, bound, negate, bec, self.runtime.scope)
                if message:
                    raise assertion_error(message, self.runtime)
            return None
        check = assertions.OPERATORS.get(op)
        path_check = assertions.PATH_OPERATORS.get(op)
        for value in self._values(op in assertions.ARRAY_INPUT):
            if check is not None:
                message = check(value, bound, negate, bec)
            else:
                message = path_check(value, bound, negate, bec, self.ctx)
            if message:
                raise assertion_error(message, self.runtime)
        return None

    def _values(self, array_input: bool) -> list:
        """What the operator is called with: once with $null when nothing came, once with the
        whole piped collection for array operators, else once per object (Should's end block)."""
        if not self._inputs:
            return [None]
        if array_input:
            if _named_actual(self.runtime):
                return [self._inputs[0]]
            return [list(self._inputs)]
        return list(self._inputs)

    # -- -Throw --------------------------------------------------------------------------------
    def _throw(self, negate: bool, bec: str):
        block = self._inputs[0] if self._inputs else None
        if not isinstance(block, ScriptBlockValue):
            self.throw_terminating(
                "Input is missing or not a ScriptBlock. Input to '-Throw' and '-Not -Throw' must be enclosed in curly braces.",
                "ArgumentException",
                "InvalidArgument",
                exception_type="System.ArgumentException",
            )
        thrown: PSError | None = None
        ctx = self.ctx
        try:
            ctx.invoke_block_raising(block, (), None, True, self.runtime.scope)
        except PSError as err:
            thrown = err
        if negate:
            if thrown is None:
                return None
            raise assertion_error(
                f'Expected no exception to be thrown,{bec} but an exception "{thrown.message}" was thrown '
                f"{_line_info(thrown)}.",
                self.runtime,
            )
        bound = self.bound
        expected_message = bound.get("ExpectedMessage")
        if expected_message is None and isinstance(bound.get("ExpectedValue"), str):
            expected_message = bound.get("ExpectedValue")
        error_id = bound.get("ErrorId")
        exc_type = bound.get("ExceptionType")
        filters: list[str] = []
        buts: list[str] = []
        if exc_type is not None:
            filters.append(f"type {format_nicely(exc_type)}")
            if thrown is not None and not _exception_is(thrown, exc_type):
                from pscompat.values.dotnet.type_literals import resolve_type_info

                buts.append(f"the exception type was {format_nicely(resolve_type_info(thrown.exception_type))}")
        if expected_message and expected_message.strip():
            unescaped = _unescape_wildcard(expected_message)
            filters.append(f"message like {format_nicely(unescaped)}")
            if thrown is not None and not wildcard_match(expected_message, thrown.message):
                buts.append(f"the message was {format_nicely(thrown.message)}")
        if error_id and error_id.strip():
            filters.append(f"FullyQualifiedErrorId {format_nicely(error_id)}")
            if thrown is not None and not wildcard_match(error_id, thrown.fully_qualified_error_id):
                buts.append(f"the FullyQualifiedErrorId was {format_nicely(thrown.fully_qualified_error_id)}")
        if thrown is None:
            buts.append("no exception was thrown")
        if buts:
            with_filter = f" with {join_and(filters)}" if filters else ""
            line = _line_info(thrown) if thrown is not None else ""
            message = f"Expected an exception{with_filter} to be thrown,{bec} but {join_and(buts)}. {line}".strip()
            raise assertion_error(message, self.runtime)
        if bound.get("PassThru"):
            return [ErrorRecord.from_error(thrown)]
        return None


def _named_actual(runtime) -> bool:
    source, span = runtime.source, runtime.span
    if source is None or span is None:
        return False
    return "-actualvalue" in source.segment(span).lower()


def _unescape_wildcard(text: str) -> str:
    out, i = [], 0
    while i < len(text):
        if text[i] == "`" and i + 1 < len(text):
            out.append(text[i + 1])
            i += 2
            continue
        out.append(text[i])
        i += 1
    return "".join(out)


_EXCEPTION_BASES = {
    "system.exception": None,
    "system.systemexception": None,
    "system.management.automation.runtimeexception": (
        "system.management.automation.runtimeexception",
        "system.management.automation.parameterbindingexception",
        "system.management.automation.actionpreferencestopexception",
        "system.management.automation.parseexception",
        "system.management.automation.commandnotfoundexception",
    ),
    "system.argumentexception": (
        "system.argumentexception",
        "system.argumentnullexception",
        "system.argumentoutofrangeexception",
    ),
}


def _exception_is(err: PSError, expected: Any) -> bool:
    want = str(getattr(expected, "full_name", expected)).lower().strip("[]")
    have = (err.exception_type or "System.Exception").lower()
    if have == want or want == "system.exception":
        return True
    family = _EXCEPTION_BASES.get(want)
    if want == "system.systemexception":
        return have != "system.exception"
    return bool(family) and have in family


def _line_info(err: PSError | None) -> str:
    """Get-ExceptionLineInfo: the error's position message with 'At' turned into 'from'."""
    if err is None or err.span is None or err.source is None:
        return ""
    source = err.source
    line, col = source.coord(err.span.start)
    name = source.name if not source.name.startswith("<") else "line"
    text = source.line_text(line)
    end_line, end_col = source.coord(max(err.span.start, err.span.end - 1))
    width = (end_col - col + 1) if end_line == line else len(text) - col + 1
    marker = "+ " + " " * (col - 1) + "~" * max(1, width)
    return f"from {name}:{line} char:{col}\n    + {text}\n    {marker}"
