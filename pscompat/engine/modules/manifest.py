"""Reading a `.psd1` as data (Import-PowerShellDataFile, module manifests): PowerShell's
restricted language, so no code runs.  PS: Utility/ImportPowerShellDataFile.cs and
engine/Modules/ModuleCmdletBase.cs (LoadModuleManifestData) evaluate the file's single
hashtable with `IsSafeValue`; only literals, arrays, hashtables, casts to a few types and the
variables $true, $false, $null and $PSScriptRoot / $PSEdition are allowed."""

from __future__ import annotations

import os
from typing import Any

from pscompat.errors import PSError
from pscompat.syntax import nodes as N

_ALLOWED = (
    N.ScriptBlock,
    N.StatementBlock,
    N.Pipeline,
    N.CommandExpression,
    N.Hashtable,
    N.ArrayLiteral,
    N.ArrayExpression,
    N.Paren,
    N.StringConstant,
    N.Constant,
    N.ExpandableString,
    N.Variable,
    N.Convert,
    N.TypeName,
    N.Unary,
)
_VARIABLES = {"true", "false", "null", "psscriptroot", "psedition", "psculture", "psuiculture"}
_TYPES = {"version", "string", "int", "bool", "hashtable", "array", "object[]", "string[]", "guid"}


def read_data_file(path: str, ctx: Any, what: str = "data") -> Any:
    """The hashtable a `.psd1` file holds.  what: 'data' (Import-PowerShellDataFile's errors) or
    'manifest' (Import-Module's)."""
    from pscompat.source import Source, read_script
    from pscompat.syntax.grammar import parse

    text = read_script(path)
    tree = parse(text, path)
    _check(tree, path, what)
    return evaluate(tree, Source(text, path), os.path.dirname(os.path.abspath(path)), ctx)


def evaluate(tree: N.ScriptBlock, source: Any, root: str, ctx: Any) -> Any:
    """Run the checked tree (literals only) in a scope of its own, outside the session's scopes."""
    from pscompat.engine.compiler.statements import StatementCompiler
    from pscompat.engine.scope import Scope

    scope = Scope(None, ctx, is_script=True)
    scope.vars["psscriptroot"] = root
    out: list = []
    StatementCompiler(source).block(tree.end)(scope, out.append)
    return out[0] if len(out) == 1 else None


def _check(tree: N.ScriptBlock, path: str, what: str) -> None:
    statements = tree.end.statements if tree.end is not None else ()
    shape_ok = tree.param_block is None and tree.begin is None and tree.process is None and len(statements) == 1
    for node in N.walk(tree) if shape_ok else ():
        bad = not isinstance(node, _ALLOWED)
        if isinstance(node, N.Variable) and node.name.lower() not in _VARIABLES:
            bad = True
        if isinstance(node, N.TypeName) and node.name.lower() not in _TYPES:
            bad = True
        if isinstance(node, N.Unary) and node.op not in ("-", ","):
            bad = True
        if isinstance(node, N.ExpandableString) and any(not isinstance(p, (str, N.Variable)) for p in node.parts):
            bad = True
        if bad:
            shape_ok = False
            break
    if shape_ok:
        return
    name = os.path.basename(path)
    if what == "manifest":
        raise PSError(
            f"The module manifest '{path}' could not be processed because it is not a valid PowerShell "
            "restricted language file. Remove the elements that are not permitted by the restricted language",
            "Modules_InvalidManifest,Microsoft.PowerShell.Commands.ImportModuleCommand",
            category="InvalidData",
            exception_type="System.Management.Automation.PSInvalidOperationException",
            target=path,
        )
    raise PSError(
        f"Cannot generate a PowerShell object for a ScriptBlock evaluating dynamic expressions. Dynamic "
        f"expression: {name}.",
        "InvalidOperationException,Microsoft.PowerShell.Commands.ImportPowerShellDataFileCommand",
        category="InvalidOperation",
        exception_type="System.InvalidOperationException",
        target=path,
    )
