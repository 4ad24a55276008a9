"""A loan (one drawdown) and the product terms of the credit line.

`Loan` holds exactly what the borrower's contract fixes; `ProductTerms` the lender's illustrative rules
(penalty multiplier, grace, compounding, default prepay strategy, stage texts), which the borrower can replace
with the figures of their own contract. Both are stored in the ledger file.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field, field_validator

from jiebei_tui.domain.errors import InputError

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
    return amount


def parse_amount(value: object, field: str = "amount") -> Decimal:
    """A payment amount: more than zero, at most 2 decimals."""
    amount = parse_decimal(value, field, "amount")
    if amount <= 0 or _places(amount) > 2 or amount > MAX_PRINCIPAL * 10:
        raise InputError(field, value, "amount")
    return amount


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


class Loan(BaseModel):
    """One drawdown (支用): what the contract fixes. Everything else is derived."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    principal: Decimal
    daily_rate: Decimal
    term: int
    method: Method
    start: dt.date  # the drawdown date
    repayment_day: int | None = None

    @field_validator("principal", mode="before")
    @classmethod
    def _principal(cls, v: object) -> Decimal:
        return _as_value_error(parse_principal, v)

    @field_validator("daily_rate", mode="before")
    @classmethod
    def _rate(cls, v: object) -> Decimal:
        return _as_value_error(parse_daily_rate, v)

    @field_validator("term", mode="before")
    @classmethod
    def _term(cls, v: object) -> int:
        return _as_value_error(parse_term, v)

    @field_validator("repayment_day", mode="before")
    @classmethod
    def _day(cls, v: object) -> int | None:
        return _as_value_error(parse_repayment_day, v)


def _as_value_error(parse, v):  # pydantic reports ValueError with the field path
    try:
        return parse(v)
    except InputError as err:
        raise ValueError(str(err)) from None


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
    return Loan.model_construct(
        principal=parse_principal(principal),
        daily_rate=parse_daily_rate(daily_rate),
        term=parse_term(term),
        method=parse_method(method),
        start=parse_date(start, "start"),
        repayment_day=parse_repayment_day(repayment_day),
    )


DEFAULT_STAGE_TEXTS: dict[str, str] = {
    "M0": "On time. Reminders before the due day; auto-debit tries on the due day.",
    "M1": "1–30 days late: penalty interest from day 1, credit line frozen, automated app/SMS reminders and "
    "robo-calls; around day 30 human calls and a likely mark in the credit record.",
    "M2": "31–60 days late: human or outsourced collection calls; the credit record very likely shows it.",
    "M3": "61–90 days late: letters and legal warnings.",
    "M3+": "Over 90 days late: classed non-performing; litigation or write-off may follow (the debt remains).",
}


class ProductTerms(BaseModel):
    """The lender's rules the numbers come from. Illustrative defaults: enter your own contract's figures."""

    model_config = ConfigDict(extra="forbid")

    penalty_multiplier: Decimal = Field(default=Decimal("1.5"), gt=0, le=10)
    grace_days: int = Field(default=0, ge=0, le=30)
    compounding: bool = True  # penalty also on unpaid interest (复利)
    default_prepay_strategy: Strategy = Strategy.REDUCE_INSTALLMENT
    stage_texts: dict[str, str] = Field(default_factory=lambda: dict(DEFAULT_STAGE_TEXTS))
    illustrative: bool = True  # True until the borrower enters their own contract's terms
