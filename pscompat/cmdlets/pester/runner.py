"""Invoke-Pester and New-PesterConfiguration: find the *.Tests.ps1 files, discover each, run
what the filters select, print Pester 5's console output and return the run's result object
(Pester 5: src/Main.ps1, src/functions/Output.ps1; console texts as Pester 5 prints them)."""

from __future__ import annotations

import glob
import os
import time

from pscompat.cmdlets.pester.model import Block, Container, Failure, Test, state_of
from pscompat.cmdlets.pester.running import BlockRunner, Filter, failure_of, script_root_vars
from pscompat.engine.commands import Cmdlet, Parameter, cmdlet
from pscompat.engine.scope import Scope
from pscompat.errors import ExitFlow, FlowControl, PSError
from pscompat.values.objects.classes import Hashtable

VERBOSITY = ("None", "Normal", "Detailed", "Diagnostic")


def human_time(seconds: float) -> str:
    """Get-HumanTime: whole milliseconds under a second, else seconds to two places."""
    if seconds < 1:
        return f"{int(round(seconds * 1000))}ms"
    return f"{round(seconds, 2)}s"


_DEBUG_COLORS = {"Skip": "Cyan", "Mock": "DarkYellow", "Discovery": "DarkMagenta", "CodeCoverage": "Yellow"}


class ConsoleReport:
    """Pester 5's WriteScreen plugin for one verbosity."""

    def __init__(self, host, verbosity: str):
        self.host = host
        self.verbosity = verbosity

    @property
    def detailed(self) -> bool:
        return self.verbosity in ("Detailed", "Diagnostic")

    def debug(self, category: str, message: str) -> None:
        """`Category: message ` in the category's colour (Write-PesterDebugMessage)."""
        self.write(f"{category}: {message} ", _DEBUG_COLORS.get(category, "Cyan"))

    def write(self, text: str, color: str | None = None) -> None:
        if self.verbosity != "None":
            self.host.write_host(text, True, color, None)

    def container_start(self, container: Container) -> None:
        if self.detailed:
            self.write(f"\nRunning tests from '{container.path}'", "Magenta")

    def container_failed(self, container: Container) -> None:
        f = container.failure
        self.write(f"[-] Discovery in {container.path} failed with:", "Red")
        for line in [f.display, *f.trace_lines()]:
            self.write(line, "Red")

    def block(self, block: Block) -> None:
        if not self.detailed or block.written or block.kind == "Root":
            return
        if block.parent is not None and block.parent.kind != "Root" and not block.parent.written:
            self.block(block.parent)
        block.written = True
        margin = " " * (len(block.path) - 1)
        word = "Describing" if block.kind == "Describe" else "Context"
        self.write(f"{margin}{word} {block.name}", "Green" if block.kind == "Describe" else "Cyan")

    def __call__(self, event: str, obj) -> None:
        if event == "start":
            self.block(obj.parent)
            return
        if event != "test":
            return
        test: Test = obj
        self.block(test.parent)
        if self.detailed:
            margin = " " * len(test.path)
            out = test.name
        else:
            margin = ""
            out = test.expanded_path
        framework = max(0.0, test.duration - test.user_duration)
        timing = f"{human_time(test.duration)} ({human_time(test.user_duration)}|{human_time(framework)})"
        if test.result == "Passed" and self.detailed:
            self.write(f"{margin}[+] {out} {timing}", "DarkGreen")
        elif test.result == "Failed":
            self.write(f"{margin}[-] {out} {timing}", "Red")
            error_margin = margin + " "
            for line in [*test.failure.display.split("\n"), *test.failure.trace_lines()]:
                self.write(error_margin + line, "Red")
        elif test.result == "Skipped" and self.detailed:
            reason = f" {test.skip_reason}" if test.skip_reason else ""
            self.write(f"{margin}[!] {out}{reason} {timing}", "Yellow")
        elif test.result == "Inconclusive" and self.detailed:
            reason = f" {test.skip_reason}" if test.skip_reason else ""
            self.write(f"{margin}[?] {out}{reason} {timing}", "Gray")


# -- the result object ------------------------------------------------------------------------
class TestResult:
    """A test as the run result shows it (Pester.Test)."""

    PS_TYPE_NAMES = ("Pester.Test", "System.Object")
    PS_PROPERTIES = ("Name", "Path", "ExpandedName", "ExpandedPath", "Result", "Passed", "Skipped", "Duration", "Tag")

    def __init__(self, test: Test):
        self._test = test
        self.Name = test.name
        self.ExpandedName = test.name
        self.Path = test.path
        self.ExpandedPath = test.expanded_path
        self.Result = test.result
        self.Passed = test.result == "Passed"
        self.Skipped = test.result == "Skipped"
        self.Executed = test.result != "NotRun"
        self.Duration = _span(test.duration)
        self.Tag = list(test.tags)
        self.File = test.file
        self.StartLine = test.line
        self.Block = test.parent.name
        self.ErrorRecord = [_error_view(test.failure)] if test.failure else []
        self.FailureMessage = test.failure.message if test.failure else test.skip_reason

    def ToString(self) -> str:
        return f"[{'+' if self.Passed else '-'}] {self.ExpandedPath}"


class ErrorView:
    PS_TYPE_NAMES = ("System.Management.Automation.ErrorRecord", "System.Object")
    PS_PROPERTIES = ("FullyQualifiedErrorId", "DisplayErrorMessage", "DisplayStackTrace")

    def __init__(self, f: Failure):
        self.FullyQualifiedErrorId = f.error_id
        self.DisplayErrorMessage = f.display
        self.DisplayStackTrace = "\n".join(f.trace_lines())
        self.TargetObject = Hashtable(File=f.file, Line=f.line, LineText=f.line_text, Message=f.message)

    def ToString(self) -> str:
        return self.DisplayErrorMessage


def _error_view(f: Failure) -> ErrorView:
    return ErrorView(f)


def _span(seconds: float):
    import datetime as _dt

    return _dt.timedelta(seconds=seconds)


class PesterRun:
    """Invoke-Pester -PassThru's result (Pester.Run)."""

    PS_TYPE_NAMES = ("Pester.Run", "System.Object")
    PS_PROPERTIES = (
        "Result",
        "FailedCount",
        "PassedCount",
        "SkippedCount",
        "InconclusiveCount",
        "NotRunCount",
        "TotalCount",
        "Duration",
        "Executed",
        "Version",
        "Tests",
    )

    def __init__(self, containers: list[Container], duration: float, configuration=None):
        tests = [t for c in containers for t in c.root.tests()]
        self.Containers = [c.path for c in containers]
        self.Tests = [TestResult(t) for t in tests]
        self.Passed = [t for t in self.Tests if t.Result == "Passed"]
        self.Failed = [t for t in self.Tests if t.Result == "Failed"]
        self.Skipped = [t for t in self.Tests if t.Result == "Skipped"]
        self.Inconclusive = [t for t in self.Tests if t.Result == "Inconclusive"]
        self.NotRun = [t for t in self.Tests if t.Result == "NotRun"]
        self.PassedCount = len(self.Passed)
        self.FailedCount = len(self.Failed)
        self.SkippedCount = len(self.Skipped)
        self.InconclusiveCount = len(self.Inconclusive)
        self.NotRunCount = len(self.NotRun)
        self.TotalCount = len(self.Tests)
        failed_blocks = [b for c in containers for b in c.root.blocks() if b.result == "Failed"]
        self.FailedBlocks = [".".join(b.path) for b in failed_blocks]
        self.FailedBlocksCount = len(failed_blocks)
        failed_containers = [c for c in containers if c.failure is not None]
        self.FailedContainers = [c.path for c in failed_containers]
        self.FailedContainersCount = len(failed_containers)
        self.Result = "Failed" if self.FailedCount or self.FailedBlocksCount or self.FailedContainersCount else "Passed"
        self.Duration = _span(duration)
        self.Executed = True
        self.Version = "5.7.1"
        self.Configuration = configuration
        self._containers = containers

    def ToString(self) -> str:
        return f"{self.Result}: {self.PassedCount} passed, {self.FailedCount} failed"


# -- discovery and the run -------------------------------------------------------------------
def parse_test_file(path: str):
    from pscompat.engine.scriptblock import ScriptBlockValue
    from pscompat.source import Source
    from pscompat.syntax.grammar import parse_cached

    with open(path, encoding="utf-8-sig") as fh:
        text = fh.read()
    return ScriptBlockValue(parse_cached(text, path), Source(text, path))


def discover(ctx, path: str, block=None) -> Container:
    """Run the file (or script block) once in discovery mode: its Describe/It calls build the tree."""
    state = state_of(ctx)
    root = Block(path, "Root", file=path)
    container = Container(path, root)
    previous = (state.phase, state.current_block)
    state.phase, state.current_block = "Discovery", root
    scope = Scope(ctx.global_scope, ctx, is_script=True)
    script_root_vars(scope, path)
    try:
        if block is None:
            block = parse_test_file(path)
        ctx.invoke_block_raising(block, (), None, False, scope)
    except PSError as err:
        container.failure = failure_of(err)
        container.result = "Failed"
    except ExitFlow:
        raise
    except FlowControl:
        pass
    except OSError as err:
        container.failure = Failure(str(err), "FileNotFound", path)
        container.result = "Failed"
    finally:
        state.phase, state.current_block = previous
    return container


def run_containers(ctx, containers: list[Container], report: ConsoleReport, test_filter: Filter) -> None:
    state = state_of(ctx)
    for container in containers:
        for test in container.root.tests():
            test.should_run = test_filter.selects(test)
    for container in containers:
        start = time.perf_counter()
        if container.failure is not None:
            report.container_failed(container)
            continue
        report.container_start(container)
        scope = Scope(ctx.global_scope, ctx, is_script=True)
        script_root_vars(scope, container.path)
        BlockRunner(ctx, state, report).run_root(container.root, scope)
        container.duration = time.perf_counter() - start
        container.result = "Failed" if any(t.result == "Failed" for t in container.root.tests()) else "Passed"


def write_summary(report: ConsoleReport, run: PesterRun) -> None:
    report.write(f"Tests completed in {human_time(run.Duration.total_seconds())}")
    report.write(
        f"Tests Passed: {run.PassedCount}, Failed: {run.FailedCount}, Skipped: {run.SkippedCount}, "
        f"Inconclusive: {run.InconclusiveCount}, NotRun: {run.NotRunCount}",
        "Red" if run.FailedCount else "Green",
    )
    if run.FailedBlocksCount:
        report.write(f"BeforeAll \\ AfterAll failed: {run.FailedBlocksCount}", "Red")
        report.write("\n".join(f"  - {b}" for b in run.FailedBlocks), "Red")
    if run.FailedContainersCount:
        report.write(f"Container failed: {run.FailedContainersCount}", "Red")
        report.write("\n".join(f"  - {c}" for c in run.FailedContainers), "Red")


def run_standalone(cmd: Cmdlet, discover_block) -> None:
    """A Describe outside Invoke-Pester: discover it, run it and print the report."""
    ctx = cmd.ctx
    state = state_of(ctx)
    source = cmd.runtime.source
    path = source.name if source is not None else "<ScriptBlock>"
    root = Block(path, "Root", file=path)
    container = Container(path, root)
    start = time.perf_counter()
    state.phase, state.current_block = "Discovery", root
    try:
        discover_block(state)
    finally:
        state.phase, state.current_block = "", None
    report = ConsoleReport(ctx.host, "Detailed")
    BlockRunner(ctx, state, report).run_root(root, Scope(cmd.runtime.scope, ctx))
    run = PesterRun([container], time.perf_counter() - start)
    write_summary(report, run)
    return None


def find_test_files(paths: list[str], cwd: str) -> list[str]:
    found: list[str] = []
    for raw in paths or ["."]:
        path = raw if os.path.isabs(raw) else os.path.join(cwd, raw)
        matches = glob.glob(path) or [path]
        for m in matches:
            if os.path.isdir(m):
                for dirpath, _dirs, files in os.walk(m):
                    found.extend(os.path.join(dirpath, f) for f in files if f.lower().endswith(".tests.ps1"))
            else:
                found.append(m)
    return sorted(dict.fromkeys(os.path.normpath(f) for f in found))


def _option(config, section: str, name: str, default=None):
    if not isinstance(config, dict):
        return default
    sec = config.get(section)
    if not isinstance(sec, dict):
        return default
    value = sec.get(name)
    if isinstance(value, dict) and "Value" in value:
        value = value.get("Value")
    return default if value is None else value


def _as_list(value) -> list:
    from pscompat.engine.runtime import as_list

    return [str(v) for v in as_list(value)]


@cmdlet(
    "Invoke-Pester",
    module="Pester",
    synopsis="Runs Pester tests: discovers the *.Tests.ps1 files under -Path, runs them, reports.",
    examples=(
        ("Invoke-Pester -Path ./tests -Output Detailed", "Every test with its result."),
        ("$r = Invoke-Pester -PassThru; $r.FailedCount", "The result object."),
    ),
)
class InvokePester(Cmdlet):
    parameters = (
        Parameter("Path", "string[]", position=0, aliases=("Script",)),
        Parameter("ExcludePath", "string[]"),
        Parameter("TagFilter", "string[]", aliases=("Tag", "Tags")),
        Parameter("ExcludeTagFilter", "string[]", aliases=("ExcludeTag",)),
        Parameter("FullNameFilter", "string[]", aliases=("FullName",)),
        Parameter("Output", "string", validate_set=VERBOSITY),
        Parameter("PassThru", "switch"),
        Parameter("CI", "switch"),
        Parameter("Configuration", "object"),
        Parameter("Container", "object"),
        # not Pester's: run files written for Pester 4 its way (no discovery phase; pester.legacy)
        Parameter("Pester4", "switch"),
    )

    def process(self):
        config = self.bound.get("Configuration")
        if config is not None and not isinstance(config, dict):
            config = getattr(config, "__dict__", None)
        paths = _as_list(self.bound.get("Path")) or _as_list(_option(config, "Run", "Path")) or ["."]
        verbosity = self.bound.get("Output") or _option(config, "Output", "Verbosity", "Normal")
        verbosity = next((v for v in VERBOSITY if v.lower() == str(verbosity).lower()), "Normal")
        test_filter = Filter(
            _as_list(self.bound.get("TagFilter")) or _as_list(_option(config, "Filter", "Tag")),
            _as_list(self.bound.get("ExcludeTagFilter")) or _as_list(_option(config, "Filter", "ExcludeTag")),
            _as_list(self.bound.get("FullNameFilter")) or _as_list(_option(config, "Filter", "FullName")),
        )
        ci = bool(self.bound.get("CI")) or bool(_option(config, "Run", "Exit", False))
        pass_thru = bool(self.bound.get("PassThru")) or bool(_option(config, "Run", "PassThru", False))
        result_enabled = ci or bool(_option(config, "TestResult", "Enabled", False))
        result_path = str(_option(config, "TestResult", "OutputPath", "testResults.xml"))
        result_format = str(_option(config, "TestResult", "OutputFormat", "NUnitXml"))

        report = ConsoleReport(self.ctx.host, verbosity)
        state = state_of(self.ctx)
        saved_debug = state.debug_writer
        state.debug_writer = report.debug if verbosity == "Diagnostic" else None
        try:
            return self._run(
                report, paths, test_filter, config, ci, pass_thru, result_enabled, result_path, result_format
            )
        finally:
            state.debug_writer = saved_debug

    def _run(self, report, paths, test_filter, config, ci, pass_thru, result_enabled, result_path, result_format):
        start = time.perf_counter()
        files = find_test_files(paths, self.ctx.cwd)
        excluded = _as_list(self.bound.get("ExcludePath"))
        if excluded:
            from pscompat.values.operators.patterns import wildcard_match

            files = [f for f in files if not any(wildcard_match(x, f) for x in excluded)]
        if self.bound.get("Pester4"):
            from pscompat.cmdlets.pester.legacy import run_file

            report.write(f"\nRunning tests from {len(files)} files (Pester 4 model).", "Magenta")
            containers = []
            for f in files:
                report.container_start(Container(f, Block(f, "Root")))
                container = run_file(self.ctx, state_of(self.ctx), f, report, test_filter)
                if container.failure is not None:
                    report.container_failed(container)
                containers.append(container)
        else:
            report.write(f"\nStarting discovery in {len(files)} files.", "Magenta")
            debug = state_of(self.ctx).debug
            debug("Discovery", f"Starting test discovery in {len(files)} test containers.")
            containers = []
            for f in files:
                debug("Discovery", f"Discovering tests in {f}")
                began = time.perf_counter()
                containers.append(discover(self.ctx, f))
                count = len(containers[-1].root.tests())
                debug("Discovery", f"Found {count} tests in {int((time.perf_counter() - began) * 1000)}ms")
            debug("Discovery", "Test discovery finished.")
            found = sum(len(c.root.tests()) for c in containers)
            report.write(f"Discovery found {found} tests in {human_time(time.perf_counter() - start)}.", "Magenta")
            report.write("Running tests.", "Magenta")
            run_containers(self.ctx, containers, report, test_filter)
        run = PesterRun(containers, time.perf_counter() - start, config)
        write_summary(report, run)
        if result_enabled:
            from pscompat.cmdlets.pester.results import write_result_file

            target = result_path if os.path.isabs(result_path) else os.path.join(self.ctx.cwd, result_path)
            write_result_file(run, target, result_format)
        self.ctx.global_scope.vars["lastexitcode"] = run.FailedCount + run.FailedBlocksCount + run.FailedContainersCount
        if ci:
            code = run.FailedCount + run.FailedBlocksCount + run.FailedContainersCount
            if code:
                raise ExitFlow(code)
        return [run] if pass_thru else None


_DEFAULTS = {
    "Run": {
        "Path": ["."],
        "ExcludePath": [],
        "ScriptBlock": [],
        "Container": [],
        "TestExtension": ".Tests.ps1",
        "Exit": False,
        "Throw": False,
        "PassThru": False,
        "SkipRun": False,
    },
    "Filter": {"Tag": [], "ExcludeTag": [], "Line": [], "ExcludeLine": [], "FullName": []},
    "CodeCoverage": {"Enabled": False, "OutputFormat": "JaCoCo", "OutputPath": "coverage.xml", "Path": []},
    "TestResult": {
        "Enabled": False,
        "OutputFormat": "NUnitXml",
        "OutputPath": "testResults.xml",
        "OutputEncoding": "UTF8",
        "TestSuiteName": "Pester",
    },
    "Should": {"ErrorAction": "Stop"},
    "Debug": {"ShowFullErrors": False, "WriteDebugMessages": False, "ShowNavigationMarkers": False},
    "Output": {"Verbosity": "Normal", "StackTraceVerbosity": "Filtered", "CIFormat": "Auto", "RenderMode": "Auto"},
    "TestDrive": {"Enabled": True},
    "TestRegistry": {"Enabled": True},
}


@cmdlet(
    "New-PesterConfiguration",
    module="Pester",
    synopsis="A configuration for Invoke-Pester -Configuration: sections Run, Filter, Output, TestResult...",
    examples=(
        (
            "$c = New-PesterConfiguration; $c.Run.Path = './tests'; $c.Output.Verbosity = 'Detailed'; "
            "Invoke-Pester -Configuration $c",
            "Run a folder with detailed output.",
        ),
    ),
)
class NewPesterConfiguration(Cmdlet):
    parameters = (Parameter("Hashtable", "hashtable", position=0),)

    def process(self):
        config = Hashtable()
        given = self.bound.get("Hashtable") or {}
        for section, options in _DEFAULTS.items():
            sec = Hashtable()
            for name, default in options.items():
                sec[name] = Hashtable(Value=list(default) if isinstance(default, list) else default, Default=default)
            override = given.get(section) if isinstance(given, dict) else None
            if isinstance(override, dict):
                for name, value in override.items():
                    sec[name] = Hashtable(Value=value, Default=options.get(name))
            config[section] = sec
        return [config]
