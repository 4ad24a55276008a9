"""Scenarios: named what-ifs kept in the ledger apart from the real record (domain/scenarios.py), played out and
compared side by side (domain/scenario_compare.py), applied as the real payments they stand for, or removed.

Adding, extending, applying and removing are each one store transaction. Applying records the payments through
the same domain function as `payments.pay` (record_event: the loan's whole history replayed with each), all of
them or none; the front door shows `apply_preview` and asks for the borrower's confirmation first. Nothing else
here writes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from jiebei_tui.actions.account import Account
    from jiebei_tui.domain.ledger import Event, Ledger
    from jiebei_tui.domain.scenario_compare import Application, Comparison
    from jiebei_tui.domain.scenarios import Scenario, ScenarioChange

KINDS = ("prepay", "monthly", "repayment_day", "settle")


def _stamp(account: Account) -> dict:
    return {"recorded_at": account.now(), "source": account.source}


def make_change(
    account: Account,
    kind: str,
    *,
    on: object = None,
    loan: object = None,
    amount: object = None,
    strategy: object = None,
    day: object = None,
    order: object = None,
) -> ScenarioChange:
    """One change as typed (each field checked, InputError naming the first bad one); `on` defaults to today."""
    from jiebei_tui.actions.plan import parse_order
    from jiebei_tui.domain.scenarios import make_change as made

    chosen_order = parse_order(order) if order not in (None, "") else None
    return made(kind, on=on if on is not None else account.today.isoformat(), loan=loan, amount=amount,
                strategy=strategy, day=day, order=chosen_order, today=account.today, ledger=account.ledger)


def _params(scenario: Scenario) -> dict:
    return {"scenario": scenario.id, "name": scenario.name, "changes": len(scenario.changes)}


def add(account: Account, name: object, change: ScenarioChange) -> Scenario:
    """A new scenario named `name` making `change` (more can be added with `extend`)."""
    from jiebei_tui.domain.scenarios import add_scenario

    return account.change(lambda ledger: add_scenario(ledger, name, [change]), action="scenario.add",
                          params=_params).result


def extend(account: Account, key: object, change: ScenarioChange, field: str = "to") -> Scenario:
    """Scenario `key` (id or name) with one more change."""
    from jiebei_tui.domain.scenarios import add_change

    return account.change(lambda ledger: add_change(ledger, str(key), change, field), action="scenario.extend",
                          params=_params).result


def remove(account: Account, key: object) -> Scenario:
    """Remove scenario `key`; the loans and their payments are as they were."""
    from jiebei_tui.domain.scenarios import find_scenario, remove_scenario

    def change(ledger: Ledger):
        return remove_scenario(ledger, str(key)), find_scenario(ledger, str(key))

    return account.change(change, action="scenario.remove", params=_params).result


def scenarios(account: Account) -> tuple[Scenario, ...]:
    from jiebei_tui.domain.scenarios import list_scenarios

    return list_scenarios(account.ledger)


@dataclass(frozen=True)
class Compared:
    """Things as they stand and the scenarios played out, with the loans' names (to show them)."""

    comparison: Comparison
    names: dict[str, str]


def compare(account: Account, keys: list[str] | tuple[str, ...] = ()) -> Compared:
    """Up to four scenarios (ids or names; none: the first four) against things as they stand. Nothing is
    written."""
    from jiebei_tui.domain.scenario_compare import compare as played

    ledger = account.ledger
    return Compared(played(ledger, account.today, list(keys)), {r.id: r.name for r in ledger.loans})


@dataclass(frozen=True)
class Shown:
    """One scenario played out; `today` is what applying it now would record (None, with `why`: a sentence's key
    and values, when nothing can be)."""

    compared: Compared
    today: Application | None
    why: tuple[str, dict] | None


def show(account: Account, key: object) -> Shown:
    from jiebei_tui.domain.errors import InputError

    compared = compare(account, [str(key)])
    try:
        return Shown(compared, apply_preview(account, key), None)
    except InputError as err:
        return Shown(compared, None, (f"rule.{err.rule}", err.params))


def apply_preview(account: Account, key: object) -> Application:
    """The payments applying scenario `key` records today, and what the scenario keeps (InputError when it
    cannot be applied: a change due by today cannot happen, a repayment-day move, nothing falls today)."""
    from jiebei_tui.domain.scenario_compare import scenario_payments

    return scenario_payments(account.ledger, account.today, str(key))


@dataclass(frozen=True)
class Applied:
    scenario: Scenario
    events: tuple[Event, ...]  # the payments recorded, in order
    kept: bool  # the scenario stays (something in it is still to come)


def apply(account: Account, key: object) -> Applied:
    """Record the payments scenario `key` stands for today, in one transaction (all or none); the scenario keeps
    what is still to come, or goes."""
    from jiebei_tui.domain.scenario_compare import apply_scenario
    from jiebei_tui.domain.scenarios import find_scenario

    stamp = _stamp(account)

    def change(ledger: Ledger):
        scenario = find_scenario(ledger, str(key))
        new, events = apply_scenario(ledger, account.today, scenario.id, **stamp)
        kept = any(s.id == scenario.id for s in new.scenarios)
        return new, Applied(scenario, tuple(events), kept)

    def params(done: Applied) -> dict:
        return {**_params(done.scenario), "events": ",".join(e.id for e in done.events),
                "amount": str(sum(e.amount for e in done.events))}

    return account.change(change, action="scenario.apply", params=params).result
