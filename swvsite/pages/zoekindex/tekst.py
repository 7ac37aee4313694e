"""Words per language: folding, stemming, stop words, word pairs, title
signatures and Dutch decompounding."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable

from swvsite.pages.zoekindex.regels import MIN_PART
from swvsite.pages.zoekindex.stemmer import stem_nl

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


StemOf = Callable[[str], "str | None"]


def word_pairs(text: str, lang: str, stem_of: StemOf | None = None) -> list[str]:
    """Each two neighbouring words of `text` as one term ("naar schol", "de
    klas"), a stop word beside a content word included (two stop words side by
    side say too little): a title that says the question's words in its order
    ranks above one that only has them ("ik wil niet meer naar school").
    `stem_of` gives a word's stem (default: `stem`); a word it has none for
    (None: a question's word the index does not know) is in no pair."""
    stem_of = stem_of or (lambda word: stem(word, lang))
    stops = STOP_WORDS.get(lang, frozenset())
    found = words(text, lang)
    stems = [stem_of(w) for w in found]
    return [f"{stems[i]} {stems[i + 1]}" for i in range(len(found) - 1)
            if (found[i] not in stops or found[i + 1] not in stops)
            and stems[i] is not None and stems[i + 1] is not None]


_PARENTHESES = re.compile(r"\(([^)]*)\)")


def signature(text: str, lang: str, stem_of: StemOf | None = None) -> str:
    """The content words of `text` as one term ("=schol so"): the same for a
    question and a title that say the same words, in any order; "" for none,
    or when `stem_of` (as in word_pairs) has no stem for one of them."""
    stem_of = stem_of or (lambda word: stem(word, lang))
    stops = STOP_WORDS.get(lang, frozenset())
    stems = [stem_of(w) for w in words(text, lang) if w not in stops]
    if not stems or None in stems:
        return ""
    return "=" + " ".join(sorted({s for s in stems if s is not None}))


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
