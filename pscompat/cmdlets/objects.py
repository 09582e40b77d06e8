"""The object cmdlets: Where-Object, ForEach-Object, Select-Object, Sort-Object, Group-Object,
Measure-Object, Get-Member, Tee-Object, Compare-Object, New-Object, Get-Unique, Add-Member.

Each lives in an objects_*.py module (one or two cmdlets apiece); importing them here registers
them, so the registry only needs to know this module.
"""
from __future__ import annotations

from . import objects_select, objects_where  # noqa: F401  (registration on import)
