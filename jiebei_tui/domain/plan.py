"""Where the next yuan goes: an extra amount (once, and/or every month) placed across the borrower's loans in
several orders, each replayed to the end (forecast.py), against doing nothing extra.

- **Overdue first, always**: money first clears what is overdue (the highest penalty rate first) on loans
  whose overdue amounts are not paid that day anyway with an instalment falling due.
- Then one of the orders:
  - `highest_cost`: the loan whose money costs the most a day first: its daily rate, counting its prepayment fee
    (`effective_daily_cost`); ties: the smaller balance, then the ledger's order;
  - `smallest_balance`: the loan with the least principal outstanding first (paid off soonest);
  - `lowest_outgo`: the loan where a yuan lowers next month's outgo the most (the instalments falling due in
    the calendar month after the day, tried on a copy of each loan), i.e. the most relief next month.
  A loan takes money up to its payoff. Money that would prepay less than the loan's minimum prepayment (and not
  close it) only completes its running instalment early; the rest moves on to the next loan.
- Each loan gets at most one payment a day: what falls due that day plus the money the plan gives it, so the
  first step of a plan is a payment to record as it stands, and recording it does exactly what the plan shows.
- Money that no loan can take that day is carried to the next day money is placed (`unused` at the end).
  The one-off extra offered on a day every loan has ended by is all `unused`; the monthly extra is offered
  only up to the last due date and stops once a plan has ended every loan (no debt, nothing to pay).
- `roll_over`: keep paying what doing nothing would pay, day by day: whatever a plan frees (a smaller or no
  instalment) is placed by the same order on the same day. This is "the same money" for every order: what
  doing nothing pays plus the extra. Without it, what a plan frees stays with the borrower (outgo falls).

Costs are "from today": every interest, penalty and fee paid from today on (interest accrued before today and
still unpaid included), so cost = what is paid from today − the principal outstanding today.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal, localcontext
from typing import TYPE_CHECKING

from jiebei_tui.domain.errors import InputError
from jiebei_tui.domain.forecast import (
    Forecast,
    MonthOutgo,
    Payment,
    Totals,
    add_months_clamped,
    month_of,
    monthly_outgo,
    next_month,
    sorted_payments,
    totals,
)
from jiebei_tui.domain.money import PRECISION, ZERO
from jiebei_tui.domain.replay import LoanReplay, principal_of
from jiebei_tui.domain.terms import Strategy

if TYPE_CHECKING:
    from jiebei_tui.domain.ledger import Ledger

HIGHEST_COST = "highest_cost"
SMALLEST_BALANCE = "smallest_balance"
LOWEST_OUTGO = "lowest_outgo"
ORDERS = (HIGHEST_COST, SMALLEST_BALANCE, LOWEST_OUTGO)
NOTHING_EXTRA = "nothing_extra"  # the baseline: what each loan asks, on its due dates


@dataclass(frozen=True)
class OverdueWait:
    """A loan overdue today whose overdue amount doing nothing extra pays only with its next instalment (penalty
    running until then): why "nothing extra" pays nothing this month, and part of what every order saves."""

    loan_id: str
    owed: Decimal  # overdue today, penalty included
    paid_on: dt.date  # the baseline's next payment of the loan


@dataclass(frozen=True)
class PlanOption:
    """One order played out (or the baseline, `order` NOTHING_EXTRA)."""

    order: str
    steps: tuple[Payment, ...]  # the payments carrying money from the plan, in date order
    payments: tuple[Payment, ...]  # every payment from today on, in date order
    totals: Totals
    saving: Decimal  # the baseline's cost − this cost
    months: tuple[MonthOutgo, ...]
    unused: Decimal  # money offered that no loan could take

    @property
    def debt_free(self) -> dt.date | None:
        return self.totals.last

    @property
    def cost(self) -> Decimal:
        return self.totals.cost

    @property
    def first_step(self) -> Payment | None:
        return self.steps[0] if self.steps else None


@dataclass(frozen=True)
class PlanComparison:
    today: dt.date
    on: dt.date | None
    extra: Decimal
    monthly: Decimal
    monthly_from: dt.date | None
    strategy: Strategy | None
    roll_over: bool
    principal_outstanding: Decimal  # today, every loan
    baseline: PlanOption
    options: tuple[PlanOption, ...]  # in ORDERS' order
    waiting: tuple[OverdueWait, ...] = ()  # what the baseline leaves overdue past today

    @property
    def best(self) -> PlanOption:
        """The order that costs least (the first of ORDERS on a tie)."""
        return min(self.options, key=lambda o: o.cost)

    def option(self, order: str) -> PlanOption:
        for o in self.options:
            if o.order == order:
                return o
        raise KeyError(order)


# --- ranking the loans ---


def effective_daily_cost(replay: LoanReplay, on: dt.date) -> Decimal:
    """What a yuan paid into the loan saves a day: its penalty rate while it is overdue; else its daily rate,
    less its prepayment fee spread over the days the principal would otherwise stay (the principal-weighted
    average of the days until each remaining instalment's due date, L): (d·L − f) / ((1 + f)·L) per yuan paid
    (a yuan buys 1/(1 + f) of principal). With no fee it is the daily rate."""
    if replay._overdue_lines():
        return replay.rate
    d, f = replay.daily_rate, replay.fee_rate
    if not f:
        return d
    weighted = total = ZERO
    for row in replay.rows(on):
        if row.status in ("due", "partial", "upcoming") and row.unpaid_principal > 0:
            weighted += row.unpaid_principal * max((row.due_date - on).days, 0)
            total += row.unpaid_principal
    if total <= 0 or weighted <= 0:
        return -f  # nothing left to save on: only the fee
    with localcontext() as ctx:
        ctx.prec = PRECISION
        life = weighted / total
        return (d * life - f) / ((1 + f) * life)


def _outstanding(replay: LoanReplay) -> Decimal:
    return replay.balance + sum((line.unpaid_principal for line in replay._overdue_lines()), ZERO)


@dataclass
class _Offer:
    """What one loan can take on a day."""

    loan_id: str
    due: Decimal  # what falls due that day (paid with it in any case)
    given: Decimal  # money from the plan so far (overdue)
    capacity: Decimal  # how much more it can take: its payoff less due and given
    running_rest: Decimal  # what completes its running instalment beyond due and given (prepays nothing)
    fee_rate: Decimal
    min_prepayment: Decimal

    def take(self, money: Decimal) -> Decimal:
        """How much of `money` the loan takes: up to its payoff; an amount that would prepay less than its
        minimum prepayment (and not close it) only completes the running instalment."""
        m = min(money, self.capacity)
        if m < self.capacity and self.min_prepayment:
            leftover = m - self.running_rest
            if leftover > 0 and principal_of(leftover, self.fee_rate) < self.min_prepayment:
                m = min(m, self.running_rest)
        return max(m, ZERO)


def _offers(forecast: Forecast, on: dt.date) -> dict[str, _Offer]:
    """Every open loan drawn by `on` (a loan drawn later takes nothing before it exists: paying it was refused,
    naming an --on nobody typed, once the money reached it)."""
    offers = {}
    for loan_id in forecast.open_loans():
        replay = forecast.replays[loan_id]
        if replay.loan.start > on:
            continue
        due = forecast.falls_due(loan_id, on)
        p = replay.payoff(on)
        need = p.overdue + p.interest + p.running_principal
        offers[loan_id] = _Offer(
            loan_id, due, ZERO, p.total - due, max(need - due, ZERO), replay.fee_rate, replay.min_prepayment
        )
    return offers


def _ranked(forecast: Forecast, offers: dict[str, _Offer], on: dt.date, order: str, money: Decimal, strategy) -> list[str]:
    ids = [k for k, o in offers.items() if o.capacity > 0]
    index = {k: n for n, k in enumerate(forecast.replays)}
    replays = forecast.replays
    if order == HIGHEST_COST:  # every loan's overdue amounts are paid that day by now (due, or given)
        cost = {k: _cleared_cost(replays[k], on) for k in ids}
        return sorted(ids, key=lambda k: (-cost[k], _outstanding(replays[k]), index[k]))
    if order == SMALLEST_BALANCE:
        return sorted(ids, key=lambda k: (_outstanding(replays[k]), index[k]))
    if order == LOWEST_OUTGO:
        relief = {}
        for k in ids:
            m = offers[k].take(money)
            relief[k] = _relief_per_yuan(forecast, k, offers[k], m, on, strategy) if m > 0 else ZERO
        return sorted(ids, key=lambda k: (-relief[k], index[k]))
    raise ValueError(order)


def _cleared_cost(replay: LoanReplay, on: dt.date) -> Decimal:
    """The effective daily cost of a loan once its overdue amounts are paid that day."""
    if not replay.fee_rate:
        return replay.daily_rate
    if replay._overdue_lines():
        replay = replay.fork()
        replay.pay(replay.payoff(on).overdue, on)
    return effective_daily_cost(replay, on)


def _relief_per_yuan(forecast: Forecast, loan_id: str, offer: _Offer, money: Decimal, on: dt.date, strategy) -> Decimal:
    """How much next month's outgo of the loan falls per yuan of `money` paid into it on `on`."""
    start = next_month(month_of(on))
    end = next_month(start)

    def outgo(extra: Decimal) -> Decimal:
        probe = forecast.fork_loan(loan_id)
        if extra > 0:
            probe.pay_extra(loan_id, extra, on, strategy)
        probe.due_until(end, loan_id=loan_id)
        return sum((p.amount for p in probe.payments if start <= p.on < end), ZERO)

    if offer.given:
        without = outgo(offer.given)
    else:  # the same until the loan is paid again: kept for the other days of the month (rolling over)
        key = (loan_id, forecast.version(loan_id), start)
        without = forecast.cache.get(key)
        if without is None:
            without = forecast.cache[key] = outgo(ZERO)
    with_it = ZERO if money >= offer.capacity else outgo(offer.given + money)  # paid off: nothing next month
    with localcontext() as ctx:
        ctx.prec = PRECISION
        return (without - with_it) / money


def spend(forecast: Forecast, money: Decimal, on: dt.date, order: str, strategy: Strategy | None = None) -> Decimal:
    """Place `money` on `on`: overdue first, then by `order`; one payment per loan (what falls due that day
    included). Returns what no loan could take."""
    if money <= 0 or not forecast.open_loans():
        return max(money, ZERO)
    offers = _offers(forecast, on)
    replays = forecast.replays
    overdue = []
    for k, offer in offers.items():
        if offer.due == 0:
            owed = replays[k].payoff(on).overdue
            if owed > 0:
                overdue.append((k, owed))
    overdue.sort(key=lambda item: -replays[item[0]].rate)  # stable: the ledger's order on a tie
    placed: list[str] = []  # loans given money, in the order they were given it (the plan's steps that day)
    for k, owed in overdue:
        take = min(money, owed)
        offer = offers[k]
        placed.append(k)
        offer.given += take
        offer.capacity -= take
        offer.running_rest = max(offer.running_rest - take, ZERO)
        money -= take
        if money <= 0:
            break
    ranked = _ranked(forecast, offers, on, order, money, strategy) if money > 0 else []
    while money > 0 and ranked:
        k = ranked.pop(0)
        offer = offers[k]
        m = offer.take(money)
        if m > 0:
            if k not in placed:
                placed.append(k)
            offer.given += m
            offer.capacity -= m
            money -= m
    for k in placed:
        forecast.pay_extra(k, offers[k].given, on, strategy)
    return money


# --- the plan ---


def money_dates(
    extra: Decimal, on: dt.date | None, monthly: Decimal, monthly_from: dt.date | None, horizon: dt.date
) -> list[tuple[dt.date, Decimal]]:
    """The days money is offered and how much: the one-off extra on `on`, and the monthly extra from
    `monthly_from` on the same day of every month (the month's last day when shorter), up to `horizon`."""
    days: dict[dt.date, Decimal] = {}
    if extra > 0 and on is not None:
        days[on] = extra
    if monthly > 0 and monthly_from is not None:
        k = 0
        day = monthly_from
        while day <= horizon:
            days[day] = days.get(day, ZERO) + monthly
            k += 1
            day = add_months_clamped(monthly_from, k)
    return sorted(days.items())


def horizon(forecast: Forecast) -> dt.date:
    """No loan can have anything left to pay after this day."""
    last = forecast.today
    for replay in forecast.replays.values():
        if not replay.paid_off and replay.dues and replay.dues[-1] > last:
            last = replay.dues[-1]
    return last


def play(
    base: Forecast,
    offered: list[tuple[dt.date, Decimal]],
    order: str,
    strategy: Strategy | None = None,
    baseline: list[Payment] | None = None,
    once: tuple[dt.date, Decimal] | None = None,
) -> tuple[Forecast, Decimal]:
    """Play one order out on a copy of `base`: money offered on each day placed by `order`, carried when no loan
    can take it; with `baseline` (roll over), also every amount doing nothing would pay that day, less what this
    plan's own instalments take. Returns the finished forecast and the extra money left unplaced. `once`: the one-off
    extra (in `offered` too): offered on a day every loan has ended by, it is left unplaced, all of it (the
    monthly extra simply stops once the debt is gone: nobody pays a debt that is not there)."""
    f = base.fork()
    pocket = ZERO
    # of the pocket, the extra offered and not placed yet: rolling over, the money doing nothing would pay is
    # placed before it (the borrower pays that anyway), so what is left is the extra's first
    extra_left = ZERO
    late = ZERO  # the one-off extra, offered after every loan had ended
    timeline: dict[dt.date, Decimal] = {}
    for day, amount in offered:
        timeline[day] = timeline.get(day, ZERO) + amount
    budget: dict[dt.date, Decimal] = {}
    if baseline is not None:
        for p in baseline:
            budget[p.on] = budget.get(p.on, ZERO) + p.amount
            timeline.setdefault(p.on, ZERO)
    for day in sorted(timeline):
        f.due_until(day)
        if not f.open_loans():
            if once is not None and once[0] >= day:
                late = once[1]
            break
        pocket += timeline[day]
        extra_left += timeline[day]
        if baseline is not None:
            pocket += budget.get(day, ZERO)
            pocket -= sum((f.falls_due(k, day) for k in f.open_loans()), ZERO)
        if pocket > 0:
            pocket = spend(f, pocket, day, order, strategy)
        extra_left = min(extra_left, max(pocket, ZERO))
    f.finish()
    # rolling over, the rest of what is left is what doing nothing would have paid and the plan no longer needs
    return f, extra_left + late


def plan(
    ledger: Ledger,
    today: dt.date,
    extra: Decimal = ZERO,
    on: dt.date | None = None,
    monthly: Decimal = ZERO,
    monthly_from: dt.date | None = None,
    strategy: Strategy | None = None,
    roll_over: bool = False,
    orders: tuple[str, ...] = ORDERS,
) -> PlanComparison:
    """Compare the orders for `extra` on `on` (default today) and/or `monthly` from `monthly_from`, from `today`.
    `strategy`: what prepayments do (None: each loan's own default). InputError when there is no money to place,
    a date is before today, or no loan owes anything."""
    on = today if on is None else on
    if extra < 0:
        raise InputError("extra", str(extra), "plan_amount")
    if monthly < 0:
        raise InputError("monthly", str(monthly), "plan_amount")
    if extra == 0 and monthly == 0:
        raise InputError("extra", None, "plan_no_money")  # nothing typed: no value to quote
    if on < today:
        raise InputError("on", on.isoformat(), "plan_date", today=today)
    if monthly > 0:
        if monthly_from is None:
            raise InputError("from", "", "plan_monthly_from")
        if monthly_from < today:
            raise InputError("from", monthly_from.isoformat(), "plan_date", today=today)
    base = Forecast.of(ledger, today)
    if not base.open_loans():
        # Forecast.of pays today what a loan past its last due date owes (nothing of it falls due later): when
        # that is every loan, all is owed today and there is no order to plan, but there is money owed.
        owed = sum((p.amount for p in base.payments if p.on == today), ZERO)
        if owed > 0:
            raise InputError("extra", None, "plan_all_due_now", owed=owed)
        raise InputError("extra", None, "plan_no_loans")
    principal = base.principal_today
    order_ids = list(base.replays)
    overdue = {k: r.payoff(today).overdue for k, r in base.replays.items() if not r.paid_off}
    doing_nothing = base.fork()
    doing_nothing.finish()
    baseline_payments = sorted_payments(doing_nothing.payments)
    # (a loan with no instalment left to fall due had its overdue paid today by Forecast.of: not counted here)
    paid_next = {k: min((p.on for p in baseline_payments if p.loan_id == k), default=today) for k in overdue}
    waiting = tuple(OverdueWait(k, owed, paid_next[k]) for k, owed in overdue.items() if owed > 0 and paid_next[k] > today)
    offered = money_dates(extra, on, monthly, monthly_from, horizon(base))
    once = (on, extra) if extra > 0 else None
    played = [(order, *play(base, offered, order, strategy, baseline_payments if roll_over else None, once))
              for order in orders]
    last = max([p.on for p in baseline_payments] + [p.on for _, f, _ in played for p in f.payments] + [today])
    base_totals = totals(baseline_payments)

    def option(order: str, payments: list[Payment], unused: Decimal) -> PlanOption:
        t = totals(payments)
        return PlanOption(
            order=order,
            steps=tuple(p for p in payments if p.extra > 0),
            payments=tuple(payments),
            totals=t,
            saving=base_totals.cost - t.cost,
            months=monthly_outgo(payments, order_ids, today, last),
            unused=unused,
        )

    return PlanComparison(
        today=today,
        on=on if extra > 0 else None,
        extra=extra,
        monthly=monthly,
        monthly_from=monthly_from if monthly > 0 else None,
        strategy=strategy,
        roll_over=roll_over,
        principal_outstanding=principal,
        baseline=option(NOTHING_EXTRA, baseline_payments, ZERO),
        options=tuple(option(order, sorted_payments(f.payments), unused) for order, f, unused in played),
        waiting=waiting,
    )
