"""PowerShell modules (about_Modules): module objects and their session state, loading script
modules and manifests, exports, and finding modules on `$env:PSModulePath`.  The cmdlets
(Import-Module, Get-Module, Remove-Module, New-Module, Export-ModuleMember) are in
cmdlets/modules/."""
