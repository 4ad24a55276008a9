"""What paying late would cost, across instalments (domain/outlook.py): instalment K left unpaid N days after its
due date and nothing more paid, every later instalment falling due within those N days counted too; the stage,
what one more day adds, and the 0–90-day curve that steps up at each due date.

A loan from the ledger counts its real payments before K's due date, under its own terms; a loan given inline
counts every earlier instalment as paid on its due date, under the ledger's terms. Either way the terms may be
overridden for the question (a what-if: nothing is saved).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from jiebei_tui.actions.account import Account
    from jiebei_tui.domain.outlook import OverdueOutlook
    from jiebei_tui.domain.product_terms import ProductTerms
    from jiebei_tui.domain.terms import Loan

MAX_DAYS = 3650  # days late asked about: ten years, so a borrower far behind (M6+, 200 days) sees their own figures; the
# chart shows 0–90. The Overdue section's days field and `jiebei-tui overdue --days` both stop here.


@dataclass(frozen=True)
class Outlook:
    """The outlook, the loan it is of (None: a loan given inline), the terms it was worked out under, and whether
    they are that loan's own (`own`) or every loan's."""

    outlook: OverdueOutlook
    terms: ProductTerms
    loan_id: str | None
    own: bool = False


def parse_days(days: object) -> int:
    """Days late as typed, 0..MAX_DAYS (the section's field and the CLI's --days), else an InputError."""
    from jiebei_tui.domain.terms import parse_in_range

    return parse_in_range(days, "days", "days", 0, MAX_DAYS, max=MAX_DAYS)


def _installment(value: object, count: int) -> int:
    from jiebei_tui.domain.terms import parse_in_range

    return parse_in_range(value, "installment", "installment", 1, count, n=count)


WHAT_IF = ("penalty_multiplier", "grace_days", "compounding")


def _what_if(terms: ProductTerms, overrides: dict) -> ProductTerms:
    """`terms` with the overrides given (as typed; None: not given), for the question only."""
    from jiebei_tui.domain.product_terms import updated_terms

    unknown = set(overrides) - set(WHAT_IF)
    if unknown:
        raise TypeError(f"not an overdue term: {', '.join(sorted(unknown))}")
    given = {name: value for name, value in overrides.items() if value is not None}
    return updated_terms(terms, **given) if given else terms


def outlook(account: Account, loan_id: str, days: object, installment: object = None, **overrides: object) -> Outlook:
    """A ledger loan's instalment `installment` (default: its most urgent, the oldest unpaid) `days` late, under
    the loan's terms with the overrides given (penalty_multiplier, grace_days, compounding, as typed)."""
    from jiebei_tui.domain.ledger import effective_terms
    from jiebei_tui.domain.outlook import overdue_outlook
    from jiebei_tui.domain.schedule import due_dates

    ledger = account.ledger
    record = ledger.loan(loan_id)
    n = parse_days(days)
    if installment is not None:
        number = _installment(installment, len(due_dates(record.loan)))
    else:
        current = account.state(record.id).current
        number = current.no if current is not None else 1
    terms = _what_if(effective_terms(ledger, record.id), overrides)
    events = ledger.payments_by_loan().get(record.id, [])
    return Outlook(overdue_outlook(record.loan, terms, events, number, n), terms, record.id, record.terms is not None)


def inline_outlook(account: Account, loan: Loan, days: object, installment: object = None, **overrides: object) -> Outlook:
    """A loan given inline: instalment `installment` (default 1) `days` late, every earlier one paid on time."""
    from jiebei_tui.domain.outlook import overdue_outlook
    from jiebei_tui.domain.schedule import due_dates

    n = parse_days(days)
    number = _installment(installment, len(due_dates(loan))) if installment is not None else 1
    terms = _what_if(account.default_terms(), overrides)
    return Outlook(overdue_outlook(loan, terms, (), number, n, paid_on_schedule=True), terms, None)
