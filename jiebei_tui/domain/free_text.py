"""Text a person types (a loan's name, a funding account, a reason or a note): what is allowed in it.

Control characters (ESC, BEL, newline, DEL, the C1 range), lone surrogates, bidi embeddings, overrides and
isolates, and the line and paragraph separators are refused at the door with a sentence: they could retitle a
terminal, wipe its rows, forge a table row or reorder what a reader sees. text/safe.py escapes the same
characters when text that arrived another way (a hand-edited ledger) is shown.
"""

from __future__ import annotations

import functools
import unicodedata

from jiebei_tui.domain.errors import InputError

# bidi embeddings, overrides and isolates, and the marks that can reorder text invisibly
BIDI = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")
SEPARATORS = frozenset("\u2028\u2029")
# letters and symbols that show as nothing (besides format characters such as the zero-width space and joiners)
BLANKS = frozenset("\u115f\u1160\u3164\uffa0\u2800")


def unsafe_char(ch: str) -> bool:
    """A character that must not reach a terminal, a screen or a file's reader as it is."""
    return ch in BIDI or ch in SEPARATORS or unicodedata.category(ch) in ("Cc", "Cs")


def first_unsafe(text: str, allow: str = "") -> int | None:
    """The index of the first unsafe character in `text` (characters in `allow` excepted), or None."""
    plain = text.translate(_without(allow)) if allow else text
    if plain.isprintable() and not BIDI.intersection(plain):  # the common case, in C
        return None
    for index, ch in enumerate(text):
        if ch not in allow and unsafe_char(ch):
            return index
    return None


@functools.lru_cache(maxsize=8)
def _without(allow: str) -> dict[int, None]:
    return {ord(ch): None for ch in allow}


def escape_char(ch: str) -> str:
    """How an unsafe character is written when it is shown: `\\x1b`, `\\u202e`."""
    code = ord(ch)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def clean_text(
    value: object,
    field: str,
    max_len: int,
    *,
    required: bool = True,
    multiline: bool = False,
    rule: str | None = None,
) -> str:
    """Typed-in text as it will be stored: runs of spaces become one space (within each line when `multiline`),
    leading and trailing space goes. Raises InputError naming `field`:
    - rule "text_control" for a control character or bidi override (a newline is allowed only when
      `multiline`), with the character (escaped) and its position;
    - `rule` (default "text" when `required`, else "text_optional") when the result is empty but required, or
      longer than `max_len` characters; its sentence gets `max`;
    - "text_invisible" when it is required and every character shows as nothing (zero-width spaces, joiners,
      fillers)."""
    text = "" if value is None else value if isinstance(value, str) else str(value)
    if multiline:
        text = text.replace("\r\n", "\n")
    bad = first_unsafe(text, "\n" if multiline else "")
    if bad is not None:
        raise InputError(field, value, "text_control", char=escape_char(text[bad]), position=bad + 1)
    if multiline:
        lines = [" ".join(line.split()) for line in text.split("\n")]
        cleaned = "\n".join(lines).strip("\n")
    else:
        cleaned = " ".join(text.split())
    length_rule = rule or ("text" if required else "text_optional")
    if len(cleaned) > max_len or (required and not cleaned):
        raise InputError(field, value, length_rule, max=max_len)
    if required and not any(_shows(ch) for ch in cleaned):  # a name of zero-width spaces is no name
        raise InputError(field, value, "text_invisible")
    return cleaned


def _shows(ch: str) -> bool:
    return not (ch.isspace() or ch in BLANKS or unicodedata.category(ch) == "Cf")
