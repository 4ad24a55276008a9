"""Edges found by a hostile pass after issue 9, from the borrower's side: what the command line does with `~` in
a file option, a minus sign on zero, a reminder rule naming a loan that is not there, a saved time zone this
machine does not know. Refusals are exit 2 with one sentence naming what was typed (or saved) and the ledger
byte for byte unchanged; what is accepted does what a careful user expects."""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path

import pytest

from jiebei_tui.cli import main
from tests.conftest import EI

TODAY = "2025-03-01"


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A home folder of its own, and a working folder that is not it (so a literal `~` folder would show)."""
    folder = tmp_path / "home"
    folder.mkdir()
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.setenv("HOME", str(folder))
    monkeypatch.chdir(work)
    return folder


@pytest.fixture
def ledger(tmp_path: Path) -> Path:
    """The worked example, its first instalment unpaid (so the way-back letter has a loan to ask for), a contact."""
    data = tmp_path / "data"
    base = ["--data-dir", str(data), "--today", TODAY, "--lang", "en", "--no-demo"]
    for args in (["loans", "add", "--name", "Worked example", *EI],
                 ["contacts", "add", "--loan", "L1", "--at", "2025-02-15 10:00", "--channel", "phone", "--from", "X"],
                 ["remind", "set", "--desktop", "off"]):
        code, _, err = run(*base, *args)
        assert code == 0, err
    return data


def c(data: Path, *args: str) -> list[str]:
    return ["--data-dir", str(data), "--today", TODAY, "--lang", "en", "--no-demo", *args]


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


# --- 1. `~` in a file option is the home folder, as the app's forms take it ---

WRITES = [
    (("export-ics", "--out=~/cal/loans.ics"), "cal/loans.ics"),
    (("export-ics", "--out", "~/loans.ics"), "loans.ics"),
    (("export", "csv", "--what", "schedule", "--out=~/exports/schedule.csv"), "exports/schedule.csv"),
    (("export", "journal", "--format", "hledger", "--out=~/loans.journal"), "loans.journal"),
    (("contacts", "report", "--out=~/complaint.md"), "complaint.md"),
    (("hardship", "--budget", "1000", "--letter=~/letter.txt"), "letter.txt"),
]


@pytest.mark.parametrize(("args", "where"), WRITES, ids=[a[0] + ":" + w for a, w in WRITES])
def test_a_file_option_starting_with_a_tilde_writes_in_the_home_folder(home: Path, ledger: Path, args, where) -> None:
    code, out, err = run(*c(ledger, *args))
    assert code == 0, err
    written = home / where
    assert written.is_file() and written.stat().st_size > 0
    assert written.stat().st_mode & 0o777 == 0o600
    assert not (Path.cwd() / "~").exists()  # no folder called "~" where the command ran
    assert str(written) in out  # the sentence says where it went, as a path that can be opened


def test_a_data_folder_starting_with_a_tilde_is_in_the_home_folder(home: Path) -> None:
    code, _, err = run("--data-dir=~/ledger", "--today", TODAY, "--lang", "en", "--no-demo", "loans", "add",
                       "--name", "Phone", *EI)
    assert code == 0, err
    assert (home / "ledger" / "ledger.json").is_file()
    assert not (Path.cwd() / "~").exists()


@pytest.mark.parametrize(("args", "start"), [
    (("export", "csv", "--what", "schedule", "--out", "-"), "loan_id,loan,"),
    (("export-ics", "--out", "-"), "BEGIN:VCALENDAR"),  # these two once wrote a file called "-"
    (("contacts", "report", "--out", "-"), "# Collection contact record"),
])
def test_standard_output_is_a_dash_for_every_command_writing_a_file(home: Path, ledger: Path, args, start) -> None:
    code, out, err = run(*c(ledger, *args))
    assert code == 0, err
    assert out.startswith(start)
    assert not (Path.cwd() / "-").exists()


# --- 2. a minus sign on zero is a slip, refused as any negative is, where zero is allowed and a negative is not ---

MINUS_ZERO = [
    (("terms", "set", "--grace-days", "-0"),
     '--grace-days "-0" is not allowed: grace days are a whole number from 0 to 30.'),
    (("overdue", "--loan", "L1", "--days", "-0"),
     '--days "-0" is not allowed: days late is a whole number from 0 to 3650.'),
    (("terms", "set", "--prepayment-fee=-0%"),
     '--prepayment-fee "-0%" is not allowed: the prepayment fee is 0% to 10% of the principal prepaid, written like '
     '1% or 0.01.'),
    (("terms", "set", "--prepayment-fee=-0.00"),
     '--prepayment-fee "-0.00" is not allowed: the prepayment fee is 0% to 10% of the principal prepaid, written '
     'like 1% or 0.01.'),
    (("terms", "set", "--min-prepayment", "-0.00"),
     '--min-prepayment "-0.00" is not allowed: the minimum prepayment is an amount from 0 to ¥1,000,000.00, with at '
     'most 2 decimals.'),
    (("loans", "restructure", "L1", "--on", TODAY, "--term", "12", "--daily-rate", "\u22120"),
     '--daily-rate "\u22120" is not allowed: the new daily rate is 0 (interest stopped) up to 0.1% a day, written as '
     '0.0004 or 0.04%.'),
    (("loans", "restructure", "L1", "--on", TODAY, "--term", "12", "--daily-rate=-0%"),
     '--daily-rate "-0%" is not allowed: the new daily rate is 0 (interest stopped) up to 0.1% a day, written as '
     '0.0004 or 0.04%.'),
    (("goal", "--loan", "L1", "--max-installment", "-0"),
     '--max-installment "-0" is not allowed: an amount of 0 or more (more than 0 for a saving), with at most 2 '
     'decimals.'),
    (("remind", "set", "--catch-up-days", "\uff0d0"),
     '--catch-up-days "\uff0d0" is not allowed: the catch-up window is 0 to 30 days.'),
    (("loans", "add", "--name", "X", *EI, "--paid-through", "-0"),
     '--paid-through "-0" is not allowed: already-paid instalments are a whole number from 0 to 1: fewer than the '
     'term (12), each due on or before today (2025-03-01).'),
]


@pytest.mark.parametrize(("args", "sentence"), MINUS_ZERO, ids=[" ".join(a[:2]) + " " + a[-1] for a, _ in MINUS_ZERO])
def test_minus_zero_is_refused_where_zero_is_allowed(ledger: Path, args, sentence) -> None:
    before = snapshot(ledger)
    code, out, err = run(*c(ledger, *args))
    assert (code, out, err) == (2, "", sentence + "\n")
    assert snapshot(ledger) == before


def test_zero_itself_and_a_plus_sign_are_still_zero(ledger: Path) -> None:
    for typed in ("0", "+0", "０"):
        code, out, err = run(*c(ledger, "overdue", "--loan", "L1", "--days", typed, "--json"))
        assert code == 0, err
        assert json.loads(out)["days"] == 0


def test_a_reminder_offset_of_minus_zero_is_the_due_day(ledger: Path) -> None:
    """The offset is the one field taking negative numbers (D−3): there -0 is D0, not a slip."""
    code, _, err = run(*c(ledger, "remind", "add", "--offset", "-0", "--time", "12:00"))
    assert code == 0, err
    rules = json.loads(run(*c(ledger, "remind", "rules", "--json"))[1])["rules"]
    assert rules[-1]["offset_days"] == 0 and rules[-1]["time"] == "12:00"


# --- 3. a reminder rule names loans that are in the ledger; removing a loan takes it out of the rules ---


def test_a_rule_for_a_loan_not_in_the_ledger_is_refused_naming_it(ledger: Path) -> None:
    before = snapshot(ledger)
    code, out, err = run(*c(ledger, "remind", "add", "--offset", "1", "--time", "10:00", "--loans", "L1,L9"))
    assert (code, out) == (2, "")
    assert err == ('--loans "L1,L9" is not allowed: there is no loan L9 in the ledger; loans are all, or ids from the '
                   'ledger separated by commas: L1.\n')
    assert snapshot(ledger) == before


def test_every_loan_is_all_or_quanbu_and_the_refusal_says_so_in_chinese(ledger: Path) -> None:
    """`--loans 全部` is every loan, as `--loans all` is (the form shows 全部 in 中文); a refusal in 中文 names 全部."""
    assert run(*c(ledger, "remind", "add", "--offset", "2", "--time", "10:00", "--loans", "全部"))[0] == 0  # R5
    assert run(*c(ledger, "remind", "add", "--offset", "3", "--time", "10:00", "--loans", "all"))[0] == 0  # R6
    assert rules(ledger)[-2:] == [("R5", None), ("R6", None)]
    code, out, err = run(*c(ledger, "--lang", "zh", "remind", "add", "--offset", "4", "--time", "10:00", "--loans", "L9"))
    assert (code, out) == (2, "")
    assert "全部（也可写 all）" in err and "L9" in err and "--loans" in err
    zh = run(*c(ledger, "--lang", "zh", "remind", "rules"))[1]
    assert "全部" in zh and " all" not in zh


def rules(data: Path) -> list[tuple[str, list[str] | None]]:
    code, out, err = run(*c(data, "remind", "rules", "--json"))
    assert code == 0, err
    return [(rule["id"], rule["loans"]) for rule in json.loads(out)["rules"]]


def test_removing_a_loan_removes_the_rules_for_it_alone_and_says_so(ledger: Path) -> None:
    assert run(*c(ledger, "loans", "add", "--name", "Laptop", *EI))[0] == 0  # L2
    assert run(*c(ledger, "remind", "add", "--offset", "2", "--time", "10:00", "--loans", "L2"))[0] == 0  # R5
    assert run(*c(ledger, "remind", "add", "--offset", "3", "--time", "10:00", "--loans", "L1,L2"))[0] == 0  # R6
    code, out, err = run(*c(ledger, "loans", "remove", "L2"))
    assert code == 0, err
    assert out == "Removed loan L2 (Laptop), its 0 payments and the reminder rule R5, which was for it alone.\n"
    assert rules(ledger)[-1:] == [("R6", ["L1"])]  # R5 gone; R6 no longer names L2
    assert [rule for rule, _ in rules(ledger)] == ["R1", "R2", "R3", "R4", "R6"]
    code, out, err = run(*c(ledger, "undo"))  # one change: undo brings the loan and its rules back together
    assert code == 0, err
    assert rules(ledger)[-2:] == [("R5", ["L2"]), ("R6", ["L1", "L2"])]


def test_removing_a_loan_no_rule_names_leaves_the_rules_alone(ledger: Path) -> None:
    before = rules(ledger)
    code, out, err = run(*c(ledger, "loans", "remove", "L1", "--json"))
    assert code == 0, err
    assert json.loads(out) == {"id": "L1", "removed": True, "rules_removed": []}
    assert rules(ledger) == before


# --- 5. a saved time zone this machine does not know: the sentence names the saved setting, not an option ---

SAVED_ZONE_UNKNOWN = (
    'settings.reminders.timezone "Mars/Base" is not allowed: this machine does not know the time zone saved in '
    "your reminder settings; choose one it knows with `jiebei-tui remind set --timezone NAME` (a name like "
    "Asia/Shanghai, or local for this machine's own).\n")


@pytest.fixture
def on_mars(ledger: Path) -> Path:
    """The ledger with a zone saved that has the shape of a zone name but is known nowhere (as a zone known on
    another machine, or a hand edit, would be)."""
    path = ledger / "ledger.json"
    data = json.loads(path.read_text())
    data["settings"]["reminders"]["timezone"] = "Mars/Base"
    path.write_text(json.dumps(data, indent=2))
    return ledger


@pytest.mark.parametrize("args", [("remind", "list"), ("remind", "run"), ("remind", "list", "--now", "2025-03-01T09:00"),
                                  ("export-ics",), ("export-ics", "--out=~/loans.ics")])
def test_an_unknown_saved_zone_is_named_as_the_saved_setting(home: Path, on_mars: Path, args) -> None:
    before = snapshot(on_mars)
    code, out, err = run(*c(on_mars, *args))
    assert (code, out, err) == (2, "", SAVED_ZONE_UNKNOWN)
    assert snapshot(on_mars) == before
    assert not (home / "loans.ics").exists()


def test_an_unknown_saved_zone_reads_in_chinese_too(on_mars: Path) -> None:
    code, _, err = run("--data-dir", str(on_mars), "--today", TODAY, "--lang", "zh", "remind", "list")
    assert code == 2
    assert err == ('settings.reminders.timezone 的值 "Mars/Base" 无效：本机不认识提醒设置中保存的时区；请用 '
                   "`jiebei-tui remind set --timezone 名称` 改为本机认识的时区（如 Asia/Shanghai，或用 local 表示本机时区）。\n")


def test_an_unknown_saved_zone_locks_nothing_else_and_the_sentence_says_how_to_fix_it(on_mars: Path) -> None:
    for args in (("status",), ("remind", "rules"), ("remind", "set", "--desktop", "on")):
        code, _, err = run(*c(on_mars, *args))
        assert code == 0, (args, err)
    code, _, err = run(*c(on_mars, "remind", "set", "--timezone", "Asia/Shanghai"))
    assert code == 0, err
    code, out, err = run(*c(on_mars, "remind", "list", "--json"))
    assert code == 0, err


def test_a_zone_typed_on_the_command_line_is_still_named_as_typed(ledger: Path) -> None:
    code, _, err = run(*c(ledger, "remind", "set", "--timezone", "Mars/Base"))
    assert (code, err) == (2, '--timezone "Mars/Base" is not allowed: the time zone is a name like Asia/Shanghai.\n')
