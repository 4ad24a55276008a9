"""Every user-facing string in zh and en, number and date formats, formula explanations."""
