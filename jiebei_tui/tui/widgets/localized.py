"""Key labels in the footer follow the language: each of our bindings has an id `jiebei.<name>` whose label is
the i18n key `key.<name>`."""

from __future__ import annotations

import dataclasses

from textual.binding import Binding
from textual.dom import DOMNode

from jiebei_tui.text.i18n import t


def localize_bindings(node: DOMNode, lang: str) -> None:
    table = node._bindings.key_to_bindings  # per-instance copy (Textual copies the merged class bindings)
    changed = False
    for key, bindings in table.items():
        labelled = [_label(b, lang) for b in bindings]
        if labelled != bindings:
            table[key] = labelled
            changed = True
    if changed:  # a refresh rebuilds the footer: skip it when the labels already read right
        node.refresh_bindings()


def _label(binding: Binding, lang: str) -> Binding:
    if binding.id and binding.id.startswith("jiebei."):
        return dataclasses.replace(binding, description=t(f"key.{binding.id.removeprefix('jiebei.')}", lang))
    return binding
