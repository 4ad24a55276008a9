"""What leaves the program as a file: the calendar of unpaid instalments (iCalendar, with one alarm per enabled
reminder rule). Exporting writes nothing to the ledger: the events' SEQUENCE is its revision."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from jiebei_tui.actions.account import Account


@dataclass(frozen=True)
class Exported:
    data: bytes
    events: int
    path: Path | None  # where it was written (None: nowhere, the caller shows `data`)


def export_ics(account: Account, lang: str = "en", out: Path | str | None = None) -> Exported:
    """The calendar at today, in the reminders' time zone; written to `out` (0600, folders made 0700) when given
    (LedgerFileError naming the path when it cannot be written)."""
    from jiebei_tui.delivery import ics
    from jiebei_tui.delivery.files import write_private
    from jiebei_tui.delivery.reminders import saved_zone

    ledger = account.ledger
    settings = ledger.settings.reminders
    tz = saved_zone(settings.timezone)
    data, count = ics.build(account.states, settings, tz, lang, account.now().astimezone(tz), ledger.revision)
    path = write_private(out, data) if out is not None else None
    return Exported(data, count, path)


# --- CSV and journals (the Plan section's exports) ---

CSV_WHAT = ("schedule", "payments", "plan", "months")
JOURNAL_FORMATS = ("hledger", "beancount")


@dataclass(frozen=True)
class Written:
    """An export as text: written to `path` (0600), or None when the caller shows `text` itself."""

    text: str
    rows: int  # CSV rows or journal entries
    path: Path | None


def _write(text: str, out: Path | str | None, rows: int) -> Written:
    from jiebei_tui.delivery.files import write_private

    return Written(text, rows, write_private(out, text) if out is not None else None)


def export_csv(account: Account, what: str, out: Path | str | None = None, *, plan: object = None,
               months: object = None) -> Written:
    """`what`: schedule (every instalment as it stands), payments (each split as the replay applied it), plan
    (every payment of doing nothing and of each order: `plan` is an actions.plan.PlanView) or months (`months`: an
    actions.plan.MonthsView). Nothing is written to the ledger; the file, when `out` is given, is private."""
    from jiebei_tui.delivery import csv_export
    from jiebei_tui.domain.errors import InputError

    if what not in CSV_WHAT:
        raise InputError("what", what, "export_what", known=", ".join(CSV_WHAT))
    ledger = account.ledger
    if what == "schedule":
        text = csv_export.schedule_csv(ledger, account.today)
    elif what == "payments":
        text = csv_export.payments_csv(ledger, account.today)
    elif what == "plan":
        text = csv_export.plan_csv(plan.comparison, plan.names)
    else:
        text = csv_export.months_csv(months.months)
    return _write(text, out, text.count("\n") - 1)


def export_journal(account: Account, fmt: str, out: Path | str | None = None) -> Written:
    """The ledger as an hledger or beancount journal: drawdowns, payments split into principal, interest, penalty
    and fee postings, upcoming instalments as forecast entries."""
    from jiebei_tui.delivery import journal_export
    from jiebei_tui.domain.errors import InputError

    if fmt not in JOURNAL_FORMATS:
        raise InputError("format", fmt, "export_format", known=", ".join(JOURNAL_FORMATS))
    ledger = account.ledger
    build = journal_export.hledger_journal if fmt == "hledger" else journal_export.beancount_journal
    text = build(ledger, account.today)
    entries = sum(1 for line in text.splitlines() if line.startswith("~ ") or line[10:13] in (" * ", " # "))
    return _write(text, out, entries)
