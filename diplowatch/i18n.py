"""The words of the replies in English and French: a message catalogue, and the choice of
language from a Discord locale ("fr", "en-US") or the LOCALE setting.

The English text is the key (``diplowatch/data/messages.tsv``: English, tab, French), so a
reply reads the same in the code as in English, and a key missing from the catalogue falls
back to English instead of failing.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Literal

Language = Literal["en", "fr"]
LANGUAGES: tuple[Language, ...] = ("en", "fr")
MESSAGES_PATH = Path(__file__).parent / "data" / "messages.tsv"


def language_of(locale: str | None, default: Language = "en") -> Language:
    """"fr", "fr-FR", "fr_CA" are French; "en-US", "en-GB" English; anything else the default."""
    code = (locale or "").strip().lower().replace("_", "-").split("-")[0]
    return code if code in LANGUAGES else default  # type: ignore[return-value]


@cache
def catalogue() -> dict[str, str]:
    """English text -> French text, from the data file."""
    found: dict[str, str] = {}
    for line in MESSAGES_PATH.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        english, _, french = line.partition("\t")
        if french:
            found[english] = french
    return found


def translate(text: str, language: Language, /, **fields: object) -> str:
    """`text` in the language, its {fields} filled in: translate("{n} sources", "fr", n=3)."""
    if language == "fr":
        text = catalogue().get(text, text)
    return text.format(**fields) if fields else text
