"""Strings: files. key → (English, 中文).

The data folder, the ledger file and its backups, recovery, undo: what the store says when it refuses.
"""

_RECOVER_HINT = (
    "`jiebei-tui recover --list` shows the backups; `jiebei-tui recover --from-backup [N]` restores one, "
    "`jiebei-tui recover --start-empty` starts again (the file is kept aside)",
    "`jiebei-tui recover --list` 列出备份；`jiebei-tui recover --from-backup [N]` 恢复其中一份，"
    "`jiebei-tui recover --start-empty` 重新开始（原文件另存保留）",
)

STRINGS: dict[str, tuple[str, str]] = {
    # --- the data folder ---
    "file.dir_name": (
        "The data folder {path} has a control character in its name; choose a folder whose name has none.",
        "数据文件夹 {path} 的名称中含有控制字符；请换一个名称中没有控制字符的文件夹。",
    ),
    "file.dir_not_folder": (
        "{path} is not a folder, so it cannot hold the ledger; give --data-dir a folder.",
        "{path} 不是文件夹，无法存放账本；请为 --data-dir 指定一个文件夹。",
    ),
    "file.dir_owner": (
        "The data folder {path} belongs to another user ({owner}), so its files could be swapped under you; "
        "nothing was read or changed. Fix: `{fix}`",
        "数据文件夹 {path} 属于另一个用户（{owner}），其中的文件可能被他人替换；未读取也未改动任何内容。"
        "修复方法：`{fix}`",
    ),
    "file.dir_mode": (
        "The data folder {path} can be written by other users (permissions {mode}), so its files could be "
        "swapped under you; nothing was read or changed. Fix: `{fix}`",
        "数据文件夹 {path} 可被其他用户写入（权限 {mode}），其中的文件可能被他人替换；未读取也未改动任何内容。"
        "修复方法：`{fix}`",
    ),
    # --- the ledger file and its neighbours ---
    "file.symlink": (
        "{path} is a symbolic link; jiebei-tui never follows links for its data files, so nothing was read "
        "or changed. Put the file itself there, or move the link away.",
        "{path} 是符号链接；jiebei-tui 不会跟随数据文件的链接，因此未读取也未改动任何内容。"
        "请放入文件本身，或移走该链接。",
    ),
    "file.not_regular": (
        "{path} is {kind}, not a file; nothing was read or changed. Move it away and try again.",
        "{path} 是{kind}，不是普通文件；未读取也未改动任何内容。请将其移走后重试。",
    ),
    "kind.folder": ("a folder", "文件夹"),
    "kind.other": ("a special file (a pipe, socket or device)", "特殊文件（管道、套接字或设备）"),
    "file.too_big": (
        "{path} is {size} MB, larger than a ledger can be ({max} MB); it was not read or changed. "
        + _RECOVER_HINT[0]
        + ".",
        "{path} 大小为 {size} MB，超过账本的上限（{max} MB）；未读取也未改动。" + _RECOVER_HINT[1] + "。",
    ),
    "file.too_deep": (
        "{path} nests lists and objects more than {max} levels deep, which a ledger never does; it was not "
        "changed. " + _RECOVER_HINT[0] + ".",
        "{path} 中的列表和对象嵌套超过 {max} 层，账本不会如此；文件未被改动。" + _RECOVER_HINT[1] + "。",
    ),
    "file.big_number": (
        "{path} holds a number {digits} characters long (line {line}, column {column}); a ledger's numbers "
        "have at most {max}. It was not changed. " + _RECOVER_HINT[0] + ".",
        "{path} 中有一个长达 {digits} 个字符的数字（第 {line} 行第 {column} 列），账本中的数字最多 {max} 个字符。"
        "文件未被改动。" + _RECOVER_HINT[1] + "。",
    ),
    "file.bad_constant": (
        "{path} holds {name} (line {line}, column {column}), which is not a number a ledger can hold; it was "
        "not changed. " + _RECOVER_HINT[0] + ".",
        "{path} 中有 {name}（第 {line} 行第 {column} 列），这不是账本可用的数字；文件未被改动。" + _RECOVER_HINT[1] + "。",
    ),
    "file.not_utf8": (
        "{path} is not UTF-8 text (byte {position}); it was not changed. " + _RECOVER_HINT[0] + ".",
        "{path} 不是 UTF-8 文本（第 {position} 个字节）；文件未被改动。" + _RECOVER_HINT[1] + "。",
    ),
    "file.inconsistent": (
        "{path} does not hold a consistent ledger: {problem}{more}; it was not changed. " + _RECOVER_HINT[0] + ".",
        "{path} 中的账本前后不一致：{problem}{more}；文件未被改动。" + _RECOVER_HINT[1] + "。",
    ),
    "file.more": (" (and {n} more)", "（另有 {n} 处）"),
    "file.missing_beside_backup": (
        "{path} is missing, but its backup {backup} is there; nothing was changed (no demo, no new file). "
        "Run `jiebei-tui recover --from-backup` to restore the newest backup (`jiebei-tui recover --list` shows "
        "them all), or `jiebei-tui recover --start-empty` to start again.",
        "{path} 不存在，但它的备份 {backup} 还在；未做任何改动（不显示演示数据，也不新建文件）。"
        "可运行 `jiebei-tui recover --from-backup` 恢复最新的备份（`jiebei-tui recover --list` 列出全部），"
        "或运行 `jiebei-tui recover --start-empty` 重新开始。",
    ),
    "file.write_failed": (
        "Could not write {path}: {cause}. The ledger was not changed.",
        "无法写入 {path}：{cause}。账本未被改动。",
    ),
    "file.lock_wait": (
        "waiting for another jiebei-tui to finish with {path} …",
        "正在等待另一个 jiebei-tui 用完 {path} …",
    ),
    "file.lock_timeout": (
        "Another jiebei-tui has been using {path} for more than {seconds} seconds; nothing was changed. Try "
        "again when it has finished.",
        "另一个 jiebei-tui 占用 {path} 已超过 {seconds} 秒；未做任何改动。请等它结束后重试。",
    ),
    "file.no_backups": ("there is no backup of {path} yet", "{path} 还没有备份"),
    # --- exports (delivery/files.py) ---
    "rule.export_ledger_file": (
        "{name} is a ledger's own file name (the ledger, its backups, its lock): an export never replaces one; "
        "choose another name",
        "{name} 是账本自身文件的名称（账本、备份或锁文件）：导出不会覆盖这些文件；请换一个文件名",
    ),
    # (the path in full, not the value cut to 40 characters: the sentence is about where it is)
    "rule.export_folder": (
        "{path} names a folder (one that is there, or a path ending in /); name a file, such as one inside it",
        "{path} 指的是文件夹（已有的文件夹，或以 / 结尾的路径）；请给出文件名，例如该文件夹里的一个文件",
    ),
    "rule.export_unwritable": (
        "{path} cannot be written ({cause}); choose a file that can be",
        "{path} 无法写入（{cause}）；请换一个可以写入的文件",
    ),
    # --- what went wrong, for the errors the system reports ---
    "cause.ENOSPC": ("the disk is full", "磁盘已满"),
    "cause.EDQUOT": ("the disk quota is used up", "磁盘配额已用完"),
    "cause.EACCES": ("permission denied", "没有权限"),
    "cause.EPERM": ("the operation is not permitted", "不允许此操作"),
    "cause.EROFS": ("the file system is read-only", "文件系统为只读"),
    "cause.EISDIR": ("it is a folder", "它是一个文件夹"),
    "cause.ENOTDIR": ("part of the path is not a folder", "路径中有一部分不是文件夹"),
    "cause.ELOOP": ("it is a symbolic link", "它是符号链接"),
    "cause.ENOENT": ("it does not exist", "它不存在"),
    "cause.EIO": ("the disk reported an input/output error", "磁盘报告读写错误"),
    # --- what an inconsistent ledger holds (domain/integrity.py) ---
    "integrity.duplicate_loan": ("loan id {id} appears {n} times", "借款编号 {id} 出现了 {n} 次"),
    "integrity.duplicate_event": ("payment id {id} appears {n} times", "还款编号 {id} 出现了 {n} 次"),
    "integrity.orphan_event": (
        "payment {id} is for loan {loan}, which is not in the ledger",
        "还款 {id} 属于借款 {loan}，但账本中没有这笔借款",
    ),
    "integrity.event_before_start": (
        "payment {id} is dated {date}, before loan {loan} was drawn ({start})",
        "还款 {id} 的日期为 {date}，早于借款 {loan} 的借款日（{start}）",
    ),
    "integrity.loan_date": (
        "loan {id} was drawn on {date}; dates in a ledger are from {earliest} to {latest}",
        "借款 {id} 的借款日为 {date}；账本中的日期须在 {earliest} 到 {latest} 之间",
    ),
    "integrity.event_date": (
        "payment {id} is dated {date}; dates in a ledger are from {earliest} to {latest}",
        "还款 {id} 的日期为 {date}；账本中的日期须在 {earliest} 到 {latest} 之间",
    ),
    "integrity.duplicate_rule": ("reminder rule id {id} appears {n} times", "提醒规则编号 {id} 出现了 {n} 次"),
    "integrity.orphan_rule": (
        "reminder rule {id} is for loan {loan}, which is not in the ledger",
        "提醒规则 {id} 对应的借款 {loan} 不在账本中",
    ),
    "integrity.history_order": (
        "the change history is out of order at revision {revision} (the ledger is at revision {ledger})",
        "修改记录在版本 {revision} 处顺序错乱（账本当前为版本 {ledger}）",
    ),
    # --- recover ---
    "rule.backup_number": (
        "a backup number is a whole number from 1 to 9999 (`jiebei-tui recover --list` shows them)",
        "备份编号须为 1 到 9999 的整数（`jiebei-tui recover --list` 可列出）",
    ),
    "recover.readable": (
        "{path} is readable (revision {revision}; loans: {loans}, payments: {payments}), so there is nothing to "
        "recover; nothing was changed. To replace it anyway add --force (it is then kept as backup 1).",
        "{path} 可以正常读取（版本 {revision}：{loans} 笔借款，{payments} 笔还款），无需恢复；未做任何改动。"
        "如仍要替换，请加上 --force（当前账本将保留为备份 1）。",
    ),
    "recover.no_such_backup": (
        "--from-backup {number} is not allowed: there is no backup {number}; the backups are {known} "
        "(`jiebei-tui recover --list`).",
        "--from-backup {number} 无效：没有备份 {number}；现有备份为 {known}（`jiebei-tui recover --list`）。",
    ),
    "recover.backup_unusable": (
        "Backup {number} cannot be restored: {problem}",
        "备份 {number} 无法恢复：{problem}",
    ),
    "recover.from": (
        "Restored {path} from backup {number} ({backup}: saved {saved}; loans: {loans}, payments: {payments}; "
        "revision {revision}).",
        "已用备份 {number} 恢复 {path}（{backup}：保存于 {saved}，{loans} 笔借款，{payments} 笔还款，版本 {revision}）。",
    ),
    "recover.kept": (
        " The ledger that was there is kept as backup 1 ({kept}).",
        "原来的账本已保留为备份 1（{kept}）。",
    ),
    "recover.list_head": (
        "Backups of {path}, newest first (restore one with `jiebei-tui recover --from-backup N`):",
        "{path} 的备份，最新的在前（用 `jiebei-tui recover --from-backup N` 恢复）：",
    ),
    "recover.list_row": (
        "{number}. saved {saved} · loans: {loans}, payments: {payments} · revision {revision} · {name}",
        "{number}. 保存于 {saved} · {loans} 笔借款，{payments} 笔还款 · 版本 {revision} · {name}",
    ),
    "recover.list_bad": (
        "{number}. saved {saved} · cannot be used: {problem} · {name}",
        "{number}. 保存于 {saved} · 无法使用：{problem} · {name}",
    ),
    "recover.none": ("No backups of {path} yet.", "{path} 还没有备份。"),
    "recover.backups_title": ("Backups, newest first:", "备份（最新的在前）："),
    # --- undo ---
    "undo.done": (
        "Undid {what}, made {at} from {source}. The ledger is as it was before it (now revision {revision}); "
        "`jiebei-tui undo` again goes one change further back.",
        "已撤销{what}（{at} 由{source}做出）。账本已恢复到此修改之前的状态（现为版本 {revision}）；"
        "再次运行 `jiebei-tui undo` 会再往前撤销一步。",
    ),
    "undo.nothing": (
        "Nothing to undo: the ledger has no recorded change left to undo.",
        "没有可撤销的内容：账本中没有尚未撤销的修改记录。",
    ),
    "undo.beyond": (
        "Cannot undo {what}: the version before it (revision {before}) is no longer among the backups "
        "(`jiebei-tui recover --list`). Nothing was changed.",
        "无法撤销{what}：此修改之前的版本（版本 {before}）已不在备份中（`jiebei-tui recover --list`）。未做任何改动。",
    ),
    "undo.unreadable_before": (
        "Cannot undo {what}: the ledger before it could not be read (it was kept aside in the data folder). "
        "Nothing was changed.",
        "无法撤销{what}：此修改之前的账本无法读取（已另存在数据文件夹中）。未做任何改动。",
    ),
    "source.app": ("the app", "应用"),
    "source.cli": ("the command line", "命令行"),
    "payment.recorded_from": ("{at}, from {source}", "{at}（{source}）"),
    # --- a change, in words (history entries; the action key picks the sentence) ---
    "change.generic": ("change “{action}” (revision {revision})", "修改“{action}”（版本 {revision}）"),
    "change.loans.add": ("adding loan {id} ({name})", "添加借款 {id}（{name}）"),
    "change.loans.remove": ("removing loan {id} ({name})", "删除借款 {id}（{name}）"),
    "change.loans.rename": ("renaming loan {id} to {name}", "将借款 {id} 改名为 {name}"),
    "change.pay": ("the repayment {event} of {amount} on {date} for {loan}", "借款 {loan} 于 {date} 的还款 {event}（{amount}）"),
    "change.settle": ("the settlement of {loan} for {amount} on {date}", "借款 {loan} 于 {date} 的结清（{amount}）"),
    "change.prepay": ("the prepayment of {amount} on {date} for {loan}", "借款 {loan} 于 {date} 的提前还款（{amount}）"),
    "change.terms.set": ("the change of contract terms", "合同条款的修改"),
    "change.recover.backup": ("restoring backup {number} (revision {revision})", "恢复备份 {number}（版本 {revision}）"),
    "change.recover.empty": ("starting an empty ledger", "新建空账本"),
}
