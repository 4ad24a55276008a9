"""Goal seek: the smallest extra payment, to the fen, on a loan on a day, that meets a goal:
- `finish_by`: the loan is paid off on or before a date;
- `max_installment`: no instalment after the payment is more than an amount;
- `save`: it saves at least an amount (interest + penalty saved, less any prepayment fee paid).

The extra is money paid on that day beyond what falls due then (one payment, forecast.py): it clears anything
overdue first, then completes the running instalment early, then prepays with the strategy. Each amount tried is
replayed on a copy of the loan to its end, every later instalment paid on its due date, and compared with paying
nothing extra. The answer for each strategy is found by bisection over fen (more money meets a goal sooner),
then a look a few fen below the boundary, where rounding can make a goal saw-toothed (`_lowest`), and is checked
there: the answer meets the goal and one fen less does not (both replayed). Amounts the replay refuses
(prepaying below the loan's minimum prepayment) count as missing.

When the goal cannot be met, the answer says why: `reason` names a key of text/strings/plan.py with its values.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING

from jiebei_tui.domain.errors import InputError
from jiebei_tui.domain.forecast import Forecast, Payment, totals
from jiebei_tui.domain.money import FEN, ZERO
from jiebei_tui.domain.terms import Method, Strategy

if TYPE_CHECKING:
    from jiebei_tui.domain.ledger import Ledger

FINISH_BY = "finish_by"
MAX_INSTALLMENT = "max_installment"
SAVE = "save"
GOALS = (FINISH_BY, MAX_INSTALLMENT, SAVE)
GRID = 32  # points tried when paying everything does not meet the goal (saving less with a fee)
SCAN_PER_INSTALLMENT, SCAN_EXTRA = 2, 16  # fen looked at below a boundary (see _lowest)

MET = "met"  # an extra payment meets it
ALREADY = "already"  # paying nothing extra meets it
CANNOT = "cannot"


@dataclass(frozen=True)
class Goal:
    kind: str  # FINISH_BY, MAX_INSTALLMENT or SAVE
    date: dt.date | None = None  # FINISH_BY
    amount: Decimal | None = None  # MAX_INSTALLMENT, SAVE


@dataclass(frozen=True)
class Outcome:
    """What paying `extra` on the day does, replayed to the loan's end."""

    extra: Decimal
    payment: Payment | None  # the payment made that day (what falls due + extra); None when nothing was paid
    debt_free: dt.date | None  # the last payment
    max_installment: Decimal  # the largest payment falling due after the day (0: none left)
    cost: Decimal  # interest + penalty + fees from the day on
    saving: Decimal  # against paying nothing extra
    payments: tuple[Payment, ...]


@dataclass(frozen=True)
class Reason:
    """Why a goal cannot be met: a key in text/strings/plan.py and the values its sentence needs."""

    key: str
    params: dict[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class Answer:
    strategy: Strategy
    status: str  # MET, ALREADY or CANNOT
    outcome: Outcome | None  # MET: at the answer; ALREADY: paying nothing extra; CANNOT: the best there is
    reason: Reason | None = None
    one_fen_less: Outcome | None = None  # MET: the boundary check (misses the goal)

    @property
    def extra(self) -> Decimal | None:
        """The smallest extra that meets the goal (0 when already met); None when it cannot be met."""
        if self.status == ALREADY:
            return ZERO
        return self.outcome.extra if self.status == MET else None

    @property
    def payment(self) -> Payment | None:
        """The payment to record: what falls due that day plus the extra."""
        return self.outcome.payment if self.status == MET else None


@dataclass(frozen=True)
class GoalSeek:
    loan_id: str
    on: dt.date
    goal: Goal
    falls_due: Decimal  # what falls due on the day anyway (paid with the extra)
    payoff: Decimal  # what closes the loan that day (the most a payment may be)
    without: Outcome  # paying nothing extra
    answers: tuple[Answer, ...]  # one per strategy asked
    strategy_matters: bool  # False for interest-first: both strategies give the same plan


class _Trial:
    """The loan carried to the day (every instalment due before it paid on its due date); each amount is
    replayed on a copy."""

    def __init__(self, base: Forecast, loan_id: str, on: dt.date, strategy: Strategy) -> None:
        self.base = base
        self.loan_id = loan_id
        self.on = on
        self.strategy = strategy
        self.cache: dict[Decimal, Outcome | None] = {}
        self.reference: Outcome | None = None

    def outcome(self, extra: Decimal) -> Outcome | None:
        """What paying `extra` does, or None when the replay refuses that payment."""
        if extra in self.cache:
            return self.cache[extra]
        f = self.base.fork()
        start = len(f.payments)
        payment = None
        if extra > 0:
            try:
                payment = f.pay_extra(self.loan_id, extra, self.on, self.strategy)
            except InputError:
                self.cache[extra] = None
                return None
        f.finish()
        made = tuple(f.payments[start:])
        t = totals(made)
        later = [p.amount for p in made if p.on > self.on]
        cost = t.cost
        saving = self.reference.cost - cost if self.reference is not None else ZERO
        result = Outcome(extra, payment, t.last, max(later, default=ZERO), cost, saving, made)
        self.cache[extra] = result
        return result


def _meets(goal: Goal, outcome: Outcome | None) -> bool:
    if outcome is None:
        return False
    if goal.kind == FINISH_BY:
        return outcome.debt_free is None or outcome.debt_free <= goal.date
    if goal.kind == MAX_INSTALLMENT:
        return outcome.max_installment <= goal.amount
    return outcome.saving >= goal.amount


def _fen(x: Decimal) -> Decimal:
    return x.quantize(FEN)


def _bisect(trial: _Trial, goal: Goal, lo: Decimal, hi: Decimal) -> Decimal:
    """The least fen amount in (lo, hi] meeting the goal, given that `lo` misses and `hi` meets."""
    while hi - lo > FEN:
        mid = _fen((lo + hi) / 2)
        if mid <= lo or mid >= hi:
            mid = lo + FEN
        if _meets(goal, trial.outcome(mid)):
            hi = mid
        else:
            lo = mid
    return hi


def _answer(trial: _Trial, goal: Goal, without: Outcome, room: Decimal, prepays_nothing: Decimal) -> Answer:
    strategy = trial.strategy
    if _meets(goal, without):
        return Answer(strategy, ALREADY, without)
    top = trial.outcome(room)
    if _meets(goal, top):
        # below the first amount that prepays anything a payment only pays what is due early: try that part
        # first, so the region the minimum prepayment refuses cannot hide a smaller answer
        edge = min(prepays_nothing, room)
        if edge > 0 and _meets(goal, trial.outcome(edge)):
            floor = ZERO
            found = _bisect(trial, goal, floor, edge)
        else:
            floor = edge if edge > 0 else ZERO
            found = _bisect(trial, goal, floor, room)
        return _checked(trial, goal, found, floor)
    best = max((o for o in (top, without) if o is not None), key=lambda o: o.saving)
    if goal.kind != SAVE:  # paying everything finishes soonest and leaves no instalment: nothing less can
        return Answer(strategy, CANNOT, top, _reason(goal, trial, best, room))
    # paying everything misses: a fee can make a smaller prepayment save more; look for any amount that meets
    previous = ZERO
    for k in range(1, GRID):
        point = _fen(room * k / GRID)
        if point <= previous:
            continue
        outcome = trial.outcome(point)
        if outcome is not None and outcome.saving > best.saving:
            best = outcome
        if _meets(goal, outcome):
            return _checked(trial, goal, _bisect(trial, goal, previous, point), ZERO)
        previous = point
    return Answer(strategy, CANNOT, best, _reason(goal, trial, best, room))


def _lowest(trial: _Trial, goal: Goal, found: Decimal, floor: Decimal) -> Decimal:
    """Below a boundary the bisection found, look for a smaller amount that meets the goal too: the rounding of
    a recomputed instalment makes some goals saw-toothed (one fen less raises the instalment a fen and drops the
    last one by ten), so amounts that meet come in runs a few fen apart, at most about one fen per instalment
    left. Step down fen by fen until a gap wider than that; each amount found restarts the gap."""
    window = SCAN_PER_INSTALLMENT * len(trial.reference.payments) + SCAN_EXTRA
    best, gap = found, 0
    x = found - FEN
    while x > floor and gap < window:
        if _meets(goal, trial.outcome(x)):
            best, gap = x, 0
        else:
            gap += 1
        x -= FEN
    return best


def _checked(trial: _Trial, goal: Goal, found: Decimal, floor: Decimal) -> Answer:
    found = _lowest(trial, goal, found, floor)
    at = trial.outcome(found)
    below = trial.outcome(found - FEN)  # at 0.00: paying nothing extra
    if not _meets(goal, at) or _meets(goal, below):  # the bisection's own invariant: a bug if it fails
        raise AssertionError(f"goal seek boundary failed at {found}")
    return Answer(trial.strategy, MET, at, None, below)


def _reason(goal: Goal, trial: _Trial, best: Outcome, room: Decimal) -> Reason:
    if goal.kind == FINISH_BY:
        return Reason("plan.goal.finish_by_unreachable", {"by": goal.date, "on": trial.on})
    if goal.kind == MAX_INSTALLMENT:  # paying everything leaves no instalment: only a refused payment gets here
        return Reason("plan.goal.installment_unreachable", {"amount": goal.amount, "least": best.max_installment})
    return Reason(
        "plan.goal.save_unreachable",
        {"amount": goal.amount, "most": max(best.saving, ZERO), "extra": best.extra, "on": trial.on},
    )


def check_goal(goal: Goal) -> None:
    """InputError naming the option when the goal is not one of GOALS or lacks its date or amount."""
    if goal.kind not in GOALS:
        raise InputError("goal", goal.kind, "goal_kind", known=", ".join(GOALS))
    if goal.kind == FINISH_BY:
        if goal.date is None:
            raise InputError("finish_by", "", "goal_finish_by")
    elif goal.amount is None or goal.amount < 0 or (goal.kind == SAVE and goal.amount == 0):
        field_name = "max_installment" if goal.kind == MAX_INSTALLMENT else "save"
        raise InputError(field_name, "" if goal.amount is None else str(goal.amount), "goal_amount")


def goal_seek(
    ledger: Ledger,
    loan_id: str,
    today: dt.date,
    on: dt.date,
    goal: Goal,
    strategies: tuple[Strategy, ...] = (Strategy.REDUCE_INSTALLMENT, Strategy.REDUCE_TERM),
) -> GoalSeek:
    """The smallest extra on `on` (today or later) that meets `goal`, for each strategy. InputError when the
    loan is unknown or paid off by then, or the day is before today."""
    record = ledger.loan(loan_id)
    check_goal(goal)
    if on < today:
        raise InputError("on", on.isoformat(), "plan_date", today=today)
    base = Forecast.of(ledger, today, loan_ids=[loan_id])
    base.due_until(on, loan_id=loan_id)
    replay = base.replays[loan_id]
    if replay.paid_off:
        raise InputError("loan", loan_id, "paid_off")
    if on < record.start:
        raise InputError("on", on.isoformat(), "after_start", start=record.start)
    due = base.falls_due(loan_id, on)
    p = replay.payoff(on)
    payoff = p.total
    room = payoff - due  # the most the extra can be
    prepays_nothing = max(p.overdue + p.interest + p.running_principal - due, ZERO)
    answers = []
    without = None
    for strategy in strategies:
        trial = _Trial(base, loan_id, on, strategy)
        trial.reference = trial.outcome(ZERO)
        without = trial.reference
        answers.append(_answer(trial, goal, trial.reference, room, prepays_nothing))
    return GoalSeek(
        loan_id=loan_id,
        on=on,
        goal=goal,
        falls_due=due,
        payoff=payoff,
        without=without,
        answers=tuple(answers),
        strategy_matters=record.method is not Method.INTEREST_FIRST,
    )
