"""Get-Process and Stop-Process over /proc."""
