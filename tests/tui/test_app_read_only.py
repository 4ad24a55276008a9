"""Looking writes nothing (issue 8): launching the app, opening every section, switching loans, opening and
closing the help screen and exporting the calendar leave the ledger, its backups and the lock file byte for byte
as they were, with their modification times, and add no file to the data folder. (Reminders are off here:
delivering a due reminder records that it was sent, a write of its own, tested in tests/reminders.)"""

from __future__ import annotations

import os
from pathlib import Path

from textual.widgets import DataTable, Input

from jiebei_tui.actions import registry
from jiebei_tui.cli import main
from tests.tui.conftest import TODAY, press, ready, settle, wait_for

EI = ["--principal", "10000", "--daily-rate", "0.0004", "--term", "12", "--method", "equal-installment"]


def folder_state(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {p.name: (p.read_bytes(), os.lstat(p).st_mtime_ns) for p in sorted(folder.iterdir())}


def build(folder: Path) -> None:
    """Two loans (one behind, one on track), a payment and a per-loan term, written by the command line (so the
    ledger has backups and a lock file beside it)."""
    base = ["--data-dir", str(folder), "--today", TODAY.isoformat(), "--lang", "en", "--no-demo"]
    for args in (
        ["loans", "add", "--name", "Behind", *EI, "--start", "2026-09-05"],
        ["loans", "add", "--name", "On track", *EI, "--start", "2026-10-20"],
        ["pay", "L1", "--amount", "500", "--on", "2026-10-05"],
        ["terms", "set", "--loan", "L1", "--grace-days", "2"],
        ["remind", "set", "--desktop", "off"],
    ):
        assert main([*base, *args]) == 0, args


async def test_looking_around_the_app_writes_nothing(make_app, tmp_path: Path) -> None:
    folder = tmp_path / "data"
    build(folder)
    before = folder_state(folder)
    assert {"ledger.json", "ledger.json.lock", "ledger.json.bak.1"} <= set(before)
    app = make_app(data_dir=folder, demo=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        sections = [a for a in registry.ACTIONS if a.run.startswith("section(")]
        assert len(sections) >= 4
        for action in sections:  # every section, by its key
            await press(pilot, action.key)
            assert app.current_mode == action.name
        await press(pilot, "1")
        table = app.screen.query_one("#loans", DataTable)
        table.focus()
        for key in ("down", "up", "down"):  # another loan, and back: every section follows the choice
            await press(pilot, key)
        assert app.selected_loan == "L2"
        for action in sections:
            await press(pilot, action.key)
        await press(pilot, "question_mark")
        await press(pilot, "escape")
        # the calendar export writes its own file, elsewhere, and nothing beside the ledger
        out = tmp_path / "exports" / "loans.ics"
        out.parent.mkdir()  # (the dialog asks for a folder that exists)
        await app.run_action("export_calendar")
        await settle(pilot)
        app.screen.query_one("#path", Input).value = str(out)
        await press(pilot, "enter")
        await wait_for(pilot, out.exists, "the calendar to be written")
        await settle(pilot)
        assert out.read_bytes().startswith(b"BEGIN:VCALENDAR")
    assert folder_state(folder) == before


async def test_a_first_look_at_the_demo_takes_no_transaction(make_app, tmp_path: Path) -> None:
    """Every section shown, the ones made ahead too: no store transaction at all (not even the lock file in a
    folder that did not exist), and the ledger read once. Showing the saved reminder switches once went through
    a settings "change" (Reminders' switches set on screen posted Changed): a transaction, and every section
    drawn again for a reading of the same ledger."""
    folder = tmp_path / "data"
    app = make_app(data_dir=folder)
    app.prepare = True  # the sections made ahead, as `jiebei-tui` makes them
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await wait_for(pilot, lambda: app._made >= set(registry.SECTIONS), "every section to be made")
        await settle(pilot)
        for action in [a for a in registry.ACTIONS if a.run.startswith("section(")]:
            await press(pilot, action.key)
        assert app.version == 1
    assert not folder.exists() or list(folder.iterdir()) == []
