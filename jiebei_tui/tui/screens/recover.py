"""A ledger that cannot be used opens here — never a traceback, never a silent empty ledger or demo.
Whatever the problem (not JSON, a field out of range, items that contradict each other, too big, a link, a
missing file beside its backups), the same three ways out: restore the newest usable backup, start empty (the
file there is kept aside), or quit. The backups are listed with what each holds. Answers "backup", "empty" or
"quit"."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Button, Label, Static

from jiebei_tui.actions import history
from jiebei_tui.actions.account import LedgerFileError
from jiebei_tui.text.i18n import t
from jiebei_tui.tui.widgets.asking import ask
from jiebei_tui.tui.widgets.footer import KeyBar
from jiebei_tui.tui.widgets.localized import Localized
from jiebei_tui.tui.widgets.prose import Problem, Prose

MAX_SHOWN = 10


class RecoveryScreen(Localized, Screen[str]):
    DEFAULT_CSS = """
    RecoveryScreen { align: center middle; }
    RecoveryScreen > Vertical { width: 90; max-width: 95%; height: auto; max-height: 100%; padding: 0 2;
                                border: thick $error; }
    RecoveryScreen #recovery-body { height: auto; padding-top: 1; overflow-y: auto; }
    RecoveryScreen Horizontal { height: auto; margin: 1 0; }
    RecoveryScreen #problem { color: $error; margin: 1 0; }
    RecoveryScreen #backups { color: $text-muted; margin-top: 1; }
    """

    def __init__(self, error: LedgerFileError) -> None:
        super().__init__()
        self.error = error

    def compose(self) -> ComposeResult:
        lang = self.app.lang
        with Vertical():
            with Vertical(id="recovery-body"):  # on a small terminal this scrolls; the buttons stay in view
                yield Label(t("recover.title", lang), classes="section-title")
                yield Prose(self.error.sentence(lang), id="problem")
                yield Prose(t("recover.explain", lang))
                yield Static("", id="backups", markup=False)
                yield Problem(id="result")
            with Horizontal():
                yield Button(t("recover.backup", lang), id="backup", variant="primary")
                yield Button(t("recover.empty", lang), id="empty", variant="warning")
                yield Button(t("recover.quit", lang), id="quit")
        yield KeyBar()

    BUTTONS_AND_FRAME = 8  # the border, the buttons, their margins and the key bar: what stays below the scrolling body

    def on_mount(self) -> None:
        self.shown_lang = self.app.lang
        self._fit(self.size.height)
        self.after_compose()

    def after_compose(self) -> None:
        """The backups, as `recover --list` lists them (actions/history.py generations)."""
        ask(self, "backups", history.generations, done=self._backups,
            refused=lambda _err: None)  # the folder itself is the problem: the sentence above says so

    def on_resize(self, event) -> None:
        self._fit(event.size.height)

    def _fit(self, height: int) -> None:
        """The body scrolls within what the terminal leaves once the buttons are placed: they stay in view."""
        self.query_one("#recovery-body").styles.max_height = max(height - self.BUTTONS_AND_FRAME, 3)

    def _backups(self, gens: list) -> None:
        """The backups, newest first, as `recover --list` shows them (each read without following links)."""
        from jiebei_tui.text.backups import generation_line

        lang = self.app.lang
        if not gens:
            text = t("recover.none", lang, path=self.app.account.path)
        else:
            text = "\n".join([t("recover.backups_title", lang), *(generation_line(g, lang) for g in gens[:MAX_SHOWN])])
        self.query_one("#backups", Static).update(text)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """`recover --from-backup` / `recover --start-empty` (actions/history.py), in the app's worker."""
        choice = event.button.id
        if choice == "quit":
            self.dismiss(choice)
            return

        def refused(err: Exception) -> None:  # no usable backup, or the ledger became readable meanwhile: say so, stay
            self.query_one("#result", Problem).update(err.sentence(self.app.lang))

        action = history.recover_from_backup if choice == "backup" else history.start_empty
        ask(self, "recover", action, done=lambda _done: self.dismiss(choice), refused=refused)
