"""A loan far behind (M6+): the Overdue section opens on the loan's own days late and works them out."""

from __future__ import annotations

import datetime as dt

from jiebei_tui.cli import main
from jiebei_tui.tui.screens.overdue import DaysInput
from tests.tui.conftest import TODAY, press, ready, screen_text, select_loan


async def test_a_loan_far_behind_shows_its_own_days_late(make_app) -> None:
    """200 days late: the days field stopped at 120, and the section opened on a refusal of the loan's own
    figure."""
    app = make_app(demo=False)
    start = (TODAY - dt.timedelta(days=230)).isoformat()  # instalment 1 falls due about 30 days after the start
    assert main(["--data-dir", str(app.account.data_dir), "--today", TODAY.isoformat(), "loans", "add", "--name",
                 "Far behind", "--principal", "6000", "--daily-rate", "0.0004", "--term", "12", "--method", "equal-installment", "--start", start]) == 0
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await select_loan(pilot, "L1")
        days = app.state_of("L1").days_overdue
        assert days > 120
        await press(pilot, "4")
        assert app.screen.query_one(DaysInput).value == str(days)
        shown = screen_text(app)
        assert "not allowed" not in shown and f"{days} days late" in shown
