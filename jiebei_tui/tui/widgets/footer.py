"""The key bar at the bottom of every section and dialog: the keys that work here, in the language in force.

What it shows comes from the screen's active bindings (Textual's public `active_bindings`, so a remapped key
shows its new key and a disabled action is left out) labelled from the action registry (actions/registry.py)
by binding id. It wraps onto a second line rather than cutting keys off; when the keys would take more than two
lines (80 columns), the six section keys share one entry ("1-6 Sections"), so every key stays visible in either
language and the section keeps its rows. A click on a key presses it.

Toasts sit just above it: as it changes height (one line of keys or two), it sets the screen's toast rack's
bottom margin to its own height, so a toast never covers a key (their size is set in app.tcss).

It redraws only when what it shows changes (keys, words, width): a section switch or a focus change that
leaves the keys as they were costs a comparison, not a rebuild.
"""

from __future__ import annotations

from textual.binding import Binding
from textual.content import Content
from textual.geometry import Size
from textual.markup import escape
from textual.widget import Widget
from textual.widgets._toast import ToastRack  # as app.py: the rack Textual gives each screen for its toasts

from jiebei_tui.actions.registry import BY_ID, SECTIONS, Action, key_of, label
from jiebei_tui.text.i18n import t
from jiebei_tui.text.width import width as cells

GAP = 2  # columns between two keys
MAX_LINES = 2  # more than this and the section keys share one entry
Entry = tuple[str, str, str, bool]  # (keys as shown, words, the key a click presses, enabled)


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
        self._entries: tuple[Entry, ...] = ()
        self._condensed: tuple[tuple[Entry, ...] | None, tuple[Entry, ...]] = (None, ())

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)
        self._entries = self.entries()

    def on_resize(self) -> None:
        """Toasts above the keys, whatever the bar's height."""
        for rack in self.screen.query_children(ToastRack):
            rack.styles.margin = (0, 0, self.outer_size.height, 0)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, _screen) -> None:
        entries = self.entries()
        if entries != self._entries:
            self._entries = entries
            self.refresh(layout=True)

    def entries(self, condensed: bool = False) -> tuple[Entry, ...]:
        """(keys as shown, words, the key a click presses, enabled) for each entry, the screen's own keys
        first, then the app's, each in the registry's order; actions of one group share one entry, and so do
        the section keys when `condensed`."""
        app, lang = self.app, self.app.lang
        found: dict[str, tuple[Action, str, Binding, bool]] = {}
        for node, binding, enabled, _tooltip in self.screen.active_bindings.values():
            action = BY_ID.get(binding.id or "")
            if action is None or not action.bar or not binding.show or action.name in found:
                continue
            found[action.name] = (action, app.get_key_display(binding), binding, enabled)
        if self.screen.is_modal:  # a dialog: the app's priority keys still working over it (palette, quit; not 1-6)
            for action in BY_ID.values():
                key = key_of(action, getattr(app, "keymap", {}))
                if (action.app_wide and action.priority and action.bar and key and action.name not in found
                        and app.check_action(action.run.split("(")[0], ())):
                    binding = Binding(key, action.run, id=action.id)
                    found[action.name] = (action, app.get_key_display(binding), binding, True)
        order = {a.name: n for n, a in enumerate(BY_ID.values())}
        ranked = sorted(found.values(), key=lambda f: (f[0].app_wide, order[f[0].name]))
        entries: list[Entry] = []
        groups: dict[str, int] = {}
        for action, shown, binding, enabled in ranked:
            group = "sections" if condensed and action.app_wide and action.name in SECTIONS else action.group
            if group and group in groups:
                index = groups[group]
                keys, words, press, was_enabled = entries[index]
                entries[index] = (_joined(keys, shown), words, press, was_enabled or enabled)
                continue
            own = getattr(self.screen, "KEY_WORDS", {}).get(action.name)  # "Close" on a dialog to read
            words = t(f"group.{group}", lang) if group else t(own, lang) if own else label(action, lang)
            if group:
                groups[group] = len(entries)
            entries.append((shown, words, binding.key.split(",")[0], enabled))
        return tuple(entries)

    def shown(self, width: int) -> tuple[Entry, ...]:
        """The entries the bar shows at `width`: all of them, or with the section keys as one entry when they
        would take more than MAX_LINES lines."""
        if len(_laid_out(self._entries, width)) <= MAX_LINES:
            return self._entries
        if self._condensed[0] is not self._entries:  # worked out once per set of keys
            self._condensed = (self._entries, self.entries(condensed=True))
        return self._condensed[1]

    def lines(self, width: int) -> list[list[Entry]]:
        return _laid_out(self.shown(width), width)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return max(len(self.lines(width)), self.beneath(width))

    def beneath(self, width: int) -> int:
        """A dialog's bar is as tall as the bar of the screen beneath it: a shorter one would leave that bar's
        first line showing, dimmed, above its own (a section's two lines of keys at 80 columns)."""
        if not self.screen.is_modal or self.screen not in self.app.screen_stack:
            return 0
        below = self.app.screen_stack[: self.app.screen_stack.index(self.screen)]
        for screen in reversed(below):
            bars = screen.query(KeyBar)
            if bars:
                return len(bars.first().lines(width))
        return 0

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


def _joined(keys: str, key: str) -> str:
    """Keys of one entry: a run of digits one after another as "1-6", others joined by "/" ("1-3/o/5-6")."""
    *before, last = keys.split("/")
    first, _, end = last.partition("-")
    end = end or first
    if end.isdigit() and key.isdigit() and len(key) == 1 and int(key) == int(end) + 1:
        return "/".join([*before, f"{first}-{key}"])
    return f"{keys}/{key}"


def _laid_out(entries: tuple[Entry, ...], width: int) -> list[list[Entry]]:
    """The entries in lines of at most `width` columns, never splitting an entry."""
    lines: list[list[Entry]] = [[]]
    used = 0
    for entry in entries:
        size = cells(entry[0]) + 1 + cells(entry[1])
        if lines[-1] and used + GAP + size > width:
            lines.append([])
            used = 0
        used += (GAP if lines[-1] else 0) + size
        lines[-1].append(entry)
    return lines
