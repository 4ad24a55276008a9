"""What I can afford: paying only a monthly budget across every loan, as things stand, month by month.

The budget arrives on one day a month (the `start` date's day; the month's last day when it is shorter) and is
paid that day, with real payments replayed on copies of each loan's account (replay.py), so every figure is one
that recording those payments would give. Each budget day:
1. **Overdue first** — what stops the penalty growing and the stage rising. Across loans in the chosen order:
   `oldest` (default): the loan overdue longest first (its stage, and the collection and credit-record steps
   that come with it, rise first), then the costlier penalty; or `costliest`: the highest penalty rate first,
   then the longest overdue. Within a loan the account's own order applies (penalty, interest, principal, oldest
   instalment first).
2. **Then what falls due before the next budget day**, soonest due date first: the running instalment of each
   loan, up to what completes it (interest to the day and its scheduled principal). A payment short of it lowers
   the balance and what falls overdue.
3. **What is left waits for next month.** Nothing is prepaid: a prepayment changes the plan, and a borrower in
   difficulty needs the buffer more than the interest it saves.

Paying the budget never leaves more owed than paying nothing (a property the tests check): every payment only
moves money from what is owed to what is paid, and leaves less principal to accrue interest or penalty.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Literal

from jiebei_tui.domain.errors import InputError
from jiebei_tui.domain.money import ZERO
from jiebei_tui.domain.overdue import STAGES, stage
from jiebei_tui.domain.replay import LoanReplay
from jiebei_tui.domain.terms import parse_amount, parse_date, parse_in_range

if TYPE_CHECKING:
    from jiebei_tui.domain.ledger import Ledger
    from jiebei_tui.domain.replay import Allocation, LoanState

Order = Literal["oldest", "costliest"]
ORDERS: tuple[str, ...] = ("oldest", "costliest")
MAX_MONTHS = 60  # the plan looks this far ahead (the longest restructure the app proposes)
ONE_DAY = dt.timedelta(days=1)


def parse_budget(value: object, field: str = "budget") -> Decimal:
    """A monthly sum: more than 0, at most 2 decimals."""
    return parse_amount(value, field)


def parse_order(value: object, field: str = "order") -> Order:
    if value not in ORDERS:
        raise InputError(field, value, "budget_order", known=", ".join(ORDERS))
    return value  # type: ignore[return-value]


def budget_day(start: dt.date, months: int) -> dt.date:
    """The budget day `months` months after `start`: the same day of the month, or the month's last day."""
    index = start.year * 12 + start.month - 1 + months
    year, month = index // 12, index % 12 + 1
    return dt.date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


# slotted, not frozen: built per loan and month
@dataclass(slots=True)
class LoanMonth:
    """One loan in one month of the plan."""

    loan_id: str
    paid: Decimal  # this budget day
    penalty_paid: Decimal
    interest_paid: Decimal
    principal_paid: Decimal
    days_before: int  # days overdue on the budget day, before paying
    days_after: int  # after paying
    days_end: int  # the day before the next budget day (nothing paid in between): the month's worst
    overdue_after: tuple[int, ...]  # instalments still overdue after paying
    overdue_end: tuple[int, ...]  # instalments overdue at the month's end
    owed_after: Decimal  # the payoff after paying: what closes the loan that day
    owed_end: Decimal  # the payoff the day before the next budget day
    paid_off: bool

    @property
    def stage_before(self) -> str:
        return stage(self.days_before)

    @property
    def stage_after(self) -> str:
        return stage(self.days_after)

    @property
    def stage_end(self) -> str:
        return stage(self.days_end)


@dataclass(frozen=True)
class BudgetMonth:
    no: int  # 1, 2, …
    on: dt.date  # the budget day
    available: Decimal  # the budget plus what the month before left
    paid: Decimal
    left: Decimal  # waits for next month
    loans: tuple[LoanMonth, ...]  # every loan still open at the start of the month

    @property
    def owed_after(self) -> Decimal:
        return sum((m.owed_after for m in self.loans), ZERO)

    @property
    def penalty_paid(self) -> Decimal:
        return sum((m.penalty_paid for m in self.loans), ZERO)

    @property
    def stage_end(self) -> str:
        """The worst stage any loan reaches in the month."""
        return stage(max((m.days_end for m in self.loans), default=0))


@dataclass(frozen=True)
class LoanOutcome:
    loan_id: str
    cleared_month: int | None  # the month (1, 2, …) it is paid off, None: not within the plan
    cleared_on: dt.date | None
    paid: Decimal
    penalty_paid: Decimal
    interest_paid: Decimal
    months_overdue: int  # months ending with something overdue
    worst_stage: str
    owed_now: Decimal  # the payoff on the first budget day, before paying
    owed_at_end: Decimal  # after the plan's last month (0 when cleared)


@dataclass(frozen=True)
class BudgetPlan:
    """Paying only `budget` a month from `start`, as things stand."""

    today: dt.date
    start: dt.date
    budget: Decimal
    order: str
    months: tuple[BudgetMonth, ...]
    loans: tuple[LoanOutcome, ...]  # the loans open on `start`, in the ledger's order
    horizon: int  # the most months looked at

    @property
    def cleared(self) -> bool:
        return all(o.cleared_month is not None for o in self.loans)

    @property
    def months_to_clear(self) -> int | None:
        return len(self.months) if self.cleared else None

    @property
    def total_paid(self) -> Decimal:
        return sum((o.paid for o in self.loans), ZERO)

    @property
    def penalty_paid(self) -> Decimal:
        return sum((o.penalty_paid for o in self.loans), ZERO)

    @property
    def owed_at_end(self) -> Decimal:
        return sum((o.owed_at_end for o in self.loans), ZERO)


def _order_key(order: str):
    def key(item: tuple[LoanReplay, LoanState]):
        replay, state = item
        if order == "costliest":
            return (-replay.rate, -state.days_overdue, replay.loan_id)
        return (-state.days_overdue, -replay.rate, replay.loan_id)

    return key


class _Tally:
    __slots__ = ("paid", "penalty", "interest", "principal")

    def __init__(self) -> None:
        self.paid = self.penalty = self.interest = self.principal = ZERO

    def add(self, a: Allocation) -> None:
        self.paid += a.amount
        self.penalty += a.penalty
        self.interest += a.overdue_interest + a.interest
        self.principal += a.overdue_principal + a.principal + a.prepaid


def _overdue_numbers(state: LoanState) -> tuple[int, ...]:
    return tuple(r.no for r in state.installments if r.status == "overdue")


def budget_plan(
    ledger: Ledger,
    today: dt.date,
    budget: object,
    start: object = None,
    order: object = "oldest",
    months: object = MAX_MONTHS,
) -> BudgetPlan:
    """Pay only `budget` a month from `start` (default today; not before it) across every loan open then, in
    `order` ("oldest" or "costliest"), for at most `months` months or until every loan is paid off. Each value
    is checked as typed (InputError naming it)."""
    amount = parse_budget(budget)
    first = today if start is None else parse_date(start, "from")
    if first < today:
        raise InputError("from", start, "budget_from", today=today)
    chosen = parse_order(order)
    horizon = parse_in_range(months, "months", "budget_months", 1, MAX_MONTHS * 2, max=MAX_MONTHS * 2)

    replays: list[LoanReplay] = []
    for record in ledger.loans:
        replay = LoanReplay.of(ledger, record.id, first)
        if not replay.state(first).paid_off:
            replays.append(replay)
    tallies = {r.loan_id: _Tally() for r in replays}
    owed_now = {r.loan_id: r.state(first).payoff for r in replays}
    cleared: dict[str, tuple[int, dt.date]] = {}
    overdue_months = {r.loan_id: 0 for r in replays}
    worst = {r.loan_id: 0 for r in replays}
    plan_months: list[BudgetMonth] = []
    left = ZERO
    key = _order_key(chosen)
    for k in range(horizon):
        if len(cleared) == len(replays):
            break
        on = budget_day(first, k)
        following = budget_day(first, k + 1)
        open_now = [r for r in replays if r.loan_id not in cleared]
        available = amount + left
        money = available
        month_tally = {r.loan_id: _Tally() for r in open_now}
        before = {r.loan_id: r.state(on) for r in open_now}
        # 1. what is overdue, in the chosen order
        for replay, state in sorted(((r, before[r.loan_id]) for r in open_now), key=key):
            if money <= 0:
                break
            pay = min(money, state.amount_to_clear)
            if pay > 0:
                month_tally[replay.loan_id].add(replay.pay(pay, on))
                money -= pay
        # 2. what falls due before the next budget day, soonest first
        def coming(replay: LoanReplay):
            return (replay.running.due_date, key((replay, before[replay.loan_id])))

        due_soon = [r for r in open_now if r.running is not None and r.running.due_date < following]
        for replay in sorted(due_soon, key=coming):
            while money > 0 and replay.running is not None and replay.running.due_date < following:
                need = replay.state(on).pay_now
                if need <= 0:
                    break
                pay = min(money, need)
                month_tally[replay.loan_id].add(replay.pay(pay, on))
                money -= pay
                if pay < need:
                    break
        # 3. what is left waits; how each loan stands after paying and at the month's end
        rows = []
        for replay in open_now:
            lid = replay.loan_id
            after = replay.state(on)
            end = after if after.paid_off else replay.state(following - ONE_DAY)
            tally = month_tally[lid]
            total = tallies[lid]
            total.paid += tally.paid
            total.penalty += tally.penalty
            total.interest += tally.interest
            total.principal += tally.principal
            if after.paid_off:
                cleared[lid] = (k + 1, on)
            if end.days_overdue:
                overdue_months[lid] += 1
            worst[lid] = max(worst[lid], before[lid].days_overdue, end.days_overdue)
            rows.append(
                LoanMonth(
                    loan_id=lid,
                    paid=tally.paid,
                    penalty_paid=tally.penalty,
                    interest_paid=tally.interest,
                    principal_paid=tally.principal,
                    days_before=before[lid].days_overdue,
                    days_after=after.days_overdue,
                    days_end=end.days_overdue,
                    overdue_after=_overdue_numbers(after),
                    overdue_end=_overdue_numbers(end),
                    owed_after=ZERO if after.paid_off else after.payoff,
                    owed_end=ZERO if end.paid_off else end.payoff,
                    paid_off=after.paid_off,
                )
            )
        left = money
        plan_months.append(BudgetMonth(k + 1, on, available, available - money, money, tuple(rows)))

    last_row = {m.loan_id: m for month in plan_months for m in month.loans}
    outcomes = tuple(
        LoanOutcome(
            loan_id=r.loan_id,
            cleared_month=cleared.get(r.loan_id, (None, None))[0],
            cleared_on=cleared.get(r.loan_id, (None, None))[1],
            paid=tallies[r.loan_id].paid,
            penalty_paid=tallies[r.loan_id].penalty,
            interest_paid=tallies[r.loan_id].interest,
            months_overdue=overdue_months[r.loan_id],
            worst_stage=stage(worst[r.loan_id]),
            owed_now=owed_now[r.loan_id],
            owed_at_end=last_row[r.loan_id].owed_after if r.loan_id in last_row else owed_now[r.loan_id],
        )
        for r in replays
    )
    return BudgetPlan(today, first, amount, chosen, tuple(plan_months), outcomes, horizon)


def owed_if_nothing_paid(ledger: Ledger, on: dt.date, today: dt.date) -> Decimal:
    """Everything owed on `on` (the sum of the loans' payoffs) if nothing more is paid after `today`: the plan's
    yardstick."""
    total = ZERO
    for record in ledger.loans:
        replay = LoanReplay.of(ledger, record.id, today)
        state = replay.state(on)
        if not state.paid_off:
            total += state.payoff
    return total


__all__ = [
    "ORDERS", "MAX_MONTHS", "STAGES", "BudgetMonth", "BudgetPlan", "LoanMonth", "LoanOutcome", "budget_day",
    "budget_plan", "owed_if_nothing_paid", "parse_budget", "parse_order",
]
