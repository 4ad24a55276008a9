"""Start-up figures, as the borrower feels them, each beside a baseline measured in the same run.

1. Time until the loans are on screen: `jiebei-tui` started as a user starts it (the installed command, in a
   real 120×36 pseudo-terminal, reminders on, no test hooks), timed from the spawn until the emulated screen
   shows the Status table filled with the ledger's loans (ten rows of them, or all when fewer) — not the first
   frame, which says the ledger is being read. Beside it, a bare Textual app (Header, Static, Footer, pydantic
   imported) until its text is on screen. Three ledgers: the demo (a first launch, no file), 100 on-track loans
   (used every day: reminders ran yesterday), 100 loans after 8 months away (a year of use, then nothing paid and
   no reminder run: the catch-up has eight months to go through). The bare app and each ledger alternate, so a
   busy moment on the machine hits both alike; medians of RUNS. Also shown: when the reminders missed while the
   app was closed are on screen (the catch-up, done after the loans are shown). The ledgers are files the program
   wrote, sealed (store.py): read without pydantic. Beside them, the on-track ledger edited by hand (its seal
   broken: checked in full, as a file is after a hand edit, or on the first launch of this version), and the
   bare app with pydantic's models of the ledger built as well (what checking a ledger costs at least).
2. First visit to each section and a section switch: key press to the section's figures on screen (same
   terminal, the on-track ledger with its reminders already delivered, so no panel is in the way), the first key
   pressed once the app has settled after its launch (used no CPU for 0.3 s).
3. `jiebei-tui status --json` on a one-loan ledger beside `python -c "import pydantic"`, alternating, the steps of
   pydantic's own cost, and the same command on the file edited by hand (checked in full).
4. The reminders' record in the year-of-use ledger, before and after the launch's catch-up (it must not grow
   with time alone).

How a figure is taken (benchmarks/terminal.py): the program's output is recorded with arrival times and replayed
into a terminal emulator afterwards, so the figure is when the terminal had the screen. The ledgers are made
through the actions, a day at a time (benchmarks/ledgers.py: a minute or two). Not part of the test suite: run
`make bench`. BENCH_RUNS (default 11), BENCH_PARTS (launch,sections,command,record) and BENCH_FIXTURES=DIR (keep
and reuse the ledgers there) shorten a run while working on it.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import ledgers
from terminal import Screen, Session, replay
from whole_process import compile_package  # benchmarks/ is the script's own folder

RUNS = int(os.environ.get("BENCH_RUNS", "11"))
PARTS = os.environ.get("BENCH_PARTS", "launch,sections,command,record").split(",")  # to run some of them only
BIN = Path(sys.executable).parent
APP = [str(BIN / "jiebei-tui")]
TODAY = ledgers.TODAY.isoformat()
ENV = {**os.environ, "TERM": "xterm-256color", "LANG": "en_US.UTF-8", "COLORTERM": "truecolor"}
for name in ("LC_ALL", "LC_MESSAGES", "LANGUAGE", "TEXTUAL", "TEXTUAL_DEBUG"):
    ENV.pop(name, None)

BARE = """
import pydantic  # noqa: F401  (the app imports it too)
from textual.app import App
from textual.widgets import Footer, Header, Static

class Bare(App):
    def compose(self):
        yield Header()
        yield Static("Hello from a bare app")
        yield Footer()

Bare().run()
"""

# A key press in the bare app: each key shows a different text (a baseline for a section switch).
BARE_KEYS = BARE.replace("Bare().run()", """
def on_key(self, event):
    self.query_one(Static).update(f"Pressed {event.key} here")

Bare.on_key = on_key
Bare().run()
""")

# What checking a ledger costs at least: the bare app, with pydantic's models of the ledger built too.
CHECKED = BARE.replace("import pydantic  # noqa: F401  (the app imports it too)",
                       "from jiebei_tui.domain.ledger import Ledger\nfrom jiebei_tui.domain.record_checks import model_of\n"
                       "model_of(Ledger)  # pydantic's models of the ledger, as a read of a file that is not sealed builds them")

LOAN_ROW = re.compile(r"^ L\d+ +\S")  # a row of the Status loans table: " L12   Loan 012  on track ..."


def on_screen(text: str) -> Callable[[Screen], bool]:
    return lambda lines: any(text in line for line in lines)


def loans_shown(count: int) -> Callable[[Screen], bool]:
    """The Status table filled: its heading and `count` rows of loans (a dialog may already cover their right)."""
    want = min(count, 10)
    return lambda lines: any(line.startswith(" ID ") for line in lines) and sum(bool(LOAN_ROW.match(l)) for l in lines) >= want


def all_of(*checks: Callable[[Screen], bool]) -> Callable[[Screen], bool]:
    return lambda lines: all(check(lines) for check in checks)


# What each section shows once its figures are in (its frame alone does not count): its name, the text that
# says it is drawn (waited for while running), and the test of its figures.
KNOWN = {
    "status": ("Status", "Schedule of", all_of(loans_shown(100), on_screen("Schedule of"))),
    "repay": ("Repay", "Settle everything", all_of(on_screen("Settle everything"), on_screen("Payoff  ¥"))),
    "reminders": ("Reminders", "Your reminder rules",
                  all_of(on_screen("Your reminder rules"), on_screen("R1    D−3"), on_screen("The next 10 reminders"))),
    "overdue": ("Overdue", "Amount to clear", all_of(on_screen("Amount to clear by days late"), on_screen("Amount to clear  ¥"))),
    "plan": ("Plan", "Month by month", all_of(on_screen("Month by month, what you pay"),
                                               lambda lines: any("Cheapest:" in l or "No order saves" in l for l in lines))),
    "way_back": ("Way back", "a way back", all_of(on_screen("After a missed payment: a way back"),
                                                   on_screen("A normal month asks ¥"))),
}


def sections_in_app() -> dict[str, tuple[str, str, Callable[[Screen], bool]]]:
    """The app's sections (the registry's, keys 1…) that this benchmark knows how to recognise, by key."""
    from jiebei_tui.actions.registry import SECTIONS as names

    return {str(n): KNOWN[name] for n, name in enumerate(names, start=1) if name in KNOWN}


SECTIONS = sections_in_app()
AWAY = "While you were away"  # the title of the panel of reminders missed while the app was closed
AWAY_PANEL = on_screen(AWAY)


def hand_edited(fixture: Path, to: Path) -> Path:
    """A copy of a fixture whose seal is gone, as after a hand edit: the program checks it in full."""
    to.mkdir(parents=True, exist_ok=True)
    data = json.loads((fixture / "ledger.json").read_text())
    data.pop("seal", None)
    (to / "ledger.json").write_text(json.dumps(data, indent=2, ensure_ascii=False))
    return to


def fresh(fixture: Path | None) -> Path:
    """A copy of a fixture's data folder (a launch may write: the catch-up's record), or an empty one (demo)."""
    folder = Path(tempfile.mkdtemp(prefix="jiebei-bench-"))
    if fixture is not None:
        shutil.copy2(fixture / "ledger.json", folder / "ledger.json")
    return folder


def bare_once(code: str = BARE) -> float:
    session = Session([sys.executable, "-c", code], ENV)
    try:
        session.expect("Hello from a bare app", 20)
        session.settle(0.1)
    finally:
        session.close()
    return replay(session, {"shown": ("", on_screen("Hello from a bare app"))})["shown"] * 1000


def app_once(fixture: Path | None, count: int, panel: bool) -> tuple[float, float | None]:
    """(ms until the loans are on screen, ms until the missed reminders' panel is, when `panel`)."""
    folder = fresh(fixture)
    session = Session([*APP, "--data-dir", str(folder), "--today", TODAY], ENV)
    try:
        session.expect(AWAY if panel else "Schedule of", 60)
        session.settle(0.1)
    finally:
        session.close()
        shutil.rmtree(folder, ignore_errors=True)
    found = replay(session, {"loans": ("", loans_shown(count)), "panel": ("", AWAY_PANEL)})
    if "loans" not in found:
        raise SystemExit(f"the loans never appeared on screen ({fixture}); is the app broken?")
    return found["loans"] * 1000, (found["panel"] * 1000 if "panel" in found else None)


def sections_once(fixture: Path, rounds: int = 2) -> tuple[dict[str, float], list[float]]:
    """One launch: the first visit to every section but Status, then `rounds` of switches through all (ms each)."""
    folder = fresh(fixture)
    session = Session([*APP, "--data-dir", str(folder), "--today", TODAY], ENV)
    checks, kinds = {}, {}
    try:
        session.expect("Schedule of", 60)
        session.idle()  # the app settled after its launch (it builds the other sections out of sight meanwhile)
        keys = list(SECTIONS)
        order = keys[1:] + keys * rounds
        for n, key in enumerate(order):
            mark = f"{n}:{key}"
            session.press(key.encode(), mark)
            _name, drawn, check = SECTIONS[key]
            checks[mark] = (mark, check)
            kinds[mark] = (key, n < len(keys) - 1)
            session.expect(drawn, 30)
            session.settle(0.25)
    finally:
        session.close()
        shutil.rmtree(folder, ignore_errors=True)
    found = replay(session, checks)
    first = {kinds[m][0]: found[m] * 1000 for m in found if kinds[m][1]}
    later = [found[m] * 1000 for m in found if not kinds[m][1]]
    if len(found) < len(checks):
        raise SystemExit(f"a section never showed its figures: {sorted(set(checks) - set(found))}")
    return first, later


def command_ms(argv: list[str]) -> float:
    t0 = time.perf_counter()
    subprocess.run(argv, check=True, capture_output=True, env=ENV)
    return (time.perf_counter() - t0) * 1000


def record_size(folder: Path) -> tuple[int, int]:
    data = json.loads((folder / "ledger.json").read_text())
    record = {k: v for k, v in data["settings"]["reminders"].items() if k not in ("rules",)}
    return len(json.dumps(record)), (folder / "ledger.json").stat().st_size


def main() -> None:
    compile_package()
    print("(a shared 2-core machine: figures are noisy; each is a median beside a baseline measured in the same run)")
    # BENCH_FIXTURES=DIR keeps the ledgers there and reuses them (they take a minute or two to make)
    kept = os.environ.get("BENCH_FIXTURES")
    with tempfile.TemporaryDirectory(prefix="jiebei-fixtures-") as tmp:
        root = Path(kept or tmp)
        fixtures = {"on_track": root / "on_track", "away": root / "away", "one": root / "one"}
        quiet = root / "quiet"  # the on-track ledger with today's reminders delivered: nothing to catch up on
        if not (quiet / "ledger.json").exists():
            t0 = time.perf_counter()
            ledgers.on_track(fixtures["on_track"])
            ledgers.year_away(fixtures["away"])
            ledgers.one_loan(fixtures["one"])
            shutil.copytree(fixtures["on_track"], quiet)
            subprocess.run([*APP, "--data-dir", str(quiet), "--today", TODAY, "remind", "run", "--now", f"{TODAY}T23:59"],
                           check=True, capture_output=True, env=ENV)
            print(f"(ledgers made through the actions, a year of daily use each: {time.perf_counter() - t0:.0f} s)")

        fixtures["on_track_edited"] = hand_edited(fixtures["on_track"], root / "on_track_edited")
        one_edited = hand_edited(fixtures["one"], root / "one_edited")
        if "launch" in PARTS:
            launch(fixtures)
        if "sections" in PARTS:
            sections(quiet)
        if "command" in PARTS:
            command(fixtures["one"], one_edited)
        if "record" in PARTS:
            record(fixtures["away"])


def launch(fixtures: dict[str, Path]) -> None:
    """1. Time until the loans are on screen, each ledger alternating with the bare app."""
    cases = [("demo ledger (first launch)", None, 3, False, 1.3),
             ("100 on-track loans", fixtures["on_track"], 100, True, 1.4),
             ("100 loans after 8 months away", fixtures["away"], 100, True, 1.5),
             ("100 on-track loans, edited by hand", fixtures["on_track_edited"], 100, True, None)]
    bare: list[float] = []
    checked: list[float] = []
    shown: dict[str, list[float]] = {name: [] for name, *_ in cases}
    panels: dict[str, list[float]] = {name: [] for name, *_ in cases}
    for _ in range(RUNS):
        for name, fixture, count, panel, _target in cases:
            bare.append(bare_once())
            loans, away = app_once(fixture, count, panel)
            shown[name].append(loans)
            if away is not None:
                panels[name].append(away)
        checked.append(bare_once(CHECKED))
    base = statistics.median(bare)
    print(f"\ntime until the loans are on screen (120x36 pty, reminders on), medians of {RUNS} launches each, alternating:")
    print(f"  bare Textual app (Header, Static, Footer, pydantic), until its text is on screen  {base:6.0f} ms  ({len(bare)} launches)")
    low = statistics.median(checked)
    print(f"  the same with pydantic's models of the ledger built (what checking a file costs)  {low:6.0f} ms   {low / base:4.2f}x")
    for name, fixture, count, panel, target in cases:
        figure = statistics.median(shown[name])
        aim = f"(target <= {target}x)" if target else "(checked in full: no seal)"
        line = f"  jiebei-tui, {name:<36} {figure:6.0f} ms   {figure / base:4.2f}x  {aim}"
        if panels[name]:
            line += f"; missed reminders' panel at {statistics.median(panels[name]):.0f} ms"
        print(line)


def bare_keys_once(presses: int = 8) -> list[float]:
    """ms from each key press to the bare app's new text on screen."""
    session = Session([sys.executable, "-c", BARE_KEYS], ENV)
    checks = {}
    try:
        session.expect("Hello from a bare app", 20)
        session.idle()
        for n in range(presses):
            key = "2345"[n % 4]
            session.press(key.encode(), f"{n}")
            checks[f"{n}"] = (f"{n}", on_screen(f"Pressed {key} here"))
            session.expect(f"Pressed {key} here", 20)
            session.settle(0.25)
    finally:
        session.close()
    return [ms * 1000 for ms in replay(session, checks).values()]


def sections(quiet: Path) -> None:
    """2. First visits and switches, beside a key press in the bare app."""
    firsts: dict[str, list[float]] = {}
    switches: list[float] = []
    bare: list[float] = []
    for _ in range(RUNS):
        bare += bare_keys_once()
        first, later = sections_once(quiet)
        for key, ms in first.items():
            firsts.setdefault(key, []).append(ms)
        switches += later
    print(f"\nsection key press until its figures are on screen (100 loans), {RUNS} launches:")
    for key, values in sorted(firsts.items()):
        print(f"  first visit to {SECTIONS[key][0]:<10} median {statistics.median(values):6.0f} ms  (target < 150 ms)")
    from jiebei_tui.actions.registry import SECTIONS as names

    unknown = [name for name in names if name not in KNOWN]
    if unknown:
        print(f"  (not measured, this benchmark does not know what they show yet: {', '.join(unknown)})")
    print(f"  a switch between visited sections, median of {len(switches)}  {statistics.median(switches):6.0f} ms  (target < 50 ms)")
    print(f"  (bare Textual app: key press until its new text is on screen, median of {len(bare)}  "
          f"{statistics.median(bare):6.0f} ms)")


# What pydantic itself costs before a single model of ours: `import pydantic` imports little (its names load
# lazily); BaseModel brings its model machinery; the first model built brings the schema generator. The target
# for a command is a ratio to the first line; a command that checks the ledger (a file not sealed) pays the last.
PYDANTIC_STEPS = (
    ("python -c 'import pydantic' (baseline)", "import pydantic"),
    ("python -c 'from pydantic import BaseModel'", "from pydantic import BaseModel"),
    ("the same and one model of one int field built", "from pydantic import BaseModel\nclass One(BaseModel):\n    a: int"),
    ("python -c 'import jiebei_tui.domain.ledger' (the ledger's types)", "import jiebei_tui.domain.ledger"),
    ("the same and pydantic's models of the ledger built (to check a file)",
     "from jiebei_tui.domain.ledger import Ledger\nfrom jiebei_tui.domain.record_checks import model_of\nmodel_of(Ledger)"),
)


def command(one: Path, edited: Path) -> None:
    """3. A command that reads the ledger, alternating with `import pydantic` and the steps of pydantic's cost."""
    status = [*APP, "--data-dir", str(one), "--today", TODAY, "status", "--json"]
    status_edited = [*APP, "--data-dir", str(edited), "--today", TODAY, "status", "--json"]
    runs: dict[str, list[float]] = {label: [] for label, _ in PYDANTIC_STEPS} | {"status": [], "edited": []}
    for _ in range(2 * RUNS):
        for label, code in PYDANTIC_STEPS:
            runs[label].append(command_ms([sys.executable, "-c", code]))
        runs["status"].append(command_ms(status))
        runs["edited"].append(command_ms(status_edited))
    median = {label: statistics.median(times) for label, times in runs.items()}
    p = median[PYDANTIC_STEPS[0][0]]
    print(f"\nwhole processes, medians of {2 * RUNS}, alternating:")
    for label, _ in PYDANTIC_STEPS:
        shown = f"{median[label]:6.0f} ms" + (f"   {median[label] / p:4.2f}x" if median[label] != p else "")
        print(f"  {label:<84} {shown}")
    s = median["status"]
    print(f"  {'jiebei-tui status --json (one loan)':<84} {s:6.0f} ms   {s / p:4.2f}x  (target <= 2x)")
    e = median["edited"]
    print(f"  {'the same, the file edited by hand (checked in full)':<84} {e:6.0f} ms   {e / p:4.2f}x")


def record(away: Path) -> None:
    """4. The reminders' record before and after the catch-up of 8 months."""
    before, size = record_size(away)
    folder = fresh(away)
    subprocess.run([*APP, "--data-dir", str(folder), "--today", TODAY, "remind", "run"], capture_output=True, env=ENV)
    after, size_after = record_size(folder)
    shutil.rmtree(folder, ignore_errors=True)
    print(f"\nthe reminders' record (what was sent, beside the rules) in the year-of-use ledger: {before} bytes of "
          f"{size:,}; after 8 months' catch-up: {after} bytes of {size_after:,}")


if __name__ == "__main__":
    main()
