"""Loans in the ledger: add (already part-repaid, if so), rename, remove, edit the contract terms (previewed, then
applied), and the auto-debit setting."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from jiebei_tui.actions.account import Account
    from jiebei_tui.domain.corrections import LoanEdit
    from jiebei_tui.domain.ledger import Ledger, LoanRecord
    from jiebei_tui.domain.replay import LoanState

AUTO_DAY = "auto"  # loans edit --repayment-day auto: the day comes from the drawdown again


def loans(account: Account) -> list[LoanRecord]:
    return list(account.ledger.loans)


@dataclass(frozen=True)
class Added:
    """`replaced_demo`: the ledger held only the demo loans, which this first own loan replaced."""

    record: LoanRecord
    state: LoanState
    replaced_demo: bool
    paid_through: int


def add_loan(account: Account, name: object, *, paid_through: object = 0, **contract: object) -> Added:
    """A new loan with the next free id; `contract`: principal, daily_rate, term, method, start and optionally
    repayment_day, as typed (domain/terms.py make_loan checks each). `paid_through` K (a loan already
    part-repaid): instalments 1..K are recorded as repaid on their due dates, each exactly what it owed then."""
    from jiebei_tui.domain.ledger import add_loan as added
    from jiebei_tui.domain.terms import make_loan

    loan = make_loan(**contract)
    stamp = {"recorded_at": account.now(), "source": account.source}

    def change(ledger: Ledger):
        new, loan_id = added(ledger, name, loan, paid_through=paid_through, today=account.today, **stamp)
        return new, (new.loan(loan_id), ledger.demo, len(new.events_of(loan_id)))

    def params(result) -> dict:
        record, _, count = result
        return {"id": record.id, "name": record.name, **({"paid_through": count} if count else {})}

    applied = account.change(change, action="loans.add", params=params)
    record, was_demo, count = applied.result
    return Added(record, account.state(record.id), was_demo, count)


def preview_add_loan(account: Account, name: object, *, paid_through: object = 0, **contract: object) -> Added:
    """What `add_loan` would record (refused as it would be: InputError naming the field), and the new loan's
    state at today: the add form's check. Nothing is written."""
    from jiebei_tui.domain.ledger import add_loan as added
    from jiebei_tui.domain.replay import loan_state
    from jiebei_tui.domain.terms import make_loan

    loan = make_loan(**contract)
    ledger = account.ledger
    new, loan_id = added(ledger, name, loan, paid_through=paid_through, today=account.today)
    return Added(new.loan(loan_id), loan_state(new, loan_id, account.today), ledger.demo, len(new.events_of(loan_id)))


@dataclass(frozen=True)
class Renamed:
    record: LoanRecord
    changed: bool


def rename_loan(account: Account, loan_id: str, name: object) -> Renamed:
    from jiebei_tui.domain.ledger import rename_loan as renamed

    applied = account.change(
        lambda ledger: (new := renamed(ledger, loan_id, name), new.loan(loan_id)),
        action="loans.rename",
        params=lambda record: {"id": record.id, "name": record.name},
    )
    return Renamed(applied.result, applied.written)


@dataclass(frozen=True)
class Removed:
    record: LoanRecord
    payments: int  # its payments removed with it (as its payments table lists them: not the voids' own entries)
    rules: tuple[str, ...] = ()  # the reminder rules that were for it alone, removed with it
    contacts: int = 0  # the collection contacts recorded for it, removed with it


def _removal(ledger: Ledger, loan_id: str, field: str) -> tuple[Ledger, Removed]:
    from jiebei_tui.domain.ledger import remove_loan as removed

    record = ledger.loan(loan_id, field)
    new = removed(ledger, record.id)
    kept = {rule.id for rule in new.settings.reminders.rules}
    gone = tuple(rule.id for rule in ledger.settings.reminders.rules if rule.id not in kept)
    payments = sum(1 for event in ledger.events_of(record.id) if event.kind != "void")
    contacts = sum(1 for contact in ledger.contacts if contact.loan_id == record.id)
    return new, Removed(record, payments, gone, contacts)


def remove_loan(account: Account, loan_id: str, field: str = "id") -> Removed:
    """Remove a loan and its payments, its contacts, the scenario changes naming it and its place in the reminder
    rules (a rule for it alone goes), in one transaction (undo brings them all back)."""
    applied = account.change(
        lambda ledger: _removal(ledger, loan_id, field), action="loans.remove",
        params=lambda result: {"id": result.record.id, "name": result.record.name, "payments": result.payments},
    )
    return applied.result


def removing_takes(account: Account, loan_id: str, field: str = "id") -> Removed:
    """What removing the loan would take with it (its entries, the reminder rules for it alone), nothing
    written: for the confirmation."""
    return _removal(account.ledger, loan_id, field)[1]


# --- editing a loan's contract terms ---


EDITABLE = ("principal", "daily_rate", "term", "method", "start", "repayment_day")


def _edit_fields(given: dict) -> dict:
    from jiebei_tui.domain.corrections import KEEP

    unknown = set(given) - set(EDITABLE)
    if unknown:
        raise TypeError(f"not a loan's contract term: {', '.join(sorted(unknown))}")
    fields = {name: value for name, value in given.items() if value is not None and name != "repayment_day"}
    day = given.get("repayment_day")
    fields["repayment_day"] = KEEP if day is None else "" if day == AUTO_DAY else day
    return fields


def preview_loan_edit(account: Account, loan_id: str, **given: object) -> LoanEdit:
    """What changing a loan's contract terms (principal, daily_rate, term, method, start, repayment_day, as
    typed; None keeps one) does, before anything is saved: the fields changed, the contract schedule and the
    state at today before and after, every payment replayed under the new terms. Refused (InputError naming
    the first payment that no longer fits) as applying it would be. `repayment_day` "auto" takes the day from
    the drawdown again."""
    from jiebei_tui.domain.corrections import edit_loan

    return edit_loan(account.ledger, account.ledger.loan(loan_id, "id").id, today=account.today, **_edit_fields(given))


def edit_loan(account: Account, loan_id: str, **given: object) -> LoanEdit:
    """Apply what `preview_loan_edit` shows (checked again against the ledger as it is on disk). Nothing is
    written when nothing changes."""
    from jiebei_tui.domain.corrections import edit_loan as edited

    fields = _edit_fields(given)

    def change(ledger: Ledger):
        result = edited(ledger, ledger.loan(loan_id, "id").id, today=account.today, **fields)
        return result.ledger, result

    def params(result: LoanEdit) -> dict:
        return {"id": result.record_after.id, **{name: after for name, _, after in result.changes}}

    return account.change(change, action="loans.edit", params=params).result


# --- auto-debit ---


@dataclass(frozen=True)
class AutoDebit:
    record: LoanRecord
    changed: bool  # False: it was already so, nothing was written


def set_auto_debit(account: Account, loan_id: str, on: object, funding_account: object = None) -> AutoDebit:
    """Whether the lender debits this loan's instalments itself (True/False, or "on"/"off" as typed), and from
    which account (a name the borrower gives; None keeps the one saved, "" clears it). Written only when it
    changes."""
    from jiebei_tui.domain.ledger import set_auto_debit as auto
    from jiebei_tui.domain.reminder_settings import parse_on_off

    state = parse_on_off(on, "state")

    def change(ledger: Ledger):
        record = ledger.loan(loan_id, "id")
        named = record.funding_account if funding_account is None else funding_account
        new = auto(ledger, record.id, state, named)
        return new, new.loan(record.id)

    applied = account.change(
        change,
        action="loans.auto_debit",
        params=lambda record: {"id": record.id, "on": record.auto_debit, "account": record.funding_account},
    )
    return AutoDebit(applied.result, applied.written)
