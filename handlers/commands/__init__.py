"""The slash commands, one module per family; each module ends with its `COMMANDS`, which
`handlers.registry` collects. A command is a plain function of a `Context` and its typed
arguments that returns a `Reply` and raises a `UserError` for anything the user can fix."""

from handlers.words import tr

SUBJECT = "a country (kazakhstan, KZ, kazakh) or a person (Wang Yi)"
SUBJECT_FR = "un pays (kazakhstan, KZ, kazakh) ou une personne (Wang Yi)"
DATE = "YYYY-MM-DD, YYYY-MM or YYYY"
DATE_FR = "AAAA-MM-JJ, AAAA-MM ou AAAA"
LIST_LIMIT = 200  # entries in one answer (25 pages): a longer list is narrowed, not paged through


def loading_note(ctx) -> str:
    """Said with an empty answer while articles are still being read."""
    if ctx.loading:
        return tr(" The language model is still loading; new articles are not read yet.")
    return ""


def bounded(entries: list, narrow: str) -> tuple[tuple, str]:
    """At most LIST_LIMIT entries, and the sentence that says so when some are left out
    (`narrow`: how to ask for fewer)."""
    if len(entries) <= LIST_LIMIT:
        return tuple(entries), ""
    return tuple(entries[:LIST_LIMIT]), tr(" The first {n} are shown: {narrow}.", n=LIST_LIMIT, narrow=tr(narrow))
