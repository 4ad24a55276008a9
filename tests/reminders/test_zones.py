"""The reminders' time zone as typed, as saved and as the system has it: a tzdata folder name (Asia, Etc) is
refused like any unknown zone, never a crash; a system zone with no IANA name (TZ='<+0330>-3:30', a POSIX rule)
is the C library's own, not UTC; `remind list` takes its day from --today as every command does."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

from tests.conftest import EI

TODAY = "2025-02-05"  # the worked loan (drawn 2025-01-10) is first due 2025-02-10


@pytest.fixture
def loan(cli) -> None:
    assert cli("loans", "add", "--name", "Worked example", *EI, today="2025-01-10").code == 0


@pytest.fixture
def system_tz():
    """Set this process's TZ (and the C library's view of it) for one test; put back as it was after."""
    before = os.environ.get("TZ")

    def use(value: str) -> None:
        os.environ["TZ"] = value
        time.tzset()

    yield use
    if before is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = before
    time.tzset()


# --- 1. a zone name that is a tzdata folder, or anything else ZoneInfo cannot load ---

@pytest.mark.parametrize("name", ["Asia", "Etc", "America", "zone.tab", "Asia/", "a" * 64])
def test_a_folder_or_a_file_that_is_no_zone_is_refused_naming_the_option(cli, loan, data_dir: Path, name) -> None:
    before = (data_dir / "ledger.json").read_bytes()
    result = cli("remind", "set", "--timezone", name)
    assert result.code == 2, result.err
    if name == "zone.tab":  # a dot: not the shape of a zone name, refused before it is looked up
        assert result.err.startswith('--timezone "zone.tab" is not allowed: the time zone is local or a name like')
    else:
        shown = name if len(name) <= 40 else name[:39] + "…"
        assert result.err == f'--timezone "{shown}" is not allowed: the time zone is a name like Asia/Shanghai.\n'
    assert (data_dir / "ledger.json").read_bytes() == before


def test_every_way_zoneinfo_fails_is_caught_in_one_place() -> None:
    from jiebei_tui.delivery.reminders import named_zone

    for bad in ("Asia", "Etc", "", "/etc/passwd", "../x", "a\x00b", "\udcff", "Asia//Shanghai", "zone.tab",
                "No/Such", "a" * 300):
        assert named_zone(bad) is None, bad
    assert named_zone("Asia/Shanghai").key == "Asia/Shanghai"


SAVED = ('settings.reminders.timezone "{name}" is not allowed: this machine does not know the time zone saved in '
         "your reminder settings; choose one it knows with `jiebei-tui remind set --timezone NAME` (a name like "
         "Asia/Shanghai, or local for this machine's own).\n")


@pytest.mark.parametrize("name", ["Asia", "Etc"])
@pytest.mark.parametrize("args", [("remind", "list"), ("remind", "run"), ("export-ics",)])
def test_a_saved_folder_name_is_refused_as_an_unknown_saved_zone_is(cli, loan, data_dir: Path, name, args) -> None:
    path = data_dir / "ledger.json"
    data = json.loads(path.read_text())
    data["settings"]["reminders"]["timezone"] = name  # a hand edit, or a zone known on another machine
    path.write_text(json.dumps(data, indent=2))
    before = path.read_bytes()
    result = cli(*args, today=TODAY)
    assert (result.code, result.out, result.err) == (2, "", SAVED.format(name=name))
    assert path.read_bytes() == before
    assert cli("status", today=TODAY).code == 0  # nothing else is locked by it


# --- 2. a system zone with no IANA name: the C library's own offsets, not UTC ---

def dtstarts(ics: str) -> list[str]:
    return [line for line in ics.splitlines() if line.startswith("DTSTART")]


def test_a_posix_tz_with_no_name_is_followed_not_taken_for_utc(cli, loan, system_tz) -> None:
    assert cli("remind", "set", "--timezone", "local").code == 0
    system_tz("<+0330>-3:30")
    result = cli("export-ics", today=TODAY)
    assert result.code == 0, result.err
    # the event is the due day at 09:00 local (R3's time): 2025-02-10 09:00 +03:30 = 05:30 UTC
    assert dtstarts(result.out)[:2] == ["DTSTART:20250210T053000Z", "DTSTART:20250310T053000Z"]
    coming = cli("remind", "list", "--json", today=TODAY).json()
    assert coming[0]["fire_at"] == "2025-02-07T09:00:00+03:30"  # R1, D−3 at 09:00, in the same offset


def test_a_posix_rule_with_daylight_saving_moves_with_it(cli, loan, system_tz) -> None:
    """US rules (second Sunday of March to first Sunday of November): 2025-03-09 the clocks go forward, so
    09:00 on 10 February is EST (−5, 14:00 UTC) and on 10 March EDT (−4, 13:00 UTC)."""
    assert cli("remind", "set", "--timezone", "local").code == 0
    system_tz("XST5XDT,M3.2.0,M11.1.0")  # a rule, not a tzdata name
    result = cli("export-ics", today=TODAY)
    assert result.code == 0, result.err
    assert dtstarts(result.out)[:2] == ["DTSTART:20250210T140000Z", "DTSTART:20250310T130000Z"]


def test_the_system_zone_reads_the_c_library_each_time(system_tz) -> None:
    import datetime as dt

    from jiebei_tui.delivery.reminders import zone

    system_tz("<+0330>-3:30")
    tz = zone(None)
    assert dt.datetime(2025, 2, 10, 9, 0, tzinfo=tz).utcoffset() == dt.timedelta(hours=3, minutes=30)
    moment = dt.datetime(2025, 2, 10, 5, 30, tzinfo=dt.timezone.utc).astimezone(tz)
    assert (moment.hour, moment.minute) == (9, 0)
    system_tz("XST5XDT,M3.2.0,M11.1.0")
    # 2 November 2025 01:30 happens twice: first in XDT (−4), then, an hour later, in XST (−5)
    first = dt.datetime(2025, 11, 2, 5, 30, tzinfo=dt.timezone.utc).astimezone(tz)
    second = dt.datetime(2025, 11, 2, 6, 30, tzinfo=dt.timezone.utc).astimezone(tz)
    assert (first.hour, first.minute, first.fold) == (1, 30, 0) and first.utcoffset() == dt.timedelta(hours=-4)
    assert (second.hour, second.minute, second.fold) == (1, 30, 1) and second.utcoffset() == dt.timedelta(hours=-5)


# --- 3. remind list on --today ---

def test_remind_list_counts_from_the_fixed_today(cli, loan) -> None:
    assert cli("remind", "set", "--timezone", "Asia/Shanghai").code == 0
    coming = cli("remind", "list", "--json", today=TODAY).json()  # 14 days from 2025-02-05: to 2025-02-19
    fired = [(o["rule"], o["fire_at"]) for o in coming]
    assert fired[:4] == [("R1", "2025-02-07T09:00:00+08:00"), ("R2", "2025-02-09T20:00:00+08:00"),
                         ("R3", "2025-02-10T09:00:00+08:00"), ("R4", "2025-02-11T10:00:00+08:00")]
    assert all("2025-02-05" <= o["fire_at"][:10] <= "2025-02-19" for o in coming)
    # and --now still wins over it
    later = cli("remind", "list", "--json", "--now", "2025-02-08T08:00", today=TODAY).json()
    assert later[0]["rule"] == "R2"
