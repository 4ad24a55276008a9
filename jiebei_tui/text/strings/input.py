"""Strings: input. key → (English, 中文).

What typed-in text may hold, the command line's own refusals (argparse's mistakes in one sentence, arguments
that are not UTF-8) and the crash sentence.
"""

STRINGS: dict[str, tuple[str, str]] = {
    # --- free text (domain/free_text.py clean_text) ---
    "rule.text_control": (
        "text may not contain control characters or direction overrides ({char} at character {position})",
        "文字中不能含有控制字符或文字方向控制符（第 {position} 个字符为 {char}）",
    ),
    "rule.text": ("this text has 1 to {max} characters, not only spaces", "此处须为 1 到 {max} 个字符，不能只有空格"),
    "rule.text_invisible": (
        "it shows nothing: every character in it is invisible (a zero-width space or joiner, a filler)",
        "它显示为空白：其中每个字符都不可见（零宽空格、连接符或填充字符）",
    ),
    "rule.text_optional": ("this text has at most {max} characters", "此处最多 {max} 个字符"),
    # --- dates with a time (terms.parse_datetime) ---
    "rule.moment": (
        "a time is written YYYY-MM-DD HH:MM (a T may stand for the space), on a date from {first} to {last}",
        "时间须写作 YYYY-MM-DD HH:MM（空格也可写作 T），日期范围 {first} 到 {last}",
    ),
    # --- a loan given inline on the command line ---
    "rule.inline_missing": (
        "a loan given inline needs all of --principal --daily-rate --term --method --start (missing: {missing}); "
        "or name one from the ledger with --loan ID",
        "直接给出的借款须包含 --principal --daily-rate --term --method --start 全部参数（缺少：{missing}）；"
        "或用 --loan ID 指定账本中的借款",
    ),
    "rule.loan_and_inline": (
        "a loan from the ledger (--loan) has its terms there; give either --loan or the terms inline, not both",
        "账本中的借款（--loan）的条款已在账本里；请只给出 --loan 或直接给出条款，不要同时使用",
    ),
    "rule.inline_missing_add": (
        "a new loan needs all of --principal --daily-rate --term --method --start (missing: {missing})",
        "新借款须包含 --principal --daily-rate --term --method --start 全部参数（缺少：{missing}）",
    ),
    # --- the command line's door (cli/door.py) ---
    "rule.not_utf8": (
        "an argument must be UTF-8 text; this one has bytes that are not (shown as \\xNN)",
        "参数须为 UTF-8 文字，这个参数含有无法识别的字节（以 \\xNN 显示）",
    ),
    "rule.too_long": ("an argument has at most {max} characters", "参数最多 {max} 个字符"),
    "rule.empty": ("give it a value (it cannot be empty)", "请给出取值（不能为空）"),
    "rule.timezone_name": (
        "the time zone is local or a name like Asia/Shanghai (letters, digits, / _ - +, at most 64 characters)",
        "时区须为 local 或 Asia/Shanghai 这样的名称（字母、数字、/ _ - +，最多 64 个字符）",
    ),
    "usage.required": ("{options}: `{prog}` needs this (see `{prog} --help`).", "{options}：`{prog}` 需要这个参数（见 `{prog} --help`）。"),
    "usage.needs_action": ("`{prog}` needs one of: {choices}.", "`{prog}` 需要以下之一：{choices}。"),
    "usage.one_of": ("`{prog}` needs one of {options} (see `{prog} --help`).", "`{prog}` 需要 {options} 其中之一（见 `{prog} --help`）。"),
    "usage.unknown": (
        "`{prog}` does not take {args} (`{prog} --help` lists what it takes).",
        "`{prog}` 不接受 {args}（`{prog} --help` 列出可用的参数）。",
    ),
    "usage.global_after": (
        "{option} is a global option: put it before the command, as in `jiebei-tui {option} … {command}`.",
        "{option} 是全局参数，须放在命令之前，例如 `jiebei-tui {option} … {command}`。",
    ),
    "usage.choice": ("{option} {value} is not allowed: it is one of {choices}.", "{option} 的值 {value} 无效：可选 {choices}。"),
    "usage.command": (
        "{value} is not a command of `{prog}`; the commands are {choices}.",
        "{value} 不是 `{prog}` 的命令；可用的命令有 {choices}。",
    ),
    "usage.needs_value": ("{option} needs a value.", "{option} 需要一个取值。"),
    "usage.takes_no_value": ("{option} takes no value (it was given {value}).", "{option} 不接受取值（却给了 {value}）。"),
    "usage.together": ("{option} and {other} cannot be given together.", "{option} 和 {other} 不能同时使用。"),
    "usage.other": ("{problem} (see `{prog} --help`).", "{problem}（见 `{prog} --help`）。"),
    # --- the one crash handler (jiebei_tui/crash.py) ---
    "crash.report": (
        "jiebei-tui stopped on an unexpected error (a bug, not something you did); the details are in {path}, "
        "please attach that file to a bug report.",
        "jiebei-tui 遇到意外错误而停止（这是程序的问题，不是你的操作）；详情已写入 {path}，报告问题时请附上该文件。",
    ),
    "crash.no_report": (
        "jiebei-tui stopped on an unexpected error ({problem}, a bug, not something you did); no crash report "
        "could be written to {folder} ({reason}).",
        "jiebei-tui 遇到意外错误而停止（{problem}，这是程序的问题，不是你的操作）；无法在 {folder} 写入错误报告（{reason}）。",
    ),
}
