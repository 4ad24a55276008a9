"""Lines break where a reader expects (text/width.py wrap): Chinese after a clause's punctuation and never
between a number and its measure word, English at spaces; no line wider than asked; nothing lost."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jiebei_tui.text.i18n import STRINGS
from jiebei_tui.text.width import CLOSING, WORDS, _break_before, _units, wide, width, wrap

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


# --- words, amounts and items kept whole (the cold trial's lines at 80×24) ---

def could_break(line: str) -> bool:
    """Whether a line has a place where it may break (else wrap cut it where it was full)."""
    units = _units(line)
    return any(_break_before(units, j) for j in range(1, len(units)))


def test_the_app_s_words_are_not_split_where_a_line_can_break_elsewhere() -> None:
    """"及本 / 金 ¥483.23", "结清金 / 额 ¥9,320.29", "的利 / 息": a line broke inside a word of the app."""
    for size in range(24, 81):
        for text in CHINESE:
            if "`" in text:  # (a command in backticks is never broken at its spaces: too long, it is cut anywhere)
                continue
            lines = wrap(text, size)
            for a, b in zip(lines, lines[1:]):
                if a and b and wide(a[-1]) and wide(b[0]) and could_break(a):  # (else it was cut: no place)
                    assert a[-1] + b[0] not in WORDS, (size, a, b)


@pytest.mark.parametrize("size", range(40, 80))
def test_the_prepay_explanation_breaks_between_phrases(size: int) -> None:
    text = ("¥3,000.00 中：¥900.20 先还清逾期欠款；¥816.33 还清第 3 期（计到 2026-12-28 的利息 ¥22.64 及本金 ¥483.23）；"
            "剩余 ¥1,283.47 提前偿还本金。第 3 期随之还清，不必再单独还。")
    lines = wrap(text, size)
    assert squeeze("".join(lines)) == squeeze(text)
    for a, b in zip(lines, lines[1:]):
        assert (a[-2:], b[:1]) not in {("及本", "金"), ("的利", "息"), ("结清", "金")}, (a, b)
        assert not b.startswith("¥") or a.endswith("；"), (a, b)  # an amount stays with what it is the amount of


@pytest.mark.parametrize("size", range(30, 120))
def test_items_set_apart_by_a_dot_break_between_them(size: int) -> None:
    """Help's "· f / How is this computed?", the payments' "Prepaid / ¥0.00": a key or a label and what it
    names on two lines. A line ends at an item's end when that leaves it half full, never after a key."""
    for text in ("Repay: p Record a repayment · s Settle the loan · r Prepay part of the principal · f How is this "
                 "computed?",
                 "E6: Penalty ¥0.00 · Interest ¥80.00 · Principal ¥816.97 · Prepaid ¥0.00 · Fee ¥0.00"):
        lines = wrap(text, size)
        assert " ".join(lines).split() == text.split()
        for line, following in zip(lines, lines[1:]):
            assert not re.search(r"(^|· )\S+$|·$", line), lines  # a key (or a dot) left at a line's end
            assert not following.startswith("¥"), lines
            item_end = [n for n in range(len(line)) if line[n:n + 3] == " · "]
            if item_end and item_end[-1] * 2 >= size:  # an item ended in the line's second half: broken there
                assert following.startswith("· "), lines


def test_a_loan_name_s_dot_is_not_where_a_reminder_line_breaks() -> None:
    """A reminder in the preview, 74 columns: it broke after "应急借款", a third full, at the dot in the name."""
    line = ("11-29 10:00  R4  应急借款 · Rent gap (demo)：已逾期 7 天（2026-11-22 到期）。还 ¥900.74 即可结清逾期；"
            "罚息每天约增加 ¥0.54。")
    assert not wrap(line, 74)[0].endswith("应急借款")


def test_a_line_of_amounts_only_still_breaks() -> None:
    """An amount keeps to what it names, not to another amount: a run of amounts breaks between them."""
    assert wrap("¥1.00 ¥2.00 ¥3.00", 12) == ["¥1.00 ¥2.00", "¥3.00"]


def test_a_dot_inside_quotes_is_part_of_a_name_not_a_boundary() -> None:
    """The request letter: “应急借款 / · Rent gap (demo)” broke at the name's own dot, a line from full."""
    for text in ("I borrowed ¥10,000.00 on 2026-10-02 (loan L3, “应急借款 · Rent gap (demo)”) at a daily rate of 0.04% "
                 "(14.60% a year, simple), to repay in 12 monthly instalments.",
                 "本人于 2026-10-02 借款 ¥10,000.00（借款 L3，“应急借款 · Rent gap (demo)”），日利率 0.04%（年化单利 "
                 "14.60%），分 12 期按月还款。"):
        for size in range(40, 100):
            assert not any(line.endswith("应急借款") for line in wrap(text, size)), size


def test_a_command_in_backticks_is_read_whole() -> None:
    """Help's "`jiebei-tui / terms set`" and "{"jiebei.pay": / "r"}": a command split at its spaces."""
    text = ("Terms: enter your contract's figures on Overdue or with `jiebei-tui terms set`; keys can be remapped, "
            "e.g. `{\"jiebei.pay\": \"r\"}`.")
    for size in range(26, 80):
        for line in wrap(text, size):
            assert line.count("`") % 2 == 0, (size, line)
