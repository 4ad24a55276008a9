"""Issue 8's front doors on the command line: payments list/void/edit, undo after each kind of change, loans edit
(preview, apply, refusal), loans add --paid-through, per-loan terms, auto-debit confirmed with pay --debited,
overdue across instalments, and the amount to pay now in status. Figures are worked by hand from domain.md's
worked example (10,000 at 0.04% a day, 12 months, equal instalments of 900.41, drawn 2025-01-10)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import EI

def ledger_data(data_dir: Path) -> dict:
    return json.loads((data_dir / "ledger.json").read_text())


def borrower_data(data_dir: Path) -> dict:
    """What the borrower recorded (loans, events, terms, settings), without the store's own bookkeeping (the seal too)."""
    data = ledger_data(data_dir)
    for key in ("revision", "history", "ids_issued", "seal"):
        data.pop(key, None)
    return data


# --- payments list ---


def test_payments_list_splits_each_payment_and_says_when_and_from_where(cli, worked_loan: str) -> None:
    assert cli("pay", worked_loan, "--amount", "900.41", "--on", "2025-02-10", today="2025-02-25").code == 0
    data = cli("payments", "list", "--json", today="2025-02-25").json()["payments"]
    assert len(data) == 1
    row = data[0]
    assert (row["id"], row["loan"], row["date"], row["kind"], row["amount"], row["status"]) == (
        "E1", "L1", "2025-02-10", "repayment", "900.41", "active")
    assert (row["penalty"], row["interest"], row["principal"], row["prepaid"], row["fee"]) == (
        "0.00", "124.00", "776.41", "0.00", "0.00")
    assert row["source"] == "cli" and row["recorded_at"][-6] in "+-" and row["reason"] is None
    text = cli("payments", "list", "L1", today="2025-02-25").out
    assert "E1" in text and "¥124.00" in text and "¥776.41" in text
    assert "还款" in cli("payments", "list", today="2025-02-25", lang="zh").out


def test_payments_list_of_an_unknown_loan_names_it(cli, worked_loan: str) -> None:
    result = cli("payments", "list", "L9")
    assert result.code == 2 and "LOAN" in result.err and '"L9"' in result.err


def test_an_early_payment_of_pay_now_completes_the_instalment_with_nothing_prepaid(cli, worked_loan: str) -> None:
    """status's pay_now on 02-05: interest to that day 10,000 × 0.04% × 26 = 104.00, plus the scheduled principal
    776.41 = 880.41 (next_due_amount 900.41 would prepay the 20.00 difference)."""
    loan = cli("status", "L1", "--json", today="2025-02-05").json()["loans"][0]
    assert (loan["pay_now"], loan["pay_now_covers"], loan["next_due_amount"]) == ("880.41", [1], "900.41")
    assert loan["payoff"] == "10104.00" and loan["badge"] == "on_track" and loan["behind_since"] is None
    assert cli("pay", "L1", "--amount", "880.41", "--on", "2025-02-05", today="2025-02-05").code == 0
    [row] = cli("payments", "list", "--json", today="2025-02-05").json()["payments"]
    assert (row["interest"], row["principal"], row["prepaid"]) == ("104.00", "776.41", "0.00")
    after = cli("status", "L1", "--json", today="2025-02-05").json()["loans"][0]
    assert after["installments"][0]["status"] == "paid" and after["principal_outstanding"] == "9223.59"
    assert "To pay today" in cli("status", "L1", today="2025-02-05").out


def test_pay_now_when_overdue_clears_it_and_names_the_day_it_fell_behind(cli, worked_loan: str) -> None:
    loan = cli("status", "--json", today="2025-02-16").json()["loans"][0]
    # the worked example: instalment 1 six days late, 776.41 + 124.00 + 2.80 + 0.45
    assert (loan["pay_now"], loan["pay_now_covers"], loan["behind_since"], loan["badge"]) == (
        "903.66", [1], "2025-02-10", "overdue")
    due_today = cli("status", "--json", today="2025-02-10").json()["loans"][0]
    assert (due_today["pay_now"], due_today["badge"]) == ("900.41", "due_today")


# --- void and edit ---


def test_void_a_payment_keeps_both_entries_and_the_loan_falls_behind_again(cli, worked_loan: str, data_dir: Path) -> None:
    cli("pay", "L1", "--amount", "900.41", "--on", "2025-02-10", today="2025-02-16")
    result = cli("payments", "void", "E1", "--reason", "bank reversed it", "--json", today="2025-02-16")
    assert result.code == 0, result.err
    data = result.json()
    assert (data["voided"], data["void"]) == ("E1", "E2")
    assert data["loan"]["days_overdue"] == 6 and data["loan"]["amount_to_clear"] == "903.66"
    events = ledger_data(data_dir)["events"]
    assert [(e["id"], e["kind"], e.get("voids")) for e in events] == [("E1", "repayment", None), ("E2", "void", "E1")]
    assert events[1]["source"] == "cli" and events[1]["reason"] == "bank reversed it"
    [row] = cli("payments", "list", "--json", today="2025-02-16").json()["payments"]
    assert (row["status"], row["voided_by"], row["reason"], row["interest"]) == ("voided", "E2", "bank reversed it", None)
    assert "voided" in cli("payments", "list", today="2025-02-16").out
    again = cli("payments", "void", "E1", today="2025-02-16")
    assert again.code == 2 and "ID" in again.err and "already" in again.err
    void_of_void = cli("payments", "void", "E2", today="2025-02-16")
    assert void_of_void.code == 2 and "not a payment" in void_of_void.err
    assert "已作废" in cli("payments", "list", today="2025-02-16", lang="zh").out


def test_edit_a_mistyped_amount(cli, worked_loan: str, data_dir: Path) -> None:
    """900.00 typed for 900.41 leaves instalment 1 short by 0.41 (partial); corrected, it is paid, split 124.00
    interest + 776.41 principal."""
    cli("pay", "L1", "--amount", "900.00", "--on", "2025-02-10", today="2025-02-20")
    short = cli("status", "L1", "--json", today="2025-02-20").json()["loans"][0]
    assert short["days_overdue"] == 10 and short["installments"][0]["status"] == "overdue"
    result = cli("payments", "edit", "E1", "--amount", "900.41", "--reason", "typo", "--json", today="2025-02-20")
    assert result.code == 0, result.err
    assert (result.json()["edited"], result.json()["replacement"]) == ("E1", "E3")
    loan = result.json()["loan"]
    assert loan["days_overdue"] == 0 and loan["installments"][0]["status"] == "paid"
    rows = {r["id"]: r for r in cli("payments", "list", "--json", today="2025-02-20").json()["payments"]}
    assert (rows["E1"]["status"], rows["E1"]["replaced_by"], rows["E1"]["reason"]) == ("replaced", "E3", "typo")
    assert (rows["E3"]["status"], rows["E3"]["replaces"], rows["E3"]["interest"], rows["E3"]["principal"]) == (
        "active", "E1", "124.00", "776.41")
    kinds = [(e["id"], e["kind"]) for e in ledger_data(data_dir)["events"]]
    assert kinds == [("E1", "repayment"), ("E2", "void"), ("E3", "repayment")]


def test_edit_a_date_and_an_edit_that_changes_nothing(cli, worked_loan: str, data_dir: Path) -> None:
    cli("pay", "L1", "--amount", "900.41", "--on", "2025-02-12", today="2025-02-20")
    late = cli("status", "L1", "--json", today="2025-02-20").json()["loans"][0]
    # two days late: the penalty 0.93 + 0.15 is paid first, leaving 1.08 of principal unpaid; by 02-20 the penalty
    # charged is (776.41 × 2 + 1.08 × 8) × 0.06% = 0.94 on principal and 124.00 × 2 × 0.06% = 0.15 on interest
    assert late["installments"][0]["penalty"] == "1.09" and late["installments"][0]["status"] == "overdue"
    moved = cli("payments", "edit", "E1", "--on", "2025-02-10", "--json", today="2025-02-20").json()
    assert moved["loan"]["installments"][0]["status"] == "paid" and moved["loan"]["installments"][0]["penalty"] == "0.00"
    before = (data_dir / "ledger.json").read_bytes()
    same = cli("payments", "edit", "E3", "--amount", "900.41", today="2025-02-20")
    assert same.code == 0 and "nothing was changed" in same.out
    assert (data_dir / "ledger.json").read_bytes() == before
    neither = cli("payments", "edit", "E3", today="2025-02-20")
    assert neither.code == 2 and "--amount" in neither.err and "--on" in neither.err


def test_an_edit_after_which_a_later_payment_no_longer_fits_is_refused(cli, worked_loan: str, data_dir: Path) -> None:
    """Instalment 1 paid on time, then the settle figure 9,278.93 on 02-25 closes the loan. Raising the first
    payment would make the settlement more than the payoff: refused, naming it."""
    cli("pay", "L1", "--amount", "900.41", "--on", "2025-02-10", today="2025-02-25")
    assert cli("settle", "--loan", "L1", "--on", "2025-02-25", "--apply", today="2025-02-25").code == 0
    before = (data_dir / "ledger.json").read_bytes()
    result = cli("payments", "edit", "E1", "--amount", "1000", today="2025-02-25")
    assert result.code == 2 and "E2" in result.err and "--amount" in result.err and "no longer fit" in result.err
    assert (data_dir / "ledger.json").read_bytes() == before


# --- undo after each kind of change ---

SETUP = [("pay", "L1", "--amount", "900.41", "--on", "2025-02-10")]
CHANGES = {
    "pay": ("pay", "L1", "--amount", "500"),
    "pay --debited": ("pay", "L2", "--debited"),
    "payments void": ("payments", "void", "E1"),
    "payments edit": ("payments", "edit", "E1", "--amount", "900"),
    "loans edit --apply": ("loans", "edit", "L1", "--daily-rate", "0.05%", "--apply"),
    "loans add --paid-through": ("loans", "add", "--name", "Old", *EI, "--paid-through", "1"),
    "terms set --loan": ("terms", "set", "--loan", "L1", "--penalty-multiplier", "2"),
    "terms set": ("terms", "set", "--grace-days", "3"),
    "loans auto-debit": ("loans", "auto-debit", "L1", "on", "--account", "card"),
    "settle --apply": ("settle", "--loan", "L1", "--on", "2025-02-25", "--apply"),
    "prepay --apply": ("prepay", "--loan", "L1", "--on", "2025-02-25", "--amount", "3000", "--apply"),
    "loans rename": ("loans", "rename", "L1", "--name", "Laptop"),
    "loans remove": ("loans", "remove", "L1"),
    "remind add": ("remind", "add", "--offset", "-2", "--time", "08:30"),
    "remind set": ("remind", "set", "--quiet", "23:00-07:00"),
}


@pytest.mark.parametrize("name", list(CHANGES))
def test_undo_after_each_kind_of_change(cli, worked_loan: str, data_dir: Path, name: str) -> None:
    today = "2025-02-25"
    assert cli("loans", "add", "--name", "Auto", *EI, today=today).code == 0
    assert cli("loans", "auto-debit", "L2", "on", today=today).code == 0
    for args in SETUP:
        assert cli(*args, today=today).code == 0
    before = borrower_data(data_dir)
    changed = cli(*CHANGES[name], today=today)
    assert changed.code == 0, changed.err
    assert borrower_data(data_dir) != before
    undone = cli("undo", "--json", today=today)
    assert undone.code == 0, undone.err
    assert borrower_data(data_dir) == before
    words = cli("undo", today=today, lang="en")  # the one before: the payment of the setup
    assert words.code == 0 and "repayment E1" in words.out


def test_undo_says_what_it_undid_for_the_new_changes(cli, worked_loan: str) -> None:
    cli("pay", "L1", "--amount", "900.41", "--on", "2025-02-10", today="2025-02-25")
    cli("payments", "void", "E1", today="2025-02-25")
    assert "voiding payment E1" in cli("undo", today="2025-02-25").out
    cli("loans", "edit", "L1", "--term", "6", "--apply", today="2025-02-25")
    assert "contract terms of loan L1" in cli("undo", today="2025-02-25").out
    cli("payments", "edit", "E1", "--amount", "900", today="2025-02-25")
    assert "更正" in cli("undo", today="2025-02-25", lang="zh").out


# --- loans edit ---


def test_loans_edit_shows_what_changes_and_records_nothing(cli, worked_loan: str, data_dir: Path) -> None:
    before = (data_dir / "ledger.json").read_bytes()
    result = cli("loans", "edit", "L1", "--daily-rate", "0.05%", "--json", today="2025-02-05")
    assert result.code == 0, result.err
    data = result.json()
    assert data["applied"] is False
    assert data["changes"] == {"daily_rate": {"before": "0.000400", "after": "0.000500"}}
    assert data["schedule_before"][0]["interest"] == "124.00"  # 10,000 × 0.04% × 31
    assert data["schedule_after"][0]["interest"] == "155.00"  # 10,000 × 0.05% × 31
    assert data["state_before"]["next_due_amount"] == "900.41"
    assert data["state_after"]["next_due_amount"] == data["schedule_after"][0]["total"]
    assert (data_dir / "ledger.json").read_bytes() == before
    text = cli("loans", "edit", "L1", "--daily-rate", "0.05%", today="2025-02-05").out
    assert "0.04% → 0.05%" in text and "nothing was recorded" in text


def test_loans_edit_apply_replays_every_payment(cli, worked_loan: str) -> None:
    cli("pay", "L1", "--amount", "900.41", "--on", "2025-02-10", today="2025-02-25")
    result = cli("loans", "edit", "L1", "--principal", "12000", "--apply", "--json", today="2025-02-25")
    assert result.code == 0, result.err
    assert result.json()["applied"] is True
    [loan] = cli("loans", "list", "--json", today="2025-02-25").json()["loans"]
    assert loan["principal"] == "12000.00"
    state = cli("status", "L1", "--json", today="2025-02-25").json()["loans"][0]
    # instalment 1 under the new contract: interest 12,000 × 0.04% × 31 = 148.80; 900.41 no longer covers it
    assert state["installments"][0]["interest"] == "148.80" and state["installments"][0]["status"] == "overdue"


def test_loans_edit_refuses_where_a_payment_no_longer_fits(cli, worked_loan: str, data_dir: Path) -> None:
    cli("pay", "L1", "--amount", "900.41", "--on", "2025-02-10", today="2025-02-25")
    before = (data_dir / "ledger.json").read_bytes()
    for args in (("--start", "2025-03-05"), ("--start", "2025-03-05", "--apply")):
        result = cli("loans", "edit", "L1", *args, today="2025-02-25")
        assert result.code == 2 and "--start" in result.err and "E1" in result.err
        assert result.err.count("\n") == 1 and result.out == ""
    assert (data_dir / "ledger.json").read_bytes() == before
    nothing = cli("loans", "edit", "L1", today="2025-02-25")
    assert nothing.code == 2 and "--principal" in nothing.err
    same = cli("loans", "edit", "L1", "--term", "12", "--apply", today="2025-02-25")
    assert same.code == 0 and "already has those terms" in same.out
    assert (data_dir / "ledger.json").read_bytes() == before


# --- loans add --paid-through ---


def test_paid_through_records_the_instalments_paid_on_their_due_dates(cli, data_dir: Path) -> None:
    """Instalments 1 and 2 as domain.md works them: 124.00 + 776.41, then 103.30 (28 days on 9,223.59) +
    797.11; left: 10,000 − 776.41 − 797.11 = 8,426.48."""
    added = cli("loans", "add", "--name", "Drawn in January", *EI, "--paid-through", "2", "--json", today="2025-03-15")
    assert added.code == 0, added.err
    assert added.json() == {"id": "L1", "paid_through": 2}
    rows = cli("payments", "list", "--json", today="2025-03-15").json()["payments"]
    assert [(r["date"], r["amount"], r["interest"], r["principal"]) for r in rows] == [
        ("2025-02-10", "900.41", "124.00", "776.41"), ("2025-03-10", "900.41", "103.30", "797.11")]
    loan = cli("status", "--json", today="2025-03-15").json()["loans"][0]
    assert (loan["days_overdue"], loan["principal_outstanding"], loan["next_due_date"]) == (0, "8426.48", "2025-04-10")
    assert "1 to 2" in cli("loans", "add", "--name", "Again", *EI, "--paid-through", "2", today="2025-03-15").out


@pytest.mark.parametrize("value", ["3", "12", "-1", "two"])
def test_paid_through_beyond_what_has_fallen_due_is_refused(cli, data_dir: Path, value: str) -> None:
    result = cli("loans", "add", "--name", "X", *EI, "--paid-through", value, today="2025-03-15")
    assert result.code == 2 and "--paid-through" in result.err and f'"{value}"' in result.err
    assert not (data_dir / "ledger.json").exists()


# --- per-loan terms ---


def test_a_loans_penalty_multiplier_changes_its_overdue_figures_and_only_its_own(cli, worked_loan: str) -> None:
    """Instalment 1 six days late at 0.04% × 2 = 0.08%: 776.41 × 0.08% × 6 = 3.73, 124.00 × 0.08% × 6 = 0.60;
    the other loan keeps 1.5: 2.80 + 0.45 (domain.md)."""
    cli("loans", "add", "--name", "Second", *EI)
    result = cli("terms", "set", "--loan", "L1", "--penalty-multiplier", "2", "--json")
    assert result.code == 0, result.err
    data = result.json()
    assert (data["scope"], data["loan"], data["own"], data["penalty_multiplier"]) == ("loan", "L1", ["penalty_multiplier"], "2")
    mine = cli("overdue", "--loan", "L1", "--installment", "1", "--days", "6", "--json").json()
    assert (mine["penalty_daily_rate"], mine["penalty_principal"], mine["penalty_interest"], mine["amount_to_clear"]) == (
        "0.000800", "3.73", "0.60", "904.74")
    assert mine["terms"] == "loan"
    other = cli("overdue", "--loan", "L2", "--installment", "1", "--days", "6", "--json").json()
    assert (other["penalty_principal"], other["penalty_interest"], other["amount_to_clear"]) == ("2.80", "0.45", "903.66")
    assert other["terms"] == "all"  # L2 has no terms of its own: worked out under every loan's (it said "loan")
    said = cli("overdue", "--loan", "L2", "--installment", "1", "--days", "6").out
    assert "Worked out under the terms for all loans." in said and "this loan's terms" not in said
    # the ledger's own figures: status on 02-16 charges the same penalty
    assert cli("status", "L1", "--json", today="2025-02-16").json()["loans"][0]["installments"][0]["penalty"] == "4.33"
    assert cli("status", "L2", "--json", today="2025-02-16").json()["loans"][0]["installments"][0]["penalty"] == "3.25"
    assert "this loan" in cli("terms", "--loan", "L1").out
    every = cli("terms", "--json").json()
    assert (every["scope"], every["penalty_multiplier"]) == ("all", "1.5")
    assert "all loans" in cli("terms").out
    assert "这笔借款" in cli("terms", "show", "--loan", "L1", lang="zh").out


def test_min_prepayment_and_prepayment_fee_per_loan(cli, worked_loan: str) -> None:
    """A 1% fee: of a prepayment's leftover L, principal ROUND_DOWN(L / 1.01). Prepaying 3,000 on 02-25 after
    instalment 1: 55.34 interest, 797.11 instalment 2's principal, leftover 2,147.55 → principal 2,126.28, fee
    21.27."""
    cli("pay", "L1", "--amount", "900.41", "--on", "2025-02-10", today="2025-02-25")
    result = cli("terms", "set", "--loan", "L1", "--prepayment-fee", "1%", "--min-prepayment", "500", "--json")
    assert result.code == 0, result.err
    assert (result.json()["prepayment_fee"], result.json()["min_prepayment"]) == ("0.010000", "500.00")
    small = cli("prepay", "--loan", "L1", "--on", "2025-02-25", "--amount", "1000", today="2025-02-25")
    assert small.code == 2 and "minimum prepayment" in small.err
    assert cli("prepay", "--loan", "L1", "--on", "2025-02-25", "--amount", "3000", "--apply", today="2025-02-25").code == 0
    row = cli("payments", "list", "--json", today="2025-02-25").json()["payments"][1]
    assert (row["interest"], row["principal"], row["prepaid"], row["fee"]) == ("55.34", "797.11", "2126.28", "21.27")
    reset = cli("terms", "set", "--loan", "L1", "--reset", "min-prepayment,prepayment-fee", "--json").json()
    assert reset["own"] == [] and (reset["prepayment_fee"], reset["min_prepayment"]) == ("0.000000", "0.00")


def test_terms_refusals_name_the_option(cli, worked_loan: str, data_dir: Path) -> None:
    before = (data_dir / "ledger.json").read_bytes()
    for args, option in ((("--prepayment-fee", "11%"), "--prepayment-fee"), (("--min-prepayment", "1.001"), "--min-prepayment"),
                         (("--reset", "grace-days"), "--reset"), (("--loan", "L9", "--grace-days", "1"), "--loan")):
        result = cli("terms", "set", *args)
        assert result.code == 2 and option in result.err, (args, result.err)
    assert (data_dir / "ledger.json").read_bytes() == before


# --- auto-debit, never assumed ---


def test_an_auto_debit_is_asked_about_and_recorded_on_its_due_date(cli, worked_loan: str, data_dir: Path) -> None:
    assert cli("loans", "auto-debit", "L1", "on", "--account", "Yu'e Bao", today="2025-02-01").code == 0
    status = cli("status", "--json", today="2025-03-12").json()
    # nothing confirmed: both instalments are overdue, the oldest is asked about first, for what was due then
    assert status["loans"][0]["days_overdue"] == 30
    assert status["debits_to_confirm"] == [{
        "loan": "L1", "installment": 1, "due_date": "2025-02-10", "amount": "900.41", "account": "Yu'e Bao",
        "command": "jiebei-tui pay L1 --debited"}]
    assert "did the ¥900.41 debit on 2025-02-10" in cli("status", today="2025-03-12").out
    ran = cli("remind", "set", "--desktop", "off", today="2025-03-12")
    assert ran.code == 0
    ran = cli("remind", "run", "--now", "2025-03-12T10:00", today="2025-03-12")
    assert ran.code == 0 and "jiebei-tui pay L1 --debited" in ran.out and "¥900.41" in ran.out
    first = cli("pay", "L1", "--debited", "--json", today="2025-03-12")
    assert first.code == 0, first.err
    events = ledger_data(data_dir)["events"]
    assert (events[0]["date"], events[0]["amount"], events[0]["auto_debit"], events[0]["source"]) == (
        "2025-02-10", "900.41", True, "cli")
    # then instalment 2, due 03-10: what it owed then, instalment 1 having been debited on time
    second = cli("status", "--json", today="2025-03-12").json()["debits_to_confirm"]
    assert [(q["installment"], q["due_date"], q["amount"]) for q in second] == [(2, "2025-03-10", "900.41")]
    assert "auto-debit" in cli("pay", "L1", "--debited", today="2025-03-12").out
    done = cli("status", "--json", today="2025-03-12").json()
    assert done["debits_to_confirm"] == [] and done["loans"][0]["days_overdue"] == 0
    nothing = cli("pay", "L1", "--debited", today="2025-03-12")
    assert nothing.code == 2 and "ID" in nothing.err
    assert "auto-debit" in cli("payments", "list", today="2025-03-12").out


def test_pay_debited_needs_an_auto_debit_loan_and_no_date(cli, worked_loan: str, data_dir: Path) -> None:
    off = cli("pay", "L1", "--debited", today="2025-03-12")
    assert off.code == 2 and "not set to auto-debit" in off.err
    both = cli("pay", "L1", "--debited", "--on", "2025-02-10", today="2025-03-12")
    assert both.code == 2 and "--on" in both.err and "--debited" in both.err
    assert cli("loans", "auto-debit", "L1", "maybe").code == 2
    assert ledger_data(data_dir)["events"] == []


# --- overdue across instalments ---


def test_31_days_late_on_instalment_3_counts_instalment_4(cli) -> None:
    """Instalment 3 (due 04-10): interest 8,426.48 × 0.04% × 31 = 104.49, principal 795.92. Instalment 4 (due
    05-10): 7,630.56 × 0.04% × 30 = 91.57, principal 808.84. On 05-11 (31 days): penalty on 3 = 795.92 × 0.06%
    × 31 = 14.80 and 104.49 × 0.06% × 31 = 1.94; on 4 (1 day) = 0.49 and 0.05. Clears: 917.15 + 900.95."""
    data = cli("overdue", *EI, "--installment", "3", "--days", "31", "--json").json()
    assert [(r["installment"], r["days"], r["penalty"], r["owed"]) for r in data["rows"]] == [
        (3, 31, "16.74", "917.15"), (4, 1, "0.54", "900.95")]
    assert (data["overdue_principal"], data["overdue_interest"], data["penalty_total"], data["amount_to_clear"]) == (
        "1604.76", "196.06", "17.28", "1818.10")
    # one more day adds the penalty rate on everything unpaid: (795.92 + 104.49 + 808.84 + 91.57) × 0.06% =
    # 1,800.82 × 0.0006 = 1.080492, about 1.08 (day 32's total rounds up to 1.09 more: 0.48 + 0.07 on 3, 0.48 +
    # 0.06 on 4; only the totals are rounded)
    assert (data["stage"], data["daily_cost"], data["daily_cost_exact"], data["on"]) == (
        "M2", "1.08", "1.080492", "2025-05-11")
    day30 = cli("overdue", *EI, "--installment", "3", "--days", "30", "--json").json()
    assert [(r["installment"], r["days"], r["owed"]) for r in day30["rows"]] == [(3, 30, "916.62"), (4, 0, "900.41")]
    day29 = cli("overdue", *EI, "--installment", "3", "--days", "29", "--json").json()
    assert [r["installment"] for r in day29["rows"]] == [3]
    text = cli("overdue", *EI, "--installment", "3", "--days", "31").out
    assert "2025-05-10" in text and "¥1,818.10" in text


def test_overdue_of_a_ledger_loan_counts_its_real_payments(cli) -> None:
    """Instalments 1 and 2 paid on their due dates (--paid-through 2): the same figures as the inline loan."""
    cli("loans", "add", "--name", "Paid twice", *EI, "--paid-through", "2", today="2025-03-15")
    data = cli("overdue", "--loan", "L1", "--installment", "3", "--days", "31", "--json", today="2025-03-15").json()
    assert data["amount_to_clear"] == "1818.10" and data["as_if_unpaid"] is False
    default = cli("overdue", "--loan", "L1", "--days", "31", "--json", today="2025-03-15").json()
    assert default["installment"] == 3  # the loan's oldest unpaid instalment
    paid = cli("overdue", "--loan", "L1", "--installment", "1", "--days", "6", "--json", today="2025-03-15").json()
    # paid on its due date: what paying it late instead would cost (the worked example's six days)
    assert paid["amount_to_clear"] == "903.66"
