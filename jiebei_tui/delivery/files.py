"""Files we write for the borrower outside the ledger (calendar, CSV and journal exports, the request letter, the
contact record): they hold names and amounts, so they are private (0600) and folders we create for them are
private (0700), whatever the umask.

The path is the one the borrower named, and what is there is replaced, as `> FILE` or any `-o FILE` would: that
is what was asked (a calendar or a journal is exported again to the same file to update it). Two things are
never written over: a ledger's own files (ledger.json, its backups, lock and temporary files, whatever folder
they are in: an export aimed at the data folder would otherwise have replaced the ledger, bypassing the store),
and a folder. A link at the path is replaced, never followed."""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path

FILE_MODE = 0o600
FOLDER_MODE = 0o700


LEDGER_FILE = "ledger.json"  # store.FILE_NAME (not imported: the store loads pydantic's models lazily, this stays light)


def expand_home(path: Path | str) -> Path:
    """A path as the borrower typed it, with a leading `~` (or `~user`) made that home folder, as a shell does.
    The one expansion for every path typed in: the app's file fields, the command line's file and folder options
    (a shell expands `~/x` before we see it, but not `--out=~/x`, a quoted "~/x" or a path from a script) and
    JIEBEI_TUI_DATA_DIR. A home that cannot be found (`~nobody`, no $HOME) leaves the path as typed, as a shell
    leaves it."""
    typed = Path(path)
    try:
        return typed.expanduser()
    except RuntimeError:  # "Could not determine home directory."
        return typed


def expand_typed(text: str) -> str:
    """A path as typed with only its leading `~` expanded (expand_home), the rest kept as typed: a trailing `/`
    (a folder) must reach write_private, which Path would drop."""
    head = text.split(os.sep, 1)[0]
    if not head.startswith("~"):
        return text
    return str(expand_home(head)) + text[len(head):]


def is_ledger_file(path: Path | str) -> bool:
    """Does `path` name one of a ledger's own files: ledger.json, ledger.json.bak.N, .lock, .corrupt-…, or a
    temporary .ledger.json.….tmp (any case: some file systems ignore it)?"""
    name = Path(path).name.casefold()
    return name == LEDGER_FILE or name.startswith(LEDGER_FILE + ".") or name.startswith("." + LEDGER_FILE + ".")


def write_private(path: Path | str, data: bytes | str, *, field: str = "out") -> Path:
    """Write `data` (bytes, or text as UTF-8) to `path`, readable and writable by its owner only.

    A path naming a ledger's own file (is_ledger_file) is refused: InputError(field, path, "export_ledger_file"),
    `field` being the option or form field the path was typed in.

    Missing parent folders are created 0700 (folders that exist are left as they are). A regular file is
    written atomically: a temporary file beside it, created exclusively and without following links, is filled,
    flushed to disk and renamed over the path, so a reader sees the old file or the new one, never half, and a
    symlink at the path is replaced, not written through. A path that names something other than a regular file
    (`/dev/stdout`, a named pipe) is written into as it is.

    A path that names a folder (one that is there, or any path ending in `/`, `/.` or `/..`: Path would drop the
    slash and write a file of that name) is refused: InputError(field, None, "export_folder", path=…). Any
    file-system error is refused the same way, naming the path and the cause: InputError(field, None,
    "export_unwritable", path=…, cause=…). The path is said in full (made visible), not as a value cut to 40
    characters. Both are the option's value that cannot be used (exit 2 on the command line); the ledger is not
    the file at fault, so not exit 3."""
    from jiebei_tui.domain.errors import InputError
    from jiebei_tui.store import _cause
    from jiebei_tui.text.safe import visible

    text = str(path)
    shown = visible(text)
    target = Path(path)
    if is_ledger_file(target):
        raise InputError(field, text, "export_ledger_file", name=target.name)
    if text.endswith(os.sep) or os.path.basename(text) in (".", ".."):
        raise InputError(field, None, "export_folder", path=shown)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        _make_folders(target.parent)
        try:
            existing = os.stat(target)  # follows a link: where would the bytes go
        except FileNotFoundError:
            existing = None
        if existing is not None and not stat.S_ISREG(existing.st_mode):
            if stat.S_ISDIR(existing.st_mode):
                raise InputError(field, None, "export_folder", path=shown)
            # a device or a pipe: nothing to replace. Not blocking on open: a named pipe nobody reads would wait
            # for ever (ENXIO instead); then blocking again, so a full pipe waits for its reader.
            fd = os.open(target, os.O_WRONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
            os.set_blocking(fd, True)
            with os.fdopen(fd, "wb") as stream:
                stream.write(payload)
            return target
        _replace(target, payload)
    except OSError as err:
        raise InputError(field, None, "export_unwritable", path=shown, cause=_cause(err)) from None
    return target


def _make_folders(folder: Path) -> None:
    missing = []
    while not folder.exists():
        missing.append(folder)
        if folder.parent == folder:
            break
        folder = folder.parent
    for new in reversed(missing):
        with contextlib.suppress(FileExistsError):  # another program made it meanwhile: theirs, left as it is
            os.mkdir(new, FOLDER_MODE)
            os.chmod(new, FOLDER_MODE)  # the umask may have taken bits off; never more than 0700


def _replace(target: Path, payload: bytes) -> None:
    import secrets  # here, not at start-up (the command line reads paths through this module): it brings random

    tmp = target.with_name(f".{target.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0), FILE_MODE)
    try:
        with os.fdopen(fd, "wb") as handle:
            os.fchmod(handle.fileno(), FILE_MODE)
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        raise
    with contextlib.suppress(OSError):  # the rename is durable once the folder is flushed (not every fs allows)
        folder = os.open(target.parent, os.O_RDONLY)
        try:
            os.fsync(folder)
        finally:
            os.close(folder)
