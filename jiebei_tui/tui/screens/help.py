"""? · Help: the keys, where the data lives, and the illustrative-terms disclaimer."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Label, Static

from jiebei_tui.text.i18n import t


class HelpScreen(ModalScreen[None]):
    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll { width: 90; max-width: 95%; height: auto; max-height: 90%;
        padding: 1 2; border: thick $primary; background: $surface; }
    HelpScreen Label { text-style: bold; color: $accent; margin-top: 1; }
    """
    BINDINGS = [
        Binding("escape", "dismiss", "Close", id="jiebei.close"),
        Binding("question_mark", "dismiss", "Close", id="jiebei.help", show=False),
    ]

    def compose(self) -> ComposeResult:
        lang = self.app.lang
        with VerticalScroll():
            yield Static(t("help.title", lang), classes="section-title")
            yield Label(t("help.keys", lang))
            yield Static(t("help.section_keys", lang))
            yield Static(t("help.screen_keys", lang))
            yield Label(t("help.data", lang))
            yield Static(t("help.data_text", lang, path=self.app.store.path))
            yield Label(t("help.disclaimer", lang))
            yield Static(t("help.disclaimer_text", lang))
            yield Button(t("help.close", lang), id="close")

    def on_button_pressed(self) -> None:
        self.dismiss()
