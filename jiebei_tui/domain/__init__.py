"""The loan rules, pure: no Textual, no files, no clock. "Today" is always passed in.

One file per idea: money (rounding), errors (what bad input says), terms (a loan and the product terms),
schedule (due dates and instalments), apr, replay (the account: what a payment does, what is owed on a date),
simulate (settle, prepay, any payment, previewed), overdue (penalty and stages), outlook (overdue across
instalments), ledger (the borrower's file, as data), corrections (void, edit, loan edit), debits (auto-debit
confirmed), demo, consequences, reminders. After a missed payment: afford (paying only a monthly budget),
request (what to ask the lender), hardship (both), restructure (an agreed new plan), contacts (the collection
contact log, its rules and promises to pay), credit_record (what the credit record will show, and how long).
"""
