"""Every dialog keeps its buttons (and the problem said just above them) in view at 80×24, docked at the foot of
its box, only the form above them scrolling; Tab to a field below the fold scrolls the form to it."""

from __future__ import annotations

import pytest
from textual.widget import Widget
from textual.widgets import Button, Input

from jiebei_tui.tui.widgets.dialog import Dialog, FormDialog
from jiebei_tui.tui.widgets.footer import KeyBar
from tests.tui.conftest import press, ready, settle

# each dialog, reached by the keys a user presses on the demo ledger (the long ones first)
DIALOGS: dict[str, tuple[str, ...]] = {
    "new_rule": ("3", "n"),
    "add_loan": ("a",),
    "letter": ("6", "b", *"2000", "escape", "l"),
    "agreement": ("6", "b", *"2000", "escape", "r"),
    "contact": ("6", "n"),
    "contact_record": ("6", "e"),
    "loan_edit": ("c",),
    "payments": ("h",),
    "void": ("h", "v"),
    "edit_payment": ("h", "e"),
    "new_scenario": ("5", "n"),
    "plan_export": ("5", "e"),
    "pay": ("p",),
    "rename": ("e",),
    "delete": ("d",),
    "help": ("question_mark",),
}


def seen(widget: Widget) -> bool:
    """The whole widget is drawn on the screen, above the key bar, and nothing covers it: what is at each of its
    corners is the widget itself (or something inside it)."""
    screen = widget.screen
    region = widget.region
    bar = screen.query_one(KeyBar).region
    if not region or region.bottom > bar.y or not screen.region.contains_region(region):
        return False
    for x, y in ((region.x, region.y), (region.right - 1, region.bottom - 1)):
        at, _ = screen.get_widget_at(x, y)
        if at is not widget and widget not in at.ancestors:
            return False
    return True


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("name", DIALOGS)
async def test_the_buttons_are_in_view_at_80x24(make_app, name: str, lang: str) -> None:
    app = make_app(lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await press(pilot, *DIALOGS[name])
        dialog = app.screen
        assert isinstance(dialog, Dialog), f"{name}: no dialog open ({dialog!r})"
        buttons = [b for b in dialog.query(Button) if b.display]
        assert buttons
        for button in buttons:
            assert seen(button), f"{name} ({lang}): {button.id} is not in view"
        assert dialog.query_one("#dialog-body").scroll_y == 0  # the form shows from its top


@pytest.mark.parametrize("name", ["new_rule", "add_loan", "letter"])
async def test_tab_to_a_field_below_the_fold_scrolls_the_form_to_it(make_app, name: str) -> None:
    """Tab through every field: each, as it takes the focus, is in view, and the buttons stay in view."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await press(pilot, *DIALOGS[name])
        dialog = app.screen
        assert isinstance(dialog, FormDialog)
        fields = [w for w in dialog.query(Input) if w.focusable]
        for _ in range(len(fields) + 2):
            await press(pilot, "tab")
            if isinstance(dialog.focused, Input):
                assert seen(dialog.focused), f"{name}: {dialog.focused.id} took the focus out of view"
            assert all(seen(b) for b in dialog.query(Button) if b.display)


async def test_a_problem_said_above_the_buttons_is_in_view(make_app) -> None:
    """The new reminder rule, its offset made wrong: what is wrong is said in sight, above Save."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await press(pilot, "3", "n")
        field = app.screen.query_one("#offset", Input)
        field.value = "x"
        await settle(pilot)
        await press(pilot, "enter")
        problem = app.screen.query_one("#error")
        assert str(problem.render()).strip(), "the problem was not said"
        assert seen(problem)


async def test_a_refused_save_brings_the_problem_said_in_the_form_into_view(make_app) -> None:
    """The lender's agreement: its problem is said inside the form (above the preview), below the fold at
    80×24; Enter with a wrong date scrolls the form to it."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await press(pilot, *DIALOGS["agreement"])
        field = app.screen.query_one("#on", Input)
        field.focus()
        field.value = "x"
        await settle(pilot)
        await press(pilot, "enter")
        problem = app.screen.query_one("#error")
        assert "x" in str(problem.render()), "the problem was not said"
        assert seen(problem)
        assert all(seen(b) for b in app.screen.query(Button))
