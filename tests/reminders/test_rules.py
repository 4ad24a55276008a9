"""Rules and settings a borrower types: duplicate rules and command templates refused with a sentence."""

from __future__ import annotations

import pytest

from jiebei_tui.domain.errors import InputError
from jiebei_tui.domain.reminder_settings import ReminderSettings, add_rule, edit_rule, parse_command


def test_a_rule_that_repeats_another_is_refused() -> None:
    settings = ReminderSettings()  # R1 D−3 09:00, R2 D−1 20:00, R3 D0 09:00, R4 D+1 10:00 daily
    with pytest.raises(InputError) as err:
        add_rule(settings, "-3", "09:00", "all", False, ["L1", "L2"])
    assert err.value.rule == "duplicate" and "reminder R1 already has this day, time, loans and repeat" in str(err.value)
    # the same loans in another order are the same loans; a different repeat or loan set is another rule
    with_loans, rid = add_rule(settings, "-2", "08:30", "L1,L2", False, ["L1", "L2"])
    with pytest.raises(InputError):
        add_rule(with_loans, "-2", "08:30", "L2,L1", False, ["L1", "L2"])
    assert add_rule(settings, "1", "10:00", "all", False, ["L1"])[1] == "R5"  # R4 repeats, this one does not
    assert add_rule(settings, "-3", "09:00", "L1", False, ["L1"])[1] == "R5"
    # editing a rule into another's copy is refused; editing it to itself changes nothing
    with pytest.raises(InputError) as edit:
        edit_rule(settings, "R3", "-3", "09:00", "all", False, ["L1"])
    assert "R1" in str(edit.value)
    assert edit_rule(settings, "R1", "-3", "09:00", "all", False, ["L1"]) is settings


@pytest.mark.parametrize(
    ("template", "rule", "says"),
    [
        ("mail -s {loan.nope} me@example.com", "command_placeholder", "{loan.nope} is not a placeholder"),
        ("sms {0}", "command_placeholder", "{0} is not a placeholder"),
        ("sms {}", "command_placeholder", "{} is not a placeholder"),
        ("sms {loan[0]}", "command_placeholder", "{loan[0]} is not a placeholder"),
        ("sms {amount:>10}", "command_placeholder", "{amount:>10} is not a placeholder"),
        ("sms {amount!r}", "command_placeholder", "{amount!r} is not a placeholder"),
        ("sms {name}", "command_placeholder", "the placeholders are {loan} {amount} {due_date} {days_overdue} {message}"),
        ('mail -s "{loan} {amount} me@example.com', "command_quote", "a quote in the command is not closed"),
        ("mail -s '{loan}", "command_quote", "not closed"),
        ("sms {loan", "command_brace", "a lone { or }"),
        ("sms loan}", "command_brace", "a lone { or }"),
        ("{loan} --now", "command_program", "the program to run must be written out"),
        ("sms\n{loan}", "command_control", "control character"),
    ],
)
def test_a_bad_command_template_is_refused_with_a_sentence(template: str, rule: str, says: str) -> None:
    with pytest.raises(InputError) as err:
        parse_command(template)
    assert err.value.field == "command" and err.value.rule == rule
    sentence = err.value.sentence("en")
    assert says in sentence and sentence.startswith("--command ") and "\n" not in sentence
    assert err.value.sentence("zh")  # and in Chinese


@pytest.mark.parametrize(
    "template",
    ['mail -s "{loan} {amount}" me@example.com', "sms {loan} {amount} {due_date} {days_overdue} {message}",
     "notify {{literal braces}} {loan}", "  logger -t jiebei '{message}'  ", ""],
)
def test_good_command_templates_are_kept(template: str) -> None:
    assert parse_command(template) == template.strip()
