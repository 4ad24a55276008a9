"""3 · Reminders: the place for the borrower's own reminder times (built by the reminders issue)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Label, Static

from jiebei_tui.i18n import t
from jiebei_tui.widgets.section import SectionScreen


class RemindersScreen(SectionScreen):
    def compose_body(self) -> ComposeResult:
        lang = self.lang
        with VerticalScroll(id="body"):
            with Vertical(classes="panel"):
                yield Label(t("reminders.title", lang), classes="panel-title")
                yield Static(t("reminders.coming", lang))
