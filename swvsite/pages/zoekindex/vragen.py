"""The reference query algorithm (the client, swvsite/assets/zoeken.js, does the
same): query words to stems, ranking, begrippen and "Bedoelde u ...?"."""

from __future__ import annotations

from collections import defaultdict

from swvsite.pages.zoekindex.bouwen import Index
from swvsite.pages.zoekindex.lezen import Entry, is_begrip
from swvsite.pages.zoekindex.regels import (
    COMPLETION_WEIGHT,
    CORRECTION_WEIGHT,
    EXACT_WEIGHT,
    FAR_PREFIX,
    MATCHING_BEGRIPPEN,
    MAX_COMPLETIONS,
    MIN_CORRECTED,
    MIN_PART,
    PAIR_WEIGHT,
    PART_WEIGHT,
)
from swvsite.pages.zoekindex.tekst import (
    _WORD,
    STOP_WORDS,
    fold,
    signature,
    split_compound,
    word_pairs,
    words,
)


def edits1(word: str, letters: str = "abcdefghijklmnopqrstuvwxyz") -> set[str]:
    """The words one letter away from `word` (deleted, swapped, replaced, added)
    that start with its first letter: a first letter is seldom the typo, and
    each other one would be another shard for the client to load."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    found = {a + b[1:] for a, b in splits if b} | \
        {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1} | \
        {a + c + b[1:] for a, b in splits if b for c in letters} | \
        {a + c + b for a, b in splits for c in letters}
    return {w for w in found if w[:1] == word[:1]}


def query_groups(query: str, index: Index, lang: str = "nl"
                 ) -> tuple[list[dict[str, float]], list[str]]:
    """For each content word of a query, the stems that stand for it with their
    weights (the word itself 1, its compound parts, completions and a spelling
    correction less), and the corrections made ("Bedoelde u ...")."""
    surfaces = index.surfaces.get(lang, {})
    stops = STOP_WORDS.get(lang, frozenset())
    tokens = words(query, lang)
    content = [w for w in tokens if w not in stops] or tokens
    groups: list[dict[str, float]] = []
    corrected: list[str] = []
    for i, word in enumerate(content):
        group: dict[str, float] = {}

        def add(term: str, weight: float, group: dict[str, float] = group) -> None:
            group[term] = max(weight, group.get(term, 0))

        following = content[i + 1] if i + 1 < len(content) else ""
        for compound in ((word + following, word + "s" + following) if following else ()):
            if compound in surfaces:             # "leerplicht ambtenaar"
                add(surfaces[compound], 1)
        parts = split_compound(word, index.vocabulary) if lang == "nl" else []
        for part in parts:                       # "thuisonderwijs": also its parts
            add(surfaces[part], PART_WEIGHT)
        if word in surfaces:
            add(surfaces[word], 1)
        elif not parts and (candidates := _corrections(word, surfaces)):
            corrected.append(candidates[0])
            add(surfaces[candidates[0]], CORRECTION_WEIGHT)
        else:                                    # unknown: only as a stem of itself
            add(word, 1)
        if len(word) >= MIN_PART:                # search as you type: "dyslex"
            for other in _completions(word, surfaces):
                add(surfaces[other], COMPLETION_WEIGHT)
        groups.append(group)
    return groups, corrected


def query_pairs(query: str, index: Index, lang: str = "nl") -> list[str]:
    """word_pairs of the query, from the stems the index knows (a word it does
    not know is in no title, so in no pair)."""
    return word_pairs(query, lang, index.surfaces.get(lang, {}).get)


def query_signature(query: str, index: Index, lang: str = "nl") -> str:
    """signature of the query, from the stems the index knows ("" when it does
    not know one of its content words)."""
    return signature(query, lang, index.surfaces.get(lang, {}).get)


def query_terms(query: str, index: Index, lang: str = "nl") -> tuple[list[str], list[str]]:
    """The stems a query looks for, and the spelling corrections it made."""
    groups, corrected = query_groups(query, index, lang)
    return list(dict.fromkeys(term for group in groups for term in group)), corrected


def _completions(word: str, surfaces: dict[str, str]) -> list[str]:
    """Words of the index that start with `word` (at most a few, shortest first)."""
    found = sorted((w for w in surfaces if w.startswith(word) and w != word),
                   key=lambda w: (len(w), w))
    return found[:MAX_COMPLETIONS]


def _corrections(word: str, surfaces: dict[str, str]) -> list[str]:
    if len(word) < MIN_CORRECTED:
        return []
    near = edits1(word)
    found = [w for w in near if w in surfaces]
    if not found and len(word) >= 8:
        found = [w for w in surfaces if w[:1] == word[:1] and abs(len(w) - len(word)) <= 2
                 and w[:FAR_PREFIX] == word[:FAR_PREFIX] and _distance(w, word) <= 2]
    return sorted(found)


def _distance(a: str, b: str) -> int:
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        previous, row[0] = row[0], i
        for j, cb in enumerate(b, 1):
            previous, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, previous + (ca != cb))
    return row[-1]


def search(query: str, index: Index, lang: str = "nl", limit: int = 10) -> list[Entry]:
    """The best entries for a query, one per page: most query words matched
    first, then the sum of each word's best weighted score."""
    pages: list[Entry] = []
    seen: set[str] = set()
    for number in ranking(query, index, lang):
        page = index.entries[number].url.split("#")[0]
        if page not in seen:
            seen.add(page)
            pages.append(index.entries[number])
        if len(pages) == limit:
            break
    return pages


def begrippen_voor(query: str, index: Index, lang: str = "nl",
                   limit: int = MATCHING_BEGRIPPEN) -> list[Entry]:
    """The begrippen that match a query best (the help beside few results)."""
    return [index.entries[n] for n in ranking(query, index, lang)
            if is_begrip(index.entries[n])][:limit]


def ranking(query: str, index: Index, lang: str = "nl") -> list[int]:
    """The numbers of all entries that match a query, best first."""
    groups, _ = query_groups(query, index, lang)
    by_term = index.postings.get(lang, {})
    scores: dict[int, float] = defaultdict(float)
    matched: dict[int, int] = defaultdict(int)
    for group in groups:
        best: dict[int, float] = {}
        for term, weight in group.items():
            for number, score in by_term.get(term, []):
                best[number] = max(best.get(number, 0), weight * score)
        for number, score in best.items():
            scores[number] += score
            matched[number] += 1
    bonuses = [(pair, PAIR_WEIGHT) for pair in query_pairs(query, index, lang)]
    bonuses.append((query_signature(query, index, lang), EXACT_WEIGHT))
    for term, weight in bonuses:  # add to the score, not to the words matched
        for number, score in by_term.get(term, []):
            scores[number] += weight * score
    return sorted(scores, key=lambda n: (-matched[n], -scores[n]))


def bedoelde_u(query: str, index: Index, lang: str = "nl") -> str | None:
    """The query with each word the index does not know replaced by its closest
    word in the index ("Bedoelde u ...?"), or None when nothing was corrected."""
    surfaces = index.surfaces.get(lang, {})
    changed = False
    out = []
    for original in _WORD.findall(query):
        word = fold(original, lang)
        fixes = [] if word in surfaces or split_compound(word, index.vocabulary) \
            else _corrections(word, surfaces)
        changed |= bool(fixes)
        out.append(fixes[0] if fixes else original)
    return " ".join(out) if changed else None
