"""The borrower's ledger as data: loans, dated events, product terms and settings.

Only what cannot be derived is stored: each loan's contract terms (and its own product terms, if any), and each
repayment, prepayment or settlement with its date and amount. A payment is never deleted or changed: a void is
a new entry naming the payment it reverses, and an edit is a void plus the corrected payment (corrections.py).
Balances, statuses and penalties come from replay.py.
Every change here is a pure function returning a new, validated ledger; the store writes it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal
from operator import attrgetter, itemgetter
from typing import Annotated, Literal

from jiebei_tui.domain.contacts import Contact
from jiebei_tui.domain.errors import InputError
from jiebei_tui.domain.free_text import clean_text
from jiebei_tui.domain.left_out import is_empty, is_false, is_none
from jiebei_tui.domain.history import Change
from jiebei_tui.domain.money import FEN
from jiebei_tui.domain.product_terms import TERM_FIELDS, LoanTerms, ProductTerms, parse_terms
from jiebei_tui.domain.record import AwareDatetime, ConfigDict, Field, Record, field_validator
from jiebei_tui.domain.reminder_settings import ReminderSettings
from jiebei_tui.domain.scenarios import Scenario
from jiebei_tui.domain.restructure import RestructurePlan
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
MAX_REASON = 200


def _checked(parse, value: object):
    """Run a parse_* rule inside a pydantic validator: its sentence becomes the validation message."""
    try:
        return parse(value)
    except InputError as err:
        raise ValueError(str(err)) from None


class LoanRecord(Record):
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
    terms: LoanTerms | None = Field(default=None, exclude_if=is_none)  # this loan's own terms, if any

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


PAYMENT_KINDS = ("repayment", "prepayment", "settlement")


class Event(Record):
    """An entry in the ledger. Payments, each on a date: a repayment, a prepayment (its leftover follows its
    strategy), a settlement (the payoff); all three are one payment to the rules (replay.py). A void reverses
    the payment it names (`voids`, with the amount reversed and the payment's date); the payment stays in the
    history, and a corrected payment names the one it `replaces`. A restructure records a plan the lender agreed
    from its date (`plan`; `amount` is the new plan's principal): restructure.py.

    `recorded_at` and `source` say when and from where an entry was made (older entries have neither).
    Fields at their empty default are left out of the file: a ledger holds tens of thousands of events."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(pattern=r"^E[0-9]{1,9}$")
    loan_id: str
    kind: Literal["repayment", "prepayment", "settlement", "void", "restructure"]
    date: dt.date  # bounded in integrity.py, as the loan's start is
    # pydantic's own constraints only (compiled, no Python validator): a ledger holds tens of thousands of
    # events. append_event writes every amount in fen (1000.00).
    amount: Decimal = Field(gt=0, decimal_places=2, max_digits=12)
    strategy: Strategy | None = Field(default=None, exclude_if=is_none)
    recorded_at: AwareDatetime | None = Field(default=None, exclude_if=is_none)
    source: str = Field(default="", pattern=r"^([a-z][a-z0-9-]{0,19})?$", exclude_if=is_empty)  # app, cli, demo…
    voids: str | None = Field(default=None, pattern=r"^E[0-9]+$", exclude_if=is_none)
    replaces: str | None = Field(default=None, pattern=r"^E[0-9]+$", exclude_if=is_none)
    reason: str | None = Field(default=None, max_length=MAX_REASON, exclude_if=is_none)
    auto_debit: bool = Field(default=False, exclude_if=is_false)  # a debit the borrower confirmed went through
    plan: RestructurePlan | None = Field(default=None, exclude_if=is_none)  # a restructure's agreed plan

    @property
    def is_payment(self) -> bool:
        return self.kind in PAYMENT_KINDS


class Settings(Record):
    """The borrower's preferences. Missing keys take their defaults, so older files stay readable."""

    model_config = ConfigDict(extra="forbid")

    lang: Literal["zh", "en"] | None = None
    theme: str | None = None
    keymap: dict[str, str] = Field(default_factory=dict)
    reminders: ReminderSettings = Field(default_factory=ReminderSettings)
    # the day of the month the borrower is paid (1..31; a shorter month's last day); the months ahead flag
    # instalments due before it (domain/months.py)
    payday: int | None = Field(default=None, ge=1, le=31, strict=True, exclude_if=is_none)  # strict: not true, not "15"
    # the day of the month the lender reports to the credit record (credit_record.py); None: not known
    credit_report_day: int | None = Field(default=None, ge=1, le=31, strict=True, exclude_if=is_none)

    def with_choices_of(self, other: Settings) -> Settings:
        """These settings with `other`'s display choices (language, theme, keys) and its record of the
        reminders sent: what an undo or a recovery keeps from the ledger it replaces (neither is a change of
        the loans to take back)."""
        return self.model_copy(update={"lang": other.lang, "theme": other.theme, "keymap": dict(other.keymap),
                                       "reminders": self.reminders.with_record_of(other.reminders)})


class Ledger(Record):
    model_config = ConfigDict(extra="forbid")

    schema_version: int = SCHEMA_VERSION
    revision: int = Field(default=0, ge=0, le=10**15)  # the store adds one with every write (undo, ICS SEQUENCE)
    demo: bool = False  # True while the ledger holds only the demo loans
    terms: ProductTerms = Field(default_factory=ProductTerms)
    settings: Settings = Field(default_factory=Settings)
    loans: list[LoanRecord] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    contacts: list[Contact] = Field(default_factory=list, exclude_if=lambda v: not v)  # the collection contact log (contacts.py)
    # the highest loan, event, scenario and contact numbers ever issued, so a removed loan's id is never given out again
    ids_issued: dict[Literal["L", "E", "S", "C"], Annotated[int, Field(ge=0, le=999_999_999)]] = Field(default_factory=dict)
    history: list[Change] = Field(default_factory=list)  # what changed, from where, when (history.py); the store keeps it
    # what-ifs kept apart from the real record (scenarios.py): they never change the loans or their payments
    scenarios: list[Scenario] = Field(default_factory=list, exclude_if=lambda v: not v)

    def loan(self, loan_id: str, field: str = "loan") -> LoanRecord:
        for record in self.loans:
            if record.id == loan_id:
                return record
        raise InputError(field, loan_id, "loan_id", known=[r.id for r in self.loans] or "none")

    def events_of(self, loan_id: str) -> list[Event]:
        """A loan's events in the order they happened (date, then the order they were recorded)."""
        return self.events_by_loan().get(loan_id, [])

    def event(self, event_id: str, field: str = "id") -> Event:
        for event in self.events:
            if event.id == event_id:
                return event
        raise InputError(field, event_id, "event_id")

    def payments_by_loan(self) -> dict[str, list[Event]]:
        """Every loan's payments that stand (not voids, not voided), in the order they happened: what the
        replay applies."""
        events = self.events
        voided = {e.voids for e in events if e.kind == "void"}
        if not voided:
            return self.events_by_loan()
        grouped = self.events_by_loan()
        return {k: [e for e in v if e.kind != "void" and e.id not in voided] for k, v in grouped.items()}

    def voided_by(self) -> dict[str, Event]:
        """payment id → the void that reverses it."""
        return {e.voids: e for e in self.events if e.kind == "void" and e.voids}

    def events_by_loan(self) -> dict[str, list[Event]]:
        """Every loan's events, in order (date, then the order they were recorded in), grouped in one pass (a
        ledger may hold tens of thousands)."""
        events = self.events
        numbers = [_number(e.id) for e in events]
        if any(e.replaces for e in events):  # a corrected payment takes the place of the one it replaces
            place: dict[str, int] = {}
            for event, number in sorted(zip(events, numbers), key=itemgetter(1)):
                place[event.id] = place.get(event.replaces, number) if event.replaces else number
            numbers = [place[e.id] for e in events]
            events = [e for _, e in sorted(zip(numbers, events), key=itemgetter(0))]
        elif any(a > b for a, b in zip(numbers, numbers[1:])):  # a hand-edited file may list them in any order
            events = [e for _, e in sorted(zip(numbers, events), key=itemgetter(0))]
        grouped: dict[str, list[Event]] = {}
        for event in sorted(events, key=attrgetter("date")):  # stable: a day's events stay in recorded order
            grouped.setdefault(event.loan_id, []).append(event)
        return grouped


def _number(identifier: str) -> int:
    return int(identifier[1:])


def _issue(ledger: Ledger, prefix: Literal["L", "E", "C"], taken: list[str]) -> tuple[str, dict]:
    """The next id after every one issued before (ids are never reused), and the updated record of them."""
    number = max([ledger.ids_issued.get(prefix, 0), *(_number(i) for i in taken)]) + 1
    return f"{prefix}{number}", {**ledger.ids_issued, prefix: number}


def clean_name(name: object, field: str = "name") -> str:
    """A loan's name as typed: 1 to MAX_NAME characters, no control characters or bidi overrides."""
    return clean_text(name, field, MAX_NAME, rule="name")


def add_loan(
    ledger: Ledger,
    name: object,
    loan: Loan,
    *,
    paid_through: object = 0,
    today: dt.date | None = None,
    recorded_at: dt.datetime | None = None,
    source: str = "",
) -> tuple[Ledger, str]:
    """A new loan gets the next free id (ids are never reused). The first real loan replaces the demo.

    `paid_through` K (a loan already part-repaid): instalments 1..K are recorded as repaid on their due dates,
    each exactly what it owed then. K is 0 up to the term − 1, and each of those due dates must be on or before
    `today`."""
    base = Ledger(terms=ledger.terms, settings=ledger.settings) if ledger.demo else ledger
    new_id, issued = _issue(base, "L", [r.id for r in base.loans])
    record = LoanRecord(id=new_id, name=clean_name(name), **dataclasses.asdict(loan))
    new = base.model_copy(update={"loans": [*base.loans, record], "demo": False, "ids_issued": issued})
    count = _paid_through(paid_through, loan, today)
    if count:
        from jiebei_tui.domain.replay import scheduled_payments

        for on, amount in scheduled_payments(record.loan, effective_terms(new, new_id), count):
            new, _ = append_event(new, new_id, "repayment", on, amount, on, recorded_at=recorded_at, source=source)
    return new, new_id


def _paid_through(value: object, loan: Loan, today: dt.date | None) -> int:
    if value is None or value == "" or value == 0:
        return 0
    from jiebei_tui.domain.schedule import due_dates
    from jiebei_tui.domain.terms import parse_int

    dues = due_dates(loan)
    allowed = min(loan.term - 1, sum(1 for d in dues if today is not None and d <= today))
    try:
        count = parse_int(value, "paid_through", "paid_through")
    except InputError:
        count = -1
    if not 0 <= count <= allowed:
        raise InputError("paid_through", value, "paid_through", max=allowed, term=loan.term, today=today)
    return count


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
    """The ledger without the loan, its payments, its contacts, the scenario changes naming it, and its place in
    the reminder rules (a rule for it alone goes: reminder_settings.forget_loan)."""
    from jiebei_tui.domain.reminder_settings import forget_loan as forget_in_rules
    from jiebei_tui.domain.scenarios import forget_loan

    ledger.loan(loan_id)
    reminders = forget_in_rules(ledger.settings.reminders, loan_id)
    settings = ledger.settings if reminders is ledger.settings.reminders else ledger.settings.model_copy(
        update={"reminders": reminders})
    return forget_loan(ledger, loan_id).model_copy(
        update={
            "loans": [r for r in ledger.loans if r.id != loan_id],
            "events": [e for e in ledger.events if e.loan_id != loan_id],
            "contacts": [c for c in ledger.contacts if c.loan_id != loan_id],
            "settings": settings,
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
    *,
    recorded_at: dt.datetime | None = None,
    source: str = "",
    replaces: str | None = None,
    auto_debit: bool = False,
) -> tuple[Ledger, Event]:
    """Add a payment after checking its date (not before the drawdown, not after today). It need not be the
    latest: the replay orders payments by date. replay.record_event checks it against the loan's history."""
    record = ledger.loan(loan_id)
    if on < record.start or on > today:
        raise InputError("on", on.isoformat(), "event_date", start=record.start, today=today)
    event_id, issued = _issue(ledger, "E", [e.id for e in ledger.events])
    event = Event(
        id=event_id,
        loan_id=loan_id,
        kind=kind,
        date=on,
        amount=Decimal(amount).quantize(FEN),  # written as 1000.00, as every amount is
        strategy=strategy,
        recorded_at=recorded_at,
        source=source,
        replaces=replaces,
        auto_debit=auto_debit,
    )
    return ledger.model_copy(update={"events": [*ledger.events, event], "ids_issued": issued}), event


def append_void(
    ledger: Ledger, payment: Event, *, reason: str | None = None, recorded_at: dt.datetime | None = None, source: str = ""
) -> tuple[Ledger, Event]:
    """Add the entry that reverses `payment` (its amount and date, naming it); corrections.void_event checks it."""
    event_id, issued = _issue(ledger, "E", [e.id for e in ledger.events])
    event = Event(
        id=event_id,
        loan_id=payment.loan_id,
        kind="void",
        date=payment.date,
        amount=payment.amount,
        recorded_at=recorded_at,
        source=source,
        voids=payment.id,
        reason=reason,
    )
    return ledger.model_copy(update={"events": [*ledger.events, event], "ids_issued": issued}), event


# --- terms: the ledger's are every loan's default; a loan may override any ---


def terms_for(record: LoanRecord, terms: ProductTerms) -> ProductTerms:
    """The terms in force for one loan: its own where it has them, the ledger's otherwise."""
    own = record.terms
    return terms if own is None else own.applied_to(terms)


def effective_terms(ledger: Ledger, loan_id: str) -> ProductTerms:
    return terms_for(ledger.loan(loan_id), ledger.terms)


def set_terms(
    ledger: Ledger,
    loan_id: str | None = None,
    *,
    penalty_multiplier: object = None,
    grace_days: object = None,
    compounding: object = None,
    default_strategy: object = None,
    min_prepayment: object = None,
    prepayment_fee: object = None,
    reset: tuple[str, ...] = (),
) -> Ledger:
    """Set contract terms for every loan (`loan_id` None: the ledger's defaults, no longer illustrative) or for one
    loan (its overrides; `reset` names overrides to drop, so the loan follows the ledger again). Each value is
    checked as typed. Refused (InputError naming the first payment) when a loan's recorded payments no longer fit
    under the new terms. Returns the ledger itself when nothing changes."""
    update = parse_terms(
        penalty_multiplier=penalty_multiplier,
        grace_days=grace_days,
        compounding=compounding,
        default_strategy=default_strategy,
        min_prepayment=min_prepayment,
        prepayment_fee=prepayment_fee,
    )
    for name in reset:
        if name not in TERM_FIELDS:
            raise InputError("reset", name, "term_field", known=", ".join(TERM_FIELDS))
    if loan_id is None:
        if reset:
            raise InputError("reset", ",".join(reset), "reset_needs_loan")
        terms = ledger.terms.model_copy(update={"illustrative": False, **update})
        if terms == ledger.terms:
            return ledger
        new = ledger.model_copy(update={"terms": terms})
        checked = [r.id for r in ledger.loans]
    else:
        record = ledger.loan(loan_id)
        own = (record.terms.overrides() if record.terms is not None else {}) | update
        for name in reset:
            own.pop(name, None)
        terms = LoanTerms(**own) if own else None
        if terms == record.terms:
            return ledger
        changed = record.model_copy(update={"terms": terms})
        new = ledger.model_copy(update={"loans": [changed if r.id == loan_id else r for r in ledger.loans]})
        checked = [loan_id]
    from jiebei_tui.domain.corrections import check_history

    for other in checked:
        check_history(ledger, new, other, "terms", None)
    return new


def update_settings(ledger: Ledger, **changes: object) -> Ledger:
    """The borrower's preferences (lang, theme, keymap) changed; the ledger itself when nothing changes."""
    settings = ledger.settings
    if all(getattr(settings, name) == value for name, value in changes.items()):
        return ledger
    checked = Settings.model_validate(changes)  # a value out of its field's range is a bug of the caller's
    update = {name: getattr(checked, name) for name in changes}
    return ledger.model_copy(update={"settings": settings.model_copy(update=update)})


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
    for prefix, records in (("L", other.loans), ("E", other.events), ("S", other.scenarios), ("C", other.contacts)):
        seen = max([other.ids_issued.get(prefix, 0), *(_number(r.id) for r in records)])
        if seen > issued.get(prefix, 0):
            issued[prefix] = seen
    return ledger if issued == ledger.ids_issued else ledger.model_copy(update={"ids_issued": issued})
