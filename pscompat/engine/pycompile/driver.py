"""Compiling a script block: the closure compiler first (the reference, and the fallback), then
one generated Python function per statement block and for a block that is one expression.

The generated text is compiled with compile() once per distinct text (the code objects are
cached; each block gets its own globals with its constants).  PSCOMPAT_PYCOMPILE=0 in the
environment, or `set_enabled(False)`, runs the closures only (the differential test does)."""

from __future__ import annotations

import os
import types
from collections import OrderedDict
from functools import partial

from pscompat.engine.breakpoints import VARIABLE_INDEX, has_line_breakpoints
from pscompat.engine.compiler.statements import StatementCompiler, compile_script_block
from pscompat.engine.pycompile import errors
from pscompat.engine.pycompile.emitter import Emitter, Unsupported
from pscompat.engine.pycompile.helpers import lookup
from pscompat.engine.pycompile.loops import LoopGenerator
from pscompat.engine.runtime import Enumerator, as_list, emit_enumerated
from pscompat.engine.scope import AUTOMATION_NULL, MISSING
from pscompat.engine.scriptblock import CompiledBlock
from pscompat.errors import BreakFlow, ContinueFlow
from pscompat.source import Source
from pscompat.syntax import nodes as N
from pscompat.values.convert.primitives import to_bool
from pscompat.values.methods.invoke import VOID
from pscompat.values.operators.table import CharRange

_state = {"enabled": os.environ.get("PSCOMPAT_PYCOMPILE", "1") != "0"}

_CODE_CACHE: OrderedDict[str, types.CodeType] = OrderedDict()
_CODE_CACHE_SIZE = 1024

_BASE_NAMESPACE = {
    "_MISSING": MISSING,
    "_AUTOMATION_NULL": AUTOMATION_NULL,
    "_VOID_TYPE": type(VOID),
    "_SCALARS": frozenset((int, str, float, bool, type(None))),
    "_SEQUENCES": (list, tuple, range, CharRange),
    "_lookup": lookup,
    "_to_bool": to_bool,
    "_emit_enumerated": emit_enumerated,
    "_as_list": as_list,
    "_Enumerator": Enumerator,
    "_BreakFlow": BreakFlow,
    "_ContinueFlow": ContinueFlow,
}

_BLOCK_PROLOGUE = (
    "    V = scope.vars",
    "    _ctx = scope.ctx",
    "    _assign = _ctx.assign",
    "    _GV = _ctx.global_scope.vars",
    "    _is_global = scope is _ctx.global_scope",
    "    _assigned = _ctx.assigned",
)


def set_enabled(enabled: bool) -> bool:
    """Turn generation on or off (blocks compiled later); returns the previous setting."""
    old = _state["enabled"]
    _state["enabled"] = enabled
    return old


def enabled() -> bool:
    return _state["enabled"]


def _code_for(text: str, name: str) -> types.CodeType:
    code = _CODE_CACHE.get(text)
    if code is None:
        module = compile(text, f"<pscompat {name}>", "exec")
        code = next(c for c in module.co_consts if isinstance(c, types.CodeType))
        _CODE_CACHE[text] = code
        if len(_CODE_CACHE) > _CODE_CACHE_SIZE:
            _CODE_CACHE.popitem(last=False)
    else:
        _CODE_CACHE.move_to_end(text)
    return code


def _build(em: Emitter, header: str, name: str, source: Source, tail: list[str] | None = None):
    """The generated function, or None if Python refuses the text (a generator bug must cost
    speed, never a script: the closures then run)."""
    text = "\n".join([header, *em.lines, *(tail or [])]) + "\n"
    try:
        code = _code_for(text, name)
    except (SyntaxError, ValueError):
        return None
    namespace = dict(_BASE_NAMESPACE)
    namespace.update(em.namespace)
    markers = errors.Markers(text, em.spans)
    namespace["_fail"] = partial(errors.statement_failed, source=source, markers=markers, code=code)
    namespace["_locate"] = partial(errors.locate_failed, source=source, markers=markers, code=code)
    namespace["_expr_failed"] = partial(errors.expression_failed, source=source, markers=markers, code=code)
    fn = types.FunctionType(code, namespace, name)
    fn.python_source = text  # type: ignore[attr-defined]
    return fn


# Set-StrictMode's checks (engine/strict_mode.py) live in the closure compiler: while a scope is
# strict, a generated function hands its run to the closures it replaced (one test per call).
_STRICT_GUARD = "    if scope.ctx.strict_modes is not None: return _reference({args})"


def generate_block(
    node: N.StatementBlock, source: Source, closures: StatementCompiler, name: str = "block", reference=None
):
    """A StatementBlock as `fn(scope, emit)`, or None when the generator handles none of it.
    `reference`: the closure compiler's function for the same block, run under strict mode."""
    if any(isinstance(s, (N.TypeDefinition, N.UsingStatement)) for s in node.statements):
        return None  # the closure compiler defines a block's classes and enums before it runs
    em = Emitter()
    if reference is not None:
        em.namespace["_reference"] = reference
        em.lines.append(_STRICT_GUARD.format(args="scope, emit"))
    em.lines.extend(_BLOCK_PROLOGUE)
    gen = LoopGenerator(em, closures)
    try:
        gen.statements(node.statements)
    except Unsupported:
        return None
    return _build(em, f"def {name}(scope, emit):", name, source)


def generate_expression(node, source: Source, closures: StatementCompiler, reference=None):
    """A one-expression block's expression as `fn(scope) -> value` (`reference`: as for blocks)."""
    em = Emitter()
    gen = LoopGenerator(em, closures)
    code = gen.expr(node)
    if gen.fallbacks and code.endswith("(scope)") and code.startswith("_f"):
        return None  # nothing generated: the closure itself is as good
    guard = []
    if reference is not None:
        em.namespace["_reference"] = reference
        guard = [_STRICT_GUARD.format(args="scope")]
    em.lines[:] = [
        *guard,
        "    V = scope.vars",
        "    try:",
        f"        return {code}",
        "    except Exception as _e:",
        "        _expr_failed(_e)",
    ]
    return _build(em, "def expression(scope):", "expression", source)


def compile_block(node: N.ScriptBlock, source: Source, is_filter: bool = False) -> CompiledBlock:
    """The closure compiler's CompiledBlock, its parts replaced by generated functions."""
    cb = compile_script_block(node, source, is_filter)
    if not _state["enabled"] or VARIABLE_INDEX or has_line_breakpoints(source):
        return cb  # breakpoint hooks live in the closures (engine/breakpoints.py)
    closures = StatementCompiler(source)
    parts = {"begin": node.begin, "process": node.process, "end": node.end}
    if is_filter and node.process is None:
        parts["process"], parts["end"] = node.end, None
    for part, body in parts.items():
        if body is not None and getattr(cb, part) is not None:
            fn = generate_block(body, source, closures, part, reference=getattr(cb, part))
            if fn is not None:
                setattr(cb, part, fn)
    if cb.expr is not None and node.end is not None:
        expression = node.end.statements[0].elements[0].expression
        fn = generate_expression(expression, source, closures, reference=cb.expr)
        if fn is not None:
            cb.expr = fn
    return cb


def python_source(node: N.ScriptBlock, source: Source) -> str:
    """The generated Python of a script and of every script block and function inside it, for
    `pscompat --show-python`: each function's text, or a note where the closures run."""
    out: list[str] = []
    closures = StatementCompiler(source)
    blocks: list[tuple[str, N.ScriptBlock]] = [("script", node)]
    seen = 0
    while seen < len(blocks):
        label, block = blocks[seen]
        seen += 1
        for part in ("begin", "process", "end"):
            body = getattr(block, part)
            if body is None:
                continue
            out.append(f"# {label}: {part} block, line {source.coord(body.span.start)[0]}")
            try:
                fn = generate_block(body, source, closures, part)
            except Exception as exc:  # a compile-time error: the closure compiler reports it
                out.append(f"# not generated: {exc}\n")
                continue
            out.append(fn.python_source if fn is not None else "# (runs as closures: engine/compiler)\n")
        for inner in _nested_blocks(block):
            blocks.append(inner)
    return "\n".join(out)


def _nested_blocks(block: N.ScriptBlock):
    from pscompat.records import fields

    stack = [getattr(block, p) for p in ("param_block", "begin", "process", "end") if getattr(block, p) is not None]
    while stack:
        node = stack.pop()
        if isinstance(node, N.FunctionDefinition):
            yield f"function {node.name}", node.body
            continue
        if isinstance(node, N.ScriptBlockExpression):
            yield "{ " + " ".join(node.body.text.split())[:40] + " }", node.body
            continue
        if isinstance(node, (tuple, list)):
            stack.extend(reversed(node))
        elif isinstance(node, N.Node):
            stack.extend(getattr(node, f) for f in reversed(fields(node)))
