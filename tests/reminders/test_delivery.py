"""Delivering reminders: exactly once across racing processes, the catch-up summary, channels that fail on their
own, the calendar export read back with icalendar, and the timer files install writes and removes."""

from __future__ import annotations

import datetime as dt
import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from icalendar import Calendar

from tests.conftest import EI

TODAY = "2025-02-16"  # instalment 1 of the worked example is 6 days late
NOW = "2025-02-16T12:00"


@pytest.fixture
def overdue_loan(cli) -> str:
    assert cli("loans", "add", "--name", "Phone", *EI, today=TODAY).code == 0
    assert cli("remind", "set", "--timezone", "Asia/Shanghai", "--desktop", "off", today=TODAY).code == 0
    return "L1"


def run(data_dir: Path, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "jiebei_tui", "--data-dir", str(data_dir), "--today", TODAY, "--lang", "en", *args],
        capture_output=True, text=True, env={**os.environ, **(env or {})}, timeout=120,
    )


def test_two_processes_racing_deliver_each_reminder_once(overdue_loan, data_dir: Path) -> None:
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "jiebei_tui", "--data-dir", str(data_dir), "--today", TODAY, "--lang", "en",
             "remind", "run", "--now", NOW],
            stdout=subprocess.PIPE, text=True,
        )
        for _ in range(2)
    ]
    lines = [line for p in procs for line in p.communicate(timeout=120)[0].splitlines()]
    assert all(p.returncode == 0 for p in procs)
    # within the 3-day window: D+1 repeats on the 14th, 15th, 16th (10:00)
    assert sorted(line[:16] for line in lines) == ["2025-02-14 10:00", "2025-02-15 10:00", "2025-02-16 10:00"]
    assert run(data_dir, "remind", "run", "--now", NOW).stdout == ""  # nothing twice


def test_now_is_read_in_the_reminder_time_zone(overdue_loan, data_dir: Path) -> None:
    """--now without an offset is a time in the saved zone (Asia/Shanghai, whatever this machine's zone): at
    09:59 there the 16th's 10:00 reminder has not come yet, at 10:00 it has."""
    def fired(now: str) -> list[str]:
        out = run(data_dir, "remind", "run", "--now", now, env={"TZ": "America/New_York"}).stdout.splitlines()
        return [line[:16] for line in out if line.startswith("2025-")]  # not the line about older ones missed

    assert fired("2025-02-16T09:59") == ["2025-02-13 10:00", "2025-02-14 10:00", "2025-02-15 10:00"]
    assert fired("2025-02-16T10:00") == ["2025-02-16 10:00"]


def test_older_reminders_are_summarised_once(cli, overdue_loan, data_dir: Path) -> None:
    path = data_dir / "ledger.json"
    data = json.loads(path.read_text())
    data["settings"]["reminders"]["last_run"] = "2025-02-01T00:00:00+08:00"
    path.write_text(json.dumps(data))
    out = cli("remind", "run", "--now", NOW, today=TODAY).out.splitlines()
    # D−3 (7 Feb), D−1 (9 Feb), D0 (10 Feb), D+1 daily 11th–13th are older than 3 days: 6 missed
    assert out[-1].startswith("6 older reminders were missed")
    assert len(out) == 4
    assert cli("remind", "run", "--now", NOW, today=TODAY).out == ""


def fake(folder: Path, name: str, body: str) -> None:
    path = folder / name
    path.write_text("#!/bin/sh\n" + body + "\n")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)


def test_a_failing_channel_does_not_stop_the_others(overdue_loan, data_dir: Path, tmp_path: Path) -> None:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    record = tmp_path / "notify-args"
    fake(bin_dir, "notify-send", f'printf "%s\\n" "$@" >> {record}')
    fake(bin_dir, "failing-sms", "exit 7")
    run(data_dir, "remind", "set", "--desktop", "on", "--command", "failing-sms {loan} {amount}", "--command-enabled", "on")
    env = {"PATH": f"{bin_dir}:{os.environ['PATH']}", "DBUS_SESSION_BUS_ADDRESS": "unix:path=/tmp/fake-bus"}
    done = run(data_dir, "remind", "run", "--now", NOW, env=env)
    assert done.returncode == 0
    assert len(done.stdout.splitlines()) == 3  # standard output still had every reminder
    assert done.stderr.count("The command channel failed") == 3 and "exited 7" in done.stderr
    args = record.read_text().splitlines()
    assert args[:4] == ["-u", "critical", "-a", "jiebei-tui"] and "overdue since 2025-02-10" in args[5]
    assert run(data_dir, "remind", "run", "--now", NOW, env=env).stdout == ""  # marked sent all the same


def test_the_command_gets_its_placeholders_without_a_shell(overdue_loan, data_dir: Path, tmp_path: Path) -> None:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    record = tmp_path / "sms-args"
    fake(bin_dir, "sms", f'printf "%s|" "$@" >> {record}; echo >> {record}')
    run(data_dir, "loans", "rename", "L1", "--name", "Phone; rm -rf ~")
    run(data_dir, "remind", "set", "--command", "sms {loan} {amount} {due_date} {days_overdue}", "--command-enabled", "on")
    env = {"PATH": f"{bin_dir}:{os.environ['PATH']}"}
    assert run(data_dir, "remind", "run", "--now", NOW, env=env).returncode == 0
    first = record.read_text().splitlines()[0]
    # the name arrives as one argument, as typed; 4 days late: 776.41×0.06%×4 = 1.86, 124.00×0.06%×4 = 0.30
    assert first == "Phone; rm -rf ~|902.57|2025-02-10|4|"


def test_list_shows_what_is_coming_in_order(cli, overdue_loan) -> None:
    data = cli("remind", "list", "--days", "40", "--now", NOW, "--json", today=TODAY).json()
    times = [o["fire_at"] for o in data]
    assert times == sorted(times) and all(o["loan"] == "L1" for o in data)
    assert data[0]["fire_at"] == "2025-02-17T10:00:00+08:00" and data[0]["days_overdue"] == 7
    assert {"2025-03-07T09:00:00+08:00", "2025-03-09T20:00:00+08:00", "2025-03-10T09:00:00+08:00"} <= set(times)


def test_rules_are_edited_from_the_command_line(cli, overdue_loan, data_dir: Path) -> None:
    assert cli("remind", "add", "--offset", "-2", "--time", "07:30", today=TODAY).out.startswith("Added reminder R5")
    assert cli("remind", "disable", "R1", today=TODAY).code == 0
    assert cli("remind", "remove", "R4", today=TODAY).code == 0
    rules = cli("remind", "rules", "--json", today=TODAY).json()["rules"]
    assert [(r["id"], r["enabled"]) for r in rules] == [("R1", False), ("R2", True), ("R3", True), ("R5", True)]
    before = (data_dir / "ledger.json").read_bytes()
    for args, option in ((["add", "--offset", "-31", "--time", "09:00"], "--offset"),
                         (["add", "--offset", "-1", "--time", "9am"], "--time"),
                         (["add", "--offset", "0", "--time", "09:00", "--repeat"], "--offset"),
                         (["set", "--timezone", "Mars/Olympus"], "--timezone"),
                         (["set", "--quiet", "22-08"], "--quiet"),
                         (["remove", "R9"], "RULE")):
        result = cli("remind", *args, today=TODAY)
        assert result.code == 2 and option in result.err, (args, result.err)
    assert (data_dir / "ledger.json").read_bytes() == before


def test_export_ics_reads_back_with_stable_uids(cli, overdue_loan, data_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "loans.ics"
    assert cli("export-ics", "--out", str(out), today=TODAY).code == 0
    events = [c for c in Calendar.from_ical(out.read_bytes()).walk("VEVENT")]
    assert len(events) == 12  # every instalment is unpaid
    first = events[0]
    assert str(first["uid"]) == "jiebei-L1-1@jiebei-tui" and int(first["sequence"]) == 0
    assert first.decoded("dtstart") == dt.datetime(2025, 2, 10, 9, 0, tzinfo=first.decoded("dtstart").tzinfo)
    assert "¥" in str(first["summary"]) and "Phone" in str(first["summary"])
    triggers = sorted(a.decoded("trigger") for a in first.walk("VALARM"))
    assert triggers == [dt.timedelta(days=-3), dt.timedelta(hours=-13), dt.timedelta(0)]  # D−3 09:00, D−1 20:00, D0
    # the same export again: same UIDs, same sequence; change a rule: the sequence rises
    cli("export-ics", "--out", str(out), today=TODAY)
    again = [c for c in Calendar.from_ical(out.read_bytes()).walk("VEVENT")]
    assert [str(e["uid"]) for e in again] == [str(e["uid"]) for e in events] and int(again[0]["sequence"]) == 0
    cli("remind", "disable", "R2", today=TODAY)
    cli("export-ics", "--out", str(out), today=TODAY)
    changed = [c for c in Calendar.from_ical(out.read_bytes()).walk("VEVENT")]
    assert int(changed[0]["sequence"]) == 1 and len(list(changed[0].walk("VALARM"))) == 2


def test_install_and_uninstall_write_and_remove_the_timer(cli, overdue_loan, data_dir: Path, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    result = cli("remind", "install", today=TODAY)
    service = tmp_path / "config/systemd/user/jiebei-tui-remind.service"
    timer = tmp_path / "config/systemd/user/jiebei-tui-remind.timer"
    assert "systemctl --user" in result.out and "enable --now jiebei-tui-remind.timer" in result.out
    assert f"--data-dir {data_dir.resolve()} remind run" in service.read_text()
    assert "OnCalendar=*:0/15" in timer.read_text() and "Persistent=true" in timer.read_text()
    cron = cli("remind", "install", "--cron", today=TODAY).out
    assert cron.splitlines()[-1].startswith("*/15 * * * * DBUS_SESSION_BUS_ADDRESS=") and "remind run" in cron
    assert "Removed" in cli("remind", "uninstall", today=TODAY).out
    assert not service.exists() and not timer.exists()
    assert "Nothing to remove" in cli("remind", "uninstall", today=TODAY).out
