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


# --- lines broken where a reader expects them, in Chinese as in English ---
# Chinese has no spaces between words: a line may break between two characters, but it reads best after a
# clause's punctuation, and a number must stay with its measure word ("第 1 天", "逾期 6 天"), even where a
# space separates them. English breaks at spaces. `wrap` does both.

CLOSING = set("，。、；：！？）」』》〉】…—,.;:!?)]}%")  # never starts a line
OPENING = set("（「『《〈【([{¥")  # never ends a line
PHRASE_END = set("，。、；：！？）」』》〉】")  # a clause ends: the preferred place for a break


def wide(ch: str) -> bool:
    return ch >= "\u2e80" and unicodedata.east_asian_width(ch) in "WF"


def _units(text: str) -> list[str]:
    """Words of Latin text, each wide (CJK) character alone, and runs of spaces."""
    units: list[str] = []
    word = ""
    for ch in text:
        if ch == " " or wide(ch):
            if word:
                units.append(word)
                word = ""
            if ch == " " and units and units[-1].startswith(" "):
                units[-1] += ch
            else:
                units.append(ch)
        else:
            word += ch
    if word:
        units.append(word)
    return units


def _break_before(units: list[str], i: int) -> int:
    """How good a line break before units[i] is: 2 a phrase boundary, 1 acceptable, 0 never. Two or more
    spaces separate items (figures laid out on a line): always a boundary."""
    before, here = units[i - 1], units[i]
    if here.startswith(" "):
        return 0  # break after the spaces, not before them
    if before.startswith(" "):
        left, right = units[i - 2] if i >= 2 else "", here
        if len(before) == 1 and left and (wide(left[-1]) or wide(right[0])):
            return 0  # a space between Chinese and a number or word keeps them together ("第 1 天")
        return 2
    if here[0] in CLOSING or before[-1] in OPENING:
        return 0
    if before[-1] in PHRASE_END or here[0] in OPENING or before.endswith("——"):
        return 2
    if wide(before[-1]) and wide(here[0]):
        return 1
    return 0  # Chinese against a Latin word with no space ("M1" in "逾期M1"): together


def wrap(text: str, size: int) -> list[str]:
    """`text` in lines of at most `size` columns (its own newlines kept). In a line too full to take the next
    word, the break goes at the last phrase boundary if that leaves the line at least half full, else at the
    last place a break is acceptable, else the word is cut."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        lines += _wrap_paragraph(paragraph, max(size, 1))
    return lines


def _wrap_paragraph(text: str, size: int) -> list[str]:
    units = _units(text)
    lines: list[str] = []
    start = 0  # the first unit of the line being filled
    while start < len(units):
        if units[start].startswith(" "):
            start += 1
            continue
        used, i = 0, start
        while i < len(units) and used + width(units[i]) <= size:
            used += width(units[i])
            i += 1
        if i == len(units):
            lines.append("".join(units[start:]).rstrip())
            break
        if i == start:  # one word wider than the line: cut it
            cut = shorten_cut(units[start], size)
            lines.append(cut)
            units[start] = units[start][len(cut):]
            continue
        best = {2: None, 1: None}
        filled = 0
        for j in range(start + 1, i + 1):
            filled += width(units[j - 1])
            grade = _break_before(units, j) if j < len(units) else 2
            if grade:
                best[grade] = (j, filled)
        phrase, any_break = best[2], best[1]
        if phrase and (phrase[1] * 2 >= size or not any_break or any_break[0] < phrase[0]):
            end = phrase[0]
        elif any_break:
            end = any_break[0]
        elif phrase:
            end = phrase[0]
        else:
            end = i  # no acceptable place: cut where the line is full
            while end - 1 > start and units[end][0] in CLOSING:
                end -= 1  # not a comma at the start of the next line: take a character along with it
        lines.append("".join(units[start:end]).rstrip())
        start = end
    return lines or [""]


def shorten_cut(text: str, size: int) -> str:
    """The longest start of `text` that fits in `size` columns (at least one character)."""
    out = ""
    for ch in text:
        if out and width(out + ch) > size:
            break
        out += ch
    return out
