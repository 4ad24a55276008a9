"""Where a part-prepayment goes (actions/repay.py `prepay_options`, `prepay_explained`; text/prepay.py), by rule 2
of the account model (domain.md): what is overdue first, then what completes the running instalment (its
interest to the day and its scheduled principal), and only what is left prepays principal.

The worked loan: 10,000 at 0.04%/day, 12 months, equal instalments, drawn 2025-01-10; instalment 900.41.
Every figure is worked by hand below: interest = balance × 0.0004 × days, HALF_UP to the fen."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from jiebei_tui.actions import loans, payments, repay
from jiebei_tui.actions.account import Account
from jiebei_tui.domain.terms import Strategy
from jiebei_tui.store import Store
from jiebei_tui.text import prepay as words

D = dt.date
M = Decimal
AT = dt.datetime(2025, 1, 10, 12, 0, tzinfo=dt.timezone(dt.timedelta(hours=8)))


@pytest.fixture
def account(tmp_path: Path) -> Account:
    store = Store(tmp_path / "data", demo=False, today=D(2025, 1, 10))
    account = Account(store, D(2025, 1, 10), source="app", clock=lambda: AT)
    return account


def worked(account: Account, method: str = "equal-installment") -> None:
    loans.add_loan(account, "Worked", principal="10000", daily_rate="0.0004", term="12", method=method,
                   start="2025-01-10")


def test_the_amount_first_completes_instalment_1_and_only_the_rest_prepays(account: Account) -> None:
    """domain.md's worked case: 900.41 on 2025-02-05.
    Interest to the day: 10,000 × 0.0004 × 26 = 104.00. Instalment 1's scheduled principal: 900.41 − (10,000 ×
    0.0004 × 31 = 124.00) = 776.41. So 104.00 + 776.41 = 880.41 completes instalment 1; 900.41 − 880.41 = 20.00
    prepays principal. Reduce-installment: instalment 2 (2025-03-10) asks 900.23 (domain.md) instead of 900.41
    as the plan stands; reduce-term keeps 900.41."""
    worked(account)
    account.today = D(2025, 2, 5)
    options = repay.prepay_options(account, "L1", "900.41", not_past=True)
    for r in (options.reduce_term, options.reduce_installment):
        assert (r.running, r.running_due, r.due_now, r.overdue_cleared) == (1, M("880.41"), M("880.41"), M("0.00"))
        assert (r.to_running, r.accrued_interest, r.prepaid, r.installment_paid) == (M("880.41"), M("104.00"), M("20.00"), 1)
        assert r.overdue_cleared + r.to_running + r.prepaid + r.fee == r.amount
    assert options.next_installment == repay.NextInstalment(2, D(2025, 3, 10), M("900.23"), M("900.41"))
    assert options.next_term == repay.NextInstalment(2, D(2025, 3, 10), M("900.41"), M("900.41"))
    r = options.reduce_installment
    assert words.split(r, "en") == (
        "Of ¥900.41: ¥880.41 completes instalment 1 (its interest to 2025-02-05, ¥104.00, and its principal, "
        "¥776.41); the remaining ¥20.00 prepays principal. Instalment 1 is then paid: don't pay it again.")
    assert words.split(r, "zh") == (
        "¥900.41 中：¥880.41 还清第 1 期（计到 2025-02-05 的利息 ¥104.00 及本金 ¥776.41）；剩余 ¥20.00 提前偿还本金。"
        "第 1 期随之还清，不必再单独还。")
    assert words.next_change(r, options.next_installment, "en") == (
        "Instalment 2 (2025-03-10) then asks ¥900.23 instead of ¥900.41: the rest of the plan is recomputed from "
        "the day of this payment.")
    assert words.next_change(options.reduce_term, options.next_term, "en") == ""  # the same figure: nothing to say
    assert words.as_planned(r, options.next_installment, "zh") == (
        "按现有计划（第 1 期在到期日还），第 2 期（2025-03-10）需还 ¥900.41；表中为本次还款后的金额。")


def test_an_amount_below_what_is_due_prepays_nothing_and_says_so(account: Account) -> None:
    """500 on 2025-02-05: more than the interest (104.00), less than the 880.41 that completes instalment 1. It
    pays 104.00 of interest and 396.00 of instalment 1's principal; nothing prepays; instalment 1 stays open and
    on its due date 02-10 asks the rest of its principal, 776.41 − 396.00 = 380.41, plus the interest from 02-05
    on 10,000 − 396.00 = 9,604.00: × 0.0004 × 5 = 19.208 → 19.21; 380.41 + 19.21 = 399.62. Both strategies the
    same."""
    worked(account)
    account.today = D(2025, 2, 5)
    options = repay.prepay_options(account, "L1", "500", not_past=True)
    r = options.reduce_term
    assert (r.to_running, r.prepaid, r.installment_paid, r.due_now) == (M("500.00"), M("0.00"), None, M("880.41"))
    assert r.principal_reduction == M("396.00")
    assert r.installments[0].no == 1 and r.installments[0].total == M("399.62")
    assert options.better is None and options.next_term is None and options.next_installment is None
    assert words.split(r, "en") == (
        "Of ¥500.00: ¥500.00 pays only part of instalment 1 (completing it on 2025-02-05 takes ¥880.41); nothing is "
        "left to prepay principal. To prepay principal, pay more than ¥880.41 on 2025-02-05.")
    assert words.split(r, "zh") == (
        "¥500.00 中：¥500.00 只还了第 1 期的一部分（2025-02-05 还清该期需 ¥880.41）；没有余额用于提前还本金。"
        "要提前还本金，2025-02-05 的金额须大于 ¥880.41。")


def test_an_overdue_loan_clears_the_overdue_then_the_running_instalment_then_prepays(account: Account) -> None:
    """Instalment 1 paid on time (900.41 on 02-10); instalment 2 (due 03-10) unpaid; 3000 on 2025-03-20.
    After 1: balance 10,000 − 776.41 = 9,223.59. Instalment 2: 9,223.59 × 0.0004 × 28 = 103.304 → 103.30;
      principal 900.41 − 103.30 = 797.11. 10 days late, penalty at 0.0004 × 1.5 = 0.0006 on each part:
      797.11 × 0.0006 × 10 = 4.78266 → 4.78; 103.30 × 0.0006 × 10 = 0.6198 → 0.62. Overdue: 900.41 + 5.40 = 905.81.
    Instalment 3 runs 03-10→04-10 on 9,223.59 − 797.11 = 8,426.48: to 03-20, 10 days: 33.70592 → 33.71; its
      scheduled principal 900.41 − (8,426.48 × 0.0004 × 31 = 104.488 → 104.49) = 795.92; 33.71 + 795.92 = 829.63.
    Prepaid: 3000 − 905.81 − 829.63 = 1,264.56; new balance 8,426.48 − 795.92 − 1,264.56 = 6,366.00.
    Reduce-term: instalment 4 (05-10) keeps 900.41, as the plan stands."""
    worked(account)
    account.today = D(2025, 2, 10)
    payments.pay(account, "L1", "900.41")
    account.today = D(2025, 3, 20)
    done = repay.prepay_explained(account, "L1", "3000", strategy="reduce-term")
    r = done.result
    assert (r.overdue_cleared, r.running, r.running_due, r.due_now) == (M("905.81"), 3, M("829.63"), M("1735.44"))
    assert (r.to_running, r.accrued_interest, r.prepaid, r.new_balance) == (M("829.63"), M("33.71"), M("1264.56"), M("6366.00"))
    assert done.next == repay.NextInstalment(4, D(2025, 5, 10), M("900.41"), M("900.41"))
    assert words.split(r, "en") == (
        "Of ¥3,000.00: ¥905.81 first clears what is overdue; ¥829.63 completes instalment 3 (its interest to "
        "2025-03-20, ¥33.71, and its principal, ¥795.92); the remaining ¥1,264.56 prepays principal. Instalment 3 "
        "is then paid: don't pay it again.")
    smaller = repay.prepay_explained(account, "L1", "3000", strategy=Strategy.REDUCE_INSTALLMENT)
    assert smaller.next.amount == smaller.result.installments[0].total < M("900.41")


def test_nothing_due_in_the_running_instalment_yet_all_prepays(account: Account) -> None:
    """Interest first: instalment 1 (10,000 × 0.0004 × 31 = 124.00) paid on its due date 02-10; the same day
    instalment 2 has no interest yet and no principal (interest first): 1,000 all prepays principal, instalment 2
    stays open and on 03-10 asks 9,000 × 0.0004 × 28 = 100.80."""
    worked(account, "interest-first")
    account.today = D(2025, 2, 10)
    payments.pay(account, "L1", "124.00")
    r = repay.prepay_preview(account, "L1", "1000")
    assert (r.running, r.running_due, r.to_running, r.prepaid, r.installment_paid) == (2, M("0.00"), M("0.00"), M("1000.00"), None)
    assert r.installments[0].no == 2 and r.installments[0].total == M("100.80")
    assert words.split(r, "en") == "Of ¥1,000.00: nothing is due in instalment 2 yet; all ¥1,000.00 prepays principal."
    assert words.split(r, "zh") == "¥1,000.00 中：第 2 期尚无应还金额；全部 ¥1,000.00 提前偿还本金。"
