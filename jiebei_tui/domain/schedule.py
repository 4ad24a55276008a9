"""Due dates and the instalment schedule of a loan: interest by actual days, three repayment methods.

The same planners recompute the rest of a loan after a prepayment (simulate.py), so each takes the balance,
the date interest starts from, and the remaining due dates.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_CEILING, Decimal, localcontext

from jiebei_tui.domain.money import PRECISION, ZERO, half_up, interest, round_down
from jiebei_tui.domain.terms import Loan, Method

MIN_FIRST_PERIOD_DAYS = 15  # a drawdown fewer than 15 days before the repayment day first repays a month later
MONTH_END_DAY = {29: 25, 30: 26, 31: 27}  # drawdowns on the 29th-31st repay on the 25th-27th


# slotted, not frozen: built by the ten thousand per run and a frozen __init__ costs 4×; never changed once built
@dataclass(slots=True)
class Installment:
    """One instalment (期) as scheduled. `remaining` is the principal still owed after it is paid."""

    no: int
    period_start: dt.date  # interest for this instalment runs from here to the due date
    due_date: dt.date
    principal: Decimal
    interest: Decimal
    remaining: Decimal

    @property
    def days(self) -> int:
        return (self.due_date - self.period_start).days

    @property
    def total(self) -> Decimal:
        return self.principal + self.interest


@dataclass(frozen=True)
class Schedule:
    loan: Loan
    installments: tuple[Installment, ...]
    regular_amount: Decimal  # the instalment A (equal-installment) or principal part p (equal-principal)

    @property
    def total_interest(self) -> Decimal:
        return sum((i.interest for i in self.installments), ZERO)

    @property
    def total_payment(self) -> Decimal:
        return sum((i.total for i in self.installments), ZERO)

    @property
    def last_due_date(self) -> dt.date:
        return self.installments[-1].due_date


def repayment_day(loan: Loan) -> int:
    if loan.repayment_day is not None:
        return loan.repayment_day
    return MONTH_END_DAY.get(loan.start.day, loan.start.day)


def add_months(d: dt.date, months: int, day: int) -> dt.date:
    """The date `months` months after d's month, on `day` (1..28, so it always exists)."""
    index = d.year * 12 + d.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, day)


def first_due_date(start: dt.date, day: int) -> dt.date:
    """The first date on `day` strictly after the drawdown and at least 15 days after it."""
    candidate = add_months(start, 0, day)
    while candidate <= start or (candidate - start).days < MIN_FIRST_PERIOD_DAYS:
        candidate = add_months(candidate, 1, day)
    return candidate


def due_dates(loan: Loan) -> list[dt.date]:
    day = repayment_day(loan)
    first = first_due_date(loan.start, day)
    return [add_months(first, k, day) for k in range(loan.term)]


def build_schedule(loan: Loan) -> Schedule:
    dues = due_dates(loan)
    amount = regular_amount(loan.principal, loan.daily_rate, loan.start, dues, loan.method)
    installments = plan(loan.principal, loan.daily_rate, loan.start, dues, loan.method, amount=amount)
    return Schedule(loan, tuple(installments), amount)


def regular_amount(balance: Decimal, rate: Decimal, start: dt.date, dues: list[dt.date], method: Method) -> Decimal:
    if method is Method.EQUAL_INSTALLMENT:
        return annuity(balance, rate, start, dues)
    if method is Method.EQUAL_PRINCIPAL:
        return half_up(balance / len(dues))
    return ZERO


def annuity(balance: Decimal, rate: Decimal, start: dt.date, dues: list[dt.date]) -> Decimal:
    """A = B / Σ_k Π_{j≤k} 1/(1 + d·days_j), rounded down to the fen."""
    with localcontext() as ctx:
        ctx.prec = PRECISION
        discount = Decimal(1)
        total = Decimal(0)
        previous = start
        for due in dues:
            discount /= 1 + rate * (due - previous).days
            total += discount
            previous = due
        return round_down(balance / total)


def plan(
    balance: Decimal,
    rate: Decimal,
    start: dt.date,
    dues: list[dt.date],
    method: Method,
    first_no: int = 1,
    amount: Decimal | None = None,
) -> list[Installment]:
    """The schedule of `balance` over `dues`, interest from `start`: the method's own rule. `amount` is the
    method's regular amount when the caller has it already (regular_amount)."""
    if amount is None:
        amount = regular_amount(balance, rate, start, dues, method)
    if method is Method.EQUAL_INSTALLMENT:
        return plan_fixed_installment(balance, rate, start, dues, amount, first_no, stop_early=False)
    if method is Method.EQUAL_PRINCIPAL:
        return plan_fixed_principal(balance, rate, start, dues, amount, first_no, len(dues))
    return plan_interest_first(balance, rate, start, dues, first_no)


def plan_fixed_installment(
    balance: Decimal,
    rate: Decimal,
    start: dt.date,
    dues: list[dt.date],
    amount: Decimal,
    first_no: int = 1,
    stop_early: bool = True,
) -> list[Installment]:
    """Pay `amount` each period (principal = amount − interest); the last date pays whatever remains.
    With `stop_early` (keep the instalment, 缩短期限) the loan ends in the first period whose balance +
    interest fits in one instalment."""
    out: list[Installment] = []
    previous = start
    for k, due in enumerate(dues):
        part_interest = interest(balance, rate, (due - previous).days)
        last = k == len(dues) - 1 or (stop_early and balance + part_interest <= amount)
        part = balance if last else min(max(amount - part_interest, ZERO), balance)
        balance -= part
        out.append(Installment(first_no + k, previous, due, part, part_interest, balance))
        previous = due
        if last:
            break
    return out


def plan_fixed_principal(
    balance: Decimal,
    rate: Decimal,
    start: dt.date,
    dues: list[dt.date],
    per_period: Decimal,
    first_no: int = 1,
    periods: int | None = None,
) -> list[Installment]:
    """Repay `per_period` of principal each period over `periods` dates; the last takes the remainder."""
    count = len(dues) if periods is None else max(1, min(periods, len(dues)))
    out: list[Installment] = []
    previous = start
    for k, due in enumerate(dues[:count]):
        part_interest = interest(balance, rate, (due - previous).days)
        part = balance if k == count - 1 else min(per_period, balance)
        balance -= part
        out.append(Installment(first_no + k, previous, due, part, part_interest, balance))
        previous = due
    return out


def periods_to_repay(balance: Decimal, per_period: Decimal, available: int) -> int:
    """Periods needed at `per_period` a period: ceil(B/p), a final remainder under ¥1.00 joining the period
    before it."""
    if per_period <= 0:
        return available
    count = int((balance / per_period).to_integral_value(rounding=ROUND_CEILING))
    if count > 1 and balance - (count - 1) * per_period < Decimal("1.00"):
        count -= 1
    return max(1, min(count, available))


def plan_interest_first(
    balance: Decimal, rate: Decimal, start: dt.date, dues: list[dt.date], first_no: int = 1
) -> list[Installment]:
    """Interest only each period; the last repays the principal too."""
    out: list[Installment] = []
    previous = start
    for k, due in enumerate(dues):
        part_interest = interest(balance, rate, (due - previous).days)
        part = balance if k == len(dues) - 1 else ZERO
        out.append(Installment(first_no + k, previous, due, part, part_interest, balance - part))
        previous = due
    return out


