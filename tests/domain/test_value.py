"""`@value` keeps the rules of `@dataclass(frozen=True)` without compiling code: each case is checked against a twin
declared as a frozen dataclass."""

from __future__ import annotations

import builtins
import copy
import dataclasses
import pickle
from dataclasses import dataclass, field

import pytest

from jiebei_tui.domain.value import Value, value


@value
class Point(Value):
    x: int
    y: int = 0
    tags: list = field(default_factory=list)
    note: str = field(default="", compare=False, repr=False)


@dataclass(frozen=True)
class Twin:
    x: int
    y: int = 0
    tags: list = field(default_factory=list)
    note: str = field(default="", compare=False, repr=False)


@value
class Doubled(Value):
    n: int
    twice: int = 0

    def __post_init__(self) -> None:
        object.__setattr__(self, "twice", self.n * 2)


@pytest.mark.parametrize(("args", "kwargs"), [((1,), {}), ((1, 2), {}), ((), {"x": 1, "y": 2}), ((1,), {"tags": [3]}),
                                              ((1, 2, [3], "a"), {})])
def test_made_from_the_same_arguments_with_the_same_fields(args, kwargs) -> None:
    mine, twin = Point(*args, **kwargs), Twin(*args, **kwargs)
    assert dataclasses.asdict(mine) == dataclasses.asdict(twin)
    assert repr(mine) == repr(twin).replace("Twin", "Point")


@pytest.mark.parametrize(("args", "kwargs"), [((), {}), ((1, 2, [], "", 5), {}), ((1,), {"x": 1}), ((1,), {"z": 1})])
def test_wrong_arguments_are_refused_alike(args, kwargs) -> None:
    with pytest.raises(TypeError):
        Twin(*args, **kwargs)
    with pytest.raises(TypeError):
        Point(*args, **kwargs)


def test_equal_and_hashed_by_the_compared_fields_and_only_within_the_class() -> None:
    a, b = Point(1, 2, (), note="a"), Point(1, 2, (), note="b")
    assert a == b and hash(a) == hash(b)  # `note` is not compared
    assert a != Point(1, 3, ()) and a != Twin(1, 2, ())
    assert (Point(1) == Point(1)) is (Twin(1) == Twin(1))
    assert len({Point(1, 2, ()), Point(1, 2, ())}) == 1
    with pytest.raises(TypeError):
        hash(Point(1, 2, [1]))  # a list field is not hashable, as in a dataclass


def test_a_default_factory_makes_a_new_value_each_time() -> None:
    assert Point(1).tags is not Point(1).tags


def test_frozen_once_made() -> None:
    p = Point(1)
    with pytest.raises(dataclasses.FrozenInstanceError):
        p.x = 2  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        del p.x
    with pytest.raises(dataclasses.FrozenInstanceError):
        p.other = 1  # type: ignore[attr-defined]


def test_post_init_runs_after_the_fields_are_set() -> None:
    assert Doubled(4).twice == 8


def test_dataclass_functions_copies_and_pickles_work() -> None:
    p = Point(1, 2, [3])
    assert [f.name for f in dataclasses.fields(p)] == ["x", "y", "tags", "note"]
    assert dataclasses.replace(p, y=5) == Point(1, 5, [3])
    assert copy.deepcopy(p) == p and copy.copy(p) == p
    assert pickle.loads(pickle.dumps(p)) == p
    match p:
        case Point(x, y):
            assert (x, y) == (1, 2)


def test_no_code_is_compiled_to_make_a_class(monkeypatch) -> None:
    def compiled(*args, **kwargs):
        raise AssertionError("code was compiled")

    monkeypatch.setattr(builtins, "exec", compiled)

    @value
    class Made(Value):
        a: int
        b: str = "b"

    assert Made(1) == Made(1, "b")


def test_what_value_does_not_take_is_refused_when_the_class_is_made() -> None:
    with pytest.raises(TypeError, match="keyword-only"):
        @value
        class KeywordOnly(Value):
            a: int = field(kw_only=True)

    with pytest.raises(TypeError, match="must derive from Value"):
        @value
        class NotAValue:
            a: int
