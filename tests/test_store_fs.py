"""A hostile or broken file system: a data folder that is not ours or that others can write, a path with
control characters, --data-dir a file, a folder we cannot write, a full disk, a read-only file system, a
backup or the lock that is a folder, a lock held by another program. Each is exit 3 with one sentence naming
the path and the cause; the ledger and its backups are untouched; never a traceback.

The tests run as root in CI, and root ignores permission bits: "cannot write" drops to the user nobody in a
child process (setpriv) when run as root; "owned by someone else" gives the folder to nobody when root can,
and otherwise plays another user. A full disk is a small tmpfs where one can be mounted (root), and always a
patched os.write as well.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import shutil
import stat
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

import pytest

import jiebei_tui.store as store_module
from jiebei_tui.store import LedgerFileError, Store
from tests.conftest import EI

ADD = ["loans", "add", "--name", "Phone", *EI]
PAY = ["pay", "L1", "--amount", "100", "--on", "2025-02-10"]
ROOT = os.geteuid() == 0
NOBODY = 65534


def folder_state(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Every file's bytes and modification time (the lock file aside: taking it is not a change)."""
    return {
        p.name: (p.read_bytes(), p.stat().st_mtime_ns)
        for p in sorted(folder.iterdir())
        if p.is_file() and p.name != "ledger.json.lock"
    }


@pytest.fixture
def ledger(cli, data_dir: Path) -> Path:
    assert cli(*ADD).code == 0 and cli(*PAY).code == 0
    return data_dir / "ledger.json"


def one_sentence(err: str) -> bool:
    return "Traceback" not in err and len(err.strip().splitlines()) == 1


# --- the data folder: whose, who may write, what its name holds, whether it is a folder ---


@pytest.mark.parametrize("mode", [0o777, 0o770, 0o707, 0o720, 0o1777])
def test_a_folder_others_can_write_is_refused_with_the_chmod_that_fixes_it(cli, ledger: Path, data_dir: Path, mode: int) -> None:
    os.chmod(data_dir, mode)
    before = folder_state(data_dir)
    for command in (["status"], PAY, ["recover", "--list"], ["undo"]):
        result = cli(*command)
        assert result.code == 3 and one_sentence(result.err), command
        assert f"{data_dir} can be written by other users (permissions {mode:04o})" in result.err
        assert f"Fix: `chmod 700 {data_dir}`" in result.err
    assert folder_state(data_dir) == before
    os.chmod(data_dir, 0o700)  # the fix it named works
    assert cli(*PAY).code == 0


def test_a_folder_owned_by_someone_else_is_refused_with_the_chown_that_fixes_it(cli, ledger: Path, data_dir: Path, monkeypatch) -> None:
    import pwd

    me = pwd.getpwuid(os.geteuid()).pw_name
    if ROOT:
        os.chown(data_dir, NOBODY, NOBODY)
        owner = pwd.getpwuid(NOBODY).pw_name
    else:  # a user cannot give a folder away: play another user instead
        monkeypatch.setattr(store_module, "_euid", lambda: os.geteuid() + 1)
        owner = me
        me = str(os.geteuid() + 1) if _no_user(os.geteuid() + 1) else pwd.getpwuid(os.geteuid() + 1).pw_name
    before = folder_state(data_dir)
    for command in (["status"], PAY, ["recover", "--from-backup", "--force"]):
        result = cli(*command)
        assert result.code == 3 and one_sentence(result.err), command
        assert f"{data_dir} belongs to another user ({owner})" in result.err
        assert f"Fix: `chown {me} {data_dir}`" in result.err
    assert folder_state(data_dir) == before


def _no_user(uid: int) -> bool:
    import pwd

    try:
        pwd.getpwuid(uid)
    except KeyError:
        return True
    return False


@pytest.mark.parametrize("name", ["with\nnewline", "esc\x1b[2J", "bell\x07", "tab\there", "bidi\u202eevil", "del\x7f"])
def test_a_data_folder_name_with_control_characters_is_refused(cli, tmp_path: Path, name: str) -> None:
    from jiebei_tui.cli import main

    folder = tmp_path / name
    for command in (["status"], ADD):
        # typed as --data-dir, the command line's door refuses it (exit 2); from the environment, the store (3)
        code = main(["--data-dir", str(folder), "--today", "2025-03-01", "--lang", "en", "--no-demo", *command])
        assert code == 2
        with pytest.MonkeyPatch.context() as env:
            env.setenv("JIEBEI_TUI_DATA_DIR", str(folder))
            code = main(["--today", "2025-03-01", "--lang", "en", "--no-demo", *command])
        assert code == 3
    assert not folder.exists()


def test_the_control_characters_are_shown_escaped(tmp_path: Path, capsys) -> None:
    from jiebei_tui.cli import main

    with pytest.MonkeyPatch.context() as env:  # (typed as --data-dir, the door refuses it first)
        env.setenv("JIEBEI_TUI_DATA_DIR", str(tmp_path / "a\nExecStartPost=evil\x1b[2J"))
        main(["--lang", "en", *ADD])
    err = capsys.readouterr().err
    assert "a\\x0aExecStartPost=evil\\x1b[2J" in err and "control character" in err
    assert "\x1b" not in err and one_sentence(err)


def test_data_dir_a_file_is_refused(cli, tmp_path: Path, data_dir: Path) -> None:
    data_dir.write_text("not a folder")
    for command in (["status"], ADD, ["recover", "--list"], ["undo"]):
        result = cli(*command)
        assert result.code == 3 and f"{data_dir} is not a folder" in result.err and one_sentence(result.err), command
    assert data_dir.read_text() == "not a folder"


def test_data_dir_inside_a_file_is_refused(tmp_path: Path, capsys) -> None:
    from jiebei_tui.cli import main

    (tmp_path / "file").write_text("x")
    assert main(["--data-dir", str(tmp_path / "file" / "data"), "--lang", "en", *ADD]) == 3
    assert "is not a folder" in capsys.readouterr().err


@pytest.mark.parametrize("umask", [0o000, 0o022, 0o077])
def test_folders_we_create_are_0700_whatever_the_umask(tmp_path: Path, umask: int) -> None:
    store = Store(tmp_path / "a" / "b" / "data", demo=False)
    old = os.umask(umask)
    try:
        store.transact(lambda ledger: (ledger.model_copy(update={"demo": True}), None))
    finally:
        os.umask(old)
    for folder in (tmp_path / "a", tmp_path / "a" / "b", tmp_path / "a" / "b" / "data"):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder
    assert stat.S_IMODE(store.path.stat().st_mode) == 0o600


# --- writes that fail: no permission, a full disk, a read-only file system ---


@pytest.fixture
def shared_tmp():
    """A folder under /tmp another user can pass through (pytest's own is private to us)."""
    folder = Path(tempfile.mkdtemp(prefix="jiebei-fs-", dir="/tmp"))
    os.chmod(folder, 0o711)
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def run_as(uid: int | None, *args: str) -> subprocess.CompletedProcess:
    prefix = ["setpriv", f"--reuid={uid}", f"--regid={uid}", "--clear-groups"] if uid is not None else []
    env = {**os.environ, "LANG": "en_US.UTF-8", "PYTHONDONTWRITEBYTECODE": "1"}
    return subprocess.run([*prefix, sys.executable, "-m", "jiebei_tui", *args], capture_output=True, text=True,
                          env=env, timeout=60)


@pytest.mark.skipif(ROOT and shutil.which("setpriv") is None, reason="as root, needs setpriv to drop privileges")
def test_a_folder_we_cannot_write_is_exit_3_and_the_ledger_untouched(shared_tmp: Path, capsys) -> None:
    from jiebei_tui.cli import main

    data = shared_tmp / "data"
    base = ["--data-dir", str(data), "--today", "2025-03-01", "--lang", "en", "--no-demo"]
    assert main([*base, *ADD]) == 0
    if ROOT:  # nobody owns the folder (so it passes the owner check) but may not write in it: run as nobody
        if run_as(NOBODY, "--version").returncode != 0:  # e.g. a clone inside a private `mktemp -d` folder
            pytest.skip("the user nobody cannot run this checkout (it lies in a folder only its owner may enter)")
        for path in (data, *data.iterdir()):
            os.chown(path, NOBODY, NOBODY)

        def run(*args: str) -> tuple[int, str]:
            done = run_as(NOBODY, *base, *args)
            return done.returncode, done.stderr
    else:  # an ordinary user is held to the permission bits in this very process

        def run(*args: str) -> tuple[int, str]:
            code = main([*base, *args])
            return code, capsys.readouterr().err

    os.chmod(data, 0o500)
    try:
        before = folder_state(data)
        code, err = run(*PAY)
        assert code == 3, err
        assert one_sentence(err) and "permission denied" in err and str(data) in err
        assert folder_state(data) == before
        assert run("status")[0] == 0  # reading still works
    finally:
        os.chmod(data, 0o700)


def test_a_full_disk_patched_is_exit_3_and_nothing_changes(cli, ledger: Path, data_dir: Path, monkeypatch) -> None:
    before = folder_state(data_dir)

    def full(fd, data):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "write", full)
    for command in (PAY, ADD, ["undo"], ["recover", "--from-backup", "--force"], ["recover", "--start-empty", "--force"]):
        result = cli(*command)
        assert result.code == 3, command
        assert f"Could not write {ledger}: the disk is full. The ledger was not changed." in result.err, result.err
    assert folder_state(data_dir) == before
    assert not list(data_dir.glob(".*.tmp"))


@contextlib.contextmanager
def tmpfs(folder: Path, size: str):
    folder.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size},mode=0700", "tmpfs", str(folder)],
                          capture_output=True)
    if done.returncode:
        pytest.skip("cannot mount a tmpfs here (not root, or no permission)")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True)


def test_a_full_disk_for_real_is_exit_3_and_nothing_changes(tmp_path: Path) -> None:
    with tmpfs(tmp_path / "small", "256k") as disk:
        data = disk / "data"
        base = ["--data-dir", str(data), "--today", "2025-03-01", "--lang", "en", "--no-demo"]
        from jiebei_tui.cli import main

        assert main([*base, *ADD]) == 0
        fd = os.open(disk / "filler", os.O_WRONLY | os.O_CREAT, 0o600)
        try:  # fill the disk to the last block
            with contextlib.suppress(OSError):
                while True:
                    os.write(fd, b"\0" * 4096)
        finally:
            os.close(fd)
        before = folder_state(data)
        result = run_as(None, *base, *PAY)
        assert result.returncode == 3 and one_sentence(result.stderr)
        assert "the disk is full" in result.stderr and str(data / "ledger.json") in result.stderr
        assert folder_state(data) == before
        assert not list(data.glob(".*.tmp"))


def test_a_read_only_file_system_is_exit_3(tmp_path: Path) -> None:
    with tmpfs(tmp_path / "ro", "1m") as disk:
        data = disk / "data"
        base = ["--data-dir", str(data), "--today", "2025-03-01", "--lang", "en", "--no-demo"]
        assert run_as(None, *base, *ADD).returncode == 0
        before = folder_state(data)
        if subprocess.run(["mount", "-o", "remount,ro", str(disk)], capture_output=True).returncode:
            pytest.skip("cannot remount read-only here")
        result = run_as(None, *base, *PAY)
        assert result.returncode == 3 and one_sentence(result.stderr), result.stderr
        assert "read-only" in result.stderr
        assert folder_state(data) == before
        assert run_as(None, *base, "status").returncode == 0


# --- the lock and the backups as folders ---


@pytest.mark.parametrize("name", ["ledger.json.bak", "ledger.json.bak.1", "ledger.json.bak.3"])
def test_a_backup_that_is_a_folder_is_exit_3(cli, ledger: Path, data_dir: Path, name: str) -> None:
    with contextlib.suppress(FileNotFoundError):
        (data_dir / name).unlink()
    (data_dir / name).mkdir()
    before = folder_state(data_dir)
    result = cli(*PAY)
    assert result.code == 3 and f"{data_dir / name} is a folder, not a file" in result.err and one_sentence(result.err)
    assert folder_state(data_dir) == before and (data_dir / name).is_dir()


def test_a_lock_that_is_a_folder_is_exit_3(cli, ledger: Path, data_dir: Path) -> None:
    lock = data_dir / "ledger.json.lock"
    lock.unlink()
    lock.mkdir()
    before = folder_state(data_dir)
    result = cli(*PAY)
    assert result.code == 3 and f"{lock} is a folder" in result.err and one_sentence(result.err)
    assert folder_state(data_dir) == before


# --- waiting for the lock ---


@contextlib.contextmanager
def held(lock: Path):
    """The lock taken as another program would."""
    fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o600)
    fcntl.flock(fd, fcntl.LOCK_EX)
    try:
        yield fd
    finally:
        os.close(fd)


def test_waiting_on_the_lock_is_said_then_given_up_with_exit_3(cli, ledger: Path, data_dir: Path, monkeypatch) -> None:
    monkeypatch.setattr(store_module, "LOCK_NOTICE_SECONDS", 0.05)
    monkeypatch.setattr(store_module, "LOCK_TIMEOUT_SECONDS", 0.3)
    before = folder_state(data_dir)
    with held(data_dir / "ledger.json.lock"):
        result = cli(*PAY)
    lines = result.err.strip().splitlines()
    assert result.code == 3 and len(lines) == 2
    assert lines[0] == f"waiting for another jiebei-tui to finish with {data_dir / 'ledger.json.lock'} …"
    assert "has been using" in lines[1] and "more than 0.3 seconds; nothing was changed" in lines[1]
    assert folder_state(data_dir) == before


def test_once_the_lock_is_released_the_change_goes_through(ledger: Path, data_dir: Path) -> None:
    from decimal import Decimal

    from jiebei_tui.domain.replay import record_event

    import datetime as dt

    waits = []
    release = threading.Event()
    with held(data_dir / "ledger.json.lock") as fd:
        def on_wait(path: Path) -> None:
            waits.append(path)
            release.set()

        def releaser() -> None:
            release.wait(10)
            fcntl.flock(fd, fcntl.LOCK_UN)

        thread = threading.Thread(target=releaser)
        thread.start()
        store = Store(data_dir, demo=False, today=dt.date(2025, 3, 1), lock_notice=0.01, lock_timeout=20,
                      on_wait=on_wait)
        event = store.transact(lambda ledger: record_event(ledger, "L1", "repayment", dt.date(2025, 3, 1), Decimal("5"), dt.date(2025, 3, 1)))
        thread.join()
    assert waits == [data_dir / "ledger.json.lock"]
    assert event.id == "E2"


def test_the_lock_timeout_is_a_file_error(ledger: Path, data_dir: Path) -> None:
    store = Store(data_dir, demo=False, lock_notice=0, lock_timeout=0.05, on_wait=lambda path: None)
    with held(data_dir / "ledger.json.lock"), pytest.raises(LedgerFileError) as err:
        store.transact(lambda ledger: (ledger.model_copy(update={"demo": True}), None))
    assert err.value.key == "file.lock_timeout" and err.value.exit_code == 3


# --- what killed runs leave behind ---


def test_stray_temporary_files_are_removed_by_the_next_transaction(cli, ledger: Path, data_dir: Path) -> None:
    strays = [".ledger.json.12345.tmp", ".ledger.json.0123456789abcdef.tmp", ".ledger.json.bak.1.feedfacecafebeef.tmp"]
    for name in strays:
        (data_dir / name).write_text("half a ledger")
    keep = data_dir / "notes.tmp"  # not ours
    keep.write_text("mine")
    assert cli(*PAY).code == 0
    assert not [name for name in strays if (data_dir / name).exists()]
    assert keep.read_text() == "mine"
