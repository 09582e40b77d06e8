"""The -Encoding names of the file cmdlets (Set-Content, Add-Content, Get-Content, Out-File,
Export-Csv, Tee-Object...) as Python codec names.  PowerShell 7's names and defaults: UTF-8
without a BOM unless asked (FileSystemProvider / EncodingConversion.cs)."""

from __future__ import annotations

ENCODINGS = {
    "ansi": "latin-1",
    "ascii": "ascii",
    "bigendianunicode": "utf-16-be",
    "bigendianutf32": "utf-32-be",
    "default": "utf-8",
    "latin1": "latin-1",
    "oem": "utf-8",
    "unicode": "utf-16-le",
    "utf32": "utf-32-le",
    "utf7": "utf-7",
    "utf8": "utf-8",
    "utf8bom": "utf-8-sig",
    "utf8nobom": "utf-8",
}


def python_encoding(name, reading: bool = False) -> str:
    """PowerShell's -Encoding names; the default is UTF-8 without a BOM (a BOM is skipped when
    reading), as PowerShell 7 does.  A number is a code page."""
    if not name:
        return "utf-8-sig" if reading else "utf-8"
    name = str(name)
    if name.isdigit():
        return "cp" + name
    encoding = ENCODINGS.get(name.lower(), name)
    return "utf-8-sig" if reading and encoding == "utf-8" else encoding
