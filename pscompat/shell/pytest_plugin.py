"""pytest plugin (entry point pytest11 'pscompat'): `pytest path/` collects *.Tests.ps1 files and
reports each Pester `It` as a pytest item.

Node ids are `file.Tests.ps1::Describe.Context.It`; Pester tags become markers (`-m slow`);
`-k` selects by name.  A file is discovered at collection (Pester's discovery phase) and run
once, when its first selected item runs, with only the selected tests; each item then reports
its test's result: a failed assertion shows Pester's message and the PowerShell position.
"""

from __future__ import annotations

import re

import pytest


def pytest_collect_file(file_path, parent):
    if file_path.name.lower().endswith(".tests.ps1"):
        return PesterFile.from_parent(parent, path=file_path)
    return None


class PesterFailed(Exception):
    """A test that failed in PowerShell: its Pester failure text."""


_MARKER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


class PesterFile(pytest.File):
    def collect(self):
        import pscompat
        from pscompat.cmdlets.pester.runner import discover

        self.ps_session = pscompat.Session()
        self.container = discover(self.ps_session.ctx, str(self.path))
        self.ran = False
        if self.container.failure is not None:
            yield PesterItem.from_parent(self, name="<discovery>", test=None)
            return
        seen: dict[str, int] = {}
        for test in self.container.root.tests():
            name = test.expanded_path
            if name in seen:  # two tests of one name (a -ForEach without a <template>) stay apart
                seen[name] += 1
                name = f"{name}[{seen[name]}]"
            else:
                seen[name] = 0
            item = PesterItem.from_parent(self, name=name, test=test)
            for tag in [*test.tags, *test.parent.all_tags()]:
                if _MARKER.match(tag):
                    self.config.addinivalue_line("markers", f"{tag}: Pester tag")
                    item.add_marker(tag)
            yield item

    def run_selected(self) -> None:
        """Run the file's selected tests once (the others stay NotRun)."""
        if self.ran:
            return
        self.ran = True
        from pscompat.cmdlets.pester.model import state_of
        from pscompat.cmdlets.pester.runner import ConsoleReport
        from pscompat.cmdlets.pester.running import BlockRunner, script_root_vars
        from pscompat.engine.scope import Scope

        selected = {id(i.test) for i in self.session.items if isinstance(i, PesterItem) and i.parent is self}
        for test in self.container.root.tests():
            test.should_run = id(test) in selected
        ctx = self.ps_session.ctx
        scope = Scope(ctx.global_scope, ctx, is_script=True)
        script_root_vars(scope, str(self.path))
        BlockRunner(ctx, state_of(ctx), ConsoleReport(ctx.host, "None")).run_root(self.container.root, scope)


class PesterItem(pytest.Item):
    def __init__(self, *, test, **kw):
        super().__init__(**kw)
        self.test = test

    def runtest(self):
        parent: PesterFile = self.parent
        if self.test is None:
            raise PesterFailed(_failure_text(parent.container.failure))
        parent.run_selected()
        result = self.test.result
        if result == "Failed":
            raise PesterFailed(_failure_text(self.test.failure))
        if result in ("Skipped", "Inconclusive"):
            pytest.skip(self.test.skip_reason or result.lower())
        if result == "NotRun":
            pytest.skip("not run")

    def repr_failure(self, excinfo, style=None):
        if isinstance(excinfo.value, PesterFailed):
            return str(excinfo.value)
        return super().repr_failure(excinfo, style)

    def reportinfo(self):
        line = (self.test.line - 1) if self.test is not None and self.test.line else 0
        return self.path, line, self.name


def _failure_text(failure) -> str:
    return "\n".join([failure.display, *failure.trace_lines()])
