"""Rich styles for table cells, taken from the active Textual theme (DataTable cells are Rich text, which
cannot use $variables), so every built-in theme colours the badges its own way."""

from __future__ import annotations

from textual.app import App

# what a badge or status looks like: (theme colour, extra style)
LOOKS = {
    "overdue": ("error", "bold reverse"),
    "due_today": ("warning", "bold reverse"),
    "due_soon": ("warning", "bold"),
    "due": ("warning", "bold"),
    "partial": ("warning", ""),
    "on_track": ("success", ""),
    "penalty": ("error", "bold"),
    "paid_off": (None, "dim"),
    "paid": (None, "dim"),
    "upcoming": (None, ""),
}


def style(app: App, look: str) -> str:
    colour_name, extra = LOOKS.get(look, (None, ""))
    colour = getattr(app.current_theme, colour_name, None) if colour_name else None
    return f"{extra} {colour}".strip() if colour else extra
