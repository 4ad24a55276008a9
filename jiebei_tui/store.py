"""The one place that touches the data file.

Every change is one transaction: take an exclusive lock, re-read the file, apply the change, and only when the
ledger really changed: validate it, write a temporary file in the same folder, fsync, keep the file it replaces
as backup 1 (the older backups move down one, the last 10 are kept), rename the new one into place, fsync the
folder. Each write adds one to the ledger's revision and one entry to its history (what, from where, when),
which is what `undo` follows back through the backups. With no ledger file yet, a change is first tried on
what is shown without one (the demo, in memory): one that changes nothing, or is refused, makes no folder and no
lock file, and neither do `undo` or `recover` with nothing to act on (reads take no lock at all).

A file that cannot be read is never overwritten or replaced: the error names the file and the problem, and
`recover` is the only way past it. What a hostile hand or file system can do is refused the same way (exit 3):
links are never followed (ledger, lock, backups, temporary files), the data folder must be yours and writable
by you alone, the file is capped in size before it is read and in nesting before it is parsed, and a ledger
whose items contradict each other (domain/integrity.py) is named, not guessed at.

Locking uses fcntl.flock from the standard library (Linux and macOS): no package needed for one lock file.

Files in the data folder: `ledger.json`; `ledger.json.lock`; `ledger.json.bak.1` (newest) … `.bak.10`;
`ledger.json.schema-vN.bak` (a file as it was before its migration); `ledger.json.corrupt-STAMP` (a file that
could not be read, moved aside by recover); `.ledger.json.*.tmp` while writing (left by a killed run, removed by
the next transaction). A `ledger.json.bak` from an earlier version is taken into the numbered backups as the
newest.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import fcntl
import json
import os
import re
import stat
import sys
import time
from collections.abc import Callable, Iterator, Mapping
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from jiebei_tui.domain.value import Value, value

if TYPE_CHECKING:
    from jiebei_tui.domain.history import Change, ChangeRecord
    from jiebei_tui.domain.ledger import Ledger

try:  # SHA-256 as CPython builds it in: hashlib loads OpenSSL first, 2 ms of every launch and command (the seal)
    from _sha256 import sha256  # Python 3.11
except ImportError:  # 3.12 renamed it; a build without either has only hashlib's
    try:
        from _sha2 import sha256  # type: ignore[import-not-found, no-redef]
    except ImportError:
        from hashlib import sha256  # type: ignore[assignment, no-redef]

# The ledger models (pydantic) are imported where a ledger is read or written, not when this module loads:
# commands that never open the ledger start faster.
T = TypeVar("T")
FILE_NAME = "ledger.json"
APP_NAME = "jiebei-tui"
GENERATIONS = 10  # backups kept: ledger.json.bak.1 (newest) … .bak.10
MAX_BYTES = 64 * 1024 * 1024  # 1,000 loans with 50,000 payments take 8.5 MB
MAX_DEPTH = 32  # a ledger nests about 6 levels deep
MAX_NUMBER_CHARS = 40  # the longest number a ledger writes has under 20 characters
# A ledger this program checked and wrote starts with its seal, the SHA-256 of the rest of the file (and of the
# format and checks it was written under), so a read of it builds the ledger without checking it again: no
# pydantic, whose import and models were about a quarter of a launch (README, Start-up). A file edited by hand, or
# written by another version, no longer matches its seal and is checked in full, as every file is without one.
# Raise CHECKS_VERSION when a check is added that a file written before could fail.
CHECKS_VERSION = 1
_SEAL_START = b'{\n  "seal": "'
_SEAL_END = b'",\n'
LOCK_NOTICE_SECONDS = 1.0
LOCK_TIMEOUT_SECONDS = 30.0
_TEMP_ATTEMPTS = 16
_NUMBERED = re.compile(r"^ledger\.json\.bak\.([1-9][0-9]{0,3})$")
_SCHEMA_KEPT = re.compile(r"^ledger\.json\.schema-v[0-9]{1,4}\.bak$")


def _euid() -> int:
    """Who we run as (a function, so tests can play another user without root)."""
    return os.geteuid()


class Words:
    """A sentence to say later in the reader's language: an i18n key and its values."""

    def __init__(self, key: str, **params: object) -> None:
        self.key = key
        self.params = params

    def render(self, lang: str) -> str:
        from jiebei_tui.text.i18n import t

        return t(self.key, lang, **{name: _say(value, lang) for name, value in self.params.items()})

    def __str__(self) -> str:
        return self.render("en")


def _say(value: object, lang: str) -> object:
    """A value as a sentence shows it: words in the reader's language; text that may come from a file or a
    path with its control characters escaped (text.safe)."""
    from jiebei_tui.text.safe import visible

    if isinstance(value, Words):
        return value.render(lang)
    if isinstance(value, (LedgerFileError, UndoRefused)):
        return value.sentence(lang)
    if isinstance(value, (str, Path)):
        return visible(str(value))
    return value


class LedgerFileError(Exception):
    """The data file cannot be used (or a recovery was refused). `key` picks the sentence; nothing was written.
    `exit_code`: 3 for a file that cannot be used, 2 for a request refused as it was asked (e.g. restoring over
    a readable ledger without --force)."""

    def __init__(self, key: str, path: Path, *, exit_code: int = 3, **params: object) -> None:
        self.key = key
        self.path = path
        self.exit_code = exit_code
        self.params = params
        super().__init__(self.sentence("en"))

    def sentence(self, lang: str = "en") -> str:
        from jiebei_tui.text.i18n import t

        values = {name: _say(value, lang) for name, value in self.params.items()}
        return t(self.key, lang, path=_say(self.path, lang), **values)


class UndoRefused(Exception):
    """`undo` found nothing it can undo. `exit_code` 0: nothing recorded; 3: the version needed is gone."""

    def __init__(self, key: str, exit_code: int = 0, **params: object) -> None:
        self.key = key
        self.exit_code = exit_code
        self.params = params
        super().__init__(self.sentence("en"))

    def sentence(self, lang: str = "en") -> str:
        from jiebei_tui.text.i18n import t

        return t(self.key, lang, **{name: _say(value, lang) for name, value in self.params.items()})


def default_data_dir() -> Path:
    env = os.environ.get("JIEBEI_TUI_DATA_DIR")
    if env:
        from jiebei_tui.delivery.files import expand_home

        return expand_home(env)
    import platformdirs

    return platformdirs.user_data_path(APP_NAME)


def _cause(err: OSError) -> object:
    """What the system said went wrong, in words we have in both languages where we have them."""
    name = errno.errorcode.get(err.errno or 0, "")
    from jiebei_tui.text.i18n import STRINGS

    if f"cause.{name}" in STRINGS:
        return Words(f"cause.{name}")
    return err.strerror or str(err)


def _write_failed(path: Path, err: OSError) -> LedgerFileError:
    return LedgerFileError("file.write_failed", path, cause=_cause(err))


# --- migrations: one function per schema version, from N to N+1 ---


def _v1_to_v2(data: dict) -> dict:
    """Version 1 held only loans and events; version 2 adds the product terms and settings."""
    data = dict(data)
    data.setdefault("terms", {})
    data.setdefault("settings", {})
    data.setdefault("demo", False)
    data["schema_version"] = 2
    return data


def _v2_to_v3(data: dict) -> dict:
    """Version 3 numbers each write (revision) and records what each change was (history). Other fields new
    in version 3 take their defaults in their models."""
    data = dict(data)
    data.setdefault("revision", 0)
    data.setdefault("history", [])
    data["schema_version"] = 3
    return data


MIGRATIONS: dict[int, Callable[[dict], dict]] = {1: _v1_to_v2, 2: _v2_to_v3}


# --- what the store hands out ---


@value
class Generation(Value):
    """One backup: `number` 1 is the newest. `ledger` is None when it cannot be used (`problem` says why)."""

    number: int
    path: Path
    saved: dt.datetime | None
    ledger: Ledger | None
    problem: LedgerFileError | None

    @property
    def loans(self) -> int:
        return len(self.ledger.loans) if self.ledger is not None else 0

    @property
    def payments(self) -> int:
        return len(self.ledger.events) if self.ledger is not None else 0

    @property
    def revision(self) -> int | None:
        return self.ledger.revision if self.ledger is not None else None


@value
class Recovered(Value):
    """What a recovery did: the backup restored (None: started empty), where the ledger that was there went
    (`kept`: it was readable and is now backup 1; `aside`: it could not be read and was moved aside), and the
    ledger's revision now."""

    path: Path
    restored: Generation | None
    kept: Path | None
    aside: Path | None
    revision: int
    ledger: Ledger | None = None  # the ledger as the recovery wrote it


@value
class Undone(Value):
    """What an undo did: the change undone, the revision the ledger went back to (None: to no ledger at all,
    an empty one), and the ledger's revision now (an undo is itself a write)."""

    change: ChangeRecord
    restored: int | None
    revision: int
    ledger: Ledger | None = None  # the ledger as the undo wrote it


@value
class Applied(Value):
    """What a transaction did: `ledger` is the ledger as it now stands (as written, revision and history
    included; the one read when nothing changed), `result` the change's own result, `written` whether the
    file was written, `signature` the file's (modification time, size) right after, taken under the lock."""

    ledger: Ledger
    result: Any
    written: bool
    signature: tuple[int, int] | None


# --- the store ---


class Store:
    """The ledger file in `data_dir`.

    `source` ("cli", "app") and `clock` (an aware datetime now) go into every history entry; `lang` is the
    language of the "waiting for the lock" line; `lock_notice` and `lock_timeout` are seconds (default
    LOCK_NOTICE_SECONDS and LOCK_TIMEOUT_SECONDS, read when the store is made; tests shorten them);
    `on_wait(path)` is called once when the lock has been waited on for `lock_notice` seconds (default: a line
    on standard error)."""

    def __init__(
        self,
        data_dir: Path | None = None,
        *,
        demo: bool = True,
        today: dt.date | None = None,
        source: str = "cli",
        clock: Callable[[], dt.datetime] | None = None,
        lang: str = "en",
        lock_notice: float | None = None,
        lock_timeout: float | None = None,
        on_wait: Callable[[Path], None] | None = None,
    ) -> None:
        self.data_dir = Path(data_dir) if data_dir is not None else default_data_dir()
        self.path = self.data_dir / FILE_NAME
        self.backup_path = self.generation_path(1)  # the newest backup
        self.legacy_backup_path = self.data_dir / (FILE_NAME + ".bak")  # the single backup of earlier versions
        self.lock_path = self.data_dir / (FILE_NAME + ".lock")
        self.demo = demo
        self.today = today or dt.date.today()
        self.source = source
        self.clock = clock or (lambda: dt.datetime.now(dt.timezone.utc).astimezone())
        self.lang = lang
        self.lock_notice = LOCK_NOTICE_SECONDS if lock_notice is None else lock_notice
        self.lock_timeout = LOCK_TIMEOUT_SECONDS if lock_timeout is None else lock_timeout
        self.on_wait = on_wait
        self._peeked: tuple[tuple[int, int] | None, dict] | None = None  # (file signature, its settings)

    def generation_path(self, number: int) -> Path:
        return self.data_dir / f"{FILE_NAME}.bak.{number}"

    # --- the folder ---

    def _check_name(self) -> None:
        from jiebei_tui.text.safe import unsafe

        if any(unsafe(ch) for ch in str(self.data_dir)):
            raise LedgerFileError("file.dir_name", self.data_dir)

    def _folder_exists(self) -> bool:
        """Is the data folder there (False: not yet)? Refuses one that is not a folder, is not ours, or can be
        written by others: anyone who can write in it can swap our files. A link to a folder is fine."""
        self._check_name()
        try:
            st = os.stat(self.data_dir)
        except FileNotFoundError:
            return False
        except NotADirectoryError:
            raise LedgerFileError("file.dir_not_folder", self.data_dir) from None
        except OSError as err:
            raise LedgerFileError("file.unreadable", self.data_dir, problem=_cause(err)) from None
        if not stat.S_ISDIR(st.st_mode):
            raise LedgerFileError("file.dir_not_folder", self.data_dir)
        import shlex

        quoted = shlex.quote(str(self.data_dir))
        if st.st_uid != _euid():
            raise LedgerFileError("file.dir_owner", self.data_dir, owner=_user_name(st.st_uid),
                                  fix=f"chown {_user_name(_euid())} {quoted}")
        if st.st_mode & 0o022:
            raise LedgerFileError("file.dir_mode", self.data_dir, mode=f"{stat.S_IMODE(st.st_mode):04o}",
                                  fix=f"chmod 700 {quoted}")
        return True

    def _make_folder(self) -> None:
        """Create the data folder and any missing parents, each 0700 whatever the umask."""
        missing = []
        folder = self.data_dir
        while not os.path.lexists(folder) and folder != folder.parent:
            missing.append(folder)
            folder = folder.parent
        for folder in reversed(missing):
            try:
                os.mkdir(folder, 0o700)
                os.chmod(folder, 0o700)  # mkdir's mode passes through the umask
            except FileExistsError:
                continue
            except OSError as err:
                raise _write_failed(folder, err) from None
        self._folder_exists()

    # --- reading ---

    def exists(self) -> bool:
        return os.path.lexists(self.path)

    def signature(self) -> tuple[int, int] | None:
        """(modification time, size) of the file, to notice another program's change; None when absent."""
        try:
            st = os.lstat(self.path)
        except OSError:
            return None
        return st.st_mtime_ns, st.st_size

    def load(self) -> Ledger:
        """The ledger as it is on disk (no lock needed: writes are atomic renames). With no file yet: the demo
        ledger (or an empty one with demo off), in memory only. Raises LedgerFileError when the file cannot be
        used, and when it is missing but backups of it are there."""
        ledger, _, _ = self._read_current()
        return ledger if ledger is not None else self._fresh()

    def _fresh(self) -> Ledger:
        from jiebei_tui.domain.demo import build_demo
        from jiebei_tui.domain.ledger import Ledger

        return build_demo(self.today) if self.demo else Ledger.model_construct()

    def peek_settings(self) -> dict:
        """The saved settings (language, theme, keymap), read without validating the ledger: a start-up peek
        for cosmetic choices before the first frame. Empty when there is no file or it cannot be used (the
        real load reports that). Remembered while the file is unchanged: a command may ask twice."""
        signature = self.signature()
        if self._peeked is not None and self._peeked[0] == signature:
            return self._peeked[1]
        try:
            raw = self._read_bytes(self.path) if self._folder_exists() else None
            settings = _loads(raw.decode("utf-8"))["settings"] if raw is not None else {}
        except (LedgerFileError, ValueError, TypeError, KeyError, RecursionError, OSError):
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

    def _read_current(self) -> tuple[Ledger | None, int | None, bytes | None]:
        """(ledger, schema version on disk, the file's bytes), or Nones when there is no file. A missing file
        beside backups of it is refused: a demo (and a write over it) would hide the borrower's data."""
        ledger, version, raw = self._read_current_or_none()
        if raw is None:
            backups = self._backup_names()
            if backups:
                raise LedgerFileError("file.missing_beside_backup", self.path, backup=self.data_dir / backups[0])
        return ledger, version, raw

    def _read_current_or_none(self) -> tuple[Ledger | None, int | None, bytes | None]:
        if not self._folder_exists():
            return None, None, None
        raw = self._read_bytes(self.path)
        if raw is None:
            return None, None, None
        ledger, version = parse_ledger(raw, self.path)
        return ledger, version, raw

    def _read_bytes(self, path: Path) -> bytes | None:
        """The file's bytes, or None when it does not exist. A link is not followed and only a regular file is
        read; one larger than MAX_BYTES is refused by its size, before any of it is read."""
        try:
            fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
        except FileNotFoundError:
            return None
        except OSError as err:
            if err.errno == errno.ELOOP:
                raise LedgerFileError("file.symlink", path) from None
            raise LedgerFileError("file.unreadable", path, problem=_cause(err)) from None
        try:
            st = os.fstat(fd)
            _check_regular(path, st.st_mode)
            if st.st_size > MAX_BYTES:
                raise _too_big(path, st.st_size)
            chunks = []
            total = 0
            while True:
                chunk = os.read(fd, min(MAX_BYTES + 1 - total, max(st.st_size + 1 - total, 1 << 16)))
                if not chunk:
                    break
                chunks.append(chunk)
                total += len(chunk)
                if total > MAX_BYTES:  # it grew while we read
                    raise _too_big(path, total)
            return b"".join(chunks)
        except OSError as err:
            raise LedgerFileError("file.unreadable", path, problem=_cause(err)) from None
        finally:
            os.close(fd)

    # --- the lock ---

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        if not self._folder_exists():
            self._make_folder()
        try:
            fd = os.open(self.lock_path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC, 0o600)
        except OSError as err:
            if err.errno == errno.ELOOP:
                raise LedgerFileError("file.symlink", self.lock_path) from None
            if err.errno == errno.EISDIR:
                raise LedgerFileError("file.not_regular", self.lock_path, kind=Words("kind.folder")) from None
            raise _write_failed(self.lock_path, err) from None
        try:
            _check_regular(self.lock_path, os.fstat(fd).st_mode)
            self._wait_for(fd)
            self._remove_strays()
            yield
        except OSError as err:  # whatever the file system refused on the way: one sentence, nothing changed
            where = Path(os.fsdecode(err.filename)) if err.filename else self.path
            raise _write_failed(where, err) from None
        finally:
            os.close(fd)  # closing releases the lock

    def _wait_for(self, fd: int) -> None:
        """Take the lock; after `lock_notice` seconds say we are waiting, after `lock_timeout` give up."""
        start = time.monotonic()
        told = False
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                return
            except BlockingIOError:
                pass
            waited = time.monotonic() - start
            if waited >= self.lock_timeout:
                seconds = f"{self.lock_timeout:g}"
                raise LedgerFileError("file.lock_timeout", self.lock_path, seconds=seconds)
            if not told and waited >= self.lock_notice:
                told = True
                if self.on_wait is not None:
                    self.on_wait(self.lock_path)
                else:
                    print(Words("file.lock_wait", path=self.lock_path).render(self.lang), file=sys.stderr, flush=True)
            time.sleep(min(0.05, max(self.lock_timeout - waited, 0.001)))

    def _remove_strays(self) -> None:
        """Temporary files left by a run that was killed mid-write (we hold the lock: none is in use)."""
        try:
            names = os.listdir(self.data_dir)
        except OSError:
            return
        for name in names:
            if name.startswith("." + FILE_NAME) and name.endswith(".tmp"):
                with contextlib.suppress(OSError):
                    os.unlink(self.data_dir / name)  # unlink removes a link itself, never what it points to

    # --- changing the ledger ---

    def transact(self, change: Callable[[Ledger], tuple[Ledger, T]], **options: Any) -> T:
        """Apply `change` to the ledger as it is now on disk, under the lock, and write the result atomically;
        returns the change's result (`apply`, with the same options, also returns the ledger as written).

        `change` returns (new ledger, result). If it raises, or the ledger it returns equals the one it was
        given (the same data, whatever the objects), nothing is written: not the file, not a backup. Otherwise
        the revision goes up by one and the history records `action` (a key such as "pay"), `params` (the
        change's values, or a function of `result` giving them, for ids known only once it ran), `source`
        ("cli", "app"; default the store's) and the time.

        `bookkeeping`: a record the program keeps for itself (which reminders were delivered), not a change of
        the borrower's: written in place, without a revision, a history entry or a backup generation (a year
        of reminder runs would otherwise fill the history and push every real change out of the backups), and
        never undone."""
        return self.apply(change, **options).result

    def apply(
        self,
        change: Callable[[Ledger], tuple[Ledger, T]],
        *,
        action: str = "change",
        params: Mapping[str, object] | Callable[[T], Mapping[str, object]] | None = None,
        source: str | None = None,
        bookkeeping: bool = False,
    ) -> Applied:
        """`transact` (see there for the options), returning what it did (Applied): the ledger as it now stands,
        so a caller holding the ledger need not read the file again."""
        from jiebei_tui.domain.history import Change, bounded, clean_params
        from jiebei_tui.domain.ledger import SCHEMA_VERSION

        tried = self._first_look(change)
        if tried is not None and (tried[1] is tried[0] or tried[1] == tried[0]):
            return Applied(tried[0], tried[2], False, None)
        with self._locked():
            ledger, version, raw = self._read_current()
            if ledger is None and tried is not None:  # still no file: the change tried on the demo stands
                current, (new_ledger, result) = tried[0], tried[1:]
            else:
                current = ledger if ledger is not None else self._fresh()
                new_ledger, result = change(current)
            # Unchanged when equal to what was read, whatever the objects: field by field, the data the file
            # holds (comparing the texts instead would cost a second serialisation of every write).
            if new_ledger is current or new_ledger == current:
                return Applied(current, result, False, self.signature())
            if bookkeeping and ledger is not None:
                text = dump_ledger(new_ledger)
                _check_loads_back(new_ledger, current, self.path)
                self._commit(sealed(text), previous=None)
                return Applied(new_ledger, result, True, self.signature())
            values = params(result) if callable(params) else (params or {})
            entry = Change(
                revision=current.revision + 1,
                before=current.revision if ledger is not None else None,
                action=action,
                params=clean_params(dict(values)),
                source=source or self.source,
                at=self.clock(),
            )
            stamped = new_ledger.model_copy(
                update={"revision": entry.revision, "history": bounded([*current.history, entry])}
            )
            text = dump_ledger(stamped)
            _check_loads_back(stamped, current, self.path)
            if version is not None and version < SCHEMA_VERSION:
                self._keep_original(version, raw)
            self._commit(sealed(text), previous=raw)
            return Applied(stamped, result, True, self.signature())

    def _first_look(self, change: Callable[[Ledger], tuple[Ledger, T]]) -> tuple[Ledger, Ledger, T] | None:
        """With no ledger file yet: (what is shown without one, the change's ledger, its result), tried before
        any folder or lock file is made, so that a change that changes nothing (or is refused: it raises) leaves
        the disk as it was found; None when there is a file. Sound without the lock, as a read is: nothing is
        written, and it is as if it ran at the moment the file was seen missing. A change that does change
        something is written under the lock, on the file as it then is (tried again if one appeared)."""
        if self.exists():
            return None
        ledger, _, _ = self._read_current()  # the folder's checks; a missing file beside backups is refused
        if ledger is not None:
            return None
        current = self._fresh()
        new_ledger, result = change(current)
        return current, new_ledger, result

    def _keep_original(self, version: int, raw: bytes) -> None:
        """Before the first write in a newer format, the file as it was (never overwritten once kept)."""
        keep = self.data_dir / f"{FILE_NAME}.schema-v{version}.bak"
        try:
            st = os.lstat(keep)
        except FileNotFoundError:
            self._atomic_write(keep, raw)
            return
        if stat.S_ISLNK(st.st_mode):
            raise LedgerFileError("file.symlink", keep)
        _check_regular(keep, st.st_mode)

    def _commit(self, data: bytes, *, previous: bytes | None, aside: bool = False, drop: Path | None = None) -> Path | None:
        """Put `data` in place as the ledger. The new file is written and synced first, so a failure (a full
        disk) leaves everything as it was. Then the ledger it replaces is kept: as backup 1 when `previous`
        (its bytes) is given, moved aside as unreadable when `aside`. `drop`: a backup whose content is the
        new ledger (undo), removed once it is in place. Returns where the replaced ledger went."""
        tmp = self._write_temp(self.path, data)
        where: Path | None = None
        try:
            try:
                if previous is not None:
                    drop = self._rotate(previous, drop)
                    where = self.backup_path
                elif aside:
                    where = self._move_aside()
                os.replace(tmp, self.path)
            except OSError as err:
                raise _write_failed(self.path, err) from None
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
        if drop is not None:
            with contextlib.suppress(OSError):
                os.unlink(drop)
        self._fsync_dir()
        return where

    def _rotate(self, previous: bytes, drop: Path | None = None) -> Path | None:
        """Move every backup down one (beyond GENERATIONS the oldest go) and keep the current ledger as backup
        1. Renames and unlinks act on names, never through links. `drop` (a backup about to become the ledger,
        by undo) does not count towards the GENERATIONS; returns its new path."""
        paths = self._generation_paths()
        for path in paths:
            st = os.lstat(path)
            if stat.S_ISLNK(st.st_mode):
                raise LedgerFileError("file.symlink", path)
            _check_regular(path, st.st_mode)
        others = [p for p in paths if p != drop]
        for path in others[GENERATIONS - 1:]:
            os.unlink(path)
        kept = [p for p in paths if p == drop or p in others[: GENERATIONS - 1]]
        dropped_to = None
        for index in range(len(kept) - 1, -1, -1):
            target = self.generation_path(index + 2)
            if kept[index] != target:
                os.rename(kept[index], target)
            if kept[index] == drop:
                dropped_to = target
        try:
            os.link(self.path, self.backup_path, follow_symlinks=False)  # the old file itself, no copy
        except OSError as err:
            if err.errno == errno.EEXIST:
                raise
            self._atomic_write(self.backup_path, previous)  # a file system without hard links
        return dropped_to

    def _generation_paths(self) -> list[Path]:
        """The backups there are, newest first: an earlier version's `ledger.json.bak`, then .bak.1, .bak.2 …"""
        try:
            names = os.listdir(self.data_dir)
        except FileNotFoundError:
            return []
        except OSError as err:
            raise LedgerFileError("file.unreadable", self.data_dir, problem=_cause(err)) from None
        numbered = sorted((int(m[1]), name) for name in names if (m := _NUMBERED.match(name)))
        found = [self.legacy_backup_path] if self.legacy_backup_path.name in names else []
        return found + [self.data_dir / name for _, name in numbered]

    def _backup_names(self) -> list[str]:
        """Every backup of the ledger in the folder (numbered ones first, then originals kept by migration)."""
        try:
            names = os.listdir(self.data_dir)
        except OSError:
            return []
        found = [p.name for p in self._generation_paths()]
        return found + sorted(name for name in names if _SCHEMA_KEPT.match(name))

    def _write_temp(self, path: Path, data: bytes) -> Path:
        """A new temporary file beside `path` holding `data`, synced. Created exclusively under an unguessable
        name, never through a link: a planted file or link makes us pick another name, never write elsewhere."""
        import secrets  # here, not at start-up: it brings random and hashlib

        for _ in range(_TEMP_ATTEMPTS):
            tmp = path.with_name(f".{path.name}.{secrets.token_hex(8)}.tmp")
            try:
                fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC, 0o600)
            except FileExistsError:
                continue
            except OSError as err:
                raise _write_failed(path, err) from None
            break
        else:
            raise _write_failed(path, FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST)))
        try:
            try:
                view = memoryview(data)
                while view:
                    written = os.write(fd, view)
                    view = view[written:]
                os.fsync(fd)
            finally:
                os.close(fd)
        except OSError as err:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise _write_failed(path, err) from None
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
        return tmp

    def _atomic_write(self, path: Path, data: bytes) -> None:
        tmp = self._write_temp(path, data)
        try:
            os.replace(tmp, path)
        except OSError as err:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise _write_failed(path, err) from None
        self._fsync_dir()

    def _fsync_dir(self) -> None:
        with contextlib.suppress(OSError):  # the data is in place; a folder that cannot be synced is no reason to fail
            fd = os.open(self.data_dir, os.O_RDONLY | os.O_DIRECTORY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)

    # --- backups, recovery, undo ---

    def generations(self) -> list[Generation]:
        """The backups, newest first (number 1), each read (without following links) to say what it holds."""
        if not self._folder_exists():
            return []
        return [self._generation(number, path) for number, path in enumerate(self._generation_paths(), start=1)]

    def _generation(self, number: int, path: Path) -> Generation:
        try:
            saved = dt.datetime.fromtimestamp(os.lstat(path).st_mtime).astimezone()
        except OSError:
            saved = None
        try:
            raw = self._read_bytes(path)
            if raw is None:
                raise LedgerFileError("file.unreadable", path, problem=Words("cause.ENOENT"))
            ledger, _ = parse_ledger(raw, path)
        except LedgerFileError as err:
            return Generation(number, path, saved, None, err)
        return Generation(number, path, saved, ledger, None)

    def _state(self) -> tuple[Ledger | None, bytes | None, LedgerFileError | None]:
        """The ledger now, for recovery: (ledger, bytes, None) readable; (None, None, error) unreadable;
        (None, None, None) missing."""
        try:
            ledger, _, raw = self._read_current_or_none()
        except LedgerFileError as err:
            if err.key.startswith("file.dir"):
                raise
            return None, None, err
        return ledger, raw, None

    def recover_from_backup(self, number: int | None = None, *, force: bool = False, source: str | None = None) -> Recovered:
        """Restore backup `number` (default: the newest that can be used). Over a readable ledger only with
        `force`; that ledger is then kept as backup 1. An unreadable one is moved aside, never deleted."""
        from jiebei_tui.domain.history import Change, bounded
        from jiebei_tui.domain.ledger import issued_at_least

        if not self.exists():  # a refusal with no ledger makes no folder or lock file (see _first_look)
            self._chosen(self.generations(), number)
        with self._locked():
            gens = self.generations()
            chosen = self._chosen(gens, number)
            current, raw, _ = self._state()
            if current is not None and not force:
                raise self._readable(current)
            revision = 1 + max([current.revision if current is not None else 0, *(g.revision or 0 for g in gens)])
            entry = Change(
                revision=revision,
                before=current.revision if current is not None else None,
                action="recover.backup",
                params={"number": chosen.number, "revision": chosen.ledger.revision},
                source=source or self.source,
                at=self.clock(),
            )
            restored = chosen.ledger.model_copy(
                update={"revision": revision, "history": bounded([*chosen.ledger.history, entry])}
            )
            if current is not None:
                restored = issued_at_least(restored, current)
                restored = restored.model_copy(update={"settings": restored.settings.with_choices_of(current.settings)})
            text = dump_ledger(restored)
            _check_loads_back(restored, chosen.ledger, self.path)
            where = self._commit(sealed(text), previous=raw, aside=current is None)
            return Recovered(self.path, chosen, where if current is not None else None,
                             where if current is None else None, revision, restored)

    def _chosen(self, gens: list[Generation], number: int | None) -> Generation:
        """Backup `number` (None: the newest that can be used) among `gens`, or why it cannot be restored."""
        if number is None:
            chosen = next((g for g in gens if g.ledger is not None), None)
            if chosen is None:
                why = gens[0].problem if gens else Words("file.no_backups", path=self.path)
                raise LedgerFileError("file.no_backup", self.path, problem=why)
            return chosen
        chosen = next((g for g in gens if g.number == number), None)
        if chosen is None:
            known = ", ".join(str(g.number) for g in gens) or "—"
            raise LedgerFileError("recover.no_such_backup", self.path, exit_code=2, number=number, known=known)
        if chosen.ledger is None:
            raise LedgerFileError("recover.backup_unusable", chosen.path, number=number, problem=chosen.problem)
        return chosen

    def start_empty(self, *, force: bool = False, source: str | None = None) -> Recovered:
        """An empty ledger in place of the one there: an unreadable one is moved aside, a readable one (only
        with `force`) kept as backup 1. Never deleted."""
        from jiebei_tui.domain.history import Change
        from jiebei_tui.domain.ledger import Ledger

        with self._locked():
            current, raw, _ = self._state()
            if current is not None and not force:
                raise self._readable(current)
            gens = self.generations()
            revision = 1 + max([current.revision if current is not None else 0, *(g.revision or 0 for g in gens)])
            entry = Change(
                revision=revision,
                before=current.revision if current is not None else None,
                action="recover.empty",
                source=source or self.source,
                at=self.clock(),
            )
            empty = Ledger(revision=revision, history=[entry])
            where = self._commit(sealed(dump_ledger(empty)), previous=raw, aside=current is None)  # checked: built
            return Recovered(self.path, None, where if current is not None else None,
                             where if current is None else None, revision, empty)

    def _readable(self, ledger: Ledger) -> LedgerFileError:
        return LedgerFileError("recover.readable", self.path, exit_code=2, revision=ledger.revision,
                               loans=len(ledger.loans), payments=len(ledger.events))

    def undo(self, *, source: str | None = None) -> Undone:
        """Put the ledger back as it was before the last change not yet undone, from the backup that holds
        that version (which then becomes the ledger; the ledger undone is kept as backup 1). Again and again,
        as far back as the backups reach. Raises UndoRefused when there is nothing (left) to undo."""
        from jiebei_tui.domain.history import UNDO, Change, ChangeRecord, bounded, last_undoable
        from jiebei_tui.domain.ledger import issued_at_least

        if not self.exists():  # nothing to undo: refused without making a folder or lock file (see _first_look)
            self._read_current()  # a missing file beside backups is refused as such
            raise UndoRefused("undo.nothing")
        with self._locked():
            ledger, _, raw = self._read_current()
            entry = last_undoable(ledger.history) if ledger is not None else None
            if ledger is None or entry is None:
                raise UndoRefused("undo.nothing")
            what = ChangeWords(entry)
            drop = None
            if entry.before is None:
                if entry.action.startswith("recover"):
                    raise UndoRefused("undo.unreadable_before", exit_code=3, what=what)
                # that change made the first ledger file: before it there was none, and the program showed what
                # it shows without one (the demo, unless it is off). An empty ledger there lost the demo for good
                # ("Undid the repayment E7" on a demo loan, and no loans at all).
                target = self._fresh()
            else:
                found = None
                for number, path in enumerate(self._generation_paths(), start=1):
                    gen = self._generation(number, path)
                    if gen.ledger is not None and gen.ledger.revision == entry.before:
                        found = gen
                        break
                if found is None:
                    raise UndoRefused("undo.beyond", exit_code=3, what=what, before=entry.before)
                target, drop = found.ledger, found.path
            undone = ChangeRecord(**entry.model_dump(exclude={"undid"}))
            record = Change(
                revision=ledger.revision + 1,
                before=ledger.revision,
                action=UNDO,
                source=source or self.source,
                at=self.clock(),
                undid=undone,
            )
            result = target.model_copy(
                update={"revision": record.revision, "history": bounded([*target.history, record]),
                        "settings": target.settings.with_choices_of(ledger.settings)}
            )
            result = issued_at_least(result, ledger)  # ids given out since are not given out again
            text = dump_ledger(result)
            _check_loads_back(result, target, self.path)
            self._commit(sealed(text), previous=raw, drop=drop)
            return Undone(undone, entry.before, record.revision, result)

    def _move_aside(self) -> Path | None:
        """The unreadable ledger, renamed (kept, never deleted) to ledger.json.corrupt-STAMP."""
        if not os.path.lexists(self.path):
            return None
        stamp = dt.datetime.now().strftime("%Y%m%d%H%M%S")
        aside = self.data_dir / f"{FILE_NAME}.corrupt-{stamp}"
        n = 1
        while os.path.lexists(aside):
            aside = self.data_dir / f"{FILE_NAME}.corrupt-{stamp}-{n}"
            n += 1
        os.rename(self.path, aside)
        return aside


class ChangeWords(Words):
    """A history entry in words: its action's sentence with its parameters (`change.<action>`), or a plain
    one when the action has no sentence or its parameters do not fit."""

    def __init__(self, change: ChangeRecord) -> None:
        super().__init__("change.generic")
        self.change = change

    def render(self, lang: str) -> str:
        from jiebei_tui.text.i18n import STRINGS, t

        change = self.change
        key = f"change.{change.action}"
        if key in STRINGS:
            values: dict[str, object] = {name: _say(value, lang) for name, value in change.params.items()}
            if isinstance(change.params.get("amount"), str):
                with contextlib.suppress(ArithmeticError, ValueError):
                    values["amount"] = Decimal(change.params["amount"])
            with contextlib.suppress(KeyError, IndexError, ValueError):
                return t(key, lang, **values)
        return t("change.generic", lang, action=change.action, revision=change.revision)


def _user_name(uid: int) -> str:
    import pwd

    try:
        return pwd.getpwuid(uid).pw_name
    except KeyError:
        return str(uid)


def _check_regular(path: Path, mode: int) -> None:
    if stat.S_ISREG(mode):
        return
    if stat.S_ISLNK(mode):
        raise LedgerFileError("file.symlink", path)
    kind = "kind.folder" if stat.S_ISDIR(mode) else "kind.other"
    raise LedgerFileError("file.not_regular", path, kind=Words(kind))


def _too_big(path: Path, size: int) -> LedgerFileError:
    return LedgerFileError("file.too_big", path, size=f"{size / 2**20:,.0f}", max=MAX_BYTES // 2**20)


# --- the file format ---


class _BadNumber(ValueError):
    def __init__(self, text: str, key: str) -> None:
        super().__init__(text)
        self.text = text
        self.key = key


def _int(text: str) -> int:
    if len(text) > MAX_NUMBER_CHARS:
        raise _BadNumber(text, "file.big_number")
    return int(text)


def _decimal(text: str) -> Decimal:
    if len(text) > MAX_NUMBER_CHARS:
        raise _BadNumber(text, "file.big_number")
    return Decimal(text)


def _constant(text: str) -> Any:
    raise _BadNumber(text, "file.bad_constant")


def _loads(text: str) -> Any:
    return json.loads(text, parse_float=_decimal, parse_int=_int, parse_constant=_constant)


_STRUCTURE = b'"[]{}'
_NOT_STRUCTURE = bytes(c for c in range(256) if c not in _STRUCTURE)
_PAIR = re.compile(rb"\[\]|\{\}")


def _too_deep(raw: bytes, limit: int = MAX_DEPTH) -> bool:
    """Does the JSON text nest lists and objects deeper than `limit`? Checked before parsing, in C-speed
    passes over bytes (about 10 ms for 8.5 MB): drop escaped backslashes and quotes, keep only quotes and
    brackets, drop what is inside strings, then peel the innermost pairs off once per level."""
    if b"\\" in raw:
        raw = raw.replace(b"\\\\", b"").replace(b'\\"', b"")
    marks = raw.translate(None, _NOT_STRUCTURE).replace(b'""', b"")  # removing "" keeps the quotes paired
    if b'"' in marks:  # strings holding brackets: what is between each pair of quotes goes
        marks = b"".join(marks.split(b'"')[::2])
    for _ in range(limit):
        if not marks:
            return False
        peeled = _PAIR.sub(b"", marks)
        if len(peeled) == len(marks):  # unbalanced: the parser names where, unless there are many
            return len(marks) > limit
        marks = peeled
    return bool(marks)


def _line_column(text: str, fragment: str) -> tuple[int, int]:
    at = max(text.find(fragment), 0)
    line = text.count("\n", 0, at) + 1
    return line, at - (text.rfind("\n", 0, at) + 1) + 1


def _seal_of(body: bytes) -> str:
    from jiebei_tui.domain.ledger import SCHEMA_VERSION

    return sha256(f"jiebei-tui {SCHEMA_VERSION} {CHECKS_VERSION}\n".encode() + body).hexdigest()


def sealed(text: str) -> bytes:
    """The file's bytes for a ledger's text (dump_ledger) that has just been checked: sealed as such."""
    body = text.encode("utf-8")
    return _SEAL_START + _seal_of(body).encode() + _SEAL_END + body[2:]


def _unsealed(raw: bytes) -> bytes | None:
    """The file without its seal when the seal matches the rest (this program wrote it, checked); else None."""
    end = len(_SEAL_START) + 64
    if not raw.startswith(_SEAL_START) or raw[end:end + len(_SEAL_END)] != _SEAL_END:
        return None
    body = b"{\n" + raw[end + len(_SEAL_END):]
    return body if _seal_of(body).encode() == raw[len(_SEAL_START):end] else None


def parse_ledger(raw: bytes | str, path: Path, *, integrity: bool = True) -> tuple[Ledger, int]:
    """The ledger in `raw` (the file's bytes) and the schema version it was written in, migrated to this
    version and checked: JSON, nesting, number sizes, every field, then the items against each other. A file
    whose seal matches was all that when it was written: it is read as it is."""
    from jiebei_tui.domain.ledger import SCHEMA_VERSION, Ledger

    if isinstance(raw, str):
        raw = raw.encode("utf-8")
    if len(raw) > MAX_BYTES:
        raise _too_big(path, len(raw))
    body = _unsealed(raw)
    if body is not None:
        try:
            return Ledger.trusted(_loads(body.decode("utf-8"))), SCHEMA_VERSION
        except (ValueError, TypeError, KeyError, AttributeError, ArithmeticError, RecursionError):
            pass  # a seal computed by hand over what the program would not write: checked in full, below
    from pydantic import ValidationError

    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        raise LedgerFileError("file.not_utf8", path, position=err.start + 1) from None
    if _too_deep(raw):
        raise LedgerFileError("file.too_deep", path, max=MAX_DEPTH)
    try:
        data = _loads(text)
    except json.JSONDecodeError as err:
        raise LedgerFileError("file.bad_json", path, line=err.lineno, column=err.colno, problem=err.msg) from None
    except _BadNumber as err:
        line, column = _line_column(text, err.text)
        raise LedgerFileError(err.key, path, digits=len(err.text), max=MAX_NUMBER_CHARS, line=line, column=column,
                              name=err.text) from None
    except RecursionError:
        raise LedgerFileError("file.too_deep", path, max=MAX_DEPTH) from None
    if not isinstance(data, dict):
        raise LedgerFileError("file.invalid", path, problem="the top level must be an object")
    version = data.get("schema_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        shown = repr(version)[:40]
        raise LedgerFileError("file.invalid", path, problem=f"schema_version: must be a whole number, got {shown}")
    if version > SCHEMA_VERSION:
        raise LedgerFileError("file.future", path, version=version, known=SCHEMA_VERSION)
    data.pop("seal", None)  # one that does not match: the file is checked as if it had none
    for step in range(version, SCHEMA_VERSION):
        data = MIGRATIONS[step](data)
    try:
        ledger = Ledger.model_validate(data)
    except ValidationError as err:
        first = err.errors(include_url=False, include_input=False)[0]
        where = ".".join(str(p)[:40] for p in first["loc"]) or "top level"
        more = f" and {err.error_count() - 1} more" if err.error_count() > 1 else ""
        raise LedgerFileError("file.invalid", path, problem=f"{where}: {first['msg'][:300]}{more}") from None
    if integrity:
        _check_integrity(ledger, path)
    return ledger, version


def _check_integrity(ledger: Ledger, path: Path) -> None:
    from jiebei_tui.domain.integrity import problems

    found = problems(ledger)
    if found:
        first = found[0]
        more = Words("file.more", n=len(found) - 1) if len(found) > 1 else ""
        raise LedgerFileError("file.inconsistent", path, problem=Words(f"integrity.{first.key}", **first.params), more=more)


def _check_loads_back(new: Ledger, old: Ledger, path: Path) -> None:
    """What we are about to write must load back: validate it first (raises LedgerFileError).

    A change builds its new parts without pydantic's checks (model_copy), so they are validated here, through
    the file format itself. Events are frozen and every one carried over from `old` was validated when the file
    was read: only the events that are new are checked again, which keeps a save of 50,000 payments from
    validating all of them twice. The items are then checked against each other, all of them."""
    known = {id(event) for event in old.events}
    fresh = [event for event in new.events if id(event) not in known]
    parse_ledger(dump_ledger(new.model_copy(update={"events": fresh})), path, integrity=False)
    _check_integrity(new, path)


def dump_ledger(ledger: Ledger) -> str:
    return ledger.model_dump_json(indent=2) + "\n"
