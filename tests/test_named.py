"""mlcareer.named.NamedTuple builds the same classes as typing.NamedTuple, only faster."""

from __future__ import annotations

import copy
import inspect
import pickle
import typing
from typing import Any

import pytest

from mlcareer import named


def _define(base: Any) -> Any:
    class Step(base):  # type: ignore[misc]
        """A step of a route."""

        role: str
        gap: int = 0
        tags: tuple[str, ...] = ()

        @property
        def big(self) -> bool:
            return bool(self.gap > 1)

        def describe(self) -> str:
            return f"{self.role}+{self.gap}"

        LIMIT = 3

    return Step


def _ours() -> Any:
    return _define(named.NamedTuple)


def _typings() -> Any:
    return _define(typing.NamedTuple)


# These classes are pickled: they must be importable by name.
Ours = _ours()
Typings = _typings()
Ours.__qualname__ = Ours.__name__ = "Ours"
Typings.__qualname__ = Typings.__name__ = "Typings"


def test_the_class_behaves_as_typings_does() -> None:
    ours, theirs = Ours, Typings
    for cls in (ours, theirs):
        assert cls._fields == ("role", "gap", "tags")
        assert cls._field_defaults == {"gap": 0, "tags": ()}
        assert cls.__doc__ == "A step of a route."
        assert cls.LIMIT == 3
        parameters = inspect.signature(cls).parameters.values()
        assert [(p.name, p.default) for p in parameters] == [
            ("role", inspect.Parameter.empty),
            ("gap", 0),
            ("tags", ()),
        ]
        assert issubclass(cls, tuple)
        assert cls.__match_args__ == ("role", "gap", "tags")
    a, b = ours("x", 2), theirs("x", 2)
    assert tuple(a) == tuple(b) == ("x", 2, ())
    assert a == ("x", 2, ()) and hash(a) == hash(b)
    assert (a.role, a.gap, a.big, a.describe()) == (b.role, b.gap, b.big, b.describe())
    assert repr(a).replace("Ours", "T") == repr(b).replace("Typings", "T") == "T(role='x', gap=2, tags=())"
    assert ours(gap=1, role="y") == theirs(gap=1, role="y")
    assert a._replace(gap=5) == b._replace(gap=5)
    assert a._asdict() == b._asdict() == {"role": "x", "gap": 2, "tags": ()}
    assert ours._make(["z", 1, ("t",)]) == theirs._make(["z", 1, ("t",)])
    assert copy.copy(a) == a and copy.deepcopy(a) == a and type(copy.copy(a)) is ours
    assert pickle.loads(pickle.dumps(a)) == a
    match a:
        case Ours(role, gap):
            assert (role, gap) == ("x", 2)
    with pytest.raises(AttributeError):
        a.gap = 3
    with pytest.raises(AttributeError):
        a.other = 3
    for cls in (ours, theirs):
        with pytest.raises(TypeError):
            cls()
        with pytest.raises(TypeError):
            cls("x", 1, (), 4)
        with pytest.raises(ValueError):
            cls("x")._replace(nope=1)
        with pytest.raises(TypeError):
            cls._make(["x"])
    assert Ours.__annotations__ == {"role": "str", "gap": "int", "tags": "tuple[str, ...]"}


def test_one_field_none_and_the_functional_form() -> None:
    class One(named.NamedTuple):
        only: int

    class Zero(named.NamedTuple):
        pass

    assert One(1) == (1,) and One(only=2).only == 2 and Zero() == ()
    Pair = named.NamedTuple("Pair", [("a", int), ("b", str)])
    assert Pair(1, "x").b == "x" and Pair.__module__ == __name__


def test_mistakes_typing_refuses_are_refused() -> None:
    with pytest.raises(TypeError):

        class Bad(named.NamedTuple):
            a: int = 1
            b: int  # type: ignore[misc]

    with pytest.raises(ValueError):

        class Private(named.NamedTuple):
            _a: int  # type: ignore[misc]


def test_super_works_in_methods() -> None:
    class Shown(named.NamedTuple):
        name: str

        def __str__(self) -> str:
            return "<" + super().__str__() + ">"

    assert str(Shown("a")) == "<Shown(name='a')>"
