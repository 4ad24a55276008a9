"""The product terms of the credit line: the lender's rules the numbers come from.

Illustrative defaults (penalty 1.5 × the daily rate, no grace, compound penalty on unpaid interest, prepayments
lower the instalment, the stage texts); the borrower replaces them with their own contract's figures. Stored in
the ledger file.
"""

from __future__ import annotations

from decimal import Decimal

from pydantic import BaseModel, ConfigDict, Field

from jiebei_tui.domain.terms import Strategy

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
