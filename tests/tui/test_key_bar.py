"""The key bar rebuilds only when the keys it shows change; it must still change whenever they do."""

from __future__ import annotations

from tests.tui.conftest import palette, ready


def keys(app) -> list[tuple[str, str]]:
    """(key, label) of each key shown in the bar (Textual's FooterKey, queried by its CSS type name)."""
    return [(k.key_display, k.description) for k in app.screen.query("FooterKey")]


async def test_the_key_bar_follows_the_section_the_language_and_the_keymap(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await pilot.pause()
        assert ("p", "Pay") in keys(app) and ("4", "Overdue") in keys(app)
        await pilot.press("2")
        await pilot.pause()
        assert ("f", "How is this computed?") in keys(app) and ("p", "Pay") not in keys(app)
        await pilot.press("1")
        await pilot.pause()
        assert ("p", "Pay") in keys(app) and ("f", "How is this computed?") not in keys(app)
        await palette(pilot, "Language")
        await pilot.pause(0.3)
        assert ("p", "记录还款") in keys(app) and ("4", "逾期") in keys(app)
        app.set_keymap({"jiebei.overdue": "o"})
        await pilot.pause()
        assert any(key == "o" for key, _ in keys(app)) and not any(key == "4" for key, _ in keys(app))
