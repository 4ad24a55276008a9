"""Way back with no loan open: one line saying what to do (with no loan at all, which key adds one), no budget
plan or request to fill in, their keys dimmed; with no loan at all no contact buttons either. The rules and the
credit record stay. A loan added brings everything back, without leaving the section."""

from __future__ import annotations

from textual.widgets import Input

from jiebei_tui.tui.screens.way_back import WayBackScreen
from tests.tui.conftest import ledger_file, press, ready, screen_text, text
from tests.tui.test_repay_paid_off import add_loan, enabled_keys

NEED = "Nothing to plan yet: add a loan (a), then plan here what you can pay and what to ask the lender."


async def test_with_no_loan_way_back_says_what_to_do_first_and_offers_nothing_dead(make_app) -> None:
    app = make_app(demo=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await press(pilot, "6")
        screen = app.screen
        assert isinstance(screen, WayBackScreen)
        assert text(screen.query_one("#need-loans")) == NEED
        shown = screen_text(app)
        for dead in ("Monthly budget", "Choose a loan", "What to ask the lender", "Letter…", "Add contact…",
                     "No loan is open"):
            assert dead not in shown, dead
        assert "Collection contacts" in shown  # the rules a contact is checked against hold for any loan
        keys = enabled_keys(app)
        assert not any(keys[k] for k in ("b", "l", "r", "n", "x", "e")) and keys["a"] is True
        await press(pilot, "b", "l", "r", "n", "x", "e")  # dimmed: nothing opens, nothing is focused or written
        assert app.screen is screen and not isinstance(screen.focused, Input)
        assert ledger_file(app) is None

        await add_loan(pilot, "Laptop", "10000")
        assert app.screen is screen  # still on Way back, now with the plan and the request
        assert not screen.query_one("#need-loans").display
        shown = screen_text(app)
        assert "Monthly budget" in shown and "What to ask the lender" in shown and "L1 · Laptop" in shown
        assert all(enabled_keys(app)[k] for k in ("b", "l", "r", "n", "e"))

        await press(pilot, "2", "s", "y", "6")  # the loan settled: nothing to plan, contacts still recordable
        assert app.screen is screen and app.states[0].paid_off
        assert text(screen.query_one("#need-loans")) == "Every loan is paid off: nothing to plan or ask the lender."
        shown = screen_text(app)
        assert "Monthly budget" not in shown and "Choose a loan" not in shown and "Add contact…" in shown
        keys = enabled_keys(app)
        assert not any(keys[k] for k in ("b", "l", "r")) and keys["n"] is True
        written = ledger_file(app)
        await press(pilot, "b", "l", "r")
        assert app.screen is screen and not isinstance(screen.focused, Input) and ledger_file(app) == written


async def test_with_no_loan_way_back_says_so_in_chinese(make_app) -> None:
    app = make_app(lang="zh", demo=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await press(pilot, "6")
        assert text(app.screen.query_one("#need-loans")) == (
            "暂无可计划的借款：请先添加一笔（按 a），再在这里计划每月能还多少、向贷款机构申请什么。")
        assert "每月预算" not in screen_text(app)
