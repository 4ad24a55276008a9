"""What a loan's state is on a date: the account model of domain.md ("The account model"), replayed payment by
payment in date order.

The schedule is the plan (what falls due on each date); the money is an account:
- Interest accrues by the day on the principal actually outstanding and not overdue (the *balance*), rounded
  HALF_UP once per stretch between events that change it: the running instalment's due date, a payment that
  lowers the balance, a payment that completes the running instalment. Never on principal repaid.
- Overdue principal (and, compounding, overdue interest) accrues penalty instead: rate = daily rate ×
  multiplier to 6 decimals, counted each day on the part of an instalment still unpaid, HALF_UP once per
  instalment and part over its overdue life, nothing within the grace days.
- A payment on day t pays: penalty; overdue interest; overdue principal (oldest instalment first); the running
  instalment's interest accrued to t and its scheduled principal (it is then paid, even before its due date);
  anything left prepays principal (less the prepayment fee, if any) under the event's strategy or the loan's
  default, and the rest of the plan is recomputed from t. An instalment paid early with nothing left over
  leaves the plan alone: the next instalment's interest simply runs from t.
- The payoff on day t (everything overdue + the balance + the interest accrued to t + the fee on the principal
  it prepays) is the most a payment may be; exactly the payoff closes the loan. A paid instalment never reopens.

Every check happens before anything changes, so a payment that is refused leaves the replay as it was.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import field
from decimal import ROUND_CEILING, ROUND_DOWN, ROUND_HALF_UP, Decimal, localcontext
from typing import TYPE_CHECKING

from jiebei_tui.domain.errors import InputError
from jiebei_tui.domain.money import FEN, PRECISION, ZERO, half_up, round_down
from jiebei_tui.domain.overdue import NO_DAILY_PENALTY, DailyPenalty, daily_penalty, penalty, penalty_rate, stage
from jiebei_tui.domain.schedule import (
    FIXED_INSTALLMENT,
    FIXED_PRINCIPAL,
    INTEREST_FIRST,
    Installment,
    PlanCursor,
    due_dates,
    periods_to_repay,
    regular_amount,
)
from jiebei_tui.domain.terms import MAX_AMOUNT, Loan, Method, Strategy
from jiebei_tui.domain.slotted import Slotted
from jiebei_tui.domain.value import Value, value

if TYPE_CHECKING:  # the pydantic models are passed in; importing them here would slow the app's first frame
    from jiebei_tui.domain.ledger import Event, Ledger, LoanRecord
    from jiebei_tui.domain.product_terms import ProductTerms
    from jiebei_tui.domain.restructure import RestructurePlan, Restructured
    from jiebei_tui.domain.simulate import Position, PrepayResult, SettleResult

ONE_DAY = dt.timedelta(days=1)
PAYMENT_KINDS = ("repayment", "prepayment", "settlement")


class _Line:
    """One instalment while replaying. (Plain slotted attributes: a replay of tens of thousands of payments reads
    them millions of times.)

    `interest` is what the instalment has been charged: while it runs, the stretches closed so far; once it is
    paid or falls due, all of it. `unpaid_*` are kept from the day it falls due (the penalty base)."""

    __slots__ = (
        "no", "period_start", "due_date", "principal", "interest", "paid_principal", "paid_interest",
        "paid_penalty", "prepaid", "fee", "unpaid_principal", "unpaid_interest", "principal_days",
        "interest_days", "accrued_to", "cleared_on", "settled", "overdue", "frozen", "restructured",
    )

    def __init__(self, no: int, period_start: dt.date, due_date: dt.date, principal: Decimal) -> None:
        self.no = no
        self.period_start = period_start
        self.due_date = due_date
        self.principal = principal  # scheduled by the plan in force when it started running
        self.interest = ZERO
        self.paid_principal = ZERO
        self.paid_interest = ZERO
        self.paid_penalty = ZERO
        self.prepaid = ZERO  # principal prepaid by the payment that completed it (beyond its own)
        self.fee = ZERO  # prepayment fee of that payment
        self.unpaid_principal = ZERO
        self.unpaid_interest = ZERO
        self.principal_days = ZERO  # Σ unpaid principal × days it stayed unpaid after the due date
        self.interest_days = ZERO
        self.accrued_to = due_date
        self.cleared_on: dt.date | None = None
        self.settled = False  # the instalment whose payment closed the loan early
        self.overdue = False
        # penalty fixed by a restructure (the rate may change after it): (on principal, on interest)
        self.frozen: tuple[Decimal, Decimal] | None = None
        self.restructured = False  # ended by a restructure (restructure.py), its unpaid part carried or waived

    def accrue(self, on: dt.date) -> None:
        days = (on - self.accrued_to).days
        if days > 0:
            self.principal_days += self.unpaid_principal * days
            self.interest_days += self.unpaid_interest * days
            self.accrued_to = on

    def penalty_parts(self, on: dt.date, rate: Decimal, terms: ProductTerms) -> tuple[Decimal, Decimal]:
        """Penalty charged by `on` (without changing the line): fixed once the instalment was cleared."""
        if not self.overdue:
            return ZERO, ZERO
        if self.frozen is not None:
            return self.frozen
        end = self.cleared_on or on
        if end <= self.due_date:
            return ZERO, ZERO
        extra = (end - self.accrued_to).days
        if extra > 0:
            return penalty(
                self.principal_days + self.unpaid_principal * extra,
                self.interest_days + self.unpaid_interest * extra,
                rate,
                (end - self.due_date).days,
                terms,
            )
        return penalty(self.principal_days, self.interest_days, rate, (end - self.due_date).days, terms)

    def penalty_due(self, on: dt.date, rate: Decimal, terms: ProductTerms) -> Decimal:
        on_principal, on_interest = self.penalty_parts(on, rate, terms)
        return on_principal + on_interest - self.paid_penalty

    @property
    def paid(self) -> Decimal:
        return self.paid_principal + self.prepaid + self.paid_interest + self.paid_penalty + self.fee

    def copy(self) -> _Line:
        other = _Line.__new__(_Line)  # written out: a plan copies lines by the ten thousand
        other.no, other.period_start, other.due_date = self.no, self.period_start, self.due_date
        other.principal, other.interest = self.principal, self.interest
        other.paid_principal, other.paid_interest, other.paid_penalty = self.paid_principal, self.paid_interest, self.paid_penalty
        other.prepaid, other.fee = self.prepaid, self.fee
        other.unpaid_principal, other.unpaid_interest = self.unpaid_principal, self.unpaid_interest
        other.principal_days, other.interest_days, other.accrued_to = self.principal_days, self.interest_days, self.accrued_to
        other.cleared_on, other.settled, other.overdue = self.cleared_on, self.settled, self.overdue
        other.frozen, other.restructured = self.frozen, self.restructured
        return other


# written out (slotted.py), not frozen: built by the ten thousand per run; never changed once built
class InstallmentState(Slotted):
    __slots__ = (
        "no", "due_date", "principal", "interest", "penalty", "paid", "status", "days_overdue", "unpaid_principal",
        "unpaid_interest", "settled", "paid_on", "period_start", "prepaid", "fee",
    )

    def __init__(
        self,
        no: int,
        due_date: dt.date,
        principal: Decimal,  # its scheduled principal (+ any principal prepaid by the payment that completed it)
        interest: Decimal,  # charged (paid or due instalments) or projected on the balance as it stands (the rest)
        penalty: Decimal,  # charged so far (paid or not)
        paid: Decimal,
        status: str,  # paid, partial, due, overdue, upcoming, restructured (ended by an agreement: restructure.py)
        days_overdue: int,
        unpaid_principal: Decimal,
        unpaid_interest: Decimal,
        settled: bool = False,
        paid_on: dt.date | None = None,  # the day the last of it was paid
        period_start: dt.date | None = None,  # its interest runs from here
        prepaid: Decimal = ZERO,  # the part of `principal` prepaid beyond the instalment's own
        fee: Decimal = ZERO,  # prepayment fee paid with it
    ) -> None:
        self.no = no
        self.due_date = due_date
        self.principal = principal
        self.interest = interest
        self.penalty = penalty
        self.paid = paid
        self.status = status
        self.days_overdue = days_overdue
        self.unpaid_principal = unpaid_principal
        self.unpaid_interest = unpaid_interest
        self.settled = settled
        self.paid_on = paid_on
        self.period_start = period_start
        self.prepaid = prepaid
        self.fee = fee

    @property
    def owed(self) -> Decimal:
        return self.principal + self.interest + self.penalty + self.fee - self.paid

    @property
    def apart(self) -> bool:
        """A schedule line that is not an instalment: principal prepaid with one, or the fee on it (schedule_lines)."""
        return self.status in EXTRA_LINES

    @property
    def own_principal(self) -> Decimal:
        """Its own scheduled principal, without what the payment that completed it prepaid."""
        return self.principal - self.prepaid

    @property
    def own_paid(self) -> Decimal:
        """What was paid toward the instalment itself (penalty, interest, its own principal): not the principal
        prepaid with it, nor the fee on that."""
        return self.paid - self.prepaid - self.fee


PREPAID = "prepaid"  # a schedule line of principal prepaid, not an instalment (schedule_lines)
FEE = "fee"  # a schedule line of the prepayment fee paid with it
EXTRA_LINES = (PREPAID, FEE)


def schedule_lines(rows) -> list[InstallmentState]:
    """A loan's schedule as the borrower reads it (`status ID`, the app's Status section): each instalment with
    its own principal, its interest and penalty, and what was paid toward it; the principal a payment prepaid
    beyond the instalment it completed is a line of its own right after that instalment, dated the day of the
    payment, status PREPAID (`settled` when it closed the loan), and the fee on it, if any, another (FEE).
    Instalment 3 (¥483.23 of principal, interest ¥22.64 to the day) completed by ¥2,000.00 on 11-29 reads
    ¥483.23 / ¥22.64 / paid ¥505.87, then 11-29 prepaid principal ¥1,494.13 (not one ¥1,977.36 line)."""
    out = []
    for row in rows:
        if row.status != "paid" or not (row.prepaid or row.fee):
            out.append(row)
            continue
        out.append(
            InstallmentState(
                row.no, row.due_date, row.own_principal, row.interest, row.penalty, row.own_paid, "paid", 0, ZERO,
                ZERO, False, row.paid_on, row.period_start,
            )
        )
        on = row.paid_on or row.due_date
        if row.prepaid:
            out.append(
                InstallmentState(
                    row.no, on, row.prepaid, ZERO, ZERO, row.prepaid, PREPAID, 0, ZERO, ZERO, row.settled, on, on,
                    row.prepaid,
                )
            )
        if row.fee:
            out.append(
                InstallmentState(row.no, on, ZERO, ZERO, ZERO, row.fee, FEE, 0, ZERO, ZERO, False, on, on, ZERO, row.fee)
            )
    return out


@value
class LoanState(Value):
    record: LoanRecord
    today: dt.date
    installments: tuple[InstallmentState, ...]
    principal_outstanding: Decimal
    next_due_date: dt.date | None
    next_due_amount: Decimal
    days_until_due: int | None
    days_overdue: int
    stage: str
    amount_to_clear: Decimal  # overdue amounts incl. penalty: what ends being overdue today
    daily: DailyPenalty  # what waiting one more day adds in penalty (overdue.py: exact, and about to the fen)
    paid_off: bool
    total_paid: Decimal
    total_interest: Decimal  # interest charged so far plus interest the plan still projects
    penalty_rate: Decimal
    regular_amount: Decimal
    problems: tuple[str, ...] = field(default=())  # stored events that could not be applied
    payoff: Decimal = ZERO  # what closes the loan today: the most a payment today may be
    principal_prepaid: Decimal = ZERO  # principal paid beyond the instalments' own, over the loan's life
    fees_paid: Decimal = ZERO
    # what to pay today to clear what is overdue and complete the running instalment, nothing left over to
    # prepay (before its due date less than next_due_amount, which projects its interest to the due date)
    pay_now: Decimal = ZERO
    daily_rate: Decimal | None = None  # the rate in force (a restructure may change it); None: the contract's
    restructures: tuple[Restructured, ...] = ()  # agreements applied, oldest first (restructure.py)
    capitalised: Decimal = ZERO  # interest and penalty carried into a new plan's principal by restructures

    @property
    def schedule(self) -> list[InstallmentState]:
        """The instalments as shown, the principal prepaid on lines of its own (schedule_lines)."""
        return schedule_lines(self.installments)

    @property
    def daily_cost(self) -> Decimal:
        """What waiting one more day adds in penalty, to the fen (about: the total is rounded, not each day)."""
        return self.daily.about

    @property
    def current(self) -> InstallmentState | None:
        """The most urgent instalment: the oldest overdue, else the one due next."""
        for inst in self.installments:
            if inst.status in ("overdue", "due", "partial", "upcoming"):
                return inst
        return None

    def to_pay_today(self) -> tuple[Decimal, tuple[int, ...]]:
        """What to pay today, and the instalments it pays in full: the one rule (`pay_now` of the command line,
        the banner, the pay dialog, a reminder). Overdue: what clears the overdue instalments (and the one
        falling due today, if one does); otherwise what completes the running instalment today."""
        overdue = tuple(i.no for i in self.installments if i.status == "overdue")
        if overdue and self.days_until_due != 0:
            return self.amount_to_clear, overdue
        running = next((i.no for i in self.installments if i.status in ("due", "partial", "upcoming")), None)
        return self.pay_now, overdue + ((running,) if running is not None else ())

    @property
    def principal_repaid(self) -> Decimal:
        """Principal repaid: of what was drawn and of what restructures carried into a new plan's principal."""
        return self.record.principal + self.capitalised - self.principal_outstanding

    @property
    def waived(self) -> Decimal:
        """Interest and penalty waived by restructures: no longer owed."""
        return sum((r.waived for r in self.restructures), ZERO)


# written out (slotted.py), not frozen: one per payment replayed (tens of thousands); filled in as it is applied
class Allocation(Slotted):
    """Where one payment went, in the order the rules apply it."""

    __slots__ = (
        "on", "amount", "payoff", "penalty", "overdue_interest", "overdue_principal", "interest", "principal",
        "prepaid", "fee", "running", "completed", "recomputed", "closed",
    )

    def __init__(
        self,
        on: dt.date,
        amount: Decimal,
        payoff: Decimal,  # the payoff just before it
        penalty: Decimal = ZERO,
        overdue_interest: Decimal = ZERO,
        overdue_principal: Decimal = ZERO,
        interest: Decimal = ZERO,  # the running instalment's interest accrued to the day
        principal: Decimal = ZERO,  # the running instalment's scheduled principal
        prepaid: Decimal = ZERO,  # principal prepaid with what was left
        fee: Decimal = ZERO,
        running: int | None = None,  # the instalment running on the day
        completed: int | None = None,  # the instalment this payment completed (paid, maybe early)
        recomputed: bool = False,  # the plan was recomputed from the day
        closed: bool = False,  # the loan is paid off
    ) -> None:
        self.on = on
        self.amount = amount
        self.payoff = payoff
        self.penalty = penalty
        self.overdue_interest = overdue_interest
        self.overdue_principal = overdue_principal
        self.interest = interest
        self.principal = principal
        self.prepaid = prepaid
        self.fee = fee
        self.running = running
        self.completed = completed
        self.recomputed = recomputed
        self.closed = closed

    @property
    def overdue_cleared(self) -> Decimal:
        return self.penalty + self.overdue_interest + self.overdue_principal


@value
class Payoff(Value):
    """What closes the loan on a day, in its parts."""

    on: dt.date
    overdue: Decimal  # penalty + overdue interest + overdue principal
    interest: Decimal  # the running instalment's interest accrued to the day, less what it paid already
    running_principal: Decimal  # the running instalment's scheduled principal still unpaid
    balance: Decimal  # principal outstanding and not overdue (running instalment's included)
    fee: Decimal  # prepayment fee on the principal the payoff prepays (balance − running_principal)

    @property
    def total(self) -> Decimal:
        return self.overdue + self.interest + self.balance + self.fee


class _Scheduled:
    """A payment made up for a loan given without a ledger (every instalment due before a date, on time)."""

    __slots__ = ("id", "kind", "date", "amount", "strategy")

    def __init__(self, date: dt.date, amount: Decimal) -> None:
        self.id = ""
        self.kind = "repayment"
        self.date = date
        self.amount = amount
        self.strategy = None


def fee_on(principal: Decimal, fee_rate: Decimal) -> Decimal:
    """The fee on prepaying `principal`: the least fee f with ROUND_DOWN((principal + f) / (1 + rate)) = principal,
    i.e. principal × rate rounded up to the fen."""
    if not fee_rate or principal <= 0:
        return ZERO
    return (principal * fee_rate).quantize(FEN, rounding=ROUND_CEILING)


def principal_of(leftover: Decimal, fee_rate: Decimal) -> Decimal:
    """Of money left for prepayment, the principal: ROUND_DOWN(leftover / (1 + fee rate)); the rest is the fee."""
    if not fee_rate:
        return leftover
    return (leftover / (1 + fee_rate)).quantize(FEN, rounding=ROUND_DOWN)


class LoanReplay:
    """Replays one loan's payments. Use `LoanReplay.of(ledger, loan_id, until)` or `LoanReplay.run(...)`."""

    def __init__(self, loan: Loan, terms: ProductTerms, record: LoanRecord | None = None, loan_id: str = "") -> None:
        self.loan = loan
        self.record = record
        self.loan_id = record.id if record is not None else loan_id
        self.terms = terms
        self.daily_rate = loan.daily_rate  # in force: a restructure may change it
        self.method = loan.method  # likewise
        self.rate = penalty_rate(loan.daily_rate, terms)
        self.fee_rate = terms.prepayment_fee
        self.min_prepayment = terms.min_prepayment
        self.default_strategy = terms.default_prepay_strategy
        dues = tuple(due_dates(loan))
        self.dues = dues
        self.regular_amount = regular_amount(loan.principal, loan.daily_rate, loan.start, list(dues), loan.method)
        self.plan = PlanCursor.for_method(loan.method, loan.principal, loan.daily_rate, loan.start, dues, 0, self.regular_amount)
        self.lines: list[_Line] = []
        self.first_open = 0  # lines before it are paid (payments clear the oldest first)
        self.running: _Line | None = None  # the instalment running now (always the last line when there is one)
        self.balance = loan.principal  # principal outstanding and not overdue: what interest accrues on
        self.stretch_from = loan.start  # interest since here is accrued but not yet rounded
        self.total_paid = ZERO
        self.prepaid_total = ZERO
        self.fees_total = ZERO
        self.loose_prepaid = ZERO  # prepaid when no instalment was completed by the payment (rare)
        self.problems: list[str] = []
        self.history: tuple = ()  # the payments replayed (for previews that replay them again)
        self.paid_on_schedule_before: dt.date | None = None
        # with `log` on (tests, explanations): every stretch rounded (from, to, balance, interest) and every
        # payment applied (event, Allocation)
        self.stretches: list[tuple[dt.date, dt.date, Decimal, Decimal]] | None = None
        self.allocations: list[tuple[object, Allocation]] | None = None
        self._suffixes: dict[int, list[Decimal]] = {}  # plan end → annuity sums (see _annuity)
        self.restructures: list[Restructured] = []  # agreements applied (restructure.py)
        self.capitalised = ZERO  # interest and penalty carried into a new plan's principal
        self._next()

    # --- building one ---

    @classmethod
    def of(cls, ledger: Ledger, loan_id: str, until: dt.date, events: list[Event] | None = None) -> LoanReplay:
        from jiebei_tui.domain.ledger import effective_terms

        record = ledger.loan(loan_id)
        if events is None:
            events = ledger.payments_by_loan().get(loan_id, [])
        return cls.run(record.loan, effective_terms(ledger, loan_id), events, until, record=record)

    @classmethod
    def of_record(cls, record: LoanRecord, terms: ProductTerms, until: dt.date, events: list[Event]) -> LoanReplay:
        """`terms`: the loan's effective terms (ledger.effective_terms)."""
        return cls.run(record.loan, terms, events, until, record=record)

    @classmethod
    def run(
        cls,
        loan: Loan,
        terms: ProductTerms,
        events,
        until: dt.date,
        record: LoanRecord | None = None,
        loan_id: str = "",
        paid_on_schedule_before: dt.date | None = None,
        log: bool = False,
    ) -> LoanReplay:
        """Replay `events` (payments in date order, voided ones left out) dated up to `until`. With
        `paid_on_schedule_before` (a loan given without a ledger): every instalment due before that date is paid
        on its due date first. With `log`, keep every stretch and allocation (`stretches`, `allocations`)."""
        replay = cls(loan, terms, record, loan_id)
        if log:
            replay.stretches, replay.allocations = [], []
        replay.history = tuple(events)
        replay.paid_on_schedule_before = paid_on_schedule_before
        if paid_on_schedule_before is not None:
            replay.pay_on_schedule(min(paid_on_schedule_before, until + ONE_DAY))
        for event in events:
            if event.date > until:
                break
            try:
                replay.apply(event, detail=False)
            except InputError as err:  # a stored event that no longer fits (a hand-edited file): show, don't crash
                replay.problems.append(f"{event.id} ({event.kind} {event.amount} on {event.date}): {err}")
        return replay

    @classmethod
    def inline(cls, loan: Loan, terms: ProductTerms, on: dt.date) -> LoanReplay:
        """A loan given without a ledger, on `on`: every instalment due before `on` paid on its due date."""
        return cls.run(loan, terms, (), on, paid_on_schedule_before=on)

    def pay_on_schedule(self, before: dt.date) -> None:
        """Pay every instalment falling due before `before` on its due date, exactly what it owes then."""
        while self.running is not None and self.running.due_date < before:
            line = self.running
            self.advance(line.due_date)
            owed = self._running_interest(line.due_date) + line.principal - line.paid_principal
            if owed <= 0:  # nothing to pay (cannot happen for a plan with interest): let it fall due paid
                self.advance(line.due_date + ONE_DAY)
                continue
            self.pay(owed, line.due_date)

    # --- time passing ---

    def _next(self) -> None:
        """The next instalment of the plan starts running (from the end of the last stretch)."""
        inst = self.plan.take()
        if inst is None:
            self.running = None
            return
        line = _Line(inst.no, self.stretch_from, inst.due_date, inst.principal)
        self.lines.append(line)
        self.running = line

    def _close(self, at: dt.date) -> None:
        """Round the interest accrued since the stretch began and charge it to the running instalment."""
        days = (at - self.stretch_from).days
        if days > 0:
            if self.balance and self.running is not None:
                self._charge((self.balance * self.daily_rate * days).quantize(FEN, rounding=ROUND_HALF_UP), at)
            self.stretch_from = at

    def _open_interest(self, on: dt.date) -> Decimal:
        days = (on - self.stretch_from).days
        if days > 0 and self.balance:
            return half_up(self.balance * self.daily_rate * days)
        return ZERO

    def _running_interest(self, on: dt.date) -> Decimal:
        """The running instalment's interest accrued to `on`, less what it paid already."""
        line = self.running
        if line is None:
            return ZERO
        return line.interest + self._open_interest(on) - line.paid_interest

    def advance(self, on: dt.date) -> None:
        """Let time pass to `on`: every running instalment whose due date is before `on` falls due (paid, or
        overdue with its unpaid principal out of the balance), and the next one starts running."""
        line = self.running
        while line is not None and line.due_date < on:
            due = line.due_date
            self._close(due)
            self.stretch_from = due
            line.unpaid_principal = line.principal - line.paid_principal
            line.unpaid_interest = line.interest - line.paid_interest
            self.balance -= line.unpaid_principal
            if line.unpaid_principal or line.unpaid_interest:
                line.overdue = True
                line.accrued_to = due
            else:
                line.cleared_on = due
            self._next()
            line = self.running
        self._skip_cleared()

    def _skip_cleared(self) -> None:
        lines, k = self.lines, self.first_open
        while k < len(lines) and lines[k].cleared_on is not None:
            k += 1
        self.first_open = k

    def _overdue_lines(self) -> list[_Line]:
        """The instalments past their due date and not yet paid, oldest first. (An instalment that owed nothing
        at its due date, possible when tiny interest rounds to 0.00, is paid then, even behind an overdue one.)"""
        end = len(self.lines) - 1 if self.running is not None else len(self.lines)
        return [line for line in self.lines[self.first_open : end] if line.cleared_on is None]

    def daily_penalty(self) -> DailyPenalty:
        """What one more day adds in penalty after the day advanced to: the penalty rate on what the overdue
        instalments leave unpaid (one rule, overdue.daily_penalty; a penalty fixed by a restructure runs no more)."""
        lines = [line for line in self._overdue_lines() if line.frozen is None]
        if not lines:
            return NO_DAILY_PENALTY
        return daily_penalty([(line.unpaid_principal, line.unpaid_interest) for line in lines], self.rate, self.terms)

    @property
    def paid_off(self) -> bool:
        return self.running is None and self.first_open >= len(self.lines)

    # --- what closes the loan ---

    def payoff(self, on: dt.date) -> Payoff:
        """The payoff on `on` (time passes to `on` first)."""
        self.advance(on)
        overdue = ZERO
        rate, terms = self.rate, self.terms
        for line in self._overdue_lines():
            overdue += line.penalty_due(on, rate, terms) + line.unpaid_interest + line.unpaid_principal
        line = self.running
        if line is None:
            return Payoff(on, overdue, ZERO, ZERO, self.balance, ZERO)
        running_principal = line.principal - line.paid_principal
        return Payoff(
            on,
            overdue,
            self._running_interest(on),
            running_principal,
            self.balance,
            fee_on(self.balance - running_principal, self.fee_rate),
        )

    # --- payments ---

    def apply(self, event, detail: bool = True) -> Allocation | None:
        """Apply a recorded payment; where it went (an Allocation) unless `detail` is off (a plain replay). A
        restructure entry applies the agreement it carries (no Allocation: no money moved)."""
        if event.kind == "restructure":
            if event.plan is None:
                raise InputError("plan", event.id, "restructure_plan")
            self.restructure(event.date, event.plan, expected=event.amount)
            return None
        amount = event.amount
        if amount is None or amount <= 0:
            raise InputError("amount", str(amount), "amount", max=MAX_AMOUNT)
        logging = self.allocations is not None
        allocation = self.pay(amount, event.date, event.strategy, detail or logging)
        if logging:
            self.allocations.append((event, allocation))
        return allocation

    def pay(self, amount: Decimal, on: dt.date, strategy: Strategy | None = None, detail: bool = True) -> Allocation:
        """Apply a payment of `amount` on `on` by the rules (module docstring). Raises InputError, changing
        nothing, when the loan is paid off, the date is before the drawdown, the amount is more than the payoff,
        or what it would prepay is below the loan's minimum prepayment.

        (Written out flat: a ledger replays tens of thousands of payments.)"""
        running = self.running
        if running is None and self.first_open >= len(self.lines):
            raise InputError("loan", self.loan_id, "paid_off")
        if on < self.loan.start:
            raise InputError("on", on.isoformat(), "payment_before_start", start=self.loan.start)
        if running is not None and running.due_date < on:
            self.advance(on)
            running = self.running
        lines = self.lines
        end = len(lines) - 1 if running is not None else len(lines)
        overdue = lines[self.first_open : end] if self.first_open < end else None
        owed_overdue = ZERO
        if overdue:
            rate, terms = self.rate, self.terms
            penalties = []
            for line in overdue:
                line.accrue(on)
                due = line.penalty_due(on, rate, terms)
                penalties.append(due)
                owed_overdue += due + line.unpaid_interest + line.unpaid_principal
        balance = self.balance
        open_interest = running_interest = running_principal = ZERO
        days = 0
        if running is not None:
            days = (on - self.stretch_from).days
            if days > 0 and balance:
                open_interest = (balance * self.daily_rate * days).quantize(FEN, rounding=ROUND_HALF_UP)
            running_interest = running.interest + open_interest - running.paid_interest
            running_principal = running.principal - running.paid_principal
        fee_rate = self.fee_rate
        payoff = owed_overdue + running_interest + balance
        if fee_rate:
            payoff += fee_on(balance - running_principal, fee_rate)
        if amount > payoff:
            raise InputError("amount", str(amount), "repay_too_much", payoff=payoff, on=on)
        leftover = amount - owed_overdue - running_interest - running_principal
        if leftover > 0 and self.min_prepayment:
            prepaid = principal_of(leftover, fee_rate)
            if prepaid < balance - running_principal and prepaid < self.min_prepayment:
                raise InputError(
                    "amount", str(amount), "prepay_minimum", minimum=self.min_prepayment, principal=prepaid,
                    payoff=payoff,
                )

        # --- nothing can be refused from here on ---
        paid_penalty = paid_overdue_interest = paid_overdue_principal = paid_interest = paid_principal = ZERO
        left = amount
        if overdue:
            for k, line in enumerate(overdue):  # penalty first, oldest first
                due = penalties[k]
                take = due if left >= due else left
                if take:
                    line.paid_penalty += take
                    penalties[k] = due - take
                    left -= take
                    paid_penalty += take
            for line in overdue:  # then overdue interest
                due = line.unpaid_interest
                take = due if left >= due else left
                if take:
                    line.unpaid_interest = due - take
                    line.paid_interest += take
                    left -= take
                    paid_overdue_interest += take
            for line in overdue:  # then overdue principal, oldest first
                due = line.unpaid_principal
                take = due if left >= due else left
                if take:
                    line.unpaid_principal = due - take
                    line.paid_principal += take
                    left -= take
                    paid_overdue_principal += take
            for line, penalty_left in zip(overdue, penalties):
                if penalty_left <= 0 and not line.unpaid_principal and not line.unpaid_interest:
                    line.cleared_on = on
            self._skip_cleared()
        completed = None
        if running is not None and left > 0:
            paid_interest = running_interest if left >= running_interest else left
            running.paid_interest += paid_interest
            left -= paid_interest
            closed = False
            if left > 0 and running_principal > 0:  # the balance changes: round the stretch so far
                if open_interest:
                    self._charge(open_interest, on)
                self.stretch_from = on
                closed = True
                paid_principal = running_principal if left >= running_principal else left
                running.paid_principal += paid_principal
                self.balance -= paid_principal
                left -= paid_principal
            if (
                running.paid_principal == running.principal
                and paid_interest == running_interest
                and (running.paid_interest or running.paid_principal)
            ):
                if not closed:
                    if open_interest:
                        self._charge(open_interest, on)
                    self.stretch_from = on
                running.cleared_on = on
                completed = running
                if left > 0:  # the plan is recomputed: the next instalment starts from the new plan
                    self.running = None
                else:
                    self._next()
                self._skip_cleared()
        prepaid = fee = ZERO
        recomputed = False
        if left > 0:
            prepaid, fee, recomputed = self._prepay(left, on, strategy, completed)
        self.total_paid += amount
        if not detail:
            return None
        return Allocation(
            on, amount, payoff, paid_penalty, paid_overdue_interest, paid_overdue_principal, paid_interest,
            paid_principal, prepaid, fee, running.no if running is not None else None,
            completed.no if completed is not None else None, recomputed, self.paid_off,
        )

    def restructure(self, on: dt.date, plan: RestructurePlan, expected: Decimal | None = None) -> Restructured:
        """Apply an agreement from `on` (restructure.py): the instalments overdue and the one running end there
        (the running one's interest charged to the day); the principal outstanding, plus the unpaid interest and
        the penalty owed unless waived, is the principal of the new plan, which runs from `on`. `expected`: the
        new plan's principal as recorded (a recorded agreement that no longer fits the history is refused).
        Raises InputError, changing nothing, when the loan is paid off, the day is before the drawdown, the new
        plan's first due date is not after the day (or more than MAX_FIRST_DUE_DAYS after it, or past the 28th),
        or `expected` differs."""
        from jiebei_tui.domain.restructure import MAX_FIRST_DUE_DAYS, Restructured

        if self.paid_off:
            raise InputError("loan", self.loan_id, "paid_off")
        if on < self.loan.start:
            raise InputError("on", on.isoformat(), "payment_before_start", start=self.loan.start)
        if not on < plan.first_due <= on + dt.timedelta(days=MAX_FIRST_DUE_DAYS) or plan.first_due.day > 28:
            raise InputError("first_due", plan.first_due.isoformat(), "restructure_first_due", on=on, days=MAX_FIRST_DUE_DAYS)
        self.advance(on)
        rate, terms = self.rate, self.terms
        overdue = self._overdue_lines()
        overdue_principal = interest = penalty = ZERO
        days_overdue = 0
        for line in overdue:
            line.accrue(on)
            on_principal, on_interest = line.penalty_parts(on, rate, terms)
            penalty += on_principal + on_interest - line.paid_penalty
            interest += line.unpaid_interest
            overdue_principal += line.unpaid_principal
            days_overdue = max(days_overdue, (on - line.due_date).days)
        running = self.running
        if running is not None:
            interest += self._running_interest(on)
        principal = self.balance + overdue_principal
        amount = principal + (ZERO if plan.waive_interest else interest) + (ZERO if plan.waive_penalty else penalty)
        if expected is not None and expected != amount:
            raise InputError("amount", str(expected), "restructure_amount", amount=amount, on=on)
        if amount <= 0:  # nothing outstanding but a fen of waived interest: nothing to plan
            raise InputError("loan", self.loan_id, "paid_off")

        # --- nothing can be refused from here on ---
        for line in self.lines:  # penalties so far are fixed: the rate may change from here
            if line.overdue and line.frozen is None:
                line.frozen = line.penalty_parts(on, rate, terms)
        ended = []
        for line in overdue:
            line.restructured = True
            line.cleared_on = on
            ended.append(line.no)
        if running is not None:
            self._close(on)
            self.stretch_from = on
            if running.paid or running.interest:
                running.restructured = True
                running.cleared_on = on
                ended.append(running.no)
            else:  # nothing happened in it yet: the new plan takes its place
                self.lines.pop()
            self.running = None
        self._skip_cleared()
        self.capitalised += amount - principal
        self.balance = amount
        self.stretch_from = on
        self.daily_rate = plan.daily_rate
        self.rate = penalty_rate(plan.daily_rate, terms)
        self.method = plan.method
        dues = plan.due_dates()
        self.dues = dues
        self._suffixes = {}
        first_no = len(self.lines) + 1
        if plan.installment is not None:
            self.regular_amount = plan.installment
            self.plan = PlanCursor(
                FIXED_INSTALLMENT, amount, plan.daily_rate, on, dues, 0, len(dues) - 1, plan.installment, first_no,
                stop_early=True,
            )
        else:
            self.regular_amount = regular_amount(amount, plan.daily_rate, on, list(dues), plan.method)
            self.plan = PlanCursor.for_method(plan.method, amount, plan.daily_rate, on, dues, 0, self.regular_amount, first_no)
        self._next()
        done = Restructured(
            on=on, plan=plan, principal=principal, overdue_principal=overdue_principal, interest=interest,
            penalty=penalty, amount=amount, first_no=first_no, ended=tuple(ended), days_overdue=days_overdue,
        )
        self.restructures.append(done)
        return done

    def _charge(self, charged: Decimal, at: dt.date) -> None:
        """Charge a stretch's rounded interest (up to `at`) to the running instalment."""
        self.running.interest += charged
        if self.stretches is not None:
            self.stretches.append((self.stretch_from, at, self.balance, charged))

    def _prepay(
        self, leftover: Decimal, on: dt.date, strategy: Strategy | None, completed: _Line | None
    ) -> tuple[Decimal, Decimal, bool]:
        """Leftover money prepays principal (less the fee); the plan is recomputed from `on`. Either the running
        instalment was just completed by this payment (`completed`; its successor has not started yet), or it
        owed nothing that day and had nothing paid (it is replaced by the new plan's). Returns (principal
        prepaid, fee, whether the plan was recomputed)."""
        prepaid = principal_of(leftover, self.fee_rate)
        fee = leftover - prepaid
        self.prepaid_total += prepaid
        self.fees_total += fee
        if completed is not None:
            completed.prepaid += prepaid
            completed.fee += fee
        else:
            self.loose_prepaid += prepaid
        self._close(on)
        self.stretch_from = on
        self.balance -= prepaid
        fresh = self.running
        plan = self.plan
        if fresh is not None:
            self.lines.pop()
            self.running = None
            start = fresh.no - plan.first_no  # index of its due date
            end = start if plan.done else plan.last_index()
        else:
            start = plan.index
            end = start - 1 if plan.done else plan.last_index()
        if not self.balance:
            self.plan = PlanCursor(INTEREST_FIRST, ZERO, self.daily_rate, on, self.dues, len(self.dues), -1, ZERO)
            closing = completed or (self.lines[self.first_open - 1] if self.first_open else None)
            if closing is not None:
                closing.settled = True
            self._skip_cleared()
            return prepaid, fee, False
        if end < start:  # cannot happen: money left over with no instalment to come means the balance was repaid
            raise AssertionError("prepayment with no instalment to come")
        self.plan = self._replan(on, start, end, strategy or self.default_strategy)
        self._next()
        return prepaid, fee, True

    def _replan(self, on: dt.date, start: int, end: int, strategy: Strategy) -> PlanCursor:
        balance, rate, dues, method = self.balance, self.daily_rate, self.dues, self.method
        first_no = self.plan.first_no  # after a restructure the plan's numbers go on from the old plan's
        if method is Method.INTEREST_FIRST:  # no term to shorten: both strategies give the same plan
            return PlanCursor(INTEREST_FIRST, balance, rate, on, dues, start, end, ZERO, first_no)
        if strategy is Strategy.REDUCE_INSTALLMENT:
            if method is Method.EQUAL_INSTALLMENT:
                amount = self._annuity(balance, on, start, end)
            else:  # equal principal: HALF_UP(B / n)
                amount = (balance / (end - start + 1)).quantize(FEN, rounding=ROUND_HALF_UP)
            self.regular_amount = amount
            mode = FIXED_INSTALLMENT if method is Method.EQUAL_INSTALLMENT else FIXED_PRINCIPAL
            return PlanCursor(mode, balance, rate, on, dues, start, end, amount, first_no)
        if method is Method.EQUAL_INSTALLMENT:  # keep the instalment, end sooner
            return PlanCursor(
                FIXED_INSTALLMENT, balance, rate, on, dues, start, end, self.regular_amount, first_no, stop_early=True
            )
        periods = periods_to_repay(balance, self.regular_amount, end - start + 1)
        return PlanCursor(FIXED_PRINCIPAL, balance, rate, on, dues, start, start + periods - 1, self.regular_amount, first_no)

    def _annuity(self, balance: Decimal, on: dt.date, start: int, end: int) -> Decimal:
        """schedule.annuity of dues[start..end] from `on`, in O(1): Σ_k Π_{i≤k} 1/(1 + d·δ_i) = T_start / (1 + d·δ_start)
        with T_j = 1 + T_{j+1} / (1 + d·δ_{j+1}), T_end = 1 (δ: the days of each period), worked out once per loan
        and plan end (a loan recomputed after every payment would otherwise redo the sum each time)."""
        table = self._suffixes.get(end)
        rate, dues = self.daily_rate, self.dues
        with localcontext() as ctx:
            ctx.prec = PRECISION
            if table is None:
                table = [Decimal(1)] * (end + 1)
                for j in range(end - 1, -1, -1):
                    table[j] = 1 + table[j + 1] / (1 + rate * (dues[j + 1] - dues[j]).days)
                self._suffixes[end] = table
            return round_down(balance * (1 + rate * (dues[start] - on).days) / table[start])

    # --- previews (simulate.py): the same rules on a fresh replay with one more payment ---

    def position(self, on: dt.date, field: str = "on") -> Position:
        from jiebei_tui.domain.simulate import position

        return position(self, on, field)

    def preview_settle(self, on: dt.date) -> SettleResult:
        from jiebei_tui.domain.simulate import settle

        return settle(self, on)

    def preview_prepay(self, amount: Decimal, on: dt.date, strategy: Strategy) -> PrepayResult:
        from jiebei_tui.domain.simulate import prepay

        return prepay(self, amount, on, strategy)

    def fork(self) -> LoanReplay:
        """An independent copy of the replay as it stands (hypothetical payments on it leave this one alone):
        what plans and what-ifs replay their payments on. Payments made on the copy are not added to `history`."""
        other = LoanReplay.__new__(LoanReplay)
        other.__dict__.update(self.__dict__)
        # lines before the last cleared one are never written again (payments touch the open lines, and a
        # payment that closes the loan marks the line cleared just before them): shared, not copied
        keep = max(self.first_open - 1, 0)
        other.lines = self.lines[:keep] + [line.copy() for line in self.lines[keep:]]
        other.running = other.lines[-1] if self.running is not None else None  # always the last line
        other.plan = self.plan.copy()
        other.problems = list(self.problems)
        other.restructures = list(self.restructures)
        if self.stretches is not None:
            other.stretches = list(self.stretches)
        if self.allocations is not None:
            other.allocations = list(self.allocations)
        return other

    def move_repayment_day(self, on: dt.date, day: int) -> None:
        """The lender moves the repayment day to `day` (1..28) on `on` (time passes to `on` first). The rule
        (the lender's contract may differ; this is the one the what-ifs use):
        - the instalment running on `on` keeps its number and its start; its due date moves to `day` of the month
          it was due in, or of the month after when that is not after `on`; every later instalment falls due on
          `day`, one a month, and the number of instalments left stays the same;
        - interest runs by actual days on the balance, so the moved period is longer or shorter;
        - an instalment with nothing paid yet is recomputed with the rest by the loan's method over the new dates,
          from the start of its stretch, keeping the term (as a prepayment recomputes the plan); one already
          partly paid keeps its scheduled principal and only its due date moves, the rest recomputed after it.
        Instalments already due keep their dates. Raises InputError when no instalment is left to move."""
        from jiebei_tui.domain.schedule import add_months

        self.advance(on)
        running = self.running
        if running is None:
            raise InputError("loan", self.loan_id, "paid_off" if self.paid_off else "repayment_day_nothing_left")
        k = running.no - 1  # the index of its due date
        first = add_months(running.due_date, 0, day)
        if first <= on:
            first = add_months(running.due_date, 1, day)
        plan = self.plan
        end = k if plan.done else plan.last_index()
        dues = self.dues
        self.dues = dues = dues[:k] + tuple(add_months(first, j, day) for j in range(len(dues) - k))
        self._suffixes = {}  # the annuity sums were for the old dates
        untouched = not (running.paid_interest or running.paid_principal or running.interest)
        if untouched:
            self.lines.pop()
            self.running = None
            self.plan = self._replan(self.stretch_from, k, end, Strategy.REDUCE_INSTALLMENT)
            self._next()
            return
        running.due_date = running.accrued_to = dues[k]
        after = self.balance - (running.principal - running.paid_principal)
        method = self.loan.method
        if k == end or after <= 0:
            self.plan = PlanCursor(INTEREST_FIRST, ZERO, self.daily_rate, dues[k], dues, end + 1, end, ZERO)
            return
        if method is Method.EQUAL_INSTALLMENT:
            amount = self._annuity(after, dues[k], k + 1, end)
            self.regular_amount = amount
            self.plan = PlanCursor(FIXED_INSTALLMENT, after, self.daily_rate, dues[k], dues, k + 1, end, amount, 1)
        elif method is Method.EQUAL_PRINCIPAL:
            amount = (after / (end - k)).quantize(FEN, rounding=ROUND_HALF_UP)
            self.regular_amount = amount
            self.plan = PlanCursor(FIXED_PRINCIPAL, after, self.daily_rate, dues[k], dues, k + 1, end, amount, 1)
        else:
            self.plan = PlanCursor(INTEREST_FIRST, after, self.daily_rate, dues[k], dues, k + 1, end, ZERO, 1)

    def again(self, until: dt.date) -> LoanReplay:
        """A fresh replay of the same payments (and the same on-schedule assumption), up to `until`."""
        return LoanReplay.run(
            self.loan, self.terms, self.history, until, self.record, self.loan_id, self.paid_on_schedule_before
        )

    # --- the plan and the state a screen shows ---

    def installments(self, today: dt.date) -> list[Installment]:
        """The instalments as they now stand on `today` (paid, due and planned), with the principal left after
        each."""
        state = self.rows(today)
        left = self.loan.principal - self.loose_prepaid
        plans = {r.first_no: r.amount for r in self.restructures}  # a new plan starts from its own principal
        out = []
        for row in state:
            if row.no in plans:
                left = plans[row.no]
            left -= row.principal
            out.append(  # the principal prepaid with an instalment apart from its own (schedule_lines)
                Installment(
                    row.no, row.period_start or self.loan.start, row.due_date, row.own_principal, row.interest, left,
                    row.prepaid, row.paid_on if row.prepaid else None,
                )
            )
        return out

    def rows(self, today: dt.date) -> list[InstallmentState]:
        self.advance(today)
        rate, terms = self.rate, self.terms
        rows = []
        running = self.running
        for line in self.lines:
            due = line.due_date
            if line.restructured:  # its principal shows what it repaid: the rest went on in the new plan
                parts = line.penalty_parts(today, rate, terms) if line.overdue else (ZERO, ZERO)
                rows.append(
                    InstallmentState(
                        line.no, due, line.paid_principal, line.interest, parts[0] + parts[1], line.paid,
                        "restructured", 0, ZERO, ZERO, False, line.cleared_on, line.period_start,
                    )
                )
            elif line.cleared_on is not None:
                parts = line.penalty_parts(today, rate, terms) if line.overdue else (ZERO, ZERO)
                rows.append(
                    InstallmentState(
                        line.no, due, line.principal + line.prepaid, line.interest, parts[0] + parts[1], line.paid,
                        "paid", 0, ZERO, ZERO, line.settled, line.cleared_on, line.period_start, line.prepaid, line.fee,
                    )
                )
            elif line is running:
                projected = line.interest
                days = (due - self.stretch_from).days
                if days > 0 and self.balance:
                    projected += half_up(self.balance * self.daily_rate * days)
                paid = line.paid_principal + line.paid_interest
                late = (today - due).days
                status = "due" if late == 0 else ("partial" if paid > 0 else "upcoming")
                rows.append(
                    InstallmentState(
                        line.no, due, line.principal, projected, ZERO, paid, status, 0,
                        line.principal - line.paid_principal, projected - line.paid_interest, False, None,
                        line.period_start,
                    )
                )
            else:
                parts = line.penalty_parts(today, rate, terms)
                rows.append(
                    InstallmentState(
                        line.no, due, line.principal, line.interest, parts[0] + parts[1], line.paid, "overdue",
                        (today - due).days, line.unpaid_principal, line.unpaid_interest, False, None, line.period_start,
                    )
                )
        plan = self.plan.copy()
        inst = plan.take()
        while inst is not None:
            rows.append(
                InstallmentState(
                    inst.no, inst.due_date, inst.principal, inst.interest, ZERO, ZERO, "upcoming", 0, inst.principal,
                    inst.interest, False, None, inst.period_start,
                )
            )
            inst = plan.take()
        return rows

    def state(self, today: dt.date) -> LoanState:
        rows = self.rows(today)
        rate = self.rate
        overdue = [r for r in rows if r.status == "overdue"]
        coming = next((r for r in rows if r.status in ("due", "partial", "upcoming")), None)
        days_overdue = max((r.days_overdue for r in overdue), default=0)
        amount_to_clear = sum((r.owed for r in overdue), ZERO)
        unpaid_principal = sum((line.unpaid_principal for line in self._overdue_lines()), ZERO)
        payoff = pay_now = ZERO
        running = self.running
        if running is not None:
            running_principal = running.principal - running.paid_principal
            interest_today = self._running_interest(today)
            payoff = interest_today + self.balance + fee_on(self.balance - running_principal, self.fee_rate)
            pay_now = interest_today + running_principal
        if not self.paid_off:
            payoff += amount_to_clear
            pay_now += amount_to_clear
        return LoanState(
            record=self.record,
            today=today,
            installments=tuple(rows),
            principal_outstanding=self.balance + unpaid_principal,
            next_due_date=coming.due_date if coming else None,
            next_due_amount=coming.owed if coming else ZERO,
            days_until_due=(coming.due_date - today).days if coming else None,
            days_overdue=days_overdue,
            stage=stage(days_overdue),
            amount_to_clear=amount_to_clear,
            daily=self.daily_penalty(),
            paid_off=self.paid_off,
            total_paid=self.total_paid,
            total_interest=sum((r.interest for r in rows), ZERO),
            penalty_rate=rate,
            regular_amount=self.regular_amount,
            problems=tuple(self.problems),
            payoff=payoff,
            principal_prepaid=self.prepaid_total,
            fees_paid=self.fees_total,
            pay_now=pay_now,
            daily_rate=self.daily_rate,
            restructures=tuple(self.restructures),
            capitalised=self.capitalised,
        )


def loan_state(ledger: Ledger, loan_id: str, today: dt.date) -> LoanState:
    return LoanReplay.of(ledger, loan_id, today).state(today)


def all_states(ledger: Ledger, today: dt.date) -> list[LoanState]:
    from jiebei_tui.domain.ledger import terms_for

    grouped = ledger.payments_by_loan()
    return [
        LoanReplay.run(r.loan, terms_for(r, ledger.terms), grouped.get(r.id, ()), today, record=r).state(today)
        for r in ledger.loans
    ]


def scheduled_payments(loan: Loan, terms: ProductTerms, count: int) -> list[tuple[dt.date, Decimal]]:
    """Instalments 1..count each paid on its due date, exactly what it owes then: (date, amount) per payment."""
    replay = LoanReplay(loan, terms)
    out = []
    while replay.running is not None and len(out) < count:
        line = replay.running
        replay.advance(line.due_date)
        owed = replay._running_interest(line.due_date) + line.principal - line.paid_principal
        replay.pay(owed, line.due_date)
        out.append((line.due_date, owed))
    return out


def record_event(
    ledger: Ledger,
    loan_id: str,
    kind: str,
    on: dt.date,
    amount: Decimal,
    today: dt.date,
    strategy: Strategy | None = None,
    *,
    recorded_at: dt.datetime | None = None,
    source: str = "",
    auto_debit: bool = False,
) -> tuple[Ledger, Event]:
    """Add a payment to the ledger after replaying the loan's whole history with it: a payment the rules refuse
    raises InputError (the ledger unchanged), and so does one that would leave a later payment no longer
    fitting (the sentence names it). Payments need not be recorded in date order. A settlement must be exactly
    the payoff on its date."""
    from jiebei_tui.domain.corrections import check_history
    from jiebei_tui.domain.ledger import append_event

    new_ledger, event = append_event(
        ledger, loan_id, kind, on, amount, today, strategy, recorded_at=recorded_at, source=source, auto_debit=auto_debit
    )
    check_history(ledger, new_ledger, loan_id, "on", on.isoformat(), new_event=event)
    return new_ledger, event
