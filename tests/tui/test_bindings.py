"""Every key binding has an id (so users can remap it through settings.keymap) and a label in both languages."""

from __future__ import annotations

import importlib
import pkgutil

import pytest
from textual.binding import Binding
from textual.dom import DOMNode

import jiebei_tui.tui.screens
import jiebei_tui.tui.widgets
from jiebei_tui.tui.app import JiebeiApp
from jiebei_tui.text.i18n import STRINGS


def our_classes() -> list[type]:
    classes: list[type] = [JiebeiApp]
    for package in (jiebei_tui.tui.screens, jiebei_tui.tui.widgets):
        for info in pkgutil.iter_modules(package.__path__):
            module = importlib.import_module(f"{package.__name__}.{info.name}")
            classes += [c for c in vars(module).values() if isinstance(c, type) and issubclass(c, DOMNode) and c.__module__ == module.__name__]
    return classes


BINDINGS = [(cls.__name__, b) for cls in our_classes() for b in cls.__dict__.get("BINDINGS", [])]


@pytest.mark.parametrize(("owner", "binding"), BINDINGS, ids=[f"{o}-{b.key}" for o, b in BINDINGS])
def test_binding_has_an_id_and_a_translated_label(owner: str, binding: Binding) -> None:
    assert isinstance(binding, Binding)
    assert binding.id and binding.id.startswith("jiebei."), f"{owner} {binding.key} has no id"
    assert f"key.{binding.id.removeprefix('jiebei.')}" in STRINGS


def test_there_are_bindings_to_check() -> None:
    assert len(BINDINGS) >= 15
