"""Reminders that came due while the app was closed and were not delivered: shown once, on launch."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Button, Label

from jiebei_tui.text.i18n import t
from jiebei_tui.text.safe import visible
from jiebei_tui.tui.widgets.dialog import Dialog
from jiebei_tui.tui.widgets.prose import Prose


class AwayModal(Dialog[None]):
    DEFAULT_CSS = "AwayModal > #dialog { width: 100; }"
    FIRST = "#close"
    KEY_WORDS = {"cancel": "key.close"}  # a dialog to read: Escape closes it, there is nothing to cancel

    def __init__(self, lines: list[str]) -> None:
        super().__init__()
        self.lines = lines

    def compose_dialog(self) -> ComposeResult:
        yield Label(t("reminders.away_title", self.lang), classes="title")
        yield Prose("\n".join(visible(line) for line in self.lines), id="away-lines")
        yield Button(t("reminders.away_close", self.lang), id="close", variant="primary", classes="buttons")

    def on_button_pressed(self) -> None:
        self.dismiss()
