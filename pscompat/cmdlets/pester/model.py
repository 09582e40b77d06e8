"""The tree Pester 5 builds in its discovery phase and fills in while it runs: containers (one per
file), blocks (Describe/Context), tests (It), and the per-session state the commands share.

Behaviour from Pester's own sources (src/Pester.Runtime.ps1, src/csharp/Pester/{Block,Test,Run}.cs):
discovery runs each file once, collecting blocks, tests and their setup scripts; the run phase then
invokes the collected script blocks, each block in a child scope of its parent's.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Failure:
    """An error a test or block ended with, and where (Pester's ErrorRecord.TargetObject)."""

    message: str
    error_id: str = ""
    file: str = ""
    line: int = 0
    line_text: str = ""
    exception_type: str = ""
    is_assertion: bool = False

    @property
    def display(self) -> str:
        if self.is_assertion or not self.exception_type:
            return self.message
        short = self.exception_type.rsplit(".", 1)[-1]
        return f"{short}: {self.message}"

    def trace_lines(self) -> list[str]:
        lines = []
        if self.is_assertion and self.line:
            lines.append(f"at {self.line_text.strip()}, {self.file}:{self.line}")
        if self.line:
            lines.append(f"at <ScriptBlock>, {self.file or '<No file>'}:{self.line}")
        return lines


@dataclass
class Test:
    """One It (one per test case of -ForEach/-TestCases)."""

    name: str
    body: Any
    parent: Block
    tags: list = field(default_factory=list)
    skip: bool = False
    data: Any = None
    has_data: bool = False
    file: str = ""
    line: int = 0
    result: str = "NotRun"
    should_run: bool = True
    failure: Failure | None = None
    skip_reason: str = ""
    duration: float = 0.0
    user_duration: float = 0.0

    @property
    def path(self) -> list[str]:
        return [*self.parent.path, self.name]

    @property
    def expanded_path(self) -> str:
        return ".".join(self.path)


@dataclass
class Block:
    """A Describe or Context (kind), or a container's root (kind 'Root', name = the file)."""

    name: str
    kind: str
    parent: Block | None = None
    body: Any = None
    tags: list = field(default_factory=list)
    skip: bool = False
    data: Any = None
    has_data: bool = False
    file: str = ""
    line: int = 0
    children: list = field(default_factory=list)  # Block | Test, in declaration order
    before_all: list = field(default_factory=list)
    after_all: list = field(default_factory=list)
    before_each: list = field(default_factory=list)
    after_each: list = field(default_factory=list)
    failure: Failure | None = None
    result: str = "NotRun"
    duration: float = 0.0
    mocks: list = field(default_factory=list)  # mocks.MockEntry defined in this block's run
    written: bool = False

    @property
    def path(self) -> list[str]:
        if self.parent is None or self.kind == "Root":
            return []
        return [*self.parent.path, self.name]

    def tests(self) -> list[Test]:
        out: list[Test] = []
        for child in self.children:
            if isinstance(child, Test):
                out.append(child)
            else:
                out.extend(child.tests())
        return out

    def blocks(self) -> list[Block]:
        out: list[Block] = []
        for child in self.children:
            if isinstance(child, Block):
                out.append(child)
                out.extend(child.blocks())
        return out

    def all_tags(self) -> list:
        tags = list(self.tags)
        if self.parent is not None:
            tags.extend(self.parent.all_tags())
        return tags


@dataclass
class Container:
    """One *.Tests.ps1 file (or a script block given to Invoke-Pester)."""

    path: str
    root: Block
    failure: Failure | None = None
    result: str = "NotRun"
    duration: float = 0.0


class PesterState:
    """What Describe, It, Should and Mock share in one session: the phase, the block being
    discovered, the test running, the active mocks and their call history."""

    def __init__(self) -> None:
        self.phase = ""  # '' (outside Pester), 'Discovery', 'Run'
        self.current_block: Block | None = None
        self.current_test: Test | None = None
        self.running_blocks: list[Block] = []
        self.mocks: dict[str, list] = {}  # command name (lower) -> [mocks.MockEntry]
        self.calls: list = []  # mocks.MockCall, in call order
        self.saved_functions: dict[str, Any] = {}
        # functions of inner scopes a mock hides (functions are scoped): name -> [(table, original)]
        self.shadowed_functions: dict[str, list] = {}
        self.filter = None  # runner.Filter of the run
        self.legacy_runner = None  # running.BlockRunner of a Pester 4 run (pester.legacy)
        self.debug_writer: Any = None  # runner.ConsoleReport.debug under -Output Diagnostic

    def debug(self, category: str, message: str) -> None:
        """One of Pester's debug messages (Write-PesterDebugMessage, src/Pester.Utility.ps1);
        written only under -Output Diagnostic, which turns on the categories Discovery, Skip,
        Mock and CodeCoverage (Resolve-OutputConfiguration, src/functions/Output.ps1)."""
        if self.debug_writer is not None:
            self.debug_writer(category, message)


_STATES: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def state_of(ctx) -> PesterState:
    state = _STATES.get(ctx)
    if state is None:
        state = _STATES[ctx] = PesterState()
    return state
