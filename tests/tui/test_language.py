"""A language switch is complete, live and both ways: on every section the screen after a switch reads exactly
as a fresh start in that language, with what the borrower had there kept (the selected loan, typed values,
Overdue's days)."""

from __future__ import annotations

import pytest
from textual.widgets import Input

from jiebei_tui.tui.widgets.dialog import ConfirmDialog
from tests.tui.conftest import ledger_file, palette, press, ready, screen_text, select_loan, settle, text, wait_for

OTHER = {"en": "zh", "zh": "en"}
SWITCH = {"en": "Language", "zh": "Language"}  # the palette entry reads "Language: 中文" / "Language: English"


async def set_value(pilot, selector: str, value: str) -> None:
    pilot.app.screen.query_one(selector, Input).value = value
    await settle(pilot)


async def status(pilot) -> None:
    await select_loan(pilot, "L1")  # not the loan the app starts on


async def repay(pilot) -> None:
    await select_loan(pilot, "L2")
    await press(pilot, "2")
    await set_value(pilot, "#prepay-amount", "1234")
    await set_value(pilot, "#settle-on", "2026-12-05")


async def reminders(pilot) -> None:
    await press(pilot, "3")


async def overdue(pilot) -> None:
    await press(pilot, "4")
    await set_value(pilot, "#days", "9")


async def plan(pilot) -> None:
    await press(pilot, "5")
    await set_value(pilot, "#extra", "4321")
    await set_value(pilot, "#monthly", "300")
    await set_value(pilot, "#goal-value", "2027-06-30")
    await set_value(pilot, "#day-new", "25")


async def way_back(pilot) -> None:
    await press(pilot, "6")
    await set_value(pilot, "#budget", "2000")
    await set_value(pilot, "#report-day", "2")  # typed, not saved


SECTIONS = {"status": status, "repay": repay, "reminders": reminders, "overdue": overdue, "plan": plan,
            "way_back": way_back}


async def shown(pilot) -> str:
    pilot.app.clear_notifications()
    await settle(pilot)
    return screen_text(pilot.app)


@pytest.mark.parametrize("size", [(120, 36), (80, 24)], ids=["120x36", "80x24"])
@pytest.mark.parametrize("start", ["en", "zh"])
@pytest.mark.parametrize("section", SECTIONS)
async def test_switching_language_reads_as_a_fresh_start(make_app, tmp_path, section: str, start: str, size) -> None:
    go = SECTIONS[section]
    fresh = make_app(lang=OTHER[start], data_dir=tmp_path / "fresh")
    async with fresh.run_test(size=size) as pilot:
        await ready(pilot)
        await go(pilot)
        expected = await shown(pilot)

    switched = make_app(lang=start, data_dir=tmp_path / "switched")
    async with switched.run_test(size=size) as pilot:
        await ready(pilot)
        await go(pilot)
        before = await shown(pilot)
        await palette(pilot, SWITCH[start])
        assert switched.lang == OTHER[start]
        assert await shown(pilot) == expected
        await palette(pilot, SWITCH[OTHER[start]])  # and back
        assert await shown(pilot) == before
    assert ledger_file(switched)["settings"]["lang"] == start


async def test_a_section_not_on_show_follows_the_switch_when_shown(make_app, tmp_path) -> None:
    fresh = make_app(lang="zh", data_dir=tmp_path / "fresh")
    async with fresh.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await overdue(pilot)
        expected = await shown(pilot)
    app = make_app(lang="en", data_dir=tmp_path / "switched")
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await overdue(pilot)  # built in English, days typed
        await press(pilot, "1")
        await palette(pilot, "Language")  # switched while Status is on show
        await press(pilot, "4")
        assert await shown(pilot) == expected
        assert app.screen.query_one("#days", Input).value == "9"


async def test_a_dialog_follows_the_switch_keeping_what_was_typed(make_app, tmp_path) -> None:
    app = make_app(lang="en")
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await press(pilot, "a")
        form = app.screen
        await set_value(pilot, "#name", "Laptop")
        await set_value(pilot, "#principal", "0")
        assert "Principal (¥)" in screen_text(app)
        await palette(pilot, "Language")  # the palette opens over a dialog too
        assert app.screen is form
        assert form.query_one("#name", Input).value == "Laptop" and form.query_one("#principal", Input).value == "0"
        text = screen_text(app)
        assert "添加借款" in text and "本金（元）" in text and "Principal" not in text
        assert "本金须大于 0" in text  # the field's problem, in the new language too


async def test_after_a_language_switch_undo_asks_about_the_last_change_to_the_loans(cli, data_dir, make_app) -> None:
    from tests.conftest import EI

    assert cli("loans", "add", "--name", "Phone", *EI).code == 0
    app = make_app(demo=False, data_dir=data_dir)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await palette(pilot, "Language")
        await wait_for(pilot, lambda: ledger_file(app)["settings"].get("lang") == "zh", "the language to be saved")
        await press(pilot, "u")
        assert isinstance(app.screen, ConfirmDialog)  # (it once crashed here)
        assert "添加借款 L1" in text(app.screen.query_one("#message"))


async def test_a_toast_up_follows_the_switch_for_the_time_it_had_left(make_app) -> None:
    """The demo's notice (and a reminder) came in the language of the launch and stayed so after a switch, beside
    a screen all in the other: it is worded again, for the time it had left, both ways; a toast without a
    wording of its own (one sentence about one change) is left as it came."""
    app = make_app(lang="en")
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await ready(pilot)
        app.notify("typed by hand", timeout=30)
        await settle(pilot)
        (notice,) = [n for n in app._notifications if n.title]
        notice.timeout, notice.raised_at = 60, notice.raised_at - 30  # up for 30 of its 60 seconds
        assert "This is demo data" in screen_text(app)
        await palette(pilot, "Language")
        await settle(pilot)
        shown = screen_text(app)
        assert "这是演示数据" in shown and "This is demo data" not in shown and "typed by hand" in shown
        (reworded,) = [n for n in app._notifications if n.title]
        assert reworded.title == "演示数据（虚构借款）" and 10 < reworded.time_left <= 30
        await palette(pilot, "Language")  # and back
        await settle(pilot)
        assert "This is demo data" in screen_text(app) and "这是演示数据" not in screen_text(app)
        assert sorted(n.message[:17] for n in app._notifications) == ["This is demo data", "typed by hand"]


async def test_a_toast_held_for_a_dialog_follows_the_switch_made_over_it(make_app) -> None:
    app = make_app(lang="en")
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await ready(pilot)
        await press(pilot, "a")
        assert [n.title for n in app._notifications] == []  # the notice waits for the form to close
        await palette(pilot, "Language")
        await press(pilot, "escape")
        assert "这是演示数据" in screen_text(app)
        assert [n.title for n in app._notifications] == ["演示数据（虚构借款）"]
