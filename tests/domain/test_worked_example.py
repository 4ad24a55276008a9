"""The worked example of ../shared/domain.md, number for number (checked there by two computations)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

import pytest

from jiebei_tui.domain.apr import apr_irr, apr_simple
from jiebei_tui.domain.overdue import overdue_cost, stage
from jiebei_tui.domain.schedule import build_schedule
from jiebei_tui.domain.replay import LoanReplay
from jiebei_tui.domain.simulate import settle
from jiebei_tui.domain.product_terms import ProductTerms
from jiebei_tui.domain.terms import make_loan


def loan(method: str):
    return make_loan(principal="10000.00", daily_rate="0.0004", term=12, method=method, start="2025-01-10")


def test_equal_installment_schedule() -> None:
    s = build_schedule(loan("equal-installment"))
    first, second, last = s.installments[0], s.installments[1], s.installments[-1]
    assert s.regular_amount == D("900.41")
    assert (first.days, first.interest, first.principal, first.total) == (31, D("124.00"), D("776.41"), D("900.41"))
    assert (second.days, second.interest) == (28, D("103.30"))
    assert last.total == D("900.42")
    assert s.total_interest == D("804.93")
    assert [i.due_date.day for i in s.installments] == [10] * 12
    assert s.installments[-1].due_date == dt.date(2026, 1, 10)


def test_equal_principal_schedule() -> None:
    s = build_schedule(loan("equal-principal"))
    assert s.installments[0].total == D("957.33")
    assert s.installments[0].principal == D("833.33")
    assert s.total_interest == D("787.67")


def test_interest_first_schedule() -> None:
    s = build_schedule(loan("interest-first"))
    assert s.installments[0].interest == D("124.00")
    assert s.installments[0].principal == D("0")
    assert s.installments[-1].principal == D("10000.00")
    assert s.total_interest == D("1460.00")


def test_annualised_rates() -> None:
    s = build_schedule(loan("equal-installment"))
    assert apr_simple(D("0.0004")) == D("0.1460")
    assert apr_irr(s) == D("0.1562")


def test_settle_on_2025_02_25() -> None:
    on = dt.date(2025, 2, 25)
    result = settle(LoanReplay.inline(loan("equal-installment"), ProductTerms(), on), on)
    assert result.principal == D("9223.59")
    assert result.accrued_interest == D("55.34")
    assert result.payoff == D("9278.93")
    # interest saved = scheduled interest of instalments 2..12 (804.93 − 124.00) − accrued 55.34
    assert result.interest_saved == D("804.93") - D("124.00") - D("55.34")


def test_instalment_one_six_days_overdue() -> None:
    first = build_schedule(loan("equal-installment")).installments[0]
    cost = overdue_cost(1, first.due_date, first.principal, first.interest, D("0.0004"), 6, ProductTerms())
    assert cost.penalty_daily_rate == D("0.000600")
    assert cost.penalty_principal == D("2.80")
    assert cost.penalty_interest == D("0.45")
    assert cost.amount_to_clear == D("903.66")
    assert cost.stage == "M1"


@pytest.mark.parametrize(
    ("days", "expected"), [(0, "M0"), (1, "M1"), (30, "M1"), (31, "M2"), (60, "M2"), (61, "M3"), (90, "M3"), (91, "M3+")]
)
def test_stage_boundaries(days: int, expected: str) -> None:
    assert stage(days) == expected
