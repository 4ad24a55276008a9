"""The ledger's records (domain/record.py): checked when constructed, as pydantic models are; written exactly as
pydantic writes the same data; built from a file's data as they are only when asked to (a sealed file)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from decimal import Decimal

import pytest
from pydantic import ValidationError

from jiebei_tui.domain.demo import build_demo
from jiebei_tui.domain.ledger import Event, Ledger, LoanRecord
from jiebei_tui.domain.record_checks import model_of
from jiebei_tui.domain.reminder_settings import ReminderRule
from jiebei_tui.domain.terms import Method
from jiebei_tui.store import parse_ledger
from tests.store_cases import build_good_ledger

LOAN = dict(id="L1", name="Phone", principal="10000", daily_rate="0.0004", term=12, method="equal-installment",
            start="2025-01-10")


@pytest.fixture(scope="module")
def good(tmp_path_factory) -> Ledger:
    """Two loans with payments, a correction, a restructure, scenarios, a contact, history, reminders' record."""
    folder = tmp_path_factory.mktemp("good") / "data"
    raw = build_good_ledger(folder)
    return parse_ledger(raw, folder / "ledger.json")[0]


def test_constructing_a_record_checks_it_and_says_which_field() -> None:
    loan = LoanRecord(**LOAN)
    assert loan.principal == Decimal("10000.00") and loan.method is Method.EQUAL_INSTALLMENT
    assert loan.start == dt.date(2025, 1, 10)
    with pytest.raises(ValidationError, match="principal"):
        LoanRecord(**{**LOAN, "principal": "-5"})
    with pytest.raises(ValidationError, match="id"):
        LoanRecord(**{**LOAN, "id": "X1"})
    with pytest.raises(ValidationError, match="extra"):
        LoanRecord(**LOAN, colour="red")
    with pytest.raises(ValidationError, match="repeat_daily"):  # a check across fields (model_validator)
        ReminderRule(id="R9", offset_days=-1, time="09:00", repeat_daily=True)
    assert ReminderRule(id="R9", offset_days=1, time="０９：０５").time == "09:05"  # a field's own check rewrites it


def test_model_construct_and_model_copy_do_not_check_and_leave_the_original_alone() -> None:
    loan = LoanRecord(**LOAN)
    odd = LoanRecord.model_construct(**{**LOAN, "principal": Decimal(-5)})
    assert odd.principal == Decimal(-5) and odd.auto_debit is False  # defaults filled in
    renamed = loan.model_copy(update={"name": "Old phone"})
    assert (loan.name, renamed.name, renamed.principal) == ("Phone", "Old phone", loan.principal)
    with pytest.raises(dataclasses.FrozenInstanceError):
        loan.name = "x"  # type: ignore[misc]


def test_records_are_equal_by_value_and_frozen_ones_hash() -> None:
    assert LoanRecord(**LOAN) == LoanRecord(**LOAN)
    assert LoanRecord(**LOAN) != LoanRecord(**{**LOAN, "name": "Tablet"})
    assert len({LoanRecord(**LOAN), LoanRecord(**LOAN)}) == 1


@pytest.mark.parametrize("which", ["good", "demo"])
def test_the_file_text_is_what_pydantic_writes_for_the_same_data(which: str, good: Ledger) -> None:
    ledger = good if which == "good" else build_demo(dt.date(2026, 11, 28))
    ours = ledger.model_dump_json(indent=2)
    theirs = model_of(Ledger).model_validate(json.loads(ours)).model_dump_json(indent=2)
    assert ours == theirs
    assert json.loads(ours)["events"]  # not an empty comparison


def test_a_ledger_built_as_it_is_equals_the_one_checked(good: Ledger) -> None:
    data = json.loads(good.model_dump_json())
    assert Ledger.trusted(data) == Ledger.model_validate(data) == good
    assert Ledger.trusted(data).model_dump_json() == good.model_dump_json()
    assert good.contacts and good.scenarios and good.history and any(e.plan for e in good.events)


def test_python_dump_keeps_values_and_leaves_out_empty_fields(good: Ledger) -> None:
    event = good.events[0]
    dumped = event.model_dump()
    assert isinstance(dumped["amount"], Decimal) and isinstance(dumped["date"], dt.date)
    assert "voids" not in dumped and "reason" not in dumped  # at their empty default: not written
    assert Event.model_validate(dumped) == event


@pytest.mark.parametrize("today", [dt.date(2026, 11, 28), dt.date(2025, 1, 31), dt.date(2024, 2, 29), dt.date(2027, 12, 30)])
def test_the_demo_built_unchecked_passes_the_files_checks(today: dt.date) -> None:
    demo = build_demo(today)
    assert Ledger.model_validate(json.loads(demo.model_dump_json())) == demo


@pytest.mark.parametrize("bad", [{"action": "BAD KEY"}, {"revision": -1}, {"params": {"x": "y" * 300}},
                                 {"params": {"Bad Key": 1}}, {"source": "X"}],
                         ids=["key-pattern", "revision-range", "param-length", "param-key", "source-pattern"])
def test_constraints_declared_in_a_shared_annotation_are_checked_too(bad: dict) -> None:
    """history.py's Key, ParamValue and Revision are Annotated aliases made before pydantic is imported: their
    Field / StringConstraints hand pydantic the same constraints when it checks (record.Field's schema hook)."""
    from jiebei_tui.domain.history import Change

    good = dict(revision=1, action="loans.add", source="cli", at=dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc))
    assert Change(**good).action == "loans.add"
    with pytest.raises(ValidationError, match=next(iter(bad))):
        Change(**{**good, **bad})
