"""Text that came from a file or a person, made safe to show: control characters and bidi overrides become
visible escapes (`\\x1b`, `\\u202e`) instead of acting on the terminal, the app, a notification or a calendar.

Input is refused at the door (the domain's name rules); this is for text that arrived another way (a
hand-edited ledger) and must still never reach a screen raw.
"""

from __future__ import annotations

import unicodedata

# bidi embeddings, overrides and isolates, and the zero-width marks that can hide or reorder text
BIDI = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")


def unsafe(ch: str) -> bool:
    """A character that must not reach a terminal or a screen as it is."""
    return ch in BIDI or unicodedata.category(ch) in ("Cc", "Cs") or ch in "\u2028\u2029"


def visible(text: str) -> str:
    """`text` with every unsafe character written as a Python-style escape, so it shows and cannot act."""
    if text.isprintable() and not any(ch in BIDI for ch in text):  # the common case, in C
        return text
    out = []
    for ch in text:
        if unsafe(ch):
            code = ord(ch)
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")
        else:
            out.append(ch)
    return "".join(out)
