"""Describe, Context, It, the setup and teardown blocks, BeforeDiscovery, Set-ItResult and
InModuleScope (Pester 5: src/functions/{Describe,Context,It,SetupTeardown,Set-ItResult}.ps1).

In the discovery phase Describe and Context run their script block at once to find what is in
them; It, BeforeAll, AfterAll, BeforeEach and AfterEach only record their script block on the
block being discovered.  The run phase (pester.runner) then invokes what was recorded.  A Describe
met outside Invoke-Pester (a test file run as a script) discovers and runs itself, as Pester does.
"""

from __future__ import annotations

import os
import re
from typing import Any

from pscompat.cmdlets.pester.model import Block, Test, state_of
from pscompat.engine.commands import Cmdlet, Parameter, cmdlet
from pscompat.engine.runtime import is_enumerable
from pscompat.engine.scope import Scope
from pscompat.errors import PSError
from pscompat.values.convert.strings import to_string
from pscompat.values.objects.classes import Hashtable

SKIPPED = "PesterTestSkipped"
INCONCLUSIVE = "PesterTestInconclusive"


def data_items(value: Any) -> list:
    """-ForEach / -TestCases: one item per element (a single hashtable is one item)."""
    if value is None:
        return []
    if is_enumerable(value):
        return list(value)
    return [value]


def set_data_variables(scope: Scope, data: Any) -> None:
    """A data item becomes $_ and, for a dictionary, one variable per key."""
    scope.vars["_"] = data
    if isinstance(data, dict):
        for key, value in data.items():
            scope.vars[str(key).lower()] = value


_TEMPLATE = re.compile(r"<([^<>]+)>")


def expand_name(name: str, data: Any, has_data: bool) -> str:
    """'<Name>' in a block or test name: the data item's value (a path as in '<User.Name>'; '<_>'
    is the item itself); left as written when the item has no such member."""
    if not has_data or "<" not in name:
        return name

    def value_of(match: re.Match) -> str:
        path = match.group(1).strip().lstrip("$")
        parts = path.split(".")
        current: Any = data
        if parts[0] != "_":
            current = _member(data, parts[0])
            if current is _NO:
                return match.group(0)
        for part in parts[1:]:
            current = _member(current, part)
            if current is _NO:
                return match.group(0)
        return to_string(current) if current is not None else "$null"

    return _TEMPLATE.sub(value_of, name)


_NO = object()


def _member(obj: Any, name: str) -> Any:
    if isinstance(obj, dict):
        for key, value in obj.items():
            if str(key).lower() == name.lower():
                return value
        return _NO
    from pscompat.values.objects.access import lookup_member

    try:
        found, value = lookup_member(obj, name)
    except PSError:
        return _NO
    return value if found else _NO


def block_tags(value: Any) -> list[str]:
    return [to_string(t) for t in data_items(value)]


def block_position(runtime) -> tuple[str, int]:
    source, span = runtime.source, runtime.span
    if source is None or span is None:
        return "", 0
    name = source.name if not source.name.startswith("<") else ""
    return name, source.coord(span.start)[0]


class _BlockCommand(Cmdlet):
    kind = "Describe"
    parameters = (
        Parameter("Name", "string", position=0, mandatory=True),
        Parameter("Fixture", "scriptblock", position=1),
        Parameter("Tag", "string[]", aliases=("Tags",)),
        Parameter("Skip", "switch"),
        Parameter("ForEach", "object", aliases=("TestCases",)),
        Parameter("AllowNullOrEmptyForEach", "switch"),
    )

    def process(self):
        state = state_of(self.ctx)
        if self.Fixture is None:
            self.throw_terminating(
                "No test script block is provided. (Have you put the open curly brace on the next line?)",
                "PesterNoFixture",
                "InvalidArgument",
            )
        if state.phase == "Run":
            self.throw_terminating(
                f"{self.kind} was called inside a test; Describe and Context belong at the top of a test "
                "file or inside another Describe.",
                "PesterBlockInRun",
                "InvalidOperation",
            )
        if state.phase == "Legacy":
            from pscompat.cmdlets.pester.legacy import run_block_now

            run_block_now(self, state)
            return None
        standalone = state.phase != "Discovery"
        if standalone:
            from pscompat.cmdlets.pester.runner import run_standalone

            return run_standalone(self, self._discover)
        self._discover(state)
        return None

    def _discover(self, state) -> None:
        parent = state.current_block
        file, line = block_position(self.runtime)
        has_data = "ForEach" in self.bound
        items = data_items(self.bound.get("ForEach")) if has_data else [None]
        if has_data and not items and not self.bound.get("AllowNullOrEmptyForEach"):
            self.throw_terminating(
                f"Value of -ForEach on {self.kind} '{self.Name}' is $null or empty. If this is expected, "
                "use -AllowNullOrEmptyForEach.",
                "PesterEmptyForEach",
                "InvalidArgument",
            )
        for item in items:
            block = Block(
                expand_name(self.Name, item, has_data),
                self.kind,
                parent=parent,
                body=self.Fixture,
                tags=block_tags(self.bound.get("Tag")),
                skip=bool(self.bound.get("Skip")),
                data=item,
                has_data=has_data,
                file=file,
                line=line,
            )
            parent.children.append(block)
            state.current_block = block
            scope = Scope(self.runtime.scope, self.ctx)
            if has_data:
                set_data_variables(scope, item)
            try:
                self.ctx.invoke_block(self.Fixture, (), item, False, scope)
            finally:
                state.current_block = parent


@cmdlet(
    "Describe",
    module="Pester",
    synopsis="Groups tests (It) and their setup into a named block.",
    examples=(("Describe 'Add' { It 'adds' { 1 + 1 | Should -Be 2 } }", "One block with one test."),),
)
class Describe(_BlockCommand):
    kind = "Describe"


@cmdlet("Context", module="Pester", synopsis="A block of tests inside a Describe.")
class Context(_BlockCommand):
    kind = "Context"


@cmdlet(
    "It",
    module="Pester",
    synopsis="A test: passes when its script block runs without a failed assertion or an error.",
)
class It(Cmdlet):
    parameters = (
        Parameter("Name", "string", position=0, mandatory=True),
        Parameter("Test", "scriptblock", position=1),
        Parameter("ForEach", "object", aliases=("TestCases",)),
        Parameter("Tag", "string[]", aliases=("Tags",)),
        Parameter("Skip", "switch"),
        Parameter("Pending", "switch"),
        Parameter("AllowNullOrEmptyForEach", "switch"),
    )

    def process(self):
        state = state_of(self.ctx)
        if state.phase == "Legacy" and state.current_block is not None:
            from pscompat.cmdlets.pester.legacy import run_test_now

            for test in self._tests(state.current_block):
                run_test_now(self, state, test)
            return
        if state.phase != "Discovery" or state.current_block is None:
            self.throw_terminating(
                "It must be called inside a Describe or Context block.",
                "PesterItOutsideBlock",
                "InvalidOperation",
            )
        state.current_block.children.extend(self._tests(state.current_block))

    def _tests(self, block: Block) -> list[Test]:
        file, line = block_position(self.runtime)
        has_data = "ForEach" in self.bound
        items = data_items(self.bound.get("ForEach")) if has_data else [None]
        # Pester 4 ran no test for an empty -TestCases; Pester 5 wants -AllowNullOrEmptyForEach
        legacy = state_of(self.ctx).phase == "Legacy"
        if has_data and not items and not legacy and not self.bound.get("AllowNullOrEmptyForEach"):
            self.throw_terminating(
                f"Value of -ForEach on It '{self.Name}' is $null or empty. If this is expected, "
                "use -AllowNullOrEmptyForEach.",
                "PesterEmptyForEach",
                "InvalidArgument",
            )
        return [
            Test(
                expand_name(self.Name, item, has_data),
                self.Test,
                block,
                tags=block_tags(self.bound.get("Tag")),
                skip=bool(self.bound.get("Skip") or self.bound.get("Pending") or self.Test is None),
                data=item,
                has_data=has_data,
                file=file,
                line=line,
            )
            for item in items
        ]


class _Setup(Cmdlet):
    slot = "before_all"
    parameters = (Parameter("Scriptblock", "scriptblock", position=0, mandatory=True),)

    def process(self):
        state = state_of(self.ctx)
        if state.phase == "Legacy" and state.current_block is not None:
            return  # Pester 4 collected it before the block's body ran (pester.legacy)
        if state.phase != "Discovery" or state.current_block is None:
            self.throw_terminating(
                f"{self.info.name} must be called inside a Describe or Context block.",
                "PesterSetupOutsideBlock",
                "InvalidOperation",
            )
        getattr(state.current_block, self.slot).append(self.Scriptblock)


@cmdlet("BeforeAll", module="Pester", synopsis="Runs once before the tests of its block, in the block's scope.")
class BeforeAll(_Setup):
    slot = "before_all"


@cmdlet("AfterAll", module="Pester", synopsis="Runs once after the tests of its block.")
class AfterAll(_Setup):
    slot = "after_all"


@cmdlet("BeforeEach", module="Pester", synopsis="Runs before every test of its block and the blocks inside.")
class BeforeEach(_Setup):
    slot = "before_each"


@cmdlet("AfterEach", module="Pester", synopsis="Runs after every test of its block, even a failed one.")
class AfterEach(_Setup):
    slot = "after_each"


@cmdlet(
    "BeforeDiscovery",
    module="Pester",
    synopsis="Runs at once, during discovery: for data that -ForEach needs.",
)
class BeforeDiscovery(Cmdlet):
    parameters = (Parameter("ScriptBlock", "scriptblock", position=0, mandatory=True),)

    def process(self):
        # dot-sourced: the variables it sets are seen by the -ForEach of the blocks after it
        self.ctx.invoke_block(self.ScriptBlock, (), None, False, self.runtime.scope)


@cmdlet(
    "Set-ItResult",
    module="Pester",
    synopsis="Ends the running test as skipped or inconclusive.",
)
class SetItResult(Cmdlet):
    parameters = (
        Parameter("Inconclusive", "switch", sets=("Inconclusive",)),
        Parameter("Pending", "switch", sets=("Pending",)),
        Parameter("Skipped", "switch", sets=("Skipped",)),
        Parameter("Because", "string"),
    )

    def process(self):
        from pscompat.cmdlets.pester.nicely import because

        if self.bound.get("Inconclusive"):
            error_id, message = INCONCLUSIVE, "is inconclusive"
        else:
            error_id, message = SKIPPED, "is skipped"
        reason = because(self.bound.get("Because"))
        if reason:
            message += "," + reason[:-1]
        raise PSError(message, error_id, span=self.runtime.span, source=self.runtime.source, reason="Set-ItResult")


@cmdlet(
    "InModuleScope",
    module="Pester",
    synopsis="Runs a script block inside a loaded module's session state (in place when no such module is loaded).",
)
class InModuleScope(Cmdlet):
    parameters = (
        Parameter("ModuleName", "string", position=0, mandatory=True),
        Parameter("ScriptBlock", "scriptblock", position=1, mandatory=True),
        Parameter("Parameters", "hashtable"),
        Parameter("ArgumentList", "object[]"),
    )

    def process(self):
        block = self.ScriptBlock
        module = next((m for m in reversed(self.ctx.modules) if m.Name.lower() == str(self.ModuleName).lower()), None)
        if module is not None:  # a loaded module: the block runs in its session state (docs/modules.md)
            scope = Scope(module.scope, self.ctx)
            block = block.bound_to(module)
        else:
            scope = Scope(self.runtime.scope, self.ctx)
        params = self.bound.get("Parameters") or Hashtable()
        for key, value in params.items():
            scope.vars[str(key).lower()] = value
        return self.ctx.invoke_block(block, tuple(self.bound.get("ArgumentList") or ()), None, False, scope)


@cmdlet(
    "Setup",
    module="Pester",
    synopsis="Pester 4: makes a file or folder in TestDrive (-File with -Content, -Dir).",
)
class Setup(Cmdlet):
    """Pester 4's Setup (Functions/TestDrive.ps1 of Pester 4.10): inside a Describe, `-Dir`
    makes the folder `$TestDrive/<Path>`, `-File` the file with `<Content>` (parents made as
    New-Item -Force makes them); with neither switch nothing is made.  -PassThru returns the item."""

    parameters = (
        Parameter("Dir", "switch"),
        Parameter("File", "switch"),
        Parameter("Path", "string", position=0),
        Parameter("Content", "object", position=1),
        Parameter("PassThru", "switch"),
    )

    def process(self):
        from pscompat.cmdlets.items import item

        state = state_of(self.ctx)
        drive = self.runtime.scope.lookup("testdrive", None)
        if not state.running_blocks or not isinstance(drive, str):
            # Assert-DescribeInProgress (Pester 4.10, Functions/Describe.ps1)
            self.throw_terminating(
                "The Setup command may only be used from a Pester test script.",
                "PesterSetupOutsideDescribe",
                "InvalidOperation",
            )
        path = os.path.join(drive, str(self.Path or "").replace("\\", "/").lstrip("/"))
        made = None
        if self.Dir:
            os.makedirs(path, exist_ok=True)
            made = path
        if self.File:
            os.makedirs(os.path.dirname(path), exist_ok=True)
            content = self.bound.get("Content")
            with open(path, "w", encoding="utf-8") as fh:
                fh.write("" if content is None else to_string(content))
            made = path
        if self.PassThru and made is not None:
            return [item(made)]
        return None
