"""Every key binding of the app comes from the action registry: it has an id (so users can remap it through
settings.keymap) and words in both languages; the registry's words exist for every action."""

from __future__ import annotations

import importlib
import pkgutil

import pytest
from textual.binding import Binding
from textual.dom import DOMNode

import jiebei_tui.tui.screens
import jiebei_tui.tui.widgets
from jiebei_tui.actions import registry
from jiebei_tui.text.i18n import STRINGS
from jiebei_tui.tui.app import JiebeiApp


def our_classes() -> list[type]:
    classes: list[type] = [JiebeiApp]
    for package in (jiebei_tui.tui.screens, jiebei_tui.tui.widgets):
        for info in pkgutil.iter_modules(package.__path__):
            module = importlib.import_module(f"{package.__name__}.{info.name}")
            classes += [c for c in vars(module).values() if isinstance(c, type) and issubclass(c, DOMNode) and c.__module__ == module.__name__]
    return classes


BINDINGS = [(cls.__name__, b) for cls in our_classes() for b in cls.__dict__.get("BINDINGS", [])]


SCROLLING = {"scroll_up", "scroll_down", "scroll_home", "scroll_end", "page_up", "page_down"}  # a body's own keys


@pytest.mark.parametrize(("owner", "binding"), BINDINGS, ids=[f"{o}-{b.key}" for o, b in BINDINGS])
def test_binding_is_a_registry_action(owner: str, binding: Binding) -> None:
    assert isinstance(binding, Binding)
    if binding.action in SCROLLING and not binding.show:
        return
    assert binding.id in registry.BY_ID, f"{owner} {binding.key} is not in the action registry"


@pytest.mark.parametrize("action", registry.ACTIONS, ids=[a.name for a in registry.ACTIONS])
def test_every_action_has_its_words(action: registry.Action) -> None:
    for key in (f"key.{action.name}", f"action.{action.name}", f"action.{action.name}.help"):
        assert key in STRINGS, key
    if action.group:
        assert f"group.{action.group}" in STRINGS


def test_ids_and_keys_are_not_repeated_in_one_place() -> None:
    assert len(registry.BY_ID) == len(registry.ACTIONS)
    for place in (*registry.PLACES, registry.DAYS):
        keys = [a.key for a in registry.actions(place) if a.key]
        assert len(keys) == len(set(keys)), place


def test_the_registry_loads_without_textual() -> None:
    import subprocess
    import sys

    code = "import sys, jiebei_tui.actions.registry\nprint(any(m.startswith('textual') for m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.stdout.strip() == "False", out.stderr


def test_there_are_bindings_to_check() -> None:
    assert len(BINDINGS) >= 20
