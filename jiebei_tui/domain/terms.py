"""A loan (one drawdown): exactly what the borrower's contract fixes, and how typed-in text becomes one.

Each parse_* function turns what a person typed into a value or raises InputError naming the field, the value
and what is allowed. (The lender's rules live in product_terms.py.)
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from enum import StrEnum

from jiebei_tui.domain.errors import InputError
from jiebei_tui.domain.money import FEN
from jiebei_tui.domain.value import Value, value

MAX_PRINCIPAL = Decimal("1000000")
MAX_DAILY_RATE = Decimal("0.001")
MAX_TERM = 36
MAX_AMOUNT = MAX_PRINCIPAL * 10  # the most any one amount typed may be (a payment, an extra, an instalment)


class Method(StrEnum):
    EQUAL_INSTALLMENT = "equal-installment"  # 等额本息
    EQUAL_PRINCIPAL = "equal-principal"  # 等额本金
    INTEREST_FIRST = "interest-first"  # 先息后本


class Strategy(StrEnum):
    REDUCE_INSTALLMENT = "reduce-installment"  # 减少月供: keep the term
    REDUCE_TERM = "reduce-term"  # 缩短期限: keep the instalment


# --- parsing what a person typed: each failure names the field, the value and what is allowed ---
#
# Numbers, dates and times are ASCII digits, or the full-width forms a Chinese input method types (１０００．５０,
# －, ％, ：), normalised to ASCII. Anything else str.isdigit() likes (², ①, ٣) is refused, as are exponents, NaN,
# underscores and separators anywhere but between groups of three (1,000.00). A minus sign on zero (-0, -0.00,
# −0, －0) is refused with the field's sentence, as any other negative is: where zero is allowed and a negative is
# not, the sign is a slip the borrower did not mean, not a value to quietly drop (the one field taking negative
# numbers, a reminder's offset, reads -0 as 0: D0). A number's text is bounded
# before it is converted (no 4,300-digit int()), and every whole number has a range. Dates are YYYY-MM-DD
# (or 2026-1-5, 2026/1/5, 2026.1.5, 2026年1月5日) from 1990-01-01 to 2099-12-31, so no date arithmetic ever
# nears year 10000.

# (and the full-width colon and the ideographic space, for times: "２０２５－０２－１５\u3000２２：３０")
FULL_WIDTH = str.maketrans("０１２３４５６７８９．，－＋％\u2212：\u3000／", "0123456789.,-+%-: /")
# (patterns as text: re compiles each on first use, so a command that never parses one never pays for it)
_DECIMAL = r"[+-]?(?:(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?|\.[0-9]+)"
_INTEGER = r"[+-]?[0-9]+"
# a date: 2026-12-01, or as people write it, 2026-12-1, 2026/12/1, 2026.12.1, 2026年12月1日 (the year first,
# always four digits: never a guess between day-month and month-day)
_DATE = r"([0-9]{4})(?:([-/.])([0-9]{1,2})\2([0-9]{1,2})|\s*年\s*([0-9]{1,2})\s*月\s*([0-9]{1,2})\s*日?)"
_MOMENT = r"([0-9]{4}-[0-9]{2}-[0-9]{2})[T ]([0-9]{2}):([0-9]{2})(?::([0-9]{2}))?(Z|[+-][0-9]{2}:[0-9]{2})?"
MAX_NUMBER_CHARS = 24  # longer than any amount or rate this program takes ("1,000,000.00" is 12)
MAX_INT_DIGITS = 6  # every whole number here is far smaller (days late: 3,650)
FIRST_DATE = dt.date(1990, 1, 1)
LAST_DATE = dt.date(2099, 12, 31)


def ascii_number(text: str) -> str:
    """What was typed, trimmed, with full-width digits and signs made ASCII (the text is not yet checked)."""
    return text.strip().translate(FULL_WIDTH)


def parse_principal(value: object, field: str = "principal") -> Decimal:
    amount = parse_decimal(value, field, "principal")
    if amount <= 0 or amount > MAX_PRINCIPAL or _places(amount) > 2:
        raise InputError(field, value, "principal")
    return amount.quantize(FEN)


def parse_amount(value: object, field: str = "amount") -> Decimal:
    """A payment amount: more than zero, at most MAX_AMOUNT, at most 2 decimals."""
    try:
        amount = parse_decimal(value, field, "amount")
    except InputError as err:  # not a number as typed (1e9, 12abc): the same words, naming the most
        raise InputError(field, err.value, "amount", max=MAX_AMOUNT) from None
    if amount <= 0 or _places(amount) > 2 or amount > MAX_AMOUNT:
        raise InputError(field, value, "amount", max=MAX_AMOUNT)
    return amount.quantize(FEN)


def parse_daily_rate(value: object, field: str = "daily_rate") -> Decimal:
    """A daily rate as a fraction (0.0004) or a percentage (0.04%)."""
    if isinstance(value, str) and ascii_number(value).endswith("%"):
        rate = parse_decimal(ascii_number(value)[:-1], field, "daily_rate", shown=value).scaleb(-2)
    else:
        rate = parse_decimal(value, field, "daily_rate")
    if rate <= 0 or rate > MAX_DAILY_RATE or _places(rate) > 6:
        raise InputError(field, value, "daily_rate")
    return rate


def parse_term(value: object, field: str = "term") -> int:
    n = parse_int(value, field, "term")
    if not 1 <= n <= MAX_TERM:
        raise InputError(field, value, "term")
    return n


def parse_repayment_day(value: object, field: str = "repayment_day") -> int | None:
    if value is None or value == "":
        return None
    day = parse_int(value, field, "repayment_day")
    if not 1 <= day <= 28:
        raise InputError(field, value, "repayment_day")
    return day


def parse_method(value: object, field: str = "method") -> Method:
    try:
        return Method(value.strip() if isinstance(value, str) else value)
    except ValueError:
        raise InputError(field, value, "method") from None


def parse_strategy(value: object, field: str = "strategy") -> Strategy:
    try:
        return Strategy(value.strip() if isinstance(value, str) else value)
    except ValueError:
        raise InputError(field, value, "strategy") from None


def parse_date(value: object, field: str = "date") -> dt.date:
    """YYYY-MM-DD (full-width digits allowed; also 2026-1-5, 2026/1/5, 2026.1.5, 2026年1月5日), from 1990-01-01
    to 2099-12-31."""
    if isinstance(value, dt.date):
        day = value
    else:
        match = re.fullmatch(_DATE, ascii_number(value)) if isinstance(value, str) else None
        try:
            month, day_of_month = (match[3], match[4]) if match[2] else (match[5], match[6])
            day = dt.date(int(match[1]), int(month), int(day_of_month))
        except (TypeError, ValueError):  # no match, or no such day
            raise InputError(field, value, "date", first=FIRST_DATE, last=LAST_DATE) from None
    if not FIRST_DATE <= day <= LAST_DATE:
        raise InputError(field, value, "date", first=FIRST_DATE, last=LAST_DATE)
    return day


def parse_datetime(value: object, field: str = "now") -> dt.datetime:
    """YYYY-MM-DDTHH:MM[:SS][Z|±HH:MM] (a space may stand for the T), its date in the range parse_date allows.
    Naive unless an offset is given: the caller puts it in the right zone."""
    if isinstance(value, dt.datetime):
        moment = value
    else:
        match = re.fullmatch(_MOMENT, ascii_number(value)) if isinstance(value, str) else None
        try:
            moment = dt.datetime.fromisoformat(ascii_number(value).replace(" ", "T", 1)) if match else None
        except ValueError:
            moment = None
        if moment is None:
            raise InputError(field, value, "moment", first=FIRST_DATE, last=LAST_DATE)
    if not FIRST_DATE <= moment.date() <= LAST_DATE:
        raise InputError(field, value, "moment", first=FIRST_DATE, last=LAST_DATE)
    return moment


def parse_in_range(value: object, field: str, rule: str, low: int, high: int, **params: object) -> int:
    """A whole number from low to high; the error sentence always gets the bounds it names. -0 is 0 only where
    negative numbers are allowed (low < 0)."""
    try:
        number = parse_int(value, field, rule, signed=low < 0)
    except InputError:
        raise InputError(field, value, rule, **params) from None
    if not low <= number <= high:
        raise InputError(field, value, rule, **params)
    return number


def parse_decimal(value: object, field: str, rule: str, *, shown: object = None) -> Decimal:
    """A finite decimal number as typed: ASCII or full-width digits, one optional sign, a point, separators only
    between groups of three before the point. `shown` is the value the error quotes (default `value`)."""
    shown = value if shown is None else shown
    if isinstance(value, Decimal):
        number = value
    elif isinstance(value, int) and not isinstance(value, bool):
        if value.bit_length() > 64:  # no amount, rate or multiplier comes near; don't build a huge Decimal
            raise InputError(field, shown, rule)
        number = Decimal(value)
    elif isinstance(value, str):
        text = ascii_number(value)
        if len(text) > MAX_NUMBER_CHARS or not re.fullmatch(_DECIMAL, text):
            raise InputError(field, shown, rule)
        number = Decimal(text.replace(",", ""))
        if text.startswith("-") and number.is_zero():
            raise InputError(field, shown, rule)
    else:  # a float or anything else: not something a person typed
        raise InputError(field, shown, rule)
    if not number.is_finite():
        raise InputError(field, shown, rule)
    return number.copy_abs() if number.is_zero() else number  # a Decimal("-0") from code is 0


def parse_int(value: object, field: str, rule: str, *, signed: bool = False) -> int:
    """A whole number as typed (ASCII or full-width digits, one optional sign), at most MAX_INT_DIGITS digits:
    a longer one is refused before it is converted. The caller checks the range. A minus sign on zero is refused
    unless the field takes negative numbers (`signed`)."""
    if isinstance(value, bool):
        raise InputError(field, value, rule)
    if isinstance(value, int):
        return value
    text = ascii_number(value) if isinstance(value, str) else ""
    if len(text) > MAX_INT_DIGITS + 1 or not re.fullmatch(_INTEGER, text):
        raise InputError(field, value, rule)
    number = int(text)
    if number == 0 and text.startswith("-") and not signed:
        raise InputError(field, value, rule)
    return number


def _places(x: Decimal) -> int:
    exponent = x.normalize().as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


@value
class Loan(Value):
    """One drawdown (支用): what the contract fixes. Everything else is derived.
    Build one from typed-in text with `make_loan`, which checks every field."""

    principal: Decimal
    daily_rate: Decimal
    term: int
    method: Method
    start: dt.date  # the drawdown date
    repayment_day: int | None = None


def make_loan(
    *,
    principal: object,
    daily_rate: object,
    term: object,
    method: object,
    start: object,
    repayment_day: object = None,
) -> Loan:
    """Build a loan from what a person typed; the first bad field raises InputError."""
    return Loan(
        principal=parse_principal(principal),
        daily_rate=parse_daily_rate(daily_rate),
        term=parse_term(term),
        method=parse_method(method),
        start=parse_date(start, "start"),
        repayment_day=parse_repayment_day(repayment_day),
    )
