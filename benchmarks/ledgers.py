"""The ledgers the start-up benchmark opens, made through the program's own actions (as a borrower makes them):

- `on_track(folder)`: 100 loans drawn over the last year, every instalment so far paid on its due day, the
  reminders run every day up to yesterday noon (a borrower who opens the app most days);
- `year_away(folder)`: a year of use — 100 loans drawn over it, every instalment paid on its due day, reminders
  run at noon every day — then 8 months away: nothing paid, no reminder run, until today;
- `one_loan(folder)`: one loan, for `status --json`.

Every ledger keeps English as its language, a fixed reminder zone, and desktop notifications off (so a benchmark
run pops nothing up on the machine it runs on); the rules are the default ones.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from zoneinfo import ZoneInfo

TODAY = dt.date(2026, 11, 28)
ZONE = ZoneInfo("Asia/Shanghai")
LOANS = 100
METHODS = ("equal-installment", "equal-principal", "interest-first")


def _account(folder: Path, day: dt.date):
    from jiebei_tui.actions.account import open_account

    clock = lambda: dt.datetime.combine(day, dt.time(9), tzinfo=ZONE)  # noqa: E731  (the borrower's morning)
    return open_account(folder, today=day, demo=False, source="app", clock=clock)


def _settle_in(folder: Path, day: dt.date) -> None:
    from jiebei_tui.domain.reminder_settings import ReminderSettings

    def change(ledger):
        reminders = ReminderSettings(timezone="Asia/Shanghai", desktop=False)
        return ledger.model_copy(update={"settings": ledger.settings.model_copy(update={"lang": "en", "reminders": reminders})}), None

    _account(folder, day).change(change, action="settings")


def _use(folder: Path, first: dt.date, last: dt.date, draw_every: int, terms: tuple[int, ...]) -> None:
    """Every day from `first` to `last`: the loans drawn that day added, every instalment due that day paid (the
    amount due), then the reminders run at noon."""
    from jiebei_tui.actions import loans, payments
    from jiebei_tui.actions import reminders as reminding

    drawn = 0
    day = first
    while day <= last:
        account = _account(folder, day)
        while drawn < LOANS and first + dt.timedelta(days=draw_every * drawn) == day:
            n = drawn + 1
            loans.add_loan(account, f"Loan {n:03d}", principal=str(3000 + 97 * n), daily_rate="0.0004",
                           term=str(terms[n % len(terms)]), method=METHODS[n % 3], start=day.isoformat())
            drawn += 1
        for state in list(account.states):
            if not state.paid_off and state.next_due_date == day and state.next_due_amount:
                payments.pay(account, state.record.id, str(state.next_due_amount), day.isoformat())
        reminding.run(account, dt.datetime.combine(day, dt.time(12), tzinfo=ZONE), stdout=False)
        day += dt.timedelta(days=1)


def _quickly():
    """Durability is not what is measured here: building a year of use without fsync takes seconds, not minutes."""
    real = os.fsync
    os.fsync = lambda fd: None

    class Restore:
        def __enter__(self):
            return self

        def __exit__(self, *exc):
            os.fsync = real

    return Restore()


def on_track(folder: Path) -> None:
    first = TODAY - dt.timedelta(days=365)
    with _quickly():
        _settle_in(folder, first)
        # a loan every 3 days over the year, 12 to 36 months: none finished, the last few not yet due
        _use(folder, first, TODAY - dt.timedelta(days=1), 3, (12, 24, 36))


def year_away(folder: Path) -> None:
    away = TODAY - dt.timedelta(days=243)  # 8 months
    first = away - dt.timedelta(days=365)
    with _quickly():
        _settle_in(folder, first)
        _use(folder, first, away - dt.timedelta(days=1), 3, (12, 24, 36))


def one_loan(folder: Path) -> None:
    from jiebei_tui.actions import loans

    with _quickly():
        _settle_in(folder, TODAY)
        loans.add_loan(_account(folder, TODAY), "Phone", principal="6000", daily_rate="0.0004", term="12",
                       method="equal-installment", start=(TODAY - dt.timedelta(days=70)).isoformat())
