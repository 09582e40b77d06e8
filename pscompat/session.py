"""The Python API: `run`, `Session`, `to_python`."""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

from pscompat import catalog  # noqa: F401  (hands the command registry its cmdlet modules)
from pscompat.engine.context import ExecutionContext
from pscompat.engine.runtime import StopUpstream
from pscompat.errors import ExitFlow, FlowControl, PSError, ReturnFlow
from pscompat.result import PSResult
from pscompat.values.error_records import ErrorRecord

# Compiled scripts by parse tree (the parse cache hands back the same tree for the same text), so
# running one script again in any session neither re-parses nor re-compiles it.  The block keeps
# its tree alive, so an id is never reused while its entry exists.
_COMPILED: dict = {}
# Trees by (name, text), whichever parse made them: running a script again in this process
# (pscompat.run in a loop) neither reads the disk cache (which hashes the grammar's modules to
# find the file) nor looks the text up in the parser's own cache.
_TREES: dict = {}


def to_python(value: Any) -> Any:
    """Plain Python for any output: objects -> dicts of their properties in display order,
    arrays -> lists, hashtables -> dicts; scalars stay as they are."""
    from pscompat.values.objects.model import to_python as convert

    return convert(value)


class Session:
    """Keeps variables, functions and aliases between `run` calls."""

    def __init__(
        self,
        variable_fallback: Callable[[str], tuple[bool, Any]] | None = None,
        host=None,
        disk_parse_cache: bool | None = None,
    ):
        if host is None:
            from pscompat.format.host import CollectingHost

            host = CollectingHost()
        self.ctx = ExecutionContext(host, variable_fallback)
        self.assigned_variables: set[str] = set()
        # Parsed scripts are kept on disk (pscompat.syntax.cache), so a script an embedding
        # program ran before, in any process, skips importing and building the parser.  Off
        # with disk_parse_cache=False, PSCOMPAT_PARSE_CACHE=0 or PSCOMPAT_CACHE_DIR='' (see
        # docs/performance.md).
        self.disk_parse_cache = disk_parse_cache if disk_parse_cache is not None else disk_cache_default()

    @property
    def host(self):
        return self.ctx.host

    def get_variable(self, name: str, default: Any = None) -> Any:
        return self.ctx.get_variable(name, default)

    def set_variable(self, name: str, value: Any) -> None:
        self.ctx.set_variable(name, value)

    def execute(self, source: str, emit: Callable[[Any], None], name: str = "<script>", args=()) -> int | None:
        """Run `source`, pushing each output object to `emit`.  Returns the exit code of an
        `exit` statement (None when the script ran to its end).  Script-terminating errors raise."""
        from pscompat.engine.scriptblock import ScriptBlockValue
        from pscompat.source import Source

        node = _TREES.get((name, source))
        if node is None:
            if self.disk_parse_cache:
                from pscompat.syntax.cache import parse as parse_tree
            else:
                from pscompat.syntax.grammar import parse_cached as parse_tree
            node = _TREES[(name, source)] = parse_tree(source, name)
            if len(_TREES) > 256:
                del _TREES[next(iter(_TREES))]
        block = _COMPILED.get(id(node))
        if block is None or block.node is not node:
            block = ScriptBlockValue(node, Source(source, name))
            _COMPILED[id(node)] = block
            if len(_COMPILED) > 256:
                del _COMPILED[next(iter(_COMPILED))]
        ctx = self.ctx
        ctx.assigned = set()
        ctx.run_errors = []
        scope = ctx.global_scope
        scope.vars["args"] = list(args)
        if not name.startswith("<") and os.path.isfile(name):  # a script file (pscompat -File x.ps1)
            from pscompat.engine.script_files import check_requires, set_script_variables

            check_requires(source, name, ctx)
            set_script_variables(scope, name)
        cb = block.compiled
        if cb.decls:
            from pscompat.engine.binding import Binder, command_line_args

            info = block.command_info(name, "ExternalScript")
            binder = Binder(info, name, block.source, node.span, strict_unknown=info.is_advanced, scope=scope)
            binding = binder.bind(command_line_args(args), False)
            for p in info.parameters:
                key = p.name.lower()
                if p.name in binding.bound:
                    scope.vars[key] = binding.bound[p.name]
                elif key in cb.defaults:
                    scope.vars[key] = cb.defaults[key](scope)
                else:
                    scope.vars[key] = False if p.is_switch else None
            scope.vars["args"] = list(binding.extra_positional)
        try:
            for part in (cb.begin, cb.process, cb.end):
                if part is not None:
                    try:
                        part(scope, emit)
                    except ReturnFlow:
                        pass
        except ExitFlow as exit_:
            ctx.exit_requested = True
            return exit_.code
        except StopUpstream:
            pass
        except FlowControl:  # a break/continue outside any loop ends the script, as in PowerShell
            pass
        except PSError as err:
            ctx.remember_error(ErrorRecord.from_error(err))
            raise
        finally:
            self.assigned_variables = set(ctx.assigned)
        return None

    def run(self, source: str, **variables) -> PSResult:
        for k, v in variables.items():
            self.ctx.set_variable(k, v)
        out: list = []
        host = self.ctx.host
        lists = ("warnings", "verbose", "information")
        marks = {k: len(getattr(host, k)) for k in lists if isinstance(getattr(host, k, None), list)}
        code = self.execute(source, out.append)
        result = PSResult(out, errors=self.ctx.run_errors, exit_code=code)
        for k, n in marks.items():
            setattr(result, k, list(getattr(host, k)[n:]))
        return result


def disk_cache_default() -> bool:
    """The disk parse cache is on unless $PSCOMPAT_PARSE_CACHE is 0, off, false or no."""
    import os

    return os.environ.get("PSCOMPAT_PARSE_CACHE", "").strip().lower() not in ("0", "off", "false", "no")


def run(source: str, **variables) -> PSResult:
    """Run a script in a fresh session; keyword arguments become PowerShell variables."""
    return Session().run(source, **variables)
