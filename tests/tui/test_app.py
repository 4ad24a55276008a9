"""Every flow of the terminal app, asserting what the user sees and what the file holds."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from textual.color import Color
from textual.widgets import Button, DataTable, Input, Select, Static

from jiebei_tui.cli import main
from jiebei_tui.tui.screens.add_loan import AddLoanScreen
from jiebei_tui.tui.screens.help import HelpScreen
from jiebei_tui.tui.screens.modals import ConfirmModal, PayModal
from jiebei_tui.tui.screens.overdue import OverdueScreen
from jiebei_tui.tui.screens.plan import PlanScreen
from jiebei_tui.tui.screens.recover import RecoveryScreen
from jiebei_tui.tui.screens.reminders import RemindersScreen
from jiebei_tui.tui.screens.repay import RepayScreen
from jiebei_tui.tui.screens.status import StatusScreen
from tests.tui.conftest import settle, TODAY, click, ledger_file, palette, press, ready, select_loan, text


def banner(app) -> str:
    return text(app.screen.query_one("#banner"))


def rows(app) -> list[list[str]]:
    table = app.screen.query_one("#loans", DataTable)
    return [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]


async def test_launch_on_demo_data_shows_the_overdue_banner(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await settle(pilot)
        assert isinstance(app.screen, StatusScreen)
        assert "OVERDUE" in banner(app) and "6 days late (M1)" in banner(app) and "¥900.20" in banner(app)
        assert "about +¥0.54 a day" in banner(app)  # (783.10 + 113.87) × 0.06% = 0.538182
        assert app.screen.query_one("#banner").has_class("-overdue")
        assert [r[0] for r in rows(app)] == ["L1", "L2", "L3"]
        assert "overdue M1" in rows(app)[2][2] and "due soon" in rows(app)[1][2]
        assert "DEMO" in app.sub_title
        assert any("demo data" in n.message for n in app._notifications)
        # the most urgent loan is selected, its schedule shown with the overdue instalment marked
        assert "Rent gap" in text(app.screen.query_one("#schedule-title"))
        schedule = app.screen.query_one("#schedule", DataTable)
        assert "overdue 6d" in str(schedule.get_row_at(1)[-1])
        assert ledger_file(app) is None  # the demo is not written until something changes


async def test_sections_switch_by_key(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        for key, screen in (("2", RepayScreen), ("4", OverdueScreen), ("3", RemindersScreen), ("5", PlanScreen),
                            ("1", StatusScreen)):
            await pilot.press(key)
            await settle(pilot)
            assert isinstance(app.screen, screen), key
            assert "OVERDUE" in banner(app)  # the banner is on every section


async def test_sections_switch_by_palette(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await palette(pilot, "Section: Overdue")
        assert isinstance(app.screen, OverdueScreen)


async def test_add_a_loan_invalid_then_valid(make_app) -> None:
    app = make_app(demo=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        assert "No loans yet" in banner(app)
        await pilot.press("a")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, AddLoanScreen)
        form.query_one("#name", Input).value = "Laptop"
        form.query_one("#principal", Input).value = "0"
        form.query_one("#daily_rate", Input).value = "0.4%"  # 0.04% is allowed (a percentage); 0.4% a day is over the limit
        await settle(pilot)
        assert "Principal (¥)" in text(form.query_one("#principal-error")) and "more than 0" in text(form.query_one("#principal-error"))
        assert "0.0004" in text(form.query_one("#daily_rate-error"))
        assert form.query_one("#save", Button).disabled
        form.query_one("#principal", Input).value = "10000"
        form.query_one("#daily_rate", Input).value = "0.0004"
        form.query_one("#term", Input).value = "12"
        form.query_one("#start", Input).value = "2025-01-10"
        await settle(pilot)
        assert text(form.query_one("#principal-error")) == ""
        preview = form.query_one("#preview", DataTable)
        assert preview.row_count == 3
        first = [str(c) for c in preview.get_row_at(0)]
        assert first[1] == "2025-02-10" and first[-1] == "¥900.41"  # the worked example
        assert ledger_file(app) is None  # nothing saved while typing
        form.query_one("#term", Input).focus()
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, StatusScreen)
        data = ledger_file(app)
        assert [loan["name"] for loan in data["loans"]] == ["Laptop"]
        assert data["loans"][0]["principal"] == "10000" or Decimal(data["loans"][0]["principal"]) == 10000
        assert rows(app)[0][1] == "Laptop"


async def test_the_first_own_loan_replaces_the_demo_and_says_so(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await pilot.press("a")
        await settle(pilot)
        form = app.screen
        for field, value in (("name", "Mine"), ("principal", "6000"), ("daily_rate", "0.0003"), ("term", "6")):
            form.query_one(f"#{field}", Input).value = value
        await settle(pilot)
        form.query_one("#term", Input).focus()
        await pilot.press("enter")
        await settle(pilot)
        assert [loan["name"] for loan in ledger_file(app)["loans"]] == ["Mine"] and not ledger_file(app)["demo"]
        shown = [n.message for n in app._notifications]
        assert any("demo loans were removed" in m for m in shown)
        assert not any("demo data" in m for m in shown)  # the first run's notice went with the demo
        assert "DEMO" not in app.sub_title


async def test_record_a_repayment_and_see_the_status_change(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await pilot.press("p")
        await settle(pilot)
        modal = app.screen
        assert isinstance(modal, PayModal)
        assert modal.query_one("#amount", Input).value == "900.20"
        assert modal.query_one("#date", Input).value == TODAY.isoformat()
        modal.query_one("#amount", Input).value = "0"
        await settle(pilot)
        assert "more than 0" in text(modal.query_one("#error")) and modal.query_one("#record", Button).disabled
        modal.query_one("#amount", Input).value = "900.20"
        await settle(pilot)
        await click(pilot, "#record")
        assert isinstance(app.screen, ConfirmModal)  # nothing is recorded without a confirmation
        assert ledger_file(app) is None
        message = text(app.screen.query_one("#message"))
        assert "¥900.20" in message and "2026-11-28" in message and "Rent gap" in message
        await click(pilot, "#yes")
        assert isinstance(app.screen, StatusScreen)
        events = ledger_file(app)["events"]
        assert events[-1]["kind"] == "repayment" and events[-1]["amount"] == "900.20" and events[-1]["loan_id"] == "L3"
        assert "overdue" not in rows(app)[2][2]
        assert "OVERDUE" not in banner(app) and "DUE IN 3 DAYS" in banner(app)


async def test_prepay_through_confirmation(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 50)) as pilot:
        await ready(pilot)
        await select_loan(pilot, "L1")
        await pilot.press("2")
        await settle(pilot)
        screen = app.screen
        screen.query_one("#prepay-amount", Input).value = "1000"
        await settle(pilot)
        compare = screen.query_one("#compare", DataTable)
        saved_row = [str(c) for c in compare.get_row_at(3)]
        assert saved_row[0] == "Interest saved"
        term_result = screen._prepay[next(iter(screen._prepay))]
        assert term_result.amount == Decimal("1000")
        await click(pilot, "#apply-term")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmModal)
        message = text(app.screen.query_one("#message"))
        assert "¥1,000.00" in message and "2026-11-28" in message and "Fridge" in message and "shorter term" in message
        # where it goes, as the panel says it: the running instalment first, only the rest prepays principal
        split = " ".join(text(screen.query_one("#prepay-split")).split())
        assert split.startswith("Of ¥1,000.00: ") and "completes instalment" in split and "prepays principal" in split
        assert split.split(" Instalment")[0] in " ".join(message.split())
        await click(pilot, "#yes")
        await settle(pilot)
        event = ledger_file(app)["events"][-1]
        assert (event["kind"], event["amount"], event["strategy"], event["loan_id"]) == ("prepayment", "1000.00", "reduce-term", "L1")
        await pilot.press("1")
        await settle(pilot)
        assert rows(app)[0][3] != "¥5,030.22"  # outstanding principal fell


async def test_settle_through_confirmation(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 50)) as pilot:
        await ready(pilot)
        await select_loan(pilot, "L1")
        await pilot.press("2")
        await settle(pilot)
        figures = text(app.screen.query_one("#settle-figures"))
        assert "Payoff  ¥5,052.86" in figures  # 5,030.22 + 5,030.22 × 0.03% × 15 days (22.64)
        await click(pilot, "#settle-apply")
        await settle(pilot)
        assert "¥5,052.86" in text(app.screen.query_one("#message"))
        await click(pilot, "#yes")
        await settle(pilot)
        assert ledger_file(app)["events"][-1]["kind"] == "settlement"
        await pilot.press("1")
        await settle(pilot)
        assert "paid off" in rows(app)[0][2]


async def test_cancelled_confirmation_writes_nothing(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 50)) as pilot:
        await ready(pilot)
        await pilot.press("2")
        await settle(pilot)
        await click(pilot, "#settle-apply")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmModal)
        await click(pilot, "#no")
        await settle(pilot)
        assert isinstance(app.screen, RepayScreen)
        assert ledger_file(app) is None
        await click(pilot, "#pay-apply")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert ledger_file(app) is None


async def test_formula_toggle_shows_the_numbers(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 50)) as pilot:
        await ready(pilot)
        await select_loan(pilot, "L1")
        await pilot.press("2")
        await settle(pilot)
        formula = app.screen.query_one("#settle-formula", Static)
        assert not formula.display
        await pilot.press("escape", "f")
        await settle(pilot)
        assert formula.display
        assert "¥5,030.22 × 0.03% × 15 days = ¥22.64" in text(formula)


async def test_change_days_late_on_the_overdue_screen(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await pilot.press("4")
        await settle(pilot)
        screen = app.screen
        assert screen.query_one("#days", Input).value == "6"
        assert "Amount to clear  ¥900.20" in text(screen.query_one("#figures"))
        assert "¥783.10 × 0.06% × 6 days = ¥2.82" in text(screen.query_one("#formula"))
        await pilot.press("escape", "right")
        await settle(pilot)
        assert screen.query_one("#days", Input).value == "7"
        assert "7 days late" in text(screen.query_one("#figures-title"))
        screen.query_one("#days", Input).value = "31"
        await settle(pilot)
        assert "Stage  M2" in text(screen.query_one("#figures"))
        assert "◀ you" in text(screen.query_one("#stage-2")) and "◀ you" not in text(screen.query_one("#stage-1"))
        screen.query_one("#days", Input).value = "3651"
        await settle(pilot)
        assert "0 to 3650" in text(screen.query_one("#figures"))


async def test_contract_terms_are_edited_and_saved(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 60)) as pilot:
        await ready(pilot)
        await pilot.press("4")
        await settle(pilot)
        screen = app.screen
        screen.query_one("#grace", Input).value = "40"
        await click(pilot, "#save-terms")
        await settle(pilot)
        assert "0 to 30" in text(screen.query_one("#grace-error"))  # said under the field, not twice
        assert text(screen.query_one("#terms-error")) == ""
        assert ledger_file(app) is None
        screen.query_one("#grace", Input).value = "7"
        await click(pilot, "#save-terms")
        await settle(pilot)
        terms = ledger_file(app)["terms"]
        assert terms["grace_days"] == 7 and terms["illustrative"] is False
        assert "Penalty in all  ¥0.00" in text(screen.query_one("#figures"))  # 6 days is within 7 grace days


async def type_over(pilot, selector: str, typed: str) -> None:
    """Empty a field and type into it key by key, as a user does."""
    field = pilot.app.screen.query_one(selector, Input)
    field.focus()
    field.value = ""
    await pilot.press(*typed)
    await settle(pilot)


async def test_contract_terms_say_what_is_wrong_as_typed(make_app) -> None:
    # The terms were checked only when Save was pressed; every other form says a field's problem as it is typed.
    app = make_app()
    async with app.run_test(size=(120, 60)) as pilot:
        await ready(pilot)
        await press(pilot, "4")
        screen = app.screen
        problems = {field: screen.query_one(f"#{field}-error") for field in ("multiplier", "grace", "min-prepayment", "fee")}
        assert all(text(p) == "" and not p.display for p in problems.values())  # the terms in force are fine
        await type_over(pilot, "#multiplier", "12")
        assert text(problems["multiplier"]) == (
            'Penalty multiplier "12" is not allowed: the penalty multiplier is more than 0 and at most 10, e.g. 1.5.')
        await type_over(pilot, "#grace", "40")
        assert text(problems["grace"]) == 'Grace days "40" is not allowed: grace days are a whole number from 0 to 30.'
        await type_over(pilot, "#min-prepayment", "1.001")
        assert text(problems["min-prepayment"]) == (
            'Minimum prepayment (principal) "1.001" is not allowed: the minimum prepayment is an amount from 0 to '
            '¥1,000,000.00, with at most 2 decimals.')
        await type_over(pilot, "#fee", "11%")
        assert text(problems["fee"]) == (
            'Prepayment fee (of principal prepaid) "11%" is not allowed: the prepayment fee is 0% to 10% of the '
            'principal prepaid, written like 1% or 0.01.')
        await type_over(pilot, "#multiplier", "2")  # fixed: its sentence goes, the others stay
        assert text(problems["multiplier"]) == "" and not problems["multiplier"].display
        assert "0 to 30" in text(problems["grace"])
        await click(pilot, "#save-terms")  # still refused: nothing written, nothing changed
        assert ledger_file(app) is None
        assert "0 to 30" in text(problems["grace"]) and text(screen.query_one("#terms-error")) == ""
        for field, value in (("#grace", "3"), ("#min-prepayment", "500"), ("#fee", "1%")):
            await type_over(pilot, field, value)
        assert all(text(p) == "" for p in problems.values())
        await click(pilot, "#save-terms")
        terms = ledger_file(app)["terms"]
        assert (terms["penalty_multiplier"], terms["grace_days"], terms["prepayment_fee"]) == ("2", 3, "0.01")
        assert all(text(p) == "" for p in problems.values())


async def test_contract_terms_say_what_is_wrong_as_typed_in_chinese(make_app) -> None:
    app = make_app(lang="zh")
    async with app.run_test(size=(120, 60)) as pilot:
        await ready(pilot)
        await press(pilot, "4")
        await type_over(pilot, "#grace", "40")
        assert text(app.screen.query_one("#grace-error")) == "宽限期（天） 的值 \"40\" 无效：宽限期须为 0 到 30 的整数天。"


async def test_switch_language_from_the_palette(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await palette(pilot, "Language")
        await settle(pilot)
        assert app.lang == "zh"
        assert "已逾期" in banner(app) and "逾期 6 天" in banner(app)
        assert "逾期 M1" in rows(app)[2][2]
        assert ledger_file(app)["settings"]["lang"] == "zh"


async def test_rename_and_delete_name_the_loan(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await pilot.press("e")
        await settle(pilot)
        app.screen.query_one("#name", Input).value = "Rent (renamed)"
        await click(pilot, "#save")
        await settle(pilot)
        assert rows(app)[2][1] == "Rent (renamed)"
        await pilot.press("d")
        await settle(pilot)
        message = text(app.screen.query_one("#message"))
        assert "L3" in message and "Rent (renamed)" in message
        await click(pilot, "#yes")
        await settle(pilot)
        assert [r[0] for r in rows(app)] == ["L1", "L2"]
        assert [loan["id"] for loan in ledger_file(app)["loans"]] == ["L1", "L2"]


async def test_help_shows_keys_data_and_disclaimer(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        shown = " ".join(text(s) for s in app.screen.query(Static))
        assert str(app.account.path) in shown and "illustrative" in shown and "^q Quit" in shown


async def test_a_change_made_by_another_program_shows(make_app, tmp_path, capsys) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await settle(pilot)
        code = main(["--data-dir", str(app.account.data_dir), "--today", TODAY.isoformat(), "pay", "L3", "--amount", "900.20"])
        assert code == 0
        app.check_file()
        await settle(pilot)
        assert "overdue" not in rows(app)[2][2]
        assert any("changed on disk" in n.message for n in app._notifications)


async def test_theme_choice_is_saved(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        app.theme = "nord"
        await settle(pilot)
        assert ledger_file(app)["settings"]["theme"] == "nord"
    again = make_app()
    async with again.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await settle(pilot)
        assert again.theme == "nord"


async def test_a_theme_chosen_in_one_section_colours_the_others(make_app) -> None:
    """Sections skip Textual's restyle when shown again (switch_mode restyles when the CSS changed): a theme
    picked while in Repay must still colour Status and its banner when the borrower goes back."""
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        banner_before = app.screen.query_one("#banner").styles.background
        await pilot.press("2")
        await settle(pilot)
        app.theme = "nord"
        await settle(pilot)
        await pilot.press("1")
        await settle(pilot)
        assert isinstance(app.screen, StatusScreen)
        assert app.screen.styles.background == Color.parse(app.current_theme.background)
        assert app.screen.query_one("#banner").styles.background != banner_before


async def test_saved_keymap_remaps_a_binding(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        app.save_settings(keymap={"jiebei.overdue": "o"})
        await settle(pilot)
    again = make_app()
    async with again.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await pilot.press("o")
        await settle(pilot)
        assert isinstance(again.screen, OverdueScreen)


def held_back(app):
    """The app with its launch's first read of the ledger held back (a slow disk, a busy machine): returns the
    read, to let it go."""
    read = app._load
    app._load = lambda: None
    return read


@pytest.mark.parametrize(("keys", "shown"), [(("2",), RepayScreen), (("3", "4"), OverdueScreen),
                                             (("a",), AddLoanScreen), (("question_mark",), HelpScreen)],
                         ids=["section", "the-last-of-two", "add", "help"])
async def test_a_key_pressed_while_the_launch_reads_the_ledger_is_done_once_the_loans_are_shown(
        make_app, keys, shown) -> None:
    app = make_app()
    read = held_back(app)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press(*keys)  # typed as the app starts: `jiebei-tui`, Enter, 2 in one breath
        await settle(pilot)
        assert app.ledger is None and isinstance(app.screen, StatusScreen)  # nothing to show yet
        read()
        await settle(pilot)
        assert isinstance(app.screen, shown)
        assert app.ledger is not None


async def test_a_key_pressed_while_reading_a_ledger_that_cannot_be_read_waits_for_nothing(make_app, tmp_path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "ledger.json").write_text("{not json")
    app = make_app(data_dir=data)
    read = held_back(app)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("2")
        read()
        await ready(pilot)
        assert isinstance(app.screen, RecoveryScreen)
        await pilot.press("3")  # the recovery screen's: no section to go to
        await settle(pilot)
        await click(pilot, "#empty")
        await settle(pilot)
        assert isinstance(app.screen, StatusScreen)  # not Repay: the key was of a launch that found no ledger


async def test_corrupt_ledger_opens_recovery_and_keeps_the_file(make_app, tmp_path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "ledger.json").write_text("{not json")
    app = make_app(data_dir=data)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await settle(pilot)
        assert isinstance(app.screen, RecoveryScreen)
        assert "line 1" in text(app.screen.query_one("#problem"))
        await click(pilot, "#backup")  # there is no backup: it says so and stays
        await settle(pilot)
        assert "no usable backup" in text(app.screen.query_one("#result"))
        await click(pilot, "#empty")
        await settle(pilot)
        assert isinstance(app.screen, StatusScreen)
        assert "No loans yet" in banner(app)
    kept = list(data.glob("ledger.json.corrupt-*"))
    assert len(kept) == 1 and kept[0].read_text() == "{not json"


async def test_future_version_opens_recovery_and_quit_leaves_it(make_app, tmp_path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "ledger.json").write_text(json.dumps({"schema_version": 99}))
    app = make_app(data_dir=data)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await settle(pilot)
        assert isinstance(app.screen, RecoveryScreen)
        assert "newer" in text(app.screen.query_one("#problem"))
        await click(pilot, "#quit")
        await settle(pilot)
    assert app.return_code == 3
    assert json.loads((data / "ledger.json").read_text()) == {"schema_version": 99}


async def test_select_a_loan_on_repay(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 50)) as pilot:
        await ready(pilot)
        await pilot.press("2")
        await settle(pilot)
        app.screen.query_one("#loan", Select).value = "L2"
        await settle(pilot)
        assert app.selected_loan == "L2"
        assert "Instalment 4" in text(app.screen.query_one("#pay-figures"))


async def test_a_prepay_date_in_the_past_says_where_past_payments_go(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 50)) as pilot:
        await ready(pilot)
        await pilot.press("2")
        await settle(pilot)
        app.screen.query_one("#prepay-on", Input).value = "2026-11-01"
        await settle(pilot)
        error = text(app.screen.query_one("#prepay-error"))
        assert "2026-11-01" in error and "from today (2026-11-28)" in error and "Status" in error
        assert app.screen.query_one("#apply-term", Button).disabled


async def test_the_loans_table_fits_after_the_terminal_narrows(make_app) -> None:
    """Names are shortened to the width; the columns must narrow with them when the terminal does (a table
    column never narrows by itself), or the state badges end up past the edge."""
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await settle(pilot)
        for width in (100, 81, 80):
            await pilot.resize_terminal(width, 24)
            await settle(pilot)
        loans = app.screen.query_one("#loans", DataTable)
        assert loans.virtual_size.width <= loans.scrollable_content_region.width
        assert not loans.show_horizontal_scrollbar
