"""The real app, driven with Pilot, on the demo ledger (or a given one) at a fixed today."""

from __future__ import annotations

import datetime as dt
import io
import json
import time
from pathlib import Path

import pytest
from rich.console import Console
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
    path = app.account.path
    return json.loads(path.read_text()) if path.exists() else None


def freeze_cursors(app: JiebeiApp) -> None:
    """Stable snapshots: no blinking cursor."""
    for field in app.screen.query(Input):
        field.cursor_blink = False


def screen_text(app: JiebeiApp, styles: bool = False) -> str:
    """What the screen shows, line by line, as export_screenshot draws it (colours and styles only when asked:
    then it tells a focus or a highlight apart too). Reads Textual's compositor, as export_screenshot does."""
    console = Console(width=app.size.width, height=app.size.height, file=io.StringIO(), record=True,
                      force_terminal=True, color_system="truecolor" if styles else None, legacy_windows=False,
                      safe_box=False)
    console.print(app.screen._compositor.render_update(full=True, screen_stack=app._background_screens))
    return console.export_text(styles=styles)


async def settle(pilot, limit: int = 400) -> None:
    """Wait for a settled screen: every worker finished (store writes, reminder delivery), every pending message
    and animation handled, no screen being rebuilt, and the same picture (with its styles) several times in a
    row. Never a fixed pause."""
    app = pilot.app
    last, same = None, 0
    for _ in range(limit):
        await app.workers.wait_for_complete()
        await app.animator.wait_until_complete()
        # every widget of the screen handles what is queued for it; then the screen is drawn (Pilot's pause
        # with no wait: its default also waits for the process to look idle, which under load takes seconds)
        await pilot.pause(0)
        shot = screen_text(app, styles=True)
        busy = (any(not w.is_finished for w in app.workers) or getattr(app, "switching", False)
                or any(getattr(screen, "rebuilding", False) for screen in app.screen_stack))
        if shot == last and not busy:
            same += 1
            if same >= 3:
                return
        else:
            same = 0
        last = shot
    raise AssertionError("the screen never settled")


async def wait_for(pilot, condition, what: str, seconds: float = 60) -> None:
    """Let the app work until `condition()` holds (failing after `seconds`, a bound, not a pause)."""
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"never happened: {what}")
        await pilot.pause(0)


async def click(pilot, selector: str) -> None:
    """Scroll the widget into view, as a user would, click it, and wait for what it set off to finish."""
    widget = pilot.app.screen.query_one(selector)
    widget.scroll_visible(animate=False)
    await settle(pilot)
    await pilot.click(selector)
    # a Button ignores presses during its brief "active" flash: wait for the flash to end
    await wait_for(pilot, lambda: not (widget.is_attached and widget.has_class("-active")), f"{selector} to end its flash")
    await settle(pilot)


async def press(pilot, *keys: str) -> None:
    """Press keys and wait for what they set off to finish."""
    await pilot.press(*keys)
    await settle(pilot)


async def select_loan(pilot, loan_id: str) -> None:
    """Pick a loan on the Status screen the way a user does: move the table's cursor to its row."""
    from textual.widgets import DataTable

    await press(pilot, "1")
    table = pilot.app.screen.query_one("#loans", DataTable)
    table.focus()
    ids = [str(table.get_row_at(i)[0]) for i in range(table.row_count)]
    target = ids.index(loan_id)
    while table.cursor_row != target:
        await pilot.press("up" if table.cursor_row > target else "down")
    await settle(pilot)
    assert pilot.app.selected_loan == loan_id


async def palette(pilot, command: str) -> None:
    """Run a command from the command palette, typed as a user would: Enter once the typed words are the
    highlighted command."""
    from textual.command import CommandList, CommandPalette

    await pilot.press("ctrl+p")
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, CommandPalette), "the palette to open")
    await pilot.press(*command)

    def highlighted() -> bool:
        found = pilot.app.screen.query(CommandList)
        if not found or found.first().highlighted is None:
            return False
        option = found.first().get_option_at_index(found.first().highlighted)
        return command.lower() in str(option.prompt).lower()

    await wait_for(pilot, highlighted, f"{command!r} to be offered")
    await pilot.press("enter")
    await wait_for(pilot, lambda: not isinstance(pilot.app.screen, CommandPalette), "the palette to close")
    await settle(pilot)


async def ready(pilot) -> None:
    """Wait until the ledger has been read (it is read right after the first frame) or recovery is shown,
    and the screen has settled."""
    from jiebei_tui.tui.screens.recover import RecoveryScreen

    await wait_for(pilot, lambda: pilot.app.ledger is not None or isinstance(pilot.app.screen, RecoveryScreen),
                   "the ledger to be read")
    await settle(pilot)
