"""Text that wraps where a reader expects: Chinese lines break after a clause's punctuation (and never between a
number and its measure word, "第 1 天"), English at spaces (text/width.py `wrap`). Textual's own wrapping
breaks only at spaces, so a Chinese sentence with "第 1 天" in it broke at that space. A Prose is a Static
whose text is laid out by `wrap` for the width it is given; its text is plain (never read as markup)."""

from __future__ import annotations

from textual.content import Content
from textual.css.styles import RulesMap
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual
from textual.widgets import Static

from jiebei_tui.text.width import wrap


class Phrased(Visual):
    """A Content laid out in lines by `wrap`, then drawn as Textual draws text (each line fits, so Textual
    breaks none of them again)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._laid_out: tuple[int, Content] | None = None

    def __str__(self) -> str:
        return self.text

    def at(self, width: int) -> Content:
        if self._laid_out is None or self._laid_out[0] != width:
            self._laid_out = (width, Content("\n".join(wrap(self.text, width))))
        return self._laid_out[1]

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return Content(self.text).get_optimal_width(rules, container_width)

    def get_minimal_width(self, rules: RulesMap) -> int:
        return Content(self.text).get_minimal_width(rules)

    def get_height(self, rules: RulesMap, width: int) -> int:
        return self.at(width).get_height(rules, width)

    def render_strips(self, width: int, height: int | None, style: Style, options: RenderOptions) -> list[Strip]:
        return self.at(width).render_strips(width, height, style, options)


class Prose(Static):
    DEFAULT_CSS = "Prose { width: 1fr; height: auto; }"

    def __init__(self, text: str = "", **kwargs) -> None:
        super().__init__(Phrased(text), **kwargs)

    def update(self, text: str = "", *, layout: bool = True) -> None:  # type: ignore[override]
        super().update(Phrased(text), layout=layout)

    @property
    def text(self) -> str:
        return self.content.text if isinstance(self.content, Phrased) else str(self.content)


class Said(Prose):
    """A line of a section that takes no room while there is nothing to say."""

    def __init__(self, text: str = "", **kwargs) -> None:
        super().__init__(text, **kwargs)
        self.display = bool(text)

    def update(self, text: str = "", *, layout: bool = True) -> None:  # type: ignore[override]
        self.display = bool(text)
        super().update(text, layout=layout)


class Problem(Said):
    """What is wrong with a field or a form, in the error colour; takes no room while there is nothing wrong."""

    DEFAULT_CSS = "Problem { color: $error; }"
