"""Is a ledger consistent with itself? Checks that no single field can make: every loan id, event id, contact id
and scenario id appears once (and every scenario name), no more scenarios than the program keeps (MAX_SCENARIOS),
every event names a loan in the ledger and is not dated before that loan was drawn (and every contact and
scenario change names a loan in it, a contact not before its drawdown), only a restructure carries a plan, a void reverses one entry of its own loan (no entry is voided
twice) and a corrected payment names one of its own loan's, reminder rule ids are unique and every loan a rule
names is in the ledger or was in it once (an id the ledger issued: ids are never given out again, and files
written before removing a loan took it out of the rules naming it still name it: those rules just never apply
to it), the history's revisions go up and end at the ledger's.

Dates are within the years the program works with (EARLIEST to LATEST).

A file written by this program always passes; a hand-edited one may not. The store refuses a ledger with any
of these problems (naming the first) rather than guess which of two loans a payment was for.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from jiebei_tui.domain.scenarios import MAX_SCENARIOS
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
    found.extend(_corrections(ledger))
    contact_counts = Counter(contact.id for contact in ledger.contacts)
    for contact_id, n in contact_counts.items():
        if n > 1:
            found.append(Problem("duplicate_contact", {"id": contact_id, "n": n}))
    for contact in ledger.contacts:
        day = contact.at.date()
        wrong = next((d for d in (day, contact.promise_date) if d is not None and not EARLIEST <= d <= LATEST), None)
        if wrong is not None:
            found.append(Problem("contact_date", {"id": contact.id, "date": wrong, "earliest": EARLIEST, "latest": LATEST}))
        elif contact.loan_id not in starts:
            found.append(Problem("orphan_contact", {"id": contact.id, "loan": contact.loan_id}))
        elif day < starts[contact.loan_id]:
            found.append(Problem("contact_before_start", {"id": contact.id, "loan": contact.loan_id, "date": day,
                                                          "start": starts[contact.loan_id]}))
    found.extend(_scenarios(ledger, starts))
    rule_counts = Counter(rule.id for rule in ledger.settings.reminders.rules)
    for rule_id, n in rule_counts.items():
        if n > 1:
            found.append(Problem("duplicate_rule", {"id": rule_id, "n": n}))
    found.extend(_rule_loans(ledger, starts))
    revision = -1
    for entry in ledger.history:
        before_ok = entry.before is None or entry.before < entry.revision
        if entry.revision <= revision or entry.revision > ledger.revision or not before_ok:
            found.append(Problem("history_order", {"revision": entry.revision, "ledger": ledger.revision}))
            break
        revision = entry.revision
    return found


def _rule_loans(ledger: Ledger, starts: dict[str, dt.date]) -> list[Problem]:
    """A reminder rule names loans in the ledger, or ones it issued and removed since (named by files written
    before a removal took the loan out of its rules); an id never issued is an edit, and refused (the first one
    of each rule)."""
    numbers = (int(match[1]) for loan_id in starts if (match := _LOAN_ID.fullmatch(loan_id)))
    issued = max([ledger.ids_issued.get("L", 0), *numbers])
    found: list[Problem] = []
    for rule in ledger.settings.reminders.rules:
        for loan_id in rule.loans or ():
            match = _LOAN_ID.fullmatch(loan_id)
            if loan_id not in starts and (match is None or int(match[1]) > issued):
                found.append(Problem("orphan_rule", {"id": rule.id, "loan": loan_id}))
                break
    return found


_LOAN_ID = re.compile(r"L([0-9]{1,9})")  # LoanRecord.id


def _corrections(ledger: Ledger) -> list[Problem]:
    """A void names the entry it reverses: one of its own loan's that is not itself a void, voided once; only a
    void names one. A corrected payment names the entry it replaces: another of its own loan's, not a void.
    (Otherwise a void filed under one loan would silently take away another loan's payment.)"""
    found: list[Problem] = []
    by_id = {event.id: event for event in ledger.events}
    voided: Counter[str] = Counter()
    for event in ledger.events:
        if event.kind == "void":
            target = by_id.get(event.voids) if event.voids is not None else None
            if event.voids is None:
                found.append(Problem("void_names_nothing", {"id": event.id}))
            elif target is None or target.kind == "void" or target.loan_id != event.loan_id:
                found.append(Problem("void_target", {"id": event.id, "target": event.voids, "loan": event.loan_id}))
            else:
                voided[event.voids] += 1
        elif event.voids is not None:
            found.append(Problem("voids_not_void", {"id": event.id, "kind": event.kind, "target": event.voids}))
        if event.replaces is not None:
            target = by_id.get(event.replaces)
            if target is None or target is event or target.kind == "void" or target.loan_id != event.loan_id:
                found.append(Problem("replaces_target", {"id": event.id, "target": event.replaces, "loan": event.loan_id}))
    for target, n in voided.items():
        if n > 1:
            found.append(Problem("voided_twice", {"id": target, "n": n}))
    return found


def _scenarios(ledger: Ledger, starts: dict[str, dt.date]) -> list[Problem]:
    """Scenario ids and names (any case) appear once, there are at most MAX_SCENARIOS of them (as `scenario add`
    and the app keep it: the first one over is named), and every loan a scenario names is in the ledger (removing
    a loan removes the changes naming it)."""
    found: list[Problem] = []
    if len(ledger.scenarios) > MAX_SCENARIOS:
        found.append(Problem("too_many_scenarios", {"id": ledger.scenarios[MAX_SCENARIOS].id,
                                                    "n": len(ledger.scenarios), "max": MAX_SCENARIOS}))
    for scenario_id, n in Counter(s.id for s in ledger.scenarios).items():
        if n > 1:
            found.append(Problem("duplicate_scenario", {"id": scenario_id, "n": n}))
    first_named: dict[str, str] = {}
    for scenario in ledger.scenarios:
        key = scenario.name.casefold()
        if key in first_named and first_named[key] != scenario.id:
            found.append(Problem("scenario_name_twice", {"id": scenario.id, "other": first_named[key]}))
        first_named.setdefault(key, scenario.id)
        for change in scenario.changes:
            if change.loan_id is not None and change.loan_id not in starts:
                found.append(Problem("orphan_scenario", {"id": scenario.id, "loan": change.loan_id}))
                break
    return found
