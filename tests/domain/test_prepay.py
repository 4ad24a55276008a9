"""Prepaying part of the principal: hand-checked figures and the rules' edge cases."""

from __future__ import annotations

import datetime as dt
import math
from decimal import ROUND_DOWN, Decimal as D

import pytest

from jiebei_tui.domain.errors import InputError
from jiebei_tui.domain.schedule import build_schedule
from jiebei_tui.domain.simulate import position_on, prepay
from jiebei_tui.domain.terms import Strategy, make_loan

ON = dt.date(2025, 2, 25)


def loan(method: str):
    return make_loan(principal="10000.00", daily_rate="0.0004", term=12, method=method, start="2025-01-10")


def position(method: str):
    return position_on(build_schedule(loan(method)), ON)


def test_equal_installment_reduce_installment_by_hand() -> None:
    r = prepay(position("equal-installment"), D("3000.00"), Strategy.REDUCE_INSTALLMENT)
    assert r.accrued_interest == D("55.34")  # 9,223.59 × 0.04% × 15
    assert r.principal_reduction == D("2944.66")  # 3,000.00 − 55.34
    assert r.new_balance == D("6278.93")  # 9,223.59 − 2,944.66
    # an independent float annuity over the 11 remaining dates, the first period 13 days (25 Feb → 10 Mar)
    dues = [i.due_date for i in build_schedule(loan("equal-installment")).installments[1:]]
    factor, total, prev = 1.0, 0.0, ON
    for due in dues:
        factor /= 1 + 0.0004 * (due - prev).days
        total += factor
        prev = due
    expected = D(str(math.floor(6278.93 / total * 100) / 100)).quantize(D("0.01"), rounding=ROUND_DOWN)
    assert r.installments[0].total == expected
    assert r.installments[0].interest == D("32.65")  # 6,278.93 × 0.04% × 13 = 32.650... → 32.65
    assert [i.no for i in r.installments] == list(range(2, 13))
    assert r.payoff_date_after == r.payoff_date_before == dt.date(2026, 1, 10)
    assert r.interest_before == D("680.93")  # 804.93 − 124.00
    assert r.interest_saved == r.interest_before - r.interest_after > 0


def test_equal_installment_reduce_term_keeps_the_instalment() -> None:
    r = prepay(position("equal-installment"), D("3000.00"), Strategy.REDUCE_TERM)
    assert all(i.total == D("900.41") for i in r.installments[:-1])
    assert r.installments[-1].total <= D("900.41")
    assert r.installments[0].principal == D("900.41") - D("32.65")
    assert r.payoff_date_after < r.payoff_date_before
    assert sum(i.principal for i in r.installments) == r.new_balance


def test_equal_principal_reduce_term_joins_a_small_remainder() -> None:
    # p = 833.33. Prepay so that the new balance is 2,500.50: 3 × 833.33 = 2,499.99 leaves 0.51 (< 1.00),
    # which joins the third period instead of a fourth.
    pos = position("equal-principal")
    balance = pos.balance  # 9,166.67
    accrued = pos.accrued
    amount = balance - D("2500.50") + accrued
    r = prepay(pos, amount, Strategy.REDUCE_TERM)
    assert r.new_balance == D("2500.50")
    assert [i.principal for i in r.installments] == [D("833.33"), D("833.33"), D("833.84")]


def test_equal_principal_reduce_term_keeps_a_remainder_of_one_yuan() -> None:
    pos = position("equal-principal")
    amount = pos.balance - D("2501.00") + pos.accrued
    r = prepay(pos, amount, Strategy.REDUCE_TERM)
    assert [i.principal for i in r.installments] == [D("833.33"), D("833.33"), D("833.33"), D("1.01")]


def test_equal_principal_reduce_installment_spreads_evenly() -> None:
    pos = position("equal-principal")
    r = prepay(pos, pos.accrued + D("1166.67"), Strategy.REDUCE_INSTALLMENT)  # new balance 8,000.00 over 11
    assert r.new_balance == D("8000.00")
    assert r.installments[0].principal == D("727.27")  # 8,000 / 11 = 727.2727…
    assert r.installments[-1].principal == D("8000.00") - 10 * D("727.27")


def test_interest_first_has_no_term_to_shorten() -> None:
    a = prepay(position("interest-first"), D("5000.00"), Strategy.REDUCE_INSTALLMENT)
    b = prepay(position("interest-first"), D("5000.00"), Strategy.REDUCE_TERM)
    assert a.installments == b.installments
    assert not a.strategy_matters
    assert a.installments[-1].principal == a.new_balance


def test_amount_must_exceed_accrued_interest() -> None:
    with pytest.raises(InputError) as err:
        prepay(position("equal-installment"), D("55.34"), Strategy.REDUCE_TERM)
    assert err.value.rule == "prepay_too_small"
    assert "55.34" in str(err.value)


def test_amount_at_payoff_says_settle() -> None:
    with pytest.raises(InputError) as err:
        prepay(position("equal-installment"), D("9278.93"), Strategy.REDUCE_TERM)
    assert err.value.rule == "prepay_use_settle"
    assert "¥9,278.93" in str(err.value) and "settle" in str(err.value)


@pytest.mark.parametrize("on", [dt.date(2025, 1, 10), dt.date(2026, 1, 10), dt.date(2024, 12, 1)])
def test_date_must_be_inside_the_loan(on: dt.date) -> None:
    with pytest.raises(InputError) as err:
        position_on(build_schedule(loan("equal-installment")), on)
    assert err.value.field == "on"
