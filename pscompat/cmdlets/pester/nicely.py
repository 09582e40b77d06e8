"""How Pester shows a value in a failure message (Format-Nicely, src/Format.ps1) and the
", because ...," phrase (Format-Because, src/functions/assertions/Should.ps1)."""

from __future__ import annotations

import datetime as _dt
import decimal
import re
from typing import Any

from pscompat.engine.runtime import is_enumerable
from pscompat.engine.scriptblock import ScriptBlockValue
from pscompat.values.convert.strings import to_string
from pscompat.values.dotnet.type_literals import PSType

_COLLECTION_LIMIT = 10  # Format-Collection shows ten items, then ", ...N more"


def format_nicely(value: Any) -> str:
    if value is None:
        return "$null"
    if isinstance(value, bool):
        return "$" + str(value).lower()
    if isinstance(value, str):
        return "<empty>" if value == "" else f"'{value}'"
    if isinstance(value, _dt.datetime):
        return value.isoformat()
    if isinstance(value, PSType):
        return "[" + to_string(value) + "]"
    if isinstance(value, (int, float, decimal.Decimal)):
        return to_string(value)
    if isinstance(value, ScriptBlockValue):
        return "{" + value.text + "}"
    if isinstance(value, dict):
        return to_string(value)
    if is_enumerable(value):
        return format_collection(list(value))
    return to_string(value)


def format_collection(items: list) -> str:
    shown = [format_nicely(v) for v in items[:_COLLECTION_LIMIT]]
    more = f", ...{len(items) - _COLLECTION_LIMIT} more" if len(items) > _COLLECTION_LIMIT else ""
    return "@(" + ", ".join(shown) + more + ")"


def because(text: Any) -> str:
    """' because <reason>,' (a leading 'because ' the user wrote is not doubled), or ''."""
    if text is None:
        return ""
    reason = to_string(text).strip()
    if not reason:
        return ""
    reason = re.sub(r"(?i)because\s", "", reason)
    return f" because {reason},"


def join_and(items: list[str]) -> str:
    if len(items) < 2:
        return ", ".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]
