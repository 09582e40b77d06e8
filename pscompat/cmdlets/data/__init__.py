"""The text and data cmdlets: JSON and CSV conversion, file content, paths and dates.

Each group lives in a data_*.py module; importing them here registers the cmdlets.
"""
from __future__ import annotations

from pscompat.cmdlets.data import csv as data_csv
from pscompat.cmdlets.data import files as data_files
from pscompat.cmdlets.data import json as data_json  # noqa: F401  (registration on import)
