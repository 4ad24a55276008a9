"""Strings: reminders. key → (English, 中文)."""

STRINGS: dict[str, tuple[str, str]] = {
    # --- words that count (the plain key is the plural; `.one` is for exactly 1) ---
    "remind.before.one": (
        "{loan}: {amount} is due on {due_date}, in {days} day.",
        "{loan}：{due_date} 应还 {amount}，还有 {days} 天。",
    ),
    "remind.missed.one": (
        "Missed reminders: {n} loan had reminders due from {since} until now that were not sent one by one (any "
        "sent now gives today's figures).",
        "错过的提醒：{n} 笔借款在 {since} 至今应发的提醒未逐条补发（现在发出的提醒按今天的金额计算）。",
    ),
    "remind.none_coming.one": ("No reminders in the next {days} day.", "未来 {days} 天没有提醒。"),
    "remind.exported.one": ("Wrote {n} instalment to {path}.", "已将 {n} 期还款写入 {path}。"),
    # --- channels ---
    "remind.channel_failed_n.one": ("The {channel} channel failed: {problem}", "{channel} 渠道发送失败：{problem}"),
    "remind.channel_failed_n": (
        "The {channel} channel failed for {n} of {total} reminders: {problem}",
        "{channel} 渠道有 {n}/{total} 条提醒发送失败：{problem}",
    ),
    "remind.channel_unavailable": (
        "The {channel} channel is not available here ({reason}); the other channels still went.",
        "{channel} 渠道在本机不可用（{reason}）；其他渠道照常发送。",
    ),
    "remind.no_bus": ("no session bus: DBUS_SESSION_BUS_ADDRESS is not set", "没有会话总线：未设置 DBUS_SESSION_BUS_ADDRESS"),
    "remind.bus_unreachable": ("the session bus is not reachable", "无法连接会话总线"),
    "remind.no_notify_send": ("notify-send is not installed", "未安装 notify-send"),
    "remind.not_found": ("{program} was not found", "找不到 {program}"),
    "remind.timed_out": (
        "{program} did not finish within {seconds} s and was stopped with everything it started",
        "{program} 未在 {seconds} 秒内结束，已连同其启动的进程一起终止",
    ),
    "remind.exited": ("{program} exited with status {code} {detail}", "{program} 以状态 {code} 退出 {detail}"),
    "remind.channel_terminal": ("this terminal", "本终端"),
    "remind.channel_app": ("this app", "本应用"),
    # --- quiet hours ---
    "remind.shifted": ("{rule} → {fire}, quiet hours", "{rule} → {fire}，免打扰"),
    "remind.shifted_next_day": ("{rule} → {fire} next day, quiet hours", "{rule} → 次日 {fire}，免打扰"),
    "remind.shifted_earlier": (
        "{rule} → {fire}, quiet hours (kept before the due day)",
        "{rule} → {fire}，免打扰（仍在还款日之前）",
    ),
    "remind.rule_shifted": (
        "Its time falls in quiet hours: {note}.",
        "该时间在免打扰时段内：{note}。",
    ),
    "remind.moved_note": ("* {id}: {note}.", "* {id}：{note}。"),
    "remind.rule_saved": ("Saved reminder {id}.", "已保存提醒 {id}。"),
    # --- the Reminders screen ---
    "reminders.saved_field": ("Saved: {field}.", "已保存：{field}。"),
    "reminders.kept": ("Nothing was saved: it stays {value}.", "未保存，仍为 {value}。"),
    "reminders.kept_empty": ("Nothing was saved: it stays empty.", "未保存，仍为空。"),
    "reminders.enter_to_save": ("Press Enter (or leave the field) to save.", "按 Enter（或离开此栏）即保存。"),
    "reminders.autosave_hint": (
        "Changes are saved as you make them: switches at once, fields on Enter or when you leave them.",
        "修改即时保存：开关立即保存，输入栏在按 Enter 或离开时保存。",
    ),
    # --- command templates, install, export ---
    "rule.duplicate": (
        "reminder {id} already has this day, time, loans and repeat",
        "提醒 {id} 已是同样的日期、时间、借款和重复设置",
    ),
    "rule.command_quote": ("a quote in the command is not closed", "命令中的引号没有闭合"),
    "rule.command_brace": (
        "a lone {{ or }} in the command (write {{{{ or }}}} for a brace); placeholders are {allowed}",
        "命令中有不成对的 {{ 或 }}（花括号本身请写作 {{{{ 或 }}}}）；可用占位符：{allowed}",
    ),
    "rule.command_placeholder": (
        "{placeholder} is not a placeholder; the placeholders are {allowed}, written just so",
        "{placeholder} 不是占位符；可用占位符为 {allowed}，须原样书写",
    ),
    "rule.command_program": (
        "the program to run must be written out, not a placeholder (a loan name would choose what runs)",
        "要运行的程序须直接写出，不能用占位符（否则借款名称会决定运行什么）",
    ),
    "rule.command_control": ("the command holds a control character (a line break or tab)", "命令中含有控制字符（换行或制表符）"),
    "rule.command_long": ("the command is at most {max} characters", "命令最多 {max} 个字符"),
    "rule.path_control": (
        "the data folder's path holds a line break or another control character, which a timer file or crontab "
        "line cannot carry safely; choose a folder without one",
        "数据文件夹路径含有换行或其他控制字符，定时器文件或 crontab 行无法安全写入；请换一个不含这些字符的文件夹",
    ),
}
