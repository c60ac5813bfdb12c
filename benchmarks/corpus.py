"""Realistic French article files for the ingest and alert benchmarks.

Each file is a dated dispatch of ~300–600 words: meetings ("Le président kazakh X a
rencontré à Astana le ministre chinois Y"), direct quotes in « … », reported speech
("a déclaré que …") and background paragraphs, with names, countries and dates varied.
Seeded: the same run measures the same texts.
"""

from __future__ import annotations

import random
from pathlib import Path

from diplowatch import countries

FIRST = ["Kassym-Jomart", "Wang", "Sergueï", "Emmanuel", "Abdelmadjid", "Sadyr", "Alassane", "Bola", "Cyril",
         "Recep", "Olaf", "Giorgia", "Narendra", "Luiz", "Antony", "Maria", "Fayçal", "Ilham", "Chavkat", "Emomali",
         "Nurlan", "Dmitri", "Olena", "Ahmed", "Fatima", "Jean-Noël", "Claire", "Hiroshi", "Kwame", "Amina",
         "Pedro", "Sofia", "Youssef", "Leïla", "Tomasz", "Ingrid", "Rustam", "Zarina", "Mikhaïl", "Catherine"]
LAST = ["Tokaïev", "Yi", "Lavrov", "Macron", "Tebboune", "Japarov", "Ouattara", "Tinubu", "Ramaphosa", "Erdogan",
        "Scholz", "Meloni", "Modi", "Lula", "Blinken", "Zakharova", "Aliev", "Mirzioïev", "Rahmon", "Nourmanov",
        "Barrot", "Kuleba", "Haddad", "Benali", "Sato", "Mensah", "Okafor", "Silva", "Kowalski", "Larsen",
        "Ibraïmov", "Saparova", "Volkov", "Petrenko", "Diallo", "Traoré", "Moreau", "Fontaine", "Khalil", "Tanaka"]
ROLES = ["président", "ministre des Affaires étrangères", "Premier ministre", "ministre de l'Économie",
         "vice-Premier ministre", "ministre de la Défense", "ambassadeur", "porte-parole de la diplomatie"]
MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
          "novembre", "décembre"]
DAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
MEETING = [
    "Le {role_a} {adj_a} {a} a rencontré {day} à {place} le {role_b} {adj_b} {b}.",
    "{a}, {role_a} {adj_a}, s'est entretenu avec son homologue {adj_b} {b} à {place}.",
    "Le {role_a} {adj_a} {a} a reçu {day} le {role_b} {adj_b} {b} pour des entretiens consacrés à {topic}.",
    "{a} et {b} ont eu {day} un entretien téléphonique consacré à {topic}.",
    "Le {role_a} {adj_a} {a} se rendra le mois prochain à {place}, où il rencontrera le {role_b} {adj_b} {b}.",
    "Lors de sa visite à {place}, le {role_a} {adj_a} {a} a été reçu par le {role_b} {adj_b} {b}.",
]
QUOTE = [
    "« {said} », a déclaré {a}, {role_a} {adj_a}.",
    "« {said} », a souligné le {role_a} {adj_a} {a} devant la presse.",
    "Le {role_a} {adj_a} {a} a déclaré que {reported}.",
    "Selon {a}, {reported}.",
    "{a} a affirmé que {reported}, ajoutant : « {said} »",
    "Le {role_a} {adj_a} {a} a estimé que {reported}.",
]
SAID = [
    "Nos deux pays sont des partenaires stratégiques et nous continuerons à approfondir notre coopération",
    "Cette visite marque une nouvelle étape dans nos relations bilatérales",
    "Nous ne permettrons à personne de porter atteinte à notre souveraineté",
    "Le dialogue reste la seule voie vers une paix durable dans la région",
    "Les échanges commerciaux ont progressé de près de vingt pour cent cette année",
    "Nous avons signé des accords importants dans les domaines de l'énergie et des transports",
    "La sécurité de nos frontières est une priorité absolue pour notre gouvernement",
    "Nous souhaitons que le corridor transcaspien devienne une artère majeure du commerce mondial",
]
REPORTED = [
    "les deux parties étaient prêtes à renforcer leur coopération énergétique",
    "son pays soutenait une solution négociée au conflit",
    "les investissements étrangers avaient atteint un niveau record",
    "la coopération en matière de sécurité serait élargie dès l'an prochain",
    "les négociations sur l'accord commercial progressaient rapidement",
    "aucune décision n'avait encore été prise concernant les nouvelles sanctions",
    "le gouvernement entendait diversifier les routes d'exportation du gaz",
]
TOPICS = ["la coopération énergétique", "la sécurité régionale", "les échanges commerciaux", "le corridor de transport",
          "la situation en Ukraine", "le climat", "l'eau et l'agriculture", "les investissements"]
BACKGROUND = [
    "Les relations entre les deux pays se sont nettement intensifiées ces dernières années, portées par des projets "
    "d'infrastructure et par la volonté commune de diversifier les partenariats économiques.",
    "Plusieurs accords ont été signés à l'issue de la rencontre, notamment dans les domaines de l'énergie, de "
    "l'agriculture, de la santé et de l'éducation, ainsi qu'un mémorandum sur la coopération numérique.",
    "Les observateurs soulignent que cette visite intervient dans un contexte international tendu, marqué par la "
    "guerre en Ukraine, la rivalité entre grandes puissances et la recomposition des routes commerciales.",
    "Le volume des échanges bilatéraux a dépassé l'an dernier plusieurs milliards de dollars, selon les chiffres "
    "officiels publiés par les services des douanes.",
    "La délégation comprenait également des représentants des grandes entreprises publiques, venus discuter de "
    "projets dans le pétrole, le gaz, les métaux rares et la logistique ferroviaire.",
    "Les deux dirigeants ont également évoqué la situation en Afghanistan, la lutte contre le terrorisme et la "
    "coopération au sein des organisations régionales.",
    "Cette rencontre s'inscrit dans une série de visites de haut niveau qui témoignent de l'importance croissante "
    "de l'Asie centrale dans la diplomatie des grandes puissances.",
    "Des experts interrogés par notre rédaction estiment que les annonces devront être suivies d'effets concrets, "
    "faute de quoi la relation risque de rester largement symbolique.",
    "Un communiqué conjoint publié à l'issue des entretiens appelle au respect du droit international et à "
    "l'intégrité territoriale des États, sans toutefois nommer explicitement les pays concernés.",
    "La question des visas et de la circulation des étudiants a également été abordée, les deux parties "
    "s'engageant à simplifier les procédures avant la fin de l'année.",
]


class Corpus:
    def __init__(self, seed: int = 7) -> None:
        self.rng = random.Random(seed)
        every = [c for c in countries.all_countries() if c.adjectives_fr and c.capitals and len(c.code) == 2]
        self.countries = every[:150]

    def _person(self) -> dict[str, str]:
        rng = self.rng
        country = rng.choice(self.countries)
        return {"name": f"{rng.choice(FIRST)} {rng.choice(LAST)}", "role": rng.choice(ROLES),
                "adj": country.adjectives_fr[0], "place": country.capitals[0], "country": country.name_fr}

    def article(self, number: int, words: tuple[int, int] = (300, 600)) -> tuple[str, str]:
        """(file name, text) of one dispatch."""
        rng = self.rng
        year, month, day = rng.choice([2024, 2025]), rng.randint(1, 12), rng.randint(1, 28)
        cast = [self._person() for _ in range(rng.randint(3, 6))]
        lead, guest = cast[0], cast[1]
        title = f"{lead['country']} et {guest['country']} : {rng.choice(TOPICS)} au menu des discussions"
        target = rng.randint(*words)
        paragraphs: list[str] = [f"Le {day} {MONTHS[month - 1]} {year} ({guest['place']}) — " + self._meeting(lead, guest)]
        count = len(paragraphs[0].split())
        while count < target:
            kind = rng.random()
            if kind < 0.25:
                a, b = rng.sample(cast, 2)
                text = self._meeting(a, b) + " " + rng.choice(BACKGROUND)
            elif kind < 0.65:
                text = " ".join(self._quote(rng.choice(cast)) for _ in range(rng.randint(1, 2)))
                text += " " + rng.choice(BACKGROUND)
            else:
                text = " ".join(rng.sample(BACKGROUND, 2))
            paragraphs.append(text)
            count += len(text.split())
        body = "\n\n".join(paragraphs)
        return f"{number:04d}_{lead['adj']}_{guest['adj']}.txt", f"date {year}-{month:02d}-{day:02d}\n{title}\n\n{body}\n"

    def _meeting(self, a: dict[str, str], b: dict[str, str]) -> str:
        rng = self.rng
        return rng.choice(MEETING).format(
            a=a["name"], b=b["name"], role_a=a["role"], role_b=b["role"], adj_a=a["adj"], adj_b=b["adj"],
            place=rng.choice([a["place"], b["place"]]), day=rng.choice(DAYS), topic=rng.choice(TOPICS),
        )

    def _quote(self, a: dict[str, str]) -> str:
        rng = self.rng
        return rng.choice(QUOTE).format(a=a["name"], role_a=a["role"], adj_a=a["adj"], said=rng.choice(SAID),
                                        reported=rng.choice(REPORTED))

    def write(self, folder: Path, count: int, start: int = 0) -> list[Path]:
        folder.mkdir(parents=True, exist_ok=True)
        paths = []
        for number in range(start, start + count):
            name, text = self.article(number)
            path = folder / name
            path.write_text(text, encoding="utf-8")
            paths.append(path)
        return paths
