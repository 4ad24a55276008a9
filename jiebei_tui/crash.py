"""The one crash handler, for the command line and the app: an error we did not expect (a bug) becomes a crash
report in the data folder and one sentence naming it; the program exits 70 (EX_SOFTWARE) and writes nothing
else. Errors a user can cause never come here: they are InputError (exit 2) and LedgerFileError (exit 3).

The report (0600, created without following links) holds the version, Python, the platform, the command line
and the traceback, each line with control characters escaped. It holds no ledger contents: the traceback has no
local variables, and the error's own message is cut short. Only the newest KEEP reports are kept, so a bug that
crashes every run of a timer does not fill the disk.

Command line: `cli.main()` catches any other exception and calls `report_cli(error, data_dir, argv, lang)`.
The app: `JiebeiApp._handle_exception` (the hook Textual calls with every unhandled exception: in a handler,
a timer, a worker, compose) calls `app_crashed(app, error, base)`. That writes the report, lets Textual's own
handler close the app (which restores the terminal and, under `run_test`, records the error for the test),
then drops the traceback Textual would print on exit and sets return code 70; `cmd_tui` prints the sentence
after `app.run()` returns, once the terminal is restored.
"""

from __future__ import annotations

import datetime as dt
import os
import platform
import sys
import traceback
from collections.abc import Callable
from pathlib import Path

EXIT_CRASH = 70  # EX_SOFTWARE (sysexits.h): an internal software error
KEEP = 10
PREFIX = "crash-"
MAX_MESSAGE = 200  # characters of the error's own message kept (it may quote data)


def write_report(error: BaseException, data_dir: Path | None, argv: list[str] | None = None) -> Path:
    """Write the crash report into the data folder (created 0700 if missing); returns its path. Raises OSError
    when it cannot be written."""
    from jiebei_tui import __version__

    folder = _folder(data_dir)
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    text = "\n".join(
        [
            f"jiebei-tui {__version__} crash report, {dt.datetime.now().astimezone().isoformat(timespec='seconds')}",
            f"python {sys.version.split()[0]} on {platform.platform()}",
            f"argv: {_safe(repr(list(argv if argv is not None else sys.argv[1:])))}",
            "",
            *(_safe(line) for line in _traceback(error)),
            "",
        ]
    )
    path = _create(folder, stamp, text.encode("utf-8", "backslashreplace"))
    _prune(folder, keep=path)
    return path


def sentence(error: BaseException, data_dir: Path | None, argv: list[str] | None, lang: str) -> str:
    """Write the report and return the one sentence that names it (or says why it could not be written)."""
    from jiebei_tui.text.i18n import t
    from jiebei_tui.text.safe import visible

    try:
        path = write_report(error, data_dir, argv)
    except Exception as failure:  # noqa: BLE001 - the handler itself must never raise
        return t(
            "crash.no_report",
            lang,
            problem=type(error).__name__,
            folder=visible(str(_folder_or_none(data_dir))),
            reason=visible(getattr(failure, "strerror", None) or type(failure).__name__),
        )
    return t("crash.report", lang, path=visible(str(path)))


def report_cli(error: BaseException, data_dir: Path | None, argv: list[str] | None, lang: str) -> int:
    """The command line's crash: the sentence on stderr, exit 70."""
    try:
        text = sentence(error, data_dir, argv, lang)
    except Exception:  # noqa: BLE001 - even the words failed: say the least that is true
        text = f"jiebei-tui stopped on an unexpected error ({type(error).__name__})."
    try:
        print(text, file=sys.stderr)
    except Exception:  # noqa: BLE001 - stderr closed: the exit code still says it
        pass
    return EXIT_CRASH


def app_crashed(app, error: Exception, base: Callable[[Exception], None]) -> None:
    """For `App._handle_exception`: report the first crash, close the app through Textual's own handler (which
    restores the terminal and, under run_test, keeps the error for the test), and print nothing of Textual's:
    `app.crash_sentence` is printed by the caller of `app.run()` once the terminal is back. Return code 70.
    (Textual's handler must run: an override that swallows the error leaves the app hanging, textual#2818.)"""
    if getattr(app, "crash_sentence", None) is not None:
        return  # the app is already closing after the first crash: errors on the way out add nothing (textual#5325)
    account = getattr(app, "account", None)  # the app's account (actions/account.py): where its ledger lives
    try:
        app.crash_sentence = sentence(error, getattr(account, "data_dir", None), None, getattr(app, "lang", "en"))
    except Exception:  # noqa: BLE001
        app.crash_sentence = f"jiebei-tui stopped on an unexpected error ({type(error).__name__})."
    base(error)
    app._exit_renderables.clear()  # Textual's traceback (with locals: ledger data) is not printed
    app._return_code = EXIT_CRASH


# --- the report file ---


def _folder(data_dir: Path | None) -> Path:
    if data_dir is not None:
        return Path(data_dir)
    from jiebei_tui.store import default_data_dir

    return default_data_dir()


def _folder_or_none(data_dir: Path | None) -> Path | str:
    try:
        return _folder(data_dir)
    except Exception:  # noqa: BLE001
        return "the data folder"


def _traceback(error: BaseException) -> list[str]:
    """The traceback without local variables, the error's own message cut to MAX_MESSAGE characters."""
    lines: list[str] = []
    for part in traceback.TracebackException.from_exception(error, capture_locals=False).format():
        lines.extend(part.rstrip("\n").split("\n"))
    if lines and len(lines[-1]) > MAX_MESSAGE:
        lines[-1] = lines[-1][:MAX_MESSAGE] + "…"
    inner = getattr(error, "error", None)  # Textual's WorkerFailed carries the worker's own error, not as its cause
    if isinstance(inner, BaseException) and inner is not error and inner is not error.__cause__:
        lines += ["", "The worker's own error:", *_traceback(inner)]
    return lines


def _safe(line: str) -> str:
    from jiebei_tui.text.safe import visible

    return visible(line)


def _create(folder: Path, stamp: str, data: bytes) -> Path:
    """A new file, 0600, created exclusively and without following a planted link."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    for n in range(100):
        path = folder / f"{PREFIX}{stamp}{'' if n == 0 else f'-{n}'}.txt"
        try:
            fd = os.open(path, flags, 0o600)
        except FileExistsError:
            continue
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        return path
    raise FileExistsError(folder / f"{PREFIX}{stamp}.txt")


def _prune(folder: Path, keep: Path) -> None:
    """Only the newest KEEP reports stay."""
    try:
        reports = [p for p in folder.iterdir() if p.name.startswith(PREFIX) and p.name.endswith(".txt")]
        reports.sort(key=lambda p: (p.lstat().st_mtime_ns, p.name))
        for old in reports[:-KEEP]:
            if old != keep and old.is_file() and not old.is_symlink():
                old.unlink()
    except OSError:
        pass
