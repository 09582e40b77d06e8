"""The module cmdlets of Microsoft.PowerShell.Core: Import-Module, Get-Module, Remove-Module,
New-Module, Export-ModuleMember, and Import-PowerShellDataFile (the engine part is in
engine/modules/)."""
