"""Due dates: the drawdown day, 29th-31st mapped to 25th-27th, at least 15 days to the first due date."""

from __future__ import annotations

import datetime as dt

import pytest

from jiebei_tui.domain.schedule import due_dates, repayment_day
from jiebei_tui.domain.terms import make_loan


def loan(start: str, day: int | None = None, term: int = 3):
    return make_loan(principal="1000", daily_rate="0.0005", term=term, method="equal-installment", start=start, repayment_day=day)


@pytest.mark.parametrize(("start", "day"), [("2025-01-29", 25), ("2025-01-30", 26), ("2025-01-31", 27), ("2025-01-28", 28)])
def test_month_end_drawdowns_repay_earlier(start: str, day: int) -> None:
    assert repayment_day(loan(start)) == day


def test_month_end_drawdown_first_due_is_next_month() -> None:
    # drawn 31 January → repays on the 27th; 27 Feb is 27 days later
    assert due_dates(loan("2025-01-31"))[0] == dt.date(2025, 2, 27)


def test_fewer_than_15_days_waits_a_month() -> None:
    # drawn 5 March, repayment day 15: 15 March is only 10 days away → 15 April
    assert due_dates(loan("2025-03-05", 15))[0] == dt.date(2025, 4, 15)
    # exactly 15 days is enough
    assert due_dates(loan("2025-03-01", 16))[0] == dt.date(2025, 3, 16)


def test_due_dates_cross_the_year_and_february() -> None:
    assert due_dates(loan("2025-11-28", term=4)) == [
        dt.date(2025, 12, 28), dt.date(2026, 1, 28), dt.date(2026, 2, 28), dt.date(2026, 3, 28)
    ]


def test_first_period_days_and_later_periods() -> None:
    from jiebei_tui.domain.schedule import build_schedule

    s = build_schedule(loan("2024-01-10", term=3))
    assert [i.days for i in s.installments] == [31, 29, 31]  # 2024 is a leap year
