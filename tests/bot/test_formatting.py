"""The one formatter: replies become embeds within every Discord limit, with someone else's text
made inert. Each message is also checked by the stand-in's own validator (Discord's rules)."""

from __future__ import annotations

import re

import discord
import pytest

from bot.formatting import (
    CONTENT,
    DESCRIPTION,
    EMBED_TOTAL,
    EMBEDS_PER_MESSAGE,
    FIELD_NAME,
    FIELD_VALUE,
    FIELDS,
    FOOTER,
    NO_MENTIONS,
    TITLE,
    cut,
    embed_of,
    embeds_of,
    files_of,
    message_batches,
    pages_of,
)
from handlers.replies import Attachment, Entry, Reply
from tests.discord_standin.validate import check_message

PROSE = "Le président kazakh a rencontré le ministre chinois à Astana pour parler de coopération. "


def words(n: int) -> str:
    """n words of plausible article prose."""
    return " ".join((PROSE * (n // 14 + 1)).split()[:n])


def assert_discord_accepts(embeds: list[discord.Embed]) -> None:
    body = {"embeds": [e.to_dict() for e in embeds], "allowed_mentions": NO_MENTIONS.to_dict()}
    assert check_message(body, n_files=0, creating=True) is None, check_message(body, n_files=0, creating=True)


def assert_within_limits(embed: discord.Embed) -> None:
    assert len(embed.title or "") <= TITLE
    assert len(embed.description or "") <= DESCRIPTION
    assert len(embed.fields) <= FIELDS
    for field in embed.fields:
        assert 0 < len(field.name) <= FIELD_NAME and 0 < len(field.value) <= FIELD_VALUE
    assert len(embed.footer.text or "") <= FOOTER
    assert len(embed) <= EMBED_TOTAL


# -- cutting --------------------------------------------------------------------------


@pytest.mark.parametrize("limit", [50, TITLE, FIELD_VALUE, CONTENT, DESCRIPTION])
def test_cut_at_a_word_with_an_ellipsis(limit):
    text = words(2000)
    out = cut(text, limit)
    assert len(out) <= limit and out.endswith("…")
    kept = out[:-1]
    assert text.startswith(kept)
    assert text[len(kept)] in " ,;:."  # it stopped at the end of a word, not inside one


def test_cut_leaves_short_text_alone_and_hard_cuts_a_single_long_word():
    assert cut("  Astana  ", 10) == "Astana"
    assert cut("x" * 300, 256) == "x" * 255 + "…"
    assert cut("", 10) == ""


def test_content_limit_is_discords():
    assert CONTENT == 2000 and len(cut(words(1000), CONTENT)) <= 2000


# -- each limit -----------------------------------------------------------------------


def test_title_description_and_footer_are_cut():
    reply = Reply(title=words(100), summary=words(2000), footer=words(600))
    (embed,) = embeds_of(reply)
    assert len(embed.title) <= TITLE and embed.title.endswith("…")
    assert len(embed.description) <= DESCRIPTION and embed.description.endswith("…")
    assert len(embed.footer.text) <= FOOTER and embed.footer.text.endswith("…")
    assert_discord_accepts([embed])


def test_fields_are_cut_and_never_empty():
    reply = Reply(title="t", entries=(Entry(words(80), words(400)), Entry("", ""), Entry("heading only")))
    (embed,) = embeds_of(reply)
    long, empty, heading_only = embed.fields
    assert len(long.name) <= FIELD_NAME and long.name.endswith("…")
    assert len(long.value) <= FIELD_VALUE and long.value.endswith("…")
    assert (empty.name, empty.value) == ("—", "—")  # Discord rejects an empty field name or value
    assert heading_only.value == "—"
    assert_discord_accepts([embed])


def test_many_entries_become_pages_of_at_most_25_fields():
    reply = Reply(title="Meetings", entries=tuple(Entry(f"meeting {i}", "short") for i in range(100)))
    embeds = embeds_of(reply)
    assert len(embeds) > 1 and all(0 < len(e.fields) <= FIELDS for e in embeds)
    assert sum(len(e.fields) for e in embeds) == 100


def test_no_embed_exceeds_6000_even_with_everything_at_its_maximum():
    big = Entry("h" * 300, "b" * 2000)
    small = Entry("x" * 36, "y" * 100)
    reply = Reply(title="T" * 300, summary="S" * 5000, footer="F" * 3000, entries=(big, big, small) * 6)
    embeds = embeds_of(reply)
    for embed in embeds:
        assert_within_limits(embed)
        assert_discord_accepts([embed])


@pytest.mark.parametrize("entries,body", [(100, "short"), (60, words(150)), (30, "z" * 1200)])
def test_channel_messages_hold_at_most_10_embeds_and_6000_characters(entries, body):
    summary = words(300) if entries != 100 else "100 short entries"
    reply = Reply(title="Digest", summary=summary, entries=tuple(Entry(f"entry {i}", body) for i in range(entries)))
    batches = message_batches(reply)
    # Every page, in order; without "Page n/N", since a channel has no buttons to turn them.
    unnumbered = [embed_of(page).to_dict() for page in pages_of(reply, numbered=False)]
    assert [e.to_dict() for b in batches for e in b] == unnumbered
    assert not any("Page" in (e.footer.text or "") for b in batches for e in b)
    for batch in batches:
        assert 0 < len(batch) <= EMBEDS_PER_MESSAGE
        assert sum(len(e) for e in batch) <= EMBED_TOTAL
        assert_discord_accepts(batch)
    if entries == 100:  # small pages are packed, not one message per page
        assert len(batches[0]) == EMBEDS_PER_MESSAGE


# -- inert text -----------------------------------------------------------------------


def test_markdown_is_escaped_everywhere():
    reply = Reply(
        title="**Sommet** _Astana_",
        summary="# Titre\n> citation\n- liste\n||secret|| ~~barré~~ `code`",
        entries=(Entry("__souligné__", "*italique* [lien](http://x.example)"),),
        footer="*pied*",
    )
    (embed,) = embeds_of(reply)
    assert embed.title == r"\*\*Sommet\*\* \_Astana\_"
    assert embed.description.splitlines() == [r"\# Titre", r"\> citation", r"\- liste", r"\|\|secret\|\| \~\~barré\~\~ \`code\`"]
    assert embed.fields[0].name == r"\_\_souligné\_\_"
    assert embed.fields[0].value.startswith(r"\*italique\* \[lien]")
    assert embed.footer.text == r"\*pied\*"


def test_mentions_are_defused_and_never_allowed():
    text = "@everyone @here <@123456789012345678> <@!123456789012345678> <@&456789012345678901>"
    reply = Reply(title=text, summary=text, entries=(Entry(text, text),), footer=text)
    (embed,) = embeds_of(reply)
    for shown in (embed.title, embed.description, embed.fields[0].name, embed.fields[0].value, embed.footer.text):
        assert not re.search(r"@(everyone|here|[!&]?\d{17,20})", shown), shown
        assert "@\u200beveryone" in shown
    assert NO_MENTIONS.to_dict() == {"parse": []}


def test_direction_overrides_and_control_characters_never_reach_discord():
    """Article text with U+202E (right-to-left override) flips the rest of a line in Discord:
    `evil\u202etxt.exe` shows as `evilexe.txt`. Stored text is cleaned where it enters; the
    formatter cleans again whatever it is given (an old database, a file name, a reason)."""
    dirty = "Xi\u202e a dit\u2066 « oui »\u2069 \u202a\u202b\u202c\u202d\u2067\u2068 \x1b[31mrouge\x07 fin\x9b2J"
    reply = Reply(title=dirty, summary=dirty, entries=(Entry(dirty, dirty),), footer=dirty)
    (embed,) = embeds_of(reply)
    for shown in (embed.title, embed.description, embed.fields[0].name, embed.fields[0].value, embed.footer.text):
        assert not re.search("[\u202a-\u202e\u2066-\u2069\x00-\x08\x0b-\x1f\x7f-\x9f]", shown), repr(shown)
        assert "Xi a dit « oui »" in shown and "rouge fin" in shown and "[31m" not in shown


# -- paging ---------------------------------------------------------------------------


def test_an_entry_is_never_split_across_pages():
    entries = tuple(Entry(f"{i:02d} · Tokaïev ↔ Wang Yi", f"{{{i:02d}-start}} " + words(140) + f" {{{i:02d}-end}}") for i in range(40))
    pages = pages_of(Reply(title="Meetings", summary="40 meetings", entries=entries))
    assert len(pages) > 2
    seen = [name for page in pages for name, _ in page.fields]
    assert seen == [e.heading for e in entries]  # each once, in order
    for page in pages:
        for name, value in page.fields:
            number = name[:2]
            assert value.startswith(f"{{{number}-start}}")  # the whole entry sits in one field
            assert value.endswith(f"{{{number}-end}}") or value.endswith("…")


def test_pages_show_their_count():
    entries = tuple(Entry(f"entry {i}", words(60)) for i in range(30))
    pages = pages_of(Reply(title="Quotes", entries=entries, footer="/article 9bbfa8"))
    total = len(pages)
    assert total > 1
    assert [p.footer for p in pages] == [f"/article 9bbfa8 · Page {i}/{total}" for i in range(1, total + 1)]
    assert all(p.title == "Quotes" for p in pages)
    single = pages_of(Reply(title="Status", summary="ok", footer="x"))
    assert [p.footer for p in single] == ["x"]


def test_tone_sets_the_colour_and_attachments_become_files():
    assert embeds_of(Reply(title="x", tone="error"))[0].colour == discord.Colour.red()
    assert embeds_of(Reply(title="x", tone="alert"))[0].colour == discord.Colour.orange()
    (file,) = files_of(Reply(title="x", attachments=(Attachment("digest.png", b"\x89PNG", "d" * 2000),)))
    assert file.filename == "digest.png" and len(file.description) <= 1024 and file.fp.read() == b"\x89PNG"


def test_a_card_links_to_its_article_is_dated_and_names_its_source():
    reply = Reply(title="Accord", summary="x", url="https://agence.example/a", published="2024-06-12", author="Xinhua")
    (embed,) = embeds_of(reply)
    assert embed.url == "https://agence.example/a" and embed.author.name == "Xinhua"
    assert embed.timestamp.isoformat().startswith("2024-06-12")
    # A month is not a time, and a link that is not a web page is not shown.
    (vague,) = embeds_of(Reply(title="Accord", url="javascript:alert(1)", published="2024-06"))
    assert vague.url is None and vague.timestamp is None and vague.author.name is None


def test_a_burst_card_of_markdown_titles_is_one_message_within_the_limits(tmp_path):
    from handlers.alert_bursts import burst_card
    from storage import Store
    from tests.bot_helpers import add_article

    with Store(tmp_path / "db") as store:
        many = [
            add_article(store, f"**Sommet** n°{n} _urgent_ " + "*~|" * 25, f"texte {n}", published="2024-05-02",
                        countries=["KZ", "CN"])
            for n in range(80)
        ]
        card = burst_card(store, many)
    (batch,) = message_batches(card)
    (embed,) = batch
    assert len(embed) <= 6000 and len(embed.description) <= 4096
    assert "Page" not in (embed.footer.text or "")
    assert embed.description.endswith("more: /articles lists them all"), embed.description[-80:]
