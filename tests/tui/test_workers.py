"""Work off the event loop: the launch's read of the ledger, store transactions and reminder delivery (notify-send
and the user's command may take up to 10 s) run in thread workers, and the app keeps answering keys meanwhile."""

from __future__ import annotations

import threading

from jiebei_tui.cli import main
from jiebei_tui.tui.app import JiebeiApp
from jiebei_tui.tui.screens.away import AwayModal
from jiebei_tui.tui.screens.repay import RepayScreen
from tests.tui.conftest import TODAY, click, ledger_file, press, ready, screen_text, settle, wait_for


async def test_the_launch_reads_the_ledger_in_a_thread(make_app, tmp_path, monkeypatch) -> None:
    assert main(["--data-dir", str(tmp_path / "data"), "--today", TODAY.isoformat(), "--no-demo", "loans", "add",
                 "--name", "Car", "--principal", "1000", "--daily-rate", "0.0004", "--term", "3",
                 "--method", "equal-installment", "--start", "2026-10-01"]) == 0
    threads = []
    read = JiebeiApp._read

    def recorded(app):
        threads.append(threading.current_thread())
        return read(app)

    monkeypatch.setattr(JiebeiApp, "_read", recorded)
    app = make_app(demo=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        assert [s.record.name for s in app.states] == ["Car"]
    assert threads and threads[0] is not threading.main_thread()


async def test_a_store_transaction_runs_in_a_thread(make_app) -> None:
    app = make_app()
    threads = []
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        apply = app.account.store.apply

        def recorded(change, **options):
            threads.append(threading.current_thread())
            return apply(change, **options)

        app.account.store.apply = recorded
        await press(pilot, "p")
        await press(pilot, "enter", "y")
        assert ledger_file(app)["events"][-1]["amount"] == "900.20"
    assert threads and all(thread is not threading.main_thread() for thread in threads)


async def test_reminder_delivery_runs_in_a_thread_and_the_app_answers_meanwhile(make_app, monkeypatch) -> None:
    from jiebei_tui.delivery import reminders

    app = make_app(reminders=True)
    assert main(["--data-dir", str(app.account.data_dir), "--today", TODAY.isoformat(), "remind", "set", "--desktop", "off"]) == 0
    started, release = threading.Event(), threading.Event()
    real_run = reminders.run
    ran_in = []

    def slow_run(*args, **kwargs):  # a command that takes its time (notify-send, the user's command)
        ran_in.append(threading.current_thread())
        started.set()
        release.wait(30)
        return real_run(*args, **kwargs)

    monkeypatch.setattr(reminders, "run", slow_run)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, started.is_set, "the reminders to start")
        await pilot.press("2")  # delivery still running: the app answers
        await wait_for(pilot, lambda: isinstance(app.screen, RepayScreen), "Repay to show while delivering")
        release.set()
        await settle(pilot)
        assert isinstance(app.screen, AwayModal)  # what was missed while closed, once delivered
        await click(pilot, "#close")
    assert ran_in and ran_in[0] is not threading.main_thread()


async def test_quit_waits_for_a_write_in_flight(make_app) -> None:
    app = make_app()
    order = []
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        quitting = threading.Event()
        apply = app.account.store.apply

        def slow(change, **options):
            quitting.wait(30)  # still writing when the borrower quits
            result = apply(change, **options)
            order.append("written")
            return result

        app.account.store.apply = slow
        real_exit = app.exit

        def exit(*args, **kwargs):
            order.append("exit")
            real_exit(*args, **kwargs)

        app.exit = exit
        app.save_settings(theme="nord")
        original_quit = app.action_quit

        async def quit() -> None:
            quitting.set()
            await original_quit()

        app.action_quit = quit
        await pilot.press("ctrl+q")
    assert order == ["written", "exit"]
    assert ledger_file(app)["settings"]["theme"] == "nord"


async def test_a_write_landing_while_a_section_is_still_being_built_waits_for_it(make_app, monkeypatch) -> None:
    # A section built ahead (or on its first visit) is composed, then mounted; a write finishing in a worker
    # in between redraws every section. Plan's state is set up in its on_mount, so redrawing it then crashed the
    # app ("'PlanScreen' object has no attribute '_version'", pressing 5 while the launch's reminder record was
    # written). The redraw now waits for the section's own set-up.
    from jiebei_tui.tui.screens.plan import PlanScreen

    set_up = PlanScreen.on_mount

    def write_lands_first(self) -> None:
        self.app.refresh_section()  # what a worker's finished write does (app._committed → _show)
        self.refresh_view()
        set_up(self)

    monkeypatch.setattr(PlanScreen, "on_mount", write_lands_first)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await press(pilot, "5")
        await wait_for(pilot, lambda: isinstance(app.screen, PlanScreen) and "Nothing extra" in screen_text(app),
                       "Plan drawn with its orders")
    assert app.return_code in (None, 0)
