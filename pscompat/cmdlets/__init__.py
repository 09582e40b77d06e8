"""The built-in cmdlets, one module per concept; pscompat.catalog imports each so they register."""
