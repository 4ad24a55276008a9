"""Correcting the record: void a payment, edit one, edit a loan's contract terms. Each is a pure function that
returns a new ledger (or raises InputError, changing nothing), checked by replaying the loan's whole history:
a change after which a recorded payment no longer fits is refused with a sentence naming the first such payment.

Nothing is deleted: a void is a new entry reversing a payment (history keeps both), and an edit is a void plus
the corrected payment, which names the one it replaces and takes its place among the day's payments.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from jiebei_tui.domain.errors import InputError
from jiebei_tui.domain.free_text import clean_text
from jiebei_tui.domain.ledger import (
    MAX_REASON,
    Event,
    Ledger,
    LoanRecord,
    append_event,
    append_void,
    effective_terms,
)
from jiebei_tui.domain.replay import Allocation, LoanReplay, LoanState, loan_state
from jiebei_tui.domain.schedule import Installment, build_schedule
from jiebei_tui.domain.terms import (
    parse_amount,
    parse_date,
    parse_daily_rate,
    parse_method,
    parse_principal,
    parse_repayment_day,
    parse_term,
)


def replay_history(ledger: Ledger, loan_id: str, watch: str | None = None) -> tuple[list[tuple[Event, InputError]], Allocation | None]:
    """Replay every payment of a loan that stands: the ones that do not fit (each with the rule it breaks), and
    where the payment `watch` went."""
    record = ledger.loan(loan_id)
    replay = LoanReplay(record.loan, effective_terms(ledger, loan_id), record)
    problems: list[tuple[Event, InputError]] = []
    watched = None
    for event in ledger.payments_by_loan().get(loan_id, ()):
        try:
            allocation = replay.apply(event)
        except InputError as err:
            problems.append((event, err))
            continue
        if event.id == watch:
            watched = allocation
    return problems, watched


def check_history(
    before: Ledger,
    after: Ledger,
    loan_id: str,
    field: str,
    value: object,
    new_event: Event | None = None,
) -> Allocation | None:
    """Refuse a change after which a payment of the loan no longer fits: InputError(field, value,
    "history_conflict") naming the first such payment and why (a payment that did not fit before the change is
    not held against it). The new payment's own refusal is raised as it is. A new settlement must close the
    loan. Returns where the new payment went."""
    problems, watched = replay_history(after, loan_id, new_event.id if new_event is not None else None)
    if problems:
        known = {e.id for e, _ in replay_history(before, loan_id)[0]} if any(r.id == loan_id for r in before.loans) else set()
        for event, err in problems:
            if event.id in known:
                continue
            if new_event is not None and event.id == new_event.id:
                raise err
            raise InputError(
                field, value, "history_conflict", event=event.id, amount=event.amount, date=event.date, problem=err
            )
    if new_event is not None and new_event.kind == "settlement" and watched is not None and not watched.closed:
        raise InputError("amount", str(new_event.amount), "settle_amount", payoff=watched.payoff)
    return watched


def _payment(ledger: Ledger, event_id: str, field: str = "id") -> Event:
    event = ledger.event(event_id, field)
    if event.kind == "void":
        raise InputError(field, event_id, "void_not_payment", voids=event.voids)
    by = ledger.voided_by().get(event_id)
    if by is not None:
        raise InputError(field, event_id, "already_voided", by=by.id)
    return event


def clean_reason(reason: object) -> str | None:
    """A void's or an edit's reason as typed: at most MAX_REASON characters, no control characters or direction
    overrides (the command line's door refused them, the domain did not: a form could pass them)."""
    if reason is None:
        return None
    return clean_text(reason, "reason", MAX_REASON, required=False, rule="reason") or None


def void_event(
    ledger: Ledger,
    event_id: str,
    *,
    reason: object = None,
    recorded_at: dt.datetime | None = None,
    source: str = "",
) -> tuple[Ledger, Event]:
    """Void payment `event_id`: a new entry that reverses it (history keeps both). Refused when the payment is
    unknown, is itself a void, was voided already, or a later payment would no longer fit without it. A
    restructure recorded by mistake is voided the same way."""
    payment = _payment(ledger, event_id)
    new, void = append_void(ledger, payment, reason=clean_reason(reason), recorded_at=recorded_at, source=source)
    check_history(ledger, new, payment.loan_id, "id", event_id)
    return new, void


def edit_event(
    ledger: Ledger,
    event_id: str,
    *,
    amount: object = None,
    on: object = None,
    today: dt.date,
    reason: object = None,
    recorded_at: dt.datetime | None = None,
    source: str = "",
) -> tuple[Ledger, Event]:
    """Correct payment `event_id`'s amount and/or date: recorded as a void of it plus the corrected payment (which
    names it in `replaces`). Returns the new ledger and the corrected payment, or the ledger itself and the
    payment when nothing changes. Refused as a new payment would be, or when a payment no longer fits."""
    payment = _payment(ledger, event_id)
    if payment.kind == "restructure":  # its figures come from the history: void it and record the agreement again
        raise InputError("id", event_id, "restructure_not_edited")
    new_amount = parse_amount(amount) if amount is not None else payment.amount
    new_on = parse_date(on, "on") if on is not None else payment.date
    if new_amount == payment.amount and new_on == payment.date:
        return ledger, payment
    field, value = ("amount", amount) if amount is not None and new_amount != payment.amount else ("on", on)
    new, _ = append_void(ledger, payment, reason=clean_reason(reason) or "edited", recorded_at=recorded_at, source=source)
    new, replacement = append_event(
        new,
        payment.loan_id,
        payment.kind,
        new_on,
        new_amount,
        today,
        payment.strategy,
        recorded_at=recorded_at,
        source=source,
        replaces=payment.id,
        auto_debit=payment.auto_debit,
    )
    check_history(ledger, new, payment.loan_id, field, value)
    return new, replacement


KEEP = object()  # edit_loan: leave this field as it is


@dataclass(frozen=True)
class LoanEdit:
    """What editing a loan changes, before it is saved: `ledger` is the ledger with the change (the very ledger
    given when nothing changes)."""

    ledger: Ledger
    record_before: LoanRecord
    record_after: LoanRecord
    changes: tuple[tuple[str, object, object], ...]  # (field, before, after)
    schedule_before: tuple[Installment, ...]  # the contract schedule
    schedule_after: tuple[Installment, ...]
    state_before: LoanState  # on `today`, with every payment replayed
    state_after: LoanState


def edit_loan(
    ledger: Ledger,
    loan_id: str,
    *,
    today: dt.date,
    principal: object = None,
    daily_rate: object = None,
    term: object = None,
    method: object = None,
    start: object = None,
    repayment_day: object = KEEP,
) -> LoanEdit:
    """Change a loan's contract terms (each value checked as typed; `repayment_day` None or "" derives the day
    from the drawdown again). Every payment is replayed under the new terms: refused, naming the first payment
    that no longer fits."""
    record = ledger.loan(loan_id, "id")
    given: dict[str, object] = {}
    if principal is not None:
        given["principal"] = (parse_principal(principal), principal)
    if daily_rate is not None:
        given["daily_rate"] = (parse_daily_rate(daily_rate), daily_rate)
    if term is not None:
        given["term"] = (parse_term(term), term)
    if method is not None:
        given["method"] = (parse_method(method), method)
    if start is not None:
        given["start"] = (parse_date(start, "start"), start)
    if repayment_day is not KEEP:
        given["repayment_day"] = (parse_repayment_day(repayment_day), repayment_day)
    changed = {name: value for name, (value, _) in given.items() if getattr(record, name) != value}
    before_state = loan_state(ledger, loan_id, today)
    contract = tuple(build_schedule(record.loan).installments)
    if not changed:
        return LoanEdit(ledger, record, record, (), contract, contract, before_state, before_state)
    new_record = record.model_copy(update=changed)
    new = ledger.model_copy(update={"loans": [new_record if r.id == loan_id else r for r in ledger.loans]})
    first = next(iter(changed))
    check_history(ledger, new, loan_id, first, given[first][1])
    return LoanEdit(
        ledger=new,
        record_before=record,
        record_after=new_record,
        changes=tuple((name, getattr(record, name), value) for name, value in changed.items()),
        schedule_before=contract,
        schedule_after=tuple(build_schedule(new_record.loan).installments),
        state_before=before_state,
        state_after=loan_state(new, loan_id, today),
    )


def payments_of(ledger: Ledger, loan_id: str | None = None) -> list[tuple[Event, Event | None]]:
    """Every payment (of one loan, or all), in the order they happened, each with the void that reverses it
    (None while it stands): what a payments list shows. (Restructures are not payments: restructure.py.)"""
    voided = ledger.voided_by()
    grouped = ledger.events_by_loan()
    ids = [loan_id] if loan_id is not None else [r.id for r in ledger.loans]
    return [(e, voided.get(e.id)) for lid in ids for e in grouped.get(lid, ()) if e.is_payment]
