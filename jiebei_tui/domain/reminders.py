"""When reminders fire, and what they say — pure: the time zone comes in as a tzinfo, "now" as an argument.

An occurrence is one reminder for one instalment of one loan (and, for a daily repeat, one day). Its id is stable
(rule, loan, instalment, day). Occurrences exist only for instalments still unpaid when they fire: paying
cancels the rest.

A promise to pay made to a collector (contacts.py) is one more occurrence, once, on the promised date at the
due-day rule's time (09:00 without one): its id is the contact's ("P:C3"), so it is delivered once like any
other, and it goes when the promise is kept or the loan paid off.

Quiet hours move a reminder to their end, and say so (`moved`). A reminder before the due date that this would
carry onto the due day (a D−1 "fund your account" at 23:00 under 22:00–08:00 quiet hours) moves earlier
instead, to the last minute before the quiet hours begin on its own day: it must arrive before the debit.

Delivery is at least once, never lost: a run claims what is due (in flight, with its owner), delivers, then
releases the claim; a claim whose owner died is taken and delivered again by the next run.

What a run delivers is true when it is delivered (`current`): its figures are the loan's at today (what to pay
today, days late, the penalty a day: the same as the banner and `status`), never those of the day it was due to
fire. A run delivers at most one reminder per loan about what to pay now (due today or overdue) and one per
coming instalment: it stands in for the others of the same loan due by now, which are not sent one by one (those
due on an earlier day are counted with the missed ones). A catch-up after time away, or after a back-dated change
(a payment voided, a loan added already late), so says one current reminder per loan, not one per day it missed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from jiebei_tui.domain.money import ZERO
from jiebei_tui.domain.overdue import overdue_cost
from jiebei_tui.domain.reminder_settings import InFlight, parse_time

if TYPE_CHECKING:
    from jiebei_tui.domain.contacts import Promise
    from jiebei_tui.domain.product_terms import ProductTerms
    from jiebei_tui.domain.reminder_settings import Owner, ReminderRule, ReminderSettings
    from jiebei_tui.domain.replay import InstallmentState, LoanState

ONE_DAY = dt.timedelta(days=1)
ONE_MINUTE = dt.timedelta(minutes=1)
LATER, NEXT_DAY, EARLIER = "later", "next_day", "earlier"  # how quiet hours moved a reminder


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
    rule_at: dt.datetime  # the rule's own time on its day (fire_at unless quiet hours moved it)
    moved: str | None  # None, LATER, NEXT_DAY (to the end of quiet hours) or EARLIER (kept before the due day)
    offset_days: int
    amount: Decimal  # what is owed on that instalment (before the due date) or to clear it (after)
    days_overdue: int
    penalty_per_day: Decimal
    auto_debit: bool
    account: str
    promise: str | None = None  # a promise to pay: the contact that recorded it (contacts.py)
    promised_to: str = ""  # who it was promised to

    @property
    def kind(self) -> str:
        """before, due (the due day), overdue, or promise (a promise to pay falls due that day)."""
        if self.promise is not None:
            return "promise"
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
    day: dt.date, at: dt.time, settings: ReminderSettings, tz: dt.tzinfo, window: tuple | None | bool = False,
    before: dt.date | None = None,
) -> dt.datetime:
    """The local time a reminder fires (see placement)."""
    return placement(day, at, settings, tz, window, before)[0]


def placement(
    day: dt.date, at: dt.time, settings: ReminderSettings, tz: dt.tzinfo, window: tuple | None | bool = False,
    before: dt.date | None = None,
) -> tuple[dt.datetime, str | None]:
    """When a rule's time on a day fires, and how quiet hours moved it: to their end (LATER, or NEXT_DAY when
    that is the next morning), or, for a reminder that must arrive before the date `before` (one before the due
    date) and would otherwise land on it, EARLIER: the last minute before the quiet hours begin that evening.
    (`window` is the parsed quiet hours, when the caller has them already.)"""
    quiet = quiet_window(settings) if window is False else window
    if quiet is None or not in_quiet_hours(at, settings, quiet):
        return _local(day, at, tz), None
    start, end = quiet
    if at < end:  # the morning part (or a window within one day): later the same day
        return _local(day, end, tz), LATER
    # the evening part of an over-midnight window: its end is tomorrow morning
    if before is not None and day + ONE_DAY >= before:
        return _local(day, start, tz) - ONE_MINUTE, EARLIER  # wall-clock minute before, in this zone
    return _local(day + ONE_DAY, end, tz), NEXT_DAY


def rule_placement(rule: ReminderRule, settings: ReminderSettings) -> tuple[dt.time, str | None]:
    """The time of day a rule's reminders fire, and how quiet hours move it (the same every day, so this is
    what the rules table and the saved-rule message say). A zone is not needed for a wall-clock answer."""
    day = dt.date(2001, 1, 1)  # any day: quiet hours are wall-clock times
    before = day - dt.timedelta(days=rule.offset_days) if rule.offset_days < 0 else None
    when, moved = placement(day, rule.at, settings, dt.timezone.utc, before=before)
    return when.time(), moved


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
    promises: Sequence[Promise] = (),
    priced_from: dt.datetime | None = None,
) -> list[Occurrence]:
    """Every occurrence firing in [start, end], in time order, for instalments unpaid at their fire time, and for
    `promises` (contacts.promises_to_remind) on their dates. `priced_from`: occurrences firing before it are
    only counted by the caller (claim: older than the catch-up window), so their amounts are left at zero
    rather than worked out (eight months away over a hundred loans is ninety thousand of them)."""
    out: list[Occurrence] = []
    first_day = start.astimezone(tz).date() - dt.timedelta(days=2)  # a quiet-hours shift can cross midnight
    last_day = end.astimezone(tz).date()
    window = quiet_window(settings)
    rules = [(rule, rule.at, dt.timedelta(days=rule.offset_days)) for rule in settings.rules if rule.enabled]
    fires: dict[tuple, tuple[dt.datetime, str | None, bool]] = {}  # a thousand loans share a few days

    def fire(day: dt.date, at: dt.time, before: dt.date | None) -> tuple[dt.datetime, str | None, bool]:
        """The fire time of a rule's time on a day, how quiet hours moved it, whether it falls in [start, end]."""
        key = (day, at, before)
        found = fires.get(key)
        if found is None:
            when, moved = placement(day, at, settings, tz, window, before)
            found = fires[key] = (when, moved, start <= when <= end)
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
                    at, moved, inside = fire(day, rule_at, inst.due_date if rule.offset_days < 0 else None)
                    if inside:
                        priced = priced_from is None or at >= priced_from
                        out.append(_occurrence(rule, state, inst, day, at, moved, tz, terms, priced))
                    if not rule.repeat_daily:
                        break
                    day += ONE_DAY
    for promise in promises:
        at, moved, inside = fire(promise.on, promise_time(settings, promise.loan_id), None)
        if inside:
            out.append(_promised(promise, at, moved, tz, settings))
    out.sort(key=lambda o: (o.fire_at, o.loan_id, o.installment, o.rule_id))
    return out


PROMISE_TIME = dt.time(9, 0)  # without a due-day rule (the calendar export's default too)


def promise_time(settings: ReminderSettings, loan_id: str) -> dt.time:
    """When a promise's reminder fires on its date: the due-day rule's time for that loan (the earliest, when there
    are several), else 09:00."""
    times = [r.at for r in settings.rules if r.enabled and r.offset_days == 0 and r.applies_to(loan_id)]
    return min(times, default=PROMISE_TIME)


def _promised(promise: Promise, at: dt.datetime, moved: str | None, tz: dt.tzinfo, settings: ReminderSettings) -> Occurrence:
    return Occurrence(
        id=f"P:{promise.contact_id}",
        rule_id="P",
        loan_id=promise.loan_id,
        loan_name=promise.loan_name,
        installment=0,
        due_date=promise.on,
        fire_at=at,
        rule_at=at if moved is None else _local(promise.on, promise_time(settings, promise.loan_id), tz),
        moved=moved,
        offset_days=0,
        amount=promise.amount - promise.paid,
        days_overdue=0,
        penalty_per_day=ZERO,
        auto_debit=False,
        account="",
        promise=promise.contact_id,
        promised_to=promise.to,
    )


def _occurrence(
    rule: ReminderRule, state: LoanState, inst: InstallmentState, day: dt.date, at: dt.datetime, moved: str | None,
    tz: dt.tzinfo, terms: ProductTerms, priced: bool = True,
) -> Occurrence:
    late = max((day - inst.due_date).days, 0)
    unpaid_p, unpaid_i = inst.unpaid_principal, inst.unpaid_interest
    if not priced:
        amount, per_day = ZERO, ZERO
    elif late:
        rate = state.daily_rate if state.daily_rate is not None else state.record.daily_rate  # a restructure's
        cost = overdue_cost(inst.no, inst.due_date, unpaid_p, unpaid_i, rate, late, terms)
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
        rule_at=at if moved is None else _local(day, rule.at, tz),
        moved=moved,
        offset_days=(day - inst.due_date).days,
        amount=amount,
        days_overdue=late,
        penalty_per_day=per_day,
        auto_debit=state.record.auto_debit,
        account=state.record.funding_account,
    )


def current(o: Occurrence, state: LoanState, now: dt.datetime) -> Occurrence | None:
    """The reminder `o` as it is true at today (`state`, the loan's state at today): None when its instalment has
    been paid since (paying cancels it). Overdue now: the loan's figures (the date it fell behind, its days late,
    what to pay today, the penalty a day), whichever instalment `o` was for. Due today: what to pay today. Still
    to come: the instalment's amount, counted in days from today. One that fired on an earlier day is stamped
    `now` (its figures are today's); its id stays, for the claim."""
    if o.promise is not None:
        return o  # a promise's amount is worked out at today already (contacts.promises_to_remind)
    inst = next((i for i in state.installments if i.no == o.installment), None)
    if state.paid_off or inst is None or inst.status in ("paid", "restructured"):
        return None
    today = state.today
    days = (inst.due_date - today).days
    behind = next((i for i in state.installments if i.status == "overdue"), None)
    if days > 0:  # its instalment is still to come (whatever else is late: that has its own reminder)
        update = dict(offset_days=-days, days_overdue=0, amount=inst.unpaid_principal + inst.unpaid_interest,
                      penalty_per_day=ZERO)
    elif behind is not None:  # the loan is late: what clears it today (with an instalment due today, that too)
        update = dict(due_date=behind.due_date, offset_days=(today - behind.due_date).days,
                      days_overdue=state.days_overdue, amount=state.to_pay_today()[0], penalty_per_day=state.daily_cost)
    else:  # due today (or past it and, oddly, not overdue: what to pay today all the same)
        update = dict(offset_days=0, days_overdue=0, amount=state.to_pay_today()[0], penalty_per_day=ZERO)
    if o.fire_at.date() < today:
        update.update(fire_at=now, rule_at=now, moved=None)
    return Occurrence(**{**{name: getattr(o, name) for name in Occurrence.__slots__}, **update})


def _stands_for(o: Occurrence) -> tuple:
    """What a delivered reminder speaks for: a promise; what to pay now on a loan; one coming instalment."""
    if o.promise is not None:
        return ("promise", o.id)
    return (o.loan_id, "before", o.installment) if o.kind == "before" else (o.loan_id, "now")


def to_deliver(
    due: Sequence[Occurrence], states: Sequence[LoanState], now: dt.datetime,
) -> tuple[list[Occurrence], list[Occurrence]]:
    """Of the reminders due by now, what to deliver (each `current`: one per loan about what to pay now, one per
    coming instalment, the latest due of each) and those of the others due on an earlier day (counted as missed;
    those of today are the same reminder, folded into it). Those paid since go, uncounted."""
    by_loan = {s.record.id: s for s in states}
    today = states[0].today if states else now.date()
    chosen: dict[tuple, tuple[Occurrence, Occurrence]] = {}  # stands for → (as due, as delivered)
    kept: list[tuple[Occurrence, Occurrence]] = []
    for o in due:
        state = by_loan.get(o.loan_id)
        now_o = current(o, state, now) if state is not None else None
        if now_o is not None:
            kept.append((o, now_o))
    for o, now_o in kept:
        key = _stands_for(now_o)
        best = chosen.get(key)
        if best is None or (o.fire_at, -o.installment) > (best[0].fire_at, -best[0].installment):
            chosen[key] = (o, now_o)
    delivered = {id(pair[1]) for pair in chosen.values()}
    older = [o for o, now_o in kept if id(now_o) not in delivered and o.fire_at.date() < today]
    out = [pair[1] for pair in sorted(chosen.values(), key=lambda p: (p[0].fire_at, p[0].loan_id, p[0].installment, p[0].rule_id))]
    return out, older


def as_delivered(
    found: Sequence[Occurrence], state_on: Callable[[str, dt.date], LoanState | None],
) -> list[Occurrence]:
    """A preview of `found` (occurrences to come, in time order) as delivery will word and price them: for each
    moment, what a run then delivers (`to_deliver`, with each loan's state on that day from `state_on(loan id,
    day)`, no payment assumed). A loan late then gets one reminder about paying now, at the whole amount that
    clears it (the banner's), not one per overdue instalment; one still to come keeps its instalment's figure."""
    out: list[Occurrence] = []
    k = 0
    while k < len(found):
        at = found[k].fire_at
        end = k
        while end < len(found) and found[end].fire_at == at:
            end += 1
        group = found[k:end]
        day = at.date()  # fire_at is local to the reminders' zone
        loans = dict.fromkeys(o.loan_id for o in group)
        states = [s for s in (state_on(loan, day) for loan in loans) if s is not None]
        out.extend(to_deliver(group, states, at)[0])
        k = end
    return out


@dataclass(frozen=True)
class Claim:
    """What one run takes for delivery: occurrences to deliver now (each `current`), how many were missed (older
    than the catch-up window, or due on an earlier day and stood in for by one delivered now: summarised in one
    line, not fired one by one), and the token of the claim in flight (None
    when nothing was claimed) that `release` marks as delivered. The line says what `missed` counts in words that
    stay meaningful after years away (occurrences: rules × instalments × days, tens of thousands): the loans they
    were for (`missed_loans`, ids) and the day the oldest was due (`missed_since`, local)."""

    deliver: list[Occurrence]
    missed: int
    token: str | None = None
    missed_loans: tuple[str, ...] = ()
    missed_since: dt.date | None = None


def loan_number(loan_id: str) -> int:
    return int(loan_id[1:])


def done(o: Occurrence, settings: ReminderSettings) -> bool:
    """Delivered (or counted as missed) already: at or before the high-water mark, for a loan it covers."""
    last = settings.last_run
    return last is not None and o.fire_at <= last and loan_number(o.loan_id) <= settings.last_run_loan


def claim(
    states: list[LoanState],
    settings: ReminderSettings,
    terms: ProductTerms,
    tz: dt.tzinfo,
    now: dt.datetime,
    owner: Owner,
    token: str = "0" * 8,
    alive: Callable[[Owner], bool] = lambda owner: True,
    promises: Sequence[Promise] = (),
) -> tuple[Claim, ReminderSettings]:
    """The occurrences due by `now` not yet delivered, and the settings with them claimed (in flight, held by
    `owner` under `token`) and the high-water mark moved to `now`. The store applies this inside its locked
    transaction, so two runs never claim the same occurrence. Claims whose owner is no longer `alive` (or that
    were given up) are taken over: their occurrences are delivered again, so a run killed between claiming and
    delivering loses nothing. When nothing is due and nothing is taken over, the settings come back unchanged
    (the same object: nothing to write)."""
    window = dt.timedelta(days=settings.catch_up_days)
    recent_from = now - window
    covered = settings.last_run_loan if settings.last_run is not None else 0
    last = settings.last_run if settings.last_run is not None else now
    orphans = [c for c in settings.in_flight if c.owner is None or not alive(c.owner)]
    # how far back to look: to the mark (a run every 15 minutes looks at 15 minutes, not the whole window), to
    # the window's start only when a loan is new to the mark, and to the oldest claim taken over
    new_loans = any(loan_number(s.record.id) > covered for s in states)
    look_from = min(last, recent_from if new_loans else last, *(c.first for c in orphans))
    # no amounts worked out here: those older than the window are only counted (missed), and what is delivered
    # says today's figures (to_deliver)
    unpriced = now + ONE_DAY
    found = occurrences(states, settings, terms, tz, look_from, now, promises, priced_from=unpriced) if states else []
    taken = {oid for c in orphans for oid in c.occurrences}
    held = {oid for c in settings.in_flight if c not in orphans for oid in c.occurrences}
    due = []
    for o in found:
        if o.id in held:
            continue  # a live run has it
        if o.id in taken:
            due.append(o)  # claimed by a run that died: deliver it again
        elif loan_number(o.loan_id) <= covered:
            if o.fire_at > last:
                due.append(o)
        elif o.fire_at >= recent_from:  # a loan added since the last run: only what is within the window
            due.append(o)
    recent = [o for o in due if o.fire_at >= recent_from]
    missed = [o for o in due if o.fire_at < recent_from]
    if not due and not orphans:
        return Claim([], 0), settings
    in_flight = [c for c in settings.in_flight if c not in orphans]
    if recent:
        in_flight.append(InFlight(
            token=token, owner=owner, claimed_at=now, first=min(o.fire_at for o in recent),
            occurrences=[o.id for o in recent],
        ))
    loans = [loan_number(s.record.id) for s in states]
    update = {
        "in_flight": in_flight,
        "last_run": max(now, settings.last_run) if settings.last_run is not None else now,
        "last_run_loan": max([settings.last_run_loan, *loans]),
    }
    deliver, older = to_deliver(recent, states, now)
    missed += older
    loans = tuple(sorted({o.loan_id for o in missed}, key=loan_number))
    since = min((o.fire_at.astimezone(tz).date() for o in missed), default=None)
    claimed = Claim(deliver, len(missed), token if recent else None, loans, since)
    return claimed, settings.model_copy(update=update)


def release(settings: ReminderSettings, token: str | None, delivered: bool = True) -> ReminderSettings:
    """The run holding `token` is done: delivered (the claim goes: its occurrences are sent), or not (it gives
    the claim up, so the next run delivers them). The same settings object when there is nothing to change."""
    if token is None or not any(c.token == token for c in settings.in_flight):
        return settings  # nothing claimed, or a later run already took it over
    if delivered:
        in_flight = [c for c in settings.in_flight if c.token != token]
    else:
        in_flight = [c.model_copy(update={"owner": None}) if c.token == token else c for c in settings.in_flight]
    return settings.model_copy(update={"in_flight": in_flight})
