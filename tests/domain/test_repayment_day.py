"""Change my repayment day (domain/repayment_day.py, LoanReplay.move_repayment_day), on domain.md's worked loan
with instalment 1 paid on 02-10 (balance 9,223.59; instalment 2 runs 02-10 → 03-10, 28 days, 103.30 of
interest; 680.93 of interest from there to the end)."""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal as D
from fractions import Fraction
from math import floor

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jiebei_tui.domain.errors import InputError
from jiebei_tui.domain.ledger import Ledger, add_loan
from jiebei_tui.domain.replay import record_event
from jiebei_tui.domain.repayment_day import move_day
from jiebei_tui.domain.terms import Method, make_loan
from tests.domain.plan_ledgers import worked_loan

FEN = D("0.01")
RATE = D("0.0004")
BALANCE = D("9223.59")


def hu(x: D) -> D:
    return x.quantize(FEN, rounding=ROUND_HALF_UP)


def annuity_schedule(balance: D, start: dt.date, dues: list[dt.date]) -> list[tuple[dt.date, D, D]]:
    """Equal instalments over `dues` from `start`, written out here: A = B / Σ Π 1/(1 + d·days) rounded down,
    interest half up each period, the last takes what is left. (due, total, interest)"""
    discount, total, previous = Fraction(1), Fraction(0), start
    for due in dues:
        discount /= 1 + Fraction(RATE) * (due - previous).days
        total += discount
        previous = due
    amount = D(floor(Fraction(balance) / total * 100)) / 100
    out, previous = [], start
    for k, due in enumerate(dues):
        interest = hu(balance * RATE * (due - previous).days)
        principal = balance if k == len(dues) - 1 else amount - interest
        balance -= principal
        out.append((due, principal + interest, interest))
        previous = due
    return out


def monthly(first: dt.date, count: int) -> list[dt.date]:
    return [dt.date(first.year + (first.month - 1 + k) // 12, (first.month - 1 + k) % 12 + 1, first.day) for k in range(count)]


def test_moving_to_the_25th_stretches_the_running_period() -> None:
    """On 02-20, day 25: instalment 2 moves from 03-10 to 03-25 (43 days instead of 28): 9,223.59 × 0.04% × 43 =
    158.6457 → 158.65 instead of 103.30; its instalments are recomputed over 03-25 … 2026-01-25 from 02-10."""
    move = move_day(worked_loan(), "L1", dt.date(2025, 2, 20), 25)
    t = move.transition
    assert (t.installment, t.period_start, t.old_due, t.new_due) == (2, dt.date(2025, 2, 10), dt.date(2025, 3, 10), dt.date(2025, 3, 25))
    assert (t.old_days, t.new_days) == (28, 43)
    assert (t.old_interest, t.new_interest) == (D("103.30"), hu(BALANCE * RATE * 43)) == (D("103.30"), D("158.65"))
    assert t.difference == D("55.35")
    new_dues = monthly(dt.date(2025, 3, 25), 11)
    assert list(move.new_dues) == new_dues and list(move.old_dues) == monthly(dt.date(2025, 3, 10), 11)
    expected = annuity_schedule(BALANCE, dt.date(2025, 2, 10), new_dues)
    assert [(p.on, p.amount, p.interest) for p in move.after] == expected
    assert move.new_regular == expected[0][1] == D("905.75")
    assert (move.old_day, move.new_day, move.old_regular) == (10, 25, D("900.41"))
    assert move.interest_before == D("680.93")
    assert move.interest_after == sum(i for _, _, i in expected)
    assert move.cost == move.interest_after - D("680.93") > 0


def test_moving_to_the_5th_shrinks_it_or_skips_to_next_month() -> None:
    """Day 5 on 02-20: 03-05 is after the change, so the period shrinks to 23 days: 84.857 → 84.86, and the move
    saves. Day 5 on 03-07 (instalment 2 still running): 03-05 is not after 03-07, so it moves to 04-05, 54 days
    from 02-10, and the loan ends a month later."""
    move = move_day(worked_loan(), "L1", dt.date(2025, 2, 20), 5)
    assert (move.transition.new_due, move.transition.new_days) == (dt.date(2025, 3, 5), 23)
    assert move.transition.new_interest == hu(BALANCE * RATE * 23) == D("84.86")
    assert move.cost < 0
    later = move_day(worked_loan(), "L1", dt.date(2025, 3, 7), 5)
    assert (later.transition.new_due, later.transition.new_days) == (dt.date(2025, 4, 5), 54)
    assert later.transition.new_interest == hu(BALANCE * RATE * 54)
    assert len(later.new_dues) == 11 and later.new_dues[-1] == dt.date(2026, 2, 5)


def test_a_partly_paid_instalment_keeps_its_principal() -> None:
    """300.00 paid on 02-20: 10 days of interest (36.89) and 263.11 of instalment 2's 797.11 principal; the
    balance is 8,960.48. Moved on 02-25 to day 25, instalment 2 is due 03-25 and owes its other 534.00 of
    principal and 33 days on 8,960.48: 118.278 → 118.28, 652.28 in all; the rest is planned from 03-25."""
    book, _ = record_event(worked_loan(), "L1", "repayment", dt.date(2025, 2, 20), D("300"), dt.date(2025, 2, 25))
    move = move_day(book, "L1", dt.date(2025, 2, 25), 25)
    first = move.after[0]
    assert (first.on, first.principal, first.interest, first.amount) == (dt.date(2025, 3, 25), D("534.00"), D("118.28"), D("652.28"))
    assert hu(D("8960.48") * RATE * 33) == D("118.28")
    rest = annuity_schedule(D("8426.48"), dt.date(2025, 3, 25), monthly(dt.date(2025, 4, 25), 10))
    assert [(p.on, p.amount, p.interest) for p in move.after[1:]] == rest


@pytest.mark.parametrize(
    ("day", "on", "rule"),
    [(0, None, "repayment_day"), (29, None, "repayment_day"), ("x", None, "repayment_day"), (10, None, "repayment_day_same"),
     (25, dt.date(2025, 2, 19), "plan_date")],
)
def test_refusals(day, on, rule) -> None:
    with pytest.raises(InputError) as err:
        move_day(worked_loan(), "L1", dt.date(2025, 2, 20), day, on)
    assert err.value.rule == rule


def test_an_overdue_or_paid_off_loan_is_refused() -> None:
    with pytest.raises(InputError) as err:
        move_day(worked_loan(paid_through=0), "L1", dt.date(2025, 2, 20), 25)
    assert err.value.rule == "repayment_day_overdue"
    book, _ = record_event(worked_loan(), "L1", "settlement", dt.date(2025, 2, 25), D("9278.93"), dt.date(2025, 2, 25))
    with pytest.raises(InputError) as err:
        move_day(book, "L1", dt.date(2025, 3, 1), 25)
    assert err.value.rule == "paid_off"


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    fen=st.integers(1_000_00, 50_000_00),
    term=st.integers(2, 12),
    method=st.sampled_from(list(Method)),
    paid=st.integers(0, 3),
    later=st.integers(0, 60),
    day=st.integers(1, 28),
)
def test_the_move_keeps_the_count_and_the_principal(fen, term, method, paid, later, day) -> None:
    """Every instalment left falls due on the new day, one a month, as many as before; the first after the
    change day; the principal repaid is the same; interest differs only by the days moved."""
    today = dt.date(2025, 5, 1)
    book, loan_id = add_loan(
        Ledger(), "R", make_loan(principal=D(fen) / 100, daily_rate="0.0005", term=term, method=method, start="2025-01-12"),
        paid_through=min(paid, term - 1, 3), today=today,
    )
    on = today + dt.timedelta(days=later)
    try:
        move = move_day(book, loan_id, today, day, on)
    except InputError as err:
        assert err.rule in ("repayment_day_same", "repayment_day_overdue", "paid_off")
        return
    dues = move.new_dues
    assert len(dues) == len(move.old_dues)
    assert all(d.day == day for d in dues) and dues[0] > on
    assert all((b.year * 12 + b.month) - (a.year * 12 + a.month) == 1 for a, b in zip(dues, dues[1:]))
    assert sum(p.principal for p in move.after) == sum(p.principal for p in move.before)
    if method is Method.INTEREST_FIRST:  # the balance is the same all along: interest follows the days
        span_before = (move.old_dues[-1] - move.transition.period_start).days
        span_after = (dues[-1] - move.transition.period_start).days
        if span_after != span_before:  # a day on ≥ 1,000 at 0.05% is ≥ 0.50: more than the rounding
            assert (move.cost > 0) == (span_after > span_before)
