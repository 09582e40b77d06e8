"""`convert(source)`: a PowerShell script as a Python module a team can read and keep.

The module's top level runs the script's statements in order; what the script writes to its
output goes to `rt.out(...)`, which prints it as PowerShell's Out-Default would.  Functions become
Python functions (`return` when the function writes one value, a generator when it writes
several).  Statements the converter cannot turn into Python are left as comments with a
`not converted` note and reported with their line and column; with strict=True the conversion
is refused instead."""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from typing import Any

from pscompat import catalog  # noqa: F401  (the cmdlets' parameters resolve -Name prefixes and aliases)
from pscompat.errors import PSError
from pscompat.migrate.commands import CommandConverter
from pscompat.migrate.context import Code, ConvertContext, Problem, Unsupported
from pscompat.migrate.expressions import ExpressionConverter, py_string
from pscompat.migrate.statements import StatementConverter, Writer, function_info, parameter_flags
from pscompat.source import Source
from pscompat.syntax import nodes as N
from pscompat.syntax.grammar import parse

IMPORTS = {
    "os": "import os",
    "sys": "import sys",
    "itertools": "import itertools",
    "rt": "from pscompat import rt",
    "images": "from pscompat.azure import images",
}
_COMMENT = re.compile(r"^\s*#(.*)$")


@dataclass
class Conversion:
    """The converted module's text and what could not be converted."""

    code: str
    problems: list[Problem] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        return not self.problems


class ConversionRefused(Exception):
    def __init__(self, problems: list[Problem], name: str):
        self.problems = problems
        super().__init__("\n".join(f"{name}: {p}" for p in problems))


class Converter(ExpressionConverter, CommandConverter, StatementConverter):
    def __init__(self, source: Source):
        self.ctx = ConvertContext(source)
        self.out = Writer()
        self.comment_end = 0  # source offset up to which comments were written
        self.comment_end_started = False  # past the first statement (gaps then start mid-line)

    # ------------------------------------------------------------------ script blocks

    def block_expression(self, block: N.ScriptBlock, item: Code) -> Code:
        """A script block run per object ({$_.Size -gt 5}) as one expression of `item`."""
        if block.param_block is not None or block.begin is not None or block.process is not None:
            raise Unsupported(block, "this script block is not converted yet")
        statements = block.end.statements if block.end is not None else ()
        if len(statements) != 1 or not isinstance(statements[0], N.Pipeline):
            raise Unsupported(block, "a script block of several statements is not converted yet")
        outer = self.ctx.item
        self.ctx.item = item
        try:
            code = self.collected(self.pipeline_value(statements[0]))
        finally:
            self.ctx.item = outer
        if code.text.startswith("rt.call("):  # { $s.AppendChar($_) }: a void method writes nothing
            return Code("rt.call_statement(" + code.text[len("rt.call(") :], "array")
        return code

    def expr_Binary(self, node: N.Binary) -> Code:
        # `(gm -InputObject $x -Name N) -ne $null`: does $x have member N
        if node.op.lower() in ("-ne", "-eq") and isinstance(node.left, N.Paren):
            member_test = _get_member_test(node.left)
            right = node.right
            if member_test is not None and isinstance(right, N.Variable) and right.name.lower() == "null":
                target, name = member_test
                test = f"rt.has_member({self.expr(target).text}, {py_string(name)})"
                return Code(test if node.op.lower() == "-ne" else f"not {test}", "bool")
        return super().expr_Binary(node)

    # ------------------------------------------------------------------ comments

    def comments_before(self, node: Any) -> None:
        """The script's comments between the last statement written and this one."""
        start = node.span.start
        if start <= self.comment_end:
            return
        gap = self.ctx.source.text[self.comment_end : start]
        self.comment_end = node.span.end
        self.write_comments(gap)

    def write_comments(self, gap: str) -> None:
        gap = re.sub(r"<#(.*?)#>", lambda m: "\n".join("#" + line for line in m.group(1).splitlines()), gap, flags=re.S)
        lines = gap.splitlines()
        if lines and self.comment_end_started:
            # the rest of the previous statement's line: only a trailing comment counts
            first = _COMMENT.match(lines[0])
            if first is not None:
                self.out.line("#" + first.group(1).rstrip())
            lines = lines[1:]
        self.comment_end_started = True
        for line in lines:
            found = _COMMENT.match(line)
            if found is not None:
                self.out.line("#" + found.group(1).rstrip())
            elif not line.strip() and self.out.lines and self.out.lines[-1].strip() and self.out.depth == 0:
                self.out.line("")

    # ------------------------------------------------------------------ the script

    def script(self, tree: N.ScriptBlock, strict: bool) -> None:
        if tree.begin is not None or tree.process is not None:
            raise Unsupported(tree, "a script's begin/process blocks are not converted yet")
        statements = tree.end.statements if tree.end is not None else ()
        named = sorted((n for n in N.walk(tree) if isinstance(n, (N.Variable, N.ParameterDecl))), key=_start)
        for variable in named:  # the first spelling of a name is its Python spelling
            self.ctx.python_name(variable.name.split(":")[-1])
        for node in N.walk(tree):
            if isinstance(node, N.FunctionDefinition):
                self.ctx.functions[node.name.lower()] = function_info(node, self.ctx)
            elif isinstance(node, N.Assignment) and isinstance(node.target, N.Variable):
                self.ctx.assigned.add(self.ctx.python_name(node.target.name.split(":")[-1]))
            elif isinstance(node, N.ForEach):
                self.ctx.assigned.add(self.ctx.python_name(node.variable.name))
        for info in self.ctx.functions.values():
            self.ctx.assigned.update(p[1] for p in info.parameters)
        if tree.param_block is not None:
            self.script_parameters(tree.param_block, strict)
        for statement in statements:
            self.comments_before(statement)
            mark = len(self.out.lines), self.out.depth, dict(self.ctx.kinds)
            try:
                self.statement(statement)
            except Unsupported as exc:
                del self.out.lines[mark[0] :]
                self.out.depth, self.ctx.kinds = mark[1], mark[2]
                self.not_converted(statement, exc)
        self.write_comments(self.ctx.source.text[self.comment_end :])

    def script_parameters(self, block: N.ParamBlock, strict: bool) -> None:
        """param(...) of the script: its command line (sys.argv) bound by rt.script_arguments as
        PowerShell binds a script's arguments; computed defaults assigned after."""
        self.comments_before(block)
        try:
            for attribute in block.attributes:
                if attribute.name.lower() != "cmdletbinding" or attribute.positional or attribute.named:
                    raise Unsupported(attribute, f"[{attribute.name}(...)] on a script is not converted yet")
            specs, names, later = [], [], []
            for decl in block.parameters:
                mandatory, by_value = parameter_flags(decl)
                if by_value or not decl.name.isidentifier():
                    raise Unsupported(decl, "this script parameter is not converted yet")
                py = self.ctx.python_name(decl.name)
                self.ctx.assigned.add(py)
                type_name = decl.type.name if decl.type is not None else "object"
                options = [py_string(type_name)]
                if mandatory:
                    options.append("mandatory=True")
                if decl.default is not None:
                    default = self.expr(decl.default)
                    if isinstance(decl.default, (N.Constant, N.StringConstant)):
                        options.append(f"default={default.text}")
                    else:
                        later.append((py, default.text))
                specs.append(f"{decl.name}=rt.Param({', '.join(options)})")
                names.append((decl.name, py))
                kind = {"string": "str", "int": "int", "double": "float", "switch": "bool", "bool": "bool"}
                self.ctx.kinds[py] = Code(py, kind.get(type_name.lower()))
        except Unsupported as exc:
            self.not_converted(block, exc)
            return
        self.ctx.use("sys")
        self.out.line("# The script's parameters: its command line, bound as PowerShell binds a script's arguments.")
        self.out.line(f"arguments = rt.script_arguments(sys.argv[1:], {', '.join(specs)})")
        for ps_name, py in names:
            self.out.line(f"{py} = arguments[{py_string(ps_name)}]")
        for py, text in later:
            self.out.line(f"if {py} is None:")
            with self.out.indent():
                self.out.line(f"{py} = {text}")

    def not_converted(self, statement: Any, exc: Unsupported) -> None:
        problem = self.ctx.problem(exc.node, exc.reason)
        self.out.line(f"# pscompat convert: not converted (line {problem.line}, column {problem.column}): {exc.reason}")
        for line in self.ctx.source.text[statement.span.start : statement.span.end].splitlines():
            self.out.line("#     " + line)

    def module_text(self, name: str) -> str:
        self.ctx.use("rt")
        imports = [IMPORTS[m] for m in ("itertools", "os", "sys") if m in self.ctx.imports]
        pscompat_imports = [IMPORTS[m] for m in ("rt", "images") if m in self.ctx.imports]
        head = [f'"""Converted from {name} by `pscompat convert`."""', ""]
        if imports:
            head += imports + [""]
        head += pscompat_imports + ["", ""]
        body = self.out.lines
        while body and not body[0].strip():
            body = body[1:]
        return "\n".join(head + body).rstrip() + "\n"


def _start(node: Any) -> int:
    return node.span.start


def _get_member_test(paren: N.Paren) -> tuple[Any, str] | None:
    """`(Get-Member -InputObject X -Name N)` → (X, N)."""
    pipeline = paren.pipeline
    if not isinstance(pipeline, N.Pipeline) or len(pipeline.elements) != 1:
        return None
    command = pipeline.elements[0]
    if not isinstance(command, N.Command) or not isinstance(command.elements[0], N.StringConstant):
        return None
    if command.elements[0].value.lower() not in ("gm", "get-member"):
        return None
    named: dict[str, Any] = {}
    items = list(command.elements[1:])
    while items:
        element = items.pop(0)
        if not isinstance(element, N.CommandParameter) or (element.argument is None and not items):
            return None
        named[element.name.lower()] = element.argument if element.argument is not None else items.pop(0)
    target, member = named.get("inputobject"), named.get("name")
    if set(named) != {"inputobject", "name"} or not isinstance(member, N.StringConstant):
        return None
    return target, member.value


def convert(source: str, name: str = "<script>", strict: bool = False, format_code: bool = True) -> Conversion:
    """Convert PowerShell `source` to Python.  Raises pscompat.ParseError for a script that does not
    parse, ConversionRefused when strict and something could not be converted."""
    tree = parse(source, name)
    converter = Converter(Source(source, name))
    converter.script(tree, strict)
    problems = converter.ctx.problems
    if strict and problems:
        raise ConversionRefused(problems, name)
    code = converter.module_text(name.rsplit("/", 1)[-1])
    if format_code:
        code = _formatted(code)
    return Conversion(code, problems)


def convert_text(source: str, name: str = "<script>", strict: bool = False) -> str:
    """`pscompat.convert(source)`: the Python text (what could not be converted stays as comments
    marked `not converted`; strict=True raises ConversionRefused instead)."""
    return convert(source, name, strict=strict).code


def _formatted(code: str) -> str:
    """Black style through ruff when it is installed (the lint extra has it); as generated otherwise."""
    if importlib.util.find_spec("ruff") is not None:
        command = [sys.executable, "-m", "ruff"]
    elif shutil.which("ruff") is not None:
        command = ["ruff"]
    else:
        return code
    try:
        done = subprocess.run(
            [*command, "format", "--line-length", "100", "--stdin-filename", "converted.py", "-"],
            input=code,
            capture_output=True,
            text=True,
            timeout=30,
        )
    except (OSError, subprocess.SubprocessError):
        return code
    return done.stdout if done.returncode == 0 else code


__all__ = ["Conversion", "ConversionRefused", "PSError", "convert", "convert_text"]
