"""Issue 8's abilities in the app, each checked against the command line on the same ledger: what the borrower
sees in the app is what `jiebei-tui ... --json` prints (never a copy of the app's own output), and what the app
records is what the command line then lists.

The ledger is domain.md's worked example (10,000 at 0.04% a day, 12 months, equal instalments of 900.41, drawn
2025-01-10), set up with the command line (`cli` fixture, tests/conftest.py) in the folder the app opens."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
from decimal import Decimal
from pathlib import Path

import pytest
from textual.widgets import Button, DataTable, Input, Select

from jiebei_tui.cli import main
from jiebei_tui.domain.money import yuan
from jiebei_tui.tui.app import JiebeiApp
from jiebei_tui.tui.screens.add_loan import AddLoanScreen
from jiebei_tui.tui.screens.loan_edit import LoanEditDialog
from jiebei_tui.tui.screens.modals import PayModal
from jiebei_tui.tui.screens.overdue import OverdueScreen
from jiebei_tui.tui.screens.payments import EditPaymentDialog, PaymentsDialog, VoidDialog
from jiebei_tui.tui.screens.status import StatusScreen
from jiebei_tui.tui.widgets.chart import CostChart
from jiebei_tui.tui.widgets.dialog import ConfirmDialog
from tests.conftest import EI
from tests.tui.conftest import click, press, ready, screen_text, settle, text


def open_app(data_dir: Path, today: str, lang: str = "en") -> JiebeiApp:
    day = dt.date.fromisoformat(today)
    clock = lambda tz: dt.datetime.combine(day, dt.time(12, 0), tzinfo=tz)  # noqa: E731
    return JiebeiApp(data_dir=data_dir, today=day, lang=lang, demo=False, reminders=False, clock=clock)


def cells(table: DataTable) -> list[list[str]]:
    return [[str(c).strip() for c in table.get_row_at(i)] for i in range(table.row_count)]


def after_column(table: DataTable) -> dict[str, str]:
    """A before/after table (text/loans.py compared) as {label: after}."""
    return {row[0]: row[2] for row in cells(table)}


async def set_value(pilot, selector: str, value: str) -> None:
    pilot.app.screen.query_one(selector, Input).value = value
    await settle(pilot)


def money(amount: str) -> str:
    return yuan(Decimal(amount))


def command(data_dir: Path, today: str, *args: str) -> str:
    """The command line on `data_dir`: what it printed (also while the app runs, which takes standard output
    over)."""
    with contextlib.redirect_stdout(io.StringIO()) as out:
        assert main(["--data-dir", str(data_dir), "--today", today, "--no-demo", *args]) == 0
    return out.getvalue()


def cli_json(data_dir: Path, today: str, *args: str):
    return json.loads(command(data_dir, today, *args, "--json"))


# --- what Status, the banner, the pay dialog and Repay show is what `status` prints ---


async def test_status_banner_pay_dialog_and_repay_show_what_status_prints(cli, data_dir) -> None:
    assert cli("loans", "add", "--name", "Worked example", *EI).code == 0
    assert cli("pay", "L1", "--amount", "900.41", "--on", "2025-02-10", today="2025-02-10").code == 0
    loan = cli("status", "L1", "--json", today="2025-02-25").json()["loans"][0]
    settled = cli("settle", "--loan", "L1", "--on", "2025-02-25", "--json", today="2025-02-25").json()
    assert settled["payoff"] == "9278.93"  # domain.md: the settle figure on 2025-02-25
    app = open_app(data_dir, "2025-02-25")
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        row = cells(app.screen.query_one("#loans", DataTable))[0]
        assert row[4] == loan["next_due_date"] and row[5] == money(loan["next_due_amount"])
        assert "on track" in row[2] and loan["badge"] == "on_track"
        await press(pilot, "p")
        assert isinstance(app.screen, PayModal)
        assert app.screen.query_one("#amount", Input).value == loan["pay_now"]  # what to pay today
        await press(pilot, "escape", "2")
        pay = text(app.screen.query_one("#pay-figures"))
        assert money(loan["pay_now"]) in pay and f"instalment {loan['pay_now_covers'][0]}" in pay
        settle_figures = text(app.screen.query_one("#settle-figures"))
        assert f"Payoff  {money(settled['payoff'])}" in settle_figures
        assert f"Interest saved  {money(settled['interest_saved'])}" in settle_figures


# --- the payments table, void and correct ---


async def test_the_payments_table_is_payments_list(cli, data_dir) -> None:
    assert cli("loans", "add", "--name", "Worked example", *EI).code == 0
    assert cli("pay", "L1", "--amount", "900.41", "--on", "2025-02-10", today="2025-02-10").code == 0
    assert cli("pay", "L1", "--amount", "1000", "--on", "2025-03-10", today="2025-03-10").code == 0
    listed = cli("payments", "list", "L1", "--json", today="2025-03-20").json()["payments"]
    app = open_app(data_dir, "2025-03-20")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await press(pilot, "h")
        dialog = app.screen
        assert isinstance(dialog, PaymentsDialog)
        shown = cells(dialog.query_one("#payments", DataTable))
        assert [(r[0], r[1], r[3]) for r in shown] == [(p["id"], p["date"], money(p["amount"])) for p in listed]
        assert all(r[2] == "repayment" and r[4] == "counts" for r in shown)
        await press(pilot, "down")  # the second payment: where it went, as payments list splits it
        split = text(dialog.query_one("#split"))
        second = listed[1]
        for name in ("penalty", "interest", "principal", "prepaid", "fee"):
            assert f"{name.capitalize()} {money(second[name])}" in split
        assert "the command line" in split  # recorded from where


async def test_void_names_the_payment_previews_the_effect_and_records_a_reversal(cli, data_dir) -> None:
    assert cli("loans", "add", "--name", "Worked example", *EI).code == 0
    assert cli("pay", "L1", "--amount", "900.41", "--on", "2025-02-10", today="2025-02-10").code == 0
    app = open_app(data_dir, "2025-02-25")
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await press(pilot, "h", "v")
        dialog = app.screen
        assert isinstance(dialog, VoidDialog)
        message = text(dialog.query_one("#message"))
        assert "E1" in message and "¥900.41" in message and "2025-02-10" in message
        previewed = after_column(dialog.query_one("#compare", DataTable))
        await set_value(pilot, "#reason", "bank reversed it")
        await press(pilot, "tab")  # from the reason to the buttons: y answers there
        await click(pilot, "#yes")
        assert isinstance(app.screen, PaymentsDialog)
        assert [r[4] for r in cells(app.screen.query_one("#payments", DataTable))] == ["voided (bank reversed it)"]
    listed = cli("payments", "list", "--json", today="2025-02-25").json()["payments"]
    assert (listed[0]["status"], listed[0]["reason"]) == ("voided", "bank reversed it")
    after = cli("status", "L1", "--json", today="2025-02-25").json()["loans"][0]
    assert previewed["Outstanding"] == money(after["principal_outstanding"]) == "¥10,000.00"
    assert previewed["Payoff"] == money(after["payoff"])
    assert previewed["State"] == "overdue M1" and after["badge"] == "overdue"


async def test_after_a_first_void_the_next_voids_before_column_is_what_status_shows(cli, data_dir) -> None:
    """Instalments 1 and 2 already repaid, E1 voided, then E2 previewed: "Before" is the loan as Status shows it
    now (behind since 02-10, 923.23 clears it: worked by hand in tests/test_actions_corrections.py), not the next
    instalment still to fall due (04-10, 900.41)."""
    assert cli("loans", "add", "--name", "Worked example", *EI, "--paid-through", "2", today="2025-03-24").code == 0
    app = open_app(data_dir, "2025-03-24")
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await press(pilot, "h", "v", "y")  # void E1
        assert isinstance(app.screen, PaymentsDialog)
        await press(pilot, "down", "v")  # E2
        dialog = app.screen
        assert isinstance(dialog, VoidDialog) and "E2" in text(dialog.query_one("#message"))
        rows = {row[0]: (row[1], row[2]) for row in cells(dialog.query_one("#compare", DataTable))}
        await press(pilot, "escape", "escape", "1")
        status = cells(app.screen.query_one("#loans", DataTable))[0]  # ID, Name, State, Outstanding, Next due, Amount
    assert status[2:6] == ["overdue M2", "¥9,238.71", "2025-02-10", "¥923.23"]
    assert rows["State"][0] == status[2] and rows["Outstanding"][0] == status[3]
    assert (rows["Next due"][0], rows["Amount"][0]) == (status[4], status[5])
    assert rows["Payoff"] == ("¥9,396.90", "¥10,304.75")
    assert (rows["Outstanding"][1], rows["Next due"][1], rows["Amount"][1]) == ("¥10,000.00", "2025-02-10", "¥1,831.08")


async def test_correcting_a_payment_previews_it_asks_and_replaces_it(cli, data_dir) -> None:
    assert cli("loans", "add", "--name", "Worked example", *EI).code == 0
    assert cli("pay", "L1", "--amount", "900", "--on", "2025-02-10", today="2025-02-10").code == 0  # a typo
    app = open_app(data_dir, "2025-02-25")
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await press(pilot, "h", "e")
        dialog = app.screen
        assert isinstance(dialog, EditPaymentDialog)
        await set_value(pilot, "#amount", "0")
        assert "more than 0" in text(dialog.query_one("#error")) and dialog.query_one("#save", Button).disabled
        await set_value(pilot, "#amount", "900.41")
        previewed = after_column(dialog.query_one("#compare", DataTable))
        await click(pilot, "#save")
        assert isinstance(app.screen, ConfirmDialog)  # nothing is recorded without a confirmation
        message = text(app.screen.query_one("#message"))
        assert "E1 (¥900.00 on 2025-02-10, loan L1)" in message and "¥900.41 on 2025-02-10" in message
        assert cli_json(data_dir, "2025-02-25", "payments", "list")["payments"][0]["status"] == "active"
        await press(pilot, "y")
        assert isinstance(app.screen, PaymentsDialog)
    listed = cli("payments", "list", "--json", today="2025-02-25").json()["payments"]
    assert [(p["id"], p["amount"], p["status"], p["source"]) for p in listed] == [
        ("E1", "900.00", "replaced", "cli"), ("E3", "900.41", "active", "app")]
    after = cli("status", "L1", "--json", today="2025-02-25").json()["loans"][0]
    assert previewed["Outstanding"] == money(after["principal_outstanding"]) == "¥9,223.59"  # domain.md
    assert previewed["Payoff"] == money(after["payoff"]) == "¥9,278.93"


@pytest.mark.parametrize("size", [(80, 24), (120, 36)])
@pytest.mark.parametrize("lang", ["en", "zh"])
async def test_a_corrected_or_voided_payments_status_is_shown_in_full(cli, data_dir, lang, size) -> None:
    """The status column wraps what it cannot fit in the dialog, every word on screen: nothing runs off its
    right edge (a newcomer read "replaced by E9 (…typ" at 80 columns)."""
    assert cli("loans", "add", "--name", "Worked example", *EI).code == 0
    assert cli("pay", "L1", "--amount", "900", "--on", "2025-02-10", today="2025-02-10").code == 0  # E1
    assert cli("pay", "L1", "--amount", "900.41", "--on", "2025-03-10", today="2025-03-10").code == 0  # E2
    typo = "typo in amount" if lang == "en" else "金额输错了，少输了四毛一分钱"
    bounced = ("bank reversed the transfer, it never arrived" if lang == "en"
               else "银行退回了这笔转账，钱其实一直没有到账，需要重新还")
    assert cli("payments", "edit", "E1", "--amount", "900.41", "--reason", typo, today="2025-03-20").code == 0
    assert cli("payments", "void", "E2", "--reason", bounced, today="2025-03-20").code == 0
    listed = cli("payments", "list", "L1", "--json", today="2025-03-20").json()["payments"]
    new = next(p["id"] for p in listed if p["status"] == "active")  # the corrected E1
    expected = {  # what each status says, written out in full
        "en": {"E1": f"replaced by {new} ({typo})", new: "counts", "E2": f"voided ({bounced})"},
        "zh": {"E1": f"已被 {new} 更正（{typo}）", new: "有效", "E2": f"已作废（{bounced}）"},
    }[lang]
    app = open_app(data_dir, "2025-03-20", lang=lang)
    async with app.run_test(size=size) as pilot:
        await ready(pilot)
        await press(pilot, "h")
        table = app.screen.query_one("#payments", DataTable)
        assert table.virtual_size.width <= table.scrollable_content_region.width  # no column runs off the edge
        shown = screen_text(app)
        for row in range(table.row_count):
            payment, status = str(table.get_row_at(row)[0]), str(table.get_row_at(row)[4])
            lines = status.split("\n")
            assert "".join(lines).replace(" ", "") == expected[payment].replace(" ", "")  # wrapped, not cut
            assert all(line.strip() in shown for line in lines), (payment, lines)
        assert sorted(expected) == sorted(str(table.get_row_at(r)[0]) for r in range(table.row_count))


# --- undo ---


async def test_undo_names_the_last_change_and_puts_the_ledger_back(cli, data_dir) -> None:
    assert cli("loans", "add", "--name", "Worked example", *EI).code == 0
    before = (data_dir / "ledger.json").read_text()
    app = open_app(data_dir, "2025-02-10")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await press(pilot, "p")
        await click(pilot, "#record")
        await press(pilot, "y")  # a repayment of what is due, recorded from the app
        assert cli_json(data_dir, "2025-02-10", "payments", "list")["payments"][0]["source"] == "app"
        await press(pilot, "u")
        assert isinstance(app.screen, ConfirmDialog)
        message = text(app.screen.query_one("#message"))
        # the history entry in words, as `jiebei-tui undo` says what it undid
        assert "the repayment E1 of ¥900.41 on 2025-02-10 for L1" in message and "from the app" in message
        await press(pilot, "y")
        assert any("Undid the repayment E1" in n.message for n in app._notifications)
        assert cli_json(data_dir, "2025-02-10", "payments", "list")["payments"] == []
        assert "DUE TODAY" in text(app.screen.query_one("#banner"))  # instalment 1 is owed again
        await press(pilot, "u")  # again: the loan added by the command line
        assert "adding loan L1 (Worked example)" in text(app.screen.query_one("#message"))
        assert "the command line" in text(app.screen.query_one("#message"))
        await press(pilot, "n")  # no: nothing changes
    assert json.loads((data_dir / "ledger.json").read_text())["loans"] == json.loads(before)["loans"]


async def test_undo_with_nothing_to_undo_says_so(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await press(pilot, "u")
        assert isinstance(app.screen, StatusScreen)
        assert any("Nothing to undo" in n.message for n in app._notifications)


# --- a loan's contract terms ---


async def test_a_loan_edit_shows_what_loans_edit_shows_then_records_it(cli, data_dir) -> None:
    assert cli("loans", "add", "--name", "Worked example", *EI).code == 0
    assert cli("pay", "L1", "--amount", "900.41", "--on", "2025-02-10", today="2025-02-10").code == 0
    preview = cli("loans", "edit", "L1", "--daily-rate", "0.05%", "--json", today="2025-02-25").json()
    app = open_app(data_dir, "2025-02-25")
    async with app.run_test(size=(120, 50)) as pilot:
        await ready(pilot)
        await press(pilot, "c")
        dialog = app.screen
        assert isinstance(dialog, LoanEditDialog)
        assert "already has those terms" in text(dialog.query_one("#changes"))  # nothing changed yet
        await set_value(pilot, "#daily_rate", "0.05%")
        assert "0.04% → 0.05%" in text(dialog.query_one("#changes"))
        after = after_column(dialog.query_one("#compare", DataTable))
        state = preview["state_after"]
        assert after["Outstanding"] == money(state["principal_outstanding"])
        assert after["Payoff"] == money(state["payoff"])
        # at 0.05% the 900.41 paid on 02-10 no longer covers instalment 1: Status would show the loan behind since
        # that day and what clears it, so the preview does too (not the next instalment, 03-10)
        assert (after["Next due"], after["Amount"]) == (state["behind_since"], money(state["amount_to_clear"]))
        assert state["behind_since"] == "2025-02-10"
        schedule = cells(dialog.query_one("#schedule", DataTable))
        assert [(r[1], r[5]) for r in schedule] == [(i["due_date"], money(i["total"])) for i in preview["schedule_after"]]
        assert cli_json(data_dir, "2025-02-25", "loans", "list")["loans"][0]["daily_rate"] == "0.000400"
        await click(pilot, "#save")
        assert isinstance(app.screen, ConfirmDialog) and "L1" in text(app.screen.query_one("#message"))
        await press(pilot, "y")
        assert isinstance(app.screen, StatusScreen)
    assert cli("loans", "list", "--json", today="2025-02-25").json()["loans"][0]["daily_rate"] == "0.000500"
    now = cli("status", "L1", "--json", today="2025-02-25").json()["loans"][0]
    assert (now["principal_outstanding"], now["payoff"]) == (state["principal_outstanding"], state["payoff"])
    assert (now["behind_since"], now["amount_to_clear"]) == (state["behind_since"], state["amount_to_clear"])


async def test_a_loan_edit_a_payment_no_longer_fits_is_refused_with_the_sentence(cli, data_dir) -> None:
    assert cli("loans", "add", "--name", "Worked example", *EI).code == 0
    assert cli("pay", "L1", "--amount", "900.41", "--on", "2025-02-10", today="2025-02-10").code == 0
    refused = cli("loans", "edit", "L1", "--start", "2025-02-20", today="2025-02-25")
    assert refused.code == 2
    app = open_app(data_dir, "2025-02-25")
    async with app.run_test(size=(120, 50)) as pilot:
        await ready(pilot)
        await press(pilot, "c")
        await set_value(pilot, "#start", "2025-02-20")
        error = text(app.screen.query_one("#error"))
        assert "E1" in error and "2025-02-10" in error
        assert app.screen.query_one("#save", Button).disabled


# --- a loan already part-repaid ---


async def test_already_repaid_instalments_open_the_loan_on_track_as_paid_through_does(cli, data_dir, tmp_path) -> None:
    app = open_app(data_dir, "2025-04-01")
    async with app.run_test(size=(120, 60)) as pilot:
        await ready(pilot)
        await press(pilot, "a")
        form = app.screen
        assert isinstance(form, AddLoanScreen)
        for field, value in (("name", "Worked example"), ("principal", "10000"), ("daily_rate", "0.0004"),
                             ("term", "12"), ("start", "2025-01-10"), ("paid_through", "5")):
            form.query_one(f"#{field}", Input).value = value
        await settle(pilot)
        assert "0 to 2" in text(form.query_one("#paid_through-error"))  # two instalments are due by 2025-04-01
        assert form.query_one("#save", Button).disabled
        await set_value(pilot, "#paid_through", "2")
        assert "Instalments 1 to 2 recorded as repaid" in text(form.query_one("#opens"))
        assert "on track" in text(form.query_one("#opens"))
        await click(pilot, "#save")
        assert isinstance(app.screen, StatusScreen)
    mine = cli("status", "L1", "--json", today="2025-04-01").json()["loans"][0]
    other = tmp_path / "other"  # the same loan added by the command line
    assert command(other, "2025-04-01", "loans", "add", "--name", "Worked example", *EI, "--paid-through", "2")
    theirs = json.loads(command(other, "2025-04-01", "status", "L1", "--json"))["loans"][0]
    assert mine["badge"] == theirs["badge"] == "on_track"
    assert [i["status"] for i in mine["installments"][:3]] == ["paid", "paid", "upcoming"]
    for key in ("principal_outstanding", "pay_now", "payoff", "next_due_date", "next_due_amount"):
        assert mine[key] == theirs[key], key


async def test_an_older_loan_whose_past_instalments_are_not_marked_repaid_says_so_before_saving(data_dir) -> None:
    """Drawn 2025-01-10, opened 2025-04-01: instalments 1 (02-10) and 2 (03-10) fell due before today. Left at 0
    already repaid, the loan opened overdue (penalty from each due date) and the form said only its state; a
    newcomer saved it and found it 50 days late. The form says which number to enter, and stops once it is."""
    app = open_app(data_dir, "2025-04-01")
    async with app.run_test(size=(120, 60)) as pilot:
        await ready(pilot)
        await press(pilot, "a")
        form = app.screen
        for field, value in (("name", "Worked example"), ("principal", "10000"), ("daily_rate", "0.0004"),
                             ("term", "12"), ("start", "2025-01-10"), ("paid_through", "0")):
            form.query_one(f"#{field}", Input).value = value
        await settle(pilot)
        opens = text(form.query_one("#opens"))
        assert opens.startswith("It opens overdue M2; next due 2025-04-10: ¥900.41.")
        assert ("2 instalments fell due before today and count as unpaid: if you have paid them, enter 2 in "
                "Already repaid.") in opens
        await set_value(pilot, "#paid_through", "1")
        assert ("1 instalment fell due before today and counts as unpaid: if you have paid it, enter 2 in "
                "Already repaid.") in text(form.query_one("#opens"))
        await set_value(pilot, "#paid_through", "2")
        assert "fell due before today" not in text(form.query_one("#opens"))


# --- the auto-debit question ---


async def test_the_auto_debit_question_is_asked_and_b_records_it_as_pay_debited(cli, data_dir) -> None:
    assert cli("loans", "add", "--name", "Worked example", *EI).code == 0
    assert cli("loans", "auto-debit", "L1", "on", "--account", "Yu'e Bao").code == 0
    [question] = cli("status", "--json", today="2025-02-12").json()["debits_to_confirm"]
    app = open_app(data_dir, "2025-02-12")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        asked = text(app.screen.query_one("#debits"))
        assert money(question["amount"]) in asked and question["due_date"] in asked
        assert f"instalment {question['installment']}" in asked and "press b" in asked
        await press(pilot, "b")
        assert isinstance(app.screen, ConfirmDialog)
        assert "Yu'e Bao" in text(app.screen.query_one("#message"))
        await press(pilot, "y")
        assert not app.screen.query_one("#debits").display
    status = cli("status", "--json", today="2025-02-12").json()
    assert status["debits_to_confirm"] == [] and status["loans"][0]["installments"][0]["status"] == "paid"
    [paid] = cli("payments", "list", "--json", today="2025-02-12").json()["payments"]
    assert (paid["date"], paid["amount"], paid["auto_debit"], paid["source"]) == (
        question["due_date"], question["amount"], True, "app")


# --- Overdue: across instalments, and whose terms ---


async def test_overdue_counts_every_instalment_owed_and_the_chart_steps_up(cli, data_dir) -> None:
    assert cli("loans", "add", "--name", "Worked example", *EI).code == 0
    shown = cli("overdue", "--loan", "L1", "--installment", "1", "--days", "31", "--json", today="2025-02-12").json()
    assert len(shown["rows"]) == 2  # instalment 2 falls due on day 28 (2025-03-10)
    app = open_app(data_dir, "2025-02-12")
    async with app.run_test(size=(120, 50)) as pilot:
        await ready(pilot)
        await press(pilot, "4")
        screen = app.screen
        assert isinstance(screen, OverdueScreen)
        await set_value(pilot, "#days", "31")
        figures = text(screen.query_one("#figures"))
        assert f"Amount to clear  {money(shown['amount_to_clear'])}" in figures
        assert f"Penalty in all  {money(shown['penalty_total'])}" in figures and f"Stage  {shown['stage']}" in figures
        assert "Worked out under the terms for all loans." in figures  # it has none of its own
        rows = cells(screen.query_one("#rows", DataTable))
        assert [(r[0], r[2], r[6]) for r in rows] == [
            (str(r["installment"]), str(r["days"]), money(r["owed"])) for r in shown["rows"]]
        curve = dict(screen.query_one(CostChart).points)
        assert curve[28] - curve[27] > Decimal(900)  # the chart steps up by about an instalment on day 28


async def test_terms_for_this_loan_are_its_own_and_can_follow_all_loans_again(cli, data_dir) -> None:
    assert cli("loans", "add", "--name", "Worked example", *EI).code == 0
    app = open_app(data_dir, "2025-02-16")
    async with app.run_test(size=(120, 80)) as pilot:
        await ready(pilot)
        await press(pilot, "4")
        screen = app.screen
        # every loan's terms: said in a sentence under the fields (the command's heading ended on a colon, on nothing)
        assert text(screen.query_one("#terms-own")) == (
            "These are every loan's terms; a loan may have its own (pick it under Whose terms).")
        screen.query_one("#scope", Select).value = "loan"
        await settle(pilot)
        assert "follows every loan's terms" in text(screen.query_one("#terms-own"))
        await set_value(pilot, "#grace", "40")
        await click(pilot, "#save-terms")
        assert "0 to 30" in text(screen.query_one("#grace-error"))  # under its field, as typed
        await set_value(pilot, "#grace", "7")
        await click(pilot, "#save-terms")
        shown = cli_json(data_dir, "2025-02-16", "terms", "show", "--loan", "L1")
        assert (shown["grace_days"], shown["own"]) == (7, ["grace_days"])
        assert cli_json(data_dir, "2025-02-16", "terms", "show")["grace_days"] == 0  # every loan's: as it was
        assert "Grace days" in text(screen.query_one("#terms-own"))
        assert "Penalty in all  ¥0.00" in text(screen.query_one("#figures"))  # 6 days late, 7 days' grace
        await click(pilot, "#reset-terms")
        assert cli_json(data_dir, "2025-02-16", "terms", "show", "--loan", "L1")["own"] == []


async def test_the_new_dialogs_follow_a_language_switch_keeping_what_was_typed(cli, data_dir) -> None:
    from tests.tui.conftest import palette

    assert cli("loans", "add", "--name", "Worked example", *EI).code == 0
    assert cli("pay", "L1", "--amount", "900.41", "--on", "2025-02-10", today="2025-02-10").code == 0
    app = open_app(data_dir, "2025-02-25")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await press(pilot, "h")
        await palette(pilot, "Language")
        assert app.lang == "zh" and isinstance(app.screen, PaymentsDialog)
        assert cells(app.screen.query_one("#payments", DataTable))[0][4] == "有效"
        assert "还款记录" in text(app.screen.query_one(".title"))
        await press(pilot, "escape", "c")
        await set_value(pilot, "#term", "24")
        await palette(pilot, "Language")
        assert app.lang == "en" and isinstance(app.screen, LoanEditDialog)
        assert app.screen.query_one("#term", Input).value == "24"
        assert "Term  12 → 24" in text(app.screen.query_one("#changes"))


async def test_looking_writes_nothing(cli, data_dir) -> None:
    """Every section, a loan switched, the payments table, a void previewed and cancelled, a loan edit previewed
    and cancelled, the undo question answered no, this loan's terms shown: the ledger and its backups stay byte
    for byte, with their times."""
    assert cli("loans", "add", "--name", "Worked example", *EI).code == 0
    assert cli("loans", "add", "--name", "Second", *EI).code == 0
    assert cli("pay", "L1", "--amount", "900.41", "--on", "2025-02-10", today="2025-02-10").code == 0
    files = sorted(p for p in data_dir.iterdir() if p.is_file() and not p.name.endswith(".lock"))
    before = {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in files}
    app = open_app(data_dir, "2025-02-25")
    async with app.run_test(size=(120, 50)) as pilot:
        await ready(pilot)
        for key in ("2", "3", "4", "1", "down", "up"):
            await press(pilot, key)
        await press(pilot, "h", "v")
        assert isinstance(app.screen, VoidDialog)
        await press(pilot, "n", "escape", "c")
        await set_value(pilot, "#term", "24")
        await press(pilot, "escape", "y", "u")  # (y: discard what was typed; then undo, answered no)
        assert isinstance(app.screen, ConfirmDialog)
        await press(pilot, "n", "4")
        app.screen.query_one("#scope", Select).value = "loan"
        await settle(pilot)
    after = {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in files}
    assert after == before
    assert sorted(p.name for p in data_dir.iterdir() if p.is_file() and not p.name.endswith(".lock")) == sorted(before)
