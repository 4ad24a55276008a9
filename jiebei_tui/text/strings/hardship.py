"""Strings: hardship (issue 12: a missed payment's way back). key → (English, 中文)."""

STRINGS: dict[str, tuple[str, str]] = {
    # --- what each input allows (the end of an InputError sentence) ---
    "rule.restructure_plan": (
        "a restructure entry must carry the plan that was agreed",
        "协商重组记录必须包含约定的还款计划",
    ),
    "rule.restructure_amount": (
        "the agreement restructured {amount} on {on}, by the history as it stands now; void the restructure and "
        "record the agreement again",
        "按目前的还款记录，{on} 协商重组的金额应为 {amount}；请撤销这条重组记录后重新登记协议",
    ),
    "rule.restructure_date": (
        "the agreement's date is after the drawdown ({start}) and not after today ({today})",
        "协议日期须晚于借款日（{start}），且不晚于今天（{today}）",
    ),
    "rule.restructure_needs": (
        "give the new plan's number of instalments (--term), its instalment (--installment), or both",
        "请给出新计划的期数（--term）、每期金额（--installment），或两者都给",
    ),
    "rule.restructure_term": (
        "the new plan has 1 to {max} monthly instalments",
        "新计划的期数须为 1 到 {max} 期（按月）",
    ),
    "rule.restructure_rate": (
        "the new daily rate is 0 (interest stopped) up to 0.1% a day, written as 0.0004 or 0.04%",
        "新的日利率须为 0（停息）到日息 0.1%，写作 0.0004 或 0.04%",
    ),
    "rule.restructure_installment_method": (
        "a fixed instalment is for an equal-instalment plan; this plan is {method}: give its term instead",
        "固定每期金额只适用于等额本息；这个计划是 {method}，请改为给出期数",
    ),
    "rule.restructure_installment_small": (
        "the instalment must be more than a month's interest ({interest}), or the principal never goes down",
        "每期金额须高于一个月的利息（{interest}），否则本金永远不会减少",
    ),
    "rule.restructure_installment_term": (
        "that instalment does not repay the loan within {max} months; the least that does is {least}",
        "按这个每期金额无法在 {max} 个月内还清；能还清的最低每期金额为 {least}",
    ),
    "rule.restructure_first_due": (
        "the new plan's first due date is after the agreement ({on}), within {days} days of it, on a day from "
        "1 to 28",
        "新计划的首个还款日须晚于协议日期（{on}），在其后 {days} 天之内，且为每月 1 到 28 日",
    ),
    "rule.restructure_not_edited": (
        "a restructure is not edited: void it and record the agreement again",
        "协商重组记录不能修改：请撤销后重新登记协议",
    ),
    "rule.budget_from": ("the plan starts today ({today}) or later", "计划须从今天（{today}）或之后开始"),
    "rule.budget_order": ("the order is one of: {known}", "顺序须为以下之一：{known}"),
    "rule.budget_months": ("the plan looks 1 to {max} months ahead", "计划可看 1 到 {max} 个月"),
    # --- what an inconsistent ledger holds (domain/integrity.py) ---
    "integrity.restructure_plan": (
        "entry {id} ({kind}): only a restructure carries an agreed plan, and a restructure must carry one",
        "记录 {id}（{kind}）：只有协商重组记录带有约定的还款计划，且必须带有",
    ),
    # --- the schedule ---
    "status.restructured": ("restructured", "已协商重组"),
}
