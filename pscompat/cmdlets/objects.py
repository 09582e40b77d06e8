"""The object cmdlets: Where-Object, ForEach-Object, Select-Object, Sort-Object, Group-Object,
Measure-Object, Get-Member, Tee-Object, Compare-Object, New-Object, Get-Unique, Add-Member.

Each lives in an objects_*.py module (one to three cmdlets apiece); importing them here
registers them, so the registry only needs to know this module.
"""
from __future__ import annotations

from . import (objects_group, objects_measure, objects_member, objects_misc, objects_select,  # noqa: F401
               objects_sort, objects_where)
