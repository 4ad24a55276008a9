"""The product terms of the credit line: the lender's rules the numbers come from.

Illustrative defaults (penalty 1.5 × the daily rate, no grace, compound penalty on unpaid interest, prepayments
lower the instalment, no minimum prepayment and no prepayment fee, the stage texts); the borrower replaces them
with their own contract's figures. Stored in the ledger file: the ledger's terms are every loan's default, and a
loan may override any of them (`LoanTerms`, ledger.effective_terms).

The prepayment fee is a fraction of the principal prepaid (0.01 is 1%): of money left for prepayment L, the
principal is ROUND_DOWN(L / (1 + fee)) and the fee the rest. The minimum prepayment is the least principal a
payment may prepay, unless it closes the loan.
"""

from __future__ import annotations

from decimal import Decimal

from jiebei_tui.domain.errors import InputError
from jiebei_tui.domain.money import ZERO
from jiebei_tui.domain.record import ConfigDict, Field, Record
from jiebei_tui.domain.terms import MAX_PRINCIPAL, Strategy, parse_decimal, parse_in_range, parse_strategy

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


class ProductTerms(Record):
    """The lender's rules the numbers come from. Illustrative defaults: enter your own contract's figures."""

    model_config = ConfigDict(extra="forbid")

    penalty_multiplier: Decimal = Field(default=Decimal("1.5"), gt=0, le=10)
    grace_days: int = Field(default=0, ge=0, le=30)
    compounding: bool = True  # penalty also on unpaid interest (复利)
    default_prepay_strategy: Strategy = Strategy.REDUCE_INSTALLMENT
    min_prepayment: Decimal = Field(default=ZERO, ge=0, le=MAX_PRINCIPAL, decimal_places=2)
    prepayment_fee: Decimal = Field(default=ZERO, ge=0, le=Decimal("0.1"), decimal_places=6)  # 0.01 is 1%
    stage_texts: dict[str, dict[str, str]] = Field(default_factory=lambda: {k: dict(v) for k, v in DEFAULT_STAGE_TEXTS.items()})
    illustrative: bool = True  # True until the borrower enters their own contract's terms

    def stage_text(self, stage: str, lang: str) -> str:
        texts = self.stage_texts.get(stage) or DEFAULT_STAGE_TEXTS[stage]
        return texts.get(lang) or texts.get("en") or DEFAULT_STAGE_TEXTS[stage][lang]


class LoanTerms(Record):
    """One loan's own contract terms: each field set overrides the ledger's; None keeps the ledger's."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    penalty_multiplier: Decimal | None = Field(default=None, gt=0, le=10)
    grace_days: int | None = Field(default=None, ge=0, le=30)
    compounding: bool | None = None
    default_prepay_strategy: Strategy | None = None
    min_prepayment: Decimal | None = Field(default=None, ge=0, le=MAX_PRINCIPAL, decimal_places=2)
    prepayment_fee: Decimal | None = Field(default=None, ge=0, le=Decimal("0.1"), decimal_places=6)

    def overrides(self) -> dict:
        return {k: v for k, v in self.__dict__.items() if v is not None}

    def applied_to(self, terms: ProductTerms) -> ProductTerms:
        update = self.overrides()
        return terms.model_copy(update=update) if update else terms


TERM_FIELDS = ("penalty_multiplier", "grace_days", "compounding", "default_prepay_strategy", "min_prepayment", "prepayment_fee")
MAX_MULTIPLIER = Decimal(10)
MAX_FEE = Decimal("0.1")


def parse_terms(
    *,
    penalty_multiplier: object = None,
    grace_days: object = None,
    compounding: object = None,
    default_strategy: object = None,
    min_prepayment: object = None,
    prepayment_fee: object = None,
) -> dict:
    """The terms a person typed, checked field by field (InputError names the first bad one); None: not given.
    Returns {ProductTerms field: value} for the fields given."""
    update: dict = {}
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
    if min_prepayment is not None:
        try:
            amount = parse_decimal(min_prepayment, "min_prepayment", "min_prepayment")
        except InputError:  # the sentence names the bound ("…" without it)
            raise InputError("min_prepayment", min_prepayment, "min_prepayment", max=MAX_PRINCIPAL) from None
        if not 0 <= amount <= MAX_PRINCIPAL or amount.as_tuple().exponent < -2:
            raise InputError("min_prepayment", min_prepayment, "min_prepayment", max=MAX_PRINCIPAL)
        update["min_prepayment"] = amount.quantize(Decimal("0.01"))
    if prepayment_fee is not None:
        update["prepayment_fee"] = parse_fee(prepayment_fee)
    return update


def parse_fee(value: object, field: str = "prepayment_fee") -> Decimal:
    """A prepayment fee typed as a percentage ("1%", "0.5%") or a fraction ("0.01"): 0 to 10%, kept as a
    fraction with at most 6 decimals."""
    text = str(value).strip()
    percent = text.endswith("%")
    number = parse_decimal(text[:-1] if percent else value, field, "prepayment_fee", shown=value)
    if percent:
        number = number / 100
    number = number.normalize() if number else Decimal(0)
    if not 0 <= number <= MAX_FEE or number.as_tuple().exponent < -6:
        raise InputError(field, value, "prepayment_fee")
    return number


def updated_terms(
    terms: ProductTerms,
    *,
    penalty_multiplier: object = None,
    grace_days: object = None,
    compounding: object = None,
    default_strategy: object = None,
    min_prepayment: object = None,
    prepayment_fee: object = None,
) -> ProductTerms:
    """The borrower's own contract figures, checked field by field; None leaves a field as it is.
    The result is no longer marked illustrative."""
    update = parse_terms(
        penalty_multiplier=penalty_multiplier,
        grace_days=grace_days,
        compounding=compounding,
        default_strategy=default_strategy,
        min_prepayment=min_prepayment,
        prepayment_fee=prepayment_fee,
    )
    return terms.model_copy(update={"illustrative": False, **update})
