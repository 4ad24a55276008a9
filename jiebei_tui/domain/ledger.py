"""The borrower's ledger as data: loans, dated events, product terms and settings.

Only what cannot be derived is stored: each loan's contract terms, and each repayment, prepayment or
settlement with its date and amount. Balances, statuses and penalties come from replay.py.
Every change here is a pure function returning a new, validated ledger; the store writes it.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from jiebei_tui.domain.errors import InputError
from jiebei_tui.domain.terms import Loan, ProductTerms, Strategy, parse_amount

SCHEMA_VERSION = 2
MAX_NAME = 40


class LoanRecord(Loan):
    """A loan in the ledger: the contract terms plus a stable id, a name and the auto-debit setting."""

    id: str = Field(pattern=r"^L[0-9]+$")
    name: str = Field(min_length=1, max_length=MAX_NAME)
    auto_debit: bool = False
    funding_account: str = Field(default="", max_length=MAX_NAME)


class Event(BaseModel):
    """Something the borrower paid, on a date. Kinds: a repayment (pays what is due, oldest first), a
    prepayment (principal paid early, with a strategy), a settlement (everything paid off early)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(pattern=r"^E[0-9]+$")
    loan_id: str
    kind: Literal["repayment", "prepayment", "settlement"]
    date: dt.date
    amount: Decimal
    strategy: Strategy | None = None

    @field_validator("amount", mode="before")
    @classmethod
    def _amount(cls, v: object) -> Decimal:
        try:
            return parse_amount(v)
        except InputError as err:
            raise ValueError(str(err)) from None


class Settings(BaseModel):
    """The borrower's preferences. Missing keys take their defaults, so older files stay readable."""

    model_config = ConfigDict(extra="forbid")

    lang: Literal["zh", "en"] | None = None
    theme: str | None = None
    keymap: dict[str, str] = Field(default_factory=dict)


class Ledger(BaseModel):
    model_config = ConfigDict(extra="forbid")

    schema_version: int = SCHEMA_VERSION
    demo: bool = False  # True while the ledger holds only the demo loans
    terms: ProductTerms = Field(default_factory=ProductTerms)
    settings: Settings = Field(default_factory=Settings)
    loans: list[LoanRecord] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)

    def loan(self, loan_id: str, field: str = "loan") -> LoanRecord:
        for record in self.loans:
            if record.id == loan_id:
                return record
        known = ", ".join(r.id for r in self.loans) or "none"
        raise InputError(field, loan_id, "loan_id", known=known)

    def events_of(self, loan_id: str) -> list[Event]:
        """A loan's events in the order they happened (date, then the order they were recorded)."""
        mine = [e for e in self.events if e.loan_id == loan_id]
        return sorted(mine, key=lambda e: (e.date, _number(e.id)))


def _number(identifier: str) -> int:
    return int(identifier[1:])


def _next_id(prefix: str, taken: list[str]) -> str:
    return f"{prefix}{max((_number(i) for i in taken), default=0) + 1}"


def clean_name(name: object, field: str = "name") -> str:
    text = " ".join(str(name).split())
    if not 1 <= len(text) <= MAX_NAME:
        raise InputError(field, name, "name", max=MAX_NAME)
    return text


def add_loan(ledger: Ledger, name: object, loan: Loan) -> tuple[Ledger, str]:
    """A new loan gets the next free id (ids are never reused). The first real loan replaces the demo."""
    base = Ledger(terms=ledger.terms, settings=ledger.settings) if ledger.demo else ledger
    new_id = _next_id("L", [r.id for r in base.loans])
    record = LoanRecord(id=new_id, name=clean_name(name), **loan.model_dump())
    return base.model_copy(update={"loans": [*base.loans, record], "demo": False}), new_id


def rename_loan(ledger: Ledger, loan_id: str, name: object) -> Ledger:
    record = ledger.loan(loan_id)
    renamed = record.model_copy(update={"name": clean_name(name)})
    return ledger.model_copy(update={"loans": [renamed if r.id == loan_id else r for r in ledger.loans]})


def set_auto_debit(ledger: Ledger, loan_id: str, on: bool, account: str = "") -> Ledger:
    record = ledger.loan(loan_id)
    account = " ".join(account.split())
    if len(account) > MAX_NAME:
        raise InputError("funding_account", account, "name", max=MAX_NAME)
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
    """Record a payment, after checking its date; the replay (replay.record) checks the amount."""
    record = ledger.loan(loan_id)
    if on < record.start or on > today:
        raise InputError("on", on.isoformat(), "event_date", start=record.start, today=today)
    earlier = ledger.events_of(loan_id)
    if earlier and on < earlier[-1].date:
        raise InputError("on", on.isoformat(), "event_order", last=earlier[-1].date)
    event = Event(
        id=_next_id("E", [e.id for e in ledger.events]),
        loan_id=loan_id,
        kind=kind,
        date=on,
        amount=amount,
        strategy=strategy,
    )
    return ledger.model_copy(update={"events": [*ledger.events, event]}), event
