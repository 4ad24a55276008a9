"""Goal seek (domain/goal.py) on domain.md's worked loan, against an independent computation written here, and
minimality over random loans and goals.

The worked loan with instalment 1 paid on 02-10; the extra is paid on 2025-02-25. That day the running
instalment 2 owes 9,223.59 × 0.04% × 15 = 55.34 of interest and its scheduled principal 900.41 − 103.30 = 797.11
(domain.md), so an extra X pays those 852.45 first (instalment 2 paid early) and prepays L = X − 852.45, leaving
B = 9,223.59 − 797.11 − L = 8,426.48 − L, planned from 02-25 over the due dates of instalments 3..12 (04-10 …
2026-01-10; 03-10 then owes nothing). Doing nothing pays 804.93 − 124.00 = 680.93 of interest from 02-25 on.
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal as D
from fractions import Fraction
from math import floor

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jiebei_tui.domain.errors import InputError
from jiebei_tui.domain.forecast import Forecast
from jiebei_tui.domain.goal import ALREADY, CANNOT, FINISH_BY, MAX_INSTALLMENT, MET, SAVE, Goal, goal_seek
from jiebei_tui.domain.ledger import Ledger, add_loan, set_terms
from jiebei_tui.domain.terms import Method, Strategy, make_loan
from tests.domain.plan_ledgers import worked_loan

FEN = D("0.01")
RATE = D("0.0004")
TODAY = dt.date(2025, 2, 10)
ON = dt.date(2025, 2, 25)
FIRST = D("852.45")  # interest to 02-25 + instalment 2's scheduled principal
LEFT = D("8426.48")  # the balance after them
DUES = [dt.date(2025, m, 10) for m in range(4, 13)] + [dt.date(2026, 1, 10)]  # instalments 3..12
RI, RT = Strategy.REDUCE_INSTALLMENT, Strategy.REDUCE_TERM


def hu(x: D) -> D:
    return x.quantize(FEN, rounding=ROUND_HALF_UP)


def periods() -> list[int]:
    days, previous = [], ON
    for due in DUES:
        days.append((due - previous).days)
        previous = due
    return days


def keep_term(balance: D) -> list[tuple[dt.date, D, D]]:
    """Reduce-installment: the annuity over the ten dates, from 02-25 (exact fractions, rounded down to the
    fen), interest each period half up, the last instalment takes what is left. (due, principal, interest)"""
    discount, total = Fraction(1), Fraction(0)
    for days in periods():
        discount /= 1 + Fraction(RATE) * days
        total += discount
    amount = D(floor(Fraction(balance) / total * 100)) / 100
    out = []
    for k, (due, days) in enumerate(zip(DUES, periods())):
        interest = hu(balance * RATE * days)
        principal = balance if k == len(DUES) - 1 else amount - interest
        balance -= principal
        out.append((due, principal, interest))
    return out


def keep_instalment(balance: D, amount: D = D("900.41")) -> list[tuple[dt.date, D, D]]:
    """Reduce-term: 900.41 a month until the balance and its interest fit in one instalment."""
    out = []
    for k, (due, days) in enumerate(zip(DUES, periods())):
        interest = hu(balance * RATE * days)
        if balance + interest <= amount or k == len(DUES) - 1:
            out.append((due, balance, interest))
            return out
        out.append((due, amount - interest, interest))
        balance -= amount - interest
    return out


def least_extra(meets, window: int = 400) -> D:
    """The least extra X (to the fen) whose plan meets `meets`, by the balance it leaves, B = 8,426.48 − (X −
    852.45): the largest B that meets. Bisection over fen of B finds a boundary; rounding can make the goal saw
    near it, so every B in the `window` fen above is tried too."""
    lo, hi = 0, int(LEFT * 100)  # B in fen: lo meets, hi does not (checked)
    assert meets(D(lo) / 100) and not meets(LEFT)
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if meets(D(mid) / 100):
            lo = mid
        else:
            hi = mid
    best = max([b for b in range(lo + 1, min(lo + window, int(LEFT * 100))) if meets(D(b) / 100)], default=lo)
    return FIRST + LEFT - D(best) / 100


def seek(goal: Goal, book: Ledger | None = None):
    result = goal_seek(book or worked_loan(), "L1", TODAY, ON, goal)
    return {a.strategy: a for a in result.answers}, result


def test_finish_by_september_keeping_the_instalment() -> None:
    plan = lambda b: keep_instalment(b)[-1][0] <= dt.date(2025, 9, 10)  # noqa: E731
    expected = least_extra(plan)
    answers, result = seek(Goal(FINISH_BY, date=dt.date(2025, 9, 10)))
    rt = answers[RT]
    assert rt.status == MET and rt.extra == expected
    assert rt.outcome.debt_free == dt.date(2025, 9, 10)
    assert rt.one_fen_less.debt_free == dt.date(2025, 10, 10)
    assert rt.payment.amount == expected and rt.payment.kind == "prepayment"
    assert result.falls_due == D("0.00") and result.payoff == D("9278.93")
    # keeping the term only the payoff finishes sooner: domain.md's settle figure
    ri = answers[RI]
    assert ri.status == MET and ri.extra == D("9278.93") and ri.payment.kind == "settlement"
    assert ri.outcome.debt_free == ON


def test_instalment_at_most_800() -> None:
    """Keeping the term, the instalment A(B) rises with the balance, but the last instalment saws: a fen less
    of B can lower A by a fen and raise the last by ten. So: the largest B with A(B) ≤ 800 (A is monotone), then
    down from it to the first B whose last instalment is also ≤ 800."""

    def annuity(b: D) -> D:
        return keep_term(b)[0][1] + keep_term(b)[0][2]

    lo, hi = 0, int(LEFT * 100)
    while hi - lo > 1:
        mid = (lo + hi) // 2
        lo, hi = (mid, hi) if annuity(D(mid) / 100) <= D("800") else (lo, mid)
    b = D(lo) / 100
    while max(p + i for _, p, i in keep_term(b)) > D("800"):
        b -= FEN
    expected = FIRST + LEFT - b
    answers, _ = seek(Goal(MAX_INSTALLMENT, amount=D("800")))
    assert answers[RI].status == MET and answers[RI].extra == expected
    assert answers[RI].outcome.max_installment <= D("800") < answers[RI].one_fen_less.max_installment
    # keeping 900.41 a month, only one instalment left can be under 800: B + B × 0.04% × 44 ≤ 800, B ≤ 786.16
    # (786.16 × 1.0176 = 800.0 → 13.84 of interest, 800.00; 786.17 gives 800.01)
    assert hu(D("786.16") * RATE * 44) + D("786.16") == D("800.00")
    assert hu(D("786.17") * RATE * 44) + D("786.17") == D("800.01")
    assert answers[RT].extra == FIRST + LEFT - D("786.16") == D("8492.77")
    assert answers[RT].outcome.debt_free == dt.date(2025, 4, 10)


@pytest.mark.parametrize("strategy", [RI, RT])
def test_save_at_least_100(strategy) -> None:
    """Saving = 680.93 − (55.34 + the new plan's interest)."""
    plan = keep_term if strategy is RI else keep_instalment
    expected = least_extra(lambda b: D("680.93") - D("55.34") - sum(i for _, _, i in plan(b)) >= D("100"))
    answers, result = seek(Goal(SAVE, amount=D("100")))
    answer = answers[strategy]
    assert answer.status == MET and answer.extra == expected
    assert answer.outcome.saving >= D("100") > answer.one_fen_less.saving
    assert result.without.cost == D("680.93")


def test_already_met_and_cannot() -> None:
    answers, _ = seek(Goal(FINISH_BY, date=dt.date(2026, 1, 10)))
    assert {a.status for a in answers.values()} == {ALREADY} and answers[RI].extra == D("0.00")
    answers, _ = seek(Goal(FINISH_BY, date=dt.date(2025, 2, 24)))  # the day before the payment
    for a in answers.values():
        assert a.status == CANNOT and a.extra is None
        assert a.reason.key == "plan.goal.finish_by_unreachable"
        assert a.reason.params == {"by": dt.date(2025, 2, 24), "on": ON}
    answers, _ = seek(Goal(SAVE, amount=D("700")))  # more than the 680.93 − 55.34 = 625.59 settling saves
    assert answers[RI].status == CANNOT and answers[RI].reason.key == "plan.goal.save_unreachable"
    assert answers[RI].reason.params["most"] == D("625.59")


def test_a_fee_can_make_a_saving_unreachable_and_a_smaller_payment_save_more() -> None:
    """Two instalments left, on 11-10 (instalment 10 just paid): paying instalment 11's principal early costs no
    fee and saves its interest to 12-10; anything more prepays instalment 12's principal at a 10% fee, far more
    than the month of interest it saves. So ¥20 cannot be saved, and the most is saved by paying instalment 11's
    principal and no more; ¥1 is saved by paying 1 / (0.0004 × 30) of it early."""
    book = set_terms(worked_loan(paid_through=10, today=dt.date(2025, 11, 10)), "L1", prepayment_fee="10%")
    day = dt.date(2025, 11, 10)
    result = goal_seek(book, "L1", day, day, Goal(SAVE, amount=D("20")))
    running = result.without.payments[0]  # instalment 11 paid on 12-10 as things stand
    principal_11 = running.principal
    for answer in result.answers:
        assert answer.status == CANNOT and answer.reason.key == "plan.goal.save_unreachable"
        assert answer.reason.params["extra"] <= principal_11
        most = answer.reason.params["most"]
        assert D("0") < most <= hu(principal_11 * RATE * 30)
    settle = goal_seek(book, "L1", day, day, Goal(FINISH_BY, date=day)).answers[0].outcome
    assert settle.saving < 0  # paying everything costs more in fee than it saves
    one = goal_seek(book, "L1", day, day, Goal(SAVE, amount=D("1"))).answers[0]
    assert one.status == MET and one.payment.allocation.prepaid == 0 and one.payment.fee == 0
    owed = sum(p.principal for p in result.without.payments)  # the balance from 11-10 to 12-10

    def saving(x: D) -> D:  # instalment 11's interest, 30 days, without and with x of its principal paid early
        return hu(owed * RATE * 30) - hu((owed - x) * RATE * 30)

    assert saving(one.extra) >= D("1.00") > saving(one.extra - FEN)


@pytest.mark.parametrize(
    ("goal", "field", "rule"),
    [
        (Goal("faster"), "goal", "goal_kind"),
        (Goal(FINISH_BY), "finish_by", "goal_finish_by"),
        (Goal(SAVE, amount=D("0")), "save", "goal_amount"),
        (Goal(MAX_INSTALLMENT, amount=D("-1")), "max_installment", "goal_amount"),
    ],
)
def test_bad_goals_are_refused(goal, field, rule) -> None:
    with pytest.raises(InputError) as err:
        goal_seek(worked_loan(), "L1", TODAY, ON, goal)
    assert (err.value.field, err.value.rule) == (field, rule)


def test_a_day_before_today_or_an_unknown_loan_is_refused() -> None:
    with pytest.raises(InputError) as err:
        goal_seek(worked_loan(), "L1", TODAY, dt.date(2025, 2, 9), Goal(SAVE, amount=D("1")))
    assert err.value.rule == "plan_date"
    with pytest.raises(InputError) as err:
        goal_seek(worked_loan(), "L9", TODAY, ON, Goal(SAVE, amount=D("1")))
    assert err.value.rule == "loan_id"


# --- one fen less misses, for random loans and goals ---

goals = st.one_of(
    st.builds(lambda d: Goal(FINISH_BY, date=dt.date(2025, 3, 1) + dt.timedelta(days=d)), st.integers(0, 400)),
    st.builds(lambda f: Goal(MAX_INSTALLMENT, amount=D(f) / 100), st.integers(0, 5_000_00)),
    st.builds(lambda f: Goal(SAVE, amount=D(f) / 100), st.integers(1, 2_000_00)),
)


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    fen=st.integers(1_000_00, 50_000_00),
    rate=st.integers(150, 800),
    term=st.integers(2, 12),
    method=st.sampled_from(list(Method)),
    paid=st.integers(0, 2),
    later=st.integers(0, 40),
    terms=st.sampled_from([{}, {"prepayment_fee": "1%"}, {"min_prepayment": "1000"}, {"prepayment_fee": "0.3%", "min_prepayment": "300"}]),
    goal=goals,
)
def test_one_fen_less_misses(fen, rate, term, method, paid, later, terms, goal) -> None:
    start = dt.date(2025, 1, 5)
    today = dt.date(2025, 3, 6)
    book, loan_id = add_loan(
        Ledger(),
        "Random",
        make_loan(principal=D(fen) / 100, daily_rate=D(rate) / 1_000_000, term=term, method=method, start=start),
        paid_through=min(paid, term - 1),
        today=today,
    )
    if terms:
        book = set_terms(book, loan_id, **terms)
    on = today + dt.timedelta(days=later)
    try:
        result = goal_seek(book, loan_id, today, on, goal)
    except InputError as err:
        assert err.rule == "paid_off"
        return
    for answer in result.answers:
        if answer.status != MET:
            continue
        extra = answer.extra
        assert extra > 0
        assert _meets(goal, answer.outcome, on)
        assert answer.payment.amount == result.falls_due + extra <= result.payoff
        if answer.one_fen_less is None:  # the replay refuses a fen less (below the minimum prepayment)
            forecast = Forecast.of(book, today, loan_ids=[loan_id])
            with pytest.raises(InputError):
                forecast.pay_extra(loan_id, extra - FEN, on, answer.strategy)
        else:
            assert answer.one_fen_less.extra == extra - FEN
            assert not _meets(goal, answer.one_fen_less, on)


def _meets(goal: Goal, outcome, on: dt.date) -> bool:
    """The goal, read again here from the payments replayed."""
    if goal.kind == FINISH_BY:
        return max(p.on for p in outcome.payments) <= goal.date
    if goal.kind == MAX_INSTALLMENT:
        return max((p.amount for p in outcome.payments if p.on > on), default=D(0)) <= goal.amount
    return outcome.saving >= goal.amount
