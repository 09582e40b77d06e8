"""pscompat: run PowerShell in Python, with PowerShell's semantics, on live Python objects."""
from .errors import IncompleteInputError, ParseError, PSError

__all__ = ["run", "Session", "PSResult", "PSError", "ParseError", "IncompleteInputError",
           "to_python", "parse", "classify"]


def __getattr__(name):  # keep `import pscompat` cheap: the engine loads on first use
    if name in ("run", "Session", "to_python"):
        from . import session
        return getattr(session, name)
    if name == "PSResult":
        from .result import PSResult
        return PSResult
    if name == "parse":
        from .grammar import parse
        return parse
    if name == "classify":
        from .classify import classify
        return classify
    raise AttributeError(name)
