"""How a .NET method call behaves: DotNetError (what a method implementation raises instead
of a .NET exception), void results (VOID), and invoke_dotnet, which turns failures into
PowerShell's method-invocation errors.  A leaf module, so every method table can use it."""

from __future__ import annotations

from pscompat.errors import PSError


class DotNetError(Exception):
    """Raised by a method implementation the way the .NET method would throw; call_method turns
    it into 'Exception calling "X" with "N" argument(s): "message"'."""

    def __init__(self, message: str, exception_name: str = "Exception"):
        super().__init__(message)
        self.message = message
        self.exception_name = exception_name

    @property
    def exception_type(self) -> str:  # $_.Exception.InnerException.GetType() reads this
        name = self.exception_name
        return name if "." in name else "System." + name


class VoidResult(tuple):
    """What a void .NET method returns: it writes nothing to the pipeline (`$h.Add('a', 1)`
    on its own line outputs nothing, as PowerShell's AutomationNull).  An empty tuple, so
    statement output, @() and the pipeline all see no objects."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "VOID"


VOID = VoidResult()


def is_void(fn) -> bool:
    """A method declared `-> None` is void in .NET terms (Python methods, table entries)."""
    return getattr(fn, "__annotations__", {}).get("return", 0) in (None, "None")


def invoke_dotnet(name: str, fn, args: list, void: bool | None = None):
    """Call fn(*args), translating failures into PowerShell's method-invocation errors.
    A void method (`void`, or fn declared `-> None`) gives VOID."""
    try:
        result = fn(*args)
        if result is None and (is_void(fn) if void is None else void):
            return VOID
        return result
    except PSError:
        raise
    except DotNetError as exc:
        raise _exception_calling(name, args, exc.message, exc.exception_name) from exc
    except TypeError as exc:
        if "argument" in str(exc) and ("positional" in str(exc) or "required" in str(exc)):
            raise PSError(
                f'Cannot find an overload for "{name}" and the argument count: "{len(args)}".',
                "MethodCountCouldNotFindBest",
                category="NotSpecified",
            ) from exc
        raise _exception_calling(name, args, str(exc), "MethodInvocationException") from exc
    except (ValueError, ArithmeticError, LookupError, AttributeError, OSError) as exc:
        raise _exception_calling(name, args, str(exc), "MethodInvocationException") from exc


def _exception_calling(name: str, args: list, message: str, error_id: str) -> PSError:
    return PSError(
        f'Exception calling "{name}" with "{len(args)}" argument(s): "{message}"',
        error_id,
        category="NotSpecified",
        exception_type="System.Management.Automation.MethodInvocationException",
    )
