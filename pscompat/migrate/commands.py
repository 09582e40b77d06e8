"""Pipelines as Python: the object cmdlets as comprehensions and slices, the image cmdlets as calls
to `pscompat.azure.images`, script functions as Python calls, every other cmdlet as `rt.cmd(...)`
(the cmdlet itself, with PowerShell's binding).

A pipeline converts left to right into a `Code` whose kind says whether it is a lazy iterable
('iter'), a list, or one value; `$_` in a script block becomes the loop variable, named after
the objects (Get-AzureVMImage → `image`)."""

from __future__ import annotations

from typing import Any

from pscompat.engine.commands import COMMON_PARAMETERS, REGISTRY, SHOULD_PROCESS_PARAMETERS, CommandInfo
from pscompat.migrate.context import Code, ConverterBase, Unsupported
from pscompat.migrate.expressions import MODEL_PROPERTIES, SCALAR_KINDS, py_string
from pscompat.migrate.names import item_name, snake_case
from pscompat.syntax import nodes as N

# Image cmdlets → pscompat.azure.images: (function, {PowerShell parameter: keyword}, positional parameters).
IMAGE_API = {
    "Save-AzureVMImage": (
        "capture",
        {"OSState": "os_state", "ImageLabel": "label", "Confirm": "confirm"},
        ("ServiceName", "Name", "ImageName"),
    ),
    "Remove-AzureVMImage": ("remove", {"DeleteVHD": "delete_vhd"}, ("ImageName",)),
}


# Commands that work on the session's variables, functions or scopes: converted code has Python
# names instead, so a call would see none of them.
SCOPE_COMMANDS = {
    "Get-Variable",
    "Set-Variable",
    "New-Variable",
    "Remove-Variable",
    "Clear-Variable",
    "Invoke-Expression",
    "Get-Command",
    "Tee-Object",
    "Set-StrictMode",
    "Export-ModuleMember",
    "Import-Module",
    "Get-PSCallStack",
    "New-Alias",
    "Set-Alias",
    "Get-Alias",
    "Remove-Alias",
}
SESSION_DRIVES = ("variable:", "function:", "alias:")
VARIABLE_PARAMETERS = {"OutVariable", "ErrorVariable", "WarningVariable", "InformationVariable", "PipelineVariable"}


class Arguments:
    """A command's arguments split the way the binder reads them: named (full parameter name →
    expression node, True for a switch) and positional nodes, in order."""

    def __init__(self, node: Any) -> None:
        self.node = node
        self.named: dict[str, Any] = {}
        self.positional: list[Any] = []
        self.splats: list[Any] = []


def split_arguments(info: CommandInfo | None, elements: tuple, node: Any) -> Arguments:
    parameters = list(info.parameters) if info is not None else []
    if info is not None and info.cls is not None:
        parameters += list(COMMON_PARAMETERS)
        if info.supports_should_process:
            parameters += list(SHOULD_PROCESS_PARAMETERS)
    out = Arguments(node)
    items = list(elements)
    i = 0
    while i < len(items):
        element = items[i]
        i += 1
        if isinstance(element, N.Variable) and element.splatted:
            out.splats.append(element)  # @params: bound by name (a hashtable) or position (an array)
            continue
        if not isinstance(element, N.CommandParameter):
            out.positional.append(element)
            continue
        parameter = _find_parameter(parameters, element.name, element)
        name = parameter.name if parameter is not None else element.name
        if element.argument is not None:
            out.named[name] = element.argument
        elif parameter is not None and parameter.is_switch:
            out.named[name] = True
        elif i < len(items) and not isinstance(items[i], N.CommandParameter):
            out.named[name] = items[i]
            i += 1
        else:
            raise Unsupported(element, f"-{element.name} needs a value")
    return out


def _find_parameter(parameters: list, typed: str, node: Any) -> Any:
    folded = typed.lower()
    exact = [p for p in parameters if p.name.lower() == folded or folded in (a.lower() for a in p.aliases)]
    if exact:
        return exact[0]
    prefixed = [p for p in parameters if p.name.lower().startswith(folded)]
    if len(prefixed) == 1:
        return prefixed[0]
    if not parameters:
        return None
    raise Unsupported(node, f"-{typed} is not a parameter of this command (or is ambiguous)")


class CommandConverter(ConverterBase):
    def pipeline_value(self, pipeline: Any) -> Code:
        """A pipeline (or an expression statement) as one Python expression."""
        if not isinstance(pipeline, N.Pipeline):
            raise Unsupported(pipeline, f"{type(pipeline).__name__} here is not converted yet")
        elements = pipeline.elements
        code = self.first_element(elements[0])
        for element in elements[1:]:
            if not isinstance(element, N.Command) or element.redirections:
                raise Unsupported(element, "an expression or redirection inside a pipeline is not converted yet")
            code = self.downstream(element, self.as_stream(code, element))
        return code

    def as_stream(self, code: Code, node: Any) -> Code:
        if code.text.startswith("list(range(") and code.text.endswith("))"):
            return Code(code.text[5:-1], "iter", "int")  # 1..3 | ...: the range itself, of ints
        if code.is_stream or code.kind == "array":
            return code
        # `$x | cmd`: $null is one object, a collection is enumerated (not foreach's rule)
        # (a collected value may be None, which is one object, not a model's)
        return Code(f"rt.emit({code.text})", "list", code.model if code.kind == "object" else None)

    def statement_value(self, statement: Any) -> Code:
        return self.pipeline_value(statement)

    # ------------------------------------------------------------------ first command

    def first_element(self, element: Any) -> Code:
        if isinstance(element, N.CommandExpression):
            if element.redirections:
                raise Unsupported(element, "redirections are not converted yet")
            return self.expr(element.expression)
        return self.command(element, None)

    def resolve(self, element: N.Command) -> tuple[str, CommandInfo | None]:
        if element.invocation or element.redirections:
            raise Unsupported(element, "& / . invocation and redirections are not converted yet")
        head = element.elements[0]
        if not isinstance(head, N.StringConstant) or head.kind != "bare":
            raise Unsupported(element, "a computed command name is not converted yet")
        name = head.value
        if name.lower() in self.ctx.functions:
            return name, None
        if name.lower() == "add-type":
            raise Unsupported(element, "Add-Type defines .NET types, which have no Python counterpart here")
        target = REGISTRY.resolve_alias(name) or name
        info = REGISTRY.get(target)
        if info is None:
            raise Unsupported(element, f"'{name}' is not a command pscompat has (a native program?)")
        return info.name, info

    def command(self, element: N.Command, source: Code | None) -> Code:
        name, info = self.resolve(element)
        if info is None:
            return self.function_call(element, name, source)
        args = split_arguments(info, element.elements[1:], element)
        if source is None and not args.splats:
            special = self.first_command(name, args, element)
            if special is not None:
                return special
        return self.cmd_call(name, args, source)

    def first_command(self, name: str, args: Arguments, element: Any) -> Code | None:
        if name == "Get-AzureVMImage" and not args.positional and not args.named:
            self.ctx.use("images")
            return Code("images.list()", "list", "image")
        if name == "Get-AzureVMImage" and set(args.named) == {"ImageName"} and not args.positional:
            self.ctx.use("images")
            return Code(f"images.get({self.expr(args.named['ImageName']).text})", "object", "image")
        if name in IMAGE_API and not args.positional:
            function, keywords, leading = IMAGE_API[name]
            if set(args.named) <= set(keywords) | set(leading) and set(leading) <= set(args.named):
                self.ctx.use("images")
                parts = [self.expr(args.named[p]).text for p in leading]
                for parameter, keyword in keywords.items():
                    if parameter in args.named:
                        value = args.named[parameter]
                        parts.append(f"{keyword}={'True' if value is True else self.expr(value).text}")
                return Code(f"images.{function}({', '.join(parts)})", "list")
        if name in ("Write-Output", "echo") and len(args.positional) == 1 and not args.named:
            return self.expr(args.positional[0])
        return None

    def cmd_call(self, name: str, args: Arguments, source: Code | None) -> Code:
        if name == "Get-Help" and self.ctx.functions:
            # comment-based help belongs to PowerShell functions; converted, they are Python ones
            raise Unsupported(args.node, "Get-Help of a script's own functions reads PowerShell's session")
        if name in SCOPE_COMMANDS or set(args.named) & VARIABLE_PARAMETERS:
            raise Unsupported(args.node, f"{name} reads or writes PowerShell variables, which are Python names here")
        for value in [*args.positional, *args.named.values()]:
            if isinstance(value, N.StringConstant) and value.value.lower().startswith(SESSION_DRIVES):
                raise Unsupported(value, f"the {value.value.split(':')[0]}: drive holds PowerShell's session state")
        parts = [py_string(name)]
        parts += [self.argument(p).text for p in args.positional]
        if args.splats:
            splatted = [self.expr(N.Variable(span=v.span, name=v.name)).text for v in args.splats]
            parts.append(f"splat=[{', '.join(splatted)}]")
        if source is not None:
            parts.append(f"input={source.text}")
        for parameter, value in args.named.items():
            if not parameter.isidentifier():
                raise Unsupported(value, f"parameter name {parameter!r}")
            parts.append(f"{parameter}={'True' if value is True else self.argument(value).text}")
        return Code(f"rt.cmd({', '.join(parts)})", "list")

    def argument(self, node: Any) -> Code:
        """A command argument: a bare word is a string; a script block is not Python."""
        if isinstance(node, N.ScriptBlockExpression):
            raise Unsupported(node, "a script block passed to this command is not converted yet")
        return self.expr(node)

    def function_call(self, element: N.Command, name: str, source: Code | None = None) -> Code:
        info = self.ctx.functions[name.lower()]
        if any(isinstance(e, N.Variable) and e.splatted for e in element.elements[1:]):
            raise Unsupported(element, f"splatting into the script function {name} is not converted yet")
        if source is not None and info.input is None:
            raise Unsupported(element, f"{name} takes no pipeline input here (no process block)")
        if self.ctx.in_function is None and element.span.start < info.start:
            raise Unsupported(element, f"{name} is called before the script defines it")
        args = split_arguments(None, element.elements[1:], element)
        keywords: list[str] = []
        bound: set[str] = set()
        for typed, value in args.named.items():
            matches = [p for p in info.parameters if p[0].lower().startswith(typed.lower())]
            exact = [p for p in matches if p[0].lower() == typed.lower()]
            found = exact or matches
            if len(found) != 1:
                raise Unsupported(element, f"-{typed} does not name one parameter of {name}")
            keywords.append(f"{found[0][1]}={'True' if value is True else self.argument(value).text}")
            bound.add(found[0][0])
        free = [p for p in info.parameters if p[0] not in bound and not p[2]]
        if len(args.positional) > len(free):
            raise Unsupported(element, "more positional arguments than parameters ($args)")
        positional = [f"{p[1]}={self.argument(v).text}" for p, v in zip(free, args.positional)]
        piped = [f"{info.input}={source.text}"] if source is not None else []
        call = f"{info.name}({', '.join(piped + positional + keywords)})"
        if not info.writes:
            return Code(call, "none")
        return Code(call, "iter") if info.generator else Code(call, None)

    # ------------------------------------------------------------------ downstream commands

    def downstream(self, element: N.Command, source: Code) -> Code:
        name, info = self.resolve(element)
        if info is None:
            return self.function_call(element, name, source)
        args = split_arguments(info, element.elements[1:], element)
        method = getattr(self, "pipe_" + name.replace("-", "_"), None)
        if method is not None and not args.splats:
            converted = method(args, source, element)
            if converted is not None:
                return converted
        return self.cmd_call(name, args, source)

    def item_for(self, source: Code, element: Any) -> Code:
        """The loop variable for `$_`: named after the objects, typed when they are known."""
        noun = {"image": "image", "int": "n"}.get(source.model or "", "item")
        name = item_name(noun) if noun != "n" else noun
        while name in self.ctx.assigned:
            name += "_"
        if source.model in SCALAR_KINDS:
            return Code(name, source.model)
        return Code(name, "object" if source.model else None, source.model)

    def pipe_Where_Object(self, args: Arguments, source: Code, element: Any) -> Code | None:
        if len(args.positional) == 1 and not args.named and isinstance(args.positional[0], N.ScriptBlockExpression):
            item = self.item_for(source, element)
            test = self.condition(self.block_expression(args.positional[0].body, item))
            inner = source.text
            if source.filter is not None and source.filter[0] == item.text:
                # where {a} | where {b}: one generator, `a and b` (each still sees only the
                # objects the one before kept, as `and` stops at the first false)
                inner, first = source.filter[1], source.filter[2]
                test = f"{_grouped(first)} and {_grouped(test)}"
            code = f"({item.text} for {item.text} in {inner} if {test})"
            return Code(code, "iter", source.model, filter=(item.text, inner, test))
        return None

    def pipe_ForEach_Object(self, args: Arguments, source: Code, element: Any) -> Code | None:
        if len(args.positional) == 1 and not args.named:
            item = self.item_for(source, element)
            block = args.positional[0]
            if isinstance(block, N.ScriptBlockExpression):
                value = self.block_expression(block.body, item)
            elif isinstance(block, N.StringConstant) and block.value in MODEL_PROPERTIES.get(source.model or "", ()):
                value = Code(f"{item.text}.{block.value}", "object")
            else:  # a member name may be a method's: ForEach-Object decides at run time
                return None
            generator = f"{value.text} for {item.text} in {source.text}"
            if value.kind in SCALAR_KINDS:
                return Code(f"({generator})", "iter")
            return Code(f"rt.flatten({generator})", "iter")  # a collection written is enumerated
        return None

    def pipe_Select_Object(self, args: Arguments, source: Code, element: Any) -> Code | None:
        named = dict(args.named)
        if args.positional:
            if "Property" in named or len(args.positional) != 1:
                return None
            named["Property"] = args.positional[0]
        if not named or set(named) - {"First", "ExpandProperty", "Property"}:
            return None
        code = source
        if "ExpandProperty" in named:
            if "Property" in named or not isinstance(named["ExpandProperty"], N.StringConstant):
                return None
            prop = named["ExpandProperty"].value
            item = self.item_for(source, element)
            code = Code(f"rt.expand({source.text}, {py_string(prop)})", "iter")
            if source.model == "image" and prop in ("ImageName", "Label", "ImageFamily", "Category", "OS"):
                code = Code(f"({item.text}.{prop} for {item.text} in {source.text})", "iter")
        if "Property" in named:
            code = Code(f"rt.select({source.text}, {self.property_list(named['Property'], source)})", "iter")
        if "First" in named:
            self.ctx.use("itertools")
            count = self.expr(named["First"]).text
            first = code.text if code.text.startswith("(") and " for " in code.text else f"iter({code.text})"
            code = Code(
                f"itertools.islice({code.text}, {count})",
                "iter",
                code.model,
                first=first if count == "1" else None,
            )
        return code

    def property_list(self, node: Any, source: Code, blocks: bool = False) -> str:
        """-Property's value: names stay strings; a calculated property @{Name=...; Expression={...}}
        becomes (name, function); with blocks, a script block ({$_.Name.Length}) becomes a function."""
        elements = node.elements if isinstance(node, N.ArrayLiteral) else (node,)
        parts = []
        for element in elements:
            if isinstance(element, N.StringConstant):
                parts.append(py_string(element.value))
            elif blocks and isinstance(element, N.ScriptBlockExpression):
                item = self.item_for(source, element)
                parts.append(f"lambda {item.text}: {self.block_expression(element.body, item).text}")
            elif isinstance(element, N.Hashtable):
                parts.append(self.calculated(element, source))
            else:
                raise Unsupported(element, "this -Property value is not converted yet")
        return ", ".join(parts)

    def calculated(self, table: N.Hashtable, source: Code) -> str:
        entries: dict[str, Any] = {}
        for key, value in table.pairs:
            if not isinstance(key, N.StringConstant):
                raise Unsupported(key, "a computed key in a calculated property")
            folded = key.value.lower()
            if not any(full.startswith(folded) for full in ("name", "label", "expression")):
                raise Unsupported(key, f"the calculated-property key '{key.value}' is not converted yet")
            entries[folded[:1]] = value  # n/name/label/l, e/expression
        name, expression = entries.get("n") or entries.get("l"), entries.get("e")
        if name is None or expression is None:
            raise Unsupported(table, "a calculated property needs Name and Expression")
        label = self.statement_value(name).text
        body = expression.elements[0].expression if _single_expression(expression) else None
        if isinstance(body, N.ScriptBlockExpression):
            item = self.item_for(source, table)
            value = self.block_expression(body.body, item)
            return f"({label}, lambda {item.text}: {value.text})"
        if isinstance(body, N.StringConstant):
            return f"({label}, {py_string(body.value)})"
        raise Unsupported(table, "this calculated property's Expression is not converted yet")

    def pipe_Format_Table(self, args: Arguments, source: Code, element: Any) -> Code | None:
        named = dict(args.named)
        if len(args.positional) == 1 and "Property" not in named:
            named["Property"] = args.positional[0]
        elif args.positional:
            return None
        if set(named) != {"Property"}:
            return None
        return Code(f"rt.format_table({source.text}, {self.property_list(named['Property'], source)})", "list")

    def pipe_Sort_Object(self, args: Arguments, source: Code, element: Any) -> Code | None:
        named = dict(args.named)
        if len(args.positional) == 1 and "Property" not in named:
            named["Property"] = args.positional[0]
        elif args.positional:
            return None
        if set(named) - {"Property", "Descending"} or "Property" not in named:
            return None
        keys = self.property_list(named["Property"], source, blocks=True)
        descending = ", descending=True" if named.get("Descending") is True else ""
        return Code(f"rt.sort({source.text}, {keys}{descending})", "list", source.model)


def _grouped(condition: str) -> str:
    return f"({condition})" if " or " in condition or condition.startswith("not ") else condition


def _single_expression(statement: Any) -> bool:
    return (
        isinstance(statement, N.Pipeline)
        and len(statement.elements) == 1
        and isinstance(statement.elements[0], N.CommandExpression)
    )


__all__ = ["CommandConverter", "split_arguments", "snake_case"]
