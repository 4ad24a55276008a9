"""Errors the borrower can cause. Each names the field, the value and what is allowed.

The message is a key into i18n (so it reads in Chinese or English) plus the values it needs; `str()` gives
the English sentence for logs and tests.
"""

from __future__ import annotations


class InputError(ValueError):
    """Bad input: nothing is changed. `field` is the option or form field the user filled in."""

    def __init__(self, field: str, value: object, rule: str, **params: object) -> None:
        self.field = field
        self.value = value
        self.rule = rule
        self.params = params
        super().__init__(self.sentence("en"))

    def sentence(self, lang: str = "en", field_label: str | None = None) -> str:
        from jiebei_tui.text.i18n import render_input_error  # pure text, no I/O

        return render_input_error(self, lang, field_label)
