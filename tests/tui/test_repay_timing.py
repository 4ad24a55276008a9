"""Pay today or on the due date, in the app: Repay's comparison says what paying the running instalment early
does by the account model (cheaper today, the next instalment larger, a little interest saved in all), and the
pay confirmations (Repay's and Status's `p`) say what the next instalment then asks.

The figures are worked by hand in tests/test_actions_timing.py (interest = balance × 0.0004 × days, HALF_UP):
- the newcomer's loan (10,000, 0.0004/day, 12 months, drawn 2026-09-15, instalments 1–2 paid) on 2026-11-29:
  instalment 3 today 846.56 (8,433.26 × 0.0004 × 14 = 47.23, + 799.33), on 12-15 900.53; instalment 4 then
  949.39 (7,633.93 × 0.0004 × 47 = 143.52, + 805.87) instead of 900.53; 5.11 less interest in all;
- domain.md's worked loan on 2025-02-05: instalment 1 today 880.41 (104.00 + 776.41), on 02-10 900.41;
  instalment 2 then 918.86 (9,223.59 × 0.0004 × 33 = 121.75, + 797.11) instead of 900.41; 1.55 less."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from textual.widgets import Input

from jiebei_tui.tui.app import JiebeiApp
from jiebei_tui.tui.screens.modals import PayModal
from jiebei_tui.tui.widgets.dialog import ConfirmDialog
from tests.conftest import EI
from tests.tui.conftest import press, ready, text

NEWCOMER = ["--principal", "10000", "--daily-rate", "0.0004", "--term", "12", "--start", "2026-09-15",
            "--method", "equal-installment"]


def open_app(data_dir: Path, today: str, lang: str = "en") -> JiebeiApp:
    day = dt.date.fromisoformat(today)
    clock = lambda tz: dt.datetime.combine(day, dt.time(12, 0), tzinfo=tz)  # noqa: E731
    return JiebeiApp(data_dir=data_dir, today=day, lang=lang, demo=False, reminders=False, clock=clock)


def newcomer(cli) -> None:
    assert cli("loans", "add", "--name", "Newcomer", *NEWCOMER).code == 0
    for day in ("2026-10-15", "2026-11-15"):
        assert cli("pay", "L1", "--amount", "900.53", today=day).code == 0


def words(widget) -> str:
    """A sentence as shown, its wrapping undone."""
    return " ".join(text(widget).split())


async def test_repay_compares_paying_today_with_the_due_date_truthfully(cli, data_dir) -> None:
    newcomer(cli)
    async with open_app(data_dir, "2026-11-29").run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await press(pilot, "2")
        wait = words(pilot.app.screen.query_one("#wait"))
        assert ("Paying instalment 3 today costs ¥846.56 (interest to today); on 2026-12-15, ¥900.53. Paid today, "
                "the next instalment (2027-01-15) grows to ¥949.39 (its interest then runs from today) instead of "
                "¥900.53: ¥5.11 less interest in all.") in wait
        assert "costs the same" not in wait


async def test_repay_says_it_in_chinese(cli, data_dir) -> None:
    newcomer(cli)
    async with open_app(data_dir, "2026-11-29", "zh").run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await press(pilot, "2")
        wait = "".join(text(pilot.app.screen.query_one("#wait")).split())
        assert ("今天还第3期需¥846.56（利息计到今天）；2026-12-15还需¥900.53。今天还的话，下一期（2027-01-15）会增至"
                "¥949.39（其利息从今天起算），而不是¥900.53：总共少付利息¥5.11。") in wait


async def test_repay_on_the_worked_loan_and_on_its_due_date(cli, data_dir) -> None:
    assert cli("loans", "add", "--name", "Worked example", *EI).code == 0
    async with open_app(data_dir, "2025-02-05").run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await press(pilot, "2")
        wait = words(pilot.app.screen.query_one("#wait"))
        assert ("Paying instalment 1 today costs ¥880.41 (interest to today); on 2025-02-10, ¥900.41. Paid today, "
                "the next instalment (2025-03-10) grows to ¥918.86 (its interest then runs from today) instead of "
                "¥900.41: ¥1.55 less interest in all.") in wait
    async with open_app(data_dir, "2025-02-10").run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await press(pilot, "2")
        wait = words(pilot.app.screen.query_one("#wait"))
        assert ("Instalment 1 is due today: ¥900.41, paid on time today. The next instalment (2025-03-10) then asks "
                "¥900.41.") in wait
        assert "Settling later" not in wait  # settling on the due date is settling today


async def test_repays_pay_confirmation_says_what_the_next_instalment_then_asks(cli, data_dir) -> None:
    newcomer(cli)
    async with open_app(data_dir, "2026-11-29").run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await press(pilot, "2", "p")
        assert isinstance(pilot.app.screen, ConfirmDialog)
        message = words(pilot.app.screen.query_one("#message"))
        assert message.startswith("Record a repayment of ¥846.56 on 2026-11-29 for Newcomer? It pays instalment 3.")
        assert ("Instalment 4 (2027-01-15) then asks ¥949.39 instead of ¥900.53: its interest runs from the day of "
                "this payment.") in message


async def test_the_status_pay_dialog_says_it_before_recording_and_recording_agrees(cli, data_dir) -> None:
    newcomer(cli)
    async with open_app(data_dir, "2026-11-29").run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await press(pilot, "p")
        assert isinstance(pilot.app.screen, PayModal)
        assert pilot.app.screen.query_one("#amount", Input).value == "846.56"
        await press(pilot, "enter")
        assert isinstance(pilot.app.screen, ConfirmDialog)
        message = words(pilot.app.screen.query_one("#message"))
        assert ("Instalment 4 (2027-01-15) then asks ¥949.39 instead of ¥900.53: its interest runs from the day of "
                "this payment.") in message
        await press(pilot, "y")
        state = pilot.app.state_of("L1")
        assert (state.next_due_date, str(state.next_due_amount)) == (dt.date(2027, 1, 15), "949.39")


async def test_a_payment_on_the_due_date_adds_nothing_to_the_confirmation(cli, data_dir) -> None:
    assert cli("loans", "add", "--name", "Worked example", *EI).code == 0
    async with open_app(data_dir, "2025-02-10").run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await press(pilot, "p", "enter")
        assert isinstance(pilot.app.screen, ConfirmDialog)
        message = words(pilot.app.screen.query_one("#message"))
        assert "¥900.41 on 2025-02-10" in message and "then asks" not in message
