"""Every file the program writes for the borrower outside the ledger, attacked the same way: `export-ics --out`,
`export csv|journal --out`, `hardship --letter FILE`, `contacts report --out`.

What they share (delivery/files.write_private): the file is 0600 and folders made for it 0700; what is at the
path is replaced, as any `-o FILE` does (that is what the borrower asked: a calendar or a journal is exported
again to the same file to update it), atomically, a link there replaced rather than followed; a ledger's own
files (ledger.json, its backups, its lock) are never written over, wherever they are (exit 2 naming the option:
an export aimed at the data folder used to replace the ledger behind the store's back); a folder (or a path
ending in `/`, which used to write a file of that name), a path under a file, a folder that cannot be written, a
full disk, /proc: exit 2 (the option's value cannot be used; the ledger is not at fault, so not 3), one sentence
naming the option, the path and the cause, nothing left behind, the ledger untouched."""

from __future__ import annotations

import errno
import io
import os
import stat
from pathlib import Path

import pytest

from tests.conftest import EI

TODAY = "2025-02-16"

# each writer: its command line before the path, and the option the path is given with
WRITERS = {
    "export-ics": (["export-ics", "--out"], "--out"),
    "csv": (["export", "csv", "--what", "payments", "--out"], "--out"),
    "journal": (["export", "journal", "--format", "hledger", "--out"], "--out"),
    "letter": (["hardship", "--budget", "500", "--letter"], "--letter"),
    "report": (["contacts", "report", "--out"], "--out"),
}


@pytest.fixture
def late(cli) -> None:
    """The worked loan six days late, a payment (so there is a backup), a contact (so there is a record)."""
    assert cli("loans", "add", "--name", "Rent gap", *EI, today="2025-01-10").code == 0
    assert cli("pay", "L1", "--amount", "100", "--on", "2025-02-12", today=TODAY).code == 0
    assert cli("contacts", "add", "--loan", "L1", "--at", "2025-02-15 23:00", "--channel", "phone", "--from", "X",
               today=TODAY).code == 0


def files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def mode(path: Path) -> int:
    return stat.S_IMODE(os.lstat(path).st_mode)


def one_sentence(err: str) -> bool:
    return err.count("\n") == 1 and err.rstrip().endswith(".") and "Traceback" not in err


@pytest.mark.parametrize("writer", WRITERS)
@pytest.mark.parametrize("name", ["ledger.json", "ledger.json.bak.1", "ledger.json.lock", "LEDGER.JSON"])
def test_a_ledgers_own_file_is_never_written_over(cli, late, data_dir: Path, writer: str, name: str) -> None:
    command, option = WRITERS[writer]
    before = files(data_dir)
    result = cli(*command, str(data_dir / name), today=TODAY)
    assert result.code == 2 and one_sentence(result.err) and result.out == "", result.err
    assert result.err.startswith(f'{option} "') and "an export never replaces one" in result.err
    assert files(data_dir) == before  # the ledger, its backups, the lock: byte for byte, nothing beside them


@pytest.mark.parametrize("writer", WRITERS)
def test_an_existing_file_is_replaced_private_and_a_link_is_not_followed(cli, late, tmp_path: Path, writer: str) -> None:
    command, _ = WRITERS[writer]
    mine = tmp_path / "mine.txt"
    mine.write_text("an older export")
    os.chmod(mine, 0o644)
    assert cli(*command, str(mine), today=TODAY).code == 0
    assert mine.read_text() != "an older export" and mode(mine) == 0o600  # what was asked: the new export there
    elsewhere = tmp_path / "elsewhere.txt"
    elsewhere.write_text("not to be touched")
    link = tmp_path / "link.txt"
    link.symlink_to(elsewhere)
    assert cli(*command, str(link), today=TODAY).code == 0
    assert elsewhere.read_text() == "not to be touched"
    assert not link.is_symlink() and mode(link) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []  # no temporary file left


@pytest.mark.parametrize("writer", WRITERS)
def test_new_folders_are_0700_and_the_file_0600_whatever_the_umask(cli, late, tmp_path: Path, writer: str) -> None:
    command, _ = WRITERS[writer]
    out = tmp_path / "new" / "deeper" / "file.txt"
    old = os.umask(0)
    try:
        assert cli(*command, str(out), today=TODAY).code == 0
    finally:
        os.umask(old)
    assert mode(out) == 0o600 and mode(out.parent) == 0o700 and mode(tmp_path / "new") == 0o700


@pytest.mark.parametrize("writer", WRITERS)
def test_paths_that_cannot_be_written_are_exit_2_naming_the_option_and_them(cli, late, data_dir: Path, tmp_path: Path,
                                                                            writer: str) -> None:
    command, option = WRITERS[writer]
    a_file = tmp_path / "a-file"
    a_file.write_text("x")
    before = files(data_dir)
    for path, cause in ((str(tmp_path), "names a folder"),
                        (f"{a_file}/under-a-file.txt", "cannot be written (part of the path is not a folder)"),
                        ("/proc/no-such-folder/x.txt", "cannot be written (it does not exist)"),
                        ("/proc/self/status", "cannot be written"),
                        ("/dev/full", "cannot be written (the disk is full)")):
        result = cli(*command, path, today=TODAY)
        assert result.code == 2 and one_sentence(result.err) and result.out == "", (path, result.err)
        assert result.err.startswith(f"{option}: {path} {cause}"), (path, result.err)
    assert a_file.read_text() == "x" and files(data_dir) == before


@pytest.mark.parametrize("writer", WRITERS)
@pytest.mark.parametrize("tail", ["/", "/.", "/.."])
def test_a_path_ending_in_a_slash_is_a_folder_and_refused(cli, late, data_dir: Path, tmp_path: Path, writer: str,
                                                          tail: str) -> None:
    """`x.ics/` wrote a file named x.ics (Path drops the slash): a trailing slash names a folder."""
    command, option = WRITERS[writer]
    before = files(data_dir)
    typed = f"{tmp_path / 'x.ics'}{tail}"
    result = cli(*command, typed, today=TODAY)
    assert result.code == 2 and one_sentence(result.err), result.err
    assert result.err.startswith(f"{option}: {typed} names a folder (one that is there, or a path ending in /)")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data"] and files(data_dir) == before


def test_the_refusal_reads_in_chinese_too(cli, late, tmp_path: Path) -> None:
    result = cli("export-ics", "--out", "/dev/full", today=TODAY, lang="zh")
    assert (result.code, result.err) == (2, "--out：/dev/full 无法写入（磁盘已满）；请换一个可以写入的文件。\n")


@pytest.mark.parametrize("writer", WRITERS)
def test_a_folder_that_cannot_be_written_is_exit_2(cli, late, data_dir: Path, tmp_path: Path, monkeypatch, writer: str) -> None:
    """Root ignores permission bits (the tests run as root in CI): the refusal the system would give is patched
    in for the folder; the data folder itself is written as usual."""
    command, option = WRITERS[writer]
    folder = tmp_path / "read-only"
    folder.mkdir()
    real_open = os.open

    def refuse(path, *args, **kwargs):
        if Path(path).parent == folder:
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", refuse)
    before = files(data_dir)
    result = cli(*command, str(folder / "out.txt"), today=TODAY)
    assert result.code == 2 and one_sentence(result.err), result.err
    assert result.err == f"{option}: {folder / 'out.txt'} cannot be written (permission denied); choose a file that can be.\n"
    assert list(folder.iterdir()) == [] and files(data_dir) == before


@pytest.mark.parametrize("writer", WRITERS)
def test_a_full_disk_leaves_the_file_there_as_it_was(cli, late, data_dir: Path, tmp_path: Path, monkeypatch, writer: str) -> None:
    command, option = WRITERS[writer]
    mine = tmp_path / "mine.txt"
    mine.write_text("the last export")
    real_fdopen = os.fdopen

    class Full(io.RawIOBase):
        def __init__(self, fd: int) -> None:
            self.inner = real_fdopen(fd, "wb")

        def write(self, data) -> int:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

        def fileno(self) -> int:
            return self.inner.fileno()

        def close(self) -> None:
            self.inner.close()
            super().close()

    monkeypatch.setattr(os, "fdopen", lambda fd, *a, **k: Full(fd))
    before = files(data_dir)
    result = cli(*command, str(mine), today=TODAY)
    assert result.code == 2 and one_sentence(result.err), result.err
    assert result.err.startswith(f"{option}: {mine} cannot be written (the disk is full)")
    assert mine.read_text() == "the last export"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "mine.txt"]  # the temporary file is gone
    assert files(data_dir) == before



def test_a_named_pipe_nobody_reads_is_refused_not_waited_on(data_dir: Path, tmp_path: Path) -> None:
    """An export to a pipe is written into, for whoever reads it; with no reader it waited for ever."""
    from tests.conftest import run_process

    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    done = run_process("--data-dir", str(data_dir), "--today", TODAY, "--lang", "en", "export", "csv", "--what",
                       "schedule", "--out", str(pipe), timeout=30)
    assert done.returncode == 2 and one_sentence(done.stderr), done.stderr
    assert done.stderr.startswith(f"--out: {pipe} cannot be written")
