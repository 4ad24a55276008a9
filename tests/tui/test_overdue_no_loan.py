"""Overdue with no loan yet: one line saying what to do first, no dead pickers, days field or empty chart, ←/→
dimmed; what holds for any loan (the stages, the rules, the terms) stays. A loan added brings the figures back,
without leaving the section."""

from __future__ import annotations

from textual.widgets import Input

from jiebei_tui.tui.screens.overdue import OverdueScreen
from tests.tui.conftest import ledger_file, press, ready, screen_text, text
from tests.tui.test_repay_paid_off import add_loan, enabled_keys


async def test_with_no_loan_overdue_says_what_to_do_first_and_keeps_what_holds_for_any_loan(make_app) -> None:
    app = make_app(demo=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await press(pilot, "4")
        screen = app.screen
        assert isinstance(screen, OverdueScreen)
        said = "Nothing to work out yet: add a loan (a), then see here what paying it late would cost."
        assert text(screen.query_one("#need-loans")) == said
        shown = screen_text(app)
        for dead in ("Choose a loan", "Choose an instalment", "Days late ←/→", "Amount to clear by days late",
                     "No unpaid loan"):
            assert dead not in shown, dead
        assert "What typically happens" in shown  # the stages hold for any loan, each with its words
        assert "M0   On time." in shown and "M3+  Over 90 days late." in shown
        keys = enabled_keys(app)
        assert keys["←/→"] is False and keys["a"] is True
        await press(pilot, "left", "right", "right")  # dimmed: the hidden field is not stepped, nothing written
        assert screen.query_one("#days", Input).value == "6"
        assert ledger_file(app) is None

        await add_loan(pilot, "Laptop", "10000")
        assert app.screen is screen  # still on Overdue, now with the loan's figures
        assert not screen.query_one("#need-loans").display
        shown = screen_text(app)
        assert "L1 · Laptop" in shown and "Days late ←/→" in shown and "Amount to clear by days late" in shown
        # instalment 1 (due 2026-12-28), 6 days late: the figures are worked out for it
        assert text(screen.query_one("#figures-title")).startswith("Instalment 1 due 2026-12-28, 6 days late")
        assert enabled_keys(app)["←/→"] is True
        await press(pilot, "right")
        assert screen.query_one("#days", Input).value == "7"

        await press(pilot, "u", "y")  # the add undone: no loan again, and Overdue says so again
        assert app.states == [] and text(screen.query_one("#need-loans")) == said
        assert "Choose a loan" not in screen_text(app)


async def test_with_no_loan_overdue_says_so_in_chinese(make_app) -> None:
    app = make_app(lang="zh", demo=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await press(pilot, "4")
        assert text(app.screen.query_one("#need-loans")) == (
            "暂无可计算的借款：请先添加一笔（按 a），再在这里查看逾期还款要多付多少。")
        assert "逾期天数 ←/→" not in screen_text(app)  # the field (the key bar's ←/→ 逾期天数 is dimmed)
