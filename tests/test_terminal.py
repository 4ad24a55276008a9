"""The app in a real terminal (tmux): keys sent with send-keys, the screen read with capture-pane.
CI installs tmux (.ci/run); without it this test is skipped locally and fails under CI."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

TMUX = shutil.which("tmux")
pytestmark = pytest.mark.skipif(TMUX is None and not os.environ.get("CI"), reason="tmux is not installed")


class Terminal:
    def __init__(self, command: str, width: int = 120, height: int = 36) -> None:
        self.name = f"jiebei-{uuid.uuid4().hex[:8]}"
        subprocess.run(
            [TMUX or "tmux", "new-session", "-d", "-s", self.name, "-x", str(width), "-y", str(height), command],
            check=True, env={**os.environ, "TERM": "xterm-256color"},
        )

    def screen(self) -> str:
        out = subprocess.run([TMUX, "capture-pane", "-p", "-t", self.name], capture_output=True, text=True)
        return out.stdout

    def keys(self, *keys: str) -> None:
        subprocess.run([TMUX, "send-keys", "-t", self.name, *keys], check=True)

    def wait_for(self, text: str, timeout: float = 20) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            shown = self.screen()
            if text in shown:
                return shown
            time.sleep(0.2)
        raise AssertionError(f"{text!r} never appeared; the screen shows:\n{self.screen()}")

    def wait_gone(self, text: str, timeout: float = 20) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            shown = self.screen()
            if text not in shown:
                return shown
            time.sleep(0.2)
        raise AssertionError(f"{text!r} never went away; the screen shows:\n{self.screen()}")

    def alternate_screen(self) -> bool:
        out = subprocess.run([TMUX, "display", "-p", "-t", self.name, "#{alternate_on}"], capture_output=True, text=True)
        return out.stdout.strip() == "1"

    def close(self) -> None:
        subprocess.run([TMUX, "kill-session", "-t", self.name], capture_output=True)


@pytest.mark.parametrize("size", [(120, 36), (80, 24)], ids=["120x36", "80x24"])
def test_the_app_in_a_real_terminal(tmp_path: Path, size: tuple[int, int]) -> None:
    data = tmp_path / "data"
    app = f"{sys.executable} -m jiebei_tui --data-dir {data} --today 2026-11-28 --lang en"
    # the ledger saved once (no desktop pop-ups from a test), so the launch has reminders to catch up on
    subprocess.run([*app.split(), "remind", "set", "--desktop", "off"], check=True, capture_output=True)
    term = Terminal(f"sh -c '{app}; echo EXIT=$?; sleep 30'", *size)
    try:
        shown = term.wait_for("While you were away")  # reminders due while the app was closed, shown once
        assert "late (due 2026-11-22)" in shown
        term.keys("Enter")  # "Got it" (Escape then a digit would reach the app as Alt+digit)
        shown = term.wait_gone("While you were away")
        assert "6 days late (M1)" in shown and "¥900.20" in shown
        # the demo's notice (held while the panel was up, 8 s from when it closed) sits above the key bar: at
        # 80×24 over the lines a section shows there, so the sections are read once it has gone
        term.wait_gone("This is demo data", timeout=40)
        term.keys("2")
        term.wait_for("Settle everything")
        term.keys("3")
        term.wait_for("Your reminder rules")
        term.keys("4")
        term.wait_for("Penalty daily rate")  # its figures (at 80×24 the chart below them is scrolled to)
        term.keys("1")
        term.wait_for("Schedule of")
        term.keys("p")
        term.wait_for("Record a repayment")
        term.keys("Enter")  # the amount is prefilled with what is due; Enter asks for a confirmation
        term.wait_for("Yes, do it")
        assert not (data / "ledger.json").read_text().count('"900.20"')  # nothing recorded yet
        term.keys("y")
        shown = term.wait_for("DUE IN 3 DAYS")
        assert "OVERDUE" not in shown
        events = json.loads((data / "ledger.json").read_text())["events"]
        assert events[-1]["amount"] == "900.20" and events[-1]["loan_id"] == "L3"
        term.keys("C-q")
        shown = term.wait_for("EXIT=0")
        assert not term.alternate_screen()  # the terminal is restored
        assert "Jiebei self-service" not in shown
    finally:
        term.close()
