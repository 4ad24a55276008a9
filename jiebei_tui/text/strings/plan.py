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
    # --- refusals of the Plan section's front doors ---
    "rule.plan_no_step": (
        "this plan places no money today or later that any loan can take, so it has no first step to record",
        "这个计划没有可由任何借款接收的还款，因此没有可记录的第一步",
    ),
    "rule.plan_first_not_today": (
        "the plan's first step falls on {on}; a payment is recorded on the day it is made (today is {today}): "
        "record it then",
        "计划的第一步在 {on}；还款在实际发生的当天记录（今天是 {today}），请到那天再记录",
    ),
    "rule.goal_one": (
        "give exactly one goal: --finish-by DATE, --max-installment AMOUNT or --save AMOUNT",
        "请只给出一个目标：--finish-by 日期、--max-installment 金额或 --save 金额",
    ),
    "rule.export_what": ("the tables are: {known}", "可导出的表为：{known}"),
    "rule.export_format": ("the formats are: {known}", "可选的格式为：{known}"),
    "rule.export_plan_money": (
        "a plan export needs the plan's money: --extra AMOUNT and/or --monthly AMOUNT --from DATE",
        "导出计划需要给出计划的金额：--extra 金额和/或 --monthly 金额 --from 日期",
    ),
    "rule.scenario_one_of": (
        "give a new scenario's NAME or --to an existing one, not both",
        "请给出新情景的名称（NAME）或用 --to 指定已有情景，二者选一",
    ),
    # --- history: a change, in words (undo says what it undid) ---
    "change.plan.apply_first": (
        "the plan's first step: {amount} on {date} for {loan} ({event})",
        "计划的第一步：借款 {loan} 于 {date} 的 {amount}（{event}）",
    ),
    "change.scenario.add": ("adding scenario {scenario} ({name})", "添加情景 {scenario}（{name}）"),
    "change.scenario.extend": ("adding a change to scenario {scenario} ({name})", "为情景 {scenario}（{name}）添加一项改变"),
    "change.scenario.remove": ("removing scenario {scenario} ({name})", "删除情景 {scenario}（{name}）"),
    "change.scenario.apply": (
        "applying scenario {scenario} ({name}): payments {events}, {amount} in all",
        "应用情景 {scenario}（{name}）：还款 {events}，共 {amount}",
    ),
    "change.settings.payday": ("setting the payday to {payday}", "将发薪日设为 {payday}"),
    # --- figures, as the command line and the Plan section name them ---
    "plan.col.month": ("Month", "月份"),
    "plan.col.order": ("Order", "顺序"),
    "plan.col.strategy": ("Strategy", "方式"),
    "plan.col.extra": ("Extra", "额外"),
    "plan.col.payment": ("Payment", "当天共付"),
    "plan.col.debt_free": ("Debt-free", "还清日"),
    "plan.col.largest": ("Largest after", "之后最高月供"),
    "plan.col.cost": ("Cost", "成本"),
    "plan.col.saving": ("Saving", "节省"),
    "plan.col.total": ("Total", "合计"),
    "plan.col.before_payday": ("Before payday", "发薪日前"),
    "plan.col.what": ("What", "内容"),
    "plan.col.changes": ("Changes", "改变"),
    "plan.col.no": ("No.", "期"),
    "plan.col.old_date": ("Due now", "原还款日"),
    "plan.col.old_amount": ("Amount now", "原金额"),
    "plan.col.new_date": ("Due after", "新还款日"),
    "plan.col.new_amount": ("Amount after", "新金额"),
    "plan.row.debt_free": ("Debt-free", "还清日期"),
    "plan.row.interest": ("Interest", "利息"),
    "plan.row.penalty": ("Penalty", "罚息"),
    "plan.row.fees": ("Fees", "手续费"),
    "plan.row.cost": ("Total cost", "总成本"),
    "plan.row.saving": ("Saving", "节省"),
    "plan.row.first_step": ("First step", "第一步"),
    "plan.row.unused": ("Not placed", "未能使用"),
    "plan.row.outgo": ("Outgo, first 3 months", "前三个月支出"),
    "plan.none": ("—", "—"),
    # --- where the next yuan goes ---
    "plan.head": (
        "Today {today} · principal outstanding {principal}",
        "今天 {today} · 未还本金 {principal}",
    ),
    "plan.money_once": ("{amount} extra on {on}", "{on} 额外还 {amount}"),
    "plan.money_monthly": ("{amount} extra a month from {on}", "自 {on} 起每月额外还 {amount}"),
    "plan.roll_over": (
        "Rolling over: what a plan frees is paid on at once, so every order pays what doing nothing pays plus the extra.",
        "滚动还款：计划省下的月供立即继续还款，因此每种顺序支付的都是原本的月供加额外金额。",
    ),
    "plan.months_title": ("Month by month, what you pay", "逐月支出"),
    "plan.best": ("Cheapest: {order}, saving {saving} against nothing extra.", "最省：{order}，比不额外还款节省 {saving}。"),
    "plan.no_saving": ("No order saves anything against paying nothing extra.", "没有任何顺序比不额外还款更省。"),
    "plan.steps_title": ("{order}: the payments carrying the extra", "{order}：含额外金额的还款"),
    "plan.step": ("{date}  {loan} {name}  {amount} ({kind})", "{date}  {loan} {name}  {amount}（{kind}）"),
    "plan.first_step": ("{loan} {amount} on {date}", "{loan} {date} {amount}"),
    "plan.apply_hint": (
        "To record the first step ({amount} to {loan} on {date}): the same command with --apply-first.",
        "记录第一步（{date} 向 {loan} 还 {amount}）：在同一命令后加 --apply-first。",
    ),
    "plan.applied": ("Recorded the plan's first step: {kind} of {amount} on {date} for {loan}.",
                     "已记录计划的第一步：{loan} 于 {date} 的{kind} {amount}。"),
    "plan.effect.overdue": ("clears {amount} overdue", "还清逾期 {amount}"),
    "plan.effect.interest": ("pays {amount} interest", "支付利息 {amount}"),
    "plan.effect.principal": ("{amount} of the running instalment's principal", "本期本金 {amount}"),
    "plan.effect.prepaid": ("prepays {amount} of principal", "提前还本金 {amount}"),
    "plan.effect.fee": ("a fee of {amount}", "手续费 {amount}"),
    "plan.effect.closes": ("closes the loan", "还清这笔借款"),
    "plan.effect.left": ("leaves {amount} of principal", "剩余本金 {amount}"),
    "plan.simulated_only": ("Nothing was recorded: this is a plan.", "未记录任何内容：这只是计划。"),
    # --- goal seek ---
    "plan.goal.head": ("Loan {loan} {name}: extra paid on {on} ({due} falls due that day; payoff {payoff})",
                       "借款 {loan} {name}：于 {on} 额外还款（当天到期 {due}；结清金额 {payoff}）"),
    "plan.goal.finish_by": ("Goal: paid off by {date}", "目标：在 {date} 前还清"),
    "plan.goal.max_installment": ("Goal: no instalment above {amount}", "目标：每期还款不超过 {amount}"),
    "plan.goal.save": ("Goal: save at least {amount}", "目标：至少节省 {amount}"),
    "plan.goal.without": (
        "Paying nothing extra: paid off {date}, largest instalment {largest}, cost {cost}.",
        "不额外还款：{date} 还清，最高月供 {largest}，成本 {cost}。",
    ),
    "plan.goal.met": (
        "{strategy}: pay {extra} extra ({payment} that day in all) → paid off {date}, largest instalment after {largest}, saves {saving}.",
        "{strategy}：额外还 {extra}（当天共付 {payment}）→ {date} 还清，之后最高月供 {largest}，节省 {saving}。",
    ),
    "plan.goal.already": ("{strategy}: already met paying nothing extra.", "{strategy}：不额外还款即可达成。"),
    "plan.goal.cannot": ("{strategy}: {reason}", "{strategy}：{reason}"),
    "plan.goal.one_fen_less": (
        "One fen less ({extra}) misses it: paid off {date}, largest instalment {largest}, saves {saving}.",
        "少一分钱（{extra}）就达不到：{date} 还清，最高月供 {largest}，节省 {saving}。",
    ),
    "plan.goal.same_both": ("Interest first: both strategies give the same plan.", "先息后本：两种方式结果相同。"),
    # --- change my repayment day ---
    "plan.day.head": ("Loan {loan} {name}: repayment day {old} → {new}, from {on}",
                      "借款 {loan} {name}：还款日每月 {old} 日 → {new} 日，自 {on} 起"),
    "plan.day.transition": (
        "Instalment {no} runs from {start}: due {old_due} ({old_days} days, interest {old_interest}) becomes due "
        "{new_due} ({new_days} days, interest {new_interest}).",
        "第 {no} 期自 {start} 起计息：原 {old_due} 到期（{old_days} 天，利息 {old_interest}），改为 {new_due} 到期"
        "（{new_days} 天，利息 {new_interest}）。",
    ),
    "plan.day.regular": ("Instalment {old} → {new}.", "月供 {old} → {new}。"),
    "plan.day.costs": (
        "Interest to the end {before} → {after}: the move costs {amount}.",
        "至还清的利息 {before} → {after}：调整还款日多付 {amount}。",
    ),
    "plan.day.saves": (
        "Interest to the end {before} → {after}: the move saves {amount}.",
        "至还清的利息 {before} → {after}：调整还款日节省 {amount}。",
    ),
    "plan.day.same": ("Interest to the end stays {before}.", "至还清的利息不变：{before}。"),
    "plan.day.lender": (
        "Only the lender can move a repayment day: ask them; nothing here changes your loan.",
        "还款日只能由贷款方调整，请向其申请；这里不会改动你的借款。",
    ),
    # --- the months ahead ---
    "plan.months.payday": ("Payday: day {day} of each month (the month's last day when shorter).",
                           "发薪日：每月 {day} 日（当月天数不足时为月末）。"),
    "plan.months.no_payday": (
        "No payday set: `jiebei-tui payday N` flags what falls due before it.",
        "未设置发薪日：运行 `jiebei-tui payday N` 可标出发薪日前到期的还款。",
    ),
    "plan.months.overdue": ("overdue, to pay today", "已逾期，今天应还"),
    "plan.months.installment": ("instalment {no}", "第 {no} 期"),
    "plan.months.flag": ("before payday", "发薪日前"),
    "plan.months.before": ("{amount} before payday ({date})", "发薪日（{date}）前需 {amount}"),
    "plan.payday.is": ("Payday: day {day} of each month.", "发薪日：每月 {day} 日。"),
    "plan.payday.none": ("No payday set.", "未设置发薪日。"),
    "plan.payday.saved": ("Saved.", "已保存。"),
    "plan.payday.unchanged": ("Already so: nothing written.", "设置未变：没有写入。"),
    # --- scenarios ---
    "plan.scenario.none": (
        "No scenarios yet: `jiebei-tui scenario add NAME --prepay --loan ID --amount X` adds one.",
        "还没有情景：运行 `jiebei-tui scenario add 名称 --prepay --loan 编号 --amount 金额` 添加。",
    ),
    "plan.scenario.current": ("As things stand", "维持现状"),
    "plan.scenario.added": ("Added scenario {id} ({name}).", "已添加情景 {id}（{name}）。"),
    "plan.scenario.extended": ("Scenario {id} ({name}) now makes {n} changes.", "情景 {id}（{name}）现有 {n} 项改变。"),
    "plan.scenario.removed": ("Removed scenario {id} ({name}); your loans and payments are as they were.",
                              "已删除情景 {id}（{name}）；你的借款和还款记录不变。"),
    "plan.scenario.applied": ("Applied scenario {id} ({name}): recorded {n} payments, {amount} in all.",
                              "已应用情景 {id}（{name}）：记录了 {n} 笔还款，共 {amount}。"),
    "plan.scenario.applied.one": ("Applied scenario {id} ({name}): recorded 1 payment of {amount}.",
                                  "已应用情景 {id}（{name}）：记录了 1 笔还款，{amount}。"),
    "plan.scenario.kept": ("It keeps what is still to come.", "情景保留尚未到来的部分。"),
    "plan.scenario.gone": ("Nothing of it is left to come: it was removed.", "情景已没有尚未到来的部分，已删除。"),
    "plan.scenario.today": ("Applying it today records:", "今天应用它将记录："),
    "plan.scenario.not_today": ("It cannot be applied today: {why}.", "今天无法应用：{why}。"),
    "plan.scenario.notes": ("Notes on {id}:", "关于 {id} 的说明："),
    "plan.scenario.principal_title": ("Principal outstanding at each month's end", "每月末的未还本金"),
    "plan.change.prepay": ("prepay {amount} on {loan} on {on}", "{on} 向 {loan} 提前还款 {amount}"),
    "plan.change.monthly_loan": ("{amount} a month to {loan} from {on}", "自 {on} 起每月向 {loan} 多还 {amount}"),
    "plan.change.monthly_order": ("{amount} a month from {on}, {order}", "自 {on} 起每月多还 {amount}，{order}"),
    "plan.change.repayment_day": ("{loan}'s repayment day to day {day} from {on}", "自 {on} 起 {loan} 的还款日改为每月 {day} 日"),
    "plan.change.settle": ("settle {loan} on {on}", "{on} 结清 {loan}"),
    "plan.change.strategy": ("{text} ({strategy})", "{text}（{strategy}）"),
    "plan.series.actual": ("Actual", "实际"),
    "plan.series.scheduled": ("As scheduled", "按合同"),
    # --- exports ---
    "plan.export.written": ("Wrote {n} rows to {path} (readable by you only).", "已写入 {n} 行到 {path}（仅你可读）。"),
    "plan.export.written.one": ("Wrote 1 row to {path} (readable by you only).", "已写入 1 行到 {path}（仅你可读）。"),
    "plan.export.journal_written": ("Wrote {n} entries to {path} (readable by you only).",
                                    "已写入 {n} 条分录到 {path}（仅你可读）。"),
    "plan.export.journal_written.one": ("Wrote 1 entry to {path} (readable by you only).",
                                        "已写入 1 条分录到 {path}（仅你可读）。"),
}
