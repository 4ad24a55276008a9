"""Strings by topic, each module a `STRINGS` dict of key → (English, 中文), merged into text.i18n.STRINGS.

One file per topic keeps each area's words together (and keeps parallel work from colliding in one dict).
A key may be defined once only: text.i18n refuses a duplicate at import.
"""

TOPICS = ("account", "files", "input", "reminders", "app", "plan", "hardship", "repay", "overdue")
