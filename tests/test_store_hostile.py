"""Hand-edited ledgers (tests/store_cases.py): each one refused with exit 3 and a sentence naming the problem,
the file and its backups byte for byte as they were, whether the command only reads or would write; the app
opens its recovery screen for every one, never a traceback. And a file too big to be a ledger is refused by
its size, without being read."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from jiebei_tui.store import Store
from tests.store_cases import CASES, GOOD_TODAY, Case, build_good_ledger

RAW_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u202a-\u202e]")


@pytest.fixture(scope="module")
def good(tmp_path_factory) -> bytes:
    return build_good_ledger(tmp_path_factory.mktemp("good") / "data")


def folder_bytes(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file() and p.name != "ledger.json.lock"}


def plant(folder: Path, good: bytes, case: Case) -> bytes:
    """A data folder holding the good ledger's backups and the hand-edited file as ledger.json."""
    folder.mkdir(parents=True)
    (folder / "ledger.json.bak.1").write_bytes(good)
    content = case.make(json.loads(good))
    (folder / "ledger.json").write_bytes(content)
    return content


def test_the_good_ledger_is_good(cli, good: bytes, data_dir: Path) -> None:
    data_dir.mkdir()
    (data_dir / "ledger.json").write_bytes(good)
    result = cli("status", "--json", today=GOOD_TODAY)
    assert result.code == 0, result.err
    assert [loan["id"] for loan in result.json()["loans"]] == ["L1", "L2"]


def test_there_are_at_least_60_cases() -> None:
    assert len(CASES) >= 60


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_hand_edited_ledger_is_refused_and_untouched(cli, good: bytes, data_dir: Path, case: Case) -> None:
    plant(data_dir, good, case)
    before = folder_bytes(data_dir)
    for command in (["status"], ["pay", "L1", "--amount", "1", "--on", GOOD_TODAY], ["undo"], ["recover", "--list"]):
        result = cli(*command, today=GOOD_TODAY)
        if command[0] == "recover":  # lists the backups (the good one) without touching anything
            assert result.code == 0 and "ledger.json.bak.1" in result.out, result.err
            continue
        assert result.code == 3, (command, result.err)
        for words in case.says:
            assert words in result.err, (command, result.err)
        assert str(data_dir / "ledger.json") in result.err
        assert "Traceback" not in result.err and not RAW_CONTROL.search(result.err)
        assert len(result.err.strip().splitlines()) == 1
    assert folder_bytes(data_dir) == before


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
async def test_hand_edited_ledger_opens_the_recovery_screen(tmp_path: Path, good: bytes, case: Case) -> None:
    from jiebei_tui.tui.app import JiebeiApp
    from jiebei_tui.tui.screens.recover import RecoveryScreen
    from tests.tui.conftest import TODAY, noon, ready, text

    folder = tmp_path / "data"
    plant(folder, good, case)
    before = folder_bytes(folder)
    app = JiebeiApp(data_dir=folder, today=TODAY, lang="en", demo=True, reminders=True, clock=noon)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        assert isinstance(app.screen, RecoveryScreen)
        problem = text(app.screen.query_one("#problem"))
        for words in case.says:
            assert words in problem
        assert "ledger.json.bak.1" in text(app.screen.query_one("#backups"))
        await pilot.press("ctrl+q")
    assert folder_bytes(folder) == before


@pytest.mark.parametrize("megabytes", [65, 200])
def test_a_file_too_big_is_refused_by_its_size_without_reading_it(cli, data_dir: Path, monkeypatch, megabytes: int) -> None:
    data_dir.mkdir()
    path = data_dir / "ledger.json"
    with path.open("wb") as handle:  # sparse: costs no disk
        handle.truncate(megabytes * 2**20)
    read = []
    real_read = os.read
    monkeypatch.setattr(os, "read", lambda fd, n: read.append(n) or real_read(fd, n))
    for command in (["status"], ["pay", "L1", "--amount", "1"]):
        result = cli(*command)
        assert result.code == 3 and f"is {megabytes} MB, larger than a ledger can be (64 MB)" in result.err
    assert read == []  # refused by its size alone
    assert path.stat().st_size == megabytes * 2**20


def test_a_file_that_grows_past_the_cap_while_read_is_refused(tmp_path: Path, monkeypatch) -> None:
    """The size is checked again as the bytes arrive: a file growing under us is not read without end."""
    import jiebei_tui.store as store_module

    store = Store(tmp_path / "data", demo=False)
    store.data_dir.mkdir()
    store.path.write_text("{}")
    monkeypatch.setattr(store_module, "MAX_BYTES", 10)
    real_read = os.read
    monkeypatch.setattr(os, "read", lambda fd, n: b"x" * n if n else real_read(fd, n))
    with pytest.raises(store_module.LedgerFileError) as err:
        store.load()
    assert err.value.key == "file.too_big"


def test_strings_holding_brackets_are_not_nesting(cli, good: bytes, data_dir: Path) -> None:
    """A name full of brackets (or quotes and backslashes before them) is text, not depth."""
    data = json.loads(good)
    data["loans"][0]["name"] = '[[[[[\\"{{{{' + "[" * 20
    data["settings"]["theme"] = "\\" * 3 + '"' + "{" * 40
    data_dir.mkdir()
    (data_dir / "ledger.json").write_text(json.dumps(data))
    result = cli("status", today=GOOD_TODAY)
    assert result.code == 0, result.err


@pytest.mark.parametrize("kind", ["folder", "fifo"])
def test_a_ledger_that_is_not_a_file_is_refused(cli, data_dir: Path, kind: str) -> None:
    data_dir.mkdir()
    path = data_dir / "ledger.json"
    if kind == "folder":
        path.mkdir()
    else:
        os.mkfifo(path)
    for command in (["status"], ["loans", "add", "--name", "X", "--principal", "100", "--daily-rate", "0.0004",
                                 "--term", "3", "--method", "equal-installment", "--start", "2025-01-10"]):
        result = cli(*command)
        assert result.code == 3 and "is a folder" in result.err if kind == "folder" else "special file" in result.err
    assert path.is_dir() if kind == "folder" else path.is_fifo()
