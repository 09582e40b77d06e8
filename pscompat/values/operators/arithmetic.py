"""Arithmetic operators: binary + - * / % and unary - and +, with PowerShell's numeric promotion.

Arithmetic follows PS: src/System.Management.Automation/engine/runtime/Binding/Binders.cs
(`BinaryAdd`, `BinaryMultiply`, `BinarySubDivOrRem`, `BinaryNumericOp`) and
engine/runtime/Operations/NumericOps.cs (`IntOps`, `LongOps`, `DoubleOps`, `DecimalOps`): the
left operand's type drives the operation; int32 results that overflow become double (so do
int64 ones); `/` stays integral only when exact; `%` has the sign of the dividend.  Docs:
Core/About/about_Arithmetic_Operators.md, about_Operators.md.

Separate from operators.py (the BINARY/UNARY tables and the small operator families) because
the numeric promotion rules ([long], [bigint], [decimal], double overflow) and the per-type
cases of `+` and `*` (strings, arrays, hashtables, DateTime/TimeSpan) are one subject and most
of the operator code.  operators.py re-exports add, subtract, multiply, divide, remainder,
negate and plus.
"""

from __future__ import annotations

import enum
import math
from datetime import datetime, timedelta
from decimal import Decimal, localcontext

from pscompat.errors import PSError
from pscompat.values.convert.primitives import convert_to
from pscompat.values.convert.strings import to_string
from pscompat.values.dotnet.integers import BigInteger, Int64, UInt32, UInt64
from pscompat.values.objects.classes import Char, Hashtable
from pscompat.values.objects.model import type_names
from pscompat.values.operators.comparison import is_collection
from pscompat.values.operators.equality import is_number, scan_number

__all__ = [
    "add",
    "subtract",
    "multiply",
    "divide",
    "remainder",
    "negate",
    "plus",
    "INT32_MIN",
    "INT32_MAX",
    "INT64_MIN",
    "INT64_MAX",
]

INT32_MIN, INT32_MAX = -(1 << 31), (1 << 31) - 1
INT64_MIN, INT64_MAX = -(1 << 63), (1 << 63) - 1
_DECIMAL_MAX = Decimal("79228162514264337593543950335")


def _type_name(v) -> str:
    if v is None:
        return "$null"
    names = type_names(v)
    return names[0] if names else "System.Object"


def _divide_by_zero() -> PSError:
    # PowerShell wraps .NET's DivideByZeroException; `catch [System.DivideByZeroException]` sees it.
    return PSError(
        "Attempted to divide by zero.",
        "RuntimeException",
        category="NotSpecified",
        reason="RuntimeException",
        exception_type="System.DivideByZeroException",
    )


def _method_not_found(target, method: str) -> PSError:
    return PSError(
        f"Method invocation failed because [{_type_name(target)}] does not contain a method named '{method}'.",
        "MethodNotFound",
        category="InvalidOperation",
    )


def _not_defined(left, op: str, right) -> PSError:
    return PSError(
        f"The operation '[{_type_name(left)}] {op} [{_type_name(right)}]' is not defined.",
        "NotADefinedOperationForType",
        category="InvalidOperation",
    )


# ------------------------------------------------------------------------------------------
# numbers


def int_width(v: int) -> int:
    if INT32_MIN <= v <= INT32_MAX:
        return 32
    if INT64_MIN <= v <= INT64_MAX:
        return 64
    return 0


# Operand types that make integer arithmetic 64-bit (LongOps) or exact (BigInteger); the
# smaller types (byte, short, ...) compute as Int32, as in .NET.
_WIDE = {Int64: 64, UInt32: 64, UInt64: 0, BigInteger: 0}


def _fit(result: int, a: int, b: int):
    """IntOps/LongOps: an overflowing result becomes a double; a [long] operand makes the
    result a long ([long]1 + 1 is Int64), a [bigint] one a BigInteger."""
    ta, tb = type(a), type(b)
    if ta is not int or tb is not int:
        wa, wb = _WIDE.get(ta, int_width(a)), _WIDE.get(tb, int_width(b))
        if ta is BigInteger or tb is BigInteger:
            return BigInteger(result)
        if ta is UInt64 or tb is UInt64:  # ULongOps: past the range of ulong is a double
            return UInt64(result) if 0 <= result < 1 << 64 else float(result)
        if (wa == 64 or wb == 64) and wa != 0 and wb != 0:
            return Int64(result) if INT64_MIN <= result <= INT64_MAX else float(result)
    else:
        wa, wb = int_width(a), int_width(b)
    if wa == 0 or wb == 0:  # BigInteger / UInt64 range: keep exact
        return result
    w = max(wa, wb)
    if w == 32:
        return result if INT32_MIN <= result <= INT32_MAX else float(result)
    return result if INT64_MIN <= result <= INT64_MAX else float(result)


def _to_decimal(v) -> Decimal:
    if type(v) is float:
        if math.isnan(v) or math.isinf(v) or abs(v) > 7.9e28:
            raise PSError(
                "Value was either too large or too small for a Decimal.", "RuntimeException", category="NotSpecified"
            )
        return Decimal(format(v, ".15g"))
    return Decimal(v)


def _decimal_result(d: Decimal) -> Decimal:
    if abs(d) > _DECIMAL_MAX:
        raise PSError(
            "Value was either too large or too small for a Decimal.", "RuntimeException", category="NotSpecified"
        )
    return d


def _dec_div(a: Decimal, b: Decimal) -> Decimal:
    with localcontext() as c:
        c.prec = 29
        q = a / b
        if (
            abs(q.as_tuple().exponent) <= 28
            and len(q.as_tuple().digits) > 28
            and abs(int(q.scaleb(-q.as_tuple().exponent))) > _DECIMAL_MAX
        ):
            c.prec = 28
            q = a / b
    if q == q.to_integral_value() and q.as_tuple().exponent < 0:
        q = q.quantize(Decimal(1))
    return q


def _bigint_op(op: str, a, b) -> BigInteger:
    """[bigint] arithmetic: every operand becomes a BigInteger (1.9 truncates to 1) and division
    truncates too (about_Arithmetic_Operators, Bigint arithmetic)."""
    a, b = int(a), int(b)
    if op in "/%" and b == 0:
        raise _divide_by_zero()
    if op == "/":
        q = abs(a) // abs(b)
        return BigInteger(-q if (a < 0) != (b < 0) else q)
    if op == "%":
        r = abs(a) % abs(b)
        return BigInteger(-r if a < 0 else r)
    return BigInteger(a + b if op == "+" else a - b if op == "-" else a * b)


def _numeric(op: str, a, b):
    """a, b: int/float/Decimal (bools already turned into ints)."""
    ta, tb = type(a), type(b)
    if ta is BigInteger or tb is BigInteger:
        return _bigint_op(op, a, b)
    if ta is Decimal or tb is Decimal:
        a, b = _to_decimal(a), _to_decimal(b)
        if op == "+":
            return _decimal_result(a + b)
        if op == "-":
            return _decimal_result(a - b)
        if op == "*":
            return _decimal_result(a * b)
        if b == 0:
            raise _divide_by_zero()
        if op == "/":
            return _decimal_result(_dec_div(a, b))
        return _dec_rem(a, b)
    if ta is float or tb is float:
        a, b = float(a), float(b)
        if op == "+":
            return a + b
        if op == "-":
            return a - b
        if op == "*":
            return a * b
        if op == "/":
            if b == 0.0:
                if a == 0.0 or a != a:
                    return math.nan
                return math.copysign(math.inf, a) * math.copysign(1.0, b)
            return a / b
        if b == 0.0 or math.isinf(a):
            return math.nan
        return math.fmod(a, b)
    # integers
    if op == "+":
        return _fit(a + b, a, b)
    if op == "-":
        return _fit(a - b, a, b)
    if op == "*":
        return _fit(a * b, a, b)
    if b == 0:
        raise _divide_by_zero()
    if op == "/":
        if a % b == 0:
            return _fit(a // b, a, b)
        return float(a) / float(b) if int_width(a) and int_width(b) else a / b
    r = abs(a) % abs(b)
    return _fit(-r if a < 0 else r, a, b)


def _dec_rem(a: Decimal, b: Decimal) -> Decimal:
    r = abs(a) % abs(b)
    return -r if a < 0 else r


def _as_number(v, other):
    """GetArgAsNumericOrPrimitive: the right operand of a numeric operation as a number."""
    t = type(v)
    if t is int or t is float or t is Decimal:
        return v
    if v is None or t is bool or isinstance(v, str):  # to_number's reading ([char]: its code)
        return scan_number(v, other)
    if is_number(v):
        return v.value if hasattr(v, "value") else v
    return None


def _arith(op: str, left, right):
    """+ - * / % for a numeric (or bool/char) left operand."""
    a = int(left) if type(left) is bool else (ord(left) if isinstance(left, Char) else left)
    if hasattr(a, "value") and not is_number(a):
        a = a.value
    b = int(right) if isinstance(right, _INT_ENUM) else _as_number(right, a)
    if b is None:
        raise _method_not_found(right, _OP_METHOD[op])
    if isinstance(left, enum.Enum) and op in "+-" and not isinstance(right, enum.Enum):
        # An enum plus/minus a number stays that enum ([ConsoleColor]::Blue + 3 is Red).
        from pscompat.values.dotnet.enums import make

        return make(type(left), int(_numeric(op, int(a), b)))
    return _numeric(op, a, b)


_INT_ENUM = (enum.IntEnum, enum.IntFlag)

_OP_METHOD = {"+": "op_Addition", "-": "op_Subtraction", "*": "op_Multiply", "/": "op_Division", "%": "op_Modulus"}


def _ticks_to_timedelta(n) -> timedelta:
    return timedelta(microseconds=int(n) / 10)


def add(left, right, ctx=None):
    tl = type(left)
    if tl is int and type(right) is int:
        r = left + right
        if INT32_MIN <= r <= INT32_MAX:
            return r
        return _fit(r, left, right)
    if tl is str:
        if type(right) is str:
            return left + right
        return left + ("" if right is None else to_string(right))
    if left is None:
        return right
    if isinstance(left, str) and not isinstance(left, Char):
        return str(left) + ("" if right is None else to_string(right))
    if isinstance(left, Char):
        return str.__str__(left) + ("" if right is None else to_string(right))
    if tl is bool or is_number(left) or isinstance(left, _INT_ENUM):
        return _arith("+", left, right)
    if is_collection(left):
        if is_collection(right):
            return list(left) + list(right)
        return list(left) + [right]
    if isinstance(left, dict):
        if not isinstance(right, dict):
            raise PSError(
                "A hash table can only be added to another hash table.",
                "AddHashTableToNonHashTable",
                category="InvalidOperation",
            )
        ordered = getattr(left, "ordered", False)
        result = Hashtable(ordered=ordered)
        for src in (left, right):
            for k, v in src.items():
                if k in result:
                    raise PSError(
                        f"Item has already been added. Key in dictionary: '{to_string(k)}'  "
                        f"Key being added: '{to_string(k)}'",
                        "System.ArgumentException",
                        category="OperationStopped",
                        exception_type="System.ArgumentException",
                    )
                result[k] = v
        return result
    if isinstance(left, datetime):
        if isinstance(right, timedelta):
            return left + right
        if is_number(right):
            return left + _ticks_to_timedelta(right)
        raise _method_not_found(left, "op_Addition") if right is None else _not_defined(left, "+", right)
    if isinstance(left, timedelta):
        if isinstance(right, timedelta):
            return left + right
        if isinstance(right, datetime):
            return right + left
        if is_number(right):
            return left + _ticks_to_timedelta(right)
        raise _not_defined(left, "+", right)
    return _implicit(left, right, "+")


def _implicit(left, right, op: str):
    """ParserOps.ImplicitOp: a Python operator overload, else PowerShell's error."""
    method = {"+": "__add__", "-": "__sub__", "*": "__mul__", "/": "__truediv__", "%": "__mod__"}[op]
    fn = getattr(left, method, None)
    if fn is not None:
        try:
            res = fn(right)
        except TypeError:
            res = NotImplemented
        if res is not NotImplemented:
            return res
    target = right if (left is None or type(left) in (int, float, bool)) else left
    if target is None or type(target) in (int, float, bool):
        raise _not_defined(left, op, right)
    raise _method_not_found(target, _OP_METHOD[op])


def subtract(left, right, ctx=None):
    tl = type(left)
    if tl is int and type(right) is int:
        return _fit(left - right, left, right)
    if left is None:
        left = 0
        tl = int
    if tl is bool or is_number(left) or isinstance(left, (Char, *_INT_ENUM)):
        return _arith("-", left, right)
    if isinstance(left, str):
        return _arith("-", scan_number(left, right), right)
    if isinstance(left, datetime):
        if isinstance(right, datetime):
            try:
                return left - right
            except TypeError:
                return left.replace(tzinfo=None) - right.replace(tzinfo=None)
        if isinstance(right, timedelta):
            return left - right
        if is_number(right):
            return left - _ticks_to_timedelta(right)
        raise _not_defined(left, "-", right)
    if isinstance(left, timedelta):
        if isinstance(right, timedelta):
            return left - right
        if is_number(right):
            return left - _ticks_to_timedelta(right)
        raise _not_defined(left, "-", right)
    return _implicit(left, right, "-")


def multiply(left, right, ctx=None):
    tl = type(left)
    if tl is int and type(right) is int:
        return _fit(left * right, left, right)
    if left is None:
        return None
    if tl is bool or is_number(left):
        return _arith("*", left, right)
    if isinstance(left, str):
        n = _count(right, "System.Int32")
        if n < 0:
            raise PSError(
                "Specified argument was out of the range of valid values. (Parameter 'times')",
                "ArgumentOutOfRangeException",
                category="InvalidArgument",
            )
        return str(left) * n
    if is_collection(left):
        n = _count(right, "System.UInt32")
        return list(left) * n
    return _implicit(left, right, "*")


def _count(v, type_name: str) -> int:
    if isinstance(v, str):
        v = scan_number(v)
    if type(v) is int:
        if type_name == "System.UInt32" and v < 0:
            return convert_to(v, type_name)
        return v
    return convert_to(v, type_name)


def divide(left, right, ctx=None):
    tl = type(left)
    if tl is int and type(right) is int:
        if right == 0:
            raise _divide_by_zero()
        if left % right == 0:
            return _fit(left // right, left, right)
        return float(left) / float(right)
    if left is None:
        left = 0
    if type(left) is bool or is_number(left) or isinstance(left, Char):
        return _arith("/", left, right)
    if isinstance(left, str):
        return _arith("/", scan_number(left, right), right)
    return _implicit(left, right, "/")


def remainder(left, right, ctx=None):
    if left is None:
        left = 0
    if type(left) is bool or is_number(left) or isinstance(left, Char):
        return _arith("%", left, right)
    if isinstance(left, str):
        return _arith("%", scan_number(left, right), right)
    return _implicit(left, right, "%")


# ------------------------------------------------------------------------------------------
# unary minus and plus


def negate(value):
    t = type(value)
    if t is int:
        return _fit(-value, value, 0)
    if t is float or t is Decimal:
        return -value
    if value is None:
        return 0
    if t is bool:
        return -int(value)
    if isinstance(value, str):
        return negate(scan_number(value) if not isinstance(value, Char) else ord(value))
    if isinstance(value, timedelta):
        return -value
    if is_number(value):
        return _fit(-value, value, 0) if isinstance(value, int) else -value
    neg = getattr(value, "__neg__", None)
    if neg is not None:
        return neg()
    raise _method_not_found(value, "op_UnaryNegation")


def plus(value):
    if isinstance(value, str) and not isinstance(value, Char):
        return scan_number(value)
    if value is None:
        return 0
    if type(value) is bool:
        return int(value)
    return value
