"""Strings: account. key → (English, 中文)."""

STRINGS: dict[str, tuple[str, str]] = {
    # --- what each input allows (the end of an InputError sentence) ---
    "rule.payment_before_start": (
        "a payment date is not before the drawdown ({start})",
        "还款日期不能早于借款日（{start}）",
    ),
    "rule.prepay_minimum": (
        "it would prepay {principal} of principal, below this loan's minimum prepayment {minimum}; prepay at least "
        "that much, or pay exactly the payoff {payoff} to close the loan",
        "这笔还款会提前归还本金 {principal}，低于这笔借款的最低提前还款额 {minimum}；请至少提前还这么多，"
        "或恰好支付结清金额 {payoff} 以还清借款",
    ),
    "rule.history_conflict": (
        "with it, payment {event} ({amount} on {date}) would no longer fit: {problem}",
        "这样改动后，还款 {event}（{date} 的 {amount}）将不再成立：{problem}",
    ),
    "rule.event_id": ("no payment in the ledger has that id", "账本中没有这个编号的还款"),
    "rule.void_not_payment": (
        "that entry is the reversal of {voids}, not a payment",
        "这一条是对 {voids} 的撤销记录，不是还款",
    ),
    "rule.already_voided": ("that payment was voided already (by {by})", "这笔还款已被撤销（撤销记录 {by}）"),
    "rule.reason": ("a reason has at most {max} characters", "原因最多 {max} 个字符"),
    "rule.paid_through": (
        "already-paid instalments are a whole number from 0 to {max}: fewer than the term ({term}), each due on or "
        "before today ({today})",
        "已还期数须为 0 到 {max} 的整数：少于总期数（{term}），且每期还款日不晚于今天（{today}）",
    ),
    "rule.min_prepayment": (
        "the minimum prepayment is an amount from 0 to {max}, with at most 2 decimals",
        "最低提前还款额须为 0 到 {max} 的金额，最多两位小数",
    ),
    "rule.prepayment_fee": (
        "the prepayment fee is 0% to 10% of the principal prepaid, written like 1% or 0.01",
        "提前还款手续费须为所还本金的 0% 到 10%，写作 1% 或 0.01",
    ),
    "rule.term_field": ("the terms a loan can follow the ledger for again are: {known}", "可恢复为账本默认的条款为：{known}"),
    "rule.reset_needs_loan": (
        "only a loan's own terms can be reset to the ledger's: name the loan",
        "只有单笔借款自己的条款可以恢复为账本默认：请指定借款",
    ),
    "rule.debit_none": (
        "this loan has no instalment past its due date waiting for an auto-debit to be confirmed",
        "这笔借款没有已过还款日、等待确认自动扣款的分期",
    ),
    "rule.debit_installment": (
        "the debit to confirm is instalment {no}, due {date}",
        "待确认的扣款是第 {no} 期（{date} 到期）",
    ),
    "rule.auto_debit_off": ("this loan is not set to auto-debit", "这笔借款没有开启自动扣款"),
}
