"""Money is Decimal yuan, rounded to the fen (0.01) only where the rules say.

HALF_UP is the rounding of interest and penalties; the annuity instalment is rounded DOWN.
"""

from __future__ import annotations

from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal

FEN = Decimal("0.01")
ZERO = Decimal("0.00")
RATE_PLACES = Decimal("0.000001")  # daily rates keep 6 decimals
APR_PLACES = Decimal("0.0001")  # annualised rates keep 4 decimals
PRECISION = 40  # significant digits for intermediate products (the rules ask for at least 28)


def half_up(x: Decimal) -> Decimal:
    """Round half up to the fen."""
    return x.quantize(FEN, rounding=ROUND_HALF_UP)


def round_down(x: Decimal) -> Decimal:
    """Round towards zero to the fen (the annuity instalment)."""
    return x.quantize(FEN, rounding=ROUND_DOWN)


def rate6(x: Decimal) -> Decimal:
    """A daily rate, half up to 6 decimals (as the bank field '保留6位小数')."""
    return x.quantize(RATE_PLACES, rounding=ROUND_HALF_UP)


def interest(balance: Decimal, daily_rate: Decimal, days: int) -> Decimal:
    """Interest by actual days: HALF_UP(balance × rate × days). Exact in the default 28 digits (amounts have 2
    decimals, rates 6, days are whole), so no wider context is needed here."""
    return half_up(balance * daily_rate * days)


def money_str(x: Decimal) -> str:
    """Exactly two decimals, as in JSON output: '900.41'."""
    return str(half_up(x))


def yuan(x: Decimal) -> str:
    """The one place amounts are formatted for people: '¥1,234.56' (negative as '-¥1.00')."""
    q = half_up(x)
    sign = "-" if q < 0 else ""
    return f"{sign}¥{abs(q):,.2f}"


def exact_str(x: Decimal) -> str:
    """An unrounded amount with every decimal it has, at least two: 0.538182 → '0.538182', 0.5400 → '0.54'."""
    text = format(x.normalize(), "f")
    whole, _, frac = text.partition(".")
    return f"{whole}.{frac.ljust(2, '0')}"


def yuan_exact(x: Decimal) -> str:
    """An unrounded amount for people, e.g. a day's penalty before the total is rounded: '¥0.538182'."""
    text = exact_str(abs(x))
    whole, _, frac = text.partition(".")
    return f"{'-' if x < 0 else ''}¥{int(whole):,}.{frac}"


def percent(rate: Decimal, places: int = 2) -> str:
    """A rate as a percentage for people: 0.0004 → '0.04%'."""
    pct = (rate * 100).normalize()
    text = format(pct, "f")
    if "." in text:
        whole, frac = text.split(".")
        frac = frac.rstrip("0")
        frac = frac.ljust(places, "0") if len(frac) < places else frac
        text = f"{whole}.{frac}"
    else:
        text = f"{text}.{'0' * places}"
    return f"{text}%"
