"""The Plan section's actions (issue 11): where the next yuan goes (and recording its first step), goal seek,
moving a repayment day, the months ahead and the payday setting. Scenarios are in scenarios.py, exports in
export.py.

Every figure is read from the account's ledger at the account's today, through the pure domain functions
(domain/plan.py, goal.py, repayment_day.py, months.py). Two actions write, each one store transaction:
`apply_first` records a plan's first step as a payment, exactly as `payments.pay` records one (the same
`record` path, so the replay checks it against the loan's whole history), and `set_payday` changes the payday
setting (only when it changes). The front door asks for the borrower's confirmation before `apply_first`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from jiebei_tui.actions.payments import Paid, record

if TYPE_CHECKING:
    from jiebei_tui.actions.account import Account
    from jiebei_tui.domain.forecast import Payment
    from jiebei_tui.domain.goal import GoalSeek
    from jiebei_tui.domain.months import Month
    from jiebei_tui.domain.plan import PlanComparison, PlanOption
    from jiebei_tui.domain.repayment_day import DayMove

ORDER_WORDS = ("highest-cost", "smallest-balance", "lowest-outgo")  # as typed; the domain's names use _


def parse_order(value: object, field: str = "order") -> str:
    """highest-cost, smallest-balance or lowest-outgo (an underscore for the hyphen is fine)."""
    from jiebei_tui.domain.errors import InputError
    from jiebei_tui.domain.plan import ORDERS

    name = value.strip().replace("-", "_") if isinstance(value, str) else value
    if name not in ORDERS:
        raise InputError(field, value, "plan_order", known=", ".join(ORDER_WORDS))
    return name


def _date(account: Account, value: object, field: str) -> dt.date:
    from jiebei_tui.domain.terms import parse_date

    return parse_date(value, field) if value is not None else account.today


# --- where the next yuan goes ---


@dataclass(frozen=True)
class PlanView:
    """A plan compared across the orders, with the loans' names (to show them) and the order whose first step
    `apply_first` records (`chosen`: the one asked for, else the cheapest)."""

    comparison: PlanComparison
    names: dict[str, str]
    chosen: str

    @property
    def option(self) -> PlanOption:
        return self.comparison.option(self.chosen)

    @property
    def first_step(self) -> Payment | None:
        return self.option.first_step


def plan(
    account: Account,
    extra: object = None,
    on: object = None,
    monthly: object = None,
    monthly_from: object = None,
    strategy: object = None,
    roll_over: bool = False,
    order: object = None,
) -> PlanView:
    """Where `extra` on `on` (default today) and/or `monthly` from `monthly_from` go, in each order, against doing
    nothing extra (domain/plan.py). Amounts and dates as typed (InputError naming the field). Nothing is
    written."""
    from jiebei_tui.domain.money import ZERO
    from jiebei_tui.domain.plan import plan as compare_orders
    from jiebei_tui.domain.terms import parse_amount, parse_strategy

    value = parse_amount(extra, "extra") if extra is not None else ZERO
    each_month = parse_amount(monthly, "monthly") if monthly is not None else ZERO
    day = _date(account, on, "on")
    first_month = _date(account, monthly_from, "from") if monthly_from is not None else None
    chosen_strategy = parse_strategy(strategy) if strategy is not None else None
    chosen_order = parse_order(order) if order is not None else None
    ledger = account.ledger
    comparison = compare_orders(ledger, account.today, value, day, each_month, first_month, chosen_strategy, roll_over)
    names = {r.id: r.name for r in ledger.loans}
    return PlanView(comparison, names, chosen_order or comparison.best.order)


def check_first_step(account: Account, view: PlanView) -> Payment:
    """The first step of the chosen order, if it can be recorded now: it exists and falls today (a payment is
    recorded on the day it is made). InputError (field `apply_first`) otherwise."""
    from jiebei_tui.domain.errors import InputError

    step = view.first_step
    if step is None:
        raise InputError("apply_first", None, "plan_no_step")
    if step.on != account.today:
        raise InputError("apply_first", None, "plan_first_not_today", on=step.on, today=account.today)
    return step


def apply_first(account: Account, view: PlanView) -> Paid:
    """Record the plan's first step: one payment of the amount, on the day and (for what it prepays) with the
    strategy the plan shows, through the same path as `payments.pay`, so recording it does exactly what the plan
    shows. Refused (InputError) when it is not today's, or when the loan's history no longer takes it."""
    step = check_first_step(account, view)
    return record(account, step.loan_id, step.kind, step.amount, step.on, step.strategy, action="plan.apply_first")


# --- goal seek ---


def goal_seek(
    account: Account,
    loan_id: str,
    on: object = None,
    *,
    finish_by: object = None,
    max_installment: object = None,
    save: object = None,
    strategy: object = None,
) -> GoalSeek:
    """The smallest extra on `on` (default today) on `loan_id` meeting exactly one goal: paid off by
    `finish_by`, no instalment above `max_installment`, or saving at least `save`; for `strategy` or both.
    Nothing is written."""
    from jiebei_tui.domain.errors import InputError
    from jiebei_tui.domain.goal import FINISH_BY, MAX_INSTALLMENT, SAVE, Goal, goal_seek as seek
    from jiebei_tui.domain.terms import Strategy, parse_date, parse_strategy

    given = [name for name, value in (("finish_by", finish_by), ("max_installment", max_installment), ("save", save))
             if value is not None]
    if len(given) != 1:
        raise InputError(given[1] if given else "finish_by", None, "goal_one")
    if finish_by is not None:
        goal = Goal(FINISH_BY, date=parse_date(finish_by, "finish_by"))
    elif max_installment is not None:
        goal = Goal(MAX_INSTALLMENT, amount=_goal_amount(max_installment, "max_installment"))
    else:
        goal = Goal(SAVE, amount=_goal_amount(save, "save"))
    strategies = (parse_strategy(strategy),) if strategy is not None else (Strategy.REDUCE_INSTALLMENT, Strategy.REDUCE_TERM)
    ledger = account.ledger
    record_id = ledger.loan(loan_id).id
    return seek(ledger, record_id, account.today, _date(account, on, "on"), goal, strategies)


def _goal_amount(value: object, field: str) -> Decimal:
    """A goal's amount as typed: 0 or more, at most 2 decimals (the domain refuses a saving of 0)."""
    from jiebei_tui.domain.errors import InputError
    from jiebei_tui.domain.money import ZERO
    from jiebei_tui.domain.money import FEN
    from jiebei_tui.domain.terms import MAX_PRINCIPAL, parse_decimal

    amount = parse_decimal(value, field, "goal_amount")
    if amount < ZERO or amount > MAX_PRINCIPAL * 10 or amount != amount.quantize(FEN):
        raise InputError(field, value, "goal_amount")
    return amount.quantize(FEN)


# --- change my repayment day ---


def repayment_day(account: Account, loan_id: str, day: object, on: object = None) -> DayMove:
    """What moving `loan_id`'s repayment day to `day` (1..28) on `on` (default today) would do: the new due dates
    and what the move costs or saves. Nothing is written (only the lender can move it)."""
    from jiebei_tui.domain.repayment_day import move_day

    ledger = account.ledger
    return move_day(ledger, ledger.loan(loan_id).id, account.today, day, _date(account, on, "on"))


# --- the months ahead, and the payday ---


@dataclass(frozen=True)
class MonthsView:
    months: tuple[Month, ...]
    payday: int | None  # the payday the flags use (the setting, or the one asked for)
    saved_payday: int | None  # the setting in the ledger


def months(account: Account, count: object = 12, payday: object = None) -> MonthsView:
    """The next `count` months' outgo across every loan, with the instalments behind each; instalments falling
    due before the payday flagged (`payday` as typed, for this view only: a day, or off; default the
    setting). Nothing is written."""
    from jiebei_tui.domain.months import months_ahead, parse_payday

    ledger = account.ledger
    saved = ledger.settings.payday
    used = parse_payday(payday) if payday is not None else saved
    return MonthsView(months_ahead(ledger, account.today, count, used), used, saved)


@dataclass(frozen=True)
class PaydaySet:
    payday: int | None
    changed: bool  # False: it was so already, nothing was written


def set_payday(account: Account, value: object) -> PaydaySet:
    """Save the payday (a day of the month 1..31, or off): one store transaction, written only when it changes."""
    from jiebei_tui.domain.months import parse_payday, set_payday as changed

    payday = parse_payday(value)
    applied = account.change(lambda ledger: (changed(ledger, payday), payday), action="settings.payday",
                             params={"payday": payday if payday is not None else "off"})
    return PaydaySet(payday, applied.written)
