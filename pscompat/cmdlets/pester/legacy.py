"""Pester 4's model, for test files written for it (PowerShell's own suite pins Pester 4.x:
build.psm1 saves Pester with -MaximumVersion 4.99): no discovery phase.  A Describe runs its body
top to bottom as it is met; its BeforeAll/AfterAll/BeforeEach/AfterEach are found in the body
before it runs (Pester 4 reads them from the script block's syntax tree), BeforeAll runs first in
the body's scope, and each It runs at once, so -TestCases may use what BeforeAll or the body set.
An error in the body outside any It is reported as a failed test 'Error occurred in <kind> block',
as Pester 4 does.  Invoke-Pester -Pester4 selects this model.
"""

from __future__ import annotations

import os
import time

from pscompat.cmdlets.pester.model import Block, Container, Failure, Test
from pscompat.cmdlets.pester.running import (
    BlockRunner,
    clear_added,
    close_test_drive,
    failure_of,
    open_test_drive,
    script_root_vars,
)
from pscompat.engine.scope import Scope
from pscompat.engine.scriptblock import ScriptBlockValue
from pscompat.errors import ExitFlow, FlowControl, PSError
from pscompat.syntax import nodes as N

_SLOTS = {"beforeall": "before_all", "afterall": "after_all", "beforeeach": "before_each", "aftereach": "after_each"}


def collect_setup(block: Block, fixture: ScriptBlockValue) -> None:
    """The setup commands written directly in the body: `BeforeAll { ... }` and the others."""
    body = fixture.node.end
    for statement in body.statements if body is not None else ():
        if not isinstance(statement, N.Pipeline) or len(statement.elements) != 1:
            continue
        command = statement.elements[0]
        if not isinstance(command, N.Command) or not command.elements:
            continue
        head = command.elements[0]
        slot = _SLOTS.get(head.value.lower()) if isinstance(head, N.StringConstant) else None
        if slot is None:
            continue
        for arg in command.elements[1:]:
            if isinstance(arg, N.ScriptBlockExpression):
                getattr(block, slot).append(ScriptBlockValue(arg.body, fixture.source))
                break


def _skipped(block: Block | None) -> bool:
    while block is not None:
        if block.skip:
            return True
        block = block.parent
    return False


def run_block_now(cmd, state) -> None:
    from pscompat.cmdlets.pester.blocks import block_position, block_tags
    from pscompat.cmdlets.pester.mocks import drop_block_mocks

    ctx = cmd.ctx
    parent = state.current_block
    file, line = block_position(cmd.runtime)
    block = Block(
        cmd.Name,
        cmd.kind,
        parent=parent,
        body=cmd.Fixture,
        tags=block_tags(cmd.bound.get("Tag")),
        skip=bool(cmd.bound.get("Skip")),
        file=file,
        line=line,
    )
    parent.children.append(block)
    collect_setup(block, cmd.Fixture)
    scope = Scope(cmd.runtime.scope, ctx)
    runner: BlockRunner = state.legacy_runner
    drive = scope.lookup("testdrive", None)
    before = (drive, set(os.listdir(drive))) if isinstance(drive, str) and os.path.isdir(drive) else None
    state.current_block = block
    state.running_blocks.append(block)
    start = time.perf_counter()
    try:
        try:
            if not _skipped(block):
                for setup in block.before_all:
                    runner._invoke(setup, scope)
            runner._invoke(cmd.Fixture, scope)
        except PSError as err:
            _block_error(block, failure_of(err), runner)
        finally:
            try:
                if not _skipped(block):
                    for teardown in block.after_all:
                        runner._invoke(teardown, scope)
            except PSError as err:
                _block_error(block, failure_of(err), runner)
    finally:
        state.running_blocks.pop()
        state.current_block = parent
        drop_block_mocks(ctx, block)
        if before is not None:
            clear_added(*before)
        block.duration = time.perf_counter() - start
        if block.result != "Failed":
            block.result = "Passed"


def _block_error(block: Block, failure: Failure, runner: BlockRunner) -> None:
    block.failure, block.result = failure, "Failed"
    test = Test(f"Error occurred in {block.kind} block", None, block, file=failure.file, line=failure.line)
    test.result, test.failure = "Failed", failure
    block.children.append(test)
    runner.report("test", test)


def run_test_now(cmd, state, test: Test) -> None:
    test.parent.children.append(test)
    test.should_run = state.filter is None or state.filter.selects(test)
    if not test.should_run:
        return
    if _skipped(test.parent):
        test.skip = True
    state.legacy_runner.run_test(test, cmd.runtime.scope)


def run_file(ctx, state, path: str, report, test_filter) -> Container:
    """Run one file the Pester 4 way."""
    from pscompat.cmdlets.pester.runner import parse_test_file

    root = Block(path, "Root", file=path)
    container = Container(path, root)
    scope = Scope(ctx.global_scope, ctx, is_script=True)
    script_root_vars(scope, path)
    drive = open_test_drive(scope)
    saved = (state.phase, state.current_block, state.filter, getattr(state, "legacy_runner", None))
    state.phase, state.current_block, state.filter = "Legacy", root, test_filter
    state.legacy_runner = BlockRunner(ctx, state, report)
    state.running_blocks.append(root)
    start = time.perf_counter()
    try:
        block = parse_test_file(path)
        ctx.invoke_block_raising(block, (), None, False, scope)
    except PSError as err:
        container.failure = failure_of(err)
    except ExitFlow:
        raise
    except FlowControl:
        pass
    except OSError as err:
        container.failure = Failure(str(err), "FileNotFound", path)
    finally:
        state.running_blocks.pop()
        state.phase, state.current_block, state.filter, state.legacy_runner = saved
        close_test_drive(drive)
        from pscompat.cmdlets.pester.mocks import drop_block_mocks

        drop_block_mocks(ctx, root)
    container.duration = time.perf_counter() - start
    failed = container.failure is not None or any(t.result == "Failed" for t in root.tests())
    container.result = "Failed" if failed else "Passed"
    return container
