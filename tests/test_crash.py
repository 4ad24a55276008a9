"""The one crash handler (jiebei_tui/crash.py): a bug in a command or in the app prints one sentence naming a
crash report in the data folder, exits 70, writes nothing else and never shows a traceback."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import jiebei_tui.cli as cli_module
import jiebei_tui.cli.simulate as simulate_commands
import jiebei_tui.cli.status as status_commands
from jiebei_tui import __version__
from tests.conftest import EI


def _boom(ctx) -> int:
    raise RuntimeError("an unexpected bug " + "x" * 1000)


@pytest.fixture
def ledger(cli, data_dir: Path) -> bytes:
    assert cli("loans", "add", "--name", "Secret name", *EI).code == 0
    return (data_dir / "ledger.json").read_bytes()


def test_a_bug_in_a_command_is_one_sentence_and_a_report(cli, ledger: bytes, data_dir: Path, monkeypatch) -> None:
    monkeypatch.setattr(status_commands, "cmd_status", _boom)
    result = cli("status", "--json")
    assert result.code == 70
    assert result.out == ""
    lines = result.err.splitlines()
    assert len(lines) == 1 and "Traceback" not in result.err
    [report] = data_dir.glob("crash-*.txt")
    assert str(report) in lines[0]
    assert stat.S_IMODE(report.stat().st_mode) == 0o600
    text = report.read_text()
    assert f"jiebei-tui {__version__}" in text and "'status', '--json'" in text
    assert "Traceback" in text and "RuntimeError: an unexpected bug" in text and "_boom" in text
    assert "x" * 300 not in text  # the error's own message is cut short: it may quote data
    assert "Secret name" not in text  # no ledger contents
    assert (data_dir / "ledger.json").read_bytes() == ledger


def test_the_sentence_reads_in_chinese(cli, ledger: bytes, monkeypatch) -> None:
    monkeypatch.setattr(status_commands, "cmd_status", _boom)
    result = cli("status", lang="zh")
    assert result.code == 70 and "意外错误" in result.err and result.err.count("\n") == 1


def test_only_the_newest_reports_are_kept(cli, ledger: bytes, data_dir: Path, monkeypatch) -> None:
    for n in range(12):
        old = data_dir / f"crash-20240101-0000{n:02d}.txt"
        old.write_text("old")
        os.utime(old, (1_700_000_000 + n, 1_700_000_000 + n))
    monkeypatch.setattr(status_commands, "cmd_status", _boom)
    assert cli("status").code == 70
    reports = sorted(data_dir.glob("crash-*.txt"))
    assert len(reports) == 10 and reports[-1].read_text() != "old"


def test_a_report_that_cannot_be_written_is_said(cli, tmp_path: Path, monkeypatch, capsys) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    monkeypatch.setattr(simulate_commands, "cmd_schedule", _boom)
    code = cli_module.main(["--data-dir", str(blocked / "data"), "--lang", "en", "--no-demo", "schedule", *EI])
    err = capsys.readouterr().err
    assert code == 70 and err.count("\n") == 1 and "no crash report could be written" in err
    assert "RuntimeError" in err and blocked.read_text() == "not a folder"


def test_ctrl_c_is_not_a_crash(cli, data_dir: Path, monkeypatch) -> None:
    def interrupted(ctx) -> int:
        raise KeyboardInterrupt

    monkeypatch.setattr(status_commands, "cmd_status", interrupted)
    result = cli("status")
    assert result.code == 130 and result.err == "" and not list(data_dir.glob("crash-*"))


def test_the_console_entry_point_exits_70(tmp_path: Path) -> None:
    script = textwrap.dedent(
        f"""
        import sys
        import jiebei_tui.cli as cli
        import jiebei_tui.cli.status as status_commands
        def boom(ctx):
            raise ZeroDivisionError("division by zero")
        status_commands.cmd_status = boom
        sys.exit(cli.main(["--data-dir", {str(tmp_path)!r}, "--no-demo", "status"]))
        """
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert done.returncode == 70 and done.stdout == ""
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr and "crash-" in done.stderr


# --- the app ---


async def test_a_bug_in_the_app_goes_to_the_crash_handler(data_dir: Path, monkeypatch) -> None:
    from jiebei_tui.tui.app import JiebeiApp

    def broken_help(self) -> None:
        raise RuntimeError("the help screen is broken")

    monkeypatch.setattr(JiebeiApp, "action_help", broken_help)
    app = JiebeiApp(data_dir=data_dir, today=__import__("datetime").date(2025, 3, 1), lang="en", demo=False, reminders=False)
    with pytest.raises(RuntimeError):  # under run_test, Textual re-raises the app's first error for the test
        async with app.run_test() as pilot:
            await pilot.pause()
            await pilot.press("question_mark")
            await pilot.pause()
    assert app.return_code == 70
    assert not app._exit_renderables  # Textual's traceback (with its local variables) is not printed
    [report] = data_dir.glob("crash-*.txt")
    assert str(report) in app.crash_sentence and "the help screen is broken" in report.read_text()


def test_the_app_crash_restores_the_terminal_and_prints_one_sentence(tmp_path: Path) -> None:
    """A real run (headless): Textual's own shutdown restores the terminal; what reaches stderr is our sentence."""
    script = textwrap.dedent(
        f"""
        import functools, sys
        import jiebei_tui.tui.app as app_module
        App = app_module.JiebeiApp
        App.run = functools.partialmethod(App.run, headless=True)
        def broken(self):
            raise RuntimeError("broken on mount")
        App.on_mount = broken
        from jiebei_tui.cli import main
        sys.exit(main(["--data-dir", {str(tmp_path)!r}, "--no-demo", "--today", "2025-03-01"]))
        """
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert done.returncode == 70, done.stderr
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr and "crash-" in done.stderr
    [report] = tmp_path.glob("crash-*.txt")
    assert "broken on mount" in report.read_text()
    assert json.dumps(done.stdout)  # (nothing of the app's frames is asserted: headless draws none)


def test_a_worker_s_failure_reports_the_worker_s_own_traceback(tmp_path: Path) -> None:
    # Textual hands the crash handler a WorkerFailed that carries the worker's error as `.error`, not as its cause;
    # a report of the WorkerFailed alone said which error, never where.
    from textual.worker import WorkerFailed

    from jiebei_tui.crash import write_report

    def render_view() -> None:
        raise AttributeError("'PlanScreen' object has no attribute '_version'")

    try:
        render_view()
    except AttributeError as err:
        failed = WorkerFailed(err)
    text = write_report(failed, tmp_path).read_text()
    assert "WorkerFailed" in text and "The worker's own error:" in text
    assert "in render_view" in text and text.count("has no attribute '_version'") >= 2
