"""Enter in a Repay field, and where Repay leaves the borrower after a recording.

Enter in the prepay amount or date, or in the settle date, does what that panel's Record button does: always
through the same confirmation, only for a value the panel accepts (a refused value keeps its sentence and
nothing opens), and, typed before the figures for it are in, once they are. After a recording the section
shows from its top with the focus on its body, as on a first visit.

The demo on 2026-11-28: the loan Repay starts on is L3 (overdue), whose terms prepay with a smaller instalment
(the illustrative default) when no strategy is named.
"""

from __future__ import annotations

import threading

import pytest
from textual.widgets import Input

from jiebei_tui.tui.screens.repay import RepayScreen
from jiebei_tui.tui.widgets.body import Body
from jiebei_tui.tui.widgets.dialog import ConfirmDialog
from tests.tui.conftest import ledger_file, press, ready, screen_text, settle, text, wait_for

SMALLER = {"en": "smaller instalment", "zh": "减少月供"}  # how the confirmation names the loan's own strategy


async def open_repay(pilot) -> RepayScreen:
    await ready(pilot)
    await press(pilot, "2")
    assert isinstance(pilot.app.screen, RepayScreen)
    assert pilot.app.selected_loan == "L3"
    return pilot.app.screen


async def into_prepay(pilot, typed: str) -> Input:
    """r, then the amount typed over what the field held."""
    await press(pilot, "r")
    field = pilot.app.screen.query_one("#prepay-amount", Input)
    assert pilot.app.screen.focused is field
    await press(pilot, "end", "ctrl+u", *typed)
    assert field.value == typed
    return field


def message(app) -> str:
    return " ".join(text(app.screen.query_one("#message")).split())


@pytest.mark.parametrize("lang", ["en", "zh"])
async def test_enter_in_the_prepay_amount_asks_first_with_the_loans_own_strategy(make_app, lang) -> None:
    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_repay(pilot)
        await into_prepay(pilot, "1500")
        await press(pilot, "enter")
        assert isinstance(app.screen, ConfirmDialog)
        assert "¥1,500.00" in message(app) and "2026-11-28" in message(app) and SMALLER[lang] in message(app)
        await press(pilot, "n")  # no: nothing recorded, back in the field
        assert isinstance(app.screen, RepayScreen) and ledger_file(app) is None
        assert app.screen.focused.id == "prepay-amount"
        await press(pilot, "enter", "y")
        event = ledger_file(app)["events"][-1]
        assert (event["kind"], event["amount"], event["strategy"], event["loan_id"]) == (
            "prepayment", "1500.00", "reduce-installment", "L3")


async def test_enter_in_the_prepay_date_and_the_settle_date_asks_first_too(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_repay(pilot)
        await into_prepay(pilot, "1500")
        await press(pilot, "tab")
        assert screen.focused.id == "prepay-on"
        await press(pilot, "enter")
        assert isinstance(app.screen, ConfirmDialog) and "¥1,500.00" in message(app)
        await press(pilot, "escape")
        screen.query_one("#settle-on", Input).focus()
        await settle(pilot)
        await press(pilot, "enter")
        assert isinstance(app.screen, ConfirmDialog)
        payoff = text(screen.query_one("#settle-figures")).split("Payoff  ")[1].split("\n")[0]
        assert payoff in message(app) and "settle" in message(app).lower()
        await press(pilot, "n")
        assert ledger_file(app) is None


@pytest.mark.parametrize("lang", ["en", "zh"])
async def test_enter_with_a_value_refused_opens_nothing_and_the_sentence_stays(make_app, lang) -> None:
    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_repay(pilot)
        field = await into_prepay(pilot, "12x")
        sentence = text(screen.query_one("#prepay-error"))
        assert '"12x"' in sentence or "“12x”" in sentence
        await press(pilot, "enter")
        assert app.screen is screen and screen.focused is field and text(screen.query_one("#prepay-error")) == sentence
        # a date to come: a preview, which says so; Enter records nothing
        await press(pilot, "end", "ctrl+u", *"1500", "tab", "end", "ctrl+u", *"2026-12-05")
        why = text(screen.query_one("#prepay-why"))
        assert "2026-12-05" in why
        await press(pilot, "enter")
        assert app.screen is screen and text(screen.query_one("#prepay-why")) == why
        # the settle date: not a date, then a date to come
        settle_on = screen.query_one("#settle-on", Input)
        settle_on.focus()
        await settle(pilot)
        await press(pilot, "end", "ctrl+u", *"2026-13-01", "enter")
        assert app.screen is screen and "2026-13-01" in text(screen.query_one("#settle-figures"))
        await press(pilot, "end", "ctrl+u", *"2026-12-05", "enter")
        assert app.screen is screen and "2026-12-05" in text(screen.query_one("#settle-why"))
        assert ledger_file(app) is None


async def test_enter_typed_before_the_figures_are_in_asks_once_they_are(make_app, monkeypatch) -> None:
    """The figures for 1500 are held back until Enter has been pressed: the confirmation opens once they come,
    naming 1500 (not the amount the field started with)."""
    from jiebei_tui.actions import repay

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_repay(pilot)
        await press(pilot, "r")
        gate, worked_out = threading.Event(), repay.prepay_options

        def held(*args, **kwargs):
            gate.wait(30)
            return worked_out(*args, **kwargs)

        monkeypatch.setattr(repay, "prepay_options", held)
        await pilot.press("end", "ctrl+u", *"1500", "enter")
        assert app.screen is screen  # nothing to confirm yet: the figures for 1500 are not in
        gate.set()
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmDialog), "the confirmation")
        await settle(pilot)
        assert "¥1,500.00" in message(app)
        await press(pilot, "n")
        assert ledger_file(app) is None


@pytest.mark.parametrize("lang", ["en", "zh"])
async def test_after_a_prepayment_repay_shows_from_its_top(make_app, lang) -> None:
    """At 80×24 the prepay panel is well below the top; once recorded, the section shows its top (the loan, what
    to pay now) with the focus on the body, and the amount starts again from the suggestion, as on a first visit
    (no error said over it): a third of the principal owed, rounded down to hundreds."""
    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_repay(pilot)
        body = screen.query_one("#body", Body)
        field = await into_prepay(pilot, "3000")
        assert body.scroll_y > 0  # the field is far down the page
        await press(pilot, "enter")
        assert ("New balance ¥6,3" if lang == "en" else "新剩余本金 ¥6,3") in message(app)  # a third: 2,1xx
        await press(pilot, "y")
        assert ledger_file(app)["events"][-1]["amount"] == "3000.00"
        assert body.scroll_y == 0 and screen.focused is body
        shown = screen_text(app)
        assert ("Pay the current instalment" if lang == "en" else "还当期") in shown  # L3 is no longer overdue
        assert field.value == "2100" and text(screen.query_one("#prepay-error")) == ""


async def test_after_a_settlement_repay_shows_the_loan_is_paid_off(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_repay(pilot)
        body = screen.query_one("#body", Body)
        await press(pilot, "s")  # its Record button, brought into view below the pay panel
        assert isinstance(app.screen, ConfirmDialog) and body.scroll_y > 0
        await press(pilot, "y")
        assert ledger_file(app)["events"][-1]["kind"] == "settlement"
        assert body.scroll_y == 0 and screen.focused is body
        assert "Loan L3 is paid off" in screen_text(app)


async def test_a_date_refused_while_the_figures_of_the_one_before_are_coming_keeps_its_sentence(make_app, monkeypatch) -> None:
    """2026-11-29 typed (its figures held back), then 2026-11-29x: the figures for 11-29, coming after, are not
    shown over the sentence, and Enter records nothing."""
    from jiebei_tui.actions import repay

    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_repay(pilot)
        gate = threading.Event()
        for name in ("settle_preview", "prepay_options"):
            worked_out = getattr(repay, name)

            def held(*args, _worked_out=worked_out, **kwargs):
                gate.wait(30)
                return _worked_out(*args, **kwargs)

            monkeypatch.setattr(repay, name, held)
        for field_id, said in (("#settle-on", "#settle-figures"), ("#prepay-on", "#prepay-error")):
            screen.query_one(field_id, Input).focus()
            await wait_for(pilot, lambda: screen.focused.id == field_id[1:], field_id)
            await pilot.press("end", "ctrl+u", *"2026-11-29", "x", "enter")
            gate.set()
            await settle(pilot)
            gate.clear()
            assert app.screen is screen and "2026-11-29x" in text(screen.query_one(said)), field_id
        assert ledger_file(app) is None
