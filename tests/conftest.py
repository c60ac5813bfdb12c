"""Session-wide fixtures: the real spaCy model is loaded once per test session."""

from __future__ import annotations

import os

import pytest

# The tests were written against English replies; LOCALE (default fr) is set to en for the
# whole session, bots started as processes included. Tests of French set it themselves.
os.environ["LOCALE"] = "en"


@pytest.fixture(scope="session")
def extractor():
    from extraction import Extractor

    return Extractor()
