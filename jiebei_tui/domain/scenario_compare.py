"""Scenarios played out and compared side by side, and applied.

A scenario (scenarios.py) is played from today on a copy of every loan (forecast.py): each change on its day,
every instalment paid on its due date (what is overdue with the loan's next instalment, as doing nothing would).
A change dated before today (the scenario was made earlier) happens today; one that cannot happen (its loan is
gone or paid off by then, the replay refuses the payment) is left out with a note saying why. Compared with
things as they stand: total cost (interest + penalty + fees from today), debt-free date, monthly outgo, the
saving, and the principal outstanding over time (outstanding.py).

Applying a scenario records the real payments it stands for: those falling today (nothing dated after today can
be recorded). The scenario keeps what is still to come (a monthly extra from its next day on); one with nothing
left goes. A repayment-day move cannot be recorded (the lender makes it): applying one due by today is refused.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING

from jiebei_tui.domain.errors import InputError
from jiebei_tui.domain.forecast import (
    Forecast,
    MonthOutgo,
    Payment,
    Totals,
    add_months_clamped,
    monthly_outgo,
    sorted_payments,
    totals,
)
from jiebei_tui.domain.money import ZERO
from jiebei_tui.domain.outstanding import Series, actual, forecast_series, scheduled
from jiebei_tui.domain.plan import HIGHEST_COST, horizon, spend
from jiebei_tui.domain.scenarios import (
    MAX_COMPARED,
    MONTHLY,
    PREPAY,
    REPAYMENT_DAY,
    SETTLE,
    Scenario,
    ScenarioChange,
    find_scenario,
    replace_scenario,
)

if TYPE_CHECKING:
    from jiebei_tui.domain.ledger import Event, Ledger

CURRENT = "current"  # the label of things as they stand
MONTHS_AFTER_HORIZON = 2  # a moved repayment day can end a loan up to a month later


@dataclass(frozen=True)
class Note:
    """Something about one change (its index in the scenario): a key in text/strings/plan.py and its values."""

    change: int
    key: str
    params: dict[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class ScenarioResult:
    label: str  # the scenario's id, or CURRENT
    scenario: Scenario | None
    payments: tuple[Payment, ...]  # every payment from today on, in date order
    totals: Totals
    saving: Decimal  # against things as they stand
    months: tuple[MonthOutgo, ...]
    series: Series  # principal outstanding from today on
    notes: tuple[Note, ...]

    @property
    def steps(self) -> tuple[Payment, ...]:
        """The payments the scenario adds money to."""
        return tuple(p for p in self.payments if p.extra > 0)

    @property
    def debt_free(self) -> dt.date | None:
        return self.totals.last

    @property
    def cost(self) -> Decimal:
        return self.totals.cost


@dataclass(frozen=True)
class Comparison:
    today: dt.date
    current: ScenarioResult
    scenarios: tuple[ScenarioResult, ...]
    actual: Series  # principal outstanding up to today, as recorded
    scheduled: Series  # as the contracts scheduled it

    @property
    def series(self) -> tuple[Series, ...]:
        """Every line of the chart: actual, scheduled, things as they stand, each scenario."""
        return (self.actual, self.scheduled, self.current.series, *(s.series for s in self.scenarios))


def _actions(scenario: Scenario, today: dt.date, last: dt.date) -> list[tuple[dt.date, int, int, ScenarioChange]]:
    """(day, priority, change index, change): every day a change acts, a repayment-day move first on its day."""
    out = []
    for k, change in enumerate(scenario.changes):
        if change.kind == MONTHLY:
            n = 0
            day = change.on
            while day <= last:
                if day >= today:
                    out.append((day, 1, k, change))
                n += 1
                day = add_months_clamped(change.on, n)
        else:
            out.append((max(change.on, today), 0 if change.kind == REPAYMENT_DAY else 1, k, change))
    return sorted(out, key=lambda a: (a[0], a[1], a[2]))


def play(base: Forecast, scenario: Scenario, today: dt.date, strict: bool = False) -> tuple[Forecast, list[Note]]:
    """Play `scenario` out on a copy of `base`. With `strict`, a change due today that cannot happen raises
    InputError instead of being noted (applying must record all of it or nothing)."""
    f = base.fork()
    notes: list[Note] = []
    last = add_months_clamped(horizon(base), MONTHS_AFTER_HORIZON)
    pockets: dict[int, Decimal] = {}
    stopped: set[int] = set()

    def note(k: int, change: ScenarioChange, key: str, **params: object) -> None:
        """A change that cannot happen: noted, or (strict, due today) refused with the same words."""
        if strict and max(change.on, today) <= today:
            raise InputError("scenario", scenario.id, "scenario_" + key, **params)
        notes.append(Note(k, "plan.scenario." + key, params))

    for k, change in enumerate(scenario.changes):
        if change.kind != MONTHLY and change.on < today:
            notes.append(Note(k, "plan.scenario.moved_to_today", {"on": change.on, "today": today}))
    for day, _, k, change in _actions(scenario, today, last):
        if k in stopped:
            continue
        f.due_until(day)
        loan_id = change.loan_id
        if loan_id is not None:
            if loan_id not in f.replays:
                note(k, change, "unknown_loan", loan=loan_id)
                stopped.add(k)
                continue
            if f.replays[loan_id].paid_off:
                if change.kind != MONTHLY:
                    note(k, change, "paid_off", loan=loan_id, on=day)
                stopped.add(k)
                continue
        try:
            if change.kind in (PREPAY, SETTLE) or (change.kind == MONTHLY and loan_id is not None):
                room = f.payoff(loan_id, day) - f.falls_due(loan_id, day)
                amount = room if change.kind == SETTLE else change.amount
                if amount > room:
                    if change.kind == PREPAY:
                        notes.append(Note(k, "plan.scenario.capped", {"loan": loan_id, "on": day, "payoff": room}))
                    amount = room
                f.pay_extra(loan_id, amount, day, change.strategy)
            elif change.kind == MONTHLY:
                pocket = pockets.get(k, ZERO) + change.amount
                if f.open_loans():
                    pockets[k] = spend(f, pocket, day, change.order or HIGHEST_COST, change.strategy)
            else:  # REPAYMENT_DAY
                f.due_until(day, inclusive=True, loan_id=loan_id)
                replay = f.replays[loan_id]
                if replay._overdue_lines():
                    note(k, change, "repayment_day_overdue", loan=loan_id, on=day)
                    continue
                if replay.running is not None and replay.running.due_date.day == change.day:
                    note(k, change, "repayment_day_same", loan=loan_id, day=change.day)
                    continue
                replay.move_repayment_day(day, change.day)
        except InputError as err:
            if strict and day <= today:  # said of the scenario: `scenario apply` has no --on or --amount to name
                raise InputError("scenario", scenario.id, "scenario_change_refused", on=day, problem=err) from None
            notes.append(Note(k, "plan.scenario.refused", {"loan": loan_id, "on": day, "rule": err.rule, **err.params}))
    f.finish()
    unused = sum(pockets.values(), ZERO)
    if unused > 0:
        notes.append(Note(-1, "plan.scenario.unused", {"amount": unused}))
    return f, notes


def _result(
    label: str, scenario: Scenario | None, f: Forecast, notes: list[Note], reference: Totals | None,
    order: list[str], today: dt.date, last: dt.date, principal_today: Decimal,
) -> ScenarioResult:
    payments = sorted_payments(f.payments)
    t = totals(payments)
    return ScenarioResult(
        label=label,
        scenario=scenario,
        payments=tuple(payments),
        totals=t,
        saving=(reference.cost - t.cost) if reference is not None else ZERO,
        months=monthly_outgo(payments, order, today, last),
        series=forecast_series(f, label, principal_today),
        notes=tuple(notes),
    )


def compare(ledger: Ledger, today: dt.date, keys: list[str] | tuple[str, ...] = ()) -> Comparison:
    """Things as they stand and up to four scenarios (by id or name; none given: the first four), side by side.
    Nothing in the ledger changes."""
    if len(keys) > MAX_COMPARED:
        raise InputError("scenario", ",".join(keys), "scenario_compare_count", max=MAX_COMPARED)
    chosen = [find_scenario(ledger, key) for key in keys] if keys else list(ledger.scenarios[:MAX_COMPARED])
    base = Forecast.of(ledger, today)
    order = list(base.replays)
    history = actual(ledger, today)
    principal_today = history.at(today)
    current = base.fork()
    current.finish()
    played = [(s, *play(base, s, today)) for s in chosen]
    last = max([p.on for p in current.payments] + [p.on for _, f, _ in played for p in f.payments] + [today])
    now = _result(CURRENT, None, current, [], None, order, today, last, principal_today)
    return Comparison(
        today=today,
        current=now,
        scenarios=tuple(
            _result(s.id, s, f, notes, now.totals, order, today, last, principal_today) for s, f, notes in played
        ),
        actual=history,
        scheduled=scheduled(ledger),
    )


def show(ledger: Ledger, today: dt.date, key: str) -> ScenarioResult:
    """One scenario played out, against things as they stand."""
    return compare(ledger, today, [key]).scenarios[0]


# --- applying ---


@dataclass(frozen=True)
class Application:
    scenario: Scenario
    payments: tuple[Payment, ...]  # to record, in this order, each on its day (today)
    remaining: tuple[ScenarioChange, ...]  # what the scenario keeps (none: it goes)


def scenario_payments(ledger: Ledger, today: dt.date, key: str) -> Application:
    """The real payments scenario `key` stands for today, and what it keeps. InputError when a change due by
    today cannot happen (its sentence says why), one is a repayment-day move, or nothing falls today."""
    scenario = find_scenario(ledger, key)
    for change in scenario.changes:
        if change.kind == REPAYMENT_DAY and change.on <= today:
            raise InputError("scenario", scenario.id, "scenario_apply_repayment_day", loan=change.loan_id, day=change.day)
    base = Forecast.of(ledger, today)
    start = len(base.payments)
    f, _notes = play(base, scenario, today, strict=True)
    payments = tuple(p for p in f.payments[start:] if p.on <= today and p.extra > 0)
    if not payments:
        raise InputError("scenario", scenario.id, "scenario_nothing_today", first=scenario.first_day)
    remaining = []
    for change in scenario.changes:
        if change.kind == MONTHLY:
            n, day = 0, change.on
            while day <= today:
                n += 1
                day = add_months_clamped(change.on, n)
            remaining.append(change.model_copy(update={"on": day}) if n else change)
        elif change.on > today:
            remaining.append(change)
    return Application(scenario, payments, tuple(remaining))


def apply_scenario(
    ledger: Ledger, today: dt.date, key: str, *, recorded_at: dt.datetime | None = None, source: str = ""
) -> tuple[Ledger, list[Event]]:
    """Record the payments scenario `key` stands for today (each checked by replaying the loan's history, as
    any payment is) and keep what is still to come in the scenario (or remove it when nothing is)."""
    from jiebei_tui.domain.replay import record_event

    application = scenario_payments(ledger, today, key)
    new = ledger
    events = []
    for p in application.payments:
        try:
            new, event = record_event(
                new, p.loan_id, p.kind, p.on, p.amount, today, p.strategy, recorded_at=recorded_at, source=source
            )
        except InputError as err:  # (as play's, said of the scenario)
            raise InputError("scenario", application.scenario.id, "scenario_change_refused", on=p.on, problem=err) from None
        events.append(event)
    return replace_scenario(new, application.scenario, application.remaining), events
