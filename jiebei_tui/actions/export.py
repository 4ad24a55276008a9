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
    from jiebei_tui.delivery.reminders import zone

    ledger = account.ledger
    settings = ledger.settings.reminders
    tz = zone(settings.timezone)
    data, count = ics.build(account.states, settings, tz, lang, account.now().astimezone(tz), ledger.revision)
    path = write_private(out, data) if out is not None else None
    return Exported(data, count, path)
