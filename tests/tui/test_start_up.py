"""What makes the app start fast does not change what it shows (figures: benchmarks/startup.py, never here).

- Sections made ahead, out of sight, once the loans are shown (the app as `jiebei-tui` runs it) read exactly as
  sections made when first visited, styles and focus included.
- Sections made ahead are laid out out of sight too: a first visit lays the section out no more than a later one
  (Plan's was laid out four times over), and a resize while they wait is followed.
- A section's first visit no longer re-reads every stylesheet; a theme chosen while a section was away still
  restyles it when it is shown again.
- Opening the app builds no command's parser and imports no command group; its start-up runs without the cycle
  collector, which is back on once the loans are on screen.
"""

from __future__ import annotations

import gc
import subprocess
import sys

import pytest

from tests.tui.conftest import TODAY, noon, press, ready, screen_text, settle, wait_for
from jiebei_tui.actions.registry import SECTIONS
from jiebei_tui.tui.app import JiebeiApp
from jiebei_tui.tui.widgets.section import SectionScreen

KEYS = {name: str(n) for n, name in enumerate(SECTIONS, start=1)}


def app_in(folder, lang: str, prepare: bool) -> JiebeiApp:
    return JiebeiApp(data_dir=folder, today=TODAY, lang=lang, reminders=False, clock=noon, prepare=prepare)


async def every_section(pilot) -> dict[str, str]:
    """Each section as it reads on its first visit (colours and styles too), and Status again after them."""
    shown = {}
    for name in [*SECTIONS[1:], SECTIONS[0]]:
        await press(pilot, KEYS[name])
        pilot.app.clear_notifications()
        await settle(pilot)
        shown[name] = screen_text(pilot.app, styles=True)
    return shown


@pytest.mark.parametrize(("lang", "size"), [("en", (120, 36)), ("zh", (80, 24))], ids=["en-120x36", "zh-80x24"])
async def test_sections_made_ahead_read_as_sections_made_on_their_visit(tmp_path, lang: str, size) -> None:
    made_on_visit = app_in(tmp_path / "a", lang, prepare=False)
    async with made_on_visit.run_test(size=size) as pilot:
        await ready(pilot)
        expected = await every_section(pilot)
    made_ahead = app_in(tmp_path / "b", lang, prepare=True)
    async with made_ahead.run_test(size=size) as pilot:
        await ready(pilot)
        await wait_for(pilot, lambda: made_ahead._made >= set(SECTIONS), "every section to be made")
        await settle(pilot)
        assert [s for s in made_ahead.screen_stack] == [made_ahead.screen]  # made out of sight: Status still shown
        shown = await every_section(pilot)
    for name in SECTIONS:
        assert shown[name] == expected[name], name


async def test_a_section_made_ahead_is_laid_out_before_its_first_visit(tmp_path, monkeypatch) -> None:
    laid_out: list[str] = []
    original = SectionScreen._refresh_layout

    def counted(screen, *args, **kwargs) -> None:
        if screen.is_current:
            laid_out.append(type(screen).__name__)
        original(screen, *args, **kwargs)

    monkeypatch.setattr(SectionScreen, "_refresh_layout", counted)
    app = app_in(tmp_path, "en", prepare=True)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await wait_for(pilot, lambda: app._made >= set(SECTIONS), "every section to be made")
        # (Textual's registry of started nodes: a section made ahead is in no screen stack until it is shown)
        ahead = [node for node in app._registry if isinstance(node, SectionScreen) and not node.is_current]
        assert len(ahead) == len(SECTIONS) - 1
        await wait_for(pilot, lambda: all(screen.laid_out_ahead for screen in ahead), "every section laid out")
        app.clear_notifications()  # (the demo's toast, which a section shows when it is shown: laid out with it)
        await settle(pilot)
        for visit in ("first", "second"):
            for name in [*SECTIONS[1:], SECTIONS[0]]:
                laid_out.clear()
                await press(pilot, KEYS[name])
                await settle(pilot)
                # a later visit lays the screen out once (Textual's own, for a screen shown again); a first visit
                # of a section made ahead no more than that
                assert len(laid_out) <= 1, (visit, name, laid_out)


async def test_sections_made_ahead_follow_a_resize_while_out_of_sight(tmp_path) -> None:
    made_on_visit = app_in(tmp_path / "a", "en", prepare=False)
    async with made_on_visit.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        expected = await every_section(pilot)
    made_ahead = app_in(tmp_path / "b", "en", prepare=True)
    async with made_ahead.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await wait_for(pilot, lambda: made_ahead._made >= set(SECTIONS), "every section to be made")
        await settle(pilot)
        await pilot.resize_terminal(80, 24)
        await settle(pilot)
        shown = await every_section(pilot)
    for name in SECTIONS:
        assert shown[name] == expected[name], name


async def test_a_first_visit_reads_no_stylesheet_again_and_a_theme_chosen_meanwhile_still_shows(make_app) -> None:
    app = make_app()
    refreshes = []
    original = app.refresh_css

    def counted(animate: bool = True) -> None:
        refreshes.append(app.current_mode)
        original(animate)

    app.refresh_css = counted
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        refreshes.clear()
        for name in SECTIONS[1:]:
            await press(pilot, KEYS[name])
        await press(pilot, KEYS[SECTIONS[0]])
        assert refreshes == []
        await press(pilot, KEYS[SECTIONS[1]])
        before = screen_text(app, styles=True)
        app.theme = "textual-light" if app.theme != "textual-light" else "nord"  # chosen on Repay
        await settle(pilot)
        await press(pilot, KEYS[SECTIONS[0]])  # Status was away when the theme changed
        themed_status = screen_text(app, styles=True)
        chosen = app.theme
    fresh = make_app(data_dir=app.account.data_dir)  # the theme was saved: a fresh start uses it
    async with fresh.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        assert fresh.theme == chosen
        assert screen_text(fresh, styles=True) == themed_status
    assert before != themed_status


def test_opening_the_app_builds_no_command_parser(tmp_path) -> None:
    code = (
        "import sys\n"
        "from jiebei_tui import cli\n"
        "parser, args = cli.quick_parse(['--data-dir', sys.argv[1], '--today', '2026-11-28', '--lang', 'en'])\n"
        "assert args.command is None and args.lang == 'en' and args.data_dir == sys.argv[1], args\n"
        "groups = [m for m in sys.modules if m.startswith('jiebei_tui.cli.') and m.split('.')[-1] in cli.GROUPS]\n"
        "assert groups == [], groups\n"
        "assert cli.quick_parse(['--help']) is None and cli.quick_parse(['--version']) is None\n"
        "assert cli.quick_parse(['--lang', 'xx']) is None and cli.quick_parse(['--no-such']) is None\n"
    )
    subprocess.run([sys.executable, "-c", code, str(tmp_path)], check=True)


async def test_the_collector_is_back_on_once_the_loans_are_shown(make_app) -> None:
    gc.disable()  # as `jiebei-tui` starts the app (cli.main)
    try:
        app = make_app()
        async with app.run_test(size=(120, 36)) as pilot:
            await ready(pilot)
            await wait_for(pilot, gc.isenabled, "the cycle collector to be on")
    finally:
        gc.enable()
        gc.unfreeze()  # what the app froze (start-up's objects) is the test process's to collect


async def test_the_launch_draws_the_schedule_once_and_a_new_row_draws_its_own(make_app, monkeypatch) -> None:
    """Filling the loans highlights the selected row, whose schedule Status had just drawn: it was drawn a second
    time (~5 ms of the launch). Moving to another loan still draws that loan's; a theme drawn again redraws it."""
    from jiebei_tui.tui.screens.status import StatusScreen

    drawn: list[str | None] = []
    show = StatusScreen.show_schedule

    def counted(self, s) -> None:
        drawn.append(s.record.id if s is not None else None)
        show(self, s)

    monkeypatch.setattr(StatusScreen, "show_schedule", counted)
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        assert drawn == [app.selected_loan]
        first = app.selected_loan
        await press(pilot, "up")
        assert drawn[1:] == [app.selected_loan] and app.selected_loan != first
        assert f"Schedule of {app.state_of(app.selected_loan).record.name}" in screen_text(app)
        app.theme = "nord"
        await settle(pilot)
        assert drawn[2:] == [app.selected_loan]


@pytest.mark.parametrize("made", range(2, len(SECTIONS) + 1))
async def test_quitting_while_the_sections_are_made_ahead_exits_cleanly(tmp_path, monkeypatch, made: int) -> None:
    # ctrl+q half a second after `jiebei-tui`: a section made ahead was still being mounted as the app closed, found
    # its fields gone, and the quit ended in a crash report (exit 70). Here ctrl+q is pressed right after the
    # `made`-th section is started.
    prepare = JiebeiApp._prepare

    def prepare_then_quit(app: JiebeiApp) -> None:
        prepare(app)
        if len(app._made) == made:
            app.simulate_key("ctrl+q")

    monkeypatch.setattr(JiebeiApp, "_prepare", prepare_then_quit)
    app = app_in(tmp_path, "en", prepare=True)
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_for(pilot, lambda: app.return_code is not None, "the app to quit")
    assert app.return_code == 0
    assert not list(tmp_path.glob("crash-*"))
