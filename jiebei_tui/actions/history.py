"""Going back: undo the last change (again and again, as far as the backups reach), the backups themselves, and
recovery from a ledger that cannot be used (restore a backup, or start empty; the file there is kept).

Each returns what the store did; the account holds the ledger as it was written, so nothing is read again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from jiebei_tui.store import ChangeWords, Generation, Recovered, Undone, UndoRefused

if TYPE_CHECKING:
    from jiebei_tui.actions.account import Account
    from jiebei_tui.domain.history import ChangeRecord

__all__ = ["ChangeWords", "Generation", "Recovered", "UndoRefused", "Undone", "generations", "last_change",
           "recover_from_backup", "start_empty", "undo"]


def last_change(account: Account) -> ChangeRecord | None:
    """The change `undo` would undo now, as the file has it (None: nothing to undo): for a confirmation that
    names it (ChangeWords(change) in words) before anything is undone."""
    from jiebei_tui.domain.history import last_undoable

    account.refresh()
    return last_undoable(account.ledger.history)


def undo(account: Account, expected: int | None = None) -> Undone:
    """Put the ledger back as it was before the last change not yet undone (UndoRefused when there is none, or
    the version needed is no longer among the backups). `Undone.change` says what was undone
    (ChangeWords(change) in words). `expected`: the revision of the change the borrower was asked about
    (`last_change`); when the last change is another one by now (another program wrote the ledger since),
    nothing is undone (UndoRefused)."""
    if expected is not None:
        change = last_change(account)
        if change is None or change.revision != expected:
            raise UndoRefused("undo.changed")
    done = account.store.undo(source=account.source)
    account.adopt(done.ledger)
    return done


def generations(account: Account) -> list[Generation]:
    """The backups, newest first: when each was saved, what it holds, or why it cannot be used."""
    return account.store.generations()


def recover_from_backup(account: Account, number: int | None = None, *, force: bool = False) -> Recovered:
    """Restore backup `number` (default: the newest usable one). Over a ledger that can be read only with
    `force` (it is then kept as backup 1); one that cannot be read is moved aside, never deleted."""
    done = account.store.recover_from_backup(number, force=force, source=account.source)
    account.adopt(done.ledger)
    return done


def start_empty(account: Account, *, force: bool = False) -> Recovered:
    """An empty ledger in place of the one there (kept aside, or as backup 1 with `force`)."""
    done = account.store.start_empty(force=force, source=account.source)
    account.adopt(done.ledger)
    return done
