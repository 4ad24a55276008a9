"""The scrolling body of sections and dialogs."""

from __future__ import annotations

from textual import events
from textual.binding import Binding
from textual.containers import VerticalScroll


class Body(VerticalScroll, inherit_bindings=False):
    """A scrolling body (a section's, a dialog's box). It scrolls only up and down (nothing in it is wider than
    the terminal), so ← and → stay free for the screen (Overdue's days late, a confirmation's buttons)
    whatever has the focus."""

    BINDINGS = [
        Binding("up", "scroll_up", show=False),
        Binding("down", "scroll_down", show=False),
        Binding("home", "scroll_home", show=False),
        Binding("end", "scroll_end", show=False),
        Binding("pageup", "page_up", show=False),
        Binding("pagedown", "page_down", show=False),
    ]

    _height = 0  # the height it had at its last resize, and how far it could scroll then
    _max_scroll = 0.0

    def on_resize(self, event: events.Resize) -> None:
        """The key bar below grows a line or gives one back as the focus moves (a field's keys differ from a
        switch's): the body is a line shorter or taller, and Textual keeps its scroll where it was. What was in
        view stays in view: the end of the page when it was shown (a shorter body cut its last line), else the
        widget with the focus."""
        before, max_before = self._height, self._max_scroll
        self._height, self._max_scroll = event.size.height, self.max_scroll_y
        if not before or before == event.size.height:
            return  # the first layout, or the content changed, not the room for it
        at_end = max_before > 0 and self.scroll_y >= max_before
        self.call_after_refresh(self._keep_in_view, at_end)

    def _keep_in_view(self, at_end: bool) -> None:
        if not self.is_attached:  # gone meanwhile (a language switch rebuilds the screens, a dialog closed)
            return
        self._max_scroll = self.max_scroll_y
        focused = self.screen.focused
        if at_end:
            self.scroll_end(animate=False, immediate=True)
        elif focused is not None and self in focused.ancestors:
            self.scroll_to_widget(focused, animate=False, immediate=True)
