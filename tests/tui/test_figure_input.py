"""Figure fields (amounts, dates, days, times) show what a Chinese input method types in ASCII as it is typed:
`１，０００．５０` is `1,000.50` in the field (two cells a character would scroll out of a narrow field), and the
figure worked out is the one typing ASCII gives. A name keeps its full-width characters."""

from __future__ import annotations

from decimal import Decimal

from textual import events
from textual.keys import _character_to_key
from textual.widgets import DataTable, Input

from jiebei_tui.tui.screens.add_loan import AddLoanScreen
from jiebei_tui.tui.screens.modals import PayModal
from jiebei_tui.tui.screens.rule_form import RuleForm
from jiebei_tui.tui.widgets.figure import FigureInput, ascii_form
from tests.tui.conftest import click, ledger_file, palette, press, ready, screen_text, select_loan, settle, text


def table(screen, selector: str) -> list[list[str]]:
    rows = screen.query_one(selector, DataTable)
    return [[str(c) for c in rows.get_row_at(i)] for i in range(rows.row_count)]


async def type_into(pilot, selector: str, typed: str, clear: bool = True) -> Input:
    """Focus the field (emptied first, unless `clear` is False) and type `typed` key by key, as an input method
    hands over what it composed."""
    field = pilot.app.screen.query_one(selector, Input)
    field.scroll_visible(animate=False)
    field.focus()
    if clear:
        field.value = ""
    await settle(pilot)
    await type_keys(pilot, typed)
    return field


async def type_keys(pilot, typed: str) -> None:
    """Each character as a key, as the terminal's driver sends it (Pilot's `press` gives full-width punctuation
    such as ，no character, so it would type nothing)."""
    for character in typed:
        pilot.app.post_message(events.Key(_character_to_key(character), character))
        await settle(pilot)


def test_the_ascii_form_is_one_character_for_one() -> None:
    assert ascii_form("１，０００．５０") == "1,000.50"
    assert ascii_form("２０２６－１２－０５\u3000２２：３０") == "2026-12-05 22:30"
    assert ascii_form("＋－％／ＡＺａｚ～！") == "+-%/AZaz~!"
    # not full-width ASCII forms: left as typed (the parsers do not read 。 as a point, so the field does not)
    assert ascii_form("１。５ ¥ ￥ 、 ３") == "1。5 ¥ ￥ 、 3"


async def test_a_full_width_prepayment_shows_in_ascii_on_a_small_terminal(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await select_loan(pilot, "L1")
        await press(pilot, "2")
        screen = app.screen
        field = await type_into(pilot, "#prepay-amount", "１，０００．５０")
        assert isinstance(field, FigureInput)
        assert field.value == "1,000.50" and field.cursor_position == 8
        assert "1,000.50" in screen_text(app)  # the whole figure in view in the 12-cell field
        typed_full_width = table(screen, "#compare")
        assert screen._prepay[next(iter(screen._prepay))].amount == Decimal("1000.50")
        await type_into(pilot, "#prepay-amount", "1,000.50")
        assert table(screen, "#compare") == typed_full_width
        # typed in the middle: the cursor stays after what was typed (1,000.50 → 1,0009.50 → 1,00099.50: refused,
        # but kept as typed)
        await press(pilot, "left", "left", "left")
        await type_keys(pilot, "９")
        assert field.value == "1,0009.50" and field.cursor_position == 6
        await type_keys(pilot, "９")
        assert field.value == "1,00099.50" and field.cursor_position == 7


async def test_a_full_width_new_loan_is_the_ascii_one_and_its_name_stays_full_width(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await press(pilot, "a")
        form = app.screen
        assert isinstance(form, AddLoanScreen)
        name = await type_into(pilot, "#name", "Ｍｉｎｅ")
        assert not isinstance(name, FigureInput) and name.value == "Ｍｉｎｅ"  # a name may be written in full-width letters
        for selector, typed in (("#principal", "６０００"), ("#daily_rate", "０．０００３"), ("#term", "６")):
            await type_into(pilot, selector, typed)
        assert [form.query_one(f"#{f}", Input).value for f in ("principal", "daily_rate", "term")] == ["6000", "0.0003", "6"]
        assert all(text(form.query_one(f"#{f}-error")) == "" for f in ("principal", "daily_rate", "term"))
        full_width_preview = table(form, "#preview")
        assert full_width_preview  # all fields pass: the schedule is shown
        for selector, typed in (("#principal", "6000"), ("#daily_rate", "0.0003"), ("#term", "6")):
            await type_into(pilot, selector, typed)
        assert table(form, "#preview") == full_width_preview
        await press(pilot, "enter")
        loan = ledger_file(app)["loans"][-1]
        assert (loan["name"], loan["principal"], loan["daily_rate"], loan["term"]) == ("Ｍｉｎｅ", "6000.00", "0.0003", 6)


async def test_full_width_days_late_on_the_overdue_screen(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await press(pilot, "4")
        screen = app.screen
        days = await type_into(pilot, "#days", "３１")
        assert days.value == "31"
        assert "31 days late" in text(screen.query_one("#figures-title"))
        assert "Stage  M2" in text(screen.query_one("#figures"))  # as test_app's 31 typed in ASCII
        await press(pilot, "right")  # the arrows step the ASCII figure
        assert days.value == "32"


async def test_a_full_width_reminder_time_is_saved_as_typed_in_ascii(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await press(pilot, "3")
        await press(pilot, "n")
        form = app.screen
        assert isinstance(form, RuleForm)
        time = await type_into(pilot, "#time", "０７：４５")
        offset = await type_into(pilot, "#offset", "－５")
        assert (time.value, offset.value) == ("07:45", "-5")
        assert text(form.query_one("#error")) == ""
        await click(pilot, "#save")
        rule = ledger_file(app)["settings"]["reminders"]["rules"][-1]
        assert (rule["offset_days"], rule["time"]) == (-5, "07:45")


async def test_full_width_quiet_hours_show_in_ascii_and_save(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 50)) as pilot:
        await ready(pilot)
        await press(pilot, "3")
        quiet = await type_into(pilot, "#quiet", "２３：００－０７：００")
        assert quiet.value == "23:00-07:00"
        await press(pilot, "enter")
        saved = ledger_file(app)["settings"]["reminders"]
        assert (saved["quiet_start"], saved["quiet_end"]) == ("23:00", "07:00")
        assert text(app.screen.query_one("#quiet-error")) == ""


async def test_a_pasted_full_width_amount_shows_in_ascii(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await press(pilot, "p")
        modal = app.screen
        assert isinstance(modal, PayModal)
        amount = modal.query_one("#amount", Input)
        amount.focus()
        amount.select_all()  # the prefilled amount, replaced by what is pasted (a terminal's bracketed paste)
        amount.post_message(events.Paste("１００．２０\n"))
        await settle(pilot)
        assert amount.value == "100.20" and amount.cursor_position == 6
        app.copy_to_clipboard("\u3000５")  # the app's own clipboard (ctrl+v in a field)
        amount.action_paste()
        await settle(pilot)
        assert amount.value == "100.20 5"


async def test_a_full_width_figure_is_kept_across_a_language_switch(make_app) -> None:
    app = make_app(lang="en")
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await press(pilot, "a")
        form = app.screen
        await type_into(pilot, "#principal", "１２３４")
        await palette(pilot, "Language")
        assert form.query_one("#principal", Input).value == "1234"
        assert isinstance(form.query_one("#principal", Input), FigureInput)
        assert "本金（元）" in screen_text(app)
