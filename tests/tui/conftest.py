"""The real app, driven with Pilot, on the demo ledger (or a given one) at a fixed today."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from textual.widgets import Input

from jiebei_tui.tui.app import JiebeiApp

TODAY = dt.date(2026, 11, 28)


def noon(tz: dt.tzinfo) -> dt.datetime:
    """A fixed clock: today at 12:00, so what is due "by now" does not depend on when the tests run."""
    return dt.datetime.combine(TODAY, dt.time(12, 0), tzinfo=tz)


@pytest.fixture
def make_app(tmp_path: Path):
    def make(lang: str = "en", demo: bool = True, data_dir: Path | None = None, reminders: bool = False) -> JiebeiApp:
        return JiebeiApp(data_dir=data_dir or tmp_path / "data", today=TODAY, lang=lang, demo=demo, reminders=reminders,
                         clock=noon)

    return make


def text(widget) -> str:
    """What a Static/Label shows, as plain text."""
    content = widget.content if hasattr(widget, "content") else widget.render()
    return str(content)


def ledger_file(app: JiebeiApp) -> dict | None:
    path = app.store.path
    return json.loads(path.read_text()) if path.exists() else None


def freeze_cursors(app: JiebeiApp) -> None:
    """Stable snapshots: no blinking cursor."""
    for field in app.screen.query(Input):
        field.cursor_blink = False


async def click(pilot, selector: str) -> None:
    """Scroll the widget into view, as a user would, then click it."""
    widget = pilot.app.screen.query_one(selector)
    widget.scroll_visible(animate=False)
    await pilot.pause()
    await pilot.click(selector)
    await pilot.pause(0.3)  # a Button ignores presses during its brief "active" flash


async def select_loan(pilot, loan_id: str) -> None:
    """Pick a loan on the Status screen the way a user does: move the table's cursor to its row."""
    from textual.widgets import DataTable

    await pilot.press("1")
    await pilot.pause()
    table = pilot.app.screen.query_one("#loans", DataTable)
    table.focus()
    ids = [str(table.get_row_at(i)[0]) for i in range(table.row_count)]
    target = ids.index(loan_id)
    while table.cursor_row != target:
        await pilot.press("up" if table.cursor_row > target else "down")
    await pilot.pause()
    assert pilot.app.selected_loan == loan_id


async def palette(pilot, command: str) -> None:
    """Run a command from the command palette, typed as a user would."""
    await pilot.press("ctrl+p")
    await pilot.pause()
    await pilot.press(*command)
    await pilot.pause(0.3)
    await pilot.press("enter")
    await pilot.pause()


async def ready(pilot) -> None:
    """Wait until the ledger has been read (it is read right after the first frame) or recovery is shown."""
    from jiebei_tui.tui.screens.recover import RecoveryScreen

    for _ in range(100):
        await pilot.pause()
        if pilot.app.ledger is not None or isinstance(pilot.app.screen, RecoveryScreen):
            return
    raise AssertionError("the ledger was never read")
