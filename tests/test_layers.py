"""Import contracts, as Harlequin states its layers with import-linter, checked here on the source (AST):

- The front doors (the command line; the app's screens, widgets and app.py) import no store, call no
  `model_copy`, and take from the domain only parsing, formatting and read-only types: no function that builds a
  new ledger, and no computation the actions layer owns (every fact and every change goes through
  jiebei_tui/actions/). The app's screens and widgets do not reach the store through the app either
  (`app.store`): they ask the actions layer (`app.act`).
- The actions layer builds no ledger itself (no `model_copy`: the domain's pure functions do) and reaches no
  front door (no Textual, no cli, no tui).
- The domain imports only the domain, the standard library and pydantic (tests/test_purity.py checks it reaches
  nothing else of the package, nor files or the clock).
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

import jiebei_tui

PACKAGE = Path(jiebei_tui.__file__).parent

# What a front door may take from each domain module: types it renders, formatting, constants. Besides these,
# any parse_* or clean_* function (turning what was typed into a value, or refusing it).
READ_ONLY: dict[str, set[str]] = {
    "errors": {"InputError"},
    "money": {"money_str", "exact_str", "yuan", "yuan_exact", "percent", "ZERO", "FEN"},
    "terms": {"Loan", "Method", "Strategy", "make_loan", "ascii_number", "MAX_PRINCIPAL", "MAX_DAILY_RATE", "MAX_TERM"},
    "free_text": {"first_unsafe", "unsafe_char", "escape_char"},
    "schedule": {"Installment", "Schedule"},
    "replay": {"LoanState", "InstallmentState", "Allocation", "Payoff"},
    "simulate": {"PrepayResult", "SettleResult", "Position"},
    "overdue": {"OverdueCost", "STAGES", "stage"},
    "outlook": {"OverdueOutlook", "OutlookRow", "CHART_DAYS"},
    "product_terms": {"ProductTerms", "LoanTerms", "TERM_FIELDS"},
    "ledger": {"Ledger", "LoanRecord", "Event", "Settings", "MAX_NAME", "MAX_REASON"},
    "reminder_settings": {"ReminderSettings", "ReminderRule", "PLACEHOLDERS"},
    "reminders": {"Occurrence", "Claim"},
    "history": {"Change", "ChangeRecord"},
    "debits": {"DebitQuestion"},
    "corrections": {"LoanEdit"},
    "urgency": {"Urgent", "Level", "DUE_SOON_DAYS"},
    "value": {"Value", "value"},  # how a value is declared (the app's Reading is one)
    # the Plan section's results (issue 11): what plans, goal seeks, what-ifs and the months ahead return
    "forecast": {"Payment", "MonthOutgo", "Totals"},
    "plan": {"PlanComparison", "PlanOption", "ORDERS", "NOTHING_EXTRA"},
    "goal": {"GoalSeek", "Answer", "Outcome", "Goal", "Reason", "MET", "ALREADY", "CANNOT"},
    "repayment_day": {"DayMove", "Transition"},
    "months": {"Month", "MonthItem", "MAX_MONTHS"},
    "scenarios": {"Scenario", "ScenarioChange", "MAX_COMPARED", "MAX_CHANGES", "MAX_SCENARIOS", "CHANGE_KINDS"},
    "scenario_compare": {"Comparison", "ScenarioResult", "Application", "Note", "CURRENT"},
    "outstanding": {"Series", "ACTUAL", "SCHEDULED"},
    # after a missed payment (issue 12): what the plan, the request, a restructure, the contact log and the
    # credit record are, and their bounds
    "afford": {"BudgetPlan", "BudgetMonth", "LoanMonth", "LoanOutcome", "ORDERS", "MAX_MONTHS"},
    "request": {"LenderRequest", "RequestOption", "TERM", "INSTALLMENT"},
    "hardship": {"Hardship"},
    "restructure": {"RestructurePlan", "RestructurePreview", "Restructured", "MAX_RESTRUCTURE_TERM"},
    "contacts": {"Contact", "CheckedContact", "Flag", "ContactReport", "CHANNELS", "RULES", "SOURCES", "MAX_WHO",
                 "MAX_NOTE", "MAX_NUMBER", "NIGHT_START", "NIGHT_END", "MAX_UNANSWERED_CALLS"},
    "credit_record": {"CreditOutlook", "ReportPoint", "OverdueEpisode", "RETENTION_YEARS", "STATUS_CODES", "status_code"},
}
PARSING = ("parse_", "clean_")

CLI = sorted((PACKAGE / "cli").glob("*.py"))
SCREENS = sorted((PACKAGE / "tui" / "screens").glob("*.py")) + sorted((PACKAGE / "tui" / "widgets").glob("*.py"))
TUI = SCREENS + [PACKAGE / "tui" / "app.py"]
ACTIONS = sorted((PACKAGE / "actions").glob("*.py"))
DOMAIN = sorted((PACKAGE / "domain").glob("*.py"))


def _imports(tree: ast.AST):
    """(line, module, names) for every import, inside functions and TYPE_CHECKING blocks too."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name, None
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.lineno, node.module, [alias.name for alias in node.names]


def _model_copies(tree: ast.AST) -> list[int]:
    return [node.lineno for node in ast.walk(tree)
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "model_copy"]


def front_door_breaches(path: Path) -> list[str]:
    """Everything in `path` that breaks the front doors' contract, as "file:line what"."""
    tree = ast.parse(path.read_text())
    found = [f"{path.name}:{line} calls model_copy" for line in _model_copies(tree)]
    for line, module, names in _imports(tree):
        where = f"{path.name}:{line}"
        if module == "jiebei_tui.store" or module.startswith("jiebei_tui.store."):
            found.append(f"{where} imports the store")
        elif module == "jiebei_tui" and names and "store" in names:
            found.append(f"{where} imports the store")
        elif module == "jiebei_tui.domain" or (module.startswith("jiebei_tui.domain.") and names is None):
            found.append(f"{where} imports a domain module whole ({module}): name what it takes")
        elif module.startswith("jiebei_tui.domain."):
            allowed = READ_ONLY.get(module.rsplit(".", 1)[1], set())
            for name in names:
                if name not in allowed and not name.startswith(PARSING):
                    found.append(f"{where} takes {name} from {module}: not parsing, formatting or a read-only type")
    return found


@pytest.mark.parametrize("path", CLI, ids=lambda p: f"cli/{p.name}")
def test_the_command_line_parses_calls_an_action_and_renders(path: Path) -> None:
    assert front_door_breaches(path) == []


@pytest.mark.parametrize("path", TUI, ids=lambda p: f"tui/{p.parent.name}/{p.name}")
def test_the_app_parses_calls_an_action_and_renders(path: Path) -> None:
    assert front_door_breaches(path) == []


def store_reached(path: Path) -> list[str]:
    """Every `….store` a screen or widget reads (the app's store, a store held anywhere), as "file:line"."""
    tree = ast.parse(path.read_text())
    return [f"{path.name}:{node.lineno}" for node in ast.walk(tree)
            if isinstance(node, ast.Attribute) and node.attr == "store"]


@pytest.mark.parametrize("path", SCREENS, ids=lambda p: f"tui/{p.parent.name}/{p.name}")
def test_the_screens_reach_no_store_through_the_app(path: Path) -> None:
    assert store_reached(path) == []


def test_the_contract_catches_what_it_forbids(tmp_path: Path) -> None:
    """The checker itself: each kind of breach is named (so a pass above means something)."""
    bad = tmp_path / "bad.py"
    bad.write_text(
        "from jiebei_tui.store import Store\n"
        "from jiebei_tui import store\n"
        "import jiebei_tui.domain.ledger\n"
        "from jiebei_tui.domain.replay import record_event, LoanState, parse_x\n"
        "from jiebei_tui.domain.ledger import add_loan, clean_name\n"
        "def f(ledger):\n"
        "    from jiebei_tui.domain.schedule import build_schedule\n"
        "    return ledger.model_copy(update={})\n"
    )
    found = front_door_breaches(bad)
    assert [line.split(" ", 1)[0] for line in found] == [
        "bad.py:8", "bad.py:1", "bad.py:2", "bad.py:3", "bad.py:4", "bad.py:5", "bad.py:7"]
    assert "record_event" in found[4] and "add_loan" in found[5] and "build_schedule" in found[6]
    screen = tmp_path / "screen.py"
    screen.write_text("def f(self):\n    return self.app.store.generations()\n")
    assert store_reached(screen) == ["screen.py:2"]


@pytest.mark.parametrize("path", ACTIONS, ids=lambda p: p.name)
def test_actions_build_no_ledger_and_reach_no_front_door(path: Path) -> None:
    tree = ast.parse(path.read_text())
    assert _model_copies(tree) == [], f"{path.name}: a ledger edit belongs in a pure domain function"
    for line, module, _names in _imports(tree):
        top = module.split(".")[0]
        if path.name == "registry.py" and module == "textual.binding":
            continue  # the app's key table builds Textual's Binding objects for the screens that ask (lazily)
        assert top not in ("textual", "rich"), f"{path.name}:{line} imports {module}"
        assert not module.startswith(("jiebei_tui.cli", "jiebei_tui.tui")), f"{path.name}:{line} imports {module}"


@pytest.mark.parametrize("path", DOMAIN, ids=lambda p: p.name)
def test_the_domain_imports_only_the_domain_the_standard_library_and_pydantic(path: Path) -> None:
    for line, module, _names in _imports(ast.parse(path.read_text())):
        top = module.split(".")[0]
        if top == "jiebei_tui":
            assert module.startswith("jiebei_tui.domain"), f"{path.name}:{line} imports {module}"
        else:
            assert top in sys.stdlib_module_names or top == "pydantic", f"{path.name}:{line} imports {module}"
