"""Mock and Should -Invoke / -InvokeVerifiable (Pester 5: src/functions/Mock.ps1,
Pester.SessionState.Mock.ps1).

A mock is a PowerShell function put in front of the command (functions win over cmdlets in
command lookup): it takes the command's parameters, so the parameter filter and the mock body see
them as variables, and hands the call to Invoke-PesterMock, which records it and runs the newest
mock whose filter matches, or the real command when none does.  Mocks defined in a BeforeAll
last for their block, those in an It or BeforeEach for the test.  No engine hook is needed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pscompat.cmdlets.pester.model import Block, Test, state_of
from pscompat.cmdlets.pester.nicely import because as format_because
from pscompat.cmdlets.pester.nicely import format_nicely
from pscompat.engine.commands import Cmdlet, Parameter, cmdlet
from pscompat.engine.scope import Scope
from pscompat.values.convert.primitives import convert_to, to_bool
from pscompat.values.objects.classes import Hashtable


@dataclass
class MockEntry:
    name: str
    body: Any
    parameter_filter: Any
    verifiable: bool
    owner: Any  # the Test or Block it belongs to
    called: bool = False


@dataclass
class MockCall:
    name: str
    bound: Hashtable
    test: Test | None
    blocks: list = field(default_factory=list)
    entry: MockEntry | None = None  # the mock that answered the call (its body's file and line)


def _format_times(n: int) -> str:
    return "1 time" if n == 1 else f"{n} times"


def _proxy_source(name: str, info) -> str:
    """The mock function: the command's parameters, and a body that hands the call over."""
    params: list[str] = []
    positions: set = set()
    pipeline_taken = False
    advanced = True
    if info is not None and info.function is not None and info.cls is None:
        block = info.function.compiled.param_block
        if block is not None:
            text = block.text if hasattr(block, "text") else ""
            if text:
                head = "[CmdletBinding()]" if "cmdletbinding" not in text.lower() else ""
                return (
                    f"{head}{text}\nprocess {{ Invoke-PesterMock -CommandName '{name}' "
                    "-BoundParameters $PSBoundParameters -Arguments $args -PipelineItem $_ }"
                )
        advanced = info.is_advanced
    if info is not None:
        for p in info.parameters:
            attrs = []
            if p.position is not None and p.position not in positions:
                positions.add(p.position)
                attrs.append(f"Position={p.position}")
            if (p.pipeline or p.pipeline_by_name) and not pipeline_taken:
                pipeline_taken = True
                attrs.append("ValueFromPipeline=$true" if p.pipeline else "ValueFromPipelineByPropertyName=$true")
            typ = "[switch]" if p.is_switch else ""
            alias = f"[Alias({', '.join(repr(a) for a in p.aliases)})]" if p.aliases else ""
            params.append(f"[Parameter({', '.join(attrs)})]{alias}{typ}${{{p.name}}}")
    binding = "[CmdletBinding()]" if advanced and info is not None else ""
    if info is None:
        return f"Invoke-PesterMock -CommandName '{name}' -BoundParameters @{{}} -Arguments $args -PipelineItem $_"
    return (
        f"{binding}param({', '.join(params)})\nprocess {{ Invoke-PesterMock -CommandName '{name}' "
        "-BoundParameters $PSBoundParameters -Arguments $args -PipelineItem $_ }"
    )


def _compile(text: str, name: str):
    from pscompat.engine.scriptblock import ScriptBlockValue
    from pscompat.source import Source
    from pscompat.syntax.grammar import parse_cached

    return ScriptBlockValue(parse_cached(text, name), Source(text, name))


def _install(ctx, name: str, scope=None) -> None:
    state = state_of(ctx)
    key = name.lower()
    if key in state.saved_functions:
        return
    original = ctx.functions.get(key)
    info = (scope.find_function(key) if scope is not None else None) or original or ctx.resolve_command_info(name)
    if info is None:
        alias = ctx.aliases.get(key) or ctx.registry.resolve_alias(key)
        info = ctx.resolve_command_info(alias) if alias else None
    state.saved_functions[key] = original
    ctx.define_function(ctx.global_scope, name, _compile(_proxy_source(name, info), f"<Mock {name}>"))
    # a function of the same name in a scope between the caller and the global one would hide
    # the proxy (functions are scoped): the proxy takes its place there too until the mock ends
    proxy, shadowed = ctx.functions[key], []
    while scope is not None and scope is not ctx.global_scope:
        if scope.functions and key in scope.functions:
            shadowed.append((scope.functions, scope.functions[key]))
            scope.functions[key] = proxy
        scope = scope.parent
    state.shadowed_functions[key] = shadowed


def _uninstall(ctx, key: str) -> None:
    state = state_of(ctx)
    if state.mocks.get(key):
        return
    state.mocks.pop(key, None)
    if key in state.saved_functions:
        original = state.saved_functions.pop(key)
        if original is None:
            ctx.functions.pop(key, None)
        else:
            ctx.functions[key] = original
        for table, hidden in state.shadowed_functions.pop(key, ()):
            table[key] = hidden


def _drop(ctx, owner) -> None:
    state = state_of(ctx)
    for key in list(state.mocks):
        state.mocks[key] = [m for m in state.mocks[key] if m.owner is not owner]
        _uninstall(ctx, key)


def drop_test_mocks(ctx, test: Test) -> None:
    _drop(ctx, test)


def drop_block_mocks(ctx, block: Block) -> None:
    _drop(ctx, block)
    if block.kind == "Root":
        state = state_of(ctx)
        state.calls = [c for c in state.calls if block not in c.blocks]


def _filter_passes(ctx, flt, bound: dict, scope) -> bool:
    if flt is None:
        return True
    run_scope = Scope(scope, ctx)
    for key, value in bound.items():
        run_scope.vars[str(key).lower()] = value
    run_scope.vars["psboundparameters"] = bound
    out = ctx.invoke_block(flt, (), None, False, run_scope)
    return bool(out) and to_bool(out[-1] if len(out) == 1 else out)


@cmdlet(
    "Mock",
    module="Pester",
    synopsis="Replaces a command with a script block for the tests of the block or test it is in.",
    examples=(("Mock Get-Date { [datetime]'2020-01-01' }", "Get-Date returns a fixed date."),),
)
class Mock(Cmdlet):
    parameters = (
        Parameter("CommandName", "string", position=0, mandatory=True),
        Parameter("MockWith", "scriptblock", position=1),
        Parameter("ParameterFilter", "scriptblock"),
        Parameter("Verifiable", "switch"),
        Parameter("ModuleName", "string"),
        Parameter("RemoveParameterType", "string[]"),
        Parameter("RemoveParameterValidation", "string[]"),
    )

    def process(self):
        state = state_of(self.ctx)
        owner = state.current_test or (state.running_blocks[-1] if state.running_blocks else None)
        if state.phase not in ("Run", "Legacy") or owner is None:
            self.throw_terminating(
                "Mock must be called inside It, BeforeAll, BeforeEach or the other setup blocks of a test run.",
                "PesterMockOutsideRun",
                "InvalidOperation",
            )
        name = self.CommandName
        scope = self.runtime.scope
        module_name = str(self.bound.get("ModuleName") or "").lower()
        module = next((m for m in reversed(self.ctx.modules) if m.Name.lower() == module_name), None)
        if module is not None:  # -ModuleName: the module's own functions are mocked too
            scope = module.scope
        if self.ctx.resolve_command(name, scope) is None:
            self.throw_terminating(f"Could not find Command {name}", "PesterMockCommandNotFound", "ObjectNotFound")
        kind = "parametrized" if self.bound.get("ParameterFilter") is not None else "default"
        state.debug("Mock", f"Setting up {kind} mock for {name}.")
        _install(self.ctx, name, scope)
        key = name.lower()
        body = self.bound.get("MockWith")
        state.mocks.setdefault(key, []).append(
            MockEntry(name, body, self.bound.get("ParameterFilter"), bool(self.bound.get("Verifiable")), owner)
        )


@cmdlet("Invoke-PesterMock", module="Pester", synopsis="Runs a mocked call (used by the mock functions Mock makes).")
class InvokePesterMock(Cmdlet):
    parameters = (
        Parameter("CommandName", "string", mandatory=True),
        Parameter("BoundParameters", "object"),
        Parameter("Arguments", "object[]"),
        Parameter("PipelineItem", "object"),
    )

    def process(self):
        ctx = self.ctx
        state = state_of(ctx)
        name = self.CommandName
        key = name.lower()
        bound = Hashtable()
        for k, v in (self.bound.get("BoundParameters") or {}).items():
            bound[k] = v
        call = MockCall(name, bound, state.current_test, list(state.running_blocks))
        state.calls.append(call)
        scope = self.runtime.scope
        for entry in reversed(state.mocks.get(key, [])):
            if entry.parameter_filter is not None and _filter_passes(ctx, entry.parameter_filter, bound, scope):
                return self._run(entry, bound, scope, call)
        for entry in reversed(state.mocks.get(key, [])):
            if entry.parameter_filter is None:
                return self._run(entry, bound, scope, call)
        return self._original(name, bound)

    def _run(self, entry: MockEntry, bound: Hashtable, scope, call: MockCall):
        entry.called = True
        call.entry = entry
        state = state_of(self.ctx)
        state.debug("Mock", f"Executing mock behavior for mock {entry.name}.")
        if entry.body is None:
            state.debug("Mock", f"Behavior for {entry.name} was executed.")
            return None
        run_scope = Scope(scope, self.ctx)
        for k, v in bound.items():
            run_scope.vars[str(k).lower()] = v
        run_scope.vars["psboundparameters"] = bound
        args = tuple(self.bound.get("Arguments") or ())
        try:
            return self.ctx.invoke_block(entry.body, args, self.bound.get("PipelineItem"), False, run_scope)
        finally:
            state.debug("Mock", f"Behavior for {entry.name} was executed.")

    def _original(self, name: str, bound: Hashtable):
        ctx = self.ctx
        state = state_of(ctx)
        key = name.lower()
        proxy = ctx.functions.pop(key, None)
        saved = state.saved_functions.get(key)
        if saved is not None:
            ctx.functions[key] = saved
        shadowed = state.shadowed_functions.get(key, ())
        for table, hidden in shadowed:
            table[key] = hidden
        try:
            block = _compile(f"param($__pesterBound) & '{name}' @__pesterBound", f"<Mock {name}>")
            return ctx.invoke_block(block, (bound,), None, True, self.runtime.scope)
        finally:
            if proxy is not None:
                ctx.functions[key] = proxy
                for table, _hidden in shadowed:
                    table[key] = proxy


def _scope_calls(ctx, scope_name: str | None) -> list[MockCall]:
    state = state_of(ctx)
    test = state.current_test
    name = (scope_name or "").lower()
    if not name:
        name = "it" if test is not None else "block"
    if name == "it" and test is not None:
        return [c for c in state.calls if c.test is test]
    if name in ("describe", "context"):
        kind = name.capitalize()
        block = next((b for b in reversed(state.running_blocks) if b.kind == kind), None)
    else:
        block = state.running_blocks[-1] if state.running_blocks else None
    if block is None:
        return list(state.calls)
    return [c for c in state.calls if block in c.blocks]


def assert_invoked(ctx, bound: dict, negate: bool, bec: str) -> str | None:
    name = str(bound.get("ExpectedValue") or "")
    times = bound.get("Times")
    has_times = times is not None
    times = convert_to(times, "int") if has_times else 1
    exactly = bool(bound.get("Exactly"))
    flt = bound.get("ParameterFilter") or bound.get("ExclusiveFilter")
    exclusive = bound.get("ExclusiveFilter") is not None
    calls = [c for c in _scope_calls(ctx, bound.get("Scope")) if c.name.lower() == name.lower()]
    caller = ctx.global_scope
    matching = [c for c in calls if _filter_passes(ctx, flt, c.bound, caller)]
    count = len(matching)
    failure = None
    if negate:
        if not has_times and not exactly and count >= 1:
            failure = ("not to be called", f"but it was called {_format_times(count)}")
        elif count == times and (exactly or not has_times):
            failure = (f"not to be called exactly {_format_times(times)}", "but it was")
        elif count >= times and not exactly:
            failure = (f"to be called less than {_format_times(times)}", f"but was called {_format_times(count)}")
    else:
        if count != times and (exactly or times == 0):
            failure = (f"to be called {_format_times(times)} exactly", f"but was called {_format_times(count)}")
        elif count < times:
            failure = (f"to be called at least {_format_times(times)}", f"but was called {_format_times(count)}")
        elif exclusive and len(calls) > count:
            failure = (
                "to only be called with with parameters matching the specified filter",
                f"but {len(calls) - count} non-matching calls were made",
            )
    if failure is None:
        return None
    return f"Expected {name} {failure[0]},{bec} {failure[1]}\n{call_history(calls, matching)}"


def call_history(calls: list[MockCall], matching: list[MockCall]) -> str:
    """The list of calls under a failed Should -Invoke, as Pester 5 prints it
    (Format-MockCallHistoryMessage, src/functions/Mock.ps1): `[*]` marks a call the filter
    matched, then the command, its bound parameters (`-Name value`, values as Format-Nicely shows
    them) and the file and line of the mock's body that answered it."""
    if not calls:
        return "Performed invocations:\n  <none>"
    lines = ["Performed invocations:"]
    for call in calls:
        marker = "[*]" if any(call is m for m in matching) else "[ ]"
        params = " ".join(f"-{k} {format_nicely(v)}" for k, v in call.bound.items())
        body = call.entry.body if call.entry is not None else None
        where = ""
        if body is not None and not body.source.name.startswith("<"):
            where = f" from {body.source.name}:{body.source.coord(body.node.span.start)[0]}"
        lines.append(f"  {marker} {call.name}{' ' + params if params else ''}{where}")
    return "\n".join(lines)


def assert_verifiable(ctx, negate: bool, bec: str) -> str | None:
    state = state_of(ctx)
    entries = [m for ms in state.mocks.values() for m in ms if m.verifiable and m.called == negate]
    if not entries:
        return None
    text = ""
    for m in entries:
        text += f"\n Command {m.name} "
        if m.parameter_filter is not None:
            text += f"with {{ {m.parameter_filter.text.strip()} }}"
    if negate:
        return f"\nExpected no verifiable mocks to be called,{bec} but these were:{text}"
    return f"\nExpected all verifiable mocks to be called,{bec} but these were not:{text}"


__all__ = ["assert_invoked", "assert_verifiable", "drop_block_mocks", "drop_test_mocks", "format_because"]
