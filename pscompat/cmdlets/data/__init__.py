"""Data cmdlets: CSV, JSON, and file content."""
