"""The extraction read like the analyst's story: drop an article, see who met whom and who said what.

Every sentence here is written for the tests (fictional or generic wording, no news text).
"""

from __future__ import annotations

import time

import pytest

from extraction import detect_language


def pair(meeting):
    return {p.name for p in meeting.participants}


def only_meeting(result):
    assert len(result.meetings) == 1, result.meetings
    return result.meetings[0]


# ----------------------------------------------------------------------------- meetings: verbs and kinds

@pytest.mark.parametrize("sentence, kind", [
    ("Le président kazakh Kassym-Jomart Tokaïev a rencontré lundi à Astana le ministre chinois des Affaires étrangères Wang Yi.", "meeting"),
    ("Le président algérien Abdelmadjid Tebboune a reçu mardi à Alger le ministre malien des Affaires étrangères Abdoulaye Diop.", "meeting"),
    ("Le ministre chinois des Affaires étrangères Wang Yi s'est entretenu jeudi à Pékin avec son homologue kazakh Murat Nurtleu.", "talks"),
    ("Le président russe Vladimir Poutine a eu un entretien téléphonique mardi avec le président ouzbek Shavkat Mirziyoyev.", "call"),
])
def test_french_meeting_verbs(extractor, sentence, kind):
    m = only_meeting(extractor.extract(sentence, published="2024-05-22"))
    assert m.kind == kind
    assert m.status == "held"
    assert len(m.participants) == 2


def test_call_has_no_place(extractor):
    m = only_meeting(extractor.extract(
        "Le président russe Vladimir Poutine a eu un entretien téléphonique mardi à Moscou avec le président ouzbek Shavkat Mirziyoyev.",
        published="2024-05-22"))
    assert m.kind == "call" and m.place is None


def test_demonym_gives_country_and_surname_gives_full_name(extractor):
    text = ("Le président kazakh Kassym-Jomart Tokaïev a rencontré lundi à Astana le ministre chinois des Affaires "
            "étrangères Wang Yi.\n\nM. Tokaïev a souligné que les relations entre les deux pays étaient excellentes.")
    result = extractor.extract(text, published="2024-05-22")
    m = only_meeting(result)
    assert {(p.name, p.country) for p in m.participants} == {("Kassym-Jomart Tokaïev", "KZ"), ("Wang Yi", "CN")}
    assert m.place == "Astana"
    assert result.quotes[0].speaker == "Kassym-Jomart Tokaïev"
    assert result.person_countries["Wang Yi"] == "CN"


@pytest.mark.parametrize("sentence", [
    "Le président français Emmanuel Macron rencontrera vendredi à Paris le président ivoirien Alassane Ouattara.",
    "Le président français Emmanuel Macron devrait rencontrer le président ivoirien Alassane Ouattara à Paris.",
])
def test_french_planned(extractor, sentence):
    m = only_meeting(extractor.extract(sentence, published="2017-06-09"))
    assert m.status == "planned"
    assert {p.country for p in m.participants} == {"FR", "CI"}


def test_unnamed_counterpart_is_a_party_with_a_country(extractor):
    m = only_meeting(extractor.extract(
        "Le Premier ministre russe Dmitri Medvedev a rencontré lundi son homologue arménien à Moscou.",
        published="2019-06-24"))
    unnamed = [p for p in m.participants if p.name is None]
    assert unnamed and unnamed[0].country == "AM"


def test_multilateral_meeting_lists_everyone(extractor):
    text = ("Le président algérien Abdelmadjid Tebboune a reçu jeudi à Alger les ministres des Affaires étrangères. "
            "Il s'agit du ministre malien des Affaires étrangères, Abdoulaye Diop, et du ministre tchadien des "
            "Affaires étrangères, Amine Abba Sidick.")
    m = only_meeting(extractor.extract(text, published="2020-01-23"))
    assert {"Abdelmadjid Tebboune", "Abdoulaye Diop", "Amine Abba Sidick"} <= pair(m)


def test_repeated_mentions_give_one_meeting(extractor):
    text = ("Tokaïev a rencontré Wang Yi\n\nLe président kazakh Kassym-Jomart Tokaïev a rencontré lundi à Astana "
            "le ministre chinois des Affaires étrangères Wang Yi.")
    result = extractor.extract(text, published="2024-05-22")
    assert len(result.meetings) == 1


# ----------------------------------------------------------------------------- not meetings

def test_football_match_is_not_a_meeting(extractor):
    text = ("Avec l'équipe de France espoirs, le défenseur Lucas Martin rencontrait la Suisse lundi. "
            "Résumé de la rencontre : victoire 3-1 et deux buts de Paul Durand.")
    assert extractor.extract(text, published="2020-11-16").meetings == ()


def test_press_conference_is_not_a_meeting(extractor):
    text = "À l'issue de leur visite, les deux ministres ont rencontré ensemble la presse à Paris."
    assert extractor.extract(text, published="2024-05-22").meetings == ()


# ----------------------------------------------------------------------------- dates

def test_weekday_resolved_against_a_day_date(extractor):
    m = only_meeting(extractor.extract(
        "Le président kazakh Kassym-Jomart Tokaïev a rencontré mercredi le président chinois Xi Jinping.",
        published="2022-09-16"))
    assert m.date == "2022-09-14"


def test_weekday_with_month_only_date_stays_month(extractor):
    m = only_meeting(extractor.extract(
        "Le président kazakh Kassym-Jomart Tokaïev a rencontré mercredi le président chinois Xi Jinping.",
        published="2022-09"))
    assert m.date == "2022-09"


def test_dateline_is_the_reference(extractor):
    text = ("date 2025-06-30\nBICHKEK, 29 juin (Xinhua) -- Le président kirghize Sadyr Japarov a rencontré dimanche "
            "le ministre russe des Affaires étrangères Sergueï Lavrov à Bichkek.")
    m = only_meeting(extractor.extract(text))
    assert m.date == "2025-06-29"


# ----------------------------------------------------------------------------- quotes

def test_a_t_il_ajoute_resolves_to_the_full_name(extractor):
    text = ("Le président chinois Xi Jinping a rencontré mercredi le président kazakh Kassym-Jomart Tokaïev. "
            "« Nous resterons des partenaires fiables pour longtemps », a-t-il ajouté.")
    result = extractor.extract(text, published="2022-09-14")
    q = [q for q in result.quotes if q.kind == "direct"][0]
    assert q.text == "Nous resterons des partenaires fiables pour longtemps"
    assert q.speaker == "Xi Jinping" and q.speaker_country == "CN"


def test_reported_with_que(extractor):
    result = extractor.extract(
        "Le ministre russe des Affaires étrangères Sergueï Lavrov a déclaré que la coopération régionale progressait vite.",
        published="2024-05-22")
    q = result.quotes[0]
    assert q.kind == "reported"
    assert q.text == "la coopération régionale progressait vite"
    assert q.speaker == "Sergueï Lavrov" and q.speaker_country == "RU"


def test_selon_attribution(extractor):
    result = extractor.extract(
        "Le sommet aura lieu en octobre à Kazan, selon un porte-parole du Kremlin.", published="2024-05-22")
    q = result.quotes[0]
    assert q.kind == "reported" and "Kremlin" in q.speaker and q.speaker_country == "RU"


def test_split_quotation_gives_two_items(extractor):
    text = ("« Nous voulons la paix », a déclaré le président kazakh Kassym-Jomart Tokaïev, "
            "« et nous la construirons avec nos voisins ».")
    texts = {q.text for q in extractor.extract(text, published="2024-05-22").quotes if q.kind == "direct"}
    assert {"Nous voulons la paix", "et nous la construirons avec nos voisins"} <= texts


def test_unclosed_quote_runs_to_paragraph_end(extractor):
    text = ("Le président chinois Xi Jinping a déclaré : « Nos deux pays sont de bons voisins et de bons amis.\n\n"
            "Un autre paragraphe commence ici.")
    q = [q for q in extractor.extract(text, published="2024-05-22").quotes if q.kind == "direct"][0]
    assert q.text == "Nos deux pays sont de bons voisins et de bons amis"


def test_topic_verbs_and_thanks_are_not_quotes(extractor):
    text = ("Le président kazakh Kassym-Jomart Tokaïev a évoqué la situation régionale. "
            "Il a remercié le ministre chinois Wang Yi pour sa visite.")
    assert extractor.extract(text, published="2024-05-22").quotes == ()


def test_evidence_points_at_the_sentence(extractor):
    text = ("Un premier paragraphe sans rien.\n\nLe président kazakh Kassym-Jomart Tokaïev a rencontré lundi à Astana "
            "le ministre chinois des Affaires étrangères Wang Yi.")
    ev = only_meeting(extractor.extract(text, published="2024-05-22")).evidence
    assert text[ev.start:ev.end].strip() == ev.text
    assert "a rencontré" in ev.text


def test_typographic_apostrophes_keep_offsets(extractor):
    text = "Le président chinois Xi Jinping s’est entretenu jeudi avec le président kazakh Kassym-Jomart Tokaïev."
    m = only_meeting(extractor.extract(text, published="2024-05-23"))
    assert "Xi Jinping" in pair(m) and m.kind == "talks"
    assert text[m.evidence.start:m.evidence.end].strip() == m.evidence.text


# ----------------------------------------------------------------------------- English

def test_english_meeting_and_call(extractor):
    text = ("Russian President Vladimir Putin held talks with Uzbek President Shavkat Mirziyoyev in Tashkent on Tuesday.\n\n"
            "Kazakh President Kassym-Jomart Tokayev spoke by phone with Chinese President Xi Jinping on Wednesday.")
    result = extractor.extract(text, published="2022-07-06")
    assert result.language == "en"
    kinds = {frozenset(p.country for p in m.participants): m.kind for m in result.meetings}
    assert kinds.get(frozenset({"RU", "UZ"})) == "talks"
    assert kinds.get(frozenset({"KZ", "CN"})) == "call"


def test_english_planned_and_said_that(extractor):
    text = ("French President Emmanuel Macron will meet Ivorian President Alassane Ouattara in Paris next week.\n\n"
            "Macron said that the two countries share a long history.")
    result = extractor.extract(text, published="2017-06-09")
    assert only_meeting(result).status == "planned"
    q = result.quotes[0]
    assert q.speaker == "Emmanuel Macron" and q.text.startswith("the two countries")


def test_language_detection():
    assert detect_language("Le président a rencontré son homologue dans la capitale.") == "fr"
    assert detect_language("The president met his counterpart in the capital on Monday.") == "en"
    assert detect_language("") == "und"


# ----------------------------------------------------------------------------- robustness

def test_empty_text(extractor):
    result = extractor.extract("")
    assert result.meetings == () and result.quotes == ()


def test_ten_thousand_quote_marks(extractor):
    text = "« » “ ” \" ” “ «" * 1250
    extractor.extract(text[:10000])


def test_one_megabyte_in_reasonable_time(extractor):
    paragraph = ("Le président kazakh Kassym-Jomart Tokaïev a rencontré lundi à Astana le ministre chinois Wang Yi. "
                 "« Nous sommes de bons voisins », a-t-il déclaré.\n\n")
    text = (paragraph * (1_000_000 // len(paragraph)))[:1_000_000]
    started = time.perf_counter()
    result = extractor.extract(text, published="2024-05-22")
    assert time.perf_counter() - started < 120
    assert result.meetings


@pytest.mark.parametrize("text", [
    "\n".join(f"Ligne {i}." for i in range(60_000)),  # 60,000 tiny lines: was 25-28 s (quadratic sentence marks)
    "Le président Jean Dupont a rencontré le ministre Paul Martin à Paris. " * 15_000,  # 1 MB on one line: was ~7 s
    "Ahmed Ben Salah, Karim Diallo et Jean-Marc Ndiaye ont dit que tout va bien. " * 1_300,  # many names under 100,000 chars
])
def test_long_inputs_are_read_in_bounded_time(extractor, text):
    """Any input is read in a few seconds (3 s on the reference machine): the text is capped at 100,000
    characters and 10,000 tokens, and every rule is linear in the length."""
    started = time.perf_counter()
    result = extractor.extract(text, published="2024-05-22")
    assert time.perf_counter() - started < 15
    assert any("only the first" in w for w in result.warnings)


def test_sentence_marks_unchanged_by_the_fast_path(extractor):
    doc = extractor.nlp("Titre\nM. Xi a dit « bonjour. » Puis il est parti.\n\nAutre ligne")
    starts = [t.text for t in doc if t.is_sent_start]
    assert "M." in starts and "Autre" in starts and "Xi" not in starts


def test_extract_many_keeps_order(extractor):
    items = [("Le président kazakh Kassym-Jomart Tokaïev a rencontré lundi le ministre chinois Wang Yi.", "2024-05-22"),
             ("", None),
             ("The Russian president met the Chinese president on Monday.", "2024-05-22")]
    results = list(extractor.extract_many(items))
    assert [r.language for r in results] == ["fr", "und", "en"]


# ----------------------------------------------------------------------------- round 2: general rules

def test_name_glued_to_a_quote_is_cut(extractor):
    text = ("Le président chinois Xi Jinping a rencontré le président kazakh Kassym-Jomart Tokaïev. "
            "Xi a poursuivi, ajoutant qu'il s'entretiendrait avec Tokaïev “Bâtir ensemble un nouveau programme de coopération”.")
    result = extractor.extract(text, published="2022-09")
    assert all("“" not in name and "Bâtir" not in name for name in result.people)
    q = [q for q in result.quotes if q.kind == "direct"][0]
    assert q.speaker == "Xi Jinping"


def test_relative_pronoun_speaker(extractor):
    text = ("Le président sénégalais Macky Sall, qui a reçu lundi à Dakar son homologue gambien Adama Barrow, "
            "a déclaré “une nouvelle page de notre histoire”.")
    result = extractor.extract(text, published="2024-05-22")
    q = [q for q in result.quotes if q.kind == "direct"][0]
    assert q.speaker == "Macky Sall" and q.speaker_country == "SN"


def test_she_said_goes_to_the_woman_named_earlier(extractor):
    text = ("The visit was a success, the Kenyan spokeswoman Jane Wanjiru said. President Ruto met the French "
            "Foreign Minister on Friday. The two countries share many values, she said.")
    result = extractor.extract(text, published="2024-05-22")
    q = [q for q in result.quotes if q.text.startswith("The two countries")][0]
    assert q.speaker == "Jane Wanjiru"
    assert "Friday" not in result.people


def test_statement_speaker_is_the_issuing_institution(extractor):
    text = ("\"The leaders discussed regional security,\" the Kremlin said in a statement.\n\n"
            "Both sides agreed to expand cooperation in energy, the statement said.")
    result = extractor.extract(text, published="2024-05-22")
    assert {q.speaker for q in result.quotes} == {"Kremlin"}


def test_no_reported_quote_when_the_words_are_quoted(extractor):
    text = "In his remarks after the meeting, Smith said, \"We want better trade relations with our neighbours.\""
    quotes = extractor.extract(text, published="2024-05-22").quotes
    assert [q.kind for q in quotes] == ["direct"]


def test_near_future_is_planned_and_undated(extractor):
    m = only_meeting(extractor.extract(
        "Le président kenyan William Ruto va recevoir le chef de l'Etat ougandais, Yoweri Museveni.",
        published="2024-05-22"))
    assert m.status == "planned" and m.date is None


def test_undated_announcement_merges_with_the_dated_one(extractor):
    text = ("Le Premier ministre belge rencontrera son homologue néerlandais\n\n"
            "Le Premier ministre belge Jan Peeters doit se rendre lundi 24 juin aux Pays-Bas pour rencontrer son "
            "homologue néerlandais Pieter de Vries.")
    m = only_meeting(extractor.extract(text, published="2024-06-20"))
    assert m.status == "planned" and m.date == "2024-06-24"
    assert {p.country for p in m.participants} == {"BE", "NL"}


def test_document_issuer_named_in_the_phrase(extractor):
    text = "« Le dialogue se poursuit », indique le communiqué publié sur le site de la diplomatie russe."
    q = extractor.extract(text, published="2024-05-22").quotes[0]
    assert q.speaker == "ministère russe des Affaires étrangères" and q.speaker_country == "RU"


# ----------------------------------------------------------------------------- hold-out round (version 0.6.0)
# Each test below is a phenomenon the hand-written hold-out (tests/extraction/holdout) showed
# the rules missing; the sentences are new, written for these tests.

def test_talks_held_as_a_noun_object(extractor):
    m = only_meeting(extractor.extract(
        "Le ministre kényan des Affaires étrangères Musalia Mudavadi a tenu mardi à Nairobi des pourparlers avec "
        "son homologue éthiopien Gedion Timothewos.", published="2024-05-22"))
    assert m.kind == "talks" and m.status == "held" and len(m.participants) == 2


def test_source_before_the_meeting_keeps_its_participants(extractor):
    m = only_meeting(extractor.extract(
        "Selon la présidence, le président ghanéen Nana Akufo-Addo a reçu mardi à Accra le ministre togolais "
        "des Affaires étrangères Robert Dussey.", published="2024-05-22"))
    assert {p.country for p in m.participants} == {"GH", "TG"}


def test_split_quotation_with_feminine_inverted_pronoun(extractor):
    text = ("La porte-parole du gouvernement, Aminata Koné, a répondu aux journalistes. « Le calendrier sera tenu », "
            "a-t-elle assuré, « et les élections auront lieu à la date prévue ».")
    quotes = [q for q in extractor.extract(text, published="2024-05-22").quotes if q.kind == "direct"]
    assert [q.text for q in quotes] == ["Le calendrier sera tenu", "et les élections auront lieu à la date prévue"]
    assert {q.speaker for q in quotes} == {"Aminata Koné"}


def test_one_word_quoted_fragment(extractor):
    text = "Le ministre malien des Affaires étrangères Abdoulaye Diop a jugé la proposition « irréaliste »."
    quotes = extractor.extract(text, published="2024-05-22").quotes
    assert [(q.kind, q.text, q.speaker) for q in quotes] == [("direct", "irréaliste", "Abdoulaye Diop")]


def test_bare_role_noun_speaker_is_the_named_diplomat(extractor):
    text = ("L'ambassadeur de Tunisie au Niger, Karim Ben Salah, a reçu la presse.\n\n"
            "Le diplomate a rappelé que les deux pays coopèrent depuis longtemps dans le domaine de la santé.")
    q = extractor.extract(text, published="2024-05-22").quotes[0]
    assert q.speaker == "Karim Ben Salah"


def test_told_reporters_then_that_clause(extractor):
    text = "Foreign Minister Anna Berg told reporters after the session that Norway would double its aid to the region."
    q = extractor.extract(text, published="2024-05-22").quotes[0]
    assert q.kind == "reported" and q.speaker == "Anna Berg" and q.text.startswith("Norway would double")


def test_quotation_over_two_paragraphs_is_attributed_at_its_end(extractor):
    text = ("Le ministre sénégalais Cheikh Ndiaye a détaillé son plan.\n\n"
            "« Nous allons construire trois ports. Le premier ouvrira en 2026.\n\n"
            "« Les deux autres suivront avant la fin de la décennie », a-t-il déclaré.")
    quotes = [q for q in extractor.extract(text, published="2024-05-22").quotes if q.kind == "direct"]
    assert len(quotes) == 2 and {q.speaker for q in quotes} == {"Cheikh Ndiaye"}


def test_next_quotation_after_short_attribution_sentence(extractor):
    text = ("Trade Minister Lerato Mokoena spoke in Cape Town. “The border will reopen on Monday,” she told reporters. "
            "“Trucks will be checked in under an hour.”")
    quotes = [q for q in extractor.extract(text, published="2024-05-22").quotes if q.kind == "direct"]
    assert len(quotes) == 2 and {q.speaker for q in quotes} == {"Lerato Mokoena"}


@pytest.mark.parametrize("text", [
    "Il convient de noter que les deux pays ont signé un accord de pêche en 2019.",
    "Exports reached 3 billion dollars last year, according to official figures.",
    "Le Président Kaboré a, pour sa part, salué la qualité des relations entre les deux pays.",
])
def test_no_speaker_behind_impersonal_statistics_or_incidental_commas(extractor, text):
    quotes = extractor.extract(text, published="2024-05-22").quotes
    assert not any("qualité" in (q.speaker or "") or (q.speaker or "").lower() in ("official", "il") for q in quotes)
    assert not [q for q in quotes if q.kind == "reported"]


def test_call_and_later_session_are_two_meetings(extractor):
    text = ("Le président béninois Patrice Talon s'est entretenu au téléphone lundi avec le président nigérien Mohamed "
            "Bazoum.\n\nLes deux dirigeants tiendront une séance de travail à Cotonou le mois prochain.")
    meetings = extractor.extract(text, published="2022-03-07").meetings
    assert sorted((m.kind, m.status, m.place) for m in meetings) == [("call", "held", None), ("meeting", "planned", "Cotonou")]


def test_past_meeting_in_another_month_is_not_the_call(extractor):
    text = ("President Lars Holm had a phone call with President Mika Virtanen on Sunday, the presidency said.\n\n"
            "The two leaders last met in Oslo in May.")
    meetings = extractor.extract(text, published="2025-07-13").meetings
    call = [m for m in meetings if m.kind == "call"]
    assert call and call[0].place is None


def test_travel_to_a_city_to_meet_gives_the_place(extractor):
    m = only_meeting(extractor.extract(
        "Ghanaian President John Mahama will travel to Lomé on Friday to meet Togolese President Faure Gnassingbé.",
        published="2025-06-09"))
    assert m.status == "planned" and m.place == "Lomé" and m.date == "2025-06-13"


def test_earlier_in_the_day_takes_the_previous_meeting_date(extractor):
    text = ("Le ministre ghanéen des Affaires étrangères Samuel Ablakwa s'est entretenu lundi 3 mars à Abidjan avec son "
            "homologue ivoirien Léon Kacou Adom.\n\nPlus tôt dans la journée, Samuel Ablakwa avait été reçu par le "
            "président ivoirien Alassane Ouattara.")
    meetings = extractor.extract(text, published="2025-03-04").meetings
    assert {m.date for m in meetings} == {"2025-03-03"} and len(meetings) == 2


# ----------------------------------------------------------------------------- 0.7.0: second hold-out phenomena

def test_content_clause_around_a_short_fragment_is_not_a_quote(extractor):
    result = extractor.extract("Le ministre béninois des Affaires étrangères, Paul Adjovi, a estimé que la réunion marquait "
                               "« un tournant » pour la région.", published="2025-01-10")
    assert [(q.kind, q.text) for q in result.quotes] == [("direct", "un tournant")]


def test_sentence_before_the_attribution_keeps_its_fragment(extractor):
    result = extractor.extract("La réunion aura lieu à Cotonou « pour un dîner de travail », a annoncé la présidence béninoise.",
                               published="2025-01-10")
    assert any(q.kind == "reported" for q in result.quotes)


def test_rank_before_a_name_is_no_participant(extractor):
    m = only_meeting(extractor.extract("Le Président de la République, le Général Assimi Goïta, a reçu mardi à Bamako "
                                       "le ministre nigérien des Affaires étrangères Bakary Yaou Sangaré.", published="2025-01-14"))
    assert pair(m) == {"Assimi Goïta", "Bakary Yaou Sangaré"}


def test_capitalised_noun_of_a_long_title_is_no_name(extractor):
    m = only_meeting(extractor.extract("Le ministre des Sports du Bénin, Benjamin Hounkpatin, a reçu lundi à Cotonou le ministre "
                                       "togolais de la Jeunesse, de la Culture et des Sports, Kossi Ahlonko.", published="2025-01-13"))
    assert pair(m) == {"Benjamin Hounkpatin", "Kossi Ahlonko"}


def test_city_after_a_summit_or_a_date_is_no_person(extractor):
    result = extractor.extract("Le ministre a indiqué que le président péruvien Dina Ramos participerait au sommet de Manaus, "
                               "prévu en août à Manaus.", published="2025-01-13")
    assert all("Manaus" not in pair(m) for m in result.meetings)


def test_gathering_name_is_not_a_second_place(extractor):
    result = extractor.extract("President Luis Arce is expected to meet Paraguayan President Santiago Pena at the Mercosur "
                               "summit in Montevideo next month, a government spokesman said.", published="2025-01-13")
    m = only_meeting(result)
    assert m.place != "Mercosur" and m.status == "planned"


def test_pronoun_continues_an_unnamed_spokesman(extractor):
    result = extractor.extract("Le ministre ghanéen Samuel Ablakwa a reçu lundi à Accra son homologue togolais Robert Dussey.\n\n"
                               "« La frontière restera ouverte », a déclaré le porte-parole du ministère ghanéen des Affaires "
                               "étrangères. Il a ajouté que le Ghana soutenait « toute médiation régionale » dans la crise.",
                               published="2025-01-13")
    speakers = {q.text: q.speaker for q in result.quotes}
    assert "porte-parole" in speakers["toute médiation régionale"]


def test_selon_lui_resolves_the_pronoun(extractor):
    result = extractor.extract("Le ministre arménien des Affaires étrangères Ararat Mirzoyan a rencontré mardi à Erevan son homologue "
                               "géorgien. Selon lui, la route du Nord doit rouvrir avant l'hiver.", published="2025-01-14")
    assert [q.speaker for q in result.quotes] == ["Ararat Mirzoyan"]


def test_attribution_inside_unclosed_marks_splits_the_quotation(extractor):
    result = extractor.extract("Le président chilien Gabriel Boric a reçu mardi le ministre. « Le désert n'est pas une frontière, "
                               "a martelé Boric devant la presse. Il est un lien entre nos peuples. »", published="2025-01-14")
    assert [(q.kind, q.speaker, q.text) for q in result.quotes] == [
        ("direct", "Gabriel Boric", "Le désert n'est pas une frontière"),
        ("direct", "Gabriel Boric", "Il est un lien entre nos peuples")]


@pytest.mark.parametrize("sentence, other", [
    ("Le président sénégalais Bassirou Diomaye Faye et le président gambien Adama Barrow ont co-présidé mardi à Banjul "
     "le forum économique sénégalo-gambien.", "Adama Barrow"),
    ("Le Premier ministre thaïlandais Anutin Charnvirakul a rendu mardi une visite de courtoisie au président du Sénat "
     "malaisien Awang Bemee.", "Awang Bemee"),
])
def test_cochairing_and_courtesy_visits_are_meetings(extractor, sentence, other):
    m = only_meeting(extractor.extract(sentence, published="2025-01-15"))
    assert other in pair(m) and m.status == "held"


def test_return_home_is_not_a_second_place(extractor):
    m = only_meeting(extractor.extract("Jeudi, le président philippin Ferdinand Marcos rencontrera le sultan Hassanal Bolkiah "
                                       "au palais Istana Nurul Iman avant de rentrer à Manille.", published="2025-01-14"))
    assert m.status == "planned" and m.place != "Manille"


def test_two_heads_of_state_are_not_the_last_two_ministers(extractor):
    result = extractor.extract("Le président péruvien José Jerí a reçu mardi à Lima le ministre chilien des Affaires étrangères "
                               "Alberto van Klaveren. M. van Klaveren rencontrera jeudi à Quito son homologue équatorien Gabriela "
                               "Sommerfeld. Il a indiqué que le président Gabriel Boric viendrait à Lima en mai. Les deux chefs "
                               "d'Etat se sont déjà rencontrés l'an dernier à Santiago.", published="2025-01-14")
    pairs = [pair(m) for m in result.meetings]
    assert pairs.count({"Alberto van Klaveren", "Gabriela Sommerfeld"}) == 1
    assert {"Gabriel Boric", "José Jerí"} in pairs


def test_friendly_match_is_no_meeting_nor_its_place(extractor):
    result = extractor.extract("Le président ghanéen John Mahama a reçu vendredi à Accra le Premier ministre togolais Faure Gnassingbé. "
                               "Le soir, M. Gnassingbé a assisté au stade Ohene Djan à la rencontre amicale entre le Ghana et le Togo, "
                               "remportée 1-0 par les Black Stars.", published="2025-01-17")
    m = only_meeting(result)
    assert "Ohene" not in (m.place or "")


def test_relative_clause_about_a_participant_dates_nothing(extractor):
    result = extractor.extract("Prime Minister Hun Manet received Laotian President Thongloun Sisoulith on Monday. In a separate "
                               "meeting, Hun Manet also received Timor-Leste President Jose Ramos-Horta, whose country is set to "
                               "host the summit in November.", published="2025-05-27")
    dates = {m.date for m in result.meetings if "Jose Ramos-Horta" in pair(m)}
    assert dates and not any(d and d.startswith("2025-11") for d in dates)


def test_place_of_a_topic_is_not_the_meeting_place(extractor):
    m = only_meeting(extractor.extract("Indonesian President Prabowo Subianto met with Vietnamese Prime Minister Pham Minh Chinh "
                                       "on Monday, discussing maritime cooperation in the South China Sea.", published="2025-05-27"))
    assert m.place is None or "China Sea" not in m.place


def test_english_premier_is_a_role_with_its_country(extractor):
    result = extractor.extract("Thai Prime Minister Anutin Charnvirakul is due to meet Chinese Premier Li Qiang on Tuesday in Bangkok.",
                               published="2025-05-26")
    m = only_meeting(result)
    li = next(p for p in m.participants if p.name == "Li Qiang")
    assert li.country == "CN" and li.role and "Premier" in li.role


def test_incidental_phrase_without_commas_keeps_the_speaker(extractor):
    result = extractor.extract("Le président croate Zoran Milanovic a reçu lundi le Premier ministre slovène Robert Golob. "
                               "Lors de sa rencontre avec la presse, M. Golob a pour sa part jugé « prématurée » la réforme du "
                               "traité.", published="2025-01-13")
    assert [(q.speaker, q.text) for q in result.quotes] == [("Robert Golob", "prématurée")]


def test_announced_visit_dates_its_meeting(extractor):
    m = only_meeting(extractor.extract("Le ministre coréen Cho Tae-yul se rendra à Hanoï le mois prochain, où il doit rencontrer "
                                       "le président vietnamien Luong Cuong.", published="2025-04-16"))
    assert m.status == "planned" and m.date == "2025-05"


@pytest.mark.parametrize(
    "sentence, place",
    [
        ("Le 3 mai 2024, le président égyptien Abdel Fattah al-Sissi a reçu au Caire le président tunisien Kaïs Saïed.", "Le Caire"),
        ("Le 3 mai 2024, le Premier ministre français Gabriel Attal a rencontré au Havre le Premier ministre belge Alexander De Croo.", "Le Havre"),
    ],
)
def test_an_article_lost_to_au_is_given_back_to_the_town(extractor, sentence, place):
    (m,) = extractor.extract(sentence, published="2024-05-03").meetings
    assert m.place == place


def test_au_before_a_common_noun_adds_no_article(extractor):
    text = "Le 3 mai 2024, le président serbe Aleksandar Vucic a reçu au palais de Serbie le Premier ministre grec Kyriakos Mitsotakis."
    (m,) = extractor.extract(text, published="2024-05-03").meetings
    assert not (m.place or "").startswith("Le ")
