"""Strings: the Overdue section (key 4). key → (English, 中文)."""

STRINGS: dict[str, tuple[str, str]] = {
    # --- the section with no loan yet ---
    "overdue.need_loans": (
        "Nothing to work out yet: add a loan ({press}), then see here what paying it late would cost.",
        "暂无可计算的借款：请先添加一笔（按 {press}），再在这里查看逾期还款要多付多少。",
    ),
    # --- what a day of lateness costs (domain/overdue.py DailyPenalty): exact, then the one figure shown ---
    "overdue.daily_penalty": ("Penalty a day: {base} × {rate} = {exact}, about {about}", "每天罚息：{base} × {rate} = {exact}，约 {about}"),
    "overdue.daily_rounding": (
        "Only the total is rounded to the fen, not each day, so a day may add a fen or two more or less.",
        "罚息只对累计总额四舍五入到分，不逐日取整，所以某天可能多或少一两分。",
    ),
    "overdue.grace_note": (
        "Within the {grace} grace {grace:day|days} nothing is charged; unpaid after them, every day since the due "
        "date counts.",
        "宽限期 {grace} 天内不收罚息；过了宽限期仍未还，从到期日起的每一天都计罚息。",
    ),
    "overdue.daily_base": ("({principal} + {interest})", "({principal} + {interest})"),  # a formula: ASCII brackets in both
}
