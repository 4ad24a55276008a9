"""Terminal width of text: Chinese characters take two columns, so tables pad by display width."""

from __future__ import annotations

import unicodedata


def width(text: str) -> int:
    if text.isascii():  # the common case, and much faster than asking unicodedata per character
        return len(text)
    return sum(
        1 if ch < "\u0300" else 2 if unicodedata.east_asian_width(ch) in "WF" else 0 if unicodedata.combining(ch) else 1
        for ch in text
    )


def pad(text: str, size: int, right: bool = False) -> str:
    gap = " " * max(size - width(text), 0)
    return gap + text if right else text + gap


def shorten(text: str, size: int) -> str:
    """Cut text to `size` columns, ending in … when cut."""
    if width(text) <= size:
        return text
    out = ""
    for ch in text:
        if width(out + ch) > size - 1:
            break
        out += ch
    return out + "…"


def table(headers: list[str], rows: list[list[str]], right: set[int] | None = None) -> str:
    """A plain-text table; columns in `right` are right-aligned (amounts)."""
    right = right or set()
    sizes = [max([width(h)] + [width(r[i]) for r in rows]) for i, h in enumerate(headers)]
    lines = ["  ".join(pad(h, sizes[i], i in right) for i, h in enumerate(headers)).rstrip()]
    lines.append("  ".join("─" * s for s in sizes))
    lines += ["  ".join(pad(c, sizes[i], i in right) for i, c in enumerate(r)).rstrip() for r in rows]
    return "\n".join(lines)


def pairs(items: list[tuple[str, str]]) -> str:
    """Label: value lines with the values lined up."""
    size = max((width(label) for label, _ in items), default=0)
    return "\n".join(f"{pad(label, size)}  {value}" for label, value in items)
