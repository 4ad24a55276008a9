"""When reminders fire, and what they say — pure: the time zone comes in as a tzinfo, "now" as an argument.

An occurrence is one reminder for one instalment of one loan (and, for a daily repeat, one day). Its id is stable
(rule, loan, instalment, day), so the sent record can say it was delivered whatever the quiet hours do to its
time. Occurrences exist only for instalments still unpaid when they fire: paying cancels the rest.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from jiebei_tui.domain.money import ZERO
from jiebei_tui.domain.overdue import overdue_cost
from jiebei_tui.domain.reminder_settings import parse_time

if TYPE_CHECKING:
    from jiebei_tui.domain.product_terms import ProductTerms
    from jiebei_tui.domain.reminder_settings import ReminderRule, ReminderSettings
    from jiebei_tui.domain.replay import InstallmentState, LoanState

ONE_DAY = dt.timedelta(days=1)


# slotted, not frozen: built by the ten thousand per run and a frozen __init__ costs 4×; never changed once built
@dataclass(slots=True)
class Occurrence:
    id: str
    rule_id: str
    loan_id: str
    loan_name: str
    installment: int
    due_date: dt.date
    fire_at: dt.datetime  # aware, in the reminder time zone
    offset_days: int
    amount: Decimal  # what is owed on that instalment (before the due date) or to clear it (after)
    days_overdue: int
    penalty_per_day: Decimal
    auto_debit: bool
    account: str

    @property
    def kind(self) -> str:
        """before, due (the due day) or overdue."""
        return "before" if self.offset_days < 0 else "due" if self.days_overdue == 0 else "overdue"

    @property
    def urgent(self) -> bool:
        return self.kind != "before"


def quiet_window(settings: ReminderSettings) -> tuple[dt.time, dt.time] | None:
    if not settings.quiet_hours or settings.quiet_start == settings.quiet_end:
        return None
    return parse_time(settings.quiet_start), parse_time(settings.quiet_end)


def in_quiet_hours(at: dt.time, settings: ReminderSettings, window: tuple | None | bool = False) -> bool:
    quiet = quiet_window(settings) if window is False else window
    if quiet is None:
        return False
    start, end = quiet
    if start < end:  # e.g. 13:00–14:00
        return start <= at < end
    return at >= start or at < end  # over midnight, e.g. 22:00–08:00


def fire_time(
    day: dt.date, at: dt.time, settings: ReminderSettings, tz: dt.tzinfo, window: tuple | None | bool = False
) -> dt.datetime:
    """The local time a reminder fires: the rule's time on its day, moved to the end of the quiet hours.
    (`window` is the parsed quiet hours, when the caller has them already.)"""
    quiet = quiet_window(settings) if window is False else window
    if quiet is not None and in_quiet_hours(at, settings, quiet):
        end = quiet[1]
        if at >= end:  # evening part of an over-midnight window: the end is tomorrow morning
            day += ONE_DAY
        at = end
    return _local(day, at, tz)


def _local(day: dt.date, at: dt.time, tz: dt.tzinfo) -> dt.datetime:
    """A wall-clock time in tz; a time skipped by a clock change resolves forward (fold handles repeats)."""
    return dt.datetime.combine(day, at, tzinfo=tz)


def occurrences(
    states: list[LoanState],
    settings: ReminderSettings,
    terms: ProductTerms,
    tz: dt.tzinfo,
    start: dt.datetime,
    end: dt.datetime,
) -> list[Occurrence]:
    """Every occurrence firing in [start, end], in time order, for instalments unpaid at their fire time."""
    out: list[Occurrence] = []
    first_day = start.astimezone(tz).date() - dt.timedelta(days=2)  # a quiet-hours shift can cross midnight
    last_day = end.astimezone(tz).date()
    window = quiet_window(settings)
    rules = [(rule, rule.at, dt.timedelta(days=rule.offset_days)) for rule in settings.rules if rule.enabled]
    fires: dict[tuple[dt.date, dt.time], tuple[dt.datetime, bool]] = {}  # a thousand loans share a few days

    def fire(day: dt.date, at: dt.time) -> tuple[dt.datetime, bool]:
        """The fire time of a rule's time on a day, and whether it falls in [start, end]."""
        key = (day, at)
        found = fires.get(key)
        if found is None:
            when = fire_time(day, at, settings, tz, window)
            found = fires[key] = (when, start <= when <= end)
        return found

    for state in states:
        for rule, rule_at, offset in rules:
            if not rule.applies_to(state.record.id):
                continue
            for inst in state.installments:
                if inst.settled:
                    continue
                day = inst.due_date + offset
                if day > last_day:
                    continue
                if rule.repeat_daily:
                    day = max(day, first_day)
                elif day < first_day:
                    continue
                while day <= last_day:
                    if inst.paid_on is not None and inst.paid_on <= day:
                        break  # paid by then: this and every later repeat are cancelled
                    at, inside = fire(day, rule_at)
                    if inside:
                        out.append(_occurrence(rule, state, inst, day, at, terms))
                    if not rule.repeat_daily:
                        break
                    day += ONE_DAY
    out.sort(key=lambda o: (o.fire_at, o.loan_id, o.installment, o.rule_id))
    return out


def _occurrence(
    rule: ReminderRule, state: LoanState, inst: InstallmentState, day: dt.date, at: dt.datetime, terms: ProductTerms
) -> Occurrence:
    late = max((day - inst.due_date).days, 0)
    unpaid_p, unpaid_i = inst.unpaid_principal, inst.unpaid_interest
    if late:
        cost = overdue_cost(inst.no, inst.due_date, unpaid_p, unpaid_i, state.record.daily_rate, late, terms)
        amount, per_day = cost.amount_to_clear, cost.daily_cost
    else:
        amount, per_day = unpaid_p + unpaid_i, ZERO
    day_key = f":{day.isoformat()}" if rule.repeat_daily else ""
    return Occurrence(
        id=f"{rule.id}:{state.record.id}:{inst.no}{day_key}",
        rule_id=rule.id,
        loan_id=state.record.id,
        loan_name=state.record.name,
        installment=inst.no,
        due_date=inst.due_date,
        fire_at=at,
        offset_days=(day - inst.due_date).days,
        amount=amount,
        days_overdue=late,
        penalty_per_day=per_day,
        auto_debit=state.record.auto_debit,
        account=state.record.funding_account,
    )


@dataclass(frozen=True)
class Claim:
    """What one run takes for delivery: occurrences to deliver now, and how many were missed (older than the
    catch-up window: summarised in one line, not fired one by one)."""

    deliver: list[Occurrence]
    missed: int


def claim(
    states: list[LoanState],
    settings: ReminderSettings,
    terms: ProductTerms,
    tz: dt.tzinfo,
    now: dt.datetime,
) -> tuple[Claim, ReminderSettings]:
    """The occurrences due by `now` that were not sent, and the settings with them recorded as sent. The store
    applies this inside its locked transaction, so two programs never claim the same occurrence."""
    window = dt.timedelta(days=settings.catch_up_days)
    since = settings.last_run if settings.last_run is not None else now - window
    due = [o for o in occurrences(states, settings, terms, tz, min(since, now - window), now) if o.id not in settings.sent]
    recent = [o for o in due if o.fire_at >= now - window]
    missed = len(due) - len(recent)
    keep_after = now - dt.timedelta(days=90)  # older entries can no longer fire: forget them
    sent = {k: v for k, v in settings.sent.items() if v >= keep_after}
    sent.update({o.id: o.fire_at for o in due})
    return Claim(recent, missed), settings.model_copy(update={"sent": sent, "last_run": now})
