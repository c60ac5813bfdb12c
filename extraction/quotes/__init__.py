"""Quotes: direct (between quotation marks) and reported (verb of saying + content), with speakers.

Passes, each in its module: ``extraction.marks`` (quotation marks on the characters),
``reported`` (verbs of saying and their content), ``according`` ("selon X", "according to X"),
``direct`` (direct quotations and their speakers), ``speakers`` (who a subject is: a person of the
people model, an unnamed role holder or an institution, nothing else), ``grammar`` (subjects and
clauses of reporting verbs). ``component`` registers the ``diplowatch_quotes`` component.
"""
