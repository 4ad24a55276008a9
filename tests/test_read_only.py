"""Reading, simulating and exporting write nothing: every command that only shows leaves the ledger, its backups
and the lock file byte for byte as they were, with their modification times, and adds no file to the folder."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.conftest import EI

TODAY = "2025-02-25"

READ_ONLY = {
    "status": ("status",),
    "status ID": ("status", "L1", "--json"),
    "payments list": ("payments", "list"),
    "payments list LOAN --json": ("payments", "list", "L1", "--json"),
    "schedule --loan": ("schedule", "--loan", "L1"),
    "schedule inline": ("schedule", *EI, "--json"),
    "settle": ("settle", "--loan", "L1", "--on", TODAY),
    "settle inline": ("settle", *EI, "--on", TODAY, "--json"),
    "prepay": ("prepay", "--loan", "L1", "--on", TODAY, "--amount", "3000", "--json"),
    "prepay inline": ("prepay", *EI, "--on", TODAY, "--amount", "3000"),
    "overdue": ("overdue", "--loan", "L1", "--days", "31", "--json"),
    "overdue inline": ("overdue", *EI, "--installment", "3", "--days", "31"),
    "loans edit (preview)": ("loans", "edit", "L1", "--daily-rate", "0.05%"),
    "loans list": ("loans", "list", "--json"),
    "remind list": ("remind", "list", "--days", "60", "--now", "2025-02-25T09:00"),
    "remind rules": ("remind", "rules", "--json"),
    "export-ics": ("export-ics",),
    "terms show": ("terms", "show"),
    "terms --loan": ("terms", "--loan", "L1", "--json"),
    "recover --list": ("recover", "--list"),
    # the Plan section (issue 11): everything but --apply-first, scenario add/apply/remove and `payday N`
    "plan": ("plan", "--extra", "5000"),
    "plan monthly --json": ("plan", "--extra", "1000", "--monthly", "200", "--from", "2025-03-01", "--json"),
    "plan --roll-over": ("plan", "--extra", "1000", "--roll-over", "--order", "lowest-outgo"),
    "goal": ("goal", "--loan", "L1", "--save", "50"),
    "goal --json": ("goal", "--loan", "L2", "--finish-by", "2025-10-10", "--json"),
    "scenario list": ("scenario", "list"),
    "scenario show": ("scenario", "show", "S1", "--json"),
    "scenario compare": ("scenario", "compare"),
    "whatif repayment-day": ("whatif", "repayment-day", "--loan", "L1", "--day", "25"),
    "months": ("months", "--payday", "20"),
    "months --json": ("months", "--count", "24", "--json"),
    "payday": ("payday",),
    "export csv": ("export", "csv", "--what", "payments"),
    "export csv plan": ("export", "csv", "--what", "plan", "--extra", "500", "--out", "-"),
    "export journal": ("export", "journal", "--format", "beancount", "--json"),
    "hardship": ("hardship", "--budget", "1000"),
    "hardship --json": ("hardship", "--budget", "600", "--order", "costliest", "--json"),
    "hardship --letter (printed)": ("hardship", "--budget", "1000", "--letter", "--lang", "zh"),
    "loans restructure (preview)": ("loans", "restructure", "L1", "--on", TODAY, "--term", "24", "--waive-penalty"),
    "contacts list": ("contacts", "list"),
    "contacts list --flagged --json": ("contacts", "list", "--loan", "L1", "--flagged", "--json"),
    "contacts report (printed)": ("contacts", "report", "--loan", "L1"),
    "contacts report --csv --json": ("contacts", "report", "--csv", "--json"),
    "credit": ("credit",),
    "credit --loan --json": ("credit", "--loan", "L1", "--json"),
}


def folder_state(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {p.name: (p.read_bytes(), os.lstat(p).st_mtime_ns) for p in sorted(folder.iterdir())}


@pytest.fixture
def ledger(cli, data_dir: Path) -> Path:
    """A ledger with two loans, a payment, per-loan terms and an auto-debit loan (so backups exist)."""
    for args in (
        ("loans", "add", "--name", "Worked example", *EI),
        ("loans", "add", "--name", "Auto", *EI),
        ("loans", "auto-debit", "L2", "on"),
        ("pay", "L1", "--amount", "900.41", "--on", "2025-02-10"),
        ("terms", "set", "--loan", "L1", "--grace-days", "2"),
        ("remind", "set", "--desktop", "off"),
        ("scenario", "add", "Prepay", "--prepay", "--loan", "L1", "--amount", "1000"),
        ("contacts", "add", "--loan", "L1", "--at", "2025-02-24 22:30", "--channel", "phone", "--from", "X",
         "--promise", "500", "--promise-date", "2025-03-01"),
        ("credit", "--report-day", "20"),
    ):
        assert cli(*args, today=TODAY).code == 0
    assert (data_dir / "ledger.json.bak.1").exists() and (data_dir / "ledger.json.lock").exists()
    return data_dir


@pytest.mark.parametrize("name", list(READ_ONLY))
def test_a_command_that_only_shows_writes_nothing(cli, ledger: Path, name: str) -> None:
    before = folder_state(ledger)
    result = cli(*READ_ONLY[name], today=TODAY)
    assert result.code == 0, result.err
    assert result.out
    assert folder_state(ledger) == before


def test_export_ics_to_a_file_writes_only_that_file(cli, ledger: Path, tmp_path: Path) -> None:
    before = folder_state(ledger)
    out = tmp_path / "calendar" / "loans.ics"
    assert cli("export-ics", "--out", str(out), today=TODAY).code == 0
    assert out.read_bytes().startswith(b"BEGIN:VCALENDAR")
    assert folder_state(ledger) == before


def test_exports_to_files_write_only_those_files(cli, ledger: Path, tmp_path: Path) -> None:
    before = folder_state(ledger)
    for args, name in ((("export", "csv", "--what", "schedule"), "schedule.csv"),
                       (("export", "journal", "--format", "hledger"), "loans.journal")):
        out = tmp_path / "exports" / name
        assert cli(*args, "--out", str(out), today=TODAY).code == 0
        assert out.stat().st_size > 0 and oct(out.stat().st_mode & 0o777) == "0o600"
    assert folder_state(ledger) == before


def test_a_letter_or_a_contact_record_to_a_file_writes_only_that_file(cli, ledger: Path, tmp_path: Path) -> None:
    before = folder_state(ledger)
    letter, record = tmp_path / "out" / "letter.txt", tmp_path / "out" / "record.md"
    assert cli("hardship", "--budget", "1000", "--letter", str(letter), today=TODAY).code == 0
    assert cli("contacts", "report", "--out", str(record), today=TODAY).code == 0
    assert letter.read_text().startswith("Request for a repayment arrangement")
    assert record.read_text().startswith("# Collection contact record")
    assert folder_state(ledger) == before


def test_a_change_that_changes_nothing_writes_nothing(cli, ledger: Path) -> None:
    """Setting what is already so: no write, no backup, no new revision."""
    before = folder_state(ledger)
    for args in (
        ("loans", "auto-debit", "L2", "on"),
        ("loans", "rename", "L1", "--name", "Worked example"),
        ("terms", "set", "--loan", "L1", "--grace-days", "2"),
        ("remind", "set", "--desktop", "off"),
        ("loans", "edit", "L1", "--term", "12", "--apply"),
        ("payday", "off"),
        ("credit", "--report-day", "20"),
    ):
        result = cli(*args, today=TODAY)
        assert result.code == 0, (args, result.err)
        assert folder_state(ledger) == before, args


# --- with no ledger: the demo is shown from memory, and the disk is left as it was found ---

NOTHING_TO_DO = {  # what changes nothing on the demo, or is refused, with no ledger to act on
    "payday off (already off)": ("payday", "off"),
    "credit --report-day off (already off)": ("credit", "--report-day", "off"),
    "loans auto-debit L1 off (already off)": ("loans", "auto-debit", "L1", "off"),
    "pay refused": ("pay", "L1", "--amount", "0"),
    "undo (nothing to undo)": ("undo",),
    "recover --from-backup (no backup)": ("recover", "--from-backup"),
    "recover --from-backup 2 (no backup)": ("recover", "--from-backup", "2"),
}


@pytest.mark.parametrize("folder", ["missing", "empty"])
@pytest.mark.parametrize("name", [*READ_ONLY, *NOTHING_TO_DO])
def test_with_no_ledger_nothing_is_created(cli, data_dir: Path, name: str, folder: str) -> None:
    """No folder and no lock file for a command that leaves the ledger as it is: a read takes no lock, and a
    change is tried on the demo before anything is made (some of these are refused on the demo: exit 2, still
    nothing made)."""
    if folder == "empty":
        data_dir.mkdir(mode=0o700)
    args = {**READ_ONLY, **NOTHING_TO_DO}[name]
    result = cli(*args, today=TODAY, demo=True)
    assert result.code in (0, 2, 3), result.err
    assert "Traceback" not in result.err
    if folder == "missing":
        assert not data_dir.exists()
    else:
        assert list(data_dir.iterdir()) == []


def test_with_no_ledger_a_real_change_is_still_written_under_the_lock(cli, data_dir: Path) -> None:
    """The first look does not stand in for the write: a change that does change the demo makes the folder,
    the lock and the ledger, as before."""
    assert cli("payday", "20", today=TODAY, demo=True).code == 0
    assert sorted(p.name for p in data_dir.iterdir()) == ["ledger.json", "ledger.json.lock"]
    assert cli("payday", "--json", today=TODAY).json()["payday"] == 20
