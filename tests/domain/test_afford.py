"""What I can afford: only a monthly budget paid, month by month, across loans.

The seed's case, worked by hand: domain.md's loan (10,000.00 at 0.04%/day, 12 months, equal instalments of
900.41, drawn 2025-01-10, due on the 10th), instalment 1 unpaid, today 2025-02-16 (six days late), ¥1,000 a month
from today. Penalty rate 0.06%/day."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

import pytest
from hypothesis import event as note
from hypothesis import given
from hypothesis import strategies as st

from jiebei_tui.domain.afford import budget_day, budget_plan
from jiebei_tui.domain.errors import InputError
from jiebei_tui.domain.ledger import Ledger, add_loan, set_terms
from jiebei_tui.domain.money import ZERO
from jiebei_tui.domain.replay import LoanReplay, loan_state, record_event
from jiebei_tui.domain.schedule import due_dates
from jiebei_tui.domain.terms import Method, make_loan
from tests.domain.hand import annuity, half_up
from tests.domain.test_account_properties import COMMON, FAR, terms

TODAY = dt.date(2025, 2, 16)
WORKED = make_loan(principal="10000", daily_rate="0.0004", term=12, method="equal-installment", start="2025-01-10")


def seed() -> Ledger:
    book, _ = add_loan(Ledger(), "Rent gap", WORKED)
    return book


# Worked by hand, month by month (each budget day the 16th):
# 02-16: instalment 1 cleared: 776.41 + 124.00 + penalty 2.80 + 0.45 = 903.66; 96.34 left goes to instalment 2
#        (due 03-10): interest 9,223.59 × 0.04% × 6 = 22.14, principal 74.20 → balance 9,149.39.
# 03-10: instalment 2 falls due owing 797.11 − 74.20 = 722.91 principal and 9,149.39 × 0.04% × 22 = 80.51 interest.
# 03-16: 6 days late: penalty 722.91 × 0.06% × 6 = 2.60 + 80.51 × 0.06% × 6 = 0.29 → 806.31 clears it; 193.69
#        goes to instalment 3 (scheduled principal 900.41 − 104.49 = 795.92): interest 8,426.48 × 0.04% × 6 = 20.22,
#        principal 173.47 → balance 8,253.01.
# … the same each month, the unpaid part shrinking: penalties 2.54, 2.17, 1.81, 1.45, 1.08, 0.69, 0.31;
# 10-16: 86.07 clears instalment 9 and 874.05 (6.33 + 867.72) completes instalment 10 before its due date;
#        39.88 waits. From here nothing is overdue.
# 11-16: instalment 11 (31 days on 1,768.58 = 21.93, + 879.19) 901.12; 138.76 waits.
# 12-16: the last instalment: 889.39 + 30 days' interest 10.67 = 900.06 closes the loan; 238.70 is left.
PENALTIES = [D("3.25"), D("2.89"), D("2.54"), D("2.17"), D("1.81"), D("1.45"), D("1.08"), D("0.69"), D("0.31"), ZERO, ZERO]
BALANCES = [D("9149.39"), D("8253.01"), D("7356.39"), D("6445.55"), D("5526.23"), D("4593.16"), D("3650.59"),
            D("2696.18"), D("1768.58"), D("889.39"), ZERO]


def test_six_days_late_and_1000_a_month() -> None:
    plan = budget_plan(seed(), TODAY, "1000")
    assert [m.on for m in plan.months] == [budget_day(TODAY, k) for k in range(11)]
    assert [m.penalty_paid for m in plan.months] == PENALTIES
    assert [m.loans[0].owed_after for m in plan.months] == BALANCES
    assert [m.paid for m in plan.months] == [D("1000.00")] * 8 + [D("960.12"), D("901.12"), D("900.06")]
    assert [m.left for m in plan.months][-3:] == [D("39.88"), D("138.76"), D("238.70")]
    # the stages: six days late on each budget day until October, paid then, five days late by each month's end
    assert [m.loans[0].stage_before for m in plan.months] == ["M1"] * 9 + ["M0"] * 2
    assert [m.loans[0].days_end for m in plan.months] == [5] * 8 + [0] * 3
    assert [m.loans[0].overdue_end for m in plan.months][:3] == [(2,), (3,), (4,)]
    assert all(m.loans[0].overdue_after == () for m in plan.months)  # each budget day clears what is overdue
    [outcome] = plan.loans
    assert (outcome.cleared_month, outcome.cleared_on) == (11, dt.date(2025, 12, 16))
    assert plan.months_to_clear == 11 and plan.cleared
    assert (outcome.paid, outcome.penalty_paid, outcome.months_overdue, outcome.worst_stage) == (
        D("10761.30"), D("16.19"), 8, "M1",
    )
    # paid = principal + interest + penalty, to the fen: interest 745.11 (124.00 + 102.65 + 102.75 + 88.93 + 80.83
    # + 67.46 + 58.36 + 46.93 + 34.27 + 6.33 + 21.93 + 10.67, instalment by instalment)
    assert outcome.interest_paid == D("745.11") and outcome.paid == D("10000") + D("745.11") + D("16.19")
    assert outcome.owed_now == D("10149.39")  # 903.66 overdue + 9,223.59 + 22.14 to the day


def test_a_budget_below_the_overdue_leaves_it_overdue_and_the_stage_rises() -> None:
    plan = budget_plan(seed(), TODAY, "300", months=4)
    first = plan.months[0].loans[0]
    # 300 of 903.66: penalty 3.25, interest 124.00, principal 172.75 of instalment 1
    assert (first.penalty_paid, first.interest_paid, first.principal_paid) == (D("3.25"), D("124.00"), D("172.75"))
    assert first.overdue_after == (1,) and first.days_after == 6
    assert [m.loans[0].stage_end for m in plan.months] == ["M2", "M3", "M3+", "M3+"]
    assert not plan.cleared and plan.months_to_clear is None and len(plan.months) == 4
    assert plan.loans[0].owed_at_end == plan.months[-1].loans[0].owed_after > 0


def two_loans() -> Ledger:
    """A: the worked loan, six days late. B: 6,000.00 at 0.03%/day drawn 2025-01-01, instalment 1 due 02-01,
    fifteen days late: older, but at a cheaper penalty (0.045%/day against 0.06%)."""
    book, _ = add_loan(Ledger(), "A", WORKED)
    b = make_loan(principal="6000", daily_rate="0.0003", term=12, method="equal-installment", start="2025-01-01")
    book, _ = add_loan(book, "B", b)
    return book


def b_figures() -> tuple[D, D, D]:
    """B's instalment 1 and its penalty after 15 days, by hand."""
    b = make_loan(principal="6000", daily_rate="0.0003", term=12, method="equal-installment", start="2025-01-01")
    a = annuity(D("6000"), D("0.0003"), b.start, due_dates(b))
    interest = half_up(D("6000") * D("0.0003") * 31)  # 55.80
    principal = a - interest
    penalty = half_up(principal * D("0.00045") * 15) + half_up(interest * D("0.00045") * 15)
    return principal, interest, penalty


def test_the_order_oldest_first_or_costliest_first() -> None:
    book = two_loans()
    principal_b, interest_b, penalty_b = b_figures()
    clear_b = principal_b + interest_b + penalty_b
    assert interest_b == D("55.80") and loan_state(book, "L2", TODAY).amount_to_clear == clear_b

    oldest = budget_plan(book, TODAY, "1000", order="oldest").months[0]
    a, b = oldest.loans
    assert b.paid == clear_b and b.overdue_after == ()
    assert a.paid == D("1000") - clear_b  # what is left: penalty 3.25 and interest 124.00 first, then principal
    assert (a.penalty_paid, a.interest_paid, a.principal_paid) == (D("3.25"), D("124.00"), a.paid - D("127.25"))
    assert a.overdue_after == (1,)

    costliest = budget_plan(book, TODAY, "1000", order="costliest").months[0]
    a, b = costliest.loans
    assert a.paid == D("903.66") and a.overdue_after == ()
    assert b.paid == D("96.34") and (b.penalty_paid, b.interest_paid) == (penalty_b, interest_b)
    assert b.principal_paid == D("96.34") - penalty_b - interest_b and b.overdue_after == (1,)


def test_refusals() -> None:
    for kwargs, field, rule in [
        ({"budget": "0"}, "budget", "amount"),
        ({"budget": "abc"}, "budget", "amount"),
        ({"budget": "100", "start": "2025-02-15"}, "from", "budget_from"),
        ({"budget": "100", "order": "random"}, "order", "budget_order"),
        ({"budget": "100", "months": 0}, "months", "budget_months"),
    ]:
        with pytest.raises(InputError) as caught:
            budget_plan(seed(), TODAY, **kwargs)
        assert (caught.value.field, caught.value.rule) == (field, rule)


def test_budget_days_keep_the_day_or_take_the_months_last() -> None:
    start = dt.date(2025, 1, 31)
    assert [budget_day(start, k) for k in range(4)] == [
        dt.date(2025, 1, 31), dt.date(2025, 2, 28), dt.date(2025, 3, 31), dt.date(2025, 4, 30),
    ]


def test_a_paid_off_loan_is_not_in_the_plan() -> None:
    book = seed()
    payoff = loan_state(book, "L1", TODAY).payoff
    book, _ = record_event(book, "L1", "settlement", TODAY, payoff, FAR)
    plan = budget_plan(book, TODAY, "1000")
    assert plan.loans == () and plan.months == () and plan.cleared


# --- the property: paying the budget never leaves more owed than paying nothing ---

loan_specs = st.lists(
    st.tuples(
        st.integers(500_00, 30_000_00),  # principal in fen
        st.integers(100, 1000),  # daily rate in millionths
        st.integers(1, 12),
        st.sampled_from(list(Method)),
        st.integers(0, 200),  # drawn this many days before the first loan's date
        st.one_of(st.none(), st.integers(1, 28)),
        st.lists(st.tuples(st.integers(1, 60), st.integers(0, 1200)), max_size=4),  # payments: gap, ‰ of owed
        terms,  # the loan's own contract terms (penalty, grace, compounding, minimum prepayment, fee)
    ),
    min_size=1,
    max_size=3,
)


def _ledger(specs, base: dt.date) -> tuple[Ledger, dt.date]:
    book = Ledger()
    latest = base
    for fen, rate, term, method, back, day, payments, own_terms in specs:
        start = base - dt.timedelta(days=back)
        loan = make_loan(principal=D(fen) / 100, daily_rate=D(rate) / 1_000_000, term=term, method=method,
                         start=start, repayment_day=day)
        book, lid = add_loan(book, "P", loan)
        book = set_terms(book, lid, **own_terms)
        on = start
        for gap, per_mille in payments:
            on += dt.timedelta(days=gap)
            s = loan_state(book, lid, on)
            if s.paid_off:
                break
            amount = min((s.pay_now * per_mille / 1000).quantize(D("0.01")), s.payoff)
            if amount > 0:
                try:
                    book, _ = record_event(book, lid, "repayment", on, amount, FAR)
                except InputError:  # below the loan's minimum prepayment: the rules refuse it, nothing changes
                    pass
            latest = max(latest, on)
    return book, latest


@COMMON
@given(loan_specs, st.integers(0, 120), st.integers(1, 4000_00), st.sampled_from(["oldest", "costliest"]),
       st.integers(0, 40))
def test_paying_the_budget_never_leaves_more_owed_than_paying_nothing(specs, wait, budget_fen, order, delay) -> None:
    book, latest = _ledger(specs, dt.date(2025, 3, 1))
    today = latest + dt.timedelta(days=wait)
    start = today + dt.timedelta(days=delay)
    plan = budget_plan(book, today, D(budget_fen) / 100, start=start, order=order, months=24)
    nothing = {r.id: LoanReplay.of(book, r.id, today) for r in book.loans}  # no payment after today

    def owed_if_nothing(on: dt.date) -> D:
        total = ZERO
        for replay in nothing.values():
            state = replay.state(on)
            total += ZERO if state.paid_off else state.payoff
        return total

    budget = D(budget_fen) / 100
    paid_so_far = ZERO
    for month in plan.months:
        assert month.paid <= month.available == budget + (plan.months[month.no - 2].left if month.no > 1 else ZERO)
        paid_so_far += month.paid
        # loans cleared in an earlier month owe nothing and are no longer listed
        assert month.owed_after <= owed_if_nothing(month.on)
        # and at the month's end, nothing paid in between on either side
        end = budget_day(start, month.no) - dt.timedelta(days=1)
        assert sum((m.owed_end for m in month.loans), ZERO) <= owed_if_nothing(end)
    assert paid_so_far == plan.total_paid
    if plan.months:
        note("overdue on the first budget day" if any(m.days_before for m in plan.months[0].loans) else "current")
        note("cleared within the plan" if plan.cleared else "not cleared")
