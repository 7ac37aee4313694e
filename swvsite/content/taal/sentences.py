"""Measuring text: sentences, words and the measurement of a text (`Meting`, Flesch-Douma).

See the package's docstring for how text is measured.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain
from operator import itemgetter
from typing import NamedTuple

from swvsite.content.taal.words import ALNUM, B1, TRIM, WORD_CACHE, Drempels, may_be_long, syllables

# --------------------------------------------------------------------------
# Sentences and words
# --------------------------------------------------------------------------

# Never the end of a sentence, even before a capital (dhr. Jansen, o.a. De Klimop).
_ABBREVIATIONS = {
    "bijv.", "bv.", "o.a.", "d.w.z.", "m.b.t.", "t.a.v.", "i.p.v.", "i.v.m.", "n.a.v.",
    "m.n.", "o.b.v.", "ca.", "nr.", "evt.", "incl.", "excl.", "dhr.", "mevr.", "mr.", "dr.",
    "drs.", "ir.", "ing.", "prof.", "jl.", "a.s.", "vgl.", "zgn.", "resp.", "max.", "min.",
    "tel.", "blz.", "art.", "ong.", "gem.", "z.s.m.", "mw.", "hr.", "st.", "afd.", "vnl.",
}
# The end of a sentence only before a capital (... lezen, rekenen enz. Daarna ...).
_ABBREVIATIONS_AT_END = {"enz.", "etc.", "e.d.", "e.a.", "t.z.t.", "e.v."}

_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d{1,3}[.)])\s+")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
_QUOTE = re.compile(r"^\s*>\s?")
_MD_LINK = re.compile(r"!?\[([^\]]*)\]\((?:[^()]|\([^)]*\))*\)")
_AUTOLINK = re.compile(r"<((?:https?://|mailto:)[^>\s]+)>")
_EMPHASIS = re.compile(r"(?<![\w*_])[*_]+|[*_]+(?![\w*_])")
_ESCAPE = re.compile(r"\\(.)")
_MARKER = re.compile(f"{_LIST_ITEM.pattern}|{_HEADING.pattern}")  # either, as tried in turn
_BLANK_LINE = re.compile(r"\n\s*\n")
_CLOSERS = "\"'’”»)]*_"
_OPENERS = "\"'‘“«([*_"
_DOTTED = re.compile(r"(?:[a-z]\.){2,}")
_INITIAL = re.compile(r"[A-Z]\.")


def _units(text: str, markdown: bool) -> list[list[str]]:
    """The tokens of every paragraph; in Markdown also of every list item and heading
    on its own."""
    blocks = _BLANK_LINE.split(text.strip())
    if not markdown:
        # A paragraph is one unit; line breaks are white space like any other.
        return [tokens for block in blocks if (tokens := block.split())]
    result = []
    for lines in _markdown_units(blocks):
        tokens = _without_markup(" ".join(lines)).split()
        if tokens:
            result.append(tokens)
    return result


def _markdown_units(blocks: list[str]) -> list[list[str]]:
    """The lines of every paragraph, list item and heading (without quote and list markers)."""
    units: list[list[str]] = []
    for block in blocks:
        current: list[str] | None = None
        for line in block.splitlines():
            if not line.strip():
                continue
            if ">" in line:
                line = _QUOTE.sub("", line)
            marker = _MARKER.match(line)
            if marker:
                current = [line[marker.end():]]
                units.append(current)
                continue
            if current is None:
                current = []
                units.append(current)
            current.append(line.strip())
    return units


def _without_markup(unit: str) -> str:
    """A unit's text without links, escapes, emphasis and code marks."""
    # Each pattern needs its character; skip the ones that cannot match.
    if "](" in unit:
        unit = _MD_LINK.sub(r"\1", unit)
    if "<" in unit:
        unit = _AUTOLINK.sub(r"\1", unit)
    if "\\" in unit:
        unit = _ESCAPE.sub(r"\1", unit)
    if "*" in unit or "_" in unit:
        unit = _EMPHASIS.sub("", unit)
    return unit.replace("`", "")


# How a token ends a sentence, one character each so that a unit's tokens can be
# scanned as one string.
_NO_END, _END, _END_BEFORE_CAPITAL = "-", "e", "c"
_MAY_END = re.compile(f"[{_END}{_END_BEFORE_CAPITAL}]")


def _end(token: str) -> str:
    """Whether a token ends a sentence: never, always, or only before a capital."""
    core = token.rstrip(_CLOSERS)
    if core.endswith(("?", "!", "…")):
        return _END
    if not core.endswith("."):
        return _NO_END
    if core.endswith(".."):
        return _END
    stripped = core.lstrip(_OPENERS)
    word = stripped.lower()
    if word in _ABBREVIATIONS:
        return _NO_END
    if word in _ABBREVIATIONS_AT_END:
        return _END_BEFORE_CAPITAL
    if _DOTTED.fullmatch(word):  # unknown dotted abbreviation
        return _END_BEFORE_CAPITAL
    if _INITIAL.fullmatch(stripped):  # an initial: J. de Vries
        return _NO_END
    return _END


class _Token(NamedTuple):
    """What a token between white space is, worked out once per distinct token."""

    word: str | None
    """The token without punctuation, or None if it has no letter or digit."""
    end: str
    """_NO_END, _END or _END_BEFORE_CAPITAL."""
    capital: bool
    """Starts with a capital (after opening quotes and brackets)."""
    syllable_count: int
    may_be_long: bool


@lru_cache(maxsize=WORD_CACHE)
def _token(token: str) -> _Token:
    capital = token.lstrip(_OPENERS)[:1].isupper()
    word = token.strip(TRIM)
    if not ALNUM.search(word):
        return _Token(None, _end(token), capital, 0, False)
    return _Token(word, _end(token), capital, syllables(word), may_be_long(word))


_WORD_OF, _END_OF, _SYLLABLES_OF = (
    itemgetter(_Token._fields.index(name)) for name in ("word", "end", "syllable_count"))


class _Sentence(NamedTuple):
    """One sentence: its tokens, what they are, and its counts of words and syllables."""

    tokens: list[str]
    infos: list[_Token]
    words: int
    syllables: int


def _sentence(tokens: list[str], infos: list[_Token]) -> _Sentence:
    return _Sentence(tokens, infos, len(infos) - list(map(_WORD_OF, infos)).count(None),
                     sum(map(_SYLLABLES_OF, infos)))


def measure_sentences(text: str, markdown: bool) -> list[_Sentence]:
    """The sentences of a text with their words, in one pass over its tokens."""
    result = []
    for tokens in _units(text or "", markdown):
        infos = list(map(_token, tokens))
        ends = "".join(map(_END_OF, infos))
        start = 0
        for match in _MAY_END.finditer(ends):
            index = match.start()
            following = index + 1
            if following == len(infos):
                break  # the last token ends the unit anyway
            if match.group() == _END_BEFORE_CAPITAL and not infos[following].capital:
                continue
            sentence = _sentence(tokens[start:following], infos[start:following])
            if sentence.words:
                result.append(sentence)
            start = following
        sentence = _sentence(tokens[start:], infos[start:])
        if sentence.words:
            result.append(sentence)
    return result


def sentences(text: str, markdown: bool = False) -> list[str]:
    """The sentences of a text, as plain text (Markdown syntax removed)."""
    return [" ".join(sentence.tokens) for sentence in measure_sentences(text, markdown)]


def words(sentence: str) -> list[str]:
    """The words of a sentence: tokens with a letter or digit, without punctuation."""
    result = []
    for token in sentence.split():
        token = token.strip(TRIM)
        if ALNUM.search(token):
            result.append(token)
    return result


# --------------------------------------------------------------------------
# Measuring
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class Meting:
    """Counts over a piece of text, and what follows from them."""

    zinnen: int
    woorden: int
    lettergrepen: int
    lange_woorden: tuple[str, ...]

    @classmethod
    def van(cls, zinnen: list[str], drempels: Drempels = B1) -> Meting:
        split = [s.split() for s in zinnen]
        return cls._van(
            [_sentence(tokens, list(map(_token, tokens))) for tokens in split], drempels)

    @classmethod
    def _van(cls, zinnen: list[_Sentence], drempels: Drempels) -> Meting:
        threshold = drempels.lange_woorden_lettergrepen
        return cls(
            zinnen=len(zinnen),
            woorden=sum(s.words for s in zinnen),
            lettergrepen=sum(s.syllables for s in zinnen),
            lange_woorden=tuple(str(t.word) for s in zinnen for t in s.infos
                                if t.may_be_long and t.syllable_count >= threshold),
        )

    @classmethod
    def som(cls, metingen: Iterable[Meting]) -> Meting:
        """The sum of many measurements (as `a + b + ...`), in linear time."""
        metingen = list(metingen)
        return cls(sum(m_.zinnen for m_ in metingen), sum(m_.woorden for m_ in metingen),
                   sum(m_.lettergrepen for m_ in metingen),
                   tuple(chain.from_iterable(m_.lange_woorden for m_ in metingen)))

    def __add__(self, other: Meting) -> Meting:
        return Meting(self.zinnen + other.zinnen, self.woorden + other.woorden,
                      self.lettergrepen + other.lettergrepen,
                      self.lange_woorden + other.lange_woorden)

    @property
    def gemiddelde_zinslengte(self) -> float:
        return self.woorden / self.zinnen if self.zinnen else 0.0

    @property
    def aandeel_lange_woorden(self) -> float:
        return len(self.lange_woorden) / self.woorden if self.woorden else 0.0

    @property
    def flesch_douma(self) -> float:
        if not self.woorden:
            return 0.0
        return douma(100 * self.lettergrepen / self.woorden, self.gemiddelde_zinslengte)

    def lang_genoeg(self, drempels: Drempels) -> bool:
        return (self.zinnen >= drempels.min_zinnen_voor_score
                and self.woorden >= drempels.min_woorden_voor_score)


LEEG = Meting(0, 0, 0, ())


def douma(syllables_per_100_words: float, words_per_sentence: float) -> float:
    """Flesch-Douma: 206.84 - 0.77 * syllables per 100 words - 0.93 * words per sentence."""
    return 206.84 - 0.77 * syllables_per_100_words - 0.93 * words_per_sentence


def flesch_douma(text: str, markdown: bool = False) -> float:
    """The Flesch-Douma score of a text (higher is easier; 60-70 is plain Dutch)."""
    return Meting._van(measure_sentences(text, markdown), Drempels()).flesch_douma
