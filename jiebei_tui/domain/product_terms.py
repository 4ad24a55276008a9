"""The product terms of the credit line: the lender's rules the numbers come from.

Illustrative defaults (penalty 1.5 × the daily rate, no grace, compound penalty on unpaid interest, prepayments
lower the instalment, the stage texts); the borrower replaces them with their own contract's figures. Stored in
the ledger file.
"""

from __future__ import annotations

from decimal import Decimal

from pydantic import BaseModel, ConfigDict, Field

from jiebei_tui.domain.errors import InputError
from jiebei_tui.domain.terms import Strategy, parse_decimal, parse_in_range, parse_strategy

# What typically happens at each stage (a synthesis of consumer sources; illustrative). Per stage, en and zh.
DEFAULT_STAGE_TEXTS: dict[str, dict[str, str]] = {
    "M0": {
        "en": "On time. Reminders before the due day; auto-debit tries on the due day (D0).",
        "zh": "按时还款。到期前提醒；还款日（D0）自动扣款。",
    },
    "M1": {
        "en": "1–30 days late. Penalty interest from day 1; the credit line is frozen; automated app/SMS reminders "
        "and robo-calls; around day 30 human or outsourced calls and a likely mark in the credit record (征信).",
        "zh": "逾期 1–30 天。第 1 天起计罚息；额度冻结；App/短信自动提醒和机器人电话；约第 30 天起人工或委外催收，"
        "很可能上报征信。",
    },
    "M2": {
        "en": "31–60 days late. Human collection calls; the credit record very likely shows the default.",
        "zh": "逾期 31–60 天。人工催收电话；征信记录很可能已显示逾期。",
    },
    "M3": {
        "en": "61–90 days late. Letters and legal warnings.",
        "zh": "逾期 61–90 天。催收函和法律警示。",
    },
    "M3+": {
        "en": "Over 90 days late. Classed non-performing; litigation or write-off may follow — the debt remains.",
        "zh": "逾期超过 90 天。列为不良；可能起诉或核销——债务依然存在。",
    },
}


class ProductTerms(BaseModel):
    """The lender's rules the numbers come from. Illustrative defaults: enter your own contract's figures."""

    model_config = ConfigDict(extra="forbid")

    penalty_multiplier: Decimal = Field(default=Decimal("1.5"), gt=0, le=10)
    grace_days: int = Field(default=0, ge=0, le=30)
    compounding: bool = True  # penalty also on unpaid interest (复利)
    default_prepay_strategy: Strategy = Strategy.REDUCE_INSTALLMENT
    stage_texts: dict[str, dict[str, str]] = Field(default_factory=lambda: {k: dict(v) for k, v in DEFAULT_STAGE_TEXTS.items()})
    illustrative: bool = True  # True until the borrower enters their own contract's terms

    def stage_text(self, stage: str, lang: str) -> str:
        texts = self.stage_texts.get(stage) or DEFAULT_STAGE_TEXTS[stage]
        return texts.get(lang) or texts.get("en") or DEFAULT_STAGE_TEXTS[stage][lang]


MAX_MULTIPLIER = Decimal(10)


def updated_terms(
    terms: ProductTerms,
    *,
    penalty_multiplier: object = None,
    grace_days: object = None,
    compounding: object = None,
    default_strategy: object = None,
) -> ProductTerms:
    """The borrower's own contract figures, checked field by field; None leaves a field as it is.
    The result is no longer marked illustrative."""
    update: dict = {"illustrative": False}
    if penalty_multiplier is not None:
        multiplier = parse_decimal(penalty_multiplier, "penalty_multiplier", "penalty_multiplier")
        if not 0 < multiplier <= MAX_MULTIPLIER or multiplier.as_tuple().exponent < -4:
            raise InputError("penalty_multiplier", penalty_multiplier, "penalty_multiplier")
        update["penalty_multiplier"] = multiplier
    if grace_days is not None:
        update["grace_days"] = parse_in_range(grace_days, "grace_days", "grace_days", 0, 30)
    if compounding is not None:
        if isinstance(compounding, bool):
            update["compounding"] = compounding
        elif compounding in ("on", "off"):
            update["compounding"] = compounding == "on"
        else:
            raise InputError("compounding", compounding, "on_off")
    if default_strategy is not None:
        update["default_prepay_strategy"] = parse_strategy(default_strategy, "default_strategy")
    return terms.model_copy(update=update)
