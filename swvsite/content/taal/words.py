"""Measuring words: the B1 thresholds (`Drempels`), syllables of Dutch words and long words.

See the package's docstring for how text is measured.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from functools import lru_cache
from typing import Any

# --------------------------------------------------------------------------
# Thresholds
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class Drempels:
    """Thresholds for B1, all configurable (see `uit`).

    Dutch B1 writing guidance asks for short sentences, on average 10 to 15
    words, and advises against sentences of more than about 20 words and
    against words of more than three syllables. The defaults take the upper
    end of those ranges per field, because one field is a small sample (the
    demo site as a whole averages about 8 words per sentence). For the score,
    Douma's own table calls 60-70 "normaal"; below 60 is "tamelijk moeilijk"."""

    max_gemiddelde_zinslengte: float = 15.0
    """Average words per sentence in one field (B1: 10 to 15)."""
    max_zinslengte: int = 20
    """Words in any single sentence (B1: at most 15 to 20)."""
    max_aandeel_lange_woorden: float = 0.15
    """Share of long words in one field, 0.15 = 15%."""
    lange_woorden_lettergrepen: int = 4
    """A word of this many syllables or more is a long word."""
    min_flesch_douma: float = 60.0
    """Lowest Flesch-Douma score of one field (60-70 is plain Dutch)."""
    min_zinnen_voor_score: int = 2
    """The score checks apply to a field from this many sentences ..."""
    min_woorden_voor_score: int = 20
    """... and this many words; shorter fields are checked on sentence length only."""
    max_titellengte: int = 12
    """Words in a name or title."""

    @classmethod
    def uit(cls, settings: Mapping[str, Any] | None) -> Drempels:
        """Thresholds from a settings mapping (for instance the `taal:` block of a
        configuration file); keys left out keep their default. Raises ValueError
        with a Dutch message for an unknown key or a value of the wrong kind."""
        drempels = cls()
        if not settings:
            return drempels
        known = {f.name: f for f in fields(cls)}
        changes = {}
        for key, value in settings.items():
            if key not in known:
                raise ValueError(f"onbekende taaldrempel '{key}'; kies uit: "
                                 + ", ".join(known))
            default = getattr(drempels, key)
            if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
                raise ValueError(f"taaldrempel '{key}' moet een getal van 0 of meer zijn")
            if isinstance(default, int) and not float(value).is_integer():
                raise ValueError(f"taaldrempel '{key}' moet een geheel getal zijn")
            if key.startswith("max_aandeel") and value > 1:
                raise ValueError(f"taaldrempel '{key}' is een deel tussen 0 en 1, "
                                 "bijvoorbeeld 0.15 voor 15%")
            changes[key] = type(default)(value)
        return replace(drempels, **changes)


# The thresholds when mkdocs.yml sets none: the default of every function that takes them.
B1 = Drempels()


# --------------------------------------------------------------------------
# Syllables
# --------------------------------------------------------------------------

_VOWELS = frozenset("aeiouy")
# Longest first: a vowel group is split into these Dutch vowel sounds.
_NUCLEI = (
    "aai", "ooi", "oei", "ieu", "eeu", "eau",
    "aa", "ee", "oo", "uu", "ie", "oe", "eu", "ui", "ei", "ou", "au", "ai", "oi", "y",
)
# One match per vowel sound: at each position the first nucleus that fits (longest
# first, as listed), else a single vowel. Nuclei are all vowels, so a match never
# crosses a consonant or a trema break.
_NUCLEUS = re.compile("|".join(_NUCLEI) + "|[aeiou]")
_TREMA = set("äëïöü")
_ABBREVIATION_WORDS = {"vmbo": 4, "vwo": 3, "mbo": 3, "hbo": 3, "wo": 2, "t/m": 3}
# English loan words whose final -e is silent or whose vowels are one sound.
_LOAN_WORDS = {
    "website": 2, "websites": 2, "site": 1, "sites": 1, "online": 2, "offline": 2,
    "software": 2, "update": 2, "updates": 2, "service": 2, "care": 1, "time-out": 2,
    "coach": 1, "coaches": 2, "coaching": 2, "team": 1, "teams": 1, "e-mail": 2,
    "e-mails": 2, "mail": 1, "mailen": 2, "app": 1, "apps": 1, "whatsapp": 2,
    "laptop": 2, "chromebook": 2, "skype": 1, "teamleider": 3, "teamleiders": 3,
}
# Loan morphemes inside compounds (jongerencoach, wijkteam): correction to the count.
_LOAN_PARTS = (("coach", -1), ("team", -1), ("website", -1))

TRIM = "\"'‘’“”«»()[]{}<>,;:!?.…*_`"

ALNUM = re.compile(r"[^\W_]")        # a character for which str.isalnum() is true
_NON_WORD = re.compile(r"[^\w]")
_PARTS = re.compile(r"[-/]")
_POSSESSIVE_S = re.compile(r"['’]s$")
_DIAERESIS = "\u0308"
_BREAK = "|"  # not a vowel: written before a letter with a trema, it starts a new group

# Word-level results are memoized: a site's vocabulary is bounded, its texts are not.
WORD_CACHE = 1 << 16


def _is_number(token: str) -> bool:
    return bool(token) and token[0].isdigit()


def _is_abbreviation(token: str) -> bool:
    """Written in capitals (TLV, OPP, NT2, SBO's): read letter by letter."""
    core = _POSSESSIVE_S.sub("", token)
    if core.islower():  # quick test: no capital at all
        return False
    letters = [c for c in core if c.isalpha()]
    return len(core) >= 2 and bool(letters) and all(c.isupper() for c in letters) \
        and core.isalnum()


def _is_address(token: str) -> bool:
    return "@" in token or "://" in token or token.lower().startswith("www.")


def _vowel_sounds(part: str) -> int:
    """Syllables of one lower-case word part of word characters only (no hyphens)."""
    if part.isascii():
        text = part  # no accents, so no trema
    else:
        # Split accents from letters; a trema marks the start of a new syllable.
        chars: list[str] = []
        for c in unicodedata.normalize("NFD", part):
            if unicodedata.combining(c):
                if c == _DIAERESIS and chars:  # combining diaeresis
                    chars[-1] = _BREAK + chars[-1][-1]
                continue
            chars.append(c)
        text = "".join(chars)
    # ij is one vowel sound; then every vowel group splits into Dutch vowel sounds.
    return len(_NUCLEUS.findall(text.replace("ij", "y")))


@lru_cache(maxsize=WORD_CACHE)
def syllables(word: str) -> int:
    """Syllables of one Dutch word as written in running text (0 for a non-word).

    See the package documentation (taal) for the rules: Dutch vowel sounds, trema,
    pronounced final -e, abbreviations one syllable per character, numbers one
    syllable."""
    token = word.strip(TRIM)
    if not ALNUM.search(token):
        return 0
    if _is_number(token) or _is_address(token):
        return 1
    lower = token.lower().replace("’", "'")
    if lower in _ABBREVIATION_WORDS:
        return _ABBREVIATION_WORDS[lower]
    if lower in _LOAN_WORDS:
        return _LOAN_WORDS[lower]
    total = sum(_part_syllables(part) for part in _PARTS.split(token))
    return max(total, 1)


def _part_syllables(part: str) -> int:
    """Syllables of one part of a word between hyphens or slashes (0 for none)."""
    part = part.strip(TRIM)
    if not part:
        return 0
    if _is_abbreviation(part):
        return len(_POSSESSIVE_S.sub("", part))  # every character is alphanumeric
    plain = _NON_WORD.sub("", part.lower())  # zo'n -> zon, auto's -> autos
    if not plain:
        return 0
    if plain in _ABBREVIATION_WORDS:
        return _ABBREVIATION_WORDS[plain]
    if plain.isdigit():
        return 1
    sounds = _vowel_sounds(plain)
    if sounds == 0:  # no vowel at all: spelled out (bb, kb, gt)
        sounds = len(plain) if len(plain) > 1 else 1
    for morpheme, delta in _LOAN_PARTS:
        if morpheme in plain and plain != morpheme:
            sounds += delta
    return max(sounds, 1)


@lru_cache(maxsize=WORD_CACHE)
def may_be_long(word: str) -> bool:
    """Not an abbreviation, number or address: a word that counts as long by its syllables."""
    token = word.strip(TRIM)
    if not token or _is_number(token) or _is_address(token):
        return False
    return not (token.lower() in _ABBREVIATION_WORDS or all(
        not p or _is_abbreviation(p) or p.lower() in _ABBREVIATION_WORDS
        or not _VOWELS.intersection(p.lower())
        for p in _PARTS.split(token)))


def is_long_word(word: str, drempels: Drempels = B1) -> bool:
    """Four or more syllables (by default); abbreviations, numbers and addresses never."""
    return may_be_long(word) and syllables(word) >= drempels.lange_woorden_lettergrepen
