"""Strings: the Overdue section (key 4). key → (English, 中文)."""

STRINGS: dict[str, tuple[str, str]] = {
    # --- the section with no loan yet ---
    "overdue.need_loans": (
        "Nothing to work out yet: add a loan ({press}), then see here what paying it late would cost.",
        "暂无可计算的借款：请先添加一笔（按 {press}），再在这里查看逾期还款要多付多少。",
    ),
    # --- what a day of lateness costs (domain/overdue.py DailyPenalty): exact, then the one figure shown ---
    "overdue.daily_penalty": (
        "Each day late adds {base} × {rate} = {exact} of penalty. Only the total is rounded to the fen, not each "
        "day, so the amount to clear grows by about {about} a day (on some days a fen or two more or less).",
        "每多逾期一天增加罚息 {base} × {rate} = {exact}。罚息只对累计总额四舍五入到分，不逐日取整，所以应还金额每天约增加 "
        "{about}（个别日子多或少一两分）。",
    ),
    "overdue.daily_base": ("({principal} + {interest})", "({principal} + {interest})"),  # a formula: ASCII brackets in both
}
