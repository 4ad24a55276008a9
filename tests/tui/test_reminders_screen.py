"""The Reminders section: rules edited with checks as you type, settings, the preview, the test action, the
launch panel for reminders missed while closed, and the running timer sharing the sent record with the CLI."""

from __future__ import annotations

import datetime as dt

import pytest
from textual.widgets import DataTable, Input, Switch

from jiebei_tui.cli import main
from jiebei_tui.tui.screens.away import AwayModal
from jiebei_tui.tui.screens.modals import ConfirmModal
from jiebei_tui.tui.screens.rule_form import RuleForm
from tests.tui.conftest import settle, TODAY, click, ledger_file, press, ready, screen_text, select_loan, text, wait_for


async def open_reminders(pilot) -> None:
    await ready(pilot)
    await pilot.press("3")
    await settle(pilot)


def rule_rows(app) -> list[list[str]]:
    table = app.screen.query_one("#rules", DataTable)
    return [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]


async def test_rules_and_preview_are_shown(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 50)) as pilot:
        await open_reminders(pilot)
        assert [r[:3] for r in rule_rows(app)] == [["R1", "D−3", "09:00"], ["R2", "D−1", "20:00"], ["R3", "D0", "09:00"], ["R4", "D+1", "10:00"]]
        preview = text(app.screen.query_one("#preview")).splitlines()
        assert len(preview) == 10
        assert any("Course fee" in line and "12-01 09:00" in line for line in preview)  # D0 of the loan due soon
        assert any("late (due 2026-11-22)" in line for line in preview)  # the daily repeat of the late one


async def test_add_a_rule_with_invalid_then_valid_input(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 50)) as pilot:
        await open_reminders(pilot)
        await pilot.press("n")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, RuleForm)
        form.query_one("#time", Input).value = "25:00"
        await settle(pilot)
        assert "HH:MM" in text(form.query_one("#error")) and "Time" in text(form.query_one("#error"))
        form.query_one("#time", Input).value = "07:45"
        form.query_one("#offset", Input).value = "0"
        form.query_one("#repeat", Switch).value = True
        await settle(pilot)
        assert "after the due date" in text(form.query_one("#error"))
        form.query_one("#repeat", Switch).value = False
        form.query_one("#offset", Input).value = "-5"
        await settle(pilot)
        assert text(form.query_one("#error")) == ""
        await click(pilot, "#save")
        rules = ledger_file(app)["settings"]["reminders"]["rules"]
        assert rules[-1] == {"id": "R5", "offset_days": -5, "time": "07:45", "loans": None, "enabled": True, "repeat_daily": False}
        assert rule_rows(app)[-1][:3] == ["R5", "D−5", "08:00*"]  # the column stays narrow; the note below
        assert text(app.screen.query_one("#rules-moved")) == "* R5: 07:45 → 08:00, quiet hours."


async def test_the_loans_field_says_all_in_each_language_and_takes_either(make_app) -> None:
    """中文: the Loans field reads 全部 and saving it is every loan (null), as `all` still is; English keeps all."""
    app = make_app(lang="zh")
    async with app.run_test(size=(120, 50)) as pilot:
        await open_reminders(pilot)
        await pilot.press("n")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, RuleForm)
        assert form.query_one("#loans", Input).value == "全部"
        form.query_one("#offset", Input).value = "-5"
        form.query_one("#time", Input).value = "10:00"
        await settle(pilot)
        assert text(form.query_one("#error")) == ""
        await click(pilot, "#save")
        assert ledger_file(app)["settings"]["reminders"]["rules"][-1]["loans"] is None
        rules = app.screen.query_one("#rules", DataTable)
        rules.focus()
        rules.move_cursor(row=[r[0] for r in rule_rows(app)].index("R5"))
        await pilot.press("e")  # the rule just added: for every loan, so 全部 again
        await settle(pilot)
        assert isinstance(app.screen, RuleForm) and app.screen.rule.id == "R5"
        assert app.screen.query_one("#loans", Input).value == "全部"
        app.screen.query_one("#loans", Input).value = "all"  # still taken
        app.screen.query_one("#time", Input).value = "10:30"
        await settle(pilot)
        assert text(app.screen.query_one("#error")) == ""
        await click(pilot, "#save")
        r5 = next(r for r in ledger_file(app)["settings"]["reminders"]["rules"] if r["id"] == "R5")
        assert (r5["loans"], r5["time"]) == (None, "10:30")
    app = make_app()
    async with app.run_test(size=(120, 50)) as pilot:
        await open_reminders(pilot)
        await pilot.press("n")
        await settle(pilot)
        assert app.screen.query_one("#loans", Input).value == "all"


async def test_switch_off_edit_and_delete_a_rule(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 50)) as pilot:
        await open_reminders(pilot)
        app.screen.query_one("#rules").focus()
        await pilot.press("space")  # R1 off
        await settle(pilot)
        assert rule_rows(app)[0][-1] == "off"
        assert ledger_file(app)["settings"]["reminders"]["rules"][0]["enabled"] is False
        await pilot.press("e")
        await settle(pilot)
        app.screen.query_one("#time", Input).value = "08:15"
        await click(pilot, "#save")
        assert rule_rows(app)[0][2] == "08:15"
        await pilot.press("x")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmModal) and "R1" in text(app.screen.query_one("#message"))
        await click(pilot, "#yes")
        assert [r[0] for r in rule_rows(app)] == ["R2", "R3", "R4"]


async def test_settings_save_as_they_change(make_app) -> None:
    """A text field saves on Enter (or when left), a switch at once; each change one write with a short
    confirmation; a wrong value says why and writes nothing."""
    app = make_app()
    async with app.run_test(size=(120, 60)) as pilot:
        await open_reminders(pilot)
        screen = app.screen
        quiet = screen.query_one("#quiet", Input)
        quiet.focus()
        quiet.value = "22-8"
        await pilot.pause()
        assert "Press Enter" in text(screen.query_one("#quiet-error"))  # says plainly it is not saved yet
        await pilot.press("enter")
        await wait_for(pilot, lambda: "HH:MM-HH:MM" in text(screen.query_one("#quiet-error")), "the refusal")
        assert "Quiet hours" in text(screen.query_one("#quiet-error"))
        assert ledger_file(app) is None
        quiet.value = "23:00-07:00"
        await pilot.press("enter")
        await wait_for(pilot, lambda: ledger_file(app) is not None, "the save")
        await wait_for(pilot, lambda: text(screen.query_one("#quiet-error")) == "", "the message cleared")
        saved = ledger_file(app)["settings"]["reminders"]
        assert (saved["quiet_start"], saved["quiet_end"]) == ("23:00", "07:00")
        assert text(screen.query_one("#quiet-error")) == ""
        assert any(n.message.startswith("Saved: Quiet hours") for n in app._notifications)
        # leaving a field saves it too
        zone = screen.query_one("#timezone", Input)
        zone.focus()
        zone.value = "Asia/Shanghai"
        await pilot.pause()
        screen.query_one("#rules").focus()
        await pilot.pause()
        assert ledger_file(app)["settings"]["reminders"]["timezone"] == "Asia/Shanghai"
        assert quiet.value == "23:00-07:00"  # the other field keeps its saved value
        # a switch saves at once
        screen.query_one("#desktop", Switch).value = False
        await pilot.pause()
        assert ledger_file(app)["settings"]["reminders"]["desktop"] is False
        # a command template with an unknown placeholder is refused with a sentence
        command = screen.query_one("#command", Input)
        command.focus()
        command.value = "mail -s {loan.nope} me@example.com"
        await pilot.press("enter")
        await wait_for(pilot, lambda: "{loan.nope} is not a placeholder" in text(screen.query_one("#command-error")),
                       "the refusal")
        assert ledger_file(app)["settings"]["reminders"]["command"] == ""


def shown_words(app) -> str:
    """The screen's words, a line broken inside a sentence joined again (the panels' edges taken out)."""
    lines = [line.replace("│", " ").strip() for line in screen_text(app).splitlines()]
    return " ".join(lines) + "\n" + "".join(lines)  # (joined with a space for English, without for 中文)


@pytest.mark.parametrize("lang", ["en", "zh"])
async def test_refused_quiet_hours_are_said_under_the_field_in_view(make_app, lang: str) -> None:
    """At 120x36 the settings are below the fold: a refused value is said on the line under the field, scrolled
    into view, with the value kept (22:00-08:00, the default). Equal start and end are refused (write off)."""
    app = make_app(lang=lang)
    async with app.run_test(size=(120, 36)) as pilot:
        await open_reminders(pilot)
        screen = app.screen
        for typed, why in (("25:00-07:00", ("HH:MM-HH:MM", "HH:MM-HH:MM")),
                           ("22:00-22:00", ("start and end at different times", "开始与结束时间不能相同"))):
            quiet = screen.query_one("#quiet", Input)
            quiet.focus()
            quiet.value = typed
            await pilot.press("enter")
            await wait_for(pilot, lambda: "22:00-08:00" in text(screen.query_one("#quiet-error")), "the refusal")
            said = text(screen.query_one("#quiet-error"))
            assert why[lang == "zh"] in said
            assert ("it stays 22:00-08:00" if lang == "en" else "仍为 22:00-08:00") in said
            await wait_for(pilot, lambda: why[lang == "zh"] in shown_words(app), "the refusal in view")
            assert quiet.value == typed  # kept to be put right
            assert ledger_file(app) is None  # nothing written


async def test_the_command_hint_shows_the_placeholders_plainly(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 60)) as pilot:
        await open_reminders(pilot)
        hints = [text(w) for w in app.screen.query(".hint")]
        assert any("{loan} {amount} {due_date} {days_overdue} {message}" in h for h in hints)
        assert not any("{{" in h for h in hints)


async def test_arrow_keys_move_in_the_rules_table(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        await open_reminders(pilot)
        table = app.screen.query_one("#rules", DataTable)
        body = app.screen.query_one("#body")
        assert app.focused is table
        await pilot.press("down", "down")
        await pilot.pause()
        assert table.cursor_row == 2 and body.scroll_y == 0
        await pilot.press("space")  # the rule under the cursor: R3
        await pilot.pause()
        assert [r[-1] for r in rule_rows(app)] == ["on", "on", "off", "on"]
        await pilot.press("up")
        await pilot.pause()
        assert table.cursor_row == 1


@pytest.mark.parametrize("size", [(120, 36), (80, 24)], ids=["120x36", "80x24"])
async def test_page_keys_reach_the_page_end_with_the_focus_on_the_rules(make_app, size) -> None:
    """The rules are shown whole and have the focus: End, PageDown, Home and PageUp scroll the page (they moved
    the table's cursor, and the settings below the fold could be reached only by Tab); the arrows stay the table's."""
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await open_reminders(pilot)
        table = app.screen.query_one("#rules", DataTable)
        body = app.screen.query_one("#body")
        assert app.focused is table and body.max_scroll_y > 0 and table.max_scroll_y == 0
        await press(pilot, "end")
        assert body.scroll_y == body.max_scroll_y and table.cursor_row == 0
        assert "Send a test reminder" in screen_text(app)  # the page's last button, below the fold
        await press(pilot, "home")
        assert body.scroll_y == 0
        await press(pilot, "pagedown")
        assert body.scroll_y > 0 and table.cursor_row == 0
        await press(pilot, "pageup")
        assert body.scroll_y == 0
        await press(pilot, "down")
        assert table.cursor_row == 1 and body.scroll_y == 0 and app.focused is table


async def test_shifted_times_say_so_in_the_table_the_preview_and_when_saved(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(140, 50)) as pilot:
        await open_reminders(pilot)
        await pilot.press("n")
        await pilot.pause()
        form = app.screen
        form.query_one("#offset", Input).value = "0"
        form.query_one("#time", Input).value = "07:45"
        await pilot.pause()
        assert text(form.query_one("#note")) == "Its time falls in quiet hours: 07:45 → 08:00, quiet hours."
        await click(pilot, "#save")
        # the Time column stays narrow (Loans and Repeat do not move right): the note is said under the table
        assert rule_rows(app)[-1][:3] == ["R5", "D0", "08:00*"]
        assert max(len(row[2]) for row in rule_rows(app)) == len("08:00*")
        assert text(app.screen.query_one("#rules-moved")) == "* R5: 07:45 → 08:00, quiet hours."
        assert any(n.message == "Added reminder R5. Its time falls in quiet hours: 07:45 → 08:00, quiet hours."
                   for n in app._notifications)
        preview = text(app.screen.query_one("#preview"))
        assert "12-01 08:00*  R5" in preview  # the Course fee loan is due 1 Dec
        # the other times are padded: every rule id starts in the same column
        listed = [line for line in preview.splitlines() if line and not line.startswith("*")]
        assert len({line.index(" R") for line in listed}) == 1, listed
        assert preview.rstrip().endswith("* R5: 07:45 → 08:00, quiet hours.")  # said once, under the list


async def test_a_duplicate_rule_is_refused_in_the_form(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 50)) as pilot:
        await open_reminders(pilot)
        await pilot.press("n")
        await pilot.pause()
        form = app.screen
        form.query_one("#offset", Input).value = "-3"
        form.query_one("#time", Input).value = "09:00"
        await pilot.pause()
        assert "reminder R1 already has this day, time, loans and repeat" in text(form.query_one("#error"))
        assert form.query_one("#save").disabled


async def test_the_test_reminder_names_only_the_channels_that_ran(make_app, monkeypatch) -> None:
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)  # notify-send cannot run: it is not named
    app = make_app()
    async with app.run_test(size=(120, 60)) as pilot:
        await open_reminders(pilot)
        await click(pilot, "#test")
        await app.workers.wait_for_complete()
        for _ in range(50):
            await pilot.pause()
            if any(n.message.startswith("Test reminder sent through") for n in app._notifications):
                break
        messages = [n.message for n in app._notifications]
        assert "This is a test reminder from jiebei-tui." in messages
        assert "Test reminder sent through: this app." in messages
        assert any("notify-send channel is not available here" in m for m in messages)


def save_the_demo(app) -> None:
    """A ledger that has been saved once (the demo on a first look has no reminders to catch up)."""
    assert main(["--data-dir", str(app.account.data_dir), "--today", TODAY.isoformat(), "remind", "set", "--desktop", "off"]) == 0


async def test_a_first_look_at_the_demo_shows_no_missed_reminders(make_app) -> None:
    app = make_app(reminders=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await settle(pilot)
        assert not isinstance(app.screen, AwayModal)
    assert ledger_file(app) is None


async def test_reminders_missed_while_closed_show_once_on_launch(make_app, tmp_path) -> None:
    app = make_app(reminders=True)
    save_the_demo(app)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        for _ in range(10):
            await settle(pilot)
            if isinstance(app.screen, AwayModal):
                break
        assert isinstance(app.screen, AwayModal)
        shown = text(app.screen.query_one("#away-lines"))
        assert "late (due 2026-11-22)" in shown and "Course fee" in shown
        record = ledger_file(app)["settings"]["reminders"]
        assert record["last_run"].startswith("2026-11-28T12:00") and record["in_flight"] == []
    again = make_app(reminders=True)
    async with again.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await settle(pilot)
        assert not isinstance(again.screen, AwayModal)  # shown once


async def test_the_running_app_and_the_command_share_the_sent_record(make_app, capsys) -> None:
    app = make_app(reminders=True)
    save_the_demo(app)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await settle(pilot)
        assert isinstance(app.screen, AwayModal)
        await click(pilot, "#close")  # notifications wait while a dialog is up
        data_dir = str(app.account.data_dir)
        assert main(["--data-dir", data_dir, "--today", TODAY.isoformat(), "remind", "run", "--now",
                     f"{TODAY.isoformat()}T23:59"]) == 0
        # the launch panel took what was due up to now; the command finds only what came due later today
        out = capsys.readouterr().out
        assert "2026-11-26" not in out and "2026-11-27" not in out
        later = dt.datetime.combine(TODAY + dt.timedelta(days=1), dt.time(10, 30), tzinfo=app.now().tzinfo)
        app.now = lambda: later  # the clock moves on to tomorrow 10:30, and the day with it
        app.account.today = later.date()
        app.remind()
        await settle(pilot)
        notes = [n.message for n in app._notifications]
        assert any("7 days late" in m for m in notes)  # tomorrow's daily reminder, as a notification


async def test_reminders_after_a_void_say_what_the_banner_says(make_app) -> None:
    """The newcomer's case: on the demo, Status, `h`, void L3's first payment (E6, 22 October): the loan is late
    since then. The reminders that follow say today's figures, the banner's, once for the loan, not one toast
    per instalment and day back-dated with the figures of those days."""
    app = make_app(reminders=True)
    async with app.run_test(size=(120, 36)) as pilot:
        await select_loan(pilot, "L3")
        await press(pilot, "h", "v", "y", "escape")
        banner = text(app.screen.query_one("#banner"))
        assert "37 days late (M2) — pay ¥1,817.09 today" in banner  # two instalments and their penalty
        # a day adds the penalty rate on all that is unpaid: instalment 1 816.97 + 80.00, instalment 2 783.10 +
        # 113.87 = 1,793.94; × 0.06% = 1.076364, about 1.08 (only the totals are rounded): banner and reminder agree
        assert banner.endswith("about +¥1.08 a day")
        app.clear_notifications()
        app.remind()
        await settle(pilot)
        said = [n.message for n in app._notifications if n.title == "Jiebei reminder"]
        rent = [m for m in said if "Rent gap" in m]
        assert rent == ["应急借款 · Rent gap (demo): 37 days late (due 2026-10-22). Pay ¥1,817.09 to clear "
                        "it; the penalty adds about ¥1.08 a day."]
        assert not any("¥0.00" in m for m in said)
        # the D+1 repeats of the 26th and 27th, for instalments 1 and 2 (the first save of the demo: no mark yet)
        assert ("Missed reminders: 1 loan had reminders due from 2026-11-26 until now that were not sent one by one "
                "(any sent now gives today's figures).") in [
            n.message for n in app._notifications]


@pytest.mark.parametrize("lang", ["en", "zh"])
async def test_the_next_reminders_say_the_year_when_it_is_another(make_app, lang: str) -> None:
    """Late in November, with only the D−1 and D0 rules on, the next ten reminders reach into January: those
    show their year (the newcomer read "01-12 09:00" as this January, gone by)."""
    app = make_app(lang=lang)
    save_the_demo(app)
    for rule in ("R1", "R4"):
        assert main(["--data-dir", str(app.account.data_dir), "--today", TODAY.isoformat(), "remind", "disable", rule]) == 0
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await press(pilot, "3")
        shown = text(app.screen.query_one("#preview")).splitlines()
        starts = [line[:16] for line in shown if line[:2].isdigit()]
        # L2 due on the 1st (D−1 20:00, D0 09:00), L1 on the 13th, L3 on the 22nd; this year's without the year
        assert starts == ["11-30 20:00  R2 ", "12-01 09:00  R3 ", "12-12 20:00  R2 ", "12-13 09:00  R3 ",
                          "12-21 20:00  R2 ", "12-22 09:00  R3 ", "12-31 20:00  R2 ", "2027-01-01 09:00",
                          "2027-01-12 20:00", "2027-01-13 09:00"]


CLOSED_NOTE_END = "or `jiebei-tui remind install --cron`."


async def test_the_page_end_stays_in_view_when_the_key_bar_grows(make_app) -> None:
    """At 120×36 a text field's keys fit on one line, a switch's take two: the page, scrolled to its end while
    the catch-up field had the focus, lost its last line ("…(a systemd user timer every 15") when Tab moved to
    the switch. The end stays in view; and Tab on to the button keeps the button in view."""
    from tests.tui.conftest import screen_text

    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await press(pilot, "3")
        app.screen.query_one("#catch-up", Input).focus()
        await settle(pilot)
        app.screen.query_one("#body").scroll_end(animate=False)  # the wheel, down to the end
        await settle(pilot)
        assert CLOSED_NOTE_END in screen_text(app)
        await press(pilot, "tab")
        assert app.screen.focused.id == "desktop"
        shown = screen_text(app).splitlines()
        assert "^q Quit" in shown[-1] and "Test" in shown[-2]  # the key bar took a second line
        assert CLOSED_NOTE_END in screen_text(app)  # and the page's end is still there above it
        await press(pilot, "tab", "tab", "tab")
        assert app.screen.focused.id == "test"
        assert "Send a test reminder" in screen_text(app) and CLOSED_NOTE_END in screen_text(app)


async def test_the_focused_control_is_told_apart(make_app) -> None:
    """After several Tabs the newcomer could not tell the button had the focus (Enter toggled a switch): the
    focused control's border, and its row's label, are drawn in the accent colour; the others are not."""
    from textual.color import Color

    from tests.tui.conftest import screen_text

    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await press(pilot, "3")
        r, g, b = Color.parse(app.theme_variables["accent"]).rgb
        accent = f"38;2;{r};{g};{b}"

        def accented(words: str, above: int = 0) -> bool:
            """Whether the line showing `words` (or the one `above` lines over it) has the accent colour."""
            lines = screen_text(app, styles=True).splitlines()
            at = next(i for i, line in enumerate(lines) if words in line)
            return accent in lines[at - above]

        app.screen.query_one("#desktop", Switch).focus()
        await settle(pilot)
        assert accented("Desktop notification") and not accented("Your own command")
        app.screen.query_one("#test").focus()
        await settle(pilot)
        assert not accented("Desktop notification")
        assert accented("Send a test reminder", above=1)  # the button's border


@pytest.mark.parametrize("lang", ["en", "zh"])
async def test_the_rules_hint_names_the_keys_as_the_key_bar_does(make_app, lang: str) -> None:
    """The hint under the rules table said 空格 in 中文 while the key bar said `space`: the hint now shows each key
    as the key bar does (the keymap applied)."""
    app = make_app(lang=lang)
    async with app.run_test(size=(120, 36)) as pilot:
        await open_reminders(pilot)
        bar = app.screen.query_one("KeyBar")
        key_of = {words: key for key, words, _press, _enabled in bar.shown(bar.size.width)}
        toggle = {"en": ("On/off", "on/off"), "zh": ("启用/停用", "启用/停用")}[lang]
        assert key_of[toggle[0]] == "space"
        hint = text(app.screen.query_one("#rules-hint"))
        assert f"space {toggle[1]}" in hint and "空格" not in hint
        assert hint == {"en": "n new · e edit · x delete · space on/off", "zh": "n 新建 · e 编辑 · x 删除 · space 启用/停用"}[lang]


@pytest.mark.parametrize("name", ["Asia", "Etc"])
async def test_a_zone_folder_name_in_the_timezone_field_is_refused_not_a_crash(make_app, name: str) -> None:
    """Asia and Etc are tzdata folders (ZoneInfo raised IsADirectoryError): refused as any unknown zone."""
    app = make_app()
    async with app.run_test(size=(120, 60)) as pilot:
        await open_reminders(pilot)
        screen = app.screen
        zone = screen.query_one("#timezone", Input)
        zone.focus()
        zone.value = name
        await pilot.press("enter")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        said = text(screen.query_one("#timezone-error"))
        assert f'"{name}" is not allowed: the time zone is a name like Asia/Shanghai' in said, said
        assert said.startswith("Time zone")
        assert ledger_file(app) is None  # nothing written
        assert app.is_running


@pytest.mark.parametrize("lang", ["en", "zh"])
async def test_quiet_hours_over_midday_are_questioned_when_saved(make_app, lang) -> None:
    """08:00-22:00 (likely meant 22:00-08:00) was saved without a word, every reminder then waiting for 22:00.
    The sentence stands under the field while it shows that saved value, and goes with a night-time one."""
    app = make_app(lang=lang)
    async with app.run_test(size=(120, 60)) as pilot:
        await open_reminders(pilot)
        screen = app.screen
        quiet = screen.query_one("#quiet", Input)
        quiet.focus()
        quiet.value = "08:00-22:00"
        await press(pilot, "enter")
        await wait_for(pilot, lambda: ledger_file(app) is not None, "the save")
        said = ("Quiet hours 08:00-22:00 take in the day: every reminder waits until 22:00. For quiet nights, type "
                "22:00-08:00." if lang == "en" else "如想夜间免打扰，请填 22:00-08:00。")
        await wait_for(pilot, lambda: said in text(screen.query_one("#quiet-error")), "the question")
        assert not screen.query_one("#quiet-error").has_class("-empty")  # shown
        quiet.value = "22:00-08:00"
        await press(pilot, "enter")
        await wait_for(pilot, lambda: ledger_file(app)["settings"]["reminders"]["quiet_start"] == "22:00", "the save")
        await wait_for(pilot, lambda: text(screen.query_one("#quiet-error")) == "", "the question gone")


def test_the_command_questions_quiet_hours_over_midday_too(cli) -> None:
    out = cli("remind", "set", "--quiet", "08:00-22:00").out
    assert "Quiet hours 08:00-22:00 take in the day" in out and "type 22:00-08:00" in out
    assert "take in the day" not in cli("remind", "set", "--quiet", "23:00-07:00").out
