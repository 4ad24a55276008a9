"""The key bar at the bottom of every section and dialog: the keys that work here, in the language in force.

What it shows comes from the screen's active bindings (Textual's public `active_bindings`, so a remapped key
shows its new key and a disabled action is left out) labelled from the action registry (actions/registry.py)
by binding id. It wraps onto a second (third) line rather than cutting keys off: at 80 columns in either
language every key stays visible. A click on a key presses it.

It redraws only when what it shows changes (keys, words, width): a section switch or a focus change that
leaves the keys as they were costs a comparison, not a rebuild.
"""

from __future__ import annotations

from textual.binding import Binding
from textual.content import Content
from textual.geometry import Size
from textual.markup import escape
from textual.widget import Widget

from jiebei_tui.actions.registry import BY_ID, Action, key_of, label
from jiebei_tui.text.i18n import t
from jiebei_tui.text.width import width as cells

GAP = 2  # columns between two keys


class KeyBar(Widget):
    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        width: 1fr;
        height: auto;
        padding: 0 1;
        color: $footer-foreground;
        background: $footer-background;
        link-style: none;
        link-color: $footer-foreground;
        link-background: $footer-background;
        link-style-hover: bold;
        link-background-hover: $block-hover-background;
    }
    """

    def __init__(self) -> None:
        super().__init__()
        self._entries: tuple[tuple[str, str, str, bool], ...] = ()

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)
        self._entries = self.entries()

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, _screen) -> None:
        entries = self.entries()
        if entries != self._entries:
            self._entries = entries
            self.refresh(layout=True)

    def entries(self) -> tuple[tuple[str, str, str, bool], ...]:
        """(keys as shown, words, the key a click presses, enabled) for each entry, the screen's own keys
        first, then the app's, each in the registry's order; actions of one group share one entry."""
        app, lang = self.app, self.app.lang
        found: dict[str, tuple[Action, str, Binding, bool]] = {}
        for node, binding, enabled, _tooltip in self.screen.active_bindings.values():
            action = BY_ID.get(binding.id or "")
            if action is None or not action.bar or not binding.show or action.name in found:
                continue
            found[action.name] = (action, app.get_key_display(binding), binding, enabled)
        if self.screen.is_modal:  # a dialog: the app's priority keys (palette, quit) still work over it
            for action in BY_ID.values():
                key = key_of(action, getattr(app, "keymap", {}))
                if action.app_wide and action.priority and action.bar and key and action.name not in found:
                    binding = Binding(key, action.run, id=action.id)
                    found[action.name] = (action, app.get_key_display(binding), binding, True)
        order = {a.name: n for n, a in enumerate(BY_ID.values())}
        ranked = sorted(found.values(), key=lambda f: (f[0].app_wide, order[f[0].name]))
        entries: list[tuple[str, str, str, bool]] = []
        groups: dict[str, int] = {}
        for action, shown, binding, enabled in ranked:
            if action.group and action.group in groups:
                index = groups[action.group]
                keys, words, press, was_enabled = entries[index]
                entries[index] = (f"{keys}/{shown}", words, press, was_enabled or enabled)
                continue
            words = t(f"group.{action.group}", lang) if action.group else label(action, lang)
            if action.group:
                groups[action.group] = len(entries)
            entries.append((shown, words, binding.key.split(",")[0], enabled))
        return tuple(entries)

    def lines(self, width: int) -> list[list[tuple[str, str, str, bool]]]:
        """The entries laid out in lines of at most `width` columns, never splitting an entry."""
        lines: list[list[tuple[str, str, str, bool]]] = [[]]
        used = 0
        for entry in self._entries:
            size = cells(entry[0]) + 1 + cells(entry[1])
            if lines[-1] and used + GAP + size > width:
                lines.append([])
                used = 0
            used += (GAP if lines[-1] else 0) + size
            lines[-1].append(entry)
        return lines

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self.lines(width))

    def render(self) -> Content:
        rows = []
        for line in self.lines(self.size.width):
            parts = []
            for keys, words, press, enabled in line:
                tag = f"{'' if enabled else 'dim '}@click=app.press_key({press!r})"
                parts.append(
                    f"[{tag}][bold $footer-key-foreground]{escape(keys)}[/] "
                    f"[$footer-description-foreground]{escape(words)}[/][/]"
                )
            rows.append((" " * GAP).join(parts))
        return Content.from_markup("\n".join(rows))
