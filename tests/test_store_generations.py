"""Backups that mean something: a write only when the ledger changed, the last 10 versions kept (an earlier
version's single .bak taken in), `recover --list` / `--from-backup [N]` / `--force` / `--start-empty`, the
schema 2 → 3 migration, and a missing ledger beside its backups (exit 3 naming both, the app's recovery
screen; never a demo, never a write over a backup)."""

from __future__ import annotations

import datetime as dt
import json
import re
from decimal import Decimal
from pathlib import Path

import pytest

from jiebei_tui.domain.ledger import SCHEMA_VERSION, Ledger, rename_loan, set_auto_debit
from jiebei_tui.store import GENERATIONS, LedgerFileError, Store
from tests.conftest import EI

ADD = ["loans", "add", "--name", "Phone", *EI]


def pay(cli, amount: str = "10", on: str = "2025-02-10"):
    result = cli("pay", "L1", "--amount", amount, "--on", on)
    assert result.code == 0, result.err
    return result


def folder_state(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {
        p.name: (p.read_bytes(), p.stat().st_mtime_ns)
        for p in sorted(folder.iterdir())
        if p.is_file() and p.name != "ledger.json.lock"
    }


def revision(path: Path) -> int:
    return json.loads(path.read_text())["revision"]


# --- each real write keeps the previous file; the last 10 ---


def test_each_write_keeps_the_previous_file_as_backup_1_and_the_last_10(cli, data_dir: Path) -> None:
    assert cli(*ADD).code == 0
    versions = [(data_dir / "ledger.json").read_bytes()]
    for n in range(12):
        pay(cli, amount=str(10 + n))
        versions.append((data_dir / "ledger.json").read_bytes())
    assert revision(data_dir / "ledger.json") == 13
    backups = sorted(data_dir.glob("ledger.json.bak*"))
    assert len(backups) == GENERATIONS == 10
    for k in range(1, 11):  # backup k is the file as it was k writes ago, byte for byte
        assert (data_dir / f"ledger.json.bak.{k}").read_bytes() == versions[-1 - k]
        assert revision(data_dir / f"ledger.json.bak.{k}") == 13 - k
    assert not (data_dir / "ledger.json.bak.11").exists()


def test_a_change_that_changes_nothing_writes_nothing_not_even_a_backup(cli, data_dir: Path) -> None:
    assert cli(*ADD).code == 0
    pay(cli)
    assert cli("terms", "set", "--grace-days", "0").code == 0  # a change: the terms are now the borrower's own
    store = Store(data_dir, demo=False, today=dt.date(2025, 3, 1))
    before = folder_state(data_dir)
    unchanged = [
        lambda ledger: (ledger, "same object"),
        lambda ledger: (ledger.model_copy(), "a copy"),
        lambda ledger: (Ledger.model_validate(json.loads(ledger.model_dump_json())), "rebuilt from its JSON"),
        lambda ledger: (rename_loan(ledger, "L1", "Phone"), "renamed to its own name"),
        lambda ledger: (set_auto_debit(ledger, "L1", False), "auto-debit set as it was"),
    ]
    for change in unchanged:
        store.transact(change)
    for command in (["loans", "rename", "L1", "--name", "Phone"], ["terms", "set", "--grace-days", "0"], ["status"],
                    ["recover", "--list"], ["loans", "list"]):
        assert cli(*command).code == 0, command
    assert folder_state(data_dir) == before  # the file, its backups and their modification times


async def test_launching_the_app_and_visiting_every_section_writes_nothing(cli, data_dir: Path) -> None:
    from jiebei_tui.tui.app import JiebeiApp
    from tests.tui.conftest import noon, ready

    assert cli(*ADD).code == 0
    pay(cli)
    before = folder_state(data_dir)
    app = JiebeiApp(data_dir=data_dir, today=dt.date(2025, 3, 1), lang="en", demo=False, reminders=False, clock=noon)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        for key in ("2", "3", "4", "1", "2", "1"):
            await pilot.press(key)
            await pilot.pause()
        await pilot.press("ctrl+q")
    assert folder_state(data_dir) == before


def test_a_refused_change_keeps_everything(cli, data_dir: Path) -> None:
    assert cli(*ADD).code == 0
    pay(cli)
    before = folder_state(data_dir)
    result = cli("pay", "L1", "--amount", "999999")
    assert result.code == 2
    assert folder_state(data_dir) == before


# --- an earlier version's files ---


V2 = {
    "schema_version": 2,
    "demo": False,
    "loans": [{"id": "L1", "name": "Old", "principal": "10000", "daily_rate": "0.0004", "term": 12,
               "method": "equal-installment", "start": "2025-01-10"}],
    "events": [{"id": "E1", "loan_id": "L1", "kind": "repayment", "date": "2025-02-10", "amount": "900.41"}],
}


def test_schema_2_is_read_as_3_written_only_on_a_change_and_the_original_kept(cli, data_dir: Path) -> None:
    assert SCHEMA_VERSION == 3
    data_dir.mkdir()
    original = json.dumps(V2).encode()
    (data_dir / "ledger.json").write_bytes(original)
    before = folder_state(data_dir)
    listed = cli("loans", "list", "--json")
    assert listed.code == 0 and listed.json()["loans"][0]["name"] == "Old"
    assert folder_state(data_dir) == before  # reading migrates in memory only
    pay(cli, "100", "2025-02-20")
    written = json.loads((data_dir / "ledger.json").read_text())
    assert written["schema_version"] == 3 and written["revision"] == 1
    assert written["history"][0]["action"] == "pay" and written["history"][0]["before"] == 0
    assert (data_dir / "ledger.json.schema-v2.bak").read_bytes() == original
    assert (data_dir / "ledger.json.bak.1").read_bytes() == original
    pay(cli, "100", "2025-02-21")
    assert (data_dir / "ledger.json.schema-v2.bak").read_bytes() == original  # kept once, never overwritten


def test_an_earlier_versions_single_backup_is_taken_in_as_the_newest(cli, data_dir: Path) -> None:
    data_dir.mkdir()
    current, legacy = json.dumps(V2).encode(), json.dumps({**V2, "events": []}).encode()
    (data_dir / "ledger.json").write_bytes(current)
    (data_dir / "ledger.json.bak").write_bytes(legacy)
    listed = cli("recover", "--list", "--json").json()["backups"]
    assert [(b["number"], b["file"], b["payments"]) for b in listed] == [(1, "ledger.json.bak", 0)]
    pay(cli, "100", "2025-02-20")
    assert not (data_dir / "ledger.json.bak").exists()
    assert (data_dir / "ledger.json.bak.1").read_bytes() == current
    assert (data_dir / "ledger.json.bak.2").read_bytes() == legacy


# --- recover ---


@pytest.fixture
def three_versions(cli, data_dir: Path) -> list[bytes]:
    """Revision 1: the loan; 2: a payment of 10; 3: another of 20. Returns the three files' bytes."""
    assert cli(*ADD).code == 0
    versions = [(data_dir / "ledger.json").read_bytes()]
    for amount in ("10", "20"):
        pay(cli, amount)
        versions.append((data_dir / "ledger.json").read_bytes())
    return versions


def test_recover_list_shows_time_loans_payments_and_revision(cli, data_dir: Path, three_versions) -> None:
    result = cli("recover", "--list")
    assert result.code == 0
    lines = result.out.splitlines()
    assert lines[0].startswith(f"Backups of {data_dir / 'ledger.json'}, newest first")
    stamp = r"saved \d{4}-\d\d-\d\d \d\d:\d\d:\d\d"
    assert re.fullmatch(rf"  1\. {stamp} · loans: 1, payments: 1 · revision 2 · ledger\.json\.bak\.1", lines[1])
    assert re.fullmatch(rf"  2\. {stamp} · loans: 1, payments: 0 · revision 1 · ledger\.json\.bak\.2", lines[2])
    assert len(lines) == 3
    backups = cli("recover", "--list", "--json").json()["backups"]
    assert [(b["number"], b["loans"], b["payments"], b["revision"], b["usable"]) for b in backups] == [
        (1, 1, 1, 2, True), (2, 1, 0, 1, True)]
    assert dt.datetime.fromisoformat(backups[0]["saved"]).tzinfo is not None


def test_recover_list_with_no_backups(cli, data_dir: Path) -> None:
    assert cli(*ADD).code == 0
    result = cli("recover", "--list")
    assert result.code == 0 and result.out.strip() == f"No backups of {data_dir / 'ledger.json'} yet."


def test_recover_refuses_a_readable_ledger_without_force(cli, data_dir: Path, three_versions) -> None:
    before = folder_state(data_dir)
    for command in (["recover", "--from-backup"], ["recover", "--from-backup", "2"], ["recover", "--start-empty"]):
        result = cli(*command)
        assert result.code == 2, command
        assert result.err.strip() == (
            f"{data_dir / 'ledger.json'} is readable (revision 3; loans: 1, payments: 2), so there is nothing to "
            "recover; nothing was changed. To replace it anyway add --force (it is then kept as backup 1)."
        )
    assert folder_state(data_dir) == before


def test_recover_force_restores_backup_n_and_keeps_the_ledger_as_backup_1(cli, data_dir: Path, three_versions) -> None:
    result = cli("recover", "--from-backup", "2", "--force")
    assert result.code == 0, result.err
    assert result.out.startswith(f"Restored {data_dir / 'ledger.json'} from backup 2 (ledger.json.bak.2: saved ")
    assert "loans: 1, payments: 0; revision 1)." in result.out
    assert "The ledger that was there is kept as backup 1 (ledger.json.bak.1)." in result.out
    restored = json.loads((data_dir / "ledger.json").read_text())
    assert restored["events"] == [] and restored["revision"] == 4  # later than every version there is
    assert restored["history"][-1]["action"] == "recover.backup"
    assert (data_dir / "ledger.json.bak.1").read_bytes() == three_versions[2]
    assert (data_dir / "ledger.json.bak.2").read_bytes() == three_versions[1]
    assert (data_dir / "ledger.json.bak.3").read_bytes() == three_versions[0]
    pay(cli, "30")  # ids given out before the restore are not given out again
    assert json.loads((data_dir / "ledger.json").read_text())["events"][0]["id"] == "E3"


def test_recover_from_backup_takes_the_newest_usable_one_and_keeps_the_bad_file_aside(cli, data_dir: Path, three_versions) -> None:
    (data_dir / "ledger.json.bak.1").write_text("{ not json")
    (data_dir / "ledger.json").write_text("[]")
    result = cli("recover", "--from-backup")
    assert result.code == 0, result.err
    assert "from backup 2 (ledger.json.bak.2" in result.out and "kept as " in result.out and "corrupt-" in result.out
    assert json.loads((data_dir / "ledger.json").read_text())["events"] == []
    aside = list(data_dir.glob("ledger.json.corrupt-*"))
    assert len(aside) == 1 and aside[0].read_text() == "[]"
    assert (data_dir / "ledger.json.bak.1").read_text() == "{ not json"  # backups untouched: no rotation


def test_recover_names_a_backup_that_is_not_there_or_cannot_be_used(cli, data_dir: Path, three_versions) -> None:
    (data_dir / "ledger.json.bak.1").write_text("{ not json")
    before = folder_state(data_dir)
    missing = cli("recover", "--from-backup", "7", "--force")
    assert missing.code == 2 and "there is no backup 7; the backups are 1, 2" in missing.err
    bad = cli("recover", "--from-backup", "1", "--force")
    assert bad.code == 3 and "Backup 1 cannot be restored" in bad.err and "not valid JSON" in bad.err
    word = cli("recover", "--from-backup", "two", "--force")
    assert word.code == 2 and "--from-backup" in word.err and "1 to 9999" in word.err
    assert folder_state(data_dir) == before


def test_recover_without_any_backup_says_so(cli, data_dir: Path) -> None:
    data_dir.mkdir()
    (data_dir / "ledger.json").write_text("{")
    result = cli("recover", "--from-backup")
    assert result.code == 3 and "There is no usable backup" in result.err and "no backup of" in result.err
    assert (data_dir / "ledger.json").read_text() == "{"


def test_start_empty_with_force_keeps_the_ledger_as_backup_1(cli, data_dir: Path, three_versions) -> None:
    result = cli("recover", "--start-empty", "--force")
    assert result.code == 0 and "kept as backup 1" in result.out
    assert cli("loans", "list", "--json").json()["loans"] == []
    assert (data_dir / "ledger.json.bak.1").read_bytes() == three_versions[2]
    assert revision(data_dir / "ledger.json") == 4


# --- a missing ledger beside its backups ---


def test_a_missing_ledger_beside_a_backup_is_exit_3_naming_both(cli, data_dir: Path, three_versions) -> None:
    (data_dir / "ledger.json").unlink()
    before = folder_state(data_dir)
    for command in (["status"], ADD, ["pay", "L1", "--amount", "5"], ["undo"]):
        result = cli(*command, demo=True)
        assert result.code == 3, command
        assert result.err.strip().startswith(
            f"{data_dir / 'ledger.json'} is missing, but its backup {data_dir / 'ledger.json.bak.1'} is there; "
            "nothing was changed (no demo, no new file)."
        )
    assert folder_state(data_dir) == before and not (data_dir / "ledger.json").exists()
    restored = cli("recover", "--from-backup")
    assert restored.code == 0 and "from backup 1" in restored.out and "kept" not in restored.out
    assert len(cli("status", "L1", "--json").json()["loans"][0]["installments"]) == 12
    assert json.loads((data_dir / "ledger.json").read_text())["events"][0]["amount"] == "10.00"


@pytest.mark.parametrize("name", ["ledger.json.bak", "ledger.json.bak.4", "ledger.json.schema-v2.bak"])
def test_any_kind_of_backup_counts(cli, data_dir: Path, name: str) -> None:
    data_dir.mkdir()
    (data_dir / name).write_text(json.dumps(V2))
    result = cli("status", demo=True)
    assert result.code == 3 and f"its backup {data_dir / name} is there" in result.err


async def test_the_app_opens_recovery_for_a_missing_ledger_and_restores_it(cli, data_dir: Path, three_versions) -> None:
    from jiebei_tui.tui.app import JiebeiApp
    from jiebei_tui.tui.screens.recover import RecoveryScreen
    from jiebei_tui.tui.screens.status import StatusScreen
    from tests.tui.conftest import click, noon, ready, text

    (data_dir / "ledger.json").unlink()
    app = JiebeiApp(data_dir=data_dir, today=dt.date(2025, 3, 1), lang="en", demo=True, reminders=False, clock=noon)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        assert isinstance(app.screen, RecoveryScreen)
        assert "is missing, but its backup" in text(app.screen.query_one("#problem"))
        backups = text(app.screen.query_one("#backups"))
        assert "1. saved" in backups and "payments: 1 · revision 2" in backups and "2. saved" in backups
        await click(pilot, "#backup")
        await pilot.pause()
        assert isinstance(app.screen, StatusScreen) and not app.ledger.demo
        assert [loan.id for loan in app.ledger.loans] == ["L1"] and len(app.ledger.events) == 1
    history = json.loads((data_dir / "ledger.json").read_text())["history"]
    assert history[-1]["action"] == "recover.backup" and history[-1]["source"] == "app"


def test_loading_without_a_file_or_a_folder_writes_nothing(tmp_path: Path) -> None:
    store = Store(tmp_path / "none", demo=True, today=dt.date(2025, 3, 1))
    assert store.load().demo and store.generations() == []
    assert not store.data_dir.exists()


async def test_ten_backups_leave_the_recovery_buttons_on_a_small_terminal(cli, data_dir: Path) -> None:
    from jiebei_tui.tui.app import JiebeiApp
    from jiebei_tui.tui.screens.recover import RecoveryScreen
    from tests.tui.conftest import noon, ready

    assert cli(*ADD).code == 0
    for n in range(10):
        pay(cli, amount=str(n + 1))
    (data_dir / "ledger.json").write_text("{")
    app = JiebeiApp(data_dir=data_dir, today=dt.date(2025, 3, 1), lang="en", demo=True, reminders=False, clock=noon)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        assert isinstance(app.screen, RecoveryScreen)
        for button in ("#backup", "#empty", "#quit"):
            region = app.screen.query_one(button).region
            assert region.bottom <= 24 and region.right <= 80 and region.height > 0, button
