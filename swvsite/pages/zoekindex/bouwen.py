"""The index: terms and their BM25 scores per entry, the word maps, the
decompounding vocabulary and begrip synonyms."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from swvsite.pages.zoekindex.lezen import Entry
from swvsite.pages.zoekindex.regels import (
    BM25_B,
    BM25_K,
    LINKS,
    MAX_POSTINGS,
    MIN_HEAD,
    MIN_PART,
    MIN_TAIL,
    PAGE_TITLE_WEIGHT,
    PART_WEIGHT,
    TITLE_BONUS,
    VOCABULARY_MIN_ENTRIES,
    VOCABULARY_MIN_LENGTH,
)
from swvsite.pages.zoekindex.tekst import (
    STOP_WORDS,
    split_compound,
    stem,
    title_signatures,
    word_pairs,
    words,
)


def vocabulary_of(entries: list[Entry], extra: Sequence[str] = ()) -> frozenset[str]:
    """The words compounds are split into: words of titles, the site's own
    names (begrippen, zoekwoorden) and the common words of the Dutch text, as
    folded surface forms."""
    found: set[str] = set()
    entries_with: dict[str, int] = defaultdict(int)
    for entry in entries:
        found.update(w for w in entry.tokens("title") if len(w) >= MIN_PART)
        if entry.lang == "nl":
            for word in set(entry.tokens("text")):
                entries_with[word] += 1
    found.update(w for w, n in entries_with.items()
                 if n >= VOCABULARY_MIN_ENTRIES and len(w) >= VOCABULARY_MIN_LENGTH
                 and w.isalpha())
    for name in extra:
        found.update(w for w in words(name, "nl") if len(w) >= MIN_PART)
    return frozenset(found)


def _term_weights(entry: Entry, vocabulary: frozenset[str], synonyms: Synonyms | None = None
                  ) -> tuple[dict[str, float], dict[str, float]]:
    """How often each stem occurs in the entry's text (begrip synonyms and
    compound parts count too), and how strongly it is in its titles (1 in the
    section's title, less in the page's title)."""
    text: dict[str, float] = defaultdict(float)
    titles: dict[str, float] = defaultdict(float)
    if synonyms is not None and entry.lang == "nl":
        present = {*entry.tokens("title"), *entry.tokens("text")}
        for name in synonyms.other_names_of(present):
            for word in words(name, entry.lang):
                text[stem(word, entry.lang)] += 1
    stops = STOP_WORDS.get(entry.lang, frozenset())
    for source, target, weight in (("title", titles, 1.0),
                                   ("page_title", titles, PAGE_TITLE_WEIGHT),
                                   ("text", text, 1.0)):
        for word in entry.tokens(source):
            if word in stops:
                continue
            terms = [(stem(word, entry.lang), weight)]
            if entry.lang == "nl" and len(word) >= 2 * MIN_PART:
                terms += [(stem(part, entry.lang), weight * PART_WEIGHT)
                          for part in split_compound(word, vocabulary)]
            for term, w in terms:
                if target is titles:
                    titles[term] = max(titles[term], w)
                else:
                    text[term] += w
    for pair in word_pairs(entry.title, entry.lang):
        titles[pair] = 1.0
    for exact in title_signatures(entry.title, entry.lang):
        titles[exact] = 1.0
    return text, titles


def _title_length(entry: Entry) -> int:
    """The number of content words in the section's title (at least 1)."""
    stops = STOP_WORDS.get(entry.lang, frozenset())
    return max(1, len({stem(w, entry.lang) for w in entry.tokens("title") if w not in stops}))


@dataclass
class Index:
    entries: list[Entry]
    postings: dict[str, dict[str, list[tuple[int, float]]]]  # lang -> stem -> postings
    surfaces: dict[str, dict[str, str]]                      # lang -> word -> stem
    vocabulary: frozenset[str]


@dataclass(frozen=True)
class Synonyms:
    """Names that mean the same (a begrip's term, afkorting and zoekwoorden):
    an entry mentioning one is found by the others too."""

    groups: tuple[tuple[str, ...], ...]

    def __post_init__(self) -> None:
        # Each name as the set of its words, and each name under one of its words,
        # its longest (a name is in a text only if that word is: checking the
        # names of a text's words costs little, as long words are rare ones).
        split = tuple(tuple(frozenset(words(name, "nl")) for name in group)
                      for group in self.groups)
        by_key: dict[str, list[tuple[int, frozenset[str]]]] = defaultdict(list)
        for number, names in enumerate(split):
            for name in names:
                if name:
                    by_key[max(sorted(name), key=len)].append((number, name))
        object.__setattr__(self, "_split", split)
        object.__setattr__(self, "_by_key", by_key)

    def other_names(self, text: str) -> list[str]:
        return self.other_names_of(set(words(text, "nl")))

    def other_names_of(self, present: set[str]) -> list[str]:
        """other_names for a text's set of (folded) words: the names of every
        group one of whose names the text has, that the text does not have."""
        split: tuple[tuple[frozenset[str], ...], ...] = self._split  # type: ignore[attr-defined]
        by_key: dict[str, list[tuple[int, frozenset[str]]]] = self._by_key  # type: ignore[attr-defined]
        matched = {number for word in present for number, name in by_key.get(word, ())
                   if name <= present}
        found = []
        for number in sorted(matched):
            found += [self.groups[number][i] for i, name in enumerate(split[number])
                      if not name <= present]
        return found


def build(entries: list[Entry], names: Sequence[str] = (),
          synonyms: Synonyms | None = None) -> Index:
    """The index of `entries`; `names` (begrippen, zoekwoorden) join the
    decompounding vocabulary, `synonyms` add each begrip's other names."""
    if synonyms is not None:
        names = [*names, *(name for group in synonyms.groups for name in group)]
    vocabulary = vocabulary_of(entries, list(names))
    surfaces: dict[str, dict[str, str]] = defaultdict(dict)
    per_entry = []
    for entry in entries:
        per_entry.append(_term_weights(entry, vocabulary, synonyms))
        for word in (*entry.tokens("title"), *entry.tokens("text")):
            surfaces[entry.lang].setdefault(word, stem(word, entry.lang))
    postings = _postings(entries, per_entry)
    for word in vocabulary:  # compound parts: the client finds their stems here too
        surfaces["nl"].setdefault(word, stem(word, "nl"))
    for tail, whole in compound_tails(surfaces["nl"], vocabulary).items():
        surfaces["nl"].setdefault(tail, whole)
    for entry in entries:
        entry._tokens.clear()
    return Index(entries, postings, surfaces, vocabulary)


def _postings(entries: list[Entry], per_entry: list[tuple[dict[str, float], dict[str, float]]]
              ) -> dict[str, dict[str, list[tuple[int, float]]]]:
    """lang -> term -> its best MAX_POSTINGS (entry number, BM25 score), best first."""
    postings: dict[str, dict[str, list[tuple[int, float]]]] = defaultdict(lambda: defaultdict(list))
    document_frequency: dict[tuple[str, str], int] = defaultdict(int)
    counts: dict[str, int] = defaultdict(int)
    for entry, (text, titles) in zip(entries, per_entry, strict=True):
        counts[entry.lang] += 1
        for term in {*text, *titles}:
            document_frequency[entry.lang, term] += 1
    idf: dict[str, dict[str, float]] = defaultdict(dict)
    for (lang, term), n in document_frequency.items():
        idf[lang][term] = math.log(1 + (counts[lang] - n + 0.5) / (n + 0.5))
    lengths = [sum(text.values()) for text, _ in per_entry]
    average = (sum(lengths) / len(lengths)) if lengths else 1.0
    title_lengths = [_title_length(entry) for entry in entries]
    title_average = (sum(title_lengths) / len(title_lengths)) if title_lengths else 1.0
    for number, (entry, (text, titles)) in enumerate(zip(entries, per_entry, strict=True)):
        norm = BM25_K * (1 - BM25_B + BM25_B * lengths[number] / max(average, 1.0))
        # A title made mostly of the query ("Contact", "Wat doen wij?") beats a
        # long one that only mentions it: BM25's length rule, on the title.
        title_norm = (BM25_K + 1) / (1 + BM25_K * (
            1 - BM25_B + BM25_B * title_lengths[number] / max(title_average, 1.0)))
        by_term, lang_idf = postings[entry.lang], idf[entry.lang]
        for term in {*text, *titles}:
            tf = text.get(term, 0.0)
            score = entry.boost * lang_idf[term] * (
                tf * (BM25_K + 1) / (tf + norm) + TITLE_BONUS * title_norm * titles.get(term, 0.0))
            by_term[term].append((number, round(score, 2)))
    for by_term in postings.values():
        for found in by_term.values():
            found.sort(key=lambda p: -p[1])
            del found[MAX_POSTINGS:]
    return postings


def compound_tails(surfaces: dict[str, str], vocabulary: frozenset[str]) -> dict[str, str]:
    """The ends of the index's compounds after a vocabulary word (and a linking
    s, e or en), as words of their own that stand for the whole: "perspectiefplan"
    for ontwikkelingsperspectiefplan (a Dutch compound ends in what it is). Only
    after a head of MIN_HEAD letters or more, ends of MIN_TAIL letters or more
    that are no word of the index themselves, each for the first compound (in
    sorted order) that has it."""
    tails: dict[str, str] = {}
    for word in sorted(surfaces):
        for cut in range(MIN_HEAD, len(word) - MIN_TAIL + 1):
            if word[:cut] not in vocabulary:
                continue
            tail = word[cut:]
            # After the head may come a linking s, e or en ("ontwikkeling|s|perspectiefplan"),
            # or a part that starts with those letters ("autisme|spectrumstoornis"): both.
            ends = [tail] + [tail[len(link):] for link in LINKS if tail.startswith(link)]
            for end in ends:
                if len(end) >= MIN_TAIL and end not in surfaces:
                    tails.setdefault(end, surfaces[word])
    return tails
