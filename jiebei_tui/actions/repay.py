"""Paying more than the instalment: settle everything (结清) or prepay part (提前还款), each previewed before it is
recorded (a preview replays the very payment recording it would make, so the two always agree), both prepayment
strategies side by side, and what paying today rather than on the due date changes.

For a loan in the ledger the figures start from what was really paid; for a loan given inline (the command
line's simulations) every instalment due before the date counts as paid on its due date.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from jiebei_tui.actions.payments import Paid, record

if TYPE_CHECKING:
    from jiebei_tui.actions.account import Account
    from jiebei_tui.domain.replay import Allocation, InstallmentState, LoanReplay, LoanState
    from jiebei_tui.domain.simulate import Position, PrepayResult, SettleResult
    from jiebei_tui.domain.terms import Loan, Strategy

WEEK = dt.timedelta(days=7)


def _date(account: Account, on: object) -> dt.date:
    from jiebei_tui.domain.terms import parse_date

    return parse_date(on, "on") if on is not None else account.today


def _replay(account: Account, loan_id: str, on: dt.date) -> LoanReplay:
    from jiebei_tui.domain.replay import LoanReplay

    return LoanReplay.of(account.ledger, account.loan(loan_id).id, on)


def _inline(account: Account, loan: Loan, on: dt.date) -> LoanReplay:
    from jiebei_tui.domain.replay import LoanReplay

    return LoanReplay.inline(loan, account.default_terms(), on)


# --- settle ---


def settle_preview(account: Account, loan_id: str, on: object = None) -> SettleResult:
    """What settling on `on` (default today) costs: the payoff (overdue first, the principal, the interest to
    the day) and the interest it saves. Nothing is written."""
    from jiebei_tui.domain.simulate import settle

    day = _date(account, on)
    return settle(_replay(account, loan_id, day), day)


def settle_inline(account: Account, loan: Loan, on: object) -> SettleResult:
    """Settling a loan given inline on `on`, under the ledger's terms (or the illustrative ones)."""
    from jiebei_tui.domain.simulate import settle

    day = _date(account, on)
    return settle(_inline(account, loan, day), day)


@dataclass(frozen=True)
class Settled:
    result: SettleResult
    paid: Paid


def settle(account: Account, loan_id: str, on: object = None) -> Settled:
    """Record the settlement previewed: a payment of exactly the payoff on `on` (not after today), which closes
    the loan (refused if the ledger changed meanwhile so that it no longer would)."""
    result = settle_preview(account, loan_id, on)
    paid = record(account, loan_id, "settlement", result.payoff, result.on, action="settle")
    return Settled(result, paid)


# --- prepay ---


def _strategy(replay: LoanReplay, strategy: object) -> Strategy:
    from jiebei_tui.domain.terms import parse_strategy

    return parse_strategy(strategy) if strategy is not None else replay.default_strategy


@dataclass(frozen=True)
class Prepayment:
    """A part-prepayment previewed. `result`: where the amount goes, in the order the rules apply it (the overdue,
    then what completes the running instalment, and only the rest prepays principal: `result.due_now`,
    `result.to_running`, `result.prepaid`), and the plan after it. `next`: the instalment after the one the
    payment completes: what it then asks, against what it asks when the running instalment is paid on its own
    due date with nothing prepaid (the plan as it stands); None when the payment only pays part of the running
    instalment, or none follows."""

    result: PrepayResult
    next: NextInstalment | None = None


def _prepayment(replay: LoanReplay, amount: Decimal, on: dt.date, strategy: Strategy) -> Prepayment:
    """The one place a prepayment is previewed: simulate.prepay for the figures, `_early` (the same payment
    replayed, against the running instalment paid on its due date) for the next instalment."""
    from jiebei_tui.domain.simulate import prepay

    result = prepay(replay, amount, on, strategy)
    early = _early(replay, on, amount, strategy) if result.installment_paid is not None else None
    return Prepayment(result, early.next if early is not None else None)


def prepay_explained(account: Account, loan_id: str, amount: object, on: object = None, strategy: object = None) -> Prepayment:
    """What paying `amount` on `on` does when its leftover prepays principal under `strategy` (default: the
    loan's): what it pays first (overdue, the running instalment), the principal it prepays, the instalments
    after it, what the next one then asks, the interest saved."""
    from jiebei_tui.domain.terms import parse_amount

    value, day = parse_amount(amount), _date(account, on)
    replay = _replay(account, loan_id, day)
    return _prepayment(replay, value, day, _strategy(replay, strategy))


def prepay_preview(account: Account, loan_id: str, amount: object, on: object = None, strategy: object = None) -> PrepayResult:
    """`prepay_explained`'s figures alone."""
    return prepay_explained(account, loan_id, amount, on, strategy).result


def prepay_inline(account: Account, loan: Loan, amount: object, on: object, strategy: object = None) -> Prepayment:
    """`prepay_explained` for a loan given inline on `on`, under the ledger's terms (or the illustrative ones)."""
    from jiebei_tui.domain.terms import parse_amount

    value, day = parse_amount(amount), _date(account, on)
    replay = _inline(account, loan, day)
    return _prepayment(replay, value, day, _strategy(replay, strategy))


@dataclass(frozen=True)
class PrepayOptions:
    """Both strategies for the same payment, side by side: shorter term (keep the instalment) and smaller
    instalment (keep the term). `better`: the one that saves more interest (reduce-term on a tie); None when
    the method has no term to shorten (interest first: both are the same) or the payment prepays nothing (it
    only pays what is due: both are the same). `next_term`, `next_installment`: the instalment after the one the
    payment completes, under each (Prepayment.next). `default`: the loan's own strategy (its terms'), the one
    `prepay` records when none is named."""

    reduce_term: PrepayResult
    reduce_installment: PrepayResult
    position: Position | None = None  # where the loan stands on the day: what "interest to the day" is made of
    next_term: NextInstalment | None = None
    next_installment: NextInstalment | None = None
    default: Strategy | None = None

    @property
    def better(self) -> Strategy | None:
        from jiebei_tui.domain.terms import Strategy

        if not self.reduce_term.strategy_matters or not self.reduce_term.prepaid:
            return None
        if self.reduce_term.interest_saved >= self.reduce_installment.interest_saved:
            return Strategy.REDUCE_TERM
        return Strategy.REDUCE_INSTALLMENT

    def of(self, strategy: Strategy) -> PrepayResult:
        from jiebei_tui.domain.terms import Strategy

        return self.reduce_term if strategy is Strategy.REDUCE_TERM else self.reduce_installment

    def next_of(self, strategy: Strategy) -> NextInstalment | None:
        from jiebei_tui.domain.terms import Strategy

        return self.next_term if strategy is Strategy.REDUCE_TERM else self.next_installment


def prepay_options(account: Account, loan_id: str, amount: object, on: object = None, *, not_past: bool = False) -> PrepayOptions:
    """`prepay_explained` under both strategies. `not_past`: refuse a date before today (the app records a
    prepayment on the day it is made)."""
    from jiebei_tui.domain.errors import InputError
    from jiebei_tui.domain.terms import Strategy, parse_amount

    value, day = parse_amount(amount), _date(account, on)
    if not_past and day < account.today:
        raise InputError("on", day.isoformat(), "not_past", today=account.today)
    replay = _replay(account, loan_id, day)
    term = _prepayment(replay, value, day, Strategy.REDUCE_TERM)
    smaller = _prepayment(replay, value, day, Strategy.REDUCE_INSTALLMENT)
    return PrepayOptions(term.result, smaller.result, replay.position(day), term.next, smaller.next,
                         replay.default_strategy)


@dataclass(frozen=True)
class Prepaid:
    result: PrepayResult
    paid: Paid
    next: NextInstalment | None = None  # as previewed (Prepayment.next)


def prepay(account: Account, loan_id: str, amount: object, on: object = None, strategy: object = None) -> Prepaid:
    """Record the prepayment previewed: a payment of `amount` on `on` (not after today) whose leftover prepays
    principal under `strategy` (default the loan's), recorded with the strategy it used."""
    preview = prepay_explained(account, loan_id, amount, on, strategy)
    result = preview.result
    paid = record(account, loan_id, "prepayment", result.amount, result.on, result.strategy, action="prepay")
    return Prepaid(result, paid, preview.next)


# --- paying the running instalment before its due date: what the next one then asks ---


@dataclass(frozen=True)
class NextInstalment:
    """The instalment after the one a payment completes: instalment `no`, due `due_date`, then asks `amount`;
    `on_time` is what it asks when the one before it is paid on its own due date instead."""

    no: int
    due_date: dt.date
    amount: Decimal
    on_time: Decimal


@dataclass(frozen=True)
class Early:
    """A payment of `amount` on `on` completing instalment `no` (due `due_date`), against completing it on its
    due date for `on_due_date`. Paid on `on` the instalment's interest stops at `on`, and (the plan is kept) the
    next instalment's interest runs from `on` instead of from `due_date`: `next` (None after the last
    instalment). `interest_saved`: the loan's interest over its life, paying on `on` rather than on the due date
    (≥ 0 for the instalment alone: its principal, repaid earlier, accrues nothing meanwhile). `replanned`: the
    payment also prepaid principal, and the rest of the plan was recomputed from `on`."""

    no: int
    due_date: dt.date
    on: dt.date
    amount: Decimal
    on_due_date: Decimal
    next: NextInstalment | None
    interest_saved: Decimal
    replanned: bool = False

    @property
    def before_due(self) -> bool:
        return self.on < self.due_date


def _paid_on(replay: LoanReplay, on: dt.date, amount: Decimal | None = None,
             strategy: Strategy | None = None) -> tuple[Decimal, Allocation, LoanState]:
    """A payment of `amount` on `on` (default: what completes the running instalment that day with nothing left
    over, LoanState.pay_now) replayed on a copy of `replay`, any leftover prepaying under `strategy` (default the
    loan's): the amount, where it went, the loan that day after it. InputError where the rules refuse it."""
    copy = replay.fork()
    if amount is None:
        amount = copy.state(on).pay_now
    allocation = copy.pay(amount, on, strategy)
    return amount, allocation, copy.state(on)


def _instalment(state: LoanState, no: int) -> InstallmentState | None:
    return next((row for row in state.installments if row.no == no), None)


def _early(replay: LoanReplay, on: dt.date, amount: Decimal | None = None, strategy: Strategy | None = None) -> Early | None:
    """The one place the effect of completing the running instalment on `on` is worked out: the payment on
    `on` (its leftover, if any, prepaying under `strategy`, default the loan's) and, on a second copy, the
    running instalment paid on its due date instead (nothing prepaid), each replayed by the account's rules
    (domain/replay.py), then compared. None when the payment does not complete the instalment running on `on`
    (it only clears what is overdue, or pays part), or settles the whole loan before its last instalment."""
    standing = replay.fork().state(on)
    running = next((row for row in standing.installments if row.status in ("due", "partial", "upcoming")), None)
    if running is None:
        return None
    amount, allocation, after = _paid_on(replay, on, amount, strategy)
    if allocation.completed != running.no:
        return None
    on_due_date, _, on_time = _paid_on(replay, running.due_date)
    following, scheduled = _instalment(after, running.no + 1), _instalment(on_time, running.no + 1)
    if allocation.closed and scheduled is not None:
        return None  # a settlement: settle's own preview says what it does
    nxt = None
    if following is not None and scheduled is not None:
        nxt = NextInstalment(following.no, following.due_date, following.owed, scheduled.owed)
    return Early(running.no, running.due_date, on, amount, on_due_date, nxt,
                 on_time.total_interest - after.total_interest, allocation.recomputed)


def early_payment(account: Account, loan_id: str, amount: object, on: object = None) -> Early | None:
    """What a repayment of `amount` on `on` (default today) does when it completes the running instalment before
    its due date: what the next instalment then asks, against paying on the due date (the pay confirmations
    say it). None when it does not complete the running instalment early (an instalment due that day is paid
    on time). Figured from the payments recorded up to `on`; InputError where the rules refuse the payment."""
    from jiebei_tui.domain.terms import parse_amount

    value, day = parse_amount(amount), _date(account, on)
    early = _early(_replay(account, loan_id, day), day, value)
    return early if early is not None and early.before_due else None


# --- pay today, or on the due date ---


@dataclass(frozen=True)
class Timing:
    """What waiting changes. Overdue: each day adds `daily_cost`; `clear_today` clears it today,
    `clear_in_a_week` a week from now. Otherwise: completing the running instalment today costs `pay_today`,
    on its due date `pay_on_due_date`, and `early` compares the two (what the next instalment then asks, the
    interest saved in all; for an instalment due today both are the same); settling today costs
    `settle_today`, on the due date `settle_on_due_date` (None when settling on that date is refused)."""

    overdue: bool
    due_date: dt.date | None
    daily_cost: Decimal
    clear_today: Decimal
    clear_in_a_week: Decimal
    pay_today: Decimal
    pay_on_due_date: Decimal
    settle_today: Decimal | None
    settle_on_due_date: Decimal | None
    early: Early | None = None

    @property
    def due_today(self) -> bool:
        return self.early is not None and not self.early.before_due


def pay_today_or_later(account: Account, loan_id: str) -> Timing | None:
    """None for a loan paid off."""
    from jiebei_tui.domain.errors import InputError
    from jiebei_tui.domain.money import ZERO
    from jiebei_tui.domain.replay import loan_state

    s = account.state(loan_id)
    if s.paid_off:
        return None
    if s.days_overdue:
        later = loan_state(account.ledger, s.record.id, account.today + WEEK)
        return Timing(True, s.next_due_date, s.daily_cost, s.amount_to_clear, later.amount_to_clear, s.pay_now,
                      s.next_due_amount, s.payoff, None)
    on_due = None
    if s.next_due_date is not None:
        try:
            on_due = settle_preview(account, s.record.id, s.next_due_date).payoff
        except InputError:  # the next due date is the last one: nothing to settle early then
            on_due = None
    early = _early(_replay(account, s.record.id, account.today), account.today)
    return Timing(False, s.next_due_date, ZERO, ZERO, ZERO, s.pay_now, s.next_due_amount, s.payoff, on_due, early)
