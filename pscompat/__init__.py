"""pscompat: run PowerShell in Python, with PowerShell's semantics, on live Python objects."""

from pscompat.errors import IncompleteInputError, ParseError, PSError

__all__ = [
    "run",
    "Session",
    "PSResult",
    "PSError",
    "ParseError",
    "IncompleteInputError",
    "to_python",
    "parse",
    "classify",
    "convert",
]


def __getattr__(name):  # keep `import pscompat` cheap: the engine loads on first use
    if name in ("run", "Session", "to_python"):
        from pscompat import session

        return getattr(session, name)
    if name == "PSResult":
        from pscompat.result import PSResult

        return PSResult
    if name == "parse":
        from pscompat.syntax.grammar import parse

        return parse
    if name == "convert":
        from pscompat.migrate.module import convert_text

        return convert_text
    if name == "classify":
        from pscompat.shell.classify import classify

        return classify
    raise AttributeError(name)
