"""The terminal app: its sections (Status, Repay, Reminders, Overdue, Plan, Way back) as Textual modes, the urgent
banner on each, and one path for every fact and every change: a function of the actions layer
(jiebei_tui/actions/, the same the command line calls) run in a thread worker (`act`), then the new state shown
everywhere.

`JiebeiApp(data_dir, today, lang)`; `jiebei-tui` with no command runs it.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import gc
import itertools
import threading
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import ModalScreen, Screen
from textual.widgets import Input
from textual.widgets._toast import ToastRack
from textual.worker import Worker

from jiebei_tui.actions import registry
from jiebei_tui.actions.account import LedgerFileError, UndoRefused, open_account
from jiebei_tui.domain.value import Value, value
from jiebei_tui.text.i18n import system_lang, t
from jiebei_tui.tui.screens.status import StatusScreen
from jiebei_tui.tui.widgets.localized import Localized
from jiebei_tui.tui.widgets.section import SectionScreen

if TYPE_CHECKING:
    from textual.notifications import Notification

    from jiebei_tui.domain.debits import DebitQuestion
    from jiebei_tui.domain.ledger import Ledger
    from jiebei_tui.domain.replay import LoanState
    from jiebei_tui.domain.urgency import Urgent

# The first frame is drawn while the ledger is read (in a worker), and the other sections are imported when first
# opened, or made ahead once the loans are shown: see benchmarks/startup.py.
T = TypeVar("T")
Saying = Callable[[str], tuple[str, str]]  # a toast worded in a language: (message, title)


def _shown_plainly(message: str, title: str, columns: int | None) -> tuple[str, str]:
    """A toast's words with control characters shown as escapes (a loan name is the borrower's text), and
    Chinese laid out in lines as Prose lays it out (text/width.py `wrap`) for a screen `columns` wide: Textual's
    toast breaks lines only at spaces, so "这是演示数据。按 a 添加…" broke after "按 a". (Markup is left whole.)"""
    from jiebei_tui.text.safe import visible
    from jiebei_tui.text.width import wrap

    message = "\n".join(visible(line) for line in message.split("\n"))
    if columns is not None and _mostly_chinese(message):  # (English breaks at spaces there as here)
        message = "\n".join(wrap(message, toast_text_width(columns)))
    return message, visible(title)


def _mostly_chinese(text: str) -> bool:
    from jiebei_tui.text.width import wide

    return not text.isascii() and sum(wide(ch) for ch in text) * 2 > sum(ch.isascii() and ch.isalpha() for ch in text)


def toast_text_width(columns: int) -> int:
    """The columns a toast's text has on a screen `columns` wide: app.tcss's Toast, 60 columns and at most 75% of
    its rack (the screen less the rack's 2-column scrollbar), less a padding each side and its coloured edge."""
    return min(60, (columns - 2) * 3 // 4) - 3


def _repay() -> Screen:
    from jiebei_tui.tui.screens.repay import RepayScreen

    return RepayScreen()


def _reminders() -> Screen:
    from jiebei_tui.tui.screens.reminders import RemindersScreen

    return RemindersScreen()


def _overdue() -> Screen:
    from jiebei_tui.tui.screens.overdue import OverdueScreen

    return OverdueScreen()


def _plan() -> Screen:
    from jiebei_tui.tui.screens.plan import PlanScreen  # with textual-plot and numpy: when Plan is built

    return PlanScreen()


def _way_back() -> Screen:
    from jiebei_tui.tui.screens.way_back import WayBackScreen

    return WayBackScreen()


SECTIONS = registry.SECTIONS
FILE_CHECK_SECONDS = 1.0
REMIND_SECONDS = 30.0
STORE = "store"  # the worker group of store transactions and reads
REMIND = "remind"  # the worker group of reminder delivery
SHOWN_AGAIN_AT_LEAST = 1.0  # seconds: a toast held by a dialog with less time left than this is not shown again
NAVIGATION = {"section", "add_loan", "help", "export_calendar", "undo"}  # not over a dialog (language, theme are)
HELD_WHILE_READING = {"section", "add_loan", "help"}  # pressed while the launch reads the ledger: done after it
OVER_DIALOGS = {"lang", "theme", "quit"}  # what the palette offers while a dialog is up


@value
class Reading(Value):
    """The ledger as the account held it at one moment, with what the app shows of it at today (actions/facts.py):
    every loan's state, the banner's most urgent fact, the auto-debits waiting to be confirmed. `serial` orders
    readings, so a reading that finishes after a later one is not shown over it."""

    ledger: Ledger
    states: list[LoanState]
    urgent: Urgent
    debits: tuple[DebitQuestion, ...]
    serial: int


class JiebeiApp(App[int]):
    CSS_PATH = Path(__file__).parent / "app.tcss"  # absolute: subclasses elsewhere still find it
    MODES = {"status": StatusScreen, "repay": _repay, "reminders": _reminders, "overdue": _overdue,
             "plan": _plan, "way_back": _way_back}
    DEFAULT_MODE = "status"  # start straight in Status (no blank default screen to build first)
    BINDINGS = registry.bindings(registry.APP)

    def __init__(
        self,
        data_dir: Path | None = None,
        today: dt.date | None = None,
        lang: str | None = None,
        demo: bool = True,
        reminders: bool = True,
        clock: Callable[[dt.tzinfo], dt.datetime] | None = None,
        prepare: bool = False,
    ) -> None:
        super().__init__()
        self.today = today or dt.date.today()
        # the borrower's account, as the actions layer holds it: every fact and change goes through it (app.act)
        self.account = open_account(data_dir, today=self.today, demo=demo, source="app",
                                    clock=lambda: self.clock(None).astimezone())
        self.saved = self.account.peek_settings()  # cosmetic choices for the first frame; validated by the load
        self.lang = lang or self.account.saved_lang() or system_lang()
        self.ledger: Ledger | None = None  # read right after the first frame
        self.states: list[LoanState] = []
        self.urgent: Urgent | None = None  # the banner's fact (actions/facts.py most_urgent)
        self.debits: tuple[DebitQuestion, ...] = ()  # auto-debits past their due date, not yet confirmed
        self.selected_loan: str | None = None  # shared by the sections
        self.version = 0  # goes up each time the ledger is read, so sections know when to redraw
        self.reminders = reminders  # deliver due reminders on launch and while running
        self.clock = clock or dt.datetime.now  # tests and screenshots fix the time of day
        self.keymap: dict[str, str] = {}  # the user's keys by binding id (settings.keymap)
        self._unusable: tuple[int, int] | None = None  # the file as it was when it could not be read (said once)
        self._serials = itertools.count(1)
        self._shown_serial = 0
        self._one_write = threading.Lock()  # transactions run one after another, their results shown in order
        self._pending = 0  # store workers started and not yet shown
        self._held: list[tuple[tuple, dict]] = []  # notifications waiting for a dialog to close
        # a toast's identity → it and how to word it again in another language
        self._sayings: dict[str, tuple[Notification, Saying]] = {}
        self.switching = False  # a language switch is rebuilding the screens
        self.prepare = prepare  # build the other sections in the background once the loans are shown (_prepare)
        self._made = {self.DEFAULT_MODE}  # the sections built (shown, or made ahead)
        self._made_ahead: list[Screen] = []  # the screens _prepare started
        self._unmasked = False  # a switch to a section already built is under way (delay_update)
        self._reading = True  # the launch's first read of the ledger is not done yet (_load)
        self._pressed_while_reading: Callable[[], None] | None = None  # done once the loans are shown (_shown)

    def _handle_exception(self, error: Exception) -> None:
        """Every unexpected error (handler, timer, worker, compose) goes to the one crash handler: a report in
        the data folder, exit 70, one sentence printed by the command line once the terminal is restored."""
        from jiebei_tui.crash import app_crashed

        app_crashed(self, error, super()._handle_exception)

    # --- start-up ---

    def on_mount(self) -> None:
        self.title = t("app.title", self.lang)
        theme, keymap = self.saved.get("theme"), self.saved.get("keymap")
        if isinstance(theme, str) and theme in self.available_themes:
            self.theme = theme
        if isinstance(keymap, dict) and all(isinstance(v, str) for v in keymap.values()):
            self.set_keymap(keymap)
        self._load()

    def _load(self) -> None:
        """Read the ledger in a thread worker (at launch, and after recovery), then show it (_loaded). Meanwhile
        the loop draws the first frame, its banner saying the ledger is being read, and then sits idle until
        Textual's next screen update (up to 1/60 s): read on the loop, the ledger waited for that first; read
        beside it, the loans are on screen about 13 ms sooner (benchmarks/startup.py)."""

        def read() -> None:
            try:
                reading: Reading | LedgerFileError = self._read()
            except LedgerFileError as err:
                reading = err
            self.call_from_thread(self._loaded, reading)

        self.run_worker(read, thread=True, group=STORE, name="load")

    def _loaded(self, reading: Reading | LedgerFileError) -> None:
        self._reading = False
        if isinstance(reading, LedgerFileError):
            from jiebei_tui.tui.screens.recover import RecoveryScreen

            self._pressed_while_reading = None  # (a section key typed as the app started: there is none to go to)
            self._started()  # no loans to show: the start-up is over
            self.push_screen(RecoveryScreen(reading), callback=self._recovered)
            return
        self._show(reading)
        self._start()

    def _start(self) -> None:
        self.theme_changed_signal.subscribe(self, self._save_theme)
        self.refresh_section()
        self.set_interval(FILE_CHECK_SECONDS, self.check_file)
        self.call_after_refresh(self._shown)
        if self.reminders:
            self.set_interval(REMIND_SECONDS, self.remind)

    def _shown(self) -> None:
        """The loans are on screen: what the start-up put off begins."""
        if self._pressed_while_reading is not None:
            pressed, self._pressed_while_reading = self._pressed_while_reading, None
            pressed()
        if self.ledger.demo:  # a toast is a widget to build and style: after the loans, not before
            say: Saying = lambda lang: (t("app.demo_notice", lang), t("app.demo", lang))
            notice, title = say(self.lang)
            self.notify(notice, title=title, timeout=8, say=say)
        if self.reminders:
            self.remind(True)  # the catch-up: the reminders missed while the app was closed
        if self.prepare:
            self.call_after_refresh(self._prepare)  # then _started
        else:
            self._started()

    def _started(self) -> None:
        # `jiebei-tui` starts with the cycle collector off (cli.main): start-up makes hundreds of thousands of
        # objects (Textual's, the modules', the ledger's, the sections made ahead) and no garbage worth a
        # collection. The app lives long, so it collects from now on, leaving out what start-up made (frozen):
        # a collection of everything went through all of it, a pause of tens of milliseconds in a key press.
        if not gc.isenabled():
            gc.freeze()
            gc.enable()

    def _prepare(self) -> None:
        """Build the next section not made yet, out of sight: composed, mounted and drawn from the ledger, as a
        first visit would (a section's first visit took 100-250 ms of building: its module, sixty-odd widgets
        styled, its figures worked out); then the next one, once the app is idle again. A first visit is then
        a switch. Textual builds a section's screen when its mode is first shown; here the screen is started
        the way Textual starts one (_register: composed and mounted, not shown) and the mode made to return
        it. Launched from the command line (`prepare`); tests build each section when they visit it."""
        if self.return_code is not None:  # quitting (ctrl+q as the loans came up): a section started now would be
            return  # closed half mounted
        for name in SECTIONS:
            if name in self._made:
                continue
            self._made.add(name)
            screen = self.MODES[name]()
            screen.made_ahead = True  # laid out out of sight as well, until it is shown (SectionScreen.on_idle)
            self._register(self, screen)
            self._made_ahead.append(screen)
            self.remove_mode(name)  # not made yet: only its factory goes
            self.add_mode(name, lambda screen=screen: screen)
            self.call_after_refresh(self._prepare)
            return
        from jiebei_tui.actions.account import ready_checks

        self.run_worker(ready_checks, thread=True, name="ready_checks")
        self._started()  # every section made

    def switch_mode(self, mode: str):
        self._unmasked = mode in self._made  # shown before, or made ahead: the section is whole already
        self._made.add(mode)  # (not to be made ahead any more)
        try:
            return super().switch_mode(mode)
        finally:
            self._unmasked = False

    def delay_update(self, delay: float = 0.05) -> None:
        # Textual's switch_mode holds the screen back 50 ms "to mask a brief transition" (a screen still being
        # composed): every switch between sections took at least that before anything changed on screen. A
        # section already whole is held only until the switch itself is done (a delay of 0 left it held).
        if self._unmasked:
            delay = 0.001
        super().delay_update(delay)

    def now(self) -> dt.datetime:
        """The time now in the reminder zone; on a fixed --today, that day at the current time of day."""
        from jiebei_tui.actions.reminders import on_day, zone_of
        from jiebei_tui.delivery.reminders import zone
        from jiebei_tui.domain.errors import InputError

        try:
            tz = zone_of(self.account) if self.ledger is not None else zone(None)
        except InputError:  # a hand-edited zone name that does not exist: the system's zone
            tz = zone(None)
        return on_day(self.clock(tz), self.today)

    def _recovered(self, choice: str | None) -> None:
        if choice == "quit" or choice is None:
            self.exit(return_code=3)  # the data file cannot be used, as the command line says
            return
        self._load()

    # --- reminders, delivered in a worker (notify-send and the user's command may take seconds) ---

    def remind(self, first: bool = False) -> Worker | None:
        """Deliver due reminders, sharing the sent record with `jiebei-tui remind run`: on launch the ones
        missed while the app was closed appear once in a panel; later ones as notifications. The claim (a
        store transaction) and the delivery run in a thread worker; what they found is shown on the loop."""
        if self.ledger is None or (self.ledger.demo and not self.account.exists()):
            return None  # a first look at the demo: nothing was "missed" while closed, and nothing is written
        if any(w.group == REMIND and not w.is_finished for w in self.workers):
            return None  # the last round is still delivering
        now, lang = self.now(), self.lang

        def deliver() -> None:
            from jiebei_tui.actions import reminders
            from jiebei_tui.domain.errors import InputError

            try:
                ran = reminders.run(self.account, now, lang, stdout=False)
                claimed = ran.claim
                reading = self._read() if claimed.deliver or claimed.missed else None
            except (LedgerFileError, InputError) as err:
                self.call_from_thread(self.notify, err.sentence(lang), severity="error")
                return
            self.call_from_thread(self._reminded, claimed, ran.report, reading, first, lang)

        return self.run_worker(deliver, thread=True, group=REMIND, name="remind")

    def _reminded(self, claimed, report, reading: Reading | None, first: bool, lang: str) -> None:
        from jiebei_tui.text.reminders import fires_on, message, missed_line

        for failure in report.failures:
            self.notify(failure, severity="error")
        if reading is None:
            return
        self._show(reading)
        lines = [f"{fires_on(o.fire_at, self.today)}  {message(o, lang)}" for o in claimed.deliver]
        if claimed.missed:
            lines.append(missed_line(claimed, lang))
        if first:
            from jiebei_tui.tui.screens.away import AwayModal

            self.push_screen(AwayModal(lines))
            return
        for o in claimed.deliver:
            say: Saying = lambda lang, o=o: (message(o, lang), t("remind.title", lang))
            self.notify(message(o, lang), title=t("remind.title", lang), severity="warning" if o.urgent else "information",
                        timeout=15, say=say)
        if claimed.missed:  # stood in for by those above (a back-dated change), or from while the app slept
            say = lambda lang: (missed_line(claimed, lang), t("remind.title", lang))
            self.notify(missed_line(claimed, lang), title=t("remind.title", lang), timeout=15, say=say)

    # --- the ledger ---

    def _read(self) -> Reading:
        """The ledger as the account holds it (read from the file the first time, and again when it changed
        underneath; raises LedgerFileError), with what is shown of it at today. Any thread."""
        from jiebei_tui.actions import facts

        account = self.account
        account.refresh()
        ledger, states = account.ledger, account.states
        return Reading(ledger, states, facts.most_urgent(account), tuple(facts.debits_to_confirm(account)),
                       next(self._serials))

    def _show(self, reading: Reading) -> bool:
        """Make a reading the app's state (on the loop) and redraw; an older reading than the one shown is
        dropped."""
        if reading.serial < self._shown_serial:
            return False
        self._shown_serial = reading.serial
        self.ledger, self.states = reading.ledger, reading.states
        self.urgent, self.debits = reading.urgent, reading.debits
        self.version += 1
        if self.selected_loan not in {s.record.id for s in self.states}:
            urgent = reading.urgent.state  # start on the loan that needs attention
            self.selected_loan = urgent.record.id if urgent else (self.states[0].record.id if self.states else None)
        self.sub_title = t("app.demo", self.lang) if self.ledger.demo else ""
        self.refresh_section()
        return True

    def act(
        self,
        action: Callable[..., T],
        *args: Any,
        done: Callable[[T], Any] | None = None,
        refused: Callable[[Exception], Any] | None = None,
        write_lock: bool = True,
        **kwargs: Any,
    ) -> Worker:
        """Run one function of the actions layer, `action(self.account, *args, **kwargs)`, in a thread worker
        (a change is a store transaction; a read may replay every loan); then, on the loop, show the ledger as
        it now is everywhere and call `done(result)`. A refusal (InputError) or a file that cannot be used
        (LedgerFileError) calls `refused(error)`, or is notified. Arguments are values read from the widgets
        beforehand: the action never sees a widget (a dialog may be gone by then). An undo that finds nothing
        to undo (UndoRefused) is a refusal too. Actions run one after another, their results shown in order;
        `write_lock=False` is for an action that writes nothing and may take seconds (a test reminder through the
        borrower's command), so it does not hold up the others. Tests wait with
        `await app.workers.wait_for_complete()`."""
        from jiebei_tui.domain.errors import InputError

        self._pending += 1
        account = self.account

        def run() -> None:
            with self._one_write if write_lock else contextlib.nullcontext():
                try:
                    result = action(account, *args, **kwargs)
                    reading = None  # the action changed nothing: nothing to show again
                    if account.loaded and account.ledger is not self.ledger:  # a change, as written
                        reading = self._read()
                except (InputError, LedgerFileError, UndoRefused) as err:
                    self.call_from_thread(self._refused, err, refused)
                    return
                self.call_from_thread(self._committed, reading, result, done)

        return self.run_worker(run, thread=True, group=STORE, name=getattr(action, "__name__", "act"))

    def _committed(self, reading: Reading | None, result, done) -> None:
        self._pending -= 1
        if reading is not None:  # None: the action changed nothing (a preview, a change to what already was)
            self._show(reading)
        if done is not None:
            done(result)

    def _refused(self, err: Exception, refused) -> None:
        self._pending -= 1
        if refused is not None:
            refused(err)
        else:
            self.notify(err.sentence(self.lang), severity="error", timeout=10)

    def refresh_section(self) -> None:
        for screen in self.screen_stack:
            if isinstance(screen, SectionScreen):
                screen.refresh_view()

    def check_file(self) -> None:
        """Another program (a command, a second window) may have recorded a payment: read it in a worker."""
        if self._pending or not self.account.changed_underneath() or self.account.signature() == self._unusable:
            return  # our own write in flight shows itself when done
        if any(w.group == STORE and not w.is_finished for w in self.workers):
            return
        lang = self.lang

        def read() -> None:
            with self._one_write:
                try:
                    reading = self._read()
                except LedgerFileError as err:
                    self.call_from_thread(self._unreadable, err, lang)
                    return
            self.call_from_thread(self._changed, reading, lang)

        self.run_worker(read, thread=True, group=STORE, name="check_file")

    def _changed(self, reading: Reading, lang: str) -> None:
        self._unusable = None
        if self._show(reading):
            self.notify(t("changed.reloaded", lang))

    def _unreadable(self, err: LedgerFileError, lang: str) -> None:
        self.notify(err.sentence(lang), severity="error", timeout=10)
        self._unusable = self.account.signature()  # said once, until the file changes again

    def state_of(self, loan_id: str | None) -> LoanState | None:
        return next((s for s in self.states if s.record.id == loan_id), None)

    def save_settings(self, done: Callable[[bool], Any] | None = None, **changes: object) -> Worker:
        """Save preferences (lang, theme, keymap) through actions/preferences.py: written only when one changes."""
        from jiebei_tui.actions.preferences import save_preferences

        return self.act(save_preferences, done=done, **changes)

    def _save_theme(self, theme) -> None:
        if self.ledger is not None and theme.name != self.ledger.settings.theme:
            self.save_settings(theme=theme.name)  # also refreshes the sections in the new colours

    # --- notifications: held while a dialog is up, so no toast covers one ---

    def notify(self, message: str, *, title: str = "", severity="information", timeout: float | None = None,
               markup: bool = False, say: Saying | None = None) -> None:
        """As Textual's, but held while a dialog is up (shown when it closes), plain text by default (loan
        names and file text are never read as markup), and control characters shown as escapes. `say` words
        the toast in a language (message, title): given, a switch of language re-words it while it is up."""
        from textual.notifications import Notification, Notify

        message, title = _shown_plainly(message, title, None if markup else self.size.width)
        if isinstance(self.screen, ModalScreen):
            self._held.append(((message,), {"title": title, "severity": severity, "timeout": timeout, "markup": markup,
                                            "say": say}))
            return
        # Textual's notify, with the notification kept at hand: its identity is what a re-wording replaces.
        notification = Notification(message, title, severity,
                                    self.NOTIFICATION_TIMEOUT if timeout is None else timeout, markup=markup)
        if say is not None:  # (those whose time ran out are let go here: an app left open for days makes many)
            self._sayings = {k: v for k, v in self._sayings.items() if not v[0].has_expired}
            self._sayings[notification.identity] = (notification, say)
        self.post_message(Notify(notification))

    def _reword_notifications(self, lang: str) -> None:
        """The toasts up (or held for a dialog) that can be worded again, in `lang`, each for the time it had
        left: a switch of language left the demo's notice and the reminders in the language they came in."""
        for n, (_, kwargs) in enumerate(self._held):
            if kwargs.get("say") is not None:
                message, title = kwargs["say"](lang)
                self._held[n] = ((message,), {**kwargs, "title": title})
        sayings, self._sayings = self._sayings, {}
        up = []
        for notification, say in sayings.values():
            if notification.has_expired:
                continue
            if notification in self._notifications:
                up.append((notification, say))
            else:  # posted, not up yet (one a dialog held, shown again as it closed): no toast to replace yet
                notification.message, notification.title = _shown_plainly(*say(lang),
                                                                          None if notification.markup else self.size.width)
                self._sayings[notification.identity] = (notification, say)
        for notification, say in up:
            del self._notifications[notification]
            message, title = say(lang)
            self.notify(message, title=title, severity=notification.severity, timeout=notification.time_left,
                        markup=notification.markup, say=say)
        if up:
            self._refresh_notifications()

    def forget_notifications(self) -> None:
        """Take down every toast, shown or held: they were about a ledger that is gone (the demo's)."""
        self._held.clear()
        self.clear_notifications()

    def release_notifications(self) -> None:
        held, self._held = self._held, []
        for args, kwargs in held:
            self.notify(*args, **kwargs)

    def _refresh_notifications(self) -> None:
        # Textual draws every live notification on whatever screen is on top, a dialog included: each time one
        # is added (a notify called before a dialog opened may arrive after) and each time a screen resumes (a
        # dialog opening over toasts already shown). While a dialog is up they are held instead, and shown
        # again when it closes (release_notifications); the screen beneath drops its toasts too. A toast held
        # keeps the time it had left: shown again in full, a notice came back after every dialog (the palette
        # too) and stayed up as long as dialogs kept opening. One that had run its time is not shown again.
        if isinstance(self.screen, ModalScreen) and self._notifications:
            for n in self._notifications:
                if n.time_left > SHOWN_AGAIN_AT_LEAST:
                    self._held.append(((n.message,), {"title": n.title, "severity": n.severity,
                                                      "timeout": n.time_left, "markup": n.markup,
                                                      "say": self._sayings.get(n.identity, (n, None))[1]}))
            self._notifications.clear()
            for screen in self.screen_stack[:-1]:
                for rack in screen.query(ToastRack):
                    rack.show(self._notifications)
        super()._refresh_notifications()

    # --- the keymap ---

    def set_keymap(self, keymap: dict[str, str]) -> None:
        self.keymap = dict(keymap)
        super().set_keymap(keymap)

    def key_shown(self, name: str) -> str:
        """The key in force for an action (the user's keymap applied), as the key bar shows it: for sentences
        that name a key ("Undo (u) brings it back")."""
        key = registry.key_of(registry.BY_NAME[name], self.keymap) or ""
        return self.get_key_display(Binding(key.split(",")[0], "")) if key else ""

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Over a dialog the app's own keys (sections, add, help) wait: the dialog has the keyboard. Without a
        # ledger there is nowhere to go yet; while the launch still reads it, a section, add or help key is
        # taken and done once the loans are shown (held_while_reading), not the recovery screen's.
        if action in NAVIGATION and (isinstance(self.screen, ModalScreen) or self.ledger is None):
            return self._reading and action in HELD_WHILE_READING
        if action == "section" and isinstance(self.focused, Input):
            return False  # a digit typed in a text field is the field's (the section keys are priority keys)
        return True

    def held_while_reading(self, pressed: Callable[[], None]) -> bool:
        """A key pressed while the launch is still reading the ledger: done once the loans are shown (the last
        one pressed). Keys typed as the app started were lost: `jiebei-tui`, Enter, 2 in one breath showed
        Status. True when it was held."""
        if self.ledger is not None:
            return False
        if self._reading:
            self._pressed_while_reading = pressed
        return True

    # --- actions ---

    def action_section(self, name: str) -> None:
        if self.held_while_reading(lambda: self.action_section(name)):
            return
        if name in SECTIONS and self.current_mode != name:
            self.switch_mode(name)

    def action_add_loan(self) -> None:
        def added(loan_id: str | None) -> None:
            if loan_id:
                self.selected_loan = loan_id
                self.refresh_section()

        from jiebei_tui.tui.screens.add_loan import AddLoanScreen

        if not self.held_while_reading(self.action_add_loan):
            self.push_screen(AddLoanScreen(), callback=added)

    def action_undo(self) -> None:
        """Undo the last change, of any kind and from anywhere (`jiebei-tui undo`), after a confirmation that
        names it; again, the one before, as far as the backups reach."""
        from jiebei_tui.actions import history

        if self.ledger is None:
            return

        def ask_first(change) -> None:
            from jiebei_tui.tui.widgets.dialog import ConfirmDialog

            if change is None:
                self.notify(t("undo.nothing", self.lang))
                return

            def answered(yes: bool | None) -> None:
                if yes:
                    self.act(history.undo, change.revision, done=self._undone)

            self.push_screen(ConfirmDialog(lambda lang: t("undo.confirm", lang, **change_words(change, lang))),
                             callback=answered)

        self.act(history.last_change, done=ask_first)

    def _undone(self, done) -> None:
        self.notify(t("undo.done_app", self.lang, revision=done.revision, press=self.key_shown("undo"),
                      **change_words(done.change, self.lang)))

    def action_help(self) -> None:
        from jiebei_tui.tui.screens.help import HelpScreen

        if not self.held_while_reading(self.action_help):
            self.push_screen(HelpScreen())

    def action_export_calendar(self) -> None:
        from jiebei_tui.tui.screens.export import ExportDialog

        if self.ledger is not None:
            self.push_screen(ExportDialog())

    def action_press_key(self, key: str) -> None:
        """A key clicked in the key bar."""
        self.simulate_key(key)

    async def action_switch_language(self) -> None:
        await self.set_lang("en" if self.lang == "zh" else "zh")

    async def action_quit(self) -> None:
        # A change the borrower made is written before the app goes (a thread cannot be cut short anyway).
        writing = [w for w in self.workers if w.group == STORE]
        if writing:
            await self.workers.wait_for_complete(writing)
        # A section being made ahead finishes mounting first (a few milliseconds, on this loop): closed half
        # mounted, its widgets (Textual's too) looked for children already gone, and the quit ended in a crash report.
        deadline = time.monotonic() + 2
        while any(not screen.is_mounted for screen in self._made_ahead) and time.monotonic() < deadline:
            await asyncio.sleep(0)
        self.exit()

    async def set_lang(self, lang: str) -> None:
        """Switch the language, live: the title, the key bar, every screen in the stack now (what was typed
        kept), the other sections when next shown."""
        self.lang, self.switching = lang, True
        self.title = t("app.title", lang)
        self.sub_title = t("app.demo", lang) if self.ledger is not None and self.ledger.demo else ""
        if self.ledger is not None:
            self.save_settings(lang=lang)
        try:
            for screen in list(self.screen_stack):
                if isinstance(screen, Localized):
                    await screen.relocalize()
        finally:
            self.switching = False
        self._reword_notifications(lang)
        self.refresh_bindings()

    async def perform(self, action: registry.Action) -> None:
        """Run an action from the palette where it applies: the app's own, or a section's (going there first)."""
        if action.app_wide:
            await self.run_action(action.run)
            return
        sections = action.sections()
        if self.current_mode not in sections:
            await self.switch_mode(sections[0])
        await self.run_action(action.run, self.screen)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Every action of the registry, in the language in force (Textual's own English commands are not
        offered: theme and quit are among ours)."""
        lang = self.lang
        over_dialog = not isinstance(screen, SectionScreen)
        for action in registry.ACTIONS:
            if not action.palette or (over_dialog and action.name not in OVER_DIALOGS):
                continue
            yield SystemCommand(
                registry.title(action, lang), registry.description(action, lang),
                lambda a=action: self.perform(a),
            )


def change_words(change, lang: str) -> dict[str, str]:
    """A history entry for a sentence: what it did, when, from where (as `jiebei-tui undo` says it)."""
    from jiebei_tui.actions.history import ChangeWords
    from jiebei_tui.text.backups import when
    from jiebei_tui.text.i18n import STRINGS

    source = t(f"source.{change.source}", lang) if f"source.{change.source}" in STRINGS else change.source
    return {"what": ChangeWords(change).render(lang), "at": when(change.at), "source": source}
