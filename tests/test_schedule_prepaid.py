"""A loan's schedule after a payment that completes the running instalment and prepays principal (replay.py
`schedule_lines`; `status ID`, `schedule --loan`, their --json): the instalment shows its own principal, its
interest and what was paid toward it; the principal prepaid is a line of its own, dated the day of the payment.

The worked loan (domain.md): 10,000 at 0.04%/day, 12 months, equal instalments, drawn 2025-01-10; instalment
900.41, instalment 1 (due 2025-02-10) scheduled principal 776.41. ¥2,000.00 paid on 2025-02-05 (worked by hand):
- interest to the day: 10,000 × 0.0004 × 26 days (01-10 → 02-05) = 104.00
- instalment 1 is completed by 104.00 + 776.41 = 880.41 (paid early, the plan's interest to 02-10 never charged)
- left: 2,000.00 − 880.41 = 1,119.59 prepays principal
- principal after instalment 1 itself: 10,000 − 776.41 = 9,223.59; after the prepayment: 9,223.59 − 1,119.59
  = 8,104.00
- instalment 2 (due 03-10) recast on 8,104.00 from 02-05: 33 days, interest 8,104.00 × 0.0004 × 33 = 106.9728
  → 106.97
Before, instalment 1 read principal 1,896.00 (776.41 + 1,119.59) and paid 2,000.00."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as M

from jiebei_tui.domain.product_terms import ProductTerms
from jiebei_tui.domain.replay import LoanReplay, schedule_lines
from jiebei_tui.domain.terms import make_loan
from tests.conftest import EI

D = dt.date
PAID_ON = D(2025, 2, 5)


def worked(fee: str = "0") -> LoanReplay:
    loan = make_loan(principal="10000", daily_rate="0.0004", term=12, method="equal-installment", start="2025-01-10")
    replay = LoanReplay(loan, ProductTerms(prepayment_fee=M(fee)))
    replay.pay(M("2000.00"), PAID_ON)
    return replay


def test_the_instalment_shows_its_own_and_the_prepaid_principal_is_a_line_of_its_own() -> None:
    state = worked().state(PAID_ON)
    first, prepaid, second = state.schedule[:3]
    assert (first.no, first.due_date, first.status) == (1, D(2025, 2, 10), "paid")
    assert (first.principal, first.interest, first.penalty, first.paid) == (M("776.41"), M("104.00"), 0, M("880.41"))
    assert (prepaid.status, prepaid.due_date, prepaid.principal, prepaid.paid) == ("prepaid", PAID_ON, M("1119.59"), M("1119.59"))
    assert (prepaid.interest, prepaid.penalty, prepaid.owed) == (0, 0, 0)
    assert (second.no, second.status, second.interest) == (2, "upcoming", M("106.97"))
    # the lines account for every fen: 880.41 + 1,119.59 = 2,000.00 paid
    assert sum((r.paid for r in state.schedule), M(0)) == M("2000.00") == state.total_paid
    # the instalments themselves (what other rules read) are as they were: one row per instalment
    assert len(state.installments) == 12 and len(state.schedule) == 13
    assert state.installments[0].principal == M("1896.00")  # 776.41 + 1,119.59
    assert schedule_lines(state.installments) == state.schedule


def test_the_fee_on_the_prepaid_principal_is_paid_on_its_line() -> None:
    """A 1% fee: of the 1,119.59 left, principal ROUND_DOWN(1,119.59 / 1.01) = 1,108.50 (1,108.5049…), fee
    1,119.59 − 1,108.50 = 11.09 (= 1,108.50 × 1% = 11.085, rounded up). Instalment 1 still reads 880.41 paid;
    the prepaid principal and the fee are a line each (880.41 + 1,108.50 + 11.09 = 2,000.00)."""
    state = worked("0.01").state(PAID_ON)
    first, prepaid, fee = state.schedule[:3]
    assert (first.principal, first.paid) == (M("776.41"), M("880.41"))
    assert (prepaid.status, prepaid.principal, prepaid.paid) == ("prepaid", M("1108.50"), M("1108.50"))
    assert (fee.status, fee.due_date, fee.principal, fee.fee, fee.paid, fee.owed) == ("fee", PAID_ON, 0, M("11.09"), M("11.09"), 0)
    assert sum((r.paid for r in state.schedule), M(0)) == M("2000.00")


def test_status_prints_the_fee_on_a_line_of_its_own_within_80_columns(cli) -> None:
    assert cli("terms", "set", "--prepayment-fee", "1%").code == 0
    _prepaid(cli)
    out = cli("status", "L1", today="2025-02-05").out
    lines = _lines(out)
    at = lines.index(["1", "2025-02-10", "¥776.41", "¥104.00", "¥0.00", "¥880.41", "paid"])
    assert lines[at + 1] == ["2025-02-05", "¥1,108.50", "¥1,108.50", "prepaid", "principal"]
    assert lines[at + 2] == ["2025-02-05", "¥11.09", "prepayment", "fee"]
    assert max(len(line) for line in out.splitlines()) <= 80
    zh = _lines(cli("status", "L1", today="2025-02-05", lang="zh").out)
    assert ["2025-02-05", "¥11.09", "提前还款手续费"] in zh


def test_a_schedule_with_nothing_prepaid_is_the_instalments() -> None:
    loan = make_loan(principal="10000", daily_rate="0.0004", term=12, method="equal-installment", start="2025-01-10")
    replay = LoanReplay(loan, ProductTerms())
    replay.pay(M("900.41"), D(2025, 2, 10))  # instalment 1 on its due date: nothing left over
    state = replay.state(D(2025, 2, 10))
    assert state.schedule == list(state.installments)


def _prepaid(cli) -> None:
    assert cli("loans", "add", "--name", "Worked example", *EI).code == 0
    assert cli("pay", "L1", "--amount", "2000", "--on", "2025-02-05", today="2025-02-05").code == 0


def _lines(out: str) -> list[list[str]]:
    return [line.split() for line in out.splitlines()]


def test_status_prints_the_prepaid_principal_on_its_own_line(cli) -> None:
    _prepaid(cli)
    out = cli("status", "L1", today="2025-02-05").out
    lines = _lines(out)
    at = lines.index(["1", "2025-02-10", "¥776.41", "¥104.00", "¥0.00", "¥880.41", "paid"])
    assert lines[at + 1] == ["2025-02-05", "¥1,119.59", "¥1,119.59", "prepaid", "principal"]
    assert lines[at + 2][:4] == ["2", "2025-03-10", "¥685.71", "¥106.97"]  # recast: 106.97 by hand (module doc)
    assert "¥1,896.00" not in out and "¥2,000.00" not in out
    assert max(len(line) for line in out.splitlines()) <= 80
    zh = _lines(cli("status", "L1", today="2025-02-05", lang="zh").out)
    at = zh.index(["1", "2025-02-10", "¥776.41", "¥104.00", "¥0.00", "¥880.41", "已还"])
    assert zh[at + 1] == ["2025-02-05", "¥1,119.59", "¥1,119.59", "提前还本"]


def test_status_json_gives_the_instalment_its_own_and_the_prepaid_apart(cli) -> None:
    _prepaid(cli)
    first = cli("status", "L1", "--json", today="2025-02-05").json()["loans"][0]["installments"][0]
    assert first == {
        "no": 1, "due_date": "2025-02-10", "principal": "776.41", "interest": "104.00", "penalty": "0.00",
        "paid": "880.41", "prepaid_principal": "1119.59", "prepayment_fee": "0.00", "paid_on": "2025-02-05",
        "status": "paid", "days_overdue": 0,
    }


def test_schedule_prints_the_prepaid_principal_on_its_own_line(cli) -> None:
    _prepaid(cli)
    out = cli("schedule", "--loan", "L1", today="2025-02-05").out
    lines = _lines(out)
    # instalment 1: 776.41 + 104.00 = 880.41, leaving 9,223.59; then the 1,119.59 prepaid leaves 8,104.00
    at = lines.index(["1", "2025-02-10", "31", "¥776.41", "¥104.00", "¥880.41", "¥9,223.59"])
    assert lines[at + 1] == ["Prepaid", "2025-02-05", "¥1,119.59", "¥1,119.59", "¥8,104.00"]
    assert max(len(line) for line in out.splitlines()) <= 80
    zh = _lines(cli("schedule", "--loan", "L1", today="2025-02-05", lang="zh").out)
    at = zh.index(["1", "2025-02-10", "31", "¥776.41", "¥104.00", "¥880.41", "¥9,223.59"])
    assert zh[at + 1] == ["提前还本", "2025-02-05", "¥1,119.59", "¥1,119.59", "¥8,104.00"]
    data = cli("schedule", "--loan", "L1", "--json", today="2025-02-05").json()
    assert data["installments"][0] == {
        "no": 1, "due_date": "2025-02-10", "days": 31, "principal": "776.41", "interest": "104.00",
        "total": "880.41", "prepaid_principal": "1119.59", "remaining": "8104.00",
    }
    # the total to repay still counts the prepaid principal: everything paid and planned is 10,000 of
    # principal plus the interest
    assert M(data["total_payment"]) == M("10000") + M(data["total_interest"])
