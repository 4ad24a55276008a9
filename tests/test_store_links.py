"""Planted links: for the temporary file, the lock, the backups, the ledger itself and a migration's kept
original. Nothing outside the data folder is ever written, created or truncated; a link where a data file
should be is refused (exit 3) and named. A linked data folder is fine."""

from __future__ import annotations

import json
import os
import secrets
from pathlib import Path

import pytest

from tests.conftest import EI

ADD = ["loans", "add", "--name", "Phone", *EI]
PAY = ["pay", "L1", "--amount", "100", "--on", "2025-02-10"]


def snapshot(folder: Path) -> dict[str, bytes | None]:
    """Every name in `folder` (recursively) with its bytes (None for a folder)."""
    return {
        str(p.relative_to(folder)): (None if p.is_dir() else p.read_bytes())
        for p in sorted(folder.rglob("*"))
    }


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    """A folder beside the data folder, holding a file someone would like overwritten."""
    folder = tmp_path / "outside"
    folder.mkdir()
    (folder / "precious").write_text("do not touch\n")
    return folder


@pytest.fixture
def ledger(cli, data_dir: Path) -> Path:
    assert cli(*ADD).code == 0
    return data_dir / "ledger.json"


def test_old_style_temporary_names_planted_as_links_are_never_written(cli, ledger: Path, data_dir: Path, outside: Path) -> None:
    """Earlier versions named their temporary file after the process id; links planted for every nearby id
    (this process's included) are not followed, and are swept away as strays."""
    before = snapshot(outside)
    me = os.getpid()
    for pid in range(max(me - 50, 1), me + 50):
        os.symlink(outside / "precious", data_dir / f".ledger.json.{pid}.tmp")
        os.symlink(outside / "precious", data_dir / f".ledger.json.bak.{pid}.tmp")
    assert cli(*PAY).code == 0
    assert snapshot(outside) == before
    assert not ledger.is_symlink() and not (data_dir / "ledger.json.bak.1").is_symlink()
    assert not list(data_dir.glob(".*.tmp"))


def test_a_link_planted_at_the_very_name_about_to_be_used_makes_us_pick_another(cli, ledger: Path, data_dir: Path,
                                                                                 outside: Path, monkeypatch) -> None:
    """An attacker who wins the race to the temporary name: O_EXCL|O_NOFOLLOW refuses it, another is drawn."""
    before = snapshot(outside)
    real = secrets.token_hex
    drawn = []

    def racing(n: int) -> str:
        name = real(n)
        if not drawn:  # the first name drawn is taken by a link just before we open it
            os.symlink(outside / "precious", data_dir / f".ledger.json.{name}.tmp")
        drawn.append(name)
        return name

    monkeypatch.setattr(secrets, "token_hex", racing)
    assert cli(*PAY).code == 0
    assert len(drawn) == 2
    assert snapshot(outside) == before
    assert json.loads(ledger.read_text())["events"][0]["amount"] == "100.00"


def test_a_planted_temporary_file_is_not_written_either(cli, ledger: Path, data_dir: Path, monkeypatch) -> None:
    """A regular file at the drawn name (a hard link to someone's file would be one) is not opened."""
    real = secrets.token_hex
    victim = data_dir.parent / "victim"
    victim.write_text("mine\n")
    drawn = []

    def racing(n: int) -> str:
        name = real(n)
        if not drawn:
            os.link(victim, data_dir / f".ledger.json.{name}.tmp")
        drawn.append(name)
        return name

    monkeypatch.setattr(secrets, "token_hex", racing)
    assert cli(*PAY).code == 0
    assert victim.read_text() == "mine\n"


@pytest.mark.parametrize("target_exists", [True, False])
def test_a_linked_lock_file_is_refused_and_nothing_is_created_or_truncated(cli, ledger: Path, data_dir: Path,
                                                                           outside: Path, target_exists: bool) -> None:
    lock = data_dir / "ledger.json.lock"
    lock.unlink()
    target = outside / ("precious" if target_exists else "created-by-lock")
    os.symlink(target, lock)
    before, ledger_before = snapshot(outside), ledger.read_bytes()
    result = cli(*PAY)
    assert result.code == 3 and f"{lock} is a symbolic link" in result.err
    assert snapshot(outside) == before and ledger.read_bytes() == ledger_before


@pytest.mark.parametrize("name", ["ledger.json.bak.1", "ledger.json.bak.2", "ledger.json.bak.10", "ledger.json.bak"])
def test_a_linked_backup_is_refused_and_nothing_outside_changes(cli, ledger: Path, data_dir: Path, outside: Path, name: str) -> None:
    os.symlink(outside / "precious", data_dir / name)
    before, ledger_before = snapshot(outside), ledger.read_bytes()
    result = cli(*PAY)
    assert result.code == 3 and f"{data_dir / name} is a symbolic link" in result.err
    assert snapshot(outside) == before and ledger.read_bytes() == ledger_before
    listed = cli("recover", "--list")  # shown as unusable, never read through
    assert listed.code == 0 and "symbolic link" in listed.out


def test_a_linked_ledger_is_refused_for_reading_and_writing(cli, ledger: Path, data_dir: Path, outside: Path) -> None:
    real = outside / "ledger-elsewhere.json"
    os.replace(ledger, real)
    os.symlink(real, ledger)
    before = snapshot(outside)
    for command in (["status"], PAY, ADD, ["undo"]):
        result = cli(*command)
        assert result.code == 3 and f"{ledger} is a symbolic link" in result.err, command
    assert snapshot(outside) == before and ledger.is_symlink()


def test_a_link_where_the_migration_keeps_the_original_is_refused(cli, data_dir: Path, outside: Path) -> None:
    data_dir.mkdir()
    v2 = {"schema_version": 2, "loans": [], "events": []}
    (data_dir / "ledger.json").write_text(json.dumps(v2))
    os.symlink(outside / "precious", data_dir / "ledger.json.schema-v2.bak")
    before = snapshot(outside)
    result = cli(*ADD)
    assert result.code == 3 and "schema-v2.bak is a symbolic link" in result.err
    assert snapshot(outside) == before
    assert json.loads((data_dir / "ledger.json").read_text()) == v2


def test_a_linked_data_folder_is_fine(cli, tmp_path: Path, data_dir: Path) -> None:
    real = tmp_path / "real-data"
    real.mkdir(mode=0o700)
    os.symlink(real, data_dir)
    assert cli(*ADD).code == 0 and cli(*PAY).code == 0
    assert (real / "ledger.json").is_file() and (real / "ledger.json.bak.1").is_file()
    assert data_dir.is_symlink()


def test_restoring_moves_a_linked_ledger_aside_without_following_it(cli, ledger: Path, data_dir: Path, outside: Path) -> None:
    assert cli(*PAY).code == 0
    os.replace(ledger, outside / "elsewhere.json")
    os.symlink(outside / "elsewhere.json", ledger)
    before = snapshot(outside)
    result = cli("recover", "--from-backup")
    assert result.code == 0, result.err
    assert snapshot(outside) == before
    assert not ledger.is_symlink() and [p for p in data_dir.glob("ledger.json.corrupt-*") if p.is_symlink()]
