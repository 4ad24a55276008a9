"""The key bar at the bottom of every section, rebuilt only when the keys it shows change.

Textual's Footer rebuilds its keys whenever a screen's bindings *may* have changed: on every section switch and
every focus change. That is a dozen widgets mounted and styled each time, most of what a section switch cost.
The keys a section shows rarely change (a field taking focus, a language or keymap change), so this footer
compares what it would show with what it shows and rebuilds only on a difference.
"""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Footer


class KeyBar(Footer):
    _shown: tuple | None = None  # what the keys said when last rebuilt

    def _keys(self, screen: Screen) -> tuple:
        app = screen.app
        return tuple(
            (binding.key, app.get_key_display(binding), binding.description, binding.action, enabled, tooltip)
            for (_node, binding, enabled, tooltip) in screen.active_bindings.values()
            if binding.show or binding.action == "command_palette"
        )

    def bindings_changed(self, screen: Screen) -> None:
        if not (screen.app.app_focus and self.is_attached and screen is self.screen):
            super().bindings_changed(screen)  # Textual's own rules: it may skip, and we must not remember
            return
        keys = self._keys(screen)
        if keys == self._shown:
            return
        self._shown = keys
        super().bindings_changed(screen)
