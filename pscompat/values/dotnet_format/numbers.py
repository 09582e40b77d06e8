"""Standard .NET numeric format strings (`N2`, `F0`, `X8`, `E3`, `P1`, `C`, `G`, `R`) and the
double's own text (`format_double`).  Custom formats are dotnetfmt_custom's.  Split out of
dotnetfmt.py, which re-exports the public names."""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal

from pscompat.values.dotnet_format.custom import format_custom, group_digits, round_digits
from pscompat.values.dotnet_format.errors import MSG_BAD_SPECIFIER, DotNetFormatError

_INT32 = (-(2**31), 2**31 - 1)
_INT64 = (-(2**63), 2**63 - 1)

# ------------------------------------------------------------------------------------------
# numbers
# ------------------------------------------------------------------------------------------


def decimal_str(d: Decimal) -> str:
    """System.Decimal.ToString(): no exponent, keeps the scale (1.50 stays 1.50)."""
    if not d.is_finite():
        return str(d)
    if d.as_tuple().exponent > 0:
        d = d.quantize(Decimal(1))
    s = format(d, "f")
    return "0" if s in ("-0",) else s


def _digits_exp(x) -> tuple[str, int]:
    """Shortest round-trip digits and decimal exponent: x = 0.d1d2d3... * 10**exp."""
    d = Decimal(repr(x)) if type(x) is float else x
    _, digits, exponent = d.as_tuple()
    s = "".join(map(str, digits))
    if not s.strip("0"):
        return "0", 1
    return s.rstrip("0"), exponent + len(s)


def _sci(ds: str, exp: int, upper: str, min_exp_digits: int, keep_zeros_to: int = 0) -> str:
    e = exp - 1
    mant = ds[0] + ("." + ds[1:] if len(ds) > 1 else "")
    if keep_zeros_to:
        frac = ds[1:].ljust(keep_zeros_to, "0")
        mant = ds[0] + ("." + frac if keep_zeros_to else "")
    sign = "-" if e < 0 else "+"
    return f"{mant}{upper}{sign}{abs(e):0{min_exp_digits}d}"


def _plain(ds: str, exp: int) -> str:
    if exp <= 0:
        return "0." + "0" * (-exp) + ds
    if exp >= len(ds):
        return ds + "0" * (exp - len(ds))
    return ds[:exp] + "." + ds[exp:]


def format_double(x: float, fmt: str = "", invariant: bool = True) -> str:
    """double.ToString() / ToString("R"): shortest round-trip, E+XX past 1E+15 or below 1E-05."""
    if math.isnan(x):
        return "NaN"
    if math.isinf(x):
        if invariant:
            return "Infinity" if x > 0 else "-Infinity"
        return "∞" if x > 0 else "-∞"
    neg = math.copysign(1.0, x) < 0
    ds, exp = _digits_exp(abs(x))
    if ds == "0":
        return "-0" if neg else "0"
    if exp > 15 or exp < -3:
        s = _sci(ds, exp, "E", 2)
    else:
        s = _plain(ds, exp)
    return "-" + s if neg else s


def double_to_string(x: float, invariant: bool = True) -> str:
    """PowerShell's own text of a [double]: `"$x"`, `[string]$x`, output and table/list cells.

    PowerShell 7 kept the pre-.NET Core 3.0 precision here, 15 significant digits
    (LanguagePrimitives.DoublePrecision = "G15", used by PSObject.ToString and
    ConvertNumericToString; PowerShell/PowerShell PR #9893), so 0.1+0.2 shows as 0.3 while
    $x.ToString() and '{0}' -f $x give .NET's shortest round-trip text (format_double).
    The 'G' rules: exponent form from 1E+15 and below 1E-04, at least two exponent digits;
    the digits are the exact value correctly rounded (ties to even), as '%.15g' rounds."""
    if x != x:
        return "NaN"
    if x in (math.inf, -math.inf):
        if invariant:
            return "Infinity" if x > 0 else "-Infinity"
        return "∞" if x > 0 else "-∞"
    return (f"{x:.15g}").replace("e", "E")


def _round_sig(value, sig: int) -> tuple[str, int, bool]:
    """Round to `sig` significant digits (half away from zero): (digits, exp, neg)."""
    d = value if isinstance(value, Decimal) else Decimal(value)
    neg = d.is_signed()
    d = abs(d)
    if d == 0:
        return "0", 1, neg
    exp = d.adjusted() + 1
    q = Decimal(1).scaleb(exp - sig)
    r = d.quantize(q, rounding=ROUND_HALF_UP)
    if r.adjusted() + 1 != exp:  # 9.99 -> 10.0
        exp = r.adjusted() + 1
    digits = "".join(map(str, r.as_tuple().digits)).lstrip("0") or "0"
    digits = digits[:sig].rstrip("0") or "0"
    return digits, exp, neg


def _fixed(value, places: int, group: bool) -> tuple[str, bool]:
    r, neg = round_digits(value, places)
    s = format(r, "f")
    if "." in s:
        ip, fp = s.split(".")
    else:
        ip, fp = s, ""
    fp = fp.ljust(places, "0")[:places] if places else ""
    if group:
        ip = group_digits(ip)
    out = ip + ("." + fp if places else "")
    # .NET Core 3.0+ keeps the sign of a double that rounds to zero ("-0.00"); integers and
    # decimals never format as negative zero (Number.Formatting.cs RoundNumber).
    keep_sign = type(value) is float
    return out, neg and (keep_sign or r != 0)


def _int_width(v: int) -> int:
    if _INT32[0] <= v <= _INT32[1]:
        return 32
    if _INT64[0] <= v <= _INT64[1]:
        return 64
    return 0


def format_number(value, fmt: str) -> str:
    """Standard and custom .NET numeric format strings (en-US)."""
    std = _parse_standard(fmt)
    if std is None:
        return format_custom(value, fmt)
    kind, prec = std
    is_int = isinstance(value, int)
    is_float = type(value) is float
    if is_float and (math.isnan(value) or math.isinf(value)):
        return format_double(value, "", invariant=False)
    upper = kind.isupper()
    k = kind.upper()
    if k == "D":
        if not is_int:
            raise DotNetFormatError(MSG_BAD_SPECIFIER)
        s = str(abs(value)).rjust(prec or 0, "0")
        return "-" + s if value < 0 else s
    if k == "X":
        if not is_int:
            raise DotNetFormatError(MSG_BAD_SPECIFIER)
        v = value
        if v < 0:
            w = _int_width(v) or 64
            v &= (1 << w) - 1
        s = format(v, "X" if upper else "x")
        return s.rjust(prec or 0, "0")
    if k == "B":
        if not is_int:
            raise DotNetFormatError(MSG_BAD_SPECIFIER)
        v = value if value >= 0 else value & ((1 << (_int_width(value) or 64)) - 1)
        return format(v, "b").rjust(prec or 0, "0")
    if k in ("F", "N"):
        places = 2 if prec is None else prec
        s, neg = _fixed(value, places, k == "N")
        return "-" + s if neg else s
    if k == "C":
        places = 2 if prec is None else prec
        s, neg = _fixed(value, places, True)
        return ("-$" if neg else "$") + s
    if k == "P":
        places = 2 if prec is None else prec
        v = (value if isinstance(value, Decimal) else Decimal(value)) * 100
        s, neg = _fixed(v, places, True)
        return ("-" if neg else "") + s + "%"
    if k == "E":
        places = 6 if prec is None else prec
        if value == 0:
            ds, exp, neg = "0", 1, (is_float and math.copysign(1.0, value) < 0)
        else:
            ds, exp, neg = _round_sig(value, places + 1)
        s = _sci(ds, exp, "E" if upper else "e", 3, keep_zeros_to=places)
        return "-" + s if neg and value != 0 else s
    if k in ("G", "R"):
        if k == "R" or (k == "G" and not prec):
            if is_int:
                return str(value)
            if is_float:
                return (
                    format_double(value, "", invariant=False)
                    if upper
                    else format_double(value, "", invariant=False).replace("E", "e")
                )
            return decimal_str(value)
        if value == 0:
            return "0"
        ds, exp, neg = _round_sig(value, prec)
        if exp > prec or exp < -3:
            s = _sci(ds, exp, "E" if upper else "e", 2)
        else:
            s = _plain(ds, exp)
        return "-" + s if neg else s
    raise DotNetFormatError(MSG_BAD_SPECIFIER)


def _parse_standard(fmt: str):
    """('N', 2) for 'N2'; None when `fmt` is a custom format."""
    if not fmt or not fmt[0].isalpha() or not fmt[0].isascii():
        return None
    rest = fmt[1:]
    if rest == "":
        if fmt[0].upper() not in "CDEFGNPRXB":
            raise DotNetFormatError(MSG_BAD_SPECIFIER)
        return fmt[0], None
    if rest.isdigit() and rest.isascii():
        if fmt[0].upper() not in "CDEFGNPRXB":
            return None  # e.g. 'y2' -> custom
        p = int(rest)
        if p > 999_999_999:
            raise DotNetFormatError(MSG_BAD_SPECIFIER)
        return fmt[0], p
    return None
