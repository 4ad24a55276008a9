"""The Plan commands (issue 11) end to end, against the hand-worked figures of the domain's tests:

- `plan`: tests/domain/test_plan.py's two loans (A 10,000 at 0.05%/day interest-first, B 3,000 at 0.03%/day equal
  principal; today 2025-01-20) and ¥5,000: doing nothing costs 504.00; highest cost first 306.01 (saves 197.99);
  smallest balance first and lowest outgo 376.68 (save 127.32).
- `goal` and `whatif repayment-day`: domain.md's worked loan with instalment 1 paid on 02-10 (test_goal.py,
  test_repayment_day.py), with their independent computations.
- `months` and `payday`: test_months.py's 12-month table (today 2025-03-01).
- `scenario`: test_scenarios.py's side by side (S1 = highest cost's ¥5,000: 306.01; S2 settles B: 454.50).
- `export`: files 0600, standard output, journals beancount reads.
"""

from __future__ import annotations

import csv
import io
import json
import stat
from decimal import Decimal as D
from pathlib import Path

import pytest

from tests.conftest import EI
from tests.domain.test_goal import FIRST, LEFT, keep_instalment, least_extra
from tests.domain.test_repayment_day import BALANCE, annuity_schedule, monthly

A = ["--principal", "10000", "--daily-rate", "0.0005", "--term", "3", "--method", "interest-first", "--start", "2025-01-10"]
B = ["--principal", "3000", "--daily-rate", "0.0003", "--term", "3", "--method", "equal-principal", "--start", "2025-01-15"]
PLAN_TODAY = "2025-01-20"


@pytest.fixture
def two(cli) -> None:
    assert cli("loans", "add", "--name", "A", *A, today=PLAN_TODAY).code == 0
    assert cli("loans", "add", "--name", "B", *B, today=PLAN_TODAY).code == 0


@pytest.fixture
def worked(cli) -> None:
    """domain.md's worked loan, instalment 1 paid on its due date (today 2025-02-10)."""
    assert cli("loans", "add", "--name", "Worked", *EI, "--paid-through", "1", today="2025-02-10").code == 0


def files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def months_of(option: dict) -> dict[str, str]:
    return {m["month"]: m["total"] for m in option["months"]}


# --- plan ---


def test_plan_json_is_the_hand_worked_comparison(cli, two) -> None:
    r = cli("plan", "--extra", "5000", "--json", today=PLAN_TODAY)
    assert r.code == 0, r.err
    data = r.json()
    assert (data["today"], data["extra"], data["on"], data["principal_outstanding"]) == (PLAN_TODAY, "5000.00", PLAN_TODAY, "13000.00")
    base = data["nothing_extra"]
    assert (base["cost"], base["debt_free"], base["saving"]) == ("504.00", "2025-04-15", "0.00")
    assert months_of(base) == {"2025-01": "0.00", "2025-02": "1182.90", "2025-03": "1156.80", "2025-04": "11164.30"}
    orders = {o["order"]: o for o in data["orders"]}
    assert list(orders) == ["highest_cost", "smallest_balance", "lowest_outgo"]
    high = orders["highest_cost"]
    assert (high["cost"], high["saving"], high["debt_free"]) == ("306.01", "197.99", "2025-04-15")
    step = high["first_step"]
    assert (step["loan"], step["name"], step["date"], step["amount"], step["kind"]) == ("L1", "A", PLAN_TODAY, "5000.00", "prepayment")
    assert (step["interest"], step["prepaid"], step["closes"]) == ("50.00", "4950.00", False)
    assert months_of(high) == {"2025-01": "5000.00", "2025-02": "1027.90", "2025-03": "1140.53", "2025-04": "6137.58"}
    for name in ("smallest_balance", "lowest_outgo"):
        o = orders[name]
        assert (o["cost"], o["saving"], o["debt_free"]) == ("376.68", "127.32", "2025-04-10")
        assert [(s["loan"], s["amount"], s["kind"]) for s in o["steps"]] == [
            ("L2", "3004.50", "settlement"), ("L1", "1995.50", "prepayment")]
    assert data["best"] == data["chosen"] == "highest_cost" and data["applied"] is None
    assert data["overdue_waiting"] == []  # nothing is overdue


@pytest.mark.parametrize(("lang", "words"), [
    ("en", "Nothing extra leaves L1 Worked's ¥903.66 overdue until its next instalment on 2025-03-10"),
    ("zh", "不额外还款时，L1 Worked 逾期的 ¥903.66 要到下一期 2025-03-10 才一并还上"),
])
def test_plan_says_what_doing_nothing_leaves_overdue(cli, lang: str, words: str) -> None:
    """domain.md's worked loan, instalment 1 six days overdue on 02-16 (903.66 clears it today, as Status says):
    doing nothing pays it only with instalment 2 on 03-10, so "nothing extra" pays ¥0.00 in February."""
    assert cli("loans", "add", "--name", "Worked", *EI, today="2025-01-10").code == 0
    data = cli("plan", "--extra", "500", "--json", today="2025-02-16").json()
    assert data["overdue_waiting"] == [{"loan": "L1", "owed": "903.66", "until": "2025-03-10"}]
    assert months_of(data["nothing_extra"])["2025-02"] == "0.00"
    r = cli("plan", "--extra", "500", today="2025-02-16", lang=lang)
    assert r.code == 0 and words in r.out, r.out


@pytest.mark.parametrize(("lang", "words"), [
    ("en", ["Highest cost first", "Smallest balance first", "Total cost", "¥306.01", "¥197.99", "--apply-first",
            "prepays ¥4,950.00 of principal"]),
    ("zh", ["成本最高者优先", "余额最少者优先", "总成本", "¥306.01", "¥197.99", "--apply-first", "提前还本金 ¥4,950.00"]),
])
def test_plan_text_in_both_languages(cli, two, data_dir: Path, lang: str, words: list[str]) -> None:
    before = files(data_dir)
    r = cli("plan", "--extra", "5000", today=PLAN_TODAY, lang=lang)
    assert r.code == 0, r.err
    for word in words:
        assert word in r.out, word
    assert files(data_dir) == before  # a plan writes nothing


def test_apply_first_records_exactly_the_step_the_plan_shows(cli, two, data_dir: Path) -> None:
    """Recorded, A owes 5,050.00; its instalment 2 was paid early, so the next falls due 03-10 and asks
    5,050 × 0.0005 × 49 days = 123.725 → 123.73 (the plan's March figure for A)."""
    r = cli("plan", "--extra", "5000", "--apply-first", "--json", today=PLAN_TODAY)
    assert r.code == 0, r.err
    applied = r.json()["applied"]
    assert applied["event"] == "E1"
    loan = applied["loan"]
    assert (loan["id"], loan["principal_outstanding"], loan["next_due_date"], loan["next_due_amount"]) == (
        "L1", "5050.00", "2025-03-10", "123.73")
    payments = cli("payments", "list", "--json", today=PLAN_TODAY).json()["payments"]
    assert [(p["loan"], p["date"], p["kind"], p["amount"], p["interest"], p["prepaid"], p["source"]) for p in payments] == [
        ("L1", PLAN_TODAY, "prepayment", "5000.00", "50.00", "4950.00", "cli")]
    # the plan from here: highest cost first has placed its money, so doing nothing now costs what it cost then
    again = cli("plan", "--extra", "1", "--json", today=PLAN_TODAY).json()
    assert again["nothing_extra"]["cost"] == "256.01"  # 306.01 less the 50.00 of interest paid today
    undo = cli("undo", today=PLAN_TODAY)
    assert undo.code == 0 and "the plan's first step: ¥5,000.00 on 2025-01-20 for L1 (E1)" in undo.out
    assert (data_dir / "ledger.json").exists()


def test_apply_first_of_another_order_and_its_words(cli, two) -> None:
    r = cli("plan", "--extra", "5000", "--order", "smallest-balance", "--apply-first", today=PLAN_TODAY, lang="zh")
    assert r.code == 0, r.err
    assert "已记录计划的第一步：L2 于 2025-01-20 的结清 ¥3,004.50。" in r.out
    status = cli("status", "L2", "--json", today=PLAN_TODAY).json()
    assert status["loans"][0]["paid_off"] is True


@pytest.mark.parametrize(("args", "option"), [
    (["--extra", "100", "--on", "2025-02-01", "--apply-first"], "--apply-first"),  # its first step is not today's
    (["--monthly", "100", "--from", "2025-02-01", "--apply-first"], "--apply-first"),
    (["--extra", "100", "--on", "2025-01-19"], "--on"),
    (["--monthly", "100"], "--from"),
    (["--extra", "0"], "--extra"),
    ([], "--extra"),
    (["--extra", "100", "--order", "cheapest"], "--order"),
    (["--extra", "100", "--strategy", "faster"], "--strategy"),
])
def test_plan_refusals_name_the_option_and_write_nothing(cli, two, data_dir: Path, args, option) -> None:
    before = files(data_dir)
    r = cli("plan", *args, today=PLAN_TODAY)
    assert r.code == 2 and r.out == "" and option in r.err, r.err
    assert r.err.count("\n") == 1
    assert files(data_dir) == before


def test_an_extra_offered_after_every_loan_has_ended_is_reported_not_placed(cli, two) -> None:
    """A ends 2025-04-10, B 2025-04-15: ¥100 on 2099-12-31 finds no loan, so no order has a first step and each
    says all ¥100.00 was not placed (doing nothing offers nothing: its row stays —)."""
    data = cli("plan", "--extra", "100", "--on", "2099-12-31", "--json", today=PLAN_TODAY).json()
    assert [(o["first_step"], o["unused"]) for o in data["orders"]] == [(None, "100.00")] * 3
    text = cli("plan", "--extra", "100", "--on", "2099-12-31", today=PLAN_TODAY).out
    [row] = [line for line in text.splitlines() if line.startswith("Not placed")]
    assert row.split()[2:] == ["—", "¥100.00", "¥100.00", "¥100.00"]


def test_plan_with_no_money_names_the_options_and_quotes_nothing_untyped(cli, two) -> None:
    for args in ([], ["--from", "2025-02-01"], ["--on", "2025-02-01"]):
        r = cli("plan", *args, today=PLAN_TODAY)
        assert r.code == 2 and r.err == "--extra: give --extra YUAN, or --monthly YUAN with --from DATE, or both.\n"
    zh = cli("plan", today=PLAN_TODAY, lang="zh")
    assert zh.err == "--extra：请给出 --extra 金额，或 --monthly 金额并加上 --from 日期，或两者都给。\n"
    for option in ("--extra", "--monthly"):  # too large or in exponent form: the most allowed is named
        r = cli("plan", option, "1e9", "--from", "2025-02-01", today=PLAN_TODAY)
        assert r.code == 2 and f'{option} "1e9" is not allowed' in r.err and "at most ¥10,000,000.00" in r.err


def test_roll_over_is_the_hand_worked_stretch(cli, two) -> None:
    """test_plan.py's rolling over, smallest balance first: 333.47."""
    data = cli("plan", "--extra", "5000", "--roll-over", "--json", today=PLAN_TODAY).json()
    assert data["roll_over"] is True
    assert {o["order"]: o["cost"] for o in data["orders"]}["smallest_balance"] == "333.47"


# --- goal seek ---


def test_goal_finish_by_both_strategies(cli, worked) -> None:
    r = cli("goal", "--loan", "L1", "--on", "2025-02-25", "--finish-by", "2025-09-10", "--json", today="2025-02-10")
    assert r.code == 0, r.err
    data = r.json()
    assert (data["falls_due"], data["payoff"], data["without"]["cost"]) == ("0.00", "9278.93", "680.93")
    answers = {a["strategy"]: a for a in data["answers"]}
    # keeping the term only the payoff finishes sooner: domain.md's settle figure
    ri = answers["reduce-installment"]
    assert (ri["status"], ri["extra"], ri["outcome"]["payment"]["kind"]) == ("met", "9278.93", "settlement")
    expected = least_extra(lambda b: keep_instalment(b)[-1][0].isoformat() <= "2025-09-10")
    rt = answers["reduce-term"]
    assert rt["status"] == "met" and D(rt["extra"]) == expected
    assert rt["outcome"]["debt_free"] == "2025-09-10" and rt["one_fen_less"]["debt_free"] == "2025-10-10"
    assert D(rt["one_fen_less"]["extra"]) == expected - D("0.01")


def test_goal_max_installment_and_save_in_words(cli, worked) -> None:
    r = cli("goal", "--loan", "L1", "--on", "2025-02-25", "--max-installment", "800", "--strategy", "reduce-term",
            today="2025-02-10")
    assert r.code == 0, r.err
    # keeping 900.41 a month only one instalment left can be under 800: B ≤ 786.16 (test_goal.py)
    assert FIRST + LEFT - D("786.16") == D("8492.77")
    assert "Shorter term (keep the instalment): pay ¥8,492.77 extra" in r.out
    assert "One fen less (¥8,492.76) misses it" in r.out
    r = cli("goal", "--loan", "L1", "--on", "2025-02-25", "--save", "700", today="2025-02-10", lang="zh")
    assert r.code == 0, r.err
    assert "最多能省 ¥625.59" in r.out  # settling saves 680.93 − 55.34


@pytest.mark.parametrize(("args", "option"), [
    (["--loan", "L1"], "--finish-by"),
    (["--loan", "L1", "--save", "1", "--finish-by", "2025-06-01"], "--finish-by"),
    (["--loan", "L9", "--save", "1"], "--loan"),
    (["--loan", "L1", "--save", "0"], "--save"),
    (["--loan", "L1", "--max-installment", "-1"], "--max-installment"),
    (["--loan", "L1", "--finish-by", "2025-02-30"], "--finish-by"),
    (["--loan", "L1", "--save", "1", "--on", "2025-02-09"], "--on"),
])
def test_goal_refusals(cli, worked, args, option) -> None:
    r = cli("goal", *args, today="2025-02-10")
    assert r.code == 2 and option in r.err and r.err.count("\n") == 1, r.err


# --- change my repayment day ---


def test_whatif_repayment_day_to_the_25th(cli, worked, data_dir: Path) -> None:
    before = files(data_dir)
    r = cli("whatif", "repayment-day", "--loan", "L1", "--day", "25", "--json", today="2025-02-20")
    assert r.code == 0, r.err
    data = r.json()
    tr = data["transition"]
    assert (tr["installment"], tr["old_due"], tr["new_due"], tr["old_days"], tr["new_days"]) == (2, "2025-03-10", "2025-03-25", 28, 43)
    assert (tr["old_interest"], tr["new_interest"], tr["difference"]) == ("103.30", "158.65", "55.35")
    expected = annuity_schedule(BALANCE, __import__("datetime").date(2025, 2, 10), monthly(__import__("datetime").date(2025, 3, 25), 11))
    assert [(p["date"], D(p["amount"])) for p in data["after"]] == [(d.isoformat(), a) for d, a, _ in expected]
    assert (data["old_regular"], data["new_regular"], data["interest_before"]) == ("900.41", "905.75", "680.93")
    assert D(data["cost"]) == sum(i for _, _, i in expected) - D("680.93") > 0
    text = cli("whatif", "repayment-day", "--loan", "L1", "--day", "25", today="2025-02-20", lang="zh").out
    assert "多付 ¥" in text and "还款日只能由贷款方调整" in text
    assert files(data_dir) == before


# --- the months ahead and the payday ---


@pytest.fixture
def month_loans(cli) -> None:
    """test_months.py: the worked loan (instalment 1 paid) and B, 3,000 equal principal drawn 2025-01-25, its
    instalment 1 four days overdue on 2025-03-01 (1,029.75 clears it)."""
    assert cli("loans", "add", "--name", "Worked", *EI, "--paid-through", "1", today="2025-03-01").code == 0
    args = ["--principal", "3000", "--daily-rate", "0.0003", "--term", "3", "--method", "equal-principal", "--start", "2025-01-25"]
    assert cli("loans", "add", "--name", "B", *args, today="2025-03-01").code == 0


def test_months_with_a_payday(cli, month_loans, data_dir: Path) -> None:
    assert cli("payday", today="2025-03-01").out.strip() == "No payday set."
    r = cli("payday", "15", "--json", today="2025-03-01")
    assert r.code == 0 and r.json() == {"payday": 15, "changed": True}
    assert cli("payday", "15", today="2025-03-01").out.strip().endswith("Already so: nothing written.")
    data = cli("months", "--json", today="2025-03-01").json()
    w = D("900.41")
    assert [(m["month"], D(m["total"])) for m in data["months"]] == [
        ("2025-03", D("1029.75") + w + D("1016.80")), ("2025-04", w + D("1009.30")),
        *[(f"2025-{m:02d}", w) for m in range(5, 13)], ("2026-01", D("900.42")), ("2026-02", D("0.00"))]
    march = data["months"][0]
    assert [(i["loan"], i["due_date"], i["amount"], i["overdue"], i["before_payday"]) for i in march["items"]] == [
        ("L2", "2025-03-01", "1029.75", True, True), ("L1", "2025-03-10", "900.41", False, True),
        ("L2", "2025-03-25", "1016.80", False, False)]
    assert (march["payday"], D(march["before_payday"])) == ("2025-03-15", D("1029.75") + w)
    # a payday for this view only: the setting stays, nothing is written
    before = files(data_dir)
    other = cli("months", "--count", "2", "--payday", "off", "--json", today="2025-03-01").json()
    assert other["payday"] is None and other["saved_payday"] == 15
    assert not any(i["before_payday"] for m in other["months"] for i in m["items"])
    assert files(data_dir) == before
    zh = cli("months", "--count", "1", today="2025-03-01", lang="zh").out
    assert "发薪日：每月 15 日" in zh and "已逾期，今天应还" in zh and "⚑ 发薪日前" in zh
    assert cli("payday", "off", today="2025-03-01").out.strip() == "No payday set. Saved."


# --- scenarios ---


def test_scenarios_side_by_side_then_applied_and_removed(cli, two, data_dir: Path) -> None:
    assert cli("scenario", "list", today=PLAN_TODAY).out.startswith("No scenarios yet")
    r = cli("scenario", "add", "Prepay A", "--prepay", "--loan", "L1", "--amount", "5000", "--json", today=PLAN_TODAY)
    assert r.code == 0 and r.json()["id"] == "S1", r.err
    assert cli("scenario", "add", "Settle B", "--settle", "--loan", "L2", today=PLAN_TODAY).out.strip() == "Added scenario S2 (Settle B)."
    before = files(data_dir)
    data = cli("scenario", "compare", "--json", today=PLAN_TODAY).json()
    assert (data["current"]["cost"], data["current"]["debt_free"]) == ("504.00", "2025-04-15")
    assert [(s["id"], s["cost"], s["saving"]) for s in data["scenarios"]] == [
        ("S1", "306.01", "197.99"), ("S2", "454.50", "49.50")]
    labels = [s["label"] for s in data["principal_over_time"]]
    assert labels == ["actual", "scheduled", "current", "S1", "S2"]
    actual = data["principal_over_time"][0]["points"]
    assert actual == [["2025-01-10", "10000.00"], ["2025-01-15", "13000.00"], [PLAN_TODAY, "13000.00"]]
    shown = cli("scenario", "show", "settle b", "--json", today=PLAN_TODAY).json()
    assert [(p["loan"], p["amount"], p["kind"]) for p in shown["apply_today"]] == [("L2", "3004.50", "settlement")]
    text = cli("scenario", "compare", "S1", today=PLAN_TODAY, lang="zh").out
    assert "维持现状" in text and "S1 Prepay A" in text and "每月末的未还本金" in text
    assert files(data_dir) == before  # showing and comparing write nothing
    r = cli("scenario", "apply", "S2", "--json", today=PLAN_TODAY)
    assert r.code == 0 and r.json() == {"scenario": "S2", "events": ["E1"], "amount": "3004.50", "kept": False}, r.err
    assert cli("status", "L2", "--json", today=PLAN_TODAY).json()["loans"][0]["paid_off"] is True
    assert [s["id"] for s in cli("scenario", "list", "--json", today=PLAN_TODAY).json()["scenarios"]] == ["S1"]
    assert cli("scenario", "remove", "S1", today=PLAN_TODAY).code == 0
    assert cli("scenario", "list", "--json", today=PLAN_TODAY).json() == {"scenarios": []}
    assert len(cli("payments", "list", "--json", today=PLAN_TODAY).json()["payments"]) == 1


def test_a_scenario_with_more_changes_and_one_that_cannot_be_applied_yet(cli, two, data_dir: Path) -> None:
    assert cli("scenario", "add", "Later", "--monthly", "--amount", "1000", "--on", "2025-02-01", "--loan", "L1",
               today=PLAN_TODAY).code == 0
    r = cli("scenario", "add", "--to", "later", "--settle", "--loan", "L2", "--on", "2025-03-01", today=PLAN_TODAY)
    assert r.code == 0 and r.out.strip() == "Scenario S1 (Later) now makes 2 changes.", r.err
    shown = cli("scenario", "show", "S1", today=PLAN_TODAY).out
    assert "¥1,000.00 a month to L1 from 2025-02-01" in shown and "settle L2 on 2025-03-01" in shown
    assert "It cannot be applied today: none of its payments falls today; its first day is 2025-02-01" in shown
    before = files(data_dir)
    r = cli("scenario", "apply", "S1", today=PLAN_TODAY)
    assert r.code == 2 and "SCENARIO" in r.err and "2025-02-01" in r.err
    assert files(data_dir) == before
    r = cli("scenario", "apply", "S1", today="2025-02-01")
    assert r.code == 0 and "recorded 1 payment of ¥1,000.00" in r.out and "It keeps what is still to come." in r.out


def test_removing_a_loan_drops_its_scenario_changes(cli, two) -> None:
    cli("scenario", "add", "Settle B", "--settle", "--loan", "L2", today=PLAN_TODAY)
    cli("scenario", "add", "--to", "S1", "--prepay", "--loan", "L1", "--amount", "100", today=PLAN_TODAY)
    assert cli("loans", "remove", "L2", today=PLAN_TODAY).code == 0
    [s] = cli("scenario", "list", "--json", today=PLAN_TODAY).json()["scenarios"]
    assert [c["loan"] for c in s["changes"]] == ["L1"]


# --- exports ---


def test_csv_exports_to_a_private_file_and_to_standard_output(cli, two, tmp_path: Path, data_dir: Path) -> None:
    cli("pay", "L2", "--amount", "500", today=PLAN_TODAY)
    before = files(data_dir)
    out = tmp_path / "exports" / "plan.csv"
    r = cli("export", "csv", "--what", "plan", "--extra", "5000", "--out", str(out), today=PLAN_TODAY)
    assert r.code == 0, r.err
    assert stat.S_IMODE(out.stat().st_mode) == 0o600 and stat.S_IMODE(out.parent.stat().st_mode) == 0o700
    rows = list(csv.DictReader(io.StringIO(out.read_text())))
    assert r.out.strip() == f"Wrote {len(rows)} rows to {out} (readable by you only)."
    first = next(row for row in rows if row["order"] == "highest_cost")
    assert (first["loan_id"], first["amount"], first["kind"]) == ("L1", "5000.00", "prepayment")
    payments = cli("export", "csv", "--what", "payments", "--out", "-", today=PLAN_TODAY).out
    [paid] = list(csv.DictReader(io.StringIO(payments)))
    assert (paid["loan_id"], paid["amount"], paid["interest"], paid["principal"]) == ("L2", "500.00", "4.50", "495.50")  # 3,000 × 0.03% × 5 days
    schedule = cli("export", "csv", "--what", "schedule", today=PLAN_TODAY).out
    assert schedule.startswith("loan_id,loan,no,period_start,due_date")
    months = cli("export", "csv", "--what", "months", "--count", "4", "--json", today=PLAN_TODAY).json()
    assert months["what"] == "months" and months["path"] is None and months["text"].startswith("month,due_date")
    assert files(data_dir) == before


def test_journals_for_hledger_and_beancount(cli, two, tmp_path: Path) -> None:
    cli("pay", "L2", "--amount", "500", today=PLAN_TODAY)
    out = tmp_path / "loans.beancount"
    r = cli("export", "journal", "--format", "beancount", "--out", str(out), "--json", today=PLAN_TODAY)
    assert r.code == 0, r.err
    data = r.json()
    assert data["path"] == str(out) and data["format"] == "beancount"
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    loader = pytest.importorskip("beancount.loader")
    entries, errors, _ = loader.load_file(str(out))
    assert errors == []
    assert data["rows"] == sum(1 for e in entries if hasattr(e, "postings"))
    hledger = cli("export", "journal", "--format", "hledger", today=PLAN_TODAY).out
    assert "2025-01-20 *  B: repayment E1" in hledger and "~ 2025-02-10  A: instalment 1 due" in hledger


@pytest.mark.parametrize(("args", "option"), [
    (["csv", "--what", "loans"], "--what"),
    (["csv", "--what", "plan"], "--extra"),
    (["csv", "--what", "months", "--count", "0"], "--count"),
    (["journal", "--format", "ledger"], "--format"),
    (["journal"], "--format"),
])
def test_export_refusals(cli, two, args, option) -> None:
    r = cli("export", *args, today=PLAN_TODAY)
    assert r.code == 2 and option in r.err and r.out == "", r.err


def test_every_plan_command_has_json(cli, two) -> None:
    for args in (("plan", "--extra", "1"), ("scenario", "list"), ("months",), ("payday",),
                 ("whatif", "repayment-day", "--loan", "L2", "--day", "20"), ("goal", "--loan", "L1", "--save", "1")):
        r = cli(*args, "--json", today=PLAN_TODAY)
        assert r.code == 0, (args, r.err)
        json.loads(r.out)


def test_a_loan_drawn_later_takes_nothing_before_it_exists(cli, data_dir: Path) -> None:
    """A loan entered ahead of its drawdown (loans add --start in the future): a plan whose money reached it, a
    letter for the budget, and a scenario paying it today were refused naming an --on nobody typed (or that the
    command does not have)."""
    today = "2025-03-01"
    assert cli("loans", "add", "--name", "Now", *EI, today=today).code == 0
    later = ["--principal", "5000", "--daily-rate", "0.0004", "--term", "6", "--method", "equal-installment",
             "--start", "2025-06-01"]
    assert cli("loans", "add", "--name", "Later", *later, today=today).code == 0
    r = cli("plan", "--extra", "20000", "--order", "smallest-balance", "--json", today=today)
    assert r.code == 0, r.err
    for option in r.json()["orders"]:
        assert all(s["loan"] != "L2" or s["date"] >= "2025-06-01" for s in option["steps"])
        assert option["unused"] != "0.00"  # what the loan drawn now cannot take is left over, not forced on L2
    r = cli("hardship", "--budget", "100000", "--letter", "--json", today=today)
    assert r.code == 0 and [q["loan"] for q in r.json()["requests"]] == ["L1"], r.err
    r = cli("scenario", "add", "Early", "--prepay", "--loan", "L2", "--amount", "100", today=today)
    assert r.code == 2 and r.err.startswith('--on "2025-03-01" is not allowed') and "2025-06-01" in r.err
    assert cli("scenario", "add", "Early", "--prepay", "--loan", "L1", "--amount", "100", today=today).code == 0
    path = data_dir / "ledger.json"
    data = json.loads(path.read_text())
    data["scenarios"][0]["changes"][0]["loan_id"] = "L2"  # as a hand (or an older version) may have left it
    path.write_text(json.dumps(data))
    before = path.read_bytes()
    r = cli("scenario", "apply", "Early", today=today)
    assert r.code == 2 and r.err.startswith('SCENARIO "S1" is not allowed: its change on 2025-03-01 cannot be made: a payment date'), r.err
    assert path.read_bytes() == before


def test_plan_when_every_loan_is_past_its_end_says_all_is_owed_today(cli) -> None:
    """The worked loan on 2026-11-29 is far past its last due date (2026-01-10): the plan's figure is Status's
    payoff, and the sentence does not name --loan, which nobody typed."""
    assert cli("loans", "add", "--name", "Old", *EI, today="2025-01-10").code == 0
    payoff = cli("status", "--json", today="2026-11-29").json()["loans"][0]["payoff"]
    r = cli("plan", "--extra", "500", today="2026-11-29")
    assert r.code == 2 and "--loan" not in r.err
    assert f"all of it (¥{float(payoff):,.2f}) is owed today" in r.err, (payoff, r.err)
