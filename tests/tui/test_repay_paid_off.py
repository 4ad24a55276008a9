"""Repay with a paid-off loan picked: one line saying so, no options (an empty Amount with its error, Record
buttons that could record nothing), the option keys dimmed; another loan picked brings its options back."""

from __future__ import annotations

from textual.widgets import Input, Select

from jiebei_tui.tui.screens.add_loan import AddLoanScreen
from jiebei_tui.tui.screens.repay import RepayScreen
from tests.tui.conftest import ledger_file, press, ready, screen_text, settle, text


def enabled_keys(app) -> dict[str, bool]:
    bar = app.screen.query_one("KeyBar")
    return {keys: on for keys, _words, _press, on in bar.shown(bar.size.width)}


async def add_loan(pilot, name: str, principal: str) -> None:
    """A loan drawn today through the Add loan form, over 12 months at 0.04% a day."""
    await press(pilot, "a")
    form = pilot.app.screen
    assert isinstance(form, AddLoanScreen)
    for field, value in (("name", name), ("principal", principal), ("daily_rate", "0.0004"), ("term", "12")):
        form.query_one(f"#{field}", Input).value = value
    await settle(pilot)
    form.query_one("#term", Input).focus()
    await press(pilot, "enter")


async def test_a_settled_loan_on_repay_says_it_is_paid_off_and_offers_nothing_dead(make_app) -> None:
    app = make_app(demo=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await press(pilot, "2")
        screen = app.screen
        assert isinstance(screen, RepayScreen)
        await add_loan(pilot, "Laptop", "10000")
        await press(pilot, "s", "y")  # settled on the drawdown day: ¥10,000.00, no interest yet
        assert app.screen is screen and app.states[0].paid_off
        assert text(screen.query_one("#paid-off")) == "Loan L1 is paid off: nothing to pay, settle or prepay."
        shown = screen_text(app)
        assert "L1 · Laptop" in shown  # the picker stays: another loan can be picked
        for dead in ("Record", "an amount must be", "Shorter term", "Amount (¥)", "Settle everything",
                     "Pay the current instalment", "Auto-debit", "not allowed"):
            assert dead not in shown, dead
        keys = enabled_keys(app)
        assert not any(keys[k] for k in ("p", "s", "r", "f"))
        written = ledger_file(app)
        await press(pilot, "p", "s", "r", "f")  # dimmed: nothing opens, nothing is focused, nothing written
        assert app.screen is screen and not isinstance(screen.focused, Input)
        assert ledger_file(app) == written

        await add_loan(pilot, "Phone", "3000")  # a second loan, then the settled one picked again
        assert app.screen is screen
        screen.query_one("#loan", Select).value = "L1"
        await settle(pilot)
        assert text(screen.query_one("#paid-off")) == "Loan L1 is paid off: nothing to pay, settle or prepay."
        screen.query_one("#loan", Select).value = "L2"  # an open loan: its options, filled
        await settle(pilot)
        assert not screen.query_one("#paid-off").display
        shown = screen_text(app)
        assert "Settle everything" in shown and "Record" in shown and "an amount must be" not in shown
        assert "Payoff  ¥3,000.00" in text(screen.query_one("#settle-figures"))  # drawn today: the principal
        # the prepay amount starts at about a third of the principal owed: 3000 / 3 = 1000
        assert screen.query_one("#prepay-amount", Input).value == "1000"
        assert all(enabled_keys(app)[k] for k in ("p", "s", "r", "f"))


async def test_a_settled_loan_on_repay_says_so_in_chinese(make_app) -> None:
    app = make_app(lang="zh", demo=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await press(pilot, "2")
        await add_loan(pilot, "Laptop", "10000")
        await press(pilot, "s", "y")
        assert text(app.screen.query_one("#paid-off")) == "借款 L1 已结清：无需还款、结清或提前还款。"
        assert "记录…" not in screen_text(app)
