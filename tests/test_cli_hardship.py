"""The missed-payment commands (issue 12) against the figures worked by hand in phase A (tests/domain/test_afford.py,
test_request.py, test_contacts.py, test_credit_record.py): domain.md's loan, 10,000.00 at 0.04%/day over 12
months, equal instalments of 900.41, drawn 2025-01-10, instalment 1 (776.41 + 124.00) unpaid, today 2025-02-16:
six days late. Penalty rate 0.06%/day."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest

from tests.conftest import EI

TODAY = "2025-02-16"


@pytest.fixture
def late(cli) -> None:
    """The seed's case: the worked loan, nothing paid, six days late today."""
    assert cli("loans", "add", "--name", "Rent gap", *EI, today="2025-01-10").code == 0


def run(cli, *args: str, lang: str = "en"):
    result = cli(*args, today=TODAY, lang=lang)
    assert result.code == 0, result.err
    return result


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


# --- hardship --budget: the plan month by month ---


def test_a_loan_six_days_late_and_1000_a_month(cli, late) -> None:
    data = run(cli, "hardship", "--budget", "1000", "--json").json()
    months = data["months"]
    # each budget day the 16th; the penalty paid shrinks as the unpaid part does (worked by hand in test_afford)
    assert [m["on"] for m in months][:3] == ["2025-02-16", "2025-03-16", "2025-04-16"] and len(months) == 11
    assert [m["penalty_paid"] for m in months] == ["3.25", "2.89", "2.54", "2.17", "1.81", "1.45", "1.08", "0.69",
                                                   "0.31", "0.00", "0.00"]
    assert [m["owed_after"] for m in months][:3] == ["9149.39", "8253.01", "7356.39"]
    # the stage each month: five days late by each month's end until October, then nothing overdue
    assert [m["stage"] for m in months] == ["M1"] * 8 + ["M0"] * 3
    assert [m["loans"][0]["overdue_end"] for m in months][:3] == [[2], [3], [4]]
    assert all(m["loans"][0]["overdue_after"] == [] for m in months)  # each budget day clears what is overdue
    [loan] = data["loans"]
    assert (loan["cleared_month"], loan["cleared_on"], loan["paid"], loan["penalty_paid"], loan["interest_paid"]) == (
        11, "2025-12-16", "10761.30", "16.19", "745.11")
    assert (loan["months_overdue"], loan["worst_stage"], loan["owed_now"]) == (8, "M1", "10149.39")
    assert (data["cleared"], data["months_to_clear"], data["illustrative"]) == (True, 11, True)
    # paying the budget never leaves more owed than paying nothing
    assert data["owed_at_end"] == "0.00" and float(data["owed_if_nothing_paid"]) > 10149.39


def test_the_plan_in_words_in_both_languages(cli, late) -> None:
    en = run(cli, "hardship", "--budget", "1000").out
    assert "Paying only ¥1,000.00 a month from 2025-02-16" in en and "illustrative" in en
    assert "month 11 (2025-12-16)" in en and "¥10,761.30 paid in all, ¥16.19 of it penalty" in en
    zh = run(cli, "hardship", "--budget", "1000", lang="zh").out
    assert "每月只还 ¥1,000.00" in zh and "第 11 个月（2025-12-16）" in zh and "示例" in zh


def test_a_budget_below_the_overdue_lets_the_stage_rise(cli, late) -> None:
    data = run(cli, "hardship", "--budget", "300", "--months", "4", "--json").json()
    first = data["months"][0]["loans"][0]
    # 300 of 903.66: penalty 3.25, interest 124.00, principal 172.75 of instalment 1, which stays overdue
    assert (first["penalty_paid"], first["interest_paid"], first["principal_paid"]) == ("3.25", "124.00", "172.75")
    assert first["overdue_after"] == [1]
    assert [m["stage"] for m in data["months"]] == ["M2", "M3", "M3+", "M3+"]
    assert data["cleared"] is False and data["months_to_clear"] is None
    text = run(cli, "hardship", "--budget", "300", "--months", "4").out
    assert "L1 #1" in text and "not within the plan" in text


# --- the request, with the figures the lender would see ---


def test_the_request_for_500_a_month(cli, late) -> None:
    [request] = run(cli, "hardship", "--budget", "500", "--json").json()["requests"]
    assert (request["principal_outstanding"], request["unpaid_interest"], request["penalty"]) == (
        "10000.00", "146.14", "3.25")
    assert (request["penalty_waived"], request["interest_waived"], request["illustrative"]) == ("3.25", "0.00", True)
    term, fixed = request["options"]
    # the fewest months whose equal instalment is within 500: 24 × 488.59 (test_request.py, by hand)
    assert (term["kind"], term["term"], term["installment"], term["principal"], term["total_interest"],
            term["last_due"]) == ("term", 24, "488.59", "10146.14", "1580.09", "2027-02-10")
    # the budget itself each month: 24 months, the last 184.12, less interest: the one to lead with
    assert (fixed["kind"], fixed["term"], fixed["installment"], fixed["last_installment"], fixed["total_interest"],
            fixed["best"]) == ("installment", 24, "500.00", "184.12", "1537.98", True)
    text = run(cli, "hardship", "--budget", "500").out
    assert "24 × ¥488.59" in text and "24 × ¥500.00 (last ¥184.12)" in text and "¥3.25: asked to be waived" in text
    kept = run(cli, "hardship", "--budget", "500", "--keep-penalty", "--json").json()["requests"][0]
    assert kept["penalty_waived"] == "0.00" and kept["options"][1]["principal"] == "10149.39"


# --- the letter ---


def test_the_letter_in_both_languages_saved_0600(cli, late, tmp_path: Path) -> None:
    en_file, zh_file = tmp_path / "letters" / "en.txt", tmp_path / "letters" / "zh.txt"
    out = run(cli, "hardship", "--budget", "500", "--letter", str(en_file), "--name", "Li Lei",
              "--reason", "I lost my job.").out
    assert "saved in" in out and str(en_file) in out
    en = en_file.read_text()
    assert mode(en_file) == 0o600 and mode(en_file.parent) == 0o700
    assert en.startswith("Request for a repayment arrangement")
    assert "instalment 1 is 6 days overdue: ¥776.41 of principal, ¥124.00 of interest and ¥3.25 of penalty " \
           "interest unpaid. In all I owe ¥10,149.39" in en
    assert "in 24 monthly instalments of ¥500.00 (the last ¥184.12)" in en and "waive the ¥3.25 of penalty" in en
    assert "My circumstances: I lost my job." in en and "Li Lei    Date: 2025-02-16" in en
    run(cli, "hardship", "--budget", "500", "--letter", str(zh_file), "--lang", "zh", "--name", "李雷")
    zh = zh_file.read_text()
    assert mode(zh_file) == 0o600 and zh.startswith("协商还款申请书")
    assert "分 24 期按月偿还，每期 ¥500.00（最后一期 ¥184.12）" in zh and "减免罚息 ¥3.25" in zh
    assert "申请人：李雷    日期：2025-02-16" in zh


def test_the_letter_printed_asks_for_a_longer_term_when_told(cli, late) -> None:
    out = run(cli, "hardship", "--budget", "500", "--letter", "--ask", "term").out
    letter = out[out.index("Request for a repayment arrangement"):]
    assert "in 24 monthly instalments of ¥488.59" in letter
    data = run(cli, "hardship", "--budget", "500", "--letter", "--lang", "zh", "--json").json()
    assert data["letter"]["lang"] == "zh" and data["letter"]["path"] is None
    assert data["letter"]["text"].startswith("协商还款申请书")


def test_letter_options_without_a_letter_or_a_loan_left_nothing(cli, late) -> None:
    result = cli("hardship", "--budget", "500", "--name", "x", today=TODAY)
    assert result.code == 2 and "--name" in result.err and "--letter" in result.err
    other = ["--name", "Phone", "--principal", "6000", "--daily-rate", "0.0003", "--term", "12", "--method",
             "equal-installment", "--start", "2025-02-01"]
    assert cli("loans", "add", *other, today=TODAY).code == 0
    # 100 a month leaves nothing for the phone once the worked loan's next instalment is kept
    result = cli("hardship", "--budget", "100", "--letter", "--loan", "L2", today=TODAY)
    assert result.code == 2 and "--loan" in result.err and result.out == ""


# --- loans restructure: preview, then record ---


def test_restructure_preview_writes_nothing_then_apply_records_it(cli, late, data_dir: Path) -> None:
    before = (data_dir / "ledger.json").read_bytes()
    preview = run(cli, "loans", "restructure", "L1", "--on", TODAY, "--installment", "500", "--waive-penalty",
                  "--json").json()
    assert (data_dir / "ledger.json").read_bytes() == before
    assert (preview["applied"], preview["event"], preview["closed_installments"]) == (False, None, [1, 2])
    assert (preview["penalty"], preview["waived"], preview["new_principal"]) == ("3.25", "3.25", "10146.14")
    assert (len(preview["installments"]), preview["last_installment"], preview["total_interest"]) == (
        24, "184.12", "1537.98")  # what the request asked for
    text = run(cli, "loans", "restructure", "L1", "--on", TODAY, "--installment", "500", "--waive-penalty").out
    assert "Preview only" in text and "¥3.25 — waived" in text
    applied = run(cli, "loans", "restructure", "L1", "--on", TODAY, "--installment", "500", "--waive-penalty",
                  "--apply", "--json").json()
    assert applied["applied"] and applied["event"] == "E1"
    state = run(cli, "status", "L1", "--json").json()["loans"][0]
    assert (state["days_overdue"], state["next_due_date"], state["next_due_amount"]) == (0, "2025-03-10", "500.00")
    # reminders follow the new plan: the next is for instalment 3, due 2025-03-10, ¥500.00
    coming = run(cli, "remind", "list", "--days", "30", "--now", "2025-02-16T12:00", "--json").json()
    assert {(o["installment"], o["due_date"]) for o in coming} == {(3, "2025-03-10")}
    assert {o["amount"] for o in coming if o["fire_at"] < "2025-03-11"} == {"500.00"}  # D-3, D-1, D0
    undone = run(cli, "undo").out
    assert "restructure E1 of L1 from 2025-02-16 (24 instalments)" in undone
    assert run(cli, "status", "L1", "--json").json()["loans"][0]["days_overdue"] == 6


def test_restructure_names_the_instalments_it_closes_and_replaces_not_a_count(cli, late) -> None:
    """On 2025-02-16 the worked loan (12 instalments, nothing paid) has instalment 1 overdue (due 02-10) and
    instalment 2 running since 02-10 (6 days of interest): the agreement closes those two; instalments 3–12 have
    not begun and the new plan (24 × 500) takes their place, numbered on from the old plan: 3–26."""
    args = ("loans", "restructure", "L1", "--on", TODAY, "--installment", "500", "--waive-penalty")
    data = run(cli, *args, "--json").json()
    assert (data["closed_installments"], data["closed_overdue"], data["closed_current"]) == ([1, 2], [1], 2)
    assert data["replaced_installments"] == list(range(3, 13))
    assert [i["no"] for i in data["installments"]] == list(range(3, 27))
    en = run(cli, *args).out
    assert "Old instalments it closes    instalment 1 (overdue); instalment 2 (current)" in en
    assert "Old instalments it replaces  instalments 3–12, not yet due" in en
    assert "New plan                     instalments 3–26: 24 × ¥500.00" in en
    zh = run(cli, *args, lang="zh").out
    assert "结束的原分期          第 1 期（逾期）；第 2 期（当期）" in zh
    assert "由新计划取代的原分期  第 3–12 期，尚未到期" in zh
    assert "新计划                第 3–26 期：24 期 × ¥500.00" in zh


def test_restructure_with_an_instalment_bigger_than_the_debt_is_one_instalment_of_the_real_amount(cli, late) -> None:
    """By hand: new principal 10,000.00 + 146.14 interest + 3.25 penalty = 10,149.39, due 2025-03-10 (22 days):
    interest 10,149.39 x 0.04% x 22 = 89.31, so one instalment of 10,238.70 repays it all; 1,000,000 a month
    is that one instalment, shown and recorded as the real amount (as --installment 10238.70 is)."""
    args = ("loans", "restructure", "L1", "--on", TODAY, "--installment", "1000000")
    data = run(cli, *args, "--json").json()
    assert (data["regular_amount"], data["last_installment"], data["plan"]["installment"]) == ("10238.70",) * 3
    text = run(cli, *args).out
    assert "New plan                     instalment 3: 1 × ¥10,238.70, 2025-03-10 → 2025-03-10" in text
    assert "1,000,000" not in text and "(last" not in text
    assert text == run(cli, "loans", "restructure", "L1", "--on", TODAY, "--installment", "10238.70").out
    applied = run(cli, *args, "--apply", "--json").json()
    assert applied["applied"] and applied["plan"]["installment"] == "10238.70"


def test_a_prepayment_too_small_to_repay_any_principal_says_so_truly(cli, late) -> None:
    """By hand: overdue instalment 1 is 900.41 + penalty 3.25 = 903.66; interest accrued on 9,223.59 over the 6
    days since 02-10 is 9,223.59 x 0.04% x 6 = 22.14; so 925.80 repays no principal at all, and 1,000 repays
    1,000 - 925.80 = 74.20 of it (through instalment 2, not yet a prepayment of principal)."""
    en = cli("prepay", "--loan", "L1", "--amount", "900", today=TODAY)
    assert en.code == 2 and en.out == ""
    assert ("a prepayment must be more than ¥925.80 (anything overdue plus the interest accrued to that day, "
            "¥22.14), since up to that amount it repays no principal at all.") in en.err
    zh = cli("prepay", "--loan", "L1", "--amount", "900", today=TODAY, lang="zh")
    assert "须大于 ¥925.80（逾期欠款加上当日应计利息 ¥22.14），因为不超过这个金额时一分本金也不会偿还" in zh.err
    data = run(cli, "prepay", "--loan", "L1", "--amount", "1000", "--json").json()
    assert (data["overdue_cleared"], data["accrued_interest"], data["principal_reduction"]) == ("903.66", "22.14", "74.20")


def test_a_bad_report_day_names_the_word_to_type_when_it_is_not_known(cli, late) -> None:
    en = cli("credit", "--report-day", "0", today=TODAY)
    assert en.code == 2 and "or type unknown (or leave it empty) if you do not know it." in en.err
    zh = cli("credit", "--report-day", "0", today=TODAY, lang="zh")
    assert zh.code == 2 and "；不知道时请输入 unknown（或留空）。" in zh.err
    assert json.loads(run(cli, "credit", "--report-day", "unknown", "--json").out)["report_day"] is None


def test_restructure_principal_and_its_overdue_part_read_in_each_language(cli, late) -> None:
    """Instalment 1's principal 776.41 is overdue of the 10,000.00 outstanding; 中文 puts no space before （."""
    args = ("loans", "restructure", "L1", "--on", TODAY, "--term", "12")
    assert "Principal outstanding        ¥10,000.00 (¥776.41 of it overdue)" in run(cli, *args).out
    zh = run(cli, *args, lang="zh").out
    assert "剩余本金              ¥10,000.00（其中逾期 ¥776.41）" in zh and " （" not in zh


def test_restructure_refusals_name_the_option(cli, late, data_dir: Path) -> None:
    before = (data_dir / "ledger.json").read_bytes()
    for args, option in [
        (("--on", TODAY), "--term"),
        (("--on", "2025-02-17", "--term", "12"), "--on"),
        (("--on", TODAY, "--term", "61"), "--term"),
        (("--on", TODAY, "--installment", "50"), "--installment"),
        (("--on", TODAY, "--term", "12", "--first-due", "2025-02-16"), "--first-due"),
        (("--on", TODAY, "--term", "12", "--daily-rate", "0.2%"), "--daily-rate"),
    ]:
        result = cli("loans", "restructure", "L1", *args, "--apply", today=TODAY)
        assert result.code == 2 and option in result.err and result.out == "", (args, result.err)
    assert (data_dir / "ledger.json").read_bytes() == before


# --- contacts ---


def test_a_contact_at_22_30_is_flagged_with_its_rule(cli, late) -> None:
    out = run(cli, "contacts", "add", "--loan", "L1", "--at", "2025-02-15 22:30", "--channel", "phone",
              "--from", "Collector 400-000").out
    assert "Recorded contact C1" in out and "at 22:30, between 22:00 and 08:00" in out
    assert "China Banking Association" in out and "Illustrative" in out
    [contact] = run(cli, "contacts", "list", "--json").json()["contacts"]
    assert [f["rule"] for f in contact["flags"]] == ["night"]
    assert contact["flags"][0]["sources"] == ["cba_2026", "nifa_2024"] and contact["days_overdue"] == 5
    zh = run(cli, "contacts", "list", lang="zh").out
    assert "时间 22:30，在 22:00 至 08:00 之间" in zh


def test_the_seventh_unanswered_call_of_a_day_and_a_call_to_a_relative(cli, late) -> None:
    for hour in range(9, 16):  # seven unanswered calls, 09:00 … 15:00
        run(cli, "contacts", "add", "--loan", "L1", "--at", f"2025-02-14 {hour:02d}:00", "--channel", "phone",
            "--from", "400-000")
    run(cli, "contacts", "add", "--loan", "L1", "--at", "2025-02-14 16:00", "--channel", "phone", "--from", "400-000",
        "--answered")
    out = run(cli, "contacts", "add", "--loan", "L1", "--at", "2025-02-14 17:00", "--channel", "third-party",
              "--from", "Agency X", "--note", "Called my mother about the debt").out
    assert "contact with a third party" in out
    found = run(cli, "contacts", "list", "--json").json()["contacts"]
    assert [c["call_number"] for c in found] == [1, 2, 3, 4, 5, 6, 7, None, None]
    assert {c["id"]: [f["rule"] for f in c["flags"]] for c in found if c["flags"]} == {
        "C7": ["calls"], "C9": ["third_party"]}
    assert found[6]["flags"][0]["text"] == "unanswered call 7 of 2025-02-14 to this number: at most 6 a day"
    flagged = run(cli, "contacts", "list", "--flagged", "--json").json()["contacts"]
    assert [c["id"] for c in flagged] == ["C7", "C9"]
    text = run(cli, "contacts", "list", "--flagged").out
    assert "C7" in text and "C1 " not in text and "Called my mother" in text


def test_a_promise_becomes_one_reminder(cli, late) -> None:
    out = run(cli, "contacts", "add", "--loan", "L1", "--at", "2025-02-16 11:00", "--channel", "phone",
              "--from", "Collector Wang", "--answered", "--promise", "300", "--promise-date", "2025-02-18").out
    assert "becomes a reminder on 2025-02-18" in out
    coming = run(cli, "remind", "list", "--days", "7", "--now", "2025-02-16T12:00", "--json").json()
    promised = [o for o in coming if "promised" in o["message"]]
    assert [(o["due_date"], o["amount"], o["message"]) for o in promised] == [
        ("2025-02-18", "300.00", "Rent gap: you promised Collector Wang to pay ¥300.00 today (2025-02-18).")]


def test_contact_refusals_and_remove(cli, late, data_dir: Path) -> None:
    base = ["contacts", "add", "--loan", "L1", "--channel", "phone", "--from", "X"]
    for args, option in [
        (("--at", "2025-02-17 10:00"), "--at"),
        (("--at", "2025-02-15"), "--at"),
        (("--at", "2025-02-15 10:00", "--promise", "500"), "--promise-date"),
        (("--at", "2025-02-15 10:00", "--promise-date", "2025-02-20"), "--promise"),
        (("--at", "2025-02-15 10:00", "--promise", "500", "--promise-date", "2025-02-14"), "--promise-date"),
    ]:
        result = cli(*base, *args, today=TODAY)
        assert result.code == 2 and option in result.err, (args, result.err)
    result = cli("contacts", "add", "--loan", "L1", "--at", "2025-02-15 10:00", "--channel", "email", "--from", "X",
                 today=TODAY)
    assert result.code == 2 and "--channel" in result.err and "third-party" in result.err
    assert not (data_dir / "ledger.json.bak.2").exists()  # nothing written beyond the loan
    run(cli, *base, "--at", "2025-02-15 10:00")
    assert run(cli, "contacts", "remove", "C1").out.startswith("Removed contact C1")
    result = cli("contacts", "remove", "C1", today=TODAY)
    assert result.code == 2 and "ID" in result.err


def test_the_record_for_a_complaint(cli, late, tmp_path: Path) -> None:
    run(cli, "contacts", "add", "--loan", "L1", "--at", "2025-02-15 22:30", "--channel", "phone", "--from", "X")
    run(cli, "pay", "L1", "--amount", "100")
    md, csv = tmp_path / "out" / "record.md", tmp_path / "out" / "record.csv"
    out = run(cli, "contacts", "report", "--loan", "L1", "--out", str(md)).out
    assert "1 contact, 1 breaking a rule, 1 payment." in out
    text = md.read_text()
    assert mode(md) == 0o600 and text.startswith("# Collection contact record — Rent gap (L1)")
    assert "at 22:30, between 22:00 and 08:00" in text and "¥100.00" in text
    data = run(cli, "contacts", "report", "--loan", "L1", "--out", str(csv), "--csv", "--json").json()
    assert (data["format"], data["contacts"], data["flagged"], data["payments"]) == ("csv", 1, 1, 1)
    rows = csv.read_text().splitlines()
    assert rows[0].startswith("record,id,loan,at") and rows[1].startswith("contact,C1,L1,2025-02-15 22:30,phone")
    assert run(cli, "contacts", "report", lang="zh").out.startswith("# 催收联系记录")


# --- the credit record ---


def test_the_credit_timeline_with_and_without_a_reporting_day(cli, late, data_dir: Path) -> None:
    [loan] = run(cli, "credit", "--json").json()["loans"]
    assert (loan["pay_by"], loan["pay_amount"], loan["due_by"], loan["next_report"]) == (
        TODAY, "903.66", "2025-03-10", None)
    # current again after 03-10 (nothing paid before): 900.41 + 28 days' penalty (13.04 + 2.08) + instalment 2 900.41
    assert loan["due_amount"] == "1815.94"
    assert loan["episodes"] == [{"start": "2025-02-11", "end": None, "days": 6, "installments": [1], "reported_on": [],
                                 "kept_until": None}]
    data = run(cli, "credit", "--report-day", "20", "--json").json()
    assert data["saved"] is True and data["report_day"] == 20
    [loan] = data["loans"]
    # on the 20th, nothing more paid, 10 days late; paid on the 19th (9 days late) it does not show: 905.27
    assert loan["next_shows"] == {"on": "2025-02-20", "days_overdue": 10, "stage": "M1", "code": "1",
                                  "amount_overdue": "905.81", "paid_off": False}
    assert (loan["pay_by"], loan["pay_amount"], loan["kept_until_if_paid_by"]) == ("2025-02-19", "905.27", "2030-02-19")
    text = run(cli, "credit", "--loan", "L1").out
    assert "pay ¥905.27 by 2025-02-19" in text and "day 20 of each month" in text and "Illustrative" in text
    saved = (data_dir / "ledger.json").read_bytes()
    assert "already" in run(cli, "credit", "--report-day", "20").out
    assert (data_dir / "ledger.json").read_bytes() == saved
    assert json.loads(run(cli, "credit", "--report-day", "off", "--json").out)["report_day"] is None
    zh = run(cli, "credit", lang="zh").out
    assert "征信记录" in zh and "最晚在 2025-02-16 还 ¥903.66" in zh
    assert "恢复正常" in zh and "最晚在 2025-03-10 还 ¥1,815.94" in zh and "完全不逾期" not in zh
    # every status code, 1 to 7, in both languages and in the JSON
    for n, band in enumerate(("1–30", "31–60", "61–90", "91–120", "121–150", "151–180"), start=1):
        assert f"{n}——逾期 {band} 天" in zh
    assert "7——逾期 180 天以上" in zh
    en = run(cli, "credit").out
    assert "5 — 121–150 days overdue · 6 — 151–180 days overdue · 7 — over 180 days overdue · C — closed" in en
    assert "Current again" in en and "pay ¥1,815.94 by 2025-03-10 if nothing is paid before" in en
    codes = run(cli, "credit", "--json").json()["status_codes"]
    assert [c["code"] for c in codes] == ["N", "1", "2", "3", "4", "5", "6", "7", "C"]
    assert codes[5] == {"code": "5", "means": "overdue", "days_overdue_from": 121, "days_overdue_to": 150}
    assert codes[7]["days_overdue_to"] is None and codes[8]["means"] == "closed"
    result = cli("credit", "--report-day", "32", today=TODAY)
    assert result.code == 2 and "--report-day" in result.err


def test_never_overdue_names_what_to_pay_by_the_due_date(cli, late) -> None:
    """Instalment 1 cleared today (903.66): nothing overdue, so "never overdue" names instalment 2's amount,
    797.11 + 103.30 = 900.41, payable by its due date 2025-03-10."""
    run(cli, "pay", "L1", "--amount", "903.66")
    [loan] = run(cli, "credit", "--json").json()["loans"]
    assert (loan["overdue_now"], loan["due_by"], loan["due_amount"]) == (False, "2025-03-10", "900.41")
    assert "Never overdue" in (en := run(cli, "credit").out)
    assert "pay ¥900.41 by 2025-03-10: the instalment due that day" in en
    assert "完全不逾期" in (zh := run(cli, "credit", lang="zh").out) and "最晚在 2025-03-10 还 ¥900.41：当期应还" in zh


def test_a_letter_no_budget_leaves_room_for_names_the_budget(cli, late) -> None:
    """Without --loan, "nothing to offer" named --loan, which was not typed: the budget is what to change."""
    assert cli("loans", "add", "--name", "Other", *EI, today="2025-01-10").code == 0
    r = cli("hardship", "--budget", "1", "--letter", today=TODAY)
    assert r.code == 2 and r.err.startswith('--budget "') and "give a larger --budget" in r.err, r.err
    r = cli("hardship", "--budget", "1", "--letter", "--loan", "L2", today=TODAY)
    assert r.code == 2 and r.err.startswith('--loan "L2"'), r.err
