"""Correcting the record, as pure ledger edits checked by replaying the loan's whole history: void and edit a
payment, edit a loan, add a part-repaid loan, per-loan terms. Figures are the worked example's (10,000 at
0.04%/day, 12 months, equal instalments, drawn 2025-01-10: instalment 900.41)."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal as D

import pytest

from jiebei_tui.domain.corrections import edit_event, edit_loan, payments_of, void_event
from jiebei_tui.domain.errors import InputError
from jiebei_tui.domain.ledger import Event, Ledger, add_loan, effective_terms, set_terms
from jiebei_tui.domain.replay import loan_state, record_event
from jiebei_tui.domain.terms import Strategy, make_loan

D1, D2 = dt.date(2025, 2, 10), dt.date(2025, 3, 10)
TODAY = dt.date(2025, 6, 1)
AT = dt.datetime(2025, 6, 1, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=8)))


def loan(**kw):
    values = dict(principal="10000", daily_rate="0.0004", term=12, method="equal-installment", start="2025-01-10")
    return make_loan(**{**values, **kw})


@pytest.fixture
def book() -> tuple[Ledger, str]:
    return add_loan(Ledger(), "Worked", loan())


def pay(book: Ledger, lid: str, on: dt.date, amount: str, kind: str = "repayment") -> Ledger:
    new, _ = record_event(book, lid, kind, on, D(amount), TODAY, recorded_at=AT, source="cli")
    return new


# --- void ---


def test_void_keeps_both_entries_and_the_payment_no_longer_counts(book) -> None:
    ledger, lid = book
    ledger = pay(ledger, lid, D1, "900.41")  # E1
    voided, void = void_event(ledger, "E1", reason="  typed   twice ", recorded_at=AT, source="app")
    assert [e.id for e in voided.events] == ["E1", "E2"]
    assert (void.kind, void.voids, void.amount, void.date, void.reason) == ("void", "E1", D("900.41"), D1, "typed twice")
    assert (void.recorded_at, void.source) == (AT, "app")
    state = loan_state(voided, lid, D1 + dt.timedelta(days=6))
    assert state.installments[0].status == "overdue" and state.amount_to_clear == D("903.66")
    assert payments_of(voided, lid) == [(voided.events[0], void)]


def test_void_refusals(book) -> None:
    ledger, lid = book
    ledger = pay(ledger, lid, D1, "900.41")
    voided, _ = void_event(ledger, "E1", recorded_at=AT)
    for target, rule in (("E1", "already_voided"), ("E2", "void_not_payment"), ("E9", "event_id")):
        with pytest.raises(InputError) as err:
            void_event(voided, target, recorded_at=AT)
        assert (err.value.field, err.value.rule) == ("id", rule)
    with pytest.raises(InputError) as err:
        void_event(ledger, "E1", reason="x" * 201)
    assert err.value.rule == "reason"
    for reason in ("\x1b]0;owned\x07", "bank\u202ereversed", "line\nbreak"):  # the door refused these; a form did not
        for correct in (lambda: void_event(ledger, "E1", reason=reason), lambda: edit_event(ledger, "E1", amount="900", today=D1, reason=reason)):
            with pytest.raises(InputError) as err:
                correct()
            assert (err.value.field, err.value.rule) == ("reason", "text_control")


def test_void_refused_when_a_later_payment_no_longer_fits(book) -> None:
    ledger, lid = book
    ledger = pay(ledger, lid, D1, "1900.41")  # E1: instalment 1, then 1,000.00 prepaid → balance 8,223.59
    # E2 pays the payoff on 25 Feb: instalment 2's interest, then the rest
    payoff = loan_state(ledger, lid, dt.date(2025, 2, 25)).payoff
    ledger = pay(ledger, lid, dt.date(2025, 2, 25), str(payoff), kind="settlement")
    # without E1, instalment 1 is overdue on 25 Feb and the payoff is higher: E2 still fits (it pays less than
    # everything); but editing E1 up to 2,900.41 lowers the payoff below E2
    assert void_event(ledger, "E1", recorded_at=AT)[0] is not ledger
    with pytest.raises(InputError) as err:
        edit_event(ledger, "E1", amount="2900.41", today=TODAY, recorded_at=AT)
    assert (err.value.field, err.value.rule) == ("amount", "history_conflict")
    assert "E2" in str(err.value) and "no longer fit" in str(err.value)


# --- edit ---


def test_edit_records_a_void_and_the_corrected_payment(book) -> None:
    ledger, lid = book
    ledger = pay(ledger, lid, D1, "90.41")  # E1, a typo for 900.41
    edited, corrected = edit_event(ledger, "E1", amount="900.41", today=TODAY, recorded_at=AT, source="app")
    assert [(e.id, e.kind) for e in edited.events] == [("E1", "repayment"), ("E2", "void"), ("E3", "repayment")]
    assert (corrected.id, corrected.replaces, corrected.amount, corrected.date) == ("E3", "E1", D("900.41"), D1)
    assert edited.events[1].voids == "E1" and edited.events[1].reason == "edited"
    state = loan_state(edited, lid, D1)
    assert state.installments[0].status == "paid" and state.principal_outstanding == D("9223.59")


def test_edit_the_date(book) -> None:
    ledger, lid = book
    ledger = pay(ledger, lid, dt.date(2025, 2, 16), "900.41")  # 6 days late: penalty 3.25 first, 897.16 then
    edited, corrected = edit_event(ledger, "E1", on="2025-02-10", today=TODAY, recorded_at=AT)
    assert corrected.date == D1
    assert loan_state(edited, lid, D2 - dt.timedelta(days=1)).days_overdue == 0
    assert edit_event(edited, "E3", on=D1, today=TODAY) == (edited, corrected)  # nothing to change
    with pytest.raises(InputError) as err:
        edit_event(edited, "E3", on="2025-07-01", today=TODAY)
    assert (err.value.field, err.value.rule) == ("on", "event_date")


def test_a_corrected_payment_keeps_its_place_among_the_days_payments(book) -> None:
    ledger, lid = book
    ledger = pay(ledger, lid, D1, "900.41")  # E1: instalment 1
    ledger = pay(ledger, lid, D1, "500.00")  # E2: instalment 2 now runs; 500.00 of its 797.11 principal
    edited, corrected = edit_event(ledger, "E1", amount="900.42", today=TODAY, recorded_at=AT)
    order = [e.id for e in edited.payments_by_loan()[lid]]
    assert order == ["E4", "E2"]  # E4 replaces E1 and stays first
    first, second = loan_state(edited, lid, D1).installments[:2]
    # E4 pays instalment 1 and prepays 0.01 (instalment 2 recomputed from 10 Feb); then E2 goes to instalment 2
    assert (first.status, first.prepaid) == ("paid", D("0.01"))
    assert (second.status, second.paid) == ("partial", D("500.00"))


# --- edit a loan ---


def test_edit_loan_shows_what_changes(book) -> None:
    ledger, lid = book
    ledger = pay(ledger, lid, D1, "900.41")
    change = edit_loan(ledger, lid, today=D1, daily_rate="0.0005")
    assert change.changes == (("daily_rate", D("0.0004"), D("0.0005")),)
    assert change.schedule_before[0].interest == D("124.00")
    assert change.schedule_after[0].interest == D("155.00")  # 10,000 × 0.05% × 31
    # under the new rate instalment 1 owes 155.00 + its principal: the 900.41 paid leaves it partly unpaid
    assert change.state_before.installments[0].status == "paid"
    assert change.state_after.installments[0].status == "due"
    assert change.ledger.loan(lid).daily_rate == D("0.0005")
    same = edit_loan(ledger, lid, today=D1, principal="10000.00", repayment_day=None)
    assert same.changes == () and same.ledger is ledger


def test_edit_loan_refused_where_a_payment_no_longer_fits(book) -> None:
    ledger, lid = book
    ledger = pay(ledger, lid, D1, "5000.00")
    with pytest.raises(InputError) as err:
        edit_loan(ledger, lid, today=TODAY, principal="1000")
    assert (err.value.field, err.value.value, err.value.rule) == ("principal", "1000", "history_conflict")
    assert "E1" in str(err.value) and "at most the payoff" in str(err.value)
    with pytest.raises(InputError) as err:
        edit_loan(ledger, lid, today=TODAY, start="2025-02-11")
    assert err.value.rule == "history_conflict" and "before the drawdown" in str(err.value)
    with pytest.raises(InputError) as err:
        edit_loan(ledger, lid, today=TODAY, term="40")
    assert (err.value.field, err.value.rule) == ("term", "term")


def test_edit_loan_repayment_day(book) -> None:
    ledger, lid = book
    change = edit_loan(ledger, lid, today=TODAY, repayment_day="20")
    assert change.schedule_after[0].due_date == dt.date(2025, 2, 20)


# --- a loan already part-repaid ---


def test_add_loan_paid_through(book) -> None:
    ledger, _ = book
    ledger, lid = add_loan(ledger, "Old", loan(), paid_through=2, today=dt.date(2025, 3, 15), recorded_at=AT, source="cli")
    events = ledger.events_of(lid)
    assert [(e.date, e.amount, e.source, e.recorded_at) for e in events] == [(D1, D("900.41"), "cli", AT), (D2, D("900.41"), "cli", AT)]
    state = loan_state(ledger, lid, dt.date(2025, 3, 15))
    assert [i.status for i in state.installments[:3]] == ["paid", "paid", "upcoming"] and state.days_overdue == 0


@pytest.mark.parametrize(("count", "today"), [(2, dt.date(2025, 3, 9)), (12, dt.date(2026, 6, 1)), (-1, TODAY), ("x", TODAY)])
def test_add_loan_paid_through_refusals(count, today) -> None:
    with pytest.raises(InputError) as err:
        add_loan(Ledger(), "Old", loan(), paid_through=count, today=today)
    assert err.value.field == "paid_through" and "fewer than the term (12)" in str(err.value)


# --- per-loan terms ---


def test_terms_for_every_loan_and_for_one(book) -> None:
    ledger, lid = book
    ledger = set_terms(ledger, None, grace_days="2")
    assert ledger.terms.grace_days == 2 and ledger.terms.illustrative is False
    ledger = set_terms(ledger, lid, penalty_multiplier="2", prepayment_fee="0.5%", min_prepayment="100")
    terms = effective_terms(ledger, lid)
    assert (terms.grace_days, terms.penalty_multiplier, terms.prepayment_fee, terms.min_prepayment) == (
        2, D("2"), D("0.005"), D("100.00")
    )
    assert set_terms(ledger, lid, penalty_multiplier="2") is ledger  # nothing changes
    back = set_terms(ledger, lid, reset=("penalty_multiplier", "prepayment_fee", "min_prepayment"))
    assert back.loan(lid).terms is None and effective_terms(back, lid) == back.terms


def test_terms_refusals(book) -> None:
    ledger, lid = book
    ledger = pay(ledger, lid, D1, "1000.00")  # E1 prepays 99.59
    with pytest.raises(InputError) as err:
        set_terms(ledger, lid, min_prepayment="100")
    assert err.value.rule == "history_conflict" and "E1" in str(err.value) and "¥99.59" in str(err.value)
    for kwargs, field in (
        ({"prepayment_fee": "11%"}, "prepayment_fee"),
        ({"min_prepayment": "-1"}, "min_prepayment"),
        ({"min_prepayment": "1.001"}, "min_prepayment"),
        ({"reset": ("nonsense",)}, "reset"),
    ):
        with pytest.raises(InputError) as err:
            set_terms(ledger, lid, **kwargs)
        assert err.value.field == field
    with pytest.raises(InputError) as err:
        set_terms(ledger, None, reset=("grace_days",))
    assert err.value.rule == "reset_needs_loan"


# --- the file: new fields are optional, left out when empty ---


def test_event_fields_round_trip_and_old_entries_load(book) -> None:
    ledger, lid = book
    ledger = pay(ledger, lid, D1, "900.41")
    ledger, _ = void_event(ledger, "E1", reason="typo", recorded_at=AT, source="app")
    data = json.loads(ledger.model_dump_json())
    assert data["events"][0] == {
        "id": "E1", "loan_id": lid, "kind": "repayment", "date": "2025-02-10", "amount": "900.41",
        "recorded_at": "2025-06-01T09:30:00+08:00", "source": "cli",
    }
    assert data["events"][1]["voids"] == "E1" and data["events"][1]["reason"] == "typo"
    assert "terms" not in data["loans"][0]
    again = Ledger.model_validate(data)
    assert again == ledger
    old = Event.model_validate({"id": "E7", "loan_id": "L1", "kind": "prepayment", "date": "2025-02-10", "amount": "1.00", "strategy": "reduce-term"})
    assert (old.recorded_at, old.source, old.strategy) == (None, "", Strategy.REDUCE_TERM)
    with pytest.raises(ValueError):
        Event.model_validate({**data["events"][0], "recorded_at": "2025-06-01T09:30:00"})  # no zone: refused
