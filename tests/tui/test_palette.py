"""The command palette offers every action of the registry, in the language in force, and each one does from
the palette what its key does, going to its section first when it belongs to one."""

from __future__ import annotations

import pytest
from textual.command import CommandPalette

from jiebei_tui.actions import registry
from jiebei_tui.tui.screens.add_loan import AddLoanScreen
from jiebei_tui.tui.screens.export import ExportDialog
from jiebei_tui.tui.screens.help import HelpScreen
from jiebei_tui.tui.screens.loan_edit import LoanEditDialog
from jiebei_tui.tui.screens.modals import PayModal, RenameModal
from jiebei_tui.tui.screens.overdue import OverdueScreen
from jiebei_tui.tui.screens.payments import PaymentsDialog
from jiebei_tui.tui.screens.plan import PlanScreen
from jiebei_tui.tui.screens.plan_dialogs import NewScenarioDialog, PlanExportDialog
from jiebei_tui.tui.screens.reminders import RemindersScreen
from jiebei_tui.tui.screens.repay import RepayScreen
from jiebei_tui.tui.screens.rule_form import RuleForm
from jiebei_tui.tui.screens.status import StatusScreen
from jiebei_tui.tui.widgets.dialog import ConfirmDialog
from tests.tui.conftest import ledger_file, palette, press, ready, settle

OFFERED = [a for a in registry.ACTIONS if a.palette]


@pytest.mark.parametrize("lang", ["en", "zh"])
async def test_the_palette_offers_every_action(make_app, lang: str) -> None:
    app = make_app(lang=lang)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        titles = [command.title for command in app.get_system_commands(app.screen)]
    assert titles == [registry.title(a, lang) for a in OFFERED]
    names = {a.name for a in OFFERED}
    for name in ("status", "repay", "reminders", "overdue", "add", "pay", "rename", "delete", "settle", "prepay",
                 "formulas", "new_rule", "edit_rule", "delete_rule", "test_reminder", "export", "lang", "theme", "help"):
        assert name in names


def check(app, name: str) -> None:
    screen = app.screen
    expected = {
        "status": StatusScreen, "repay": RepayScreen, "reminders": RemindersScreen, "overdue": OverdueScreen,
        "add": AddLoanScreen, "help": HelpScreen, "export": ExportDialog, "pay": PayModal, "rename": RenameModal,
        "delete": ConfirmDialog, "settle": ConfirmDialog, "delete_rule": ConfirmDialog, "new_rule": RuleForm,
        "edit_rule": RuleForm, "theme": CommandPalette,
        "plan": PlanScreen, "apply_first": ConfirmDialog, "new_scenario": NewScenarioDialog,
        "export_data": PlanExportDialog,
    }
    if name in expected:
        assert isinstance(screen, expected[name]), (name, screen)
    elif name == "prepay":
        assert isinstance(screen, RepayScreen) and screen.focused.id == "prepay-amount"
    elif name == "formulas":
        assert isinstance(screen, RepayScreen) and screen.has_class("show-formulas")
    elif name == "toggle_rule":
        assert isinstance(screen, RemindersScreen)
        assert ledger_file(app)["settings"]["reminders"]["rules"][0]["enabled"] is False
    elif name in ("less", "more"):
        assert isinstance(screen, OverdueScreen)
        assert screen.query_one("#days").value == ("5" if name == "less" else "7")
    elif name in ("add_change", "apply_scenario", "delete_scenario"):  # the demo has no scenario: it says so
        assert isinstance(screen, PlanScreen)
        assert any(n.message == "No scenario is selected: n adds one." for n in app._notifications)
    elif name == "test_reminder":
        assert isinstance(screen, RemindersScreen)
        assert "This is a test reminder from jiebei-tui." in [n.message for n in app._notifications]
    elif name == "lang":
        assert app.lang == "zh"
    elif name == "undo":  # the demo, never saved: nothing to undo, and it says so
        assert any("Nothing to undo" in n.message for n in app._notifications)
    elif name == "payments":
        assert isinstance(screen, PaymentsDialog)
    elif name == "edit_loan":
        assert isinstance(screen, LoanEditDialog)
    elif name == "debited":  # no auto-debit of the demo is past its due date on TODAY
        assert isinstance(screen, StatusScreen)
    elif name in WAY_BACK:
        check_way_back(app, name)
    else:
        raise AssertionError(f"no check for {name}")


WAY_BACK = {"way_back", "budget", "letter", "agreement", "new_contact", "remove_contact", "contact_record"}


def check_way_back(app, name: str) -> None:
    """The Way back section's actions, on the demo with no budget typed yet and no contact recorded."""
    from jiebei_tui.tui.screens.agreement import AgreementDialog
    from jiebei_tui.tui.screens.contact_form import ContactForm
    from jiebei_tui.tui.screens.contact_record import RecordDialog
    from jiebei_tui.tui.screens.way_back import WayBackScreen

    dialogs = {"agreement": AgreementDialog, "new_contact": ContactForm, "contact_record": RecordDialog}
    if name in dialogs:
        assert isinstance(app.screen, dialogs[name]), (name, app.screen)
        return
    assert isinstance(app.screen, WayBackScreen), (name, app.screen)
    if name in ("budget", "letter"):  # no letter before a budget: the budget field, to type one
        assert app.screen.focused.id == "budget"
    elif name == "remove_contact":  # nothing to remove: it says so
        assert any("Select a contact" in n.message for n in app._notifications)


@pytest.mark.parametrize("action", OFFERED, ids=[a.name for a in OFFERED])
async def test_each_action_runs_from_the_palette(make_app, action: registry.Action) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        start = "3" if action.name in ("status", "add", "help", "export", "lang", "theme", "quit") else "1"
        await press(pilot, start)  # away from the action's own section
        if action.name in ("theme", "quit"):  # the theme picker is a palette of its own; quit leaves
            await pilot.press("ctrl+p", *registry.title(action, "en"))
            await settle(pilot)
            await pilot.press("enter")
            if action.name == "theme":
                await settle(pilot)
                check(app, action.name)
        else:
            await palette(pilot, registry.title(action, "en"))
            check(app, action.name)
    if action.name == "quit":
        assert app.return_code == 0 and not app.is_running


@pytest.mark.parametrize(("lang", "typed", "offered"), [("en", "test", "Send a test reminder"),
                                                         ("zh", "测试", "发送测试提醒")])
async def test_typing_test_offers_the_test_reminder(make_app, lang: str, typed: str, offered: str) -> None:
    """The newcomer typed "test" in the palette and was offered nothing."""
    from textual.command import CommandList

    app = make_app(lang=lang)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await pilot.press("ctrl+p")
        await settle(pilot)
        app.screen.query_one("#--input Input").value = typed  # as typed (no key for 测 on a Pilot keyboard)
        await settle(pilot)
        found = app.screen.query_one(CommandList)
        prompts = [str(found.get_option_at_index(i).prompt) for i in range(found.option_count)]
        assert any(offered in p for p in prompts), prompts
