"""The people registry: one person per identity across the store, whatever the spelling.

Articles write the same person many ways: "Kassym-Jomart Tokaïev" and "Kassym-Jomart
Tokayev" (one name key, see `diplowatch.names`), "Tokayev" alone, "Xi" once "Xi Jinping"
is named. The registry decides who each spelling is, article by article:

1. a name of two words or more is its name key, through the store's alias table
   (Poutine/Putin, Tokaïev/Tokayev fold together; learned aliases join other forms);
2. a shorter form is the one fuller name of the same article that contains all its words
   ("Xi" in an article naming "Xi Jinping", "J. Blinken" beside "Antony J. Blinken");
   when the article names two such people, it is nobody in particular (its own key);
3. a one-word name the article does not explain joins the only person of the store whose
   name holds that word ("Tokayev", "Macron"), and stays a person of its own while two
   share it ("Wang" with Wang Yi and Wang Wenbin): a wrong join hides someone.

The outcome depends on the set of articles only, never on their order: rule 3 looks at
every full name of the store, and when a new full name makes a surname ambiguous (or an
article that made it ambiguous goes away) the articles using that surname are resolved
again (`add`/`remove` return them, so the events built on them follow).

Each person has a display name (the fullest form, the most used among those, then the
longest), its other spellings, a country (the one most often given), roles with the
dates they were seen, and the first and last dates of the articles that name them.

Plain data and no I/O: the store owns one registry and calls it under its lock.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache

from diplowatch.names import fold as _fold_text
from diplowatch.names import name_key
from diplowatch.records import Article, Meeting, Quote

# Names and places come back at every event built: folding them once each (a cached
# `diplowatch.names.fold`) is most of the time saved on a /meetings of 500 events.
fold = lru_cache(maxsize=32768)(_fold_text)

# Words that never identify anyone alone: "Al", "bin" or "de" are in many names.
_PARTICLES = frozenset("al el ben bin ibn ould de du da di des la le van von der den mc abu".split())
_ELISION = re.compile(r"^(?:d|l)['’]", re.IGNORECASE)


@lru_cache(maxsize=65536)
def is_name_like(spelling: str) -> bool:
    """Whether a spelling reads as a person's name: every word capitalised but particles
    ("Mohammed ben Salmane"). "porte-parole du Kremlin" or "cabinet d'Edouard Philippe" are
    speakers, not names: they may not stand for shorter forms ("Kremlin", "Edouard Philippe")."""
    for word in spelling.split():
        word = _ELISION.sub("", word)
        letters = [c for c in word if c.isalpha()]
        if letters and not letters[0].isupper() and fold(word) not in _PARTICLES:
            return False
    return True


@dataclass(frozen=True, slots=True)
class NamesSeen:
    """Who one article names, and as what: the registry's input for that article."""

    article_id: str
    published: str | None
    names: tuple[str, ...]  # every spelling, once each, in order of appearance
    # (spelling, role, country, date) from its meetings and statements
    observed: tuple[tuple[str, str | None, str | None, str | None], ...] = ()


Countries = tuple[tuple[str, str], ...]  # (spelling, country) as an article gives them


def names_in(article: Article, meetings: Iterable[Meeting], quotes: Iterable[Quote]) -> tuple[tuple[str, ...], Countries]:
    """The registry's input for a stored article: every spelling of a person in it, once
    each, and the countries its meetings and statements give with them."""
    names = dict.fromkeys(article.people)
    countries = []
    for meeting in meetings:
        for p in meeting.participants:
            names[p.name] = None
            if p.country and p.name:
                countries.append((p.name, p.country))
    for quote in quotes:
        names[quote.speaker] = None
        if quote.speaker_country and quote.speaker:
            countries.append((quote.speaker, quote.speaker_country))
    names.pop(None, None)
    names.pop("", None)
    return tuple(names), tuple(countries)  # a name without letters ("—") the registry skips


def names_seen(article: Article, meetings: Iterable[Meeting], quotes: Iterable[Quote]) -> NamesSeen:
    """The registry's input for a stored article and its records."""
    names = dict.fromkeys(article.people)
    observed = []
    published = article.published
    for meeting in meetings:
        when = meeting.date or published
        for p in meeting.participants:
            if p.name:
                names[p.name] = None
                observed.append((p.name, p.role, p.country, when))
    for quote in quotes:
        if quote.speaker:
            names[quote.speaker] = None
            observed.append((quote.speaker, quote.speaker_role, quote.speaker_country, published))
    return NamesSeen(article.id, published, tuple(n for n in names if n and name_key(n)), tuple(observed))


@dataclass(frozen=True, slots=True)
class RoleSeen:
    role: str  # as most often written
    first: str | None  # the dates it was seen with (ISO, any precision)
    last: str | None
    count: int


@dataclass(frozen=True, slots=True)
class Person:
    key: str
    name: str  # the display name
    aliases: tuple[str, ...]  # the other spellings, most used first
    country: str | None
    roles: tuple[RoleSeen, ...]  # most seen first
    first_seen: str | None  # publication dates of the first and last articles naming them
    last_seen: str | None
    articles: int

    @property
    def spellings(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


_WORDS: dict[str, frozenset[str]] = {}


def _words(key: str) -> frozenset[str]:
    found = _WORDS.get(key)
    if found is None:
        found = _WORDS[key] = frozenset(key.split())
    return found


class PeopleRegistry:
    """Every person the stored articles name. Not thread-safe: its owner locks.

    The state is per spelling (a few thousand), not per article: who a spelling is does not
    depend on the article, but for the few articles where rule 2 applies (`_local`).
    """

    def __init__(self, seen_of: Callable[[str], NamesSeen], aliases: Mapping[str, str] | None = None) -> None:
        # The names of a stored article, read back from its records when needed: keeping
        # them here too would cost ~50 MB at 50,000 articles.
        self._seen_of = seen_of
        self._alias: dict[str, str] = dict(aliases or {})  # name key of a spelling -> key of the person
        self._articles: set[str] = set()
        self._articles_of_name: dict[str, set[str]] = {}
        self._base: dict[str, str] = {}  # spelling -> its key through the alias table
        self._full_refs: Counter[str] = Counter()  # key of 2+ words -> spellings with that key
        self._by_word: dict[str, set[str]] = defaultdict(set)  # word -> full keys holding it
        self._short_of_word: dict[str, set[str]] = defaultdict(set)  # one-word key -> spellings
        self._global: dict[str, str] = {}  # one-word key -> who it is store-wide (rule 3)
        self._key_of_name: dict[str, str] = {}  # spelling -> who it is outside rule 2
        self._spellings_of_key: dict[str, set[str]] = defaultdict(set)
        self._local: dict[str, dict[str, str]] = {}  # article -> spelling -> key, by rule 2
        self._local_of_key: dict[str, set[tuple[str, str]]] = defaultdict(set)  # key -> (article, spelling)
        # spelling -> countries given with it: a person's usual country without reading
        # their articles again (an event's participant without one asks at every reading).
        self._countries_of_name: dict[str, Counter[str]] = {}
        self._country: dict[str, str | None] = {}
        self._display: dict[str, str] = {}
        self._dirty: set[str] = set()  # keys whose display name or country may have changed
        self._people: dict[str, Person] = {}  # summaries built on demand, dropped when dirty
        self._spelling_words: dict[str, frozenset[str]] = {}
        self._size: dict[str, int] = {}  # spelling -> words in its key

    # -- resolution -------------------------------------------------------------------

    def _key(self, spelling: str) -> str:
        found = self._base.get(spelling)
        if found is None:
            key = name_key(spelling)
            found = self._base[spelling] = self._alias.get(key, key)
        return found

    def _store_wide(self, key: str) -> str:
        """Rule 3 for a one-word key: the only full name holding that word, else itself."""
        if key in _PARTICLES:
            return key
        holders = self._by_word.get(key)
        if holders and len(holders) == 1:
            return next(iter(holders))
        return key

    def _local_rule(self, names: tuple[str, ...]) -> dict[str, str]:
        """Rule 2: the shorter names of an article that stand for one of its fuller names
        (only a name-like one: "cabinet d'Edouard Philippe" is not Edouard Philippe)."""
        size = self._size
        sizes = {}
        shortest = longest = 0
        for name in names:
            found = size.get(name)
            if found is None:
                found = size[name] = len(_words(self._key(name)))
            sizes[name] = found
            if not shortest or found < shortest:
                shortest = found
            if found > longest:
                longest = found
        if shortest == longest or longest < 2:
            return {}  # no name is shorter than another: nothing to resolve (most articles)
        keys = {name: self._key(name) for name in names}
        full = {key for name, key in keys.items() if sizes[name] >= 2 and is_name_like(name)}
        # A name with a word that no name of more words has stands for none of them: most
        # articles that get this far (8,700 of 50,000 at start) have no short form to resolve.
        full_words = [_words(k) for k in full]
        covered = {count: set().union(*(w for w in full_words if len(w) > count)) for count in set(sizes.values())}
        local = {}
        for name, key in keys.items():
            if sizes[name] == longest:
                continue
            words = _words(key)
            if not words <= covered[sizes[name]]:
                continue
            fuller = {k for k in full if len(_words(k)) > len(words) and words < _words(k)}
            if len(fuller) == 1:
                local[name] = next(iter(fuller))
            elif fuller and sizes[name] == 1:
                local[name] = key  # two people of the article share it: nobody in particular
        return local

    def key_of(self, article_id: str, spelling: str) -> str:
        """Who this spelling is in this article (a key of the registry)."""
        local = self._local.get(article_id)
        if local is not None:
            found = local.get(spelling)
            if found is not None:
                return found
        found = self._key_of_name.get(spelling)
        return found if found is not None else self.key_anywhere(spelling)

    def keys_of(self, article_id: str, names: Iterable[str | None]) -> list[str | None]:
        """`key_of` for several names of one article (None stays None): what the events ask
        for every meeting, 100,000 times at start for 50,000 articles."""
        local = self._local.get(article_id)
        known = self._key_of_name
        found: list[str | None] = []
        for name in names:
            if name is None:
                found.append(None)
                continue
            key = local.get(name) if local is not None else None
            if key is None:
                key = known.get(name)
                if key is None:
                    key = self.key_anywhere(name)
            found.append(key)
        return found

    def key_anywhere(self, spelling: str) -> str:
        """Who a spelling is outside any article (rules 1 and 3): what a user types."""
        key = name_key(spelling)
        key = self._alias.get(key, key)
        if len(_words(key)) == 1:
            return self._global.get(key) or self._store_wide(key)
        return key

    def how(self, article_id: str, spelling: str) -> str:
        """Why this spelling is this person, in a few words ("" when it is the display name)."""
        key = self.key_of(article_id, spelling)
        display = self.display(key)
        if spelling == display or fold(spelling) == fold(display):
            return ""
        if self._local.get(article_id, {}).get(spelling) == key:
            return f"{spelling} is {display} in that article"
        base = name_key(spelling)
        if base == key:
            return f"{spelling} is another spelling of {display}"
        if self._alias.get(base) == key:
            return f"{spelling} is a known alias of {display}"
        return f"{spelling} is {display}, the only person of that name"

    # -- articles in and out ------------------------------------------------------------

    def add(self, article_id: str, names: tuple[str, ...], countries: Countries = ()) -> set[str]:
        """Take in a new article, the names it has and the countries given with them
        (`names_in`); returns the other articles whose people were resolved anew (a surname
        became ambiguous or unambiguous). Replacing an article is `remove` with what it was
        taken in with, then `add`."""
        touched: set[str] = set()
        self._articles.add(article_id)
        for name in names:
            if self._key(name):
                self._admit(article_id, name, touched)
        self._count_countries(countries, 1)
        self._set_local(article_id, names)
        again = self._settle(touched)
        again.discard(article_id)
        return again

    def remove(self, article_id: str, names: tuple[str, ...], countries: Countries = ()) -> set[str]:
        """Forget an article (with what it was taken in with); returns the other articles
        whose people were resolved anew."""
        if article_id not in self._articles:
            return set()
        touched: set[str] = set()
        self._count_countries(countries, -1)
        self._retract(article_id, names, touched)
        self._articles.discard(article_id)
        return self._settle(touched)

    def learn_aliases(self, aliases: Mapping[str, str]) -> set[str]:
        """New entries of the alias table (name key -> key); returns the articles resolved anew."""
        fresh = {a: k for a, k in aliases.items() if self._alias.get(a) != k}
        if not fresh:
            return set()
        spellings = [s for s in self._articles_of_name if name_key(s) in fresh]
        touched: set[str] = set()
        for spelling in spellings:
            self._forget_name(spelling, touched)
        self._alias.update(fresh)
        for spelling in spellings:
            self._remember_name(spelling, touched)
        again = self._settle(touched)
        for spelling in spellings:
            if spelling not in self._key_of_name:
                self._place(spelling)
        articles = {a for s in spellings for a in self._articles_of_name[s]}
        for article_id in articles:
            self._set_local(article_id, self._seen_of(article_id).names)
        for key in {self._key_of_name[s] for s in spellings if s in self._key_of_name}:
            self._dirty.add(key)  # their spellings (and the countries given with them) moved
        return articles | again

    def build(self, everything: Iterable[tuple[str, tuple[tuple[str, ...], Countries]]]) -> None:
        """Start again from every stored article at once, (article id, `names_in`) each: at
        start-up, ~3 times faster than `add` (the per-name work of 50,000 articles is done
        by C loops: list appends, one Counter, min and max; Python code runs per spelling)."""
        self.__init__(self._seen_of, self._alias)
        by_name: dict[str, list[str]] = defaultdict(list)
        pairs: list[tuple[str, str]] = []
        every: list[tuple[str, tuple[str, ...]]] = []
        for article_id, (names, countries) in everything:
            for name in names:
                by_name[name].append(article_id)
            pairs += countries
            every.append((article_id, names))
        self._articles = {article_id for article_id, _ in every}
        self._articles_of_name = {name: set(ids) for name, ids in by_name.items() if self._key(name)}
        for (name, country), count in Counter(pairs).items():
            counts = self._countries_of_name.get(name)
            if counts is None:
                counts = self._countries_of_name[name] = Counter()
            counts[country] = count
        for name in self._articles_of_name:
            self._remember_name(name, None)
        for word in self._short_of_word:
            self._global[word] = self._store_wide(word)
        size = self._size
        for name in self._articles_of_name:
            self._place(name)
            size[name] = len(_words(self._key(name)))
        # Rule 2 needs names of two sizes, so a name of other than two words: only the
        # articles with one are looked at (~9,000 of 50,000, from the names' own lists).
        odd = set().union(*(by_name[name] for name, words in size.items() if words != 2))
        for article_id, names in every:
            if article_id in odd and len(names) > 1:
                sizes = set(map(size.get, names))
                sizes.discard(None)
                if len(sizes) > 1 and max(sizes) >= 2:
                    self._set_local(article_id, names)
        self._dirty = set(self._spellings_of_key)

    def _place(self, name: str) -> None:
        """File a spelling under the person it is outside rule 2."""
        key = self._key(name)
        if len(_words(key)) == 1:
            key = self._global.get(key, key)
        self._key_of_name[name] = key
        self._spellings_of_key[key].add(name)
        self._dirty.add(key)

    def _unplace(self, name: str) -> None:
        key = self._key_of_name.pop(name, None)
        if key is None:
            return
        spellings = self._spellings_of_key.get(key)
        if spellings is not None:
            spellings.discard(name)
            if not spellings:
                del self._spellings_of_key[key]
        self._dirty.add(key)

    def _set_local(self, article_id: str, names: tuple[str, ...]) -> None:
        for name, key in self._local.pop(article_id, {}).items():
            _discard(self._local_of_key, key, (article_id, name))
            self._dirty.add(key)
        local = self._local_rule(names)
        if local:
            self._local[article_id] = local
            for name, key in local.items():
                self._local_of_key[key].add((article_id, name))
                self._dirty.add(key)

    def _admit(self, article_id: str, name: str, touched: set[str]) -> None:
        articles = self._articles_of_name.get(name)
        if articles is None:
            self._articles_of_name[name] = {article_id}
            self._remember_name(name, touched)
            self._place(name)
        else:
            articles.add(article_id)
            self._dirty.add(self._key_of_name[name])

    def _remember_name(self, name: str, touched: set[str] | None) -> None:
        key = self._key(name)
        words = _words(key)
        if len(words) >= 2:
            if not is_name_like(name):
                return  # a speaker like "porte-parole du Kremlin" holds no surname for rule 3
            self._full_refs[key] += 1
            if self._full_refs[key] == 1:
                for word in words:
                    self._by_word[word].add(key)
                    if touched is not None:
                        touched.add(word)
        else:
            self._short_of_word[key].add(name)
            if touched is not None:
                touched.add(key)

    def _forget_name(self, name: str, touched: set[str]) -> None:
        """The reverse of `_remember_name` and `_place`."""
        self._unplace(name)
        key = self._key(name)
        words = _words(key)
        if len(words) >= 2:
            if not is_name_like(name):
                del self._base[name]
                self._spelling_words.pop(name, None)
                self._size.pop(name, None)
                return
            self._full_refs[key] -= 1
            if self._full_refs[key] == 0:
                del self._full_refs[key]
                for word in words:
                    _discard(self._by_word, word, key)
                    touched.add(word)
        else:
            _discard(self._short_of_word, key, name)
            if key not in self._short_of_word:
                self._global.pop(key, None)
        del self._base[name]
        self._spelling_words.pop(name, None)
        self._size.pop(name, None)

    def _count_countries(self, countries: Countries, step: int) -> None:
        for name, country in countries:
            counts = self._countries_of_name.get(name)
            if counts is None:
                counts = self._countries_of_name[name] = Counter()
            counts[country] += step
            if counts[country] <= 0:
                del counts[country]
                if not counts:
                    del self._countries_of_name[name]
            key = self._key_of_name.get(name)
            if key is not None:
                self._dirty.add(key)

    def _retract(self, article_id: str, names: tuple[str, ...], touched: set[str]) -> None:
        for name, key in self._local.pop(article_id, {}).items():
            _discard(self._local_of_key, key, (article_id, name))
            self._dirty.add(key)
        for name in names:
            articles = self._articles_of_name.get(name)
            if articles is None:
                continue  # never taken in (no letters)
            articles.discard(article_id)
            if articles:
                self._dirty.add(self._key_of_name[name])
            else:
                del self._articles_of_name[name]
                self._forget_name(name, touched)

    def _settle(self, touched_words: set[str]) -> set[str]:
        """Resolve again the one-word names whose store-wide answer changed; returns the
        articles using them."""
        again: set[str] = set()
        for word in touched_words:
            spellings = self._short_of_word.get(word)
            if not spellings:
                continue
            now = self._store_wide(word)
            if self._global.get(word) != now:
                self._global[word] = now
                for spelling in spellings:
                    if self._key_of_name.get(spelling) != now:
                        self._unplace(spelling)
                        self._place(spelling)
                        again |= self._articles_of_name.get(spelling, set())
        return again & self._articles

    def settle_display(self) -> None:
        """Refresh the display names that may have moved (and forget the summaries)."""
        for key in self._dirty:
            self._people.pop(key, None)
            self._country.pop(key, None)
            spellings = self._spellings_of_key.get(key)
            if not spellings:
                self._display.pop(key, None)
            elif len(spellings) == 1:
                (self._display[key],) = spellings
            else:
                articles = self._articles_of_name
                self._display[key] = max(
                    spellings, key=lambda s: (len(_words(self._key(s))), len(articles[s]), len(s), _reverse(s))
                )
        self._dirty.clear()

    # -- reading ----------------------------------------------------------------------------

    def display(self, key: str) -> str:
        if self._dirty:
            self.settle_display()
        return self._display.get(key, key)

    def displays(self) -> dict[str, str]:
        """Every person: key -> display name."""
        if self._dirty:
            self.settle_display()
        return dict(self._display)

    def spellings(self) -> list[tuple[str, str]]:
        """(spelling, key) for every spelling of every person."""
        return list(self._key_of_name.items())

    def articles_of(self, key: str) -> set[str]:
        """The articles naming this person."""
        found: set[str] = set()
        for spelling in self._spellings_of_key.get(key, ()):
            for article_id in self._articles_of_name[spelling]:
                local = self._local.get(article_id)
                if local is None or local.get(spelling, key) == key:
                    found.add(article_id)
        found.update(article_id for article_id, _ in self._local_of_key.get(key, ()))
        return found

    def keys_in(self, article_id: str) -> frozenset[str]:
        """Everyone an article names."""
        if article_id not in self._articles:
            return frozenset()
        return frozenset(self.key_of(article_id, n) for n in self._seen_of(article_id).names)

    def __contains__(self, key: str) -> bool:
        return key in self._spellings_of_key

    def __len__(self) -> int:
        return len(self._spellings_of_key)

    def country(self, key: str) -> str | None:
        """The country most often given with this person's spellings (kept until one of
        their articles changes)."""
        if self._dirty:
            self.settle_display()
        if key in self._country:
            return self._country[key]
        totals: Counter[str] = Counter()
        for spelling in self._spellings_of_key.get(key, ()):
            totals.update(self._countries_of_name.get(spelling, ()))
        found = self._country[key] = max(totals, key=lambda c: (totals[c], _reverse(c))) if totals else None
        return found

    def person(self, key: str) -> Person | None:
        if self._dirty:
            self.settle_display()
        found = self._people.get(key)
        if found is None and key in self._spellings_of_key:
            found = self._people[key] = self._summary(key)
        return found

    def _summary(self, key: str) -> Person:
        display = self._display[key]
        roles: dict[str, list] = {}
        dates: list[str] = []
        used: Counter[str] = Counter()
        articles = self.articles_of(key)
        for article_id in articles:
            seen = self._seen_of(article_id)
            if seen.published:
                dates.append(seen.published)
            mine = {n for n in seen.names if self.key_of(article_id, n) == key}
            used.update(mine)
            for name, role, _, when in seen.observed:
                if name not in mine or not role:
                    continue
                entry = roles.setdefault(fold(role), [Counter(), None, None, 0])
                entry[0][role] += 1
                entry[3] += 1
                if when:
                    entry[1] = when if entry[1] is None or when < entry[1] else entry[1]
                    entry[2] = when if entry[2] is None or when > entry[2] else entry[2]
        ranked_roles = sorted(
            (RoleSeen(max(c, key=lambda r: (c[r], _reverse(r))), first, last, n) for c, first, last, n in roles.values()),
            key=lambda r: (-r.count, r.role),
        )
        aliases = sorted((s for s in used if s != display), key=lambda s: (-used[s], s))
        return Person(
            key=key, name=display, aliases=tuple(aliases), country=self.country(key),
            roles=tuple(ranked_roles), first_seen=min(dates) if dates else None,
            last_seen=max(dates) if dates else None, articles=len(articles),
        )

    def find(self, text: str) -> tuple[str, ...]:
        """The people a typed name means, the likeliest first: the person of that exact
        spelling, then those one of whose spellings holds every typed word (accent- and
        transliteration-blind), the most named first."""
        typed = name_key(text)
        if not typed:
            return ()
        words = set(typed.split())
        exact = self.key_anywhere(text)
        found: dict[str, int] = {}
        for key, spellings in self._spellings_of_key.items():
            if key == exact or any(words <= self._words_of(s) for s in spellings):
                found[key] = sum(len(self._articles_of_name[s]) for s in spellings)
        return tuple(sorted(found, key=lambda k: (k != exact, -found[k], k)))

    def _words_of(self, spelling: str) -> frozenset[str]:
        """The words a typed name may match: those of the spelling and of its person's key."""
        found = self._spelling_words.get(spelling)
        if found is None:
            found = self._spelling_words[spelling] = _words(self._key(spelling)) | _words(name_key(spelling))
        return found


def _discard(index: dict[str, set], key: str, item) -> None:
    found = index.get(key)
    if found is not None:
        found.discard(item)
        if not found:
            del index[key]


def _reverse(text: str) -> tuple[int, ...]:
    """A sort key that puts the alphabetically first text last in `max` (ties go to it)."""
    return tuple(-ord(c) for c in text)


_ROLE_WORDS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (label, re.compile(rf"\b(?:{'|'.join(words)})\b"))
    for label, words in (
        ("foreign minister", ("affaires etrangeres", "foreign", "diplomatie", "top diplomat", "secretary of state",
                              "secretaire d etat")),
        ("head of government", ("premier ministre", "premiere ministre", "prime minister", "chancelier", "chanceliere",
                                "chancellor", "chef du gouvernement", "head of government")),
        ("head of state", ("president", "presidente", "chef de l etat", "head of state")),
        ("monarch", ("roi", "king", "reine", "queen", "emir", "sultan", "prince heritier", "crown prince")),
        ("minister", ("ministre", "minister")),
        ("ambassador", ("ambassadeur", "ambassadrice", "ambassador")),
    )
)
_DEPUTY = re.compile(r"\b(?:vice|deputy|adjoint|adjointe|sous)\b")


def role_class(role: str | None) -> str:
    """A coarse class of a role, the same in French and English ("président" and "President"
    are both "head of state"); an unknown role is itself, folded."""
    if not role:
        return ""
    text = fold(role)
    for label, pattern in _ROLE_WORDS:
        if pattern.search(text):
            return ("deputy " if _DEPUTY.search(text) else "") + label
    return text
