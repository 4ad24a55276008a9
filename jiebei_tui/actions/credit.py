"""The credit record (征信) timeline of each loan (domain/credit_record.py, illustrative): what the next monthly
report will likely show, the last day to pay so it does not show overdue, how long a mark stays; and the
setting of the lender's reporting day (one store transaction, written only when it changes)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from jiebei_tui.actions.account import Account
    from jiebei_tui.domain.credit_record import CreditOutlook
    from jiebei_tui.domain.ledger import Ledger, LoanRecord


@dataclass(frozen=True)
class Timeline:
    report_day: int | None  # None: not known
    loans: tuple[tuple[LoanRecord, CreditOutlook], ...]


def timeline(account: Account, loan_id: str | None = None, field: str = "loan") -> Timeline:
    """Every loan's credit-record outlook at today (or one loan's)."""
    from jiebei_tui.domain.credit_record import credit_outlook

    ledger = account.ledger
    records = [ledger.loan(loan_id, field)] if loan_id is not None else list(ledger.loans)
    return Timeline(ledger.settings.credit_report_day,
                    tuple((r, credit_outlook(ledger, r.id, account.today)) for r in records))


@dataclass(frozen=True)
class ReportDay:
    day: int | None
    changed: bool  # False: it was already so, nothing was written


def set_report_day(account: Account, value: object) -> ReportDay:
    """The lender's monthly reporting day, 1–31, or "off"/"unknown" when not known (InputError naming it)."""
    from jiebei_tui.domain.credit_record import set_credit_report_day

    def change(ledger: Ledger):
        new = set_credit_report_day(ledger, value)
        return new, new.settings.credit_report_day

    applied = account.change(change, action="credit.report_day", params=lambda day: {"day": day})
    return ReportDay(applied.result, applied.written)
