"""Every user-facing string, in English and Chinese. `t(key, lang, **values)`.

Amounts passed in as Decimal are formatted as ¥1,234.56 and dates as ISO, so callers pass raw values.
A test fails if any key lacks either language.
"""

from __future__ import annotations

import datetime as dt
import locale
import os
from decimal import Decimal

from jiebei_tui.domain.money import yuan

LANGS = ("en", "zh")

# key: (English, 中文)
STRINGS: dict[str, tuple[str, str]] = {
    # --- what each input allows (the end of an InputError sentence) ---
    "rule.principal": (
        "the principal must be more than 0 and at most ¥1,000,000.00, with at most 2 decimals",
        "本金须大于 0、不超过 ¥1,000,000.00，最多两位小数",
    ),
    "rule.amount": ("an amount must be more than 0, with at most 2 decimals", "金额须大于 0，最多两位小数"),
    "rule.daily_rate": (
        "the daily rate must be more than 0 and at most 0.001 (0.1% a day), with at most 6 decimals "
        "(0.04% a day is 0.0004)",
        "日利率须大于 0、不超过 0.001（日息 0.1%），最多六位小数（日息 0.04% 写作 0.0004）",
    ),
    "rule.term": ("the term is 1 to 36 months", "期数须为 1 到 36 个月"),
    "rule.repayment_day": ("the repayment day is a day of the month from 1 to 28", "还款日须为每月 1 到 28 日"),
    "rule.method": (
        "the method is one of equal-installment, equal-principal, interest-first",
        "还款方式须为 equal-installment（等额本息）、equal-principal（等额本金）或 interest-first（先息后本）",
    ),
    "rule.strategy": (
        "the strategy is reduce-installment (keep the term) or reduce-term (keep the instalment)",
        "方式须为 reduce-installment（减少月供）或 reduce-term（缩短期限）",
    ),
    "rule.date": ("a date is written YYYY-MM-DD", "日期格式须为 YYYY-MM-DD"),
    "rule.time": ("a time is written HH:MM, 00:00 to 23:59", "时间格式须为 HH:MM（00:00 到 23:59）"),
    "rule.loan_id": ("no loan has that id; the ledger has: {known}", "账本中没有这笔借款；现有：{known}"),
    "rule.name": ("a name has 1 to {max} characters", "名称须为 1 到 {max} 个字符"),
    "rule.event_date": (
        "a payment date is not before the drawdown ({start}) and not after today ({today})",
        "还款日期不能早于借款日（{start}），也不能晚于今天（{today}）",
    ),
    "rule.event_order": (
        "a payment date is not before the last recorded payment ({last}); record payments in date order",
        "还款日期不能早于上一笔已记录的还款（{last}），请按日期顺序记录",
    ),
    "rule.settle_date": (
        "the date must be after the drawdown ({start}) and before the last due date ({last})",
        "日期须晚于借款日（{start}）且早于最后一期还款日（{last}）",
    ),
    "rule.after_start": ("the date must be after the drawdown ({start})", "日期须晚于借款日（{start}）"),
    "rule.prepay_too_small": (
        "a prepayment must be more than {minimum} (interest accrued to that day {accrued} plus anything overdue), "
        "or nothing reaches the principal",
        "提前还款金额须大于 {minimum}（当日应计利息 {accrued} 加上逾期欠款），否则不会减少本金",
    ),
    "rule.prepay_use_settle": (
        "a prepayment must be less than the payoff {payoff} on {on}; to pay it all, settle instead",
        "部分提前还款须少于 {on} 的结清金额 {payoff}；要全部还清请选择结清",
    ),
    "rule.repay_too_much": (
        "a repayment is at most {owed}, everything owed up to the last instalment; to pay the loan off, "
        "settle for {payoff} instead",
        "单笔还款不能超过剩余全部应还 {owed}；要一次还清请选择结清，结清金额 {payoff}",
    ),
    "rule.paid_off": ("this loan is already paid off", "这笔借款已经还清"),
    "rule.settle_amount": ("a settlement pays at least the payoff {payoff}", "结清金额至少为 {payoff}"),
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
        "Run `jiebei-tui recover --from-backup` or `jiebei-tui recover --start-empty`.",
        "{path} 不是有效的 JSON（第 {line} 行第 {column} 列：{problem}），文件未被改动。"
        "可运行 `jiebei-tui recover --from-backup` 或 `jiebei-tui recover --start-empty`。",
    ),
    "file.invalid": (
        "{path} does not hold a valid ledger ({problem}); it was not changed. "
        "Run `jiebei-tui recover --from-backup` or `jiebei-tui recover --start-empty`.",
        "{path} 不是有效的账本（{problem}），文件未被改动。"
        "可运行 `jiebei-tui recover --from-backup` 或 `jiebei-tui recover --start-empty`。",
    ),
    "file.future": (
        "{path} has schema_version {version}, written by a newer jiebei-tui (this one reads up to {known}); "
        "it was not changed. Upgrade jiebei-tui to use it.",
        "{path} 的 schema_version 为 {version}，由更新版本的 jiebei-tui 写入（本程序最高支持 {known}），文件未被改动。"
        "请升级 jiebei-tui。",
    ),
    "file.unreadable": ("{path} cannot be read: {problem}.", "无法读取 {path}：{problem}。"),
    "file.no_backup": ("there is no usable backup at {path}{problem}.", "没有可用的备份 {path}{problem}。"),
    "recover.restored": (
        "Restored {path} from its backup {backup}.{aside}",
        "已用备份 {backup} 恢复 {path}。{aside}",
    ),
    "recover.aside": (" The file that could not be read was kept as {aside}.", "无法读取的文件已另存为 {aside}。"),
    "recover.started_empty": (
        "Started an empty ledger at {path}.{aside}",
        "已在 {path} 新建空账本。{aside}",
    ),
    "recover.nothing": ("{path} is readable; nothing to recover.", "{path} 可以正常读取，无需恢复。"),
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
    "cli.removed": ("Removed loan {id} ({name}) and its {events} payments.", "已删除借款 {id}（{name}）及其 {events} 条还款记录。"),
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
    "label.principal_owed": ("Principal owed", "剩余本金"),
    "label.accrued": ("Interest accrued to the day", "当日应计利息"),
    "label.overdue_first": ("Overdue and due amounts paid first", "先还的逾期及到期欠款"),
    "label.payoff": ("Payoff", "结清金额"),
    "label.interest_saved": ("Interest saved", "节省利息"),
    "label.amount": ("Amount", "金额"),
    "label.strategy": ("Strategy", "方式"),
    "label.principal_reduction": ("Principal reduction", "本金减少"),
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
    "label.daily_cost": ("Each extra day adds", "每多逾期一天增加"),
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
}


def t(key: str, lang: str = "en", **values: object) -> str:
    en, zh = STRINGS[key]
    text = zh if lang == "zh" else en
    if not values:
        return text
    return text.format(**{name: _show(value) for name, value in values.items()})


def _show(value: object) -> str:
    if isinstance(value, Decimal):
        return yuan(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def render_input_error(err, lang: str = "en", field_label: str | None = None) -> str:
    """One sentence: the field, the value, what is allowed."""
    label = field_label or "--" + err.field.replace("_", "-")
    allowed = t(f"rule.{err.rule}", lang, **err.params)
    if err.value is None or err.value == "":
        return t("error.input_plain", lang, field=label, allowed=allowed)
    return t("error.input", lang, field=label, value=repr(str(err.value)).replace("'", '"'), allowed=allowed)


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
