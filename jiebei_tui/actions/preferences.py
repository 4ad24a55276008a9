"""The borrower's preferences kept in the ledger: language, theme, key bindings. Written only when one changes,
as bookkeeping: not a change to undo (u undoes the last change to the loans, not a language switch), and kept
through an undo or a recovery (Settings.with_choices_of)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from jiebei_tui.actions.account import Account


def save_preferences(account: Account, **changes: object) -> bool:
    """Save `lang` ("zh"/"en"), `theme` (a name) and/or `keymap` ({binding id: keys}); True when it wrote."""
    from jiebei_tui.domain.history import PREFERENCES
    from jiebei_tui.domain.ledger import update_settings

    return account.change(lambda ledger: (update_settings(ledger, **changes), None), action=PREFERENCES,
                          params={name: str(value) for name, value in changes.items()}, bookkeeping=True).written
