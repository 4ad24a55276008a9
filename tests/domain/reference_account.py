"""A deliberately plain, day-by-day reading of domain.md's account model, written apart from the replay in
jiebei_tui/domain/replay.py, so the two can be compared on random histories.

It walks every day from the drawdown, keeps interest unrounded within a stretch and rounds it HALF_UP when a
stretch closes (the running instalment's due date, a payment that lowers the balance or completes the running
instalment), counts penalty per day on what was unpaid at the start of the day, and applies each payment in the
order the model names. Slow and obvious on purpose. (It borrows only the schedule planners, which
test_worked_example.py checks against domain.md's figures, to lay out a recomputed plan.)

Two readings where domain.md is silent, the same as the replay's: an instalment is completed by a payment that
pays what it owes (one owing nothing yet, e.g. interest-first on the day its period began, is not "paid" by a
payment that gives it nothing: the money prepays and the new plan replaces it); and a payment checked against a
rule (the payoff, the minimum prepayment) is refused whole — the test restarts the reference from before it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import ROUND_CEILING, ROUND_DOWN, ROUND_HALF_UP, Decimal

from jiebei_tui.domain.schedule import (
    build_schedule,
    periods_to_repay,
    plan,
    plan_fixed_installment,
    plan_fixed_principal,
    regular_amount,
)
from jiebei_tui.domain.terms import Loan, Method

FEN = Decimal("0.01")
ZERO = Decimal("0.00")
DAY = dt.timedelta(days=1)


def hu(x: Decimal) -> Decimal:
    return x.quantize(FEN, rounding=ROUND_HALF_UP)


class Refused(Exception):
    pass


@dataclass
class Inst:
    no: int
    due: dt.date
    sched_p: Decimal  # scheduled principal still to pay (running/upcoming) or unpaid principal (overdue)
    interest: Decimal = ZERO  # interest charged to it (fixed at its due date or when paid early)
    paid_i: Decimal = ZERO
    paid_pen: Decimal = ZERO
    p_days: Decimal = ZERO
    i_days: Decimal = ZERO
    closed: bool = False  # its interest is fixed (due date passed or paid early)
    cleared: dt.date | None = None
    cancelled: bool = False

    @property
    def unpaid_i(self) -> Decimal:
        return self.interest - self.paid_i


@dataclass
class Account:
    loan: Loan
    rate_pen: Decimal
    grace: int = 0
    compounding: bool = True
    fee_rate: Decimal = ZERO
    min_prepay: Decimal = ZERO
    default_strategy: str = "reduce-installment"
    insts: list[Inst] = field(default_factory=list)
    balance: Decimal = ZERO  # principal bearing normal interest
    bucket: Decimal = ZERO  # rounded interest of closed stretches of the running instalment
    stretch: Decimal = ZERO  # unrounded interest of the open stretch
    regular: Decimal = ZERO  # the regular amount (annuity A or principal part p) in force
    day: dt.date = None
    day_ended: bool = False
    paid_total: Decimal = ZERO
    fees: Decimal = ZERO
    principal_repaid: Decimal = ZERO

    @classmethod
    def open(cls, loan: Loan, multiplier=Decimal("1.5"), grace=0, compounding=True, fee_rate=ZERO, min_prepay=ZERO,
             default_strategy="reduce-installment") -> "Account":
        s = build_schedule(loan)
        acc = cls(loan, (loan.daily_rate * multiplier).quantize(Decimal("0.000001"), rounding=ROUND_HALF_UP), grace,
                  compounding, fee_rate, min_prepay, default_strategy)
        acc.insts = [Inst(i.no, i.due_date, i.principal) for i in s.installments]
        acc.balance = loan.principal
        acc.regular = s.regular_amount
        acc.day = loan.start
        return acc

    # --- who is who ---
    def overdue(self, t: dt.date) -> list[Inst]:
        return [i for i in self.insts if not i.cleared and not i.cancelled and i.due < t]

    def running(self, t: dt.date) -> Inst | None:
        return next((i for i in self.insts if not i.cleared and not i.cancelled and i.due >= t), None)

    def penalty_due(self, i: Inst, t: dt.date) -> Decimal:
        late = (min(t, i.cleared or t) - i.due).days
        if late <= self.grace:
            return ZERO - i.paid_pen
        pen = hu(i.p_days * self.rate_pen) + (hu(i.i_days * self.rate_pen) if self.compounding else ZERO)
        return pen - i.paid_pen

    def accrued_to_running(self, r: Inst) -> Decimal:
        return self.bucket + hu(self.stretch) - r.paid_i

    # --- the clock ---
    def walk_to(self, t: dt.date) -> None:
        """Advance to the start of day t (before t's payments): accrual for every day up to and including t."""
        while self.day < t:
            if not self.day_ended:
                self.end_of_day(self.day)
            d = self.day + DAY
            self.stretch += self.balance * self.loan.daily_rate
            for i in self.overdue(d):
                i.p_days += i.sched_p
                i.i_days += i.unpaid_i
            self.day = d
            self.day_ended = False  # day d's payments come before its end

    def end_of_day(self, d: dt.date) -> None:
        self.day_ended = True
        r = self.running(d)
        if r is not None and r.due == d:
            self.close_stretch()
            r.interest = self.bucket
            self.bucket = ZERO
            r.closed = True
            # unpaid principal leaves the interest-bearing balance: penalty replaces interest on it
            self.balance -= r.sched_p

    def close_stretch(self) -> None:
        self.bucket += hu(self.stretch)
        self.stretch = ZERO

    # --- what is owed ---
    def payoff(self, t: dt.date) -> Decimal:
        self.walk_to(t)
        total = ZERO
        for i in self.overdue(t):
            total += self.penalty_due(i, t) + i.unpaid_i + i.sched_p
        r = self.running(t)
        if r is not None:
            total += self.accrued_to_running(r) + self.balance
            rest = self.balance - r.sched_p
            total += (rest * self.fee_rate).quantize(FEN, rounding=ROUND_CEILING)
        return total

    def pay(self, t: dt.date, amount: Decimal, strategy: str | None = None) -> dict:
        self.walk_to(t)
        payoff = self.payoff(t)
        if payoff <= 0:
            raise Refused("paid off")
        if amount > payoff:
            raise Refused(f"more than the payoff {payoff}")
        left = amount
        split = {"penalty": ZERO, "interest": ZERO, "principal": ZERO, "fee": ZERO}
        od = self.overdue(t)
        for i in od:
            take = min(left, self.penalty_due(i, t))
            i.paid_pen += take; left -= take; split["penalty"] += take
        for i in od:
            take = min(left, i.unpaid_i)
            i.paid_i += take; left -= take; split["interest"] += take
        for i in od:
            take = min(left, i.sched_p)
            i.sched_p -= take; left -= take; split["principal"] += take
        for i in od:
            if i.sched_p == 0 and i.unpaid_i == 0 and self.penalty_due(i, t) <= 0:
                i.cleared = t
        r = self.running(t)
        if r is not None and left > 0:
            owed_i = self.accrued_to_running(r)
            take = min(left, owed_i)
            r.paid_i += take; left -= take; split["interest"] += take
            p = min(left, r.sched_p)
            # an instalment is completed by paying what it owes; one that owes nothing yet (interest-first, on
            # the day its period began) is not "paid" by a payment that gives it nothing
            completes = take + p > 0 and p == r.sched_p and take == owed_i
            if p > 0 or completes:
                self.close_stretch()
            r.sched_p -= p; self.balance -= p; left -= p; split["principal"] += p
            if completes:
                r.interest = self.bucket
                self.bucket = ZERO
                r.closed = True
                r.cleared = t
        if left > 0:
            if r is None:
                raise Refused("leftover with nothing to prepay")
            prin = (left / (1 + self.fee_rate)).quantize(FEN, rounding=ROUND_DOWN)
            fee = left - prin
            if prin > self.balance:
                raise Refused("leftover more than the balance")
            closes = prin == self.balance
            if not closes and prin < self.min_prepay:
                raise Refused("below the minimum prepayment")
            self.balance -= prin
            split["principal"] += prin; split["fee"] += fee; self.fees += fee
            # after the instalment this payment completed; or, when the running one owed nothing yet (so was not
            # completed), from it on: the new plan replaces it
            first = r.no + 1 if r.cleared is not None else r.no
            self.close_stretch()
            later = [i for i in self.insts if i.no >= first and not i.cancelled]
            if closes:
                for i in later:
                    i.cancelled = True
            else:
                self.recompute(t, later, strategy or self.default_strategy)
        self.paid_total += amount
        self.principal_repaid += split["principal"]
        return split

    def recompute(self, t: dt.date, later: list[Inst], strategy: str) -> None:
        dues = [i.due for i in later]
        m, d, b = self.loan.method, self.loan.daily_rate, self.balance
        if m is Method.INTEREST_FIRST:
            new = plan(b, d, t, dues, m, later[0].no)
        elif strategy == "reduce-installment":
            self.regular = regular_amount(b, d, t, dues, m)
            new = plan(b, d, t, dues, m, later[0].no, amount=self.regular)
        elif m is Method.EQUAL_INSTALLMENT:
            new = plan_fixed_installment(b, d, t, dues, self.regular, later[0].no)
        else:
            new = plan_fixed_principal(b, d, t, dues, self.regular, later[0].no, periods_to_repay(b, self.regular, len(dues)))
        keep = {i.no for i in new}
        for i in later:
            if i.no in keep:
                i.sched_p = next(n.principal for n in new if n.no == i.no)
            else:
                i.cancelled = True

    # --- totals at a date (after walking to it and closing the day) ---
    def charged(self, t: dt.date) -> dict:
        self.walk_to(t)
        interest = sum((i.interest for i in self.insts if i.closed), ZERO)
        penalty = sum((i.paid_pen + max(self.penalty_due(i, t), ZERO) for i in self.insts if i.due < t or i.paid_pen), ZERO)
        return {"interest_charged": interest, "penalty_charged": penalty, "balance": self.balance,
                "overdue_principal": sum((i.sched_p for i in self.overdue(t)), ZERO)}


def replay(loan: Loan, payments: list[tuple[dt.date, Decimal, str | None]], until: dt.date, **terms) -> Account:
    acc = Account.open(loan, **terms)
    for on, amount, strategy in sorted(payments, key=lambda p: p[0]):
        acc.walk_to(on)
        acc.pay(on, amount, strategy)
        acc.walk_to(on)  # no-op; the day's end runs when the walk passes it
    acc.walk_to(until)
    return acc
