"""Script blocks as values, compiled once, and their parameter metadata for the shared binder."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from pscompat.engine import validation
from pscompat.engine.commands import CommandInfo, Parameter
from pscompat.source import Source
from pscompat.syntax import nodes as N


class CompiledBlock:
    __slots__ = (
        "begin",
        "process",
        "end",
        "clean",
        "expr",
        "param_block",
        "decls",
        "is_advanced",
        "_info",
        "defaults",
        "member_test",
    )

    def __init__(self):
        self.begin = self.process = self.end = self.clean = None  # fn(scope, emit)
        self.expr = None  # fn(scope) -> value, when the body is one plain expression
        # `{ $_.Name -op <value> }`: (name, operator fn, right-operand closure, span) for filters
        self.member_test = None
        self.param_block = None
        self.decls: tuple = ()
        self.defaults: dict = {}  # parameter name (lower) -> compiled default expression
        self.is_advanced = False
        self._info = None


class ScriptBlockValue:
    """A `{ ... }` value: PowerShell's ScriptBlock.  Compiled on first use, then reused."""

    PS_TYPE_NAMES = ("System.Management.Automation.ScriptBlock", "System.Object")
    PS_PROPERTIES = ("Ast", "IsFilter")

    __slots__ = ("node", "source", "_compiled", "is_filter", "closure", "module", "_module_info", "__weakref__")

    def __init__(self, node: N.ScriptBlock, source: Source, is_filter: bool = False, closure: dict | None = None):
        self.node = node
        self.source = source
        self._compiled: CompiledBlock | None = None
        self.is_filter = is_filter
        self.closure = closure  # GetNewClosure(): the variables it captured
        # the module whose session state the block is bound to (a block or function written in
        # a module's code): a call from outside starts from the module's scope (about_Modules)
        self.module: Any = None
        self._module_info: CommandInfo | None = None  # command_info of a module-bound copy

    def with_closure(self, scope) -> ScriptBlockValue:
        """GetNewClosure(): a copy that runs with the current scope's variables as they are now."""
        block = ScriptBlockValue(self.node, self.source, self.is_filter, dict(scope.vars))
        block._compiled = self._compiled
        block.module = self.module
        return block

    def bound_to(self, module) -> ScriptBlockValue:
        """A copy bound to `module`'s session state (ScriptBlock.SessionStateInternal)."""
        if module is self.module:
            return self
        block = ScriptBlockValue(self.node, self.source, self.is_filter, self.closure)
        block._compiled = self._compiled
        block.module = module
        return block

    def scope_for(self, parent):
        """The scope a call of this block starts from: the caller's, the scope of the module it
        is bound to when called from outside that module, or its captured closure."""
        module = self.module
        if module is not None and parent.module is not module:
            parent = module.scope
        if self.closure is None:
            return parent
        from pscompat.engine.scope import Scope

        captured = Scope(parent, parent.ctx)
        captured.vars.update(self.closure)
        return captured

    @property
    def compiled(self) -> CompiledBlock:
        cb = self._compiled
        if cb is None:
            # generated Python where it can, the closure compiler's closures elsewhere
            from pscompat.engine.pycompile.driver import compile_block

            cb = self._compiled = compile_block(self.node, self.source, self.is_filter)
        return cb

    @property
    def text(self) -> str:
        return self.node.text

    @property
    def IsFilter(self) -> bool:
        return self.is_filter

    @property
    def Ast(self):
        """The ScriptBlockAst (pscompat/engine/ast_api): made on first read, then kept."""
        from pscompat.engine.ast_api.ast import make_ast

        return make_ast(self.node, self.source)

    def ToString(self) -> str:
        return self.node.text

    def __str__(self) -> str:
        return self.node.text

    def __repr__(self) -> str:
        return "{" + self.node.text + "}"

    # -- binding metadata ------------------------------------------------------------------
    def command_info(self, name: str = "", command_type: str = "ScriptBlock") -> CommandInfo:
        if self.module is not None:  # the shared metadata, naming this copy and its module
            info = self._module_info
            if info is None or info.name != name or info.command_type != command_type:
                base = self._plain_command_info(name, command_type)
                info = self._module_info = replace(base, function=self, module=self.module.Name)
                info.is_advanced = base.is_advanced
                info.supports_should_process = base.supports_should_process
                info.confirm_impact = base.confirm_impact
            return info
        return self._plain_command_info(name, command_type)

    def _plain_command_info(self, name: str, command_type: str) -> CommandInfo:
        cb = self.compiled
        if cb._info is None or cb._info.name != name:
            params = tuple(parameter_from_decl(d, i, self.source) for i, d in enumerate(cb.decls))
            if cb.is_advanced and _positional_binding(cb.param_block) and all(p.position is None for p in params):
                # [CmdletBinding()] functions bind positionally in declaration order unless a
                # parameter states a Position or PositionalBinding=$false (about_Functions_CmdletBindingAttribute)
                params = _numbered(params)
            elif not cb.is_advanced:
                # simple functions: every parameter is positional in declaration order
                params = _numbered(params, keep_explicit=True)
            sets = [s for p in params for s in p.sets]
            default_set = ""
            should_process, impact = False, "Medium"
            if cb.param_block is not None:
                for attr in cb.param_block.attributes:
                    if attr.name.lower() == "cmdletbinding":
                        for key, val in attr.named:
                            low = key.lower()
                            if low == "defaultparametersetname" and isinstance(val, N.StringConstant):
                                default_set = val.value
                            elif low == "supportsshouldprocess":  # [CmdletBinding(SupportsShouldProcess)]
                                should_process = True if val is None else bool(_literal(val))
                            elif low == "confirmimpact" and val is not None:
                                # 'High', or [System.Management.Automation.ConfirmImpact]::High
                                level = val.member if isinstance(val, N.Member) and val.static else val
                                impact = str(_literal(level))
            info = CommandInfo(
                name=name or "<ScriptBlock>",
                cls=None,
                parameters=params,
                command_type=command_type,
                function=self,
                default_set=default_set or (sets[0] if sets else ""),
            )
            info.is_advanced = cb.is_advanced
            info.supports_should_process = should_process and cb.is_advanced
            info.confirm_impact = impact
            cb._info = info
        return cb._info


_TYPE_ALIASES = {
    "switch": "switch",
    "switchparameter": "switch",
    "system.management.automation.switchparameter": "switch",
}


def _numbered(params: tuple, keep_explicit: bool = False) -> tuple:
    """Positions in declaration order; switches take none."""
    out, n = [], 0
    for p in params:
        if p.is_switch or (keep_explicit and p.position is not None):
            out.append(p)
        else:
            out.append(replace(p, position=n))
            n += 1
    return tuple(out)


def _positional_binding(block) -> bool:
    for attr in block.attributes if block is not None else ():
        if attr.name.lower() == "cmdletbinding":
            for key, val in attr.named:
                if key.lower() == "positionalbinding" and val is not None and not _literal(val):
                    return False
    return True


def parameter_from_decl(decl: N.ParameterDecl, index: int, source: Source | None = None) -> Parameter:
    """Turn `[Parameter(Mandatory, Position=0)][string]$Name` into binder metadata."""
    ptype = "object"
    if decl.type is not None:
        ptype = _TYPE_ALIASES.get(decl.type.name.lower(), decl.type.name)
    position = None
    mandatory = pipeline = by_name = remaining = False
    sets: list[str] = []
    aliases: list[str] = []
    validate = None
    set_message = None
    help_text = ""
    validators: list = []
    allow: set = set()
    for attr in decl.attributes:
        low = attr.name.lower()
        if low == "parameter":
            for key, val in attr.named:
                k = key.lower()
                flag = True if val is None else _literal(val)
                if k == "mandatory":
                    mandatory = bool(flag)
                elif k == "position":
                    position = int(flag)
                elif k == "valuefrompipeline":
                    pipeline = bool(flag)
                elif k == "valuefrompipelinebypropertyname":
                    by_name = bool(flag)
                elif k == "valuefromremainingarguments":
                    remaining = bool(flag)
                elif k == "parametersetname":
                    sets.append(str(flag))
                elif k == "helpmessage":
                    help_text = str(flag)
        elif low == "alias":
            aliases.extend(str(_literal(v)) for v in _flatten(attr.positional))
        elif low == "validateset":
            validate = tuple(str(_literal(v)) for v in _flatten(attr.positional))
            set_message = _named(attr, "errormessage")
        elif low in ("allownull", "allowemptystring", "allowemptycollection"):
            allow.add(low)
        else:
            check = validation.build(
                attr.name,
                [_argument(v, source) for v in _flatten(attr.positional)],
                {k.lower(): _argument(v, source) for k, v in attr.named if v is not None},
            )
            if check is not None:
                validators.append(check)
    return Parameter(
        decl.name,
        ptype,
        position=position,
        mandatory=mandatory,
        aliases=tuple(aliases),
        sets=tuple(sets),
        pipeline=pipeline,
        pipeline_by_name=by_name,
        remaining=remaining,
        validate_set=validate,
        help=help_text,
        validators=tuple(validators),
        allow_null="allownull" in allow,
        allow_empty_string="allowemptystring" in allow,
        allow_empty_collection="allowemptycollection" in allow,
        validate_set_message=set_message,
    )


def attribute_checks(attributes, source: Source | None) -> tuple:
    """The validators of a variable's attributes (`[ValidateRange(1,10)]$x = 5`): the checks of
    engine/validation.py; attributes that validate nothing are left out."""
    checks = []
    for attr in attributes:
        if attr.name.lower() == "validateset":
            values = tuple(_literal(v) for v in _flatten(attr.positional))
            checks.append(validation.validate_set(values, _named(attr, "errormessage")))
            continue
        check = validation.build(
            attr.name,
            [_argument(v, source) for v in _flatten(attr.positional)],
            {k.lower(): _argument(v, source) for k, v in attr.named if v is not None},
        )
        if check is not None:
            checks.append(check)
    return tuple(checks)


def _named(attr: N.Attribute, key: str):
    for k, v in attr.named:
        if k.lower() == key and v is not None:
            return _literal(v)
    return None


def _argument(node, source):
    """An attribute argument's value: a literal, or a script block for [ValidateScript({...})]."""
    if isinstance(node, N.ScriptBlockExpression):
        return ScriptBlockValue(node.body, source)
    if isinstance(node, N.Unary) and node.op == "-" and isinstance(node.operand, N.Constant):
        return -node.operand.value
    return _literal(node)


def _flatten(exprs) -> list:
    out = []
    for e in exprs:
        if isinstance(e, N.ArrayLiteral):
            out.extend(e.elements)
        else:
            out.append(e)
    return out


def _literal(node: Any) -> Any:
    """Attribute arguments are constants in practice: strings, numbers, $true/$false."""
    if isinstance(node, (N.Constant, N.StringConstant)):
        return node.value
    if isinstance(node, N.Variable):
        return {"true": True, "false": False, "null": None}.get(node.name.lower(), node.name)
    if isinstance(node, N.ExpandableString):
        return "".join(p for p in node.parts if isinstance(p, str))
    if isinstance(node, N.Paren):
        return True
    return True
