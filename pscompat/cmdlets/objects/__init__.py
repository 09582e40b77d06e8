"""The object cmdlets of Microsoft.PowerShell.Utility and Core: Where, Select, Sort, Group, Measure, Get-Member and friends."""
