"""Table and wide layout, ported from PowerShell's TableWriter.cs and ColumnWidthManager.cs
(PS: src/System.Management.Automation/FormatAndOutput/common/).

Why not tabulate: PowerShell's table is not a generic grid.  Dashes are as long as the header
*text* (not the column), the last column is never padded, a header wider than a fixed column
wraps onto several lines, overflowing cells end in `…` (numbers lose their head, text its
tail), and columns that do not fit the screen are dropped from the right.  tabulate's
`plain` format pads every column (including the last), sizes dashes to the column and cannot
truncate or drop columns, so only the rules here reproduce PowerShell byte for byte.  The
list writer (format_list.py) is the same story; tabulate is used nowhere in the formatter.
"""

from __future__ import annotations

from pscompat.format.text import ELLIPSIS, cells, take_cells, take_cells_from_end, truncate_at_newline, wrap_lines

SEPARATOR = 1  # one blank between columns
MIN_SCREEN = 5


def fit_widths(widths: list[int], table_width: int) -> list[int]:
    """ColumnWidthManager.CalculateColumnWidths: widths > 0 are wanted sizes, 0 = 'whatever is
    left' (shared out one column at a time); when the table is too wide the last visible column
    shrinks, and is dropped (-1) when it would go below one cell."""
    widths = list(widths)
    if widths and all(w > 0 for w in widths):
        if sum(widths) + SEPARATOR * (len(widths) - 1) <= table_width:
            return widths
    else:
        fixed = [w > 0 for w in widths]
        widths = [w if w > 0 else 1 for w in widths]
        available = table_width - _table_width(widths)
        if available >= 0:
            if any(not f for f in fixed):
                while available > 0:
                    for k, is_fixed in enumerate(fixed):
                        if is_fixed:
                            continue
                        widths[k] += 1
                        available -= 1
                        if available == 0:
                            break
            return widths
    while True:  # TrimToFit
        excess = _table_width(widths) - table_width
        if excess <= 0:
            return widths
        last = _last_visible(widths)
        if last < 0:
            return widths
        if widths[last] - excess < 1:
            widths[last] = -1
        else:
            widths[last] -= excess


def _table_width(widths: list[int]) -> int:
    visible = [w for w in widths if w > 0]
    return sum(visible) + SEPARATOR * (len(visible) - 1)


def _last_visible(widths: list[int]) -> int:
    for k, w in enumerate(widths):
        if w < 0:
            return k - 1
    return len(widths) - 1


def _field(value: str, width: int, alignment: str, pad: bool) -> str:
    """TableWriter.GenerateRowField: one cell, padded or truncated to `width` cells."""
    s = truncate_at_newline(value)
    n = cells(s)
    if n < width:
        gap = width - n
        if alignment == "right":
            s = " " * gap + s
        elif alignment == "center":
            left = gap // 2
            s = " " * left + s + (" " * (gap - left) if pad else "")
        elif pad:
            s += " " * gap
    elif n > width:
        keep = width - 1  # room for the ellipsis
        if keep > 0:
            s = ELLIPSIS + take_cells_from_end(s, keep) if alignment == "right" else take_cells(s, keep) + ELLIPSIS
        else:
            s = take_cells_from_end(s, width) if alignment == "right" else take_cells(s, width)
    n = cells(s)
    if n != width:  # a wide character did not fit exactly: one blank makes up the cell
        if alignment == "right":
            s = " " + s
        elif pad:
            s += " "
    return s


class TableWriter:
    """Lays out one table (one group) given final column widths."""

    def __init__(self, widths: list[int], alignments: list[str], screen_width: int, hide_header: bool = False):
        self.disabled = screen_width < MIN_SCREEN
        self.widths = fit_widths(widths, screen_width) if not self.disabled else []
        if not any(w >= 1 for w in self.widths):
            self.disabled = True
        self.alignments = alignments
        self.hide_header = hide_header

    def header(self, labels: list[str]) -> list[str]:
        if self.disabled or self.hide_header:
            return []
        lines = self._multiline(labels, self.alignments)
        dashes = []
        for label, width in zip(labels, self.widths):
            if width <= 0:
                dashes.append("")
                continue
            dashes.append("-" * (min(width, cells(label)) if label else width))
        lines.append(self._single(dashes, self.alignments))
        return lines

    def row(self, values: list[str], alignments: list[str | None] | None = None, wrap: bool = False) -> list[str]:
        if self.disabled:
            return []
        aligns = [a or d for a, d in zip(alignments, self.alignments)] if alignments else self.alignments
        values = list(values) + [""] * (len(self.widths) - len(values))
        return self._multiline(values, aligns) if wrap else [self._single(values, aligns)]

    def _single(self, values: list[str], aligns: list[str]) -> str:
        parts = []
        last = len(self.widths) - 1
        for k, width in enumerate(self.widths):
            if width <= 0:
                continue
            parts.append(_field(values[k], width, aligns[k], pad=k != last))
        return " ".join(parts)

    def _multiline(self, values: list[str], aligns: list[str]) -> list[str]:
        """GenerateTableRow: cells wrapped onto several lines, blank-filled below shorter
        cells, trailing blanks removed after the last cell of each line with content."""
        cols = [k for k, w in enumerate(self.widths) if w > 0]
        if not cols:
            return []
        stacks = []
        for i, k in enumerate(cols):
            width = self.widths[k]
            pad = i != len(cols) - 1
            lines = wrap_lines(values[k] or "", width, width)
            if pad or aligns[k] in ("right", "center"):
                lines = [_field(s, width, aligns[k], pad) if cells(s) < width else s for s in lines]
            prefix = " " if i > 0 else ""
            stacks.append([prefix + s for s in lines])
        rows = max(len(s) for s in stacks)
        last_with_content = [max(i for i, s in enumerate(stacks) if len(s) > r) for r in range(rows)]
        for i, stack in enumerate(stacks):
            blank = 0
            if i < len(stacks) - 1:
                blank = self.widths[cols[i]] + (SEPARATOR if i > 0 else 0)
            for r in range(len(stack), rows):
                stack.append("" if i > last_with_content[r] else " " * blank)
        out = []
        for r in range(rows):
            line = []
            for i, stack in enumerate(stacks):
                value = stack[r]
                if i == last_with_content[r] and rows > 1:
                    value = value.rstrip()
                line.append(value)
            out.append("".join(line))
        return out


def wide_items_per_row(item_width: int, screen_width: int) -> int:
    """TableWriter.ComputeWideViewBestItemsPerRowFit: as many columns as fit strictly."""
    if item_width <= 0 or screen_width < 1 or item_width >= screen_width:
        return 1
    n = 1
    while True:
        nxt = n + 1
        if item_width * nxt + (nxt - 1) * SEPARATOR >= screen_width:
            return n
        n += 1
