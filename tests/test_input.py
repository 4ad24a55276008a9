"""Typed-in numbers, dates and text at the door (domain/terms.py, domain/free_text.py) and how a refusal reads
(text/i18n.py render_input_error, text/safe.py quoted)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jiebei_tui.domain.errors import InputError
from jiebei_tui.domain.free_text import clean_text, unsafe_char
from jiebei_tui.domain.ledger import Ledger, clean_name, set_auto_debit
from jiebei_tui.domain.reminder_settings import parse_offset
from jiebei_tui.domain.terms import (
    parse_amount,
    parse_daily_rate,
    parse_date,
    parse_datetime,
    parse_in_range,
    parse_principal,
    parse_repayment_day,
    parse_term,
)
from jiebei_tui.text.safe import quoted, visible

# --- numbers ---


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("1000", Decimal("1000.00")),
        ("１０００", Decimal("1000.00")),  # what a Chinese input method types
        ("１，０００．５０", Decimal("1000.50")),
        ("1,000.00", Decimal("1000.00")),
        ("1,000,000", Decimal("1000000.00")),
        ("  250.5 ", Decimal("250.50")),
        ("\u3000250\u3000", Decimal("250.00")),  # ideographic spaces around it
        ("+12", Decimal("12.00")),
        (".5", Decimal("0.50")),
    ],
)
def test_amounts_in_ascii_or_full_width(typed: str, value: Decimal) -> None:
    assert parse_amount(typed) == value


@pytest.mark.parametrize(
    "typed",
    [
        "①", "²", "1²", "٣", "𝟓", "½", "Ⅻ", "１₀",  # isdigit() or numeric, but not digits a person means
        "1_000", ",,,5", "1,00", "1,0000", "10,00.5", ",5", "5,", "1.2.3", "5.", "5 000", "5\u00a0000",
        "+-+1", "--1", "+", "-", "", "   ", "NaN", "nan", "sNaN", "Infinity", "-Infinity", "inf", "1e3", "1E+2",
        "1e400", "0x10", "0b1", "12abc", "¥100", "100元", "5" * 5000, "1" * 25,
    ],
)
def test_amounts_refused(typed: str) -> None:
    with pytest.raises(InputError) as err:
        parse_amount(typed, "amount")
    assert err.value.field == "amount" and err.value.value == typed


def test_an_amount_refusal_names_the_most_allowed() -> None:
    """The most one amount may be is 10 x the largest principal (1,000,000.00): 10,000,000.00. Too large or in
    exponent form, the sentence says so in both languages, naming that figure."""
    assert parse_amount("10,000,000") == Decimal("10000000.00")
    for typed in ("10000000.01", "99999999999", "1e9", "1E+2"):
        with pytest.raises(InputError) as err:
            parse_amount(typed, "amount")
        assert err.value.rule == "amount" and err.value.value == typed
        assert err.value.sentence("en") == (
            f'--amount "{typed}" is not allowed: an amount must be more than 0 and at most ¥10,000,000.00, written '
            "in digits (1000 or 1,000.50) with at most 2 decimals.")
        assert "不超过 ¥10,000,000.00，用数字书写（如 1000 或 1,000.50），最多两位小数" in err.value.sentence("zh")


def test_negative_zero_is_not_an_amount() -> None:
    for typed in ("-0", "-0.00", "－０"):
        with pytest.raises(InputError):
            parse_principal(typed)


@pytest.mark.parametrize(
    ("typed", "rate"),
    [("0.0004", Decimal("0.0004")), ("0.04%", Decimal("0.0004")), ("0.05％", Decimal("0.0005")),
     ("０．０５％", Decimal("0.0005")), ("0.1%", Decimal("0.001")), ("0.000001", Decimal("0.000001"))],
)
def test_daily_rate_as_fraction_or_percentage(typed: str, rate: Decimal) -> None:
    assert parse_daily_rate(typed) == rate


@pytest.mark.parametrize("typed", ["0.11%", "0%", "%", "0.04%%", "%0.04", "0.0000001", "0.00000001%", "4e-4", "0.04 %x"])
def test_daily_rate_refused(typed: str) -> None:
    with pytest.raises(InputError) as err:
        parse_daily_rate(typed)
    assert err.value.rule == "daily_rate"


@pytest.mark.parametrize(("typed", "n"), [("12", 12), ("１２", 12), ("+12", 12), ("012", 12)])
def test_whole_numbers(typed: str, n: int) -> None:
    assert parse_term(typed) == n


@pytest.mark.parametrize("typed", ["²", "①", "١٢", "1.0", "1e1", "1_2", "+-+1", "", " ", "12 months", "9" * 4301, "9" * 7])
def test_whole_numbers_refused_before_conversion(typed: str) -> None:
    with pytest.raises(InputError):
        parse_in_range(typed, "days", "days", 0, 3650, max=3650)


def test_a_huge_integer_is_refused_without_converting_it() -> None:
    with pytest.raises(InputError):
        parse_term(10**5000)
    with pytest.raises(InputError):
        parse_principal(10**5000)
    with pytest.raises(InputError):
        parse_repayment_day(10**5000)


def test_offsets_take_one_sign() -> None:
    assert parse_offset("+3") == 3 and parse_offset("-3") == -3 and parse_offset("－３") == -3
    for typed in ("+-+1", "++1", "--1", "+ 1"):
        with pytest.raises(InputError):
            parse_offset(typed)


@given(st.text(max_size=30))
@settings(max_examples=300, derandomize=True, deadline=None)
def test_any_text_is_a_number_or_a_refusal(typed: str) -> None:
    """Never anything but a Decimal or InputError; an accepted amount was written in ASCII or full-width digits."""
    try:
        amount = parse_amount(typed)
    except InputError:
        return
    assert amount > 0
    normal = typed.strip().translate(str.maketrans("０１２３４５６７８９．，－＋", "0123456789.,-+"))
    assert set(normal) <= set("0123456789.,+")


# --- dates ---


@pytest.mark.parametrize(
    ("typed", "day"),
    [("2025-01-10", dt.date(2025, 1, 10)), ("２０２５－０１－１０", dt.date(2025, 1, 10)),
     ("1990-01-01", dt.date(1990, 1, 1)), ("2099-12-31", dt.date(2099, 12, 31)),
     # as people write dates (the cold trial's, refused before, in the Chinese UI too): the year first, always
     ("2025-1-5", dt.date(2025, 1, 5)), ("2025/1/10", dt.date(2025, 1, 10)), ("2025.01.10", dt.date(2025, 1, 10)),
     ("2025年1月10日", dt.date(2025, 1, 10)), ("２０２５年１月１０日", dt.date(2025, 1, 10)),
     ("2025 年 1 月 10 日", dt.date(2025, 1, 10)), ("２０２５／０１／１０", dt.date(2025, 1, 10))],
)
def test_dates(typed: str, day: dt.date) -> None:
    assert parse_date(typed, "start") == day


@pytest.mark.parametrize(
    "typed",
    ["9999-12-31", "0001-01-01", "2100-01-01", "1989-12-31", "2025-02-30", "20250110", "2025-W02-1", "2025/1-1",
     "10/01/2025", "01-10-2025", "25-1-10", "2025-001-10", "2025/2/30", "2025年13月1日", "2025年1月",
     "2025-01-10T00:00", "+2025-01-10", "２０２５－１３－０１", "²⁰²⁵-01-10", "", "today"],
)
def test_dates_refused_with_the_range_said(typed: str) -> None:
    with pytest.raises(InputError) as err:
        parse_date(typed, "start")
    assert "1990-01-01" in str(err.value) and "2099-12-31" in str(err.value) and "YYYY-MM-DD" in str(err.value)


def test_a_date_object_out_of_range_is_refused() -> None:
    with pytest.raises(InputError):
        parse_date(dt.date(9999, 12, 31), "today")


@pytest.mark.parametrize("typed", ["2025-03-01T09:00", "2025-03-01 09:00", "2025-03-01T09:00:30", "2025-03-01T09:00+08:00"])
def test_moments(typed: str) -> None:
    assert parse_datetime(typed).date() == dt.date(2025, 3, 1)


def test_times_as_an_input_method_types_them() -> None:
    """Full-width digits were taken in amounts and dates but refused in times: ０９：３０ (with the full-width colon)
    for --time, --quiet, --now and a contact's --at (its ideographic space too)."""
    from jiebei_tui.domain.contacts import parse_local_time
    from jiebei_tui.domain.reminder_settings import parse_quiet, parse_time

    assert parse_time("０９：３０") == parse_time("０９:３０") == parse_time("09：30") == dt.time(9, 30)
    assert parse_quiet("２３：００－０７：００") == (True, "23:00", "07:00")
    assert parse_datetime("２０２５－０３－０１Ｔ０９：００".replace("Ｔ", "T")) == dt.datetime(2025, 3, 1, 9, 0)
    assert parse_local_time("２０２５－０２－１５\u3000２２：３０") == dt.datetime(2025, 2, 15, 22, 30)
    for typed in ("９：３０", "２４：００", "09︰30", "⁰⁹:30"):  # one digit, past midnight, another colon, superscripts
        with pytest.raises(InputError):
            parse_time(typed)


@pytest.mark.parametrize(
    "typed", ["0001-01-01T00:00", "9999-12-31T23:59", "2025-03-01", "2025-03-01T9:00", "2025-03-01T24:00", "now", ""]
)
def test_moments_refused(typed: str) -> None:
    with pytest.raises(InputError) as err:
        parse_datetime(typed)
    assert "2099-12-31" in str(err.value)


# --- text ---


@pytest.mark.parametrize(
    "typed",
    ["\x1b]0;owned\x07\x1b[2J", "a\nb", "a\rb", "tab\there", "\u202egnp.exe", "\u2066x\u2069", "x\u0085y", "x\x7fy",
     "x\u2028y", "\x00", "a\udcffb", "\u200fx"],
)
def test_names_with_control_or_bidi_characters_are_refused(typed: str) -> None:
    with pytest.raises(InputError) as err:
        clean_name(typed)
    assert err.value.rule == "text_control"
    sentence = str(err.value)
    assert not any(unsafe_char(ch) for ch in sentence)  # the sentence shows the character, escaped
    assert "\\" in sentence


def test_names_are_trimmed_and_bounded() -> None:
    assert clean_name("  Laptop   loan ") == "Laptop loan"
    assert clean_name("手机　借款") == "手机 借款"  # an ideographic space is a space
    assert clean_name("x" * 40) == "x" * 40
    for typed in ("", "   ", "x" * 41, "x" * 131_072):
        with pytest.raises(InputError) as err:
            clean_name(typed)
        assert err.value.rule == "name"


@pytest.mark.parametrize("typed", ["\u200b", "\u200b \u200d", "\ufeff\u2060", "\u3164", "\u2800\u2800", "\u00ad"])
def test_a_name_that_shows_nothing_is_refused(typed: str) -> None:
    """Zero-width spaces, joiners and fillers passed as a name (a loan "", a scenario "") and made rows that
    looked empty; a name with something visible keeps them (👨‍👩‍👧 needs its joiners)."""
    with pytest.raises(InputError) as err:
        clean_name(typed)
    assert err.value.rule == "text_invisible"
    assert clean_name("👨\u200d👩\u200d👧") == "👨\u200d👩\u200d👧"
    assert clean_text("\u200b", "reason", 200, required=False) == "\u200b"  # optional text is not a name


def test_free_text_helper_for_notes_and_accounts() -> None:
    assert clean_text("", "reason", 200, required=False) == ""
    assert clean_text(" lost  my job \r\n\r\n second line ", "note", 200, multiline=True) == "lost my job\n\nsecond line"
    with pytest.raises(InputError) as err:
        clean_text("line\x1b[2J", "note", 200, multiline=True)
    assert err.value.params == {"char": "\\x1b", "position": 5}
    with pytest.raises(InputError) as err:
        clean_text("x" * 201, "reason", 200, required=False)
    assert err.value.rule == "text_optional" and err.value.params == {"max": 200}


def test_funding_account_is_free_text() -> None:
    ledger = Ledger.model_validate(
        {"loans": [{"id": "L1", "name": "A", "principal": "100", "daily_rate": "0.0004", "term": 3,
                    "method": "equal-installment", "start": "2025-01-10"}]}
    )
    assert set_auto_debit(ledger, "L1", True, "  Bank   card ").loans[0].funding_account == "Bank card"
    with pytest.raises(InputError) as err:
        set_auto_debit(ledger, "L1", True, "card\u202e")
    assert err.value.field == "funding_account"


# --- how a refusal reads ---


def test_a_value_is_quoted_visibly_and_at_most_40_characters() -> None:
    assert quoted("L9") == '"L9"'
    assert quoted("x" * 40) == '"' + "x" * 40 + '"'
    assert quoted("x" * 131_072) == '"' + "x" * 39 + '…"'
    assert quoted("\x1b]0;owned\x07") == '"\\x1b]0;owned\\x07"'
    cut = quoted("a" * 37 + "\x1b" * 3)  # an escape is never cut in half
    assert cut == '"' + "a" * 37 + '…"'
    assert len(quoted("\u202e" * 100)) - 2 <= 40
    assert quoted(10**5000).startswith('"<a number of about 5001 digits')


def test_sentence_names_the_label_and_shortens_the_value() -> None:
    err = InputError("name", "\x1b[2J" + "y" * 200, "text_control", char="\\x1b", position=1)
    sentence = err.sentence("en", "--name")
    assert sentence.startswith('--name "\\x1b[2Jyyyy') and "…" in sentence and len(sentence) < 200
    assert err.sentence("zh", "--name").startswith("--name 的值")


def test_a_long_list_of_loans_is_cut_in_the_sentence() -> None:
    ledger = Ledger.model_validate(
        {"loans": [{"id": f"L{i}", "name": "A", "principal": "100", "daily_rate": "0.0004", "term": 3,
                    "method": "equal-installment", "start": "2025-01-10"} for i in range(1, 1001)]}
    )
    with pytest.raises(InputError) as err:
        ledger.loan("L0")
    assert str(err.value).endswith("L1, L2, L3, L4, L5, L6, L7, L8, L9, L10, ….")


def test_visible_escapes_what_the_door_refuses() -> None:
    assert visible("ok 手机") == "ok 手机"
    assert visible("\x1b]0;x\x07") == "\\x1b]0;x\\x07"
    assert visible("a\u202eb\u2028c\x9bd") == "a\\u202eb\\u2028c\\x9bd"


def test_a_refusal_missing_a_value_its_words_need_still_reads() -> None:
    """A rule raised without one of its placeholders says … there instead of failing the refusal (exit 70)."""
    assert str(InputError("start", "x", "date")).endswith("from … to ….")
