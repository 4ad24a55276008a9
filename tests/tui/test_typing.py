"""Keys typed faster than the app handles them land in the order they were typed: an editing key (Backspace,
ctrl+u, ctrl+w, ←, Home, End) acts between the characters around it, in a name (free text) as in a figure field.
The keys are handed to the app all at once, as a terminal delivers a burst (a fast typist, a paste, tmux)."""

from __future__ import annotations

import pytest
from textual import events
from textual.widgets import Input

from jiebei_tui.tui.screens.add_loan import AddLoanScreen
from jiebei_tui.tui.widgets.text_input import TextInput, editing_keys
from tests.tui.conftest import press, ready, settle

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
