"""The terminal app: four sections (Status, Repay, Reminders, Overdue) as Textual modes, the urgent banner on
each, and one path for every change: a domain function applied through the store's transaction, then a reload.

`JiebeiApp(data_dir, today, lang)`; `jiebei-tui` with no command runs it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from jiebei_tui.text.i18n import system_lang, t
from jiebei_tui.tui.screens.status import StatusScreen
from jiebei_tui.store import LedgerFileError, Store
from jiebei_tui.tui.widgets.localized import localize_bindings
from jiebei_tui.tui.widgets.section import SectionScreen

if TYPE_CHECKING:
    from jiebei_tui.domain.ledger import Ledger
    from jiebei_tui.domain.replay import LoanState

# The first frame is drawn before the ledger (and pydantic's model machinery) is loaded, and the other sections
# are imported when first opened: see benchmarks/startup.py.
T = TypeVar("T")


def _repay() -> Screen:
    from jiebei_tui.tui.screens.repay import RepayScreen

    return RepayScreen()


def _reminders() -> Screen:
    from jiebei_tui.tui.screens.reminders import RemindersScreen

    return RemindersScreen()


def _overdue() -> Screen:
    from jiebei_tui.tui.screens.overdue import OverdueScreen

    return OverdueScreen()

SECTIONS = ("status", "repay", "reminders", "overdue")
FILE_CHECK_SECONDS = 1.0
REMIND_SECONDS = 30.0


class JiebeiApp(App[int]):
    CSS_PATH = Path(__file__).parent / "app.tcss"  # absolute: subclasses elsewhere still find it
    MODES = {"status": StatusScreen, "repay": _repay, "reminders": _reminders, "overdue": _overdue}
    DEFAULT_MODE = "status"  # start straight in Status (no blank default screen to build first)
    BINDINGS = [
        Binding("1", "section('status')", "Status", id="jiebei.status"),
        Binding("2", "section('repay')", "Repay", id="jiebei.repay"),
        Binding("3", "section('reminders')", "Reminders", id="jiebei.reminders"),
        Binding("4", "section('overdue')", "Overdue", id="jiebei.overdue"),
        Binding("a", "add_loan", "Add loan", id="jiebei.add"),
        Binding("question_mark", "help", "Help", id="jiebei.help"),
    ]

    def __init__(
        self,
        data_dir: Path | None = None,
        today: dt.date | None = None,
        lang: str | None = None,
        demo: bool = True,
        reminders: bool = True,
        clock: Callable[[dt.tzinfo], dt.datetime] | None = None,
    ) -> None:
        super().__init__()
        self.today = today or dt.date.today()
        self.store = Store(data_dir, demo=demo, today=self.today)
        self.saved = self.store.peek_settings()  # cosmetic choices for the first frame; validated by the load
        self.lang = lang or self.store.saved_lang() or system_lang()
        self.ledger: Ledger | None = None  # read right after the first frame
        self.states: list[LoanState] = []
        self.selected_loan: str | None = None  # shared by the sections
        self.version = 0  # goes up each time the ledger is read, so sections know when to redraw
        self.reminders = reminders  # deliver due reminders on launch and while running
        self.clock = clock or dt.datetime.now  # tests and screenshots fix the time of day
        self._signature: tuple[int, int] | None = None

    def _handle_exception(self, error: Exception) -> None:
        """Every unexpected error (handler, timer, worker, compose) goes to the one crash handler: a report in
        the data folder, exit 70, one sentence printed by the command line once the terminal is restored."""
        from jiebei_tui.crash import app_crashed

        app_crashed(self, error, super()._handle_exception)

    # --- start-up ---

    def on_mount(self) -> None:
        self.title = t("app.title", self.lang)
        localize_bindings(self, self.lang)
        theme, keymap = self.saved.get("theme"), self.saved.get("keymap")
        if isinstance(theme, str) and theme in self.available_themes:
            self.theme = theme
        if isinstance(keymap, dict) and all(isinstance(v, str) for v in keymap.values()):
            self.set_keymap(keymap)
        self.call_after_refresh(self._load)  # Status is drawn at once, its banner saying the ledger is being read

    def _load(self) -> None:
        try:
            self.reload()
        except LedgerFileError as err:
            from jiebei_tui.tui.screens.recover import RecoveryScreen

            self.push_screen(RecoveryScreen(err), callback=self._recovered)
            return
        self._start()

    def _start(self) -> None:
        self.theme_changed_signal.subscribe(self, self._save_theme)
        self.refresh_section()
        if self.ledger.demo:
            self.notify(t("app.demo_notice", self.lang), title=t("app.demo", self.lang), timeout=8)
        self.set_interval(FILE_CHECK_SECONDS, self.check_file)
        if self.reminders:
            self.call_after_refresh(self.remind, True)
            self.set_interval(REMIND_SECONDS, self.remind)

    def now(self) -> dt.datetime:
        """The time now in the reminder zone; on a fixed --today, that day at the current time of day."""
        from jiebei_tui.domain.errors import InputError
        from jiebei_tui.delivery.reminders import zone

        try:
            tz = zone(self.ledger.settings.reminders.timezone if self.ledger else None)
        except InputError:  # a hand-edited zone name that does not exist: the system's zone
            tz = zone(None)
        moment = self.clock(tz)
        return moment if moment.date() == self.today else dt.datetime.combine(self.today, moment.time(), tzinfo=tz)

    def remind(self, first: bool = False) -> None:
        """Deliver due reminders, sharing the sent record with `jiebei-tui remind run`: on launch the ones
        missed while the app was closed appear once in a panel; later ones as notifications."""
        from jiebei_tui.delivery import reminders as reminding
        from jiebei_tui.domain.errors import InputError
        from jiebei_tui.text.reminders import message

        if self.ledger is None or (self.ledger.demo and not self.store.exists()):
            return  # a first look at the demo: nothing was "missed" while closed, and nothing is written
        try:
            claimed, report = reminding.run(self.store, self.today, self.now(), self.lang, stdout=False)
        except (LedgerFileError, InputError) as err:
            self.notify(err.sentence(self.lang), severity="error")
            return
        for failure in report.failures:
            self.notify(failure, severity="error")
        if not claimed.deliver and not claimed.missed:
            return
        self.reload()
        self.refresh_section()
        lines = [f"{o.fire_at:%m-%d %H:%M}  {message(o, self.lang)}" for o in claimed.deliver]
        if claimed.missed:
            lines.append(t("remind.missed", self.lang, n=claimed.missed))
        if first:
            from jiebei_tui.tui.screens.away import AwayModal

            self.push_screen(AwayModal(lines))
            return
        for o in claimed.deliver:
            self.notify(message(o, self.lang), title=t("remind.title", self.lang), severity="warning" if o.urgent else "information", timeout=15)

    def _recovered(self, choice: str | None) -> None:
        if choice == "quit" or choice is None:
            self.exit(return_code=3)  # the data file cannot be used, as the command line says
            return
        self._load()

    # --- the ledger ---

    def reload(self) -> None:
        """Read the ledger and derive every loan's state at today (raises LedgerFileError)."""
        from jiebei_tui.domain.replay import all_states
        from jiebei_tui.domain.urgency import most_urgent

        self.ledger = self.store.load()
        self.states = all_states(self.ledger, self.today)
        self.version += 1
        self._signature = self.store.signature()
        if self.selected_loan not in {s.record.id for s in self.states}:
            urgent = most_urgent(self.states).state  # start on the loan that needs attention
            self.selected_loan = urgent.record.id if urgent else (self.states[0].record.id if self.states else None)
        self.sub_title = t("app.demo", self.lang) if self.ledger.demo else ""

    def commit(self, change: Callable[[Ledger], tuple[Ledger, T]]) -> T:
        """Apply a change through the store's locked transaction, then show the result everywhere."""
        result = self.store.transact(change)
        self.reload()
        self.refresh_section()
        return result

    def refresh_section(self) -> None:
        for screen in self.screen_stack:
            if isinstance(screen, SectionScreen):
                screen.refresh_view()

    def check_file(self) -> None:
        """Another program (a command, a second window) may have recorded a payment."""
        if self.store.signature() == self._signature:
            return
        try:
            self.reload()
        except LedgerFileError as err:
            self.notify(err.sentence(self.lang), severity="error", timeout=10)
            self._signature = self.store.signature()
            return
        self.refresh_section()
        self.notify(t("changed.reloaded", self.lang))

    def state_of(self, loan_id: str | None) -> LoanState | None:
        return next((s for s in self.states if s.record.id == loan_id), None)

    def save_settings(self, **changes: object) -> None:
        def change(ledger: Ledger):
            return ledger.model_copy(update={"settings": ledger.settings.model_copy(update=changes)}), None

        self.commit(change)

    def _save_theme(self, theme) -> None:
        if self.ledger is not None and theme.name != self.ledger.settings.theme:
            self.save_settings(theme=theme.name)  # also refreshes the sections in the new colours

    # --- actions ---

    def action_section(self, name: str) -> None:
        if name in SECTIONS and self.current_mode != name:
            self.switch_mode(name)

    def action_add_loan(self) -> None:
        def added(loan_id: str | None) -> None:
            if loan_id:
                self.selected_loan = loan_id
                self.refresh_section()

        from jiebei_tui.tui.screens.add_loan import AddLoanScreen

        if self.ledger is not None:
            self.push_screen(AddLoanScreen(), callback=added)

    def action_help(self) -> None:
        from jiebei_tui.tui.screens.help import HelpScreen

        self.push_screen(HelpScreen())

    async def set_lang(self, lang: str) -> None:
        self.lang = lang
        self.save_settings(lang=lang)
        self.title = t("app.title", lang)
        self.sub_title = t("app.demo", lang) if self.ledger is not None and self.ledger.demo else ""
        localize_bindings(self, lang)
        for screen in self.screen_stack:
            if isinstance(screen, SectionScreen):
                await screen.relocalize()

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        lang = self.lang
        for name in SECTIONS:
            yield SystemCommand(t(f"cmd.{name}", lang), t(f"cmd.{name}.help", lang), lambda n=name: self.action_section(n))
        yield SystemCommand(t("cmd.add", lang), t("cmd.add.help", lang), self.action_add_loan)
        yield SystemCommand(t("cmd.help", lang), t("cmd.help.help", lang), self.action_help)
        other = "en" if lang == "zh" else "zh"
        yield SystemCommand(t("cmd.lang", lang), t("cmd.lang.help", lang), lambda: self.run_worker(self.set_lang(other)))
        yield from super().get_system_commands(screen)
