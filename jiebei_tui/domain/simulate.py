"""Settle early (结清), prepay part (部分提前还款) or pay any amount: what it does, before anything is recorded.

Every preview replays the hypothetical payment on a fresh replay of the loan's real payments (replay.py), so a
preview and the recorded result always agree: settle is a payment of the payoff, prepay a payment whose
leftover follows the strategy given. A loan given without a ledger (on the command line) is replayed with
every instalment due before the date paid on its due date (`LoanReplay.inline`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from jiebei_tui.domain.errors import InputError
from jiebei_tui.domain.money import ZERO, half_up
from jiebei_tui.domain.replay import Allocation, InstallmentState, LoanReplay
from jiebei_tui.domain.schedule import Installment
from jiebei_tui.domain.terms import Method, Strategy


@dataclass(frozen=True)
class Position:
    """Where a loan stands on `on`, from what was really paid: what the payoff is made of."""

    on: dt.date
    period_start: dt.date  # s: interest since here is accrued but not yet rounded (last due date or payment)
    balance: Decimal  # B: principal outstanding and not overdue
    daily_rate: Decimal
    method: Method
    regular_amount: Decimal  # the instalment kept by reduce-term (equal-installment) or principal part p
    overdue_to_clear: Decimal = ZERO  # penalty + overdue interest + overdue principal
    interest_charged: Decimal = ZERO  # the running instalment's stretches already rounded (earlier payments)
    interest_paid: Decimal = ZERO  # interest the running instalment paid already
    running_principal: Decimal = ZERO  # the running instalment's scheduled principal still unpaid
    fee: Decimal = ZERO  # prepayment fee on what the payoff prepays
    running: int | None = None  # the instalment running on `on`

    @property
    def days(self) -> int:
        return max((self.on - self.period_start).days, 0)

    @property
    def accrued_gross(self) -> Decimal:
        """HALF_UP(B × d × (t − s)): the stretch not yet rounded."""
        return half_up(self.balance * self.daily_rate * self.days) if self.days else ZERO

    @property
    def accrued(self) -> Decimal:
        """Interest owed to the day: the running instalment's interest accrued to `on`, less what it paid."""
        return self.interest_charged + self.accrued_gross - self.interest_paid

    @property
    def payoff(self) -> Decimal:
        return self.overdue_to_clear + self.balance + self.accrued + self.fee


def position(replay: LoanReplay, on: dt.date, field: str = "on") -> Position:
    """The position of a replay on `on` (time passes to `on`)."""
    loan = replay.loan
    if on < loan.start:  # the drawdown day itself is a day like any other: no interest yet, the payoff is the principal
        raise InputError(field, on.isoformat(), "after_start", start=loan.start)
    payoff = replay.payoff(on)
    if replay.paid_off:
        if replay.paid_on_schedule_before is not None:  # a loan given inline, looked at after its last due date
            raise InputError(field, on.isoformat(), "settle_date", start=loan.start, last=replay.dues[-1])
        raise InputError("loan", replay.loan_id, "paid_off")
    running = replay.running
    return Position(
        on=on,
        period_start=replay.stretch_from,
        balance=replay.balance,
        daily_rate=replay.daily_rate,  # in force (a restructure may have changed it)
        method=replay.method,
        regular_amount=replay.regular_amount,
        overdue_to_clear=payoff.overdue,
        interest_charged=running.interest if running is not None else ZERO,
        interest_paid=running.paid_interest if running is not None else ZERO,
        running_principal=payoff.running_principal,
        fee=payoff.fee,
        running=running.no if running is not None else None,
    )


def _running_index(replay: LoanReplay) -> int:
    """Where the instalment running now sits among the replay's rows (past the last one when none runs)."""
    return len(replay.lines) - 1 if replay.running is not None else len(replay.lines)


def _interest_from(rows: list[InstallmentState], start: int) -> Decimal:
    return sum((r.interest for r in rows[start:]), ZERO)


@dataclass(frozen=True)
class SettleResult:
    on: dt.date
    principal: Decimal
    accrued_interest: Decimal
    overdue_to_clear: Decimal
    payoff: Decimal
    interest_saved: Decimal  # interest the instalments from the running one on would charge, less what settling does
    position: Position
    fee: Decimal = ZERO


def settle(replay: LoanReplay, on: dt.date, field: str = "on") -> SettleResult:
    """Pay everything on `on`: the payoff, replayed as a payment (it closes the loan)."""
    before = replay.again(on)
    pos = position(before, on, field)
    start = _running_index(before)
    interest_before = _interest_from(before.rows(on), start)
    after = replay.again(on)
    after.pay(pos.payoff, on)
    interest_after = _interest_from(after.rows(on), start)
    return SettleResult(
        on=on,
        principal=pos.balance,
        accrued_interest=pos.accrued,
        overdue_to_clear=pos.overdue_to_clear,
        payoff=pos.payoff,
        interest_saved=interest_before - interest_after,
        position=pos,
        fee=pos.fee,
    )


@dataclass(frozen=True)
class PrepayResult:
    on: dt.date
    amount: Decimal
    strategy: Strategy
    accrued_interest: Decimal  # the running instalment's interest to the day, paid first
    overdue_cleared: Decimal
    principal_reduction: Decimal  # principal paid: the running instalment's own plus what was prepaid
    new_balance: Decimal
    installments: tuple[Installment, ...]  # the instalments still to pay afterwards, keeping their numbers
    interest_before: Decimal  # interest from the running instalment on, without the payment
    interest_after: Decimal  # the same with it
    payoff_date_before: dt.date
    payoff_date_after: dt.date
    strategy_matters: bool  # False for interest-first: there is no term to shorten
    new_regular_amount: Decimal  # the instalment (or principal part) now in force
    prepaid: Decimal = ZERO  # of principal_reduction, what went beyond the running instalment's own principal
    fee: Decimal = ZERO
    installment_paid: int | None = None  # the running instalment, when the payment completed it
    running: int | None = None  # the instalment running on the day (None: none runs)
    running_due: Decimal = ZERO  # what completes it that day: its interest to the day and scheduled principal unpaid

    @property
    def interest_saved(self) -> Decimal:
        return self.interest_before - self.interest_after

    @property
    def to_running(self) -> Decimal:
        """Of `amount`, what went to the running instalment (its interest to the day, then its principal):
        `running_due` when the payment completed it, less when it only paid part."""
        return self.accrued_interest + self.principal_reduction - self.prepaid

    @property
    def due_now(self) -> Decimal:
        """What a payment that day must pay before anything prepays principal: the overdue, then what completes
        the running instalment (rule 2 of the account model)."""
        return self.overdue_cleared + self.running_due

    @property
    def installments_left(self) -> int:
        return len(self.installments)


def check_prepay_amount(pos: Position, amount: Decimal, field: str = "amount") -> None:
    floor = pos.overdue_to_clear + pos.accrued
    if amount <= floor:
        raise InputError(field, str(amount), "prepay_too_small", minimum=floor, accrued=pos.accrued)
    if amount >= pos.payoff:
        raise InputError(field, str(amount), "prepay_use_settle", payoff=pos.payoff, on=pos.on)


def prepay(replay: LoanReplay, amount: Decimal, on: dt.date, strategy: Strategy, field: str = "amount") -> PrepayResult:
    """Pay `amount` on `on`, its leftover prepaying principal under `strategy`: overdue first, then the running
    instalment's interest to the day and its scheduled principal, the rest off the principal, and the
    instalments after it recomputed from `on`."""
    before = replay.again(on)
    pos = position(before, on)
    check_prepay_amount(pos, amount, field)
    start = _running_index(before)
    rows_before = before.rows(on)
    after = replay.again(on)
    try:
        alloc = after.pay(amount, on, strategy)
    except InputError as err:
        raise InputError(field, err.value, err.rule, **err.params) from None
    rows_after = after.rows(on)
    left = rows_after[_running_index(after) :]
    balance = after.balance
    remaining = []
    for row in left:
        balance -= row.principal - (row.principal - row.unpaid_principal)  # what it still owes of its principal
        remaining.append(Installment(row.no, row.period_start or on, row.due_date, row.unpaid_principal, row.unpaid_interest, balance))
    return PrepayResult(
        on=on,
        amount=amount,
        strategy=strategy,
        accrued_interest=alloc.interest,
        overdue_cleared=alloc.overdue_cleared,
        principal_reduction=alloc.principal + alloc.prepaid,
        new_balance=after.balance,
        installments=tuple(remaining),
        interest_before=_interest_from(rows_before, start),
        interest_after=_interest_from(rows_after, start),
        payoff_date_before=rows_before[-1].due_date,
        payoff_date_after=rows_after[-1].due_date if left else on,
        strategy_matters=replay.method is not Method.INTEREST_FIRST,
        new_regular_amount=after.regular_amount,
        prepaid=alloc.prepaid,
        fee=alloc.fee,
        installment_paid=alloc.completed,
        running=pos.running,
        running_due=pos.accrued + pos.running_principal,
    )


def preview_payment(replay: LoanReplay, amount: Decimal, on: dt.date, strategy: Strategy | None = None) -> Allocation:
    """Where a payment of `amount` on `on` would go (InputError if the rules refuse it); nothing is recorded."""
    after = replay.again(on)
    return after.pay(amount, on, strategy)
