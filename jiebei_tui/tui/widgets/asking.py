"""Asking the actions layer from a screen: `ask(screen, topic, action, *args, done=...)` runs one function of
jiebei_tui/actions/ through the app's worker (`app.act`) and hands its answer to `done` on the event loop.

A screen asks again as the borrower types (a preview per keystroke), so answers can arrive after newer
questions: only the newest answer to each topic is used, and none once the screen is gone (a dialog closed) or
is being rebuilt in another language (it asks again once rebuilt), unless the screen keeps its answers across a
rebuild (`kept=True`). A key that needs an answer still to come can wait for it (`after`).

`Asking` offers the same as methods to a screen that asks of many panels and keeps what each answered (Plan):
a refusal is the answer too, an answer that comes during a rebuild is kept (drawn once rebuilt, without asking
again), and a question asked again before its turn in the worker is not worked out.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.screen import Screen
from textual.worker import Worker

STALE = object()  # what a question asked again before its turn answers (it was not worked out)


def _book(screen: Screen) -> tuple[dict[str, int], dict[str, int], dict[str, list[Callable[[], Any]]]]:
    """By topic: the number of the newest question, of the newest one answered, and what waits for an answer."""
    return screen.__dict__.setdefault("_asking", ({}, {}, {}))


def ask(
    screen: Screen,
    topic: str,
    action: Callable[..., Any],
    *args: Any,
    done: Callable[[Any], Any],
    refused: Callable[[Exception], Any] | None = None,
    kept: bool = False,
    skip_stale: bool = False,
    **kwargs: Any,
) -> Worker:
    """`action(account, *args, **kwargs)` in a worker; `done(result)` or `refused(error)` on the loop, if this is
    still the newest question on `topic` and the screen is still there (a refusal without `refused` is
    notified). `kept`: answered during a rebuild too. `skip_stale`: not worked out at all if asked again before
    its turn (only for a question that changes nothing)."""
    asked, answered, waiting = _book(screen)
    number = asked[topic] = asked.get(topic, 0) + 1
    app = screen.app

    def current() -> bool:
        return (asked.get(topic) == number and screen.is_attached
                and (kept or not getattr(screen, "rebuilding", False)))

    def answer(result: Any) -> None:
        if result is STALE or not current():
            return
        answered[topic] = number
        done(result)
        _go_on(waiting, topic)

    def refusal(err: Exception) -> None:
        if not current():
            return
        answered[topic] = number
        if refused is not None:
            refused(err)
        else:
            app.notify(err.sentence(app.lang), severity="error", timeout=10)
        _go_on(waiting, topic)

    work = action
    if skip_stale:

        def work(account: Any, *a: Any, **k: Any) -> Any:
            if asked.get(topic) != number:  # asked again meanwhile: this one need not be worked out
                return STALE
            return action(account, *a, **k)

        work.__name__ = getattr(action, "__name__", "ask")

    return app.act(work, *args, done=answer, refused=refusal, **kwargs)


def forget(screen: Screen, topic: str) -> None:
    """Drop the answer still coming on `topic` (what it answered no longer stands); what waited for it goes on."""
    asked, answered, waiting = _book(screen)
    asked[topic] = answered[topic] = asked.get(topic, 0) + 1
    _go_on(waiting, topic)


def _go_on(waiting: dict[str, list[Callable[[], Any]]], topic: str) -> None:
    """What waited for an answer on `topic` goes on."""
    for then in waiting.pop(topic, []):
        then()


def after(screen: Screen, topic: str, then: Callable[[], Any]) -> bool:
    """True when the newest question on `topic` is still to be answered; `then` runs once it is."""
    asked, answered, waiting = _book(screen)
    if asked.get(topic) == answered.get(topic):  # never asked, answered, or forgotten
        return False
    waiting.setdefault(topic, []).append(then)
    return True


class Asking:
    """Mixin for a screen whose figures come from the actions layer and are kept (Plan): `ask(panel, action,
    *args, done=...)`, where `done` takes the result or the refusal; `forget(panel)`; `after(panel, then)` (a key
    pressed before the answer it needs has come, as the palette runs an action on a section it has just opened,
    waits for it)."""

    def ask(self, panel: str, action: Callable[..., Any], *args: Any, done: Callable[[Any], None], **kwargs: Any) -> None:
        ask(self, panel, action, *args, done=done, refused=done, kept=True, skip_stale=True, **kwargs)

    def forget(self, panel: str) -> None:
        forget(self, panel)

    def after(self, panel: str, then: Callable[[], None]) -> bool:
        return after(self, panel, then)
