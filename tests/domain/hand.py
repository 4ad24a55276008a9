"""Figures worked independently of the code under test, for the hand-worked examples."""

from __future__ import annotations

import datetime as dt
import math
from decimal import ROUND_HALF_UP, Decimal as D
from fractions import Fraction


def annuity(principal: D, rate: D, start: dt.date, dues: list[dt.date]) -> D:
    """A = P / Σ_k Π_{j≤k} 1/(1 + d·days_j), rounded down to the fen: worked with exact fractions."""
    total, discount, previous = Fraction(0), Fraction(1), start
    for due in dues:
        discount /= 1 + Fraction(rate) * (due - previous).days
        total += discount
        previous = due
    return D(math.floor(Fraction(principal) / total * 100)) / 100


def half_up(x: D) -> D:
    return x.quantize(D("0.01"), rounding=ROUND_HALF_UP)
