"""Every user-facing string, in English and Chinese. `t(key, lang, **values)`.

Amounts passed in as Decimal are formatted as ¥1,234.56 and dates as ISO, so callers pass raw values.
A test fails if any key lacks either language.
"""

from __future__ import annotations

import datetime as dt
import locale
import os
from decimal import Decimal

from jiebei_tui.domain.errors import set_renderer
from jiebei_tui.domain.money import yuan
from jiebei_tui.text.safe import quoted

# key: (English, 中文)
STRINGS: dict[str, tuple[str, str]] = {
    # --- what each input allows (the end of an InputError sentence) ---
    "rule.principal": (
        "the principal must be more than 0 and at most ¥1,000,000.00, written in digits (10000 or 10,000.00) with "
        "at most 2 decimals",
        "本金须大于 0、不超过 ¥1,000,000.00，用数字书写（如 10000 或 10,000.00），最多两位小数",
    ),
    "rule.amount": (
        "an amount must be more than 0 and at most {max}, written in digits (1000 or 1,000.50) with at most 2 "
        "decimals",
        "金额须大于 0、不超过 {max}，用数字书写（如 1000 或 1,000.50），最多两位小数",
    ),
    "rule.daily_rate": (
        "the daily rate must be more than 0 and at most 0.1% a day, written as a fraction (0.0004) with at "
        "most 6 decimals or as a percentage (0.04%)",
        "日利率须大于 0、不超过日息 0.1%，写作小数（0.0004，最多六位小数）或百分数（0.04%）",
    ),
    "rule.term": ("the term is 1 to 36 months, written in digits (12)", "期数须为 1 到 36 个月，只填数字（如 12）"),
    "rule.repayment_day": ("the repayment day is a day of the month from 1 to 28", "还款日须为每月 1 到 28 日"),
    "rule.method": (
        "the method is one of equal-installment, equal-principal, interest-first",
        "还款方式须为 equal-installment（等额本息）、equal-principal（等额本金）或 interest-first（先息后本）",
    ),
    "rule.strategy": (
        "the strategy is reduce-installment (keep the term) or reduce-term (keep the instalment)",
        "方式须为 reduce-installment（减少月供）或 reduce-term（缩短期限）",
    ),
    "rule.date": (
        "a date is written YYYY-MM-DD, from {first} to {last}",
        "日期须写作 YYYY-MM-DD，范围 {first} 到 {last}",
    ),
    "rule.time": ("a time is written HH:MM, 00:00 to 23:59", "时间格式须为 HH:MM（00:00 到 23:59）"),
    "rule.loan_id": ("no loan has that id; the ledger has: {known}", "账本中没有这笔借款；现有：{known}"),
    "rule.name": ("a name has 1 to {max} characters, not only spaces", "名称须为 1 到 {max} 个字符，不能只有空格"),
    "rule.event_date": (
        "a payment date is not before the drawdown ({start}) and not after today ({today})",
        "还款日期不能早于借款日（{start}），也不能晚于今天（{today}）",
    ),
    "rule.event_order": (
        "a payment date is not before the last recorded payment ({last}); record payments in date order",
        "还款日期不能早于上一笔已记录的还款（{last}），请按日期顺序记录",
    ),
    "rule.settle_date": (
        "the date must be on or after the drawdown ({start}) and not after the last due date ({last})",
        "日期不能早于借款日（{start}），也不能晚于最后一期还款日（{last}）",
    ),
    "rule.after_start": ("the date must be on or after the drawdown ({start})", "日期不能早于借款日（{start}）"),
    "rule.not_past": (
        "a simulation looks from today ({today}) on; a payment already made is recorded on Status with p",
        "模拟从今天（{today}）起计算；已经发生的还款请在状态页按 p 记录",
    ),
    "rule.prepay_too_small": (
        "a prepayment must be more than {minimum} (anything overdue plus the interest accrued to that day, "
        "{accrued}), since up to that amount it repays no principal at all",
        "提前还款金额须大于 {minimum}（逾期欠款加上当日应计利息 {accrued}），因为不超过这个金额时一分本金也不会偿还",
    ),
    "rule.prepay_use_settle": (
        "a prepayment must be less than the payoff {payoff} on {on}; to pay it all, settle instead",
        "部分提前还款须少于 {on} 的结清金额 {payoff}；要全部还清请选择结清",
    ),
    "rule.repay_too_much": (
        "a payment on {on} is at most the payoff {payoff} (everything overdue, the principal outstanding and the "
        "interest to that day); paying exactly that closes the loan",
        "{on} 的单笔还款最多为结清金额 {payoff}（全部逾期欠款、剩余本金和截至当日的利息）；恰好支付这个金额即还清借款",
    ),
    "rule.paid_off": ("this loan is already paid off", "这笔借款已经还清"),
    "rule.settle_amount": ("a settlement pays exactly the payoff {payoff}", "结清金额须恰好为 {payoff}"),
    "rule.installment": ("the instalment number is 1 to {n}", "期号须为 1 到 {n}"),
    "rule.days": ("days late is a whole number from 0 to {max}", "逾期天数须为 0 到 {max} 的整数"),
    "rule.grace_days": ("grace days are a whole number from 0 to 30", "宽限期须为 0 到 30 的整数天"),
    "rule.penalty_multiplier": (
        "the penalty multiplier is more than 0 and at most 10, e.g. 1.5",
        "罚息倍数须大于 0 且不超过 10，例如 1.5",
    ),
    "rule.on_off": ("the value is on or off", "取值须为 on 或 off"),
    "rule.lang": ("the language is zh or en", "语言须为 zh 或 en"),
    "rule.loan_spec": (
        "name a loan with --loan ID, or give all of --principal --daily-rate --term --method --start",
        "请用 --loan ID 指定账本中的借款，或给出 --principal --daily-rate --term --method --start 全部参数",
    ),
    "rule.inline_apply": (
        "--apply records into the ledger, so it needs a loan from the ledger (--loan ID)",
        "--apply 会写入账本，需要用 --loan ID 指定账本中的借款",
    ),
    "error.input": ("{field} {value} is not allowed: {allowed}.", "{field} 的值 {value} 无效：{allowed}。"),
    "error.input_plain": ("{field}: {allowed}.", "{field}：{allowed}。"),
    # --- the data file ---
    "file.bad_json": (
        "{path} is not valid JSON (line {line}, column {column}: {problem}); it was not changed. "
        "`jiebei-tui recover --list` shows the backups; `jiebei-tui recover --from-backup [N]` restores one, "
        "`jiebei-tui recover --start-empty` starts again (the file is kept aside).",
        "{path} 不是有效的 JSON（第 {line} 行第 {column} 列：{problem}），文件未被改动。"
        "`jiebei-tui recover --list` 列出备份；`jiebei-tui recover --from-backup [N]` 恢复其中一份，"
        "`jiebei-tui recover --start-empty` 重新开始（原文件另存保留）。",
    ),
    "file.invalid": (
        "{path} does not hold a valid ledger ({problem}); it was not changed. "
        "`jiebei-tui recover --list` shows the backups; `jiebei-tui recover --from-backup [N]` restores one, "
        "`jiebei-tui recover --start-empty` starts again (the file is kept aside).",
        "{path} 不是有效的账本（{problem}），文件未被改动。"
        "`jiebei-tui recover --list` 列出备份；`jiebei-tui recover --from-backup [N]` 恢复其中一份，"
        "`jiebei-tui recover --start-empty` 重新开始（原文件另存保留）。",
    ),
    "file.future": (
        "{path} has schema_version {version}, written by a newer jiebei-tui (this one reads up to {known}); "
        "it was not changed. Upgrade jiebei-tui to use it.",
        "{path} 的 schema_version 为 {version}，由更新版本的 jiebei-tui 写入（本程序最高支持 {known}），文件未被改动。"
        "请升级 jiebei-tui。",
    ),
    "file.unreadable": ("{path} cannot be read: {problem}.", "无法读取 {path}：{problem}。"),
    "file.no_backup": (
        "There is no usable backup of {path} ({problem}); nothing was changed.",
        "{path} 没有可用的备份（{problem}）；未做任何改动。",
    ),
    "recover.aside": (" The file that could not be read was kept as {aside}.", "无法读取的文件已另存为 {aside}。"),
    "recover.started_empty": (
        "Started an empty ledger at {path}.{aside}",
        "已在 {path} 新建空账本。{aside}",
    ),
    # --- command-line output ---
    "cli.description": (
        "Your own Jiebei-style (借呗) credit line, in the terminal: loan status, repayment simulations, "
        "overdue consequences and reminders, on a local ledger file. All product terms are illustrative.",
        "在终端里管理借呗类信用借款：借款状态、还款模拟、逾期后果与提醒，数据保存在本地账本文件。所有产品条款仅供参考。",
    ),
    "cli.tui_placeholder": (
        "The terminal app needs the textual package: {problem}",
        "终端界面需要 textual：{problem}",
    ),
    "cli.added": ("Added loan {id}: {name}.", "已添加借款 {id}：{name}。"),
    "cli.demo_replaced": (
        "The demo loans were removed: the ledger now holds your own loans.",
        "演示借款已移除，账本中只保留你自己的借款。",
    ),
    "cli.removed": ("Removed loan {id} ({name}) and its {events} {events:payment|payments}.", "已删除借款 {id}（{name}）及其 {events} 条还款记录。"),
    "cli.removed_rules": (
        "Removed loan {id} ({name}), its {events} {events:payment|payments} and the reminder {n:rule|rules} {rules}, "
        "which {n:was|were} for it alone.",
        "已删除借款 {id}（{name}）、其 {events} 条还款记录，以及只针对它的 {n} 条提醒规则 {rules}。",
    ),
    "cli.renamed": ("Loan {id} is now called {name}.", "借款 {id} 已改名为 {name}。"),
    "cli.recorded": ("Recorded {kind} of {amount} on {date} for {loan}.", "已记录 {loan} 于 {date} 的{kind} {amount}。"),
    "cli.simulated_only": ("Simulation only: nothing was recorded (add --apply to record it).", "仅为模拟，未写入账本（加 --apply 记录）。"),
    "cli.no_loans": ("No loans in the ledger yet. Add one with `jiebei-tui loans add`.", "账本中还没有借款。用 `jiebei-tui loans add` 添加。"),
    "cli.demo_note": ("Demo data: these loans are fictional.", "演示数据：这些借款均为虚构。"),
    "cli.terms_saved": ("Saved your contract terms.", "已保存你的合同条款。"),
    "cli.illustrative": (
        "Illustrative terms: enter your own contract's figures with `jiebei-tui terms set`.",
        "以下为示例条款，请用 `jiebei-tui terms set` 填入你自己合同的数字。",
    ),
    "cli.same_both": (
        "Interest-first has no term to shorten: both strategies give the same result.",
        "先息后本没有可缩短的期限：两种方式结果相同。",
    ),
    "cli.problems": ("Could not apply: {problem}", "无法应用：{problem}"),
    # --- words ---
    "kind.repayment": ("repayment", "还款"),
    "kind.prepayment": ("prepayment", "提前还款"),
    "kind.settlement": ("settlement", "结清"),
    "method.equal-installment": ("equal instalment", "等额本息"),
    "method.equal-principal": ("equal principal", "等额本金"),
    "method.interest-first": ("interest first", "先息后本"),
    "strategy.reduce-installment": ("smaller instalment (keep the term)", "减少月供（期限不变）"),
    "strategy.reduce-term": ("shorter term (keep the instalment)", "缩短期限（月供不变）"),
    "status.paid": ("paid", "已还"),
    "status.partial": ("partial", "部分已还"),
    "status.due": ("due today", "今日到期"),
    "status.overdue": ("overdue {days}d", "逾期{days}天"),
    "status.upcoming": ("upcoming", "未到期"),
    "status.settled": ("settled early", "提前结清"),
    "col.no": ("No.", "期"),
    "col.due_date": ("Due date", "还款日"),
    "col.days": ("Days", "天数"),
    "col.principal": ("Principal", "本金"),
    "col.interest": ("Interest", "利息"),
    "col.penalty": ("Penalty", "罚息"),
    "col.total": ("Total", "合计"),
    "col.remaining": ("Remaining", "剩余本金"),
    "col.paid": ("Paid", "已还"),
    "col.status": ("Status", "状态"),
    "col.id": ("ID", "编号"),
    "col.name": ("Name", "名称"),
    "col.outstanding": ("Outstanding", "未还本金"),
    "col.next_due": ("Next due", "下期还款"),
    "col.amount": ("Amount", "金额"),
    "col.when": ("When", "距今"),
    "col.state": ("State", "状态"),
    "col.rate": ("Daily rate", "日利率"),
    "col.term": ("Term", "期数"),
    "col.method": ("Method", "还款方式"),
    "col.start": ("Drawn", "借款日"),
    "label.loan": ("Loan", "借款"),
    "label.total_interest": ("Total interest", "总利息"),
    "label.total_payment": ("Total to repay", "总还款"),
    "label.apr_simple": ("APR (simple, rate × 365)", "年化利率（单利，日利率 × 365）"),
    "label.apr_irr": ("APR (IRR, effective annual)", "年化利率（IRR，实际年化）"),
    "label.on": ("On", "日期"),
    "label.principal_owed": ("Principal not yet due", "未到期本金"),  # beside the overdue line: not all of it
    "label.accrued": ("Interest accrued to the day", "当日应计利息"),
    "label.overdue_first": ("Overdue and due amounts paid first", "先还的逾期及到期欠款"),
    "label.payoff": ("Payoff", "结清金额"),
    "label.interest_saved": ("Interest saved", "节省利息"),
    "label.amount": ("Amount", "金额"),
    "label.strategy": ("Strategy", "方式"),
    "label.principal_reduction": ("Principal repaid in all", "本金共减少"),
    "label.new_balance": ("New balance", "新剩余本金"),
    "label.interest_before": ("Interest before", "原利息"),
    "label.interest_after": ("Interest after", "新利息"),
    "label.payoff_date_before": ("Last due date before", "原最后还款日"),
    "label.payoff_date_after": ("Last due date after", "新最后还款日"),
    "label.installment": ("Instalment", "期号"),
    "label.days_late": ("Days late", "逾期天数"),
    "label.due_date": ("Due date", "还款日"),
    "label.overdue_principal": ("Overdue principal", "逾期本金"),
    "label.overdue_interest": ("Overdue interest", "逾期利息"),
    "label.penalty_rate": ("Penalty daily rate", "罚息日利率"),
    "label.penalty_principal": ("Penalty on principal", "本金罚息"),
    "label.penalty_interest": ("Penalty on interest (compound)", "利息罚息（复利）"),
    "label.penalty_total": ("Penalty in all", "罚息合计"),
    "label.amount_to_clear": ("Amount to clear", "需还清金额"),
    "label.daily_cost": ("Each extra day adds about", "每多逾期一天约增加"),
    "label.stage": ("Stage", "阶段"),
    "label.today": ("Today", "今天"),
    "label.penalty_multiplier": ("Penalty multiplier", "罚息倍数"),
    "label.grace_days": ("Grace days", "宽限期（天）"),
    "label.compounding": ("Penalty on unpaid interest (compound)", "对未还利息计罚息（复利）"),
    "label.default_strategy": ("Default prepayment strategy", "默认提前还款方式"),
    "label.illustrative": ("Illustrative", "示例"),
    "word.on": ("on", "是"),
    "word.off": ("off", "否"),
    "word.yes": ("yes", "是"),
    "word.no": ("no", "否"),
    "when.in_days": ("in {days}d", "{days}天后"),
    "when.today": ("today", "今天"),
    "when.overdue": ("{days}d late", "逾期{days}天"),
    "badge.paid_off": ("paid off", "已结清"),
    "badge.on_track": ("on track", "正常"),
    "badge.due_soon": ("due soon", "即将到期"),
    "badge.due_today": ("due today", "今日到期"),
    "badge.overdue": ("overdue {stage}", "逾期 {stage}"),
    # --- the terminal app ---
    "app.title": ("Jiebei self-service", "借呗自助"),
    # (the header shows it after the title and " — ": in 中文 not a second kind of dash, "——")
    "app.demo": ("DEMO DATA — fictional loans", "演示数据（虚构借款）"),
    "app.demo_notice": (
        "This is demo data. Add your own loan with a (your first loan replaces the demo).",
        "这是演示数据。按 a 添加你自己的借款（添加后演示数据会被移除）。",
    ),
    "banner.overdue": (
        "⚠ OVERDUE  {loan}: {days} {days:day|days} late ({stage}) — pay {amount} today to clear it; about +{daily} a day",
        "⚠ 已逾期  {loan}：逾期 {days} 天（{stage}）——今天还 {amount} 即可结清逾期；每天约 +{daily}",
    ),
    "banner.due_today": ("● DUE TODAY  {loan}: {amount} by 23:59", "● 今日到期  {loan}：今天 23:59 前还 {amount}"),
    "banner.due_soon": ("● DUE IN {days} {days:DAY|DAYS}  {loan}: {amount} on {date}", "● {days} 天后到期  {loan}：{date} 还 {amount}"),
    "banner.auto_debit": ("; keep {amount} in {account}", "；请在{account}留足 {amount}"),
    "banner.next": ("Next due: {loan}, {amount} on {date} (in {days} {days:day|days})", "下次还款：{loan}，{date} 还 {amount}（{days} 天后）"),
    "banner.clear": ("All loans are paid off.", "所有借款均已还清。"),
    "banner.loading": ("Reading your ledger…", "正在读取账本……"),
    "banner.empty": ("No loans yet — press a to add one.", "还没有借款——按 a 添加。"),
    "banner.others": (" (+{n} more)", "（另有 {n} 笔）"),
    "status.title": ("Loans", "借款"),
    "status.schedule": ("Schedule of {loan}", "{loan} 的还款计划"),
    "status.progress": ("Principal repaid", "已还本金"),
    "status.paid_so_far": ("Paid so far", "累计已还"),
    "status.select_hint": ("Select a loan to see its schedule.", "选择一笔借款查看还款计划。"),
    "status.current": ("▶", "▶"),
    "pay.title": ("Record a repayment — {loan}", "记录还款——{loan}"),
    "pay.amount": ("Amount (¥)", "金额（元）"),
    "pay.date": ("Date (YYYY-MM-DD)", "日期（YYYY-MM-DD）"),
    "pay.prefill_note": ("Prefilled with what is due on {date}: {amount}.", "已预填 {date} 的应还金额：{amount}。"),
    "pay.record": ("Record", "记录"),
    "pay.recorded": ("Recorded {amount} for {loan}.", "已为 {loan} 记录 {amount}。"),
    "edit.title": ("Rename {loan}", "重命名 {loan}"),
    "edit.name": ("Name", "名称"),
    "edit.save": ("Save", "保存"),
    "delete.confirm": (
        "Delete loan {id} “{loan}” and its {events} recorded {events:payment|payments}? Undo ({undo}) brings it back.",
        "删除借款 {id}「{loan}」及其 {events} 条还款记录？可用撤销（{undo}）恢复。",
    ),
    "delete.done": ("Deleted {loan}.", "已删除 {loan}。"),
    "delete.contacts_go": (
        "Its {n} recorded collection {n:contact goes|contacts go} with it.",
        "它的 {n} 条催收联系记录也会一并删除。",
    ),
    "delete.rules_go": (
        "The reminder {n:rule|rules} {rules}, for this loan alone, {n:goes|go} with it.",
        "只针对这笔借款的 {n} 条提醒规则 {rules} 也会一并删除。",
    ),
    "delete.done_rules": (
        "Deleted {loan} and the reminder {n:rule|rules} {rules}, which {n:was|were} for it alone.",
        "已删除 {loan}，以及只针对它的 {n} 条提醒规则 {rules}。",
    ),
    "confirm.yes": ("Yes, do it", "确认"),
    "confirm.no": ("No, go back", "返回"),
    "add.title": ("Add a loan", "添加借款"),
    "add.name": ("Name", "名称"),
    "add.principal": ("Principal (¥)", "本金（元）"),
    "add.daily_rate": ("Daily rate (0.0004 = 0.04% a day)", "日利率（0.0004 即日息 0.04%）"),
    "add.term": ("Term (months, 1–36)", "期数（月，1–36）"),
    "add.method": ("Repayment method", "还款方式"),
    "add.start": ("Drawdown date (YYYY-MM-DD)", "借款日（YYYY-MM-DD）"),
    "add.repayment_day": (
        "Repayment day (1–28; blank: the drawdown's day, the 25th–27th for one on the 29th–31st)",
        "还款日（1–28；留空按借款日，29–31 日借款则为 25–27 日）",
    ),
    # the edit's fields sit two to a line: a short label, the day in force already in its field
    "loanedit.repayment_day": ("Repayment day (1–28, blank: from the drawdown)", "还款日（1–28，留空则按借款日）"),
    "add.preview": ("Preview: the first instalments", "预览：前几期"),
    "add.preview_more": ("… {n} {n:instalment|instalments}, total interest {interest}, APR {apr}", "……共 {n} 期，总利息 {interest}，年化 {apr}"),
    "add.save": ("Save loan", "保存借款"),
    "add.saved": ("Added {loan}.", "已添加 {loan}。"),
    "add.fix": ("Fix the marked fields first.", "请先修正标出的字段。"),
    "add.needs": ("To save, fill in or correct: {fields}.", "保存前请填写或更正：{fields}。"),
    "repay.title": ("Repayment options — {loan}", "还款选项——{loan}"),
    "repay.loan": ("Loan", "借款"),
    "repay.pay_now": ("Pay the current instalment", "还当期"),
    "repay.pay_overdue": ("Clear what is overdue", "还清逾期"),
    "repay.pay_due": ("Instalment {no}, due {date}: {amount}", "第 {no} 期，{date} 到期：{amount}"),
    "repay.nothing_due": ("Nothing is due: this loan is paid off.", "没有应还款项：这笔借款已还清。"),
    "repay.settle": ("Settle everything", "全部结清"),
    "repay.prepay": ("Prepay part of the principal", "部分提前还款"),
    "repay.amount": ("Amount (¥)", "金额（元）"),
    "repay.on": ("On (YYYY-MM-DD)", "日期（YYYY-MM-DD）"),
    "repay.new_last": ("New last due date", "新最后还款日"),
    "repay.left": ("Instalments left", "剩余期数"),
    "repay.saves_more": ("saves more", "更省"),
    "repay.same": ("Interest-first has no term to shorten: both give the same result.", "先息后本没有可缩短的期限：两种方式结果相同。"),
    "repay.wait": ("Pay today or on the due date?", "今天还还是到期日还？"),
    "repay.wait_early": (
        "Paying instalment {no} today costs {today} (interest to today); on {date}, {due}. Paid today, the next "
        "instalment ({next_date}) grows to {next_today} (its interest then runs from today) instead of {next_due}: "
        "{saved} less interest in all.",
        "今天还第 {no} 期需 {today}（利息计到今天）；{date} 还需 {due}。今天还的话，下一期（{next_date}）会增至 "
        "{next_today}（其利息从今天起算），而不是 {next_due}：总共少付利息 {saved}。",
    ),
    "repay.wait_early_last": (
        "Paying instalment {no}, the last, today costs {today} (interest to today); on {date}, {due}: {saved} less "
        "interest.",
        "今天还最后一期（第 {no} 期）需 {today}（利息计到今天）；{date} 还需 {due}：少付利息 {saved}。",
    ),
    "repay.wait_due_today": (
        "Instalment {no} is due today: {today}, paid on time today. The next instalment ({next_date}) then asks "
        "{next_today}.",
        "第 {no} 期今天到期：{today}，今天还即按时还款。之后下一期（{next_date}）需还 {next_today}。",
    ),
    "repay.wait_due_today_last": (
        "Instalment {no}, the last, is due today: {today}. Paid today, the loan is paid off.",
        "最后一期（第 {no} 期）今天到期：{today}。今天还清即结清这笔借款。",
    ),
    "repay.wait_overdue": (
        "Waiting costs money: each day adds about {daily} of penalty. Paying today: {today}; in 7 days: {week}.",
        "拖延要花钱：每天约增加罚息 {daily}。今天还：{today}；7 天后还：{week}。",
    ),
    "repay.wait_settle": (
        "Settling later costs interest: settling on the next due date {date} instead of today costs {extra} more "
        "interest.",
        "结清越晚利息越多：在下个还款日 {date} 结清比今天结清多付利息 {extra}。",
    ),
    "repay.apply": ("Record…", "记录…"),
    "repay.confirm_pay": ("Record a repayment of {amount} on {date} for {loan}? {effect}", "为 {loan} 记录 {date} 还款 {amount}？{effect}"),
    "repay.effect_pay": ("It pays instalment {no}.", "用于偿还第 {no} 期。"),
    "repay.effect_next": (
        "Instalment {no} ({date}) then asks {amount} instead of {was}: its interest runs from the day of this "
        "payment.",
        "第 {no} 期（{date}）届时需还 {amount}，而不是 {was}：其利息从本次还款当日起算。",
    ),
    "repay.effect_next_replanned": (
        "Instalment {no} ({date}) then asks {amount} instead of {was}: the rest of the plan is recomputed from the "
        "day of this payment.",
        "第 {no} 期（{date}）届时需还 {amount}，而不是 {was}：其余还款计划从本次还款当日起重新计算。",
    ),
    "repay.effect_overdue": ("It clears the overdue amount including penalty.", "结清逾期金额（含罚息）。"),
    "repay.confirm_settle": (
        "Settle {loan} on {date} for {amount}? The loan is then paid off; interest saved {saved}.",
        "于 {date} 以 {amount} 结清 {loan}？结清后借款还清，节省利息 {saved}。",
    ),
    "repay.confirm_prepay": (
        "Pay {amount} on {date} for {loan}, its leftover prepaying with {strategy}? {effect} New balance {balance}; "
        "interest saved {saved}.",
        "于 {date} 为 {loan} 还款 {amount}，余额按{strategy}提前还款？{effect}新剩余本金 {balance}；节省利息 {saved}。",
    ),
    "repay.done": ("Recorded: {what}.", "已记录：{what}。"),
    "repay.auto_debit": ("Auto-debit", "自动扣款"),
    "repay.auto_debit_on": ("Debited automatically", "到期自动扣款"),
    "repay.account": ("Funding account", "扣款账户"),
    "repay.auto_debit_note": (
        "A failed auto-debit (low balance, frozen card) still makes the instalment overdue: keep the amount in "
        "the account the day before.",
        "自动扣款失败（余额不足、卡被冻结）仍会逾期：请在到期前一天存足金额。",
    ),
    "repay.saved_settings": ("Auto-debit setting saved.", "自动扣款设置已保存。"),
    "repay.strategy_term": ("Record shorter term…", "记录：缩短期限…"),
    "repay.strategy_installment": ("Record smaller instalment…", "记录：减少月供…"),
    "formula.interest": ("{balance} × {rate} × {days} {days:day|days} = {result}", "{balance} × {rate} × {days} 天 = {result}"),
    "formula.payoff": ("{balance} + {accrued}{overdue} = {result}", "{balance} + {accrued}{overdue} = {result}"),
    "formula.saved": ("{before} − {after} = {result}", "{before} − {after} = {result}"),
    "formula.penalty": ("{amount} × {rate} × {days} {days:day|days} = {result}", "{amount} × {rate} × {days} 天 = {result}"),
    "formula.penalty_rate": ("{rate} × {multiplier} = {result}", "{rate} × {multiplier} = {result}"),
    "formula.reduction": ("{amount} − {accrued}{overdue} = {result}", "{amount} − {accrued}{overdue} = {result}"),
    "reminders.title": ("Your reminder rules", "你的提醒规则"),
    "reminders.hint": (
        "{new} new · {edit} edit · {delete} delete · {toggle} on/off",
        "{new} 新建 · {edit} 编辑 · {delete} 删除 · {toggle} 启用/停用",
    ),
    "reminders.preview": ("The next 10 reminders", "接下来的 10 条提醒"),
    "reminders.none": ("No reminders in the next 60 days.", "未来 60 天没有提醒。"),
    "reminders.settings": ("Quiet hours, time zone, channels", "免打扰、时区与发送渠道"),
    "reminders.quiet": ("Quiet hours (HH:MM-HH:MM or off)", "免打扰时段（HH:MM-HH:MM 或 off）"),
    "reminders.timezone": ("Time zone (local or e.g. Asia/Shanghai)", "时区（local 或如 Asia/Shanghai）"),
    "reminders.desktop": ("Desktop notification (notify-send)", "桌面通知（notify-send）"),
    "reminders.command": ("Your own command", "自定义命令"),
    "reminders.command_hint": (
        "Run without a shell; placeholders {placeholders}.",
        "不经过 shell 运行；可用占位符 {placeholders}。",
    ),
    "reminders.catch_up": ("Catch-up window (days)", "补发窗口（天）"),
    "reminders.test": ("Send a test reminder", "发送测试提醒"),
    "reminders.test_sent": ("Test reminder sent through: {channels}.", "测试提醒已通过以下渠道发送：{channels}。"),
    "reminders.closed_note": (
        "Reminders also arrive while this app is closed: run `jiebei-tui remind install` once (a systemd user "
        "timer every 15 minutes, catching up after sleep), or `jiebei-tui remind install --cron`.",
        "关闭本应用时也能收到提醒：运行一次 `jiebei-tui remind install`（systemd 用户定时器，每 15 分钟一次，"
        "休眠后补发），或 `jiebei-tui remind install --cron`。",
    ),
    "reminders.rule_title_new": ("New reminder", "新建提醒"),
    "reminders.rule_title_edit": ("Edit reminder {id}", "编辑提醒 {id}"),
    "reminders.offset": ("Day (days from the due date, −30 to +30; 0 = the due day)", "日期（相对还款日的天数，−30 到 +30；0 为还款日）"),
    "reminders.time": ("Time (HH:MM)", "时间（HH:MM）"),
    "reminders.loans": ("Loans (all, or ids like L1,L2)", "借款（全部，或如 L1,L2 的编号）"),
    "reminders.repeat": ("Repeat daily while unpaid (after the due date only)", "未还期间每天重复（仅限还款日之后）"),
    "reminders.delete_confirm": ("Delete reminder {id} ({day} at {time})?", "删除提醒 {id}（{day} {time}）？"),
    "reminders.away_title": ("While you were away", "你不在时的提醒"),
    "reminders.away_close": ("Got it", "知道了"),
    "overdue.title": ("If you pay late — {loan}", "如果逾期——{loan}"),
    "overdue.installment": ("Instalment", "期数"),
    "overdue.days": ("Days late ←/→", "逾期天数 ←/→"),
    "overdue.days_field": ("Days late", "逾期天数"),
    "overdue.days_today": ("{days} {days:day|days} late is where this instalment is today; ←/→ try others.",
                           "这期今天实际逾期 {days} 天；按 ←/→ 试试其他天数。"),
    "overdue.days_what_if": ("What if it were {days} {days:day|days} late (today: {today})? Nothing is recorded.",
                             "假如逾期 {days} 天（今天实际 {today} 天）：仅为推算，不会记录。"),
    "overdue.days_what_if_due": ("What if it were {days} {days:day|days} late? It falls due {date}; nothing is "
                                 "recorded.", "假如逾期 {days} 天（该期 {date} 到期）：仅为推算，不会记录。"),  # the field's name in a sentence about what was typed
    "overdue.figures": ("Instalment {no} due {date}, {days} {days:day|days} late", "第 {no} 期（{date} 到期），逾期 {days} 天"),
    "overdue.chart": ("Amount to clear by days late (0–90)", "按逾期天数的需还金额（0–90 天）"),
    "overdue.timeline": ("What typically happens (illustrative)", "通常会发生什么（示例）"),
    "overdue.you_are_here": ("◀ you", "◀ 你在这里"),
    "overdue.rights": ("Your rights under the collection guidelines", "催收规范下你的权利"),
    "overdue.rights_text": (
        "• No collection between 22:00 and 08:00 without your consent.\n"
        "• At most 6 unanswered call attempts a day to one number.\n"
        "• No contact with unrelated third parties (family, colleagues) about your debt.\n"
        "• No threats, invented blacklists, exaggerated amounts, extra fees or public shaming.\n"
        "(China Banking Association guideline on personal consumer loan collection, trial 2026; NIFA 2024.)",
        "• 未经同意，22:00 至次日 08:00 不得催收。\n"
        "• 同一号码每天未接通的呼叫最多 6 次。\n"
        "• 不得就你的债务联系无关第三方（家人、同事）。\n"
        "• 不得威胁、编造黑名单、夸大金额、额外收费或公开羞辱。\n"
        "（中国银行业协会《个人消费贷款催收工作指引（试行）》2026；中国互联网金融协会 2024。）",
    ),
    "overdue.todo": ("What to do now", "现在该做什么"),
    "overdue.todo_text": (
        "• Pay as early as you can: the penalty grows every day.\n"
        "• Can't pay it all? A partial payment lowers tomorrow's penalty (penalty is paid first, then interest, "
        "then principal).\n"
        "• Contact the lender before the due date if you can't pay: ask about an extension or instalments.\n"
        "• Keep records of calls; report collection that breaks the rules below.",
        "• 尽早还款：罚息每天都在增加。\n"
        "• 还不上全部？部分还款也能降低次日罚息（先还罚息，再还利息，后还本金）。\n"
        "• 如无法还款，请在到期前联系平台，询问展期或分期。\n"
        "• 保留通话记录；违反下方规范的催收可以投诉。",
    ),
    "overdue.six_days": ("Days late and nobody has called?", "逾期几天了还没人打电话？"),
    "overdue.six_days_text": (
        "That is normal: in the first days collection is automated (app and SMS notices, robo-calls) and "
        "segmented by risk; human calls usually start around day 30. It is no reason to wait: penalty interest "
        "has run since day 1, the credit line is frozen, and even one day may reach your credit record.",
        "这很正常：前几天的催收是自动化的（App 和短信通知、机器人电话），并按风险分层；人工电话通常在第 30 天左右开始。"
        "但这不是拖延的理由：罚息从第 1 天起就在计算，额度已冻结，哪怕逾期一天也可能上报征信。",
    ),
    "overdue.terms": ("Your contract terms", "你的合同条款"),
    "overdue.save_terms": ("Save terms", "保存条款"),
    "overdue.terms_saved": ("Contract terms saved: {scope}.", "合同条款已保存：{scope}。"),
    "overdue.no_loan": ("No unpaid loan to explain.", "没有未还清的借款。"),
    "help.title": ("Help", "帮助"),
    "help.keys": ("Keys", "按键"),
    "help.data": ("Your data", "你的数据"),
    "help.data_text": (
        "Everything lives in one file you own: {path} (owner-only permissions, no network). The last 10 versions "
        "are kept beside it (ledger.json.bak.1, newest, … .bak.10); {undo} undoes the last change. Remap keys in the "
        "file's settings.keymap, e.g. {{\"jiebei.pay\": \"r\"}}.",
        "所有数据都在你自己的文件里：{path}（仅本人可读写，不联网）。旁边保存最近 10 个版本（ledger.json.bak.1 为最新，"
        "……直到 .bak.10）；按 {undo} 撤销上一次更改。"
        "可在文件的 settings.keymap 中改键，例如 {{\"jiebei.pay\": \"r\"}}。",
    ),
    "help.disclaimer": ("Illustrative terms", "示例条款"),
    "help.disclaimer_text": (
        "Penalty multiplier, grace days, compounding and the stage texts are illustrative, from public consumer "
        "sources. Your lender's contract binds you: enter its figures on the Overdue screen or with "
        "`jiebei-tui terms set`. Nothing here is financial advice.",
        "罚息倍数、宽限期、复利和各阶段说明均为示例，来自公开的消费者资料。约束你的是与平台签订的合同：请在逾期页面"
        "或用 `jiebei-tui terms set` 填入合同中的数字。本工具不构成理财建议。",
    ),
    "help.close": ("Close", "关闭"),
    "recover.title": ("Your ledger file cannot be used", "无法使用账本文件"),
    "recover.explain": (
        "Nothing was changed. Restore backup puts back the newest backup that can be used (listed below); "
        "Start empty begins a new ledger. Either way the file there now is kept aside, never deleted.",
        "未做任何改动。“恢复备份”会放回下方列出的最新可用备份；“新建空账本”会重新开始。"
        "无论哪种方式，现有的文件都会另存保留，不会删除。",
    ),
    "recover.backup": ("Restore backup", "恢复备份"),
    "recover.empty": ("Start empty", "新建空账本"),
    "recover.quit": ("Quit", "退出"),
    "changed.reloaded": ("The ledger changed on disk; showing the new state.", "账本文件已被其他程序修改，已显示最新状态。"),
    # --- reminders ---
    "remind.before": (
        "{loan}: {amount} is due on {due_date}, in {days} {days:day|days}.",
        "{loan}：{due_date} 应还 {amount}，还有 {days} 天。",
    ),
    "remind.before_debit": (
        "{loan}: fund {account} — {amount} will be debited on {due_date}. A failed debit still makes it overdue.",
        "{loan}：请给{account}充值——{due_date} 将扣款 {amount}。扣款失败同样算逾期。",
    ),
    "remind.due": (
        "{loan}: {amount} is due today ({due_date}). Pay by 23:59 to stay on time.",
        "{loan}：今天（{due_date}）应还 {amount}，23:59 前还款不算逾期。",
    ),
    "remind.overdue": (
        "{loan}: {days} {days:day|days} late (due {due_date}). Pay {amount} to clear it; the penalty adds about {per_day} a day.",
        "{loan}：已逾期 {days} 天（{due_date} 到期）。还 {amount} 即可结清逾期；罚息每天约增加 {per_day}。",
    ),
    "remind.missed": (
        "Missed reminders: {n} {n:loan|loans} had reminders due from {since} until now that were not sent one by one "
        "(any sent now gives today's figures).",
        "错过的提醒：{n} 笔借款在 {since} 至今应发的提醒未逐条补发（现在发出的提醒按今天的金额计算）。",
    ),
    "remind.title": ("Jiebei reminder", "借呗还款提醒"),
    "remind.none": ("Nothing to remind now.", "现在没有需要发送的提醒。"),
    "remind.none_coming": ("No reminders in the next {days} {days:day|days}.", "未来 {days} 天没有提醒。"),
    "remind.installed": (
        "Wrote {service} and {timer}. Turn it on with:\n  systemctl --user daemon-reload && systemctl --user enable --now {unit}",
        "已写入 {service} 和 {timer}。用以下命令启用：\n  systemctl --user daemon-reload && systemctl --user enable --now {unit}",
    ),
    "remind.cron": (
        "Add this line with `crontab -e` (it runs every 15 minutes):",
        "用 `crontab -e` 加入这一行（每 15 分钟运行一次）：",
    ),
    "remind.uninstalled": ("Removed {files}. Run: systemctl --user daemon-reload", "已删除 {files}。请运行：systemctl --user daemon-reload"),
    "remind.nothing_installed": ("Nothing to remove: no reminder timer was installed.", "没有需要删除的提醒定时器。"),
    "remind.rule_added": ("Added reminder {id}.", "已添加提醒 {id}。"),
    "remind.rule_removed": ("Removed reminder {id}.", "已删除提醒 {id}。"),
    "remind.rule_changed": ("Reminder {id} is now {state}.", "提醒 {id} 已{state}。"),
    "remind.settings_saved": ("Reminder settings saved.", "提醒设置已保存。"),
    "remind.quiet_by_day": (
        "Quiet hours {start}-{end} take in the day: every reminder waits until {end}. For quiet nights, type "
        "{end}-{start}.",
        "免打扰时段 {start}-{end} 覆盖白天：所有提醒都要等到 {end} 之后。如想夜间免打扰，请填 {end}-{start}。",
    ),
    "remind.enabled": ("on", "启用"),
    "remind.disabled": ("off", "停用"),
    "remind.test": ("This is a test reminder from jiebei-tui.", "这是一条来自 jiebei-tui 的测试提醒。"),
    "remind.exported": ("Wrote {n} {n:instalment|instalments} to {path}.", "已将 {n} 期还款写入 {path}。"),
    "col.rule": ("Rule", "规则"),
    "col.when_fires": ("Fires at", "提醒时间"),
    "col.offset": ("Day", "日期"),
    "col.time": ("Time", "时间"),
    "col.loans": ("Loans", "借款"),
    "col.repeat": ("Repeat", "重复"),
    "col.enabled": ("On", "启用"),
    "col.message": ("Message", "内容"),
    "offset.before": ("D−{n}", "D−{n}"),
    "offset.due": ("D0", "D0"),
    "offset.after": ("D+{n}", "D+{n}"),
    "word.all": ("all", "全部"),
    "word.daily": ("daily while unpaid", "未还期间每天"),
    "rule.offset": ("the day is a whole number from −{max} to +{max} (days from the due date)", "日期须为 −{max} 到 +{max} 的整数（相对还款日的天数）"),
    "rule.rule_id": ("no reminder has that id; there are: {known}", "没有这个提醒；现有：{known}"),
    "rule.timezone": ("the time zone is a name like Asia/Shanghai", "时区须为 Asia/Shanghai 这样的名称"),
    "rule.saved_timezone": (
        "this machine does not know the time zone saved in your reminder settings; choose one it knows with "
        "`jiebei-tui remind set --timezone NAME` (a name like Asia/Shanghai, or local for this machine's own)",
        "本机不认识提醒设置中保存的时区；请用 `jiebei-tui remind set --timezone 名称` 改为本机认识的时区"
        "（如 Asia/Shanghai，或用 local 表示本机时区）",
    ),
    "rule.quiet": ("quiet hours are written HH:MM-HH:MM, or off", "免打扰时段须写作 HH:MM-HH:MM，或 off"),
    "rule.quiet_equal": (
        "quiet hours must start and end at different times (write off for no quiet hours)",
        "免打扰时段的开始与结束时间不能相同（不需要免打扰请写 off）",
    ),
    "rule.repeat": ("only reminders after the due date (+1 or later) can repeat daily", "只有还款日之后（+1 天起）的提醒可以每天重复"),
    "rule.catch_up": ("the catch-up window is 0 to 30 days", "补发窗口须为 0 到 30 天"),
    "rule.loans": ("loans are all, or ids from the ledger separated by commas: {known}", "借款须为全部（也可写 all）或账本中的编号（逗号分隔）：{known}"),
    "rule.loans_unknown": (
        "there is no loan {loan} in the ledger; loans are all, or ids from the ledger separated by commas: {known}",
        "账本中没有借款 {loan}；借款须为全部（也可写 all）或账本中的编号（逗号分隔）：{known}",
    ),
    "rule.datetime": ("a time is written YYYY-MM-DD HH:MM", "时间格式须为 YYYY-MM-DD HH:MM"),
}


def _merge_topics() -> None:
    from importlib import import_module

    from jiebei_tui.text.strings import TOPICS

    for topic in TOPICS:
        part = import_module(f"jiebei_tui.text.strings.{topic}").STRINGS
        twice = STRINGS.keys() & part.keys()
        if twice:
            raise RuntimeError(f"strings defined twice ({topic}): {sorted(twice)}")
        STRINGS.update(part)


_merge_topics()


def t(key: str, lang: str = "en", /, **values: object) -> str:  # (a value may be called "lang")
    en, zh = STRINGS[key]
    text = zh if lang == "zh" else en
    if not values:
        return text
    return text.format(**{name: _show(value) for name, value in values.items()})


def _show(value: object) -> object:
    if isinstance(value, Decimal):
        return yuan(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, int) and not isinstance(value, bool):
        return Count(value)
    return str(value)


def _reason(value: object, lang: str) -> object:
    """A refusal given as the reason of another (a payment that no longer fits): what its rule allows."""
    if isinstance(value, ValueError) and hasattr(value, "rule") and hasattr(value, "params"):
        return t(f"rule.{value.rule}", lang, **{k: _reason(v, lang) for k, v in value.params.items()})
    if callable(getattr(value, "render", None)) and hasattr(value, "key"):  # words to say later (store.Words)
        return value.render(lang)
    return value


class Count(int):
    """A number in a sentence: `{days}` shows it, `{days:day|days}` the word that agrees with it (English;
    Chinese needs no plural)."""

    def __format__(self, spec: str) -> str:
        if "|" in spec:
            one, many = spec.split("|", 1)
            return one if self == 1 else many
        return int.__format__(self, spec)


def render_input_error(err, lang: str = "en", field_label: str | None = None) -> str:
    """One sentence: the field (the option or form label the user filled in), the value as typed (made visible,
    at most 40 characters), what is allowed."""
    # a field spelled as a path in the ledger (settings.reminders.timezone: a saved setting, not an option) stays so
    label = field_label or (err.field if "." in err.field else "--" + err.field.replace("_", "-"))
    params = {name: _listed(value) if isinstance(value, (list, tuple)) else _reason(value, lang)
              for name, value in err.params.items()}
    # a value the words need but the raiser left out shows as … rather than failing the refusal itself
    allowed = _text(f"rule.{err.rule}", lang).format_map(_Gaps({k: _show(v) for k, v in params.items()}))
    if err.value is None or err.value == "":
        return t("error.input_plain", lang, field=label, allowed=allowed)
    return t("error.input", lang, field=label, value=quoted(err.value), allowed=allowed)


class _Gaps(dict):
    def __missing__(self, key: str) -> str:
        return "…"


def _text(key: str, lang: str) -> str:
    en, zh = STRINGS[key]
    return zh if lang == "zh" else en


def joined(parts, lang: str, strong: bool = False) -> str:
    """Parts of one sentence in the language's own punctuation: ", " or "; " in English, "，" or "；" in 中文."""
    if lang == "zh":
        return ("；" if strong else "，").join(parts)
    return ("; " if strong else ", ").join(parts)


def sentences(parts, lang: str) -> str:
    """Whole sentences one after another, the empty ones left out: a space between them in English, none in 中文
    (a full stop 。 ends one already)."""
    return ("" if lang == "zh" else " ").join(part for part in parts if part)


def _listed(items: list | tuple, most: int = 10) -> str:
    """A list in a sentence: the first `most` items, then … (a ledger may hold a thousand loans)."""
    shown = ", ".join(str(item) for item in items[:most])
    return shown + ", …" if len(items) > most else shown


set_renderer(render_input_error)  # InputError.sentence() and str() render through this (the domain has no words)


def system_lang() -> str:
    """The locale's language: zh* → Chinese, otherwise English."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(name)
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    try:
        code = locale.getlocale()[0] or ""
    except ValueError:
        code = ""
    return "zh" if code.lower().startswith("zh") else "en"
