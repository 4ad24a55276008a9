"""An Input whose editing keys act in the order they were typed, between the characters around them.

Textual inserts a typed character as soon as the focused Input receives it, but runs the Input's own key bindings
(Backspace, Delete, ctrl+u, ctrl+w, ←/→, Home/End, Enter …) only once the key has bubbled back up to the app,
past every container: the characters typed right after it are in the field by then. "ab", Backspace, "c" came
out "ab" (the "c" deleted instead of the "b"), and ctrl+u then "Car" left the field empty, at a fast typist's
pace or pasted by a tool in one go (a bare Textual app does the same). Here the field does its own editing keys
as it receives them, as a terminal's line editor does. Keys a subclass binds for itself (Overdue's days field
steps with ←/→) are left to it, and the app's priority keys (Tab, ctrl+p, ctrl+q) never reach a field.
"""

from __future__ import annotations

from functools import cache

from textual import events
from textual.binding import Binding
from textual.widgets import Input


def _keys(binding: Binding | tuple) -> tuple[list[str], str]:
    keys, action = (binding.key, binding.action) if isinstance(binding, Binding) else (binding[0], binding[1])
    return [key.strip() for key in keys.split(",")], action


@cache
def editing_keys(cls: type[Input]) -> dict[str, str]:
    """Input's own key → action, less the keys `cls` (or a class between it and Input) binds for itself."""
    found: dict[str, str] = {}
    for binding in Input.BINDINGS:
        keys, action = _keys(binding)
        found.update(dict.fromkeys(keys, action))
    for klass in cls.__mro__:
        if klass is Input:
            break
        for binding in klass.__dict__.get("BINDINGS", []):
            for key in _keys(binding)[0]:
                found.pop(key, None)
    return found


class TextInput(Input):
    async def on_key(self, event: events.Key) -> None:
        action = editing_keys(type(self)).get(event.key)
        if action is not None:
            event.stop()
            event.prevent_default()
            await self.run_action(action)
