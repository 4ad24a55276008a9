"""The records written out by hand (slotted.py) keep a dataclass's rules: each is checked against a twin declared
as the dataclass it was, with the same fields and defaults."""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import inspect
import pickle
from decimal import Decimal

import pytest

from jiebei_tui.domain.overdue import DailyPenalty, OverdueCost
from jiebei_tui.domain.replay import Allocation, InstallmentState
from jiebei_tui.domain.schedule import Installment
from jiebei_tui.domain.slotted import FrozenSlotted, Slotted

D = dt.date(2026, 11, 28)
CLASSES = [Installment, InstallmentState, Allocation, OverdueCost, DailyPenalty]


def twin(cls: type) -> type:
    """The dataclass `cls` would be, from its __init__'s parameters (names, annotations, defaults, order)."""
    params = list(inspect.signature(cls).parameters.values())
    annotations = {p.name: p.annotation for p in params}
    defaults = {p.name: p.default for p in params if p.default is not inspect.Parameter.empty}
    made = type(cls.__name__, (), {"__annotations__": annotations, **defaults})
    return dataclasses.dataclass(frozen=issubclass(cls, FrozenSlotted))(made)


def sample(cls: type, shift: int = 0) -> list:
    """Arguments for every parameter, of the kind each holds."""
    out = []
    for n, p in enumerate(inspect.signature(cls).parameters.values()):
        kind = str(p.annotation)
        if "date" in kind:
            out.append(D + dt.timedelta(days=n + shift))
        elif "Decimal" in kind:
            out.append(Decimal(n + shift) / 100)
        elif "bool" in kind:
            out.append(bool((n + shift) % 2))
        elif "int" in kind:
            out.append(n + shift)
        elif "DailyPenalty" in kind:
            out.append(DailyPenalty(Decimal(n), Decimal(shift), Decimal("0.0005")))
        else:
            out.append(f"s{n + shift}")
    return out


@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.__name__)
def test_its_slots_are_its_parameters_in_order(cls: type) -> None:
    assert issubclass(cls, Slotted)
    assert list(cls.__slots__) == list(inspect.signature(cls).parameters)


@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.__name__)
def test_made_shown_and_compared_as_its_dataclass_twin(cls: type) -> None:
    args, other = sample(cls), sample(cls, 1)
    mine, theirs = cls(*args), twin(cls)(*args)
    assert [getattr(mine, f.name) for f in dataclasses.fields(theirs)] == list(dataclasses.astuple(theirs))
    assert repr(mine) == repr(theirs)
    assert mine == cls(*args) and mine != cls(*other) and mine != theirs
    required = [p for p in inspect.signature(cls).parameters.values() if p.default is inspect.Parameter.empty]
    short = cls(*args[: len(required)])
    assert repr(short) == repr(twin(cls)(*args[: len(required)]))  # the defaults
    by_name = cls(**{p.name: v for p, v in zip(inspect.signature(cls).parameters.values(), args)})
    assert by_name == mine
    with pytest.raises(TypeError):
        cls(*args, None)


@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.__name__)
def test_copied_and_pickled_whole(cls: type) -> None:
    mine = cls(*sample(cls))
    assert copy.copy(mine) == mine and copy.deepcopy(mine) == mine and pickle.loads(pickle.dumps(mine)) == mine


@pytest.mark.parametrize("cls", [c for c in CLASSES if not issubclass(c, FrozenSlotted)], ids=lambda c: c.__name__)
def test_a_mutable_one_is_unhashable_and_has_no_other_attributes(cls: type) -> None:
    mine = cls(*sample(cls))
    with pytest.raises(TypeError):
        hash(mine)
    with pytest.raises(AttributeError):
        mine.extra = 1


def test_a_frozen_one_is_hashed_by_its_fields_and_cannot_change() -> None:
    a, b = DailyPenalty(Decimal("100"), Decimal("2"), Decimal("0.0005")), DailyPenalty(Decimal("100"), Decimal("2"),
                                                                                         Decimal("0.0005"))
    assert hash(a) == hash(b) == hash(twin(DailyPenalty)(Decimal("100"), Decimal("2"), Decimal("0.0005")))
    with pytest.raises(dataclasses.FrozenInstanceError):
        a.rate = Decimal(1)
    with pytest.raises(dataclasses.FrozenInstanceError):
        del a.rate
