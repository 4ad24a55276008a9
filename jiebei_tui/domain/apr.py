"""Annualised rates (年化利率), as PBOC announcement 〔2021〕 No. 3 asks every lender to show.

apr_simple is the daily rate × 365; apr_irr the effective annual rate that discounts every scheduled
instalment (at its day offset from the drawdown, actual/365) back to the principal.
"""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal

from jiebei_tui.domain.money import APR_PLACES
from jiebei_tui.domain.schedule import Schedule


def apr_simple(daily_rate: Decimal) -> Decimal:
    return (daily_rate * 365).quantize(APR_PLACES, rounding=ROUND_HALF_UP)


def apr_irr(schedule: Schedule) -> Decimal:
    start = schedule.loan.start
    flows = [((i.due_date - start).days / 365.0, float(i.total)) for i in schedule.installments]
    principal = float(schedule.loan.principal)

    def npv(rate: float) -> float:
        return -principal + sum(amount / math.pow(1.0 + rate, years) for years, amount in flows)

    # npv falls as the rate rises; bisection is slow but cannot miss the root
    low, high = -0.99, 1.0
    while npv(high) > 0:
        high *= 2
    for _ in range(200):
        mid = (low + high) / 2
        if npv(mid) > 0:
            low = mid
        else:
            high = mid
        if high - low < 1e-13:
            break
    return Decimal(repr((low + high) / 2)).quantize(APR_PLACES, rounding=ROUND_HALF_UP)
