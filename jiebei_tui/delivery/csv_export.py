"""CSV exports, as text: the schedule, the payments (each split as the replay applied it), a plan's payments and
the months ahead. Written to a file later through delivery/files.write_private (0600).

Columns are named with the same words as the `--json` keys; amounts have exactly two decimals, dates are ISO.
Text from the ledger (loan names) is shown with control characters escaped (text/safe.py), and a cell that a
spreadsheet would read as a formula (starting with = + - @ or a tab) gets a leading apostrophe.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from decimal import Decimal
from typing import TYPE_CHECKING

from jiebei_tui.domain.money import money_str
from jiebei_tui.text.safe import visible

if TYPE_CHECKING:
    from jiebei_tui.domain.ledger import Ledger
    from jiebei_tui.domain.months import Month
    from jiebei_tui.domain.plan import PlanComparison

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def cell_text(text: str) -> str:
    """Text from the ledger, safe in a spreadsheet cell."""
    shown = visible(text)
    return "'" + shown if shown.startswith(FORMULA_START) else shown


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, Decimal):
        return money_str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _table(header: list[str], rows) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([_cell(v) for v in row])
    return out.getvalue()


SCHEDULE_COLUMNS = [
    "loan_id", "loan", "no", "period_start", "due_date", "principal", "interest", "penalty", "fee", "paid", "owed",
    "status", "days_overdue",
]


def schedule_csv(ledger: Ledger, today: dt.date) -> str:
    """Every loan's schedule as it stands today, as Status and `status ID` show it: each instalment paid, overdue
    or still to come with its own principal and what was paid toward it, and the principal a payment prepaid
    beyond it on a line of its own (status `prepaid`, no instalment number; its fee, if any, `fee`)."""
    from jiebei_tui.domain.replay import all_states

    rows = []
    for state in all_states(ledger, today):
        record = state.record
        for inst in state.schedule:
            rows.append([
                record.id, cell_text(record.name), "" if inst.apart else inst.no, inst.period_start, inst.due_date,
                inst.principal,
                inst.interest, inst.penalty, inst.fee, inst.paid, inst.owed, inst.status, inst.days_overdue,
            ])
    return _table(SCHEDULE_COLUMNS, rows)


PAYMENT_COLUMNS = [
    "id", "loan_id", "loan", "date", "kind", "amount", "strategy", "principal", "interest", "penalty", "fee",
    "applied", "source", "recorded_at",
]


def payment_splits(ledger: Ledger, today: dt.date):
    """(event, allocation or None) for every payment that stands, loan by loan in the order they happened; None
    when the replay cannot apply it (a hand-edited file: status lists it among the problems)."""
    from jiebei_tui.domain.ledger import terms_for
    from jiebei_tui.domain.replay import LoanReplay

    grouped = ledger.payments_by_loan()
    for record in ledger.loans:
        events = grouped.get(record.id, [])
        replay = LoanReplay.run(record.loan, terms_for(record, ledger.terms), events, max([today, *(e.date for e in events)]), record=record, log=True)
        applied = {id(event): allocation for event, allocation in replay.allocations}
        for event in events:
            yield record, event, applied.get(id(event))


def split(allocation) -> tuple[Decimal, Decimal, Decimal, Decimal]:
    """(principal, interest, penalty, fee) of a payment, as the replay applied it."""
    a = allocation
    return (a.overdue_principal + a.principal + a.prepaid, a.overdue_interest + a.interest, a.penalty, a.fee)


def payments_csv(ledger: Ledger, today: dt.date) -> str:
    """Every payment that stands (voided ones left out), split into principal, interest, penalty and fee."""
    rows = []
    for record, event, allocation in payment_splits(ledger, today):
        parts = split(allocation) if allocation is not None else (None, None, None, None)
        rows.append([
            event.id, record.id, cell_text(record.name), event.date, event.kind, event.amount,
            event.strategy.value if event.strategy else "", *parts, allocation is not None, event.source,
            event.recorded_at.isoformat() if event.recorded_at else "",
        ])
    return _table(PAYMENT_COLUMNS, rows)


PLAN_COLUMNS = [
    "order", "date", "loan_id", "loan", "amount", "regular", "extra", "kind", "principal", "interest", "penalty", "fee",
]


def plan_csv(comparison: PlanComparison, names: dict[str, str]) -> str:
    """Every payment of doing nothing extra and of each order, in date order; `names`: loan id → name."""
    rows = []
    for option in (comparison.baseline, *comparison.options):
        for p in option.payments:
            rows.append([
                option.order, p.on, p.loan_id, cell_text(names.get(p.loan_id, "")), p.amount, p.regular, p.extra,
                p.kind, p.principal, p.interest, p.penalty, p.fee,
            ])
    return _table(PLAN_COLUMNS, rows)


PLAN_SUMMARY_COLUMNS = ["order", "debt_free", "interest", "penalty", "fees", "cost", "saving", "unused"]


def plan_summary_csv(comparison: PlanComparison) -> str:
    """One row per order: debt-free date, what it costs from today, the saving against doing nothing."""
    rows = []
    for option in (comparison.baseline, *comparison.options):
        t = option.totals
        rows.append([option.order, option.debt_free, t.interest, t.penalty, t.fees, t.cost, option.saving, option.unused])
    return _table(PLAN_SUMMARY_COLUMNS, rows)


MONTH_COLUMNS = ["month", "due_date", "loan_id", "loan", "no", "amount", "overdue", "before_payday", "month_total"]


def months_csv(months: tuple[Month, ...]) -> str:
    """The months ahead: one row per instalment (a month with none has one row with its zero total)."""
    rows = []
    for month in months:
        label = month.month.strftime("%Y-%m")
        if not month.items:
            rows.append([label, None, "", "", None, None, None, None, month.total])
        for item in month.items:
            rows.append([
                label, item.due_date, item.loan_id, cell_text(item.name), item.installment, item.amount, item.overdue,
                item.before_payday, month.total,
            ])
    return _table(MONTH_COLUMNS, rows)
