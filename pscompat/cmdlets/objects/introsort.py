""".NET's unstable sort, step for step (ArraySortHelper<T>.IntrospectiveSort, which
List<T>.Sort and Array.Sort use), for Sort-Object without -Stable.

PowerShell sorts with List<OrderByPropertyEntry>.Sort and no tie-break, so the order of
objects whose keys compare equal is whatever introsort leaves: three elements go through a
swap network (`'smith'(1), 'smith'(2), 'smyth' | sort -Descending` puts the second smith
first), 4..16 through insertion sort (stable), larger inputs through median-of-three
partitioning.  -Unique keeps the first of each run, so it shows which of the equals won.

Python's sort is stable; only when equal keys exist does the order differ, and only then is
this (slower, a Python call per comparison) algorithm needed.
"""

from __future__ import annotations

from collections.abc import Callable

_INSERTION_THRESHOLD = 16  # IntrosortSizeThreshold


def dotnet_sort(items: list, compare: Callable) -> list:
    """A new list: `items` in the order .NET's Array.Sort(items, compare) leaves them."""
    keys = list(items)
    n = len(keys)
    if n > 1:
        _intro_sort(keys, 0, n, 2 * (n.bit_length()), compare)  # 2 * (Log2(n) + 1)
    return keys


def _swap_if_greater(keys: list, compare, i: int, j: int) -> None:
    if compare(keys[i], keys[j]) > 0:
        keys[i], keys[j] = keys[j], keys[i]


def _intro_sort(keys: list, lo: int, size: int, depth: int, compare) -> None:
    """IntroSort over keys[lo:lo+size]."""
    while size > 1:
        if size <= _INSERTION_THRESHOLD:
            if size == 2:
                _swap_if_greater(keys, compare, lo, lo + 1)
            elif size == 3:
                _swap_if_greater(keys, compare, lo, lo + 1)
                _swap_if_greater(keys, compare, lo, lo + 2)
                _swap_if_greater(keys, compare, lo + 1, lo + 2)
            else:
                _insertion_sort(keys, lo, size, compare)
            return
        if depth == 0:
            _heap_sort(keys, lo, size, compare)
            return
        depth -= 1
        p = _pick_pivot_and_partition(keys, lo, size, compare)
        _intro_sort(keys, lo + p + 1, size - (p + 1), depth, compare)
        size = p


def _pick_pivot_and_partition(keys: list, lo: int, size: int, compare) -> int:
    """Median of three, then Hoare-style partition; returns the pivot's offset from lo."""
    hi = lo + size - 1
    middle = lo + ((size - 1) >> 1)
    _swap_if_greater(keys, compare, lo, middle)
    _swap_if_greater(keys, compare, lo, hi)
    _swap_if_greater(keys, compare, middle, hi)
    pivot = keys[middle]
    keys[middle], keys[hi - 1] = keys[hi - 1], keys[middle]
    left, right = lo, hi - 1
    while left < right:
        left += 1
        while compare(keys[left], pivot) < 0:
            left += 1
        right -= 1
        while compare(pivot, keys[right]) < 0:
            right -= 1
        if left >= right:
            break
        keys[left], keys[right] = keys[right], keys[left]
    if left != hi - 1:
        keys[left], keys[hi - 1] = keys[hi - 1], keys[left]
    return left - lo


def _insertion_sort(keys: list, lo: int, size: int, compare) -> None:
    for i in range(lo, lo + size - 1):
        t = keys[i + 1]
        j = i
        while j >= lo and compare(t, keys[j]) < 0:
            keys[j + 1] = keys[j]
            j -= 1
        keys[j + 1] = t


def _heap_sort(keys: list, lo: int, size: int, compare) -> None:
    for i in range(size >> 1, 0, -1):
        _down_heap(keys, lo, i, size, compare)
    for i in range(size, 1, -1):
        keys[lo], keys[lo + i - 1] = keys[lo + i - 1], keys[lo]
        _down_heap(keys, lo, 1, i - 1, compare)


def _down_heap(keys: list, lo: int, i: int, n: int, compare) -> None:
    d = keys[lo + i - 1]
    while i <= n >> 1:
        child = 2 * i
        if child < n and compare(keys[lo + child - 1], keys[lo + child]) < 0:
            child += 1
        if not compare(d, keys[lo + child - 1]) < 0:
            break
        keys[lo + i - 1] = keys[lo + child - 1]
        i = child
    keys[lo + i - 1] = d
