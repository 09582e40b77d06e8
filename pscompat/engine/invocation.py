"""What a running function sees about its own call: $MyInvocation and, in advanced functions,
$PSCmdlet (about_Automatic_Variables, about_Functions_CmdletBindingAttribute)."""

from __future__ import annotations

from typing import Any


class CommandRef:
    PS_TYPE_NAMES = (
        "System.Management.Automation.FunctionInfo",
        "System.Management.Automation.CommandInfo",
        "System.Object",
    )
    PS_PROPERTIES = ("CommandType", "Name", "Definition")

    def __init__(self, info, script_path: str | None = None):
        self.Name = info.name
        self.CommandType = info.command_type
        self.Definition = info.function.text if info.function is not None else ""
        self.Parameters = {p.name: p for p in info.parameters}
        self.Path = ""
        # a function written in a module: its PSModuleInfo (engine/modules/) and name
        self.Module = getattr(info.function, "module", None)
        self.ModuleName = info.module
        if script_path is not None:  # an ExternalScriptInfo: named by its file, defined by its path
            import os

            self.Path = self.Definition = os.path.abspath(script_path)
            self.Name, self.CommandType = os.path.basename(script_path), "ExternalScript"

    def ToString(self) -> str:
        return self.Name

    __str__ = ToString


class InvocationInfo:
    PS_TYPE_NAMES = ("System.Management.Automation.InvocationInfo", "System.Object")
    PS_PROPERTIES = (
        "MyCommand",
        "BoundParameters",
        "UnboundArguments",
        "ScriptLineNumber",
        "OffsetInLine",
        "ScriptName",
        "Line",
        "PositionMessage",
        "InvocationName",
        "PipelineLength",
        "PipelinePosition",
        "ExpectingInput",
    )

    def __init__(
        self,
        info,
        invocation_name: str,
        bound,
        unbound: list,
        span,
        source,
        position: int = 1,
        length: int = 1,
        expecting_input: bool = False,
        script_path: str | None = None,
    ):
        self.InvocationName = invocation_name
        self.BoundParameters = bound
        self.UnboundArguments = unbound
        self.PipelinePosition, self.PipelineLength = position, length
        self.ExpectingInput = expecting_input
        # the rest is computed when first read (every function call makes one of these; few
        # scripts look at it): see __getattr__
        self._where = (info, script_path, span, source)

    def __getattr__(self, name: str) -> Any:
        if name not in _LAZY:
            raise AttributeError(name)
        info, script_path, span, source = self.__dict__["_where"]
        self.MyCommand = CommandRef(info, script_path)
        line, col = source.coord(span.start) if source is not None and span is not None else (0, 0)
        self.ScriptLineNumber, self.OffsetInLine = line, col
        self.Line = source.line_text(line) if line else ""
        self.ScriptName = source.name if source is not None and not source.name.startswith("<") else ""
        # the caller's script: where the command was invoked from (about_Automatic_Variables, $MyInvocation)
        import os

        self.PSCommandPath = os.path.abspath(self.ScriptName) if self.ScriptName else ""
        self.PSScriptRoot = os.path.dirname(self.PSCommandPath) if self.ScriptName else ""
        self.PositionMessage = f"At {self.ScriptName or 'line'}:{line} char:{col}\n+ {self.Line}" if line else ""
        return self.__dict__[name]


_LAZY = frozenset(
    (
        "MyCommand",
        "ScriptLineNumber",
        "OffsetInLine",
        "Line",
        "ScriptName",
        "PSCommandPath",
        "PSScriptRoot",
        "PositionMessage",
    )
)


class PSCmdlet:
    """$PSCmdlet: the advanced function's view of the cmdlet runtime."""

    PS_TYPE_NAMES = (
        "System.Management.Automation.PSScriptCmdlet",
        "System.Management.Automation.PSCmdlet",
        "System.Object",
    )
    PS_PROPERTIES = ("ParameterSetName", "MyInvocation", "CommandRuntime")

    def __init__(self, runtime, parameter_set: str, invocation: InvocationInfo, emit):
        self._runtime = runtime
        self._emit = emit
        self.ParameterSetName = parameter_set
        self.MyInvocation = invocation
        self.CommandRuntime = runtime

    def WriteObject(self, obj: Any, enumerate_collection: bool = False) -> None:
        from pscompat.engine.runtime import emit_enumerated

        if enumerate_collection:
            emit_enumerated(obj, self._emit())
        else:
            self._emit()(obj)

    def WriteVerbose(self, text) -> None:
        self._runtime.write_verbose(str(text))

    def WriteWarning(self, text) -> None:
        self._runtime.write_warning(str(text))

    def WriteDebug(self, text) -> None:
        self._runtime.write_debug(str(text))

    def WriteError(self, record) -> None:
        self._runtime.write_error_record(self._stamped(record))

    def _stamped(self, record):
        """The record as the command writes it: its FullyQualifiedErrorId gains `,<function name>`
        and the concise view names the function (ErrorRecord.SetInvocationInfo: an id is followed
        by the name of the script command that wrote it)."""
        name = self.MyInvocation.MyCommand.Name
        fqid = record.fully_qualified_error_id
        if name and fqid and "," not in fqid:
            record.fully_qualified_error_id = f"{fqid},{name}"
        if not record.command:
            record.command = name or None
        if record.span is None:
            record.span, record.source = self._runtime.span, self._runtime.source
        return record

    def WriteInformation(self, data, tags=()) -> None:
        self._runtime.write_information(data, tuple(tags or ()))

    def ThrowTerminatingError(self, record) -> None:
        from pscompat.errors import PSError

        record = self._stamped(record)
        err = PSError(
            record.message,
            record.fully_qualified_error_id,
            reason=self.MyInvocation.MyCommand.Name,
            category=record.category,
            exception_type=record.exception_type,
        )
        err.error_record = record
        raise err

    def ShouldProcess(self, target, action=None, caption=None, reason=None) -> bool:
        """ShouldProcess(target), (target, action), or (verboseDescription, verboseWarning,
        caption): see pscompat.engine.consent.  A 4th [ref] argument gets the reason
        ('WhatIf' or 'None')."""
        from pscompat.engine.consent import PERFORMING, should_process, what_if_set

        if caption is None:
            if action is None:
                action = self.MyInvocation.MyCommand.Name
            answer = should_process(self._runtime, PERFORMING.format(_text(action), _text(target)))
        else:
            answer = should_process(self._runtime, _text(target), _text(action), _text(caption))
        if reason is not None and hasattr(reason, "Value"):
            reason.Value = "WhatIf" if what_if_set(self._runtime) else "None"
        return answer

    def ShouldContinue(self, query, caption=None) -> bool:
        """ShouldContinue(query, caption): always asks, Yes or No.  (The overload with
        [ref]$yesToAll, [ref]$noToAll waits for [ref], which pscompat does not have yet.)"""
        from pscompat.engine.consent import should_continue

        return should_continue(self._runtime, _text(query), _text(caption))

    def GetVariableValue(self, name: str, default=None):
        return self._runtime.scope.lookup(name.lower(), default)


def _text(value) -> str:
    from pscompat.values.convert.strings import to_string

    return "" if value is None else to_string(value)
