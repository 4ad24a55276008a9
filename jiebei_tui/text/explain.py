"""Each figure explains itself: the formula with the actual numbers, e.g. `¥9,223.59 × 0.04% × 15 days = ¥55.34`.
Built from the same domain results the screens show, so the text can never drift from the figure."""

from __future__ import annotations

from decimal import Decimal

from jiebei_tui.domain.money import percent, yuan, yuan_exact
from jiebei_tui.domain.overdue import DailyPenalty, OverdueCost
from jiebei_tui.domain.simulate import PrepayResult, SettleResult
from jiebei_tui.text.i18n import t


def accrued(position, lang: str) -> str:
    return t(
        "formula.interest", lang, balance=yuan(position.balance), rate=percent(position.daily_rate),
        days=position.days, result=yuan(position.accrued_gross),
    )


def payoff(result: SettleResult, lang: str) -> str:
    overdue = f" + {yuan(result.overdue_to_clear)}" if result.overdue_to_clear else ""
    return t("formula.payoff", lang, balance=yuan(result.principal), accrued=yuan(result.accrued_interest), overdue=overdue, result=yuan(result.payoff))


def reduction(result: PrepayResult, lang: str) -> str:
    overdue = f" − {yuan(result.overdue_cleared)}" if result.overdue_cleared else ""
    return t("formula.reduction", lang, amount=yuan(result.amount), accrued=yuan(result.accrued_interest), overdue=overdue, result=yuan(result.principal_reduction))


def saved(before: Decimal, after: Decimal, lang: str) -> str:
    return t("formula.saved", lang, before=yuan(before), after=yuan(after), result=yuan(before - after))


def penalty_rate(daily_rate: Decimal, multiplier: Decimal, result: Decimal, lang: str) -> str:
    return t("formula.penalty_rate", lang, rate=percent(daily_rate), multiplier=str(multiplier), result=percent(result))


def penalty_lines(cost: OverdueCost, lang: str) -> list[str]:
    rate = percent(cost.penalty_daily_rate)
    lines = [t("formula.penalty", lang, amount=yuan(cost.overdue_principal), rate=rate, days=cost.days, result=yuan(cost.penalty_principal))]
    lines.append(t("formula.penalty", lang, amount=yuan(cost.overdue_interest), rate=rate, days=cost.days, result=yuan(cost.penalty_interest)))
    return lines


def daily_penalty(daily: DailyPenalty, lang: str, days: int = 0, grace_days: int = 0) -> list[str]:
    """What a day late adds, exactly and with its formula, the one figure shown elsewhere ("about"), and why;
    `days` late still within `grace_days`: that nothing is charged yet, and what happens after."""
    base = yuan(daily.principal)
    if daily.interest:
        base = t("overdue.daily_base", lang, principal=base, interest=yuan(daily.interest))
    lines = [t("overdue.daily_penalty", lang, base=base, rate=percent(daily.rate), exact=yuan_exact(daily.exact),
              about=daily.about), t("overdue.daily_rounding", lang)]
    if grace_days and days <= grace_days:
        lines.append(t("overdue.grace_note", lang, grace=grace_days))
    return lines
