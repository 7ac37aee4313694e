"""An engine-independent search index, sharded by term prefix (issue 15, option c).

Built in pure Python from the built site's HTML (so it works with any engine
that writes pages): every page is divided into sections at its headings with an
id, every section becomes an entry with the page's language (`<html lang>`,
Dutch when absent). Pages that should never be a search result are left out:
redirect stubs (`<meta http-equiv="refresh">`), pages marked `noindex`, and
markup marked `data-search-exclude` (filter lists).

Terms are stemmed (Dutch Snowball, `stem_nl`; other languages plain tokens with
diacritics removed), and long words are also split into words of the site's own
vocabulary (decompounding), so "thuisonderwijs" and "thuis onderwijs" meet.
The index is written as small JSON files a client loads on demand:

- `manifest.json`: languages, shard names, the decompounding vocabulary;
- `<lang>/t-<prefix>.json`: for every surface word starting with the prefix its
  stem, and for every stem starting with it its best postings (entry, score);
- `<lang>/d-<n>.json`: the entries' url, title and a short text, in blocks.

`build_index` returns the files as {relative path: bytes}; `search` is the
reference query algorithm (the same one the browser client implements): it
is what the benchmarks and the offline quality measure use.
"""

from __future__ import annotations

import functools
import gzip
import html
import json
import math
import re
import shutil
import unicodedata
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from swvsite.content import model as m
from swvsite.content import records
from swvsite.pages import filters
from swvsite.pages import search as begripnamen
from swvsite.pages.addresses import BEGRIPPEN_PAGE

PREFIX = 2              # shard by the first two letters of a term,
MAX_PREFIX = 5          # or more where that shard would be big:
SHARD_BYTES = 48_000    # at most this much JSON in a shard (before gzip)
DOC_BLOCK = 50          # entries per document shard
MAX_POSTINGS = 60       # best entries kept per stem: ranking needs only the top
TITLE_BONUS = 3.0       # a term in the section's title, beside BM25 on the text
PAGE_TITLE_WEIGHT = 0.3
SNIPPET = 160
MATCHING_BEGRIPPEN = 3  # begrippen offered beside few results
BM25_K, BM25_B = 1.2, 0.75
PART_WEIGHT = 0.6       # a query word's compound parts
CORRECTION_WEIGHT = 0.8
MIN_CORRECTED = 5       # shorter words have too many one-letter neighbours ("snap": stap)
COMPLETION_WEIGHT = 0.5
MAX_COMPLETIONS = 5
MIN_PART = 4            # shortest vocabulary word a compound is split into
MIN_TAIL = 7            # shortest end of a compound that is looked up as a word,
MIN_HEAD = 6            # after a word this long (not after "over", "onder", "door")
LINKS = ("s", "e", "en")  # what Dutch puts between the parts of a compound
# Words of the text that are in this many entries join the vocabulary
# ("problemen", so "gedragsproblemen" splits); rarer ones would split names.
VOCABULARY_MIN_ENTRIES = 3
VOCABULARY_MIN_LENGTH = 5
EXACT_WEIGHT = 1.0      # a title of just the question's words, in any order
PAIR_WEIGHT = 1.0       # two query words side by side in a section's title

# --------------------------------------------------------------------------
# Dutch Snowball stemmer (snowballstem.org/algorithms/dutch/stemmer.html)
# --------------------------------------------------------------------------

_VOWELS = "aeiouyè"
_ACCENTS = str.maketrans("äëïöüáéíóú", "aeiouaeiou")


def _regions(word: str) -> tuple[int, int]:
    def after_vc(start: int) -> int:
        for i in range(start + 1, len(word)):
            if word[i] not in _VOWELS and word[i - 1] in _VOWELS:
                return i + 1
        return len(word)
    r1 = max(3, after_vc(0))
    return r1, after_vc(r1)


def _undouble(word: str) -> str:
    return word[:-1] if word[-2:] in ("kk", "dd", "tt") else word


def _valid_en(word: str, end: int) -> bool:
    return end > 0 and word[end - 1] not in _VOWELS and word[end - 3:end] != "gem"


def stem_nl(word: str) -> str:
    """The Dutch Snowball stem of a lower-case word."""
    word = word.translate(_ACCENTS)
    if len(word) < 3:
        return word
    word = _mark_consonants(word)
    r1, r2 = _regions(word)
    word = _step1(word, r1)
    word, e_found = _step2(word, r1)
    word = _step3a(word, r1, r2)
    word = _step3b(word, r1, r2, e_found)
    word = _step4(word)
    return word.replace("Y", "y").replace("I", "i")


def _mark_consonants(word: str) -> str:
    chars = list(word)
    if chars[0] == "y":
        chars[0] = "Y"
    for i in range(1, len(chars)):
        if chars[i] == "y" and chars[i - 1] in _VOWELS:
            chars[i] = "Y"
        elif (chars[i] == "i" and chars[i - 1] in _VOWELS and i + 1 < len(chars)
              and chars[i + 1] in _VOWELS):
            chars[i] = "I"
    return "".join(chars)


def _step1(word: str, r1: int) -> str:
    if word.endswith("heden") and len(word) - 5 >= r1:
        word = word[:-5] + "heid"
    elif word.endswith(("ene", "en")):
        cut = 3 if word.endswith("ene") else 2
        if len(word) - cut >= r1 and _valid_en(word, len(word) - cut):
            word = _undouble(word[:-cut])
    elif word.endswith(("se", "s")):
        cut = 2 if word.endswith("se") else 1
        end = len(word) - cut
        if end >= r1 and end > 0 and word[end - 1] not in _VOWELS + "j":
            word = word[:-cut]
    return word


def _step2(word: str, r1: int) -> tuple[str, bool]:
    e_found = False
    if word.endswith("e") and len(word) - 1 >= r1 and len(word) > 1 \
            and word[-2] not in _VOWELS:
        word = _undouble(word[:-1])
        e_found = True
    return word, e_found


def _step3a(word: str, r1: int, r2: int) -> str:
    if word.endswith("heid") and len(word) - 4 >= r2 and word[-5:-4] != "c":
        word = word[:-4]
        if word.endswith("en") and len(word) - 2 >= r1 and _valid_en(word, len(word) - 2):
            word = _undouble(word[:-2])
    return word


def _step3b(word: str, r1: int, r2: int, e_found: bool) -> str:
    if word.endswith(("end", "ing")) and len(word) - 3 >= r2:
        word = word[:-3]
        if word.endswith("ig") and len(word) - 2 >= r2 and word[-3:-2] != "e":
            word = word[:-2]
        else:
            word = _undouble(word)
    elif word.endswith("ig") and len(word) - 2 >= r2 and word[-3:-2] != "e":
        word = word[:-2]
    elif word.endswith("lijk") and len(word) - 4 >= r2:
        word = word[:-4]
        if word.endswith("e") and len(word) - 1 >= r1 and len(word) > 1 \
                and word[-2] not in _VOWELS:
            word = _undouble(word[:-1])
    elif word.endswith("baar") and len(word) - 4 >= r2:
        word = word[:-4]
    elif word.endswith("bar") and len(word) - 3 >= r2 and e_found:
        word = word[:-3]
    return word


def _step4(word: str) -> str:
    """Undouble a vowel (maan -> man)."""
    if (len(word) >= 4 and word[-1] not in _VOWELS + "I" and word[-2] == word[-3]
            and word[-2] in "aeou" and word[-4] not in _VOWELS):
        word = word[:-2] + word[-1]
    return word


# --------------------------------------------------------------------------
# Tokens, per language
# --------------------------------------------------------------------------

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*", re.UNICODE)
_ARABIC_MARKS = re.compile("[\u064b-\u0652\u0670\u0640]")
_ALEF = str.maketrans("أإآٱ", "اااا")
STOP_WORDS = {
    "nl": frozenset("""de het een en van in is op te dat die voor met zijn niet aan er
        om ook als bij of wat maar dan wordt worden door naar nog kan ik u je jij mijn
        mij me we wij ze zij hun uw onze ons hoe waar wie wel geen meer al tot over zo
        moet mag wil hebben heeft heb ben bent was waren deze dit dus uit na kunnen
        zou zal gaat gaan kun krijgen""".split()),
    "en": frozenset("""the a an and or of in is on to that for with be not at by as
        what how do does i my me we you your it this are can from""".split()),
}


@functools.lru_cache(maxsize=200_000)  # a site has tens of thousands of words, said often
def fold(word: str, lang: str) -> str:
    """Lower case, without diacritics (nl, en, tr, pl) or Arabic marks and alef forms."""
    word = word.lower().replace("’", "'")
    if lang == "ar":
        return _ARABIC_MARKS.sub("", word).translate(_ALEF)
    if lang in ("uk",):
        return word
    return "".join(c for c in unicodedata.normalize("NFKD", word)
                   if not unicodedata.combining(c))


@functools.lru_cache(maxsize=200_000)
def stem(word: str, lang: str) -> str:
    if lang == "nl":
        return stem_nl(word)
    if lang == "en":
        return re.sub(r"(?<=\w{3})(?:ies|es|s|ing|ed)$", "", word)
    return word


def words(text: str, lang: str) -> list[str]:
    return [fold(w, lang) for w in _WORD.findall(text)]


def word_pairs(text: str, lang: str) -> list[str]:
    """Each two neighbouring words of `text` as one term ("naar schol", "de
    klas"), a stop word beside a content word included (two stop words side by
    side say too little): a title that says the question's words in its order
    ranks above one that only has them ("ik wil niet meer naar school")."""
    stops = STOP_WORDS.get(lang, frozenset())
    found = words(text, lang)
    return [f"{stem(a, lang)} {stem(b, lang)}" for a, b in zip(found, found[1:], strict=False)
            if a not in stops or b not in stops]


_PARENTHESES = re.compile(r"\(([^)]*)\)")


def signature(text: str, lang: str) -> str:
    """The content words of `text` as one term ("=schol so"): the same for a
    question and a title that say the same words, in any order; "" for none."""
    stops = STOP_WORDS.get(lang, frozenset())
    stems = sorted({stem(w, lang) for w in words(text, lang) if w not in stops})
    return "=" + " ".join(stems) if stems else ""


def title_signatures(title: str, lang: str) -> set[str]:
    """The signatures a question matches a title exactly by: the whole title, the
    title without its part in parentheses, and that part alone ("Een
    toelaatbaarheidsverklaring (TLV) aanvragen" is "tlv" exactly, too)."""
    inside = " ".join(_PARENTHESES.findall(title))
    found = {signature(title, lang), signature(_PARENTHESES.sub(" ", title), lang),
             signature(inside, lang)}
    return found - {""}


def split_compound(word: str, vocabulary: frozenset[str]) -> list[str]:
    """`word` as two or three vocabulary words ("thuisonderwijs" -> thuis,
    onderwijs), a Dutch linking s allowed ("toelaatbaarheidsverklaring");
    [] when it is not such a compound."""
    for cut in range(len(word) - MIN_PART, MIN_PART - 1, -1):
        head, tail = word[:cut], word[cut:]
        heads = [head] + ([head[:-1]] if head.endswith("s") else [])
        for h in heads:
            if h in vocabulary and len(h) >= MIN_PART:
                if tail in vocabulary:
                    return [h, tail]
                rest = split_compound(tail, vocabulary)
                if rest:
                    return [h, *rest]
    return []


# --------------------------------------------------------------------------
# Reading the built site
# --------------------------------------------------------------------------


@dataclass
class Entry:
    url: str
    title: str
    text: str
    lang: str
    page_title: str = ""
    boost: float = 1.0
    terms: dict[str, float] = field(default_factory=dict)
    _tokens: dict[str, list[str]] = field(default_factory=dict, repr=False, compare=False)

    def tokens(self, part: str) -> list[str]:
        """The folded words of "title", "page_title" or "text", worked out once
        while the index is built (build() forgets them again)."""
        found = self._tokens.get(part)
        if found is None:
            found = self._tokens[part] = words(getattr(self, part), self.lang)
        return found


_HTML_LANG = re.compile(r"<html\b[^>]*\blang=[\"']?([A-Za-z-]+)", re.I)
_REFRESH = re.compile(r"<meta\s[^>]*http-equiv=[\"']?refresh", re.I)
_NOINDEX = re.compile(r"<meta\s[^>]*name=[\"']?robots[\"']?\s[^>]*noindex", re.I)
_ARTICLE = re.compile(r"<article\b[^>]*>(.*)</article>", re.I | re.S)
_EXCLUDED = re.compile(r"<(\w+)\b[^>]*data-search-exclude[^>]*>", re.I)
_ANY_HEADING = re.compile(r"<h([1-6])\b", re.I)
# Sections start at headings with an id, and at terms of a definition list with
# an id (every begrip on the begrippen page is an answer of its own).
_HEADING = re.compile(r"<(h[1-3]|dt)\b[^>]*\bid=\"([^\"]+)\"[^>]*>(.*?)</\1>", re.I | re.S)
_DROP = re.compile(r"<(script|style|template)\b.*?</\1>|<a [^>]*class=\"headerlink\".*?</a>",
                   re.I | re.S)
_TAGS = re.compile(r"<[^>]+>")


def _without_excluded(body: str) -> str:
    """`body` without what is marked `data-search-exclude`: an element with all it
    holds, and a heading with its whole section, up to the next heading of the
    same or a higher level (text every page repeats, link lists, contact details)."""
    while found := _EXCLUDED.search(body):
        tag = found.group(1).lower()
        if re.fullmatch(r"h[1-6]", tag):
            level = int(tag[1])
            end = next((h.start() for h in _ANY_HEADING.finditer(body, found.end())
                        if int(h.group(1)) <= level), len(body))
        else:
            end = _element_end(body, tag, found.end())
        body = body[:found.start()] + " " + body[end:]
    return body


def _element_end(body: str, tag: str, start: int) -> int:
    """Where the element whose opening tag ends at `start` closes (nested
    elements of the same name counted); the end of `body` when it never does."""
    depth = 1
    for found in re.finditer(rf"<(/?){tag}\b[^>]*>", body[start:], re.I):
        depth += -1 if found.group(1) else 1
        if depth == 0:
            return start + found.end()
    return len(body)


def _plain(markup: str) -> str:
    return " ".join(html.unescape(_TAGS.sub(" ", markup)).split())


WEIGHT_ATTRIBUTE = "data-swv-zoekgewicht"   # a page's `search: boost:` (front matter)
EXCLUDE_ATTRIBUTE = "data-swv-niet-zoeken"  # a page's `search: exclude: true`
_WEIGHT = re.compile(rf"<html\b[^>]*\b{WEIGHT_ATTRIBUTE}=\"([0-9.]+)\"", re.I)
_EXCLUDE_PAGE = re.compile(rf"<html\b[^>]*\b{EXCLUDE_ATTRIBUTE}\b", re.I)


def page_attributes(search: object) -> dict[str, str]:
    """The attributes of a page's <html> that carry its front matter's `search:`
    settings (as Material documents them: `boost: 2`, `exclude: true`) into
    the built page, where the index reads them. ValueError (Dutch) for a value
    that is not one."""
    if search is None:
        return {}
    if not isinstance(search, dict):
        raise ValueError("'search' moet een lijstje instellingen zijn, zoals 'boost: 2'")
    found = {}
    if "boost" in search:
        boost = search["boost"]
        if isinstance(boost, bool) or not isinstance(boost, int | float) or boost <= 0:
            raise ValueError(f"'search: boost' moet een getal groter dan 0 zijn, niet {boost!r}")
        found[WEIGHT_ATTRIBUTE] = f"{boost:g}"
    if search.get("exclude") is True:
        found[EXCLUDE_ATTRIBUTE] = "true"
    return found


def page_entries(markup: str, url: str) -> list[Entry]:
    """The sections of one built page as entries; [] for pages that are no result."""
    if _REFRESH.search(markup) or _NOINDEX.search(markup) or _EXCLUDE_PAGE.search(markup):
        return []
    weight = _WEIGHT.search(markup)
    boost = float(weight.group(1)) if weight else record_boost(url)
    article = _ARTICLE.search(markup)
    if not article:
        return []
    found = _HTML_LANG.search(markup)
    lang = (found.group(1) if found else "nl").split("-")[0].lower()
    body = _without_excluded(_DROP.sub(" ", article.group(1)))
    headings = list(_HEADING.finditer(body))
    entries: list[Entry] = []
    page_title = _plain(headings[0].group(3)) if headings else ""
    for i, heading in enumerate(headings):
        end = headings[i + 1].start() if i + 1 < len(headings) else len(body)
        anchor = "" if i == 0 else "#" + heading.group(2)
        title = _plain(heading.group(3))
        entries.append(Entry(url + anchor, title, _plain(body[heading.end():end]), lang,
                             page_title, boost))
    return entries


def record_boost(url: str) -> float:
    """The search weight of the record type whose page this is (records.py),
    1 for other pages; a translation (/en/...) weighs as the Dutch page."""
    parts = [p for p in url.split("/") if p]
    if parts and len(parts[0]) == 2 and len(parts) > 2:
        parts = parts[1:]
    if len(parts) != 2:
        return 1.0
    for rtype in records.RECORD_TYPES.values():
        if rtype.folder == parts[0]:
            return rtype.search_boost
    return 1.0


def is_filter_page(url: str) -> bool:
    """A page of one filter value (swvsite.pages.filters.facet_page): a list of
    links to the records, which are results themselves."""
    folder, _, rest = url.partition("/")
    key_value = rest.removeprefix("filter/").rstrip("/")
    return rest.startswith("filter/") and "/" not in key_value and "-" in key_value and \
        filters.facet_page(folder, *key_value.split("-", 1)) == url.rstrip("/") + ".md"


def site_entries(site_dir: Path) -> list[Entry]:
    entries: list[Entry] = []
    for path in sorted(site_dir.rglob("index.html")):
        rel = path.parent.relative_to(site_dir).as_posix()
        url = "" if rel == "." else rel + "/"
        if is_filter_page(url) or url == SEARCH_PAGE:
            continue
        entries += page_entries(path.read_text(encoding="utf-8", errors="replace"), url)
    return entries


# --------------------------------------------------------------------------
# The index
# --------------------------------------------------------------------------


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
        # Each name as the set of its words, and, per word, the groups that use it.
        split = tuple(tuple(frozenset(words(name, "nl")) for name in group)
                      for group in self.groups)
        by_word: dict[str, set[int]] = defaultdict(set)
        for number, names in enumerate(split):
            for name in names:
                for word in name:
                    by_word[word].add(number)
        object.__setattr__(self, "_split", split)
        object.__setattr__(self, "_by_word", by_word)

    def other_names(self, text: str) -> list[str]:
        return self.other_names_of(set(words(text, "nl")))

    def other_names_of(self, present: set[str]) -> list[str]:
        """other_names for a text's set of (folded) words."""
        split: tuple[tuple[frozenset[str], ...], ...] = self._split  # type: ignore[attr-defined]
        by_word: dict[str, set[int]] = self._by_word  # type: ignore[attr-defined]
        candidates = sorted({n for word in present for n in by_word.get(word, ())})
        found = []
        for number in candidates:
            names = split[number]
            if any(name and name <= present for name in names):
                found += [self.groups[number][i] for i, name in enumerate(names)
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
        for term in {*text, *titles}:
            n = document_frequency[entry.lang, term]
            idf = math.log(1 + (counts[entry.lang] - n + 0.5) / (n + 0.5))
            tf = text.get(term, 0.0)
            score = entry.boost * idf * (tf * (BM25_K + 1) / (tf + norm)
                                         + TITLE_BONUS * title_norm * titles.get(term, 0.0))
            postings[entry.lang][term].append((number, round(score, 2)))
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



def _shard_items(index: Index, lang: str) -> dict[str, tuple[dict, dict]]:
    """term -> (its surface words' stems, its postings), for one language."""
    items: dict[str, tuple[dict, dict]] = defaultdict(lambda: ({}, {}))
    for term, found in index.postings[lang].items():
        items[term][1][term] = [x for p in found for x in p]
    for word, stemmed in index.surfaces[lang].items():
        items[word][0][word] = stemmed
    return items


def _split(terms: dict[str, int], key: str) -> list[str]:
    """The shard keys for `terms` (term -> bytes) under `key`: one shard, or one
    per next letter when it would be bigger than SHARD_BYTES."""
    if sum(terms.values()) <= SHARD_BYTES or len(key) >= MAX_PREFIX:
        return [key]
    keys = [key]  # terms no longer than the key itself stay here
    groups: dict[str, dict[str, int]] = defaultdict(dict)
    for term, size in terms.items():
        if len(term) > len(key):
            groups[term[:len(key) + 1]][term] = size
    for longer, group in sorted(groups.items()):
        keys += _split(group, longer)
    return keys


def shard_keys(index: Index, lang: str) -> list[str]:
    items = _shard_items(index, lang)
    groups: dict[str, dict[str, int]] = defaultdict(dict)
    for term, (surface, post) in items.items():
        groups[term[:PREFIX]][term] = len(_json(surface)) + len(_json(post))
    return [key for first, group in sorted(groups.items()) for key in _split(group, first)]


def shard_of(term: str, keys: Sequence[str] | set[str]) -> str:
    """The key of the shard holding `term`: the longest key it starts with."""
    for length in range(min(len(term), MAX_PREFIX), 0, -1):
        if term[:length] in keys:
            return term[:length]
    return term[:PREFIX]


GLOSSARY = BEGRIPPEN_PAGE.removesuffix(".md") + "/#"   # "begrippen/#<id>": one begrip


def is_begrip(entry: Entry) -> bool:
    """Whether the entry is one begrip of the begrippen page (in any language)."""
    url = entry.url
    if len(url) > 3 and url[2] == "/":  # a translated page: en/begrippen/#...
        url = url[3:]
    return url.startswith(GLOSSARY)


def glossary_ranges(index: Index) -> list[list[int]]:
    """The entry numbers that are begrippen, as [first, last + 1] ranges (entries
    of one page are side by side)."""
    ranges: list[list[int]] = []
    for number, entry in enumerate(index.entries):
        if not is_begrip(entry):
            continue
        if ranges and ranges[-1][1] == number:
            ranges[-1][1] = number + 1
        else:
            ranges.append([number, number + 1])
    return ranges


def files(index: Index) -> dict[str, bytes]:
    """The index as small JSON files: manifest, term shards, document shards."""
    out: dict[str, bytes] = {}
    manifest_keys: dict[str, list[str]] = {}
    for lang in sorted(index.postings):
        keys = shard_keys(index, lang)
        manifest_keys[lang] = keys
        key_set = set(keys)
        shards: dict[str, dict] = defaultdict(lambda: {"w": {}, "p": {}})
        for term, (surface, post) in _shard_items(index, lang).items():
            shard = shards[shard_of(term, key_set)]
            shard["w"].update(surface)
            shard["p"].update(post)
        for key, shard in shards.items():
            out[f"{lang}/t-{key}.json"] = _json(shard)
    for start in range(0, len(index.entries), DOC_BLOCK):
        block = index.entries[start:start + DOC_BLOCK]
        out[f"d-{start // DOC_BLOCK}.json"] = _json(
            [[e.url, e.title, e.page_title, e.text[:SNIPPET]] for e in block])
    manifest = {"block": DOC_BLOCK, "shards": manifest_keys, "begrippen": glossary_ranges(index),
                "vocabulary": sorted(index.vocabulary),
                # the query rules the client (swvsite/assets/zoeken.js) shares
                "rules": {"prefix": PREFIX, "max_prefix": MAX_PREFIX, "min_part": MIN_PART,
                          "part": PART_WEIGHT, "pair": PAIR_WEIGHT, "exact": EXACT_WEIGHT,
                          "begrippen": MATCHING_BEGRIPPEN,
                          "correction": CORRECTION_WEIGHT, "min_corrected": MIN_CORRECTED,
                          "completion": COMPLETION_WEIGHT, "completions": MAX_COMPLETIONS,
                          "stop": {lang: sorted(STOP_WORDS.get(lang, ()))
                                   for lang in sorted(index.postings)}}}
    out["manifest.json"] = _json(manifest)
    return out


SEARCH_PAGE = "zoeken/"                # the result page itself is no result
INDEX_DIR = Path("zoeken") / "index"  # where the built site serves the index


def write(site_dir: Path, site: m.Site | None = None) -> dict[str, bytes]:
    """Build the index of the finished site in `site_dir` (with the begrippen
    of `site` as synonyms) and write its files under site/zoeken/index/; both
    build paths call this last, after the post-pass."""
    written = index_files(site_dir, site)
    replace(site_dir, written)
    return written


def index_files(site_dir: Path, site: m.Site | None = None) -> dict[str, bytes]:
    """The index files of the finished site in `site_dir` (name -> bytes)."""
    synonyms = Synonyms(begripnamen.synoniemen(site).groups) if site is not None else None
    return files(build(site_entries(site_dir), synonyms=synonyms))


def replace(site_dir: Path, written: dict[str, bytes]) -> None:
    """Put `written` in site/zoeken/index/ instead of what was there: written
    beside it first, then swapped in, so a visitor of the preview searching
    meanwhile finds the old index or the new one, not half of each."""
    out = site_dir / INDEX_DIR
    new, old = out.with_name(out.name + ".nieuw"), out.with_name(out.name + ".oud")
    for leftover in (new, old):
        if leftover.is_dir():
            shutil.rmtree(leftover)
    for name, data in written.items():
        target = new / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    if out.is_dir():
        out.rename(old)
    new.rename(out)
    if old.is_dir():
        shutil.rmtree(old)


def _json(value) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"),
                      sort_keys=True).encode("utf-8")


def gzip_size(data: bytes) -> int:
    return len(gzip.compress(data, 6))


# --------------------------------------------------------------------------
# The reference query algorithm (the client does the same)
# --------------------------------------------------------------------------


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


def _known_stems(query: str, index: Index, lang: str) -> list[str | None]:
    """The stem of each word of the query as the index has it (None for a word
    it does not know: such a word is in no title, so in no pair or signature)."""
    surfaces = index.surfaces.get(lang, {})
    return [surfaces.get(w) for w in words(query, lang)]


def query_pairs(query: str, index: Index, lang: str = "nl") -> list[str]:
    """word_pairs of the query, from the stems the index knows."""
    stops = STOP_WORDS.get(lang, frozenset())
    found = words(query, lang)
    stems = _known_stems(query, index, lang)
    return [f"{stems[i]} {stems[i + 1]}" for i in range(len(found) - 1)
            if (found[i] not in stops or found[i + 1] not in stops)
            and stems[i] is not None and stems[i + 1] is not None]


def query_signature(query: str, index: Index, lang: str = "nl") -> str:
    """signature of the query, from the stems the index knows ("" when it does
    not know one of its content words)."""
    stops = STOP_WORDS.get(lang, frozenset())
    stems = [s for w, s in zip(words(query, lang), _known_stems(query, index, lang), strict=True)
             if w not in stops]
    if not stems or None in stems:
        return ""
    return "=" + " ".join(sorted({s for s in stems if s is not None}))


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
                 and w[:PREFIX] == word[:PREFIX] and _distance(w, word) <= 2]
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
