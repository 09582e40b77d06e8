"""What the converter knows while it walks a script: the names in scope and their kinds, the
imports the output needs, and what it could not convert (with positions)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pscompat.source import Source


@dataclass(frozen=True)
class Code:
    """A Python expression and what the converter knows about its value.

    kind: 'str' | 'int' | 'float' | 'bool' | 'none' | 'array' (an array value: `1, 2`, `@(...)`) |
    'list' (the objects a command wrote) | 'iter' (a lazy iterable: a generator) | 'object' (one
    value that is not a collection; `model` says more) | None (unknown: the runtime's rules
    apply).  'list' and 'iter' are streams: assigned, they become None, one object or a list."""

    text: str
    kind: str | None = None
    model: str | None = None  # for kind 'object' or the items of 'list'/'iter': 'image'
    # a filtering generator (item, source, condition): a second Where-Object joins its condition
    filter: tuple[str, str, str] | None = None
    # `Select-Object -First 1` of an iterator: assigned, it is next(first, None)
    first: str | None = None

    @property
    def is_stream(self) -> bool:
        return self.kind in ("list", "iter")


class Unsupported(Exception):
    """A construct the converter does not turn into Python; `node` carries the position."""

    def __init__(self, node: Any, reason: str):
        super().__init__(reason)
        self.node = node
        self.reason = reason


@dataclass
class Problem:
    line: int
    column: int
    reason: str
    text: str

    def __str__(self) -> str:
        return f"line {self.line}, column {self.column}: {self.reason}"


@dataclass
class FunctionInfo:
    """A script function: its Python name, its parameters in positional-binding order (PowerShell
    name, Python name, named-only), and whether it returns one value (`return`) or yields its
    output."""

    name: str
    parameters: list[tuple[str, str, bool]]
    generator: bool = True
    writes: bool = True  # False: nothing in the body can write output (calls are plain statements)
    start: int = 0  # where the definition is in the script: calling it earlier fails in PowerShell
    input: str | None = None  # the parameter that takes pipeline input (functions with a process block)


@dataclass
class ConvertContext:
    source: Source
    problems: list[Problem] = field(default_factory=list)
    imports: set[str] = field(default_factory=set)
    functions: dict[str, FunctionInfo] = field(default_factory=dict)  # folded PowerShell name →
    kinds: dict[str, Code] = field(default_factory=dict)  # variable → what was last assigned
    assigned: set[str] = field(default_factory=set)  # Python names assigned anywhere
    names: dict[str, str] = field(default_factory=dict)  # folded PowerShell name → Python name
    item: Code | None = None  # what `$_` is here: the loop variable of the enclosing block
    in_function: FunctionInfo | None = None
    globals_written: set[str] = field(default_factory=set)  # `$script:x = ...` inside a function
    loops: int = 0  # loops around the statement being converted (in this function)
    catching: bool = False  # inside a catch block (a bare `throw` rethrows)
    processing: bool = False  # inside a function's process block (`return` ends one object's turn)

    def problem(self, node: Any, reason: str) -> Problem:
        line, column = self.source.coord(node.span.start)
        text = self.source.text[node.span.start : node.span.end]
        found = Problem(line, column, reason, text)
        self.problems.append(found)
        return found

    def python_name(self, name: str) -> str:
        """The Python name of a variable: PowerShell's names are case-insensitive, so `$MyVar` and
        `$myvar` are one name, spelled as it was first written."""
        from pscompat.migrate.names import snake_case

        folded = name.lower()
        found = self.names.get(folded)
        if found is None:
            found = self.names[folded] = snake_case(name)
        return found

    def use(self, module: str) -> None:
        self.imports.add(module)


class ConverterBase:
    """What the expression, command and statement converters ask of each other; `Converter`
    (module.py) combines them."""

    ctx: ConvertContext

    def expr(self, node: Any) -> Code:
        raise NotImplementedError

    def condition(self, code: Code) -> str:
        raise NotImplementedError

    def collected(self, code: Code) -> Code:
        raise NotImplementedError

    def pipeline_value(self, pipeline: Any) -> Code:
        raise NotImplementedError

    def statement_value(self, statement: Any) -> Code:
        raise NotImplementedError

    def block_expression(self, block: Any, item: Code) -> Code:
        raise NotImplementedError

    def comments_before(self, node: Any) -> None:
        raise NotImplementedError
