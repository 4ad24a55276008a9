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
        "按目前的还款记录，{on} 协商重组的金额应为 {amount}；请作废这条重组记录后重新登记协议",
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
        "协商重组记录不能修改：请作废后重新登记协议",
    ),
    "rule.budget_from": ("the plan starts today ({today}) or later", "计划须从今天（{today}）或之后开始"),
    "rule.budget_order": ("the order is one of: {known}", "顺序须为以下之一：{known}"),
    "rule.budget_months": ("the plan looks 1 to {max} months ahead", "计划可看 1 到 {max} 个月"),
    "rule.contact_at": (
        "a contact's time is the local time it happened, written YYYY-MM-DD HH:MM, without a zone",
        "联系时间须为当地时间，写作 YYYY-MM-DD HH:MM，不带时区",
    ),
    "rule.contact_date": (
        "a contact is not before the drawdown ({start}) and not after today ({today})",
        "联系时间不能早于借款日（{start}），也不能晚于今天（{today}）",
    ),
    "rule.contact_channel": ("the channel is one of: {known}", "渠道须为以下之一：{known}"),
    "rule.contact_id": ("no contact has that id; the log has: {known}", "没有这个编号的催收记录；现有：{known}"),
    "rule.promise_both": (
        "a promise to pay is an amount (--promise) and a date (--promise-date), both",
        "还款承诺须同时给出金额（--promise）和日期（--promise-date）",
    ),
    "rule.promise_date": (
        "the date promised is not before the contact ({at})",
        "承诺还款日期不能早于联系日期（{at}）",
    ),
    "rule.report_day": (
        "the reporting day is a day of the month from 1 to 31 (a shorter month's last day stands for the 29th to "
        "31st), or type unknown (or leave it empty) if you do not know it",
        "报送日须为每月 1 到 31 日（月份较短时以月末代替 29–31 日）；不知道时请输入 unknown（或留空）",
    ),
    # --- what an inconsistent ledger holds (domain/integrity.py) ---
    "integrity.restructure_plan": (
        "entry {id} ({kind}): only a restructure carries an agreed plan, and a restructure must carry one",
        "记录 {id}（{kind}）：只有协商重组记录带有约定的还款计划，且必须带有",
    ),
    # --- the request letter (text/letter.py): what the borrower sends the lender ---
    "letter.title": ("Request for a repayment arrangement", "协商还款申请书"),
    "letter.to": ("To: {lender}", "{lender}："),
    "letter.to_default": ("the lender", "贷款机构"),
    "letter.greeting": ("Dear Sir or Madam,", "您好！"),
    "letter.loan": (
        "I borrowed {principal} on {start} (loan {loan}, \u201c{name}\u201d) at a daily rate of {rate} ({apr} a year, "
        "simple), to repay in {term} monthly instalments.",
        "本人于 {start} 借款 {principal}（借款 {loan}，\u201c{name}\u201d），日利率 {rate}（年化单利 {apr}），"
        "分 {term} 期按月还款。",
    ),
    "letter.overdue": (
        "As of {on}, instalment {installments} is {days} days overdue: {overdue_principal} of principal, "
        "{interest} of interest and {penalty} of penalty interest unpaid. In all I owe {payoff}, of which "
        "{outstanding} is principal.",
        "截至 {on}，第 {installments} 期已逾期 {days} 天：逾期本金 {overdue_principal}，逾期利息 {interest}，"
        "罚息 {penalty}。目前合计欠款 {payoff}，其中本金 {outstanding}。",
    ),
    "letter.overdue.many": (
        "As of {on}, instalments {installments} are overdue, the oldest by {days} days: {overdue_principal} of "
        "principal, {interest} of interest and {penalty} of penalty interest unpaid. In all I owe {payoff}, of which "
        "{outstanding} is principal.",
        "截至 {on}，第 {installments} 期已逾期，最早一期逾期 {days} 天：逾期本金 {overdue_principal}，逾期利息 "
        "{interest}，罚息 {penalty}。目前合计欠款 {payoff}，其中本金 {outstanding}。",
    ),
    "letter.accrued": (
        " That includes {amount} of interest on the current instalment, accrued to date.",
        "合计欠款中含本期截至当日应计利息 {amount}。",
    ),
    "letter.current": (
        "As of {on}, nothing is overdue yet, but I cannot keep to the plan: its next instalment, {next}, falls "
        "due on {next_date}. I owe {payoff} in all, of which {outstanding} is principal and {interest} interest "
        "to date.",
        "截至 {on}，尚无逾期，但本人无法继续按原计划还款：下一期 {next} 将于 {next_date} 到期。目前合计欠款 "
        "{payoff}，其中本金 {outstanding}，截至当日利息 {interest}。",
    ),
    "letter.reason": ("My circumstances: {reason}", "本人情况：{reason}"),
    "letter.budget": (
        "I can pay {budget} a month. I ask you to agree to the following:",
        "本人每月可用于还款的金额为 {budget}。特申请：",
    ),
    "letter.plan": (
        "{n}. to repay {carried}, {principal} in all, in {term} monthly instalments of {installment}{last}, due on "
        "day {day} of each month from {first_due} to {last_due}, at a daily rate of {rate}: {total_interest} of "
        "interest over the plan, {total} to repay in all;",
        "{n}、将{carried}，共计 {principal}，分 {term} 期按月偿还，每期 {installment}{last}，自 {first_due} 起至 "
        "{last_due} 止，每月 {day} 日还款，按日利率 {rate} 计息，利息合计 {total_interest}，还款总额 {total}；",
    ),
    "letter.carried_principal": ("the {amount} of principal outstanding", "剩余本金 {amount}"),
    "letter.carried_interest": ("the {amount} of unpaid interest", "未付利息 {amount}"),
    "letter.carried_penalty": ("the {amount} of penalty interest", "罚息 {amount}"),
    "letter.and": (" and ", " 和 "),
    "letter.list": (", ", "、"),
    "letter.last": (" (the last {amount})", "（最后一期 {amount}）"),
    "letter.waive_penalty": ("{n}. to waive the {amount} of penalty interest;", "{n}、减免罚息 {amount}；"),
    "letter.waive_interest": ("{n}. to waive the {amount} of unpaid interest;", "{n}、减免未付利息 {amount}；"),
    "letter.pause": (
        "{n}. while we agree on this, to add no further penalty interest, and to keep collection within the rules "
        "(no contact between 22:00 and 08:00, none with third parties).",
        "{n}、协商期间暂停计收罚息，并依规催收（22:00 至次日 08:00 不联系本人，不联系第三方）。",
    ),
    "letter.alternative": (
        "If that is not possible, I could instead pay {installment} a month for {term} months, to {last_due}.",
        "如无法同意，本人也可每月还款 {installment}，共 {term} 期，至 {last_due} 还清。",
    ),
    "letter.promise": ("I will keep to the new plan.", "本人承诺按新计划按时还款。"),
    "letter.illustrative": (
        "These figures are my own calculation from the contract's terms (illustrative); please confirm them.",
        "以上数字为本人依据合同条款自行测算（示例），请以贵方核算为准。",
    ),
    "letter.closing": ("Yours faithfully,", "此致\n敬礼"),
    "letter.signature": ("{name}    Date: {on}", "申请人：{name}    日期：{on}"),
    "letter.blank_name": ("________", "________"),
    "letter.short": (
        "Even over {max} months the instalment would be {least}, {shortfall} more than I can pay a month; I ask "
        "you to tell me what you can offer.",
        "即使分 {max} 期，每期也需 {least}，比本人每月可还款金额多 {shortfall}；恳请告知贵方可提供的方案。",
    ),
    "integrity.duplicate_contact": ("contact id {id} appears {n} times", "催收记录编号 {id} 出现了 {n} 次"),
    "integrity.orphan_contact": (
        "contact {id} is for loan {loan}, which is not in the ledger",
        "催收记录 {id} 对应的借款 {loan} 不在账本中",
    ),
    "integrity.contact_date": (
        "contact {id} has a date ({date}) outside {earliest} to {latest}",
        "催收记录 {id} 的日期（{date}）不在 {earliest} 到 {latest} 之间",
    ),
    "integrity.contact_before_start": (
        "contact {id} is dated {date}, before loan {loan} was drawn ({start})",
        "催收记录 {id} 的日期为 {date}，早于借款 {loan} 的借款日（{start}）",
    ),
    # --- a promise to pay, as a reminder (text/reminders.py) ---
    "remind.promise": (
        "{loan}: you promised {to} to pay {amount} today ({due_date}).",
        "{loan}：你曾向 {to} 承诺今天（{due_date}）还款 {amount}。",
    ),
    # --- the collection rules a contact is checked against (domain/contacts.py), with their sources ---
    "contacts.channel.phone": ("phone", "电话"),
    "contacts.channel.sms": ("SMS", "短信"),
    "contacts.channel.app": ("app", "App"),
    "contacts.channel.visit": ("visit", "上门"),
    "contacts.channel.third-party": ("third party", "第三方"),
    "flag.night": (
        "at {time}, between {start} and {end}: no collection at night without your consent",
        "时间 {time}，在 {start} 至 {end} 之间：未经同意夜间不得催收",
    ),
    "flag.calls": (
        "unanswered call {n} of {date} to this number: at most {max} a day",
        "{date} 对同一号码的第 {n} 次未接通呼叫：每天最多 {max} 次",
    ),
    "flag.third_party": (
        "contact with a third party about your debt: not allowed with unrelated third parties",
        "就你的债务联系第三方：不得联系无关第三方",
    ),
    "flag.not_overdue": (
        "nothing on the loan was overdue at the start of {date}: collection is for debts overdue",
        "{date} 当天开始时这笔借款没有逾期：催收只针对逾期债务",
    ),
    "flag.not_overdue.paid_off": (
        "the loan was paid off by {date}: nothing was owed",
        "这笔借款在 {date} 前已还清：并无欠款",
    ),
    "source.cba_2026": (
        "China Banking Association, guideline on personal consumer loan collection (trial, January 2026)",
        "中国银行业协会《个人消费贷款催收工作指引（试行）》（2026 年 1 月）",
    ),
    "source.nifa_2024": (
        "National Internet Finance Association of China, collection guideline (May 2024)",
        "中国互联网金融协会催收相关指引（2024 年 5 月）",
    ),
    "source.ledger": ("your own ledger: the loan's payments and schedule", "你自己的账本：这笔借款的还款记录和计划"),
    "rules.night": (
        "No collection between {start} and {end} local time without your consent (none after 22:00: NIFA).",
        "未经同意，当地时间 {start} 至 {end} 不得催收（中国互联网金融协会：22:00 后不得催收）。",
    ),
    "rules.calls": (
        "At most {max} unanswered call attempts a day to one number.",
        "同一号码每天未接通的呼叫最多 {max} 次。",
    ),
    "rules.third_party": ("No contact with unrelated third parties about your debt.", "不得就你的债务联系无关第三方。"),
    "rules.not_overdue": (
        "Collection is for overdue debts only: no collection contact on a day nothing was overdue, or after the loan "
        "was paid off.",
        "催收只针对逾期债务：当天并无逾期、或借款已还清后，不得催收。",
    ),
    "rules.illustrative": (
        "Illustrative: the rules as the app's sources state them. The guidelines' own text, and your contract, are "
        "what count.",
        "示例：以上规则按本程序引用的资料概括，以指引原文和你的合同为准。",
    ),
    # --- the report for a complaint (text/complaint.py) ---
    "report.title": ("Collection contact record", "催收联系记录"),
    "report.title_loan": ("Collection contact record — {loan} ({id})", "催收联系记录——{loan}（{id}）"),
    "report.prepared": (
        "Prepared on {today} from the borrower's own record (jiebei-tui). Times are local, as the borrower noted "
        "them.",
        "根据借款人自己的记录（jiebei-tui）于 {today} 整理。时间为借款人记下的当地时间。",
    ),
    "report.summary": ("Summary", "概要"),
    "report.count": ("Contacts recorded: {n}; breaking a rule: {flagged}", "记录的联系：{n} 次；违反规则：{flagged} 次"),
    "report.count_rule": ("{rule}: {n}", "{rule}：{n} 次"),
    "report.contacts": ("Contacts", "联系记录"),
    "report.payments": ("Payments", "还款记录"),
    "report.rules": ("The rules (illustrative)", "规则（示例）"),
    "report.none": ("None recorded.", "暂无记录。"),
    "report.col.at": ("Date and time", "日期和时间"),
    "report.col.loan": ("Loan", "借款"),
    "report.col.channel": ("Channel", "渠道"),
    "report.col.from": ("From", "来自"),
    "report.col.note": ("Note", "内容"),
    "report.col.promise": ("Promise to pay", "还款承诺"),
    "report.col.flags": ("Rules broken", "违反的规则"),
    "report.col.date": ("Date", "日期"),
    "report.col.kind": ("Kind", "类型"),
    "report.col.amount": ("Amount", "金额"),
    "report.promise": ("{amount} by {date}", "{date} 前还 {amount}"),
    "report.answered": ("answered", "已接听"),
    "report.source": ("Source: {source}", "来源：{source}"),
    "rule_name.night": ("At night (22:00–08:00)", "夜间（22:00–08:00）"),
    "rule_name.calls": ("More than 6 unanswered calls a day", "每天未接通呼叫超过 6 次"),
    "rule_name.third_party": ("Third parties contacted", "联系第三方"),
    "rule_name.not_overdue": ("Nothing overdue then", "当时并无逾期"),
    # --- what each figure rests on (illustrative, with sources), for the screens and commands of phase B ---
    "afford.rules": (
        "Illustrative: the budget is paid on one day a month. What is overdue is paid first ({order}), then what "
        "falls due before the next budget day; what is left waits for the next month (nothing is prepaid). Each "
        "payment follows your contract's rules as recorded here.",
        "示例：预算每月在同一天支付。先还逾期欠款（{order}），再还下一个预算日之前到期的分期；剩余的留到下个月"
        "（不提前还款）。每笔还款按这里记录的合同规则计算。",
    ),
    "afford.order.oldest": ("the loan overdue longest first", "逾期最久的借款优先"),
    "afford.order.costliest": ("the highest penalty rate first", "罚息利率最高的借款优先"),
    "request.rules": (
        "Illustrative: worked out as the agreement it asks for would be recorded here; the lender computes its "
        "own figures, and its contract binds. At most {max} months: the ceiling for a credit card's personalised "
        "instalments ({source}), used here as a guide.",
        "示例：按所申请的协议在本程序中登记后的结果计算；贷款机构会自行核算，以合同为准。最长 {max} 个月：参照"
        "信用卡个性化分期的上限（{source}）。",
    ),
    "source.credit_card_art70": (
        "Measures on the supervision of commercial banks' credit card business, art. 70",
        "《商业银行信用卡业务监督管理办法》第七十条",
    ),
    "credit.rules": (
        "Illustrative. The lender reports to the PBOC credit centre monthly, on a day it does not publish, and does "
        "not publish how many days late leads to a mark (even one day may be reported). Adverse records are kept "
        "{years} years from the day the overdue ends, then deleted ({source}).",
        "示例。贷款机构每月向人民银行征信中心报送，报送日和逾期多少天会被记录均未公开（逾期一天也可能被报送）。"
        "不良信息自不良行为终止之日起保存 {years} 年，期满删除（{source}）。",
    ),
    "credit.model": (
        "Assumed here: a report shows the loan as it stood at the start of its day. Paying everything due by the "
        "day before keeps that report clean; paying by each due date keeps the loan from being overdue at all.",
        "此处假设：报送反映报送日开始时的借款状态。在报送日前一天还清全部到期欠款，该次报送就不显示逾期；"
        "每期在还款日前还款，则根本不会逾期。",
    ),
    "credit.unknown_day": (
        "Your lender's reporting day is not known: any day overdue may be the one reported. Set it if you know it.",
        "不知道贷款机构的报送日：任何一天的逾期都可能被报送。如果知道，请设置报送日。",
    ),
    "source.pboc_art16": (
        "PBOC Credit Reporting Regulation (征信业管理条例, State Council Decree No. 631, 2013), art. 16",
        "《征信业管理条例》（国务院令第 631 号，2013 年）第十六条",
    ),
    "credit.code.N": ("N — normal", "N——正常"),
    "credit.code.1": ("1 — 1–30 days overdue", "1——逾期 1–30 天"),
    "credit.code.2": ("2 — 31–60 days overdue", "2——逾期 31–60 天"),
    "credit.code.3": ("3 — 61–90 days overdue", "3——逾期 61–90 天"),
    "credit.code.4": ("4 — 91–120 days overdue", "4——逾期 91–120 天"),
    "credit.code.5": ("5 — 121–150 days overdue", "5——逾期 121–150 天"),
    "credit.code.6": ("6 — 151–180 days overdue", "6——逾期 151–180 天"),
    "credit.code.7": ("7 — over 180 days overdue", "7——逾期 180 天以上"),
    "credit.code.C": ("C — closed", "C——结清"),
    "credit.codes_source": (
        "Status codes as consumer guides explain the PBOC credit report's repayment record (illustrative).",
        "状态代码按消费者指南对人民银行征信报告还款记录的解释（示例）。",
    ),
    # --- the schedule ---
    "status.restructured": ("restructured", "已协商重组"),
    # --- phase B: the front doors (text/way_back.py, cli/hardship.py, the app's Way back section) ---
    "rule.letter_no_loan": (
        "once the loans' next instalments are kept, it leaves nothing to offer a lender for any loan drawn before "
        "today: give a larger --budget",
        "在保持各笔借款下期还款之后，预算已无余额可向任何（今天之前借出的）借款的贷款机构提出：请提高 --budget",
    ),
    "rule.letter_no_request": (
        "the budget leaves nothing for that loan once the other loans' next instalments are kept (or it is not "
        "open): give a larger --budget or another loan",
        "保证其他借款按期还款后，预算已没有余额留给这笔借款（或这笔借款未在还款中）：请提高 --budget 或选择其他借款",
    ),
    "rule.letter_ask": ("the letter asks for term or installment", "申请书可申请 term（延长期限）或 installment（按预算定每期金额）"),
    "change.loans.restructure": (
        "the restructure {event} of {loan} from {date} ({term} instalments)",
        "借款 {loan} 自 {date} 起的协商重组 {event}（{term} 期）",
    ),
    "change.contacts.add": ("recording contact {id} ({at}) for {loan}", "记录借款 {loan} 的催收联系 {id}（{at}）"),
    "change.contacts.remove": ("removing contact {id} ({at}) of {loan}", "删除借款 {loan} 的催收联系 {id}（{at}）"),
    "change.credit.report_day": ("setting the lender's reporting day", "设置贷款机构的征信报送日"),
    # the budget plan
    "way.plan_heading": (
        "Paying only {budget} a month from {start}, what is overdue first ({order}) — illustrative",
        "每月只还 {budget}，自 {start} 起，先还逾期欠款（{order}）——示例",
    ),
    "way.col.month": ("Month", "月"),
    "way.col.on": ("Budget day", "预算日"),
    "way.col.paid": ("Paid", "还款"),
    "way.col.penalty": ("Penalty", "罚息"),
    "way.col.left": ("Left", "结余"),
    "way.col.owed_after": ("Owed after", "还后欠款"),
    "way.col.stage": ("Stage", "阶段"),  # the worst any loan reaches that month (way.strip, above it, says so)
    "way.col.still_overdue": ("Still overdue", "仍逾期"),
    "way.col.cleared": ("Cleared", "还清"),
    "way.col.loan": ("Loan", "借款"),
    "way.col.name": ("Name", "名称"),
    "way.col.owed_now": ("Owed now", "目前欠款"),
    "way.col.cleared_in": ("Cleared", "还清时间"),
    "way.col.interest": ("Interest", "利息"),
    "way.col.months_overdue": ("Months overdue", "逾期月数"),
    "way.col.worst": ("Worst", "最差阶段"),
    "way.col.ask": ("Ask for", "申请"),
    "way.col.plan": ("Plan", "计划"),
    "way.col.total": ("To repay", "还款总额"),
    "way.col.fits": ("Budget", "预算"),
    "way.col.id": ("ID", "编号"),
    "way.col.at": ("When", "时间"),
    "way.col.channel": ("Channel", "渠道"),
    "way.col.from": ("From", "来自"),
    "way.col.promise": ("Promise", "承诺"),
    "way.col.flags": ("Rules broken", "违反的规则"),
    "way.nos.one": ("instalment {nos}", "第 {nos} 期"),
    "way.nos": ("instalments {nos}", "第 {nos} 期"),
    "way.cleared_in": ("month {n} ({on})", "第 {n} 个月（{on}）"),
    "way.not_cleared": ("not within the plan ({owed} left)", "计划内还不清（尚欠 {owed}）"),
    "way.nothing_open": ("No loan is open: nothing to plan.", "没有未还清的借款，无需计划。"),
    "way.summary_cleared": (
        "Every loan is cleared in {n} months, by {on}: {paid} paid in all, {penalty} of it penalty.",
        "{n} 个月内（{on} 前）全部还清：共还 {paid}，其中罚息 {penalty}。",
    ),
    "way.summary_not_cleared": (
        "After {n} months ({on}) {owed} is still owed: {paid} paid, {penalty} of it penalty.",
        "{n} 个月后（{on}）仍欠 {owed}：已还 {paid}，其中罚息 {penalty}。",
    ),
    "way.summary_nothing": (
        "Paying nothing, {owed} would be owed on {on}.",
        "如果什么都不还，到 {on} 将欠 {owed}。",
    ),
    # the request
    "way.request_heading": (
        "What to ask the lender for {loan} ({name}) — illustrative",
        "向贷款机构申请：{loan}（{name}）——示例",
    ),
    "way.label.as_of": ("As of", "截至"),
    "way.label.overdue": ("Overdue", "逾期"),
    "way.overdue_value": ("{days} days ({stage}), {installments}", "{days} 天（{stage}），{installments}"),
    "way.label.to_clear": ("To clear it today", "今天结清逾期需"),
    "way.label.next_due": ("Next instalment", "下一期"),
    "way.label.principal_outstanding": ("Principal outstanding", "剩余本金"),
    "way.label.unpaid_interest": ("Unpaid interest", "未付利息"),
    "way.label.penalty": ("Penalty owed", "罚息"),
    "way.label.rate": ("Daily rate", "日利率"),
    "way.label.budget_share": ("Budget for this loan", "可用于这笔借款的预算"),
    "way.option.term": ("A longer term", "延长期限"),
    "way.option.installment": ("The budget as the instalment", "按预算定每期金额"),
    "way.last": (" (last {amount})", "（末期 {amount}）"),
    "way.option_value": ("{n} × {installment}{last}, {first} → {until}", "{n} 期 × {installment}{last}，{first} → {until}"),
    "way.fits.best": ("fits · less interest", "可承受 · 利息更少"),
    "way.fits.yes": ("fits", "可承受"),
    "way.fits.no": ("more than the budget", "超出预算"),
    "way.no_term_line": ("{title} — {reason}", "{title}——{reason}"),
    "way.no_term.longest": (
        "not offered: the {n} instalments left already reach the longest plan ({max} months)",
        "不提供：剩余 {n} 期已达最长期限（{max} 个月）",
    ),
    "way.no_term.smaller": (
        "not offered: even {max} months would not ask less than the {amount} a month now",
        "不提供：即使分 {max} 期，每期也不低于现在的 {amount}",
    ),
    "way.label.penalty_asked": ("Penalty", "罚息"),
    "way.penalty_waived": ("{amount}: asked to be waived", "{amount}：申请减免"),
    "way.penalty_carried": ("{amount}: kept in the new plan", "{amount}：计入新计划"),
    "way.label.interest_asked": ("Unpaid interest", "未付利息"),
    "way.interest_waived": ("{amount}: asked to be waived", "{amount}：申请减免"),
    "way.interest_carried": ("{amount}: kept in the new plan", "{amount}：计入新计划"),
    "way.label.least": ("Even over 60 months", "即使分 60 期"),
    "way.least_value": ("{least} a month: {shortfall} more than the budget", "每期 {least}：比预算多 {shortfall}"),
    "way.letter_saved": (
        "The request letter for {loan} ({language}) is saved in {path} (readable by you only).",
        "{loan} 的协商还款申请书（{language}）已保存到 {path}（仅你本人可读）。",
    ),
    "way.lang.en": ("English", "英文"),
    "way.lang.zh": ("Chinese", "中文"),
    # a restructure
    "way.restructure_heading": ("The agreement for loan {loan}:", "借款 {loan} 的协商协议："),
    "way.label.agreed_on": ("From", "生效日期"),
    "way.label.closes": ("Old instalments it closes", "结束的原分期"),
    "way.closed_overdue": ("{nos} (overdue)", "{nos}（逾期）"),
    "way.closed_current": ("instalment {no} (current)", "第 {no} 期（当期）"),
    "way.label.replaces": ("Old instalments it replaces", "由新计划取代的原分期"),
    "way.replaced_value": ("{nos}, not yet due", "{nos}，尚未到期"),
    "way.of_it_overdue": (" ({amount} of it overdue)", "（其中逾期 {amount}）"),  # no space before （
    "way.waived": ("waived", "减免"),
    "way.carried": ("carried into the new plan", "计入新计划"),
    "way.label.new_principal": ("New plan's principal", "新计划本金"),
    "way.label.new_plan": ("New plan", "新计划"),
    "way.new_plan_value": (
        "{nos}: {n} × {installment}{last}, {first} → {until}, {rate} a day, {method}",
        "{nos}：{n} 期 × {installment}{last}，{first} → {until}，日利率 {rate}，{method}",
    ),
    "way.label.plan_interest": ("Interest over the plan", "新计划利息"),
    "way.label.plan_total": ("To repay in all", "还款总额"),
    "way.label.reference": ("Reference", "协议编号"),
    "way.restructure_applied": (
        "Recorded as {event} in the history of {loan}: reminders and the credit outlook follow the new plan "
        "(payments void {event} takes it back).",
        "已作为 {event} 记入借款 {loan} 的历史：提醒和征信预估按新计划进行（payments void {event} 可作废）。",
    ),
    # contacts
    "contacts.added": (
        "Recorded contact {id} for {loan}: {channel}, {at}, from {who}.",
        "已记录借款 {loan} 的催收联系 {id}：{channel}，{at}，来自 {who}。",
    ),
    "contacts.breaks": ("Breaks a rule: {flag}", "违反规则：{flag}"),
    "contacts.no_flags": ("It breaks none of the rules the app checks.", "未违反本程序检查的规则。"),
    "contacts.promise_reminder": (
        "Your promise to pay {amount} by {date} becomes a reminder on {date} (remind list shows it).",
        "你承诺在 {date} 前还 {amount}：当天会有一条提醒（remind list 可查看）。",
    ),
    "contacts.none": ("No contacts recorded.", "没有催收联系记录。"),
    "contacts.none_flagged": ("No recorded contact breaks a rule.", "没有违反规则的催收联系。"),
    "contacts.removed": ("Removed contact {id} ({at}) of {loan}.", "已删除借款 {loan} 的催收联系 {id}（{at}）。"),
    "contacts.report_saved": (
        "The contact record ({format}) is saved in {path} (readable by you only): {n} {n:contact|contacts}, {flagged} "
        "breaking a rule, {payments} {payments:payment|payments}.",
        "催收联系记录（{format}）已保存到 {path}（仅你本人可读）：联系 {n} 次，违反规则 {flagged} 次，还款 {payments} 笔。",
    ),
    "contacts.format.markdown": ("Markdown", "Markdown"),
    "contacts.format.csv": ("CSV", "CSV"),
    # the credit record
    "credit.heading": ("Credit record (征信) — illustrative. Reporting day: {day}.", "征信记录——示例。报送日：{day}。"),
    "credit.day_unknown": ("not known (credit --report-day N sets it)", "未知（可用 credit --report-day N 设置）"),
    "credit.day_known": ("day {day} of each month", "每月 {day} 日"),
    "credit.unknown": ("not known", "未知"),
    "credit.day_saved": ("The lender's reporting day is now {day}.", "贷款机构的报送日已设为{day}。"),
    "credit.day_unchanged": ("The lender's reporting day was already {day}: nothing changed.", "报送日本来就是{day}，未作修改。"),
    "credit.label.now": ("Now", "目前"),
    "credit.now.overdue": ("{days} days overdue (code {code})", "逾期 {days} 天（代码 {code}）"),
    "credit.now.fine": ("nothing overdue", "没有逾期"),
    "credit.label.next_report": ("Next report", "下次报送"),
    "credit.next_value": ("{on}: likely shows {shows}, if nothing more is paid", "{on}：如不再还款，可能显示{shows}"),
    "credit.shows.closed": ("closed (C)", "结清（C）"),
    "credit.shows.normal": ("normal (N)", "正常（N）"),
    "credit.shows.overdue": (
        "{days} days overdue ({stage}, code {code}), {amount} overdue",
        "逾期 {days} 天（{stage}，代码 {code}），逾期金额 {amount}",
    ),
    "credit.label.pay_by": ("So it does not show", "避免被报送逾期"),
    "credit.pay_by_value": ("pay {amount} by {on}", "最晚在 {on} 还 {amount}"),
    "credit.label.due_by": ("Never overdue", "完全不逾期"),
    "credit.due_by_value": ("pay {amount} by {on}: the instalment due that day", "最晚在 {on} 还 {amount}：当期应还"),
    "credit.label.due_by_behind": ("Current again", "恢复正常"),
    "credit.due_by_behind_value": (
        "pay {amount} by {on} if nothing is paid before: what is overdue, with penalty to that day, and the "
        "instalment due that day",
        "如此前不再还款，最晚在 {on} 还 {amount}：逾期欠款（罚息计至当天）加当期应还",
    ),
    "credit.label.kept": ("A mark would stay", "不良记录将保留"),
    "credit.kept_value": ("until {until} (5 years after it is cleared, paid on {on})", "至 {until}（{on} 还清后 5 年）"),
    "credit.label.episode": ("Overdue", "逾期记录"),
    "credit.episode_running": (
        "since {start}, {days} days so far ({installments})",
        "自 {start} 起，已 {days} 天（{installments}）",
    ),
    "credit.episode_ended": (
        "{start} → {end}, {days} days ({installments}); a mark would stay until {until}",
        "{start} → {end}，共 {days} 天（{installments}）；不良记录将保留至 {until}",
    ),
    "credit.episode_reported": ("reported on {dates}", "已于 {dates} 报送"),
    "credit.label.past": ("Past reports", "以往报送"),
    # --- the app: the Way back section (key 6), its actions and dialogs ---
    "key.way_back": ("Way back", "回到正轨"),
    "action.way_back": ("Section: Way back", "栏目：回到正轨"),
    "action.way_back.help": (
        "After a missed payment: what you can afford, what to ask the lender, collection contacts, credit record",
        "逾期之后：每月能还多少、向贷款机构申请什么、催收记录、征信记录",
    ),
    "place.way_back": ("Way back", "回到正轨页"),
    "key.budget": ("Budget", "预算"),
    "action.budget": ("Type your monthly budget", "输入每月预算"),
    "action.budget.help": (
        "What you can pay a month across your loans: the plan month by month and what to ask the lender",
        "你每月能还多少（所有借款合计）：逐月计划和向贷款机构申请的方案",
    ),
    "key.letter": ("Letter", "申请书"),
    "action.letter": ("The request letter", "协商还款申请书"),
    "action.letter.help": (
        "In either language with your figures: save it (readable by you only) or copy it",
        "中文或英文，填好你的数字：保存（仅本人可读）或复制",
    ),
    "key.agreement": ("Record agreement", "登记协议"),
    "action.agreement": ("Record what the lender agreed", "登记贷款机构同意的方案"),
    "action.agreement.help": ("A new plan from a date: previewed, confirmed, then recorded", "自某日起的新计划：先预览、确认后记录"),
    "key.new_contact": ("Add contact", "记录催收"),
    "action.new_contact": ("Record a collection contact", "记录一次催收联系"),
    "action.new_contact.help": ("Checked against the collection rules as you type", "输入时即按催收规则检查"),
    "key.remove_contact": ("Remove contact", "删除记录"),
    "action.remove_contact": ("Remove the selected contact", "删除选中的催收记录"),
    "action.remove_contact.help": ("One recorded by mistake, after a confirmation", "误录的记录，会先确认"),
    "key.contact_record": ("Save record", "保存记录"),
    "action.contact_record": ("Save the contact record for a complaint", "保存催收记录（用于投诉）"),
    "action.contact_record.help": (
        "Contacts, the rules they break and your payments, as Markdown or CSV, readable by you only",
        "联系记录、违反的规则和还款记录，Markdown 或 CSV，仅本人可读",
    ),
    # the section
    "way.title": ("After a missed payment: a way back", "逾期之后：回到正轨"),
    "way.intro": (
        "What you can pay each month decides the plan below. Every figure is illustrative: the lender computes its "
        "own, and your contract binds.",
        "下面的计划取决于你每月能还多少。所有数字均为示例，以贷款机构核算和你的合同为准。",
    ),
    "way.budget": ("Monthly budget", "每月预算"),
    "way.from": ("From", "开始日期"),
    "way.order": ("Overdue loans first", "先还逾期"),
    "way.normal_month": ("A normal month asks {amount} across your loans.", "正常每月需还 {amount}（所有借款合计）。"),
    "way.need_loans": (
        "Nothing to plan yet: add a loan ({press}), then plan here what you can pay and what to ask the lender.",
        "暂无可计划的借款：请先添加一笔（按 {press}），再在这里计划每月能还多少、向贷款机构申请什么。",
    ),
    "way.all_paid_off": (
        "Every loan is paid off: nothing to plan or ask the lender.",
        "所有借款均已结清：无需计划，也无需向贷款机构申请。",
    ),
    "way.no_loans": ("No loan is open: nothing to plan.", "没有未还清的借款，无需计划。"),
    "way.strip": ("Worst stage reached each month", "每月达到的最差阶段"),
    "way.outcome_line": (
        "{loan} {name}: {cleared}; paid {paid}, penalty {penalty}, {months} months ending overdue, worst {worst}.",
        "{loan} {name}：{cleared}；共还 {paid}，罚息 {penalty}，{months} 个月月末逾期，最差 {worst}。",
    ),
    "way.request_title": ("What to ask the lender (illustrative)", "向贷款机构申请（示例）"),
    "way.request_loan": ("Loan", "借款"),
    "way.option_line": (
        "{title} — {fits}: {plan}; interest {interest}, to repay {total}.",
        "{title}——{fits}：{plan}；利息 {interest}，还款总额 {total}。",
    ),
    "way.no_request": (
        "The budget leaves nothing to offer a lender once the other loans' next instalments are kept: a larger "
        "budget would.",
        "保证其他借款按期还款后，预算已没有余额可用于协商：需要更多预算。",
    ),
    "way.letter_button": ("Letter…", "申请书…"),
    "way.agreement_button": ("Record an agreement…", "登记协议…"),
    "way.contacts_title": ("Collection contacts", "催收联系记录"),
    "way.contacts_count": ("{n} recorded, {flagged} breaking a rule.", "共 {n} 次，违反规则 {flagged} 次。"),
    "way.add_contact_button": ("Add contact…", "记录催收…"),
    "way.remove_contact_button": ("Remove", "删除"),
    "way.record_button": ("Save record…", "保存记录…"),
    "way.select_contact": ("Select a contact in the table first.", "请先在表格中选择一条记录。"),
    "way.credit_title": ("Credit record (征信), illustrative", "征信记录（示例）"),
    "way.report_day": ("Reporting day (1–31; empty: not known)", "报送日（1–31；留空：未知）"),
    "way.save_day": ("Save", "保存"),
    "way.day_saved": ("The reporting day is saved.", "报送日已保存。"),
    "way.loan_line": ("{loan} {name}", "{loan} {name}"),
    "way.col.day": ("Day", "日期"),
    "way.col.rules": ("Rules broken", "违反的规则"),
    "way.answered_mark": ("answered", "已接听"),
    "way.budget_placeholder": ("e.g. 1000", "例如 1000"),
    "way.no_budget": (
        "Type what you can pay a month, across all your loans, to see the plan month by month.",
        "输入你每月能还多少（所有借款合计），即可看到逐月计划。",
    ),
    "way.request_needs_budget": (
        "Type a monthly budget above: what to ask the lender follows from it.",
        "请先在上面输入每月预算：向贷款机构申请的方案由此得出。",
    ),
    "way.ask_penalty": ("Ask for the penalty to be waived", "申请减免罚息"),
    "way.ask_interest": ("Ask for the unpaid interest to be waived too", "同时申请减免未付利息"),
    "way.contact_selected": ("{id}, {at}, from {who}", "{id}，{at}，来自 {who}"),
    # the letter dialog
    "letter.preview": ("The letter", "申请书内容"),
    "letter.dialog_title": ("Request letter — {loan}", "协商还款申请书——{loan}"),
    "letter.lang": ("Language", "语言"),
    "letter.ask": ("Ask for", "申请"),
    "letter.ask_best": ("the one with less interest", "利息更少的方案"),
    "letter.name": ("Your name", "你的姓名"),
    "letter.lender": ("Lender", "贷款机构"),
    "letter.circumstances": ("Your circumstances", "你的情况"),  # the field (letter.reason: the letter's sentence)
    "letter.path": ("Save as", "保存为"),
    "letter.save": ("Save", "保存"),
    "letter.copy": ("Copy", "复制"),
    "letter.saved": ("The letter is saved in {path} (readable by you only).", "申请书已保存到 {path}（仅你本人可读）。"),
    "letter.copied": (
        "Copied through the terminal (OSC 52). Some terminals, and tmux without set-clipboard, ignore it: if "
        "nothing was copied, save the file instead.",
        "已通过终端复制（OSC 52）。部分终端以及未开启 set-clipboard 的 tmux 会忽略：如果没有复制成功，请改为保存文件。",
    ),
    "letter.clipboard_note": (
        "Copy works where the terminal allows it (OSC 52); saving always works.",
        "复制需要终端支持（OSC 52）；保存文件总是可行。",
    ),
    "letter.not_a_file": ("{path} is not a file name: type the path of the file to write.", "{path} 不是文件名：请输入要写入的文件路径。"),
    # the agreement dialog
    "agreement.title": ("What the lender agreed — {loan}", "贷款机构同意的方案——{loan}"),
    "agreement.on": ("From (date)", "生效日期"),
    "agreement.term": ("Instalments (1–60)", "期数（1–60）"),
    "agreement.installment": ("Fixed instalment (optional)", "固定每期金额（可选）"),
    "agreement.rate": ("Daily rate (empty: as now; 0: interest stopped)", "日利率（留空：不变；0：停息）"),
    "agreement.first_due": ("First due date (empty: the loan's day)", "首个还款日（留空：按原还款日）"),
    "agreement.waive_penalty": ("Penalty waived", "减免罚息"),
    "agreement.waive_interest": ("Unpaid interest waived", "减免未付利息"),
    "agreement.reference": ("Agreement number or note", "协议编号或备注"),
    "agreement.record": ("Record…", "记录…"),
    "agreement.needs": (
        "Give the number of instalments, a fixed instalment, or both.",
        "请填写期数、固定每期金额，或两者都填。",
    ),
    "agreement.preview": ("What recording it does", "记录后的结果"),
    "agreement.confirm": (
        "Record the agreement for {loan} from {on}: {plan}, a new principal of {principal}? Reminders and the "
        "credit outlook will follow the new plan; undo takes it back.",
        "记录借款 {loan} 自 {on} 起的协议：{plan}，新计划本金 {principal}？提醒和征信预估将按新计划进行；可撤销。",
    ),
    "agreement.recorded": ("Recorded {event}: the new plan of {loan} is in its history.", "已记录 {event}：借款 {loan} 的新计划已记入历史。"),
    # the contact dialog
    "contact.title": ("Record a collection contact", "记录催收联系"),
    "contact.loan": ("Loan", "借款"),
    "contact.at": ("When (YYYY-MM-DD HH:MM, local)", "时间（YYYY-MM-DD HH:MM，当地）"),
    "contact.channel": ("Channel", "渠道"),
    "contact.from": ("From (collector, agency, number)", "来自（催收员、机构、号码）"),
    "contact.note": ("What was said", "内容"),
    "contact.answered": ("You answered the call", "已接听"),
    "contact.number": ("Which of your numbers (empty: the usual)", "你的哪个号码（留空：常用号码）"),
    "contact.promise": ("Promised to pay (optional)", "承诺还款金额（可选）"),
    "contact.promise_date": ("… by (date)", "承诺日期"),
    "contact.record": ("Record", "记录"),
    "contact.breaks": ("It breaks: {flags}", "违反：{flags}"),
    "contact.recorded": ("Recorded contact {id}.", "已记录催收联系 {id}。"),
    "contact.confirm_remove": (
        "Remove contact {id} ({at}, from {who})? Undo brings it back.",
        "删除催收记录 {id}（{at}，来自 {who}）？可撤销。",
    ),
    # the record dialog
    "record.title": ("Save the contact record", "保存催收联系记录"),
    "record.explain": (
        "Your contacts, the rules each breaks with their sources, and your payments, dated today: for a complaint "
        "to the lender or an association.",
        "你的催收联系、每次违反的规则及来源、你的还款记录，注明今天日期：可用于向贷款机构或协会投诉。",
    ),
    "record.loan": ("Loan", "借款"),
    "record.all": ("Every loan", "全部借款"),
    "record.format": ("Format", "格式"),
    "record.saved": ("The contact record is saved in {path} (readable by you only).", "催收联系记录已保存到 {path}（仅你本人可读）。"),
}
