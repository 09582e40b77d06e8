"""pscompat.records: the frozen record classes the syntax tree is made of behave like
frozen, slotted dataclasses (the contract the grammar, the compiler and the parse cache use)."""

from __future__ import annotations

import copy
import pickle

import pytest

from pscompat.records import FrozenRecordError, Record, fields, replace
from pscompat.source import Span
from pscompat.syntax import nodes as n


class Point(Record):
    x: int
    y: int = 0


class Point3(Point):
    z: int = 5


def test_fields_and_defaults():
    assert fields(Point) == ("x", "y")
    assert fields(Point3(1)) == ("x", "y", "z")
    assert (Point3(1).x, Point3(1).y, Point3(1).z) == (1, 0, 5)
    assert Point(x=2, y=3) == Point(2, 3)


@pytest.mark.parametrize(
    "a, b, equal",
    [
        (Point(1, 2), Point(1, 2), True),
        (Point(1, 2), Point(1, 3), False),
        (Point(1, 0), Point3(1, 0), False),  # another class is never equal, as with dataclasses
        (Span(1, 2), Span(1, 2), True),
    ],
)
def test_equality_and_hash(a, b, equal):
    assert (a == b) is equal
    assert (a != b) is not equal
    if equal:
        assert hash(a) == hash(b)


def test_frozen_and_slotted():
    p = Point(1)
    with pytest.raises(FrozenRecordError):
        p.x = 2
    with pytest.raises(AttributeError):
        del p.y
    assert not hasattr(p, "__dict__")


def test_repr_replace_copy_pickle():
    node = n.Constant(Span(0, 1), 1, "1")
    assert repr(node) == "Constant(span=Span(start=0, end=1), value=1, text='1')"
    assert replace(node, value=2) == n.Constant(Span(0, 1), 2, "1")
    with pytest.raises(TypeError):
        replace(node, nope=1)
    assert pickle.loads(pickle.dumps(node)) == node
    assert copy.deepcopy(node) == node


def test_missing_argument_and_bad_default_order():
    with pytest.raises(TypeError):
        Point()
    with pytest.raises(SyntaxError):

        class Bad(Record):
            a: int = 1
            b: int
