"""Change my repayment day: what moving a loan's repayment day to another day of the month would do, before
anyone asks the lender: the new due dates, and what the move costs or saves to the fen.

The rule (LoanReplay.move_repayment_day; lenders publish none, so this is the project's reading, by the same
account model as everything else): on the day of the change, the instalment running then keeps its number and
its start, and its due date moves to the new day of the month it was due in, or of the month after when that
is not after the change; every later instalment falls due on the new day, one a month, so the number of
instalments is the same. Interest runs by actual days on the balance, so the moved period (the *transition*)
is longer or shorter, and the instalments from the running one on are recomputed by the loan's method over the
new dates (keeping the term). Both sides are replayed from the change day to the loan's end, every instalment
paid on its due date: the difference in interest is what the move costs (positive) or saves (negative).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from jiebei_tui.domain.errors import InputError
from jiebei_tui.domain.forecast import Forecast, Payment, totals
from jiebei_tui.domain.terms import parse_in_range

if TYPE_CHECKING:
    from jiebei_tui.domain.ledger import Ledger


@dataclass(frozen=True)
class Transition:
    """The instalment running on the change day: its period before and after the move."""

    installment: int
    period_start: dt.date
    old_due: dt.date
    new_due: dt.date
    old_interest: Decimal
    new_interest: Decimal

    @property
    def old_days(self) -> int:
        return (self.old_due - self.period_start).days

    @property
    def new_days(self) -> int:
        return (self.new_due - self.period_start).days

    @property
    def difference(self) -> Decimal:
        return self.new_interest - self.old_interest


@dataclass(frozen=True)
class DayMove:
    loan_id: str
    on: dt.date  # the change day
    old_day: int
    new_day: int
    transition: Transition
    before: tuple[Payment, ...]  # every instalment from the change day on, as things stand
    after: tuple[Payment, ...]  # the same after the move
    old_regular: Decimal  # the instalment (or principal part) in force before and after
    new_regular: Decimal

    @property
    def old_dues(self) -> tuple[dt.date, ...]:
        return tuple(p.on for p in self.before)

    @property
    def new_dues(self) -> tuple[dt.date, ...]:
        return tuple(p.on for p in self.after)

    @property
    def interest_before(self) -> Decimal:
        return totals(self.before).cost

    @property
    def interest_after(self) -> Decimal:
        return totals(self.after).cost

    @property
    def cost(self) -> Decimal:
        """What the move costs over the rest of the loan (negative: what it saves)."""
        return self.interest_after - self.interest_before


def parse_day(value: object, field: str = "day") -> int:
    return parse_in_range(value, field, "repayment_day", 1, 28)


def move_day(ledger: Ledger, loan_id: str, today: dt.date, day: object, on: dt.date | None = None) -> DayMove:
    """Move loan `loan_id`'s repayment day to `day` (1..28) on `on` (default today, not before it). Every
    instalment due before `on`, or on it, is paid on its due date first. InputError when the day is not 1..28 or
    is the loan's day already, the change day is before today, the loan is overdue then (clear that first), or
    nothing is left to fall due."""
    ledger.loan(loan_id)
    new_day = parse_day(day)
    on = today if on is None else on
    if on < today:
        raise InputError("on", on.isoformat(), "plan_date", today=today)
    base = Forecast.of(ledger, today, loan_ids=[loan_id])
    base.due_until(on, inclusive=True, loan_id=loan_id)  # an instalment due on the change day is paid that day
    replay = base.replays[loan_id]
    if replay.paid_off:
        raise InputError("loan", loan_id, "paid_off")
    running = replay.running
    if running is None:  # only overdue amounts left, no instalment to move
        raise InputError("loan", loan_id, "repayment_day_nothing_left")
    if replay._overdue_lines():  # a lender moves the day of a loan in good standing
        raise InputError("loan", loan_id, "repayment_day_overdue")
    old_day = running.due_date.day
    if new_day == old_day:
        raise InputError("day", day, "repayment_day_same", day=new_day)
    stays = base.fork()
    start = len(stays.payments)
    stays.finish()
    moved = base.fork()
    moved_replay = moved.replays[loan_id]
    moved_replay.move_repayment_day(on, new_day)
    new_regular = moved_replay.regular_amount
    moved.finish()
    before = tuple(stays.payments[start:])
    after = tuple(moved.payments[start:])
    first_after = after[0]
    transition = Transition(
        installment=running.no,
        period_start=running.period_start,
        old_due=running.due_date,
        new_due=first_after.on,
        old_interest=before[0].interest,
        new_interest=first_after.interest,
    )
    return DayMove(
        loan_id=loan_id,
        on=on,
        old_day=old_day,
        new_day=new_day,
        transition=transition,
        before=before,
        after=after,
        old_regular=replay.regular_amount,
        new_regular=new_regular,
    )
