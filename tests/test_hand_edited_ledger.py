"""Hand-edited ledgers at the edges of what the program itself would write (the refusals themselves are cases in
tests/store_cases.py, run against the command line and the app by tests/test_store_hostile.py): exactly as much
as the command line allows is accepted, one more is refused with exit 3 naming the item, and a saved setting
that only this machine cannot use does not lock the ledger."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from tests.store_cases import GOOD_TODAY, build_good_ledger


@pytest.fixture(scope="module")
def good(tmp_path_factory) -> dict:
    return json.loads(build_good_ledger(tmp_path_factory.mktemp("good") / "data"))


def plant(data_dir: Path, ledger: dict) -> bytes:
    data_dir.mkdir()
    content = json.dumps(ledger, indent=2).encode()
    (data_dir / "ledger.json").write_bytes(content)
    return content


def with_scenarios(good: dict, count: int) -> dict:
    data = copy.deepcopy(good)
    data["scenarios"].extend({**data["scenarios"][0], "id": f"S{n}", "name": f"Copy {n}"} for n in range(3, count + 1))
    return data


def test_twenty_scenarios_hand_written_are_what_the_command_line_keeps(cli, data_dir: Path, good: dict) -> None:
    plant(data_dir, with_scenarios(good, 20))
    shown = cli("scenario", "list", "--json", today=GOOD_TODAY)
    assert shown.code == 0, shown.err
    refused = cli("scenario", "add", "One more", "--settle", "--loan", "L1", today=GOOD_TODAY)
    assert refused.code == 2
    assert refused.err == ('NAME "One more" is not allowed: the ledger keeps at most 20 scenarios: remove one '
                           'first.\n')


def test_a_twenty_first_scenario_hand_written_is_refused_naming_it(cli, data_dir: Path, good: dict) -> None:
    content = plant(data_dir, with_scenarios(good, 21))
    result = cli("scenario", "list", today=GOOD_TODAY)
    assert result.code == 3
    assert result.err == (
        f"{data_dir / 'ledger.json'} does not hold a consistent ledger: it holds 21 scenarios, more than the 20 the "
        "program keeps (the first over is S21); it was not changed. `jiebei-tui recover --list` shows the backups; "
        "`jiebei-tui recover --from-backup [N]` restores one, `jiebei-tui recover --start-empty` starts again (the "
        "file is kept aside).\n")
    assert (data_dir / "ledger.json").read_bytes() == content


def with_rule_loans(good: dict, loans: list[str], issued: int) -> dict:
    data = copy.deepcopy(good)
    data["settings"]["reminders"]["rules"][1]["loans"] = loans
    data["ids_issued"]["L"] = issued
    return data


def test_a_rule_still_naming_a_loan_removed_before_is_read(cli, data_dir: Path, good: dict) -> None:
    """Before a removal took the loan out of the rules, removing L3 left `"loans": ["L3"]`: the id was issued and is
    never given out again, so the rule simply applies to nothing, and the ledger stays usable."""
    plant(data_dir, with_rule_loans(good, ["L1", "L3"], issued=3))
    result = cli("remind", "rules", "--json", today=GOOD_TODAY)
    assert result.code == 0, result.err
    assert result.json()["rules"][1]["loans"] == ["L1", "L3"]


def test_a_rule_naming_a_loan_the_ledger_never_issued_is_refused(cli, data_dir: Path, good: dict) -> None:
    content = plant(data_dir, with_rule_loans(good, ["L1", "L3"], issued=2))
    result = cli("remind", "rules", today=GOOD_TODAY)
    assert result.code == 3
    assert result.err.startswith(
        f"{data_dir / 'ledger.json'} does not hold a consistent ledger: reminder rule R2 is for loan L3, which is not "
        "in the ledger; it was not changed.")
    assert (data_dir / "ledger.json").read_bytes() == content
