"""An Input for a figure (an amount, a date, a time, a number of days, a rate, a count) that shows what a Chinese
input method types in its ASCII form as it is typed: `１，０００．５０` becomes `1,000.50` in the field.

A full-width character takes two cells, so in a narrow field the typed text would scroll out of view. Here the
full-width ASCII forms (U+FF01..U+FF5E) become their ASCII characters and the ideographic space (U+3000) a space;
nothing else changes (the Chinese full stop 。 stays as typed: the parsers do not read it as a point, so neither
does the field). The parsers (domain/terms.py) read full-width digits anyway, so the figure is the same either way:
only what the borrower sees changes. Free text (a name, a note, a path, a command) stays a TextInput as typed: a
name may contain full-width characters.

Every edit of an Input (a key, a paste, the clipboard's paste, typing over a selection) goes through its public
`replace(text, start, end)`, so that is the one place the text is made ASCII, before the Input's own `restrict`
and `max_length` checks; each character maps to one character, so the cursor lands after the text as for ASCII.
"""

from __future__ import annotations

from jiebei_tui.tui.widgets.text_input import TextInput

FULL_WIDTH_ASCII = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)} | {0x3000: ord(" ")}


def ascii_form(text: str) -> str:
    """`text` with full-width ASCII forms and the ideographic space made ASCII (one character for one)."""
    return text.translate(FULL_WIDTH_ASCII)


class FigureInput(TextInput):
    """An Input for a figure: full-width ASCII forms typed or pasted into it are shown (and kept) as ASCII."""

    def replace(self, text: str, start: int, end: int) -> None:
        super().replace(ascii_form(text), start, end)
