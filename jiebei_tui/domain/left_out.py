"""What the data file leaves out: a field still at its default is not written (pydantic's `exclude_if`), so the
file stays short and an older program reads what a newer one wrote when nothing new was used."""

from __future__ import annotations


def is_none(value: object) -> bool:
    return value is None


def is_empty(value: object) -> bool:
    return value == ""


def is_false(value: object) -> bool:
    return value is False
