"""List layout (`Name : value`), ported from PowerShell's ListWriter.cs
(PS: src/System.Management.Automation/FormatAndOutput/common/ListWriter.cs).

Labels are padded to the longest label (at most screen width - 4 cells); each value line is
wrapped to the space right of ` : `, continuation lines are indented under the value.
An empty value still prints its label and separator: `Average : ` keeps its trailing blank,
as PowerShell's does.
"""

from __future__ import annotations

from pscompat.format.text import cells, split_lines, take_cells, wrap_lines

SEPARATOR = " : "


def list_entry(labels: list[str], values: list[str], screen_width: int) -> list[str]:
    if not labels or screen_width - len(SEPARATOR) - 2 < 0:
        return []
    max_label = screen_width - len(SEPARATOR) - 1
    label_width = min(max(cells(label) for label in labels), max_label)
    padded = []
    for label in labels:
        n = cells(label)
        if n < label_width:
            label = label + " " * (label_width - n)
        elif n > label_width:
            label = take_cells(label, label_width)
        padded.append(label + SEPARATOR)
    indent = " " * (label_width + len(SEPARATOR))
    field_width = screen_width - len(indent)
    out: list[str] = []
    values = list(values) + [""] * (len(labels) - len(values))
    for prefix, value in zip(padded, values):
        for i, line in enumerate(split_lines(value or "")):
            for j, piece in enumerate(wrap_lines(line, field_width, field_width)):
                out.append((prefix if i == 0 and j == 0 else indent) + piece)
    return out
