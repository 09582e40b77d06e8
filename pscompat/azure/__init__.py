"""Classic Azure (Service Management) compute: the VM-image cmdlets and the VM lifecycle around
them, over a backend interface whose first implementation is an embedded SQLite sandbox."""
