"""Fresh-sentence battery (issue 10): new wordings of each failure kind seen on unseen real press,
written before the rules that answer them, so the first-run pass rate is an honest measure of how
the extractor generalises (recorded in extraction/README.md). Every sentence and name is invented
for these tests; none is taken from an article.

Each case is a text, a publication date and one check on the result; the checks are the small
functions below, so a case reads as "this text -> this speaker / these participants".
"""

from __future__ import annotations

import pytest

PUB = "2024-05-22"  # a Wednesday


def _speakers(result) -> list:
    return [q.speaker for q in result.quotes]


def speaker_is(name, country=None):
    """Every quote of the text is by `name` (and from `country`), and there is at least one."""
    def check(result):
        assert result.quotes, "no quote"
        assert set(_speakers(result)) == {name}, _speakers(result)
        if country:
            assert {q.speaker_country for q in result.quotes} == {country}, result.quotes
    return check


def quote_by(fragment, name):
    """Some quote holding `fragment` is by `name`."""
    def check(result):
        assert any(fragment in q.text and q.speaker == name for q in result.quotes), result.quotes
    return check


def no_speaker(*bad):
    """No quote is given to a word that is not a speaker."""
    def check(result):
        assert not set(_speakers(result)) & set(bad), _speakers(result)
    return check


def direct_quote(text, speaker):
    """A direct quote of exactly these words, by this speaker."""
    def check(result):
        assert any(q.kind == "direct" and q.text == text and q.speaker == speaker for q in result.quotes), result.quotes
    return check


def no_direct_quote(text):
    """No direct quote of exactly these words."""
    def check(result):
        assert not any(q.kind == "direct" and q.text == text for q in result.quotes), result.quotes
    return check


def no_quote_holding(fragment):
    """No quote holds `fragment` (the words of an attribution, not of a statement)."""
    def check(result):
        assert not any(fragment in q.text for q in result.quotes), result.quotes
    return check


def quote_text(fragment, not_start=None):
    """Some quote holds `fragment`; none starts with `not_start` (a dateline or agency tag)."""
    def check(result):
        assert any(fragment in q.text for q in result.quotes), result.quotes
        if not_start:
            assert not any(q.text.lstrip().startswith(not_start) for q in result.quotes), result.quotes
    return check


def meeting(names=None, *, countries=None, date=None, place=None, status=None, kind=None, count=None):
    """Some meeting has these named participants (and these countries, date, place, status, kind)."""
    def check(result):
        found = result.meetings
        if count is not None:
            assert len(found) == count, found
        for m in found:
            got = {p.name for p in m.participants if p.name}
            if names is not None and got != set(names):
                continue
            if countries is not None and not set(countries) <= {p.country for p in m.participants}:
                continue
            if (date, place, status, kind) != (date and m.date, place and m.place, status and m.status,
                                               kind and m.kind):
                continue
            return
        raise AssertionError(found)
    return check


def encounters(*expected, fields=("kind",)):
    """The meetings, each as (names, *fields), in any order."""
    def check(result):
        got = sorted((sorted(p.name for p in m.participants if p.name), *(getattr(m, f) for f in fields))
                     for m in result.meetings)
        assert got == sorted((sorted(e[0]), *e[1:]) for e in expected), result.meetings
    return check


def only_parties(*expected):
    """One meeting, of these (name, country) parties and no other."""
    def check(result):
        assert [sorted((p.name, p.country) for p in m.participants) for m in result.meetings] == [sorted(expected)], \
            result.meetings
    return check


def no_meeting():
    """The text reports no encounter."""
    def check(result):
        assert not result.meetings, result.meetings
    return check


def has_encounter(names: set[str]):
    """Among the meetings, one of exactly these named parties (others may be told too)."""
    def check(result):
        assert any({p.name for p in m.participants} == names for m in result.meetings), result.meetings
    return check


def bilaterals(*pairs):
    """One meeting per pair of countries, and no other."""
    def check(result):
        got = {frozenset(p.country for p in m.participants) for m in result.meetings}
        assert got == {frozenset(p) for p in pairs}, result.meetings
    return check


def person_country(name, country):
    """Wherever `name` takes part or speaks, the country is `country`."""
    def check(result):
        seen = [p.country for m in result.meetings for p in m.participants if p.name == name]
        seen += [q.speaker_country for q in result.quotes if q.speaker == name]
        assert seen and set(seen) == {country}, (seen, result.meetings)
    return check


CASES = [
    # --------------------------------------------------------------- speakers that are not people
    pytest.param(
        "Compte tenu de la situation, la présence de troupes étrangères à la frontière est inacceptable, "
        "a indiqué le ministère tchadien des Affaires étrangères.",
        PUB, no_speaker("Compte", "compte", "présence", "situation"), id="fr-not-a-person-compte-presence"),
    pytest.param(
        "Au menu des discussions figuraient l'énergie et le transit du gaz, a précisé la présidence ouzbèke.",
        PUB, no_speaker("menu des discussions", "menu", "discussions"), id="fr-not-a-person-menu"),
    pytest.param(
        "In a podcast aired on Friday, the deputy minister said the pipeline would be finished by 2026.",
        PUB, no_speaker("podcast", "Friday"), id="en-not-a-person-podcast"),
    pytest.param(
        "« La porte reste ouverte. » Le ministre a ensuite quitté la salle sans répondre aux questions.",
        PUB, no_speaker("»", "«", "porte"), id="fr-not-a-person-guillemet"),
    pytest.param(
        "Ankara a affirmé mardi que l'accord sur les céréales devait être prolongé sans conditions.",
        PUB, no_speaker("Ankara"), id="fr-not-a-person-city"),
    pytest.param(
        "Mr. said nothing more. They added that the talks would resume in June, according to the phone readout.",
        PUB, no_speaker("Mr", "Mr.", "They", "phone"), id="en-not-a-person-mr-they"),
    pytest.param(
        "The trend, the minister's office said, is towards closer cooperation on water management.",
        PUB, no_speaker("trend", "The trend"), id="en-not-a-person-trend"),
    pytest.param(
        "Le service de presse de l'Akorda a indiqué que les deux présidents avaient signé six accords.",
        PUB, speaker_is("service de presse de l'Akorda", "KZ"), id="fr-institution-press-service"),

    # --------------------------------------------------------------- roles linked to the person named earlier
    pytest.param(
        "La présidente moldave Elena Rusu a accueilli vendredi à Chisinau le chancelier autrichien Markus Huber.\n\n"
        "La cheffe de l'Etat a estimé que l'adhésion à l'Union européenne restait la priorité de son pays.",
        PUB, speaker_is("Elena Rusu", "MD"), id="fr-role-head-of-state-feminine"),
    pytest.param(
        "Japanese Foreign Minister Haruto Mori held talks with his Brazilian counterpart Paulo Costa in Tokyo "
        "on Friday.\n\nThe Brazilian minister said both sides had agreed to open a direct flight.",
        PUB, speaker_is("Paulo Costa", "BR"), id="en-role-minister-by-nationality"),
    pytest.param(
        "Le porte-parole du chef de l'Etat russe, Dmitri Volkov, a indiqué lundi que la date n'était pas fixée.\n\n"
        "Un porte-parole du Kremlin a par ailleurs précisé que le sommet se tiendrait à Moscou.",
        PUB, speaker_is("Dmitri Volkov", "RU"), id="fr-role-kremlin-spokesman-named-earlier"),
    pytest.param(
        "« Aucune date n'est encore fixée », a déclaré le porte - parole du Kremlin, Dmitri Volkov.",
        PUB, speaker_is("Dmitri Volkov", "RU"), id="fr-role-spaced-hyphen-named"),
    pytest.param(
        "Le porte - parole du Kremlin a assuré que la Russie restait ouverte au dialogue.",
        PUB, no_speaker("porte - parole du Kremlin"), id="fr-role-spaced-hyphen-unnamed"),
    pytest.param(
        "Le Premier ministre de la République d'Arménie, Aram Petrosyan, a déclaré jeudi que la frontière "
        "devait être délimitée avant la fin de l'année.",
        PUB, speaker_is("Aram Petrosyan", "AM"), id="fr-role-pm-of-the-republic-of"),
    pytest.param(
        "Le président turc Mehmet Kaya a reçu lundi à Ankara le Premier ministre irakien Ali Jaber.\n\n"
        "Le dirigeant turc a jugé que la coopération contre le terrorisme devait être renforcée.",
        PUB, speaker_is("Mehmet Kaya", "TR"), id="fr-role-the-turkish-leader"),
    pytest.param(
        "\"We are not there yet,\" European Commission spokesperson Anna Berg told reporters.\n\n"
        "The Commission spokesperson added that a proposal would come in July.",
        PUB, speaker_is("Anna Berg", "EU"), id="en-role-commission-spokesperson"),

    # --------------------------------------------------------------- the wrong one of two parties
    pytest.param(
        "Le président ouzbek Rustam Nazarov a affirmé à son homologue tadjik Farhod Rahimov que Tachkent était "
        "prêt à financer la nouvelle centrale.",
        PUB, speaker_is("Rustam Nazarov"), id="fr-party-affirmed-to-counterpart"),
    pytest.param(
        "Le ministre algérien Karim Benali a exposé à son homologue français Jean Morel la position de son pays "
        "sur la crise au Sahel.",
        PUB, no_speaker("Jean Morel"), id="fr-party-exposed-to"),
    pytest.param(
        "President Ana Lopes told her Angolan counterpart Joao Mendes that Portugal would back the new railway.",
        PUB, speaker_is("Ana Lopes"), id="en-party-told-counterpart"),
    pytest.param(
        "Chinese foreign ministry spokesman Wang Lei told reporters that Foreign Minister Zhao Min would travel "
        "to Berlin next week to meet his German counterpart.",
        PUB, speaker_is("Wang Lei"), id="en-party-spokesman-briefing"),
    pytest.param(
        "La porte-parole du ministère russe des Affaires étrangères, Irina Sokolova, a annoncé que le ministre "
        "Pavel Orlov se rendrait à Pékin la semaine prochaine.",
        PUB, speaker_is("Irina Sokolova"), id="fr-party-spokeswoman-announces-visit"),

    # --------------------------------------------------------------- missed meetings
    pytest.param(
        "date 2024-03-05\nEntretien téléphonique avec M. Arjun MEHTA, Premier ministre de l'Inde\n\n"
        "Le Président de la République, Louis Berthier, a eu ce jour un entretien téléphonique avec "
        "M. Arjun MEHTA, Premier ministre de l'Inde.",
        None, meeting({"Louis Berthier", "Arjun MEHTA"}, kind="call", date="2024-03-05"), id="fr-meet-headline-call"),
    pytest.param(
        "date 2024-06-11\nSecretary Grant's Meeting with Georgian Prime Minister Levan Abashidze\n\n"
        "Secretary of State Paul Grant met today with Georgian Prime Minister Levan Abashidze in Washington.",
        None, meeting({"Paul Grant", "Levan Abashidze"}, date="2024-06-11", place="Washington"),
        id="en-meet-headline-meeting"),
    pytest.param(
        "Head of State receives the credentials of the ambassadors of Italy and Peru\n\n"
        "President Arman Sadykov received on Tuesday the ambassadors of Italy and Peru at the Akorda.",
        PUB, meeting(countries={"IT", "PE"}), id="en-meet-receives-ambassadors"),
    pytest.param(
        "Le président Ilyas KARIMOV a reçu jeudi M. Hamid SAIDI, ministre marocain de l'Industrie.",
        PUB, meeting({"Ilyas KARIMOV", "Hamid SAIDI"}), id="fr-meet-names-in-capitals"),
    pytest.param(
        "Kazakh Foreign Minister Dana Aliyeva was received on Monday by Turkmen Prime Minister Serdar Annayev "
        "in Ashgabat.",
        PUB, meeting({"Dana Aliyeva", "Serdar Annayev"}, place="Ashgabat"), id="en-meet-received-by-pm"),
    pytest.param(
        "Les présidents russe, turc et iranien, Ivan Petrov, Mehmet Kaya et Reza Karimi, ont échangé mardi par "
        "téléphone.\n\nLes trois dirigeants doivent se retrouver en septembre à Téhéran.",
        PUB, meeting({"Ivan Petrov", "Mehmet Kaya", "Reza Karimi"}, status="planned", date="2024-09",
                     place="Téhéran"), id="fr-meet-planned-trilateral"),
    pytest.param(
        "Indian External Affairs Minister Ravi Kumar held separate talks with his Japanese, Australian and "
        "American counterparts on Wednesday in Tokyo.",
        PUB, bilaterals({"IN", "JP"}, {"IN", "AU"}, {"IN", "US"}), id="en-meet-several-bilaterals"),
    pytest.param(
        "Le président nigérian Bola Adeyemi a salué la qualité de ses échanges avec Louis Berthier, qui l'a "
        "accueilli mardi à l'Elysée.",
        PUB, meeting({"Bola Adeyemi", "Louis Berthier"}, date="2024-05-21"), id="fr-meet-object-pronoun-welcome"),

    # --------------------------------------------------------------- English names and dates
    pytest.param(
        "Kazakh President Nurlan-Bek Ospanov met South Korean President Park Ji-hoon in Seoul on Monday.",
        PUB, meeting({"Nurlan-Bek Ospanov", "Park Ji-hoon"}, date="2024-05-20"), id="en-names-hyphenated"),
    pytest.param(
        "Foreign Minister Pavel Orlov and his Chilean counterpart Diego Rojas met on December 30 in Geneva.",
        "2025-01-03", meeting({"Pavel Orlov", "Diego Rojas"}, date="2024-12-30"), id="en-date-nearest-year"),
    pytest.param(
        "ASTANA, Feb 12 (Kazinform) - Kazakh President Arman Sadykov met Uzbek President Rustam Nazarov "
        "on Thursday in Astana.",
        "2024-02-16", meeting({"Arman Sadykov", "Rustam Nazarov"}, date="2024-02-08"), id="en-date-weekday-dateline"),
    pytest.param(
        "U.S. Secretary of State Anthony J. Harlow met Emirati Foreign Minister Sheikh Khalid bin Hamad Al Mansouri "
        "in Abu Dhabi on Tuesday.",
        PUB, meeting({"Anthony J. Harlow", "Khalid bin Hamad Al Mansouri"}), id="en-names-initial-and-arabic"),

    # --------------------------------------------------------------- countries from roles
    pytest.param(
        "Iran's Foreign Minister Reza Karimi met the Saudi foreign minister, Faisal al-Harbi, in Tehran on Sunday. "
        "Iran has sought closer ties with its neighbours, and Iran's economy needs investment, Iran's media said.",
        PUB, person_country("Faisal al-Harbi", "SA"), id="en-country-saudi-role-against-most-mentioned"),
    pytest.param(
        "Le ministre émirien de l'Economie, Saeed Al Falasi, s'est entretenu lundi à Paris avec le ministre "
        "français Jean Morel.",
        PUB, person_country("Saeed Al Falasi", "AE"), id="fr-country-emirati-minister"),
    pytest.param(
        "EU foreign policy chief Maria Lindqvist met Serbian President Milan Jovic in Belgrade on Thursday.",
        PUB, person_country("Maria Lindqvist", "EU"), id="en-country-eu-official"),

    # --------------------------------------------------------------- reported speech
    pytest.param(
        "La ministre Claire Duval a souligné la nécessité d'un cessez-le-feu durable dans la région.",
        PUB, quote_by("nécessité d'un cessez-le-feu durable", "Claire Duval"), id="fr-reported-souligner-necessite"),
    pytest.param(
        "Prime Minister Ali Jaber underlined the importance of protecting the country's water resources.",
        PUB, quote_by("importance of protecting the country's water resources", "Ali Jaber"),
        id="en-reported-underlined-importance"),
    pytest.param(
        "Le président Mehmet Kaya a qualifié les nouvelles sanctions d'illégales et d'inefficaces.",
        PUB, quote_by("sanctions d'illégales", "Mehmet Kaya"), id="fr-reported-qualifier-de"),
    pytest.param(
        "Foreign Minister Haruto Mori called for restraint on both sides of the border.",
        PUB, quote_by("restraint on both sides", "Haruto Mori"), id="en-reported-called-for"),
    pytest.param(
        "La présidente Elena Rusu a reçu jeudi le chancelier Markus Huber. Selon elle, les deux pays doivent "
        "relier leurs réseaux électriques.",
        PUB, quote_by("relier leurs réseaux électriques", "Elena Rusu"), id="fr-reported-selon-elle"),
    pytest.param(
        "Les deux pays ouvriront un consulat à Samarcande, a rappelé le ministre Rustam Nazarov, précisant que, "
        "dans ce but, un groupe de travail serait créé.",
        PUB, quote_by("un groupe de travail serait créé", "Rustam Nazarov"), id="fr-reported-participle-after-incise"),
    pytest.param(
        "MOSCOU, 10 novembre (Reuters) - Le ministre russe Pavel Orlov a déclaré que Moscou était prêt à discuter.",
        "2024-11-10", quote_text("Moscou était prêt à discuter", not_start="MOSCOU"), id="fr-reported-no-dateline"),
    pytest.param(
        "MOSCOW, June 3. /TASS/. Russia is ready to resume the talks at any time, Kremlin spokesman Dmitri Volkov "
        "said.",
        "2024-06-03", quote_text("Russia is ready to resume the talks", not_start="/"), id="en-reported-no-tass-tag"),
    pytest.param(
        "Le ministre Jean Morel a déclaré que la France soutiendrait le projet. Il a également estimé que le "
        "financement européen devait être doublé.",
        PUB, quote_by("financement européen devait être doublé", "Jean Morel"), id="fr-reported-continued"),
]

# Second round, written after the first round's fixes and run before any further change: longer
# agency-style texts, other verbs of meeting and saying, other ways of naming the same person.
CASES_ROUND2 = [
    pytest.param(
        "MOSCOW, November 12. /TASS/. Russian Foreign Minister Pavel Orlov held talks with his Egyptian "
        "counterpart Khaled Mansour in Moscow on Tuesday, the Russian Foreign Ministry said.",
        "2024-11-12", meeting({"Pavel Orlov", "Khaled Mansour"}, date="2024-11-12", place="Moscow"), id="en-tass-talks"),
    pytest.param(
        "BEIJING, 5 mars (Xinhua) -- Le président chinois Wen Bo a rencontré mardi à Beijing le Premier ministre "
        "pakistanais Imran Qadir.",
        "2024-03-06", meeting({"Wen Bo", "Imran Qadir"}, date="2024-03-05"), id="fr-xinhua-met-tuesday"),
    pytest.param(
        "Interrogée sur la visite du ministre iranien à Moscou, la porte-parole de la diplomatie russe Irina "
        "Sokolova a déclaré que cette visite permettrait de préparer le prochain sommet.",
        PUB, speaker_is("Irina Sokolova", "RU"), id="fr-spokeswoman-asked-about-visit"),
    pytest.param(
        "Le chef de la diplomatie russe, Pavel Orlov, a rencontré lundi à Moscou son homologue égyptien.\n\n"
        "Le ministre a souligné que les deux pays partageaient la même vision de la crise régionale.",
        PUB, speaker_is("Pavel Orlov", "RU"), id="fr-role-bare-minister"),
    pytest.param(
        "In a phone call on Monday, Turkish President Mehmet Kaya and Russian President Ivan Petrov discussed "
        "grain exports.",
        PUB, meeting({"Mehmet Kaya", "Ivan Petrov"}, kind="call", date="2024-05-20"), id="en-phone-call-coordinated"),
    pytest.param(
        "Prime Minister Arjun Mehta hosted his Bangladeshi counterpart Rahima Akter for talks in New Delhi on "
        "Saturday.",
        PUB, meeting({"Arjun Mehta", "Rahima Akter"}, date="2024-05-18", place="New Delhi"), id="en-hosted-for-talks"),
    pytest.param(
        "Le président russe Ivan PETROV a eu jeudi un entretien téléphonique avec le président azerbaïdjanais "
        "Elnur HUSEYNOV, a annoncé le service de presse du Kremlin.",
        PUB, meeting({"Ivan PETROV", "Elnur HUSEYNOV"}, kind="call", date="2024-05-16"), id="fr-capitals-phone-call"),
    pytest.param(
        "Foreign Minister Haruto Mori met his Indian counterpart Ravi Kumar in Tokyo on Tuesday. He said the two "
        "sides would hold a maritime dialogue before the end of the year.",
        PUB, quote_by("maritime dialogue", "Haruto Mori"), id="en-pronoun-subject-of-previous"),
    pytest.param(
        "Pour le ministre Jean Morel, la réforme du Conseil de sécurité doit aller plus loin que prévu.",
        PUB, quote_by("réforme du Conseil de sécurité doit aller plus loin", "Jean Morel"), id="fr-pour-x"),
    pytest.param(
        "The two presidents signed six agreements on energy and transport, according to the Akorda press service.",
        PUB, speaker_is("Akorda press service", "KZ"), id="en-according-press-service"),
    pytest.param(
        "Le président Ilyas KARIMOV effectuera une visite d'Etat en Chine du 3 au 5 juillet, à l'invitation de son "
        "homologue chinois Wen Bo.",
        PUB, meeting({"Ilyas KARIMOV", "Wen Bo"}, status="planned"), id="fr-planned-state-visit"),
    pytest.param(
        "Le Premier ministre Aminata Diallo a reçu en audience, lundi, l'ambassadeur de Chine au Sénégal, M. Li Wei.",
        PUB, meeting({"Aminata Diallo", "Li Wei"}, date="2024-05-20"), id="fr-recu-en-audience"),
    pytest.param(
        "Japanese Ambassador Kenji Sato paid a courtesy call on President Arman Sadykov on Monday.",
        PUB, meeting({"Kenji Sato", "Arman Sadykov"}, date="2024-05-20"), id="en-courtesy-call-on"),
    pytest.param(
        "En marge du sommet du G20 à Rio, le président Louis Berthier s'est entretenu avec le Premier ministre "
        "indien Arjun Mehta.",
        PUB, meeting({"Louis Berthier", "Arjun Mehta"}), id="fr-en-marge-du-sommet"),
    pytest.param(
        "South Korean Foreign Minister Han Seo-yeon met Japanese Foreign Minister Kenji Sato in Busan on Friday.",
        PUB, meeting({"Han Seo-yeon", "Kenji Sato"}, date="2024-05-17", place="Busan"), id="en-korean-name"),
    pytest.param(
        "Le Premier ministre Karim Haddad a reçu lundi le ministre turc du Commerce, Ahmet Yilmaz.\n\n"
        "Le chef du gouvernement a affirmé que les échanges bilatéraux devaient atteindre dix milliards de dollars.",
        PUB, speaker_is("Karim Haddad"), id="fr-role-head-of-government"),
    pytest.param(
        "ALMATY, 3 juin (Reuters) - « Nous sommes prêts à signer », a déclaré le président Arman Sadykov.",
        "2024-06-03", quote_text("Nous sommes prêts à signer", not_start="ALMATY"), id="fr-direct-after-dateline"),
    pytest.param(
        "Russian President Ivan Petrov met Indian Prime Minister Arjun Mehta in Moscow on Monday. Mr Petrov said "
        "the talks had been useful and frank.",
        PUB, quote_by("talks had been useful", "Ivan Petrov"), id="en-mr-surname"),
    pytest.param(
        "Le ministre Pavel Orlov se rendra mardi à Pékin, a fait savoir la porte-parole Irina Sokolova.",
        PUB, speaker_is("Irina Sokolova"), id="fr-fait-savoir-spokeswoman"),
    pytest.param(
        "Azerbaijan's Foreign Ministry said in a statement that the two ministers had discussed the peace treaty.",
        PUB, quote_text("two ministers had discussed the peace treaty"), id="en-ministry-statement"),
    pytest.param(
        "Beijing said the new tariffs were unjustified and would harm both economies.",
        PUB, no_speaker("Beijing"), id="en-city-not-speaker"),
    pytest.param(
        "Le président Louis Berthier et le chancelier Markus Huber ont eu jeudi un long entretien à Berlin.",
        PUB, meeting({"Louis Berthier", "Markus Huber"}, date="2024-05-16", place="Berlin"), id="fr-coordinated-entretien"),
    pytest.param(
        "Le chef du gouvernement, Karim Haddad, a accordé une audience au ministre turc du Commerce, Ahmet Yilmaz.",
        PUB, meeting({"Karim Haddad", "Ahmet Yilmaz"}), id="fr-accorde-une-audience"),
    pytest.param(
        "The Emirati foreign minister, Khalid al-Mansouri, held talks in Cairo on Sunday with Egyptian President "
        "Ahmed Fathy. Egypt and Egypt's partners in the Gulf, Egypt's officials said, would meet again.",
        PUB, person_country("Khalid al-Mansouri", "AE"), id="en-country-emirati-against-most-mentioned"),
    pytest.param(
        "Le ministre Jean Morel a appelé, lors d'une conférence de presse, à la retenue des deux côtés de la frontière.",
        PUB, quote_by("retenue des deux côtés", "Jean Morel"), id="fr-appeler-a-after-incise"),
    pytest.param(
        "President Kofi Mensah described the visit as a turning point for relations between the two countries.",
        PUB, quote_by("turning point", "Kofi Mensah"), id="en-described-as"),
    pytest.param(
        "Le président Arman Sadykov a reçu jeudi le ministre kenyan Daniel Kiprop. Selon le chef de l'Etat, les "
        "deux pays pourraient ouvrir une ligne aérienne directe.",
        PUB, quote_by("ligne aérienne directe", "Arman Sadykov"), id="fr-selon-le-chef-de-l-etat"),
    pytest.param(
        "« Nous voulons la paix », a dit M. Kaya, le président turc, devant la presse.",
        PUB, speaker_is("Kaya", "TR"), id="fr-m-surname-apposed-role"),
    pytest.param(
        "The spokesperson of the Chinese foreign ministry, Wang Lei, said on Thursday that President Wen Bo and "
        "his Kazakh counterpart would meet in Astana in July.",
        PUB, speaker_is("Wang Lei", "CN"), id="en-spokesperson-announces-meeting-speaker"),
    pytest.param(
        "The spokesperson of the Chinese foreign ministry, Wang Lei, said on Thursday that President Wen Bo and "
        "Kazakh President Arman Sadykov would meet in Astana in July.",
        PUB, meeting({"Wen Bo", "Arman Sadykov"}, status="planned", place="Astana", date="2024-07"),
        id="en-spokesperson-announces-meeting-meeting"),
]

# Third round, written after the second round's fixes and run before any further change: several
# sentences each, statements carried over sentences, impersonal and joint statements, reversed
# and particled names, relative dates.
CASES_ROUND3 = [
    pytest.param(
        "Le président kazakh Arman Sadykov a reçu mardi à Astana le ministre saoudien de l'Energie, le prince "
        "Faisal bin Saad Al Harbi.\n\nLes parties ont examiné les projets communs dans le domaine de l'énergie.",
        PUB, meeting({"Arman Sadykov", "Faisal bin Saad Al Harbi"}, date="2024-05-21", place="Astana"),
        id="fr-prince-bin-al"),
    pytest.param(
        "Il a été souligné que les deux pays entendaient doubler leurs échanges d'ici 2030.",
        PUB, no_speaker("Il", "il"), id="fr-impersonal-no-speaker"),
    pytest.param(
        "Le ministre Jean Morel a rencontré lundi son homologue ghanéen Kwame Boateng. M. Morel a indiqué que la "
        "France financerait la rénovation du port de Tema.",
        PUB, quote_by("financerait la rénovation du port", "Jean Morel"), id="fr-m-surname-after-full-name"),
    pytest.param(
        "Kazakh President Kassym-Bek TOKAYEV received the Foreign Minister of Oman, Sayyid Badr bin Hamad, in "
        "Astana on Thursday.",
        PUB, meeting({"Kassym-Bek TOKAYEV", "Sayyid Badr bin Hamad"}, date="2024-05-16"), id="en-capitals-sayyid"),
    pytest.param(
        "Le ministre turc des Affaires étrangères, Kemal Arslan, s'est entretenu le 28 novembre à Ankara avec son "
        "homologue iranien Reza Karimi.",
        "2024-12-02", meeting({"Kemal Arslan", "Reza Karimi"}, date="2024-11-28", place="Ankara"),
        id="fr-date-day-month-previous-month"),
    pytest.param(
        "The head of state noted that Kazakhstan attached great importance to its partnership with the European "
        "Union, the Akorda press service reported after President Arman Sadykov met European Council President "
        "Pieter de Vries.",
        PUB, meeting({"Arman Sadykov", "Pieter de Vries"}), id="en-mt-akorda-after-met"),
    pytest.param(
        "Chinese President Wen Bo held talks with visiting Hungarian Prime Minister Laszlo Kovacs in Beijing on "
        "Monday. Wen said China was ready to work with Hungary on the new railway.",
        PUB, quote_by("ready to work with Hungary", "Wen Bo"), id="en-chinese-surname-alone"),
    pytest.param(
        "La ministre des Affaires étrangères Anna Berg a rencontré la veille à Bruxelles le vice-Premier ministre "
        "serbe Milan Jovic.",
        PUB, meeting({"Anna Berg", "Milan Jovic"}, date="2024-05-21", place="Bruxelles"), id="fr-la-veille"),
    pytest.param(
        "Le chef de la diplomatie saoudienne, le prince Faisal Al Harbi, a déclaré que le royaume soutenait les "
        "efforts de médiation. Il a ajouté que Riyad accueillerait la prochaine réunion.",
        PUB, speaker_is("Faisal Al Harbi", "SA"), id="fr-il-a-ajoute-continues"),
    pytest.param(
        "U.S. Secretary of State Paul Grant met with Armenian Foreign Minister Aram Petrosyan on the sidelines of "
        "the NATO summit in Washington on Wednesday.",
        PUB, meeting({"Paul Grant", "Aram Petrosyan"}, date="2024-05-22", place="Washington"), id="en-sidelines"),
    pytest.param(
        "Mr Grant told Mr Petrosyan that Washington supported a peace treaty with Azerbaijan.",
        PUB, no_speaker("Petrosyan", "Mr Petrosyan"), id="en-told-mr-listener"),
    pytest.param(
        "Les deux ministres sont convenus de poursuivre les consultations, a précisé le ministère azerbaïdjanais "
        "des Affaires étrangères.",
        PUB, quote_text("poursuivre les consultations"), id="fr-ministry-precise"),
    pytest.param(
        "Russia's Deputy Foreign Minister Andrei Belov received on Friday the ambassador of Qatar to Russia, "
        "Sheikh Ahmed bin Nasser Al Thani.",
        PUB, meeting({"Andrei Belov", "Ahmed bin Nasser Al Thani"}, date="2024-05-17"), id="en-received-ambassador-of"),
    pytest.param(
        "Le président Louis Berthier s'est entretenu par téléphone avec le président ukrainien Taras Bondar. Les "
        "deux dirigeants ont évoqué la situation sur le front. M. Berthier a réaffirmé le soutien de la France.",
        PUB, meeting({"Louis Berthier", "Taras Bondar"}, kind="call", count=1), id="fr-call-one-encounter"),
    pytest.param(
        "Japanese Prime Minister Kenji Sato will travel to Hanoi next week, where he is expected to meet "
        "Vietnamese President Nguyen Van Minh.",
        PUB, meeting({"Kenji Sato", "Nguyen Van Minh"}, status="planned", place="Hanoi"), id="en-will-travel-meet"),
    pytest.param(
        "Selon le communiqué, la ministre Claire Duval et son homologue marocain Youssef El Idrissi se sont "
        "entretenus jeudi à Rabat.",
        PUB, meeting({"Claire Duval", "Youssef El Idrissi"}, date="2024-05-16", place="Rabat"), id="fr-selon-communique-meeting"),
    pytest.param(
        "Foreign Minister Haruto Mori stressed that Japan would not recognise the annexation, adding that "
        "sanctions would remain in place.",
        PUB, quote_by("sanctions would remain in place", "Haruto Mori"), id="en-adding-that"),
    pytest.param(
        "« La paix passe par le dialogue », a estimé le président sénégalais, Moussa Ndiaye, lors d'un point de "
        "presse avec son homologue gambien Lamin Jallow.",
        PUB, speaker_is("Moussa Ndiaye", "SN"), id="fr-direct-speaker-not-counterpart"),
]

# Fourth round, on the weakest figures of the unseen articles (meeting recall and place), written
# after the third round's fix and run before any further change.
CASES_ROUND4 = [
    pytest.param(
        "ASTANA, 14 mai (Kazinform) - Le président kazakh Arman Sadykov a reçu le ministre hongrois des Affaires "
        "étrangères Peter Nagy.",
        "2024-05-14", meeting({"Arman Sadykov", "Peter Nagy"}, place="Astana", date="2024-05-14"),
        id="fr-dateline-city-is-place"),
    pytest.param(
        "Russian President Ivan Petrov welcomed Vietnamese President Nguyen Van Minh at the Kremlin on Tuesday.",
        PUB, meeting({"Ivan Petrov", "Nguyen Van Minh"}, date="2024-05-21"), id="en-welcomed"),
    pytest.param(
        "Des pourparlers ont eu lieu jeudi à Bakou entre le ministre arménien Aram Petrosyan et son homologue "
        "azerbaïdjanais Elnur Huseynov.",
        PUB, meeting({"Aram Petrosyan", "Elnur Huseynov"}, place="Bakou", date="2024-05-16"), id="fr-pourparlers-ont-eu-lieu"),
    pytest.param(
        "Talks between Foreign Minister Haruto Mori and his Philippine counterpart Maria Santos were held in "
        "Manila on Friday.",
        PUB, meeting({"Haruto Mori", "Maria Santos"}, place="Manila", date="2024-05-17"), id="en-talks-were-held"),
    pytest.param(
        "Le ministre ivoirien Koffi Yao a été reçu en audience jeudi à Abuja par le président nigérian Bola Adeyemi.",
        PUB, meeting({"Koffi Yao", "Bola Adeyemi"}, place="Abuja", date="2024-05-16"), id="fr-recu-en-audience-par"),
    pytest.param(
        "Le président Louis Berthier se rendra à Hanoï la semaine prochaine. Il y rencontrera le président "
        "vietnamien Nguyen Van Minh.",
        PUB, meeting({"Louis Berthier", "Nguyen Van Minh"}, status="planned", place="Hanoï"), id="fr-y-rencontrera"),
    pytest.param(
        "Turkish President Mehmet Kaya arrived in Baku on Monday for a two-day visit. He held talks with "
        "Azerbaijani President Elnur Huseynov.",
        PUB, meeting({"Mehmet Kaya", "Elnur Huseynov"}, place="Baku", date="2024-05-20"), id="en-visit-place-next-sentence"),
    pytest.param(
        "La rencontre entre le Premier ministre Karim Haddad et le président du Conseil européen Pieter de Vries "
        "s'est tenue mardi au siège de l'UE à Bruxelles.",
        PUB, meeting({"Karim Haddad", "Pieter de Vries"}, place="Bruxelles", date="2024-05-21"), id="fr-rencontre-s-est-tenue"),
    pytest.param(
        "Uzbek Foreign Minister Bakhtiyor Saidov-Karim and Kyrgyz Foreign Minister Jeenbek Kulov held "
        "consultations in Tashkent on Thursday.",
        PUB, meeting({"Bakhtiyor Saidov-Karim", "Jeenbek Kulov"}, place="Tashkent", date="2024-05-16"),
        id="en-coordinated-consultations"),
    pytest.param(
        "Le président Arman Sadykov s'est entretenu en tête-à-tête avec le président ouzbek Rustam Nazarov, puis "
        "les entretiens se sont poursuivis en format élargi.",
        PUB, meeting({"Arman Sadykov", "Rustam Nazarov"}, count=1), id="fr-tete-a-tete-then-extended"),
    pytest.param(
        "On the sidelines of the forum in St. Petersburg, President Ivan Petrov met the Emir of Qatar, Sheikh Tamim "
        "Al Khalifa.",
        PUB, meeting({"Ivan Petrov", "Tamim Al Khalifa"}, place="St. Petersburg"), id="en-sidelines-forum-place"),
    pytest.param(
        "Le vice-Premier ministre chinois Liu Wei a été accueilli lundi à l'aéroport de Bichkek par le Premier "
        "ministre kirghize Adylbek Asanov.",
        PUB, meeting({"Liu Wei", "Adylbek Asanov"}, place="Bichkek", date="2024-05-20"), id="fr-accueilli-a-l-aeroport"),
]

# Fifth round, machine-translated readouts and agency copy again, written after the fourth round's
# fixes and run before any further change.
CASES_ROUND5 = [
    pytest.param(
        "President of Kazakhstan Arman SADYKOV received Minister of Foreign Affairs of Malaysia Azman Hashim.\n\n"
        "The President of Kazakhstan expressed confidence that the visit would give new impetus to cooperation.",
        PUB, quote_by("give new impetus to cooperation", "Arman SADYKOV"), id="en-mt-president-of-country-speaks"),
    pytest.param(
        "During the telephone conversation, the parties discussed regional security. The Head of State noted the "
        "importance of the dialogue, Arman Sadykov's press secretary said.",
        PUB, no_speaker("parties", "the parties", "conversation"), id="en-mt-parties-not-speaker"),
    pytest.param(
        "Secretary of State Paul Grant met Kenyan President Daniel Kiprop in Nairobi on Tuesday. The Secretary "
        "underscored that Washington would keep funding the health programme.",
        PUB, quote_by("keep funding the health programme", "Paul Grant"), id="en-the-secretary"),
    pytest.param(
        "China's top diplomat Zhao Min met Brazilian Foreign Minister Paulo Costa in Beijing on Monday. The "
        "Chinese top diplomat said the two countries should expand trade in local currencies.",
        PUB, quote_by("expand trade in local currencies", "Zhao Min"), id="en-top-diplomat"),
    pytest.param(
        "« Nous avons besoin de stabilité »\n\nCes mots du président Arman Sadykov ont été prononcés lors de "
        "l'ouverture du forum.",
        PUB, no_speaker("»", "Ces mots", "mots"), id="fr-guillemet-headline"),
    pytest.param(
        "Le numéro un chinois Wen Bo a reçu lundi le président brésilien Lucas Pereira. Le dirigeant chinois a "
        "appelé à une coopération plus étroite dans le domaine spatial.",
        PUB, quote_by("coopération plus étroite", "Wen Bo"), id="fr-numero-un"),
    pytest.param(
        "Le ministre des Affaires étrangères de la Fédération de Russie, Pavel Orlov, a rencontré le ministre des "
        "Affaires étrangères de la République islamique d'Iran, Reza Karimi.",
        PUB, meeting({"Pavel Orlov", "Reza Karimi"}, countries={"RU", "IR"}), id="fr-country-long-official-names"),
    pytest.param(
        "Le Président ALIEV a reçu le Secrétaire général de l'OTAN Jens Halvorsen.",
        PUB, meeting({"ALIEV", "Jens Halvorsen"}), id="fr-surname-in-capitals-only"),
    pytest.param(
        "The talks, according to the Kremlin, focused on energy. Putin's aide Yuri Sokolov told reporters the "
        "leaders had agreed to meet again in the autumn.",
        PUB, quote_by("agreed to meet again", "Yuri Sokolov"), id="en-aide-told-reporters"),
    pytest.param(
        "Le chef de l'Etat a par ailleurs affirmé, selon la présidence, que le pays ne céderait à aucune pression.",
        PUB, no_speaker("présidence"), id="fr-role-speaker-with-selon-insert"),
]

# Sixth round, English papers and French ministry readouts mixed, written after the fifth round's
# fixes and run before any further change.
CASES_ROUND6 = [
    pytest.param(
        "Mr Petrov, speaking after talks with Indian Prime Minister Arjun Mehta in Moscow on Monday, said the "
        "two countries would build a new nuclear plant.",
        PUB, quote_by("build a new nuclear plant", "Petrov"), id="en-speaking-after-talks"),
    pytest.param(
        "Le ministre de l'Europe et des Affaires étrangères, Jean Morel, a reçu ce jour son homologue "
        "mauritanien, M. Sidi Ould Ahmed.",
        "2024-05-22", meeting({"Jean Morel", "Sidi Ould Ahmed"}, date="2024-05-22"), id="fr-ministry-readout-ce-jour"),
    pytest.param(
        "The Indian and Chinese foreign ministers, Ravi Kumar and Zhao Min, met in Astana on Thursday on the "
        "margins of a regional summit.",
        PUB, meeting({"Ravi Kumar", "Zhao Min"}, place="Astana", date="2024-05-16"), id="en-coordinated-roles-and-names"),
    pytest.param(
        "Ms Berg told the European Parliament that the Commission would propose new sanctions.",
        PUB, no_speaker("European Parliament", "Parliament"), id="en-told-parliament-listener"),
    pytest.param(
        "Cette visite, a estimé le ministre Rustam Nazarov, « ouvre une page nouvelle » dans les relations.",
        PUB, quote_by("ouvre une page nouvelle", "Rustam Nazarov"), id="fr-inserted-attribution-direct"),
    pytest.param(
        "Le président Mehmet Kaya recevra la semaine prochaine à Ankara son homologue kazakh Arman Sadykov, a "
        "annoncé la présidence turque.",
        PUB, meeting({"Mehmet Kaya", "Arman Sadykov"}, status="planned", place="Ankara"), id="fr-recevra-announced"),
    pytest.param(
        "Kazakh and Uzbek presidents Arman Sadykov and Rustam Nazarov held a phone conversation on Tuesday.",
        PUB, meeting({"Arman Sadykov", "Rustam Nazarov"}, kind="call", date="2024-05-21"), id="en-phone-conversation"),
    pytest.param(
        "Le Premier ministre Karim Haddad a qualifié mardi de « fructueuses » ses discussions avec le président "
        "Louis Berthier.",
        PUB, quote_by("fructueuses", "Karim Haddad"), id="fr-qualifier-de-fronted"),
    pytest.param(
        "« Nous n'accepterons aucun ultimatum », a-t-il martelé, en référence aux exigences de Washington. Le "
        "président Ivan Petrov s'exprimait devant la presse.",
        PUB, no_speaker("Washington"), id="fr-direct-pronoun-not-washington"),
    pytest.param(
        "Foreign Minister Haruto Mori is scheduled to hold talks with his Australian counterpart Emma Clarke in "
        "Canberra on June 4.",
        PUB, meeting({"Haruto Mori", "Emma Clarke"}, status="planned", place="Canberra", date="2024-06-04"),
        id="en-scheduled-to-hold-talks"),
]

# Seventh round, calls and places named indirectly, written after the sixth round's fix and run
# before any further change.
CASES_ROUND7 = [
    pytest.param(
        "Le président Louis Berthier a échangé par visioconférence avec le Premier ministre japonais Kenji Sato.",
        PUB, meeting({"Louis Berthier", "Kenji Sato"}, kind="call"), id="fr-echange-visioconference"),
    pytest.param(
        "Kazakh leader Arman Sadykov and Chinese President Wen Bo discussed by phone last Thursday the "
        "construction of a new border crossing.",
        PUB, meeting({"Arman Sadykov", "Wen Bo"}, kind="call", date="2024-05-16"), id="en-discussed-by-phone-last-thursday"),
    pytest.param(
        "Turkish Foreign Minister Kemal Arslan met his Kazakh counterpart Dana Aliyeva in the Kazakh capital on "
        "Monday.",
        PUB, meeting({"Kemal Arslan", "Dana Aliyeva"}, date="2024-05-20"), id="en-in-the-kazakh-capital"),
    pytest.param(
        "Le ministre Jean Morel a tenu mardi une réunion de travail avec son homologue belge Luc Janssens.",
        PUB, meeting({"Jean Morel", "Luc Janssens"}, date="2024-05-21"), id="fr-a-tenu-une-reunion"),
    pytest.param(
        "Japanese Prime Minister Kenji Sato spoke by telephone with his Indian counterpart Arjun Mehta earlier "
        "this month.",
        PUB, meeting({"Kenji Sato", "Arjun Mehta"}, kind="call", date="2024-05"), id="en-earlier-this-month"),
    pytest.param(
        "Le Premier ministre Karim Haddad s'est entretenu au téléphone avec le président du Conseil européen "
        "Pieter de Vries. Ils ont évoqué la question migratoire.",
        PUB, meeting({"Karim Haddad", "Pieter de Vries"}, kind="call", count=1), id="fr-au-telephone-one-call"),
    pytest.param(
        "The Premier of China, Liu Wei, received Pakistani Foreign Minister Imran Qadir in Beijing on Sunday.",
        PUB, person_country("Liu Wei", "CN"), id="en-premier-of-country"),
    pytest.param(
        "Les chefs de la diplomatie russe et turque, Pavel Orlov et Kemal Arslan, se sont rencontrés lundi à Antalya.",
        PUB, meeting({"Pavel Orlov", "Kemal Arslan"}, place="Antalya", date="2024-05-20"), id="fr-chefs-diplomatie-coordinated"),
    pytest.param(
        "After his talks with Prime Minister Arjun Mehta, President Ivan Petrov told journalists that the oil "
        "contracts would be extended.",
        PUB, quote_by("oil contracts would be extended", "Ivan Petrov"), id="en-after-talks-told-journalists"),
    pytest.param(
        "« Le dialogue est la seule voie », a souligné le chef de la diplomatie égyptienne, Khaled Mansour, "
        "cité par l'agence MENA.",
        PUB, speaker_is("Khaled Mansour", "EG"), id="fr-cite-par-agence"),
]

# Eighth round, English quotes and speakers (English must stay within 0.05 of French), written
# after the seventh round's fix and run before any further change.
CASES_ROUND8 = [
    pytest.param(
        "\"We will not back down,\" the Iranian foreign minister, Reza Karimi, told state television.",
        PUB, speaker_is("Reza Karimi", "IR"), id="en-direct-told-television"),
    pytest.param(
        "Karimi, who arrived in Muscat on Sunday, said Tehran was open to indirect talks.",
        PUB, quote_by("Tehran was open to indirect talks", "Karimi"), id="en-surname-with-relative"),
    pytest.param(
        "Speaking at a joint press conference, the two ministers said they had agreed on a road map.",
        PUB, no_speaker("press conference", "conference"), id="en-joint-no-bad-speaker"),
    pytest.param(
        "The ministry's spokeswoman, Irina Sokolova, accused Washington of undermining the talks.",
        PUB, quote_by("Washington of undermining the talks", "Irina Sokolova"), id="en-accused-of"),
    pytest.param(
        "Kenyan President Daniel Kiprop met Ugandan President Moses Okello in Nairobi on Monday. \"Our peoples "
        "are one,\" Kiprop said after the meeting.",
        PUB, quote_by("Our peoples are one", "Daniel Kiprop"), id="en-surname-said-after-meeting"),
    pytest.param(
        "According to a statement from the Japanese foreign ministry, Foreign Minister Haruto Mori urged Beijing "
        "to release the detained businessman.",
        PUB, quote_by("release the detained businessman", "Haruto Mori"), id="en-urged-to"),
    pytest.param(
        "The Kremlin said on Tuesday that President Ivan Petrov had no plans to meet the Ukrainian leader.",
        PUB, speaker_is("Kremlin", "RU"), id="en-kremlin-said-not-petrov"),
    pytest.param(
        "Ms Lopes warned that the crisis could spread to neighbouring countries, her spokesman said.",
        PUB, no_speaker("Ms", "Ms Lopes's", "crisis"), id="en-ms-warned-her-spokesman"),
]

# Ninth round, French speakers and roles again, written after the eighth round's fixes and run
# before any further change.
CASES_ROUND9 = [
    pytest.param(
        "La tendance est à l'apaisement, a jugé un diplomate européen sous couvert d'anonymat.",
        PUB, no_speaker("tendance", "La tendance"), id="fr-tendance-subject-of-content"),
    pytest.param(
        "Le ministre kazakh des Affaires étrangères Dana Aliyeva a rencontré son homologue estonien Peeter Lind. "
        "La cheffe de la diplomatie kazakhe a affirmé que Tallinn était un partenaire clé.",
        PUB, speaker_is("Dana Aliyeva", "KZ"), id="fr-cheffe-de-la-diplomatie"),
    pytest.param(
        "Le président de la Commission européenne, Ingrid Vogel, a reçu jeudi le Premier ministre albanais Erion "
        "Hoxha. La présidente de la Commission a salué les réformes engagées par Tirana, estimant qu'elles "
        "rapprochaient le pays de l'Union.",
        PUB, quote_by("rapprochaient le pays de l'Union", "Ingrid Vogel"), id="fr-presidente-commission-estimant"),
    pytest.param(
        "Le porte-parole du gouvernement, Ali Karimi, a annoncé que le président Reza Tehrani se rendrait à "
        "Moscou. Il a précisé que la visite durerait deux jours.",
        PUB, quote_by("la visite durerait deux jours", "Ali Karimi"), id="fr-il-is-the-spokesman-not-the-visitor"),
    pytest.param(
        "Présent à la cérémonie, l'ambassadeur de France Marc Leroy a souligné que Paris resterait aux côtés du "
        "peuple libanais.",
        PUB, quote_by("Paris resterait aux côtés", "Marc Leroy"), id="fr-present-a-la-ceremonie"),
    pytest.param(
        "Moscou et Pékin ont convenu de renforcer leur coordination, selon un communiqué du Kremlin.",
        PUB, no_speaker("Moscou", "Pékin"), id="fr-cities-joint-not-speaker"),
    pytest.param(
        "Le président ouzbek Rustam Nazarov a reçu le ministre turc Kemal Arslan. Ce dernier a transmis au chef "
        "de l'Etat ouzbek les salutations du président turc et a assuré que la Turquie soutenait le projet.",
        PUB, quote_by("la Turquie soutenait le projet", "Kemal Arslan"), id="fr-ce-dernier-transmit"),
    pytest.param(
        "« Nous attendons des actes », a lancé le président Ivan Petrov. « Les paroles ne suffisent plus. »",
        PUB, speaker_is("Ivan Petrov"), id="fr-direct-continued"),
]


# Failure kinds of a third set of real articles (dev3, kept outside the repository), in sentences
# written for these tests AFTER the failures were seen: regression checks, not a first-run measure.
CASES_DEV3 = [
    pytest.param(
        "(Montréal) La ministre fédérale de la Défense, Julie Tremblay, doit rencontrer mardi son homologue "
        "allemand pour la première fois. Mme Tremblay est à Berlin pour rencontrer Klaus Becker, nommé ministre "
        "la semaine dernière. Le gouvernement du Canada espère un accord.",
        "2024-05-20", meeting({"Julie Tremblay", "Klaus Becker"}, countries={"CA", "DE"}, date="2024-05-21",
                              status="planned", count=1), id="fr-counterpart-is-not-the-subject"),
    pytest.param(
        "Mme Tremblay est à Berlin pour rencontrer Klaus Becker.",
        "2024-05-20", meeting({"Tremblay", "Klaus Becker"}, status="planned"), id="fr-purpose-in-present-planned"),
    pytest.param(
        "Mme Tremblay s'est rendue à Berlin pour rencontrer Klaus Becker.",
        "2024-05-20", meeting({"Tremblay", "Klaus Becker"}, status="held"), id="fr-purpose-in-past-held"),
    pytest.param(
        "Ms Tremblay is in Berlin to meet German Defence Minister Klaus Becker.",
        "2024-05-20", meeting({"Tremblay", "Klaus Becker"}, status="planned"), id="en-purpose-in-present-planned"),
    pytest.param(
        "KABUL: Foreign Minister Shah Mehmood Qureshi met Afghan President Ashraf Ghani on Monday.",
        "2024-05-22", meeting({"Shah Mehmood Qureshi", "Ashraf Ghani"}), id="en-surname-the-ner-left-out"),
    pytest.param(
        "Le président de la Transition, le Colonel Assimi GOÏTA a reçu samedi à Bamako le ministre guinéen "
        "Amara CAMARA.",
        PUB, meeting({"Assimi GOÏTA", "Amara CAMARA"}, countries={"ML", "GN"}), id="fr-surname-in-capitals-glued"),
    pytest.param(
        "Paolo Rossi, nouveau Président italien a reçu Omar Haddad, l'envoyé spécial du Président tunisien "
        "Karim Saadi.",
        PUB, meeting({"Paolo Rossi", "Omar Haddad"}, countries={"IT", "TN"}, count=1),
        id="fr-unclosed-apposition-and-envoy-principal"),
    pytest.param(
        "President Paolo Rossi received on Monday Omar Haddad, special envoy of Tunisian President Karim Saadi, "
        "in Rome.",
        PUB, meeting({"Paolo Rossi", "Omar Haddad"}, count=1), id="en-envoy-principal-not-a-participant"),
    pytest.param(
        "President Rodrigo Duterte received a call from Chinese President Xi Jinping last night. Vietnamese Prime "
        "Minister Tran Van Minh called Duterte on May 27 to assure him of rice supplies.",
        "2024-06-12", meeting({"Rodrigo Duterte", "Xi Jinping"}, date="2024-06-11", kind="call"),
        id="en-received-a-call-last-night"),
    pytest.param(
        "President Rodrigo Duterte received a call from Chinese President Xi Jinping last night. Vietnamese Prime "
        "Minister Tran Van Minh called Duterte on May 27 to assure him of rice supplies.",
        "2024-06-12", meeting({"Tran Van Minh", "Rodrigo Duterte"}, date="2024-05-27", kind="call"),
        id="en-called-a-person-may-27"),
    pytest.param(
        "Le président Paul Diallo a reçu un appel du président ivoirien Jean Kouassi le 27 mai.",
        "2024-06-12", meeting({"Paul Diallo", "Jean Kouassi"}, date="2024-05-27", kind="call"),
        id="fr-recu-un-appel-27-mai"),
    pytest.param(
        "Trump called Biden a loser on Monday. The minister called for a ceasefire on Monday.",
        PUB, no_meeting(), id="en-called-x-a-y-is-no-call"),
    pytest.param(
        "Poutine et Xi Jinping se sont entretenus mardi au Kremlin. Les présidents chinois et russe ont signé une "
        "déclaration commune.",
        PUB, meeting({"Poutine", "Xi Jinping"}, countries={"RU", "CN"}), id="fr-figures-countries-unstated"),
    pytest.param(
        "Arrivé hier au Niger, le ministre malien Issa Konaté a été reçu en audience par le président nigérien, "
        "Ali Moussa.  ‘’Je suis venu porter un message de fraternité. Nos deux pays sont frères’’, a "
        "déclaré le ministre.",
        PUB, quote_by("Nos deux pays sont frères", "Issa Konaté"), id="fr-double-single-quote-marks"),
    pytest.param(
        "Le colonel Issa Konaté a exhorté les Maliens à rester unis derrière la Transition.",
        PUB, quote_by("rester unis derrière la Transition", "Issa Konaté"), id="fr-exhorter-a"),
    pytest.param(
        "Les déclarations après le match nul entre les deux équipes.\n\nKasper Holm (Sélectionneur-Danemark): "
        "“Le nul est un résultat satisfaisant pour nous.”\n\nJalel Ben Ali (Sélectionneur-Tunisie) : "
        "« Nous avons manqué de réalisme. »",
        PUB, quote_by("un résultat satisfaisant", "Kasper Holm"), id="fr-labelled-quote"),
    pytest.param(
        "Le ministre a conclu.\n\nLa Question Centrale : « que faire ? »",
        PUB, no_speaker("La Question Centrale"), id="fr-label-with-article-is-no-name"),
    pytest.param(
        "Chinese Foreign Minister Wang Yi on Wednesday hosted his counterparts from Latin America. In a series of "
        "bilateral meetings, Wang met respectively with Honduran Foreign Minister Ana Lopez; Bolivian Foreign "
        "Minister Carlos Rojas; and Sudanese Foreign Minister Omer Hassan.",
        PUB, bilaterals(("CN", "HN"), ("CN", "BO"), ("CN", "SD")), id="en-met-respectively-with"),
    pytest.param(
        "Le ministre Karim Saadi a reçu successivement l'ambassadeur du Japon, Ken Sato, et l'ambassadrice "
        "d'Italie, Laura Bianchi.",
        PUB, meeting({"Karim Saadi", "Laura Bianchi"}, count=2), id="fr-recu-successivement"),
    pytest.param(
        "Prime Minister Anil Mehta assured his counterpart that India would share the vaccines.",
        PUB, quote_by("India would share the vaccines", "Anil Mehta"), id="en-assured-that"),
    pytest.param(
        "Minister Chen Hao described the meeting as a “success,” noting that all participants reaffirmed "
        "their commitment.",
        PUB, quote_by("success", "Chen Hao"), id="en-one-word-quote-comma-inside"),
    pytest.param(
        "Le ministre algérien Karim Haddad a été reçu par le président. « Nous avons parlé de la région », a-t-il "
        "souligné. Il a ajouté que les deux parties avaient affirmé « leur engagement à vaincre la pandémie ». "
        "« La Tunisie a été toujours alliée de l'Algérie. »",
        PUB, speaker_is("Karim Haddad"), id="fr-joint-subject-quoted-by-reporter"),
    pytest.param(
        "Tunisie : le Maroc dépêche son ministre à Kaïs Saïed\n\nLe chef de l'Etat a ainsi reçu le ministre des "
        "Affaires étrangères algérien, Ramtane Lamamra, qui lui a transmis un message.",
        "2021-07-28", meeting({"Kaïs Saïed", "Ramtane Lamamra"}), id="fr-head-of-state-named-in-headline"),
    pytest.param(
        "La ministre congolaise de l'Economie, Mme Aline Mbemba, a été reçue mardi par le président camerounais "
        "Jean Etoundi.",
        "2022-06-15", meeting({"Aline Mbemba", "Jean Etoundi"}, count=1), id="fr-portfolio-is-no-name"),
    pytest.param(
        "Le Chef de la mission et Représentant Spécial du Secrétaire général, Moussa Diallo, a été reçu à Paris par "
        "le ministre français des Affaires étrangères, Pierre Martin. Auparavant, il avait été reçu par les "
        "Conseillers Afrique du Président Luc Bernard.",
        "2019-05-10", meeting({"Moussa Diallo", "Pierre Martin"}, count=1), id="fr-special-representative-advisers"),
    pytest.param(
        "L'Afrique reste \"une priorité de notre diplomatie\", a déclaré le ministre chinois des Affaires "
        "étrangères, Li Wen, lors d'une conférence de presse à l'issue d'une entrevue avec le président rwandais "
        "Paul Kagame.",
        "2018-01-14", meeting({"Li Wen", "Paul Kagame"}), id="fr-meeting-in-adjunct-of-saying"),
    pytest.param(
        "Le porte-parole Ali Karimi a déclaré que le président Reza Tehrani avait rencontré son homologue turc "
        "Kemal Arslan.",
        "2018-01-14", meeting({"Reza Tehrani", "Kemal Arslan"}, count=1), id="fr-reporter-of-meeting-no-party"),
    pytest.param(
        "Le 4 novembre, en marge de la conférence à Yaoundé, la secrétaire générale Aline Uwase a été l'hôte du "
        "chef de l'État camerounais, Jean Etoundi.",
        "2023-11-05", meeting({"Aline Uwase", "Jean Etoundi"}), id="fr-etre-l-hote-de"),
    pytest.param(
        "Le président Karim Saadi a reçu le ministre des Affaires étrangères de la République Arabe Sahraouie "
        "Démocratique Monsieur Brahim Salem Ould Khalil.",
        PUB, meeting({"Karim Saadi", "Brahim Salem Ould Khalil"}), id="fr-name-after-inner-title"),
    pytest.param(
        "Le ministre Karim Saadi a été accueilli à l'aéroport Rafic Hariri par son homologue libanais Nabil Aoun.",
        PUB, meeting({"Karim Saadi", "Nabil Aoun"}, count=1), id="fr-airport-named-after-someone"),
    pytest.param(
        "Le président Karim Saadi a reçu l'ambassadeur des Émirats Arabes Unis, Omar Rashid.",
        PUB, meeting({"Karim Saadi", "Omar Rashid"}, count=1), id="fr-end-of-country-name-no-person"),
    pytest.param(
        "Le Premier ministre Abiy Bekele a tenu cet après-midi des discussions stratégiques avec le président "
        "somalien Hassan Ali Omar.",
        "2025-12-19", meeting({"Abiy Bekele", "Hassan Ali Omar"}, kind="talks"), id="fr-tenir-des-discussions-avec"),
    pytest.param(
        "Le Premier ministre Tran Van Minh a présidé samedi matin à Hanoï la cérémonie d'accueil de son homologue "
        "lao, Somsak Vong.",
        "2025-12-19", meeting({"Tran Van Minh", "Somsak Vong"}, place="Hanoï"), id="fr-ceremonie-d-accueil"),
    pytest.param(
        "Les discussions ont porté sur la sécurité régionale.", PUB, no_meeting(), id="fr-discussions-alone"),
    pytest.param(
        "Le porte-parole du ministère, Ali Benali, a condamné l'attaque. « Nous exprimons notre solidarité avec le "
        "peuple éthiopien », a-t-il déclaré. « Nous formons le vœu que ce pays retrouve la paix », a affirmé la "
        "même source.",
        PUB, speaker_is("Ali Benali"), id="fr-la-meme-source"),
    pytest.param(
        "Le Président de la République, Monsieur Karim Saadi, a reçu en audience mardi M. Omar Ould Salem, Envoyé "
        "spécial du président de la République Arabe Sahraouie Démocratique Monsieur Brahim Salek.\n\nA sa sortie "
        "d'audience, l'émissaire sahraoui a fait une déclaration dans laquelle il a indiqué que les relations "
        "entre les deux peuples étaient excellentes.",
        "2018-02-28", quote_by("les relations entre les deux peuples", "Omar Ould Salem"),
        id="fr-emissaire-is-the-envoy-not-his-president"),
    pytest.param(
        "Au terme de l'audience, l'ambassadeur Paul Carter a affirmé quitter la Côte d'Ivoire avec beaucoup de "
        "souvenirs.",
        PUB, quote_by("quitter la Côte d'Ivoire", "Paul Carter"), id="fr-affirmer-infinitive"),
    pytest.param(
        "Le ministre Karim Haddad a dit espérer une reprise rapide du dialogue.",
        PUB, quote_by("une reprise rapide du dialogue", "Karim Haddad"), id="fr-dire-esperer"),
    pytest.param(
        "Kazakh President Kassym-Jomart Tokayev and Uzbek Minister of Foreign Affairs Ali Karimov discussed the "
        "strengthening of bilateral relations on Feb. 18.",
        "2021-02-18", meeting({"Kassym-Jomart Tokayev", "Ali Karimov"}, date="2021-02-18", kind="talks"),
        id="en-two-people-discussed"),
    pytest.param(
        "Le président Karim Saadi et son homologue malien Issa Konaté ont évoqué mardi la situation sécuritaire.",
        "2021-02-18", meeting({"Karim Saadi", "Issa Konaté"}, kind="talks"), id="fr-deux-personnes-ont-evoque"),
    pytest.param(
        "Le président Karim Saadi a évoqué mardi la situation sécuritaire au Mali.",
        PUB, no_meeting(), id="fr-one-person-evoque-is-a-topic"),
    pytest.param(
        "La gouverneure générale Marie Tremblay recevra jeudi à Rideau Hall les lettres de créance de "
        "l'ambassadeur du Japon, Ken Sato.",
        PUB, meeting({"Marie Tremblay", "Ken Sato"}, count=1), id="fr-place-noun-inside-name"),
]


def role_of(name, role):
    """Wherever `name` takes part, the role is `role`."""
    def check(result):
        seen = [p.role for m in result.meetings for p in m.participants if p.name == name]
        assert seen and set(seen) == {role}, result.meetings
    return check


def names_only(*names):
    """No participant is named otherwise than these (offices and places are no names)."""
    def check(result):
        got = {p.name for m in result.meetings for p in m.participants if p.name}
        assert got <= set(names), result.meetings
    return check


def quotes_are(*expected):
    """The quotes, as (kind, text, speaker), are exactly these."""
    def check(result):
        assert [(q.kind, q.text, q.speaker) for q in result.quotes] == list(expected), result.quotes
    return check


def bilaterals_of(host, *others):
    """One meeting of the host with each of the others, and no other meeting."""
    def check(result):
        got = sorted(sorted(p.name for p in m.participants if p.name) for m in result.meetings)
        assert got == sorted(sorted([host, o]) for o in others), result.meetings
    return check


# Failure kinds of dev7 (24 real articles, after its first run), in sentences written for the tests.
CASES_DEV7 = [
    pytest.param(
        "On the margins of the summit, Prime Minister Rahul Verma had bilateral meetings with German Chancellor "
        "Helga Baum and the host country President Ramon Ortiz.",
        "2023-06-19", bilaterals_of("Rahul Verma", "Helga Baum", "Ramon Ortiz"), id="en-bilateral-meetings-with-two"),
    pytest.param(
        "The Prime Minister Rahul Verma is also due to have meetings with Italian President Marco Bellini and "
        "Brazilian President Paulo Souza.",
        "2023-06-19", bilaterals_of("Rahul Verma", "Marco Bellini", "Paulo Souza"), id="en-planned-meetings-with-two"),
    pytest.param(
        "En marge du sommet de l'Union africaine, le président Paul Ndiaye a eu des entretiens avec son homologue "
        "ghanéen Kofi Mensah et le Premier ministre éthiopien Abiy Tesfaye.",
        "2023-06-19", bilaterals_of("Paul Ndiaye", "Kofi Mensah", "Abiy Tesfaye"), id="fr-entretiens-en-marge-du-sommet"),
    pytest.param(
        "Prime Minister Raj Kumar is also due to meet French President Jean Morel on Friday. It will be the first "
        "meeting between Kumar and Morel after the latter defeated Pierre Lagarde in the recent elections.",
        "2023-06-19", meeting({"Raj Kumar", "Jean Morel"}, status="planned", date="2023-06-23", count=1),
        id="en-first-meeting-between-is-the-one-told"),
    pytest.param(
        "Le Premier ministre Raj Kumar doit rencontrer vendredi le président français Jean Morel. Ce sera la "
        "première rencontre entre Kumar et Morel depuis que ce dernier a battu Pierre Lagarde aux élections.",
        "2023-06-19", meeting({"Raj Kumar", "Jean Morel"}, status="planned", date="2023-06-23", count=1),
        id="fr-premiere-rencontre-entre-is-the-one-told"),
    pytest.param(
        "French President Pierre Hollande received Prime Minister Raj Kumar on Monday. It was the first meeting "
        "between Kumar and Hollande since 2019.",
        "2017-05-10", meeting({"Pierre Hollande", "Raj Kumar"}, count=1), id="en-surname-that-is-a-country-name"),
    pytest.param(
        "Le président Raj Kumar se rendra en Hollande la semaine prochaine pour rencontrer le Premier ministre "
        "Jan de Vries.",
        "2017-05-10", meeting({"Raj Kumar", "Jan de Vries"}, place="Hollande", count=1), id="fr-en-hollande-is-a-place"),
    pytest.param(
        "President Ali Traore on Thursday received a special message from Ghanaian President Kofi Mensah. The message "
        "was delivered by President Mensah's Special Envoy Ama Owusu, who was accompanied by the chargé d'affaires "
        "Kwame Boateng.",
        "2022-05-06", meeting({"Ali Traore", "Ama Owusu"}, date="2022-05-05", count=1), id="en-message-delivered-by-envoy"),
    pytest.param(
        "Le président Ali Traoré a reçu jeudi un message écrit de son homologue ghanéen Kofi Mensah. Le message lui a "
        "été remis par le ministre ghanéen des Affaires étrangères, Ama Owusu.",
        "2022-05-06", meeting({"Ali Traoré", "Ama Owusu"}, countries={"GH"}, count=1), id="fr-message-remis-par"),
    pytest.param(
        "President Ali Traore has received a message of condolence and support from his Ghanaian counterpart Kofi "
        "Mensah following the floods.",
        "2022-05-06", no_meeting(), id="en-a-message-from-is-no-encounter"),
    pytest.param(
        "Le ministre Hakan Demir a souligné l'importance d'une coordination accrue avec les pays voisins.",
        PUB, quote_by("l'importance d'une coordination accrue avec les pays voisins", "Hakan Demir"),
        id="fr-souligne-l-importance-de-hung-on-the-verb"),
    pytest.param(
        "L'envoyé spécial Saïd Benali a dit avoir saisi l'occasion de son passage pour rencontrer le président.",
        PUB, quote_by("avoir saisi l'occasion de son passage", "Saïd Benali"), id="fr-dit-avoir-saisi"),
    pytest.param(
        "Chief Cabinet Secretary Taro Sato cautioned that people should not expect frequent meetings.",
        PUB, quote_by("people should not expect frequent meetings", "Taro Sato"), id="en-cautioned-that"),
    pytest.param(
        "Ambassador Pedro Silva agreed that time has come for Africa to forge a united front.",
        PUB, quote_by("time has come for Africa to forge a united front", "Pedro Silva"), id="en-agreed-that"),
    pytest.param(
        "Le président Alassane Konan s'est entretenu jeudi avec le Représentant spécial du Secrétaire général des "
        "Nations unies pour l'Afrique de l'Ouest, M. Leonardo SANTOS. Pour terminer, le Représentant spécial du "
        "Secrétaire général des Nations unies pour l'Afrique de l'Ouest a indiqué avoir reçu les assurances du président.",
        PUB, quote_by("avoir reçu les assurances du président", "Leonardo SANTOS"),
        id="fr-long-role-comma-title-name-is-the-speaker-later"),
    pytest.param(
        "Visite\n\nAprès le palais, le représentant spécial Mahamat Saleh a échangé avec le secrétaire du cadre "
        "permanent du dialogue, Fodé Bangoura.",
        PUB, meeting({"Mahamat Saleh", "Fodé Bangoura"}, kind="talks"), id="fr-a-echange-avec-is-talks"),
    pytest.param(
        "Visite\n\nLe ministre Karim Saadi a échangé par téléphone avec son homologue malien Issa Konaté.",
        PUB, meeting({"Karim Saadi", "Issa Konaté"}, kind="call"), id="fr-a-echange-par-telephone-is-a-call"),
    pytest.param(
        "Visite\n\nLa Russie et l'Ukraine ont échangé des prisonniers mardi, a indiqué le ministre Karim Saadi.",
        PUB, no_meeting(), id="fr-echanger-des-prisonniers-is-no-encounter"),
    pytest.param(
        "Visite\n\n« La Chine est un partenaire fiable », a déclaré Li Wen.",
        PUB, quotes_are(("direct", "La Chine est un partenaire fiable", "Li Wen")),
        id="fr-short-quotation-opening-a-paragraph-after-a-headline"),
    pytest.param(
        "Visite\n\nUne semaine après sa nomination, la ministre Mélanie Roy a établi ses priorités. Elle en discute "
        "avec l'animateur Paul Girard dans une première entrevue télévisée.",
        "2021-11-03", no_meeting(), id="fr-an-interview-with-a-presenter-is-no-encounter"),
    pytest.param(
        "Visite\n\nLe Premier ministre lao Khamla Vong aura en outre des entrevues avec le président Nguyen Van Phuc "
        "et le président de l'Assemblée nationale, Vuong Van Hue.",
        "2022-01-08", bilaterals_of("Khamla Vong", "Nguyen Van Phuc", "Vuong Van Hue"), id="fr-des-entrevues-avec-two"),
    pytest.param(
        "Ministers meet in Lima\n\nForeign Minister Park Ji-hoon and his Japanese counterpart, Kenji Mori, held talks "
        "on the sidelines of the summit in Peru, Seoul's foreign ministry said Friday.\n\nOn North Korea, they said "
        "North Korea's troop deployment poses a threat. North Korea denied it.",
        "2024-11-15", person_country("Park Ji-hoon", "KR"), id="en-the-reporting-ministry-is-the-minister-s-country"),
    pytest.param(
        "Visite\n\nPresident Musa Bello received Chinese Foreign Minister Li Wen at the State House, Abuja, on Tuesday.",
        "2020-01-10", meeting({"Musa Bello", "Li Wen"}, place="Abuja"), id="en-the-city-after-a-venue-and-comma"),
    pytest.param(
        "Visite\n\nYesterday, the Prime Minister Tom Hale held talks with French President Paul Morel in Paris and met "
        "Northern Ireland's First Minister and Deputy First Minister at Stormont.",
        "2010-05-21", names_only("Tom Hale", "Paul Morel"), id="en-offices-and-a-venue-are-no-names"),
    pytest.param(
        "Audience\n\nLes dossiers étaient au centre des échanges, le 6 octobre 2020, entre SEM Bah N'DIAYE, Chef de "
        "l'Etat et M. Mahamat SALEH.",
        "2020-10-07", meeting({"Bah N'DIAYE", "Mahamat SALEH"}, date="2020-10-06", kind="talks"),
        id="fr-echanges-entre-a-et-b-sem-and-elided-name"),
    pytest.param(
        "Audience\n\nLes dossiers étaient au centre des échanges, le 6 octobre 2020, entre SEM Bah N'DIAYE, Chef de "
        "l'Etat et M. Mahamat SALEH.",
        "2020-10-07", role_of("Bah N'DIAYE", "Chef de l'Etat"), id="fr-apposed-role-ends-before-et-m"),
]

# Failure kinds of dev8 (26 real articles), found after its first run by comparing 0.16.0 and 0.17.0 there.
CASES_DEV8 = [
    pytest.param(
        "Visite\n\nUkrainian ambassador to SA Olena Petrenko had confirmed to the newspaper on Thursday that the phone "
        "call did take place.",
        "2022-04-21", quote_by("the phone call did take place", "Olena Petrenko"), id="en-ambassador-to-country-name"),
    pytest.param(
        "Visite\n\nThe topic of a possible meeting between Ivan Petrov and Tom Baker may be raised during the talks, "
        "the spokesman said.",
        "2022-04-21", no_meeting(), id="en-a-possible-meeting-is-speculative-not-an-encounter"),  # README: not annotated
    pytest.param(
        "Visite\n\nLe dirigeant allemand Karl Weber est le premier dirigeant européen à rendre visite à M. Tom Baker à la "
        "Maison Blanche.",
        "2021-07-16", meeting({"Karl Weber", "Tom Baker"}, place="Maison Blanche", count=1),
        id="fr-rendre-visite-a-une-personne-and-the-predicate-is-no-party"),
    pytest.param(
        "Visite\n\nLe ministre Karl Weber rendra visite à la communauté malienne de Paris.",
        "2021-07-16", no_meeting(), id="fr-rendre-visite-a-une-communaute-is-no-encounter"),
    pytest.param(
        "Visite\n\nMinister Karl Weber paid a courtesy visit to President Tom Baker on Monday.",
        "2021-07-16", meeting({"Karl Weber", "Tom Baker"}, date="2021-07-12"), id="en-paid-a-visit-to-a-person"),
    pytest.param(
        "Visite\n\nLes Nations unies resteront aux côtés du Niger, a précisé le patron de l'ONU, le pays suscite beaucoup "
        "d'espoir : « offrir des perspectives à la jeunesse, y compris aux jeunes filles. »",
        "2021-10-26", no_speaker("unies resteront aux côtés du Niger"), id="fr-a-clause-is-no-speaker"),
]


def all_of(*checks):
    """Every one of these checks."""
    def check(result):
        for one in checks:
            one(result)
    return check


def no_place(result):
    """No meeting has a place."""
    assert all(m.place is None for m in result.meetings), result.meetings


# Failure kinds of dev4 and dev9 (after their first runs): audiences one after the other, in
# sentences written for the tests.
CASES_DEV9 = [
    pytest.param(
        "Audiences\n\nLe président Amadou Ba a reçu tour à tour mardi M. Jean Koné, envoyé spécial du président du "
        "Mali, M. Ali Sow, ambassadeur du Niger, ainsi que M. John Smith, ambassadeur des États-Unis.",
        "2024-03-12", all_of(bilaterals_of("Amadou Ba", "Jean Koné", "Ali Sow", "John Smith"),
                             person_country("Ali Sow", "NE"), role_of("Ali Sow", "ambassadeur du Niger")),
        id="fr-tour-a-tour-one-audience-each-and-each-name-its-own-role"),
    pytest.param(
        "Audiences\n\nLe ministre des Affaires étrangères, M. Karim Diallo, s'est entretenu séparement, mardi à "
        "Nouakchott, avec les ambassadeurs de France et d'Italie, respectivement MM. Pierre Morel et Marco Rossi.",
        "2024-03-12", all_of(bilaterals_of("Karim Diallo", "Pierre Morel", "Marco Rossi"),
                             person_country("Pierre Morel", "FR"), person_country("Marco Rossi", "IT"),
                             meeting({"Karim Diallo", "Marco Rossi"}, place="Nouakchott", date="2024-03-12")),
        id="fr-separement-past-the-adverbials-and-respectivement"),
    pytest.param(
        "Audiences\n\nPresident Omar Haddad received in turn Ambassador Peter Braun of Germany and Ambassador Kenji "
        "Sato of Japan on Tuesday.",
        "2024-03-12", bilaterals_of("Omar Haddad", "Peter Braun", "Kenji Sato"), id="en-received-in-turn"),
    pytest.param(
        "Audiences\n\nLe président Amadou Ba a reçu mardi M. Ibrahima Fall, ambassadeur du Sénégal au Qatar.",
        "2024-03-12", all_of(meeting({"Amadou Ba", "Ibrahima Fall"}, count=1), no_place),
        id="fr-where-an-ambassador-serves-is-no-meeting-place"),
    pytest.param(
        "Visite\n\nMinister Karl Weber travelled to Lagos in 2019 for trade talks, the Daily Post newspaper reported.",
        "2024-03-12", names_only("Karl Weber"), id="en-the-newspaper-after-a-comma-is-no-party"),
]


def counterparts_of(host, *countries):
    """One meeting of the host with an unnamed counterpart of each of these countries, and no other."""
    def check(result):
        got = sorted((tuple(p.name for p in m.participants if p.name),
                      tuple(p.country for p in m.participants if not p.name)) for m in result.meetings)
        assert got == sorted(((host,), (c,)) for c in countries), result.meetings
    return check


# Failure kinds of dev10 (after its first run), in sentences written for the tests.
CASES_DEV10 = [
    pytest.param(
        "Visite\n\nOn Thursday, Minister Karl Weber held talks with counterparts from Kenya, the United Arab Emirates, "
        "Chile, Norway, Peru, South Korea, New Zealand and Ghana.",
        "2024-03-15", counterparts_of("Karl Weber", "KE", "AE", "CL", "NO", "PE", "KR", "NZ", "GH"),
        id="en-a-long-list-of-countries-with-articles-and-two-word-names"),
    pytest.param(
        "Visite\n\nForeign Minister Omar Haddad on Monday met Britain's Minister of State for North Africa, Libya and "
        "Chad, Rt. Hon James Whitmore, at the Foreign Office in London.",
        "2024-03-18", all_of(meeting({"Omar Haddad", "James Whitmore"}, place="London", date="2024-03-18", count=1),
                             role_of("James Whitmore", "Minister of State for North Africa, Libya and Chad"),
                             person_country("James Whitmore", "GB")),
        id="en-rt-hon-is-no-sentence-end-and-a-portfolio-is-no-country"),
]


# Failure kinds of dev12 (after its first run), in sentences written for the tests.
CASES_DEV12 = [
    pytest.param(
        "Visite\n\nLe ministre des Affaires étrangères, Karim Benali, a tenu lundi une série d'entretiens en marge "
        "du sommet.\n\nAinsi, M. Benali a discuté avec la ministre ghanéenne des Affaires étrangères, Ama Owusu, et "
        "le ministre péruvien des Affaires étrangères, Diego Salas.",
        "2024-03-18", bilaterals_of("Karim Benali", "Ama Owusu", "Diego Salas"),
        id="fr-a-series-told-a-sentence-before-makes-bilaterals-and-discuter-avec-is-talks"),
    pytest.param(
        "Visite\n\nOn Monday, Minister Karl Weber met Chilean Foreign Minister Rosa Vidal and Norwegian Foreign "
        "Minister Lars Berg in Geneva. These meetings focused on trade.",
        "2024-03-18", bilaterals_of("Karl Weber", "Rosa Vidal", "Lars Berg"),
        id="en-these-meetings-a-sentence-after-makes-bilaterals"),
    pytest.param(
        "Visite\n\nLundi, le président Paul Mensah a reçu Ama Owusu et Diego Salas. Les entretiens ont porté sur la "
        "sécurité régionale.",
        "2024-03-18", meeting({"Paul Mensah", "Ama Owusu", "Diego Salas"}, count=1),
        id="fr-a-plural-noun-alone-leaves-one-joint-audience"),
    pytest.param(
        "Visite\n\nM. Karim Benali a discuté avec le secrétaire général de l'Organisation, M. Paul Mensah, ainsi "
        "qu'avec les ministres des Affaires étrangères d'Egypte, Omar Fathi, de Jordanie, Samir Haddad, et du "
        "Bahreïn, Abdel-Karim Al-Nasser. Ces rencontres ont porté sur la sécurité.",
        "2024-03-19", bilaterals_of("Karim Benali", "Paul Mensah", "Omar Fathi", "Samir Haddad", "Abdel-Karim Al-Nasser"),
        id="fr-a-hyphenated-name-far-down-a-list-of-countries-and-holders"),
    pytest.param(
        "Visite\n\nLe ministre Karim Benali a reçu jeudi Amina Diallo, qui est médiatrice de l'Union africaine pour "
        "le Soudan.",
        "2024-03-21", all_of(role_of("Amina Diallo", "médiatrice de l'Union africaine pour le Soudan"),
                             names_only("Karim Benali", "Amina Diallo")),
        id="fr-qui-est-gives-the-name-before-its-role"),
    pytest.param(
        "Visite\n\nTamanrasset – Le ministre de l'Intérieur, Karim Benali, a reçu lundi son homologue nigérien "
        "Issa Garba à Tamanrasset, où il était en visite.",
        "2024-03-18", meeting({"Karim Benali", "Issa Garba"}, place="Tamanrasset"),
        id="fr-a-stated-place-stays-with-a-dash-dateline"),
    pytest.param(
        "Visite\n\nDjanet – Le ministre de l'Intérieur, Karim Benali, a reçu lundi son homologue nigérien Issa Garba. "
        "Les deux ministres se sont déjà vus en janvier à Djanet.",
        "2024-03-18", meeting({"Karim Benali", "Issa Garba"}, place="Djanet", date="2024-03-18"),
        id="fr-a-dash-dateline-city-read-as-a-place-in-the-text"),
    pytest.param(
        "Diplomatie – Le ministre de l'Intérieur, Karim Benali, a reçu lundi son homologue nigérien Issa Garba.",
        "2024-03-18", all_of(meeting({"Karim Benali", "Issa Garba"}), no_place),
        id="fr-a-rubric-before-a-dash-is-no-place"),
]



def no_name_starting(prefix):
    """No participant's name starts with `prefix` (an honorific is no part of a name)."""
    def check(result):
        assert result.meetings and not any(p.name and p.name.startswith(prefix)
                                           for m in result.meetings for p in m.participants), result.meetings
    return check


def no_meeting_of(*names):
    """No meeting has this participant (all these participants together, when several are given)."""
    def check(result):
        assert not any(set(names) <= {p.name for p in m.participants} for m in result.meetings), result.meetings
    return check


def no_place_of(name):
    """The meetings of `name` have no place."""
    def check(result):
        assert all(m.place is None for m in result.meetings if any(p.name == name for p in m.participants)), result.meetings
    return check


CASES_DEV14 = [
    pytest.param(
        "Appel\n\nLors d'un entretien téléphonique mardi, Recep Tayyip Erdogan et Emmanuel Macron ont évoqué la "
        "situation au Proche-Orient. Erdogan a indiqué à Macron que la Turquie soutenait toute initiative de paix.\n\n"
        "Il a également souligné que \"la Turquie est prête à accueillir des pourparlers\".",
        "2024-03-21", all_of(meeting({"Recep Tayyip Erdogan", "Emmanuel Macron"}, kind="call", date="2024-03-19"),
                             quote_by("la Turquie soutenait", "Recep Tayyip Erdogan"),
                             quote_by("prête à accueillir", "Recep Tayyip Erdogan")),
        id="fr-a-public-figure-the-model-reads-as-misc-or-a-place-is-a-person"),
    pytest.param(
        "Par Kossi AMEGAN\n\nBangui, 21 mars 2024 : Le Premier ministre Paul Mensah a reçu en audience mercredi "
        "l'ambassadeur de France en Centrafrique, qui est venu lui présenter ses vœux.\n\n« Je souhaite plein succès "
        "au gouvernement », a déclaré l'ambassadeur au sortir de l'audience.",
        "2024-03-21", all_of(names_only("Paul Mensah"), no_speaker("Kossi AMEGAN")),
        id="fr-the-byline-author-is-no-one-the-story-is-about"),
    pytest.param(
        "Audience\n\nBangui 21 mars 2024—(ACAP) : Le Premier ministre Paul Mensah a reçu en audience mercredi 20 mars "
        "l'ambassadeur de France, Marc Lefort.",
        "2024-03-21", meeting({"Paul Mensah", "Marc Lefort"}, date="2024-03-20"),
        id="fr-the-date-of-a-dateline-is-not-the-meeting-s-when-the-sentence-gives-one"),
    pytest.param(
        "Calls\n\nOman's foreign minister also spoke with Karl Weber by phone on Sunday, expressing concern.",
        "2024-03-18", meeting({"Karl Weber"}, countries={"OM"}, kind="call"),
        id="en-a-role-before-spoke-with-is-the-other-party-not-the-name"),
    pytest.param(
        "Calls\n\nForeign Minister HH Sheikh Karim Al Nasser received a phone call from Karl Weber on Sunday.",
        "2024-03-18", no_name_starting("HH"),
        id="en-hh-is-an-honorific"),
    pytest.param(
        "Interview\n\nThe ambassador was asked about the region.\n\n\"Relations between our countries are strong and "
        "we work together every day\n\nThat is why I am confident about the future. I hope it stays so,\" the ambassador "
        "said.",
        "2024-03-18", all_of(quote_text("Relations between our countries are strong"),
                             quote_text("That is why I am confident")),
        id="en-a-quotation-over-two-paragraphs-opened-by-a-straight-mark"),
    pytest.param(
        "Visit\n\nMinister Karl Weber will hold meetings with Rosa Vidal and Lars Berg in Geneva on Sunday.",
        "2024-03-18", bilaterals_of("Karl Weber", "Rosa Vidal", "Lars Berg"),
        id="en-hold-meetings-with-a-list-is-one-meeting-each"),
    pytest.param(
        "Visite\n\nLe ministre Karim Benali aura des entretiens avec Ama Owusu et Diego Salas à Genève lundi.",
        "2024-03-18", bilaterals_of("Karim Benali", "Ama Owusu", "Diego Salas"),
        id="fr-des-entretiens-avec-a-list-is-one-meeting-each"),
    pytest.param(
        "Visit\n\nOn Saturday, the ambassador Karl Weber hosted a reception at his residence.\n\nHe told reporters he "
        "considered good the meeting with Lars Berg a few days earlier.\n\nWeber met Berg, who was in Geneva for "
        "consultations, on Thursday.",
        "2024-03-18", all_of(meeting({"Karl Weber", "Lars Berg"}, date="2024-03-14", place="Geneva", count=1),
                             quote_text("he considered good the meeting", not_start="reporters")),
        id="en-a-few-days-earlier-is-not-the-day-before-and-told-reporters-is-no-content"),
    pytest.param(
        "Kremlin\n\nVladimir Poutine a parlé lundi.\n\nLe porte-parole du Kremlin, Dmitri Peskov, a évoqué une "
        "éventuelle rencontre entre Vladimir Poutine et Donald Trump.",
        "2025-11-10", no_meeting(),  # 0.26.0: an "éventuelle" encounter is speculative (README), none at all
        id="fr-a-spokesman-who-evokes-a-meeting-between-two-others-is-no-party"),
    pytest.param(
        "Déclaration\n\nLe ministre Karim Benali a déclaré que son pays était prêt à négocier, mais a insisté sur le fait "
        "que la partie adverse devait d'abord cesser ses attaques.",
        "2024-03-10", quotes_are(("reported", "son pays était prêt à négocier", "Karim Benali"),
                                 ("reported", "la partie adverse devait d'abord cesser ses attaques", "Karim Benali")),
        id="fr-a-second-verb-of-saying-after-mais-reports-its-own-clause"),
    pytest.param(
        "Statement\n\nMinister Karl Weber said his country was ready to negotiate but insisted that the other side must "
        "first stop its attacks.",
        "2024-03-10", quotes_are(("reported", "his country was ready to negotiate", "Karl Weber"),
                                 ("reported", "the other side must first stop its attacks", "Karl Weber")),
        id="en-said-then-but-insisted-that-are-two-statements-and-his-stays"),
    pytest.param(
        "Envoys\n\nPresident Karl Weber has received the letters of credence of new envoys from three countries.\n\n"
        "They include the Ambassador of Guinea, Jean Matho Dore, and the High Commissioner of Canada, Martine Morel.\n\n"
        "The Ambassador of Mauritania, Mohamed Khattra, also presented his letters of credence to the president.",
        "2023-03-01", meeting({"Karl Weber", "Jean Matho Dore", "Martine Morel"}),
        id="en-they-include-lists-the-envoys"),
    pytest.param(
        "Envoys\n\nPresident Karl Weber received the credentials of new ambassadors of three countries on Wednesday.\n\n"
        "The ambassadors are Jean Matho Dore from Guinea, Martine Morel from Canada and Lars Berg from Norway.\n\n"
        "Weber welcomed the ambassadors and wished them a fruitful stay.",
        "2023-03-02", all_of(meeting({"Karl Weber", "Jean Matho Dore", "Martine Morel", "Lars Berg"}, count=1),
                             person_country("Lars Berg", "NO")),
        id="en-the-ambassadors-are-lists-them-from-their-countries-and-welcoming-them-is-that-audience"),
    pytest.param(
        "Envoys\n\nThe Ambassador Extraordinary and Plenipotentiary of Guinea, Jean Matho Dore, presented his letters "
        "of credence to President Karl Weber.\n\nAt a meeting at the Jubilee House, President Weber welcomed him.",
        "2023-03-01", names_only("Jean Matho Dore", "Karl Weber"),
        id="en-extraordinary-and-plenipotentiary-is-a-title-and-the-jubilee-house-no-name"),
    pytest.param(
        "Visite\n\nLe président Paul Mensah a reçu mardi au Cameroun l'ambassadeur de France, Marc Lefort.",
        "2024-03-10", meeting({"Paul Mensah", "Marc Lefort"}, place="Cameroun"),
        id="fr-l-ambassadeur-de-france-is-no-place"),
    pytest.param(
        "Nouveaux ambassadeurs accrédités à Yaoundé\n\nLe président Paul Mensah a reçu mardi au Cameroun les lettres de "
        "créance de l'ambassadeur du Soudan, Omar Hassan.",
        "2024-03-10", meeting({"Paul Mensah", "Omar Hassan"}, place="Yaoundé"),
        id="fr-a-meeting-placed-in-a-country-is-in-the-one-city-of-it-the-article-names"),
    pytest.param(
        "Visite\n\nUne délégation de la CEDEAO conduite par Karim Benali est arrivée samedi à Niamey.\n\nKarim Benali a "
        "été reçu par le président Paul Mensah.",
        "2024-03-10", meeting({"Karim Benali", "Paul Mensah"}, place="Niamey"),
        id="fr-the-city-a-visitor-arrived-in-places-the-audiences-told-after"),
    pytest.param(
        "Visit\n\nMinister Karl Weber arrived in Nairobi on Monday.\n\nWeber spoke by phone with Lars Berg on Tuesday. "
        "He met Paul Mensah in Mombasa on Wednesday.",
        "2024-03-14", all_of(meeting({"Karl Weber", "Lars Berg"}, kind="call"), no_place_of("Lars Berg"),
                             meeting({"Karl Weber", "Paul Mensah"}, place="Mombasa")),
        id="en-an-arrival-city-places-no-call-and-no-meeting-with-its-own-place"),
]


# Written for the tests from the failure kinds of dev16 (a set read to write extractor 0.25.0).
CASES_DEV16 = [
    pytest.param(
        "Readout\n\nThe Prime Minister spoke to President Lars Berg this evening. He thanked him for his support.",
        "2024-03-14", meeting({"Lars Berg"}, kind="call"),
        id="en-a-readout-s-spoke-to-a-person-with-no-place-is-a-call"),
    pytest.param(
        "Briefing\n\nThe minister spoke to reporters in Geneva on Tuesday.",
        "2024-03-14", no_meeting(),
        id="en-spoke-to-reporters-is-no-encounter"),
    pytest.param(
        "Readout\n\nThe Prime Minister met President Lars Berg this evening.",
        "2024-03-14", meeting({"Lars Berg"}, count=1),
        id="en-the-prime-minister-of-a-readout-that-names-none-is-a-party"),
    pytest.param(
        "Visit\n\nPrime Minister Karl Weber arrived on Monday. The Prime Minister met President Lars Berg this evening.",
        "2024-03-14", meeting({"Karl Weber", "Lars Berg"}, count=1),
        id="en-the-prime-minister-the-article-names-is-no-second-party"),
    pytest.param(
        "Audience\n\nKarim Benali, envoyé spécial de l'Union africaine pour la région, reçu le 12 mars par le président "
        "de transition, Paul Mensah.",
        "2024-03-14", meeting({"Karim Benali", "Paul Mensah"}, date="2024-03-12"),
        id="fr-a-name-with-a-participle-received-by-is-a-party"),
    pytest.param(
        "Audience\n\nReçu en audience par le président Paul Mensah le 12 mars à Lomé, l'envoyé spécial de l'ONU, Karim "
        "Benali, s'est félicité de l'accueil.",
        "2024-03-14", meeting({"Karim Benali", "Paul Mensah"}, date="2024-03-12"),
        id="fr-the-subject-after-a-fronted-participle-is-its-party"),
    pytest.param(
        "State visit\n\nPresident Karl Weber of Kenya arrived in Kigali on Tuesday. The Kenya leader was received by "
        "President Paul Mensah at the State House.",
        "2024-03-14", all_of(meeting({"Karl Weber", "Paul Mensah"}), person_country("Karl Weber", "KE")),
        id="en-a-country-name-before-a-role-is-its-country"),
    pytest.param(
        "Audience\n\nLa ministre Rosa Vidal a été reçue en audience par le Président du Faso lundi.",
        "2024-03-14", meeting({"Rosa Vidal"}, countries={"BF"}),
        id="fr-the-president-du-faso-is-burkina-faso-s"),
    pytest.param(
        "Audience\n\nLe chef de l'Etat congolais, Denis Sassou N'Guesso, a reçu mardi à Oyo l'ambassadeur Lars Berg.",
        "2024-03-14", person_country("Denis Sassou N'Guesso", "CG"),
        id="fr-a-demonym-two-states-share-goes-to-the-state-of-the-figure-it-describes"),
    pytest.param(
        "Talks\n\nMinister Karl Weber and Minister Rosa Vidal also met with Lars Berg, respectively.",
        "2024-03-14", bilaterals_of("Lars Berg", "Karl Weber", "Rosa Vidal"),
        id="en-a-and-b-met-c-respectively-is-one-meeting-each"),
    pytest.param(
        "Talks\n\nVice Foreign Minister Karl Weber held talks with State Councilor Lars Berg in Beijing.",
        "2024-03-14", all_of(role_of("Karl Weber", "Vice Foreign Minister"), role_of("Lars Berg", "State Councilor")),
        id="en-vice-foreign-minister-and-state-councilor-are-roles"),
    pytest.param(
        "Visit\n\nForeign Minister Karl Weber visited Ankara yesterday and held talks with his counterpart Lars Berg.",
        "2024-03-14", meeting({"Karl Weber", "Lars Berg"}, date="2024-03-13"),
        id="en-a-clause-joined-to-a-dated-verb-takes-its-date"),
    pytest.param(
        "Spokesman Condemns New Sanctions\n\nThe Iranian government spokesman has condemned the sanctions as "
        "\u201cregrettable\u201d.\n\nIn a press conference on Tuesday, Karim Benali dismissed the move.\n\n\u201cWe have "
        "expressed our concern over these measures,\u201d he said.",
        "2024-03-14", all_of(quote_by("regrettable", "Karim Benali"), quote_by("expressed our concern", "Karim Benali"),
                             person_country("Karim Benali", "IR")),
        id="en-a-lead-s-office-is-the-person-the-next-sentence-names-not-the-headline-s-words"),
    pytest.param(
        "Visite\n\nLa ministre Rosa Vidal a été reçue par le Président du Faso lundi. Auparavant, elle s'est entretenue "
        "avec le ministre burkinabè des Affaires étrangères, Paul Mensah.",
        "2024-03-14", all_of(meeting({"Rosa Vidal"}, countries={"BF"}), meeting({"Rosa Vidal", "Paul Mensah"})),
        id="fr-an-unnamed-head-of-state-is-not-the-minister-named-after"),
]

# Written for the tests from the failure kinds of dev17 (read after the first runs of 0.24.0 and 0.25.0:
# 0.54 and 0.54).
CASES_DEV17 = [
    pytest.param(
        "Call\n\nPresident Karl Weber called Egyptian President Lars Berg to discuss the crisis, his office said.",
        "2024-03-14", meeting({"Karl Weber", "Lars Berg"}, kind="call"),
        id="en-called-x-to-discuss-is-a-call"),
    pytest.param(
        "Briefing\n\nThe spokesman answered a question about a possible telephone conversation between Karl Weber and "
        "Lars Berg.",
        "2024-03-14", no_meeting(),
        id="en-a-possible-conversation-is-no-encounter"),
    pytest.param(
        "Briefing\n\nThe spokesman said there were no preparations yet for a conversation between Karl Weber and Lars "
        "Berg.",
        "2024-03-14", no_meeting(),
        id="en-no-preparations-for-a-conversation-is-no-encounter"),
    pytest.param(
        "Briefing\n\nPresident Karl Weber has been open to talks from the start, spokesman Lars Berg told reporters.",
        "2024-03-14", no_meeting(),
        id="en-open-to-talks-is-a-stance-not-an-encounter"),
    pytest.param(
        "Point de presse\n\nLe président Paul Mensah s'est dit prêt à rencontrer Karim Benali.",
        "2024-03-14", no_meeting(),
        id="fr-pret-a-rencontrer-is-a-stance-not-an-encounter"),
    pytest.param(
        "PM Weber holds talks with US delegation\n\nPrime Minister Karl Weber yesterday held talks with a US delegation "
        "led by Senator Lars Berg.",
        "2024-03-14", all_of(meeting(count=1), no_name_starting("PM")),
        id="en-pm-is-a-title"),
    pytest.param(
        "WEBER, BERG MEET AT SUMMIT IN GENEVA\n\nPresident Karl Weber and his counterpart Lars Berg held talks in Geneva "
        "on Monday.",
        "2024-03-14", all_of(meeting({"Karl Weber", "Lars Berg"}, count=1), no_name_starting("BERG")),
        id="en-a-headline-in-capitals-ends-a-name-at-its-verb"),
    pytest.param(
        "Talks\n\nKarl Weber and Lars Berg discussed the next steps in the fight against Daesh during their talks in "
        "Antalya.",
        "2024-03-14", meeting({"Karl Weber", "Lars Berg"}, place="Antalya"),
        id="en-the-object-of-against-after-in-is-no-place"),
    pytest.param(
        "PM meets Chancellor Berg in Vienna\n\nPrime Minister Karl Weber has held talks with Chancellor Lars Berg in "
        "Vienna.\n\nThe PM said he wanted a strong partnership.",
        "2024-03-14", quote_by("strong partnership", "Karl Weber"),
        id="en-the-headline-s-office-is-not-the-other-party-of-the-headline"),
    pytest.param(
        "Visit\n\nPrime Minister Karl Weber of Austria held talks with President Lars Berg of Kenya in Nairobi. In his "
        "first visit to Kenya as PM, Mr Weber toured the State House.",
        "2024-03-14", person_country("Karl Weber", "AT"),
        id="en-the-country-of-a-visit-before-as-pm-is-not-the-pm-s"),
    pytest.param(
        "Talks\n\nVienna, March 14, 2024 (APA) - Chancellor Karl Weber yesterday received and held talks with a "
        "delegation led by Senator Lars Berg.",
        "2024-03-14", meeting(date="2024-03-13"),
        id="en-received-and-held-talks-share-the-first-verb-s-day-over-the-dateline-s"),
    pytest.param(
        "Visite\n\nLe président Paul Mensah s'est entretenu lundi avec le président Karim Benali, en visite d'État "
        "dans le pays.",
        "2024-03-14", all_of(meeting({"Paul Mensah", "Karim Benali"}), no_place),
        id="fr-en-visite-d-etat-is-no-place"),
    pytest.param(
        "Audience\n\nLe président Paul Mensah a reçu Karim Benali au Palais de la Marina lundi.",
        "2024-03-14", meeting({"Paul Mensah", "Karim Benali"}, place="Palais de la Marina"),
        id="fr-a-venue-ends-before-the-day-the-model-reads-into-it"),
    pytest.param(
        "Summit\n\nPrime Minister Karl Weber met leaders of various African countries on the sidelines of the summit "
        "in Addis Ababa today. He held talks with leaders of Kenya, Ghana and Senegal on peace and the economic "
        "integration in Africa.",
        "2024-03-14", all_of(counterparts_of("Karl Weber", "KE", "GH", "SN"), no_name_starting("African")),
        id="en-leaders-of-a-list-of-countries-met-on-a-summit-s-sidelines-are-met-one-by-one"),
    pytest.param(
        "Talks\n\nKarl Weber held talks with Lars Berg on the economic integration in Africa.",
        "2024-03-14", all_of(meeting({"Karl Weber", "Lars Berg"}), no_place),
        id="en-a-continent-is-no-meeting-place"),
]

CASES_DEV18 = [
    pytest.param(
        # The small model tags this public figure's name as two adjectives after "a dit" (of the names
        # tried, only this one: the rule is for any name so read).
        "Audience\n\n« Il faudra privilégier le dialogue », a dit Huang Xia.\n\nLa réunion a duré deux heures.",
        "2024-03-14", quote_by("privilégier le dialogue", "Huang Xia"),
        id="fr-a-dit-and-a-name-the-tagger-reads-as-adjectives"),
    pytest.param(
        "Audience\n\nLe président Paul Mensah a reçu jeudi l'envoyé spécial de l'ONU pour le Sahel.\n\n"
        "L'envoyé spécial du Secrétaire général des Nations unies pour le Sahel, Karim Benali, a salué l'engagement "
        "du pays.",
        "2024-03-14", meeting({"Paul Mensah", "Karim Benali"}),
        id="fr-a-title-named-in-the-next-sentence-is-that-person-onu-is-nations-unies"),
    pytest.param(
        "Visite\n\nLe ministre ghanéen Kofi Mensah est arrivé mardi à Bamako, porteur d'un message du président Karl "
        "Weber qu'il a remis à son homologue malien, Karim Benali.",
        "2024-03-14", all_of(meeting({"Kofi Mensah", "Karim Benali"}), no_speaker()),
        id="fr-a-message-handed-to-someone-is-an-encounter-not-with-its-sender"),
    pytest.param(
        "Letter\n\nEnvoy Lars Berg on Monday handed over a letter from President Karl Weber to President Paul Mensah "
        "in Accra.",
        "2024-03-14", meeting({"Lars Berg", "Paul Mensah"}, place="Accra"),
        id="en-a-letter-from-y-to-z-z-received-it"),
    pytest.param(
        "Visit\n\nAt the meeting, Senator Lars Berg handed to the speaker Paul Mensah a letter of invitation, sent by "
        "Karl Weber, president of the assembly.",
        "2024-03-14", meeting({"Lars Berg", "Paul Mensah"}),
        id="en-the-sender-of-a-letter-is-no-party"),
    pytest.param(
        "Japanese PM, South Korean President Agree to Meet Soon\n\nJapan's prime minister, Karl Weber, telephoned "
        "South Korean president Lars Berg on Monday.",
        "2024-03-14", all_of(meeting({"Karl Weber", "Lars Berg"}, kind="call"), no_name_starting("South")),
        id="en-a-headline-s-plural-verb-ends-a-name-and-offices-with-a-two-word-demonym-are-none"),
    pytest.param(
        "Visite\n\nLa ministre Karima Benali se rendra vendredi à Rome pour parler de la crise au Sahel avec le "
        "ministre italien Marco Rossi.",
        "2024-03-14", meeting({"Karima Benali", "Marco Rossi"}, kind="talks"),
        id="fr-parler-of-a-topic-avec-a-person-is-talks"),
    pytest.param(
        "Entretiens\n\nLa Conseillère fédérale Anna Keller, Cheffe du Département fédéral des affaires étrangères, "
        "a reçu lundi à Berne le ministre Karim Benali.",
        "2024-03-14", all_of(meeting({"Anna Keller", "Karim Benali"}), no_name_starting("Cheffe")),
        id="fr-cheffe-is-a-title-not-a-name"),
    pytest.param(
        "Tournée\n\nL'ancien candidat, classé deuxième derrière Paul Mensah, a évoqué les mêmes sujets avec le "
        "président de la commission, Karl Weber.",
        "2024-03-14", no_meeting_of("Paul Mensah"),
        id="fr-a-name-in-a-participle-incise-before-the-verb-is-no-party"),
    pytest.param(
        "Visit\n\nPresident Karl Weber met with Lars Berg at Harmon House on Thursday. Later, the guests toured "
        "Harmon House.",
        "2024-03-14", all_of(meeting({"Karl Weber", "Lars Berg"}, place="Harmon House"), no_name_starting("Harmon")),
        id="en-a-house-named-after-someone-is-a-venue-not-a-person"),
    pytest.param(
        "Visit\n\nBefore a meeting with Lars Berg, Karl Weber paid an official visit to the Harmon Palace and met "
        "President Paul Mensah.",
        "2024-03-14", all_of(meeting({"Karl Weber", "Paul Mensah"}, place="Harmon Palace"),
                             no_place_of("Lars Berg")),
        id="en-a-meeting-in-a-before-phrase-has-no-place-of-the-main-clause"),
    pytest.param(
        "Audience\n\nLe ministre Karim Benali a reçu vendredi son homologue ghanéen, Kofi Mensah, porteur d'un "
        "message du président Karl Weber à Sa Majesté le Roi Lars Berg.",
        "2024-03-14", all_of(meeting({"Karim Benali", "Kofi Mensah"}), no_meeting_of("Lars Berg"), no_place),
        id="fr-the-addressee-of-a-message-carried-to-someone-else-is-no-party-and-sa-is-no-place"),
    pytest.param(
        "Audience\n\nLe président Paul Mensah a reçu l'émissaire Karl Weber.\n\n« La paix passe par le dialogue », "
        "a dit Karl Weber.\n\nIl a soutenu que les Nations unies appuieront la médiation.",
        "2024-03-14", all_of(quote_by("appuieront la médiation", "Karl Weber"), quote_by("passe par le dialogue", "Karl Weber")),
        id="fr-il-after-an-inverted-attribution-is-its-speaker-and-soutenir-que-reports"),
    pytest.param(
        "Entretien\n\nLe ministre Karl Weber a déclaré que la France continuera à soutenir fermement le Mali dans sa "
        "transition.",
        "2024-03-14", quote_text("continuera à soutenir fermement le Mali dans sa transition"),
        id="fr-soutenir-without-que-is-support-not-a-new-statement"),
    pytest.param(
        "Talks\n\nMinister Karl Weber met Lars Berg on Monday. He maintained that the talks had been useful.",
        "2024-03-14", quote_by("the talks had been useful", "Karl Weber"),
        id="en-maintained-that-reports"),
    pytest.param(
        "Talks\n\nPresident Karl Weber said his government would work with its neighbours, saying: “We should be "
        "working closer together.”",
        "2024-03-14", quote_by("working closer together", "Karl Weber"),
        id="en-saying-hung-in-the-reported-clause-is-the-reporter-s"),
    pytest.param(
        "Talks\n\nPresident Karl Weber received the ambassadors on Monday. According to Weber, his government was "
        "committed to developing the non-oil sectors, Reuters reports.",
        "2024-03-14", all_of(quote_by("committed to developing", "Karl Weber"), no_speaker("Reuters")),
        id="en-according-to-x-then-an-agency-reports-is-x-s"),
    pytest.param(
        "Visit\n\nPresident Karl Weber welcomed Malaysian Trade Minister Datuk Seri Ahmad Rahim in Manila on Monday.",
        "2024-03-14", all_of(meeting({"Karl Weber", "Ahmad Rahim"}), no_name_starting("Datuk"), no_name_starting("Seri")),
        id="en-malaysian-honorifics-are-titles"),
    pytest.param(
        "Dialogue\n\nLe ministre Karl Weber a coprésidé un dialogue avec son homologue Lars Berg à Vienne. Cette "
        "rencontre fait suite à une réunion trilatérale aux côtés du ministre Paul Mensah, samedi.",
        "2024-03-14", all_of(meeting({"Karl Weber", "Lars Berg"}), meeting({"Karl Weber", "Lars Berg", "Paul Mensah"})),
        id="fr-a-trilateral-meeting-with-the-third-party-named-adds-the-two-just-told"),
    pytest.param(
        "Audience\n\nLe président Karl Weber a reçu jeudi l'émissaire Lars Berg.\n\n« Il faudra privilégier le "
        "prochain sommet tripartite », a dit Paul Mensah.",
        "2024-03-14", all_of(meeting({"Karl Weber", "Lars Berg"}, count=1)),
        id="fr-a-tripartite-summit-in-a-quotation-takes-no-parties-from-before"),
    pytest.param(
        "Visite\n\nLe ministre Karl Weber a effectué une visite officielle à Rome. L'entretien avec son homologue "
        "italien Lars Berg a porté sur les relations bilatérales.",
        "2024-03-14", meeting({"Karl Weber", "Lars Berg"}),
        id="fr-l-entretien-avec-son-homologue-is-with-whose-counterpart"),
    pytest.param(
        "Visit\n\nMinister Karl Weber paid an official visit to Rome. His meeting with Italian minister Lars Berg "
        "focused on trade.",
        "2024-03-14", meeting({"Karl Weber", "Lars Berg"}),
        id="en-his-meeting-with-x-is-with-the-possessor"),
    pytest.param(
        "Audience\n\nLe Président de la République, Pr Karl Weber a reçu en audience lundi l'ambassadeur Lars Berg.",
        "2024-03-14", all_of(meeting({"Karl Weber", "Lars Berg"}), no_name_starting("Pr")),
        id="fr-pr-is-a-title"),
]


def test_a_capitalised_phrase_opening_with_a_figure_s_first_name_is_a_person():
    from extraction.people.names import _known_figure
    assert _known_figure("Hamid Reza Tavakoli") and _known_figure("Recep Tayyip Erdogan")
    assert not _known_figure("Hamad International Airport") and not _known_figure("Union Africaine")
    assert not _known_figure("Lagos") and not _known_figure("Erdogan") and not _known_figure("Ali")


@pytest.mark.parametrize("text, published, check", CASES_DEV3 + CASES_DEV7 + CASES_DEV8 + CASES_DEV9 + CASES_DEV10
                         + CASES_DEV12 + CASES_DEV14 + CASES_DEV16 + CASES_DEV17
                         + CASES_DEV18)
def test_failure_kind_seen_on_a_real_set(extractor, text, published, check):
    check(extractor.extract(text, published=published))


@pytest.mark.parametrize("text, published, check", CASES + CASES_ROUND2 + CASES_ROUND3 + CASES_ROUND4 + CASES_ROUND5
                         + CASES_ROUND6 + CASES_ROUND7 + CASES_ROUND8 + CASES_ROUND9)
def test_fresh_sentence(extractor, text, published, check):
    check(extractor.extract(text, published=published))
