"""Overdue across instalments: instalment K left unpaid N days, counting every instalment falling due within
those N days, and the 0..90-day curve stepping up at each due date. Worked example figures: penalty rate
0.06%/day; instalment 1 = 776.41 + 124.00, due 2025-02-10; instalment 2 due 2025-03-10 (28 days later)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

import pytest

from jiebei_tui.domain.errors import InputError
from jiebei_tui.domain.ledger import Ledger, add_loan
from jiebei_tui.domain.outlook import loan_overdue_outlook, overdue_outlook
from jiebei_tui.domain.product_terms import ProductTerms
from jiebei_tui.domain.replay import record_event
from jiebei_tui.domain.schedule import build_schedule
from jiebei_tui.domain.terms import make_loan

LOAN = make_loan(principal="10000", daily_rate="0.0004", term=12, method="equal-installment", start="2025-01-10")


def test_six_days_late_is_the_worked_example() -> None:
    o = overdue_outlook(LOAN, ProductTerms(), [], 1, 6)
    [row] = o.rows
    assert (row.installment, row.days, row.principal, row.interest) == (1, 6, D("776.41"), D("124.00"))
    assert (row.penalty_principal, row.penalty_interest) == (D("2.80"), D("0.45"))
    assert (o.amount_to_clear, o.stage, o.penalty_daily_rate) == (D("903.66"), "M1", D("0.000600"))
    # a day adds (776.41 + 124.00) × 0.06% = 900.41 × 0.0006 = 0.540246 exactly: about 0.54 (HALF_UP to the fen)
    assert (o.daily.exact, o.daily_cost) == (D("0.540246"), D("0.54"))
    # but only the total is rounded: day 7 is 776.41 × 0.06% × 7 = 3.26, 124.00 × 0.06% × 7 = 0.52 → 3.78, 0.53
    # more than 3.25 (that is why every "a day" figure says "about")
    seventh = overdue_outlook(LOAN, ProductTerms(), [], 1, 7)
    assert seventh.penalty_total - o.penalty_total == D("0.53")
    assert seventh.daily_cost == D("0.54")  # the same figure on every day


def test_a_later_instalment_falling_due_within_the_days_counts() -> None:
    o = overdue_outlook(LOAN, ProductTerms(), [], 1, 28)
    first, second = o.rows
    # instalment 1, 28 days: 776.41 × 0.06% × 28 = 13.04, 124.00 × 0.06% × 28 = 2.08
    assert (first.days, first.penalty_principal, first.penalty_interest) == (28, D("13.04"), D("2.08"))
    # instalment 2 falls due that day: its principal 797.11, its interest on the 9,223.59 not overdue: 103.30
    assert (second.installment, second.days, second.principal, second.interest) == (2, 0, D("797.11"), D("103.30"))
    assert o.amount_to_clear == D("900.41") + D("15.12") + D("900.41")
    assert (o.principal, o.interest, o.penalty_total) == (D("1573.52"), D("227.30"), D("15.12"))


def test_the_curve_steps_up_at_each_due_date() -> None:
    o = overdue_outlook(LOAN, ProductTerms(), [], 1, 6)
    curve = dict(o.curve)
    assert list(curve) == list(range(91)) and curve[6] == D("903.66") and curve[0] == D("900.41")
    dues = [(i.due_date - dt.date(2025, 2, 10)).days for i in build_schedule(LOAN).installments[1:4]]
    assert dues == [28, 59, 89]
    for n in range(1, 91):
        step = curve[n] - curve[n - 1]
        if n in dues:
            assert step > D("800")  # a whole instalment falls due
        else:
            assert D("0") <= step < D("5")  # a day's penalty
    assert o.stage == "M1" and overdue_outlook(LOAN, ProductTerms(), [], 1, 61).stage == "M3"


def test_the_real_history_counts_up_to_the_due_date() -> None:
    ledger, lid = add_loan(Ledger(), "W", LOAN)
    ledger, _ = record_event(ledger, lid, "repayment", dt.date(2025, 2, 10), D("900.41"), dt.date(2025, 2, 10))
    ledger, _ = record_event(ledger, lid, "repayment", dt.date(2025, 3, 1), D("400.00"), dt.date(2025, 3, 1))
    # instalment 2 on 1 Mar: interest 9,223.59 × 0.04% × 19 = 70.10, then 329.90 of its 797.11 principal;
    # on 10 Mar it owes 467.21 and 70.10 + 8,893.69 × 0.04% × 9 (32.02) − 70.10 = 32.02 of interest
    o = loan_overdue_outlook(ledger, lid, 2, 0)
    [row] = o.rows
    assert (row.installment, row.principal, row.interest) == (2, D("467.21"), D("32.02"))
    # paid on its due date: the outlook asks what if it had not been, so that payment does not count
    on_time = loan_overdue_outlook(ledger, lid, 1, 6)
    assert not on_time.as_if_unpaid and on_time.amount_to_clear == D("903.66")
    # paid before its due date: what it would have cost, on the contract's plan
    early, _ = record_event(add_loan(Ledger(), "W", LOAN)[0], "L1", "repayment", dt.date(2025, 2, 5), D("900.41"), dt.date(2025, 2, 5))
    paid = loan_overdue_outlook(early, "L1", 1, 6)
    assert paid.as_if_unpaid and paid.amount_to_clear == D("903.66")


def test_an_inline_loan_has_the_instalments_before_paid() -> None:
    o = overdue_outlook(LOAN, ProductTerms(), [], 3, 0, paid_on_schedule=True)
    assert [r.installment for r in o.rows] == [3] and o.amount_to_clear == D("900.41")
    unpaid = overdue_outlook(LOAN, ProductTerms(), [], 3, 0)  # a ledger with nothing paid
    assert [r.installment for r in unpaid.rows] == [1, 2, 3] and unpaid.stage == "M2"


@pytest.mark.parametrize(("k", "days"), [(0, 1), (13, 1), (1, -1)])
def test_refusals(k: int, days: int) -> None:
    with pytest.raises(InputError):
        overdue_outlook(LOAN, ProductTerms(), [], k, days)
