"""Settle early (结清) and prepay part (部分提前还款): what each costs and saves, before anything is recorded.

Both start from a `Position`: where a loan stands on the chosen date. For a plain schedule every instalment
due on or before that date counts as paid as scheduled; for a loan in the ledger the replay builds the position
from what was really paid (anything overdue must be cleared first, and interest already paid ahead counts).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from jiebei_tui.domain.errors import InputError
from jiebei_tui.domain.money import ZERO, interest
from jiebei_tui.domain.schedule import (
    Installment,
    Schedule,
    plan,
    plan_fixed_installment,
    plan_fixed_principal,
    plan_interest_first,
    periods_to_repay,
    regular_amount,
)
from jiebei_tui.domain.terms import Method, Strategy


@dataclass(frozen=True)
class Position:
    on: dt.date
    period_start: dt.date  # s: interest runs from here (the last due date, drawdown or prepayment)
    balance: Decimal  # B: principal owed
    remaining: tuple[Installment, ...]  # the instalments due after `on`, as scheduled
    daily_rate: Decimal
    method: Method
    regular_amount: Decimal  # the instalment kept by reduce-term (equal-installment) or principal part p
    overdue_to_clear: Decimal = ZERO  # ledger only: overdue and due-today amounts paid first
    interest_paid_ahead: Decimal = ZERO  # ledger only: interest already paid on the remaining instalments

    @property
    def days(self) -> int:
        return (self.on - self.period_start).days

    @property
    def accrued_gross(self) -> Decimal:
        return interest(self.balance, self.daily_rate, self.days)

    @property
    def accrued(self) -> Decimal:
        """Interest owed to the day: HALF_UP(B × d × (t − s)), less what was paid ahead."""
        return max(self.accrued_gross - self.interest_paid_ahead, ZERO)

    @property
    def payoff(self) -> Decimal:
        return self.overdue_to_clear + self.balance + self.accrued

    @property
    def scheduled_interest(self) -> Decimal:
        return sum((i.interest for i in self.remaining), ZERO)


def position_on(schedule: Schedule, on: dt.date, field: str = "on") -> Position:
    """The position of a plain schedule on `on`, every earlier instalment paid as scheduled."""
    loan = schedule.loan
    if not loan.start < on < schedule.last_due_date:
        raise InputError(field, on.isoformat(), "settle_date", start=loan.start, last=schedule.last_due_date)
    remaining = tuple(i for i in schedule.installments if i.due_date > on)
    return Position(
        on=on,
        period_start=remaining[0].period_start,
        balance=sum((i.principal for i in remaining), ZERO),
        remaining=remaining,
        daily_rate=loan.daily_rate,
        method=loan.method,
        regular_amount=schedule.regular_amount,
    )


@dataclass(frozen=True)
class SettleResult:
    on: dt.date
    principal: Decimal
    accrued_interest: Decimal
    overdue_to_clear: Decimal
    payoff: Decimal
    interest_saved: Decimal
    position: Position


def settle(position: Position) -> SettleResult:
    """Pay everything on `on`: principal owed + interest to the day. No fee."""
    saved = position.scheduled_interest - position.accrued_gross
    return SettleResult(
        on=position.on,
        principal=position.balance,
        accrued_interest=position.accrued,
        overdue_to_clear=position.overdue_to_clear,
        payoff=position.payoff,
        interest_saved=saved,
        position=position,
    )


@dataclass(frozen=True)
class PrepayResult:
    on: dt.date
    amount: Decimal
    strategy: Strategy
    accrued_interest: Decimal
    overdue_cleared: Decimal
    principal_reduction: Decimal
    new_balance: Decimal
    installments: tuple[Installment, ...]  # the recomputed instalments, keeping their original numbers
    interest_before: Decimal
    interest_after: Decimal
    payoff_date_before: dt.date
    payoff_date_after: dt.date
    strategy_matters: bool  # False for interest-first: there is no term to shorten
    new_regular_amount: Decimal  # the instalment (or principal part) now in force

    @property
    def interest_saved(self) -> Decimal:
        return self.interest_before - self.interest_after

    @property
    def installments_left(self) -> int:
        return len(self.installments)


def check_prepay_amount(position: Position, amount: Decimal, field: str = "amount") -> None:
    floor = position.overdue_to_clear + position.accrued
    if amount <= floor:
        raise InputError(field, str(amount), "prepay_too_small", minimum=floor, accrued=position.accrued)
    if amount >= position.payoff:
        raise InputError(field, str(amount), "prepay_use_settle", payoff=position.payoff, on=position.on)


def prepay(position: Position, amount: Decimal, strategy: Strategy, field: str = "amount") -> PrepayResult:
    """Pay `amount` on `on`: first overdue, then the interest accrued to the day, the rest off the principal;
    the instalments due after `on` are recomputed from `on` by the strategy."""
    check_prepay_amount(position, amount, field)
    reduction = amount - position.overdue_to_clear - position.accrued
    balance = position.balance - reduction
    dues = [i.due_date for i in position.remaining]
    first_no = position.remaining[0].no
    rate, on, method = position.daily_rate, position.on, position.method

    if method is Method.INTEREST_FIRST:
        new = plan_interest_first(balance, rate, on, dues, first_no)
        kept = ZERO
    elif strategy is Strategy.REDUCE_INSTALLMENT:
        kept = regular_amount(balance, rate, on, dues, method)
        new = plan(balance, rate, on, dues, method, first_no, amount=kept)
    elif method is Method.EQUAL_INSTALLMENT:
        new = plan_fixed_installment(balance, rate, on, dues, position.regular_amount, first_no)
        kept = position.regular_amount
    else:
        periods = periods_to_repay(balance, position.regular_amount, len(dues))
        new = plan_fixed_principal(balance, rate, on, dues, position.regular_amount, first_no, periods)
        kept = position.regular_amount

    return PrepayResult(
        on=on,
        amount=amount,
        strategy=strategy,
        accrued_interest=position.accrued,
        overdue_cleared=position.overdue_to_clear,
        principal_reduction=reduction,
        new_balance=balance,
        installments=tuple(new),
        interest_before=position.scheduled_interest,
        interest_after=position.accrued_gross + sum((i.interest for i in new), ZERO),
        payoff_date_before=position.remaining[-1].due_date,
        payoff_date_after=new[-1].due_date,
        strategy_matters=method is not Method.INTEREST_FIRST,
        new_regular_amount=kept,
    )
