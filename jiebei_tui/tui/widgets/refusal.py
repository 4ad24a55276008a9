"""A refusal in the app's words. The domain's InputError names the field by its command-line option (`--out`,
`--extra`); in a form the borrower typed into a labelled box, so the sentence names that box's label instead."""

from __future__ import annotations

from collections.abc import Mapping

from jiebei_tui.domain.errors import InputError
from jiebei_tui.text.i18n import t


def refusal(err: Exception, lang: str, labels: Mapping[str, str] | None = None) -> str:
    """One sentence: why the input, or the file, was refused. `labels` maps a field to the string key of the form
    label it was typed in; a field not in it keeps the option's name."""
    if isinstance(err, InputError):
        key = (labels or {}).get(err.field)
        return err.sentence(lang, t(key, lang).rstrip(" ¥") if key else None)
    return err.sentence(lang)
