"""Tests for the country gazetteer (pure Python, no spaCy)."""

from __future__ import annotations

import time

import pytest

from diplowatch import countries as C
from diplowatch.countries import (
    Country,
    all_countries,
    by_code,
    country_of_adjective,
    country_of_place,
    find_in_text,
    fold,
    lookup,
    suggest,
)

# The 193 UN member states (ISO 3166-1 alpha-2).
UN_MEMBERS = set(
    """
    AF AL DZ AD AO AG AR AM AU AT AZ BS BH BD BB BY BE BZ BJ BT BO BA BW BR BN
    BG BF BI CV KH CM CA CF TD CL CN CO KM CG CD CR CI HR CU CY CZ KP DK DJ DM
    DO EC EG SV GQ ER EE SZ ET FJ FI FR GA GM GE DE GH GR GD GT GN GW GY HT HN
    HU IS IN ID IR IQ IE IL IT JM JP JO KZ KE KI KW KG LA LV LB LS LR LY LI LT
    LU MG MW MY MV ML MT MH MR MU MX FM MD MC MN ME MA MZ MM NA NR NP NL NZ NI
    NE NG MK NO OM PK PW PA PG PY PE PH PL PT QA KR RO RU RW KN LC VC WS SM ST
    SA SN RS SC SL SG SK SI SB SO ZA SS ES LK SD SR SE CH SY TJ TZ TH TL TG TO
    TT TN TR TM TV UG UA AE GB US UY UZ VU VE VN YE ZM ZW
    """.split()
)
EXTRAS = {"PS", "VA", "XK", "TW", "HK", "EU"}
NO_CAPITAL = {"EU"}
NO_EN_ADJECTIVE = {"CG", "DM"}


def code(c: Country | None) -> str | None:
    return c.code if c else None


# ------------------------------------------------------------------ data file

def test_un_member_list_sanity():
    assert len(UN_MEMBERS) == 193


def test_covers_every_un_member_and_extras():
    codes = [c.code for c in all_countries()]
    assert len(codes) == len(set(codes)), "duplicate codes"
    assert len(codes) >= 193
    missing = (UN_MEMBERS | EXTRAS) - set(codes)
    assert not missing
    assert set(codes) == UN_MEMBERS | EXTRAS


def test_every_row_is_complete():
    for c in all_countries():
        assert len(c.code) == 2 and c.code.isupper(), c
        assert c.name_en and c.name_fr, c.code
        assert c.adjectives_fr, c.code
        if c.code not in NO_EN_ADJECTIVE:
            assert c.adjectives_en, c.code
        if c.code not in NO_CAPITAL:
            assert c.capitals, c.code
        assert all(a == a.lower() for a in c.adjectives_fr), c.code


def test_header_documents_sources_and_exceptions():
    text = C.DATA_PATH.read_text(encoding="utf-8")
    comments = "\n".join(line for line in text.splitlines() if line.startswith("#"))
    assert "ISO 3166-1" in comments and "CNIG" in comments
    for word in ("Congo", "Guinée", "Corée", "ambiguous"):
        assert word in comments


def test_no_form_maps_to_two_countries():
    assert C._index().conflicts == {}


def test_positional_fold_agrees_with_fold():
    for c in all_countries():
        for f in (c.name_en, c.name_fr, *c.aliases, *c.adjectives_fr, *c.adjectives_en, *c.capitals):
            pos = C._fold_chars(f)
            assert len(pos) == len(f)
            assert " ".join(pos.replace("\u0300", "").split()) == fold(f), f


def test_french_spellings():
    expected = {
        "UZ": "Ouzbékistan", "TJ": "Tadjikistan", "TM": "Turkménistan",
        "AE": "Émirats arabes unis", "SA": "Arabie saoudite", "KR": "Corée du Sud",
        "KP": "Corée du Nord", "BY": "Biélorussie", "MD": "Moldavie",
        "MK": "Macédoine du Nord", "SZ": "Eswatini", "CV": "Cap-Vert",
        "TL": "Timor oriental", "MM": "Birmanie", "KG": "Kirghizistan",
        "CI": "Côte d'Ivoire", "CZ": "Tchéquie", "VA": "Saint-Siège",
    }
    for cc, name in expected.items():
        assert by_code(cc).name_fr == name
    assert lookup("Bélarus").code == "BY"
    assert lookup("Cabo Verde").code == "CV"
    assert lookup("Myanmar").code == "MM"
    assert lookup("Timor-Leste").code == "TL"


# ------------------------------------------------------------------ fold / flag

@pytest.mark.parametrize(
    "raw, folded",
    [
        ("Tokaïev", "tokaiev"),
        ("Côte d’Ivoire", "cote d ivoire"),
        ("Côte d'Ivoire", "cote d ivoire"),
        ("  ÉTATS–UNIS  ", "etats unis"),
        ("Guinée-Bissau", "guinee bissau"),
        ("U.S.", "u s"),
        ("cœur", "coeur"),
        ("", ""),
    ],
)
def test_fold(raw, folded):
    assert fold(raw) == folded


def test_flag():
    assert by_code("KZ").flag == "🇰🇿"
    assert by_code("FR").flag == "🇫🇷"
    assert by_code("EU").flag == "🇪🇺"
    assert Country("EUR", "x", "x", (), (), (), ()).flag == ""
    assert Country("", "x", "x", (), (), (), ()).flag == ""


def test_country_is_frozen_and_hashable():
    kz = by_code("KZ")
    with pytest.raises(AttributeError):
        kz.code = "XX"  # type: ignore[misc]
    assert {kz: 1}[by_code("kz")] == 1


# ------------------------------------------------------------------ lookups

@pytest.mark.parametrize(
    "text, expected",
    [
        # Kazakhstan in every form
        ("kazakhstan", "KZ"), ("Kazakhstan", "KZ"), ("KZ", "KZ"), ("kz", "KZ"),
        ("kazakh", "KZ"), ("Kazakhe", "KZ"), ("kazakhs", "KZ"), ("kazakhes", "KZ"),
        ("kazakhstanaise", "KZ"), ("Kazakhstani", "KZ"), ("Astana", "KZ"),
        ("Nour-Soultan", "KZ"), ("Nur-Sultan", "KZ"),
        # China
        ("chinois", "CN"), ("chinoise", "CN"), ("chinoises", "CN"), ("Chinese", "CN"),
        ("Pékin", "CN"), ("pekin", "CN"), ("Beijing", "CN"), ("Chine", "CN"),
        ("China", "CN"), ("RPC", "CN"), ("PRC", "CN"),
        # Russia / US / UK
        ("Russie", "RU"), ("Fédération de Russie", "RU"), ("russes", "RU"),
        ("Moscou", "RU"), ("Moscow", "RU"), ("Russian Federation", "RU"),
        ("USA", "US"), ("États-Unis", "US"), ("Etats-Unis", "US"), ("americaines", "US"),
        ("American", "US"), ("Washington", "US"),
        ("UK", "GB"), ("Royaume-Uni", "GB"), ("Great Britain", "GB"), ("britannique", "GB"),
        ("Londres", "GB"),
        # Central Asia and others from the brief
        ("Ouzbékistan", "UZ"), ("ouzbeke", "UZ"), ("Tachkent", "UZ"), ("Tashkent", "UZ"),
        ("Kirghizstan", "KG"), ("Kirghizie", "KG"), ("Bichkek", "KG"), ("Bishkek", "KG"),
        ("Douchanbé", "TJ"), ("Dushanbe", "TJ"), ("tadjike", "TJ"),
        ("Alger", "DZ"), ("Algiers", "DZ"), ("algériennes", "DZ"),
        ("Côte d'Ivoire", "CI"), ("Ivory Coast", "CI"), ("ivoirienne", "CI"), ("Ivorian", "CI"),
        ("Türkiye", "TR"), ("Turquie", "TR"), ("turque", "TR"), ("Turkish", "TR"),
        ("sud-africaine", "ZA"), ("South African", "ZA"), ("Pretoria", "ZA"), ("Le Cap", "ZA"),
        ("nigériane", "NG"), ("Nigerian", "NG"), ("Abuja", "NG"),
        ("nigérienne", "NE"), ("Niamey", "NE"), ("Niger", "NE"), ("Nigeria", "NG"),
        ("Émirats arabes unis", "AE"), ("emirats arabes unis", "AE"), ("UAE", "AE"),
        ("Corée du Sud", "KR"), ("South Korea", "KR"), ("sud-coréens", "KR"),
        ("Corée du Nord", "KP"), ("nord-coréenne", "KP"), ("Pyongyang", "KP"),
        ("RDC", "CD"), ("Congo-Kinshasa", "CD"), ("congolais", "CD"), ("Congo", "CG"),
        ("Guinée", "GN"), ("Guinée-Bissau", "GW"), ("Guinée équatoriale", "GQ"),
        ("grecque", "GR"), ("Athènes", "GR"),
        ("Maurice", "MU"), ("Jordan", "JO"), ("Georgia", "GE"), ("Chad", "TD"),
        ("Saint-Siège", "VA"), ("Vatican", "VA"), ("Kosovo", "XK"), ("Taïwan", "TW"),
        ("Taipei", "TW"), ("Hong Kong", "HK"), ("UE", "EU"), ("Union européenne", "EU"),
        ("européenne", "EU"), ("Palestine", "PS"), ("Ramallah", "PS"),
    ],
)
def test_lookup(text, expected):
    assert code(lookup(text)) == expected


def test_lookup_misses():
    for text in ("", "   ", "Atlantide", "Corée", "Korea", "XX"):
        assert lookup(text) is None, text


def test_by_code():
    assert by_code("kz").name_en == "Kazakhstan"
    assert by_code(" FR ").name_fr == "France"
    assert by_code("EU").name_fr == "Union européenne"
    assert by_code("zz") is None
    assert by_code("") is None


def test_country_of_adjective():
    assert code(country_of_adjective("kazakh")) == "KZ"
    assert code(country_of_adjective("chinois")) == "CN"
    assert code(country_of_adjective("Chinese")) == "CN"
    assert code(country_of_adjective("Américaines")) == "US"
    assert code(country_of_adjective("sud-africain")) == "ZA"
    # places are not adjectives
    assert country_of_adjective("Astana") is None
    assert country_of_adjective("Chine") is None


def test_country_of_place():
    assert code(country_of_place("Astana")) == "KZ"
    assert code(country_of_place("Ouzbékistan")) == "UZ"
    assert code(country_of_place("Pékin")) == "CN"
    assert code(country_of_place("Ivory Coast")) == "CI"
    # adjectives are not places
    assert country_of_place("chinois") is None
    assert country_of_place("kazakh") is None or country_of_place("kazakh").code == "KZ"


# ------------------------------------------------------------------ suggest

def test_suggest_fuzzy():
    assert suggest("kazakstan")[0].code == "KZ"
    assert suggest("Ouzbekistan")[0].code == "UZ"
    assert suggest("kirghistan")[0].code == "KG"
    assert suggest("tadjikstan")[0].code == "TJ"


def test_suggest_prefix_and_limit():
    assert suggest("kaz")[0].code == "KZ"
    assert suggest("Pék")[0].code == "CN"
    res = suggest("a", limit=5)
    assert 0 < len(res) <= 5
    assert len({c.code for c in suggest("gui")}) == len(suggest("gui"))


def test_suggest_empty():
    assert suggest("") == []
    assert suggest("   ") == []
    assert suggest("zzzzzzqqqq") == []


# ------------------------------------------------------------------ find_in_text

def spans(text):
    return [(text[s:e], c.code, kind) for s, e, c, kind in find_in_text(text)]


def test_find_in_text_french():
    text = (
        "Le président chinois Xi Jinping a reçu à Pékin son homologue kazakh, "
        "avant un entretien avec la ministre sud-africaine et les États-Unis."
    )
    hits = find_in_text(text)
    assert [(text[s:e], c.code, k) for s, e, c, k in hits] == [
        ("chinois", "CN", "adjective"),
        ("Pékin", "CN", "capital"),
        ("kazakh", "KZ", "adjective"),
        ("sud-africaine", "ZA", "adjective"),
        ("États-Unis", "US", "name"),
    ]
    s, e, c, _ = hits[0]
    assert (s, e) == (text.index("chinois"), text.index("chinois") + len("chinois"))
    assert c is by_code("CN")


def test_find_in_text_english():
    text = "Chinese President Xi met Kazakhstan's Tokayev in Astana; the US and Russia objected."
    assert spans(text) == [
        ("Chinese", "CN", "adjective"),
        ("Kazakhstan", "KZ", "name"),
        ("Astana", "KZ", "capital"),
        ("US", "US", "name"),
        ("Russia", "RU", "name"),
    ]
    s, e, _, _ = find_in_text(text)[1]
    assert (s, e) == (25, 35)


def test_find_in_text_accent_and_punctuation_tolerant():
    text = "A Abidjan, la Cote d’Ivoire et les Etats-Unis; à Douchanbe, le Tadjikistan."
    assert [x[1] for x in spans(text)] == ["CI", "CI", "US", "TJ", "TJ"]
    assert spans(text)[1][0] == "Cote d’Ivoire"


def test_find_in_text_longest_match():
    text = "La Corée du Sud, la Guinée-Bissau, la Guinée équatoriale et la Guinée."
    assert [x[:2] for x in spans(text)] == [
        ("Corée du Sud", "KR"),
        ("Guinée-Bissau", "GW"),
        ("Guinée équatoriale", "GQ"),
        ("Guinée", "GN"),
    ]
    assert spans("les Sud-Africains et le Soudan du Sud")[0][:2] == ("Sud-Africains", "ZA")
    assert spans("le Soudan du Sud et le Soudan") == [
        ("Soudan du Sud", "SS", "name"), ("Soudan", "SD", "name"),
    ]
    assert spans("Papouasie-Nouvelle-Guinée")[0][1] == "PG"


def test_find_in_text_case_rules():
    # French adjectives in any case; codes never; acronyms upper-case only.
    assert spans("Les Chinois et les chinoises")[0][1:] == ("CN", "adjective")
    assert len(spans("Les Chinois et les chinoises")) == 2
    assert spans("Us and them, us and you") == []
    assert spans("le KZ et le FR") == []
    assert spans("ils ont eu raison") == []
    assert spans("a chinese whisper") == []  # English adjectives are capitalised
    assert spans("a roast turkey") == []
    assert [x[:2] for x in spans("Turkey and the U.S. met")] == [("Turkey", "TR"), ("U.S", "US")]
    assert spans("the u.s. and the Us") == []
    assert spans("la BiH et la Bih")[0][:2] == ("BiH", "BA") and len(spans("la BiH et la Bih")) == 1
    assert spans("l'UE et l'ue")[0][:2] == ("UE", "EU") and len(spans("l'UE et l'ue")) == 1


def test_find_in_text_exclusions():
    assert spans("Maurice a rencontré Jordan à Victoria") == []
    assert spans("Georgia voted; Chad Smith spoke") == []
    assert spans("île Maurice")[0][1] == "MU"
    assert spans("dans l'océan Indien et le golfe de Guinée") == []
    assert spans("les pays sud-américains") == []
    assert spans("sur le fleuve Niger, au Niger")[0][:2] == ("Niger", "NE")
    assert len(spans("sur le fleuve Niger, au Niger")) == 1
    assert spans("Nigeria et Niger") == [("Nigeria", "NG", "name"), ("Niger", "NE", "name")]


def test_find_in_text_empty():
    assert find_in_text("") == []
    assert find_in_text("Rien à signaler.") == []


def test_find_in_text_is_fast():
    sentence = (
        "Le président chinois a reçu à Pékin son homologue kazakh et le ministre "
        "sud-africain ; the US and UK condemned Russia while Türkiye mediated. "
    )
    article = " ".join([sentence] * 42)  # ~1,000 words
    assert len(article.split()) >= 1000
    find_in_text(article)  # warm-up (index build)
    t0 = time.perf_counter()
    for _ in range(20):
        find_in_text(article)
    per_call = (time.perf_counter() - t0) / 20
    assert per_call < 0.005


def test_find_in_text_per_word_capitalisation():
    assert spans("Le cap est fixé.") == []
    assert spans("Il est arrivé au Cap-Vert.") == [("Cap-Vert", "CV", "name")]
    assert spans("Le Cap et Pretoria")[0] == ("Le Cap", "ZA", "capital")
    # same key as name (capitalised) and adjective (any case)
    assert spans("la Suisse et une banque suisse") == [
        ("Suisse", "CH", "name"), ("suisse", "CH", "adjective"),
    ]


def test_find_in_text_decomposed_accents_and_elision():
    text = "l\u2019Ouzbe\u0301kistan et d'Iran, l'Inde"
    assert [x[:2] for x in spans(text)] == [
        ("Ouzbe\u0301kistan", "UZ"), ("Iran", "IR"), ("Inde", "IN"),
    ]


def test_find_in_text_acronyms_and_stops():
    assert [x[1] for x in spans("La RDC, l'UE, les EAU et le RSA")] == ["CD", "EU", "AE"]
    assert spans("Near the North Pole, the Poles voted")[0][:2] == ("Poles", "PL")
    assert spans("dans le golfe d'Aden") == []
