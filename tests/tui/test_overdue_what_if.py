"""Overdue says whether the days shown are the instalment's own today or a what-if: the section opens at the loan's
real days late (marked "◀ you" below), and nothing said that other days are only tried out, nothing recorded."""

from __future__ import annotations

import pytest

from jiebei_tui.tui.screens.overdue import DaysInput
from tests.tui.conftest import press, ready, select_loan, text

SAID = {
    "en": ("6 days late is where this instalment is today; ←/→ try others.",
           "What if it were 9 days late (today: 6)? Nothing is recorded.",
           "What if it were 9 days late? It falls due 2026-12-01; nothing is recorded."),
    "zh": ("这期今天实际逾期 6 天；按 ←/→ 试试其他天数。",
           "假如逾期 9 天（今天实际 6 天）：仅为推算，不会记录。",
           "假如逾期 9 天（该期 2026-12-01 到期）：仅为推算，不会记录。"),
}


@pytest.mark.parametrize("lang", ["en", "zh"])
async def test_the_days_field_says_today_or_what_if(make_app, lang) -> None:
    today, what_if, not_due = SAID[lang]
    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await press(pilot, "4")  # the demo's L3: instalment 2, 6 days late
        note = app.screen.query_one("#days-note")
        assert app.screen.query_one(DaysInput).value == "6" and text(note) == today
        await press(pilot, "right", "right", "right")
        assert text(note) == what_if
        await press(pilot, "left", "left", "left")
        assert text(note) == today
        await select_loan(pilot, "L2")  # instalment 1 falls due 2026-12-01: not late yet
        await press(pilot, "4")
        app.screen.query_one(DaysInput).value = "9"
        await press(pilot)
        assert text(app.screen.query_one("#days-note")) == not_due
