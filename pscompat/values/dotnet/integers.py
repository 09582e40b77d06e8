"""Integer types other than Int32: System.Int64, Byte, SByte, Int16, UInt16, UInt32, UInt64,
BigInteger.

A plain Python int is an Int32 (or an Int64 when it does not fit, as PowerShell types integer
literals).  A value cast with `[long]`, `[byte]`, ... is an instance of one of these int
subclasses, so `.GetType()`, `-is` and formatting see its .NET type; arithmetic gives plain
ints back (operators.py widens to Int64 where PowerShell does)."""

from __future__ import annotations


class SizedInt(int):
    __slots__ = ()
    PS_TYPE_NAMES: tuple = ()

    def __repr__(self) -> str:
        return int.__repr__(self)

    __str__ = __repr__


def _make(name: str) -> type:
    cls = type(
        name,
        (SizedInt,),
        {
            "__slots__": (),
            "PS_TYPE_NAMES": (
                f"System.{name}" if name != "BigInteger" else "System.Numerics.BigInteger",
                "System.ValueType",
                "System.Object",
            ),
        },
    )
    cls.__module__ = __name__
    return cls


Int64 = _make("Int64")
Int16 = _make("Int16")
Byte = _make("Byte")
SByte = _make("SByte")
UInt16 = _make("UInt16")
UInt32 = _make("UInt32")
UInt64 = _make("UInt64")
BigInteger = _make("BigInteger")

BY_TYPE_NAME = {cls.PS_TYPE_NAMES[0]: cls for cls in (Int64, Int16, Byte, SByte, UInt16, UInt32, UInt64, BigInteger)}
