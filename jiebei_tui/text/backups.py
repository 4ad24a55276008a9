"""The backups in words, the same on the command line (`recover --list`) and on the app's recovery screen."""

from __future__ import annotations

import datetime as dt

from jiebei_tui.text.i18n import t


def when(moment: dt.datetime | None) -> str:
    """A moment as the borrower reads it: local time, to the second."""
    return moment.astimezone().strftime("%Y-%m-%d %H:%M:%S") if moment is not None else "—"


def generation_line(g, lang: str) -> str:
    """One backup (store.Generation): its number, when it was saved, what it holds, or why it cannot be used."""
    if g.ledger is None:
        return t("recover.list_bad", lang, number=g.number, saved=when(g.saved), problem=g.problem.sentence(lang),
                 name=g.path.name)
    return t("recover.list_row", lang, number=g.number, saved=when(g.saved), loans=g.loans, payments=g.payments,
             revision=g.revision, name=g.path.name)
