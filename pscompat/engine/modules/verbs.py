"""PowerShell's approved verbs (Get-Verb; PS: utils/Verbs.cs), lower-cased: importing a
command whose verb is not one of them warns (Import-Module -DisableNameChecking does not)."""

from __future__ import annotations

APPROVED_VERBS = frozenset(
    v.lower()
    for v in """Add Approve Assert Backup Block Build Checkpoint Clear Close Compare Complete Compress Confirm
    Connect Convert ConvertFrom ConvertTo Copy Debug Deny Deploy Disable Disconnect Dismount Edit Enable Enter
    Exit Expand Export Find Format Get Grant Group Hide Import Initialize Install Invoke Join Limit Lock Measure
    Merge Mount Move New Open Optimize Out Ping Pop Protect Publish Push Read Receive Redo Register Remove Rename
    Repair Request Reset Resize Resolve Restart Restore Resume Revoke Save Search Select Send Set Show Skip Split
    Start Step Stop Submit Suspend Switch Sync Test Trace Unblock Undo Uninstall Unlock Unprotect Unpublish
    Unregister Update Use Wait Watch Write""".split()
)
