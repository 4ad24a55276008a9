"""The frame every section shares: header, the urgent banner, the section's body, the footer.
A section refreshes from the app's ledger whenever it is shown and whenever the ledger changes."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, Header

from jiebei_tui.widgets.banner import UrgentBanner
from jiebei_tui.widgets.localized import localize_bindings


class SectionScreen(Screen):
    # Escape leaves a text field, so the section keys (1-4, a, ?) work again; typing digits into a field
    # must stay possible.
    BINDINGS = [Binding("escape", "leave_field", "Leave field", show=False, id="jiebei.leave")]

    def action_leave_field(self) -> None:
        self.set_focus(None)
    def compose(self) -> ComposeResult:
        yield Header()
        yield UrgentBanner(id="banner")
        yield from self.compose_body()
        yield Footer()

    def compose_body(self) -> ComposeResult:
        yield from ()

    @property
    def lang(self) -> str:
        return self.app.lang

    def on_mount(self) -> None:
        localize_bindings(self, self.lang)
        self.refresh_view()

    def on_screen_resume(self) -> None:
        self.refresh_view()

    async def relocalize(self) -> None:
        """The language changed: build the screen again in the new language."""
        await self.recompose()
        localize_bindings(self, self.lang)
        self.refresh_view()

    def refresh_view(self) -> None:
        """Show the app's current ledger. Subclasses extend this."""
        self.query_one(UrgentBanner).update_from(self.app.states, self.lang)
