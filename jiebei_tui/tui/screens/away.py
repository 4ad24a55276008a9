"""Reminders that came due while the app was closed and were not delivered: shown once, on launch."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label, Static

from jiebei_tui.text.i18n import t
from jiebei_tui.tui.screens.modals import MODAL_CSS


class AwayModal(ModalScreen[None]):
    DEFAULT_CSS = MODAL_CSS.format(name="AwayModal").replace("width: 72;", "width: 100;")
    BINDINGS = [Binding("escape", "dismiss", "Close", id="jiebei.close")]

    def __init__(self, lines: list[str]) -> None:
        super().__init__()
        self.lines = lines

    def compose(self) -> ComposeResult:
        lang = self.app.lang
        with Vertical():
            yield Label(t("reminders.away_title", lang), classes="panel-title")
            yield Static("\n".join(self.lines), id="away-lines")
            yield Button(t("reminders.away_close", lang), id="close", variant="primary")

    def on_button_pressed(self) -> None:
        self.dismiss()
