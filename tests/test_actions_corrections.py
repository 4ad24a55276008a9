"""A void's preview: "before" is the loan as Status shows it today, "after" the loan with the payment voided.

Figures worked by hand from domain.md's worked example (10,000 at 0.04%/day, 12 months, equal instalments, drawn
2025-01-10, instalment 900.41; instalment 1: interest 124.00, principal 776.41; instalment 2: interest 103.30 on
9,223.59 over 28 days, principal 797.11), penalty 0.06%/day, HALF_UP once per instalment and part. Added with
instalments 1 and 2 already repaid (E1 900.41 on 02-10, E2 900.41 on 03-10); today 2025-03-24.

E1 voided: E2 (03-10) first pays instalment 1, 28 days late: penalty 776.41 × 0.0006 × 28 = 13.04 and
124.00 × 0.0006 × 28 = 2.08, interest 124.00, principal 900.41 − 15.12 − 124.00 = 761.29 (15.12 left). Today:
instalment 1 owes 15.12 + penalty (776.41 × 28 + 15.12 × 14) × 0.0006 = 13.17 less 13.04 paid = 0.13 → 15.25;
instalment 2 (14 days late) 900.41 + 797.11 × 0.0006 × 14 = 6.70 + 103.30 × 0.0006 × 14 = 0.87 → 907.98. Behind
since 2025-02-10 (42 days, M2), 923.23 clears it. Principal outstanding 10,000 − 761.29 = 9,238.71; not yet due
8,426.48, interest 03-10..03-24 = 8,426.48 × 0.0004 × 14 = 47.19; payoff 923.23 + 8,426.48 + 47.19 = 9,396.90.

E2 voided too: instalment 1, 42 days late: 900.41 + 776.41 × 0.0006 × 42 = 19.57 + 124.00 × 0.0006 × 42 = 3.12
→ 923.10; with instalment 2's 907.98: 1,831.08; payoff 1,831.08 + 8,426.48 + 47.19 = 10,304.75.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

from jiebei_tui.actions import facts, loans, payments
from jiebei_tui.actions.account import open_account
from jiebei_tui.text.loans import compared

WORKED = {"principal": "10000", "daily_rate": "0.0004", "term": "12", "method": "equal-installment", "start": "2025-01-10"}


def shown(s) -> tuple:
    """What Status shows beside a loan: outstanding, payoff, the date and amount, days late, stage."""
    due = facts.due_now(s)
    return s.principal_outstanding, s.payoff, due.date, due.shown, s.days_overdue, s.stage


def test_after_a_first_void_the_next_voids_before_is_the_loan_as_status_shows_it(tmp_path: Path) -> None:
    account = open_account(tmp_path / "data", today=dt.date(2025, 3, 24), demo=False)
    loans.add_loan(account, "Worked", **WORKED, paid_through=2)
    payments.void(account, "E1")
    correction = payments.preview_void(account, "E2")
    now = facts.status(account).states[0]  # what Status shows today, after the first void
    assert shown(correction.before) == shown(now) == (
        Decimal("9238.71"), Decimal("9396.90"), dt.date(2025, 2, 10), Decimal("923.23"), 42, "M2")
    assert shown(correction.after) == (
        Decimal("10000.00"), Decimal("10304.75"), dt.date(2025, 2, 10), Decimal("1831.08"), 42, "M2")
    assert account.ledger.voided_by().keys() == {"E1"}  # a preview writes nothing


def test_the_before_and_after_table_shows_statuss_next_due_and_amount(tmp_path: Path) -> None:
    """The words both the app's void dialog and `loans edit` print: for a loan behind, Next due is the date it fell
    behind and Amount what clears it (Status's columns), not the next instalment still to fall due (04-10)."""
    account = open_account(tmp_path / "data", today=dt.date(2025, 3, 24), demo=False)
    loans.add_loan(account, "Worked", **WORKED, paid_through=2)
    payments.void(account, "E1")
    correction = payments.preview_void(account, "E2")
    rows = {label: (before, after) for label, before, after in compared(correction.before, correction.after, "en")}
    assert rows["Next due"] == ("2025-02-10", "2025-02-10")
    assert rows["Amount"] == ("¥923.23", "¥1,831.08")
    assert rows["State"] == ("overdue M2", "overdue M2")
    assert rows["Payoff"] == ("¥9,396.90", "¥10,304.75")
