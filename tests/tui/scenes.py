"""The fixed scenes shown in snapshot tests and in screenshots/: the demo ledger at a fixed today, each screen
reached by the keys a user would press. One definition, so the README's pictures are what the tests check."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from textual.widgets import Input

from jiebei_tui.tui.app import JiebeiApp

TODAY = dt.date(2026, 11, 28)
DATA = Path("/tmp/jiebei-tui-scenes")  # fixed: the help screen shows the data path
SIZES = {"wide": (120, 36), "narrow": (80, 24)}
LANGS = ("en", "zh")
SCENES: dict[str, tuple[str, ...]] = {
    "status": (),
    "repay": ("2",),
    "reminders": ("3",),
    "overdue": ("4",),
    "plan": ("5",),
    "plan_scenarios": ("5", "n", *"Bonus", "tab", "tab", "tab", *"5000", "enter"),  # added, compared, charted
    "new_scenario": ("5", "n"),
    "help": ("question_mark",),
    "add_loan": ("a",),
    "recovery": (),
    "hostile_name": (),  # a hand-edited ledger whose loan name holds terminal escapes and markup
    # the demo's fridge loan (L1) after ¥2,000 paid today: instalment 3, then the principal prepaid on its own line
    "status_prepaid": ("up", "up"),
    # Way back (key 6): ¥2,000 a month typed as the budget, then its letter, the agreement, a contact
    "way_back": ("6", "b", "2", "0", "0", "0", "escape"),
    "way_back_letter": ("6", "b", "2", "0", "0", "0", "escape", "l"),
    "way_back_agreement": ("6", "b", "2", "0", "0", "0", "escape", "r"),
    "way_back_contact": ("6", "n"),
    # correcting the record: the selected loan's payments, voiding one (previewed), its contract terms
    "payments": ("h",),
    "void": ("h", "v"),
    "loan_edit": ("c",),
}
HOSTILE = "Phone \x1b]0;owned\x07\x1b[2J [b]x[/b]"


def make_app(scene: str, lang: str) -> JiebeiApp:
    folder = DATA / f"{scene}-{lang}"
    shutil.rmtree(folder, ignore_errors=True)
    if scene == "recovery":
        folder.mkdir(parents=True)
        (folder / "ledger.json").write_text('{"schema_version": 2, "loans": [oops]}\n')
    if scene == "hostile_name":
        write_hostile_ledger(folder)
    if scene == "status_prepaid":
        write_prepaid_ledger(folder)
    clock = lambda tz: dt.datetime.combine(TODAY, dt.time(12, 0), tzinfo=tz)  # noqa: E731  (a fixed noon)
    return JiebeiApp(data_dir=folder, today=TODAY, lang=lang, reminders=False, clock=clock)  # no launch panel


async def arrive(pilot, scene: str) -> None:
    """Wait for the ledger, press the scene's keys, hold the cursors still, then wait for a settled screen."""
    from tests.tui.conftest import press, ready, settle

    await ready(pilot)
    pilot.app.clear_notifications()  # before a dialog opens too: a toast behind it is not redrawn when cleared
    await settle(pilot)
    for key in SCENES[scene]:
        await press(pilot, key)
    for field in pilot.app.screen.query(Input):
        field.cursor_blink = False
    pilot.app.clear_notifications()  # the first-run toast would hide part of every picture
    await settle(pilot)


def write_hostile_ledger(folder: Path) -> None:
    """One loan, added by the command line, then its name edited by hand to hold escapes and markup."""
    import contextlib
    import io
    import json

    from jiebei_tui.cli import main

    with contextlib.redirect_stdout(io.StringIO()):
        main(["--data-dir", str(folder), "--today", TODAY.isoformat(), "loans", "add", "--name", "Phone",
              "--principal", "6000", "--daily-rate", "0.0003", "--term", "6", "--method", "equal-installment",
              "--start", "2026-09-10"])
    path = folder / "ledger.json"
    data = json.loads(path.read_text())
    data["loans"][0]["name"] = HOSTILE
    path.write_text(json.dumps(data))


def write_prepaid_ledger(folder: Path) -> None:
    """The demo ledger, then ¥2,000 paid today on L1 (the command line): it completes instalment 3 and prepays the
    rest."""
    import contextlib
    import io

    from jiebei_tui.cli import main

    with contextlib.redirect_stdout(io.StringIO()):
        main(["--data-dir", str(folder), "--today", TODAY.isoformat(), "pay", "L1", "--amount", "2000"])
