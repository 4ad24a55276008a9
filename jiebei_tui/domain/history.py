"""The ledger's own record of its changes: what was done (an action key and its parameters), from where (the
app or the command line), when, and which revision of the ledger it turned into which. The store writes one
entry with every change and uses them to undo; `text` says them in words.

Bounded: only the last HISTORY_MAX entries are kept (older ones could not be undone anyway, as the store keeps
a limited number of earlier versions).
"""

from __future__ import annotations

from typing import Annotated

from jiebei_tui.domain.record import AwareDatetime, ConfigDict, Field, Record, StringConstraints

HISTORY_MAX = 100
MAX_PARAMS = 16
MAX_PARAM_TEXT = 200

Key = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_.-]{0,63}$")]
ParamValue = Annotated[str, StringConstraints(max_length=MAX_PARAM_TEXT)] | int | bool | None
Revision = Annotated[int, Field(ge=0, le=10**15)]


class ChangeRecord(Record):
    """One change: `revision` is the ledger revision it wrote, `before` the one it was applied to (None when
    there was no readable ledger before it)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    revision: Revision
    before: Revision | None = None
    action: Key
    params: dict[Key, ParamValue] = Field(default_factory=dict, max_length=MAX_PARAMS)
    source: Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_-]{0,15}$")]
    at: AwareDatetime


class Change(ChangeRecord):
    """A history entry. An undo names the change it undid in `undid`."""

    undid: ChangeRecord | None = None


UNDO = "undo"
# The borrower's display choices (language, theme, keys; actions/preferences.py): written as bookkeeping, kept
# through an undo or a recovery, and never undone themselves (files written before keep such entries in their
# history: an undo passes over them).
PREFERENCES = "settings.set"


def last_undoable(history: list[Change]) -> Change | None:
    """The last change not yet undone: undoing restores an earlier version, whose history no longer holds the
    changes undone, so this is the last entry that is not itself an undo."""
    for entry in reversed(history):
        if entry.action not in (UNDO, PREFERENCES):
            return entry
    return None


def bounded(history: list[Change]) -> list[Change]:
    return history[-HISTORY_MAX:]


def clean_params(params: dict[str, object]) -> dict[str, str | int | bool | None]:
    """Parameters as the file keeps them: whole numbers, true/false and nothing stay; everything else
    (amounts, dates, ids) is written as its text, cut at MAX_PARAM_TEXT characters."""
    out: dict[str, str | int | bool | None] = {}
    for key, value in list(params.items())[:MAX_PARAMS]:
        if value is None or isinstance(value, (bool, int)):
            out[key] = value
        else:
            out[key] = str(value)[:MAX_PARAM_TEXT]
    return out
