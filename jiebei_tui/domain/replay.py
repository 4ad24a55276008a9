"""What a loan's state is on a date: its events replayed in date order over its schedule.

A repayment pays, in order: penalty, then overdue interest, then overdue principal (oldest instalment first),
then the instalments due today or next, in order, at their scheduled amounts. A prepayment or settlement first
clears what is overdue or due that day, then follows simulate.py. Penalty accrues daily on the part of each
overdue instalment that was actually unpaid that day (a payment on day N counts after day N's penalty).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import islice

from typing import TYPE_CHECKING

from jiebei_tui.domain.errors import InputError
from jiebei_tui.domain.money import ZERO
from jiebei_tui.domain.overdue import penalty, penalty_rate, stage
from jiebei_tui.domain.schedule import Installment, build_schedule
from jiebei_tui.domain.simulate import Position, PrepayResult, SettleResult, prepay, settle
from jiebei_tui.domain.terms import Strategy

if TYPE_CHECKING:  # the pydantic models are passed in; importing them here would slow the app's first frame
    from jiebei_tui.domain.ledger import Event, Ledger, LoanRecord
    from jiebei_tui.domain.product_terms import ProductTerms

ONE_DAY = dt.timedelta(days=1)


class _Line:
    """One instalment while replaying: what was scheduled, what is still unpaid, and the penalty base so far.
    (Plain slotted attributes: a replay of tens of thousands of payments reads them millions of times.)"""

    __slots__ = (
        "inst", "due_date", "unpaid_principal", "unpaid_interest", "paid_penalty", "principal_days",
        "interest_days", "accrued_to", "cleared_on", "settled",
    )

    def __init__(self, inst: Installment, settled: bool = False) -> None:
        self.inst = inst
        self.due_date = inst.due_date
        self.unpaid_principal = inst.principal
        self.unpaid_interest = inst.interest
        self.paid_penalty = ZERO
        self.principal_days = ZERO  # Σ unpaid principal × days it stayed unpaid after the due date
        self.interest_days = ZERO
        self.accrued_to = inst.due_date
        self.cleared_on: dt.date | None = None
        self.settled = settled  # the instalment that an early settlement paid

    @property
    def paid_principal(self) -> Decimal:
        return self.inst.principal - self.unpaid_principal

    @property
    def paid_interest(self) -> Decimal:
        return self.inst.interest - self.unpaid_interest

    def accrue(self, on: dt.date) -> None:
        days = (on - self.accrued_to).days
        if days > 0:
            self.principal_days += self.unpaid_principal * days
            self.interest_days += self.unpaid_interest * days
            self.accrued_to = on

    def penalty_parts(self, on: dt.date, rate: Decimal, terms: ProductTerms) -> tuple[Decimal, Decimal]:
        """Penalty charged by `on` (without changing the line): fixed once the instalment was cleared."""
        end = self.cleared_on or on
        if end <= self.due_date:  # not yet late: nothing to charge (and most lines are not late)
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
        return sum(self.penalty_parts(on, rate, terms), ZERO) - self.paid_penalty

    def owed(self, on: dt.date, rate: Decimal, terms: ProductTerms) -> Decimal:
        return self.unpaid_principal + self.unpaid_interest + self.penalty_due(on, rate, terms)

    @property
    def paid(self) -> Decimal:
        inst = self.inst  # spelled out: read for every line of every loan on each screen refresh
        return inst.principal - self.unpaid_principal + inst.interest - self.unpaid_interest + self.paid_penalty


# slotted, not frozen: built by the ten thousand per run and a frozen __init__ costs 4×; never changed once built
@dataclass(slots=True)
class InstallmentState:
    no: int
    due_date: dt.date
    principal: Decimal
    interest: Decimal
    penalty: Decimal  # charged so far (paid or not)
    paid: Decimal
    status: str  # paid, partial, due, overdue, upcoming
    days_overdue: int
    unpaid_principal: Decimal
    unpaid_interest: Decimal
    settled: bool = False
    paid_on: dt.date | None = None  # the day the last of it was paid

    @property
    def owed(self) -> Decimal:
        return self.principal + self.interest + self.penalty - self.paid


@dataclass(frozen=True)
class LoanState:
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
    daily_cost: Decimal  # what waiting one more day adds in penalty
    paid_off: bool
    total_paid: Decimal
    total_interest: Decimal  # interest of the schedule as it now stands (paid and to come)
    penalty_rate: Decimal
    regular_amount: Decimal
    problems: tuple[str, ...] = field(default=())  # stored events that could not be applied

    @property
    def current(self) -> InstallmentState | None:
        """The most urgent instalment: the oldest overdue, else the one due next."""
        for inst in self.installments:
            if inst.status in ("overdue", "due", "partial", "upcoming"):
                return inst
        return None

    @property
    def principal_repaid(self) -> Decimal:
        return self.record.principal - self.principal_outstanding


def _settled(line: _Line) -> bool:
    return line.unpaid_principal <= 0 and line.unpaid_interest <= 0


def _covers(amount: Decimal, penalties: list[Decimal], open_lines: Iterable[_Line]) -> bool:
    """Whether everything owed up to the last instalment is at least `amount` (stops as soon as it is)."""
    total = sum(penalties, ZERO)
    for line in open_lines:
        total += line.unpaid_principal + line.unpaid_interest
        if total >= amount:
            return True
    return total >= amount


class LoanReplay:
    """Replays one loan's events. Use `LoanReplay.of(ledger, loan_id, until)`."""

    def __init__(self, record: LoanRecord, terms: ProductTerms) -> None:
        schedule = build_schedule(record.loan)
        self.record = record
        self.terms = terms
        self.lines = [_Line(i) for i in schedule.installments]
        self.regular_amount = schedule.regular_amount
        self.rate = penalty_rate(record.daily_rate, terms)
        self.problems: list[str] = []
        self.total_paid = ZERO
        self._first_open = 0

    @classmethod
    def of(cls, ledger: Ledger, loan_id: str, until: dt.date, events: list[Event] | None = None) -> LoanReplay:
        return cls.of_record(ledger.loan(loan_id), ledger.terms, until, ledger.events_of(loan_id) if events is None else events)

    @classmethod
    def of_record(cls, record: LoanRecord, terms: ProductTerms, until: dt.date, events: list[Event]) -> LoanReplay:
        replay = cls(record, terms)
        for event in events:
            if event.date > until:
                break
            try:
                replay.apply(event)
            except InputError as err:  # a stored event that no longer fits (terms edited): show, don't crash
                replay.problems.append(f"{event.id} ({event.kind} {event.amount} on {event.date}): {err}")
        return replay

    # --- what is owed ---

    def advance(self, on: dt.date) -> None:
        for line in self._open():
            if line.due_date >= on:  # later lines are not late yet: nothing accrues
                break
            line.accrue(on)

    def _first_uncleared(self) -> int:
        """Payments always clear the oldest instalments first, so the cleared ones form a prefix of the
        schedule; remembering where it ends keeps a replay of many payments fast."""
        lines, k = self.lines, self._first_open
        while k < len(lines) and lines[k].cleared_on is not None:
            k += 1
        self._first_open = k
        return k

    def _open(self) -> list[_Line]:
        """The instalments not yet cleared."""
        return self.lines[self._first_uncleared() :]

    def owed_total(self, on: dt.date) -> Decimal:
        return sum((line.owed(on, self.rate, self.terms) for line in self._open()), ZERO)

    @property
    def paid_off(self) -> bool:
        return self._first_uncleared() >= len(self.lines)

    def position(self, on: dt.date, field: str = "on") -> Position:
        """Where the loan stands on `on` for settling or prepaying, from what was really paid."""
        if self.paid_off:
            raise InputError("loan", self.record.id, "paid_off")
        if on <= self.record.start:
            raise InputError(field, on.isoformat(), "after_start", start=self.record.start)
        self.advance(on)
        due = [line for line in self._open() if line.inst.due_date <= on]
        remaining = [line for line in self.lines if line.inst.due_date > on and not line.settled]
        if not remaining:
            last = self.lines[-1].inst.due_date
            raise InputError(field, on.isoformat(), "settle_date", start=self.record.start, last=last)
        return Position(
            on=on,
            period_start=max(remaining[0].inst.period_start, self.record.start),
            balance=sum((line.unpaid_principal for line in remaining), ZERO),
            remaining=tuple(line.inst for line in remaining),
            daily_rate=self.record.daily_rate,
            method=self.record.method,
            regular_amount=self.regular_amount,
            overdue_to_clear=sum((line.owed(on, self.rate, self.terms) for line in due), ZERO),
            # interest already paid on instalments not yet due counts against what has accrued; an excess
            # (paying a whole instalment early, then settling days later) is not refunded
            interest_paid_ahead=sum((line.paid_interest for line in remaining), ZERO),
        )

    # --- events ---

    def apply(self, event: Event) -> None:
        if event.kind == "repayment":
            self.repay(event.amount, event.date)
        elif event.kind == "prepayment":
            self.prepay(event.amount, event.date, event.strategy or self.terms.default_prepay_strategy)
        else:
            self.settle(event.amount, event.date)

    def repay(self, amount: Decimal, on: dt.date) -> None:
        lines, first = self.lines, self._first_uncleared()
        if first >= len(lines):
            raise InputError("loan", self.record.id, "paid_off")
        # One pass over the open instalments (a ledger replays tens of thousands of payments): those due before
        # `on` are overdue; their penalty base accrues to `on` (as advance() does).
        late = first
        while late < len(lines) and lines[late].due_date < on:
            lines[late].accrue(on)
            late += 1
        overdue, upcoming = lines[first:late], islice(lines, late, None)
        penalties = [line.penalty_due(on, self.rate, self.terms) for line in overdue]  # once per payment
        if not _covers(amount, penalties, islice(lines, first, None)):
            owed = self.owed_total(on)
            raise InputError("amount", str(amount), "repay_too_much", owed=owed, payoff=self._payoff_or_owed(on))
        left = amount
        for k, line in enumerate(overdue):  # penalty first, oldest first
            take = min(left, penalties[k])
            line.paid_penalty += take
            penalties[k] -= take
            left -= take
        for line in overdue:  # then overdue interest
            take = min(left, line.unpaid_interest)
            line.unpaid_interest -= take
            left -= take
        for line in overdue:  # then overdue principal
            take = min(left, line.unpaid_principal)
            line.unpaid_principal -= take
            left -= take
        paid_ahead = []
        for line in upcoming:  # then what is due today or next, in order, at the scheduled amounts
            if left <= 0:
                break
            paid_ahead.append(line)
            take = min(left, line.unpaid_interest)
            line.unpaid_interest -= take
            left -= take
            take = min(left, line.unpaid_principal)
            line.unpaid_principal -= take
            left -= take
        for line, penalty_left in zip(overdue, penalties):
            if penalty_left <= 0 and _settled(line):
                line.cleared_on = on
        for line in paid_ahead:
            if _settled(line):
                line.cleared_on = on
        self.total_paid += amount

    def _payoff_or_owed(self, on: dt.date) -> Decimal:
        try:
            return self.position(on).payoff
        except InputError:
            return self.owed_total(on)

    def _clear_due(self, on: dt.date) -> None:
        """Pay everything overdue or due on `on` in full (before a prepayment or settlement)."""
        for line in self._open():
            if line.inst.due_date <= on:
                line.paid_penalty += line.penalty_due(on, self.rate, self.terms)
                line.unpaid_interest = ZERO
                line.unpaid_principal = ZERO
                line.cleared_on = on

    def preview_prepay(self, amount: Decimal, on: dt.date, strategy: Strategy) -> PrepayResult:
        return prepay(self.position(on), amount, strategy)

    def preview_settle(self, on: dt.date) -> SettleResult:
        return settle(self.position(on))

    def prepay(self, amount: Decimal, on: dt.date, strategy: Strategy) -> PrepayResult:
        result = self.preview_prepay(amount, on, strategy)
        self._clear_due(on)
        first = result.installments[0].no
        kept = [line for line in self.lines if line.inst.no < first]
        self.lines = kept + [_Line(i) for i in result.installments]
        self.regular_amount = result.new_regular_amount
        self.total_paid += amount
        return result

    def settle(self, amount: Decimal, on: dt.date) -> SettleResult:
        result = self.preview_settle(on)
        if amount < result.payoff:  # only when the terms were edited after it was recorded
            raise InputError("amount", str(amount), "settle_amount", payoff=result.payoff)
        position = result.position
        self._clear_due(on)
        remaining = [line for line in self.lines if line.inst.due_date > on and not line.settled]
        paid_ahead = sum((line.paid_principal for line in remaining), ZERO)
        interest = max(position.accrued_gross, position.interest_paid_ahead)
        closing = _Line(
            Installment(remaining[0].inst.no, position.period_start, on, position.balance + paid_ahead, interest, ZERO),
            settled=True,
        )
        closing.unpaid_principal = closing.unpaid_interest = ZERO
        closing.cleared_on = on
        self.lines = [line for line in self.lines if line not in remaining] + [closing]
        self.total_paid += amount
        return result

    # --- the state a screen shows ---

    def state(self, today: dt.date) -> LoanState:
        self.advance(today)
        rate, terms = self.rate, self.terms
        rows = []
        for line in self.lines:
            due = line.due_date
            late = (today - due).days
            # most lines were never late (paid by their due date, or not due yet): no penalty to work out
            charged = sum(line.penalty_parts(today, rate, terms), ZERO) if (line.cleared_on or today) > due else ZERO
            paid = line.paid
            if line.cleared_on is not None:
                status, late = "paid", 0
            elif late > 0:
                status = "overdue"
            elif late == 0:
                status = "due"
            else:
                status, late = ("partial" if paid > 0 else "upcoming"), 0
            rows.append(
                InstallmentState(
                    no=line.inst.no,
                    due_date=due,
                    principal=line.inst.principal,
                    interest=line.inst.interest,
                    penalty=charged,
                    paid=paid,
                    status=status,
                    days_overdue=late,
                    unpaid_principal=line.unpaid_principal,
                    unpaid_interest=line.unpaid_interest,
                    settled=line.settled,
                    paid_on=line.cleared_on,
                )
            )
        overdue = [r for r in rows if r.status == "overdue"]
        coming = [r for r in rows if r.status in ("due", "partial", "upcoming")]
        days_overdue = max((r.days_overdue for r in overdue), default=0)
        unpaid = [line for line in self._open() if line.inst.due_date <= today]
        tomorrow = today + ONE_DAY
        daily = sum(
            (sum(line.penalty_parts(tomorrow, rate, terms), ZERO) - sum(line.penalty_parts(today, rate, terms), ZERO) for line in unpaid),
            ZERO,
        )
        return LoanState(
            record=self.record,
            today=today,
            installments=tuple(rows),
            principal_outstanding=sum((line.unpaid_principal for line in self.lines), ZERO),
            next_due_date=coming[0].due_date if coming else None,
            next_due_amount=coming[0].owed if coming else ZERO,
            days_until_due=(coming[0].due_date - today).days if coming else None,
            days_overdue=days_overdue,
            stage=stage(days_overdue),
            amount_to_clear=sum((r.owed for r in overdue), ZERO),
            daily_cost=daily,
            paid_off=not coming and not overdue,
            total_paid=self.total_paid,
            total_interest=sum((line.inst.interest for line in self.lines), ZERO),
            penalty_rate=rate,
            regular_amount=self.regular_amount,
            problems=tuple(self.problems),
        )


def loan_state(ledger: Ledger, loan_id: str, today: dt.date) -> LoanState:
    return LoanReplay.of(ledger, loan_id, today).state(today)


def all_states(ledger: Ledger, today: dt.date) -> list[LoanState]:
    grouped = ledger.events_by_loan()
    return [LoanReplay.of_record(r, ledger.terms, today, grouped.get(r.id, [])).state(today) for r in ledger.loans]


def record_event(
    ledger: Ledger,
    loan_id: str,
    kind: str,
    on: dt.date,
    amount: Decimal,
    today: dt.date,
    strategy: Strategy | None = None,
) -> tuple[Ledger, Event]:
    """Add a payment to the ledger after replaying it: a payment the rules refuse raises InputError and the
    ledger is unchanged."""
    from jiebei_tui.domain.ledger import append_event

    new_ledger, event = append_event(ledger, loan_id, kind, on, amount, today, strategy)
    replay = LoanReplay.of(ledger, loan_id, on)
    replay.apply(event)  # raises InputError with the reason
    return new_ledger, event
