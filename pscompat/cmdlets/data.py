"""The text and data cmdlets: JSON and CSV conversion, file content, paths and dates.

Each group lives in a data_*.py module; importing them here registers the cmdlets.
"""
from __future__ import annotations

from . import data_csv, data_files, data_json  # noqa: F401  (registration on import)
