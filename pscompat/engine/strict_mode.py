"""Set-StrictMode's rules, as PowerShell applies them (about_Set-StrictMode; PS:
src/System.Management.Automation/engine/InternalCommands.cs SetStrictModeCommand, texts from
resources/ParserStrings.resx):

    1.0     reading a variable that was never set: "The variable '$x' cannot be retrieved
            because it has not been set." (VariableIsUndefined)
    2.0     also a property that does not exist: "The property 'p' cannot be found on this
            object. Verify that the property exists." (PropertyNotFoundStrict)
    3.0+    also an index outside an array: "Index was outside the bounds of the array."
            (System.IndexOutOfRangeException)
    Latest  the newest version (3.0); -Off, or version 0, switches the checks off

The mode belongs to the scope Set-StrictMode ran in and reaches its child scopes, as
SessionStateScope.StrictModeVersion does.  The engine asks only where a value was missing
anyway (an unset variable, a member or element that is not there) and only when some scope of
the session set a mode (`ctx.strict_modes` is not None): a script without Set-StrictMode pays one
attribute check on those paths and nothing elsewhere.  Version 2.0's "function called like a
method" rule (`f(1,2)`: a command whose only argument is a parenthesised array, written with no
space after the name) is checked by compile_pipeline (engine/pipeline) when the command runs,
as Compiler.cs adds a runtime check for that shape.
"""

from __future__ import annotations

from typing import Any

from pscompat.errors import RuntimeError_

LATEST = 3
UNDEFINED_VARIABLE = "The variable '${0}' cannot be retrieved because it has not been set."
PROPERTY_NOT_FOUND = "The property '{0}' cannot be found on this object. Verify that the property exists."
INDEX_OUT_OF_RANGE = "Index was outside the bounds of the array."
FUNCTION_CALL_WITH_PARENS = (
    "The function or command was called as if it were a method. Parameters should be separated by "
    "spaces. For information about parameters, see the about_Parameters Help topic."
)
# variables pwsh always has in a scope that pscompat makes only when used
_ALWAYS_DEFINED = frozenset(
    {"_", "args", "input", "this", "myinvocation", "psboundparameters", "pscmdlet", "psscriptroot", "pscommandpath"}
)


def set_version(scope, version: int) -> None:
    """Set-StrictMode in `scope`: 0 is off."""
    ctx = scope.ctx
    if ctx.strict_modes is None:
        ctx.strict_modes = {}
    # prune scopes that ended, so the table does not grow with every call that set a mode
    ctx.strict_modes = {k: v for k, v in ctx.strict_modes.items() if v[0] is scope or _alive(v[0], scope)}
    ctx.strict_modes[id(scope)] = (scope, version)


def _alive(other, scope) -> bool:
    s = scope
    while s is not None:
        if s is other:
            return True
        s = s.parent
    return False


def version(scope) -> int:
    """The strict-mode version in force in `scope` (0: off)."""
    modes = scope.ctx.strict_modes
    if not modes:
        return 0
    s = scope
    while s is not None:
        entry = modes.get(id(s))
        if entry is not None and entry[0] is s:
            return entry[1]
        s = s.parent
    return 0


def unset_variable(scope, name: str, span, source) -> Any:
    """The value of a variable no scope has (the host's fallback), or version 1's error."""
    value = scope.ctx.fallback_variable(name)
    if value is None and version(scope) >= 1 and name.lower() not in _ALWAYS_DEFINED:
        found = scope.ctx.variable_fallback is not None and scope.ctx.variable_fallback(name)[0]
        if not found:
            raise RuntimeError_(
                UNDEFINED_VARIABLE.format(name),
                "VariableIsUndefined",
                category="InvalidOperation",
                target=name,
                span=span,
                source=source,
            )
    return value


def missing_member(scope, obj: Any, name: str, span, source) -> None:
    """After `$obj.name` gave $null: version 2's error when the member does not exist.
    Hashtables (a missing key is $null) and $null itself are left alone."""
    if obj is None or isinstance(obj, dict) or version(scope) < 2:
        return
    from pscompat.values.objects.access import has_member

    if not has_member(obj, name):
        raise RuntimeError_(
            PROPERTY_NOT_FOUND.format(name),
            "PropertyNotFoundStrict",
            category="InvalidOperation",
            span=span,
            source=source,
        )


def missing_element(scope, obj: Any, index: Any, span, source) -> None:
    """After `$a[i]` gave $null: version 3's error when i is outside the array."""
    if not isinstance(obj, (list, tuple)) or isinstance(index, bool) or not isinstance(index, int):
        return
    if -len(obj) <= index < len(obj) or version(scope) < 3:
        return
    raise RuntimeError_(
        INDEX_OUT_OF_RANGE,
        "System.IndexOutOfRangeException",
        category="NotSpecified",
        span=span,
        source=source,
        exception_type="System.IndexOutOfRangeException",
    )


def called_like_a_method(node) -> bool:
    """`f(1,2)`: the shape Compiler.cs checks (two elements, the second a parenthesised array
    literal that starts where the name ends)."""
    from pscompat.syntax import nodes as N

    elements = node.elements
    if len(elements) != 2 or node.invocation or not isinstance(elements[1], N.Paren):
        return False
    inner = elements[1].pipeline
    if not (isinstance(inner, N.Pipeline) and len(inner.elements) == 1):
        return False
    only = inner.elements[0]
    return (
        isinstance(only, N.CommandExpression)
        and isinstance(only.expression, N.ArrayLiteral)
        and elements[0].span.end == elements[1].span.start
    )


def method_call_syntax(scope, span, source) -> None:
    """Version 2's error for `f(1,2)` (ParserStrings.resx StrictModeFunctionCallWithParens)."""
    if version(scope) >= 2:
        raise RuntimeError_(
            FUNCTION_CALL_WITH_PARENS,
            "StrictModeFunctionCallWithParens",
            category="InvalidOperation",
            span=span,
            source=source,
        )
