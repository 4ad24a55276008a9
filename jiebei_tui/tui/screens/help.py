"""? · Help: the keys (from the action registry, with the keys in force), where the data lives, and the
illustrative-terms disclaimer."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Button, Label

from jiebei_tui.actions import registry
from jiebei_tui.text.i18n import t
from jiebei_tui.tui.widgets.dialog import Dialog
from jiebei_tui.tui.widgets.prose import Prose


class HelpScreen(Dialog[None]):
    DEFAULT_CSS = "HelpScreen > #dialog { width: 96; }"
    BINDINGS = [Binding("question_mark", "cancel", show=False, id="jiebei.help")]  # ? again closes it
    READ = True
    KEY_WORDS = {"cancel": "key.close"}  # a dialog to read: Escape closes it, there is nothing to cancel
    FIRST = "#dialog-body"

    def compose_dialog(self) -> ComposeResult:
        lang = self.lang
        yield Label(t("help.title", lang), classes="title")
        yield Label(t("help.keys", lang), classes="title")
        yield Prose(key_list(self.app, lang), id="keys")
        yield Label(t("help.record", lang), classes="title")
        yield Prose(t("help.record_text", lang))
        yield Label(t("help.data", lang), classes="title")
        yield Prose(t("help.data_text", lang, path=self.app.account.path, undo=self.app.key_shown("undo")))
        yield Label(t("help.disclaimer", lang), classes="title")
        yield Prose(t("help.disclaimer_text", lang))
        yield Button(t("help.close", lang), id="close", classes="buttons")

    def on_button_pressed(self) -> None:
        self.dismiss()


def key_list(app, lang: str) -> str:
    """One line per place: each action with a key, the key the user has (keymap applied) and its words."""
    lines = []
    for place in registry.PLACES:
        entries = []
        for action in registry.actions(place) if place != registry.APP else everywhere():
            key = registry.key_of(action, app.keymap)
            if not key or (place != registry.APP and action in everywhere()):
                continue
            shown = "/".join(app.get_key_display(Binding(k.strip(), "")) for k in key.split(","))
            entries.append(f"{shown} {registry.title(action, lang)}")
        if entries:
            lines.append(t("help.place_keys", lang, place=t(f"place.{place}", lang), keys=" · ".join(entries)))
    lines.append(t("help.palette_note", lang))
    return "\n".join(lines)


def everywhere() -> list[registry.Action]:
    """The app's actions and those every section has (Escape), listed once."""
    return [a for a in registry.ACTIONS if a.app_wide or set(registry.SECTIONS) <= set(a.where)]
