"""The collection contact log (催收记录): every call, message, visit or contact with someone else about a loan, as
the borrower records it, each checked against the collection rules the app shows, so the record can go with a
complaint to the lender or an association.

A contact happened at a local wall-clock time (what the borrower's phone showed), on a channel, from someone (a
collector, an agency, a number); it may note what was said and a promise to pay (an amount by a date), which
becomes one reminder on its date (reminders.py). Free text goes through free_text.clean_text.

The rules (illustrative; the text layer words them with their sources):
- `night` — no collection between 22:00 and 08:00 local time (China Banking Association guideline on personal
  consumer loan collection, trial, January 2026, without the borrower's consent; NIFA, May 2024: none after
  22:00);
- `calls` — at most 6 unanswered call attempts a day to one number (the same guideline): the 7th and later
  unanswered calls of a day to one of the borrower's numbers are flagged. The ledger is one credit line, so calls
  about any of its loans count together. A call the borrower answered is not an unanswered attempt;
- `third_party` — no contact with unrelated third parties (the same guideline): every contact on the
  third-party channel (a relative, a colleague, a neighbour contacted about the debt) is flagged;
- `not_overdue` — collection presupposes a debt that is overdue: a contact on a day the loan had nothing
  overdue at the day's start (before that day's payments), or was already paid off, is flagged (a reminder of a
  coming due date is normal; demands and penalties mentioned are not).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import field
from decimal import Decimal
from typing import TYPE_CHECKING, Literal

from jiebei_tui.domain.errors import InputError
from jiebei_tui.domain.free_text import clean_text
from jiebei_tui.domain.left_out import is_empty, is_false, is_none
from jiebei_tui.domain.money import ZERO
from jiebei_tui.domain.record import AwareDatetime, ConfigDict, Field, NaiveDatetime, Record
from jiebei_tui.domain.terms import parse_amount, parse_date, parse_datetime
from jiebei_tui.domain.value import Value, value

if TYPE_CHECKING:
    from jiebei_tui.domain.ledger import Event, Ledger

Channel = Literal["phone", "sms", "app", "visit", "third-party"]
CHANNELS: tuple[str, ...] = ("phone", "sms", "app", "visit", "third-party")
MAX_WHO = 80
MAX_NOTE = 1000
MAX_NUMBER = 40

NIGHT_START = dt.time(22, 0)  # collection is not allowed from here …
NIGHT_END = dt.time(8, 0)  # … to here, local time
MAX_UNANSWERED_CALLS = 6  # a day, to one number
NIGHT, CALLS, THIRD_PARTY, NOT_OVERDUE = "night", "calls", "third_party", "not_overdue"
RULES: tuple[str, ...] = (NIGHT, CALLS, THIRD_PARTY, NOT_OVERDUE)
# where each rule comes from (the text layer words each source): the CBA guideline, NIFA's, the ledger itself
SOURCES: dict[str, tuple[str, ...]] = {
    NIGHT: ("cba_2026", "nifa_2024"),
    CALLS: ("cba_2026",),
    THIRD_PARTY: ("cba_2026",),
    NOT_OVERDUE: ("ledger",),
}


class Contact(Record):
    """One collection contact as recorded. Fields at their default are left out of the file."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(pattern=r"^C[0-9]{1,9}$")
    loan_id: str
    at: NaiveDatetime  # the local wall-clock time it happened (to the minute)
    channel: Channel
    who: str = Field(default="", max_length=MAX_WHO)  # who contacted: a collector, an agency, a number
    note: str = Field(default="", max_length=MAX_NOTE, exclude_if=is_empty)
    answered: bool = Field(default=False, exclude_if=is_false)  # a call the borrower answered
    number: str = Field(default="", max_length=MAX_NUMBER, exclude_if=is_empty)  # which of yours ("": the usual)
    promise_amount: Decimal | None = Field(default=None, gt=0, decimal_places=2, max_digits=12, exclude_if=is_none)
    promise_date: dt.date | None = Field(default=None, exclude_if=is_none)
    recorded_at: AwareDatetime | None = Field(default=None, exclude_if=is_none)
    source: str = Field(default="", pattern=r"^([a-z][a-z0-9-]{0,19})?$", exclude_if=is_empty)

    @property
    def promise(self) -> bool:
        return self.promise_amount is not None and self.promise_date is not None


# --- changes (pure: a new ledger, or InputError naming the field and changing nothing) ---


def parse_local_time(value: object, field: str = "at") -> dt.datetime:
    """A local wall-clock time, YYYY-MM-DD HH:MM (a T may stand for the space); no zone: it is what the phone
    showed. Seconds are dropped."""
    moment = parse_datetime(value, field)
    if moment.tzinfo is not None:
        raise InputError(field, value, "contact_at")
    return moment.replace(second=0, microsecond=0)


def parse_channel(value: object, field: str = "channel") -> str:
    text = value.strip() if isinstance(value, str) else value
    if text not in CHANNELS:
        raise InputError(field, value, "contact_channel", known=", ".join(CHANNELS))
    return text


def add_contact(
    ledger: Ledger,
    *,
    loan_id: str,
    at: object,
    channel: object,
    who: object,
    today: dt.date,
    note: object = None,
    answered: bool = False,
    number: object = None,
    promise_amount: object = None,
    promise_date: object = None,
    recorded_at: dt.datetime | None = None,
    source: str = "",
) -> tuple[Ledger, Contact]:
    """Record a contact, each value checked as typed: the loan in the ledger; the time not before the drawdown
    nor after today; the channel; who (required); a note (may hold line breaks); a promise is an amount and a
    date together, the date not before the contact."""
    from jiebei_tui.domain.ledger import _issue

    record = ledger.loan(loan_id, "loan")
    moment = parse_local_time(at)
    if not record.start <= moment.date() <= today:
        raise InputError("at", at, "contact_date", start=record.start, today=today)
    kind = parse_channel(channel)
    sender = clean_text(who, "from", MAX_WHO)
    text = clean_text(note, "note", MAX_NOTE, required=False, multiline=True) if note is not None else ""
    line = clean_text(number, "number", MAX_NUMBER, required=False) if number is not None else ""
    amount = day = None
    if (promise_amount is None) != (promise_date is None):  # name the one missing
        raise InputError("promise_date" if promise_date is None else "promise", None, "promise_both")
    if promise_amount is not None:
        amount = parse_amount(promise_amount, "promise")
        day = parse_date(promise_date, "promise_date")
        if day < moment.date():
            raise InputError("promise_date", promise_date, "promise_date", at=moment.date())
    contact_id, issued = _issue(ledger, "C", [c.id for c in ledger.contacts])
    contact = Contact(
        id=contact_id, loan_id=record.id, at=moment, channel=kind, who=sender, note=text, answered=bool(answered),
        number=line, promise_amount=amount, promise_date=day, recorded_at=recorded_at, source=source,
    )
    return ledger.model_copy(update={"contacts": [*ledger.contacts, contact], "ids_issued": issued}), contact


def find_contact(ledger: Ledger, contact_id: str, field: str = "id") -> Contact:
    for contact in ledger.contacts:
        if contact.id == contact_id:
            return contact
    raise InputError(field, contact_id, "contact_id", known=", ".join(c.id for c in ledger.contacts[:10]) or "none")


def remove_contact(ledger: Ledger, contact_id: str) -> Ledger:
    """Remove a contact recorded by mistake (its id is never given out again)."""
    find_contact(ledger, contact_id)
    return ledger.model_copy(update={"contacts": [c for c in ledger.contacts if c.id != contact_id]})


# --- the checks ---


@value
class Flag(Value):
    """A rule a contact breaks: `rule` one of RULES, `params` what the words need (time, count, …)."""

    rule: str
    params: dict[str, object] = field(default_factory=dict)

    @property
    def sources(self) -> tuple[str, ...]:
        return SOURCES[self.rule]


@value
class CheckedContact(Value):
    contact: Contact
    flags: tuple[Flag, ...]
    days_overdue: int  # the loan's, at the start of that day
    paid_off: bool  # the loan was paid off by the start of that day
    call_number: int | None  # the n-th unanswered call that day to that number (phone, unanswered only)

    @property
    def flagged(self) -> bool:
        return bool(self.flags)


def _in_night(at: dt.time) -> bool:
    return at >= NIGHT_START or at < NIGHT_END


def _standing_at_start(ledger: Ledger, loan_id: str, day: dt.date) -> tuple[int, bool]:
    """(days overdue, paid off) of a loan at the start of `day`: its payments before that day counted."""
    from jiebei_tui.domain.replay import LoanReplay

    state = LoanReplay.of(ledger, loan_id, day - dt.timedelta(days=1)).state(day)
    return state.days_overdue, state.paid_off


def check_contacts(ledger: Ledger, loan_id: str | None = None, flagged_only: bool = False) -> list[CheckedContact]:
    """Every contact (of one loan, or all) in time order, each with the rules it breaks. Counting calls looks at
    every loan's contacts (the ledger is one credit line)."""
    ordered = sorted(ledger.contacts, key=lambda c: (c.at, int(c.id[1:])))
    call_count: dict[tuple[dt.date, str], int] = {}
    numbers: dict[str, int] = {}
    for contact in ordered:
        if contact.channel == "phone" and not contact.answered:
            key = (contact.at.date(), contact.number)
            call_count[key] = call_count.get(key, 0) + 1
            numbers[contact.id] = call_count[key]
    standing: dict[tuple[str, dt.date], tuple[int, bool]] = {}
    known = {r.id for r in ledger.loans}
    out = []
    for contact in ordered:
        if loan_id is not None and contact.loan_id != loan_id:
            continue
        flags = []
        if _in_night(contact.at.time()):
            flags.append(Flag(NIGHT, {"time": f"{contact.at:%H:%M}", "start": f"{NIGHT_START:%H:%M}", "end": f"{NIGHT_END:%H:%M}"}))
        n = numbers.get(contact.id)
        if n is not None and n > MAX_UNANSWERED_CALLS:
            flags.append(Flag(CALLS, {"n": n, "max": MAX_UNANSWERED_CALLS, "date": contact.at.date()}))
        if contact.channel == "third-party":
            flags.append(Flag(THIRD_PARTY))
        days, paid_off = 0, False
        if contact.loan_id in known:
            key = (contact.loan_id, contact.at.date())
            if key not in standing:
                standing[key] = _standing_at_start(ledger, contact.loan_id, contact.at.date())
            days, paid_off = standing[key]
            if days == 0:
                flags.append(Flag(NOT_OVERDUE, {"paid_off": paid_off, "date": contact.at.date()}))
        if flagged_only and not flags:
            continue
        out.append(CheckedContact(contact, tuple(flags), days, paid_off, n))
    return out


# --- promises to pay ---


@value
class Promise(Value):
    contact_id: str
    loan_id: str
    loan_name: str
    amount: Decimal
    on: dt.date  # the date promised
    made_on: dt.date  # the contact's day
    to: str  # who it was promised to
    paid: Decimal  # paid on that loan from the contact's day to the date promised
    paid_off: bool  # the loan is paid off (as of the day looked at)

    @property
    def kept(self) -> bool:
        return self.paid >= self.amount


def promises(ledger: Ledger, today: dt.date) -> list[Promise]:
    """Every promise to pay in the log, oldest date first, with what was paid toward it and whether the loan is
    paid off `today`."""
    from jiebei_tui.domain.replay import LoanReplay

    payments = ledger.payments_by_loan()
    names = {r.id: r.name for r in ledger.loans}
    closed: dict[str, bool] = {}
    out = []
    for contact in ledger.contacts:
        if not contact.promise or contact.loan_id not in names:
            continue
        lid = contact.loan_id
        if lid not in closed:
            closed[lid] = LoanReplay.of(ledger, lid, today).state(today).paid_off
        made = contact.at.date()
        paid = sum(
            (e.amount for e in payments.get(lid, ()) if e.is_payment and made <= e.date <= contact.promise_date), ZERO
        )
        out.append(Promise(contact.id, lid, names[lid], contact.promise_amount, contact.promise_date, made,
                           contact.who, paid, closed[lid]))
    out.sort(key=lambda p: (p.on, int(p.contact_id[1:])))
    return out


def promises_to_remind(ledger: Ledger, today: dt.date) -> list[Promise]:
    """The promises a reminder is due for: not yet kept, on a loan not paid off. Each becomes exactly one
    reminder on its date (reminders.occurrences)."""
    return [p for p in promises(ledger, today) if not p.kept and not p.paid_off]


# --- the record for a complaint ---


@value
class ContactReport(Value):
    """What a complaint needs, for one loan (or all): the contacts with their flags, the payments, counts."""

    today: dt.date
    loan_ids: tuple[str, ...]
    contacts: tuple[CheckedContact, ...]
    payments: tuple[Event, ...]  # that stand, oldest first
    flag_counts: dict[str, int]  # rule → contacts flagged with it
    names: dict[str, str]  # loan id → the loan's name

    @property
    def flagged(self) -> int:
        return sum(1 for c in self.contacts if c.flags)


def contact_report(ledger: Ledger, today: dt.date, loan_id: str | None = None) -> ContactReport:
    if loan_id is not None:
        ledger.loan(loan_id, "loan")
    ids = (loan_id,) if loan_id is not None else tuple(r.id for r in ledger.loans)
    checked = tuple(check_contacts(ledger, loan_id))
    grouped = ledger.payments_by_loan()
    payments = tuple(
        sorted((e for lid in ids for e in grouped.get(lid, ()) if e.is_payment), key=lambda e: (e.date, int(e.id[1:])))
    )
    counts = {rule: sum(1 for c in checked if any(f.rule == rule for f in c.flags)) for rule in RULES}
    return ContactReport(today, ids, checked, payments, counts, {r.id: r.name for r in ledger.loans})
