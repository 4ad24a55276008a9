"""Exports (delivery/csv_export.py, delivery/journal_export.py): CSV of the schedule, the payments (split as the
replay applied them), a plan and the months ahead; hledger and beancount journals that balance — checked by a
parser written here for every journal (a property over random histories), by beancount's own loader, and by
hledger when it is installed (.ci/run installs it)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import shutil
import subprocess
from decimal import Decimal as D

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jiebei_tui.delivery.csv_export import months_csv, payments_csv, plan_csv, plan_summary_csv, schedule_csv
from jiebei_tui.delivery.journal_export import beancount_journal, hledger_journal
from jiebei_tui.domain.corrections import void_event
from jiebei_tui.domain.ledger import add_loan
from jiebei_tui.domain.months import months_ahead
from jiebei_tui.domain.plan import plan
from jiebei_tui.domain.replay import all_states, record_event
from jiebei_tui.domain.terms import make_loan
from tests.domain.plan_ledgers import TODAY, build_ledger, ledgers, two_loans, worked_loan
from tests.domain.test_account_properties import actions, build, loans, terms

WORKED_TODAY = dt.date(2025, 3, 1)


def rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def early_and_late() -> tuple:
    """The worked loan with domain.md's two cases on two copies: instalment 1 paid early (900.41 on 02-05:
    104.00 interest, 776.41 principal, 20.00 prepaid) and a second loan whose instalment 1 is paid six days late
    (903.66 on 02-16: 2.80 + 0.45 penalty, 124.00 interest, 776.41 principal)."""
    book = worked_loan(paid_through=0)
    book, _ = record_event(book, "L1", "repayment", dt.date(2025, 2, 5), D("900.41"), WORKED_TODAY)
    book, late = add_loan(book, "Late", make_loan(principal="10000", daily_rate="0.0004", term=12, method="equal-installment", start="2025-01-10"))
    book, _ = record_event(book, late, "repayment", dt.date(2025, 2, 16), D("903.66"), WORKED_TODAY)
    return book, late


def test_payments_are_split_as_the_replay_applied_them() -> None:
    book, late = early_and_late()
    table = rows(payments_csv(book, WORKED_TODAY))
    assert [(r["id"], r["loan_id"], r["date"], r["amount"], r["principal"], r["interest"], r["penalty"], r["fee"], r["applied"]) for r in table] == [
        ("E1", "L1", "2025-02-05", "900.41", "796.41", "104.00", "0.00", "0.00", "yes"),
        ("E2", late, "2025-02-16", "903.66", "776.41", "124.00", "3.25", "0.00", "yes"),
    ]


def test_a_voided_payment_is_left_out() -> None:
    book, _ = early_and_late()
    book, _ = void_event(book, "E2")
    assert [r["id"] for r in rows(payments_csv(book, WORKED_TODAY))] == ["E1"]


def test_the_schedule_as_it_stands() -> None:
    """The worked loan, instalment 1 paid on 02-10: domain.md's schedule (776.41 + 124.00, 900.41 a month, the
    last 900.42, 804.93 of interest)."""
    table = rows(schedule_csv(worked_loan(), WORKED_TODAY))
    assert len(table) == 12
    first, second, last = table[0], table[1], table[-1]
    assert (first["principal"], first["interest"], first["paid"], first["status"]) == ("776.41", "124.00", "900.41", "paid")
    assert (second["interest"], second["owed"], second["status"]) == ("103.30", "900.41", "upcoming")
    assert (last["due_date"], last["owed"]) == ("2026-01-10", "900.42")
    assert sum(D(r["interest"]) for r in table) == D("804.93")


def test_the_schedule_shows_the_prepaid_principal_on_a_line_of_its_own() -> None:
    """¥2,000.00 on 2025-02-05 (tests/test_schedule_prepaid.py, by hand): 104.00 interest + 776.41 principal
    = 880.41 completes instalment 1, 1,119.59 prepays principal. The CSV says it as Status does: instalment 1 with
    its own 776.41 and 880.41 paid, then a line of 1,119.59 prepaid (it read 1,896.00 and 2,000.00 in one row)."""
    book = worked_loan(paid_through=0)
    book, _ = record_event(book, "L1", "prepayment", dt.date(2025, 2, 5), D("2000.00"), WORKED_TODAY)
    table = rows(schedule_csv(book, WORKED_TODAY))
    first, prepaid = table[0], table[1]
    assert (first["no"], first["principal"], first["interest"], first["paid"], first["status"]) == (
        "1", "776.41", "104.00", "880.41", "paid")
    assert (prepaid["no"], prepaid["due_date"], prepaid["principal"], prepaid["paid"], prepaid["status"]) == (
        "", "2025-02-05", "1119.59", "1119.59", "prepaid")
    assert sum(D(r["paid"]) for r in table) == D("2000.00") and len(table) == 13


def test_cells_a_spreadsheet_would_run_are_defused() -> None:
    book = worked_loan()
    hostile = book.loans[0].model_copy(update={"name": "=HYPERLINK(\"x\")\x1b[2J"})  # as a hand-edited file may hold
    book = book.model_copy(update={"loans": [hostile]})
    for text in (schedule_csv(book, WORKED_TODAY), payments_csv(book, WORKED_TODAY)):
        names = {r["loan"] for r in rows(text)}
        assert names == {"'=HYPERLINK(\"x\")\\x1b[2J"}


def test_plan_and_months_tables() -> None:
    comparison = plan(two_loans(), TODAY, D("5000"))
    table = rows(plan_csv(comparison, {"L1": "A", "L2": "B"}))
    for option in (comparison.baseline, *comparison.options):
        mine = [r for r in table if r["order"] == option.order]
        assert [(r["date"], r["loan_id"], D(r["amount"])) for r in mine] == [(p.on.isoformat(), p.loan_id, p.amount) for p in option.payments]
        assert sum(D(r["interest"]) + D(r["penalty"]) + D(r["fee"]) for r in mine) == option.cost
    summary = {r["order"]: r for r in rows(plan_summary_csv(comparison))}
    assert (summary["highest_cost"]["cost"], summary["highest_cost"]["saving"], summary["highest_cost"]["debt_free"]) == ("306.01", "197.99", "2025-04-15")
    months = months_ahead(two_loans(), TODAY, 4)
    table = rows(months_csv(months))
    assert [(r["month"], r["due_date"], r["amount"]) for r in table] == [
        ("2025-01", "", ""),
        ("2025-02", "2025-02-10", "155.00"), ("2025-02", "2025-02-15", "1027.90"),
        ("2025-03", "2025-03-10", "140.00"), ("2025-03", "2025-03-15", "1016.80"),
        ("2025-04", "2025-04-10", "10155.00"), ("2025-04", "2025-04-15", "1009.30"),
    ]
    assert table[0]["month_total"] == "0.00" and table[1]["month_total"] == "1182.90"


# --- journals balance ---

HLEDGER_HEAD = re.compile(r"^(\d{4}-\d{2}-\d{2} \*|~ \d{4}-\d{2}-\d{2}) ")
BEANCOUNT_HEAD = re.compile(r'^\d{4}-\d{2}-\d{2} [*#] "')
POSTING = re.compile(r"^\s+(\S+)\s{2,}(-?\d+\.\d{2}) CNY$")


def transactions(text: str, head: re.Pattern) -> list[list[tuple[str, D]]]:
    """Each transaction's postings (account, amount), read from the journal's text."""
    out: list[list[tuple[str, D]]] = []
    current: list[tuple[str, D]] | None = None
    for line in text.splitlines():
        if head.match(line):
            current = []
            out.append(current)
        elif current is not None and (m := POSTING.match(line)):
            current.append((m[1], D(m[2])))
        elif not line.strip():
            current = None
    return out


def check_journals(book, today: dt.date) -> None:
    states = {s.record.id: s for s in all_states(book, today)}
    for text, head, prefix in (
        (hledger_journal(book, today), HLEDGER_HEAD, "liabilities:jiebei:"),
        (beancount_journal(book, today), BEANCOUNT_HEAD, "Liabilities:Jiebei:"),
    ):
        found = transactions(text, head)
        assert found and all(t for t in found)
        assert all(sum(v for _, v in t) == 0 for t in found), "an entry does not balance"
        # with everything to come, each loan ends repaid; up to today, it owes what status says
        owed: dict[str, D] = {}
        for t in found:
            for account, value in t:
                if account.startswith(prefix):
                    owed[account] = owed.get(account, D(0)) + value
        assert all(v == 0 for v in owed.values()) or any(s.problems for s in states.values())
    past = transactions(hledger_journal(book, today, upcoming=False), HLEDGER_HEAD)
    for loan_id, state in states.items():
        balance = sum((v for t in past for a, v in t if a == f"liabilities:jiebei:{loan_id}"), D(0))
        assert -balance == state.principal_outstanding


def test_journals_of_the_worked_cases_balance() -> None:
    book, _ = early_and_late()
    check_journals(book, WORKED_TODAY)
    text = hledger_journal(book, WORKED_TODAY)
    assert "2025-02-16 *  Late: repayment E2  ; loan:L2, event:E2" in text
    assert re.search(r"\n    expenses:jiebei:penalty +3\.25 CNY\n", text)
    assert "~ 2025-03-10  Worked: instalment 2 due  ; loan:L1, forecast:" in text
    bean = beancount_journal(book, WORKED_TODAY)
    assert '2025-03-10 # "Worked" "instalment 2 due" #forecast' in bean


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(loans, terms, actions, st.integers(0, 400))
def test_every_journal_balances_over_random_histories(loan, loan_terms, steps, later) -> None:
    """Random histories (early, late, partial, split, prepaid, settled, voided, edited payments under random
    fees and minimums, test_account_properties.build), looked at any day after."""
    book, _ = build(loan, loan_terms, steps)
    today = loan.start + dt.timedelta(days=later)
    today = max([today, *(e.date for e in book.events)])
    check_journals(book, today)


@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
@given(ledgers)
def test_every_journal_of_several_loans_balances(specs) -> None:
    check_journals(build_ledger(specs), TODAY)


def test_beancount_checks_it() -> None:
    loader = pytest.importorskip("beancount.loader")
    book, _ = early_and_late()
    book, _ = add_loan(book, 'Name "quoted" \\ ; | here', make_loan(principal="5000", daily_rate="0.0005", term=3, method="interest-first", start="2025-02-20"))
    entries, errors, _ = loader.load_string(beancount_journal(book, WORKED_TODAY))
    assert errors == []
    assert sum(1 for e in entries if getattr(e, "flag", None) == "#") == 11 + 11 + 3  # instalments still to come


@pytest.mark.skipif(shutil.which("hledger") is None, reason="hledger is not installed (.ci/run installs it)")
def test_hledger_checks_it(tmp_path) -> None:
    book, _ = early_and_late()
    book, _ = add_loan(book, 'Name "quoted" \\ ; | here', make_loan(principal="5000", daily_rate="0.0005", term=3, method="interest-first", start="2025-02-20"))
    path = tmp_path / "loans.journal"
    path.write_text(hledger_journal(book, WORKED_TODAY))
    strict = subprocess.run(["hledger", "-f", str(path), "check", "--strict"], capture_output=True, text=True, timeout=60)
    assert strict.returncode == 0, strict.stderr
    # periodic rules are checked when they generate: every forecast entry must balance too
    forecast = subprocess.run(
        ["hledger", "-f", str(path), "balance", "liabilities", "--forecast=2025-01-01..2027-01-01", "--flat", "-N"],
        capture_output=True, text=True, timeout=60,
    )
    assert forecast.returncode == 0, forecast.stderr
    assert forecast.stdout.strip() == ""  # with the upcoming instalments, every loan is repaid: nothing left owed
