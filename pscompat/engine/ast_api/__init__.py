"""PowerShell's parser API over pscompat's syntax tree: docs/ast-api.md."""
