"""PowerShell at the xonsh prompt: `xontrib load pscompat`.

Glue only; the work is done by pscompat (classify, completion, Session).  What it adds, and
`_unload_xontrib_` removes again:
  * an `on_transform_command` handler: a PowerShell line (see pscompat.shell.classify) is rewritten
    into a call of `run_line`, so it runs as one script and its result is a Python value; a line
    xonsh's own parser reads (`mi = 'data.csv'`) stays xonsh's even if it starts with an alias,
    and `ps! <text>` runs the text as PowerShell whatever it looks like;
  * history entries keep the text as typed (the rewrite is an implementation detail);
  * a completer for cmdlet names, -Parameters and values;
  * the `ps` alias (`ps! <line>` in scripts; other uses still run the system's `ps`);
  * `on_envvar_new`/`on_envvar_change` handlers: `$img = 'x'` (a xonsh environment variable) is
    what PowerShell's `$img` reads when neither PowerShell nor Python has an `img`;
  * the name `pscompat` in the session: this module, which also forwards to the pscompat
    package, so `pscompat.run(...)`, `with! pscompat.block():` and `pscompat.PSError` all work;
    `block` is also lent to the package, so after `import pscompat` the block form still works;
  * an Enter-key binding: a complete one-line PowerShell buffer runs (see _enter_runs_powershell).
Nothing of the engine is imported until the first PowerShell line runs.
"""

from __future__ import annotations

import builtins
import keyword
import re
import sys

from xonsh.built_ins import XSH
from xonsh.completers.tools import RichCompletion, contextual_completer
from xonsh.environ import EnvPath
from xonsh.events import events

from pscompat.shell.classify import COMPLETE, INCOMPLETE, NOT_PS, classify, forced_text
from pscompat.shell.completion import complete

_RUNNER = "__xonsh__.imp.xontrib.pscompat.run_line"  # self-contained: works in any namespace
_NEED_MORE = "(\n"  # sure to fail compiling, so prompt_toolkit inserts a newline instead of running
_typed: dict = {}  # rewritten source -> what the user typed, for the history
_session = None
_scopes: list = []  # (locals, globals) of the code running PowerShell now, innermost last
_exported: set = set()  # names `$x = ...` copied into Python namespaces
_previous_ps = None  # a user's own `ps` alias, given back on unload
_env_names: set = set()  # xonsh environment variables set in this session: PowerShell reads them


# ----------------------------------------------------------------------------- running


def session():
    """The one PowerShell session of this xonsh session (created on first use)."""
    global _session
    if _session is None:
        import pscompat
        from pscompat.format.host import ConsoleHost

        _session = pscompat.Session(variable_fallback=_host_variable, host=ConsoleHost())
    return _session


def run(source: str, **variables):
    """Run PowerShell in the caller's scope and return its PSResult; errors raise PSError."""
    frame = sys._getframe(1)
    return _run(source, frame.f_locals, frame.f_globals, variables)


def run_line(source: str) -> None:
    """What a PowerShell line at the prompt becomes: output shown as PowerShell shows it, the
    PSResult left in `_`, errors printed, never raised."""
    frame = sys._getframe(1)
    result, _ = _run_printing_errors(source, frame.f_locals, frame.f_globals)
    if result:
        # Shown here, not by returning it: xonsh's displayhook would re-colour the table as if
        # it were xonsh code ($COLOR_RESULTS).  `_` is set as the displayhook would set it.
        _show(result)
        builtins._ = result


class block:
    """`with! pscompat.block() as result:` runs the indented PowerShell body."""

    __xonsh_block__ = str

    def __enter__(self):
        self.result, _ = _run_printing_errors(self.macro_block, self.macro_locals, self.macro_globals)
        if self.result:
            _show(self.result)
        return self.result

    def __exit__(self, *exc):
        return False


def _show(result) -> None:
    """Out-Default: the result's PowerShell rendering, through the host like pwsh's console, laid
    out for the terminal's width (the host's: 120 columns when output is not a terminal)."""
    from pscompat.shell.repl import render_for_host

    host = session().host
    text = render_for_host(host, list(result))
    host.write(text if text.endswith("\n") else text + "\n")


def _run(source, locs, glbs, variables=None, stdout=None, stderr=None):
    s = session()
    _sync_changed_python_values(s, glbs)
    _bind_host(s.host, stdout or sys.stdout, stderr or sys.stderr)
    _scopes.append((locs, glbs))
    try:
        return s.run(source, **(variables or {}))
    finally:
        _scopes.pop()
        _export_assigned(s, source, glbs)


def _bind_host(host, stdout, stderr):
    """Warnings, verbose and error lines go where this run's output goes (a pipe under `$(...)`)."""
    if getattr(host, "stdout", None) is not stdout:
        host.stdout, host.stderr = stdout, stderr
        host.tty = _isatty(stdout)


def _isatty(stream) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def _run_printing_errors(source, locs, glbs, stdout=None, stderr=None):
    """(result, failed); a terminating error is shown as PowerShell shows it, never raised."""
    import pscompat

    try:
        return _run(source, locs, glbs, None, stdout, stderr), False
    except pscompat.PSError as err:
        session().host.write_error(err)
    except Exception as err:  # an engine bug: say so in one line, the prompt lives on
        if XSH.env is not None and XSH.env.get("XONSH_SHOW_TRACEBACK"):
            raise
        print(f"pscompat internal error: {type(err).__name__}: {err}", file=stderr or sys.stderr)
    return None, True


def _host_variable(name):
    """A `$name` PowerShell has no variable for: the Python variable (the running code's scope,
    then the session), else a xonsh environment variable set in this session (`$img = 'x'`)."""
    found, value = _python_variable(name)
    return (found, value) if found else _environment_variable(name)


def _python_variable(name):
    """`$family` reads the Python variable `family`: the running code's scope, then the session."""
    scopes = list(_scopes[-1]) if _scopes else []
    if XSH.ctx is not None:
        scopes.append(XSH.ctx)
    for scope in scopes:  # builtins are left out on purpose: `$max` must not be Python's max()
        if scope is not None and name in scope:
            return True, scope[name]
    lowered = name.lower()  # PowerShell names ignore case; an exact match above wins
    for scope in scopes:
        for key in scope or ():
            if isinstance(key, str) and key.lower() == lowered:
                return True, scope[key]
    return False, None


def _environment_variable(name):
    """`$img = 'x'` at the prompt is a xonsh environment variable; without this, the next line's
    `Get-AzureVMImage -ImageName $img` read `$null` and listed every image.  Only variables set in
    this xonsh session count: the inherited ones (`$PATH`, `$USER`) are `$env:PATH` in
    PowerShell, and an unset `$path` in a script must stay `$null`."""
    env = XSH.env
    if env is None or not _env_names:
        return False, None
    lowered = name.lower()
    for key in sorted(_env_names, key=lambda k: k != name):  # an exact match first, then any case
        if key.lower() == lowered and key in env:
            value = env[key]
            if isinstance(value, EnvPath):  # `$MY_DIRS = [...]`: a list of strings
                value = list(value)
            return True, value
    return False, None


def _on_envvar_new(name=None, **_):
    if _is_user_variable(XSH.env, name):
        _env_names.add(name)


def _on_envvar_change(name=None, **_):
    if _is_user_variable(XSH.env, name):
        _env_names.add(name)


def _is_user_variable(env, name) -> bool:
    """Not one of xonsh's own settings ($PWD, $PROMPT, $LAST_RETURN_CODE: documented ones), its
    `$XONSH_VERSION`-style names nor its internal `__ALIAS_STACK`-style ones, which xonsh sets by
    itself as it starts and as commands run."""
    if env is None or not isinstance(name, str) or name.startswith(("__", "XONSH_")):
        return False
    return not env.get_docs(name).doc


def _user_environment(env) -> set:
    """Environment variables set in xonsh before this xontrib loaded (an rc file's `$X = ...`):
    set in xonsh and not inherited from the process environment."""
    import os

    return {key for key in list(env or ()) if key not in os.environ and env.is_manually_set(key)} & {
        key for key in list(env or ()) if _is_user_variable(env, key)
    }


def _export_assigned(s, source, glbs):
    """`$imgs = ...` leaves `imgs` in the Python namespace too, spelled as in the script."""
    for key in getattr(s, "assigned_variables", ()) or ():
        name = _spelling(source, key)
        if name.isidentifier() and not keyword.iskeyword(name):
            glbs[name] = s.get_variable(key)
            _exported.add(name)


def _spelling(source, key):
    """PowerShell keeps variable names lower-cased; find `$myImages` as the user wrote it."""
    for m in re.finditer(r"\$(?:global:|script:)?([A-Za-z_]\w*)", source):
        if m.group(1).lower() == key:
            return m.group(1)
    return key


def _sync_changed_python_values(s, glbs):
    """After `imgs = imgs[:2]` in Python, `$imgs` must see the new value, not PowerShell's copy."""
    for name in _exported:
        if name in glbs and glbs[name] is not s.get_variable(name):
            s.set_variable(name, glbs[name])


# ----------------------------------------------------------------------------- the prompt hook


def _is_host_name(name: str) -> bool:
    """Names xonsh already gives a meaning: aliases, Python names, commands on $PATH."""
    ctx = XSH.ctx or {}
    if name in ctx or keyword.iskeyword(name) or hasattr(builtins, name):
        return True
    if XSH.aliases is not None and name in XSH.aliases:
        return True
    cache = XSH.commands_cache
    return cache is not None and name in cache


def _parses_as_xonsh(text: str) -> bool:
    """xonsh's own parser reads the text: Python plus `$X`, `$(...)`, `!(...)`, `@(...)`...
    (The parser is shared state: called from the prompt's thread only, never from completion.)"""
    execer = XSH.execer
    if execer is None:
        return False
    execer.parser.parse(text if text.endswith("\n") else text + "\n", filename="<pscompat>", mode="exec")
    return True


def _classify(text: str, host_parser=_parses_as_xonsh) -> str:
    return classify(text, _session, is_host_name=_is_host_name, host_parser=host_parser)


def _on_transform_command(cmd, **_):
    try:
        kind = _classify(cmd)
    except Exception:  # a broken cmdlet module must not take the prompt with it
        return None
    if kind == NOT_PS:
        return None
    forced = forced_text(cmd)
    if forced is not None and not _is_powershell_call([forced.strip()]):
        return None  # `ps! aux`: the system's ps, run by the alias
    if kind == INCOMPLETE:
        need_more = _need_more_answer(cmd)
        if need_more is not None:
            return need_more
    # Complete, or accepted unfinished (a blank line ended it): the parser reports what is missing.
    source = (cmd if forced is None else forced).strip("\n")
    rewritten = f"{_RUNNER}({_python_literal(source)})\n"
    if len(_typed) > 256:
        _typed.clear()
    _typed[rewritten.strip()] = cmd.strip()
    return rewritten


def _need_more_answer(cmd: str):
    """What to hand back for an unfinished PowerShell text so the shell reads another line, or
    None where the buffer has been accepted (then it runs and the parser says what is missing):
      * prompt_toolkit's Enter key asks `can_compile` whether to run or insert a newline: text
        that cannot compile (`_NEED_MORE`) makes it insert one;
      * the readline shell's `BaseShell.push` runs whatever compiles (xonsh even runs `(` as a
        command), but reads on without compiling when the text ends in a line continuation;
        a blank line (the buffer then ends in an empty line) accepts it."""
    frame = sys._getframe(2)
    for _ in range(8):
        if frame is None:
            return None
        code = frame.f_code
        if code.co_name == "can_compile":
            return _NEED_MORE
        if code.co_name == "push" and code.co_filename.endswith("base_shell.py"):
            if cmd.endswith("\n\n"):
                return None
            from xonsh.tools import get_line_continuation

            return get_line_continuation() + "\n"
        frame = frame.f_back
    return None


def _python_literal(text: str) -> str:
    """A raw triple-quoted string keeps the text as typed; repr() when none can hold it."""
    if not text.endswith("\\") and "\r" not in text:
        for q in ("'''", '"""'):
            if q not in text and not text.endswith(q[0]):
                return f"r{q}{text}{q}"
    return repr(text)


def _history_append(info, _append=None):
    """History stores the executed source; give it back the PowerShell text the user typed."""
    typed = _typed.get(str(info.get("inp", "")).strip())
    if typed is not None:
        info["inp"] = typed + "\n"
    return _append(info)


def _wrap_history(hist):
    if hist is None or "append" in vars(hist):
        return
    original = hist.append
    hist.append = lambda info: _history_append(info, original)
    hist._pscompat_wrapped = True


def _unwrap_history(hist):
    if hist is not None and vars(hist).pop("_pscompat_wrapped", False):
        vars(hist).pop("append", None)


# ----------------------------------------------------------------------------- the Enter key


_bindings: list = []  # the prompt's KeyBindings this xontrib added to; unload removes them


def _enter_runs_powershell() -> bool:
    """A one-line buffer holding a complete PowerShell statement runs on Enter.  xonsh's own
    Enter rule reads `Set-Location C:` (a trailing colon) as a block opener and `cd C:\\`
    (a trailing backslash) as a line continuation, and would insert a newline instead."""
    from prompt_toolkit.application import get_app

    buf = get_app().current_buffer
    if buf.complete_state is not None:  # Enter picks the highlighted completion first
        return False
    doc = buf.document
    if doc.line_count != 1 or not doc.text.strip():
        return False
    try:
        return _classify(doc.text) == COMPLETE
    except Exception:  # xonsh's rule decides if a cmdlet module is broken
        return False


def _add_enter_binding(bindings) -> None:
    from prompt_toolkit.filters import Condition, EmacsInsertMode, ViInsertMode
    from prompt_toolkit.keys import Keys

    condition = Condition(_enter_runs_powershell) & (ViInsertMode() | EmacsInsertMode())
    for key in (Keys.ControlM, Keys.ControlJ):
        # Added after xonsh's bindings, so it wins where both match (prompt_toolkit takes the last).
        bindings.add(key, filter=condition)(_run_buffer)
    _bindings.append(bindings)


def _run_buffer(event) -> None:
    event.current_buffer.validate_and_handle()


def _on_ptk_create(bindings=None, **_):
    """The prompt is created after the rc file ran, so an rc-file load adds the binding here."""
    if bindings is not None and not any(kb is bindings for kb in _bindings):
        _add_enter_binding(bindings)


def _remove_enter_bindings() -> None:
    while _bindings:
        kb = _bindings.pop()
        # by handler; prompt_toolkit's remove() skips every second match (it edits the list it
        # iterates), so repeat until it reports none left
        while any(b.handler is _run_buffer for b in kb.bindings):
            kb.remove(_run_buffer)


# ----------------------------------------------------------------------------- completion


@contextual_completer
def _completer(context):
    """PowerShell completions on PowerShell lines; None lets xonsh's completers try."""
    py = context.python
    if py is None:
        return None
    text = py.multiline_code[: py.cursor_index]
    if not text.strip():
        return None
    try:
        items = complete(text, session=_session)
    except Exception:  # completion is a convenience: never let it break the Tab key
        return None
    if not items:
        return None
    if items[0].kind in ("cmdlet", "alias", "function"):
        # a first word: claim it only on a PowerShell line, after `ps!` or for a Verb-Noun prefix,
        # so that `gi<Tab>` still offers git (xonsh's parser is not asked from here: see
        # _parses_as_xonsh)
        prefix = items[0].prefix
        rest = text[: len(text) - len(prefix)]
        if forced_text(rest) is None and _classify(rest, None) == NOT_PS and "-" not in prefix:
            return None
    return {
        RichCompletion(c.text, prefix_len=len(c.prefix), description=c.description, append_space=True) for c in items
    }


# ----------------------------------------------------------------------------- ps! alias


def _ps_alias(args, stdin=None, stdout=None, stderr=None, stack=None):
    """`ps! <PowerShell line>`; called any other way (`ps aux`) it is the system's ps."""
    if not _is_powershell_call(args):
        import subprocess

        from xonsh.procs.executables import locate_executable

        path = locate_executable("ps")
        if path is None:
            print("ps: command not found", file=stderr or sys.stderr)
            return 127
        return subprocess.call([path, *args], stdout=stdout, stderr=stderr)
    frame = stack[0].frame if stack else sys._getframe(1)
    result, failed = _run_printing_errors(args[0], frame.f_locals, frame.f_globals, stdout, stderr)
    if result:
        _show(result)  # the host writes to this alias's stdout (bound for the run)
    # Like `pwsh -c`: any error, terminating or not, makes the exit status 1.
    return 1 if failed or getattr(result, "errors", None) else 0


def _is_powershell_call(args) -> bool:
    """`ps! text` passes the rest of the line as one argument; `ps aux`, `ps -ef` are ps's."""
    if len(args) != 1 or not args[0].strip():
        return False
    text = args[0].strip()
    if re.fullmatch(r"-?[A-Za-z]+", text):  # one option-like word: PowerShell only if it names a command
        return classify(text, _session) != NOT_PS
    return True


# ----------------------------------------------------------------------------- load / unload


def _load_xontrib_(xsh, **_):
    from xonsh.completers.completer import add_one_completer

    events.on_transform_command(_on_transform_command)
    _env_names.clear()
    _env_names.update(_user_environment(xsh.env))
    events.on_envvar_new(_on_envvar_new)
    events.on_envvar_change(_on_envvar_change)
    add_one_completer("pscompat", _completer, "start")
    global _previous_ps
    _previous_ps = xsh.aliases.get("ps") if "ps" in xsh.aliases else None
    xsh.aliases["ps"] = _ps_alias
    _wrap_history(xsh.history)
    # `import pscompat` rebinds the name to the package: `with! pscompat.block():` works there too.
    # The package itself never imports xonsh, so the block lives here and is lent to it.
    sys.modules["pscompat"].block = block
    events.on_ptk_create(_on_ptk_create)
    prompt_bindings = getattr(getattr(xsh.shell, "shell", None), "key_bindings", None)
    if prompt_bindings is not None and hasattr(prompt_bindings, "add"):  # loaded at the prompt
        _on_ptk_create(bindings=prompt_bindings)
    return {"pscompat": sys.modules[__name__]}


def _unload_xontrib_(xsh, **_):
    events.on_transform_command.discard(_on_transform_command)
    events.on_envvar_new.discard(_on_envvar_new)
    events.on_envvar_change.discard(_on_envvar_change)
    _env_names.clear()
    if xsh.completers is not None:
        xsh.completers.pop("pscompat", None)
    if xsh.aliases is not None and "ps" in xsh.aliases and getattr(xsh.aliases["ps"], "func", None) is _ps_alias:
        if _previous_ps is not None:
            xsh.aliases["ps"] = _previous_ps
        else:
            del xsh.aliases["ps"]
    if xsh.ctx is not None and xsh.ctx.get("pscompat") is sys.modules.get(__name__):
        del xsh.ctx["pscompat"]
    _unwrap_history(xsh.history)
    if vars(sys.modules["pscompat"]).get("block") is block:
        del sys.modules["pscompat"].block
    events.on_ptk_create.discard(_on_ptk_create)
    _remove_enter_bindings()
    _typed.clear()


def __getattr__(name):
    """`pscompat.PSError`, `pscompat.Session`... reach the package through this module."""
    import pscompat

    return getattr(pscompat, name)
