"""The collection contact log (domain/contacts.py): record a contact (each value checked as typed; a promise to
pay becomes one reminder on its date), remove one recorded by mistake, list them with the rules each breaks,
and the record for a complaint (Markdown or CSV, saved 0600). Each change is one store transaction."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from jiebei_tui.actions.account import Account
    from jiebei_tui.domain.contacts import CheckedContact, Contact, ContactReport
    from jiebei_tui.domain.ledger import Ledger

FORMATS = ("markdown", "csv")


@dataclass(frozen=True)
class Added:
    """The contact as recorded, and as checked against the rules (its flags)."""

    contact: Contact
    checked: CheckedContact


def add_contact(account: Account, loan_id: object, at: object, channel: object, who: object,
                **details: object) -> Added:
    """Record a contact (InputError naming the first bad value: loan, at, channel, from, note, number, promise,
    promise_date; nothing written). `details`, each optional: note, answered, number, promise_amount,
    promise_date, as the domain's `add_contact` takes them."""
    from jiebei_tui.domain.contacts import add_contact as added

    stamp = {"recorded_at": account.now(), "source": account.source}

    def change(ledger: Ledger):
        return added(ledger, loan_id=loan_id, at=at, channel=channel, who=who, today=account.today, **details,
                     **stamp)

    def params(contact: Contact) -> dict:
        return {"id": contact.id, "loan": contact.loan_id, "at": f"{contact.at:%Y-%m-%d %H:%M}",
                "channel": contact.channel}

    applied = account.change(change, action="contacts.add", params=params)
    contact = applied.result
    return Added(contact, checked(account, contact.id))


def preview_contact(account: Account, loan_id: object, at: object, channel: object, who: object,
                    **details: object) -> CheckedContact:
    """The contact as recording it would check it (its flags among the contacts already recorded), without
    writing: the app's form shows the rules it breaks as it is typed (the values and InputError as
    `add_contact`)."""
    from jiebei_tui.domain.contacts import add_contact as added, check_contacts

    ledger, contact = added(account.ledger, loan_id=loan_id, at=at, channel=channel, who=who, today=account.today,
                            **details)
    return next(c for c in check_contacts(ledger, contact.loan_id) if c.contact.id == contact.id)


def checked(account: Account, contact_id: str) -> CheckedContact:
    from jiebei_tui.domain.contacts import check_contacts

    return next(c for c in check_contacts(account.ledger) if c.contact.id == contact_id)


def contacts(account: Account, loan_id: str | None = None, flagged: bool = False, field: str = "loan") -> list[CheckedContact]:
    """Every contact (of one loan, or all) in time order with the rules it breaks; `flagged`: only those that
    break one."""
    from jiebei_tui.domain.contacts import check_contacts

    ledger = account.ledger
    if loan_id is not None:
        loan_id = ledger.loan(loan_id, field).id
    return check_contacts(ledger, loan_id, flagged)


def remove_contact(account: Account, contact_id: object) -> Contact:
    """Remove a contact recorded by mistake (InputError naming ID when there is none such). Undo brings it back."""
    from jiebei_tui.domain.contacts import find_contact, remove_contact as removed

    def change(ledger: Ledger):
        contact = find_contact(ledger, str(contact_id))
        return removed(ledger, contact.id), contact

    applied = account.change(change, action="contacts.remove",
                             params=lambda c: {"id": c.id, "loan": c.loan_id, "at": f"{c.at:%Y-%m-%d %H:%M}"})
    return applied.result


@dataclass(frozen=True)
class Report:
    report: ContactReport
    format: str
    text: str
    path: Path | None


def report(account: Account, loan_id: str | None, lang: str, fmt: str = "markdown",
           out: Path | str | None = None) -> Report:
    """The record for a complaint (contacts, flags, payments, the rules with their sources), as Markdown or CSV;
    written to `out` (0600, folders 0700) when given. Writes nothing to the ledger."""
    from jiebei_tui.delivery.files import write_private
    from jiebei_tui.domain.contacts import contact_report
    from jiebei_tui.text.complaint import csv_text, markdown

    ledger = account.ledger
    if loan_id is not None:
        loan_id = ledger.loan(loan_id, "loan").id
    found = contact_report(ledger, account.today, loan_id)
    text = csv_text(found, lang) if fmt == "csv" else markdown(found, lang)
    path = write_private(out, text) if out is not None else None
    return Report(found, fmt, text, path)
