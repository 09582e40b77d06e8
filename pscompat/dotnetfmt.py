""".NET formatting: composite format strings (`-f`, [string]::Format) and format specifiers.

Culture: en-US (a typical admin's machine; what `-f`, `.ToString(fmt)` and `Get-Date -Format`
use through CurrentCulture).  Deliberate choices where pwsh output depends on the ICU version:
the space before AM/PM is a plain space (ICU >= 72 prints U+202F), currency is `$1,234.57` /
`-$1,234.57`, percent is `12.35%`.

Rounding follows .NET Core 3.0+: digits come from the exact binary value and are rounded half
away from zero (so `{0:F2}` of 0.125 is `0.13`, of 2.675 is `2.67`).

Sources: learn.microsoft.com/dotnet/standard/base-types/standard-numeric-format-strings,
custom-numeric-format-strings, standard-/custom-date-and-time-format-string,
standard-/custom-timespan-format-strings; dotnet/runtime StringBuilder.AppendFormat (parser and
error offsets) and Strings.resx (messages).
"""
from __future__ import annotations

import math
from datetime import date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from functools import lru_cache

from .dotnetfmt_dates import format_datetime, format_timespan
from .dotnetfmt_errors import (_DIGIT, _PARSE_FAIL, _UNCLOSED, _UNEXPECTED_CLOSE, MSG_BAD_SPECIFIER,
                               MSG_INDEX, DotNetFormatError)
from .errors import PSError

__all__ = ["format_string", "format_value", "format_double", "DotNetFormatError",
           "format_datetime", "format_timespan"]

_INT32 = (-2**31, 2**31 - 1)
_INT64 = (-2**63, 2**63 - 1)


# ------------------------------------------------------------------------------------------
# composite formatting
# ------------------------------------------------------------------------------------------

@lru_cache(maxsize=512)
def _parse_composite(fmt: str):
    """Split a composite format into literal strings and (index, width, left, spec) items.

    Mirrors StringBuilder.AppendFormat (dotnet/runtime) including its error offsets.
    """
    parts: list = []
    buf: list[str] = []
    pos, n = 0, len(fmt)

    def move_next(p: int) -> int:
        p += 1
        if p >= n:
            raise DotNetFormatError(_PARSE_FAIL.format(p, _UNCLOSED))
        return p

    while pos < n:
        ch = fmt[pos]
        if ch not in "{}":
            buf.append(ch)
            pos += 1
            continue
        brace = ch
        pos = move_next(pos)
        ch = fmt[pos]
        if ch == brace:
            buf.append(ch)
            pos += 1
            continue
        if brace != "{":
            raise DotNetFormatError(_PARSE_FAIL.format(pos, _UNEXPECTED_CLOSE))
        if not ("0" <= ch <= "9"):
            raise DotNetFormatError(_PARSE_FAIL.format(pos, _DIGIT))
        index, width, left, spec = ord(ch) - 48, 0, False, ""
        pos = move_next(pos)
        ch = fmt[pos]
        if ch != "}":
            while "0" <= ch <= "9" and index < 1_000_000:
                index = index * 10 + ord(ch) - 48
                pos = move_next(pos)
                ch = fmt[pos]
            while ch == " ":
                pos = move_next(pos)
                ch = fmt[pos]
            if ch == ",":
                pos = move_next(pos)
                ch = fmt[pos]
                while ch == " ":
                    pos = move_next(pos)
                    ch = fmt[pos]
                if ch == "-":
                    left = True
                    pos = move_next(pos)
                    ch = fmt[pos]
                if not ("0" <= ch <= "9"):
                    raise DotNetFormatError(_PARSE_FAIL.format(pos, _DIGIT))
                width = ord(ch) - 48
                pos = move_next(pos)
                ch = fmt[pos]
                while "0" <= ch <= "9" and width < 1_000_000:
                    width = width * 10 + ord(ch) - 48
                    pos = move_next(pos)
                    ch = fmt[pos]
                while ch == " ":
                    pos = move_next(pos)
                    ch = fmt[pos]
            if ch != "}":
                if ch != ":":
                    raise DotNetFormatError(_PARSE_FAIL.format(pos, _UNCLOSED))
                start = pos
                while True:
                    pos = move_next(pos)
                    ch = fmt[pos]
                    if ch == "}":
                        break
                    if ch == "{":
                        raise DotNetFormatError(_PARSE_FAIL.format(pos, _UNCLOSED))
                spec = fmt[start + 1:pos]
        pos += 1
        if buf:
            parts.append("".join(buf))
            buf = []
        parts.append((index, width, left, spec))
    if buf:
        parts.append("".join(buf))
    return tuple(parts)


def format_string(fmt, args) -> str:
    """The `-f` operator: .NET composite formatting with PowerShell's error wrapping.

    `args` is the right operand: a list/tuple is the argument list, anything else is one
    argument.  Errors: PSError 'Error formatting a string: <FormatException message>.'
    (ParserStrings.FormatError, id FormatError).
    """
    if not isinstance(fmt, str):
        fmt = _to_string(fmt)
    if isinstance(args, (list, tuple)):
        argv = args
    else:
        argv = (args,)
    try:
        parts = _parse_composite(fmt)
        out: list[str] = []
        for part in parts:
            if type(part) is str:
                out.append(part)
                continue
            index, width, left, spec = part
            if index >= len(argv):
                raise DotNetFormatError(MSG_INDEX)
            s = format_value(argv[index], spec) if spec else _to_string_fmt(argv[index])
            if width > len(s):
                s = s.ljust(width) if left else s.rjust(width)
            out.append(s)
        return "".join(out)
    except DotNetFormatError as e:
        raise PSError(f"Error formatting a string: {e.message}.", "FormatError",
                      category="InvalidOperation", target=fmt) from None


def _to_string_fmt(v) -> str:
    """An argument without a format item spec: IFormattable.ToString(null, en-US)."""
    if type(v) is float:
        return format_double(v, "", invariant=False)
    if isinstance(v, datetime):
        return format_datetime(v, "G")
    return _to_string(v)


def _to_string(v) -> str:
    try:
        from .conversion import to_string
    except ImportError:  # pragma: no cover - conversion.py lands separately
        return _fallback_to_string(v)
    return to_string(v)


def _fallback_to_string(v) -> str:
    if v is None:
        return ""
    if v is True:
        return "True"
    if v is False:
        return "False"
    if type(v) is float:
        return format_double(v, "", invariant=True)
    if isinstance(v, Decimal):
        return _decimal_str(v)
    if isinstance(v, (list, tuple)):
        return " ".join(_fallback_to_string(x) for x in v)
    if isinstance(v, dict):
        return "System.Collections.Hashtable"
    if isinstance(v, datetime):
        return format_datetime(v, "MM/dd/yyyy HH:mm:ss")
    if isinstance(v, timedelta):
        return format_timespan(v, "c")
    return str(v)


# ------------------------------------------------------------------------------------------
# entry point for one value
# ------------------------------------------------------------------------------------------

def format_value(value, fmt: str | None) -> str:
    """`value.ToString(fmt)` with en-US culture for numbers, dates and time spans."""
    if value is None:
        return ""
    if not fmt:
        return _to_string_fmt(value)
    t = type(value)
    if t is bool or t is str:
        return _to_string(value)
    if isinstance(value, int):
        return format_number(int(value), fmt)
    if isinstance(value, (float, Decimal)):
        return format_number(value, fmt)
    if isinstance(value, datetime):
        return format_datetime(value, fmt)
    if isinstance(value, date):
        return format_datetime(datetime(value.year, value.month, value.day), fmt)
    if isinstance(value, timedelta):
        return format_timespan(value, fmt)
    tostr = getattr(value, "ToString", None)
    if callable(tostr):
        try:
            return tostr(fmt)
        except TypeError:
            pass
    return _to_string(value)


# ------------------------------------------------------------------------------------------
# numbers
# ------------------------------------------------------------------------------------------

def _decimal_str(d: Decimal) -> str:
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


def _round_digits(value, ndigits_after_point: int):
    """Exact decimal value rounded half away from zero to n places; returns (Decimal, neg)."""
    d = value if isinstance(value, Decimal) else Decimal(value)
    neg = d.is_signed()
    d = abs(d)
    q = Decimal(1).scaleb(-ndigits_after_point)
    try:
        r = d.quantize(q, rounding=ROUND_HALF_UP)
    except InvalidOperation:
        r = d
    return r, neg


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


def _group(intpart: str) -> str:
    out = []
    while len(intpart) > 3:
        out.insert(0, intpart[-3:])
        intpart = intpart[:-3]
    out.insert(0, intpart)
    return ",".join(out)


def _fixed(value, places: int, group: bool) -> tuple[str, bool]:
    r, neg = _round_digits(value, places)
    s = format(r, "f")
    if "." in s:
        ip, fp = s.split(".")
    else:
        ip, fp = s, ""
    fp = fp.ljust(places, "0")[:places] if places else ""
    if group:
        ip = _group(ip)
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
        return _format_custom(value, fmt)
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
                return format_double(value, "", invariant=False) if upper else \
                    format_double(value, "", invariant=False).replace("E", "e")
            return _decimal_str(value)
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


def _split_sections(fmt: str) -> list[str]:
    sections, cur, i, q = [], [], 0, None
    while i < len(fmt):
        c = fmt[i]
        if q:
            cur.append(c)
            if c == q:
                q = None
        elif c in "'\"":
            q = c
            cur.append(c)
        elif c == "\\" and i + 1 < len(fmt):
            cur.append(fmt[i:i + 2])
            i += 1
        elif c == ";":
            sections.append("".join(cur))
            cur = []
        else:
            cur.append(c)
        i += 1
    sections.append("".join(cur))
    return sections


def _tokenize_custom(sec: str) -> list[tuple[str, str]]:
    """[('lit', text) | ('0'|'#'|'.'|','|'%'|'‰'|'E', text)]."""
    toks, i = [], 0
    while i < len(sec):
        c = sec[i]
        if c in "'\"":
            j = sec.find(c, i + 1)
            j = len(sec) if j < 0 else j
            toks.append(("lit", sec[i + 1:j]))
            i = j + 1
            continue
        if c == "\\":
            toks.append(("lit", sec[i + 1:i + 2]))
            i += 2
            continue
        if c in "Ee" and i + 1 < len(sec) and (sec[i + 1] == "0" or
                                               (sec[i + 1] in "+-" and sec[i + 2:i + 3] == "0")):
            j = i + 1
            sign = ""
            if sec[j] in "+-":
                sign = sec[j]
                j += 1
            k = j
            while k < len(sec) and sec[k] == "0":
                k += 1
            toks.append(("E", c + sign + str(k - j)))
            i = k
            continue
        if c in "0#.,%‰":
            toks.append((c, c))
        else:
            toks.append(("lit", c))
        i += 1
    return toks


def _format_custom(value, fmt: str) -> str:
    sections = _split_sections(fmt)
    d = value if isinstance(value, Decimal) else Decimal(value)
    neg = d < 0
    sec = sections[0]
    explicit_sign = False
    if len(sections) >= 2 and neg and sections[1] != "":
        sec, explicit_sign = sections[1], True
    if len(sections) >= 3 and d == 0 and sections[2] != "":
        sec = sections[2]
    d = abs(d)
    toks = _tokenize_custom(sec)
    point = next((i for i, t in enumerate(toks) if t[0] == "."), None)
    exp_tok = next((i for i, t in enumerate(toks) if t[0] == "E"), None)
    int_end = point if point is not None else (exp_tok if exp_tok is not None else len(toks))
    # scaling commas: commas immediately left of the point (or end of the number part)
    scale = 0
    j = int_end - 1
    while j >= 0 and toks[j][0] == ",":
        scale += 1
        j -= 1
    int_toks = toks[:j + 1]
    grouping = any(t[0] == "," for t in int_toks) and any(t[0] in "0#" for t in int_toks)
    pct = sum(1 for t in toks if t[0] == "%")
    permille = sum(1 for t in toks if t[0] == "‰")
    d = d * (Decimal(100) ** pct) * (Decimal(1000) ** permille) / (Decimal(1000) ** scale)
    frac_end = exp_tok if exp_tok is not None else len(toks)
    frac_toks = toks[point + 1:frac_end] if point is not None else []
    frac_ph = [t[0] for t in frac_toks if t[0] in "0#"]
    int_ph = [t for t in int_toks if t[0] in "0#"]
    exponent_str = ""
    if exp_tok is not None:
        etext = toks[exp_tok][1]
        echar, esign, edigits = etext[0], etext[1:-1] if len(etext) > 2 else "", int(
            etext.lstrip("Ee+-") or 0)
        nint = max(1, len(int_ph))
        if d == 0:
            e = 0
        else:
            e = d.adjusted() - (nint - 1)
        d = d.scaleb(-e)
        r, _ = _round_digits(d, len(frac_ph))
        if r.adjusted() - (nint - 1) > 0 and d != 0:  # rounding overflowed 9.99 -> 10.0
            e += 1
            r, _ = _round_digits(d.scaleb(-1), len(frac_ph))
        sign = "-" if e < 0 else ("+" if esign == "+" else "")
        exponent_str = echar + sign + str(abs(e)).rjust(edigits, "0")
    else:
        r, _ = _round_digits(d, len(frac_ph))
    s = format(r, "f")
    ip, _, fp = s.partition(".")
    if ip == "0":
        ip = ""
    # fraction
    fp = fp.ljust(len(frac_ph), "0")
    last_zero = max((i for i, p in enumerate(frac_ph) if p == "0"), default=-1)
    keep = len(fp.rstrip("0"))
    nfrac = max(keep, last_zero + 1)
    frac_digits = fp[:nfrac]
    # integer part
    first_zero = next((i for i, t in enumerate(int_ph) if t[0] == "0"), None)
    min_int = len(int_ph) - first_zero if first_zero is not None else 0
    ip = ip.rjust(min_int, "0")
    if grouping and ip:
        ip = _group(ip)
    out: list[str] = []
    if int_ph:
        # map placeholders right to left; surplus digits go to the leftmost placeholder
        digits = list(ip) if not grouping else [ip]
        slots = [i for i, t in enumerate(int_toks) if t[0] in "0#"]
        assign: dict[int, str] = {}
        for n, slot in enumerate(reversed(slots)):
            if n == len(slots) - 1:
                assign[slot] = "".join(digits)
                digits = []
            else:
                assign[slot] = digits.pop() if digits else ""
        for i, t in enumerate(int_toks):
            if i in assign:
                out.append(assign[i])
            elif t[0] == "lit":
                out.append(t[1])
            elif t[0] in "%‰":
                out.append("%" if t[0] == "%" else "‰")
    else:
        for t in int_toks:
            if t[0] == "lit":
                out.append(t[1])
            elif t[0] in "%‰":
                out.append(t[1])
        out.append(ip)
    if point is not None:
        if frac_digits:
            out.append(".")
        fi = 0
        for t in frac_toks:
            if t[0] in "0#":
                if fi < len(frac_digits):
                    out.append(frac_digits[fi])
                fi += 1
            elif t[0] == "lit":
                out.append(t[1])
            elif t[0] in "%‰":
                out.append(t[1])
    out.append(exponent_str)
    for t in toks[(exp_tok + 1 if exp_tok is not None else frac_end):]:
        if t[0] == "lit" or t[0] in "%‰":
            out.append(t[1])
    res = "".join(out)
    is_zero = r == 0
    if neg and not explicit_sign and not is_zero:
        res = "-" + res
    return res
