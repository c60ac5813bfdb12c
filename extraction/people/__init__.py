"""The people model of an article: who is mentioned, under which names and roles.

- ``model``: the plain data (``Mention``, ``Person``) attached to the Doc;
- ``roles``: role phrases, their country, organisation and gender;
- ``names``: name spans and the canonical spelling of each name;
- ``descriptions``: role phrases without a name (unnamed parties, descriptions of named people);
- ``coref``: the clustering of mentions into persons;
- ``anaphora``: pronouns and relative pronouns resolved on demand.

The ``diplowatch_people`` component (``extraction.people.component``) fills ``doc._.mentions``
and ``doc._.persons``; speakers and participants are drawn only from these and from institutions.
"""

from .model import Mention, Person, sent_bounds

__all__ = ["Mention", "Person", "sent_bounds"]
