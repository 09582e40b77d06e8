"""The object cmdlets: Where-Object, ForEach-Object, Select-Object, Sort-Object, Group-Object,
Measure-Object, Get-Member, Tee-Object, Compare-Object, New-Object, Get-Unique, Add-Member.

Each lives in an objects_*.py module (one to three cmdlets apiece); importing them here
registers them, so the registry only needs to know this module.
"""
from __future__ import annotations

from pscompat.cmdlets.objects import group as objects_group
from pscompat.cmdlets.objects import measure as objects_measure
from pscompat.cmdlets.objects import member as objects_member
from pscompat.cmdlets.objects import misc as objects_misc
from pscompat.cmdlets.objects import select as objects_select
from pscompat.cmdlets.objects import sort as objects_sort
from pscompat.cmdlets.objects import where as objects_where
