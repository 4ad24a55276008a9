"""Plan's chart of the principal left: every month label on its time axis whole, in either language, wide or at 80
columns (a label is centred on its tick: one near the axis's right end was cut, "2027-")."""

from __future__ import annotations

import re

import pytest

from jiebei_tui.tui.widgets.principal_chart import PrincipalChart
from tests.tui.conftest import press, ready, screen_text, settle

MONTH = re.compile(r"\b\d{4}-\d{2}\b")


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("size", [(80, 24), (120, 36), (100, 30)])
async def test_every_month_label_on_the_chart_is_whole(make_app, lang: str, size: tuple[int, int]) -> None:
    app = make_app(lang=lang)
    async with app.run_test(size=size) as pilot:
        await ready(pilot)
        await press(pilot, "5")
        chart = app.screen.query_one(PrincipalChart)
        chart.scroll_visible(animate=False, top=True)
        await settle(pilot)
        top = chart.region.y
        lines = screen_text(app).splitlines()[top: top + chart.region.height]
        axis = next(line for line in reversed(lines) if MONTH.search(line))
        labels = re.findall(r"\b\d{4}-[\d]*", axis)
        assert len(labels) >= 2 and all(MONTH.fullmatch(label) for label in labels), axis
