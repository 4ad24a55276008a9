"""Errors the borrower can cause. Each names the field, the value and what is allowed.

The domain only says what went wrong: `field` (the domain's name for what was filled in), the value as given,
`rule` (a key the text layer turns into words) and the values the words need. Rendering lives in the text
layer (text/i18n.py `render_input_error`), which installs itself here when it is imported, so
`err.sentence(lang, label)` and `str(err)` (the English sentence) keep working without the domain importing it.
"""

from __future__ import annotations

from collections.abc import Callable

# (error, lang, field label or None) -> the sentence; set by the text layer (text/i18n.py) when it loads
Renderer = Callable[["InputError", str, "str | None"], str]
_renderer: Renderer | None = None


def set_renderer(render: Renderer) -> None:
    """Called once by the text layer: how an InputError becomes a sentence."""
    global _renderer
    _renderer = render


class InputError(ValueError):
    """Bad input: nothing is changed. `field` is the option or form field the user filled in."""

    def __init__(self, field: str, value: object, rule: str, **params: object) -> None:
        self.field = field
        self.value = value
        self.rule = rule
        self.params = params
        super().__init__(field, rule)

    def sentence(self, lang: str = "en", field_label: str | None = None) -> str:
        if _renderer is None:  # the text layer was never imported (a script using the domain alone)
            return f"{field_label or self.field}: {self.rule} {self.params or ''}".rstrip()
        return _renderer(self, lang, field_label)

    def __str__(self) -> str:
        return self.sentence("en")
