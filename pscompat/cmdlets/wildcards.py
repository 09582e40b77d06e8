"""PowerShell wildcard patterns as the cmdlets meet them in names and paths."""

from __future__ import annotations

_WILDCARD_CHARS = frozenset("*?[")


def has_wildcard(text: str) -> bool:
    """WildcardPattern.ContainsWildcardCharacters: * ? [ not escaped by a backtick."""
    escaped = False
    for ch in text:
        if escaped:
            escaped = False
        elif ch == "`":
            escaped = True
        elif ch in _WILDCARD_CHARS:
            return True
    return False
