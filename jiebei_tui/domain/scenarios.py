"""Scenarios: named what-ifs kept in the ledger apart from the real record. A scenario is a list of changes
(a one-off prepayment, a monthly extra, a different repayment day, a settle date) played out from today on
(scenario_compare.py); it never changes the loans or their payments until it is applied, and applying it
records only the real payments it stands for (those falling on or before today).

This module is the ledger's side: the model (kept in `Ledger.scenarios`) and the pure functions that add,
find, list and remove them.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import TYPE_CHECKING, Literal

from jiebei_tui.domain.errors import InputError
from jiebei_tui.domain.free_text import clean_text
from jiebei_tui.domain.record import ConfigDict, Field, Record, field_validator, model_validator
from jiebei_tui.domain.terms import (
    FIRST_DATE,
    LAST_DATE,
    MAX_AMOUNT,
    Strategy,
    parse_amount,
    parse_date,
    parse_repayment_day,
    parse_strategy,
)

if TYPE_CHECKING:
    from jiebei_tui.domain.ledger import Ledger

PREPAY, MONTHLY, REPAYMENT_DAY, SETTLE = "prepay", "monthly", "repayment_day", "settle"
CHANGE_KINDS = (PREPAY, MONTHLY, REPAYMENT_DAY, SETTLE)
ORDER_NAMES = ("highest_cost", "smallest_balance", "lowest_outgo")  # plan.ORDERS (not imported: the model loads light)
MAX_SCENARIOS = 20
MAX_CHANGES = 8
MAX_NAME = 40
MAX_COMPARED = 4


def _none(value: object) -> bool:
    return value is None


class ScenarioChange(Record):
    """One change a scenario makes, from its day `on` on:
    - prepay: pay `amount` extra on `loan_id` on `on` (what falls due that day paid with it), `strategy`;
    - monthly: pay `amount` extra every month from `on` (same day of the month), to `loan_id`, or placed across
      the loans by `order` (plan.py) when no loan is named;
    - repayment_day: the lender moves `loan_id`'s repayment day to `day` on `on`;
    - settle: pay off `loan_id` on `on`."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    kind: Literal["prepay", "monthly", "repayment_day", "settle"]
    on: dt.date
    loan_id: str | None = Field(default=None, pattern=r"^L[0-9]{1,9}$", exclude_if=_none)
    amount: Decimal | None = Field(default=None, gt=0, decimal_places=2, max_digits=12, exclude_if=_none)
    strategy: Strategy | None = Field(default=None, exclude_if=_none)
    day: int | None = Field(default=None, ge=1, le=28, exclude_if=_none)
    order: Literal["highest_cost", "smallest_balance", "lowest_outgo"] | None = Field(default=None, exclude_if=_none)

    @field_validator("on")
    @classmethod
    def _on(cls, value: dt.date) -> dt.date:
        if not FIRST_DATE <= value <= LAST_DATE:
            raise ValueError(f"a date from {FIRST_DATE} to {LAST_DATE}")
        return value

    @model_validator(mode="after")
    def _fields_of_kind(self) -> ScenarioChange:
        needs = {
            PREPAY: ("loan_id", "amount"),
            MONTHLY: ("amount",),
            REPAYMENT_DAY: ("loan_id", "day"),
            SETTLE: ("loan_id",),
        }[self.kind]
        allowed = {
            PREPAY: {"loan_id", "amount", "strategy"},
            MONTHLY: {"loan_id", "amount", "strategy", "order"},
            REPAYMENT_DAY: {"loan_id", "day"},
            SETTLE: {"loan_id"},
        }[self.kind]
        for name in needs:
            if getattr(self, name) is None:
                raise ValueError(f"a {self.kind} change needs {name}")
        for name in ("loan_id", "amount", "strategy", "day", "order"):
            if name not in allowed and getattr(self, name) is not None:
                raise ValueError(f"a {self.kind} change has no {name}")
        if self.order is not None and self.loan_id is not None:
            raise ValueError("a monthly extra goes to one loan or by an order, not both")
        return self


class Scenario(Record):
    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(pattern=r"^S[0-9]{1,9}$")
    name: str = Field(min_length=1, max_length=MAX_NAME)
    changes: tuple[ScenarioChange, ...] = Field(min_length=1, max_length=MAX_CHANGES)

    @property
    def first_day(self) -> dt.date:
        return min(c.on for c in self.changes)


# --- building changes from what a person typed ---


def make_change(
    kind: object,
    *,
    on: object,
    loan: object = None,
    amount: object = None,
    strategy: object = None,
    day: object = None,
    order: object = None,
    today: dt.date,
    ledger: Ledger | None = None,
) -> ScenarioChange:
    """One change, each field checked as typed (InputError naming the first bad one). Its day is today or
    later; a loan named must be in `ledger` (when given)."""
    if kind not in CHANGE_KINDS:
        raise InputError("kind", kind, "scenario_kind", known=", ".join(CHANGE_KINDS))
    when = parse_date(on, "on")
    if when < today:
        raise InputError("on", on, "plan_date", today=today)
    loan_id = None
    if loan is not None and loan != "":
        loan_id = str(loan).strip()
        if ledger is not None:
            start = ledger.loan(loan_id, "loan").start
            if when < start:  # nothing can be paid (or moved) before the loan is drawn
                raise InputError("on", on if on not in (None, "") else when.isoformat(), "scenario_before_start",
                                 loan=loan_id, start=start)
    elif kind in (PREPAY, REPAYMENT_DAY, SETTLE):
        raise InputError("loan", "", "scenario_needs_loan", kind=kind)
    values: dict = {"kind": kind, "on": when, "loan_id": loan_id}
    if kind in (PREPAY, MONTHLY):
        if amount is None or amount == "":
            raise InputError("amount", "", "amount", max=MAX_AMOUNT)
        values["amount"] = parse_amount(amount)
        if strategy is not None and strategy != "":
            values["strategy"] = parse_strategy(strategy)
    if kind == MONTHLY and order is not None and order != "":
        if loan_id is not None:
            raise InputError("order", order, "scenario_order_or_loan")
        if order not in ORDER_NAMES:
            raise InputError("order", order, "plan_order", known=", ".join(ORDER_NAMES))
        values["order"] = order
    if kind == REPAYMENT_DAY:
        if day is None or day == "":
            raise InputError("day", "", "repayment_day")
        values["day"] = parse_repayment_day(day, "day")
    return ScenarioChange(**values)


# --- the ledger's scenarios ---


def clean_scenario_name(name: object) -> str:
    """A scenario's name as typed; not shaped like a scenario id (S3, s3), which `scenario show|apply|remove`
    would take for another scenario's id."""
    clean = clean_text(name, "name", MAX_NAME, rule="name")
    if re.fullmatch(r"[Ss][0-9]+", clean):
        raise InputError("name", name, "scenario_name_id")
    return clean


def find_scenario(ledger: Ledger, key: str, field: str = "scenario") -> Scenario:
    """A scenario by its id (S1), else by its name (any case)."""
    text = str(key).strip()
    for scenario in ledger.scenarios:
        if scenario.id == text:
            return scenario
    for scenario in ledger.scenarios:
        if scenario.name.casefold() == text.casefold():
            return scenario
    raise InputError(field, key, "scenario_unknown", known=[s.id for s in ledger.scenarios] or "none")


def list_scenarios(ledger: Ledger) -> tuple[Scenario, ...]:
    return tuple(ledger.scenarios)


def add_scenario(ledger: Ledger, name: object, changes: list[ScenarioChange] | tuple[ScenarioChange, ...]) -> tuple[Ledger, Scenario]:
    """A new scenario with the next free id (ids are never reused). Its name is unique (any case); every loan
    it names is in the ledger. The loans and their payments are left as they are."""
    clean = clean_scenario_name(name)
    if any(s.name.casefold() == clean.casefold() for s in ledger.scenarios):
        raise InputError("name", name, "scenario_name_taken")
    if not changes:
        raise InputError("change", "", "scenario_no_change")
    if len(changes) > MAX_CHANGES:
        raise InputError("change", len(changes), "scenario_changes", max=MAX_CHANGES)
    if len(ledger.scenarios) >= MAX_SCENARIOS:
        raise InputError("name", name, "scenario_count", max=MAX_SCENARIOS)
    for change in changes:
        if change.loan_id is not None:
            ledger.loan(change.loan_id, "loan")
    number = max([ledger.ids_issued.get("S", 0), *(int(s.id[1:]) for s in ledger.scenarios)]) + 1
    scenario = Scenario(id=f"S{number}", name=clean, changes=tuple(changes))
    new = ledger.model_copy(
        update={"scenarios": [*ledger.scenarios, scenario], "ids_issued": {**ledger.ids_issued, "S": number}}
    )
    return new, scenario


def add_change(ledger: Ledger, key: str, change: ScenarioChange, field: str = "scenario") -> tuple[Ledger, Scenario]:
    """Scenario `key` (id or name) with one more change (at most MAX_CHANGES); its loan must be in the ledger."""
    scenario = find_scenario(ledger, key, field)
    if len(scenario.changes) >= MAX_CHANGES:
        raise InputError(field, key, "scenario_changes", max=MAX_CHANGES)
    if change.loan_id is not None:
        ledger.loan(change.loan_id, "loan")
    changed = scenario.model_copy(update={"changes": (*scenario.changes, change)})
    return ledger.model_copy(update={"scenarios": [changed if s.id == scenario.id else s for s in ledger.scenarios]}), changed


def remove_scenario(ledger: Ledger, key: str) -> Ledger:
    scenario = find_scenario(ledger, key)
    return ledger.model_copy(update={"scenarios": [s for s in ledger.scenarios if s.id != scenario.id]})


def replace_scenario(ledger: Ledger, scenario: Scenario, changes: tuple[ScenarioChange, ...]) -> Ledger:
    """The scenario with other changes (none: removed)."""
    if not changes:
        return ledger.model_copy(update={"scenarios": [s for s in ledger.scenarios if s.id != scenario.id]})
    changed = scenario.model_copy(update={"changes": changes})
    return ledger.model_copy(update={"scenarios": [changed if s.id == scenario.id else s for s in ledger.scenarios]})


def forget_loan(ledger: Ledger, loan_id: str) -> Ledger:
    """Drop the changes naming a loan (removed from the ledger); a scenario left with none goes too."""
    kept = []
    for scenario in ledger.scenarios:
        changes = tuple(c for c in scenario.changes if c.loan_id != loan_id)
        if changes == scenario.changes:
            kept.append(scenario)
        elif changes:
            kept.append(scenario.model_copy(update={"changes": changes}))
    if len(kept) == len(ledger.scenarios) and all(a is b for a, b in zip(kept, ledger.scenarios)):
        return ledger
    return ledger.model_copy(update={"scenarios": kept})
