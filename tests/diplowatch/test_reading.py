"""An analyst drops files of every kind; each becomes an article or a clear reason."""

from __future__ import annotations

import codecs
import json

import pytest

from diplowatch.reading import Unreadable, is_candidate, read_document

ARTICLE = (
    "Le président kazakh rencontre son homologue chinois à Astana\n\n"
    "Le 20 mai 2024, le président kazakh a reçu à Astana le ministre chinois des Affaires "
    "étrangères. « Nous sommes de bons voisins », a-t-il déclaré après l’entretien.\n"
)


@pytest.mark.parametrize(
    "encoding, data",
    [
        ("utf-8", ARTICLE.encode("utf-8")),
        ("utf-8-sig", codecs.BOM_UTF8 + ARTICLE.encode("utf-8")),
        ("utf-16", ARTICLE.encode("utf-16")),
        ("utf-16-le", ARTICLE.encode("utf-16-le")),
        ("cp1252", ARTICLE.replace("’", "'").encode("cp1252")),
        ("cp1252", ARTICLE.replace("\n", "\r\n").replace("’", "'").encode("cp1252")),
    ],
)
def test_every_common_encoding_reads_the_same_words(tmp_path, encoding, data):
    path = tmp_path / "article.txt"
    path.write_bytes(data)
    document = read_document(path)
    assert "président kazakh a reçu à Astana" in document.text
    assert document.title == "Le président kazakh rencontre son homologue chinois à Astana"
    assert document.published == "2024-05-20"
    assert "\r" not in document.text
    assert document.encoding.replace("_", "-").startswith(encoding.split("-")[0][:5])


def test_reencoded_copies_share_one_hash(tmp_path):
    plain = ARTICLE.replace("’", "'")
    (tmp_path / "a.txt").write_bytes(plain.encode("utf-8"))
    (tmp_path / "b.txt").write_bytes(plain.replace("\n", "\r\n").encode("cp1252"))
    (tmp_path / "c.txt").write_bytes(plain.encode("utf-16"))
    hashes = {read_document(tmp_path / name).hash for name in ("a.txt", "b.txt", "c.txt")}
    assert len(hashes) == 1


def test_date_line_gives_month_precision_and_title_follows_it(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(" date 2022-09 Le dirigeant chinois s'est rendu au Kazakhstan\n\nLe président chinois a rencontré mercredi son homologue.", encoding="utf-8")
    document = read_document(path)
    assert document.published == "2022-09"
    assert document.title == "Le dirigeant chinois s'est rendu au Kazakhstan"


def test_english_date_is_found(tmp_path):
    path = tmp_path / "a.md"
    path.write_text("Presidents meet in Pretoria\n\nPRETORIA, May 20, 2024 - The two presidents met on Monday to discuss trade.", encoding="utf-8")
    assert read_document(path).published == "2024-05-20"


def test_html_becomes_its_main_text_with_title(tmp_path):
    path = tmp_path / "page.html"
    body = " ".join(["Le ministre russe des Affaires étrangères a reçu son homologue français à Moscou."] * 4)
    path.write_text(
        f"<html><head><title>Lavrov reçoit Le Drian</title><script>var x = 1;</script></head>"
        f"<body><nav>Accueil | Monde</nav><article><h1>Lavrov reçoit Le Drian</h1><p>{body}</p>"
        f"<p>{body}</p></article><footer>© Journal</footer></body></html>",
        encoding="utf-8",
    )
    document = read_document(path)
    assert document.title == "Lavrov reçoit Le Drian"
    assert "a reçu son homologue français" in document.text
    assert "var x" not in document.text


def test_json_article_keeps_its_fields(tmp_path):
    path = tmp_path / "a.json"
    path.write_text(json.dumps({"title": "Sommet à Alger", "date": "2024-03-02", "text": ARTICLE, "url": "https://example.org/a"}), encoding="utf-8")
    document = read_document(path)
    assert (document.title, document.published, document.url) == ("Sommet à Alger", "2024-03-02", "https://example.org/a")


@pytest.mark.parametrize(
    "name, data, reason",
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"   \n\n  ", "empty"),
        ("binary.txt", bytes(range(256)) * 40, "binary"),
        ("short.txt", b"Bonjour.", "too short"),
        ("list.json", b"[1, 2, 3]", "JSON must be an object"),
        ("types.json", json.dumps({"title": 3, "text": ARTICLE}).encode(), "'title' must be a string"),
        ("broken.json", b'{"title": "x", "text": ', "invalid JSON"),
        ("script.html", b"<html><script>alert(1)</script></html>", "too short"),
    ],
)
def test_bad_files_are_unreadable_with_a_reason(tmp_path, name, data, reason):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(Unreadable, match=reason):
        read_document(path)


def test_too_large_file_is_refused_before_reading(tmp_path):
    path = tmp_path / "big.txt"
    path.write_bytes(b"mot " * 300_000)
    with pytest.raises(Unreadable, match="too large"):
        read_document(path, max_bytes=1_000_000)


@pytest.mark.parametrize(
    "name, wanted",
    [
        ("a.txt", True), ("b.md", True), ("c.HTML", True), ("d.htm", True), ("e.json", True),
        ("f.txt.part", False), ("g.tmp", False), ("h.txt~", False), (".hidden.txt", False),
        ("~lock.txt", False), ("image.png", False), (".cache/a.txt", False),
    ],
)
def test_temporary_and_hidden_names_are_skipped(tmp_path, name, wanted):
    from pathlib import Path

    assert is_candidate(Path(name)) is wanted


# -- hostile text: what enters the store is clean (issue 11: 2, 3, 4, 5, 12) ----------------

ESC = "\x1b"
CONTROLS = {chr(c) for c in range(0x20) if chr(c) not in "\n\t"} | {chr(c) for c in range(0x7F, 0xA0)}
BIDI = {chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))}


def _dirty(text: str) -> str:
    """Terminal escapes (window title, colour, bell) and direction overrides in every line."""
    return (
        f"{ESC}]0;pwned{chr(7)}{ESC}[31m" + text.replace("Astana", f"As\u202etana{ESC}[0m")
        .replace(" a reçu ", " a\x9b2J reçu\u2066 ").replace("\n", "\u2069\n", 1)
    )


@pytest.mark.parametrize("suffix", [".txt", ".json", ".html"])
def test_control_characters_and_direction_overrides_are_removed_from_what_is_stored(tmp_path, suffix):
    dirty = _dirty(ARTICLE)
    title = dirty.splitlines()[0]
    path = tmp_path / f"a{suffix}"
    if suffix == ".json":
        path.write_text(json.dumps({"title": title, "text": dirty, "url": f"https://example.org/{ESC}[1m"}), encoding="utf-8")
    elif suffix == ".html":
        body = "".join(f"<p>{line}</p>" for line in dirty.splitlines() if line)
        path.write_text(f"<html><head><title>{title}&#27;[5m</title></head><body><article>{body * 3}</article></body></html>",
                        encoding="utf-8")
    else:
        path.write_text(dirty, encoding="utf-8")
    document = read_document(path)
    for field in (document.title, document.text, document.url or ""):
        assert not (set(field) & (CONTROLS | BIDI)), repr(field[:200])
        assert "[31m" not in field and "]0;pwned" not in field, "the escape sequence was left half-removed"
    assert document.title.startswith("Le président kazakh rencontre")
    assert "président kazakh a reçu à Astana" in document.text
    assert "\n" in document.text  # newlines stay


def test_tab_and_newline_stay_and_form_feed_still_separates_words(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE.replace("Le 20 mai", "Le\x0c20\tmai"), encoding="utf-8")
    assert "Le\n20\tmai" in read_document(path).text


@pytest.mark.parametrize(
    "url, kept",
    [
        ("https://example.org/a", "https://example.org/a"),
        ("http://example.org/a?b=c", "http://example.org/a?b=c"),
        ("javascript:alert(document.cookie)", None),
        (" JavaScript:alert(1)", None),
        ("java\tscript:alert(1)", None),
        ("data:text/html;base64,PHNjcmlwdD4=", None),
        ("file:///etc/passwd", None),
        ("ftp://example.org/a", None),
        ("//example.org/a", None),
        ("https:", None),
        ("", None),
    ],
)
def test_only_web_links_are_kept_from_a_json_article(tmp_path, url, kept):
    path = tmp_path / "a.json"
    path.write_text(json.dumps({"title": "Sommet", "text": ARTICLE, "url": url}), encoding="utf-8")
    assert read_document(path).url == kept


@pytest.mark.parametrize(
    "name, data, reason",
    [
        ("deep.json", b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
        ("deep_object.json", b'{"a":' * 50_000 + b"1" + b"}" * 50_000, "nested too deeply"),
        ("huge_number.json", b'{"title": "x", "text": "y", "n": ' + b"9" * 5000 + b"}", "invalid JSON"),
    ],
)
def test_hostile_json_is_unreadable_with_a_reason(tmp_path, name, data, reason):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(Unreadable, match=reason):
        read_document(path)


def test_lone_surrogates_in_json_do_not_break_the_article(tmp_path):
    path = tmp_path / "a.json"
    path.write_text('{"title": "Sommet \\ud800 Astana", "text": ' + json.dumps(ARTICLE)[:-1] + ' \\udfff"}', encoding="utf-8")
    document = read_document(path)
    document.text.encode("utf-8") and document.title.encode("utf-8")  # storable: valid text
    assert document.hash and document.title.startswith("Sommet")


def test_the_size_limit_is_shown_in_the_unit_it_is_set_in(tmp_path):
    path = tmp_path / "big.txt"
    path.write_bytes(b"mot " * (6 * 1024 * 1024))  # 24 MiB
    with pytest.raises(Unreadable) as refused:
        read_document(path, max_bytes=20 * 1024 * 1024)  # MAX_FILE_MB=20
    assert "24.0 MB (limit 20 MB, MAX_FILE_MB)" in str(refused.value)
