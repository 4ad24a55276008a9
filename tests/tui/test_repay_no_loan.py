"""Repay with no loan yet: one line saying so and which key adds one, no dead controls, the option keys dimmed;
a loan added brings the options back, filled, without leaving the section."""

from __future__ import annotations

from textual.widgets import Input

from jiebei_tui.tui.screens.add_loan import AddLoanScreen
from jiebei_tui.tui.screens.repay import RepayScreen
from tests.tui.conftest import ledger_file, press, ready, screen_text, settle, text


def enabled_keys(app) -> dict[str, bool]:
    bar = app.screen.query_one("KeyBar")
    return {keys: on for keys, _words, _press, on in bar.shown(bar.size.width)}


async def test_with_no_loan_repay_says_what_to_do_first_and_offers_nothing_dead(make_app) -> None:
    app = make_app(demo=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await press(pilot, "2")
        screen = app.screen
        assert isinstance(screen, RepayScreen)
        assert text(screen.query_one("#need-loans")) == "Nothing to repay yet: add a loan (a), then pay, settle or prepay it here."
        shown = screen_text(app)
        # no panel, field or Record button that would do nothing
        for dead in ("Record", "Pay the current instalment", "Settle everything", "Prepay part", "Amount (¥)",
                     "Choose a loan", "Auto-debit"):
            assert dead not in shown, dead
        keys = enabled_keys(app)
        assert not any(keys[k] for k in ("p", "s", "r", "f")) and keys["a"] is True
        await press(pilot, "p", "s", "r", "f")  # dimmed: nothing happens, nothing is focused, nothing written
        assert app.screen is screen and not isinstance(screen.focused, Input)  # "r" put the cursor in a hidden field
        assert ledger_file(app) is None

        await press(pilot, "a")  # a loan drawn today: 10000 over 12 months
        form = app.screen
        assert isinstance(form, AddLoanScreen)
        for field, value in (("name", "Laptop"), ("principal", "10000"), ("daily_rate", "0.0004"), ("term", "12")):
            form.query_one(f"#{field}", Input).value = value
        await settle(pilot)
        form.query_one("#term", Input).focus()
        await press(pilot, "enter")
        assert app.screen is screen  # still on Repay, now with the loan's options
        assert text(screen.query_one("#need-loans")) == "" and not screen.query_one("#need-loans").display
        shown = screen_text(app)
        assert "Settle everything" in shown and "Record" in shown
        # settling on the drawdown day: the principal, no interest yet (0 days at 0.04%)
        figures = text(screen.query_one("#settle-figures"))
        assert "¥10,000.00" in figures and "Interest accrued to the day  ¥0.00" in figures
        assert "Payoff  ¥10,000.00" in figures
        # the prepay amount starts at about a third of the principal owed: 10000 / 3 = 3333 → 3300
        assert screen.query_one("#prepay-amount", Input).value == "3300"
        keys = enabled_keys(app)
        assert all(keys[k] for k in ("p", "s", "r", "f"))

        await press(pilot, "u", "y")  # undoing the add: no loan again, and Repay says so again
        assert app.screen is screen and app.states == []
        assert text(screen.query_one("#need-loans")) == "Nothing to repay yet: add a loan (a), then pay, settle or prepay it here."
        assert "Record" not in screen_text(app) and not enabled_keys(app)["p"]


async def test_with_no_loan_repay_says_so_in_chinese(make_app) -> None:
    app = make_app(lang="zh", demo=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await press(pilot, "2")
        assert text(app.screen.query_one("#need-loans")) == "暂无可还的借款：请先添加一笔（按 a），再在这里还款、结清或提前还款。"
        assert "记录…" not in screen_text(app)  # no Record button (the key bar's 记录还款 is dimmed)
