""".NET instance methods on values: `'abc'.ToUpper()`, `$h.ContainsKey('a')`, `$d.AddDays(1)`.

Names are case-insensitive; semantics are .NET's (string methods are ordinal and
case-sensitive unless a StringComparison says otherwise).  Other Python objects expose their
own methods, found by case-insensitive name.  `.ForEach{}`/`.Where{}` need script blocks, so
the evaluator handles them (INTRINSIC_BLOCK_METHODS) before calling call_method.
"""
from __future__ import annotations

import datetime as _dt
import decimal
import enum
import re as _re
import unicodedata

from .errors import PSError
from .psobject import Char, Hashtable, PSObject, _class_info, type_names

INTRINSIC_BLOCK_METHODS = frozenset({"foreach", "where"})


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
            raise PSError(f'Cannot find an overload for "{name}" and the argument count: "{len(args)}".',
                          "MethodCountCouldNotFindBest", category="NotSpecified") from exc
        raise _exception_calling(name, args, str(exc), "MethodInvocationException") from exc
    except (ValueError, ArithmeticError, LookupError, AttributeError, OSError) as exc:
        raise _exception_calling(name, args, str(exc), "MethodInvocationException") from exc


def _exception_calling(name: str, args: list, message: str, error_id: str) -> PSError:
    return PSError(f'Exception calling "{name}" with "{len(args)}" argument(s): "{message}"', error_id,
                   category="NotSpecified", exception_type="System.Management.Automation.MethodInvocationException")


def _not_found(obj, name: str) -> PSError:
    names = type_names(obj)
    return PSError(f"Method invocation failed because [{names[0] if names else 'System.Object'}] does not "
                   f"contain a method named '{name}'.", "MethodNotFound", category="InvalidOperation")


# --------------------------------------------------------------------------------------------
# Strings (System.String)


def _str(value) -> str:
    from .conversion import to_string

    return to_string(value)


def _ignore_case(comparison) -> bool:
    return comparison is not None and _str(comparison).lower().endswith("ignorecase")


def _chars(arg) -> str:
    """A char[] argument: a list of chars, a [char] or a string (PowerShell converts it)."""
    if isinstance(arg, (list, tuple)):
        return "".join(_str(c) for c in arg)
    return _str(arg)


def _trim(side):
    def trim(s, *chars):
        strip = {"both": str.strip, "start": str.lstrip, "end": str.rstrip}[side]
        return strip(s, _chars(list(chars)) if chars else None)
    return trim


def _split(s: str, separator=None, *rest):
    count, remove_empty, trim = -1, False, False
    for arg in rest:
        if isinstance(arg, int) and not isinstance(arg, bool):
            count = arg
        else:
            option = _str(arg).lower()
            remove_empty |= "removeemptyentries" in option
            trim |= "trimentries" in option
    if separator is None or (isinstance(separator, (list, tuple)) and not separator):
        pieces = _split_any(s, [c for c in s if c.isspace()] or [" "], count)
    elif isinstance(separator, (list, tuple)):
        pieces = _split_any(s, [_str(x) for x in separator], count)
    elif isinstance(separator, Char):
        pieces = _split_any(s, [separator], count)
    else:
        pieces = _split_any(s, [_str(separator)], count)
    if trim:
        pieces = [p.strip() for p in pieces]
    if remove_empty:
        pieces = [p for p in pieces if p]
    return pieces


def _split_any(s: str, separators: list[str], count: int) -> list[str]:
    separators = [sep for sep in separators if sep]
    if count == 0:
        return []
    if not separators:
        return [s]
    pieces, start, i = [], 0, 0
    while i < len(s) and (count < 0 or len(pieces) < count - 1):
        sep = next((x for x in separators if s.startswith(x, i)), None)
        if sep is None:
            i += 1
            continue
        pieces.append(s[start:i])
        i += len(sep)
        start = i
    pieces.append(s[start:])
    return pieces


def _substring(s: str, start, length=None):
    start = int(start)
    if start < 0:
        raise DotNetError("StartIndex cannot be less than zero. (Parameter 'startIndex')", "ArgumentOutOfRangeException")
    if start > len(s):
        raise DotNetError("startIndex cannot be larger than length of string. (Parameter 'startIndex')",
                          "ArgumentOutOfRangeException")
    if length is None:
        return s[start:]
    length = int(length)
    if length < 0:
        raise DotNetError("Length cannot be less than zero. (Parameter 'length')", "ArgumentOutOfRangeException")
    if start + length > len(s):
        raise DotNetError("Index and length must refer to a location within the string. (Parameter 'length')",
                          "ArgumentOutOfRangeException")
    return s[start:start + length]


def _index_of(last: bool):
    def index_of(s: str, value, *rest):
        ints = [int(r) for r in rest if isinstance(r, int) and not isinstance(r, bool)]
        folded = any(_ignore_case(r) for r in rest if not isinstance(r, int))
        hay, needle = (s.lower(), _str(value).lower()) if folded else (s, _str(value))
        if last:
            end = ints[0] + 1 if ints else len(s)
            return hay.rfind(needle, 0, end)
        start = ints[0] if ints else 0
        if start > len(s):
            raise DotNetError("Index was out of range. Must be non-negative and less than or equal to the size "
                              "of the collection. (Parameter 'startIndex')", "ArgumentOutOfRangeException")
        end = start + ints[1] if len(ints) > 1 else len(s)
        return hay.find(needle, start, end)
    return index_of


def _compare_key(s: str):
    # Culture-style ordering: case-insensitive first, lowercase before uppercase on ties.
    return (s.lower(), s.swapcase())


def _compare_to(a, b) -> int:
    if b is None:
        return 1
    ka, kb = (_compare_key(a), _compare_key(_str(b))) if isinstance(a, str) else (a, b)
    return (ka > kb) - (ka < kb)


def _replace(s: str, old, new=None, *rest):
    old = _str(old)
    if not old:
        raise DotNetError("String cannot be of zero length. (Parameter 'oldValue')", "ArgumentException")
    new = _str(new)
    if rest and (rest[0] is True or _ignore_case(rest[0])):
        return _re.sub(_re.escape(old), lambda m: new, s, flags=_re.IGNORECASE)
    return s.replace(old, new)


def _pad(left: bool):
    def pad(s: str, width, char=" "):
        width = int(width)
        if width < 0:
            raise DotNetError("Non-negative number required. (Parameter 'totalWidth')", "ArgumentOutOfRangeException")
        return s.rjust(width, _str(char)) if left else s.ljust(width, _str(char))
    return pad


def _remove(s: str, start, count=None):
    start = int(start)
    if start < 0:
        raise DotNetError("StartIndex cannot be less than zero. (Parameter 'startIndex')", "ArgumentOutOfRangeException")
    if start > len(s):
        raise DotNetError("startIndex must be less than length of string. (Parameter 'startIndex')",
                          "ArgumentOutOfRangeException")
    if count is None:
        return s[:start]
    count = int(count)
    if start + count > len(s):
        raise DotNetError("Index and count must refer to a location within the string. (Parameter 'count')",
                          "ArgumentOutOfRangeException")
    return s[:start] + s[start + count:]


def _insert(s: str, index, value):
    index = int(index)
    if not 0 <= index <= len(s):
        raise DotNetError("Specified argument was out of the range of valid values. (Parameter 'startIndex')",
                          "ArgumentOutOfRangeException")
    return s[:index] + _str(value) + s[index:]


_STRING_METHODS = {
    "toupper": lambda s, *c: s.upper(), "toupperinvariant": lambda s: s.upper(),
    "tolower": lambda s, *c: s.lower(), "tolowerinvariant": lambda s: s.lower(),
    "trim": _trim("both"), "trimstart": _trim("start"), "trimend": _trim("end"),
    "split": _split, "replace": _replace, "substring": _substring,
    "contains": lambda s, v, c=None: (_str(v).lower() in s.lower()) if _ignore_case(c) else _str(v) in s,
    "startswith": lambda s, v, c=None: (s.lower().startswith(_str(v).lower()) if _ignore_case(c)
                                        else s.startswith(_str(v))),
    "endswith": lambda s, v, c=None: (s.lower().endswith(_str(v).lower()) if _ignore_case(c)
                                      else s.endswith(_str(v))),
    "indexof": _index_of(False), "lastindexof": _index_of(True),
    "indexofany": lambda s, chars, start=0: min((i for i in (s.find(c, int(start)) for c in _chars(chars))
                                                  if i >= 0), default=-1),
    "padleft": _pad(True), "padright": _pad(False), "insert": _insert, "remove": _remove,
    "tochararray": lambda s: [Char(c) for c in s],
    "equals": lambda s, v, c=None: (isinstance(v, str) and (s.lower() == v.lower() if _ignore_case(c) else s == v)),
    "compareto": _compare_to,
    "normalize": lambda s, form="FormC": unicodedata.normalize("NF" + _str(form)[-1].upper(), s),
    "isnormalized": lambda s: unicodedata.is_normalized("NFC", s),
    "tostring": lambda s, *provider: s,
    "gethashcode": lambda s: hash(s) & 0x7FFFFFFF,
    "getenumerator": lambda s: [Char(c) for c in s],
    "chars": lambda s, i: Char(s[int(i)]),
}


# --------------------------------------------------------------------------------------------
# Numbers, collections, dictionaries


def _dotnet_equals(a, b) -> bool:
    """Object.Equals: same .NET type and equal value (1 -ne 1.0 for Equals, unlike -eq)."""
    if a is None or b is None:
        return a is b
    names_a, names_b = type_names(a), type_names(b)
    return names_a[:1] == names_b[:1] and a == b


def _number_tostring(value, fmt=None, provider=None):
    return _str(value) if fmt is None or _str(fmt) == "" else format_value(value, fmt)


_NUMBER_METHODS = {
    "tostring": _number_tostring,
    "compareto": lambda a, b: _compare_to(a, 0 if b is None else b),
    "equals": _dotnet_equals,
    "gethashcode": lambda v: hash(v) & 0x7FFFFFFF,
}


def _fixed_size(*_args):
    raise DotNetError("Collection was of a fixed size.", "NotSupportedException")


def _array_set_value(lst, value, index) -> None:
    lst[int(index)] = value


def _array_clear(lst) -> None:
    """Array.Clear(): every element becomes its type's default; the length stays (about_Arrays)."""
    element = getattr(lst, "_element", "System.Object")
    if element in ("System.Double", "System.Single"):
        default = 0.0
    elif element == "System.Boolean":
        default = False
    elif element == "System.Char":
        default = Char("\0")
    elif element == "System.Decimal":
        default = decimal.Decimal(0)
    elif element.startswith(("System.Int", "System.UInt", "System.Byte", "System.SByte")):
        from .conversion import convert_to

        default = convert_to(0, element)
    else:
        default = None
    lst[:] = [default] * len(lst)


_LIST_METHODS = {
    "contains": lambda lst, v: any(_dotnet_equals(x, v) for x in lst),
    "indexof": lambda lst, v, *rest: next((i for i, x in enumerate(lst) if _dotnet_equals(x, v)), -1),
    "clone": lambda lst: list(lst),
    "getvalue": lambda lst, i: lst[int(i)],
    "setvalue": _array_set_value,
    "add": _fixed_size, "remove": _fixed_size, "insert": _fixed_size, "removeat": _fixed_size,
    "clear": _array_clear,
    "tostring": lambda lst: type_names(lst)[0],
    "equals": lambda lst, other: lst is other,
    "gethashcode": lambda lst: id(lst) & 0x7FFFFFFF,
}


class DictionaryEntry:
    """An element of $hashtable.GetEnumerator(): Key/Value (Name is PowerShell's alias of Key)."""

    PS_TYPE_NAMES = ("System.Collections.DictionaryEntry", "System.ValueType", "System.Object")
    PS_PROPERTIES = ("Name", "Key", "Value")

    def __init__(self, key, value):
        self.Key, self.Value = key, value

    @property
    def Name(self):
        return self.Key

    def __repr__(self) -> str:
        return f"DictionaryEntry({self.Key!r}, {self.Value!r})"


def _dict_add(d: dict, key, value) -> None:
    if key in d if isinstance(d, Hashtable) else any(_same_key(k, key) for k in d):
        existing = d.real_key(key) if isinstance(d, Hashtable) else key
        raise DotNetError(f"Item has already been added. Key in dictionary: '{_str(existing)}'  "
                          f"Key being added: '{_str(key)}'", "ArgumentException")
    d[key] = value


def _same_key(a, b) -> bool:
    if isinstance(a, str) and isinstance(b, str):
        return a.lower() == b.lower()
    return a == b


def _dict_remove(d: dict, key) -> None:
    if isinstance(d, Hashtable):
        d.pop(key, None)
        return
    for k in list(d):
        if _same_key(k, key):
            del d[k]


def _dict_insert(d: dict, index, key, value) -> None:
    """OrderedDictionary.Insert(index, key, value)."""
    if not getattr(d, "ordered", False):
        raise PSError(f"Method invocation failed because [{type_names(d)[0]}] does not contain a method "
                      f"named 'Insert'.", "MethodNotFound", category="InvalidOperation")
    items = list(d.items())
    i = int(index)
    if not 0 <= i <= len(items):
        raise DotNetError("Index was out of range. Must be non-negative and less than or equal to the size of "
                          "the collection. (Parameter 'index')", "ArgumentOutOfRangeException")
    if key in d:
        _dict_add(d, key, value)  # raises the duplicate-key error
    d.clear()
    for k, v in items[:i] + [(key, value)] + items[i:]:
        d[k] = v


def _dict_clear(d: dict) -> None:
    d.clear()


_DICT_METHODS = {
    "insert": _dict_insert,
    "containskey": lambda d, k: k in d if isinstance(d, Hashtable) else any(_same_key(x, k) for x in d),
    "contains": lambda d, k: k in d if isinstance(d, Hashtable) else any(_same_key(x, k) for x in d),
    "containsvalue": lambda d, v: any(_dotnet_equals(x, v) or x == v for x in d.values()),
    "add": _dict_add,
    "remove": _dict_remove,
    "clear": _dict_clear,
    "clone": lambda d: d.copy() if isinstance(d, Hashtable) else Hashtable(d),
    "getenumerator": lambda d: [DictionaryEntry(k, v) for k, v in d.items()],
    "item": lambda d, k: d.get(k) if isinstance(d, Hashtable) else next(
        (v for x, v in d.items() if _same_key(x, k)), None),
    "tostring": lambda d: type_names(d)[0],
    "equals": lambda d, other: d is other,
    "gethashcode": lambda d: id(d) & 0x7FFFFFFF,
}

_PSOBJECT_METHODS = {
    "tostring": lambda o: _str(o),
    "equals": lambda o, other: o is other,
    "gethashcode": lambda o: id(o) & 0x7FFFFFFF,
}


# --------------------------------------------------------------------------------------------
# DateTime / TimeSpan (invariant culture)
_DT_TOKEN = _re.compile(r"d{1,4}|M{1,4}|y{1,5}|H{1,2}|h{1,2}|m{1,2}|s{1,2}|f{1,7}|F{1,7}|t{1,2}|z{1,3}|K"
                        r"|'[^']*'|\"[^\"]*\"|\\.|%|.", _re.DOTALL)
# Standard patterns ParseExact understands (en-US, like the formatter in dotnetfmt).
_STANDARD_DT = {"d": "M/d/yyyy", "s": "yyyy'-'MM'-'dd'T'HH':'mm':'ss", "u": "yyyy'-'MM'-'dd HH':'mm':'ss'Z'",
                "G": "M/d/yyyy h:mm:ss tt", "g": "M/d/yyyy h:mm tt", "T": "h:mm:ss tt", "t": "h:mm tt",
                "o": "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fffffffK", "r": "ddd, dd MMM yyyy HH':'mm':'ss 'GMT'"}


def format_value(value, fmt) -> str:
    """value.ToString(fmt), by the project's .NET formatter (operators, else dotnetfmt)."""
    try:
        from .operators import format_value as formatter
    except ImportError:
        from .dotnetfmt import format_value as formatter
    return formatter(value, None if fmt is None else _str(fmt))


_STRPTIME = {"dddd": "%A", "ddd": "%a", "dd": "%d", "d": "%d", "MMMM": "%B", "MMM": "%b", "MM": "%m",
             "M": "%m", "yyyy": "%Y", "yy": "%y", "HH": "%H", "H": "%H", "hh": "%I", "h": "%I",
             "mm": "%M", "m": "%M", "ss": "%S", "s": "%S", "tt": "%p", "zzz": "%z", "K": "%z"}


def parse_exact(text: str, fmt: str) -> _dt.datetime:
    """DateTime.ParseExact(text, fmt, InvariantCulture)."""
    pattern = _STANDARD_DT.get(fmt, fmt) if len(fmt) == 1 else fmt
    parts = []
    for tok in _DT_TOKEN.findall(pattern):
        if tok[0] in "fF":
            parts.append("%f")
        elif tok in _STRPTIME:
            parts.append(_STRPTIME[tok])
        else:
            literal = tok[1:-1] if tok[0] in "'\"" else tok[1:] if tok[0] == "\\" else tok.strip("%")
            parts.append(literal.replace("%", "%%"))
    try:
        parsed = _dt.datetime.strptime(text, "".join(parts))
    except ValueError:
        raise DotNetError("String '%s' was not recognized as a valid DateTime." % text, "FormatException") from None
    return parsed.astimezone().replace(tzinfo=None) if parsed.tzinfo else parsed


def _add_months(d: _dt.datetime, months) -> _dt.datetime:
    import calendar

    total = d.year * 12 + d.month - 1 + int(months)
    year, month = divmod(total, 12)
    day = min(d.day, calendar.monthrange(year, month + 1)[1])
    return d.replace(year=year, month=month + 1, day=day)


def _subtract(d, other):
    return d - other


_DATETIME_METHODS = {
    "adddays": lambda d, n: d + _dt.timedelta(days=float(n)),
    "addhours": lambda d, n: d + _dt.timedelta(hours=float(n)),
    "addminutes": lambda d, n: d + _dt.timedelta(minutes=float(n)),
    "addseconds": lambda d, n: d + _dt.timedelta(seconds=float(n)),
    "addmilliseconds": lambda d, n: d + _dt.timedelta(milliseconds=float(n)),
    "addticks": lambda d, n: d + _dt.timedelta(microseconds=int(n) / 10),
    "addmonths": _add_months,
    "addyears": lambda d, n: _add_months(d, int(n) * 12),
    "add": lambda d, span: d + span,
    "subtract": _subtract,
    # DateTime.ToString() uses the current culture (en-US 'G'); "$d" and [string]$d are invariant.
    # A lone IFormatProvider argument (the invariant culture) gives the invariant form.
    "tostring": lambda d, fmt=None, provider=None: format_value(d, "G") if fmt is None else (
        format_value(d, fmt) if isinstance(fmt, str) else _str(d)),
    "toshortdatestring": lambda d: format_value(d, "d"),
    "tolongdatestring": lambda d: format_value(d, "D"),
    "toshorttimestring": lambda d: format_value(d, "t"),
    "tolongtimestring": lambda d: format_value(d, "T"),
    "touniversaltime": lambda d: d.astimezone(_dt.timezone.utc).replace(tzinfo=None) if d.tzinfo is None else
    d.astimezone(_dt.timezone.utc),
    "tolocaltime": lambda d: d.astimezone().replace(tzinfo=None) if d.tzinfo else d,
    "compareto": lambda d, other: (d > other) - (d < other),
    "equals": lambda d, other: isinstance(other, _dt.datetime) and d == other,
    "isdaylightsavingtime": lambda d: bool(d.astimezone().dst()),
    "gethashcode": lambda d: hash(d) & 0x7FFFFFFF,
}

_TIMESPAN_METHODS = {
    "add": lambda t, other: t + other,
    "subtract": lambda t, other: t - other,
    "negate": lambda t: -t,
    "duration": lambda t: abs(t),
    "tostring": lambda t, fmt=None, provider=None: _str(t) if fmt is None else format_value(t, fmt),
    "compareto": lambda t, other: (t > other) - (t < other),
    "equals": lambda t, other: isinstance(other, _dt.timedelta) and t == other,
    "gethashcode": lambda t: hash(t) & 0x7FFFFFFF,
}


# --------------------------------------------------------------------------------------------
# Dispatch

# .NET spellings, for error messages ('Exception calling "Substring" ...').
_CANONICAL = {n.lower(): n for n in (
    "ToUpper ToUpperInvariant ToLower ToLowerInvariant Trim TrimStart TrimEnd Split Replace Substring "
    "Contains StartsWith EndsWith IndexOf LastIndexOf IndexOfAny PadLeft PadRight Insert Remove "
    "ToCharArray Equals CompareTo Normalize IsNormalized ToString GetHashCode GetEnumerator Chars "
    "Clone GetValue SetValue Add RemoveAt Clear ContainsKey ContainsValue Item AddDays AddHours "
    "AddMinutes AddSeconds AddMilliseconds AddTicks AddMonths AddYears Subtract ToShortDateString "
    "ToLongDateString ToShortTimeString ToLongTimeString ToUniversalTime ToLocalTime "
    "IsDaylightSavingTime Negate Duration GetType").split()}

_TABLES = {
    str: _STRING_METHODS, Char: _STRING_METHODS,
    int: _NUMBER_METHODS, float: _NUMBER_METHODS, bool: _NUMBER_METHODS, decimal.Decimal: _NUMBER_METHODS,
    list: _LIST_METHODS, tuple: _LIST_METHODS,
    Hashtable: _DICT_METHODS, dict: _DICT_METHODS,
    PSObject: _PSOBJECT_METHODS,
    _dt.datetime: _DATETIME_METHODS, _dt.timedelta: _TIMESPAN_METHODS,
}
_UNIVERSAL = {
    "tostring": lambda o, *a: _str(o),
    "equals": lambda o, other: o is other or o == other,
    "gethashcode": lambda o: hash(o) & 0x7FFFFFFF if o.__hash__ else id(o) & 0x7FFFFFFF,
}


def _base_table(obj):
    for base, table in _TABLES.items():
        if isinstance(obj, base) and not (base in (list, tuple) and hasattr(obj, "_fields")):
            return table
    return None


def _python_method(obj, folded: str):
    """A callable Python method of an ordinary object, by case-insensitive name."""
    real = _class_info(type(obj)).methods.get(folded)
    if real is not None:
        return real, getattr(obj, real)
    attrs = getattr(obj, "__dict__", None) or {}
    for key, value in attrs.items():
        if key.lower() == folded and callable(value) and not key.startswith("_"):
            return key, value
    return None


def get_type(obj):
    """$x.GetType(): a type value with Name/FullName (pstypes.PSType)."""
    from .pstypes import resolve_type_info

    names = type_names(obj)
    return resolve_type_info(names[0] if names else "System.Object")


def call_method(obj, name: str, args: list):
    """`$obj.Name(args)`.  Raises PSError InvokeMethodOnNull / MethodNotFound, and
    'Exception calling ...' when the method throws."""
    if obj is None:
        raise PSError("You cannot call a method on a null-valued expression.", "InvokeMethodOnNull",
                      category="InvalidOperation")
    folded = name.lower()
    if folded == "gettype" and not args:
        return get_type(obj)
    if folded == "foreach" and args and not hasattr(args[0], "invoke"):
        return _foreach_member(obj, args)
    table = _TABLES.get(type(obj))
    if table is None and not isinstance(obj, enum.Enum):
        found = _python_method(obj, folded)
        if found is not None:
            return invoke_dotnet(found[0], found[1], list(args))
        table = _base_table(obj)
    if table is not None:
        fn = table.get(folded)
        if fn is not None:
            return invoke_dotnet(_CANONICAL.get(folded, name), lambda *a: fn(obj, *a), list(args), is_void(fn))
        if isinstance(obj, (list, tuple)) and not hasattr(obj, "_fields"):
            return _enumerate_method(obj, name, args)
    fn = _UNIVERSAL.get(folded)
    if fn is not None:
        return invoke_dotnet(_CANONICAL.get(folded, name), lambda *a: fn(obj, *a), list(args))
    raise _not_found(obj, name)


def _foreach_member(obj, args: list) -> list:
    """The intrinsic `.ForEach(type)`, `.ForEach('Property')`, `.ForEach('Property', value)` (sets it)
    and `.ForEach('Method', args...)` (about_Arrays, ForEach method)."""
    from .psobject import lookup_member, set_member

    items = list(obj) if isinstance(obj, (list, tuple)) and not hasattr(obj, "_fields") else [obj]
    first, rest = args[0], list(args[1:])
    if hasattr(first, "full_name") and hasattr(first, "convert"):  # a type: convert every item
        return [first.convert(item) for item in items]
    name = _str(first)
    out: list = []
    for item in items:
        found, value = lookup_member(item, name)
        if found and not rest:
            out.append(value)
        elif found and len(rest) == 1 and not has_method(item, name):
            set_member(item, name, rest[0])
        elif has_method(item, name):
            result = call_method(item, name, rest)
            if not isinstance(result, VoidResult):
                out.append(result)
    return out


def _enumerate_method(items, name: str, args: list):
    """Member-access enumeration of a method: call it on every element (nested collections
    too); the first element lacking it raises MethodNotFound (about_Member-Access_Enumeration)."""
    results: list = []
    for item in items:
        value = (_enumerate_method(item, name, args) if type(item) in (list, tuple)
                 else call_method(item, name, args))
        if isinstance(value, (list, tuple)) and not hasattr(value, "_fields"):
            results.extend(value)
        elif value is not None:
            results.append(value)
    if not results:
        return None
    return results[0] if len(results) == 1 else results


def has_method(obj, name: str) -> bool:
    """True if `name` is a method of obj (Get-Member would list it)."""
    if obj is None:
        return False
    folded = name.lower()
    if folded in _UNIVERSAL or folded == "gettype":
        return True
    table = _TABLES.get(type(obj))
    if table is None:
        if _python_method(obj, folded) is not None:
            return True
        table = _base_table(obj)
    return table is not None and folded in table


def method_names(obj) -> list[str]:
    """The .NET spellings of obj's methods (for Get-Member)."""
    table = _TABLES.get(type(obj)) or _base_table(obj) or {}
    names = {_CANONICAL.get(n, n) for n in table} | {"GetType", "ToString", "Equals", "GetHashCode"}
    if type(obj) not in _TABLES:
        names |= set(_class_info(type(obj)).methods.values())
    return sorted(names, key=str.lower)


def method_definition(obj, name: str) -> str:
    """Get-Member's Definition text for a method: the Python signature for Python methods,
    else the .NET name with its argument list elided."""
    import inspect

    found = None if type(obj) in _TABLES else _python_method(obj, name.lower())
    if found is not None:
        try:
            return f"System.Object {found[0]}{inspect.signature(found[1])}"
        except (TypeError, ValueError):
            pass
    return {"GetType": "type GetType()", "ToString": "string ToString()", "Equals": "bool Equals(System.Object obj)",
            "GetHashCode": "int GetHashCode()"}.get(name, f"{name}(...)")
