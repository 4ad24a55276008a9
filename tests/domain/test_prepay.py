"""Prepaying part of the principal (a payment whose leftover follows a strategy): hand-checked figures and the
rules' edge cases. The loan is the worked example given inline, instalment 1 paid on its due date; on
2025-02-25 instalment 2 is running, so a prepayment first pays its interest to the day and its scheduled
principal (it is then paid, early), and what is left comes off the principal."""

from __future__ import annotations

import datetime as dt
import math
from decimal import ROUND_DOWN, Decimal as D

import pytest

from jiebei_tui.domain.errors import InputError
from jiebei_tui.domain.product_terms import ProductTerms
from jiebei_tui.domain.replay import LoanReplay
from jiebei_tui.domain.schedule import build_schedule
from jiebei_tui.domain.simulate import position, prepay
from jiebei_tui.domain.terms import Strategy, make_loan

ON = dt.date(2025, 2, 25)


def loan(method: str):
    return make_loan(principal="10000.00", daily_rate="0.0004", term=12, method=method, start="2025-01-10")


def replay(method: str) -> LoanReplay:
    return LoanReplay.inline(loan(method), ProductTerms(), ON)


def float_annuity(balance: float, start: dt.date, dues: list[dt.date]) -> D:
    factor, total, prev = 1.0, 0.0, start
    for due in dues:
        factor /= 1 + 0.0004 * (due - prev).days
        total += factor
        prev = due
    return D(str(math.floor(balance / total * 100) / 100)).quantize(D("0.01"), rounding=ROUND_DOWN)


def test_equal_installment_reduce_installment_by_hand() -> None:
    r = prepay(replay("equal-installment"), D("3000.00"), ON, Strategy.REDUCE_INSTALLMENT)
    assert r.accrued_interest == D("55.34")  # 9,223.59 × 0.04% × 15
    assert r.installment_paid == 2  # its scheduled principal 797.11 (900.41 − 103.30) is paid: instalment 2 is done
    assert r.prepaid == D("2147.55")  # 3,000.00 − 55.34 − 797.11
    assert r.principal_reduction == D("2944.66")  # 797.11 + 2,147.55
    assert r.new_balance == D("6278.93")  # 9,223.59 − 2,944.66
    # an independent float annuity over the 10 dates left (instalments 3..12), the first period 44 days (25 Feb → 10 Apr)
    dues = [i.due_date for i in build_schedule(loan("equal-installment")).installments[2:]]
    assert r.installments[0].total == float_annuity(6278.93, ON, dues)
    assert r.installments[0].interest == D("110.51")  # 6,278.93 × 0.04% × 44 = 110.509… → 110.51
    assert [i.no for i in r.installments] == list(range(3, 13))
    assert r.payoff_date_after == r.payoff_date_before == dt.date(2026, 1, 10)
    assert r.interest_before == D("680.93")  # 804.93 − 124.00: instalments 2..12 as planned
    # after: 55.34 for instalment 2, then the new plan's interest
    assert r.interest_after == D("55.34") + sum(i.interest for i in r.installments)
    assert r.interest_saved > 0


def test_equal_installment_reduce_term_keeps_the_instalment() -> None:
    r = prepay(replay("equal-installment"), D("3000.00"), ON, Strategy.REDUCE_TERM)
    assert all(i.total == D("900.41") for i in r.installments[:-1])
    assert r.installments[-1].total <= D("900.41")
    assert r.installments[0].principal == D("900.41") - D("110.51")
    assert r.payoff_date_after < r.payoff_date_before
    assert sum(i.principal for i in r.installments) == r.new_balance


def test_equal_principal_reduce_term_joins_a_small_remainder() -> None:
    # p = 833.33. Prepay so that the new balance is 2,500.50: 3 × 833.33 = 2,499.99 leaves 0.51 (< 1.00),
    # which joins the third period (instalment 5) instead of a fourth.
    start = replay("equal-principal")
    pos = position(start, ON)
    assert pos.balance == D("9166.67") and pos.accrued == D("55.00")  # 9,166.67 × 0.04% × 15 = 55.00002
    amount = pos.balance - D("2500.50") + pos.accrued
    r = prepay(start, amount, ON, Strategy.REDUCE_TERM)
    assert r.new_balance == D("2500.50")
    assert [(i.no, i.principal) for i in r.installments] == [(3, D("833.33")), (4, D("833.33")), (5, D("833.84"))]


def test_equal_principal_reduce_term_keeps_a_remainder_of_one_yuan() -> None:
    start = replay("equal-principal")
    pos = position(start, ON)
    r = prepay(start, pos.balance - D("2501.00") + pos.accrued, ON, Strategy.REDUCE_TERM)
    assert [i.principal for i in r.installments] == [D("833.33"), D("833.33"), D("833.33"), D("1.01")]


def test_equal_principal_reduce_installment_spreads_evenly() -> None:
    start = replay("equal-principal")
    pos = position(start, ON)
    r = prepay(start, pos.accrued + pos.balance - D("7000.01"), ON, Strategy.REDUCE_INSTALLMENT)
    assert r.new_balance == D("7000.01")  # over the 10 instalments left (3..12)
    assert r.installments[0].principal == D("700.00")  # 7,000.01 / 10 = 700.001
    assert r.installments[-1].principal == D("700.01")


def test_interest_first_has_no_term_to_shorten() -> None:
    a = prepay(replay("interest-first"), D("5000.00"), ON, Strategy.REDUCE_INSTALLMENT)
    b = prepay(replay("interest-first"), D("5000.00"), ON, Strategy.REDUCE_TERM)
    assert a.installments == b.installments
    assert not a.strategy_matters
    # instalment 2 is interest only: 10,000 × 0.04% × 15 = 60.00 completes it; 4,940.00 comes off the principal
    assert (a.accrued_interest, a.installment_paid, a.new_balance) == (D("60.00"), 2, D("5060.00"))
    assert a.installments[-1].principal == a.new_balance


def test_amount_must_exceed_accrued_interest() -> None:
    with pytest.raises(InputError) as err:
        prepay(replay("equal-installment"), D("55.34"), ON, Strategy.REDUCE_TERM)
    assert err.value.rule == "prepay_too_small"
    assert "55.34" in str(err.value)


def test_amount_at_payoff_says_settle() -> None:
    with pytest.raises(InputError) as err:
        prepay(replay("equal-installment"), D("9278.93"), ON, Strategy.REDUCE_TERM)
    assert err.value.rule == "prepay_use_settle"
    assert "¥9,278.93" in str(err.value) and "settle" in str(err.value)


@pytest.mark.parametrize("on", [dt.date(2025, 1, 9), dt.date(2026, 1, 11), dt.date(2024, 12, 1)])
def test_date_must_be_inside_the_loan(on: dt.date) -> None:
    with pytest.raises(InputError) as err:
        position(LoanReplay.inline(loan("equal-installment"), ProductTerms(), on), on)
    assert err.value.field == "on"


def test_before_the_drawdown_says_on_or_after_it() -> None:
    on = dt.date(2025, 1, 9)
    with pytest.raises(InputError) as err:
        position(LoanReplay.inline(loan("equal-installment"), ProductTerms(), on), on)
    assert err.value.rule == "after_start"
    assert err.value.sentence("en", "--on") == (
        '--on "2025-01-09" is not allowed: the date must be on or after the drawdown (2025-01-10).')


# --- on the drawdown day: a payment like any other, zero days of interest (domain.md, the account model) ---

DRAWN = dt.date(2025, 1, 10)


def drawn_today() -> LoanReplay:
    return LoanReplay.inline(loan("equal-installment"), ProductTerms(), DRAWN)


def test_settling_on_the_drawdown_day_costs_the_principal_and_saves_all_the_interest() -> None:
    from jiebei_tui.domain.simulate import settle

    r = settle(drawn_today(), DRAWN)
    assert (r.principal, r.accrued_interest, r.overdue_to_clear, r.payoff) == (D("10000.00"), 0, 0, D("10000.00"))
    assert r.interest_saved == D("804.93")  # domain.md: the whole schedule's interest


def test_a_prepayment_on_the_drawdown_day_pays_instalment_1_and_recomputes_on_9000() -> None:
    # 1,000 on 2025-01-10: no interest yet; instalment 1's scheduled principal 776.41 (it is then paid), the
    # other 223.59 prepaid: 9,000.00 left, instalments 2-12 recomputed from the payment day over the same due dates
    # (instalment 2 runs 59 days: 9,000 x 0.0004 x 59 = 212.40 interest)
    r = prepay(drawn_today(), D("1000.00"), DRAWN, Strategy.REDUCE_INSTALLMENT)
    dues = [i.due_date for i in build_schedule(loan("equal-installment")).installments][1:]
    assert (r.accrued_interest, r.principal_reduction, r.prepaid, r.new_balance) == (0, D("1000.00"), D("223.59"), D("9000.00"))
    assert r.installment_paid == 1 and [i.no for i in r.installments] == list(range(2, 13))
    assert r.installments[0].total == float_annuity(9000.00, DRAWN, dues) == D("889.35")
    assert r.installments[0].interest == D("212.40") and r.installments[-1].total == D("889.43")
    assert (r.interest_before, r.interest_after, r.interest_saved) == (D("804.93"), D("782.93"), D("22.00"))


def test_a_prepayment_short_of_the_running_instalment_leaves_it_open() -> None:
    # 500 on 25 Feb: 55.34 interest, 444.66 of instalment 2's 797.11 principal; nothing is left to prepay
    r = prepay(replay("equal-installment"), D("500.00"), ON, Strategy.REDUCE_TERM)
    assert (r.installment_paid, r.prepaid, r.principal_reduction) == (None, D("0.00"), D("444.66"))
    assert r.new_balance == D("9223.59") - D("444.66")
    second = r.installments[0]
    # it owes the rest of its principal, 352.45, and interest on 8,778.93 for 25 Feb → 10 Mar (13 days): 45.65
    assert (second.no, second.principal, second.interest) == (2, D("352.45"), D("45.65"))
    assert [i.no for i in r.installments] == list(range(2, 13))  # the plan is not recomputed
