"""Properties over random valid loans (hypothesis)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from jiebei_tui.domain.errors import InputError
from jiebei_tui.domain.product_terms import ProductTerms
from jiebei_tui.domain.replay import LoanReplay
from jiebei_tui.domain.schedule import build_schedule
from jiebei_tui.domain.simulate import position, prepay, settle
from jiebei_tui.domain.terms import Method, Strategy, make_loan

FEN = D("0.01")

loans = st.builds(
    lambda fen, rate, term, method, start, day: make_loan(
        principal=D(fen) / 100, daily_rate=D(rate) / 1_000_000, term=term, method=method, start=start, repayment_day=day
    ),
    fen=st.integers(1, 100_000_000),
    rate=st.integers(1, 1000),
    term=st.integers(1, 36),
    method=st.sampled_from(list(Method)),
    start=st.dates(dt.date(2020, 1, 1), dt.date(2032, 12, 31)),
    day=st.one_of(st.none(), st.integers(1, 28)),
)


@settings(max_examples=300, deadline=None)
@given(loans)
def test_schedule_is_sound(loan) -> None:
    s = build_schedule(loan)
    assert len(s.installments) == loan.term
    assert sum(i.principal for i in s.installments) == loan.principal
    assert all(i.principal >= 0 and i.interest >= 0 and i.remaining >= 0 for i in s.installments)
    remaining = [loan.principal] + [i.remaining for i in s.installments]
    assert all(later <= earlier for earlier, later in zip(remaining, remaining[1:]))
    assert remaining[-1] == 0
    assert all(i.days >= 1 for i in s.installments) and s.installments[0].days >= 15


@settings(max_examples=300, deadline=None)
@given(loans, st.integers(0, 40), st.integers(0, 10**6), st.sampled_from(list(Strategy)))
def test_prepaying_on_a_due_date_never_raises_interest(loan, index, amount_seed, strategy) -> None:
    """On a due date the running instalment is the one due that day (its whole period's interest), so the plan
    recomputed after the prepayment starts a normal period: interest can only fall (a fen of rounding per
    recomputed instalment). Between due dates it can rise a little: see the test below."""
    s = build_schedule(loan)
    assume(index < len(s.installments) - 1)
    on = s.installments[index].due_date
    replay = LoanReplay.inline(loan, ProductTerms(), on)
    pos = position(replay, on)
    low, high = pos.accrued + FEN, pos.payoff - FEN
    assume(low <= high)
    amount = low + (high - low) * amount_seed // 10**6 // FEN * FEN if high > low else low
    amount = min(max(amount, low), high)
    try:
        r = prepay(replay, amount, on, strategy)
    except InputError:  # e.g. less than the instalment due that day: no prepayment at all
        assume(False)
    assert r.interest_after <= r.interest_before + FEN * len(r.installments)
    assert sum(i.principal for i in r.installments) == r.new_balance
    assert all(i.principal >= 0 and i.interest >= 0 for i in r.installments)
    other = prepay(replay, amount, on, Strategy.REDUCE_INSTALLMENT)
    term = prepay(replay, amount, on, Strategy.REDUCE_TERM)
    assert term.payoff_date_after <= other.payoff_date_after


def test_a_small_prepayment_between_due_dates_can_cost_more_interest_than_it_saves() -> None:
    """The account model completes the running instalment on the day of an early payment, and the next
    instalment's interest runs from that day (domain.md, rule 6). Prepaying a little three days after the
    drawdown of a 34-month loan: instalment 1 is paid 27 days early, and the rest is re-planned over 33
    instalments whose first period now runs 58 days (2032-11-10 → 2033-01-07), so more of that instalment is
    interest and the balance falls more slowly afterwards. The 6.30 saves less than the longer first period
    costs: 55.67 of interest becomes 56.09. The simulation says so (interest saved −0.42) rather than hiding it."""
    loan = make_loan(principal="243.58", daily_rate="0.000403", term=34, method="equal-installment", start="2032-11-07")
    on = dt.date(2032, 11, 10)
    r = prepay(LoanReplay.inline(loan, ProductTerms(), on), D("6.30"), on, Strategy.REDUCE_INSTALLMENT)
    assert (r.interest_before, r.interest_after, r.interest_saved) == (D("55.67"), D("56.09"), D("-0.42"))
    assert r.installments[0].period_start == on and r.installments[0].due_date == dt.date(2033, 1, 7)


@settings(max_examples=200, deadline=None)
@given(loans, st.integers(0, 35))
def test_settling_on_a_due_date_costs_what_is_due_and_the_principal_after(loan, index) -> None:
    """Given inline, the instalments due before the date are paid; the one due that day is not yet: settling
    then costs that instalment (its interest is the period's) and the principal left after it."""
    s = build_schedule(loan)
    assume(index < len(s.installments))
    inst = s.installments[index]
    result = settle(LoanReplay.inline(loan, ProductTerms(), inst.due_date), inst.due_date)
    assert result.accrued_interest == inst.interest
    assert result.payoff == inst.remaining + inst.total
