"""The key bar shows the keys that work here, in the language in force, remapped keys included; it wraps
rather than cutting keys off at 80 columns, in at most two lines (the section keys then share one entry)."""

from __future__ import annotations

import pytest

from tests.tui.conftest import palette, press, ready, screen_text, settle


def keys(app) -> list[tuple[str, str]]:
    """(key, words) of each entry the key bar shows at its width."""
    bar = app.screen.query_one("KeyBar")
    return [(k, words) for k, words, _press, _enabled in bar.shown(bar.size.width)]


def bar_text(app) -> str:
    """The key bar's lines as drawn at the bottom of the screen."""
    height = app.screen.query_one("KeyBar").size.height
    return "\n".join(screen_text(app).splitlines()[-height:])


async def test_the_key_bar_follows_the_section_the_language_and_the_keymap(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        assert ("p", "Pay") in keys(app) and ("4", "Overdue") in keys(app)
        await press(pilot, "2")
        assert ("f", "Formulas") in keys(app) and ("s", "Settle") in keys(app)
        await press(pilot, "1")
        assert ("p", "Pay") in keys(app) and ("f", "Formulas") not in keys(app)
        await palette(pilot, "Language")
        assert ("p", "记录还款") in keys(app) and ("4", "逾期") in keys(app)
        app.set_keymap({"jiebei.overdue": "o"})
        await settle(pilot)
        assert ("o", "逾期") in keys(app) and not any(key == "4" for key, _ in keys(app))


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("section", ["1", "2", "3", "4", "5", "6"])
async def test_at_80_columns_every_key_is_on_the_bar(make_app, lang: str, section: str) -> None:
    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await press(pilot, section)
        shown = bar_text(app)
        assert len(shown.splitlines()) <= 2
        for key, words in keys(app):
            assert f"{key} {words}" in shown.replace("\n", "  ")
        for key in ("a ", "? ", "^q "):
            assert key in shown
        full = {key for key, *_ in app.screen.query_one("KeyBar").entries()}
        assert all(key in {k for k, _ in keys(app)} for key in full - set("123456"))  # only sections condensed


async def test_the_section_keys_share_one_entry_only_when_the_bar_would_take_three_lines(make_app) -> None:
    app = make_app(lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        assert ("1-6", "Sections") in keys(app) and ("4", "Overdue") not in keys(app)
        await press(pilot, "4")  # Overdue has few keys of its own: every section key fits in two lines
        assert ("4", "Overdue") in keys(app) and ("1-6", "Sections") not in keys(app)
        await pilot.resize_terminal(120, 36)
        await press(pilot, "1")
        assert ("4", "Overdue") in keys(app) and len(bar_text(app).splitlines()) == 2
        app.set_keymap({"jiebei.overdue": "o"})
        await pilot.resize_terminal(80, 24)
        await settle(pilot)
        assert ("1-3/o/5-6", "Sections") in keys(app)


@pytest.mark.parametrize("lang", ["en", "zh"])
async def test_the_overdue_bar_shows_the_arrows(make_app, lang: str) -> None:
    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await press(pilot, "4")
        words = {"en": "Days late", "zh": "逾期天数"}[lang]
        assert ("←/→", words) in keys(app)
        assert f"←/→ {words}" in bar_text(app)


async def test_a_dialog_shows_its_own_keys(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await press(pilot, "d")
        shown = [key for key, _ in keys(app)]
        assert shown[:3] == ["y", "n", "←/→"] and "esc" in shown and "^p" in shown and "^q" in shown
        assert "1" not in shown and "a" not in shown  # the sections wait behind the dialog


async def test_the_payments_keys_follow_the_row_dimmed_on_a_voided_payment(make_app) -> None:
    from tests.tui.conftest import select_loan

    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await select_loan(pilot, "L1")
        await press(pilot, "h")
        await press(pilot, "v")
        await press(pilot, "y")  # the payment under the cursor is voided: v and e stay on the bar, dimmed
        bar = app.screen.query_one("KeyBar")
        assert [(k, enabled) for k, _, _, enabled in bar.shown(120)][:2] == [("v", False), ("e", False)]
        assert "v Void" in bar_text(app)
        await press(pilot, "down")  # a payment that counts: they work again, and say so
        assert [(k, enabled) for k, _, _, enabled in bar.shown(120)][:2] == [("v", True), ("e", True)]


async def test_a_dialog_s_bar_covers_the_bar_beneath_it(make_app) -> None:
    # At 80 columns Plan's keys take two lines and the export dialog's one: the dialog's bar, one line high, left
    # Plan's first line showing above it, dimmed ("f Record 1st step  n New scenario …").
    from jiebei_tui.tui.screens.export import ExportDialog
    from jiebei_tui.tui.widgets.footer import KeyBar

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await press(pilot, "5")
        plan_bar = app.screen.query_one(KeyBar)
        assert plan_bar.region.height == 2
        await press(pilot, "e")
        assert isinstance(app.screen, ExportDialog)
        bar = app.screen.query_one(KeyBar)
        assert "Cancel" in screen_text(app) and bar.region == plan_bar.region


async def test_in_a_text_field_the_bar_names_the_way_out(make_app) -> None:
    # In a field the section's letter keys type; the bar showed only ^p and ^q, so a newcomer could not tell how
    # to get the keys back.
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await press(pilot, "2")
        assert "esc" not in [key for key, _ in keys(app)]
        await press(pilot, "r")  # Repay: r puts the cursor in the prepayment's amount
        assert ("esc", "Leave field") in keys(app)
        await press(pilot, "escape")
        assert "esc" not in [key for key, _ in keys(app)] and ("r", "Prepay") in keys(app)


async def test_with_no_loan_the_loan_keys_are_dimmed(make_app) -> None:
    # With no loans, p/e/d/h did nothing and said nothing when pressed.
    app = make_app(demo=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        bar = app.screen.query_one("KeyBar")
        enabled = {keys: on for keys, _words, _press, on in bar.shown(bar.size.width)}
        assert enabled["p"] is False and enabled["d"] is False and enabled["a"] is True
