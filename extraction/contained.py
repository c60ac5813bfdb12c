"""A rule component that fails on one article costs that article the component's records, not the
article: the statistical model's analysis and the other components' records are kept, and the
failure is one of the extraction's warnings (the bot stores the article and says so)."""

from __future__ import annotations

import functools
import logging
from typing import Callable

from spacy.tokens import Doc

log = logging.getLogger(__name__)

_ERRORS = "diplowatch_rule_errors"


def contained(name: str, empty: Callable[[Doc], None]):
    """Run a component; on an exception, log it, give the Doc the component's empty output
    (``empty``) and note the failure for ``rule_errors``."""
    def wrap(component: Callable[[Doc], Doc]) -> Callable[[Doc], Doc]:
        @functools.wraps(component)
        def run(doc: Doc) -> Doc:
            try:
                return component(doc)
            except Exception as exc:  # a rule's bug must not lose the article
                log.exception("the %s rules failed on an article", name)
                empty(doc)
                doc.user_data.setdefault(_ERRORS, []).append(f"the {name} rules failed: {type(exc).__name__}: {exc}"[:200])
                return doc
        return run
    return wrap


def rule_errors(doc: Doc) -> list[str]:
    """The failures ``contained`` noted on this Doc, in pipeline order."""
    return list(doc.user_data.get(_ERRORS, []))
