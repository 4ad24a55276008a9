"""The scrolling body of sections and dialogs."""

from __future__ import annotations

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
