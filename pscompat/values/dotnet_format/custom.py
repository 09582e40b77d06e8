"""Custom .NET numeric format strings (`'{0:#,##0.00}'`, `'0.0E+00'`, `'0%'`, sections split by
`;`), and the rounding and digit grouping they share with the standard formats in
dotnetfmt_numbers.  Split out of dotnetfmt.py, which re-exports the public names."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import NamedTuple


def round_digits(value, ndigits_after_point: int):
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


def group_digits(intpart: str) -> str:
    out = []
    while len(intpart) > 3:
        out.insert(0, intpart[-3:])
        intpart = intpart[:-3]
    out.insert(0, intpart)
    return ",".join(out)


# ------------------------------------------------------------------------------------------
# custom numeric format strings
# ------------------------------------------------------------------------------------------


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
            cur.append(fmt[i : i + 2])
            i += 1
        elif c == ";":
            sections.append("".join(cur))
            cur = []
        else:
            cur.append(c)
        i += 1
    sections.append("".join(cur))
    return sections


class FormatToken(NamedTuple):
    """A piece of a custom numeric format section: kind "lit" (text as is), "E" (an exponent:
    text is the E, its sign and the digit count), or the placeholder character itself
    ("0", "#", ".", ",", "%", "‰")."""

    kind: str
    text: str


def _tokenize_custom(sec: str) -> list[FormatToken]:
    toks, i = [], 0
    while i < len(sec):
        c = sec[i]
        if c in "'\"":
            j = sec.find(c, i + 1)
            j = len(sec) if j < 0 else j
            toks.append(FormatToken("lit", sec[i + 1 : j]))
            i = j + 1
            continue
        if c == "\\":
            toks.append(FormatToken("lit", sec[i + 1 : i + 2]))
            i += 2
            continue
        if c in "Ee" and i + 1 < len(sec) and (sec[i + 1] == "0" or (sec[i + 1] in "+-" and sec[i + 2 : i + 3] == "0")):
            j = i + 1
            sign = ""
            if sec[j] in "+-":
                sign = sec[j]
                j += 1
            k = j
            while k < len(sec) and sec[k] == "0":
                k += 1
            toks.append(FormatToken("E", c + sign + str(k - j)))
            i = k
            continue
        if c in "0#.,%‰":
            toks.append(FormatToken(c, c))
        else:
            toks.append(FormatToken("lit", c))
        i += 1
    return toks


def format_custom(value, fmt: str) -> str:
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
    point = next((i for i, t in enumerate(toks) if t.kind == "."), None)
    exp_tok = next((i for i, t in enumerate(toks) if t.kind == "E"), None)
    int_end = point if point is not None else (exp_tok if exp_tok is not None else len(toks))
    # scaling commas: commas immediately left of the point (or end of the number part)
    scale = 0
    j = int_end - 1
    while j >= 0 and toks[j].kind == ",":
        scale += 1
        j -= 1
    int_toks = toks[: j + 1]
    grouping = any(t.kind == "," for t in int_toks) and any(t.kind in "0#" for t in int_toks)
    pct = sum(1 for t in toks if t.kind == "%")
    permille = sum(1 for t in toks if t.kind == "‰")
    d = d * (Decimal(100) ** pct) * (Decimal(1000) ** permille) / (Decimal(1000) ** scale)
    frac_end = exp_tok if exp_tok is not None else len(toks)
    frac_toks = toks[point + 1 : frac_end] if point is not None else []
    frac_ph = [t.kind for t in frac_toks if t.kind in "0#"]
    int_ph = [t for t in int_toks if t.kind in "0#"]
    exponent_str = ""
    if exp_tok is not None:
        etext = toks[exp_tok].text
        echar, esign, edigits = etext[0], etext[1:-1] if len(etext) > 2 else "", int(etext.lstrip("Ee+-") or 0)
        nint = max(1, len(int_ph))
        if d == 0:
            e = 0
        else:
            e = d.adjusted() - (nint - 1)
        d = d.scaleb(-e)
        r, _ = round_digits(d, len(frac_ph))
        if r.adjusted() - (nint - 1) > 0 and d != 0:  # rounding overflowed 9.99 -> 10.0
            e += 1
            r, _ = round_digits(d.scaleb(-1), len(frac_ph))
        sign = "-" if e < 0 else ("+" if esign == "+" else "")
        exponent_str = echar + sign + str(abs(e)).rjust(edigits, "0")
    else:
        r, _ = round_digits(d, len(frac_ph))
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
    first_zero = next((i for i, t in enumerate(int_ph) if t.kind == "0"), None)
    min_int = len(int_ph) - first_zero if first_zero is not None else 0
    ip = ip.rjust(min_int, "0")
    if grouping and ip:
        ip = group_digits(ip)
    out: list[str] = []
    if int_ph:
        # map placeholders right to left; surplus digits go to the leftmost placeholder
        digits = list(ip) if not grouping else [ip]
        slots = [i for i, t in enumerate(int_toks) if t.kind in "0#"]
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
            elif t.kind == "lit":
                out.append(t.text)
            elif t.kind in "%‰":
                out.append("%" if t.kind == "%" else "‰")
    else:
        for t in int_toks:
            if t.kind == "lit":
                out.append(t.text)
            elif t.kind in "%‰":
                out.append(t.text)
        out.append(ip)
    if point is not None:
        if frac_digits:
            out.append(".")
        fi = 0
        for t in frac_toks:
            if t.kind in "0#":
                if fi < len(frac_digits):
                    out.append(frac_digits[fi])
                fi += 1
            elif t.kind == "lit":
                out.append(t.text)
            elif t.kind in "%‰":
                out.append(t.text)
    out.append(exponent_str)
    for t in toks[(exp_tok + 1 if exp_tok is not None else frac_end) :]:
        if t.kind == "lit" or t.kind in "%‰":
            out.append(t.text)
    res = "".join(out)
    is_zero = r == 0
    if neg and not explicit_sign and not is_zero:
        res = "-" + res
    return res
