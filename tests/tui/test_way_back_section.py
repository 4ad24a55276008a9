"""The Way back section (key 6), driven as a borrower would, against the figures worked by hand for the command
line (tests/test_cli_hardship.py): domain.md's loan, 10,000.00 at 0.04%/day over 12 months, equal instalments of
900.41, drawn 2025-01-10, nothing paid, today 2025-02-16: six days late. Penalty rate 0.06%/day."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
import stat
from pathlib import Path

import pytest
from textual.widgets import DataTable, Input, Select, Switch

from jiebei_tui.cli import main
from jiebei_tui.tui.app import JiebeiApp
from jiebei_tui.tui.screens.agreement import AgreementDialog
from jiebei_tui.tui.screens.contact_form import ContactForm
from jiebei_tui.tui.screens.contact_record import RecordDialog
from jiebei_tui.tui.screens.letter import LetterDialog
from jiebei_tui.tui.screens.way_back import WayBackScreen
from jiebei_tui.tui.widgets.dialog import ConfirmDialog
from tests.tui.conftest import click, ledger_file, press, ready, screen_text, settle, text

TODAY = dt.date(2025, 2, 16)
WORKED = ["--principal", "10000", "--daily-rate", "0.0004", "--term", "12", "--method", "equal-installment",
          "--start", "2025-01-10"]


def cli(data: Path, *args: str, today: str = TODAY.isoformat()) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["--data-dir", str(data), "--today", today, "--lang", "en", "--no-demo", *args]) == 0
    return out.getvalue()


@pytest.fixture
def late(tmp_path: Path) -> Path:
    """The seed's case: the worked loan, nothing paid, six days late on TODAY."""
    data = tmp_path / "data"
    cli(data, "loans", "add", "--name", "Rent gap", *WORKED, today="2025-01-10")
    return data


def app_for(data: Path, lang: str = "en") -> JiebeiApp:
    noon = lambda tz: dt.datetime.combine(TODAY, dt.time(12, 0), tzinfo=tz)  # noqa: E731
    return JiebeiApp(data_dir=data, today=TODAY, lang=lang, demo=False, reminders=False, clock=noon)


async def open_section(pilot, budget: str | None = None) -> WayBackScreen:
    await ready(pilot)
    await press(pilot, "6")
    screen = pilot.app.screen
    assert isinstance(screen, WayBackScreen)
    if budget is not None:
        await press(pilot, "b", *budget, "escape")  # b goes to the budget, Escape leaves it
    return screen


async def type_into(pilot, selector: str, value: str) -> None:
    """Replace what a field holds, typed key by key, as a user would."""
    field = pilot.app.screen.query_one(selector, Input)
    field.focus()
    field.value = ""
    if value:
        await pilot.press(*value)
    await settle(pilot)


def column(table: DataTable, key: str) -> list[str]:
    return [str(cell) for cell in table.get_column(key)]


def shown(app) -> str:
    return screen_text(app)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


# --- what I can afford ---


async def test_a_normal_month_counts_every_loans_instalment_in_full(make_app) -> None:
    """The demo's running instalments as scheduled: L1 (equal instalment) 483.23 + 45.27 = 528.50; L2 (equal
    principal) 1,000.00 + 108.00 = 1,108.00 (it read 1,000.00: its interest was left out); L3 796.17 + 100.80 =
    896.97. In all 2,533.47."""
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await press(pilot, "6")
        assert "A normal month asks ¥2,533.47 across your loans." in text(app.screen.query_one("#normal-month"))


async def test_a_loan_six_days_late_and_1000_a_month(late: Path) -> None:
    before = (late / "ledger.json").read_bytes()
    app = app_for(late)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_section(pilot, "1000")
        summary = text(screen.query_one("#plan-summary"))
        assert "Every loan is cleared in 11 months, by 2025-12-16: ¥10,761.30 paid in all, ¥16.19 of it penalty." in summary
        months = screen.query_one("#months", DataTable)
        assert column(months, "on")[:3] == ["2025-02-16", "2025-03-16", "2025-04-16"] and months.row_count == 11
        # the penalty paid shrinks as the unpaid part does; five days late at each month's end until October
        assert column(months, "penalty") == ["¥3.25", "¥2.89", "¥2.54", "¥2.17", "¥1.81", "¥1.45", "¥1.08", "¥0.69",
                                             "¥0.31", "¥0.00", "¥0.00"]
        assert column(months, "owed_after")[:3] == ["¥9,149.39", "¥8,253.01", "¥7,356.39"]
        assert column(months, "stage") == ["M1"] * 8 + ["M0"] * 3
        assert column(months, "cleared")[-1] == "L1"
        assert screen.query_one("#strip").stages == ["M1"] * 8 + ["M0"] * 3  # the stage strip, month by month
        outcome = text(screen.query_one("#outcomes"))
        assert "month 11 (2025-12-16); paid ¥10,761.30, penalty ¥16.19, 8 months ending overdue, worst M1" in outcome
        assert "illustrative" in text(screen.query_one("#plan-heading"))
    assert (late / "ledger.json").read_bytes() == before  # working it out wrote nothing


async def test_the_plan_in_chinese_at_80_columns(late: Path) -> None:
    app = app_for(late, "zh")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_section(pilot, "1000")
        assert "11 个月内（2025-12-16 前）全部还清" in text(screen.query_one("#plan-summary"))
        assert "第 11 个月（2025-12-16）" in text(screen.query_one("#outcomes"))
        months = screen.query_one("#months", DataTable)
        assert column(months, "stage") == ["M1"] * 8 + ["M0"] * 3
        assert "month" not in [str(c.key.value) for c in months.columns.values()]  # narrow: the strip numbers them
        assert "示例" in text(screen.query_one("#plan-heading"))


async def test_a_budget_that_is_not_a_sum_is_named_and_shows_no_plan(late: Path) -> None:
    app = app_for(late)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_section(pilot, "1o00")
        error = text(screen.query_one("#budget-error"))
        assert error.startswith("Monthly budget") and '"1o00"' in error
        assert not screen.query_one("#months").display and not screen.query_one("#strip").display
        await type_into(pilot, "#budget", "1000")
        await type_into(pilot, "#from", "2025-02-15")  # before today
        error = text(screen.query_one("#budget-error"))
        assert error.startswith("From") and "2025-02-15" in error and "2025-02-16" in error
        await type_into(pilot, "#from", "2025-02-20")
        assert text(screen.query_one("#budget-error")) == "" and screen.query_one("#months").display
        assert column(screen.query_one("#months", DataTable), "on")[0] == "2025-02-20"


# --- what to ask the lender, the letter, the agreement ---


async def test_the_request_for_500_a_month(late: Path) -> None:
    app = app_for(late)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_section(pilot, "500")
        options = text(screen.query_one("#request-options"))
        # the fewest months whose instalment is within 500: 24 × 488.59; the budget itself: the last 184.12
        assert "A longer term — fits: 24 × ¥488.59" in options and "to 2027-02-10" not in options
        assert "The budget as the instalment — fits · less interest: 24 × ¥500.00 (last ¥184.12)" in options
        assert "interest ¥1,537.98" in options
        asked = screen.query_one("#request-asked").text
        assert "¥3.25: asked to be waived" in asked and "¥146.14: kept in the new plan" in asked
        assert "Illustrative" in text(screen.query_one("#request-rules"))
        await click(pilot, "#ask-penalty")  # not asking for the penalty to be waived
        assert "¥3.25: kept in the new plan" in screen.query_one("#request-asked").text


async def test_the_letter_saved_0600_in_both_languages(late: Path, tmp_path: Path) -> None:
    app = app_for(late)
    async with app.run_test(size=(120, 36)) as pilot:
        await open_section(pilot, "500")
        await press(pilot, "l")
        dialog = app.screen
        assert isinstance(dialog, LetterDialog)
        assert dialog.query_one("#path", Input).value == "~/request-L1-en.txt"
        await type_into(pilot, "#name", "Li Lei")
        await type_into(pilot, "#reason", "I lost my job.")
        letter = text(dialog.query_one("#letter"))
        assert letter.startswith("Request for a repayment arrangement")
        assert "in 24 monthly instalments of ¥500.00 (the last ¥184.12)" in letter and "waive the ¥3.25 of penalty" in letter
        en = tmp_path / "letters" / "en.txt"
        await type_into(pilot, "#path", str(en))
        await click(pilot, "#save")
        assert not isinstance(app.screen, LetterDialog)
        assert mode(en) == 0o600 and mode(en.parent) == 0o700
        written = en.read_text()
        assert "My circumstances: I lost my job." in written and "Li Lei    Date: 2025-02-16" in written
        assert any(str(en) in n.message and "readable by you only" in n.message for n in app._notifications)

        await press(pilot, "l")
        dialog = app.screen
        dialog.query_one("#letter-lang", Select).value = "zh"
        await settle(pilot)
        assert dialog.query_one("#path", Input).value == "~/request-L1-zh.txt"  # the name follows the language
        await type_into(pilot, "#name", "李雷")
        zh = tmp_path / "letters" / "zh.txt"
        await type_into(pilot, "#path", str(zh))
        await press(pilot, "enter")
        written = zh.read_text()
        assert mode(zh) == 0o600 and written.startswith("协商还款申请书")
        assert "分 24 期按月偿还，每期 ¥500.00（最后一期 ¥184.12）" in written and "申请人：李雷    日期：2025-02-16" in written
    assert "request" not in json.dumps(ledger_file(app)["history"])  # a letter is not a change to the ledger


async def test_a_name_with_a_control_character_is_refused_by_its_label(late: Path, tmp_path: Path) -> None:
    app = app_for(late)
    async with app.run_test(size=(120, 36)) as pilot:
        await open_section(pilot, "500")
        await press(pilot, "l")
        app.screen.query_one("#name", Input).value = "Li\x1b[2J"
        await settle(pilot)
        error = text(app.screen.query_one("#error"))
        assert error.startswith("Your name") and "\\x1b" in error
        assert app.screen.query_one("#save").disabled


async def test_recording_the_agreement_after_a_confirmation_showing_the_plan(late: Path) -> None:
    app = app_for(late)
    async with app.run_test(size=(120, 36)) as pilot:
        await open_section(pilot, "500")
        await press(pilot, "r")
        dialog = app.screen
        assert isinstance(dialog, AgreementDialog)
        # it starts from what the request asked: the budget as the instalment, the penalty waived
        assert dialog.query_one("#installment", Input).value == "500.00"
        assert dialog.query_one("#waive-penalty", Switch).value is True
        preview = dialog.query_one("#preview").text
        assert "24 × ¥500.00 (last ¥184.12), 2025-03-10 → 2027-02-10" in preview
        assert "¥3.25 — waived" in preview and "¥10,146.14" in preview and "¥1,537.98" in preview
        before = (late / "ledger.json").read_bytes()
        await click(pilot, "#record")
        assert isinstance(app.screen, ConfirmDialog)
        message = text(app.screen.query_one("#message"))
        assert "Record the agreement for L1 from 2025-02-16: instalments 3–26: 24 × ¥500.00 (last ¥184.12)" in message
        assert "a new principal of ¥10,146.14" in message
        await press(pilot, "n")  # no: nothing is written
        assert app.screen is dialog and (late / "ledger.json").read_bytes() == before
        await click(pilot, "#record")
        await press(pilot, "y")
        assert isinstance(app.screen, WayBackScreen)
        events = ledger_file(app)["events"]
        assert [e["kind"] for e in events] == ["restructure"] and events[0]["source"] == "app"
        assert app.state_of("L1").days_overdue == 0 and str(app.state_of("L1").next_due_amount) == "500.00"
    status = json.loads(cli(late, "status", "L1", "--json"))["loans"][0]
    assert (status["days_overdue"], status["next_due_date"]) == (0, "2025-03-10")


async def test_a_bad_agreement_value_names_its_label(late: Path) -> None:
    app = app_for(late)
    async with app.run_test(size=(120, 36)) as pilot:
        await open_section(pilot)
        await press(pilot, "r")
        dialog = app.screen
        assert "Give the number of instalments" in text(dialog.query_one("#error"))  # nothing typed yet
        await type_into(pilot, "#term", "61")
        error = text(dialog.query_one("#error"))
        assert error.startswith("Instalments (1–60)") and '"61"' in error and dialog.query_one("#record").disabled
        await type_into(pilot, "#term", "12")
        await type_into(pilot, "#on", "2025-02-17")
        assert text(dialog.query_one("#error")).startswith("From (date)")
        await type_into(pilot, "#on", "2025-02-16")
        assert text(dialog.query_one("#error")) == "" and not dialog.query_one("#record").disabled


# --- the collection contact log ---


async def add_contact(pilot, at: str, who: str, **fields: str) -> ContactForm:
    """Open the form, fill it in as typed; return it (not yet recorded)."""
    await press(pilot, "n")
    form = pilot.app.screen
    assert isinstance(form, ContactForm)
    await type_into(pilot, "#at", at)
    await type_into(pilot, "#from", who)
    for name, value in fields.items():
        if name == "channel":
            form.query_one("#channel", Select).value = value
            await settle(pilot)
        elif name == "answered":
            await click(pilot, "#answered")
        else:
            await type_into(pilot, f"#{name}", value)
    return form


async def test_a_contact_at_22_30_is_flagged_with_its_rule_before_and_after_it_is_recorded(late: Path) -> None:
    app = app_for(late)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_section(pilot)
        form = await add_contact(pilot, "2025-02-15 22:30", "Collector 400-000")
        flags = text(form.query_one("#flags"))
        assert "Breaks a rule: at 22:30, between 22:00 and 08:00" in flags and "China Banking Association" in flags
        assert ledger_file(app).get("contacts", []) == []  # checked, not recorded
        await click(pilot, "#record")
        assert app.screen is screen
        [contact] = ledger_file(app).get("contacts", [])
        assert (contact["id"], contact["at"], contact["channel"], contact["who"]) == (
            "C1", "2025-02-15T22:30:00", "phone", "Collector 400-000")
        table = screen.query_one("#contacts", DataTable)
        assert column(table, "flags") == ["At night (22:00–08:00)"]
        assert "1 recorded, 1 breaking a rule" in text(screen.query_one("#contacts-count"))
        detail = text(screen.query_one("#contact-flags"))
        assert "at 22:30, between 22:00 and 08:00" in detail and "Source: China Banking Association" in detail
        assert "Illustrative" in text(screen.query_one("#contact-rules"))
        toast = next(n.message for n in app._notifications if "C1" in n.message)  # what broke, not the rules again
        assert "Breaks a rule: at 22:30, between 22:00 and 08:00" in toast and "Source:" not in toast


async def test_the_seventh_unanswered_call_and_a_call_to_a_relative(late: Path) -> None:
    for hour in range(9, 15):  # six unanswered calls, 09:00 … 14:00, recorded on the command line
        cli(late, "contacts", "add", "--loan", "L1", "--at", f"2025-02-14 {hour:02d}:00", "--channel", "phone",
            "--from", "400-000")
    app = app_for(late)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_section(pilot)
        form = await add_contact(pilot, "2025-02-14 15:00", "400-000")
        assert "unanswered call 7 of 2025-02-14 to this number: at most 6 a day" in text(form.query_one("#flags"))
        await click(pilot, "#record")
        form = await add_contact(pilot, "2025-02-14 16:00", "400-000", answered="yes")
        assert "It breaks none of the rules" in text(form.query_one("#flags"))  # an answered call is not counted
        await click(pilot, "#record")
        form = await add_contact(pilot, "2025-02-14 17:00", "Agency X", channel="third-party",
                                 note="Called my mother about the debt")
        assert "contact with a third party about your debt" in text(form.query_one("#flags"))
        await click(pilot, "#record")
        table = screen.query_one("#contacts", DataTable)
        rules = dict(zip(column(table, "id"), column(table, "flags")))
        assert {k: v for k, v in rules.items() if v != "—"} == {
            "C7": "More than 6 unanswered calls a day", "C9": "Third parties contacted"}
        assert "9 recorded, 2 breaking a rule" in text(screen.query_one("#contacts-count"))
        table.focus()
        await press(pilot, "ctrl+end")  # the last row: the call to a relative, its note and its rule in full
        detail = text(screen.query_one("#contact-flags"))
        assert "C9" in detail and "Called my mother" in detail and "No contact with unrelated third parties" in detail


async def test_a_promise_to_pay_becomes_one_reminder(late: Path) -> None:
    app = app_for(late)
    async with app.run_test(size=(120, 36)) as pilot:
        await open_section(pilot)
        form = await add_contact(pilot, "2025-02-16 11:00", "Collector Wang", answered="yes", promise="300")
        assert form.query_one("#record").disabled  # a promise needs its date too
        assert text(form.query_one("#error")).startswith("… by (date)")
        await type_into(pilot, "#promise-date", "2025-02-18")
        assert "becomes a reminder on 2025-02-18" in text(form.query_one("#flags"))
        await click(pilot, "#record")
    coming = json.loads(cli(late, "remind", "list", "--days", "7", "--now", "2025-02-16T12:00", "--json"))
    promised = [o for o in coming if "promised" in o["message"]]
    assert [(o["due_date"], o["amount"], o["message"]) for o in promised] == [
        ("2025-02-18", "300.00", "Rent gap: you promised Collector Wang to pay ¥300.00 today (2025-02-18).")]


@pytest.mark.parametrize(("field", "value", "label"), [
    ("#at", "2025-02-17 10:00", "When (YYYY-MM-DD HH:MM, local)"),  # after today
    ("#at", "2025-02-15", "When (YYYY-MM-DD HH:MM, local)"),  # no time
    ("#promise", "500", "… by (date)"),  # a promise without its date
    ("#promise-date", "2025-02-20", "Promised to pay (optional)"),  # a date without its amount
])
async def test_a_bad_contact_names_its_label_and_writes_nothing(late: Path, field: str, value: str, label: str) -> None:
    before = (late / "ledger.json").read_bytes()
    app = app_for(late)
    async with app.run_test(size=(120, 36)) as pilot:
        await open_section(pilot)
        form = await add_contact(pilot, "2025-02-15 10:00", "X")
        assert not form.query_one("#record").disabled
        await type_into(pilot, field, value)
        error = text(form.query_one("#error"))
        assert error.startswith(label), error
        assert form.query_one("#record").disabled
        await press(pilot, "enter")  # Enter does not record it either
        assert app.screen is form
    assert (late / "ledger.json").read_bytes() == before


async def test_a_required_field_is_not_faulted_before_it_is_reached(late: Path) -> None:
    """The form opened with "From: this text has 1 to 80 characters" under it before anything was typed. Now:
    Record is disabled with that sentence as its reason; the sentence shows once From was left empty or Enter
    asked to record; typing in another field first does not show it."""
    app = app_for(late)
    async with app.run_test(size=(120, 36)) as pilot:
        await open_section(pilot)
        await press(pilot, "n")
        form = app.screen
        assert isinstance(form, ContactForm)
        record = form.query_one("#record")
        assert text(form.query_one("#error")) == "" and record.disabled
        assert str(record.tooltip).startswith("From (collector, agency, number)")
        await type_into(pilot, "#at", "2025-02-15 10:00")  # another field: still not said
        assert text(form.query_one("#error")) == "" and record.disabled
        await press(pilot, "tab", "tab")  # into From, and out of it, empty
        assert "#from" not in str(app.focused) and form.query_one("#from").id in form._touched
        assert text(form.query_one("#error")).startswith("From (collector, agency, number)")
        await type_into(pilot, "#from", "X")
        assert text(form.query_one("#error")) == "" and not record.disabled and record.tooltip is None
        await type_into(pilot, "#from", "")
        assert text(form.query_one("#error")).startswith("From") and record.disabled
        assert str(record.tooltip) == "Fix what is marked in red first."


async def test_enter_says_what_is_missing(late: Path) -> None:
    app = app_for(late)
    async with app.run_test(size=(120, 36)) as pilot:
        await open_section(pilot)
        await press(pilot, "n")
        form = app.screen
        assert text(form.query_one("#error")) == ""
        await press(pilot, "enter")  # in When: asks to record, nothing is, and From's sentence shows
        assert app.screen is form and text(form.query_one("#error")).startswith("From (collector, agency, number)")


async def test_removing_a_contact_asks_first(late: Path) -> None:
    cli(late, "contacts", "add", "--loan", "L1", "--at", "2025-02-15 10:00", "--channel", "sms", "--from", "X")
    app = app_for(late)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_section(pilot)
        await press(pilot, "x")
        assert isinstance(app.screen, ConfirmDialog)
        assert "Remove contact C1 (2025-02-15 10:00, from X)?" in text(app.screen.query_one("#message"))
        await press(pilot, "n")
        assert len(ledger_file(app).get("contacts", [])) == 1
        await press(pilot, "x", "y")
        assert ledger_file(app).get("contacts", []) == [] and app.screen is screen
        assert "No contacts recorded." in text(screen.query_one("#contacts-count"))
        assert screen.query_one("#remove-contact").disabled


async def test_the_contact_record_for_a_complaint(late: Path, tmp_path: Path) -> None:
    cli(late, "contacts", "add", "--loan", "L1", "--at", "2025-02-15 22:30", "--channel", "phone", "--from", "X")
    cli(late, "pay", "L1", "--amount", "100")
    app = app_for(late)
    async with app.run_test(size=(120, 36)) as pilot:
        await open_section(pilot)
        await press(pilot, "e")
        dialog = app.screen
        assert isinstance(dialog, RecordDialog) and dialog.query_one("#path", Input).value == "~/contact-record.md"
        md = tmp_path / "out" / "record.md"
        await type_into(pilot, "#path", str(md))
        await press(pilot, "enter")
        text_md = md.read_text()
        assert mode(md) == 0o600 and text_md.startswith("# Collection contact record")
        assert "at 22:30, between 22:00 and 08:00" in text_md and "¥100.00" in text_md
        assert any("1 contact, 1 breaking a rule, 1 payment." in n.message for n in app._notifications)
        await press(pilot, "e")
        app.screen.query_one("#format", Select).value = "csv"
        await settle(pilot)
        assert app.screen.query_one("#path", Input).value == "~/contact-record.csv"  # follows the format
        csv = tmp_path / "out" / "record.csv"
        await type_into(pilot, "#path", str(csv))
        await press(pilot, "enter")
        rows = csv.read_text().splitlines()
        assert mode(csv) == 0o600 and rows[1].startswith("contact,C1,L1,2025-02-15 22:30,phone")


# --- the credit record ---


async def test_the_credit_timeline_and_the_reporting_day(late: Path) -> None:
    app = app_for(late)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_section(pilot)
        credit = screen.query_one("#credit").text
        assert "pay ¥903.66 by 2025-02-16" in credit and "since 2025-02-11, 6 days so far (instalment 1)" in credit
        before = (late / "ledger.json").read_bytes()
        await type_into(pilot, "#report-day", "32")
        await press(pilot, "enter")
        error = text(screen.query_one("#day-error"))
        assert error.startswith("Reporting day (1–31; empty: not known)") and '"32"' in error
        assert (late / "ledger.json").read_bytes() == before
        await type_into(pilot, "#report-day", "20")
        await press(pilot, "enter")
        assert ledger_file(app)["settings"]["credit_report_day"] == 20
        credit = screen.query_one("#credit").text
        # on the 20th, nothing more paid, 10 days late; paid on the 19th it does not show: 905.27
        assert "pay ¥905.27 by 2025-02-19" in credit
        assert "2025-02-20: likely shows 10 days overdue (M1, code 1), ¥905.81 overdue" in credit
        assert "until 2030-02-19" in credit
        await type_into(pilot, "#report-day", "")
        await click(pilot, "#save-day")
        assert ledger_file(app)["settings"].get("credit_report_day") is None
        assert "not known" in text(screen.query_one("#credit-notes"))


# --- the section among the others ---


@pytest.mark.parametrize("lang", ["en", "zh"])
async def test_at_80_columns_every_key_is_on_the_bar(late: Path, lang: str) -> None:
    from tests.tui.test_key_bar import bar_text, keys

    app = app_for(late, lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_section(pilot)
        bar = bar_text(app).replace("\n", "  ")
        shown_keys = keys(app)
        assert [k for k, _ in shown_keys][:6] == ["b", "l", "r", "n", "x", "e"]
        for key, words in shown_keys:
            assert f"{key} {words}" in bar
        sections = {"en": "Sections", "zh": "栏目"}[lang]  # the six section keys share one entry at 80 columns
        assert ("1-6", sections) in shown_keys and len(bar_text(app).splitlines()) == 2


async def test_help_lists_the_sections_keys(late: Path) -> None:
    app = app_for(late)
    async with app.run_test(size=(120, 36)) as pilot:
        await open_section(pilot)
        await press(pilot, "question_mark")
        keys = text(app.screen.query_one("#keys"))
        assert "6 Section: Way back" in keys
        assert "Way back: b Type your monthly budget · l The request letter · r Record what the lender agreed" in keys


async def test_text_from_the_file_shows_escaped(late: Path) -> None:
    """A hand-edited ledger: the loan's name and a contact's caller and note hold terminal escapes."""
    cli(late, "contacts", "add", "--loan", "L1", "--at", "2025-02-15 22:30", "--channel", "phone", "--from", "X",
        "--note", "n")
    path = late / "ledger.json"
    data = json.loads(path.read_text())
    data["loans"][0]["name"] = "Rent \x1b[2J gap"
    data["contacts"][0]["who"] = "Agency \x1b]0;owned\x07"
    data["contacts"][0]["note"] = "said \x1b[31mred"
    path.write_text(json.dumps(data))
    app = app_for(late)
    async with app.run_test(size=(160, 60)) as pilot:
        screen = await open_section(pilot, "500")
        seen = shown(app) + text(screen.query_one("#contact-flags")) + screen.query_one("#credit").text
        assert "\x1b" not in seen and "\x07" not in seen
        assert "Rent \\x1b[2J gap" in seen and "Agency \\x1b]0;owned\\x07" in seen and "said \\x1b[31mred" in seen
        await press(pilot, "l")
        assert "“Rent \\x1b[2J gap”" in text(app.screen.query_one("#letter"))


async def test_saving_the_contact_record_over_the_ledger_names_the_field(late: Path) -> None:
    app = app_for(late)
    async with app.run_test(size=(120, 36)) as pilot:
        await open_section(pilot)
        await press(pilot, "e")
        await type_into(pilot, "#path", str(late / "ledger.json"))
        await press(pilot, "enter")
        said = text(app.screen.query_one("#error"))
        assert said.startswith("Save as") and "--out" not in said, said  # the dialog's field, not the option


@pytest.fixture
def two_loans(tmp_path: Path) -> Path:
    """An on-track loan first (L1, drawn 2025-02-01: first due 2025-03-01), then the seed's late loan (L2)."""
    data = tmp_path / "data"
    cli(data, "loans", "add", "--name", "Fridge", "--principal", "3000", "--daily-rate", "0.0003", "--term", "6",
        "--method", "equal-installment", "--start", "2025-02-01", today="2025-02-01")
    cli(data, "loans", "add", "--name", "Rent gap", *WORKED, today="2025-02-01")
    return data


async def test_the_request_is_about_the_overdue_loan_first(two_loans: Path) -> None:
    """The picker lists the overdue loan first and starts on it, even when the on-track one is selected
    elsewhere; the on-track loan stays listed (a borrower may ask before missing a payment)."""
    app = app_for(two_loans)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        app.selected_loan = "L1"
        screen = await open_section(pilot, "3000")
        picker = screen.query_one("#request-loan", Select)
        assert picker.value == "L2"
        assert [value for _, value in picker._options if isinstance(value, str)] == ["L2", "L1"]
        assert "L2" in text(screen.query_one("#request-heading"))


async def test_l_with_a_budget_too_small_says_why(two_loans: Path) -> None:
    """5 a month does not even keep L1 current: nothing is left to offer L2's lender. `l` says so."""
    app = app_for(two_loans)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_section(pilot, "5")
        assert screen.query_one("#letter").disabled
        app.clear_notifications()
        await press(pilot, "l")
        sentence = "The budget leaves nothing to offer a lender once the other loans' next instalments are kept"
        assert any(sentence in str(n.message) for n in app._notifications)
        assert not isinstance(app.screen, LetterDialog)
