"""A ledger that cannot be read opens here — never a traceback, never a silent empty ledger.
Restore the backup, or start empty with the bad file kept aside, or quit. Answers "backup", "empty" or "quit"."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Button, Label

from jiebei_tui.text.i18n import t
from jiebei_tui.store import LedgerFileError
from jiebei_tui.tui.widgets.footer import KeyBar
from jiebei_tui.tui.widgets.localized import Localized
from jiebei_tui.tui.widgets.prose import Problem, Prose


class RecoveryScreen(Localized, Screen[str]):
    DEFAULT_CSS = """
    RecoveryScreen { align: center middle; }
    RecoveryScreen > Vertical { width: 90; max-width: 95%; height: auto; padding: 1 2; border: thick $error; }
    RecoveryScreen Horizontal { height: auto; margin-top: 1; }
    RecoveryScreen #problem { color: $error; margin: 1 0; }
    """

    def __init__(self, error: LedgerFileError) -> None:
        super().__init__()
        self.error = error

    def compose(self) -> ComposeResult:
        lang = self.app.lang
        with Vertical():
            yield Label(t("recover.title", lang), classes="section-title")
            yield Prose(self.error.sentence(lang), id="problem")
            yield Prose(t("recover.explain", lang))
            yield Problem(id="result")
            with Horizontal():
                yield Button(t("recover.backup", lang), id="backup", variant="primary")
                yield Button(t("recover.empty", lang), id="empty", variant="warning")
                yield Button(t("recover.quit", lang), id="quit")
        yield KeyBar()

    def on_mount(self) -> None:
        self.shown_lang = self.app.lang

    def on_button_pressed(self, event: Button.Pressed) -> None:
        choice = event.button.id
        store = self.app.store
        try:
            if choice == "backup":
                store.recover_from_backup()
            elif choice == "empty":
                store.start_empty()
        except LedgerFileError as err:  # no usable backup: say so and stay
            self.query_one("#result", Problem).update(err.sentence(self.app.lang))
            return
        self.dismiss(choice)
