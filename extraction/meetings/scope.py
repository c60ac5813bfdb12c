"""The scope of a meeting word: the tokens of the clause it heads, minus the clauses of other
meeting words of the sentence.

Constructions handled:
- a noun trigger is scoped from the verb that governs it ("ont eu un entretien");
- an infinitive without its own subject is scoped from its governor, which holds the subject
  ("devrait rencontrer X", "doit se rendre ... pour rencontrer X", "va recevoir X");
- a parse split into fragments ("Le ministre chinois ... Wang Yi" | "s'est entretenu avec ..."): a
  clause without a subject takes the fragments that hold no other trigger, and the nearest
  subject before the trigger the parser hung elsewhere;
- with no parse (rules-only English), the sentence.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..words import has


def clause_root(tok: Token) -> Token:
    node = tok
    for _ in range(4):
        if node.pos_ in ("VERB",) or node.head.i == node.i:
            return node
        node = node.head
    return node


def has_subject(root: Token) -> bool:
    return any(c.dep_.startswith("nsubj") or c.dep_ == "expl:subj" for c in root.children)


def governor(root: Token) -> Token:
    """An infinitive clause without its own subject is scoped from the verb that governs it."""
    node = root
    for _ in range(3):
        if has_subject(node) or node.head.i == node.i:
            break
        # "dit s'être entretenu avec X": a past infinitive, its auxiliary in the infinitive
        infinitive = "Inf" in node.morph.get("VerbForm") or any(
            c.dep_.startswith("aux") and "Inf" in c.morph.get("VerbForm") for c in node.children)
        if not infinitive and node.pos_ == "VERB":
            break
        if node.dep_ not in ("xcomp", "advcl", "ccomp", "obj", "obl", "obl:arg", "obl:mod", "acl", "nmod"):
            break
        node = node.head
    return node


def subject_of(root: Token) -> Token | None:
    node = root
    for _ in range(4):
        for child in node.children:
            if child.dep_.startswith("nsubj") or child.dep_ in ("expl:subj",):
                return child
        if node.head.i == node.i:
            break
        node = node.head
    return None


def _fragments(sent, root: Token, t: Token, scope: set[int], triggers: list[Token]) -> set[int]:
    """What a clause without a subject takes from the rest of the sentence."""
    trig_tokens = {o.i for o in triggers}
    extra: set[int] = set()
    subjects = [x for x in sent if x.i < t.i and x.dep_ in ("nsubj",) and x.head.i not in scope
                and not {y.i for y in x.subtree} & (trig_tokens - {t.i})]
    if subjects:
        extra |= {y.i for y in subjects[-1].subtree}
    elif sent.root.pos_ == "PROPN" and sent.root.i < t.i and sent.root.i != root.i:
        # "President X on Friday evening hosted Y": the name the parser made the sentence's root is the subject
        extra |= {sent.root.i} | {c.i for c in sent.root.children if c.i < sent.root.i and c.dep_ in ("compound", "flat", "flat:name")}
    for frag in sent:
        if frag.head.i == frag.i and frag.i != root.i:
            sub = {x.i for x in frag.subtree}
            if not sub & trig_tokens and not (sub & (scope | extra)):
                extra |= sub
    return extra


def _participle_noun(root: Token, triggers: list[Token]) -> set[int]:
    """ "X, représentant spécial de ..., reçu le 16 novembre par le président Y", "the envoy
    received by Y": a participle hung on a noun has that noun's phrase (up to the name it is
    apposed to) for the party its subject would be."""
    if "Part" not in root.morph.get("VerbForm") or "Past" not in root.morph.get("Tense"):
        return set()  # not "Visiting Jakarta for the summit, X held a meeting with Y"
    if root.dep_ == "advcl" and root.i < root.head.i:
        # "Reçu en audience par X, le représentant spécial Y s'est félicité ...": the subject of
        # the clause a fronted participle opens is its party
        subject = next((c for c in root.head.children if c.dep_ in ("nsubj", "nsubj:pass")), None)
        if subject is None or subject.i < root.i:
            return set()
        top = subject
    elif root.dep_ == "acl":
        top = root.head
    else:
        return set()
    for _ in range(3):
        if top.dep_ not in ("nmod", "appos") or top.head.pos_ not in ("NOUN", "PROPN"):
            break
        top = top.head
    if top.pos_ not in ("NOUN", "PROPN"):
        return set()
    taken = {x.i for x in root.subtree}
    for other in triggers:
        if other.i not in taken:
            taken |= {x.i for x in other.subtree} if other.i != top.i else {other.i}
    return {x.i for x in top.subtree} - taken


CLAUSES = ("relcl", "acl", "acl:relcl", "advcl", "ccomp", "parataxis")


def between(t: Token) -> set[int] | None:
    """The tokens of "between A and B" / "entre A et B" after a meeting noun, without the
    clauses hung on them ("... after the latter defeated C"); None when the noun has no such
    pair. The parties of such a noun are these (its place and time are the clause's)."""
    if t.pos_ not in ("NOUN", "PROPN"):
        return None
    first = None
    for c in t.children:
        if c.lower_ == "between" and c.dep_ == "prep":
            first = next((g for g in c.children if g.dep_ == "pobj"), None)
        elif c.dep_ == "nmod" and any(g.dep_ == "case" and g.lower_ == "entre" for g in c.children):
            first = c
    # the second party may hang on the first's surname ("entre Vladimir Poutine et Donald Trump")
    if first is None or not any(c.dep_ == "conj" for c in first.children) and not any(
            c.dep_ == "conj" for f in first.children if f.dep_ in ("flat:name", "flat", "compound") for c in f.children):
        return None
    out = {t.i}

    def take(node: Token) -> None:
        out.add(node.i)
        for c in node.children:
            if c.dep_ not in CLAUSES:
                take(c)

    take(first)
    return out


def scopes(doc: Doc, sent, triggers: list[Token]) -> dict[int, set[int]]:
    """Token indices each trigger governs."""
    if not has(doc, "DEP"):
        return {t.i: set(range(sent.start, sent.end)) for t in triggers}
    roots = {t.i: governor(clause_root(t)) for t in triggers}
    out = {}
    for t in triggers:
        root = roots[t.i]
        scope = {x.i for x in root.subtree}
        for other in triggers:
            oroot = roots[other.i]
            if oroot.i != root.i and oroot.i in scope and root.i not in {x.i for x in oroot.subtree}:
                scope -= {x.i for x in oroot.subtree}
        if not has_subject(root):
            scope |= _fragments(sent, root, t, scope, triggers)
            scope |= _participle_noun(root, triggers)
        out[t.i] = scope
    return out
