"""80×24 and live resize: a terminal narrowed from 120×36 to 80×24 shows exactly what a fresh start at 80×24
shows, on every section in both languages; nothing is cut at 80 columns and every control can be reached."""

from __future__ import annotations

import pytest
from textual.widgets import Button, Input, Select, Switch

from tests.tui.conftest import press, ready, screen_text, settle

KEYS = {"status": "1", "repay": "2", "reminders": "3", "overdue": "4", "plan": "5", "way_back": "6"}


async def shown(pilot) -> str:
    pilot.app.clear_notifications()
    await settle(pilot)
    return screen_text(pilot.app)


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("section", KEYS)
async def test_a_resize_reads_as_a_fresh_start_at_that_size(make_app, tmp_path, section: str, lang: str) -> None:
    fresh = make_app(lang=lang, data_dir=tmp_path / "fresh")
    async with fresh.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await press(pilot, KEYS[section])
        expected = await shown(pilot)
    resized = make_app(lang=lang, data_dir=tmp_path / "resized")
    async with resized.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await press(pilot, KEYS[section])
        await pilot.resize_terminal(80, 24)
        assert await shown(pilot) == expected


def visible_region(widget):
    """Where the widget shows on screen, once scrolled into view (None: not drawn at all)."""
    return widget.screen.find_widget(widget).region if widget.display else None


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("section", KEYS)
async def test_at_80x24_every_control_can_be_reached_and_is_whole(make_app, section: str, lang: str) -> None:
    """Tab reaches every field, switch, picker and button; scrolled into view, each lies wholly on screen."""
    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await press(pilot, KEYS[section])
        controls = [w for w in app.screen.query("Input, Switch, Select, Button") if w.display]
        reached = set()
        for _ in range(len(controls) * 3):
            await press(pilot, "tab")
            focused = app.screen.focused
            if focused is None:
                continue
            owner = focused if isinstance(focused, (Input, Switch, Select, Button)) else focused.parent
            if owner in controls:
                reached.add(owner)
                region = app.screen.find_widget(owner).region
                assert region.x >= 0 and region.right <= 80 and region.y >= 0 and region.bottom <= 24, owner
        assert reached == set(c for c in controls if not c.disabled), set(controls) - reached


@pytest.mark.parametrize("lang", ["en", "zh"])
async def test_repay_at_80_columns_cuts_no_figure_or_word(make_app, lang: str) -> None:
    app = make_app(lang=lang)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await press(pilot, "2")
        await pilot.resize_terminal(80, 100)  # tall enough to see the whole section at once
        text = await shown(pilot)
        for field in ("#settle-on", "#prepay-on", "#prepay-amount"):
            box = app.screen.query_one(field, Input)
            assert box.content_region.width > len(box.value), field  # the whole date shows, not "026-11-28"
    words = {"en": ("Smaller instalment", "Record smaller instalment…", "2026-11-28", "¥9,320.29", "2027-09-22"),
             "zh": ("减少月供", "记录：减少月供…", "2026-11-28", "¥9,320.29", "2027-09-22")}[lang]
    for word in words:
        assert word in text
