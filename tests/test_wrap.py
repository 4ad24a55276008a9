"""Lines break where a reader expects (text/width.py wrap): Chinese after a clause's punctuation and never
between a number and its measure word, English at spaces; no line wider than asked; nothing lost."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jiebei_tui.text.i18n import STRINGS
from jiebei_tui.text.width import CLOSING, wide, width, wrap

ENDS = "：，；。）、！？」"


def filled(template: str) -> str:
    """A string as shown: each placeholder filled with a figure (a raw `{overdue_principal}` is a 19-column word
    no text ever shows)."""
    return re.sub(r"\{[^{}]*\}", "1,234.56", template)


CHINESE = [filled(zh) for _en, zh in STRINGS.values() if len(zh) > 30]
ENGLISH = [filled(en) for en, _zh in STRINGS.values() if len(en) > 30]


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize("size", range(20, 81, 3))
def test_a_number_stays_with_its_measure_word(size: int) -> None:
    text = "但这不是拖延的理由：罚息从第 1 天起就在计算，额度已冻结，哪怕逾期一天也可能上报征信。人工电话通常在第 30 天左右开始。"
    lines = wrap(text, size)
    for a, b in zip(lines, lines[1:]):
        assert not (a.endswith("第") or a.endswith("第 1") or b.startswith("天") or b.startswith("1 天")), (a, b)


@pytest.mark.parametrize("size", range(30, 81, 5))
def test_a_clause_ends_a_line_when_that_leaves_it_half_full(size: int) -> None:
    """A line broken between two characters of one clause had no clause ending in its second half."""
    for text in CHINESE:
        lines = wrap(text, size)
        for line, following in zip(lines, lines[1:]):
            if not (wide(line[-1]) and wide(following[0])) or line[-1] in ENDS or following[0] in "（「《":
                continue  # ended at a clause, a space or a bracket
            ends = [width(line[: n + 1]) for n, ch in enumerate(line)
                    if ch in ENDS and line[n + 1: n + 2] not in CLOSING]  # where a break may go
            assert all(end * 2 < size for end in ends), (line, following)


def test_closing_punctuation_never_starts_a_line() -> None:
    for size in range(20, 60):  # (narrower, "（{start}）" alone may not fit on a line)
        for text in CHINESE:
            for line in wrap(text, size)[1:]:
                assert line[:1] not in "，。、；：！？）」", (size, line)


@pytest.mark.parametrize("size", [24, 40, 60, 74])
def test_english_breaks_at_spaces(size: int) -> None:
    for text in ENGLISH:
        if "\n" in text or any(width(word) > size for word in text.split()) or any(wide(ch) for ch in text):
            continue  # (an English sentence quoting Chinese, e.g. a law's name, may break inside the Chinese)
        assert " ".join(wrap(text, size)).split() == text.split()


@given(st.sampled_from(CHINESE + ENGLISH), st.integers(min_value=8, max_value=100))
def test_no_line_is_too_wide_and_nothing_is_lost(text: str, size: int) -> None:
    lines = wrap(text, size)
    assert all(width(line) <= size for line in lines)
    assert squeeze("".join(lines)) == squeeze(text)
