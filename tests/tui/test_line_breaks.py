"""Lines break where a reader expects, on screen (text/width.py `wrap`): the cold trial's lines at 80×24 and
120×36 that broke inside a word ("及本 / 金"), between a key and what it does ("· f / How is this computed?"),
after a separator ("… 15.62% · / 还款方式") or, in a toast, after "按 a"."""

from __future__ import annotations

import re

import pytest

from tests.tui.conftest import press, ready, screen_text, wait_for
from tests.tui.test_repay_enter import into_prepay


def lines_of(app) -> list[str]:
    """The screen's lines, without the box-drawing of panels and dialogs and the scrollbar's blocks."""
    return [re.sub(r"[│█▌▊▎▕▏▁▂▃▄▅▆▇▔╭╮╰╯─━]", " ", line).strip() for line in screen_text(app).splitlines()]


async def test_the_demo_notice_toast_breaks_at_a_phrase_in_chinese(make_app) -> None:
    app = make_app(lang="zh")
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await ready(pilot)
        await wait_for(pilot, lambda: app.screen.query("Toast"), "the demo's notice")
        shown = lines_of(app)
        assert any(line.endswith("这是演示数据。按 a 添加你自己的借款") for line in shown), shown
        assert not any(line.endswith("按 a") for line in shown)


@pytest.mark.parametrize("lang", ["en", "zh"])
async def test_the_schedule_summary_breaks_between_its_items(make_app, lang) -> None:
    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        shown = lines_of(app)
        assert not any(line.endswith("·") for line in shown), shown
        method = "· Method" if lang == "en" else "· 还款方式"
        assert any(line.startswith(method) for line in shown) or not any(method[2:] in line for line in shown)


async def test_the_prepay_explanation_keeps_its_words_whole_in_chinese(make_app) -> None:
    app = make_app(lang="zh")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await press(pilot, "2")
        for amount in ("3000", "2000", "1500.5", "4321"):
            await into_prepay(pilot, amount)
            await press(pilot, "pagedown")
            for line in lines_of(app):
                assert not re.search(r"(及本|的利|结清金|还款方|逾)$", line), line
            await press(pilot, "escape")


async def test_help_keeps_each_key_with_what_it_does(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await press(pilot, "question_mark")
        for line in lines_of(app):
            assert not re.search(r"· \S+$", line), line  # "· f" at a line's end, "How is this computed?" below


@pytest.mark.parametrize("columns", [80, 120])
async def test_a_chinese_toast_is_laid_out_for_the_toast_s_own_width(make_app, columns) -> None:
    """A reminder toast broke inside words ("Yu'e Bao充 / 值") when laid out for Textual's half screen while the
    app's toasts are wider: each line fits the toast's text area and fills it (no line re-broken by Textual)."""
    from jiebei_tui.text.width import width, wrap

    said = ("学费周转 · Course fee (demo)：请给余额宝 Yu'e Bao充值——2026-12-02 将扣款 ¥1,108.00。扣款失败同样算逾期。"
            "错过的提醒：1 笔借款在 2026-11-27 至今应发的提醒未逐条补发（超出补发窗口）。")
    app = make_app(lang="zh")
    async with app.run_test(size=(columns, 24), notifications=True) as pilot:
        await ready(pilot)
        app.clear_notifications()
        app.notify(said, timeout=60)
        ours = lambda: [t for t in app.screen.query("Toast") if t._notification.message.startswith("学费")]  # noqa: E731
        await wait_for(pilot, ours, "the toast")
        toast = ours()[0]
        await wait_for(pilot, lambda: toast.content_region.width > 0, "the toast laid out")
        lines = toast._notification.message.split("\n")
        assert max(width(line) for line in lines) <= toast.content_region.width
        assert lines == wrap(said, toast.content_region.width)  # laid out for this width, not half the screen's
        assert not any(line.endswith(("充", "至", "逾")) for line in lines), lines
