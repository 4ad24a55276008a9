"""The borrower's loans from today on, replayed: what plans, goal seeks, what-ifs and the months ahead are made of.

Each loan is replayed from its real payments up to today (replay.py), then carried forward on a copy by
payments that have not happened: every instalment paid on its due date, exactly what it owes then (the
*regular* payments), and whatever a plan or a what-if adds (the *extra* ones). Every one of them goes through
the replay's own rules, so what a forecast shows is exactly what recording those payments would do.

Two readings of "paying as things stand" for a loan that is overdue today:
- `OVERDUE_AT_NEXT_DUE` (plans, goal seek, what-ifs: "doing nothing extra"): the overdue amounts are paid with
  the loan's next instalment, on its due date (penalty runs until then); a loan with no instalment left to fall
  due pays them today.
- `OVERDUE_TODAY` (the months ahead: "what do I owe"): the overdue amounts are paid today.

On a day when a loan has both an instalment falling due and an extra payment, the two are one payment (what
falls due plus the extra): that is the payment to record, and recording it does exactly what the forecast
shows. (Two payments the same day would not: the second would pay the next instalment early.)
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from jiebei_tui.domain.money import ZERO
from jiebei_tui.domain.replay import Allocation, LoanReplay
from jiebei_tui.domain.terms import Strategy

if TYPE_CHECKING:  # the models are passed in
    from jiebei_tui.domain.ledger import Ledger

OVERDUE_AT_NEXT_DUE = "next_due"
OVERDUE_TODAY = "today"
ONE_DAY = dt.timedelta(days=1)
FAR = dt.date(2099, 12, 31)  # the last date the program works with: every loan has ended by then


@dataclass(frozen=True, slots=True)
class Payment:
    """One payment of a forecast, with where it went (the replay's allocation)."""

    loan_id: str
    on: dt.date
    amount: Decimal
    regular: Decimal  # the part that pays what falls due that day (or, OVERDUE_TODAY, what is overdue today)
    extra: Decimal  # the rest: money a plan or a what-if adds
    strategy: Strategy | None  # for the extra's leftover; None: the loan's default
    allocation: Allocation
    installment: int | None  # the instalment falling due that day, if any

    @property
    def principal(self) -> Decimal:
        a = self.allocation
        return a.overdue_principal + a.principal + a.prepaid

    @property
    def interest(self) -> Decimal:
        return self.allocation.overdue_interest + self.allocation.interest

    @property
    def penalty(self) -> Decimal:
        return self.allocation.penalty

    @property
    def fee(self) -> Decimal:
        return self.allocation.fee

    @property
    def cost(self) -> Decimal:
        """What it pays beyond principal: interest + penalty + fee."""
        return self.amount - self.principal

    @property
    def kind(self) -> str:
        """The kind to record it as: a settlement (exactly the payoff), a prepayment (something was prepaid) or
        a repayment."""
        a = self.allocation
        if a.closed and self.amount == a.payoff and self.extra > 0:
            return "settlement"
        return "prepayment" if a.prepaid > 0 else "repayment"


class Forecast:
    """The ledger's loans carried forward from `today`. Use `Forecast.of(ledger, today)`; `fork()` before trying
    something, so the original stays as it was.

    Regular payments are made lazily, loan by loan (one loan's payments never change another's): `due_until`
    makes each loan's due payments dated before a day (or on it), `finish()` all of them."""

    def __init__(self, replays: dict[str, LoanReplay], names: dict[str, str], today: dt.date, overdue: str) -> None:
        self.replays = replays
        self.names = names
        self.today = today
        self.overdue = overdue
        self.payments: list[Payment] = []
        self.principal_today = ZERO  # owed at the end of today before any of the forecast's payments
        self.paid_count: dict[str, int] = {}  # payments made on each loan (a loan's state changes only with them)
        self.cache: dict = {}  # what a plan worked out about a loan's state (keyed with `version`)

    @classmethod
    def of(
        cls, ledger: Ledger, today: dt.date, overdue: str = OVERDUE_AT_NEXT_DUE, loan_ids: list[str] | None = None
    ) -> Forecast:
        from jiebei_tui.domain.ledger import terms_for

        grouped = ledger.payments_by_loan()
        replays: dict[str, LoanReplay] = {}
        names: dict[str, str] = {}
        for record in ledger.loans:
            if loan_ids is not None and record.id not in loan_ids:
                continue
            replay = LoanReplay.run(record.loan, terms_for(record, ledger.terms), grouped.get(record.id, ()), today, record=record)
            replay.advance(today)
            replays[record.id] = replay
            names[record.id] = record.name
        forecast = cls(replays, names, today, overdue)
        forecast.principal_today = forecast.principal_outstanding()
        for loan_id, replay in replays.items():
            if replay.paid_off or replay.loan.start > today:
                continue
            if overdue == OVERDUE_TODAY or replay.running is None:
                owed = replay.payoff(today).overdue
                if owed > 0:
                    forecast._pay(loan_id, owed, today, owed, ZERO, None, None)
        return forecast

    def fork(self) -> Forecast:
        other = Forecast({k: r.fork() for k, r in self.replays.items()}, self.names, self.today, self.overdue)
        other.payments = list(self.payments)
        other.principal_today = self.principal_today
        other.paid_count = dict(self.paid_count)
        return other

    def fork_loan(self, loan_id: str) -> Forecast:
        """A copy holding one loan only, to try something on: its payments start empty."""
        return Forecast({loan_id: self.replays[loan_id].fork()}, self.names, self.today, self.overdue)

    # --- what a loan owes ---

    def open_loans(self) -> list[str]:
        return [k for k, r in self.replays.items() if not r.paid_off]

    @staticmethod
    def next_due(replay: LoanReplay) -> dt.date | None:
        """The date of the loan's next regular payment: the running instalment's due date."""
        running = replay.running
        return running.due_date if running is not None else None

    def falls_due(self, loan_id: str, on: dt.date) -> Decimal:
        """What the loan's regular payment on `on` is (zero when no instalment falls due that day): what is
        overdue plus what the instalment owes then. Makes the loan's payments due before `on` first."""
        self.due_until(on, loan_id=loan_id)
        replay = self.replays[loan_id]
        running = replay.running
        if running is None or running.due_date != on:
            return ZERO
        return _owed_on_due_date(replay, on)

    def due_until(self, end: dt.date, inclusive: bool = False, loan_id: str | None = None) -> None:
        """Make every regular payment dated before `end` (or on it, `inclusive`), for one loan or all."""
        ids = [loan_id] if loan_id is not None else list(self.replays)
        for key in ids:
            replay = self.replays[key]
            while True:
                due = self.next_due(replay)
                if due is None or due > end or (due == end and not inclusive):
                    break
                owed = _owed_on_due_date(replay, due)
                if owed <= 0:  # nothing to pay (a plan with no interest left): let it fall due paid
                    replay.advance(due + ONE_DAY)
                    continue
                self._pay(key, owed, due, owed, ZERO, None, replay.running.no)

    def finish(self) -> None:
        self.due_until(FAR, inclusive=True)

    # --- paying ---

    def pay_extra(self, loan_id: str, extra: Decimal, on: dt.date, strategy: Strategy | None = None) -> Payment:
        """Pay `extra` on `on` on top of what falls due that day (one payment); InputError (the forecast
        unchanged) when the replay refuses it."""
        regular = self.falls_due(loan_id, on)
        replay = self.replays[loan_id]
        installment = replay.running.no if regular > 0 else None
        return self._pay(loan_id, regular + extra, on, regular, extra, strategy, installment)

    def _pay(
        self,
        loan_id: str,
        amount: Decimal,
        on: dt.date,
        regular: Decimal,
        extra: Decimal,
        strategy: Strategy | None,
        installment: int | None,
    ) -> Payment:
        allocation = self.replays[loan_id].pay(amount, on, strategy)
        payment = Payment(loan_id, on, amount, regular, extra, strategy, allocation, installment)
        self.payments.append(payment)
        self.paid_count[loan_id] = self.paid_count.get(loan_id, 0) + 1
        return payment

    def version(self, loan_id: str) -> int:
        """Changes whenever the loan is paid (its state as the forecast carries it)."""
        return self.paid_count.get(loan_id, 0)

    # --- what it comes to ---

    def principal_outstanding(self, loan_id: str | None = None) -> Decimal:
        """Principal still owed (overdue included), now, for one loan or all."""
        total = ZERO
        for key, replay in self.replays.items():
            if loan_id is None or key == loan_id:
                total += replay.balance + sum((line.unpaid_principal for line in replay._overdue_lines()), ZERO)
        return total

    def payoff(self, loan_id: str, on: dt.date) -> Decimal:
        """What closes the loan on `on`, after its regular payments before that day."""
        self.due_until(on, loan_id=loan_id)
        return self.replays[loan_id].payoff(on).total


def _owed_on_due_date(replay: LoanReplay, due: dt.date) -> Decimal:
    """What the running instalment asks on its due date, with whatever is overdue before it."""
    replay.advance(due)
    running = replay.running
    owed = replay._running_interest(due) + running.principal - running.paid_principal
    if replay.first_open < len(replay.lines) - 1:  # instalments before the running one are still open
        owed += replay.payoff(due).overdue
    return owed


def sorted_payments(payments: list[Payment] | tuple[Payment, ...]) -> list[Payment]:
    """In date order (a day's payments in the order they were made)."""
    return sorted(payments, key=lambda p: p.on)


@dataclass(frozen=True)
class Totals:
    """What payments come to: principal and the costs beyond it."""

    paid: Decimal
    principal: Decimal
    interest: Decimal
    penalty: Decimal
    fees: Decimal
    last: dt.date | None  # the date of the last payment

    @property
    def cost(self) -> Decimal:
        """Interest + penalty + fees."""
        return self.interest + self.penalty + self.fees


def totals(payments) -> Totals:
    paid = principal = interest = penalty = fees = ZERO
    last = None
    for p in payments:
        paid += p.amount
        principal += p.principal
        interest += p.interest
        penalty += p.penalty
        fees += p.fee
        if last is None or p.on > last:
            last = p.on
    return Totals(paid, principal, interest, penalty, fees, last)


@dataclass(frozen=True)
class MonthOutgo:
    """What leaves the borrower's pocket in one calendar month."""

    month: dt.date  # its first day
    total: Decimal
    regular: Decimal
    extra: Decimal
    by_loan: tuple[tuple[str, Decimal], ...]  # (loan id, amount), in the ledger's order of loans


def month_of(day: dt.date) -> dt.date:
    return day.replace(day=1)


def next_month(month: dt.date) -> dt.date:
    return dt.date(month.year + (month.month == 12), month.month % 12 + 1, 1)


def monthly_outgo(payments, order: list[str], first: dt.date | None = None, last: dt.date | None = None) -> tuple[MonthOutgo, ...]:
    """Payments by calendar month, from `first`'s month (default: the first payment's) to `last`'s (default: the
    last payment's), months with nothing paid included."""
    buckets: dict[dt.date, dict[str, Decimal]] = {}
    regular: dict[dt.date, Decimal] = {}
    extra: dict[dt.date, Decimal] = {}
    for p in payments:
        m = month_of(p.on)
        per = buckets.setdefault(m, {})
        per[p.loan_id] = per.get(p.loan_id, ZERO) + p.amount
        regular[m] = regular.get(m, ZERO) + p.regular
        extra[m] = extra.get(m, ZERO) + p.extra
    if not buckets and (first is None or last is None):
        return ()
    start = month_of(first) if first is not None else min(buckets)
    end = month_of(last) if last is not None else max(buckets)
    rank = {loan_id: k for k, loan_id in enumerate(order)}
    out = []
    m = start
    while m <= end:
        per = buckets.get(m, {})
        by_loan = tuple(sorted(per.items(), key=lambda item: rank.get(item[0], len(rank))))
        out.append(
            MonthOutgo(m, sum(per.values(), ZERO), regular.get(m, ZERO), extra.get(m, ZERO), by_loan)
        )
        m = next_month(m)
    return tuple(out)


def add_months_clamped(day: dt.date, months: int, day_of_month: int | None = None) -> dt.date:
    """The date `months` months after `day`'s month, on `day_of_month` (default `day`'s), or that month's last
    day when it is shorter (a payday on the 31st is paid on 30 April)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = index // 12, index % 12 + 1
    wanted = day.day if day_of_month is None else day_of_month
    last = (dt.date(year + (month == 12), month % 12 + 1, 1) - ONE_DAY).day
    return dt.date(year, month, min(wanted, last))
