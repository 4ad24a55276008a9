"""A screen in the language in force. A language switch builds the screen again in the new words (Textual's
`recompose`) and puts back what the borrower had there: typed values, switches, choices, the focused field and
the scroll position. Sections and dialogs both use it, so every one of them follows a switch, both ways.

A screen that was not on show during the switch (another section) is rebuilt when it is shown again.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from textual.containers import ScrollableContainer
from textual.screen import Screen
from textual.widgets import Input, Select, Switch


@dataclass
class Kept:
    values: dict[str, object] = field(default_factory=dict)
    focused: str | None = None
    scroll: dict[str, tuple[float, float]] = field(default_factory=dict)


def keep(screen: Screen) -> Kept:
    kept = Kept()
    for widget in screen.query("Input, Switch, Select"):
        if widget.id:
            kept.values[widget.id] = widget.value
    focused = screen.focused
    kept.focused = focused.id if focused is not None else None
    for box in screen.query(ScrollableContainer):
        if box.id:
            kept.scroll[box.id] = (box.scroll_x, box.scroll_y)
    return kept


def put_back(screen: Screen, kept: Kept) -> None:
    """Set each kept value where the rebuilt screen differs (its Changed handlers then run as for typing)."""
    for widget_id, value in kept.values.items():
        found = screen.query(f"#{widget_id}")
        if not found:
            continue
        widget = found.first()
        if not isinstance(widget, (Input, Switch, Select)) or widget.value == value:
            continue
        if isinstance(widget, Select) and value is Select.NULL:
            continue
        try:
            widget.value = value
        except Exception:  # a choice the rebuilt screen no longer offers: keep the rebuilt one
            continue
    if kept.focused:
        found = screen.query(f"#{kept.focused}")
        if found and found.first().focusable:
            found.first().focus(scroll_visible=False)

    def scroll_back() -> None:
        for box_id, (x, y) in kept.scroll.items():
            found = screen.query(f"#{box_id}")
            if found:
                found.first().scroll_to(x, y, animate=False, immediate=True)

    screen.call_after_refresh(scroll_back)


class Localized:
    """Mixin for a Screen: `relocalize()` rebuilds it in the app's language, keeping what the borrower had."""

    shown_lang: str | None = None  # the language the screen was built in
    rebuilding = False  # while True the screen is half built: nothing may draw into it

    def after_compose(self) -> None:
        """Set-up that compose does not do (a table's columns, a first check): after the first compose and
        after each rebuild. Subclasses extend it."""

    async def relocalize(self) -> None:
        kept = keep(self)
        self.rebuilding = True
        try:
            await self.recompose()
        finally:
            self.rebuilding = False
        self.shown_lang = self.app.lang
        self.after_compose()
        put_back(self, kept)

    async def follow_language(self) -> None:
        """Rebuild if the language changed while this screen was away."""
        if self.shown_lang is not None and self.shown_lang != self.app.lang:
            await self.relocalize()
