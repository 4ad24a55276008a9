"""Text from the file reaches the screen only through text/safe.py visible(): a hand-edited loan name holding
terminal escapes and markup shows as escapes and brackets, never acts (snapshot: test_screen[hostile_name-…])."""

from __future__ import annotations

from jiebei_tui.text.safe import visible
from jiebei_tui.tui.screens.modals import PayModal, RenameModal
from tests.tui.conftest import TODAY, noon, press, ready, screen_text, settle
from tests.tui.scenes import HOSTILE, write_hostile_ledger

SHOWN = visible(HOSTILE)  # Phone \x1b]0;owned\x07\x1b[2J [b]x[/b]


def clean(text: str) -> bool:
    return "\x1b" not in text and "\x07" not in text


async def test_a_hostile_loan_name_shows_escaped_everywhere(tmp_path) -> None:
    from jiebei_tui.tui.app import JiebeiApp

    write_hostile_ledger(tmp_path / "data")
    app = JiebeiApp(data_dir=tmp_path / "data", today=TODAY, lang="en", reminders=False, clock=noon)
    assert SHOWN.startswith("Phone \\x1b]0;owned\\x07\\x1b[2J")
    async with app.run_test(size=(160, 40)) as pilot:
        await ready(pilot)
        seen = []
        for keys in (("1",), ("2",), ("3",), ("4",), ("5",), ("6",), ("1", "p"), ("escape", "e"), ("escape", "d")):
            await press(pilot, *keys)
            text = screen_text(app)
            assert clean(text) and "\\x0a" not in text, keys  # escaped, yet lines still break
            seen.append(SHOWN in text or SHOWN[:30] in text)
        assert all(seen), seen  # the banner, the table, the pickers, each dialog: the escapes, shown
        await press(pilot, "escape", "p")
        assert isinstance(app.screen, PayModal)
        await press(pilot, "enter", "y")
        notes = [n.message for n in app._notifications]
        assert any(SHOWN in note for note in notes) and all(clean(note) for note in notes)
        await press(pilot, "e")
        assert isinstance(app.screen, RenameModal)
        assert app.screen.query_one("#name").value == SHOWN
        await settle(pilot)
