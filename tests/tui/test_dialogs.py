"""Dialog conventions (as Posting and Harlequin): one modal base; y/n and ←/→ in confirmations with the safe
choice focused; Enter submits a form only when it is valid and never bypasses a confirmation; inputs bordered
alike; tables out of the Tab order; no toast over a dialog; a disabled button says why."""

from __future__ import annotations

import pytest
from textual.widgets import Button, DataTable, Input

from jiebei_tui.tui.screens.add_loan import AddLoanScreen
from jiebei_tui.tui.screens.export import ExportDialog
from jiebei_tui.tui.screens.help import HelpScreen
from jiebei_tui.tui.screens.modals import PayModal, RenameModal
from jiebei_tui.tui.screens.status import StatusScreen
from jiebei_tui.tui.widgets.dialog import ConfirmDialog, Dialog
from tests.tui.conftest import click, ledger_file, press, ready, screen_text, select_loan, settle, text, wait_for


async def type_into(pilot, selector: str, value: str) -> None:
    """Focus a field, clear it and type, as a user would."""
    field = pilot.app.screen.query_one(selector, Input)
    field.focus()
    field.value = ""
    await settle(pilot)
    await pilot.press(*value)
    await settle(pilot)


async def open_delete(pilot) -> ConfirmDialog:
    await ready(pilot)
    await press(pilot, "d")
    assert isinstance(pilot.app.screen, ConfirmDialog)
    return pilot.app.screen


async def test_a_confirmation_focuses_the_safe_choice_and_enter_on_it_goes_back(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        dialog = await open_delete(pilot)
        assert dialog.focused.id == "no" and dialog.query_one("#no", Button).variant == "primary"
        await press(pilot, "enter")
        assert isinstance(app.screen, StatusScreen)
        assert ledger_file(app) is None and len(app.states) == 3


@pytest.mark.parametrize(("keys", "deleted"), [(("y",), True), (("n",), False), (("escape",), False),
                                              (("right", "enter"), True), (("right", "left", "enter"), False)])
async def test_a_confirmation_answers_to_y_n_and_the_arrows(make_app, keys, deleted: bool) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_delete(pilot)
        for key in keys:
            await press(pilot, key)
        assert isinstance(app.screen, StatusScreen)
        assert [s.record.id for s in app.states] == (["L1", "L2"] if deleted else ["L1", "L2", "L3"])


async def test_enter_in_the_pay_dialog_asks_before_recording(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await press(pilot, "p")
        await type_into(pilot, "#date", "2026-11-28")
        await press(pilot, "enter")  # in the date field
        assert isinstance(app.screen, ConfirmDialog)
        assert ledger_file(app) is None
        await press(pilot, "escape")
        assert isinstance(app.screen, PayModal)  # back to the form, nothing recorded
        assert ledger_file(app) is None


async def test_enter_on_an_invalid_form_does_nothing_but_say_what_is_wrong(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await press(pilot, "p")
        await type_into(pilot, "#amount", "abc")
        await press(pilot, "enter")
        assert isinstance(app.screen, PayModal) and "abc" in text(app.screen.query_one("#error"))
        await press(pilot, "escape", "y", "e")  # (y: discard what was typed)
        await type_into(pilot, "#name", "   ")
        await press(pilot, "enter")
        assert isinstance(app.screen, RenameModal) and app.screen.query_one("#save", Button).disabled
        await press(pilot, "escape", "y", "a")
        await press(pilot, "enter")  # nothing typed yet
        form = app.screen
        assert isinstance(form, AddLoanScreen) and "Principal (¥)" in text(form.query_one("#principal-error"))
        assert ledger_file(app) is None


async def test_the_prefilled_amount_follows_a_changed_date(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await press(pilot, "p")
        dialog = app.screen
        assert dialog.query_one("#amount", Input).value == "900.20"
        await type_into(pilot, "#date", "2026-11-25")  # three days late then, not six
        note = text(dialog.query_one("#due-note"))
        amount = dialog.query_one("#amount", Input).value
        assert "2026-11-25" in note and amount in note.replace("¥", "").replace(",", "")
        assert amount == "898.58"  # ¥896.97 + penalty ¥783.10 × 0.06% × 3 = ¥1.41 and ¥113.87 × 0.06% × 3 = ¥0.20
        await type_into(pilot, "#amount", "500")
        await type_into(pilot, "#date", "2026-11-28")
        assert dialog.query_one("#amount", Input).value == "500"  # a typed amount stays
        assert "¥900.20" in text(dialog.query_one("#due-note"))


async def test_dialog_inputs_are_bordered_alike(make_app) -> None:
    app = make_app()
    looks = set()
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        for key in ("p", "e", "a"):
            await press(pilot, key)
            assert isinstance(app.screen, Dialog)
            for field in app.screen.query(Input):
                assert field.styles.border_top[0] not in ("", "none") and field.outer_size.height == 3, (key, field.id)
                looks.add((field.styles.border_top[0], field.styles.border_bottom[0], field.outer_size.height))
            await press(pilot, "escape")
        await press(pilot, "3", "n")
        for field in app.screen.query(Input):
            looks.add((field.styles.border_top[0], field.styles.border_bottom[0], field.outer_size.height))
    assert len(looks) == 1


async def test_tables_to_read_take_no_tab_stop(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await press(pilot, "a")
        for _ in range(30):
            await pilot.press("tab")
            assert not isinstance(app.screen.focused, DataTable)
        await press(pilot, "escape")
        assert app.screen.query_one("#schedule", DataTable).can_focus is False
        assert app.screen.query_one("#loans", DataTable).can_focus  # the table to move in
        await press(pilot, "2")
        assert app.screen.query_one("#compare", DataTable).can_focus is False


async def test_no_toast_over_a_dialog(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        app.clear_notifications()
        await press(pilot, "a")
        app.notify("while the form is open")
        await settle(pilot)
        assert not list(app._notifications)  # held, not drawn over the form
        await press(pilot, "escape")
        assert [n.message for n in app._notifications] == ["while the form is open"]


async def test_a_toast_a_dialog_held_keeps_the_time_it_had_left(make_app) -> None:
    """A toast up when a dialog opens is held and shown again when it closes, for the time it had left (shown
    again in full, the demo's notice came back after every dialog, the palette's too, and stayed up as long as
    dialogs kept opening); one whose time ran out is not shown again."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        app.clear_notifications()
        app.notify("six seconds ago", timeout=8)
        app.notify("nine seconds ago", timeout=8)
        await settle(pilot)
        for n in app._notifications:  # raised a while ago (as the demo's notice is when the borrower opens a dialog)
            n.raised_at -= 6 if n.message == "six seconds ago" else 9
        await press(pilot, "a")
        await press(pilot, "escape")
        shown = list(app._notifications)
        assert [n.message for n in shown] == ["six seconds ago"]
        assert 1 < shown[0].timeout <= 2  # 8 − 6 seconds left (less the time the dialog took)


@pytest.mark.parametrize("lang", ["en", "zh"])
async def test_toasts_sit_above_the_key_bar_and_stay_small_at_80x24(make_app, lang) -> None:
    """The demo notice on first launch, then a long toast under it: every key of the bar (two lines at 80
    columns) stays in sight, each toast at most 60 columns and 7 lines: the two of them take less than half the screen."""
    from jiebei_tui.tui.widgets.footer import KeyBar

    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await ready(pilot)
        assert len(app._notifications) == 1  # the demo notice
        app.notify("\n".join(f"line {n} of a long toast, as long as a collection contact's flags" for n in range(20)),
                   timeout=60)
        await settle(pilot)
        bar = app.screen.query_one(KeyBar)
        toasts = list(app.screen.query("Toast"))  # Textual's toast widget, by its (documented) CSS type
        assert len(toasts) == 2 and len(bar.lines(80)) == 2
        assert all(toast.region.bottom <= bar.region.y for toast in toasts)  # above the keys, not over them
        assert all(toast.region.width <= 60 and toast.region.height <= 7 for toast in toasts)
        assert bar.region.y - min(toast.region.y for toast in toasts) < 24 // 2  # 1 + 3 + 1 + 7 lines
        shown = screen_text(app)
        for keys, words, _, _ in bar.shown(80):
            assert f"{keys} {words}" in shown, (keys, words)


async def test_toasts_shown_before_a_dialog_opens_wait_until_it_closes(make_app) -> None:
    """The newcomer's case: a void announced (and reminders) as toasts once the payments dialog closed, then `u`:
    Textual moved every live toast onto the confirmation, over its question. Drawn as in a terminal (toasts on)."""
    app = make_app()
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await select_loan(pilot, "L3")
        app.clear_notifications()
        await press(pilot, "h", "v", "y", "escape")  # void L3's first payment, close the payments dialog
        for n in range(4):
            app.notify(f"Jiebei reminder number {n} that is long enough to reach across the dialog's question",
                       timeout=60)
        await settle(pilot)
        shown = [n.message for n in app._notifications]
        assert any("Voided payment E6" in m for m in shown) and len(shown) == 5
        assert "reminder number 3" in screen_text(app)  # the toasts are up

        await press(pilot, "u")
        assert isinstance(app.screen, ConfirmDialog)
        seen = screen_text(app)
        assert "Undo voiding payment E6 (¥896.97 on 2026-10-22" in seen  # the question, not cut by a toast
        assert "reminder number" not in seen and "Voided payment" not in seen
        assert not list(app._notifications)

        await press(pilot, "n")  # the dialog closes: the toasts come back, every one
        assert sorted(n.message for n in app._notifications) == sorted(shown)
        assert "reminder number 3" in screen_text(app)


async def test_a_toast_sent_just_before_a_dialog_opens_waits_too(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await ready(pilot)
        app.clear_notifications()
        app.notify("sent as the form opens")  # handled by the loop after the form is up
        await press(pilot, "a")
        assert isinstance(app.screen, AddLoanScreen)
        assert not list(app._notifications) and "sent as the form opens" not in screen_text(app)
        await press(pilot, "escape")
        assert [n.message for n in app._notifications] == ["sent as the form opens"]


async def test_a_recorded_payment_is_announced_once_the_dialog_is_gone(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        app.clear_notifications()
        await press(pilot, "p")
        await press(pilot, "enter", "y")
        assert isinstance(app.screen, StatusScreen)
        assert any("Recorded ¥900.20" in n.message for n in app._notifications)


async def test_a_disabled_record_button_says_why(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 50)) as pilot:
        await select_loan(pilot, "L1")
        await press(pilot, "2")
        screen = app.screen
        screen.query_one("#prepay-on", Input).value = "2026-12-05"
        screen.query_one("#settle-on", Input).value = "2026-12-05"
        await settle(pilot)
        for button, why in (("#apply-term", "#prepay-why"), ("#apply-installment", "#prepay-why"), ("#settle-apply", "#settle-why")):
            assert screen.query_one(button, Button).disabled
            reason = text(screen.query_one(why))
            assert "2026-12-05" in reason and "preview" in reason
            assert screen.query_one(button, Button).tooltip == reason


async def test_settle_on_a_chosen_date(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 50)) as pilot:
        await select_loan(pilot, "L1")
        await press(pilot, "2")
        screen = app.screen
        today = text(screen.query_one("#settle-figures"))
        assert "Payoff  ¥5,052.86" in today  # 5,030.22 + 5,030.22 × 0.03% × 15 days
        screen.query_one("#settle-on", Input).value = "2026-12-05"
        await settle(pilot)
        assert "Payoff  ¥5,063.42" in text(screen.query_one("#settle-figures"))  # + 7 more days: ¥10.56
        screen.query_one("#settle-on", Input).value = "2026-11-28"
        await settle(pilot)
        await press(pilot, "s")  # the key, as the button
        assert isinstance(app.screen, ConfirmDialog) and "¥5,052.86" in text(app.screen.query_one("#message"))
        await press(pilot, "y")
        assert ledger_file(app)["events"][-1]["kind"] == "settlement"


async def test_escape_closes_every_dialog(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        for keys, kind in ((("p",), PayModal), (("e",), RenameModal), (("d",), ConfirmDialog), (("a",), AddLoanScreen),
                           (("question_mark",), HelpScreen)):
            await press(pilot, *keys)
            assert isinstance(app.screen, kind)
            await press(pilot, "escape")
            assert isinstance(app.screen, StatusScreen)
        app.action_export_calendar()
        await settle(pilot)
        assert isinstance(app.screen, ExportDialog)
        await press(pilot, "escape")
        assert isinstance(app.screen, StatusScreen)


async def test_export_writes_a_calendar_in_the_background(make_app, tmp_path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        app.action_export_calendar()
        await settle(pilot)
        await type_into(pilot, "#path", str(tmp_path / "nowhere" / "loans.ics"))
        assert "does not exist" in text(app.screen.query_one("#error")) and app.screen.query_one("#write", Button).disabled
        await type_into(pilot, "#path", str(tmp_path / "loans.ics"))
        await press(pilot, "enter")
        assert isinstance(app.screen, StatusScreen)
        calendar = (tmp_path / "loans.ics").read_text()
        assert calendar.count("BEGIN:VEVENT") == 30  # the demo's unpaid instalments: 10 + 9 + 11 of 12 each
        assert any("Wrote 30 instalments" in n.message for n in app._notifications)


async def test_the_export_dialog_refuses_a_ledgers_own_file_as_it_is_typed(make_app, tmp_path) -> None:
    """Exporting over ledger.json used to replace the ledger behind the store's back (tests/test_export_files.py)."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        app.action_export_calendar()
        await settle(pilot)
        before = (app.account.path).read_bytes() if app.account.path.exists() else None
        await type_into(pilot, "#path", str(app.account.path))
        assert "an export never replaces one" in text(app.screen.query_one("#error"))
        assert app.screen.query_one("#write", Button).disabled
        await press(pilot, "enter")
        assert isinstance(app.screen, ExportDialog)
        assert ((app.account.path).read_bytes() if app.account.path.exists() else None) == before


@pytest.mark.parametrize("dialog", ["calendar", "plan"])
async def test_both_export_dialogs_refuse_a_ledgers_own_file_as_it_is_typed(make_app, dialog: str) -> None:
    # Plan's export dialog did not check it as typed; the action's refusal, said on Write, was erased at once by
    # the check that followed it: nothing happened on Write, and no sentence said why.
    from jiebei_tui.tui.screens.plan_dialogs import PlanExportDialog

    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        if dialog == "plan":
            await press(pilot, "5", "e")
        else:
            app.action_export_calendar()
            await settle(pilot)
        assert isinstance(app.screen, PlanExportDialog if dialog == "plan" else ExportDialog)
        await type_into(pilot, "#path", str(app.account.data_dir / "ledger.json"))
        assert "an export never replaces one" in text(app.screen.query_one("#error"))
        assert app.screen.query_one("#write", Button).disabled


async def test_a_refused_export_says_why_and_may_be_tried_again(make_app, tmp_path, monkeypatch) -> None:
    from jiebei_tui.actions import export as exporting
    from jiebei_tui.domain.errors import InputError
    from jiebei_tui.store import _cause
    from jiebei_tui.tui.screens.plan_dialogs import PlanExportDialog

    def disk_full(account, what, out, **kwargs):
        raise InputError("out", None, "export_unwritable", path=str(out), cause=_cause(OSError(28, "No space left on device")))

    monkeypatch.setattr(exporting, "export_csv", disk_full)
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await press(pilot, "5", "e")
        await type_into(pilot, "#path", str(tmp_path / "plan.csv"))
        await click(pilot, "#write")
        assert isinstance(app.screen, PlanExportDialog)
        said = text(app.screen.query_one("#error"))
        assert "plan.csv cannot be written (the disk is full)" in said and "--out" not in said, said
        assert not app.screen.query_one("#write", Button).disabled


async def test_the_recovery_screen_keeps_the_sections_keys_away(make_app, tmp_path) -> None:
    from jiebei_tui.tui.screens.recover import RecoveryScreen

    data = tmp_path / "data"
    data.mkdir()
    (data / "ledger.json").write_text("{not json")
    app = make_app(data_dir=data)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await press(pilot, "2", "a", "question_mark")
        assert isinstance(app.screen, RecoveryScreen) and app.current_mode == "status"


async def test_deleting_a_loan_says_first_which_reminder_rules_go_with_it(cli, data_dir, make_app) -> None:
    from tests.conftest import EI

    assert cli("loans", "add", "--name", "Phone", *EI).code == 0  # L1
    assert cli("loans", "add", "--name", "Laptop", *EI).code == 0  # L2
    assert cli("remind", "add", "--offset", "2", "--time", "10:00", "--loans", "L2").code == 0  # R5: L2 alone
    assert cli("pay", "L2", "--amount", "900.41", "--on", "2025-02-10").code == 0  # E1
    assert cli("pay", "L2", "--amount", "100", "--on", "2025-02-20").code == 0  # E2, voided: E3 reverses it
    assert cli("payments", "void", "E2").code == 0
    assert cli("contacts", "add", "--loan", "L2", "--at", "2025-02-20 10:00", "--channel", "sms", "--from", "X").code == 0
    app = make_app(demo=False, data_dir=data_dir)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await select_loan(pilot, "L2")
        await press(pilot, "d")
        assert isinstance(app.screen, ConfirmDialog)
        said = text(app.screen.query_one("#message"))
        assert said == ("Delete loan L2 “Laptop” and its 2 recorded payments? Undo (u) brings it back. "  # as listed
                        "Its 1 recorded collection contact goes with it. "
                        "The reminder rule R5, for this loan alone, goes with it.")
        await press(pilot, "y")
        assert [r.id for r in app.ledger.settings.reminders.rules] == ["R1", "R2", "R3", "R4"]


async def test_export_suggests_the_home_folder_and_writes_there(make_app, tmp_path, monkeypatch) -> None:
    """Not the folder the app happened to start in (a newcomer's was the app's own clone)."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        app.action_export_calendar()
        await settle(pilot)
        assert app.screen.query_one("#path", Input).value == "~/jiebei-tui.ics"
        await press(pilot, "enter")
        await settle(pilot)
        assert (home / "jiebei-tui.ics").read_bytes().startswith(b"BEGIN:VCALENDAR")


async def test_a_path_naming_the_ledger_is_refused_naming_the_field_not_a_command_line_option(make_app, tmp_path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        app.action_export_calendar()
        await settle(pilot)
        await type_into(pilot, "#path", str(tmp_path / "ledger.json"))
        await press(pilot, "enter")
        await settle(pilot)
        said = text(app.screen.query_one("#error"))
        assert "--out" not in said and "ledger.json is a ledger's own file name" in said


async def test_keys_typed_fast_across_tab_reach_each_field(make_app) -> None:
    # A terminal hands the app "Car\t5000\t0.0003\t6" at once. With Tab the screen's own binding, the focus moved
    # only after every key was handed to the first field: the name read "Car50000.00036".
    from textual import events

    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await press(pilot, "a")
        assert isinstance(app.screen, AddLoanScreen)
        for ch in "Car\t5000\t0.0003\t6":
            app.post_message(events.Key("tab", None) if ch == "\t" else events.Key(ch, ch))  # as the driver does
        await settle(pilot)
        form = app.screen
        values = [form.query_one(f"#{f}", Input).value for f in ("name", "principal", "daily_rate", "term")]
        assert values == ["Car", "5000", "0.0003", "6"]
        app.post_message(events.Key("shift+tab", None))  # back one, as fast: the field's text is selected
        app.post_message(events.Key("4", "4"))
        await settle(pilot)
        assert form.query_one("#daily_rate", Input).value == "4" and form.query_one("#term", Input).value == "6"


async def test_the_export_dialog_takes_a_path_ending_in_a_slash_for_a_folder(make_app, tmp_path) -> None:
    """`x.ics/` names a folder: Path drops the slash, and the dialog used to write a file named x.ics."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        app.action_export_calendar()
        await settle(pilot)
        typed = str(tmp_path / "x.ics") + "/"
        await type_into(pilot, "#path", typed)
        await press(pilot, "enter")
        await settle(pilot)
        assert isinstance(app.screen, ExportDialog)
        assert text(app.screen.query_one("#error")) == f"{typed} is not a file name: type the path of the .ics file to write."
        assert app.screen.query_one("#write", Button).disabled
        assert not (tmp_path / "x.ics").exists()


@pytest.mark.parametrize(("lang", "before", "after"), [
    ("en", "To save, fill in or correct: Name, Principal (¥), Daily rate (0.0004 = 0.04% a day), Term (months, 1–36).",
     "To save, fill in or correct: Principal (¥), Daily rate (0.0004 = 0.04% a day), Term (months, 1–36)."),
    ("zh", "保存前请填写或更正：名称，本金（元），日利率（0.0004 即日息 0.04%），期数（月，1–36）。",
     "保存前请填写或更正：本金（元），日利率（0.0004 即日息 0.04%），期数（月，1–36）。"),
])
async def test_a_dimmed_save_says_which_fields_it_waits_for(make_app, lang: str, before: str, after: str) -> None:
    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await press(pilot, "a")
        form = app.screen
        assert isinstance(form, AddLoanScreen)
        save = form.query_one("#save", Button)
        assert save.disabled and text(form.query_one("#save-why")) == before == save.tooltip
        assert before.split("：")[0].split(":")[0] in screen_text(app)  # beside Save, in view (the box's foot)
        assert text(form.query_one("#name-error")) == ""  # (no field is scolded before it is typed into)
        await type_into(pilot, "#name", "Phone")
        assert text(form.query_one("#save-why")) == after
        for field, value in (("principal", "12000"), ("daily_rate", "0.0004"), ("term", "12")):
            await type_into(pilot, f"#{field}", value)
        await wait_for(pilot, lambda: not save.disabled, "the loan to be checked with the ledger")
        assert text(form.query_one("#save-why")) == "" and save.tooltip is None


# --- Escape after typing asks first; a dialog to read says Close ---

@pytest.mark.parametrize("lang", ["en", "zh"])
async def test_escape_in_a_form_with_something_typed_asks_before_discarding_it(make_app, lang) -> None:
    """The cold trial typed into Add loan, pressed Escape (the key that leaves a field in a section) and lost the
    form without a word."""
    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await press(pilot, "a")
        form = app.screen
        assert isinstance(form, AddLoanScreen)
        await pilot.press(*"Phone")
        await press(pilot, "escape")
        assert isinstance(app.screen, ConfirmDialog)
        said = "discard what you typed" if lang == "en" else "放弃已填写的内容"
        assert said in screen_text(app)
        assert app.screen.focused.id == "no"  # the safe answer first
        await press(pilot, "n")
        assert app.screen is form and form.query_one("#name", Input).value == "Phone"  # kept, as typed
        await press(pilot, "escape", "y")
        assert isinstance(app.screen, StatusScreen)
        assert ledger_file(app) is None or all(loan["name"] != "Phone" for loan in ledger_file(app)["loans"])


async def test_escape_closes_a_form_at_once_when_nothing_was_typed_and_cancel_never_asks(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await press(pilot, "p")  # the amount prefilled is what it opened with: nothing typed
        assert isinstance(app.screen, PayModal)
        await press(pilot, "escape")
        assert isinstance(app.screen, StatusScreen)
        await press(pilot, "a")
        await pilot.press(*"Phone")
        await click(pilot, "#cancel")  # a choice made on purpose
        assert isinstance(app.screen, StatusScreen)


@pytest.mark.parametrize(("lang", "close", "cancel"), [("en", "esc Close", "esc Cancel"), ("zh", "esc 关闭", "esc 取消")])
async def test_a_dialog_to_read_says_close_on_its_key_bar_and_a_form_says_cancel(make_app, lang, close, cancel) -> None:
    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        for key, says in (("question_mark", close), ("h", close), ("p", cancel)):
            await press(pilot, key)
            bar = screen_text(app).splitlines()[-1]
            assert says in bar and (cancel if says == close else close) not in bar, (key, bar)
            await press(pilot, "escape")
            assert isinstance(app.screen, StatusScreen)
