"""A loan (one drawdown): exactly what the borrower's contract fixes, and how typed-in text becomes one.

Each parse_* function turns what a person typed into a value or raises InputError naming the field, the value
and what is allowed. (The lender's rules live in product_terms.py.)
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from enum import StrEnum

from jiebei_tui.domain.errors import InputError
from jiebei_tui.domain.money import FEN

MAX_PRINCIPAL = Decimal("1000000")
MAX_DAILY_RATE = Decimal("0.001")
MAX_TERM = 36


class Method(StrEnum):
    EQUAL_INSTALLMENT = "equal-installment"  # 等额本息
    EQUAL_PRINCIPAL = "equal-principal"  # 等额本金
    INTEREST_FIRST = "interest-first"  # 先息后本


class Strategy(StrEnum):
    REDUCE_INSTALLMENT = "reduce-installment"  # 减少月供: keep the term
    REDUCE_TERM = "reduce-term"  # 缩短期限: keep the instalment


# --- parsing what a person typed: each failure names the field, the value and what is allowed ---


def parse_principal(value: object, field: str = "principal") -> Decimal:
    amount = parse_decimal(value, field, "principal")
    if amount <= 0 or amount > MAX_PRINCIPAL or _places(amount) > 2:
        raise InputError(field, value, "principal")
    return amount.quantize(FEN)


def parse_amount(value: object, field: str = "amount") -> Decimal:
    """A payment amount: more than zero, at most 2 decimals."""
    amount = parse_decimal(value, field, "amount")
    if amount <= 0 or _places(amount) > 2 or amount > MAX_PRINCIPAL * 10:
        raise InputError(field, value, "amount")
    return amount.quantize(FEN)


def parse_daily_rate(value: object, field: str = "daily_rate") -> Decimal:
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
        return Method(str(value))
    except ValueError:
        raise InputError(field, value, "method") from None


def parse_strategy(value: object, field: str = "strategy") -> Strategy:
    try:
        return Strategy(str(value))
    except ValueError:
        raise InputError(field, value, "strategy") from None


def parse_date(value: object, field: str = "date") -> dt.date:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise InputError(field, value, "date") from None


def parse_in_range(value: object, field: str, rule: str, low: int, high: int, **params: object) -> int:
    """A whole number from low to high; the error sentence always gets the bounds it names."""
    try:
        number = parse_int(value, field, rule)
    except InputError:
        raise InputError(field, value, rule, **params) from None
    if not low <= number <= high:
        raise InputError(field, value, rule, **params)
    return number


def parse_decimal(value: object, field: str, rule: str) -> Decimal:
    if isinstance(value, Decimal):
        number = value
    else:
        text = str(value).strip().replace(",", "")
        try:
            number = Decimal(text)
        except InvalidOperation:
            raise InputError(field, value, rule) from None
    if not number.is_finite():
        raise InputError(field, value, rule)
    return number


def parse_int(value: object, field: str, rule: str) -> int:
    if isinstance(value, bool):
        raise InputError(field, value, rule)
    if isinstance(value, int):
        return value
    text = str(value).strip()
    if not text.lstrip("-").isdigit():
        raise InputError(field, value, rule)
    return int(text)


def _places(x: Decimal) -> int:
    exponent = x.normalize().as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


@dataclass(frozen=True)
class Loan:
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
