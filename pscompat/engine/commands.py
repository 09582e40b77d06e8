"""The cmdlet registry: one declaration per cmdlet drives binding, Get-Help, Get-Command and
tab completion.

A cmdlet is a class:

    @cmdlet("Where-Object", aliases=("where", "?"), module="Microsoft.PowerShell.Core",
            synopsis="Selects objects from a collection based on their property values.",
            examples=(("1..5 | Where-Object {$_ -gt 2}", "Numbers above two."),))
    class WhereObject(Cmdlet):
        parameters = (
            Parameter("FilterScript", "scriptblock", position=0, mandatory=True, sets=("ScriptBlock",)),
            Parameter("InputObject", "psobject", pipeline=True),
        )

        def process(self):
            if self.invoke_filter(self.FilterScript, self.InputObject):
                yield self.InputObject

The binder sets each parameter as an attribute under its declared name (unbound ones hold
their default: None, or False for switches).  `begin`, `process` and `end` may return None,
an iterable, or be generators; every object they produce goes down the pipeline as is
(a list yielded is ONE object; use `yield from` to emit elements).
`process` runs once per pipeline object, or once when the command is first in a pipeline.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, ClassVar, NamedTuple


@dataclass(frozen=True)
class Parameter:
    name: str
    type: str = "object"  # PowerShell type name: 'string', 'string[]', 'int', 'switch', 'scriptblock',
    #                       'object', 'object[]', 'psobject', 'hashtable', 'datetime', 'bool', 'double'...
    position: int | None = None
    mandatory: bool = False
    aliases: tuple = ()
    sets: tuple = ()  # parameter set names; () = every set
    pipeline: bool = False  # ValueFromPipeline
    pipeline_by_name: bool = False  # ValueFromPipelineByPropertyName
    remaining: bool = False  # ValueFromRemainingArguments
    validate_set: tuple | None = None
    default: Any = None
    help: str = ""
    completer: Callable[..., Iterable[str]] | None = None  # (ctx, prefix) -> candidate values
    mandatory_sets: tuple | None = None  # sets where mandatory (None = all sets it is in)
    positions: dict | None = None  # per-set position overrides {set: position}
    # [ValidateRange()], [ValidateScript()]...: callables (value, binder) that raise
    # ValueError(message) for a bad argument; and the [AllowNull()]-family exemptions.
    validators: tuple = ()
    allow_null: bool = False
    allow_empty_string: bool = False
    allow_empty_collection: bool = False
    validate_set_message: str | None = None  # [ValidateSet(..., ErrorMessage = '...')]

    @property
    def is_switch(self) -> bool:
        return self.type == "switch"

    def in_set(self, set_name: str) -> bool:
        return not self.sets or set_name in self.sets

    def position_in(self, set_name: str) -> int | None:
        if self.positions and set_name in self.positions:
            return self.positions[set_name]
        return self.position

    def mandatory_in(self, set_name: str) -> bool:
        if not self.mandatory:
            return False
        return self.mandatory_sets is None or set_name in self.mandatory_sets


# Every cmdlet and advanced function has these (about_CommonParameters).
COMMON_PARAMETERS = (
    Parameter("Verbose", "switch", aliases=("vb",)),
    Parameter("Debug", "switch", aliases=("db",)),
    Parameter(
        "ErrorAction",
        "ActionPreference",
        aliases=("ea",),
        validate_set=("SilentlyContinue", "Stop", "Continue", "Inquire", "Ignore", "Suspend", "Break"),
    ),
    Parameter(
        "WarningAction",
        "ActionPreference",
        aliases=("wa",),
        validate_set=("SilentlyContinue", "Stop", "Continue", "Inquire", "Ignore", "Suspend", "Break"),
    ),
    Parameter(
        "InformationAction",
        "ActionPreference",
        aliases=("infa",),
        validate_set=("SilentlyContinue", "Stop", "Continue", "Inquire", "Ignore", "Suspend", "Break"),
    ),
    Parameter(
        "ProgressAction",
        "ActionPreference",
        aliases=("proga",),
        validate_set=("SilentlyContinue", "Stop", "Continue", "Inquire", "Ignore", "Suspend", "Break"),
    ),
    Parameter("ErrorVariable", "string", aliases=("ev",)),
    Parameter("WarningVariable", "string", aliases=("wv",)),
    Parameter("InformationVariable", "string", aliases=("iv",)),
    Parameter("OutVariable", "string", aliases=("ov",)),
    Parameter("OutBuffer", "int", aliases=("ob",)),
    Parameter("PipelineVariable", "string", aliases=("pv",)),
)
SHOULD_PROCESS_PARAMETERS = (
    Parameter("WhatIf", "switch", aliases=("wi",)),
    Parameter("Confirm", "switch", aliases=("cf",)),
)
COMMON_NAMES = frozenset(p.name.lower() for p in COMMON_PARAMETERS + SHOULD_PROCESS_PARAMETERS)


@dataclass
class CommandInfo:
    """Registry entry; also what Get-Command returns (CmdletInfo / FunctionInfo)."""

    name: str
    cls: Any  # Cmdlet subclass (None for PowerShell functions: see `function`)
    parameters: tuple
    aliases: tuple = ()
    module: str = ""
    synopsis: str = ""
    description: str = ""
    examples: tuple = ()  # ((code, explanation), ...)
    default_set: str = ""
    supports_should_process: bool = False
    confirm_impact: str = "Medium"  # Low | Medium | High: prompts when not below $ConfirmPreference
    output_type: str = ""
    command_type: str = "Cmdlet"  # 'Cmdlet' | 'Function' | 'Filter'
    function: Any = None  # compiled PowerShell function (for functions)
    _by_name: dict = field(default_factory=dict, repr=False)

    @property
    def verb(self) -> str:
        return self.name.split("-", 1)[0] if "-" in self.name else ""

    @property
    def noun(self) -> str:
        return self.name.split("-", 1)[1] if "-" in self.name else ""

    def all_parameters(self) -> tuple:
        extra = COMMON_PARAMETERS if self.command_type == "Cmdlet" or self.is_advanced else ()
        if self.supports_should_process:
            extra = extra + SHOULD_PROCESS_PARAMETERS
        return tuple(self.parameters) + extra

    is_advanced: bool = False

    @property
    def parameter_sets(self) -> list[str]:
        names: list[str] = []
        for p in self.parameters:
            for s in p.sets:
                if s not in names:
                    names.append(s)
        return names or ["__AllParameterSets"]


class ResolvedCommand(NamedTuple):
    """What a command name stands for.  kind "cmdlet": command is its CommandInfo; "function"
    and "script_file": a ScriptBlockValue; "script": a script block invoked with & or .;
    "native": an executable's path.  name: the name as found (its canonical spelling)."""

    kind: str
    command: Any
    name: str


class Cmdlet:
    """Base class of built-in cmdlets; the engine fills in the context and bound parameters."""

    info: ClassVar[CommandInfo]
    parameters: ClassVar[tuple] = ()

    # Filled in per invocation by the engine (see runtime.CommandRuntime).
    runtime: Any = None
    bound: dict  # PSBoundParameters: canonical name -> value
    parameter_set: str = ""

    def begin(self) -> Iterable | None:
        return None

    def process(self) -> Iterable | None:
        return None

    def end(self) -> Iterable | None:
        return None

    def fast_path(self):
        """Optional, asked once after begin: when this invocation's process() does nothing but
        test or map each pipeline object, return a pipeline.fast_paths.FastPath (FastFilter,
        FastEach or FastPush).  The pipeline then calls it per object with no per-object
        binding."""
        return None

    # --- services, forwarded to the runtime (pscompat.engine.runtime.CommandRuntime) -------------
    @property
    def ctx(self):
        """The session's execution context (variables, functions, host, registry)."""
        return self.runtime.ctx

    @property
    def name(self) -> str:
        return self.info.name

    def write_error(
        self,
        message: str,
        error_id: str,
        category: str = "NotSpecified",
        target: Any = None,
        exception_type: str = "System.Exception",
    ) -> None:
        """Non-terminating error: recorded, shown, the pipeline goes on (-ErrorAction applies)."""
        self.runtime.write_error(message, error_id, category, target, exception_type)

    def throw_terminating(
        self,
        message: str,
        error_id: str,
        category: str = "NotSpecified",
        target: Any = None,
        exception_type: str = "System.Exception",
    ):
        """ThrowTerminatingError: stops this statement."""
        raise self.runtime.terminating_error(message, error_id, category, target, exception_type)

    def write_verbose(self, text: str) -> None:
        self.runtime.write_verbose(text)

    def write_warning(self, text: str) -> None:
        self.runtime.write_warning(text)

    def write_debug(self, text: str) -> None:
        self.runtime.write_debug(text)

    def write_information(self, data: Any, tags: tuple = ()) -> None:
        self.runtime.write_information(data, tags)

    def write_host(self, text: str, newline: bool = True, foreground=None, background=None) -> None:
        self.runtime.write_host(text, newline, foreground, background)

    def write_progress(
        self, activity: str, status: str = "", percent: int = -1, completed: bool = False, id: int = 0
    ) -> None:
        self.runtime.write_progress(activity, status, percent, completed, id)

    def should_process(
        self, target: str, action: str | None = None, impact: str | None = None, echo: bool = True
    ) -> bool:
        """ShouldProcess: may the change to target go ahead?  False under -WhatIf (after its
        'What if:' line) or when the user answers No; asks when the cmdlet's ConfirmImpact (or
        impact, for this one change) is not below $ConfirmPreference, or under -Confirm.  A host
        that cannot ask stops the command with PowerShell's NonInteractive error.  echo=False:
        -Verbose does not repeat the operation (for consent added where the original had none)."""
        return self.runtime.should_process(target, action or self.info.name, impact, echo)

    def should_continue(self, query: str, caption: str | None = None, to_all: list | None = None) -> bool:
        """ShouldContinue: always asks (cmdlets skip it under -Force).  to_all: a [yes, no]
        pair the caller keeps across calls, to offer Yes to All / No to All."""
        return self.runtime.should_continue(query, caption, to_all)

    @property
    def what_if(self) -> bool:
        """-WhatIf, or $WhatIfPreference: a dry run."""
        from pscompat.engine.consent import what_if_set

        return what_if_set(self.runtime)

    def invoke(self, block, *args, dollar_under: Any = None, use_local_scope: bool = False) -> list:
        """Run a script block (with $_ set) and return its output as a list."""
        return self.runtime.invoke_block(block, args, dollar_under=dollar_under, use_local_scope=use_local_scope)

    def invoke_iter(self, block, *args, dollar_under: Any = None, use_local_scope: bool = False):
        """Run a script block (with $_ set), yielding its output as it is produced."""
        return self.runtime.invoke_block_iter(block, args, dollar_under=dollar_under, use_local_scope=use_local_scope)

    def invoke_filter(self, block, item: Any) -> bool:
        """Where-Object's test: run block with $_ = item in the caller's scope, truthiness of result."""
        return self.runtime.invoke_filter(block, item)

    @property
    def verbose(self) -> bool:
        return self.runtime.verbose_enabled

    @property
    def interactive(self) -> bool:
        return self.runtime.ctx.host.interactive


class Registry:
    """Name/alias -> CommandInfo, case-insensitive.  Modules with cmdlets register on import."""

    def __init__(self) -> None:
        self.commands: dict[str, CommandInfo] = {}
        self.aliases: dict[str, str] = {}
        self._loaded = False
        # Imports the modules that declare commands, on first lookup (so `import pscompat` stays
        # fast).  Set by pscompat.catalog: the engine never imports a cmdlet module itself.
        self.loader: Callable[[], None] | None = None

    def register(self, info: CommandInfo) -> None:
        self.commands[info.name.lower()] = info
        for alias in info.aliases:
            self.aliases[alias.lower()] = info.name

    def load(self) -> None:
        if self._loaded:
            return
        if self.loader is None:
            # Only the modules imported so far have registered (a Python API such as
            # pscompat.azure.images imports just its own cmdlets); pscompat.catalog, once
            # imported, installs the loader and the next lookup brings in the rest.
            return
        self._loaded = True
        self.loader()

    def get(self, name: str) -> CommandInfo | None:
        self.load()
        return self.commands.get(name.lower())

    def resolve_alias(self, name: str) -> str | None:
        self.load()
        return self.aliases.get(name.lower())

    def all(self) -> list[CommandInfo]:
        self.load()
        return sorted(self.commands.values(), key=lambda i: i.name.lower())


REGISTRY = Registry()


def cmdlet(
    name: str,
    *,
    aliases: tuple = (),
    module: str = "Microsoft.PowerShell.Utility",
    synopsis: str = "",
    description: str = "",
    examples: tuple = (),
    default_set: str = "",
    supports_should_process: bool = False,
    confirm_impact: str = "Medium",
    output_type: str = "",
):
    """Class decorator: declare a cmdlet and register it."""

    def deco(cls):
        info = CommandInfo(
            name=name,
            cls=cls,
            parameters=tuple(cls.parameters),
            aliases=tuple(aliases),
            module=module,
            synopsis=synopsis,
            description=description or (cls.__doc__ or "").strip(),
            examples=tuple(examples),
            default_set=default_set,
            supports_should_process=supports_should_process,
            confirm_impact=confirm_impact,
            output_type=output_type,
        )
        cls.info = info
        REGISTRY.register(info)
        return cls

    return deco
