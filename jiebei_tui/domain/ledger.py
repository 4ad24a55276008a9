"""The borrower's ledger as data: loans, dated events, product terms and settings.

Only what cannot be derived is stored: each loan's contract terms, and each repayment, prepayment or
settlement with its date and amount. Balances, statuses and penalties come from replay.py.
Every change here is a pure function returning a new, validated ledger; the store writes it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal
from operator import attrgetter, itemgetter
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from jiebei_tui.domain.errors import InputError
from jiebei_tui.domain.free_text import clean_text
from jiebei_tui.domain.history import Change
from jiebei_tui.domain.money import FEN
from jiebei_tui.domain.product_terms import ProductTerms
from jiebei_tui.domain.reminder_settings import ReminderSettings
from jiebei_tui.domain.terms import (
    Loan,
    Method,
    Strategy,
    parse_daily_rate,
    parse_principal,
    parse_repayment_day,
    parse_term,
)

SCHEMA_VERSION = 3  # the file format this program writes; store.py migrates older ones up to it
MAX_NAME = 40


def _checked(parse, value: object):
    """Run a parse_* rule inside a pydantic validator: its sentence becomes the validation message."""
    try:
        return parse(value)
    except InputError as err:
        raise ValueError(str(err)) from None


class LoanRecord(BaseModel):
    """A loan in the ledger: the contract terms plus a stable id, a name and the auto-debit setting."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(pattern=r"^L[0-9]{1,9}$")  # bounded: ids are numbered with int()
    name: str = Field(min_length=1, max_length=MAX_NAME)
    principal: Decimal
    daily_rate: Decimal
    term: int
    method: Method
    start: dt.date  # a hand-edited year 9999 is refused by integrity.py before anything computes with it
    repayment_day: int | None = None
    auto_debit: bool = False
    funding_account: str = Field(default="", max_length=MAX_NAME)

    @field_validator("principal", mode="before")
    @classmethod
    def _principal(cls, v: object) -> Decimal:
        return _checked(parse_principal, v)

    @field_validator("daily_rate", mode="before")
    @classmethod
    def _rate(cls, v: object) -> Decimal:
        return _checked(parse_daily_rate, v)

    @field_validator("term", mode="before")
    @classmethod
    def _term(cls, v: object) -> int:
        return _checked(parse_term, v)

    @field_validator("repayment_day", mode="before")
    @classmethod
    def _day(cls, v: object) -> int | None:
        return _checked(parse_repayment_day, v)

    @property
    def loan(self) -> Loan:
        return Loan(self.principal, self.daily_rate, self.term, self.method, self.start, self.repayment_day)


class Event(BaseModel):
    """Something the borrower paid, on a date. Kinds: a repayment (pays what is due, oldest first), a
    prepayment (principal paid early, with a strategy), a settlement (everything paid off early)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(pattern=r"^E[0-9]{1,9}$")
    loan_id: str
    kind: Literal["repayment", "prepayment", "settlement"]
    date: dt.date  # bounded in integrity.py, as the loan's start is
    # pydantic's own constraints only (compiled, no Python validator): a ledger holds tens of thousands of
    # events. append_event writes every amount in fen (1000.00).
    amount: Decimal = Field(gt=0, decimal_places=2, max_digits=12)
    strategy: Strategy | None = None


class Settings(BaseModel):
    """The borrower's preferences. Missing keys take their defaults, so older files stay readable."""

    model_config = ConfigDict(extra="forbid")

    lang: Literal["zh", "en"] | None = None
    theme: str | None = None
    keymap: dict[str, str] = Field(default_factory=dict)
    reminders: ReminderSettings = Field(default_factory=ReminderSettings)


class Ledger(BaseModel):
    model_config = ConfigDict(extra="forbid")

    schema_version: int = SCHEMA_VERSION
    revision: int = Field(default=0, ge=0, le=10**15)  # the store adds one with every write (undo, ICS SEQUENCE)
    demo: bool = False  # True while the ledger holds only the demo loans
    terms: ProductTerms = Field(default_factory=ProductTerms)
    settings: Settings = Field(default_factory=Settings)
    loans: list[LoanRecord] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    # the highest loan and event numbers ever issued, so a removed loan's id is never given out again
    ids_issued: dict[Literal["L", "E"], Annotated[int, Field(ge=0, le=999_999_999)]] = Field(default_factory=dict)
    history: list[Change] = Field(default_factory=list)  # what changed, from where, when (history.py); the store keeps it

    def loan(self, loan_id: str, field: str = "loan") -> LoanRecord:
        for record in self.loans:
            if record.id == loan_id:
                return record
        raise InputError(field, loan_id, "loan_id", known=[r.id for r in self.loans] or "none")

    def events_of(self, loan_id: str) -> list[Event]:
        """A loan's events in the order they happened (date, then the order they were recorded)."""
        return self.events_by_loan().get(loan_id, [])

    def events_by_loan(self) -> dict[str, list[Event]]:
        """Every loan's events, in order (date, then the order they were recorded in), grouped in one pass (a
        ledger may hold tens of thousands)."""
        events = self.events
        numbers = [_number(e.id) for e in events]
        if any(a > b for a, b in zip(numbers, numbers[1:])):  # a hand-edited file may list them in any order
            events = [e for _, e in sorted(zip(numbers, events), key=itemgetter(0))]
        grouped: dict[str, list[Event]] = {}
        for event in sorted(events, key=attrgetter("date")):  # stable: a day's events stay in recorded order
            grouped.setdefault(event.loan_id, []).append(event)
        return grouped


def _number(identifier: str) -> int:
    return int(identifier[1:])


def _issue(ledger: Ledger, prefix: Literal["L", "E"], taken: list[str]) -> tuple[str, dict]:
    """The next id after every one issued before (ids are never reused), and the updated record of them."""
    number = max([ledger.ids_issued.get(prefix, 0), *(_number(i) for i in taken)]) + 1
    return f"{prefix}{number}", {**ledger.ids_issued, prefix: number}


def clean_name(name: object, field: str = "name") -> str:
    """A loan's name as typed: 1 to MAX_NAME characters, no control characters or bidi overrides."""
    return clean_text(name, field, MAX_NAME, rule="name")


def add_loan(ledger: Ledger, name: object, loan: Loan) -> tuple[Ledger, str]:
    """A new loan gets the next free id (ids are never reused). The first real loan replaces the demo."""
    base = Ledger(terms=ledger.terms, settings=ledger.settings) if ledger.demo else ledger
    new_id, issued = _issue(base, "L", [r.id for r in base.loans])
    record = LoanRecord(id=new_id, name=clean_name(name), **dataclasses.asdict(loan))
    return base.model_copy(update={"loans": [*base.loans, record], "demo": False, "ids_issued": issued}), new_id


def rename_loan(ledger: Ledger, loan_id: str, name: object) -> Ledger:
    record = ledger.loan(loan_id)
    renamed = record.model_copy(update={"name": clean_name(name)})
    return ledger.model_copy(update={"loans": [renamed if r.id == loan_id else r for r in ledger.loans]})


def set_auto_debit(ledger: Ledger, loan_id: str, on: bool, account: str = "") -> Ledger:
    record = ledger.loan(loan_id)
    account = clean_text(account, "funding_account", MAX_NAME, required=False)
    changed = record.model_copy(update={"auto_debit": on, "funding_account": account})
    return ledger.model_copy(update={"loans": [changed if r.id == loan_id else r for r in ledger.loans]})


def remove_loan(ledger: Ledger, loan_id: str) -> Ledger:
    ledger.loan(loan_id)
    return ledger.model_copy(
        update={
            "loans": [r for r in ledger.loans if r.id != loan_id],
            "events": [e for e in ledger.events if e.loan_id != loan_id],
        }
    )


def append_event(
    ledger: Ledger,
    loan_id: str,
    kind: str,
    on: dt.date,
    amount: Decimal,
    today: dt.date,
    strategy: Strategy | None = None,
) -> tuple[Ledger, Event]:
    """Record a payment, after checking its date; the replay (replay.record_event) checks the amount."""
    record = ledger.loan(loan_id)
    if on < record.start or on > today:
        raise InputError("on", on.isoformat(), "event_date", start=record.start, today=today)
    earlier = ledger.events_of(loan_id)
    if earlier and on < earlier[-1].date:
        raise InputError("on", on.isoformat(), "event_order", last=earlier[-1].date)
    event_id, issued = _issue(ledger, "E", [e.id for e in ledger.events])
    event = Event(
        id=event_id,
        loan_id=loan_id,
        kind=kind,
        date=on,
        amount=Decimal(amount).quantize(FEN),  # written as 1000.00, as every amount is
        strategy=strategy,
    )
    return ledger.model_copy(update={"events": [*ledger.events, event], "ids_issued": issued}), event


def change_reminders(ledger: Ledger, change) -> tuple[Ledger, object]:
    """Apply change(reminder settings, the ledger's loan ids) -> (new settings, result) to the ledger.
    Returns the ledger itself (so the store writes nothing) when the settings object is unchanged."""
    current = ledger.settings.reminders
    settings, result = change(current, [r.id for r in ledger.loans])
    if settings is current:
        return ledger, result
    return ledger.model_copy(update={"settings": ledger.settings.model_copy(update={"reminders": settings})}), result


def issued_at_least(ledger: Ledger, other: Ledger) -> Ledger:
    """`ledger` remembering every id `other` has issued too: when an earlier version comes back (undo, a
    restored backup), ids given out since are still never given out again."""
    issued = dict(ledger.ids_issued)
    for prefix, records in (("L", other.loans), ("E", other.events)):
        seen = max([other.ids_issued.get(prefix, 0), *(_number(r.id) for r in records)])
        if seen > issued.get(prefix, 0):
            issued[prefix] = seen
    return ledger if issued == ledger.ids_issued else ledger.model_copy(update={"ids_issued": issued})
