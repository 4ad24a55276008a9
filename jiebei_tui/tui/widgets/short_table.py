"""A table shown whole inside a page that scrolls."""

from __future__ import annotations

from textual.widgets import DataTable

PAGE_KEYS = frozenset({"page_up", "page_down", "scroll_home", "scroll_end"})  # DataTable's PageUp/Down, Home, End


class ShortTable(DataTable):
    """Reminders' rules: a few rows, every one in view, in a page taller than the screen. A DataTable takes
    PageUp/PageDown, Home and End to move its cursor, so with the focus on the rules (where it starts) those keys
    did nothing and the page's end (the settings) could be reached only by Tab. While the table has nothing of
    its own to scroll, they are left to the page; the arrows still move in the table."""

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in PAGE_KEYS and self.max_scroll_y == 0:
            return False  # the key goes on to the page (Body)
        return super().check_action(action, parameters)
