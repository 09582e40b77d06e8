"""The object Get-Help returns for a command: the MAML shape PowerShell builds from a cmdlet's
help or a function's comment-based help (HelpCommentsParser.BuildXmlFromComments), as nested
objects: Name, Category, Synopsis, details, syntax.syntaxItem[].parameter[], parameters.parameter[]
(name, required, position, globbing, pipelineInput, defaultValue, description, parameterValue,
parameterValueGroup, type), description[].Text, alertSet.alert[].Text, examples.example[]
(title, introduction[].Text, code, remarks[].Text), inputTypes.inputType[].type.name,
returnValues.returnValue[].type.name, relatedLinks.navigationLink[] (uri or linkText),
Component, Role, Functionality.  It displays as Get-Help's text.
"""

from __future__ import annotations

import re

from pscompat.cmdlets.comment_help import CommentHelp, example_parts
from pscompat.engine.commands import CommandInfo, Parameter
from pscompat.values.objects.classes import PSObject

TYPE_NAMES = ("MamlCommandHelpInfo", "HelpInfo", "System.Management.Automation.PSCustomObject", "System.Object")
_URI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://\S+$")


def _para(text: str) -> PSObject:
    return PSObject([("Text", text)], type_names=["MamlParaTextItem", "System.Object"])


def _paras(text: str | None) -> list:
    return [_para(text.strip())] if text and text.strip() else []


def _type_name(p: Parameter) -> str:
    base = p.type.rstrip("[]")
    names = {
        "object": "Object",
        "string": "String",
        "int": "Int32",
        "long": "Int64",
        "bool": "Boolean",
        "switch": "SwitchParameter",
        "scriptblock": "ScriptBlock",
        "hashtable": "Hashtable",
        "datetime": "DateTime",
        "double": "Double",
        "psobject": "PSObject",
    }
    name = names.get(base.lower(), base.split(".")[-1])
    return name + ("[]" if p.type.endswith("[]") else "")


def _parameter(
    p: Parameter,
    set_name: str | None,
    description: str,
    enum_names: list[str] | None,
    for_syntax: bool,
    facts: tuple[bool, str] = (False, ""),
) -> PSObject:
    position = p.position_in(set_name) if set_name else p.position
    pipeline = []
    if p.pipeline:
        pipeline.append("ByValue")
    if p.pipeline_by_name:
        pipeline.append("ByPropertyName")
    props: list = [
        ("name", p.name),
        ("required", "true" if (p.mandatory_in(set_name) if set_name else p.mandatory) else "false"),
        ("globbing", "true" if facts[0] else "false"),
        ("pipelineInput", f"true ({', '.join(pipeline)})" if pipeline else "false"),
        ("position", "named" if position is None else str(position + 1)),
    ]
    if description.strip():
        props.append(("description", _paras(description)))
    if enum_names:
        values = [PSObject([("#text", n), ("required", "false")]) for n in enum_names]
        props.append(("parameterValueGroup", PSObject([("parameterValue", values)])))
    elif not (for_syntax and p.is_switch):
        props.append(("parameterValue", _type_name(p)))
    if not for_syntax:
        props.append(("type", PSObject([("name", _type_name(p))])))
        props.append(("defaultValue", facts[1] or _default_text(p)))
    return PSObject(props, type_names=["MamlCommandHelpInfo#parameter", "System.Object"])


def _default_text(p: Parameter) -> str:
    if p.default is None or callable(p.default):
        return ""
    from pscompat.values.convert.strings import to_string

    return to_string(p.default)


def build(
    info: CommandInfo,
    comments: CommentHelp | None,
    category: str,
    synopsis_default: str,
    enum_names_of=lambda p: None,
    param_facts: dict | None = None,
) -> PSObject:
    """The help object of a command (comments: its comment-based help, or None; param_facts:
    per parameter name (lower case), whether it has [SupportsWildcards()] and its default's text)."""
    facts = param_facts or {}
    h = comments or CommentHelp()
    synopsis = h.synopsis.strip() if h.synopsis.strip() else synopsis_default
    described = {}
    for p in info.parameters:
        described[p.name] = h.parameters.get(p.name.upper(), "")
    sets: list[str | None] = list(info.parameter_sets) or [None]
    syntax_items = []
    for set_name in sets:
        params = [p for p in info.parameters if set_name is None or p.in_set(set_name)]
        syntax_items.append(
            PSObject(
                [
                    ("name", info.name),
                    ("parameter", [_parameter(p, set_name, "", enum_names_of(p), True) for p in params]),
                ]
            )
        )
    parameters = [
        _parameter(p, None, described[p.name], enum_names_of(p), False, facts.get(p.name.lower(), (False, "")))
        for p in info.parameters
    ]
    examples = []
    for n, text in enumerate(h.examples, 1):
        prompt, code, remarks = example_parts(text)
        examples.append(
            PSObject(
                [
                    ("title", f"-------------------------- EXAMPLE {n} --------------------------"),
                    ("introduction", [_para(prompt)]),
                    ("code", code),
                    ("remarks", [_para(remarks.strip()), *(_para("") for _ in range(4))]),
                ],
                type_names=["MamlCommandHelpInfo#example", "System.Object"],
            )
        )
    links = [
        PSObject([("uri", link), ("linkText", "")] if _URI.match(link) else [("linkText", link), ("uri", "")])
        for link in h.links
    ]
    props: list = [
        ("Name", info.name),
        ("Category", category),
        ("Synopsis", synopsis),
        ("Component", h.component or None),
        ("Role", h.role or None),
        ("Functionality", h.functionality or None),
        ("ModuleName", getattr(info, "module", "") or ""),
        ("details", PSObject([("name", info.name), ("description", _paras(synopsis))])),
        ("syntax", PSObject([("syntaxItem", syntax_items)])),
        ("parameters", PSObject([("parameter", parameters)])),
        ("description", _paras(h.description) or None),
        ("alertSet", PSObject([("alert", _paras(h.notes))]) if h.notes.strip() else None),
        ("examples", PSObject([("example", examples)]) if examples else None),
        (
            "inputTypes",
            PSObject([("inputType", [PSObject([("type", PSObject([("name", t.strip())]))]) for t in h.inputs])])
            if h.inputs
            else None,
        ),
        (
            "returnValues",
            PSObject([("returnValue", [PSObject([("type", PSObject([("name", t.strip())]))]) for t in h.outputs])])
            if h.outputs
            else None,
        ),
        ("relatedLinks", PSObject([("navigationLink", links)]) if links else None),
    ]
    return PSObject(props, type_names=list(TYPE_NAMES))


def matches_filters(help_obj: PSObject, component, role, functionality) -> bool:
    """-Component/-Role/-Functionality: each given one must match (wildcards) the help's value."""
    from pscompat.cmdlets.objects.common import wildcard_matcher

    for wanted, field in ((component, "Component"), (role, "Role"), (functionality, "Functionality")):
        if not wanted:
            continue
        value = help_obj[field] or ""
        patterns = wanted if isinstance(wanted, (list, tuple)) else [wanted]
        if not any(wildcard_matcher(str(w))(value) for w in patterns):
            return False
    return True
