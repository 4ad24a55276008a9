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
        "这一条是对 {voids} 的作废记录，不是还款",
    ),
    "rule.already_voided": ("that payment was voided already (by {by})", "这笔还款已被作废（作废记录 {by}）"),
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
    # --- the command line: payments, corrections, loan edits, terms per loan, auto-debits ---
    "cli.pay_now": (
        "To pay today: {amount} (pays {covers} in full). Payoff today: {payoff}.",
        "今天应还：{amount}（还清{covers}）。今天结清需：{payoff}。",
    ),
    "cli.paid_through": (
        "Instalments 1 to {n} recorded as repaid on their due dates.",
        "第 1 至 {n} 期已按各自还款日记为已还。",
    ),
    "cli.paid_through.one": ("Instalment 1 recorded as repaid on its due date.", "第 1 期已按还款日记为已还。"),
    "cli.voided": (
        "Voided payment {event} ({amount} on {date}, loan {loan}); the reversing entry is {void}.",
        "已作废还款 {event}（借款 {loan} 于 {date} 的 {amount}），作废记录为 {void}。",
    ),
    "cli.edited": (
        "Corrected payment {event} ({amount} on {date}) of loan {loan}: it is now {new} ({new_amount} on {new_date}).",
        "已更正借款 {loan} 的还款 {event}（{date} 的 {amount}）：现为 {new}（{new_date} 的 {new_amount}）。",
    ),
    "payments.edit_as_is": (
        "Payment {event} as recorded: type the amount or the date it should have, to see what correcting it does.",
        "还款 {event} 的现有记录：输入应有的金额或日期，即可看到更正后的变化。",
    ),
    "cli.edit_nothing": (
        "Payment {event} already has that amount and date: nothing was changed.",
        "还款 {event} 的金额和日期已是如此，未作改动。",
    ),
    "cli.auto_debit_on": (
        "Loan {id} is set to auto-debit (from {account}). Each debit still counts only once you confirm it went "
        "through: `jiebei-tui pay {id} --debited`.",
        "借款 {id} 已设为自动扣款（从 {account}）。每次扣款须你确认成功后才计入：`jiebei-tui pay {id} --debited`。",
    ),
    "cli.auto_debit_off": ("Loan {id} is not set to auto-debit.", "借款 {id} 未设自动扣款。"),
    "cli.unchanged": ("(It was already so: nothing was changed.)", "（本就如此，未作改动。）"),
    "cli.no_payments": ("No payments recorded.", "还没有记录任何还款。"),
    "cli.terms_unchanged": ("The terms were already so: nothing was changed.", "条款本就如此，未作改动。"),
    "debit.question": (
        "Auto-debit for {loan} ({name}): did the {amount} debit on {date} (instalment {no}) go through? If it did, "
        "record it: {command}",
        "{loan}（{name}）的自动扣款：{date} 的 {amount}（第 {no} 期）扣款成功了吗？若已扣款，请记录：{command}",
    ),
    "kind.auto_debit": ("auto-debit", "自动扣款"),
    "payment.active": ("counts", "有效"),
    "payment.voided": ("voided", "已作废"),
    "payment.replaced": ("replaced by {by}", "已被 {by} 更正"),
    "payment.with_reason": ("{status} ({reason})", "{status}（{reason}）"),
    "col.loan": ("Loan", "借款"),
    "col.date": ("Date", "日期"),
    "col.kind": ("Kind", "类型"),
    "col.prepaid": ("Prepaid", "提前还本"),
    # a schedule line that is principal prepaid with an instalment, not an instalment (replay.schedule_lines)
    "status.prepaid": ("prepaid principal", "提前还本"),
    "status.fee": ("prepayment fee", "提前还款手续费"),
    "schedule.prepaid_row": ("Prepaid", "提前还本"),
    "col.fee": ("Fee", "手续费"),
    "col.recorded": ("Recorded", "记录于"),
    "col.days_late": ("Days late", "逾期天数"),
    "col.owed": ("Owed", "应还"),
    "label.repayment_day": ("Repayment day", "还款日"),
    "label.min_prepayment": ("Minimum prepayment (principal)", "最低提前还款额（本金）"),
    "label.prepayment_fee": ("Prepayment fee (of principal prepaid)", "提前还款手续费（按所还本金）"),
    "word.none": ("none", "无"),
    "terms.all_loans_heading": ("Terms for all loans (a loan may have its own):", "所有借款的条款（单笔借款可另设）："),
    "terms.this_loan_heading": (
        "Terms for this loan, {loan} (marked: its own; the rest are every loan's):",
        "这笔借款 {loan} 的条款（有标记的为其自有，其余沿用所有借款的）：",
    ),
    "terms.own": ("this loan's own", "本笔自有"),
    "terms.this_loan": ("this loan's terms", "这笔借款的条款"),
    "terms.all_loans": ("the terms for all loans", "所有借款的条款"),
    "overdue.terms_of": ("Worked out under {scope}.", "按{scope}计算。"),
    "overdue.as_if_unpaid": (
        "Instalment {no} was paid by its due date: these figures show what it would have cost unpaid.",
        "第 {no} 期已在还款日前还清：以下为假如未还会产生的费用。",
    ),
    "loanedit.heading": ("Changing loan {loan}:", "修改借款 {loan}："),
    "loanedit.before": ("Before", "修改前"),
    "loanedit.after": ("After", "修改后"),
    "loanedit.from_drawdown": ("from the drawdown", "按借款日"),
    "loanedit.schedule_after": ("The contract schedule after the change:", "修改后的合同还款计划："),
    "loanedit.nothing": ("Loan {loan} already has those terms: nothing to change.", "借款 {loan} 已是这些条款，无需修改。"),
    "loanedit.applied": (
        "Recorded: loan {loan} now has these terms; every payment was replayed under them.",
        "已记录：借款 {loan} 已改为这些条款，所有还款已按新条款重新计算。",
    ),
    "loanedit.preview_only": (
        "Preview only: nothing was recorded (add --apply to record it).",
        "仅为预览，未写入账本（加 --apply 记录）。",
    ),
    # --- history entries in words (undo says what it undid) ---
    "change.payments.void": ("voiding payment {event} ({amount} on {date}) of {loan}", "作废借款 {loan} 的还款 {event}（{date} 的 {amount}）"),
    "change.payments.edit": (
        "correcting payment {event} of {loan} to {amount} on {date}",
        "将借款 {loan} 的还款 {event} 更正为 {date} 的 {amount}",
    ),
    "change.pay.debited": (
        "the auto-debit {event} of {amount} on {date} for {loan}",
        "借款 {loan} 于 {date} 的自动扣款 {event}（{amount}）",
    ),
    "change.loans.edit": ("changing the contract terms of loan {id}", "修改借款 {id} 的合同条款"),
    "change.loans.auto_debit": ("the auto-debit setting of loan {id}", "借款 {id} 的自动扣款设置"),
    "change.reminders.add": ("adding reminder rule {rule}", "添加提醒规则 {rule}"),
    "change.reminders.edit": ("editing reminder rule {rule}", "修改提醒规则 {rule}"),
    "change.reminders.remove": ("removing reminder rule {rule}", "删除提醒规则 {rule}"),
    "change.reminders.enable": ("turning reminder rule {rule} on", "开启提醒规则 {rule}"),
    "change.reminders.disable": ("turning reminder rule {rule} off", "关闭提醒规则 {rule}"),
    "change.reminders.settings": ("the change of reminder settings", "提醒设置的修改"),
    "change.settings.set": ("the change of preferences", "偏好设置的修改"),
    # --- what an inconsistent ledger holds (domain/integrity.py): voids and corrected payments ---
    "integrity.void_names_nothing": (
        "void {id} does not name the entry it reverses",
        "冲销记录 {id} 没有指明所冲销的记录",
    ),
    "integrity.void_target": (
        "void {id} reverses {target}, which is not an entry of loan {loan} in the ledger",
        "冲销记录 {id} 冲销的 {target} 不是账本中借款 {loan} 的记录",
    ),
    "integrity.voids_not_void": (
        "entry {id} ({kind}) names {target} as voided, which only a void does",
        "记录 {id}（{kind}）注明冲销 {target}，但只有冲销记录才能这样做",
    ),
    "integrity.voided_twice": ("entry {id} is voided {n} times", "记录 {id} 被冲销了 {n} 次"),
    "integrity.replaces_target": (
        "payment {id} replaces {target}, which is not another payment of loan {loan} in the ledger",
        "还款 {id} 所更正的 {target} 不是账本中借款 {loan} 的另一笔还款",
    ),
}
