"""Ledgers for the plan tests: the hand-worked two loans, and random ledgers of several loans (hypothesis), each
loan part-repaid on time, some left overdue, under random per-loan terms."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

from hypothesis import strategies as st

from jiebei_tui.domain.ledger import Ledger, add_loan, set_terms
from jiebei_tui.domain.schedule import due_dates
from jiebei_tui.domain.terms import Method, make_loan

TODAY = dt.date(2025, 1, 20)


def two_loans() -> Ledger:
    """Hand-worked: A 10,000 at 0.05%/day interest-first over 3 months drawn 2025-01-10 (due the 10th), B 3,000
    at 0.03%/day equal principal over 3 months drawn 2025-01-15 (due the 15th). Nothing paid by 2025-01-20."""
    book = Ledger()
    book, _ = add_loan(book, "A", make_loan(principal="10000", daily_rate="0.0005", term=3, method="interest-first", start="2025-01-10"))
    book, _ = add_loan(book, "B", make_loan(principal="3000", daily_rate="0.0003", term=3, method="equal-principal", start="2025-01-15"))
    return book


def worked_loan(paid_through: int = 1, today: dt.date = dt.date(2025, 2, 10)) -> Ledger:
    """domain.md's worked loan: 10,000 at 0.04%/day, 12 months, equal instalments, drawn 2025-01-10, its first
    `paid_through` instalments paid on their due dates."""
    book, _ = add_loan(
        Ledger(),
        "Worked",
        make_loan(principal="10000", daily_rate="0.0004", term=12, method="equal-installment", start="2025-01-10"),
        paid_through=paid_through,
        today=today,
    )
    return book


loan_specs = st.fixed_dictionaries(
    {
        "fen": st.integers(500_00, 30_000_00),
        "rate": st.integers(150, 800),  # millionths a day
        "term": st.integers(2, 12),
        "method": st.sampled_from(list(Method)),
        "start": st.dates(dt.date(2024, 6, 1), dt.date(2025, 1, 19)),
        "day": st.one_of(st.none(), st.integers(1, 28)),
        "paid_share": st.floats(0, 1),  # of the instalments due by today, how many were paid
        "fee": st.sampled_from(["0", "0", "0.5%", "2%"]),
        "min_prepayment": st.sampled_from(["0", "0", "300", "2000"]),
    }
)


def build_ledger(specs: list[dict], today: dt.date = TODAY, fees: bool = True) -> Ledger:
    """`fees` off: no prepayment fee and no minimum prepayment (the ledger's defaults)."""
    book = Ledger()
    for n, spec in enumerate(specs):
        loan = make_loan(
            principal=D(spec["fen"]) / 100,
            daily_rate=D(spec["rate"]) / 1_000_000,
            term=spec["term"],
            method=spec["method"],
            start=spec["start"],
            repayment_day=spec["day"],
        )
        due = sum(1 for d in due_dates(loan) if d <= today)
        paid = min(int(due * spec["paid_share"]), loan.term - 1)
        book, loan_id = add_loan(book, f"Loan {n}", loan, paid_through=paid, today=today)
        if fees:
            book = set_terms(book, loan_id, min_prepayment=spec["min_prepayment"], prepayment_fee=spec["fee"])
    return book


ledgers = st.lists(loan_specs, min_size=1, max_size=4)
