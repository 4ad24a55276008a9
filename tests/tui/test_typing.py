"""Keys typed faster than the app handles them land in the order they were typed: an editing key (Backspace,
ctrl+u, ctrl+w, ←, Home, End) acts between the characters around it, in a name (free text) as in a figure field.
The keys are handed to the app all at once, as a terminal delivers a burst (a fast typist, a paste, tmux)."""

from __future__ import annotations

import pytest
from textual import events
from textual.widgets import Input

from jiebei_tui.tui.screens.add_loan import AddLoanScreen
from jiebei_tui.tui.widgets.text_input import TextInput, editing_keys
from tests.tui.conftest import press, ready, settle, text

CONTROL = {"ctrl+u": "\x15", "ctrl+w": "\x17", "ctrl+a": "\x01", "ctrl+e": "\x05", "ctrl+k": "\x0b",
           "backspace": "\x7f"}


def burst(app, keys: list[str]) -> None:
    """Every key posted to the app before it handles any (a single character is typed as itself)."""
    for key in keys:
        character = key if len(key) == 1 else CONTROL.get(key)
        app.post_message(events.Key(key, character))


@pytest.mark.parametrize(("keys", "expected"), [
    (["O", "l", "d", "ctrl+u", "C", "a", "r"], "Car"),  # ctrl+u then typing: the new text stays
    (["a", "b", "backspace", "c"], "ac"),  # Backspace takes the b, not the c typed after it
    (["a", "b", "c", "left", "left", "X", "home", "Y", "end", "Z"], "YaXbcZ"),
    (["O", "n", "e", " ", "t", "w", "o", "ctrl+w", "3"], "One 3"),
    (["a", "b", "c", "home", "ctrl+k", "d"], "d"),
], ids=["ctrl+u", "backspace", "arrows-home-end", "ctrl+w", "ctrl+k"])
@pytest.mark.parametrize("field", ["#name", "#principal"], ids=["text", "figure"])
async def test_editing_keys_act_where_they_were_typed(make_app, keys: list[str], expected: str, field: str) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await press(pilot, "a")
        assert isinstance(app.screen, AddLoanScreen)
        typed = app.screen.query_one(field, Input)
        typed.focus()
        typed.value = ""
        await settle(pilot)
        burst(app, keys)
        await settle(pilot)
        assert typed.value == expected


def test_a_field_that_binds_a_key_for_itself_keeps_it() -> None:
    from jiebei_tui.tui.screens.overdue import DaysInput

    assert editing_keys(TextInput)["left"] == "cursor_left"
    assert "left" not in editing_keys(DaysInput) and "right" not in editing_keys(DaysInput)  # ←/→ step the days
    assert editing_keys(DaysInput)["backspace"] == "delete_left"


@pytest.mark.parametrize(("section", "keys", "first"), [
    ("6", ["e", "n"], "RecordDialog"),  # Way back: save the contact record, then record a contact
    ("6", ["n", "e"], "ContactForm"),
    ("2", ["p", "s"], "ConfirmDialog"),  # Repay: pay (asked in a worker first), then settle
    ("3", ["n", "t"], "RuleForm"),  # Reminders: a new rule, then a test reminder
    ("3", ["e", "x"], "RuleForm"),  # edit a rule, then remove it
    ("5", ["n", "e"], "NewScenarioDialog"),  # Plan: a new what-if, then export
    ("5", ["f", "x"], "ConfirmDialog"),  # record the first step, then remove a what-if
    ("1", ["p", "h"], "PayModal"),  # Status: pay, then the payments
    ("1", ["d", "c"], "ConfirmDialog"),  # remove a loan (asked in a worker first), then change its terms
    ("2", ["s", "f"], "ConfirmDialog"),  # Repay: settle, then the formulas
])
async def test_two_dialog_keys_typed_fast_open_the_first_ones_dialog(make_app, section: str, keys: list[str],
                                                                   first: str) -> None:
    """The newcomer typed two keys in one breath on Way back: both dialogs opened, one over the other (each key
    pressed a button, and the second press was queued before the first dialog was up). On Repay, p s asked to
    settle ¥9,320.29 (pay asks a worker first; settle's dialog came first, and a y typed next would settle); on
    Status, d c opened nothing. The first key's dialog opens, alone, and has the keyboard."""
    from textual.screen import ModalScreen

    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await press(pilot, section)
        burst(app, keys)
        await settle(pilot)
        dialogs = [type(s).__name__ for s in app.screen_stack if isinstance(s, ModalScreen)]
        assert dialogs == [first], [type(s).__name__ for s in app.screen_stack]
        if first == "ConfirmDialog":
            asked = text(app.screen.query_one("#message"))
            if keys == ["p", "s"]:
                assert "900.20" in asked and "Settle" not in asked, asked  # paying what is due, not settling
            if keys == ["d", "c"]:
                assert asked.startswith("Delete loan"), asked


def test_sections_open_their_dialogs_through_open_dialog() -> None:
    """The rule above holds only if every section opens its dialogs through SectionScreen.open_dialog."""
    import inspect

    from jiebei_tui.tui.screens import overdue, plan, reminders, repay, status, way_back

    for module in (overdue, plan, reminders, repay, status, way_back):
        assert "push_screen(" not in inspect.getsource(module), module.__name__


@pytest.mark.parametrize(("start", "keys", "field", "expected"), [
    ("2", ["r", "2", "5", "0", "0"], "#prepay-amount", "2500"),  # Repay: prepay this much
    ("6", ["b", "1", "5", "0", "0"], "#budget", "1500"),  # Way back: a monthly budget
    ("1", ["2", "r", "2", "5", "0", "0"], "#prepay-amount", "2500"),  # from Status, the section key in the breath
    ("1", ["6", "b", "1", "5", "0", "0"], "#budget", "1500"),
])
async def test_a_key_that_leads_into_a_field_takes_the_figure_typed_after_it(make_app, start, keys, field,
                                                                            expected) -> None:
    """`r2500` in one breath: the figure went to the section (2 showed Repay again, 5 switched to Plan), the
    field's focus arriving after it; `2r2500` from Status did the same."""
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await press(pilot, "2" if field == "#prepay-amount" else "6")
        screen = app.screen
        typed = screen.query_one(field, Input)
        typed.value = ""  # (the prepay amount starts on a suggestion)
        await settle(pilot)
        await press(pilot, start)
        burst(app, keys)
        await settle(pilot)
        assert app.screen is screen and typed.value == expected


async def test_the_letter_of_such_a_key_types_itself_in_a_text_field(make_app) -> None:
    """r leads into the prepay amount, but in the funding account's name it is a letter."""
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await press(pilot, "2")
        account = app.screen.query_one("#account", Input)
        account.focus()
        account.value = ""
        await settle(pilot)
        burst(app, ["C", "a", "r", "d"])
        await settle(pilot)
        assert account.value == "Card" and app.focused is account
