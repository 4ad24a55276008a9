"""Strings: repay (where a part-prepayment goes: the overdue, the running instalment, then principal).
key → (English, 中文)."""

STRINGS: dict[str, tuple[str, str]] = {
    # --- the section with no loan yet ---
    "repay.need_loans": (
        "Nothing to repay yet: add a loan ({press}), then pay, settle or prepay it here.",
        "暂无可还的借款：请先添加一笔（按 {press}），再在这里还款、结清或提前还款。",
    ),
    "repay.paid_off": (
        "Loan {loan} is paid off: nothing to pay, settle or prepay.",
        "借款 {loan} 已结清：无需还款、结清或提前还款。",
    ),
    # --- where a prepayment goes, in the order the rules apply it (text/prepay.py) ---
    "prepay.split": ("Of {amount}: {parts}.", "{amount} 中：{parts}。"),
    "prepay.part.overdue": ("{overdue} first clears what is overdue", "{overdue} 先还清逾期欠款"),
    "prepay.part.completes": (
        "{paid} completes instalment {no} (its interest to {date}, {interest}, and its principal, {principal})",
        "{paid} 还清第 {no} 期（计到 {date} 的利息 {interest} 及本金 {principal}）",
    ),
    "prepay.part.completes_principal": (
        "{paid} completes instalment {no} (its principal; no interest has run yet)",
        "{paid} 还清第 {no} 期（本金；尚未产生利息）",
    ),
    "prepay.part.completes_interest": (
        "{paid} completes instalment {no} (its interest to {date})",
        "{paid} 还清第 {no} 期（计到 {date} 的利息）",
    ),
    "prepay.part.pays_part": (
        "{paid} pays only part of instalment {no} (completing it on {date} takes {due})",
        "{paid} 只还了第 {no} 期的一部分（{date} 还清该期需 {due}）",
    ),
    "prepay.part.nothing_due": ("nothing is due in instalment {no} yet", "第 {no} 期尚无应还金额"),
    "prepay.part.prepays": ("the remaining {prepaid} prepays principal", "剩余 {prepaid} 提前偿还本金"),
    "prepay.part.prepays_all": ("all {prepaid} prepays principal", "全部 {prepaid} 提前偿还本金"),
    "prepay.part.prepays_fee": (
        "the remaining {rest} prepays {prepaid} of principal and pays a fee of {fee}",
        "剩余 {rest} 提前偿还本金 {prepaid}，并支付手续费 {fee}",
    ),
    "prepay.part.nothing_left": ("nothing is left to prepay principal", "没有余额用于提前还本金"),
    "prepay.paid_once": ("Instalment {no} is then paid: don't pay it again.", "第 {no} 期随之还清，不必再单独还。"),
    "prepay.more_to_prepay": (
        "To prepay principal, pay more than {due_now} on {date}.",
        "要提前还本金，{date} 的金额须大于 {due_now}。",
    ),
    "prepay.as_planned": (
        "As the plan stands (instalment {running} paid on its due date), instalment {no} ({date}) asks {was}; "
        "the table shows what it asks after this payment.",
        "按现有计划（第 {running} 期在到期日还），第 {no} 期（{date}）需还 {was}；表中为本次还款后的金额。",
    ),
    "prepay.nothing_prepaid_same": (
        "Nothing is prepaid, so both give the same result.",
        "没有提前还本金，两种方式结果相同。",
    ),
    "repay.next_asks": ("Instalment {no} then asks", "第 {no} 期届时需还"),
    "label.to_running": ("To instalment {no} (interest and principal)", "用于第 {no} 期（利息及本金）"),
    "label.prepaid_principal": ("Prepays principal", "提前偿还本金"),
    "label.prepayment_fee_paid": ("Prepayment fee", "提前还款手续费"),
}
