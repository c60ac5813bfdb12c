"""Session-wide fixtures: the real spaCy model is loaded once per test session."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def extractor():
    from extraction import Extractor

    return Extractor()
