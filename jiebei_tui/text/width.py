"""Terminal width of text: Chinese characters take two columns, so tables pad by display width."""

from __future__ import annotations

import unicodedata


def width(text: str) -> int:
    if text.isascii():  # the common case, and much faster than asking unicodedata per character
        return len(text)
    return sum(
        1 if ch < "\u0300" else 2 if unicodedata.east_asian_width(ch) in "WF" else 0 if unicodedata.combining(ch) else 1
        for ch in text
    )


def pad(text: str, size: int, right: bool = False) -> str:
    gap = " " * max(size - width(text), 0)
    return gap + text if right else text + gap


def shorten(text: str, size: int) -> str:
    """Cut text to `size` columns, ending in … when cut."""
    if width(text) <= size:
        return text
    out = ""
    for ch in text:
        if width(out + ch) > size - 1:
            break
        out += ch
    return out + "…"


def table(headers: list[str], rows: list[list[str]], right: set[int] | None = None) -> str:
    """A plain-text table; columns in `right` are right-aligned (amounts)."""
    right = right or set()
    sizes = [max([width(h)] + [width(r[i]) for r in rows]) for i, h in enumerate(headers)]
    lines = ["  ".join(pad(h, sizes[i], i in right) for i, h in enumerate(headers)).rstrip()]
    lines.append("  ".join("─" * s for s in sizes))
    lines += ["  ".join(pad(c, sizes[i], i in right) for i, c in enumerate(r)).rstrip() for r in rows]
    return "\n".join(lines)


def pairs(items: list[tuple[str, str]]) -> str:
    """Label: value lines with the values lined up."""
    size = max((width(label) for label, _ in items), default=0)
    return "\n".join(f"{pad(label, size)}  {value}" for label, value in items)


# --- lines broken where a reader expects them, in Chinese as in English ---
# Chinese has no spaces between words: a line may break between two characters, but it reads best after a
# clause's punctuation, never inside a word ("结清金 / 额"), and a number must stay with its measure word ("第 1
# 天", "逾期 6 天"), even where a space separates them. An amount stays with what it is the amount of ("本金
# ¥483.23", "Prepaid ¥0.00"). Items set apart by " · " or by two spaces break between them first ("· f How is
# this computed?" whole on the next line). English breaks at spaces. `wrap` does all of it.

CLOSING = set("，。、；：！？）」』》〉】…—,.;:!?)]}%")  # never starts a line
OPENING = set("（「『《〈【([{¥")  # never ends a line
PHRASE_END = set("，。、；：！？）」』》〉】")  # a clause ends: the preferred place for a break
ITEM, PHRASE, ACCEPTABLE, NEVER = 3, 2, 1, 0  # how good a break is

# The words of this app's Chinese text that a line must not split (the two-character words are most of them;
# a longer one is listed where its halves are not words themselves). A break between two characters outside
# these stays acceptable: the list keeps the app's own words whole, it is not a dictionary of Chinese.
WORDS = frozenset("""
还款 借款 贷款 记录 逾期 文件 金额 计划 提醒 没有 账本 日期 利息 还清 保存 本金 今天 明天 昨天 情景 催收 每月 提前 罚息
删除 结清 条款 规则 联系 改动 额外 修改 备份 到期 申请 无法 任何 扣款 一个 添加 写入 时间 作废 恢复 所有 最多 最少
名称 不是 报送 不能 全部 合同 已还 撤销 确认 机构 欠款 其中 重新 示例 编号 更正 每期 开始 保留 应还 设置 输入 预算
期数 个月 方式 计算 给出 新建 应用 未还 自动 命令 本人 内容 利率 状态 需要 可用 数据 超过 月供 一笔 这笔 那笔 不会
部分 节省 之后 之前 导出 第一 天数 列出 版本 一次 违反 可读 选中 当天 协商 期限 字符 剩余 渠道 改变 数字 早于 晚于
顺序 合计 运行 显示 调整 协议 偿还 程序 读取 什么 征信 写作 现有 最后 选择 指定 参数 原文 最高 最低 不变 正常 用于
余额 发送 这里 变化 无需 栏目 目标 承诺 减免 大于 小于 等于 请在 不在 不得 来自 改为 按钮 多少 小数 减少 缩短 当日
截至 支付 未做 以下 以上 留空 未来 分期 可能 其他 计入 冲销 操作 优先 重组 整数 终端 演示 这些 那些 结果 填写 启用
关闭 同意 同一 号码 协会 现在 可以 也可 最新 说明 成功 失败 控制 因此 路径 可选 目前 登记 未付 方案 模拟 例如 存在
两种 相同 年化 实际 阶段 即可 预览 客服 电话 短信 通知 每天 每日 复利 单利 不良 报告 信用 成本 亲友 家人 同事 骚扰
威胁 辱骂 夜间 凌晨 静默 时段 免息 费用 违约 罚金 额度 冻结 上报 人工 通常 理由 拖延 哪怕 借呗 花呗 支付宝 银行
中国 人民 时区 提示 问题 错误 格式 范围 必须 须为 不超过 不少于 至少 按时 按期 每次 下次 上次 下一 上一 到账 入账
开启 开通 出现 联系人 结清金额 移除 自己 充值 至今 补发 窗口 逐条 错过 还清后 发薪日 还款日 日利率 年利率 手续费 免打扰 文件夹 对话框 占位符 宽限期 未到期 已逾期 申请书 第三方 信用卡
等额本息 等额本金 先息后本 人民银行 征信中心 个人信用
""".split())
LONGEST_WORD = max(len(w) for w in WORDS)


def wide(ch: str) -> bool:
    return ch >= "\u2e80" and unicodedata.east_asian_width(ch) in "WF"


def _units(text: str) -> list[str]:
    """Words of Latin text, each wide (CJK) character alone, and runs of spaces."""
    units: list[str] = []
    word = ""
    for ch in text:
        if ch == " " or wide(ch):
            if word:
                units.append(word)
                word = ""
            if ch == " " and units and units[-1].startswith(" "):
                units[-1] += ch
            else:
                units.append(ch)
        else:
            word += ch
    if word:
        units.append(word)
    return units


def _amount(unit: str) -> bool:
    return unit.lstrip("+-−").startswith("¥")


def _inside_a_word(units: list[str], i: int) -> bool:
    """Whether units[i - 1] and units[i] (two Chinese characters) are inside one of WORDS."""
    for size in range(2, LONGEST_WORD + 1):
        for first in range(max(i - size + 1, 0), i):
            chars = units[first:first + size]
            if len(chars) == size and "".join(chars) in WORDS:
                return True
    return False


QUOTES = {"“": "”", "（": "）", "(": ")", "「": "」", "《": "》"}


def _quoted(units: list[str]) -> set[int]:
    """The units inside quotes or brackets: a " · " there is part of a name ("“应急借款 · Rent gap”"), not
    a boundary between items."""
    inside, depth = set(), 0
    closers = set(QUOTES.values())
    for n, unit in enumerate(units):
        if depth:
            inside.add(n)
        depth = max(depth + sum(ch in QUOTES for ch in unit) - sum(ch in closers for ch in unit), 0)
    return inside


def _in_code(units: list[str]) -> set[int]:
    """The units inside `backticks`: a command or a bit of JSON is read whole ("`jiebei-tui terms / set`")."""
    inside, open_ = set(), False
    for n, unit in enumerate(units):
        if open_:
            inside.add(n)
        open_ ^= unit.count("`") % 2 == 1
    return inside


def _break_before(units: list[str], i: int, quoted: set[int] = frozenset(), code: set[int] = frozenset()) -> int:
    """How good a line break before units[i] is: ITEM between items, PHRASE at a phrase boundary, ACCEPTABLE,
    or NEVER. Two or more spaces separate items (figures laid out on a line), as does " · " outside quotes and
    brackets (`quoted`); a space inside backticks (`code`) is no place to break."""
    before, here = units[i - 1], units[i]
    if here.startswith(" "):
        return NEVER  # break after the spaces, not before them
    if before.startswith(" ") and i in code and i - 1 in code:
        return NEVER
    if before.startswith(" "):
        left, right = units[i - 2] if i >= 2 else "", here
        if len(before) > 1 or (right == "·" and units[i + 1:i + 2] == [" "] and i not in quoted):
            return ITEM
        if left == "·":
            return NEVER  # not a dot at a line's end: it goes with the item after it
        if left and _amount(right) and not _amount(left):
            return NEVER  # an amount stays with what it is the amount of ("本金 ¥483.23", "Prepaid ¥0.00")
        if left and _amount(left) and wide(right[0]):
            return ACCEPTABLE  # after an amount, before the next words ("利息 ¥22.64 / 及本金")
        if left and (wide(left[-1]) or wide(right[0])):
            return NEVER  # a space between Chinese and a number or word keeps them together ("第 1 天")
        return PHRASE
    if here[0] in CLOSING or before[-1] in OPENING:
        return NEVER
    if before[-1] in PHRASE_END or here[0] in OPENING or before.endswith("——"):
        return PHRASE
    if wide(before[-1]) and wide(here[0]):
        return NEVER if _inside_a_word(units, i) else ACCEPTABLE
    return NEVER  # Chinese against a Latin word with no space ("M1" in "逾期M1"): together


def wrap(text: str, size: int) -> list[str]:
    """`text` in lines of at most `size` columns (its own newlines kept). In a line too full to take the next
    word, the break goes at the last boundary between items if that leaves the line at least half full, else at
    the last phrase boundary if that does, else at the last place a break is acceptable, else the word is cut.
    (Not a third full for items: a loan's name has " · " in it too, "应急借款 · Rent gap", and a line of a
    reminder broke there, a third full.)"""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        lines += _wrap_paragraph(paragraph, max(size, 1))
    return lines


def _wrap_paragraph(text: str, size: int) -> list[str]:
    units = _units(text)
    quoted = _quoted(units) if "·" in text else set()
    code = _in_code(units) if "`" in text else set()
    lines: list[str] = []
    start = 0  # the first unit of the line being filled
    while start < len(units):
        if units[start].startswith(" "):
            start += 1
            continue
        used, i = 0, start
        while i < len(units) and used + width(units[i]) <= size:
            used += width(units[i])
            i += 1
        if i == len(units):
            lines.append("".join(units[start:]).rstrip())
            break
        if i == start:  # one word wider than the line: cut it
            cut = shorten_cut(units[start], size)
            lines.append(cut)
            units[start] = units[start][len(cut):]
            continue
        last: dict[int, tuple[int, int]] = {}  # grade: (the last place with it, the line's width up to there)
        filled = 0
        for j in range(start + 1, i + 1):
            filled += width(units[j - 1])
            grade = _break_before(units, j, quoted, code) if j < len(units) else ITEM
            if grade:
                last[grade] = (j, filled)
        full_enough = [last[g][0] for g in (ITEM, PHRASE) if g in last and last[g][1] * 2 >= size]
        if full_enough:
            end = full_enough[0]
        elif last:
            end = max(place for place, _ in last.values())
        else:
            end = i  # no acceptable place: cut where the line is full
            while end - 1 > start and units[end][0] in CLOSING:
                end -= 1  # not a comma at the start of the next line: take a character along with it
        lines.append("".join(units[start:end]).rstrip())
        start = end
    return lines or [""]


def shorten_cut(text: str, size: int) -> str:
    """The longest start of `text` that fits in `size` columns (at least one character)."""
    out = ""
    for ch in text:
        if out and width(out + ch) > size:
            break
        out += ch
    return out
