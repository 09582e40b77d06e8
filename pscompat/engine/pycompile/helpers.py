"""What generated code calls when the fast inline form does not apply: variable lookup through
the scope chain, cached member reads, method calls, expandable strings.  Each does exactly what
the closure compiler's code for the same node does (engine/compiler/expressions.py)."""

from __future__ import annotations

from typing import Any

from pscompat.engine.compiler.expressions import invoke_member
from pscompat.engine.scope import MISSING
from pscompat.engine.scriptblock import ScriptBlockValue
from pscompat.values.convert.strings import to_string
from pscompat.values.methods.dispatch import class_method_name
from pscompat.values.methods.invoke import invoke_dotnet, is_void
from pscompat.values.methods.strings import STRING_METHODS
from pscompat.values.objects.access import get_member, member_getter
from pscompat.values.objects.classes import PSObject


def lookup(scope, key: str, name: str) -> Any:
    """A variable not in the running scope's own dictionary: the parents (a private variable
    of a parent is invisible), then the context's fallback (the xonsh namespace)."""
    s = scope.parent
    while s is not None:
        v = s.vars.get(key, MISSING)
        if v is not MISSING and (s.private is None or key not in s.private):
            return v
        s = s.parent
    return scope.ctx.fallback_variable(name)


def member_site(name: str):
    """`$x.Name` with a literal name: the getter of the last class seen is kept (a pipeline
    reads one property of many objects of one class), as compiler.expressions.constant_member."""
    folded = name.lower()
    cache: list = [None, None]  # class, getter

    def read(t):
        cls = t.__class__
        if cls is cache[0]:
            try:
                return cache[1](t)
            except AttributeError:
                return get_member(t, name)
        if cls is PSObject:
            v = t._values.get(folded, MISSING)
            return get_member(t, name) if v is MISSING else v
        getter = (
            member_getter(cls, name) if cls is not str or folded != "length" else len
        )  # values/objects/access._get_str
        if getter is not None:
            cache[0], cache[1] = cls, getter
        return get_member(t, name)

    return read


# methods whose string form is not the STRING_METHODS entry (call_method special-cases them)
_SPECIAL_METHODS = frozenset(("gettype", "foreach", "where"))


def method_site(name: str, null_conditional: bool):
    """`$x.Name(args)`: a method of an exact `str` calls STRING_METHODS' function directly;
    anything else, a `None` result (a void method) or an exception goes through the general
    call (call_method), which gives .NET's error texts (string methods are pure, so running
    one again to get its error is safe)."""
    low = name.lower()
    string_fn = None if low in _SPECIAL_METHODS else STRING_METHODS.get(low)
    # `$list.Add($i)`: the class whose method call_method resolved last time, and that method's
    # name (dispatch.class_method_name): the same class resolves the same way, so the call goes
    # straight to invoke_dotnet, as call_method would (its error texts included)
    cache: list = [None, None, None]  # class, method name, void?
    cacheable = low not in ("foreach", "where")  # .ForEach{} / .Where{} (invoke_member)

    def call(scope, t, values):
        cls = t.__class__
        if cls is cache[0]:
            return invoke_dotnet(cache[1], getattr(t, cache[1]), values, cache[2])
        if string_fn is not None and cls is str:
            try:
                result = string_fn(t, *values)
            except Exception:
                result = None
            if result is not None:
                return result
        if t is None and null_conditional:
            return None
        if cacheable and not isinstance(t, ScriptBlockValue):
            real = class_method_name(t, low)
            if real is not None:
                cache[0], cache[1], cache[2] = cls, real, is_void(getattr(t, real))
        return invoke_member(t, name, values, scope)

    return call


def expand(scope, parts: tuple, values: list) -> str:
    """An expandable string: `parts` are the literal pieces and None where `values` (in order)
    fill in; values join with $OFS as compiler.expressions.e_ExpandableString does."""
    ofs = scope.lookup("ofs", " ")
    out = []
    it = iter(values)
    for p in parts:
        if p is None:
            v = next(it)
            out.append(to_string(v, ofs=ofs) if ofs != " " else to_string(v))
        else:
            out.append(p)
    return "".join(out)
