"""The borrower's preferences kept in the ledger: language, theme, key bindings. Written only when one changes."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from jiebei_tui.actions.account import Account


def save_preferences(account: Account, **changes: object) -> bool:
    """Save `lang` ("zh"/"en"), `theme` (a name) and/or `keymap` ({binding id: keys}); True when it wrote."""
    from jiebei_tui.domain.ledger import update_settings

    return account.change(lambda ledger: (update_settings(ledger, **changes), None), action="settings.set",
                          params={name: str(value) for name, value in changes.items()}).written
