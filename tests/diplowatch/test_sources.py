"""Where an article comes from and what it is called (sentences written for the tests)."""

from __future__ import annotations

import json

import pytest

from diplowatch import sources
from diplowatch.reading import parse_document
from diplowatch.records import Extraction, Meeting, Participant, Quote
from handlers.headlines import headline_for

BODY = "Le ministre a reçu son homologue pour des entretiens consacrés au commerce et à l'énergie."


@pytest.mark.parametrize(
    ("text", "headline"),
    [
        ("Le Kirghizstan et l'Ouzbékistan signent un accord sur l'eau\n\n" + BODY, "Le Kirghizstan et l'Ouzbékistan signent un accord sur l'eau"),
        ("date 2024-03-02\nTalks in Tashkent end with a joint plan\n\n" + BODY, "Talks in Tashkent end with a joint plan"),
        # A dateline, a paragraph or a lead-in is no headline.
        ("Douchanbé, 3 mars, KHOVAR\n\n" + BODY, ""),
        ("TACHKENT, 3 mars (Xinhua) -- " + BODY, ""),
        ("The following is attributable to the spokesperson:\n\n" + BODY, ""),
        (BODY + " " + BODY, ""),
    ],
)
def test_the_headline_is_the_first_line_only_when_it_reads_like_one(text, headline):
    assert sources.headline_of(text) == headline


@pytest.mark.parametrize(
    ("first_line", "agency"),
    [
        ("TACHKENT, 3 mars (Xinhua) -- Le président a reçu", "Xinhua"),
        ("MINSK, le 4 avril. / BELTA/. Le président a reçu", "BELTA"),
        ("Douchanbé, 3 mars, KHOVAR", "KHOVAR"),
        ("APS - Le président a reçu mardi le ministre", "APS"),
        # A city in capitals before a dash is a place, not an agency.
        ("BAMAKO – The president received the minister", None),
        ("Le président a reçu le ministre (UE) hier.", None),
    ],
)
def test_an_agency_is_read_from_the_dateline(first_line, agency):
    assert sources.dateline_source(first_line + "\n\n" + BODY) == agency


def test_a_page_gives_its_canonical_link_site_name_and_headline():
    page = (
        '<html><head><title>Accueil | Le Quotidien</title>'
        '<link rel="canonical" href="https://quotidien.example/monde/accord-eau">'
        '<meta property="og:site_name" content="Le Quotidien">'
        '<meta property="og:title" content="Accord sur l&#39;eau entre voisins"></head>'
        f"<body><article><p>{BODY}</p><p>{BODY}</p></article></body></html>"
    )
    document = parse_document(page.encode(), ".html")
    assert document.url == "https://quotidien.example/monde/accord-eau"
    assert document.outlet == "Le Quotidien"
    assert document.title == "Accord sur l'eau entre voisins"


def test_a_json_article_keeps_only_web_links_and_names_its_site_by_host():
    ok = parse_document(json.dumps({"text": BODY, "url": "https://www.agence.example/a/1"}).encode(), ".json")
    assert (ok.url, ok.outlet) == ("https://www.agence.example/a/1", "agence.example")
    for bad in ("javascript:alert(1)", "file:///etc/passwd", "https://exa mple.org", "ftp://x.org/a"):
        document = parse_document(json.dumps({"text": BODY, "url": bad}).encode(), ".json")
        assert document.url is None and document.outlet is None, bad


def test_an_article_without_headline_gets_a_title_saying_what_happened():
    tokayev = Participant("Kassym-Jomart Tokaïev", "président", "KZ")
    wang = Participant("Wang Yi", "ministre", "CN")
    met = Extraction("fr", meetings=(Meeting((tokayev, wang), place="Astana"),))
    assert headline_for(met, BODY) == "Kassym-Jomart Tokaïev meets Wang Yi in Astana"
    call = Extraction("fr", meetings=(Meeting((tokayev, wang), kind="call", status="planned", place="Astana"),))
    assert headline_for(call, BODY) == "Kassym-Jomart Tokaïev to call Wang Yi"
    said = Extraction("fr", quotes=(Quote("Wang Yi", "Nos deux pays sont des voisins et des amis"),))
    assert headline_for(said, BODY) == "Wang Yi: « Nos deux pays sont des voisins et des amis »"
    nothing = headline_for(Extraction("fr"), BODY * 3)
    assert nothing.startswith("Le ministre a reçu") and nothing.endswith("…") and len(nothing) <= 100


@pytest.mark.parametrize(("head", "published"), [
    ('<meta property="article:published_time" content="2024-05-16T10:00:00+02:00">', "2024-05-16"),
    ('<meta name="pubdate" content="2023-11-02">', "2023-11-02"),
    ('<meta itemprop="datePublished" content="2022-01-09T08:00Z">', "2022-01-09"),
    ('<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2021-03-04T12:00:00Z"}</script>',
     "2021-03-04"),
    ('<meta property="article:published_time" content="hier">', None),
])
def test_a_saved_page_is_dated_by_its_metadata_before_any_date_in_its_text(head, published):
    page = f"<html><head>{head}</head><body><article><p>{BODY} Le 3 mars 2019, rien.</p><p>{BODY}</p></article></body></html>"
    assert parse_document(page.encode(), ".html").published == (published or "2019-03-03")


@pytest.mark.parametrize(("url", "published"), [
    ("http://journal.example/Chine/n3/2024/0516/c31354-20170219.html", "2024-05-16"),
    ("https://diplomat.example/en/2024/10/18/minister-visits-cairo", "2024-10-18"),
    ("https://news.example/world/20230315/summit", "2023-03-15"),
    ("https://site.example/wp/2017/10/ouattara-in-accra/", "2017-10"),
    ("https://site.example/node/2010121234/story", None),  # a number, not a date
    ("https://site.example/posts/eam-meets-prime-minister", None),
])
def test_a_page_with_no_date_in_its_text_is_dated_by_its_address(url, published):
    data = json.dumps({"title": "Visite", "text": f"{BODY}\n\n{BODY}", "url": url}).encode()
    assert parse_document(data, ".json").published == published
