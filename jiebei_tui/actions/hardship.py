"""After a missed payment, the way back (issue 12): what a monthly budget does across the loans, the request to
put to each lender with the figures it would see, the request letter, and recording the new plan the lender
agreed (a restructure). The plan, the request and the letter write nothing to the ledger; a restructure is one
store transaction. Everything shown is illustrative (the lender's own figures and contract bind).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from jiebei_tui.actions.account import Account
    from jiebei_tui.domain.hardship import Hardship
    from jiebei_tui.domain.ledger import Event, Ledger
    from jiebei_tui.domain.replay import LoanState
    from jiebei_tui.domain.request import LenderRequest, RequestOption
    from jiebei_tui.domain.restructure import RestructurePreview

ORDERS = ("oldest", "costliest")


# --- the budget plan and the requests (read-only) ---


@dataclass(frozen=True)
class Way:
    """The budget plan across loans and a request per open loan (domain/hardship.py), and what would be owed
    at the plan's last budget day had nothing more been paid (the yardstick: paying the budget never leaves
    more)."""

    hardship: Hardship
    owed_if_nothing_paid: Decimal
    names: dict[str, str]  # loan id → its name (as in the file: show it through visible())

    @property
    def plan(self):
        return self.hardship.plan

    @property
    def requests(self) -> tuple[LenderRequest, ...]:
        return self.hardship.requests


def way_back(
    account: Account,
    budget: object,
    start: object = None,
    order: object = "oldest",
    months: object = None,
    *,
    waive_penalty: bool = True,
    waive_interest: bool = False,
) -> Way:
    """Pay only `budget` a month from `start` (default today) in `order`, as things stand; and for each open loan,
    the request its share of the budget supports. Each value is checked as typed (InputError naming it)."""
    from jiebei_tui.domain.afford import MAX_MONTHS, owed_if_nothing_paid
    from jiebei_tui.domain.hardship import hardship

    ledger = account.ledger
    found = hardship(ledger, account.today, budget, start, order, MAX_MONTHS if months is None else months,
                     waive_penalty=waive_penalty, waive_interest=waive_interest)
    plan = found.plan
    last = plan.months[-1].on if plan.months else plan.start
    return Way(found, owed_if_nothing_paid(ledger, last, account.today), {r.id: r.name for r in ledger.loans})


def request_for(way: Way, loan_id: str | None, field: str = "loan") -> LenderRequest:
    """The request for one loan (default: the first, the longest overdue). InputError naming `field` when the
    loan is not in the ledger, or the budget leaves nothing for it (or there is no open loan at all)."""
    requests = way.requests
    if loan_id is None:
        if not requests:  # no loan was named: the budget is what to change (it named a --loan nobody typed)
            from jiebei_tui.domain.errors import InputError

            raise InputError("budget", str(way.hardship.plan.budget), "letter_no_loan")
        return requests[0]
    found = way.hardship.request(loan_id)
    if found is None:
        raise_no_request(field, loan_id)
    return found


def raise_no_request(field: str, loan_id: str | None):
    from jiebei_tui.domain.errors import InputError

    raise InputError(field, loan_id, "letter_no_request")


def option_for(request: LenderRequest, kind: str | None) -> RequestOption:
    """The option the letter asks for: `kind` "term" or "installment", else the request's best (or, when nothing
    fits, the least fixed instalment: what text/letter.py leads with)."""
    from jiebei_tui.domain.errors import InputError
    from jiebei_tui.domain.request import INSTALLMENT

    if kind is None:
        return request.best or next(o for o in request.options if o.kind == INSTALLMENT)
    for option in request.options:
        if option.kind == kind:
            return option
    raise InputError("ask", kind, "letter_ask")


# --- the letter ---


@dataclass(frozen=True)
class Letter:
    loan_id: str
    lang: str
    text: str
    path: Path | None  # where it was saved (None: not saved)


def letter(
    request: LenderRequest,
    lang: str,
    option: RequestOption | None = None,
    *,
    name: object = None,
    lender: object = None,
    reason: object = None,
    out: Path | str | None = None,
) -> Letter:
    """The request letter in `lang` with the loan's figures; `name`, `lender`, `reason` as typed (checked: no
    control characters, bounded). Saved to `out` (0600, folders made 0700) when given (LedgerFileError naming
    the path when it cannot be written)."""
    from jiebei_tui.delivery.files import write_private
    from jiebei_tui.domain.free_text import clean_text
    from jiebei_tui.text.letter import request_letter

    def typed(value: object, field: str, most: int) -> str:
        return clean_text(value, field, most, required=False) if value is not None else ""

    text = request_letter(request, lang, option, name=typed(name, "name", 80), lender=typed(lender, "lender", 80),
                          reason=typed(reason, "reason", 500))
    path = write_private(out, text, field="letter") if out is not None else None
    return Letter(request.record.id, lang, text, path)


def save_letter(text: str, out: Path | str) -> Path:
    """Save a letter already shown (the app's preview), 0600."""
    from jiebei_tui.delivery.files import write_private

    return write_private(out, text)


# --- recording what the lender agreed ---

RESTRUCTURE_FIELDS = ("term", "installment", "daily_rate", "method", "first_due", "waive_penalty", "waive_interest",
                      "reference")


@dataclass(frozen=True)
class Restructure:
    """A restructure previewed (`event` None) or recorded: the agreement replayed on the loan, and the loan's
    state at today with it."""

    preview: RestructurePreview
    event: Event | None
    state: LoanState

    @property
    def applied(self) -> bool:
        return self.event is not None


def _typed(given: dict) -> dict:
    unknown = set(given) - set(RESTRUCTURE_FIELDS)
    if unknown:
        raise TypeError(f"not part of an agreement: {', '.join(sorted(unknown))}")
    return given


def preview_restructure(account: Account, loan_id: str, on: object, **given: object) -> Restructure:
    """What recording the agreement would do, before anything is saved: each value checked as typed (term,
    installment, daily_rate, method, first_due, waive_penalty, waive_interest, reference), the loan's history
    replayed with it. Refused (InputError) as recording it would be."""
    from jiebei_tui.domain.replay import loan_state
    from jiebei_tui.domain.restructure import restructure_loan

    ledger = account.ledger
    record = ledger.loan(loan_id, "id")
    new, event = restructure_loan(ledger, record.id, on=on, today=account.today, **_typed(given))
    return Restructure(_preview_of(ledger, event), None, loan_state(new, record.id, account.today))


def _preview_of(ledger: Ledger, event: Event) -> RestructurePreview:
    from jiebei_tui.domain.restructure import preview_restructure as replayed

    return replayed(ledger, event.loan_id, event.date, event.plan)


def restructure(account: Account, loan_id: str, on: object, **given: object) -> Restructure:
    """Record the agreement (an entry in the loan's history; reminders and the credit outlook follow the new
    plan): one store transaction, checked again against the ledger as it is on disk."""
    from jiebei_tui.domain.restructure import restructure_loan

    stamp = {"recorded_at": account.now(), "source": account.source}

    def change(ledger: Ledger):
        record = ledger.loan(loan_id, "id")
        new, event = restructure_loan(ledger, record.id, on=on, today=account.today, **_typed(given), **stamp)
        return new, (event, _preview_of(ledger, event))

    def params(result) -> dict:
        event, preview = result
        return {"loan": event.loan_id, "event": event.id, "date": event.date, "amount": event.amount,
                "term": len(preview.new_installments)}

    applied = account.change(change, action="loans.restructure", params=params)
    event, preview = applied.result
    return Restructure(preview, event, account.state(event.loan_id))
