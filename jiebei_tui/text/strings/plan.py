"""Strings: plan (where the next yuan goes, goal seek, scenarios, repayment-day move, months ahead, exports).
key → (English, 中文)."""

STRINGS: dict[str, tuple[str, str]] = {
    # --- what each input allows (the end of an InputError sentence) ---
    "rule.plan_amount": ("an extra amount is 0 or more, with at most 2 decimals", "额外金额须为 0 或更多，最多两位小数"),
    "rule.plan_no_money": (
        "give an extra amount, a monthly extra, or both, more than 0",
        "请给出额外金额、每月额外金额或两者，且大于 0",
    ),
    "rule.plan_date": ("a plan starts today ({today}) or later", "计划须从今天（{today}）或之后开始"),
    "rule.plan_monthly_from": (
        "a monthly extra needs the date of its first month (--from)",
        "每月额外还款需要给出首月日期（--from）",
    ),
    "rule.plan_no_loans": ("no loan owes anything: there is nothing to plan", "没有需要偿还的借款，无需计划"),
    "rule.plan_order": ("the orders are: {known}", "可选的顺序为：{known}"),
    "rule.goal_kind": ("the goals are: {known}", "可选的目标为：{known}"),
    "rule.goal_finish_by": ("give the date to be done by", "请给出希望还清的日期"),
    "rule.goal_amount": (
        "an amount of 0 or more (more than 0 for a saving), with at most 2 decimals",
        "金额须为 0 或更多（节省金额须大于 0），最多两位小数",
    ),
    "rule.repayment_day_nothing_left": (
        "this loan has no instalment left to fall due, so there is no repayment day to move",
        "这笔借款已没有待到期的分期，无法调整还款日",
    ),
    "rule.repayment_day_overdue": (
        "this loan has overdue amounts: a lender moves the repayment day of a loan in good standing; clear them first",
        "这笔借款有逾期未还的金额：贷款方只为正常还款的借款调整还款日，请先还清逾期",
    ),
    "rule.repayment_day_same": ("the loan is already due on day {day}", "这笔借款的还款日已是每月 {day} 日"),
    "rule.months_count": ("the number of months is a whole number from 1 to {max}", "月数须为 1 到 {max} 的整数"),
    "rule.payday": (
        "a payday is a day of the month from 1 to 31, or none",
        "发薪日须为每月 1 到 31 日，或不设置（none）",
    ),
    "rule.scenario_kind": ("the changes a scenario can make are: {known}", "情景可做的改变为：{known}"),
    "rule.scenario_needs_loan": ("a {kind} change names a loan", "{kind} 类改变须指定借款"),
    "rule.scenario_order_or_loan": (
        "a monthly extra goes either to one loan or by an order, not both",
        "每月额外还款要么给一笔借款，要么按顺序分配，不能两者都选",
    ),
    "rule.scenario_name_taken": ("a scenario already has that name", "已有同名的情景"),
    "rule.scenario_no_change": ("a scenario makes at least one change", "情景至少要有一项改变"),
    "rule.scenario_changes": ("a scenario makes at most {max} changes", "一个情景最多 {max} 项改变"),
    "rule.scenario_count": (
        "the ledger keeps at most {max} scenarios: remove one first",
        "账本最多保存 {max} 个情景：请先删除一个",
    ),
    "rule.scenario_unknown": ("no scenario has that id or name; the ledger has: {known}", "没有这个编号或名称的情景；现有：{known}"),
    "rule.scenario_compare_count": ("at most {max} scenarios are compared at once", "一次最多比较 {max} 个情景"),
    "rule.scenario_apply_repayment_day": (
        "it moves {loan}'s repayment day to day {day}: only the lender can do that, so it cannot be recorded; remove "
        "that change to apply the rest",
        "它将 {loan} 的还款日改为每月 {day} 日：这只能由贷款方办理，无法记录；删除这项改变后可应用其余部分",
    ),
    "rule.scenario_nothing_today": (
        "none of its payments falls today; its first day is {first}: apply it then",
        "它没有今天的还款；最早一天是 {first}，请到那天再应用",
    ),
    "rule.scenario_unknown_loan": ("it names loan {loan}, which is not in the ledger", "它指定的借款 {loan} 不在账本中"),
    "rule.scenario_paid_off": ("loan {loan} is paid off by {on}", "借款 {loan} 在 {on} 前已还清"),
    "rule.scenario_repayment_day_overdue": (
        "loan {loan} is overdue on {on}: a lender moves the repayment day of a loan in good standing",
        "借款 {loan} 在 {on} 有逾期：贷款方只为正常还款的借款调整还款日",
    ),
    "rule.scenario_repayment_day_same": ("loan {loan} is already due on day {day}", "借款 {loan} 的还款日已是每月 {day} 日"),
    # --- why a goal cannot be met ---
    "plan.goal.finish_by_unreachable": (
        "Even paying it off on {on} does not finish by {by}.",
        "即使在 {on} 全部还清，也无法在 {by} 前还完。",
    ),
    "plan.goal.installment_unreachable": (
        "No payment that day brings every instalment to {amount} or less; the least is {least}.",
        "当天任何金额的还款都无法让每期还款不超过 {amount}；最少为 {least}。",
    ),
    "plan.goal.save_unreachable": (
        "No payment on {on} saves {amount}: the most it can save is {most} (paying {extra} extra).",
        "在 {on} 的任何还款都省不到 {amount}：最多能省 {most}（额外还 {extra}）。",
    ),
    # --- notes on a scenario's changes ---
    "plan.scenario.moved_to_today": (
        "Dated {on}, before today: played as if made today ({today}).",
        "日期 {on} 早于今天：按今天（{today}）计算。",
    ),
    "plan.scenario.capped": (
        "More than {loan} owes on {on}: it pays off the loan ({payoff}) instead.",
        "超过 {loan} 在 {on} 的全部欠款：改为还清这笔借款（{payoff}）。",
    ),
    "plan.scenario.refused": (
        "The payment on {loan} on {on} would be refused, so it is left out:",
        "{on} 对 {loan} 的这笔还款会被拒绝，因此不计入：",
    ),
    "plan.scenario.unknown_loan": ("Loan {loan} is not in the ledger: left out.", "借款 {loan} 不在账本中：不计入。"),
    "plan.scenario.paid_off": ("Loan {loan} is paid off by {on}: left out.", "借款 {loan} 在 {on} 前已还清：不计入。"),
    "plan.scenario.repayment_day_overdue": (
        "Loan {loan} is overdue on {on}, so its repayment day is not moved.",
        "借款 {loan} 在 {on} 有逾期，因此不调整还款日。",
    ),
    "plan.scenario.repayment_day_same": (
        "Loan {loan} is already due on day {day}: nothing to move.",
        "借款 {loan} 的还款日已是每月 {day} 日：无需调整。",
    ),
    "plan.scenario.unused": (
        "{amount} of the monthly extra found no loan to take it.",
        "每月额外还款中有 {amount} 没有可还的借款。",
    ),
    # --- names of the orders (the Plan section and `plan`) ---
    "plan.order.nothing_extra": ("Nothing extra", "不额外还款"),
    "plan.order.highest_cost": ("Highest cost first", "成本最高者优先"),
    "plan.order.smallest_balance": ("Smallest balance first", "余额最少者优先"),
    "plan.order.lowest_outgo": ("Lowest outgo next month", "下月支出最少优先"),
}
