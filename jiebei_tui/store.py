"""The one place that touches the data file.

Every change is one transaction: take an exclusive lock, re-read the file, apply the change, validate, write a
temporary file in the same folder, fsync, rename it over the old one, fsync the folder, release. The previous
good version is kept as `ledger.json.bak`. A file that cannot be read is never overwritten or replaced: the
error names the file and the problem, and `recover` is the only way past it.

Locking uses fcntl.flock from the standard library (Linux and macOS): no package needed for one lock file.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import json
import os
import shutil
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import TypeVar

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from jiebei_tui.domain.ledger import Ledger

# The ledger models (pydantic) are imported where a ledger is read or written, not when this module loads:
# commands that never open the ledger start faster.
T = TypeVar("T")
FILE_NAME = "ledger.json"
APP_NAME = "jiebei-tui"


class LedgerFileError(Exception):
    """The data file cannot be used. `key` picks the sentence in i18n; nothing was written."""

    def __init__(self, key: str, path: Path, **params: object) -> None:
        self.key = key
        self.path = path
        self.params = params
        super().__init__(self.sentence("en"))

    def sentence(self, lang: str = "en") -> str:
        from jiebei_tui.text.i18n import t

        return t(self.key, lang, path=str(self.path), **self.params)


def default_data_dir() -> Path:
    env = os.environ.get("JIEBEI_TUI_DATA_DIR")
    if env:
        return Path(env).expanduser()
    import platformdirs

    return platformdirs.user_data_path(APP_NAME)


# --- migrations: one function per schema version, from N to N+1 ---


def _v1_to_v2(data: dict) -> dict:
    """Version 1 held only loans and events; version 2 adds the product terms and settings."""
    data = dict(data)
    data.setdefault("terms", {})
    data.setdefault("settings", {})
    data.setdefault("demo", False)
    data["schema_version"] = 2
    return data


MIGRATIONS: dict[int, Callable[[dict], dict]] = {1: _v1_to_v2}


class Store:
    def __init__(self, data_dir: Path | None = None, *, demo: bool = True, today: dt.date | None = None) -> None:
        self.data_dir = Path(data_dir) if data_dir is not None else default_data_dir()
        self.path = self.data_dir / FILE_NAME
        self.backup_path = self.data_dir / (FILE_NAME + ".bak")
        self.lock_path = self.data_dir / (FILE_NAME + ".lock")
        self.demo = demo
        self.today = today or dt.date.today()
        self._peeked: tuple[tuple[int, int] | None, dict] | None = None  # (file signature, its settings)

    # --- reading ---

    def exists(self) -> bool:
        return self.path.exists()

    def signature(self) -> tuple[int, int] | None:
        """(modification time, size) of the file, to notice another program's change; None when absent."""
        try:
            st = self.path.stat()
        except FileNotFoundError:
            return None
        return st.st_mtime_ns, st.st_size

    def load(self) -> Ledger:
        """The ledger as it is on disk (no lock needed: writes are atomic renames). With no file yet: the demo
        ledger (or an empty one with demo off), in memory only."""
        ledger, _ = self._read(self.path)
        return ledger if ledger is not None else self._fresh()

    def _fresh(self) -> Ledger:
        from jiebei_tui.domain.demo import build_demo
        from jiebei_tui.domain.ledger import Ledger

        return build_demo(self.today) if self.demo else Ledger()

    def peek_settings(self) -> dict:
        """The saved settings (language, theme, keymap), read without validating the ledger: a start-up peek
        for cosmetic choices before the first frame. Empty when there is no file or it cannot be read (the
        real load reports that). Remembered while the file is unchanged: a command may ask twice."""
        signature = self.signature()
        if self._peeked is not None and self._peeked[0] == signature:
            return self._peeked[1]
        try:
            settings = json.loads(self.path.read_text(encoding="utf-8"))["settings"]
        except (OSError, ValueError, TypeError, KeyError):
            settings = {}
        settings = settings if isinstance(settings, dict) else {}
        self._peeked = signature, settings
        return settings

    def peek_reminder_zone(self) -> str | None:
        """The saved reminder time zone (None: the system's), by the same quick read."""
        reminders = self.peek_settings().get("reminders")
        name = reminders.get("timezone") if isinstance(reminders, dict) else None
        return name if isinstance(name, str) else None

    def saved_lang(self) -> str | None:
        lang = self.peek_settings().get("lang")
        return lang if lang in ("zh", "en") else None

    def _read(self, path: Path) -> tuple[Ledger | None, int | None]:
        """(ledger, schema version on disk) or (None, None) when the file does not exist."""
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return None, None
        except (OSError, UnicodeDecodeError) as err:
            raise LedgerFileError("file.unreadable", path, problem=err) from None
        return parse_ledger(text, path)

    # --- writing ---

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        self.data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd = os.open(self.lock_path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            yield
        finally:
            os.close(fd)  # closing releases the lock

    def transact(self, change: Callable[[Ledger], tuple[Ledger, T]]) -> T:
        """Apply `change` to the ledger as it is now on disk, under the lock, and write the result atomically.
        `change` returns (new ledger, result); if it raises, or returns the very ledger it was given (nothing
        to change), nothing is written."""
        with self._locked():
            from jiebei_tui.domain.ledger import SCHEMA_VERSION

            ledger, version = self._read(self.path)
            current = ledger if ledger is not None else self._fresh()
            new_ledger, result = change(current)
            if new_ledger is current:
                return result
            text = dump_ledger(new_ledger)
            _check_loads_back(new_ledger, current, self.path)
            if version is not None and version < SCHEMA_VERSION:
                keep = self.data_dir / f"{FILE_NAME}.schema-v{version}.bak"
                if not keep.exists():
                    shutil.copy2(self.path, keep)
            self._write(text)
            return result

    def _write(self, text: str) -> None:
        if self.path.exists():
            _atomic_write(self.backup_path, self.path.read_bytes())
        _atomic_write(self.path, text.encode("utf-8"))

    # --- recovery ---

    def recover_from_backup(self) -> tuple[Path, Path | None]:
        """Put the backup back; the unreadable file (if any) is moved aside, never deleted."""
        with self._locked():
            try:
                backup, _ = self._read(self.backup_path)
            except LedgerFileError as err:
                raise LedgerFileError("file.no_backup", self.backup_path, problem=f" ({err})") from None
            if backup is None:
                raise LedgerFileError("file.no_backup", self.backup_path, problem="")
            aside = self._move_aside()
            _atomic_write(self.path, dump_ledger(backup).encode("utf-8"))
            return self.path, aside

    def start_empty(self) -> Path | None:
        """Move the current file aside (kept, never deleted) and write an empty ledger."""
        with self._locked():
            from jiebei_tui.domain.ledger import Ledger

            aside = self._move_aside()
            _atomic_write(self.path, dump_ledger(Ledger()).encode("utf-8"))
            return aside

    def _move_aside(self) -> Path | None:
        if not self.path.exists():
            return None
        stamp = dt.datetime.now().strftime("%Y%m%d%H%M%S")
        aside = self.data_dir / f"{FILE_NAME}.corrupt-{stamp}"
        n = 1
        while aside.exists():
            aside = self.data_dir / f"{FILE_NAME}.corrupt-{stamp}-{n}"
            n += 1
        os.replace(self.path, aside)
        _fsync_dir(self.data_dir)
        return aside


def parse_ledger(text: str, path: Path) -> tuple[Ledger, int]:
    from pydantic import ValidationError

    from jiebei_tui.domain.ledger import SCHEMA_VERSION, Ledger

    try:
        data = json.loads(text, parse_float=Decimal)
    except json.JSONDecodeError as err:
        raise LedgerFileError("file.bad_json", path, line=err.lineno, column=err.colno, problem=err.msg) from None
    if not isinstance(data, dict):
        raise LedgerFileError("file.invalid", path, problem="the top level must be an object")
    version = data.get("schema_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise LedgerFileError("file.invalid", path, problem=f"schema_version: must be a whole number, got {version!r}")
    if version > SCHEMA_VERSION:
        raise LedgerFileError("file.future", path, version=version, known=SCHEMA_VERSION)
    for step in range(version, SCHEMA_VERSION):
        data = MIGRATIONS[step](data)
    try:
        return Ledger.model_validate(data), version
    except ValidationError as err:
        first = err.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "top level"
        more = f" and {err.error_count() - 1} more" if err.error_count() > 1 else ""
        raise LedgerFileError("file.invalid", path, problem=f"{where}: {first['msg']}{more}") from None


def _check_loads_back(new: Ledger, old: Ledger, path: Path) -> None:
    """What we are about to write must load back: validate it first (raises LedgerFileError).

    A change builds its new parts without pydantic's checks (model_copy), so they are validated here, through
    the file format itself. Events are frozen and every one carried over from `old` was validated when the file
    was read: only the events that are new are checked again, which keeps a save of 50,000 payments from
    validating all of them twice."""
    known = {id(event) for event in old.events}
    fresh = [event for event in new.events if id(event) not in known]
    parse_ledger(dump_ledger(new.model_copy(update={"events": fresh})), path)


def dump_ledger(ledger: Ledger) -> str:
    return ledger.model_dump_json(indent=2) + "\n"


def _atomic_write(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        raise
    _fsync_dir(path.parent)


def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
