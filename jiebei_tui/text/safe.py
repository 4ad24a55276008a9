"""Text that came from a file or a person, made safe to show: control characters and bidi overrides become
visible escapes (`\\x1b`, `\\u202e`) instead of acting on the terminal, the app, a notification or a calendar.

Input is refused at the door (domain/free_text.py `clean_text`, the same characters); this is for text that
arrived another way (a hand-edited ledger) and must still never reach a screen raw.
"""

from __future__ import annotations

from jiebei_tui.domain.free_text import BIDI, escape_char, first_unsafe, unsafe_char

__all__ = ["BIDI", "unsafe", "visible", "quoted"]

unsafe = unsafe_char  # the one definition lives with the input rule


def visible(text: str) -> str:
    """`text` with every unsafe character written as a Python-style escape, so it shows and cannot act."""
    if first_unsafe(text) is None:  # the common case, in C
        return text
    return "".join(escape_char(ch) if unsafe_char(ch) else ch for ch in text)


def quoted(value: object, limit: int = 40) -> str:
    """A value as an error sentence quotes it: visible, at most `limit` characters (cut with …), in quotes.
    An escape is never cut in half."""
    pieces: list[str] = []
    size = 0
    for ch in _text_of(value):
        piece = escape_char(ch) if unsafe_char(ch) else ch
        if size + len(piece) > limit:  # too long: make room for the ellipsis
            while size > limit - 1:
                size -= len(pieces.pop())
            pieces.append("…")
            break
        pieces.append(piece)
        size += len(piece)
    return '"' + "".join(pieces) + '"'


def _text_of(value: object) -> str:
    """str(value), except for an integer too long to convert (Python refuses over 4,300 digits)."""
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 128:
        digits = int(value.bit_length() * 0.30103) + 1
        return f"{'-' if value < 0 else ''}<a number of about {digits} digits>"
    return value if isinstance(value, str) else str(value)
