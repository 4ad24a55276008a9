"""A ledger the program checked and wrote carries a seal over the rest of the file: a read of it builds the ledger as
it is, without pydantic (the start-up figures in the README); a file changed since (by hand, by another version of
the program) is checked in full, as every file without a seal is."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from jiebei_tui import store
from jiebei_tui.domain.ledger import Ledger
from jiebei_tui.store import LedgerFileError, parse_ledger
from tests.store_cases import GOOD_TODAY, build_good_ledger


@pytest.fixture
def written(tmp_path: Path, cli) -> Path:
    """The good ledger (edited by hand as it is built: its seal no longer matches), then changed once by the
    program: sealed again."""
    folder = tmp_path / "data"
    build_good_ledger(folder)
    path = folder / "ledger.json"
    assert store._unsealed(path.read_bytes()) is None
    assert cli("--data-dir", str(folder), "--today", GOOD_TODAY, "payday", "16").code == 0
    return path


def test_a_file_the_program_wrote_is_sealed_and_reads_as_the_checked_ledger(written: Path) -> None:
    raw = written.read_bytes()
    assert raw.startswith(b'{\n  "seal": "') and store._unsealed(raw) is not None
    data = json.loads(raw)
    assert set(data) >= {"seal", "loans", "events", "history"}
    read, version = parse_ledger(raw, written)
    checked = Ledger.model_validate({k: v for k, v in data.items() if k != "seal"})
    assert read == checked and version == checked.schema_version
    assert read.settings.payday == 16 and read.contacts and read.scenarios


def test_a_sealed_file_is_read_without_importing_pydantic(written: Path) -> None:
    code = (
        "import sys\n"
        "from jiebei_tui.cli import main\n"
        f"code = main(['--data-dir', {str(written.parent)!r}, '--today', {GOOD_TODAY!r}, 'status', '--json'])\n"
        "print(code, sorted(m for m in sys.modules if m.split('.')[0] in ('pydantic', 'pydantic_core')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True)
    assert out.stdout.splitlines()[-1] == "0 []", out.stdout[-500:]
    assert '"loans"' in out.stdout


def test_a_hand_edit_breaks_the_seal_and_the_file_is_checked_in_full(written: Path, monkeypatch) -> None:
    text = written.read_text()
    renamed = text.replace('"name": "Phone"', '"name": "Old phone"', 1)
    assert renamed != text
    assert parse_ledger(renamed, written)[0].loans[0].name == "Old phone"  # changed: still read, now checked

    def trusted(_data):  # the unchecked build is not reached for a file whose seal no longer matches
        raise AssertionError("a changed file was read unchecked")

    monkeypatch.setattr(Ledger, "trusted", trusted)
    assert parse_ledger(renamed, written)[0].loans[0].name == "Old phone"
    broken = text.replace('"principal": "10000.00"', '"principal": "-10000.00"', 1)
    assert broken != text
    with pytest.raises(LedgerFileError, match="loans.0.principal"):
        parse_ledger(broken, written)


def test_a_seal_made_under_other_checks_or_a_forged_one_is_not_trusted(written: Path, monkeypatch) -> None:
    raw = written.read_bytes()
    forged = raw[:13] + b"0" * 64 + raw[77:]
    assert store._unsealed(forged) is None
    assert parse_ledger(forged, written)[0] == parse_ledger(raw, written)[0]  # read by the full checks
    monkeypatch.setattr(store, "CHECKS_VERSION", store.CHECKS_VERSION + 1)
    assert store._unsealed(raw) is None


def test_every_way_the_program_writes_the_ledger_seals_it(written: Path, cli) -> None:
    base = ["--data-dir", str(written.parent), "--today", GOOD_TODAY]
    for args in (["pay", "L1", "--amount", "10", "--on", "2025-02-28"], ["undo"],
                 ["recover", "--from-backup", "1", "--force"], ["recover", "--start-empty", "--force"]):
        assert cli(*base, *args).code == 0, args
        assert store._unsealed(written.read_bytes()) is not None, args


@pytest.mark.parametrize("edit", [('"principal": "10000.00"', '"principal": "abc"'),
                                  ('"date": "2025-02-10"', '"date": "not-a-date"')], ids=["principal", "date"])
def test_a_seal_computed_by_hand_over_a_value_that_cannot_be_built_is_checked_not_a_crash(written: Path, edit) -> None:
    """The seal is not a signature: one computed over a broken file is taken at its word (README). What cannot even
    be built as it stands (a number, a date) is then checked in full, and refused as any hand edit is: no crash."""
    body = store._unsealed(written.read_bytes())
    broken = body.replace(edit[0].encode(), edit[1].encode(), 1)
    assert broken != body
    forged = store.sealed(broken.decode())
    assert store._unsealed(forged) is not None
    with pytest.raises(LedgerFileError, match=r"(principal|date)"):
        parse_ledger(forged, written)


def test_the_seal_is_the_sha256_hashlib_gives(written: Path) -> None:
    """The seal is worked out by CPython's built-in SHA-256 (hashlib would load OpenSSL first): the same digest,
    checked here against hashlib's, of the rest of the file and the format it was written under."""
    import hashlib

    from jiebei_tui.domain.ledger import SCHEMA_VERSION

    raw = written.read_bytes()
    seal, rest = raw[len(b'{\n  "seal": "'):].split(b'",\n', 1)
    body = b"{\n" + rest
    expected = hashlib.sha256(f"jiebei-tui {SCHEMA_VERSION} {store.CHECKS_VERSION}\n".encode() + body).hexdigest()
    assert seal.decode() == expected


def test_reading_a_sealed_file_does_not_load_openssl(written: Path) -> None:
    code = (
        "import sys\n"
        "from jiebei_tui.cli import main\n"
        f"code = main(['--data-dir', {str(written.parent)!r}, '--today', {GOOD_TODAY!r}, 'status', '--json'])\n"
        "print(code, '_hashlib' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True)
    assert out.stdout.splitlines()[-1] == "0 False", out.stdout[-500:]
