"""Pester 5's run phase: each block in a child scope of its parent's, BeforeAll once in the
block's scope, every test in its own child scope with the BeforeEach of its blocks (outermost
first), its body, then the AfterEach (innermost first, even after a failure); AfterAll last.
A test is recorded Passed, Failed, Skipped or Inconclusive, with the failure and its position.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from collections.abc import Callable

from pscompat.cmdlets.pester.blocks import INCONCLUSIVE, SKIPPED, set_data_variables
from pscompat.cmdlets.pester.model import Block, Failure, PesterState, Test
from pscompat.cmdlets.pester.should import ASSERTION_FAILED
from pscompat.engine import fs_drives
from pscompat.engine.scope import Scope
from pscompat.errors import ExitFlow, FlowControl, PSError


def failure_of(err: PSError) -> Failure:
    file, line, text = "", 0, ""
    if err.span is not None and err.source is not None:
        line = err.source.coord(err.span.start)[0]
        text = err.source.line_text(line)
        file = err.source.name if not err.source.name.startswith("<") else "<No file>"
    return Failure(
        err.message,
        err.fully_qualified_error_id,
        file,
        line,
        text,
        exception_type=err.exception_type,
        is_assertion=err.fully_qualified_error_id == ASSERTION_FAILED,
    )


class Filter:
    """Which tests run: -TagFilter / -ExcludeTagFilter (wildcards, on the test's and its blocks'
    tags) and -FullNameFilter (wildcards on 'Describe.Context.It')."""

    def __init__(self, tags=(), exclude_tags=(), full_names=()):
        self.tags = [t for t in tags if t]
        self.exclude_tags = [t for t in exclude_tags if t]
        self.full_names = [n for n in full_names if n]

    def selects(self, test: Test) -> bool:
        from pscompat.values.operators.patterns import wildcard_match

        tags = [*test.tags, *test.parent.all_tags()]
        if any(wildcard_match(x, t) for x in self.exclude_tags for t in tags):
            return False
        if self.tags and not any(wildcard_match(x, t) for x in self.tags for t in tags):
            return False
        if self.full_names and not any(wildcard_match(n, test.expanded_path) for n in self.full_names):
            return False
        return True


class BlockRunner:
    """Runs one container's tree; `report` receives ('block', block) before a block's first
    test and ('test', test) after each test, for the console output."""

    def __init__(self, ctx, state: PesterState, report: Callable[[str, object], None]):
        self.ctx = ctx
        self.state = state
        self.report = report

    # -- scripts -------------------------------------------------------------------------------
    def _invoke(self, block, scope: Scope, data=None) -> None:
        """Dot-source a setup or test script into `scope`; a statement error ends it (as inside
        Pester's try/catch, every error in a test is terminating)."""
        ctx = self.ctx
        if data is None and self.state.phase == "Legacy":
            # Pester 4 runs an It where it stands: a test inside ForEach-Object sees its $_
            data = scope.lookup("_", None)
        ctx.invoke_block_raising(block, (), data, False, scope)

    # -- blocks --------------------------------------------------------------------------------
    def run_root(self, root: Block, parent_scope: Scope) -> None:
        self.state.phase = "Run"
        try:
            self.run_block(root, parent_scope)
        finally:
            self.state.phase = ""

    def run_block(self, block: Block, parent_scope: Scope) -> None:
        start = time.perf_counter()
        tests = [t for t in block.tests() if t.should_run]
        if not tests:
            return
        scope = Scope(parent_scope, self.ctx)
        if block.has_data:
            set_data_variables(scope, block.data)
        # TestDrive (Pester's TestDrive plugin): the container's root makes the folder and removes
        # it at its end; a Describe or Context removes what was added to it while it ran.
        test_drive = before = None
        if block.kind == "Root":
            test_drive = open_test_drive(scope)
        else:
            drive = scope.lookup("testdrive", None)
            if isinstance(drive, str) and os.path.isdir(drive):
                before = (drive, set(os.listdir(drive)))
        self.state.running_blocks.append(block)
        try:
            if block.skip:
                self.state.debug("Skip", f"({'.'.join(block.path)}) Block is skipped.")
                for test in tests:
                    test.result, test.skip_reason = "Skipped", ""
                    self.report("test", test)
                return
            try:
                for setup in block.before_all:
                    self._invoke(setup, scope, block.data if block.has_data else None)
            except PSError as err:
                block.failure = failure_of(err)
                block.result = "Failed"
                for test in tests:
                    test.result = "Failed"
                    test.failure = block.failure
                    self.report("test", test)
                self._after_all(block, scope)
                return
            for child in block.children:
                if isinstance(child, Test):
                    if child.should_run:
                        self.run_test(child, scope)
                else:
                    self.run_block(child, scope)
            self._after_all(block, scope)
            if block.result != "Failed":
                block.result = "Passed"
        finally:
            self.state.running_blocks.pop()
            from pscompat.cmdlets.pester.mocks import drop_block_mocks

            drop_block_mocks(self.ctx, block)
            if test_drive is not None:
                close_test_drive(test_drive)
            elif before is not None:
                clear_added(*before)
            block.duration = time.perf_counter() - start

    def _after_all(self, block: Block, scope: Scope) -> None:
        try:
            for teardown in block.after_all:
                self._invoke(teardown, scope)
        except PSError as err:
            block.failure = failure_of(err)
            block.result = "Failed"

    def _chain(self, block: Block) -> list[Block]:
        chain: list[Block] = []
        b: Block | None = block
        while b is not None:
            chain.append(b)
            b = b.parent
        return list(reversed(chain))

    # -- tests ---------------------------------------------------------------------------------
    def run_test(self, test: Test, block_scope: Scope) -> None:
        start = time.perf_counter()
        self.report("start", test)
        if test.skip:
            self.state.debug("Skip", f"({'.'.join(test.path)}) Test is skipped.")
            test.result = "Skipped"
            test.duration = time.perf_counter() - start
            self.report("test", test)
            return
        scope = Scope(block_scope, self.ctx)
        data = test.data if test.has_data else None
        if test.has_data:
            set_data_variables(scope, test.data)
        chain = self._chain(test.parent)
        self.state.current_test = test
        user = 0.0
        try:
            try:
                for b in chain:
                    for setup in b.before_each:
                        self._invoke(setup, scope, data)
                body_start = time.perf_counter()
                try:
                    if test.body is not None:
                        self._invoke(test.body, scope, data)
                finally:
                    user = time.perf_counter() - body_start
                test.result = "Passed"
            except PSError as err:
                self._record(test, err)
            except ExitFlow:
                raise
            except FlowControl:
                test.result = "Passed"  # a `return` or `break` ends the test's body
            for b in reversed(chain):
                try:
                    for teardown in b.after_each:
                        self._invoke(teardown, scope, data)
                except PSError as err:
                    if test.result == "Passed":
                        self._record(test, err)
        finally:
            self.state.current_test = None
            from pscompat.cmdlets.pester.mocks import drop_test_mocks

            drop_test_mocks(self.ctx, test)
        test.duration = time.perf_counter() - start
        test.user_duration = user
        self.report("test", test)

    def _record(self, test: Test, err: PSError) -> None:
        fqid = err.fully_qualified_error_id
        if fqid == SKIPPED:
            test.result, test.skip_reason = "Skipped", err.message
        elif fqid == INCONCLUSIVE:
            test.result, test.skip_reason = "Inconclusive", err.message
        else:
            test.result = "Failed"
            test.failure = failure_of(err)


def open_test_drive(scope: Scope) -> tuple[str, str | None]:
    """A new temporary folder as $TestDrive and as the `TestDrive:` drive (Pester's TestDrive
    plugin, src/features/TestDrive.ps1: a FileSystem PSDrive named TestDrive rooted at the folder).
    Returns the folder and the drive's earlier root (a nested Invoke-Pester gets it back)."""
    folder = tempfile.mkdtemp(prefix="pester-testdrive-")
    scope.vars["testdrive"] = folder
    earlier = fs_drives.root_of("TestDrive")
    fs_drives.add("TestDrive", folder)
    return folder, earlier


def close_test_drive(drive: tuple[str, str | None]) -> None:
    folder, earlier = drive
    if os.getcwd() == folder or os.getcwd().startswith(folder + os.sep):
        os.chdir(os.path.dirname(folder))
    shutil.rmtree(folder, ignore_errors=True)
    if earlier is None:
        fs_drives.remove("TestDrive")
    else:
        fs_drives.add("TestDrive", earlier)


def clear_added(drive: str, kept: set) -> None:
    for name in set(os.listdir(drive)) - kept if os.path.isdir(drive) else ():
        path = os.path.join(drive, name)
        if os.path.isdir(path) and not os.path.islink(path):
            shutil.rmtree(path, ignore_errors=True)
        else:
            try:
                os.remove(path)
            except OSError:
                pass


def script_root_vars(scope: Scope, path: str) -> None:
    """$PSScriptRoot and $PSCommandPath of a test file, for discovery and for the run."""
    if path and not path.startswith("<"):
        full = os.path.abspath(path)
        scope.vars["psscriptroot"] = os.path.dirname(full)
        scope.vars["pscommandpath"] = full
