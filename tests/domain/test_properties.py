"""Properties over random valid loans (hypothesis)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

from hypothesis import assume, given, settings
from hypothesis import strategies as st

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
@given(loans, st.integers(1, 10_000), st.integers(0, 10**6), st.sampled_from(list(Strategy)))
def test_prepayment_never_raises_interest(loan, day_offset, amount_seed, strategy) -> None:
    s = build_schedule(loan)
    span = (s.last_due_date - loan.start).days
    assume(span > 1)
    on = loan.start + dt.timedelta(days=1 + day_offset % (span - 1))
    replay = LoanReplay.inline(loan, ProductTerms(), on)
    pos = position(replay, on)
    low, high = pos.accrued + FEN, pos.payoff - FEN
    assume(low <= high)
    amount = low + (high - low) * amount_seed // 10**6 // FEN * FEN if high > low else low
    amount = min(max(amount, low), high)
    r = prepay(replay, amount, on, strategy)
    assert r.interest_after <= r.interest_before + FEN * len(r.installments)
    assert sum(i.principal for i in r.installments) == r.new_balance
    assert all(i.principal >= 0 and i.interest >= 0 for i in r.installments)
    other = prepay(replay, amount, on, Strategy.REDUCE_INSTALLMENT)
    term = prepay(replay, amount, on, Strategy.REDUCE_TERM)
    assert term.payoff_date_after <= other.payoff_date_after


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
