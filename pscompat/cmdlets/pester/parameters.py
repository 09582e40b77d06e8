"""Should -HaveParameter (Pester 5: src/functions/assertions/HaveParameter.ps1): a command has a
parameter, optionally of a type, mandatory, with a default value or aliases."""

from __future__ import annotations

from pscompat.cmdlets.pester.nicely import format_nicely
from pscompat.values.convert.strings import to_string


def have_parameter(ctx, command, bound: dict, negate: bool, bec: str, scope=None) -> str | None:
    info = None
    if isinstance(command, str):
        info = ctx.resolve_command_info(command, scope)
    else:
        name = getattr(command, "Name", None)
        info = ctx.resolve_command_info(str(name), scope) if name else None
    if info is None:
        return f"Could not find command {format_nicely(command)}."
    wanted = str(bound.get("ExpectedValue") or "")
    param = next((p for p in info.all_parameters() if p.name.lower() == wanted.lower()), None)
    cmd = info.name
    if param is None:
        if negate:
            return None
        return f"Expected command {cmd} to have a parameter {wanted},{bec} but it didn't."
    problems: list[str] = []
    expectations: list[str] = []
    if bound.get("Mandatory"):
        expectations.append("which is mandatory")
        if not param.mandatory:
            problems.append("it wasn't mandatory")
    typ = bound.get("Type")
    if typ is not None:
        want = to_string(typ).strip("[]").lower()
        have = param.type.lower()
        short = want.rsplit(".", 1)[-1]
        expectations.append(f"of type [{to_string(typ).strip('[]')}]")
        if have not in (want, short) and not (have == "switch" and short == "switchparameter"):
            problems.append(f"it was of type [{param.type}]")
    aliases = bound.get("Alias")
    if aliases:
        missing = [a for a in aliases if a.lower() not in (x.lower() for x in param.aliases)]
        expectations.append(f"with alias {', '.join(repr(a) for a in aliases)}")
        if missing:
            problems.append(f"it didn't have the alias {', '.join(repr(a) for a in missing)}")
    if negate:
        if bound.get("Mandatory") or typ is not None or aliases:
            if problems:
                return None
        return f"Expected command {cmd} to not have a parameter {wanted},{bec} but it did."
    if problems:
        return (
            f"Expected command {cmd} to have a parameter {wanted}, {' and '.join(expectations)},{bec} "
            f"but {' and '.join(problems)}."
        )
    return None
