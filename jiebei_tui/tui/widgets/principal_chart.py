"""The principal outstanding over time, one line per series (what was really owed to date, as the contracts
scheduled it, things as they stand, each scenario), drawn with textual-plot's PlotWidget in Braille dots.

textual-plot (and numpy under it) is imported by this module only, and this module only by the Plan section,
which the app imports when Plan is first opened: start-up does not load it (benchmarks/startup.py). The chart is
a picture, not a control: it takes no focus, so its pan and zoom keys never compete with the section's.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from rich.text import Text
from textual.reactive import reactive
from textual_plot import HiResMode, PlotWidget
from textual_plot.axis_formatter import AxisFormatter, NumericAxisFormatter

LOOKS = ("foreground", "secondary", "warning", "success", "accent", "primary", "error")  # theme colours in turn


@dataclass(frozen=True)
class Line:
    label: str
    points: tuple[tuple[dt.date, Decimal], ...]  # a step function: each value holds from its day on
    look: str  # a theme colour name (LOOKS)
    until: dt.date | None = None  # where the line stops (None: the chart's end)


LABEL = 7  # columns of a month's label, YYYY-MM


class MonthAxis(AxisFormatter):
    """Days from a start date, ticked at the first of a month (every n months, so the labels fit)."""

    def __init__(self, start: dt.date, width: Callable[[], int]) -> None:
        self.start = start
        self.width = width  # the columns the axis has, asked when the ticks are drawn

    def _day(self, x: float) -> dt.date:
        return self.start + dt.timedelta(days=round(x))

    def get_ticks(self, min_: float, max_: float, max_ticks: int = 8) -> list[float]:
        first, last = self._day(min_), self._day(max_)
        months = []
        m = dt.date(first.year, first.month, 1)
        if m < first:
            m = dt.date(m.year + (m.month == 12), m.month % 12 + 1, 1)
        while m <= last:
            months.append(m)
            m = dt.date(m.year + (m.month == 12), m.month % 12 + 1, 1)
        if not months:
            return [float(min_)]
        most = max(2, min(max_ticks, self.width() // (LABEL + 3)))  # keep 3 columns between labels
        step = max(1, -(-len(months) // most))
        for nice in (1, 2, 3, 6, 12, 24, 60):
            if nice >= step:
                step = nice
                break
        chosen = [d for d in months if (d.year * 12 + d.month - 1) % step == 0] or months[:1]
        ticks = [float((d - self.start).days) for d in chosen]
        # a label is centred on its tick: one too near the axis's right end was cut ("2027-" at 80 columns)
        columns = self.width() - 1
        if max_ > min_ and columns > LABEL:
            ticks = [x for x in ticks if (x - min_) / (max_ - min_) * columns + LABEL // 2 <= columns] or ticks[:1]
        return ticks

    def get_labels_for_ticks(self, ticks: Sequence[float]) -> list[str]:
        return [self._day(x).strftime("%Y-%m") for x in ticks]


class AmountAxis(NumericAxisFormatter):
    """Yuan, with thousands separators and no decimals; about four ticks (a chart is a dozen rows high)."""

    def get_ticks(self, min_: float, max_: float, max_ticks: int = 8) -> list[float]:
        return super().get_ticks(min_, max_, 4)

    def get_labels_for_ticks(self, ticks: Sequence[float]) -> list[str]:
        return [f"{tick:,.0f}" for tick in ticks]


def steps(points: Sequence[tuple[dt.date, Decimal]], start: dt.date, end: dt.date) -> tuple[list[float], list[float]]:
    """A step function as a polyline, in days from `start`, from its first point (or `start`) to `end`: flat,
    then straight down (or up) on each day the value changes."""
    if not points:
        return [], []
    before = [v for d, v in points if d <= start]
    first = start if before else max(points[0][0], start)
    level = float(before[-1]) if before else float(points[0][1])
    xs, ys = [float((first - start).days)], [level]
    for day, value in points:
        if day <= first or day > end:
            continue
        x = float((day - start).days)
        xs += [x, x]
        ys += [level, float(value)]
        level = float(value)
    xs.append(float((end - start).days))
    ys.append(level)
    return xs, ys


class PrincipalChart(PlotWidget, can_focus=False):
    DEFAULT_CSS = """
    PrincipalChart { height: 16; width: 1fr; }
    PrincipalChart > .plot--axis { color: $secondary; }
    PrincipalChart > .plot--tick { color: $text-muted; text-style: none; }
    """

    margin_top = reactive(0)
    margin_bottom = reactive(2)
    margin_left = reactive(11)

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, allow_pan_and_zoom=False)

    def draw(self, lines: Sequence[Line], start: dt.date, end: dt.date) -> None:
        """The lines from `start` to `end`, each a step function, with a legend naming them."""
        self.clear()
        theme = self.app.current_theme
        top = 0.0
        for line in lines:
            xs, ys = steps(line.points, start, min(line.until or end, end))
            if not xs:
                continue
            top = max(top, *ys)
            colour = getattr(theme, line.look, None) or theme.foreground or "white"
            self.plot(xs, ys, line_style=colour, hires_mode=HiResMode.BRAILLE)
        self.set_x_formatter(MonthAxis(start, lambda: self.size.width - self.margin_left))
        self.set_y_formatter(AmountAxis())
        self.set_xlimits(0.0, float(max((end - start).days, 1)))
        self.set_ylimits(0.0, top * 1.05 if top > 0 else 1.0)


def legend(lines: Sequence[Line], app) -> Text:
    """The lines' names, each after a stroke in its colour (shown beside the chart, which it would cover)."""
    theme = app.current_theme
    out = Text()
    for n, line in enumerate(lines):
        if n:
            out.append("   ")
        out.append("━━ ", style=getattr(theme, line.look, None) or "")
        out.append(line.label)
    return out
