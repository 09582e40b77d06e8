"""Get-Command and Get-Help, generated from the cmdlet registry's metadata (Docs:
Microsoft.PowerShell.Core/Get-Command.md, Get-Help.md).

The syntax lines follow PowerShell's layout: one per parameter set, positional parameters as
`[-Name] <type>`, optional ones in brackets, switches as `[-Switch]`, then `[<CommonParameters>]`.
"""

from __future__ import annotations

import os
import re

from pscompat.cmdlets.objects.common import wildcard_matcher
from pscompat.cmdlets.wildcards import has_wildcard
from pscompat.engine.commands import REGISTRY, Cmdlet, CommandInfo, Parameter, cmdlet
from pscompat.errors import PSError
from pscompat.values.objects.classes import PSObject

_TYPE_ORDER = {"Alias": 0, "Function": 1, "Filter": 2, "Cmdlet": 3}
_TYPE_DISPLAY = {
    "object": "Object",
    "object[]": "Object[]",
    "psobject": "psobject",
    "psobject[]": "psobject[]",
    "scriptblock": "scriptblock",
    "scriptblock[]": "scriptblock[]",
    "datetime": "datetime",
    "timespan": "timespan",
    "hashtable": "hashtable",
    "char": "char",
}


class CommandInfoView:
    """CmdletInfo / FunctionInfo as Get-Command returns them."""

    PS_PROPERTIES = ("CommandType", "Name", "Version", "Source")

    def __init__(self, info: CommandInfo):
        self._info = info
        self.CommandType = info.command_type
        self.Name = info.name
        self.Version = "7.0.0.0" if info.command_type == "Cmdlet" else ""
        self.Source = info.module
        self.ModuleName = self.Source
        # a function's module is the PSModuleInfo its body is bound to (engine/modules/)
        self.Module = getattr(info.function, "module", None)
        self.Verb, self.Noun = info.verb, info.noun
        self.Definition = (
            "\n".join(syntax_lines(info))
            if info.command_type == "Cmdlet"
            else getattr(getattr(info, "function", None), "text", "")
        )
        self.ParameterSets = info.parameter_sets
        self.Parameters = {p.name: p.type for p in info.all_parameters()}
        self.HelpUri = ""
        # FunctionInfo.ScriptBlock: the function's body as a script block ($null for a cmdlet)
        self.ScriptBlock = getattr(info, "function", None) if info.command_type != "Cmdlet" else None

    @property
    def PS_TYPE_NAMES(self):
        kind = {"Cmdlet": "CmdletInfo", "Filter": "FilterInfo"}.get(self.CommandType, "FunctionInfo")
        return (f"System.Management.Automation.{kind}", "System.Management.Automation.CommandInfo", "System.Object")

    def ToString(self) -> str:
        return self.Name

    def __str__(self) -> str:
        return self.Name


def _type_text(p: Parameter) -> str:
    return _TYPE_DISPLAY.get(p.type.lower(), p.type)


def syntax_lines(info: CommandInfo) -> list[str]:
    sets = [s for s in info.parameter_sets]
    if info.default_set and info.default_set in sets:  # PowerShell lists the default set first
        sets.remove(info.default_set)
        sets.insert(0, info.default_set)
    lines = []
    for set_name in sets:
        params = [p for p in info.parameters if p.in_set(set_name)]
        positional = sorted(
            (p for p in params if p.position_in(set_name) is not None), key=lambda p: p.position_in(set_name)
        )
        named = [p for p in params if p.position_in(set_name) is None]
        named.sort(key=lambda p: (not p.mandatory_in(set_name), p.is_switch))
        parts = [info.name]
        for p in positional + named:
            name = f"-{p.name}"
            if p.position_in(set_name) is not None:
                name = f"[{name}]"
            if p.is_switch:
                text = name
            else:
                text = f"{name} <{_type_text(p)}>"
            parts.append(text if p.mandatory_in(set_name) else f"[{text}]")
        if info.command_type == "Cmdlet" or info.is_advanced:
            if info.supports_should_process:
                parts.extend(("[-WhatIf]", "[-Confirm]"))
            parts.append("[<CommonParameters>]")
        lines.append(" ".join(parts))
    return lines


def _all_commands(ctx, scope=None) -> list:
    """(command type, name, CommandInfo or alias target) for everything the session knows
    (the functions seen from `scope`: functions are scoped)."""
    from pscompat.cmdlets.aliases import alias_items

    items = [("Cmdlet", info.name, info) for info in REGISTRY.all()]
    functions = scope.visible_functions() if scope is not None else ctx.functions
    items += [(info.command_type, info.name, info) for info in functions.values()]
    items += [("Alias", name, target) for name, target in alias_items(ctx)]
    return items


@cmdlet(
    "Get-Command",
    aliases=("gcm",),
    module="Microsoft.PowerShell.Core",
    default_set="CmdletSet",
    synopsis="Gets all commands.",
    description="Lists the cmdlets, functions and aliases of the session; -Name takes wildcards, "
    "-Verb and -Noun select cmdlets and functions by the parts of their names.",
    examples=(
        ("Get-Command -Noun Object", "Every command whose noun is Object."),
        ("Get-Command *-Azure*", "Commands by wildcard."),
        ("Get-Command -Verb Get -Module Microsoft.PowerShell.Utility", "Get- cmdlets of a module."),
    ),
)
class GetCommand(Cmdlet):
    """Gets all commands."""

    parameters = (
        Parameter("Name", "string[]", position=0, pipeline=True, pipeline_by_name=True, sets=("AllCommandSet",)),
        Parameter("Verb", "string[]", pipeline_by_name=True, sets=("CmdletSet",)),
        Parameter("Noun", "string[]", pipeline_by_name=True, sets=("CmdletSet",)),
        Parameter("Module", "string[]", pipeline_by_name=True, aliases=("PSSnapin",)),
        Parameter("CommandType", "string[]", pipeline_by_name=True, sets=("AllCommandSet",), aliases=("Type",)),
        Parameter("TotalCount", "int"),
        Parameter("Syntax", "switch"),
        Parameter("ShowCommandInfo", "switch"),
        Parameter("ArgumentList", "object[]", position=1, aliases=("Args",)),
        Parameter("All", "switch"),
        Parameter("ListImported", "switch"),
        Parameter("ParameterName", "string[]"),
        Parameter("ParameterType", "string[]"),
    )

    def process(self):
        names = [
            str(n) for n in (self.Name if isinstance(self.Name, (list, tuple)) else ([self.Name] if self.Name else []))
        ]
        scope = self.runtime.scope
        if names and not self.ListImported:
            from pscompat.engine.modules.lookup import autoload

            for name in names:  # a command of a module not yet imported: Get-Command imports it
                if not has_wildcard(name) and self.ctx.resolve_command_info(name, scope) is None:
                    autoload(self.ctx, name, scope)
        items = _all_commands(self.ctx, scope)
        modules = _as_patterns(self.Module)
        types = {t.lower() for t in _as_patterns(self.CommandType)} - {"all"}
        verbs, nouns = _as_patterns(self.Verb), _as_patterns(self.Noun)
        out, seen = [], set()
        for pattern in names or ["*"]:
            match = wildcard_matcher(pattern)
            found = []
            for kind, name, payload in items:
                if not match(name) or (types and kind.lower() not in types):
                    continue
                if (verbs or nouns) and kind == "Alias":
                    continue
                info = payload if kind != "Alias" else None
                if verbs and not (info and any(wildcard_matcher(v)(info.verb) for v in verbs)):
                    continue
                if nouns and not (info and any(wildcard_matcher(n)(info.noun) for n in nouns)):
                    continue
                if modules and not (info and any(wildcard_matcher(m)(info.module) for m in modules)):
                    continue
                key = (kind, name.lower())
                if key not in seen:
                    seen.add(key)
                    found.append((kind, name, payload))
            if not found and not has_wildcard(pattern):
                self.write_error(
                    f"The term '{pattern}' is not recognized as a name of a cmdlet, function, script file, or "
                    f"executable program.\nCheck the spelling of the name, or if a path was included, verify "
                    f"that the path is correct and try again.",
                    "CommandNotFoundException",
                    "ObjectNotFound",
                    pattern,
                    exception_type="System.Management.Automation.CommandNotFoundException",
                )
            found.sort(
                key=lambda f: (_TYPE_ORDER.get(f[0], 9), f[1].lower()) if not names or has_wildcard(pattern) else 0
            )
            out.extend(found)
        if self.TotalCount is not None and "TotalCount" in self.bound:
            out = out[: self.TotalCount]
        if self.Syntax:
            return [_syntax_text(kind, payload, name) for kind, name, payload in out]
        from pscompat.cmdlets.aliases import AliasInfo

        return [
            AliasInfo(name, payload) if kind == "Alias" else CommandInfoView(payload) for kind, name, payload in out
        ]


def _as_patterns(value) -> list:
    if value is None:
        return []
    return [str(v) for v in (value if isinstance(value, (list, tuple)) else [value])]


def _syntax_text(kind, payload, name) -> str:
    if kind == "Alias":
        return f"{name} (alias) -> {payload}"
    return "\n" + "\n\n".join(syntax_lines(payload)) + "\n"


def _resolve(ctx, name: str, scope=None):
    """The CommandInfo for a command name or alias (functions as seen from `scope`), or None."""
    target = ctx.alias_table().get(name.lower())
    if target:
        name = target
    info = ctx.resolve_command_info(name, scope)
    return info


def _indent(text: str, n: int) -> list[str]:
    return [(" " * n + line) if line else "" for line in text.splitlines()]


def help_text(
    info: CommandInfo,
    examples: bool = False,
    full: bool = False,
    parameter=None,
    synopsis: str | None = None,
    description: str | None = None,
) -> str:
    """The text Get-Help prints, laid out as PowerShell's help views do."""
    if parameter is not None:
        return "\n".join(_parameter_block(info, p) for p in parameter) + "\n"
    synopsis = synopsis or info.synopsis or info.name
    lines = ["", "NAME", "    " + info.name, "", "SYNOPSIS", *_indent(synopsis, 4), ""]
    if examples:
        lines.extend(_examples(info))
        return "\n".join(lines) + "\n"
    lines.append("")
    lines.append("SYNTAX")
    for syntax in syntax_lines(info):
        lines.extend(["    " + syntax, ""])
    lines.append("")
    lines.append("DESCRIPTION")
    lines.extend(_indent(description if description is not None else (info.description or info.synopsis or ""), 4))
    lines.append("")
    if full:
        lines.append("")
        lines.append("PARAMETERS")
        for p in info.parameters:
            lines.append(_parameter_block(info, p, indent=4))
        if info.command_type == "Cmdlet" or info.is_advanced:
            lines.extend(
                [
                    "    <CommonParameters>",
                    "        This cmdlet supports the common parameters: Verbose, Debug,",
                    "        ErrorAction, ErrorVariable, WarningAction, WarningVariable,",
                    "        OutBuffer, PipelineVariable, and OutVariable. For more information, see",
                    "        about_CommonParameters (https://go.microsoft.com/fwlink/?LinkID=113216).",
                    "",
                ]
            )
        lines.append("")
        lines.extend(_examples(info))
    lines.append("")
    lines.append("REMARKS")
    lines.append(f'    To see the examples, type: "Get-Help {info.name} -Examples".')
    lines.append(f'    For more information, type: "Get-Help {info.name} -Full".')
    return "\n".join(lines) + "\n"


def _examples(info: CommandInfo) -> list[str]:
    lines = []
    for i, (code, explanation) in enumerate(info.examples, 1):
        lines.extend([f"    ------------ Example {i} ------------", "", "    " + code, ""])
        lines.extend(_indent(explanation, 4))
        lines.append("")
    return lines


def _parameter_block(info: CommandInfo, p: Parameter, indent: int = 0) -> str:
    pad = " " * indent
    sets = p.sets or ("(All)",)
    position = p.position if p.position is not None else "Named"
    pipeline = []
    if p.pipeline:
        pipeline.append("ByValue")
    if p.pipeline_by_name:
        pipeline.append("ByPropertyName")
    type_text = "" if p.is_switch else f" <{_type_text(p)}>"
    rows = [f"-{p.name}{type_text}"]
    if p.help:
        rows.extend("    " + line for line in p.help.splitlines())
    rows.append("")
    rows += [
        f"    Required?                    {str(p.mandatory).lower()}",
        f"    Position?                    {position}",
        f"    Accept pipeline input?       {('true (' + ', '.join(pipeline) + ')') if pipeline else 'false'}",
        f"    Parameter set name           {', '.join(sets)}",
        f"    Aliases                      {', '.join(p.aliases) if p.aliases else 'None'}",
        "    Dynamic?                     false",
        "    Accept wildcard characters?  false",
        "",
    ]
    return "\n".join(pad + row if row else "" for row in rows)


@cmdlet(
    "Get-Help",
    aliases=("help", "man"),
    module="Microsoft.PowerShell.Core",
    default_set="AllUsersView",
    synopsis="Displays information about PowerShell commands and concepts.",
    description="Shows a command's synopsis, syntax (one line per parameter set) and description; "
    "-Examples shows the examples, -Parameter one parameter's details, -Full everything.",
    examples=(
        ("Get-Help Where-Object -Examples", "The examples of Where-Object."),
        ("Get-Help Select-Object -Parameter First", "Details of one parameter."),
        ("Get-Help Sort-Object -Full", "The complete help."),
    ),
)
class GetHelp(Cmdlet):
    """Displays information about PowerShell commands and concepts."""

    parameters = (
        Parameter("Name", "string", position=0, pipeline_by_name=True),
        Parameter("Path", "string"),
        Parameter("Category", "string[]"),
        Parameter("Component", "string[]"),
        Parameter("Functionality", "string[]"),
        Parameter("Role", "string[]"),
        Parameter("Full", "switch", sets=("AllUsersView",)),
        Parameter("Detailed", "switch", mandatory=True, sets=("DetailedView",)),
        Parameter("Examples", "switch", mandatory=True, sets=("Examples",)),
        Parameter("Parameter", "string[]", mandatory=True, sets=("Parameters",)),
        Parameter("Online", "switch", mandatory=True, sets=("Online",)),
        Parameter("ShowWindow", "switch", mandatory=True, sets=("ShowWindow",)),
    )

    def process(self):
        name = self.Name or "Get-Help"
        if self.Path is None and not has_wildcard(name) and _resolve(self.ctx, name, self.runtime.scope) is None:
            script = _script_file(self.ctx, name)
            if script is not None:
                return self._script_help(script)
        if has_wildcard(name):
            matches = sorted(
                {i.name for i in REGISTRY.all() if wildcard_matcher(name)(i.name)}
                | {i.name for i in self.runtime.scope.visible_functions().values() if wildcard_matcher(name)(i.name)},
                key=str.lower,
            )
            if len(matches) != 1:
                rows = [
                    "",
                    "Name                              Category  Module",
                    "----                              --------  ------",
                ]
                for m in matches:
                    info = _resolve(self.ctx, m, self.runtime.scope)
                    rows.append(f"{m:<34}{info.command_type:<10}{info.module}")
                return ("\n".join(rows) + "\n",)
            name = matches[0]
        info = _resolve(self.ctx, name, self.runtime.scope)
        comments = function_comment_help(info) if info is not None else None
        if comments is not None and comments.forward_help_target:
            # .FORWARDHELPTARGETNAME: the help shown is the target's
            target = _resolve(self.ctx, comments.forward_help_target, self.runtime.scope)
            if target is not None:
                info, comments = target, function_comment_help(target)
        if info is None:
            self._not_found(name)
        if self.parameter_set == "Parameters":
            wanted = self.Parameter if isinstance(self.Parameter, (list, tuple)) else [self.Parameter]
            params = [p for p in info.parameters if any(wildcard_matcher(w)(p.name) for w in wanted)]
            if not params:
                self.throw_terminating(
                    f"No parameter matches criteria {', '.join(wanted)}.", "NoParmsFound", "InvalidArgument", wanted
                )
            return (help_text(info, parameter=params),)
        category = (
            "Cmdlet" if info.command_type == "Cmdlet" else ("Filter" if info.command_type == "Filter" else "Function")
        )
        return self._emit(info, comments, category)

    def _emit(self, info, comments, category):
        from pscompat.cmdlets.help_info import build, matches_filters

        obj = build(
            info,
            comments,
            category,
            "\n".join(syntax_lines(info)),
            param_facts=param_facts(info),
        )
        if info.command_type == "Cmdlet" and comments is None:
            obj["Synopsis"] = info.synopsis or info.name
            obj["description"] = [_para_item(info.description or info.synopsis or "")]
        if not matches_filters(obj, self.Component, self.Role, self.Functionality):
            self._not_found(info.name, terminating=False)
            return None
        text = help_text(
            info,
            examples=bool(self.Examples),
            full=bool(self.Full or self.Detailed),
            synopsis=obj["Synopsis"],
            description=comments.description.strip() if comments is not None else None,
        )
        return (HelpObject(obj, text),)

    def _script_help(self, path: str):
        from pscompat.cmdlets.comment_help import script_help
        from pscompat.engine.commands import CommandInfo

        with open(path, encoding="utf-8-sig") as fh:
            text = fh.read()
        comments = script_help(text)
        try:  # the script's param() gives the syntax and the parameters
            from pscompat.engine.scriptblock import ScriptBlockValue
            from pscompat.source import Source
            from pscompat.syntax.grammar import parse_cached

            info = ScriptBlockValue(parse_cached(text, path), Source(text, path)).command_info(
                os.path.basename(path), "ExternalScript"
            )
        except PSError:
            info = CommandInfo(os.path.basename(path), None, (), command_type="ExternalScript")
        return self._emit(info, comments, "ExternalScript")

    def _not_found(self, name: str, terminating: bool = True) -> None:
        message = (
            f"Get-Help could not find {name} in a help file in this session. To download updated help topics "
            f'type: "Update-Help". To get help online, search for the help topic in the TechNet library at '
            f"https://go.microsoft.com/fwlink/?LinkID=107116."
        )
        if terminating:
            self.throw_terminating(message, "HelpNotFound", "ResourceUnavailable", name)
        self.write_error(message, "HelpNotFound", "ResourceUnavailable", name)


def _para_item(text: str):
    from pscompat.values.objects.classes import PSObject

    return PSObject([("Text", text)])


class HelpObject(PSObject):
    """Get-Help's result: the help's properties, displayed as the help text."""

    __slots__ = ("text",)

    def __init__(self, obj: PSObject, text: str):
        super().__init__(obj.properties(), type_names=list(obj.type_names))
        self.text = text

    @property
    def PS_TYPE_NAMES(self) -> list:
        return self.type_names


def _script_file(ctx, name: str) -> str | None:
    if not name.lower().endswith(".ps1"):
        return None
    from pscompat.cmdlets.paths import native_path

    path = os.path.join(ctx.cwd, native_path(name))
    return path if os.path.isfile(path) else None


def function_comment_help(info):
    """The comment-based help of a function (None for a cmdlet or a function without any)."""
    from pscompat.cmdlets.comment_help import function_help

    block = getattr(info, "function", None)
    if block is None or info.command_type == "Cmdlet":
        return None
    source, span = block.source, block.node.span
    text = source.text
    keyword = None
    name = re.escape(info.name)
    for m in re.finditer(
        rf"(?i)\b(?:function|filter|workflow)\s+(?:global:|script:|local:|private:)?{name}(?=[\s({{])",
        text[: span.start],
    ):
        if re.fullmatch(r"(?s)\s*(\(.*\))?\s*", text[m.end() : span.start]):
            keyword = m.start()
    found = function_help(text, keyword, span.start, span.end)
    params = getattr(block.node.param_block, "parameters", None) or ()
    if found is not None and params:
        from pscompat.cmdlets.comment_help import parameter_comments

        own = parameter_comments(text, [(p.span.start, p.span.end) for p in params])
        for decl, described in zip(params, own, strict=True):
            if described.strip():
                found.parameters.setdefault(decl.name.upper(), described)
    return found


def param_facts(info) -> dict:
    """For a function's parameters (lower-case name): whether [SupportsWildcards()] is on it, and
    the text its help shows as the default: [PSDefaultValue(Help=...)], else a constant's value,
    else the default expression as written (HelpCommentsParser: the expression's extent text)."""
    from pscompat.syntax import nodes as N

    block = getattr(info, "function", None)
    if block is None:
        return {}
    params = getattr(block.node.param_block, "parameters", None) or ()
    out = {}
    for decl in params:
        globbing = any(a.name.lower() in ("supportswildcards", "supportswildcardsattribute") for a in decl.attributes)
        default = ""
        for attr in decl.attributes:
            if attr.name.lower() in ("psdefaultvalue", "psdefaultvalueattribute"):
                for key, value in attr.named:
                    if key.lower() == "help" and isinstance(value, N.StringConstant):
                        default = value.value
        if not default and decl.default is not None:
            if isinstance(decl.default, N.StringConstant):
                default = decl.default.value
            elif isinstance(decl.default, N.Constant):
                default = decl.default.text or str(decl.default.value)
            else:
                default = block.source.text[decl.default.span.start : decl.default.span.end]
        out[decl.name.lower()] = (globbing, default)
    return out


def _render_help(obj) -> str:
    return obj.text


def _register_views() -> None:
    from pscompat.format.views import register_view

    register_view("MamlCommandHelpInfo", "custom", render=_render_help)


_register_views()
