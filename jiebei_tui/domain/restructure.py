"""A restructure (协商还款 agreed): the lender agrees to a new plan for a loan from a date, recorded as an entry in
the loan's history (an Event of kind "restructure" carrying a `RestructurePlan`), which the replay applies in
date order among the payments (replay.py `LoanReplay.restructure`).

On the agreement's date D:
- every instalment past its due date and not paid, and the instalment running on D, end there ("restructured");
  the interest of the running one is charged to D, by the day, as a payment would;
- the principal still outstanding (overdue or not), plus the unpaid interest and the penalty owed on D unless the
  agreement waives them, is the principal of the new plan (the event's `amount`, checked on every replay);
  waived amounts are no longer owed;
- from D, the new plan runs: its term (instalments on the day of `first_due`, monthly), its method, its daily rate
  (0 for "停息", interest stopped), or a fixed instalment (equal instalment only: paid each month until the rest
  fits in one, within the term). Interest by the day, payments, penalty and prepayment follow the account model as
  before; reminders and the credit outlook follow the new plan, because they derive from the state.

Conservation still holds to the fen: at payoff, payments = principal drawn + interest charged + penalty charged +
fees − what was waived (interest and penalty carried into the new plan are repaid as its principal).

The longest new plan is 60 months: the ceiling Chinese rules set for a credit card's personalised instalments
(商业银行信用卡业务监督管理办法, art. 70), used here as an illustrative bound.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import TYPE_CHECKING

from jiebei_tui.domain.errors import InputError
from jiebei_tui.domain.free_text import clean_text
from jiebei_tui.domain.left_out import is_empty, is_false, is_none
from jiebei_tui.domain.money import ZERO, half_up
from jiebei_tui.domain.record import ConfigDict, Field, Record, field_validator, model_validator
from jiebei_tui.domain.schedule import add_months, first_due_date, repayment_day
from jiebei_tui.domain.terms import (
    FIRST_DATE,
    LAST_DATE,
    MAX_DAILY_RATE,
    Method,
    parse_amount,
    parse_date,
    parse_decimal,
    parse_in_range,
    parse_method,
)
from jiebei_tui.domain.value import Value, value

if TYPE_CHECKING:
    from jiebei_tui.domain.ledger import Event, Ledger
    from jiebei_tui.domain.replay import InstallmentState, LoanState

MAX_RESTRUCTURE_TERM = 60
MAX_FIRST_DUE_DAYS = 92  # the new plan's first instalment falls due within about three months of the agreement
MAX_REFERENCE = 200


class RestructurePlan(Record):
    """What the lender agreed, as the ledger keeps it (the agreement's date is the event's date)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    term: int = Field(ge=1, le=MAX_RESTRUCTURE_TERM)  # instalments of the new plan (the most, with `installment`)
    # a fixed instalment (equal instalment only): paid each month until the rest fits in one
    installment: Decimal | None = Field(default=None, gt=0, decimal_places=2, max_digits=12, exclude_if=is_none)
    daily_rate: Decimal = Field(ge=0, le=MAX_DAILY_RATE, decimal_places=6)
    method: Method
    first_due: dt.date  # the new plan's first due date; the next ones fall on its day, monthly
    waive_penalty: bool = Field(default=False, exclude_if=is_false)
    waive_interest: bool = Field(default=False, exclude_if=is_false)  # the unpaid interest on the day
    reference: str = Field(default="", max_length=MAX_REFERENCE, exclude_if=is_empty)  # the agreement's number, a note

    @field_validator("first_due")
    @classmethod
    def _first_due(cls, value: dt.date) -> dt.date:
        # a hand-edited year 9999 would put the plan's later due dates in year 10000 (the replay crashed)
        if not FIRST_DATE <= value <= LAST_DATE:
            raise ValueError(f"a date from {FIRST_DATE} to {LAST_DATE}")
        return value

    @model_validator(mode="after")
    def _installment_method(self) -> RestructurePlan:
        if self.installment is not None and self.method is not Method.EQUAL_INSTALLMENT:
            raise ValueError("a fixed instalment is for an equal-instalment plan")
        return self

    def due_dates(self) -> tuple[dt.date, ...]:
        day = self.first_due.day
        return tuple(add_months(self.first_due, k, day) for k in range(self.term))


@value
class Restructured(Value):
    """What a restructure did on its day (the replay's record of it)."""

    on: dt.date
    plan: RestructurePlan
    principal: Decimal  # principal outstanding on the day (overdue or not)
    overdue_principal: Decimal
    interest: Decimal  # interest unpaid on the day: overdue, and the running instalment's accrued to the day
    penalty: Decimal  # penalty owed on the day
    amount: Decimal  # the new plan's principal: `principal` + interest and penalty not waived
    first_no: int  # the new plan's first instalment number (numbers go on from the old plan's)
    ended: tuple[int, ...]  # the instalments the agreement ended (overdue, and the one running)
    days_overdue: int  # on the day, before it

    @property
    def interest_waived(self) -> Decimal:
        return self.interest if self.plan.waive_interest else ZERO

    @property
    def penalty_waived(self) -> Decimal:
        return self.penalty if self.plan.waive_penalty else ZERO

    @property
    def waived(self) -> Decimal:
        return self.interest_waived + self.penalty_waived

    @property
    def carried(self) -> Decimal:
        """Interest and penalty carried into the new plan's principal."""
        return self.amount - self.principal


def default_first_due(loan_start_day: int, on: dt.date) -> dt.date:
    """The loan's repayment day, first strictly after the agreement and at least 15 days after it (the rule a
    drawdown follows)."""
    return first_due_date(on, loan_start_day)


def parse_rate_or_zero(value: object, field: str = "daily_rate") -> Decimal:
    """A daily rate for a new plan: 0 (interest stopped, 停息) up to 0.1% a day, as 0.0004 or 0.04%."""
    from jiebei_tui.domain.terms import ascii_number

    text = ascii_number(value) if isinstance(value, str) else None
    if text is not None and text.endswith("%"):
        rate = parse_decimal(text[:-1], field, "restructure_rate", shown=value).scaleb(-2)
    else:
        rate = parse_decimal(value, field, "restructure_rate")
    exponent = rate.normalize().as_tuple().exponent
    if rate < 0 or rate > MAX_DAILY_RATE or (isinstance(exponent, int) and exponent < -6):
        raise InputError(field, value, "restructure_rate")
    return rate.quantize(Decimal("0.000001"))


def parse_plan(
    ledger: Ledger,
    loan_id: str,
    *,
    on: object,
    today: dt.date,
    term: object = None,
    installment: object = None,
    daily_rate: object = None,
    method: object = None,
    first_due: object = None,
    waive_penalty: bool = False,
    waive_interest: bool = False,
    reference: object = None,
) -> tuple[dt.date, RestructurePlan]:
    """The agreement as typed, each value checked (InputError naming the first bad field). Not given: the rate
    and method stay the loan's (as in force on the day), the first due date is the loan's repayment day after the
    agreement. `term` or `installment` must be given; with `installment` alone the term is the fewest months it
    takes (at most 60)."""
    record = ledger.loan(loan_id)
    day = parse_date(on, "on")
    if not record.start < day <= today:
        raise InputError("on", on, "restructure_date", start=record.start, today=today)
    if term is None and installment is None:
        raise InputError("term", None, "restructure_needs")
    months = None if term is None else parse_in_range(term, "term", "restructure_term", 1, MAX_RESTRUCTURE_TERM, max=MAX_RESTRUCTURE_TERM)
    amount = None if installment is None else parse_amount(installment, "installment")
    from jiebei_tui.domain.replay import LoanReplay

    before = LoanReplay.of(ledger, loan_id, day)
    rate = before.daily_rate if daily_rate is None else parse_rate_or_zero(daily_rate)
    kind = before.method if method is None else parse_method(method)
    if amount is not None and kind is not Method.EQUAL_INSTALLMENT:
        raise InputError("installment", installment, "restructure_installment_method", method=kind.value)
    if first_due is None:
        first = default_first_due(repayment_day(record.loan), day)
    else:
        first = parse_date(first_due, "first_due")
        if not (day < first <= day + dt.timedelta(days=MAX_FIRST_DUE_DAYS)) or first.day > 28:
            raise InputError("first_due", first_due, "restructure_first_due", on=day, days=MAX_FIRST_DUE_DAYS)
    note = clean_text(reference, "reference", MAX_REFERENCE, required=False) if reference is not None else ""
    plan = RestructurePlan(
        term=months if months is not None else MAX_RESTRUCTURE_TERM,
        installment=amount,
        daily_rate=rate,
        method=kind,
        first_due=first,
        waive_penalty=bool(waive_penalty),
        waive_interest=bool(waive_interest),
        reference=note,
    )
    if amount is not None:
        plan = _fit_installment(ledger, loan_id, day, plan, installment, fixed_term=months is not None)
    return day, plan


def _fit_installment(
    ledger: Ledger, loan_id: str, on: dt.date, plan: RestructurePlan, typed: object, fixed_term: bool
) -> RestructurePlan:
    """A fixed instalment must repay more than a month's interest; given alone, it must repay the loan within 60
    months, and the plan keeps the months it takes. One at least what the whole plan needs is that one
    instalment, of the real amount: the plan (and the ledger) never says 1 × more than is owed."""
    preview = preview_restructure(ledger, loan_id, on, plan)
    new = preview.new_installments
    month = half_up(preview.done.amount * plan.daily_rate * 31)  # a long month's interest on the new principal
    if plan.installment <= month:  # the principal would not go down, or hardly
        raise InputError("installment", typed, "restructure_installment_small", interest=month)
    if len(new) == 1 and plan.installment > preview.last_installment:
        plan = plan.model_copy(update={"installment": preview.last_installment})
    if fixed_term:
        return plan
    if not _fits(preview):
        least = least_installment(ledger, loan_id, on, plan)
        raise InputError("installment", typed, "restructure_installment_term", least=least, max=MAX_RESTRUCTURE_TERM)
    return plan.model_copy(update={"term": max(len(new), 1)})


def _fits(preview: RestructurePreview) -> bool:
    """The fixed instalment repays the loan within the plan's term: the last one is no more than it."""
    return preview.last_installment <= preview.plan.installment


def least_installment(ledger: Ledger, loan_id: str, on: dt.date, plan: RestructurePlan) -> Decimal:
    """The least fixed instalment that repays the new plan within its term (`plan.term` months): the annuity over
    the term, rounded down, leaves the last instalment a few fen over it, so the fen that close the gap are
    searched for."""
    def fits(amount: Decimal) -> bool:
        return _fits(preview_restructure(ledger, loan_id, on, plan.model_copy(update={"installment": amount})))

    low = preview_restructure(ledger, loan_id, on, plan.model_copy(update={"installment": None})).regular_amount
    if fits(low):
        return low
    high = low + Decimal(1)
    while not fits(high):
        low, high = high, high + Decimal(1)
    while high - low > Decimal("0.01"):  # the least that fits, to the fen (`low` never does)
        middle = ((low + high) / 2).quantize(Decimal("0.01"))
        if fits(middle):
            high = middle
        else:
            low = middle
    return high


@value
class RestructurePreview(Value):
    """A restructure replayed on a copy of the loan, before anything is recorded: what the lender would see."""

    on: dt.date
    plan: RestructurePlan
    done: Restructured
    before: LoanState  # on the day, as things stand (nothing agreed)
    after: LoanState  # on the day, with the agreement
    new_installments: tuple[InstallmentState, ...]  # the new plan, as scheduled on the day
    regular_amount: Decimal  # the new instalment (equal instalment), or principal part (equal principal)

    @property
    def total_interest(self) -> Decimal:
        """Interest the new plan charges, paid on schedule."""
        return sum((i.interest for i in self.new_installments), ZERO)

    @property
    def total_to_repay(self) -> Decimal:
        return sum((i.principal + i.interest for i in self.new_installments), ZERO)

    @property
    def last_due(self) -> dt.date:
        return self.new_installments[-1].due_date

    @property
    def last_installment(self) -> Decimal:
        last = self.new_installments[-1]
        return last.principal + last.interest

    @property
    def closed_overdue(self) -> tuple[int, ...]:
        """Of the old plan's instalments the agreement closes (`done.ended`), the overdue ones."""
        overdue = {r.no for r in self.before.installments if r.status == "overdue"}
        return tuple(n for n in self.done.ended if n in overdue)

    @property
    def closed_current(self) -> int | None:
        """The old plan's instalment running on the day, when the agreement closes it (it had begun: interest
        ran or something was paid); None when it had not (the new plan simply takes its place)."""
        rest = [n for n in self.done.ended if n not in self.closed_overdue]
        return rest[0] if rest else None

    @property
    def replaced(self) -> tuple[int, ...]:
        """The old plan's instalments still to come that the new plan replaces (they never fall due)."""
        open_ = ("upcoming", "due", "partial")
        return tuple(r.no for r in self.before.installments if r.status in open_ and r.no not in self.done.ended)

    @property
    def new_numbers(self) -> tuple[int, int]:
        """The new plan's first and last instalment numbers (they go on from the old plan's)."""
        return self.new_installments[0].no, self.new_installments[-1].no


def preview_restructure(ledger: Ledger, loan_id: str, on: dt.date, plan: RestructurePlan) -> RestructurePreview:
    """Replay the loan's history up to `on`, then the agreement (InputError if the replay refuses it: the loan is
    paid off, the first due date is not after the day)."""
    from jiebei_tui.domain.replay import LoanReplay

    before = LoanReplay.of(ledger, loan_id, on)
    state_before = before.state(on)
    after = LoanReplay.of(ledger, loan_id, on)
    done = after.restructure(on, plan)
    state_after = after.state(on)
    new = tuple(r for r in state_after.installments if r.no >= done.first_no)
    return RestructurePreview(on, plan, done, state_before, state_after, new, after.regular_amount)


def restructure_loan(
    ledger: Ledger,
    loan_id: str,
    *,
    on: object,
    today: dt.date,
    recorded_at: dt.datetime | None = None,
    source: str = "",
    **agreed: object,
) -> tuple[Ledger, Event]:
    """Record what the lender agreed: a restructure entry in the loan's history, from `on`. Every value is checked
    as typed (`agreed`: the values `parse_plan` takes, term to reference); the loan's whole history is replayed
    with it, and a payment after `on` that no longer fits the new plan refuses it (InputError naming that
    payment). Returns the new ledger and the entry (its amount is the new plan's principal)."""
    from jiebei_tui.domain.corrections import check_history
    from jiebei_tui.domain.ledger import Event, _issue

    day, plan = parse_plan(ledger, loan_id, on=on, today=today, **agreed)
    preview = preview_restructure(ledger, loan_id, day, plan)
    event_id, issued = _issue(ledger, "E", [e.id for e in ledger.events])
    event = Event(
        id=event_id, loan_id=loan_id, kind="restructure", date=day, amount=preview.done.amount, plan=plan,
        recorded_at=recorded_at, source=source,
    )
    new = ledger.model_copy(update={"events": [*ledger.events, event], "ids_issued": issued})
    check_history(ledger, new, loan_id, "on", day.isoformat())
    return new, event


def restructures_of(ledger: Ledger, loan_id: str) -> list[Event]:
    """A loan's restructures that stand (not voided), in the order they apply."""
    return [e for e in ledger.payments_by_loan().get(loan_id, ()) if e.kind == "restructure"]
