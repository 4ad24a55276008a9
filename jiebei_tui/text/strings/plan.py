"""Strings: plan. key → (English, 中文)."""

STRINGS: dict[str, tuple[str, str]] = {}
