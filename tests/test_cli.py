"""The command line: every command, its JSON contract, its text, exit codes, and a table of refusals."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import EI, WORKED, run_process


def test_schedule_json_is_the_worked_example(cli) -> None:
    result = cli("schedule", *EI, "--json")
    assert result.code == 0
    data = result.json()
    assert data["installments"][0] == {
        "no": 1, "due_date": "2025-02-10", "days": 31, "principal": "776.41", "interest": "124.00",
        "total": "900.41", "prepaid_principal": "0.00", "remaining": "9223.59",
    }
    assert data["installments"][-1]["total"] == "900.42"
    assert (data["total_interest"], data["apr_simple"], data["apr_irr"]) == ("804.93", "0.1460", "0.1562")
    assert data["daily_rate"] == "0.000400" and data["method"] == "equal-installment"
    assert set(data) == {
        "principal", "daily_rate", "term", "method", "start", "repayment_day", "installments", "total_interest",
        "total_payment", "apr_simple", "apr_irr",
    }


@pytest.mark.parametrize(("method", "first", "interest"), [("equal-principal", "957.33", "787.67"), ("interest-first", "124.00", "1460.00")])
def test_schedule_other_methods(cli, method: str, first: str, interest: str) -> None:
    data = cli("schedule", *WORKED, "--method", method, "--json").json()
    assert data["installments"][0]["total"] == first and data["total_interest"] == interest


def test_schedule_text_in_both_languages(cli) -> None:
    en = cli("schedule", *EI).out
    assert "¥900.41" in en and "15.62%" in en and "APR" in en
    zh = cli("schedule", *EI, lang="zh").out
    assert "¥900.41" in zh and "年化利率" in zh and "还款日" in zh


def test_settle_json(cli) -> None:
    data = cli("settle", *EI, "--on", "2025-02-25", "--json").json()
    assert (data["principal"], data["accrued_interest"], data["payoff"]) == ("9223.59", "55.34", "9278.93")
    assert data["interest_saved"] == "625.59"  # 804.93 − 124.00 − 55.34


def test_prepay_json(cli) -> None:
    data = cli("prepay", *EI, "--on", "2025-02-25", "--amount", "3000", "--strategy", "reduce-term", "--json").json()
    assert (data["accrued_interest"], data["principal_reduction"], data["new_balance"]) == ("55.34", "2944.66", "6278.93")
    # instalment 2 (running on 25 Feb) is paid first; instalments 3..12 are recomputed, keeping 900.41
    assert data["installments"][0]["no"] == 3 and data["installments"][0]["total"] == "900.41"
    assert data["payoff_date_before"] == "2026-01-10" and data["payoff_date_after"] < "2026-01-10"
    assert float(data["interest_saved"]) > 0


def test_prepay_interest_first_says_both_strategies_match(cli) -> None:
    result = cli("prepay", *WORKED, "--method", "interest-first", "--on", "2025-02-25", "--amount", "3000")
    assert "same result" in result.out


def test_overdue_json(cli) -> None:
    data = cli("overdue", *EI, "--installment", "1", "--days", "6", "--json").json()
    expected = {
        "installment": 1, "days": 6, "due_date": "2025-02-10", "overdue_principal": "776.41",
        "overdue_interest": "124.00", "penalty_daily_rate": "0.000600", "penalty_principal": "2.80",
        "penalty_interest": "0.45", "penalty_total": "3.25", "amount_to_clear": "903.66",
        # a day adds (776.41 + 124.00) × 0.06% = 0.540246 exactly, about 0.54 (only the total is rounded)
        "daily_cost": "0.54", "daily_cost_exact": "0.540246", "stage": "M1",
    }
    assert {key: data[key] for key in expected} == expected  # the keys it always had, as totals
    assert data["on"] == "2025-02-16" and data["as_if_unpaid"] is False and data["terms"] == "all"
    # no other instalment falls due within 6 days: one row, the same figures
    assert data["rows"] == [{
        "installment": 1, "due_date": "2025-02-10", "days": 6, "principal": "776.41", "interest": "124.00",
        "penalty_principal": "2.80", "penalty_interest": "0.45", "penalty_paid": "0.00", "penalty": "3.25",
        "owed": "903.66",
    }]


def test_overdue_overrides(cli) -> None:
    within = cli("overdue", *EI, "--days", "3", "--grace-days", "3", "--json").json()
    assert within["penalty_total"] == "0.00" and within["amount_to_clear"] == "900.41"
    doubled = cli("overdue", *EI, "--days", "6", "--penalty-multiplier", "2", "--json").json()
    assert doubled["penalty_daily_rate"] == "0.000800"
    simple = cli("overdue", *EI, "--days", "6", "--compounding", "off", "--json").json()
    assert simple["penalty_interest"] == "0.00"


def test_overdue_days_stop_where_the_section_does(cli, worked_loan: str) -> None:
    """The Overdue section's days field goes 0..3650 (ten years: a borrower 200 days behind sees their own figures);
    `overdue --days` is the same rule: 3650 is worked out, 3651 and 99999 are refused in one sentence naming
    --days, the value and what is allowed."""
    for ask in (EI, ("--loan", worked_loan)):
        assert cli("overdue", *ask, "--installment", "1", "--days", "3650", "--json").json()["days"] == 3650
        for typed in ("3651", "99999"):
            result = cli("overdue", *ask, "--installment", "1", "--days", typed)
            assert (result.code, result.out) == (2, "")
            assert result.err == f'--days "{typed}" is not allowed: days late is a whole number from 0 to 3650.\n'
    zh = cli("overdue", *EI, "--days", "99999", lang="zh")
    assert zh.code == 2 and "--days" in zh.err and "99999" in zh.err and "0 到 3650" in zh.err


def test_the_ledger_round_trip(cli, data_dir: Path) -> None:
    added = cli("loans", "add", "--name", "Phone", *EI, "--json", today="2025-02-16")
    loan_id = added.json()["id"]
    assert loan_id == "L1"
    status = cli("status", "--json", today="2025-02-16").json()
    loan = status["loans"][0]
    assert (loan["days_overdue"], loan["stage"], loan["amount_to_clear"]) == (6, "M1", "903.66")
    assert loan["installments"][0]["status"] == "overdue" and loan["installments"][0]["penalty"] == "3.25"
    paid = cli("pay", loan_id, "--amount", "903.66", "--json", today="2025-02-16")
    assert paid.code == 0
    after = cli("status", loan_id, "--json", today="2025-02-16").json()["loans"][0]
    assert after["days_overdue"] == 0 and after["installments"][0]["status"] == "paid"
    assert after["principal_outstanding"] == "9223.59"
    # simulate, then apply, a settlement from the ledger's own state
    sim = cli("settle", "--loan", loan_id, "--on", "2025-02-25", "--json", today="2025-02-25").json()
    assert sim["payoff"] == "9278.93"
    events_before = json.loads((data_dir / "ledger.json").read_text())["events"]
    assert len(events_before) == 1  # the simulation wrote nothing
    applied = cli("settle", "--loan", loan_id, "--on", "2025-02-25", "--apply", today="2025-02-25")
    assert applied.code == 0 and "Recorded" in applied.out
    final = cli("status", "--json", today="2025-03-01").json()["loans"][0]
    assert final["paid_off"] is True and final["principal_outstanding"] == "0.00"


def test_prepay_apply_from_the_ledger(cli, worked_loan: str) -> None:
    cli("pay", worked_loan, "--amount", "900.41", "--on", "2025-02-10", today="2025-02-25")
    result = cli("prepay", "--loan", worked_loan, "--on", "2025-02-25", "--amount", "3000", "--apply", "--json", today="2025-02-25")
    assert result.code == 0
    state = cli("status", worked_loan, "--json", today="2025-02-25").json()["loans"][0]
    assert state["principal_outstanding"] == "6278.93"


def test_prepay_says_what_completes_the_running_instalment_and_what_prepays(cli, worked_loan: str) -> None:
    """domain.md's worked case, 900.41 on 2025-02-05: interest 10,000 × 0.0004 × 26 = 104.00 and instalment 1's
    principal 776.41 (900.41 − 124.00) complete instalment 1 (880.41); 20.00 prepays principal; instalment 2
    (03-10) then asks 900.23 instead of 900.41 (reduce-installment)."""
    args = ("prepay", "--loan", worked_loan, "--on", "2025-02-05", "--amount", "900.41", "--strategy", "reduce-installment")
    data = cli(*args, "--json", today="2025-02-05").json()
    assert (data["running_installment"], data["running_installment_due"], data["due_before_prepaying"]) == (1, "880.41", "880.41")
    assert (data["to_running_installment"], data["completes_installment"], data["prepaid_principal"]) == ("880.41", 1, "20.00")
    assert data["next_installment"] == {"no": 2, "due_date": "2025-03-10", "amount": "900.23", "amount_as_planned": "900.41"}
    text = cli(*args, today="2025-02-05").out
    assert text.startswith("Of ¥900.41: ¥880.41 completes instalment 1 (its interest to 2025-02-05, ¥104.00, and its "
                           "principal, ¥776.41); the remaining ¥20.00 prepays principal.")
    assert "Instalment 2 (2025-03-10) then asks ¥900.23 instead of ¥900.41" in text
    assert "To instalment 1 (interest and principal)  ¥880.41" in text and "Prepays principal" in text
    short = cli("prepay", "--loan", worked_loan, "--on", "2025-02-05", "--amount", "500", "--json", today="2025-02-05").json()
    assert (short["prepaid_principal"], short["completes_installment"], short["next_installment"]) == ("0.00", None, None)


def test_settle_from_ledger_starts_from_what_was_really_paid(cli, worked_loan: str) -> None:
    # nothing paid: on 25 Feb instalment 1 is 15 days overdue and must be cleared too
    data = cli("settle", "--loan", worked_loan, "--on", "2025-02-25", "--json").json()
    assert data["overdue_to_clear"] != "0.00"
    assert float(data["payoff"]) > 9278.93


def test_settle_and_prepay_without_a_date_are_for_today(cli, worked_loan: str) -> None:
    # domain.md's payoff on 2025-02-25 after instalment 1 paid on time: 9,278.93
    assert cli("pay", worked_loan, "--amount", "900.41", "--on", "2025-02-10", today="2025-02-25").code == 0
    assert cli("settle", "--loan", worked_loan, "--json", today="2025-02-25").json()["payoff"] == "9278.93"
    dated = cli("prepay", "--loan", worked_loan, "--amount", "3000", "--on", "2025-02-25", "--json", today="2025-02-25")
    undated = cli("prepay", "--loan", worked_loan, "--amount", "3000", "--json", today="2025-02-25")
    assert undated.json() == dated.json() and undated.json()["on"] == "2025-02-25"


def test_loans_list_rename_remove(cli, worked_loan: str) -> None:
    assert cli("loans", "list", "--json").json()["loans"][0]["name"] == "Worked example"
    assert cli("loans", "rename", worked_loan, "--name", "  Laptop   loan ").code == 0
    assert cli("loans", "list", "--json").json()["loans"][0]["name"] == "Laptop loan"
    assert cli("loans", "remove", worked_loan).code == 0
    assert cli("loans", "list", "--json").json()["loans"] == []
    # ids are never reused
    assert cli("loans", "add", "--name", "Next", *EI, "--json").json()["id"] == "L2"


def test_first_loan_replaces_the_demo(cli) -> None:
    demo = cli("status", "--json", demo=True).json()
    assert demo["demo"] is True and len(demo["loans"]) == 3
    result = cli("loans", "add", "--name", "Mine", *EI, demo=True)
    assert "demo loans were removed" in result.out
    assert [loan["name"] for loan in cli("status", "--json", demo=True).json()["loans"]] == ["Mine"]


def test_demo_ledger_has_the_three_cases(cli) -> None:
    for today in ("2026-11-28", "2025-02-27", "2024-01-31", "2025-03-29"):
        loans = cli("status", "--json", today=today, demo=True).json()["loans"]
        assert [loan["paid_off"] for loan in loans] == [False] * 3
        assert loans[0]["days_overdue"] == 0 and loans[0]["days_until_due"] > 3
        assert 1 <= loans[1]["days_until_due"] <= 4
        assert 4 <= loans[2]["days_overdue"] <= 8 and loans[2]["stage"] == "M1"
    loans = cli("status", "--json", today="2026-11-28", demo=True).json()["loans"]
    assert loans[1]["days_until_due"] in (2, 3) and loans[2]["days_overdue"] == 6


def test_terms_show_and_set(cli) -> None:
    assert "Illustrative" in cli("terms").out
    result = cli("terms", "set", "--grace-days", "3", "--penalty-multiplier", "1.3", "--compounding", "off", "--json")
    assert result.json()["grace_days"] == 3 and result.json()["illustrative"] is False
    assert cli("terms", "--json").json()["penalty_multiplier"] == "1.3"


def test_today_from_the_environment(cli, worked_loan: str, monkeypatch, data_dir: Path, capsys) -> None:
    from jiebei_tui.cli import main

    monkeypatch.setenv("JIEBEI_TUI_TODAY", "2025-02-16")
    monkeypatch.setenv("JIEBEI_TUI_DATA_DIR", str(data_dir))
    assert main(["status", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["today"] == "2025-02-16"


def test_saved_language_is_used(cli, worked_loan: str, data_dir: Path) -> None:
    path = data_dir / "ledger.json"
    data = json.loads(path.read_text())
    data["settings"]["lang"] = "zh"
    path.write_text(json.dumps(data))
    assert "剩余本金" in cli("schedule", "--loan", worked_loan, lang=None).out


# --- refusals: one sentence naming the option, the value and what is allowed; exit 2; file unchanged ---

INVALID = [
    (["loans", "add", "--name", "x", *WORKED, "--method", "equal-installment", "--principal", "0"], "--principal", "0"),
    (["loans", "add", "--name", "x", "--principal", "-5", "--daily-rate", "0.0004", "--term", "12", "--method", "equal-installment", "--start", "2025-01-10"], "--principal", "-5"),
    (["schedule", "--principal", "1000000.01", "--daily-rate", "0.0004", "--term", "12", "--method", "equal-installment", "--start", "2025-01-10"], "--principal", "1000000.01"),
    (["schedule", "--principal", "12.345", "--daily-rate", "0.0004", "--term", "12", "--method", "equal-installment", "--start", "2025-01-10"], "--principal", "12.345"),
    (["schedule", "--principal", "ten", "--daily-rate", "0.0004", "--term", "12", "--method", "equal-installment", "--start", "2025-01-10"], "--principal", "ten"),
    (["schedule", "--principal", "100", "--daily-rate", "0", "--term", "12", "--method", "equal-installment", "--start", "2025-01-10"], "--daily-rate", "0"),
    (["schedule", "--principal", "100", "--daily-rate", "0.0011", "--term", "12", "--method", "equal-installment", "--start", "2025-01-10"], "--daily-rate", "0.0011"),
    (["schedule", "--principal", "100", "--daily-rate", "0.0000001", "--term", "12", "--method", "equal-installment", "--start", "2025-01-10"], "--daily-rate", "0.0000001"),
    (["schedule", "--principal", "100", "--daily-rate", "0.2%", "--term", "12", "--method", "equal-installment", "--start", "2025-01-10"], "--daily-rate", "0.2%"),
    (["schedule", "--principal", "100", "--daily-rate", "0.0004", "--term", "0", "--method", "equal-installment", "--start", "2025-01-10"], "--term", "0"),
    (["schedule", "--principal", "100", "--daily-rate", "0.0004", "--term", "37", "--method", "equal-installment", "--start", "2025-01-10"], "--term", "37"),
    (["schedule", "--principal", "100", "--daily-rate", "0.0004", "--term", "1.5", "--method", "equal-installment", "--start", "2025-01-10"], "--term", "1.5"),
    (["schedule", "--principal", "100", "--daily-rate", "0.0004", "--term", "12", "--method", "annuity", "--start", "2025-01-10"], "--method", "annuity"),
    (["schedule", "--principal", "100", "--daily-rate", "0.0004", "--term", "12", "--method", "equal-installment", "--start", "2025-13-01"], "--start", "2025-13-01"),
    (["schedule", "--principal", "100", "--daily-rate", "0.0004", "--term", "12", "--method", "equal-installment", "--start", "2025-01-10", "--repayment-day", "29"], "--repayment-day", "29"),
    (["schedule", "--principal", "100", "--daily-rate", "0.0004", "--term", "12", "--method", "equal-installment", "--start", "2025-01-10", "--repayment-day", "0"], "--repayment-day", "0"),
    (["schedule", "--principal", "100"], "--loan", None),
    (["loans", "add", "--name", "   ", *EI], "--name", "   "),
    (["loans", "add", "--name", "x" * 41, *EI], "--name", "x" * 39 + "…"),  # quoted at most 40 characters
    (["pay", "L1", "--amount", "0"], "--amount", "0"),
    (["pay", "L1", "--amount", "1.001"], "--amount", "1.001"),
    (["pay", "L1", "--amount", "20000"], "--amount", "20000"),
    (["pay", "L1", "--amount", "10", "--on", "2024-12-31"], "--on", "2024-12-31"),
    (["pay", "L1", "--amount", "10", "--on", "2025-03-02"], "--on", "2025-03-02"),
    (["pay", "L9", "--amount", "10"], "ID", "L9"),  # the positional, not an option pay does not have
    (["settle", *EI, "--on", "2026-01-11"], "--on", "2026-01-11"),
    (["settle", "--loan", "L1", "--on", "2025-01-09"], "--on", "2025-01-09"),  # the day before the drawdown
    (["settle", *EI, "--on", "2025-02-25", "--apply"], "--apply", None),
    (["prepay", "--loan", "L1", "--on", "2025-03-01", "--amount", "10"], "--amount", "10"),
    (["prepay", *EI, "--on", "2025-02-25", "--amount", "9278.93"], "--amount", "9278.93"),
    (["prepay", *EI, "--on", "2025-02-25", "--amount", "3000", "--strategy", "faster"], "--strategy", "faster"),
    (["overdue", *EI, "--installment", "13", "--days", "3"], "--installment", "13"),
    (["overdue", *EI, "--days", "-1"], "--days", "-1"),
    (["overdue", *EI, "--days", "3", "--grace-days", "31"], "--grace-days", "31"),
    (["overdue", *EI, "--days", "3", "--penalty-multiplier", "0"], "--penalty-multiplier", "0"),
    (["terms", "set", "--compounding", "maybe"], "--compounding", "maybe"),
    (["loans", "remove", "L9"], "ID", "L9"),
    (["status", "L7"], "ID", "L7"),
]


@pytest.mark.parametrize(("args", "option", "value"), INVALID, ids=[f"{i}-{c[1]}" for i, c in enumerate(INVALID)])
def test_invalid_input_is_refused_and_changes_nothing(cli, worked_loan: str, data_dir: Path, args, option, value) -> None:
    path = data_dir / "ledger.json"
    before = path.read_bytes()
    result = cli(*args)
    assert result.code == 2
    message = result.err.strip()
    assert message.count("\n") == 0 and message.endswith(".")
    assert option in message
    if value is not None:
        assert f'"{value}' in message  # as typed (an amount may be shown to the fen: "20000.00")
    assert path.read_bytes() == before
    assert result.out == ""


def test_invalid_today_is_refused(cli) -> None:
    result = cli("status", today="2025-02-30")
    assert result.code == 2 and "--today" in result.err and "YYYY-MM-DD" in result.err


def test_refusals_read_in_chinese(cli, worked_loan: str) -> None:
    result = cli("pay", worked_loan, "--amount", "0", lang="zh")
    assert result.code == 2 and "金额须大于 0" in result.err


def test_corrupt_file_exits_3_and_recover_works(cli, worked_loan: str, data_dir: Path) -> None:
    path = data_dir / "ledger.json"
    cli("loans", "add", "--name", "Second", *EI)
    path.write_text("{broken")
    result = cli("status")
    assert result.code == 3 and "ledger.json" in result.err and "line 1" in result.err and "recover" in result.err
    assert path.read_text() == "{broken"
    restored = cli("recover", "--from-backup")
    assert restored.code == 0 and "Restored" in restored.out and "corrupt-" in restored.out
    assert [loan["id"] for loan in cli("loans", "list", "--json").json()["loans"]] == ["L1"]
    path.write_text("[]")
    assert cli("status").code == 3
    empty = cli("recover", "--start-empty")
    assert empty.code == 0 and "empty" in empty.out
    assert cli("loans", "list", "--json").json()["loans"] == []
    assert len(list(data_dir.glob("ledger.json.corrupt-*"))) == 2


# --- as a separate process: the console entry point, --help and --version free of Textual ---


@pytest.mark.parametrize("flag", ["--help", "--version"])
def test_help_and_version_do_not_import_textual(flag: str) -> None:
    code = (
        "import sys\nfrom jiebei_tui.cli import main\n"
        f"try:\n    main([{flag!r}])\nexcept SystemExit:\n    pass\n"
        "print('textual' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60).stdout
    assert out.strip().splitlines()[-1] == "False"


def test_headless_commands_do_not_import_textual(tmp_path: Path) -> None:
    code = (
        "import sys\nfrom jiebei_tui.cli import main\n"
        f"main(['--data-dir', {str(tmp_path)!r}, '--today', '2026-11-28', 'status', '--json'])\n"
        "print('textual' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60).stdout
    assert out.strip().splitlines()[-1] == "False"


def test_module_entry_point_and_exit_codes(tmp_path: Path) -> None:
    ok = run_process("--data-dir", str(tmp_path), "--today", "2026-11-28", "status", "--json")
    assert ok.returncode == 0 and json.loads(ok.stdout)["today"] == "2026-11-28"
    bad = run_process("--data-dir", str(tmp_path), "schedule", "--principal", "0", "--daily-rate", "0.0004", "--term", "1", "--method", "equal-installment", "--start", "2025-01-01")
    assert bad.returncode == 2 and "--principal" in bad.stderr
    (tmp_path / "ledger.json").write_text("nope")
    assert run_process("--data-dir", str(tmp_path), "status").returncode == 3
    assert "jiebei-tui" in run_process("--version").stdout


def test_a_command_leaves_the_cycle_collector_as_it_found_it(cli) -> None:
    """Commands run without the cycle collector (it only cost them time); a caller running main() in its own
    process, like these tests or a script, gets it back on afterwards, also when the command fails."""
    import gc

    assert gc.isenabled()
    assert cli("schedule", *EI, "--json").code == 0
    assert gc.isenabled()
    assert cli("schedule", *WORKED, "--method", "nonsense").code == 2
    assert gc.isenabled()


def test_issue_8_repro_early_payment_prepay_settle(cli) -> None:
    """The commands of issue 8's first repro, with the figures worked by hand in tests/domain/test_account.py."""
    two = ["--principal", "10000", "--daily-rate", "0.0004", "--term", "2", "--method", "equal-installment", "--start", "2025-01-10"]
    assert cli("loans", "add", "--name", "Two months", *two).code == 0
    assert cli("pay", "L1", "--amount", "5090.18", "--on", "2025-02-05", today="2025-02-06").code == 0
    prepaid = cli("prepay", "--loan", "L1", "--on", "2025-02-06", "--amount", "2000", "--apply", "--json", today="2025-02-06")
    assert prepaid.code == 0
    loan = cli("status", "L1", "--json", today="2025-02-20").json()["loans"][0]
    assert [i["status"] for i in loan["installments"]] == ["paid", "partial"]
    assert (loan["principal_outstanding"], loan["next_due_amount"], loan["days_overdue"]) == ("3015.83", "3054.43", 0)
    settle = cli("settle", "--loan", "L1", "--on", "2025-02-20", "--json", today="2025-02-20").json()
    assert settle["payoff"] == "3032.72"
    assert cli("settle", "--loan", "L1", "--on", "2025-02-20", "--apply", today="2025-02-20").code == 0
    final = cli("status", "--json", today="2025-03-20").json()["loans"][0]
    assert final["paid_off"] is True and final["days_overdue"] == 0 and final["amount_to_clear"] == "0.00"
    refused = cli("pay", "L1", "--amount", "1", today="2025-03-20")
    assert refused.code == 2 and "paid off" in refused.err


def test_issue_8_repro_paying_the_payoff_closes(cli, worked_loan: str, data_dir: Path) -> None:
    cli("pay", worked_loan, "--amount", "900.41", "--on", "2025-02-10", today="2025-02-25")
    too_much = cli("pay", worked_loan, "--amount", "9500", "--on", "2025-02-25", today="2025-02-25")
    assert too_much.code == 2 and "¥9,278.93" in too_much.err
    assert cli("pay", worked_loan, "--amount", "9278.93", "--on", "2025-02-25", today="2025-02-25").code == 0
    final = cli("status", worked_loan, "--json", today="2025-03-25").json()["loans"][0]
    assert final["paid_off"] is True and final["principal_outstanding"] == "0.00"
    events = json.loads((data_dir / "ledger.json").read_text())["events"]
    assert [e["source"] for e in events] == ["cli", "cli"]
    assert all(e["recorded_at"][-6] in "+-" or e["recorded_at"].endswith("Z") for e in events)  # with its zone


def test_a_relative_data_folder_is_named_as_typed_when_its_ledger_is_unusable(tmp_path: Path, monkeypatch, capsys) -> None:
    # The sentence starts with the path; making its first letter a capital named a folder that does not exist
    # ("Rel/abc/ledger.json").
    from jiebei_tui.cli import main

    monkeypatch.chdir(tmp_path)
    (tmp_path / "rel" / "abc").mkdir(parents=True)
    (tmp_path / "rel" / "abc" / "ledger.json").write_text("{not json", encoding="utf-8")
    assert main(["--data-dir", "rel/abc", "status"]) == 3
    err = capsys.readouterr().err
    assert err.startswith("rel/abc/ledger.json "), err
