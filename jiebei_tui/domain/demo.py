"""The demo ledger a first run shows: made relative to today, fictional names, marked as demo.

One loan on track, one with an instalment due in 2 days, one instalment 6 days overdue (the seed's case).
Repayment days must be 1..28, so when the calendar does not allow the exact distance the nearest one is used.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from jiebei_tui.domain.ledger import Event, Ledger, LoanRecord
from jiebei_tui.domain.schedule import add_months, build_schedule
from jiebei_tui.domain.terms import Method

DEMO_ZONE = dt.timezone(dt.timedelta(hours=8))
DEMO_LOANS = (
    # name, principal, daily rate, term, method, days from today to the instalment that matters, paid before it
    ("冰箱分期 · Fridge (demo)", "6000.00", "0.0003", 12, Method.EQUAL_INSTALLMENT, (15, 14, 16, 13, 17), 2),
    ("学费周转 · Course fee (demo)", "12000.00", "0.0004", 12, Method.EQUAL_PRINCIPAL, (2, 1, 3), 3),
    ("应急借款 · Rent gap (demo)", "10000.00", "0.0004", 12, Method.EQUAL_INSTALLMENT, (-6, -5, -7, -4, -8), 1),
)


def _nearest_due(today: dt.date, offsets: tuple[int, ...]) -> dt.date:
    for offset in offsets:
        candidate = today + dt.timedelta(days=offset)
        if candidate.day <= 28:
            return candidate
    return today + dt.timedelta(days=offsets[0] + 4)  # past the 28th: the 1st-4th of the next month


def build_demo(today: dt.date) -> Ledger:
    """Built unchecked (model_construct): the program's own values, shown at a first launch before anything
    needs pydantic (tests/domain/test_demo.py checks that it passes the file's checks)."""
    loans: list[LoanRecord] = []
    events: list[Event] = []
    for number, (name, principal, rate, term, method, offsets, paid) in enumerate(DEMO_LOANS, start=1):
        target = _nearest_due(today, offsets)
        first_due = add_months(target, -paid, target.day)
        record = LoanRecord.model_construct(
            id=f"L{number}",
            name=name,
            principal=Decimal(principal),
            daily_rate=Decimal(rate),
            term=term,
            method=method,
            start=first_due - dt.timedelta(days=20),
            repayment_day=target.day,
            auto_debit=number == 2,
            funding_account="余额宝 Yu'e Bao" if number == 2 else "",
        )
        loans.append(record)
        for inst in build_schedule(record.loan).installments[:paid]:  # paid on time, as scheduled
            events.append(
                Event.model_construct(
                    id=f"E{len(events) + 1}", loan_id=record.id, kind="repayment", date=inst.due_date, amount=inst.total,
                    # the demo's story: paid at noon (UTC+8) on the due day
                    recorded_at=dt.datetime.combine(inst.due_date, dt.time(12), tzinfo=DEMO_ZONE), source="demo",
                )
            )
    return Ledger.model_construct(demo=True, loans=loans, events=events)
