"""A loan drawn today can be settled or part-prepaid today, as it can be paid: on the drawdown day a payment is a
payment like any other, with zero days of interest (domain.md, the account model: the payoff is the principal).
A date before the drawdown is refused with one sentence.

Hand-worked, 10,000 at 0.04%/day, 12 equal instalments, drawn 2026-11-29 (repays on the 25th, first on
2026-12-25, 26 days). The instalment: A = B / sum_k prod_{j<=k} 1/(1 + d x days_j), rounded down (domain.md's
worked example 900.41 is this formula) = 899.05; interest over the plan 788.61.
- settle on 2026-11-29: the payoff is the principal, 10,000.00; it saves the whole plan's interest, 788.61.
- prepay 1,000 on 2026-11-29, smaller instalment: no interest yet; instalment 1's scheduled principal 795.05 (it
  is then paid), 204.95 prepaid; 9,000.00 left over instalments 2-12 (2027-01-25 .. 2027-11-25) from 2026-11-29:
  A = 888.06 (888.0636 rounded down), instalment 2 runs 57 days: 9,000 x 0.0004 x 57 = 205.20; the last 888.10;
  interest afterwards 768.70, saved 19.91.
"""

from __future__ import annotations

import datetime as dt
import math
from decimal import Decimal
from pathlib import Path

import pytest

from jiebei_tui.actions import loans, payments, repay
from jiebei_tui.actions.account import open_account
from jiebei_tui.domain.errors import InputError

TODAY = "2026-11-29"
LOAN = ["--principal", "10000", "--daily-rate", "0.0004", "--term", "12", "--method", "equal-installment"]
BEFORE = '--on "2026-11-28" is not allowed: the date must be on or after the drawdown (2026-11-29).'


def annuity(balance: float, start: dt.date, dues: list[dt.date]) -> Decimal:
    """The equal instalment by its formula, in floats (independent of the code's Decimal one), rounded down."""
    factor, total, prev = 1.0, 0.0, start
    for due in dues:
        factor /= 1 + 0.0004 * (due - prev).days
        total += factor
        prev = due
    return Decimal(math.floor(balance / total * 100)) / 100


DUES = [dt.date(2026, 12, 25)] + [dt.date(2027, m, 25) for m in range(1, 12)]


def test_the_hand_worked_instalments() -> None:
    drawn = dt.date(2026, 11, 29)
    assert annuity(10000, drawn, DUES) == Decimal("899.05")
    assert annuity(9000, drawn, DUES[1:]) == Decimal("888.06")


@pytest.fixture
def drawn_today(cli) -> None:
    assert cli("loans", "add", "--name", "New", *LOAN, "--start", TODAY, today=TODAY).code == 0


def test_settle_on_the_drawdown_day_is_the_principal(cli, drawn_today) -> None:
    result = cli("settle", "--loan", "L1", "--on", TODAY, "--json", today=TODAY)
    assert result.code == 0, result.err
    settled = result.json()
    assert (settled["payoff"], settled["interest_saved"]) == ("10000.00", "788.61")
    applied = cli("settle", "--loan", "L1", "--on", TODAY, "--apply", today=TODAY)
    assert applied.code == 0 and "Recorded settlement of ¥10,000.00 on 2026-11-29 for L1." in applied.out
    assert cli("status", "--json", today=TODAY).json()["loans"][0]["paid_off"] is True


def test_prepay_on_the_drawdown_day_recomputes_on_9000(cli, drawn_today) -> None:
    args = ("prepay", "--loan", "L1", "--amount", "1000", "--on", TODAY, "--strategy", "reduce-installment")
    result = cli(*args, "--json", today=TODAY)
    assert result.code == 0, result.err
    p = result.json()
    assert (p["new_balance"], p["interest_saved"]) == ("9000.00", "19.91")
    first, last = p["installments"][0], p["installments"][-1]
    assert (first["no"], first["due_date"], first["interest"], first["total"]) == (2, "2027-01-25", "205.20", "888.06")
    assert (last["no"], last["total"]) == (12, "888.10")
    assert cli(*args, "--apply", today=TODAY).code == 0
    now = cli("status", "--json", today=TODAY).json()["loans"][0]
    assert (now["principal_outstanding"], now["next_due_date"], now["next_due_amount"]) == ("9000.00", "2027-01-25", "888.06")


def test_pay_settle_and_prepay_agree_on_the_drawdown_day(cli, drawn_today) -> None:
    """pay up to the payoff is accepted the same day; so are settle and prepay."""
    assert cli("pay", "L1", "--amount", "162.25", "--json", today=TODAY).code == 0
    payoff = cli("settle", "--loan", "L1", "--on", TODAY, "--json", today=TODAY).json()["payoff"]
    assert payoff == "9837.75"  # 10,000 less the 162.25 just paid: no interest on the drawdown day


@pytest.mark.parametrize("command", [("settle", "--loan", "L1"), ("prepay", "--loan", "L1", "--amount", "1000")])
def test_a_date_before_the_drawdown_is_refused_in_one_sentence(cli, drawn_today, data_dir: Path, command) -> None:
    before = (data_dir / "ledger.json").read_bytes()
    result = cli(*command, "--on", "2026-11-28", today=TODAY)
    assert result.code == 2 and result.err.strip() == BEFORE
    assert cli(*command, "--on", "2026-11-28", "--apply", today=TODAY).code == 2
    assert (data_dir / "ledger.json").read_bytes() == before
    zh = cli(*command, "--on", "2026-11-28", today=TODAY, lang="zh")
    assert zh.code == 2 and "日期不能早于借款日（2026-11-29）" in zh.err


def test_the_actions_accept_the_drawdown_day(tmp_path: Path) -> None:
    day = dt.date(2026, 11, 29)
    account = open_account(tmp_path / "data", today=day, demo=False)
    loans.add_loan(account, "New", principal="10000", daily_rate="0.0004", term="12", method="equal-installment",
                   start=TODAY)
    assert repay.settle_preview(account, "L1").payoff == Decimal("10000.00")
    options = repay.prepay_options(account, "L1", "1000", not_past=True)
    assert options.reduce_installment.installments[0].total == Decimal("888.06")
    with pytest.raises(InputError) as err:
        repay.settle_preview(account, "L1", "2026-11-28")
    assert err.value.rule == "after_start"
    settled = repay.settle(account, "L1")
    assert settled.paid.state.paid_off and payments.payments(account, "L1")[0].event.amount == Decimal("10000.00")
