"""Tab completion for PowerShell text, from the cmdlet registry's metadata.  No host needed.

    complete(line, cursor=None, session=None) -> list[Completion]

From the command element being typed (found by `classify.scan`) it completes:
  * command names (cmdlets, aliases, session functions) in command position;
  * `-Parameter` names of that command, by prefix of the name or of an alias, skipping the
    ones already given (as PowerShell does), common parameters last;
  * parameter values from `validate_set` or the parameter's `completer(ctx, prefix)`, for
    `-Name <value>` and for positional arguments, quoted when they need it;
  * comparison operators after an expression (`$_.ImageFamily -e`).
Each Completion replaces `prefix`, the text just before the cursor.
"""

from __future__ import annotations

import fnmatch
from dataclasses import dataclass

from pscompat.shell.classify import DASHES, DQUOTES, SQUOTES, forced_text, lookup_command, scan


@dataclass(frozen=True)
class Completion:
    text: str  # what replaces `prefix`
    description: str = ""
    kind: str = ""  # 'cmdlet' | 'function' | 'alias' | 'parameter' | 'value' | 'operator'
    prefix: str = ""  # the text before the cursor this completion replaces


OPERATORS = (
    ("-eq", "equals"),
    ("-ne", "not equals"),
    ("-gt", "greater than"),
    ("-ge", "greater or equal"),
    ("-lt", "less than"),
    ("-le", "less or equal"),
    ("-like", "wildcard match"),
    ("-notlike", "no wildcard match"),
    ("-match", "regex match"),
    ("-notmatch", "no regex match"),
    ("-contains", "collection contains"),
    ("-notcontains", "collection does not contain"),
    ("-in", "is in collection"),
    ("-notin", "is not in collection"),
    ("-replace", "regex replace"),
    ("-split", "split"),
    ("-join", "join"),
    ("-is", "type test"),
    ("-isnot", "negated type test"),
    ("-as", "convert"),
    ("-and", "logical and"),
    ("-or", "logical or"),
    ("-xor", "logical xor"),
    ("-not", "logical not"),
)
_EXPRESSION_START = "$@('\"[0123456789" + SQUOTES + DQUOTES
# PowerShell's whitespace includes NBSP and NEL (CharTraits.cs); its quotes include the
# typographic ones (SpecialChars: ‘ ’ ‚ ‛ “ ” „), so any of them in a value needs quoting.
_WHITESPACE = " \t\r\n\v\f\u00a0\u0085"
_NEEDS_QUOTES = set(_WHITESPACE + "'\"`$@{}()[];,|&#<>") | set(SQUOTES) | set(DQUOTES)


def complete(line: str, cursor: int | None = None, session=None) -> list[Completion]:
    text = line if cursor is None else line[:cursor]
    forced = forced_text(text)  # `ps! Get-Az`: complete what follows the prefix
    if forced is not None:
        text = forced
    st = scan(text)
    words = list(st.words)
    typing_word = bool(words) and words[-1].start + len(words[-1].text) == len(text) and not text[-1].isspace()
    prefix = words.pop().text if typing_word else ""
    if not words:
        if _starts(prefix, _EXPRESSION_START):
            return []
        return _commands(prefix, session)
    head = words[0].text
    if _starts(head, _EXPRESSION_START):  # an expression: `-x` here is an operator
        return _operators(prefix) if _starts(prefix, DASHES) else []
    info = lookup_command(head, session)
    if info is None:
        return []
    params = info.all_parameters()
    args = [w.text for w in words[1:]]
    if _starts(prefix, DASHES) and not _is_number(prefix):
        return _parameters(prefix, params, args)
    param = _value_parameter(params, args)
    if param is None:
        return []
    return _values(prefix, param, session)


# --------------------------------------------------------------------------- command names


def _commands(prefix: str, session) -> list[Completion]:
    from pscompat import catalog  # noqa: F401  (the registry's cmdlet modules)
    from pscompat.engine import commands as base

    found: dict[str, Completion] = {}
    ctx = getattr(session, "ctx", None)
    for name, info in dict(getattr(ctx, "functions", None) or {}).items():
        found.setdefault(name.lower(), Completion(name, info.synopsis or "function", "function", prefix))
    for info in base.REGISTRY.all():
        found.setdefault(info.name.lower(), Completion(info.name, info.synopsis, "cmdlet", prefix))
        for alias in info.aliases:
            found.setdefault(alias.lower(), Completion(alias, f"alias of {info.name}", "alias", prefix))
    try:
        user_aliases = dict(ctx.alias_table()) if ctx is not None else {}
    except Exception:  # a session without user aliases
        user_aliases = {}
    for alias, target in user_aliases.items():
        target = getattr(target, "name", None) or str(target)
        found.setdefault(str(alias).lower(), Completion(str(alias), f"alias of {target}", "alias", prefix))
    matches = [c for key, c in found.items() if _matches(prefix, key)]
    return sorted(matches, key=lambda c: c.text.lower())


def _matches(prefix: str, name: str) -> bool:
    """PowerShell completes by prefix, and by wildcard when the prefix has one."""
    prefix = prefix.lower()
    if any(ch in prefix for ch in "*?["):
        return fnmatch.fnmatchcase(name.lower(), prefix + "*")
    return name.lower().startswith(prefix)


# --------------------------------------------------------------------------- parameters


def _parameters(prefix: str, params, args) -> list[Completion]:
    typed = prefix[1:].split(":", 1)[0].lower()
    given = {p.name for p in (_resolve(a[1:], params) for a in args if _starts(a, DASHES)) if p is not None}
    out = []
    for p in params:
        if p.name in given:
            continue
        names = (p.name,) + tuple(p.aliases)
        if any(n.lower().startswith(typed) for n in names):
            out.append(Completion("-" + p.name, _describe(p), "parameter", prefix))
    return out


def _describe(p) -> str:
    text = f"[{p.type}]"
    if p.validate_set:
        text += " " + " | ".join(p.validate_set)
    if p.help:
        text += " " + p.help
    return text


def _resolve(typed: str, params):
    """The parameter `-typed` names: exact name or alias first, else a unique prefix."""
    typed = typed.split(":", 1)[0].lower()
    if not typed:
        return None
    for p in params:
        if typed == p.name.lower() or typed in (a.lower() for a in p.aliases):
            return p
    hits = [p for p in params if p.name.lower().startswith(typed)]
    return hits[0] if len(hits) == 1 else None


def _value_parameter(params, args):
    """Which parameter the word being typed is a value of: after `-Name`, else by position
    among the positional parameters not already given by name (PowerShell's binding order)."""
    position, bound, i = 0, set(), 0
    while i < len(args):
        a = args[i]
        if _starts(a, DASHES) and not _is_number(a):
            p = _resolve(a[1:], params)
            takes_value = p is not None and not p.is_switch and ":" not in a
            if takes_value and i == len(args) - 1:
                return p
            if p is not None:
                bound.add(p.name)
            i += 2 if takes_value else 1
            continue
        position += 1
        i += 1
    positional = sorted((p for p in params if p.position is not None and p.name not in bound), key=lambda p: p.position)
    return positional[position] if position < len(positional) else None


def _starts(word: str, chars: str) -> bool:
    return bool(word) and word[0] in chars


def _is_number(word: str) -> bool:
    try:
        float(word.replace("\u2013", "-"))
        return True
    except ValueError:
        return False


# --------------------------------------------------------------------------- values


def _values(prefix: str, param, session) -> list[Completion]:
    quote = prefix[:1] if _starts(prefix, SQUOTES + DQUOTES) else ""
    typed = prefix[1:] if quote else prefix
    if quote and len(typed) > 0 and typed[-1] in (SQUOTES if quote in SQUOTES else DQUOTES):
        typed = typed[:-1]
    if param.validate_set:
        candidates = list(param.validate_set)
    elif param.completer is not None:
        try:
            candidates = list(param.completer(getattr(session, "ctx", None), typed))
        except Exception:  # a failing backend must never break the Tab key
            return []
    elif param.type in ("bool", "switch"):
        candidates = ["$true", "$false"]
    else:
        return []
    desc = f"{param.name} [{param.type}]"
    return [Completion(_quoted(str(c), quote), desc, "value", prefix) for c in candidates if _matches(typed, str(c))]


def _quoted(value: str, quote: str) -> str:
    """The value as PowerShell reads it back literally, in the quote the user opened (single
    quotes when none was and one is needed).  PowerShell ends a string at any quote of its kind,
    typographic ones included, so escaping only the ASCII quote let a name such as
    `x’; Remove-Item ~ -Recurse; ’` run code once the completed line ran.
      * single-quoted: every single quote, ‘ ’ ‚ ‛ too, is doubled (PowerShell's
        CodeGeneration.EscapeSingleQuotedStringContent does the same);
      * double-quoted: `$`, the backtick and every double quote (“ ” „ too) get a backtick, so
        nothing expands (PowerShell's own completer leaves `$` in double quotes alone: here a
        `$(...)` in a name never runs);
      * unquoted only when nothing in it is special and it does not start like a parameter."""
    if not quote and value and not (set(value) & _NEEDS_QUOTES) and value[0] not in DASHES:
        return value
    if quote and quote in DQUOTES:
        escaped = "".join("`" + ch if ch in "`$" + DQUOTES else ch for ch in value)
        return quote + escaped + quote
    quote = quote or "'"
    return quote + "".join(ch + ch if ch in SQUOTES else ch for ch in value) + quote


# --------------------------------------------------------------------------- operators


def _operators(prefix: str) -> list[Completion]:
    typed = "-" + prefix[1:].lower()
    return [Completion(op, desc, "operator", prefix) for op, desc in OPERATORS if op.startswith(typed)]
