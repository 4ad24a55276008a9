"""Is a ledger consistent with itself? Checks that no single field can make: every loan id, event id and contact
id appears once, every event names a loan in the ledger and is not dated before that loan was drawn (and every
contact names a loan in it), only a restructure carries a plan, reminder rule ids are unique, the history's
revisions go up and end at the ledger's.

Dates are within the years the program works with (EARLIEST to LATEST).

A file written by this program always passes; a hand-edited one may not. The store refuses a ledger with any
of these problems (naming the first) rather than guess which of two loans a payment was for.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from jiebei_tui.domain.terms import FIRST_DATE, LAST_DATE

if TYPE_CHECKING:
    from jiebei_tui.domain.ledger import Ledger

# Dates a ledger may hold: what the command line and the forms accept, so no schedule arithmetic ever
# reaches year 10000 (a loan drawn on 9999-12-31 would fall due then).
EARLIEST, LATEST = FIRST_DATE, LAST_DATE  # the dates the program works with (domain/terms.py)


@dataclass(frozen=True)
class Problem:
    """`key` names the kind of problem (text renders it as `integrity.<key>`), `params` the items involved."""

    key: str
    params: dict[str, object] = field(default_factory=dict)


def problems(ledger: Ledger) -> list[Problem]:
    """Every inconsistency, in the order the file holds the items (an empty list: the ledger is consistent)."""
    found: list[Problem] = []
    loan_counts = Counter(record.id for record in ledger.loans)
    for loan_id, n in loan_counts.items():
        if n > 1:
            found.append(Problem("duplicate_loan", {"id": loan_id, "n": n}))
    event_counts = Counter(event.id for event in ledger.events)
    for event_id, n in event_counts.items():
        if n > 1:
            found.append(Problem("duplicate_event", {"id": event_id, "n": n}))
    for record in ledger.loans:
        if not EARLIEST <= record.start <= LATEST:
            found.append(Problem("loan_date", {"id": record.id, "date": record.start, "earliest": EARLIEST, "latest": LATEST}))
    starts = {record.id: record.start for record in ledger.loans}
    for event in ledger.events:
        start = starts.get(event.loan_id)
        if not EARLIEST <= event.date <= LATEST:
            found.append(Problem("event_date", {"id": event.id, "date": event.date, "earliest": EARLIEST, "latest": LATEST}))
        elif start is None:
            found.append(Problem("orphan_event", {"id": event.id, "loan": event.loan_id}))
        elif event.date < start:
            found.append(Problem("event_before_start", {"id": event.id, "loan": event.loan_id, "date": event.date, "start": start}))
        if (event.kind == "restructure") != (event.plan is not None):  # an agreement carries its plan, nothing else does
            found.append(Problem("restructure_plan", {"id": event.id, "kind": event.kind}))
    contact_counts = Counter(contact.id for contact in ledger.contacts)
    for contact_id, n in contact_counts.items():
        if n > 1:
            found.append(Problem("duplicate_contact", {"id": contact_id, "n": n}))
    for contact in ledger.contacts:
        if not EARLIEST <= contact.at.date() <= LATEST or (
            contact.promise_date is not None and not EARLIEST <= contact.promise_date <= LATEST
        ):
            found.append(Problem("contact_date", {"id": contact.id, "date": contact.at.date(), "earliest": EARLIEST, "latest": LATEST}))
        elif contact.loan_id not in starts:
            found.append(Problem("orphan_contact", {"id": contact.id, "loan": contact.loan_id}))
    rule_counts = Counter(rule.id for rule in ledger.settings.reminders.rules)
    for rule_id, n in rule_counts.items():
        if n > 1:
            found.append(Problem("duplicate_rule", {"id": rule_id, "n": n}))
    revision = -1
    for entry in ledger.history:
        before_ok = entry.before is None or entry.before < entry.revision
        if entry.revision <= revision or entry.revision > ledger.revision or not before_ok:
            found.append(Problem("history_order", {"revision": entry.revision, "ledger": ledger.revision}))
            break
        revision = entry.revision
    return found
