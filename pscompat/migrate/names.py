"""Python names for PowerShell names: `$vmImage` → `vm_image`, `Get-Thing` → `get_thing`, never a
Python keyword or a name the converted module imports."""

from __future__ import annotations

import keyword
import re

_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")
_NOT_WORD = re.compile(r"\W+")

# Names the generated module binds itself: a script variable must not shadow them.
RESERVED = {"rt", "images", "os", "itertools", "print", "len", "list", "range", "str", "int", "float", "bool"}


def snake_case(name: str) -> str:
    """`vmImage` → `vm_image`, `ImageName` → `image_name`, `Get-AzureVM` → `get_azure_vm`."""
    words = _NOT_WORD.sub("_", _CAMEL.sub("_", name)).strip("_").lower()
    words = re.sub("_+", "_", words) or "value"
    if words[0].isdigit():
        words = "v_" + words
    if keyword.iskeyword(words) or words in RESERVED:
        words += "_"
    return words


def item_name(noun: str) -> str:
    """The loop variable for a command's objects: Get-AzureVMImage → `image`, Get-Process →
    `process`; `item` when the noun says nothing."""
    noun = re.sub(r"^Azure", "", noun)
    words = snake_case(noun).split("_")
    last = words[-1] if words and words[-1] else "item"
    return last if last not in RESERVED and not keyword.iskeyword(last) else "item"
