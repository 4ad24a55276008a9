"""Strings: the Overdue section (key 4). key → (English, 中文)."""

STRINGS: dict[str, tuple[str, str]] = {
    # --- the section with no loan yet ---
    "overdue.need_loans": (
        "Nothing to work out yet: add a loan ({press}), then see here what paying it late would cost.",
        "暂无可计算的借款：请先添加一笔（按 {press}），再在这里查看逾期还款要多付多少。",
    ),
}
