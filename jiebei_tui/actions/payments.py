"""Payments: record one, record a confirmed auto-debit, void one, correct one, list them with where each went.

Every new entry records when (the account's clock) and from where (its source). A void or an edit never deletes:
the void is a new entry reversing the payment, an edit is that plus the corrected payment (domain/corrections.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from jiebei_tui.actions.account import Account
    from jiebei_tui.domain.ledger import Event, Ledger
    from jiebei_tui.domain.replay import Allocation, LoanState

KINDS = ("repayment", "prepayment", "settlement")


@dataclass(frozen=True)
class Paid:
    """A payment recorded: the entry and the loan's state at today after it."""

    event: Event
    state: LoanState


def _stamp(account: Account) -> dict:
    return {"recorded_at": account.now(), "source": account.source}


def _params(event: Event, **more: object) -> dict:
    return {"loan": event.loan_id, "event": event.id, "amount": event.amount, "date": event.date, **more}


def record(
    account: Account,
    loan_id: str,
    kind: str,
    amount: object,
    on: object = None,
    strategy: object = None,
    *,
    action: str,
) -> Paid:
    """Record a payment of `kind` (repayment, prepayment, settlement) after replaying the loan's history with it:
    refused (InputError, nothing written) where the rules refuse it."""
    from jiebei_tui.domain.replay import record_event
    from jiebei_tui.domain.terms import parse_amount, parse_date, parse_strategy

    value = parse_amount(amount)
    day = parse_date(on, "on") if on is not None else account.today
    chosen = parse_strategy(strategy) if strategy is not None else None
    stamp = _stamp(account)
    applied = account.change(
        lambda ledger: record_event(ledger, loan_id, kind, day, value, account.today, chosen, **stamp),
        action=action,
        params=lambda event: _params(event, **({"strategy": chosen} if chosen is not None else {})),
    )
    return Paid(applied.result, account.state(loan_id))


def pay(account: Account, loan_id: str, amount: object, on: object = None) -> Paid:
    """A repayment of `amount` on `on` (default today): penalty, overdue interest and principal, the running
    instalment, the rest prepays principal under the loan's strategy."""
    return record(account, loan_id, "repayment", amount, on, action="pay")


def pay_debited(account: Account, loan_id: str, installment: int | None = None) -> Paid:
    """The borrower says the auto-debit went through: the oldest instalment past its due date and not confirmed
    is recorded as repaid on its due date, for the amount that was due then (domain/debits.py). `installment`,
    when given (the one a question named), must be that one."""
    from jiebei_tui.domain.debits import record_debit

    stamp = _stamp(account)
    applied = account.change(
        lambda ledger: record_debit(ledger, loan_id, account.today, installment, **stamp),
        action="pay.debited",
        params=lambda event: _params(event),
    )
    return Paid(applied.result, account.state(loan_id))


def preview_payment(account: Account, loan_id: str, amount: object, on: object = None) -> Allocation:
    """Where a repayment of `amount` on `on` (default today) would go, checked against the loan's whole history
    as recording it would check it (InputError if refused). Nothing is written: the pay dialog's check."""
    from jiebei_tui.domain.corrections import replay_history
    from jiebei_tui.domain.replay import record_event
    from jiebei_tui.domain.terms import parse_amount, parse_date

    value = parse_amount(amount)
    day = parse_date(on, "on") if on is not None else account.today
    new, event = record_event(account.ledger, loan_id, "repayment", day, value, account.today)
    return replay_history(new, loan_id, event.id)[1]


# --- corrections ---


@dataclass(frozen=True)
class Voided:
    payment: Event
    void: Event
    state: LoanState


def void(account: Account, event_id: str, reason: object = None) -> Voided:
    """Void payment `event_id`: a new entry reversing it (history keeps both). Refused when the payment is
    unknown, is itself a void, was voided already, or a later payment would no longer fit without it."""
    from jiebei_tui.domain.corrections import void_event

    stamp = _stamp(account)

    def change(ledger: Ledger):
        new, entry = void_event(ledger, event_id, reason=reason, **stamp)
        return new, (ledger.event(event_id), entry)

    applied = account.change(
        change,
        action="payments.void",
        params=lambda result: _params(result[0], void=result[1].id, reason=result[1].reason),
    )
    payment, entry = applied.result
    return Voided(payment, entry, account.state(payment.loan_id))


@dataclass(frozen=True)
class Edited:
    """`replacement` is the corrected payment (None when nothing changed: nothing was written)."""

    payment: Event
    replacement: Event | None
    state: LoanState


def edit(account: Account, event_id: str, *, amount: object = None, on: object = None, reason: object = None) -> Edited:
    """Correct payment `event_id`'s amount and/or date: recorded as a void of it and the corrected payment in
    its place. Refused as a new payment would be, or when another payment no longer fits."""
    from jiebei_tui.domain.corrections import edit_event

    stamp = _stamp(account)

    def change(ledger: Ledger):
        new, entry = edit_event(ledger, event_id, amount=amount, on=on, today=account.today, reason=reason, **stamp)
        return new, (ledger.event(event_id), entry)

    def params(result) -> dict:
        old, new = result
        return {"loan": old.loan_id, "event": old.id, "replacement": new.id, "amount": new.amount, "date": new.date,
                "was_amount": old.amount, "was_date": old.date}

    applied = account.change(change, action="payments.edit", params=params)
    payment, entry = applied.result
    return Edited(payment, entry if applied.written else None, account.state(payment.loan_id))


@dataclass(frozen=True)
class Correction:
    """What voiding or correcting a payment would do, before anything is recorded: the payment, the entry it
    would add (the void, or the corrected payment; None when the correction changes nothing), and the loan at
    today as it stands and as it would stand."""

    payment: Event
    entry: Event | None
    before: LoanState
    after: LoanState


def preview_void(account: Account, event_id: str, reason: object = None) -> Correction:
    """What `void` would do (refused as it would be: InputError). Nothing is written."""
    from jiebei_tui.domain.corrections import void_event
    from jiebei_tui.domain.replay import loan_state

    ledger = account.ledger
    new, entry = void_event(ledger, event_id, reason=reason, **_stamp(account))
    payment = ledger.event(event_id)
    return Correction(payment, entry, account.state(payment.loan_id), loan_state(new, payment.loan_id, account.today))


def preview_edit(account: Account, event_id: str, *, amount: object = None, on: object = None,
                 reason: object = None) -> Correction:
    """What `edit` would do (refused as it would be: InputError). Nothing is written."""
    from jiebei_tui.domain.corrections import edit_event
    from jiebei_tui.domain.replay import loan_state

    ledger = account.ledger
    new, entry = edit_event(ledger, event_id, amount=amount, on=on, today=account.today, reason=reason,
                            **_stamp(account))
    payment = ledger.event(event_id)
    after = loan_state(new, payment.loan_id, account.today) if new is not ledger else account.state(payment.loan_id)
    return Correction(payment, entry if new is not ledger else None, account.state(payment.loan_id), after)


# --- the list ---


@dataclass(frozen=True)
class Split:
    """Where a payment went (the replay's allocation): penalty, interest (overdue and running), principal (overdue
    and the running instalment's own), principal prepaid beyond it, prepayment fee."""

    penalty: Decimal
    interest: Decimal
    principal: Decimal
    prepaid: Decimal
    fee: Decimal


@dataclass(frozen=True)
class PaymentRow:
    """One payment as the list shows it. `status`: active (it counts), voided (reversed), or replaced (reversed
    by an edit; `replaced_by` is the corrected payment). `reason`: why it was voided or replaced. `split` is None
    for a payment that does not count (or that no longer fits the loan's history: a hand-edited file)."""

    event: Event
    status: str
    voided_by: str | None
    replaced_by: str | None
    reason: str | None
    split: Split | None


def payments(account: Account, loan_id: str | None = None, field: str = "loan") -> list[PaymentRow]:
    """Every payment (of one loan, or all), in the order they happened, with where each went."""
    from jiebei_tui.domain.corrections import payments_of
    from jiebei_tui.domain.ledger import effective_terms
    from jiebei_tui.domain.replay import LoanReplay

    ledger = account.ledger
    if loan_id is not None:
        loan_id = ledger.loan(loan_id, field).id
    replaced_by = {e.replaces: e.id for e in ledger.events if e.replaces}
    splits: dict[str, Split] = {}
    standing = ledger.payments_by_loan()
    for record in ledger.loans if loan_id is None else [ledger.loan(loan_id)]:
        replay = LoanReplay.run(record.loan, effective_terms(ledger, record.id), standing.get(record.id, ()),
                                account.today, record=record, log=True)
        for event, a in replay.allocations or ():
            splits[event.id] = Split(a.penalty, a.overdue_interest + a.interest, a.overdue_principal + a.principal,
                                     a.prepaid, a.fee)
    rows = []
    for event, void in payments_of(ledger, loan_id):
        if void is None:
            status = "active"
        else:
            status = "replaced" if event.id in replaced_by else "voided"
        rows.append(PaymentRow(event, status, void.id if void else None, replaced_by.get(event.id),
                               void.reason if void else None, splits.get(event.id)))
    return rows
