"""The Repay section's settle and prepay panels on the drawdown day, and the date they start on.

Figures hand-worked in tests/test_drawdown_day.py: 10,000 at 0.04%/day, 12 equal instalments, drawn 2026-11-29:
settled that day the payoff is the principal, 10,000.00, saving the plan's 788.61 of interest; 1,000 prepaid that
day with a smaller instalment leaves 9,000.00 over instalments 2-12 at 888.06.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from textual.widgets import Button, DataTable, Input

from jiebei_tui.tui.app import JiebeiApp
from jiebei_tui.tui.screens.repay import RepayScreen
from tests.tui.conftest import click, press, ready, settle, text

TODAY = dt.date(2026, 11, 29)
LOAN = ["--principal", "10000", "--daily-rate", "0.0004", "--term", "12", "--method", "equal-installment"]


def open_app(data_dir: Path) -> JiebeiApp:
    clock = lambda tz: dt.datetime.combine(TODAY, dt.time(12, 0), tzinfo=tz)  # noqa: E731
    return JiebeiApp(data_dir=data_dir, today=TODAY, lang="en", demo=False, reminders=False, clock=clock)


def rows(table: DataTable) -> dict[str, list[str]]:
    return {str(table.get_row_at(i)[0]): [str(c).strip() for c in table.get_row_at(i)[1:]] for i in range(table.row_count)}


async def test_a_loan_drawn_today_can_be_settled_and_prepaid_today(cli, data_dir: Path) -> None:
    assert cli("loans", "add", "--name", "New", *LOAN, "--start", "2026-11-29", today="2026-11-29").code == 0
    app = open_app(data_dir)
    async with app.run_test(size=(120, 50)) as pilot:
        await ready(pilot)
        await press(pilot, "2")
        screen = app.screen
        assert isinstance(screen, RepayScreen)
        assert screen.query_one("#settle-on", Input).value == "2026-11-29"
        figures = text(screen.query_one("#settle-figures"))
        assert "not allowed" not in figures
        assert "Payoff  ¥10,000.00" in figures and "Interest saved  ¥788.61" in figures
        assert not screen.query_one("#settle-apply", Button).disabled  # today: it can be recorded
        screen.query_one("#prepay-amount", Input).value = "1000"
        await settle(pilot)
        assert text(screen.query_one("#prepay-error")) == ""
        compare = rows(screen.query_one("#compare", DataTable))
        assert compare["Instalment 2 then asks"][1] == "¥888.06"  # the smaller instalment, on 9,000
        await click(pilot, "#settle-apply")
        assert "¥10,000.00" in text(app.screen.query_one("#message"))
        await press(pilot, "y")
    status = cli("status", "--json", today="2026-11-29").json()["loans"][0]
    assert status["paid_off"] is True


async def test_a_loan_drawn_later_starts_its_dates_on_the_drawdown_day(cli, data_dir: Path) -> None:
    """Today (2026-11-29) is before the drawdown (2026-12-05): a settlement that day would be refused, so the
    panels start on the drawdown day (a preview: it is recorded on the day it is made)."""
    assert cli("loans", "add", "--name", "Later", *LOAN, "--start", "2026-12-05", today="2026-11-29").code == 0
    app = open_app(data_dir)
    async with app.run_test(size=(120, 50)) as pilot:
        await ready(pilot)
        await press(pilot, "2")
        screen = app.screen
        assert screen.query_one("#settle-on", Input).value == screen.query_one("#prepay-on", Input).value == "2026-12-05"
        figures = text(screen.query_one("#settle-figures"))
        assert "not allowed" not in figures and "Payoff  ¥10,000.00" in figures
        assert screen.query_one("#settle-apply", Button).disabled  # a preview until that day
        assert "2026-12-05" in text(screen.query_one("#settle-why"))
        assert text(screen.query_one("#prepay-error")) == ""
        screen.query_one("#settle-on", Input).value = "2026-12-04"  # typed: kept, and refused in one sentence
        await settle(pilot)
        assert "the date must be on or after the drawdown (2026-12-05)" in text(screen.query_one("#settle-figures"))
