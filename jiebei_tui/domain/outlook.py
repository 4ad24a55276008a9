"""Overdue across instalments: what a loan owes if instalment K is not paid and nothing more is paid, N days
after K's due date — counting every later instalment that falls due within those N days — and the 0..90-day
curve of the amount to clear, which steps up at each later due date.

The loan's real history counts up to K's due date (payments dated before it); nothing is paid after. When that
history has already paid K (early), the figures show what K would have cost: every instalment due before K
paid on its due date, K unpaid. The rules are the replay's (replay.py): penalty on each instalment and part,
interest only on the principal not overdue.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from jiebei_tui.domain.errors import InputError
from jiebei_tui.domain.money import ZERO
from jiebei_tui.domain.overdue import DailyPenalty, stage
from jiebei_tui.domain.replay import LoanReplay
from jiebei_tui.domain.schedule import due_dates
from jiebei_tui.domain.terms import Loan

if TYPE_CHECKING:  # the models are passed in
    from jiebei_tui.domain.ledger import Ledger
    from jiebei_tui.domain.product_terms import ProductTerms

ONE_DAY = dt.timedelta(days=1)
CHART_DAYS = 90


# slotted, not frozen: built by the hundred for a chart
@dataclass(slots=True)
class OutlookRow:
    """One instalment owed on the day looked at."""

    installment: int
    due_date: dt.date
    days: int  # days past its due date (0: falls due that day)
    principal: Decimal  # unpaid
    interest: Decimal  # unpaid
    penalty_principal: Decimal  # charged over its overdue life so far
    penalty_interest: Decimal
    penalty_paid: Decimal  # penalty it paid before (partial payments)

    @property
    def penalty(self) -> Decimal:
        return self.penalty_principal + self.penalty_interest - self.penalty_paid

    @property
    def owed(self) -> Decimal:
        return self.principal + self.interest + self.penalty


@dataclass(frozen=True)
class OverdueOutlook:
    installment: int
    due_date: dt.date  # instalment K's
    days: int  # N
    on: dt.date  # K's due date + N
    rows: tuple[OutlookRow, ...]  # every instalment owed on `on`, oldest first
    penalty_daily_rate: Decimal
    daily: DailyPenalty  # what one more day adds in penalty (counting an instalment falling due on day N)
    stage: str  # by the oldest instalment's days past due
    curve: tuple[tuple[int, Decimal], ...]  # (n, amount to clear n days after K's due date), n = 0..90
    as_if_unpaid: bool  # K was paid by its due date: the figures show what it would have cost

    @property
    def daily_cost(self) -> Decimal:
        """What one more day adds in penalty, to the fen (about: the total is rounded, not each day)."""
        return self.daily.about

    @property
    def principal(self) -> Decimal:
        return sum((r.principal for r in self.rows), ZERO)

    @property
    def interest(self) -> Decimal:
        return sum((r.interest for r in self.rows), ZERO)

    @property
    def penalty_principal(self) -> Decimal:
        return sum((r.penalty_principal for r in self.rows), ZERO)

    @property
    def penalty_interest(self) -> Decimal:
        return sum((r.penalty_interest for r in self.rows), ZERO)

    @property
    def penalty_total(self) -> Decimal:
        return sum((r.penalty for r in self.rows), ZERO)

    @property
    def amount_to_clear(self) -> Decimal:
        return sum((r.owed for r in self.rows), ZERO)

    @property
    def days_past_due(self) -> int:
        return max((r.days for r in self.rows), default=0)


def _rows(replay: LoanReplay, on: dt.date) -> list[OutlookRow]:
    """What is owed on `on` with nothing paid since: the overdue instalments, and the one falling due that day."""
    replay.advance(on)
    rate, terms = replay.rate, replay.terms
    rows = []
    for line in replay._overdue_lines():
        on_principal, on_interest = line.penalty_parts(on, rate, terms)
        rows.append(
            OutlookRow(
                line.no, line.due_date, (on - line.due_date).days, line.unpaid_principal, line.unpaid_interest,
                on_principal, on_interest, line.paid_penalty,
            )
        )
    running = replay.running
    if running is not None and running.due_date == on:
        rows.append(
            OutlookRow(
                running.no, on, 0, running.principal - running.paid_principal, replay._running_interest(on),
                ZERO, ZERO, ZERO,
            )
        )
    return rows


def _amount(replay: LoanReplay, on: dt.date) -> Decimal:
    return sum((r.owed for r in _rows(replay, on)), ZERO)


def overdue_outlook(
    loan: Loan,
    terms: ProductTerms,
    events,
    installment: int,
    days: int,
    chart_days: int = CHART_DAYS,
    paid_on_schedule: bool = False,
    dues: list[dt.date] | None = None,
) -> OverdueOutlook:
    """Instalment `installment` (K) left unpaid `days` (N) days after its due date, nothing paid after it.
    `events`: the loan's payments (those dated before K's due date count). `paid_on_schedule` (a loan given
    without a ledger): instead, every instalment due before K paid on its due date. `dues`: every instalment's
    due date when they are not the contract's (a restructured loan: loan_overdue_outlook)."""
    if dues is None:
        dues = due_dates(loan)
    if not 1 <= installment <= len(dues):
        raise InputError("installment", installment, "installment", n=len(dues))
    if days < 0:
        raise InputError("days", days, "days", max=3650)
    due = dues[installment - 1]
    before = [e for e in events if e.date < due]
    replay = LoanReplay.run(loan, terms, before, due - ONE_DAY)
    replay.advance(due)
    as_if_unpaid = not paid_on_schedule and (replay.running is None or replay.running.no != installment)
    if as_if_unpaid or paid_on_schedule:  # already paid (or no longer in the plan): what it would have cost, on the contract's plan
        replay = LoanReplay.inline(loan, terms, due)
        replay.advance(due)
    curve = []
    rows: list[OutlookRow] = []
    daily = None
    last = max(chart_days, days + 1)
    for n in range(last + 1):
        on = due + dt.timedelta(days=n)
        if n <= chart_days:
            curve.append((n, _amount(replay, on)))
        if n == days:
            rows = _rows(replay, on)
        elif n == days + 1:
            replay.advance(on)
            daily = replay.daily_penalty()  # on what is unpaid from day N on (an instalment due that day too)
    oldest = max((r.days for r in rows), default=0)
    return OverdueOutlook(
        installment=installment,
        due_date=due,
        days=days,
        on=due + dt.timedelta(days=days),
        rows=tuple(rows),
        penalty_daily_rate=replay.rate,
        daily=daily,
        stage=stage(oldest),
        curve=tuple(curve),
        as_if_unpaid=as_if_unpaid,
    )


def loan_overdue_outlook(
    ledger: Ledger, loan_id: str, installment: int, days: int, terms: ProductTerms | None = None
) -> OverdueOutlook:
    """The outlook of a loan in the ledger, under its effective terms (or `terms`, e.g. with the Overdue
    section's what-if overrides)."""
    from jiebei_tui.domain.ledger import effective_terms

    record = ledger.loan(loan_id)
    events = ledger.payments_by_loan().get(loan_id, [])
    terms = terms if terms is not None else effective_terms(ledger, loan_id)
    dues = None
    if any(e.kind == "restructure" for e in events):  # the instalments of the plans in force, numbered on
        last = max(e.date for e in events)
        dues = [row.due_date for row in LoanReplay.run(record.loan, terms, events, last, record).rows(last)]
    return overdue_outlook(record.loan, terms, events, installment, days, dues=dues)
