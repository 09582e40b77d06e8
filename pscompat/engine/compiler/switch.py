"""The switch statement (about_Switch): each input value is tested against every clause;
`break` leaves the switch, `continue` moves to the next value; `default` runs when no clause matched."""

from __future__ import annotations

from pscompat.engine.runtime import Enumerator, as_list
from pscompat.engine.scope import MISSING
from pscompat.errors import BreakFlow, ContinueFlow
from pscompat.syntax import nodes as N


def compile_switch(sc, node: N.Switch):
    from pscompat.values.convert.primitives import to_bool
    from pscompat.values.operators.table import get_binary

    flags = {f.lower() for f in node.flags}
    cs = "casesensitive" in flags
    if "regex" in flags:
        op = get_binary("-cmatch" if cs else "-match")
    elif "wildcard" in flags:
        op = get_binary("-clike" if cs else "-like")
    else:
        op = get_binary("-ceq" if cs else "-eq")
    value = sc.value(node.value)
    clauses = []
    for clause in node.clauses:
        body = sc.block(clause.body)
        if isinstance(clause.pattern, N.ScriptBlockExpression):
            cond_block = sc.expr(clause.pattern)
            clauses.append((True, cond_block, body))
        else:
            clauses.append((False, sc.expr(clause.pattern), body))
    default = sc.block(node.default) if node.default else None
    label = node.label
    is_file = "file" in flags

    def run(scope, emit):
        v = value(scope)
        if is_file:
            with open(str(v), encoding="utf-8") as fh:
                items = [line.rstrip("\n").rstrip("\r") for line in fh]
        else:
            items = [None] if v is None else as_list(v)
        old = scope.vars.get("_", MISSING)
        old_switch = scope.vars.get("switch", MISSING)
        loop = scope.vars["switch"] = Enumerator(items)
        try:
            while loop.MoveNext():
                item = loop.Current
                scope.vars["_"] = item
                matched = False
                try:
                    for is_block, pat, body in clauses:
                        if is_block:
                            hit = to_bool(scope.ctx.invoke_block(pat(scope), (), item, False, scope))
                        else:
                            p = pat(scope)
                            hit = to_bool(op(item, p, scope)) if not (item is None and p is None) else True
                        if hit:
                            matched = True
                            body(scope, emit)
                    if not matched and default is not None:
                        default(scope, emit)
                except ContinueFlow as c:
                    if c.label is None or (label and c.label.lower() == label.lower()):
                        continue
                    raise
        except BreakFlow as b:
            if not (b.label is None or (label and b.label.lower() == label.lower())):
                raise
        finally:
            for key, saved in (("_", old), ("switch", old_switch)):
                if saved is MISSING:
                    scope.vars.pop(key, None)
                else:
                    scope.vars[key] = saved

    return run
