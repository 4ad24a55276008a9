"""Paying the running instalment today or on its due date (actions/repay.py `pay_today_or_later`, `early_payment`),
by the account model of domain.md: paid early, the instalment's interest stops that day, and (the plan kept)
the next instalment's interest runs from that day, so the next instalment grows; in all a little interest is
saved, since principal repaid earlier accrues nothing meanwhile.

Every figure is worked by hand below: interest = balance × 0.0004 × days, HALF_UP to the fen."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from jiebei_tui.actions import loans, payments, repay
from jiebei_tui.actions.account import Account
from jiebei_tui.store import Store

D = dt.date
AT = dt.datetime(2025, 1, 10, 12, 0, tzinfo=dt.timezone(dt.timedelta(hours=8)))
WORKED = {"principal": "10000", "daily_rate": "0.0004", "term": "12", "method": "equal-installment", "start": "2025-01-10"}
# the newcomer's loan: due on the 15th (10-15, 11-15, 12-15, 2027-01-15, 02-15 ...)
NEWCOMER = {**WORKED, "start": "2026-09-15"}


@pytest.fixture
def account(tmp_path: Path) -> Account:
    store = Store(tmp_path / "data", demo=False, today=D(2025, 1, 10))
    return Account(store, D(2025, 1, 10), source="app", clock=lambda: AT)


def newcomer(account: Account) -> None:
    """10,000 at 0.0004/day, 12 months, drawn 2026-09-15; instalments 1 and 2 paid on their due dates.

    The instalment is 900.53 (the issue's scheduled figure), and on time:
      1: 09-15→10-15, 30 days: 10,000.00 × 0.0004 × 30 = 120.00; principal 780.53; balance 9,219.47
      2: 10-15→11-15, 31 days: 9,219.47 × 0.0004 × 31 = 114.321428 → 114.32; principal 786.21; balance 8,433.26
      3: 11-15→12-15, 30 days: 8,433.26 × 0.0004 × 30 = 101.19912 → 101.20; principal 799.33
      4: 12-15→01-15, 31 days: 7,633.93 × 0.0004 × 31 = 94.660732 → 94.66; principal 805.87
      5: 01-15→02-15, 31 days: 6,828.06 × 0.0004 × 31 = 84.667944 → 84.67; principal 815.86"""
    loans.add_loan(account, "Newcomer", **NEWCOMER)
    for day in (D(2026, 10, 15), D(2026, 11, 15)):
        account.today = day
        payments.pay(account, "L1", "900.53")
    account.today = D(2026, 11, 29)


def test_paying_instalment_3_early_makes_instalment_4_grow(account: Account) -> None:
    """The issue's case on 2026-11-29.
    Today:        interest 11-15→11-29, 14 days: 8,433.26 × 0.0004 × 14 = 47.226256 → 47.23; + 799.33 = 846.56
    On 12-15:     101.20 + 799.33 = 900.53
    Instalment 4 after paying today: its interest runs 11-29→01-15, 47 days:
                  7,633.93 × 0.0004 × 47 = 143.517884 → 143.52; + 805.87 = 949.39 (on time: 94.66 + 805.87 = 900.53)
    Interest in all: (101.20 + 94.66) − (47.23 + 143.52) = 195.86 − 190.75 = 5.11
                  (≈ 799.33 repaid 16 days sooner: 799.33 × 0.0004 × 16 = 5.115)"""
    newcomer(account)
    timing = repay.pay_today_or_later(account, "L1")
    assert not timing.overdue and not timing.due_today
    early = timing.early
    assert (early.no, early.due_date, early.on) == (3, D(2026, 12, 15), D(2026, 11, 29))
    assert (early.amount, early.on_due_date) == (Decimal("846.56"), Decimal("900.53"))
    assert (timing.pay_today, timing.pay_on_due_date) == (early.amount, early.on_due_date)
    assert early.next == repay.NextInstalment(4, D(2027, 1, 15), Decimal("949.39"), Decimal("900.53"))
    assert early.interest_saved == Decimal("5.11")
    assert not early.replanned


def test_the_confirmation_figure_is_what_recording_then_shows(account: Account) -> None:
    """The pay confirmations' figure for the same payment, then the payment recorded: instalment 4 asks 949.39,
    and Repay's comparison moves on to instalment 4 against instalment 5.
    Instalment 4 today (11-29, nothing accrued since the payment): 0 days → 0.00; + 805.87 = 805.87
    On 01-15: 143.52 + 805.87 = 949.39
    Instalment 5 after paying 4 today: 11-29→02-15, 78 days: 6,828.06 × 0.0004 × 78 = 213.035472 → 213.04;
                  + 815.86 = 1,028.90 (on time: 84.67 + 815.86 = 900.53)
    Interest in all: (143.52 + 84.67) − (0.00 + 213.04) = 15.15 (805.87 × 0.0004 × 47 = 15.150356)"""
    newcomer(account)
    early = repay.early_payment(account, "L1", "846.56")
    assert early.next == repay.NextInstalment(4, D(2027, 1, 15), Decimal("949.39"), Decimal("900.53"))
    paid = payments.pay(account, "L1", "846.56")
    assert (paid.state.next_due_date, paid.state.next_due_amount) == (D(2027, 1, 15), Decimal("949.39"))
    timing = repay.pay_today_or_later(account, "L1")
    assert (timing.early.no, timing.early.amount, timing.early.on_due_date) == (4, Decimal("805.87"), Decimal("949.39"))
    assert timing.early.next == repay.NextInstalment(5, D(2027, 2, 15), Decimal("1028.90"), Decimal("900.53"))
    assert timing.early.interest_saved == Decimal("15.15")


def test_the_worked_loan_paid_early_at_its_pay_today_amount(account: Account) -> None:
    """domain.md's loan (instalment 900.41), instalment 1 paid on 2025-02-05 with nothing left over.
    Today:        01-10→02-05, 26 days: 10,000.00 × 0.0004 × 26 = 104.00; + 776.41 = 880.41
    On 02-10:     124.00 + 776.41 = 900.41
    Instalment 2 on time: 9,223.59 × 0.0004 × 28 = 103.304208 → 103.30 (domain.md); principal 900.41 − 103.30 = 797.11
    Instalment 2 after paying today: 02-05→03-10, 33 days: 9,223.59 × 0.0004 × 33 = 121.751388 → 121.75;
                  + 797.11 = 918.86
    Interest in all: (124.00 + 103.30) − (104.00 + 121.75) = 1.55 (776.41 × 0.0004 × 5 = 1.55282)"""
    loans.add_loan(account, "Phone", **WORKED)
    account.today = D(2025, 2, 5)
    early = repay.pay_today_or_later(account, "L1").early
    assert (early.no, early.amount, early.on_due_date) == (1, Decimal("880.41"), Decimal("900.41"))
    assert early.next == repay.NextInstalment(2, D(2025, 3, 10), Decimal("918.86"), Decimal("900.41"))
    assert early.interest_saved == Decimal("1.55")
    assert repay.early_payment(account, "L1", "880.41") == early
    paid = payments.pay(account, "L1", "880.41")
    assert paid.state.next_due_amount == Decimal("918.86")


def test_paying_more_recomputes_the_plan_and_the_confirmation_says_what_instalment_2_then_asks(account: Account) -> None:
    """domain.md: 900.41 on 2025-02-05 leaves 20.00 over, which prepays principal (reduce-installment):
    instalment 2 becomes 900.23 (33 days, interest 121.49, principal 778.74) instead of 900.41."""
    loans.add_loan(account, "Phone", **WORKED)
    account.today = D(2025, 2, 5)
    early = repay.early_payment(account, "L1", "900.41")
    assert early.replanned and early.no == 1
    assert early.next == repay.NextInstalment(2, D(2025, 3, 10), Decimal("900.23"), Decimal("900.41"))


def test_an_instalment_due_today_is_paid_on_time(account: Account) -> None:
    """On 2025-02-10 instalment 1 is due: today and its due date are the same day, 900.41 either way, and
    instalment 2 asks 900.41; nothing is saved, and a confirmation has nothing to add."""
    loans.add_loan(account, "Phone", **WORKED)
    account.today = D(2025, 2, 10)
    timing = repay.pay_today_or_later(account, "L1")
    assert timing.due_today
    early = timing.early
    assert (early.amount, early.on_due_date, early.interest_saved) == (Decimal("900.41"), Decimal("900.41"), Decimal("0.00"))
    assert early.next == repay.NextInstalment(2, D(2025, 3, 10), Decimal("900.41"), Decimal("900.41"))
    assert repay.early_payment(account, "L1", "900.41") is None


def test_the_last_instalment_has_no_next_one(account: Account) -> None:
    """1,000.00 at 0.0004/day for 1 month, drawn 2025-01-10, due 2025-02-10 (31 days).
    On 02-10: 1,000.00 × 0.0004 × 31 = 12.40; 1,012.40. Today 01-25, 15 days: 1,000.00 × 0.0004 × 15 = 6.00;
    1,006.00. Saved 12.40 − 6.00 = 6.40."""
    loans.add_loan(account, "Short", **{**WORKED, "principal": "1000", "term": "1"})
    account.today = D(2025, 1, 25)
    timing = repay.pay_today_or_later(account, "L1")
    early = timing.early
    assert (early.no, early.amount, early.on_due_date, early.next) == (1, Decimal("1006.00"), Decimal("1012.40"), None)
    assert early.interest_saved == Decimal("6.40")
    assert repay.early_payment(account, "L1", "1006.00") == early


def test_payments_that_do_not_complete_the_running_instalment_early_say_nothing(account: Account) -> None:
    """domain.md: instalment 1 six days overdue on 2025-02-16, 903.66 clears it (the running instalment 2 is
    not paid); after instalment 1 on time, 500 pays part of instalment 2; the payoff 9,278.93 on 2025-02-25
    settles the loan (settle's own preview speaks for it)."""
    loans.add_loan(account, "Phone", **WORKED)
    account.today = D(2025, 2, 16)
    assert repay.pay_today_or_later(account, "L1").early is None  # overdue: what waiting costs instead
    assert repay.early_payment(account, "L1", "903.66") is None
    account.today = D(2025, 2, 10)
    payments.pay(account, "L1", "900.41")
    account.today = D(2025, 2, 25)
    assert repay.early_payment(account, "L1", "500") is None
    assert repay.early_payment(account, "L1", "9278.93") is None


def test_the_command_line_pay_prints_the_same_next_instalment(cli) -> None:
    """`pay` prints the loan after the payment: its next due amount is the confirmations' figure, 949.39."""
    assert cli("loans", "add", "--name", "Newcomer", "--principal", "10000", "--daily-rate", "0.0004", "--term", "12",
               "--start", "2026-09-15", "--method", "equal-installment").code == 0
    for day in ("2026-10-15", "2026-11-15"):
        assert cli("pay", "L1", "--amount", "900.53", today=day).code == 0
    printed = cli("pay", "L1", "--amount", "846.56", today="2026-11-29").out
    assert "2027-01-15  ¥949.39" in printed
    loan = cli("status", "L1", "--json", today="2026-11-29").json()["loans"][0]
    assert (loan["next_due_date"], loan["next_due_amount"]) == ("2027-01-15", "949.39")
