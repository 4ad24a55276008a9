"""Due dates and the instalment schedule of a loan: interest by actual days, three repayment methods.

The same planners recompute the rest of a loan after a prepayment (simulate.py), so each takes the balance,
the date interest starts from, and the remaining due dates.
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_CEILING, ROUND_HALF_UP, Decimal, localcontext

from jiebei_tui.domain.money import FEN, PRECISION, ZERO, half_up, round_down
from jiebei_tui.domain.terms import Loan, Method
from jiebei_tui.domain.slotted import Slotted
from jiebei_tui.domain.value import Value, value

MIN_FIRST_PERIOD_DAYS = 15  # a drawdown fewer than 15 days before the repayment day first repays a month later
MONTH_END_DAY = {29: 25, 30: 26, 31: 27}  # drawdowns on the 29th-31st repay on the 25th-27th


# written out (slotted.py), not frozen: built by the ten thousand per run; never changed once built
class Installment(Slotted):
    """One instalment (期) as scheduled. `remaining` is the principal still owed after it is paid (and after the
    principal prepaid with it, if any)."""

    __slots__ = ("no", "period_start", "due_date", "principal", "interest", "remaining", "prepaid", "prepaid_on")

    def __init__(
        self,
        no: int,
        period_start: dt.date,  # interest for this instalment runs from here to the due date
        due_date: dt.date,
        principal: Decimal,  # its own
        interest: Decimal,
        remaining: Decimal,
        # a ledger loan's paid instalment: principal the payment that completed it prepaid beyond it, and that day
        prepaid: Decimal = ZERO,
        prepaid_on: dt.date | None = None,
    ) -> None:
        self.no = no
        self.period_start = period_start
        self.due_date = due_date
        self.principal = principal
        self.interest = interest
        self.remaining = remaining
        self.prepaid = prepaid
        self.prepaid_on = prepaid_on

    @property
    def remaining_before_prepaid(self) -> Decimal:
        """The principal still owed once the instalment itself is paid, before what was prepaid with it."""
        return self.remaining + self.prepaid

    @property
    def days(self) -> int:
        return (self.due_date - self.period_start).days

    @property
    def total(self) -> Decimal:
        return self.principal + self.interest


@value
class Schedule(Value):
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
    return PlanCursor.for_method(method, balance, rate, start, tuple(dues), 0, amount, first_no).rest()


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
    return PlanCursor(FIXED_INSTALLMENT, balance, rate, start, tuple(dues), 0, len(dues) - 1, amount, first_no, stop_early).rest()


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
    return PlanCursor(FIXED_PRINCIPAL, balance, rate, start, tuple(dues), 0, count - 1, per_period, first_no).rest()


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
    return PlanCursor(INTEREST_FIRST, balance, rate, start, tuple(dues), 0, len(dues) - 1, ZERO, first_no).rest()


FIXED_INSTALLMENT, FIXED_PRINCIPAL, INTEREST_FIRST = 0, 1, 2


class PlanCursor:
    """A plan produced one instalment at a time: what the rest of a loan looks like if each instalment is paid
    as planned on its due date. The replay of a loan asks for the next instalment only when the one running is
    done, and a prepayment replaces the cursor, so a loan recomputed two dozen times never builds the instalments
    it throws away. Plain slotted state, so a copy is cheap (the dates are shared).

    `dues` are due dates; the cursor plans dues[index..end]; instalment numbers are index + `first_no`."""

    __slots__ = ("mode", "balance", "rate", "previous", "dues", "index", "end", "amount", "first_no", "stop_early", "done")

    def __init__(
        self,
        mode: int,
        balance: Decimal,
        rate: Decimal,
        start: dt.date,
        dues: tuple[dt.date, ...],
        index: int,
        end: int,
        amount: Decimal,
        first_no: int = 1,
        stop_early: bool = False,
    ) -> None:
        self.mode = mode
        self.balance = balance
        self.rate = rate
        self.previous = start
        self.dues = dues
        self.index = index
        self.end = end
        self.amount = amount  # the instalment (fixed installment) or the principal part (fixed principal)
        self.first_no = first_no
        self.stop_early = stop_early  # fixed installment only: end as soon as the rest fits in one instalment
        self.done = index > end

    @classmethod
    def for_method(
        cls,
        method: Method,
        balance: Decimal,
        rate: Decimal,
        start: dt.date,
        dues: tuple[dt.date, ...],
        index: int,
        amount: Decimal,
        first_no: int = 1,
    ) -> PlanCursor:
        """The method's own plan of dues[index:] (keep the term; `amount` from regular_amount)."""
        end = len(dues) - 1
        if method is Method.EQUAL_INSTALLMENT:
            return cls(FIXED_INSTALLMENT, balance, rate, start, dues, index, end, amount, first_no)
        if method is Method.EQUAL_PRINCIPAL:
            return cls(FIXED_PRINCIPAL, balance, rate, start, dues, index, end, amount, first_no)
        return cls(INTEREST_FIRST, balance, rate, start, dues, index, end, ZERO, first_no)

    def copy(self) -> PlanCursor:
        other = PlanCursor.__new__(PlanCursor)
        for name in PlanCursor.__slots__:
            setattr(other, name, getattr(self, name))
        return other

    def take(self) -> Installment | None:
        """The next instalment of the plan, or None when the plan is done."""
        if self.done:
            return None
        k = self.index
        due = self.dues[k]
        balance = self.balance
        part_interest = (balance * self.rate * (due - self.previous).days).quantize(FEN, rounding=ROUND_HALF_UP)
        last = k == self.end
        mode = self.mode
        if mode == FIXED_INSTALLMENT:
            if not last and self.stop_early and balance + part_interest <= self.amount:
                last = True
            part = balance if last else min(max(self.amount - part_interest, ZERO), balance)
        elif mode == FIXED_PRINCIPAL:
            part = balance if last else min(self.amount, balance)
        else:
            part = balance if last else ZERO
        balance -= part
        inst = Installment(k + self.first_no, self.previous, due, part, part_interest, balance)
        self.balance = balance
        self.previous = due
        self.index = k + 1
        self.done = last
        return inst

    def rest(self) -> list[Installment]:
        """Every instalment still to come (the cursor is used up)."""
        out = []
        inst = self.take()
        while inst is not None:
            out.append(inst)
            inst = self.take()
        return out

    def last_index(self) -> int:
        """The index of the plan's last due date (planning a copy when it ends early)."""
        if not self.stop_early:
            return self.end
        probe = self.copy()
        last = self.index - 1
        while probe.take() is not None:
            last = probe.index - 1
        return last
