"""Asking the actions layer from a screen: `ask(screen, topic, action, *args, done=...)` runs one function of
jiebei_tui/actions/ through the app's worker (`app.act`) and hands its answer to `done` on the event loop.

A screen asks again as the borrower types (a preview per keystroke), so answers can arrive after newer
questions: only the newest answer to each topic is used, and none once the screen is gone (a dialog closed) or
is being rebuilt in another language (it asks again once rebuilt).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.screen import Screen
from textual.worker import Worker


def ask(
    screen: Screen,
    topic: str,
    action: Callable[..., Any],
    *args: Any,
    done: Callable[[Any], Any],
    refused: Callable[[Exception], Any] | None = None,
    **kwargs: Any,
) -> Worker:
    """`action(account, *args, **kwargs)` in a worker; `done(result)` or `refused(error)` on the loop, if this is
    still the newest question on `topic` and the screen is still there (a refusal without `refused` is
    notified)."""
    asked: dict[str, int] = screen.__dict__.setdefault("_asked", {})
    number = asked[topic] = asked.get(topic, 0) + 1
    app = screen.app

    def current() -> bool:
        return asked.get(topic) == number and screen.is_attached and not getattr(screen, "rebuilding", False)

    def answered(result: Any) -> None:
        if current():
            done(result)

    def refusal(err: Exception) -> None:
        if not current():
            return
        if refused is not None:
            refused(err)
        else:
            app.notify(err.sentence(app.lang), severity="error", timeout=10)

    return app.act(action, *args, done=answered, refused=refusal, **kwargs)


def forget(screen: Screen, topic: str) -> None:
    """Drop the answer still coming on `topic` (what it answered no longer stands)."""
    asked: dict[str, int] = screen.__dict__.setdefault("_asked", {})
    asked[topic] = asked.get(topic, 0) + 1
