"""Meetings: who met whom, from meeting words (data/meeting_triggers.tsv) and the people of their clause.

Passes, each in its module: ``triggers`` (meeting words and their kind), ``scope`` (the clause a
meeting word heads), ``participants`` (the people of that clause and those it refers back to),
``status`` (held or planned), ``places`` (where). ``component`` registers the
``diplowatch_meetings`` component, which leaves plain ``MeetingCandidate`` data on
``doc._.meeting_candidates``; dates are resolved and mentions of one encounter merged later
(extraction.assemble).
"""
