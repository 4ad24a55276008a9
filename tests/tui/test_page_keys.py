"""The page's keys (↑ ↓ PageUp PageDown Home End) scroll a section's page whatever has the focus. Escape out of a
text field leaves the focus nowhere, and then they reached nothing: at 80×24 Repay's prepay result, below the
field, could be reached only by Tab (found by a newcomer's trial: r, Escape, then PageDown and End did nothing)."""

from __future__ import annotations

import pytest

from jiebei_tui.text.i18n import t
from tests.tui.conftest import press, ready, screen_text

SECTION_KEYS = ["2", "3", "4", "5", "6"]  # Repay, Reminders, Overdue, Plan, Way back: pages taller than 80×24


@pytest.mark.parametrize("lang", ["en", "zh"])
async def test_after_escape_out_of_the_prepay_amount_the_page_keys_scroll_repay(make_app, lang) -> None:
    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await press(pilot, "2")
        await press(pilot, "r")  # into the prepay amount, at the page's foot
        await press(pilot, "escape")
        body = app.screen.query_one("#body")
        assert app.focused is None and 0 < body.scroll_y < body.max_scroll_y
        await press(pilot, "end")
        assert body.scroll_y == body.max_scroll_y
        assert t("repay.auto_debit", lang) in screen_text(app)  # the page's last panel, below the prepay result
        await press(pilot, "home")
        assert body.scroll_y == 0
        await press(pilot, "pagedown")
        assert body.scroll_y > 1
        before = body.scroll_y
        await press(pilot, "up")
        assert body.scroll_y == before - 1
        await press(pilot, "down")
        await press(pilot, "pageup")
        assert body.scroll_y == 0


@pytest.mark.parametrize("key", SECTION_KEYS)
async def test_with_nothing_focused_end_and_home_reach_each_sections_ends(make_app, key) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await press(pilot, key)
        app.screen.set_focus(None)
        await press(pilot, "end")
        body = app.screen.query_one("#body")
        assert body.max_scroll_y > 0 and body.scroll_y == body.max_scroll_y
        await press(pilot, "home")
        assert body.scroll_y == 0


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("key", SECTION_KEYS)
async def test_every_button_of_a_section_fits_in_what_holds_it(make_app, key, lang) -> None:
    """A button row that is a bare Horizontal takes one line: Overdue's "Save terms" was cut to its top edge
    (only "▔▔▔▔" at the page's end, at every size), so the page keys reached a button no one could see."""
    from textual.widgets import Button

    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await press(pilot, key)
        buttons = [b for b in app.screen.query(Button) if b.display and b.parent.display]
        assert buttons
        for button in buttons:
            holder = button.parent.region
            assert holder.contains_region(button.region), (button.id, button.region, holder)
