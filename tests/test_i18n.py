"""Every string in both languages, with the same placeholders."""

from __future__ import annotations

import string

import pytest

from jiebei_tui.text.i18n import STRINGS, system_lang, t


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("key", sorted(STRINGS))
def test_every_key_has_both_languages(key: str) -> None:
    en, zh = STRINGS[key]
    assert en.strip() and zh.strip()
    assert fields(en) == fields(zh), key


def test_amounts_and_dates_are_formatted() -> None:
    from datetime import date
    from decimal import Decimal

    assert t("cli.recorded", "en", kind="repayment", amount=Decimal("1234.5"), date=date(2025, 2, 10), loan="L1") == (
        "Recorded repayment of ¥1,234.50 on 2025-02-10 for L1."
    )


@pytest.mark.parametrize(("value", "lang"), [("zh_CN.UTF-8", "zh"), ("en_US.UTF-8", "en"), ("C", "en")])
def test_locale_picks_the_language(monkeypatch, value: str, lang: str) -> None:
    for name in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", value)
    assert system_lang() == lang


def test_no_key_is_written_twice_in_one_table() -> None:
    """A dict literal keeps the last of two equal keys without a word: the first meaning is lost silently (a
    letter's sentence once became a form label that way). Each table is read as source to catch it."""
    import ast
    from pathlib import Path

    import jiebei_tui.text as text

    root = Path(text.__file__).parent
    for path in [root / "i18n.py", *sorted((root / "strings").glob("*.py"))]:
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Dict):
                keys = [k.value for k in node.keys if isinstance(k, ast.Constant) and isinstance(k.value, str)]
                twice = sorted({k for k in keys if keys.count(k) > 1})
                assert not twice, f"{path.name}: {twice} written twice"


def test_no_key_is_given_in_two_tables() -> None:
    """The tables are merged into one: a key in two of them (two front doors adding words at once) keeps one
    meaning silently, as a key written twice in one table does."""
    import ast
    from collections import Counter
    from pathlib import Path

    import jiebei_tui.text

    folder = Path(jiebei_tui.text.__file__).parent
    keys: Counter[str] = Counter()
    for path in [*sorted((folder / "strings").glob("*.py")), folder / "i18n.py"]:
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Dict):
                keys.update(k.value for k in node.keys if isinstance(k, ast.Constant) and isinstance(k.value, str)
                            and "." in k.value)
    assert [key for key, n in keys.items() if n > 1] == []


def test_parts_of_a_sentence_take_the_language_s_own_punctuation() -> None:
    from jiebei_tui.text.i18n import joined

    assert joined(["利息 ¥47.23", "本金 ¥799.33"], "zh") == "利息 ¥47.23，本金 ¥799.33"
    assert joined(["a", "b"], "zh", strong=True) == "a；b"
    assert joined(["interest ¥47.23", "principal ¥799.33"], "en") == "interest ¥47.23, principal ¥799.33"
    assert joined(["a", "b"], "en", strong=True) == "a; b"
