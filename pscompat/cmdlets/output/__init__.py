"""Format-*, Out-* and Write-* cmdlets."""
