"""Snapshots of every screen at 120×36 and 80×24, in both languages (pytest-textual-snapshot).
Update after an intended change with `pytest tests/tui/test_snapshots.py --snapshot-update` and look at the SVGs."""

from __future__ import annotations

import pytest

from tests.tui.conftest import settle
from tests.tui.scenes import LANGS, SCENES, SIZES, arrive, make_app


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("scene", SCENES)
def test_screen(snap_compare, scene: str, size: str, lang: str) -> None:
    async def run_before(pilot) -> None:
        await arrive(pilot, scene)

    assert snap_compare(make_app(scene, lang), terminal_size=SIZES[size], run_before=run_before)


RESIZED = ("status", "repay", "reminders", "overdue", "plan", "way_back")


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("scene", RESIZED)
def test_screen_after_a_resize(snap_compare, scene: str, lang: str) -> None:
    """Started at 120×36, narrowed to 80×24 while on the section: what a fresh 80×24 start shows."""

    async def run_before(pilot) -> None:
        await arrive(pilot, scene)
        await pilot.resize_terminal(*SIZES["narrow"])
        await settle(pilot)

    assert snap_compare(make_app(scene, lang), terminal_size=SIZES["wide"], run_before=run_before)
