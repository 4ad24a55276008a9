"""The Plan section (key 5), driven as a borrower drives it (keys, typing), against the hand-worked figures the
command line is tested with (tests/test_cli_plan.py, tests/domain):

- where the next yuan goes: two loans (A 10,000 at 0.05%/day interest-first, B 3,000 at 0.03%/day equal principal;
  today 2025-01-20) and ¥5,000: nothing extra costs 504.00; highest cost first 306.01 (saves 197.99); smallest
  balance first and lowest outgo 376.68 (save 127.32), debt-free 2025-04-10;
- goal seek and the repayment-day move on domain.md's worked loan (instalment 1 paid);
- the months ahead with a payday (test_months.py's table);
- scenarios S1 (A's ¥5,000: 306.01) and S2 (settle B: 454.50), applied and removed with confirmations;
- exports written 0600.
"""

from __future__ import annotations

import datetime as dt
import json
import stat
import subprocess
import sys
from decimal import Decimal as D
from pathlib import Path

import pytest
from textual.widgets import DataTable, Input, Select

from jiebei_tui.tui.app import JiebeiApp
from jiebei_tui.tui.screens.plan import PlanScreen
from jiebei_tui.tui.screens.plan_dialogs import NewScenarioDialog, PlanExportDialog
from jiebei_tui.tui.widgets.dialog import ConfirmDialog
from tests.conftest import EI
from tests.domain.test_goal import least_extra, keep_instalment
from tests.domain.test_repayment_day import BALANCE, annuity_schedule, monthly
from tests.test_cli_plan import A, B, PLAN_TODAY
from tests.tui.conftest import ledger_file, press, ready, screen_text, settle, text

PACKAGE = Path(__file__).resolve().parents[2]


def day(iso: str) -> dt.date:
    return dt.date.fromisoformat(iso)


@pytest.fixture
def app_on(data_dir: Path):
    """The app on the ledger the `cli` fixture wrote, at a given today (no demo, no reminder delivery)."""

    def make(today: str, lang: str = "en") -> JiebeiApp:
        clock = lambda tz: dt.datetime.combine(day(today), dt.time(12, 0), tzinfo=tz)  # noqa: E731
        return JiebeiApp(data_dir=data_dir, today=day(today), lang=lang, demo=False, reminders=False, clock=clock)

    return make


@pytest.fixture
def two(cli) -> None:
    assert cli("loans", "add", "--name", "A", *A, today=PLAN_TODAY).code == 0
    assert cli("loans", "add", "--name", "B", *B, today=PLAN_TODAY).code == 0


@pytest.fixture
def worked(cli) -> None:
    assert cli("loans", "add", "--name", "Worked", *EI, "--paid-through", "1", today="2025-02-10").code == 0


async def open_plan(pilot) -> PlanScreen:
    await ready(pilot)
    await press(pilot, "5")
    assert isinstance(pilot.app.screen, PlanScreen)
    return pilot.app.screen


async def type_into(pilot, selector: str, value: str) -> None:
    """Go to a field, clear it and type, as a user would."""
    field = pilot.app.screen.query_one(selector, Input)
    field.scroll_visible(animate=False)
    field.focus()
    await settle(pilot)
    await pilot.press("end", "ctrl+u", *value)
    await settle(pilot)


async def choose(pilot, selector: str, value) -> None:
    """Pick a choice of a picker with the keyboard: open it, move to the choice, Enter."""
    select = pilot.app.screen.query_one(selector, Select)
    select.scroll_visible(animate=False)
    select.focus()
    await press(pilot, "enter")
    values = [v for _, v in select._options]
    here = values.index(select.value) if select.value in values else 0
    step = "down" if values.index(value) > here else "up"
    for _ in range(abs(values.index(value) - here)):
        await pilot.press(step)
    await press(pilot, "enter")
    assert select.value == value


def table_rows(screen, selector: str) -> list[list[str]]:
    table = screen.query_one(selector, DataTable)
    return [[str(c).strip() for c in table.get_row_at(i)] for i in range(table.row_count)]


def headings(screen, selector: str) -> list[str]:
    return [str(c.label) for c in screen.query_one(selector, DataTable).columns.values()]


def by_first(rows: list[list[str]]) -> dict[str, list[str]]:
    return {row[0]: row[1:] for row in rows}


def payments(app) -> list[dict]:
    return (ledger_file(app) or {}).get("events", [])


# --- start-up ---


def test_textual_plot_is_loaded_only_when_plan_is_opened(tmp_path: Path) -> None:
    """Start-up does not pay for the chart: textual-plot and numpy are imported when Plan is first opened."""
    script = f"""
import asyncio, datetime as dt, sys
from jiebei_tui.tui.app import JiebeiApp
from tests.tui.conftest import ready, press
async def main():
    app = JiebeiApp(data_dir={str(tmp_path / 'data')!r}, today=dt.date(2026, 11, 28), lang="en", reminders=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        for key in "1234":
            await press(pilot, key)
        print("before", "textual_plot" in sys.modules, "numpy" in sys.modules)
        await press(pilot, "5")
        print("after", "textual_plot" in sys.modules, "numpy" in sys.modules)
asyncio.run(main())
"""
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=PACKAGE, timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split("\n")[:2] == ["before False False", "after True True"]


# --- where the next yuan goes ---


async def test_the_orders_side_by_side_are_the_hand_worked_ones(two, app_on) -> None:
    app = app_on(PLAN_TODAY)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_plan(pilot)
        await type_into(pilot, "#extra", "5000")
        rows = by_first(table_rows(screen, "#orders"))
        assert headings(screen, "#orders")[:8] == ["Order", "Debt-free", "Interest", "Penalty", "Fees", "Cost", "Saving",
                                                   "First step"]
        assert rows["Nothing extra"][:7] == ["2025-04-15", "¥504.00", "¥0.00", "¥0.00", "¥504.00", "—", "—"]
        assert rows["Highest cost"] == ["2025-04-15", "¥306.01", "¥0.00", "¥0.00", "¥306.01", "¥197.99",
                                        "L1 ¥5,000.00 on 01-20", "cheapest"]
        for order in ("Smallest balance", "Lowest outgo"):
            assert rows[order][:6] == ["2025-04-10", "¥376.68", "¥0.00", "¥0.00", "¥376.68", "¥127.32"]
            assert rows[order][6:] == ["L2 ¥3,004.50 on 01-20", ""]
        months = by_first(table_rows(screen, "#plan-months"))
        assert {m: v[0] for m, v in months.items()} == {
            "2025-01": "¥0.00", "2025-02": "¥1,182.90", "2025-03": "¥1,156.80", "2025-04": "¥11,164.30"}
        assert {m: v[1] for m, v in months.items()} == {
            "2025-01": "¥5,000.00", "2025-02": "¥1,027.90", "2025-03": "¥1,140.53", "2025-04": "¥6,137.58"}
        shown = screen_text(app)
        assert "Cheapest: Highest cost first, saving ¥197.99 against nothing extra." in shown
        # the cheapest is chosen: its first step, what it does and the key that records it
        hint = text(screen.query_one("#first-step"))
        assert hint == ("Highest cost first: first step L1 ¥5,000.00 on 01-20: pays ¥50.00 interest, prepays ¥4,950.00 "
                        "of principal, leaves ¥5,050.00 of principal. Press f to record it.")
    assert ledger_file(app) is not None and payments(app) == []  # a plan writes nothing


async def test_the_starting_figure_says_it_is_ours_until_the_borrower_types_one(two, app_on) -> None:
    app = app_on(PLAN_TODAY)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_plan(pilot)
        owed = sum((s.principal_outstanding for s in app.states), D(0))  # 10,000 + 3,000: a third, rounded down
        assert screen.query_one("#extra", Input).value == str(int(owed / 3 // 100 * 100)) == "4300"
        assert "A starting figure (about a third of what you owe): type what you can really spare." in screen_text(app)
        await type_into(pilot, "#extra", "5000")
        assert "A starting figure" not in screen_text(app)


async def test_f_records_the_first_step_after_a_confirmation(two, app_on) -> None:
    """Recorded, A owes 5,050.00 and next asks 5,050 × 0.05% × 49 days = 123.73 on 03-10 (test_cli_plan.py)."""
    app = app_on(PLAN_TODAY)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_plan(pilot)
        await type_into(pilot, "#extra", "5000")
        await press(pilot, "escape", "f")
        dialog = app.screen
        assert isinstance(dialog, ConfirmDialog)
        message = text(dialog.query_one("#message"))
        assert message == ("Record the plan's first step: prepayment of ¥5,000.00 to L1 A on 2025-01-20? It pays ¥50.00 "
                           "interest, prepays ¥4,950.00 of principal, leaves ¥5,050.00 of principal. The whole plan "
                           "(Highest cost first) saves ¥197.99 against nothing extra.")
        assert payments(app) == []  # nothing before yes
        await press(pilot, "y")
        assert app.screen is screen
        [paid] = payments(app)
        assert (paid["loan_id"], paid["date"], paid["kind"], D(paid["amount"]), paid["source"]) == (
            "L1", PLAN_TODAY, "prepayment", D("5000"), "app")
        state = app.state_of("L1")
        assert (state.principal_outstanding, state.next_due_date, state.next_due_amount) == (
            D("5050.00"), day("2025-03-10"), D("123.73"))
        assert any(n.message == "Recorded prepayment of ¥5,000.00 on 2025-01-20 for L1." for n in app._notifications)
        # the plan is worked out again from the new state: doing nothing now costs 306.01 − 50.00
        assert by_first(table_rows(screen, "#orders"))["Nothing extra"][4] == "¥256.01"


async def test_the_cursor_picks_the_order_whose_first_step_is_recorded(two, app_on) -> None:
    app = app_on(PLAN_TODAY)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_plan(pilot)
        await type_into(pilot, "#extra", "5000")
        table = screen.query_one("#orders", DataTable)
        table.focus()
        await press(pilot, "down")  # from the cheapest to smallest balance first
        assert "Smallest balance first: first step L2 ¥3,004.50 on 01-20: clears" not in text(screen.query_one("#first-step"))
        assert text(screen.query_one("#first-step")).startswith("Smallest balance first: first step L2 ¥3,004.50 on 01-20")
        await press(pilot, "f")
        message = text(app.screen.query_one("#message"))
        assert "settlement of ¥3,004.50 to L2 B on 2025-01-20?" in message and "closes the loan" in message
        assert "(Smallest balance first) saves ¥127.32" in message
        await press(pilot, "n")  # no: nothing is written
        assert app.screen is screen and payments(app) == []


@pytest.mark.parametrize(("field", "typed", "sentence"), [
    ("#extra", "abc", 'Extra once "abc" is not allowed: an amount must be more than 0 and at most ¥10,000,000.00, written in digits (1000 or 1,000.50) with at most 2 decimals.'),
    ("#on", "2025-01-19", 'on "2025-01-19" is not allowed: a plan starts today (2025-01-20) or later.'),
    ("#extra", "", "Extra once: give an extra amount, a monthly extra, or both, more than 0."),
])
async def test_a_bad_field_says_so_under_it_and_writes_nothing(two, app_on, data_dir, field, typed, sentence) -> None:
    before = (data_dir / "ledger.json").read_bytes()
    app = app_on(PLAN_TODAY)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_plan(pilot)
        await type_into(pilot, field, typed)
        assert text(screen.query_one("#once-error")) == sentence
        assert screen.query_one("#orders", DataTable).row_count == 0
        assert screen.query_one("#record-first").disabled
        await press(pilot, "escape", "f")
        assert app.screen is screen  # no confirmation: there is nothing to record
    assert (data_dir / "ledger.json").read_bytes() == before


async def test_a_first_step_on_a_later_day_cannot_be_recorded_today(two, app_on) -> None:
    app = app_on(PLAN_TODAY)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_plan(pilot)
        await type_into(pilot, "#extra", "100")
        await type_into(pilot, "#on", "2025-02-01")
        hint = text(screen.query_one("#first-step"))
        assert hint == ("Smallest balance first: first step L2 ¥100.00 on 02-01. A payment is recorded on the day it is "
                        "made: record it on 2025-02-01.")
        assert screen.query_one("#record-first").disabled
        await press(pilot, "escape", "f")
        assert app.screen is screen and payments(app) == []


async def test_a_monthly_extra_and_rolling_over(two, app_on) -> None:
    """test_plan.py's rolling over, smallest balance first: 333.47."""
    app = app_on(PLAN_TODAY)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_plan(pilot)
        await type_into(pilot, "#extra", "5000")
        switch = screen.query_one("#roll-over")
        switch.scroll_visible(animate=False)
        switch.focus()
        await press(pilot, "space")
        assert by_first(table_rows(screen, "#orders"))["Smallest balance"][4] == "¥333.47"
        assert "Rolling over" in text(screen.query_one("#roll-note"))
        await type_into(pilot, "#monthly", "500")
        await type_into(pilot, "#from", "2025-01-19")
        assert text(screen.query_one("#monthly-error")) == (
            'from "2025-01-19" is not allowed: a plan starts today (2025-01-20) or later.')


async def test_with_no_loans_plan_says_what_to_do_first(app_on) -> None:
    app = app_on(PLAN_TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_plan(pilot)
        assert text(screen.query_one("#need-loans")) == "Add a loan first (a): plans need something to pay."
        assert text(screen.query_one("#once-error")) == ""  # no field is wrong: there is nothing to plan yet
        assert screen.query_one("#orders", DataTable).row_count == 0
        await press(pilot, "f")
        assert app.screen is screen
    assert ledger_file(app) is None


# --- goal seek ---


async def test_goal_seek_for_each_kind_of_goal(worked, app_on) -> None:
    app = app_on("2025-02-10")
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_plan(pilot)
        assert text(screen.query_one("#goal-answer")).startswith("Give the goal's date or amount")
        await type_into(pilot, "#goal-on", "2025-02-25")
        await type_into(pilot, "#goal-value", "2025-09-10")
        answer = text(screen.query_one("#goal-answer"))
        expected = least_extra(lambda b: keep_instalment(b)[-1][0].isoformat() <= "2025-09-10")
        assert "Goal: paid off by 2025-09-10" in answer
        assert "payoff ¥9,278.93" in answer  # domain.md's settle figure
        assert "Smaller instalment (keep the term): pay ¥9,278.93 extra" in answer  # keeping the term only settling does
        assert f"Shorter term (keep the instalment): pay ¥{expected:,.2f} extra" in answer
        assert f"One fen less (¥{expected - D('0.01'):,.2f}) misses it: paid off 2025-10-10" in answer
        await choose(pilot, "#goal-kind", "max_installment")
        await type_into(pilot, "#goal-value", "800")
        answer = text(screen.query_one("#goal-answer"))
        assert "Shorter term (keep the instalment): pay ¥8,492.77 extra" in answer  # 852.45 + 8,426.48 − 786.16
        assert "One fen less (¥8,492.76) misses it" in answer
        await choose(pilot, "#goal-kind", "save")
        await type_into(pilot, "#goal-value", "700")
        assert "the most it can save is ¥625.59" in text(screen.query_one("#goal-answer"))  # 680.93 − 55.34
        assert len(payments(app)) == 1  # instalment 1, paid before: goal seek writes nothing
        await type_into(pilot, "#goal-value", "-1")
        assert text(screen.query_one("#goal-error")) == (
            'Save at least "-1" is not allowed: an amount of 0 or more (more than 0 for a saving), with at most 2 '
            "decimals.")
        await type_into(pilot, "#goal-value", "100")
        await type_into(pilot, "#goal-on", "2025-02-09")
        assert 'paid on "2025-02-09" is not allowed' in text(screen.query_one("#goal-error"))


# --- the months ahead and the payday ---


@pytest.fixture
def month_loans(cli) -> None:
    assert cli("loans", "add", "--name", "Worked", *EI, "--paid-through", "1", today="2025-03-01").code == 0
    args = ["--principal", "3000", "--daily-rate", "0.0003", "--term", "3", "--method", "equal-principal", "--start", "2025-01-25"]
    assert cli("loans", "add", "--name", "B", *args, today="2025-03-01").code == 0


async def test_the_months_ahead_with_a_payday(month_loans, app_on) -> None:
    """test_months.py: March = B's overdue 1,029.75 + the worked loan's 900.41 + B's 1,016.80; with payday 15 the
    first two fall before it."""
    app = app_on("2025-03-01")
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_plan(pilot)
        months = by_first(table_rows(screen, "#months-table"))
        assert months["2025-03"] == ["¥2,946.96", "", "01·L2 10·L1 25·L2"]
        assert months["2025-04"][0] == "¥1,909.71" and months["2026-01"][0] == "¥900.42"
        assert text(screen.query_one("#payday-note")) == "No payday set."
        await type_into(pilot, "#payday", "15")
        months = by_first(table_rows(screen, "#months-table"))
        assert months["2025-03"] == ["¥2,946.96", "¥1,930.16", "⚑01·L2 ⚑10·L1 25·L2"]
        assert ledger_file(app)["settings"].get("payday") is None  # looked at, not saved
        await press(pilot, "enter")  # saves it
        assert ledger_file(app)["settings"]["payday"] == 15
        assert any(n.message == "Payday saved." for n in app._notifications)
        await type_into(pilot, "#payday", "32")
        assert text(screen.query_one("#payday-error")).startswith('Payday (day, or off) "32" is not allowed')


# --- change my repayment day ---


async def test_moving_the_repayment_day_to_the_25th(worked, app_on) -> None:
    app = app_on("2025-02-20")
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_plan(pilot)
        await type_into(pilot, "#day-new", "25")
        answer = text(screen.query_one("#day-answer"))
        assert ("Instalment 2 runs from 2025-02-10: due 2025-03-10 (28 days, interest ¥103.30) becomes due 2025-03-25 "
                "(43 days, interest ¥158.65).") in answer
        after = annuity_schedule(BALANCE, day("2025-02-10"), monthly(day("2025-03-25"), 11))
        cost = sum(i for _, _, i in after) - D("680.93")
        assert f"the move costs ¥{cost:,.2f}" in answer and "Only the lender can move a repayment day" in answer
        rows = table_rows(screen, "#day-table")
        assert [(r[3], r[4]) for r in rows] == [(d.isoformat(), f"¥{a:,.2f}") for d, a, _ in after]
        await type_into(pilot, "#day-new", "10")
        assert text(screen.query_one("#day-error")) == (
            'New day 1–28 "10" is not allowed: the loan is already due on day 10.')
    assert len(payments(app)) == 1  # instalment 1, paid before: a what-if writes nothing


# --- scenarios ---


async def add_scenario(pilot, name: str, kind: str, loan: str | None, amount: str = "") -> None:
    await press(pilot, "escape", "n")
    dialog = pilot.app.screen
    assert isinstance(dialog, NewScenarioDialog)
    await type_into(pilot, "#name", name)
    await choose(pilot, "#kind", kind)
    if loan:
        await choose(pilot, "#loan", loan)
    if amount:
        await type_into(pilot, "#amount", amount)
    dialog.query_one("#add").focus()
    await press(pilot, "enter")


async def test_scenarios_added_compared_applied_and_deleted(two, app_on) -> None:
    app = app_on(PLAN_TODAY)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_plan(pilot)
        assert "No scenarios yet: n adds one" in text(screen.query_one("#scenarios-hint"))
        await add_scenario(pilot, "Prepay A", "prepay", "L1", "5000")
        assert app.screen is screen
        await add_scenario(pilot, "Settle B", "settle", "L2")
        assert [s["id"] for s in ledger_file(app).get("scenarios", [])] == ["S1", "S2"]
        rows = by_first(table_rows(screen, "#scenarios"))
        assert rows["As things stand"] == ["2025-04-15", "¥504.00", "—", "¥0.00"]
        assert rows["S1 Prepay A"][1:3] == ["¥306.01", "¥197.99"]
        assert rows["S2 Settle B"][1:3] == ["¥454.50", "¥49.50"]
        assert payments(app) == []  # a scenario never changes the real record until applied
        # the cursor is on the scenario just added: apply it (settle B), confirmed first
        assert text(screen.query_one("#scenario-detail")).startswith("S2 Settle B: settle L2 on 2025-01-20")
        await press(pilot, "t")
        message = text(app.screen.query_one("#message"))
        assert message.startswith("Apply scenario S2 (Settle B)? Recorded today: 2025-01-20  L2 B  ¥3,004.50 (settlement)")
        await press(pilot, "y")
        [paid] = payments(app)
        assert (paid["loan_id"], paid["kind"], D(paid["amount"])) == ("L2", "settlement", D("3004.50"))
        assert app.state_of("L2").paid_off
        assert [s["id"] for s in ledger_file(app).get("scenarios", [])] == ["S1"]  # nothing of it was left to come
        # delete S1, confirmed first; the record stays as it is
        assert text(screen.query_one("#scenario-detail")).startswith("S1 Prepay A")
        await press(pilot, "x")
        assert "Delete scenario S1 (Prepay A)?" in text(app.screen.query_one("#message"))
        await press(pilot, "y")
        assert ledger_file(app).get("scenarios", []) == [] and len(payments(app)) == 1
        assert screen.query_one("#apply-scenario").disabled


async def test_the_new_scenario_dialog_checks_as_you_type(two, app_on) -> None:
    app = app_on(PLAN_TODAY)
    async with app.run_test(size=(120, 36)) as pilot:
        await open_plan(pilot)
        await press(pilot, "n")
        dialog = app.screen
        await type_into(pilot, "#name", "Later")
        await type_into(pilot, "#amount", "12.345")
        assert text(dialog.query_one("#amount-error")) == (
            'Amount "12.345" is not allowed: an amount must be more than 0 and at most ¥10,000,000.00, written in digits (1000 or 1,000.50) with at most 2 decimals.')
        assert dialog.query_one("#add").disabled
        await type_into(pilot, "#amount", "100")
        await type_into(pilot, "#on", "2025-01-01")
        assert text(dialog.query_one("#on-error")) == (
            'On (date) "2025-01-01" is not allowed: a plan starts today (2025-01-20) or later.')  # a one-off prepayment
        await choose(pilot, "#kind", "repayment_day")
        assert not dialog.query_one("#amount-row").display and dialog.query_one("#day-row").display
        await type_into(pilot, "#on", "2025-02-01")
        await type_into(pilot, "#day", "29")
        assert text(dialog.query_one("#day-error")).startswith('New repayment day 1–28 "29" is not allowed')
        await press(pilot, "escape", "y")  # (y: discard what was typed)
        assert isinstance(app.screen, PlanScreen)
    assert ledger_file(app) is None or ledger_file(app).get("scenarios", []) == []


# --- exports ---


@pytest.mark.parametrize(("what", "first_line"), [
    ("plan", "order,"), ("months", "month,due_date"), ("schedule", "loan_id,loan,no,period_start,due_date"),
    ("beancount", None),
])
async def test_exports_are_written_readable_by_the_owner_only(two, app_on, tmp_path, what, first_line) -> None:
    out = tmp_path / "out" / f"export-{what}"
    out.parent.mkdir()
    app = app_on(PLAN_TODAY)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_plan(pilot)
        await type_into(pilot, "#extra", "5000")
        await press(pilot, "escape", "e")
        dialog = app.screen
        assert isinstance(dialog, PlanExportDialog)
        await choose(pilot, "#what", what)
        await type_into(pilot, "#path", str(out))
        await press(pilot, "enter")
        assert app.screen is screen
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    written = out.read_text()
    if first_line:
        assert written.splitlines()[0].startswith(first_line) or first_line in written.splitlines()[0]
    else:
        assert "L1" in written and "Liabilities" in written
    assert any("readable by you only" in n.message for n in app._notifications)


def test_the_plan_screens_call_the_actions_only() -> None:
    """The Plan section's files keep the front doors' contract (tests/test_layers.py): no store, no ledger built,
    from the domain only parsing, formatting and read-only types."""
    from tests.test_layers import PACKAGE as SOURCE, front_door_breaches

    for name in ("plan.py", "plan_dialogs.py"):
        assert front_door_breaches(SOURCE / "tui" / "screens" / name) == []


async def test_the_new_scenario_date_reads_on_for_one_day_and_from_for_a_monthly_amount(two, app_on) -> None:
    app = app_on(PLAN_TODAY)
    async with app.run_test(size=(120, 36)) as pilot:
        await open_plan(pilot)
        await press(pilot, "n")
        dialog = app.screen
        label = lambda: str(dialog.query_one("#on-row Label").render())  # noqa: E731
        assert label() == "On (date)"  # a one-off prepayment
        await choose(pilot, "#kind", "monthly")
        assert label() == "From (date)"
        await choose(pilot, "#kind", "settle")
        assert label() == "On (date)"


async def test_c_adds_a_change_to_the_selected_scenario_as_the_command_line_does(two, app_on, cli) -> None:
    app = app_on(PLAN_TODAY)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_plan(pilot)
        await add_scenario(pilot, "Both", "prepay", "L1", "5000")
        await press(pilot, "escape", "c")
        dialog = app.screen
        assert isinstance(dialog, NewScenarioDialog)
        assert text(dialog.query_one(".title")) == "One more change in S1 (Both)"
        assert not dialog.query_one("#name-row").display and dialog.focused.id == "kind"  # no name to give
        assert str(dialog.query_one("#add").label) == "Add change"
        await choose(pilot, "#kind", "settle")
        await choose(pilot, "#loan", "L2")
        dialog.query_one("#add").focus()
        await press(pilot, "enter")
        assert app.screen is screen
        [both] = ledger_file(app)["scenarios"]
        assert [c["kind"] for c in both["changes"]] == ["prepay", "settle"]
        assert text(screen.query_one("#scenario-detail")).startswith(
            "S1 Both: prepay ¥5,000.00 to L1 on 2025-01-20; settle L2 on 2025-01-20")
        shown = by_first(table_rows(screen, "#scenarios"))["S1 Both"]
    # the same two changes made on the command line give the same figures
    compared = cli("scenario", "compare", "S1", "--json", today=PLAN_TODAY).json()
    [row] = [s for s in compared["scenarios"] if s["id"] == "S1"]
    assert shown[1:3] == [f"¥{D(row['cost']):,.2f}", f"¥{D(row['saving']):,.2f}"]


async def test_the_starting_figures_follow_the_loans_until_one_is_typed(cli, data_dir) -> None:
    """Plan and Repay were built on the demo's loans; the borrower's own first loan (written here by the command
    line, as another program would) brings figures of its own: a third of 10,000 owed, rounded down to 100."""
    from jiebei_tui.tui.screens.repay import RepayScreen
    from tests.tui.conftest import wait_for

    app = JiebeiApp(data_dir=data_dir, today=day("2025-01-10"), lang="en", demo=True, reminders=False)
    async with app.run_test(size=(120, 36)) as pilot:
        plan = await open_plan(pilot)
        await press(pilot, "2")
        repay = app.screen
        assert isinstance(repay, RepayScreen)
        demo_extra, demo_prepay = plan.query_one("#extra", Input).value, repay.query_one("#prepay-amount", Input).value
        assert demo_extra and demo_prepay
        assert cli("loans", "add", "--name", "Mine", *EI, today="2025-01-10").code == 0
        app.check_file()  # (the app looks every second)
        await wait_for(pilot, lambda: repay.query_one("#prepay-amount", Input).value == "3300", "Repay's to follow")
        await press(pilot, "5")
        assert plan.query_one("#extra", Input).value == "3300"
        await press(pilot, "2")
        await type_into(pilot, "#prepay-amount", "1234")  # typed: it stays when the loans change again
        assert cli("pay", "L1", "--amount", "400", today="2025-01-10").code == 0
        app.check_file()
        await wait_for(pilot, lambda: app.states[0].principal_outstanding < D("10000"), "the payment to be read")
        assert repay.query_one("#prepay-amount", Input).value == "1234"


async def test_money_no_loan_can_take_is_said(two, app_on) -> None:
    """20,000 on 01-20 pays both loans off: A's payoff 10,000 + 10 days × 5.00 = 10,050.00, B's 3,000 + 5 days ×
    0.90 = 3,004.50; 20,000 − 13,054.50 = 6,945.50 is left (the command line's "Not placed" row; the app's table
    has no such row, so the first-step line says it)."""
    app = app_on(PLAN_TODAY)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_plan(pilot)
        await type_into(pilot, "#extra", "20000")
        hint = text(screen.query_one("#first-step"))
        assert "Highest cost first: ¥6,945.50 of the money finds no loan to take it" in hint, hint
