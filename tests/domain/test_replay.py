"""Replaying a loan's payments: allocation order, penalty on what was actually unpaid, grace, refusals.
Figures are worked by hand in the comments."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

import pytest

from jiebei_tui.domain.errors import InputError
from jiebei_tui.domain.ledger import Ledger, add_loan
from jiebei_tui.domain.replay import LoanReplay, loan_state, record_event
from jiebei_tui.domain.product_terms import ProductTerms
from jiebei_tui.domain.terms import Strategy, make_loan

DUE1 = dt.date(2025, 2, 10)


def day(n: int) -> dt.date:
    return DUE1 + dt.timedelta(days=n)


@pytest.fixture
def ledger() -> tuple[Ledger, str]:
    loan = make_loan(principal="10000", daily_rate="0.0004", term=12, method="equal-installment", start="2025-01-10")
    return add_loan(Ledger(), "Worked", loan)


def pay(ledger: Ledger, loan_id: str, on: dt.date, amount: str, kind: str = "repayment", strategy=None) -> Ledger:
    new, _ = record_event(ledger, loan_id, kind, on, D(amount), on, strategy)
    return new


def test_six_days_late_then_cleared(ledger) -> None:
    book, loan_id = ledger
    late = loan_state(book, loan_id, day(6))
    assert (late.days_overdue, late.stage, late.amount_to_clear) == (6, "M1", D("903.66"))
    assert late.installments[0].status == "overdue" and late.installments[0].penalty == D("3.25")
    # penalty replaces interest: instalment 1 still carries its scheduled 124.00 of interest, no more
    assert late.installments[0].interest == D("124.00")
    book = pay(book, loan_id, day(6), "903.66")
    state = loan_state(book, loan_id, day(6))
    assert state.installments[0].status == "paid"
    assert state.days_overdue == 0 and state.stage == "M0"
    assert state.principal_outstanding == D("9223.59")
    assert state.next_due_date == dt.date(2025, 3, 10) and state.next_due_amount == D("900.41")


def test_partial_payment_lowers_the_penalty_from_that_day(ledger) -> None:
    book, loan_id = ledger
    # day 3: penalty 776.41×0.06%×3 = 1.40 and 124.00×0.06%×3 = 0.22 → 1.62 paid first, then interest 124.00,
    # then principal 500 − 1.62 − 124.00 = 374.38, leaving 402.03 of principal.
    book = pay(book, loan_id, day(3), "500.00")
    state = loan_state(book, loan_id, day(6))
    inst = state.installments[0]
    assert inst.unpaid_principal == D("402.03") and inst.unpaid_interest == D("0.00")
    # by day 6: principal (776.41×3 + 402.03×3) × 0.06% = 2.12; interest 124.00×3 × 0.06% = 0.22 → 2.34
    assert inst.penalty == D("2.34")
    assert state.amount_to_clear == D("402.03") + D("2.34") - D("1.62")


def test_grace_days_waive_the_penalty_only_within_grace(ledger) -> None:
    book, loan_id = ledger
    book = book.model_copy(update={"terms": ProductTerms(grace_days=3)})
    assert loan_state(book, loan_id, day(3)).amount_to_clear == D("900.41")
    # past grace every day since the due date counts: 776.41×0.06%×4 = 1.86, 124×0.06%×4 = 0.30
    assert loan_state(book, loan_id, day(4)).amount_to_clear == D("900.41") + D("2.16")
    paid_in_grace = pay(book, loan_id, day(3), "900.41")
    assert loan_state(paid_in_grace, loan_id, day(30)).installments[0].penalty == 0


def test_no_compounding_charges_principal_only(ledger) -> None:
    book, loan_id = ledger
    book = book.model_copy(update={"terms": ProductTerms(compounding=False)})
    assert loan_state(book, loan_id, day(6)).amount_to_clear == D("900.41") + D("2.80")


def test_money_beyond_the_running_instalment_prepays_principal(ledger) -> None:
    """The account model: what is left after the instalment running that day comes off the principal and the
    plan is recomputed (it used to pay instalment 2 ahead at its scheduled amounts, interest included)."""
    book, loan_id = ledger
    book = pay(book, loan_id, DUE1, "1200.00")  # instalment 1 in full (900.41), then 299.59 off the principal
    state = loan_state(book, loan_id, DUE1)
    first, second = state.installments[:2]
    assert first.status == "paid" and first.prepaid == D("299.59")
    assert state.principal_outstanding == D("8924.00")  # 9,223.59 − 299.59
    assert second.status == "upcoming" and second.paid == 0
    assert second.interest == D("99.95")  # 8,924.00 × 0.04% × 28 = 99.9488
    # reduce-installment (the default): an independent float annuity over the 11 dates left, from 10 Feb
    from tests.domain.test_prepay import float_annuity

    dues = [i.due_date for i in state.installments[1:]]
    assert second.principal + second.interest == float_annuity(8924.00, DUE1, dues)
    assert state.next_due_amount == second.principal + second.interest


def test_too_large_repayment_is_refused_with_the_settle_figure(ledger) -> None:
    book, loan_id = ledger
    book = pay(book, loan_id, DUE1, "900.41")
    with pytest.raises(InputError) as err:
        pay(book, loan_id, dt.date(2025, 2, 25), "20000.00")
    assert err.value.rule == "repay_too_much"
    assert "¥9,278.93" in str(err.value)  # the payoff on 25 February (worked example)


def test_prepayment_clears_what_is_overdue_first(ledger) -> None:
    book, loan_id = ledger
    # day 6: 903.66 clears instalment 1; then instalment 2's interest 9,223.59 × 0.04% × 6 = 22.14 and its
    # scheduled principal 797.11 (it is paid, early); the remaining 2,180.75 comes off the principal
    replay = LoanReplay.of(book, loan_id, day(6))
    result = replay.preview_prepay(D("3903.66"), day(6), Strategy.REDUCE_INSTALLMENT)
    assert result.overdue_cleared == D("903.66")
    assert result.accrued_interest == D("22.14")
    assert (result.installment_paid, result.prepaid) == (2, D("2180.75"))
    assert result.new_balance == D("9223.59") - D("797.11") - D("2180.75")
    first = result.installments[0]
    assert (first.no, first.interest) == (3, D("132.41"))  # 6,245.73 × 0.04% × 53 days (16 Feb → 10 Apr)
    book = pay(book, loan_id, day(6), "3903.66", kind="prepayment", strategy=Strategy.REDUCE_INSTALLMENT)
    state = loan_state(book, loan_id, day(6))
    assert state.days_overdue == 0
    assert state.principal_outstanding == D("6245.73")
    assert state.installments[1].status == "paid" and state.installments[1].paid_on == day(6)
    assert state.installments[2].interest == first.interest and state.installments[2].principal == first.principal


def test_settlement_pays_everything(ledger) -> None:
    book, loan_id = ledger
    book = pay(book, loan_id, DUE1, "900.41")
    book = pay(book, loan_id, dt.date(2025, 2, 25), "9278.93", kind="settlement")
    state = loan_state(book, loan_id, dt.date(2025, 3, 1))
    assert state.paid_off and state.principal_outstanding == 0
    # instalment 2 was running: paid on 25 Feb with the rest of the principal, which closed the loan
    last = state.installments[-1]
    assert (len(state.installments), last.no, last.settled, last.paid_on) == (2, 2, True, dt.date(2025, 2, 25))
    assert (last.interest, last.prepaid) == (D("55.34"), D("9223.59") - D("797.11"))
    assert sum(i.principal for i in state.installments) == D("10000.00")
    assert state.total_paid == D("900.41") + D("9278.93")
    with pytest.raises(InputError) as err:
        pay(book, loan_id, dt.date(2025, 3, 1), "1.00")
    assert err.value.rule == "paid_off"


def test_status_names(ledger) -> None:
    book, loan_id = ledger
    assert [i.status for i in loan_state(book, loan_id, DUE1).installments[:2]] == ["due", "upcoming"]
    assert loan_state(book, loan_id, day(1)).installments[0].status == "overdue"


def test_a_stored_payment_that_no_longer_fits_is_reported_not_fatal(ledger) -> None:
    book, loan_id = ledger
    book = pay(book, loan_id, dt.date(2025, 2, 25), "9000.00")
    # shrink the loan underneath the payment, as a hand-edited file might
    small = book.loans[0].model_copy(update={"principal": D("100.00")})
    book = book.model_copy(update={"loans": [small]})
    state = loan_state(book, loan_id, dt.date(2025, 3, 1))
    assert state.problems and "E1" in state.problems[0]


def test_events_are_replayed_by_date_then_the_order_recorded_whatever_the_file_order() -> None:
    """A hand-edited file may list payments in any order: each loan still gets them by date, and payments made
    on the same day in the order they were recorded (their id numbers, E2 before E10)."""
    import random

    from jiebei_tui.domain.ledger import Event

    events = [
        Event(id=f"E{n}", loan_id=f"L{n % 3}", kind="repayment", date=dt.date(2025, 2, 1 + n % 4), amount=D("1.00"))
        for n in range(1, 25)
    ]
    expected: dict[str, list[str]] = {}
    for e in sorted(events, key=lambda e: (e.date, int(e.id[1:]))):
        expected.setdefault(e.loan_id, []).append(e.id)
    for seed in range(5):
        shuffled = events[:]
        random.Random(seed).shuffle(shuffled)
        for listing in (events, shuffled):
            grouped = Ledger(events=listing).events_by_loan()
            assert {k: [e.id for e in v] for k, v in grouped.items()} == expected
