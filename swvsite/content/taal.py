"""Plain language: a readability check for Dutch content at level B1.

Plain Python, no MkDocs. `check_site` walks every text field of every record
*by walking the model* (every `Text` and `Markdown` field, also inside `Obj`
and `ListOf`), so a field added to `model.py` is checked without a change
here. Each `Bevinding` names file, line and field, like a validation problem.

How text is measured
--------------------
Sentences (`sentences`)
    A sentence ends at ``.``, ``!``, ``?`` or ``…`` followed by white space,
    and at the end of a paragraph. A period inside a token (``9.00``,
    ``1.200``, ``info@x.nl``) never ends one. Known abbreviations (``bijv.``,
    ``o.a.``, ``d.w.z.``, ``dhr.``) never end a sentence; ``enz.``, ``etc.``,
    ``e.d.`` and ``e.a.`` end one only when a capital follows. In Markdown
    fields every list item and heading is a sentence of its own, a link
    ``[tekst](url)`` counts as its text only, and ``**vet**``/``*schuin*``
    markers are dropped. A colon does not end a sentence.

Words (`words`)
    Tokens between white space that contain a letter or digit. ``t/m``,
    ``Tilburg-Noord`` and ``9.00`` are one word each; a lone dash is none.

Syllables (`syllables`)
    Every group of vowels is split into Dutch vowel sounds, longest first:
    ``aai ooi oei ieu eeu eau`` (so *eeuw*, *nieuw*, *niveau* have one),
    then ``aa ee oo uu ie oe eu ui ij ei ou au ai oi``; any other pair such
    as *ua*, *ea*, *io* is two sounds (*si-tu-a-tie*, *the-o-rie*). A trema
    always starts a new syllable (*ge-ïn-te-res-seerd*, *Bel-gi-ë*); other
    accents are ignored (*één* is one). A final *-e* is a syllable, as it is
    pronounced in Dutch (*scho-le*, *moei-te*); a few common English loan
    words (*website*, *coach*, *team*, *online*) are corrected.
    Abbreviations written in capitals (TLV, OPP, NT2) are read letter by
    letter, so they count **one syllable per character** (TLV = tee-el-vee =
    3), and so do lower-case ones without a vowel (the *bb* of *vmbo-bb*) and
    the common school abbreviations *vmbo*, *vwo*, *mbo*, *hbo*. A number
    counts as one word of one syllable: digits are read at a glance.

Long words
    A word of **four or more syllables**, not counting abbreviations and
    numbers. Dutch B1 guidance calls words of more than three syllables hard
    to read; the cut-off catches the long compounds that make Dutch text hard
    (*samenwerkingsverband*, *ontwikkelingsperspectief*) without flagging
    ordinary words like *leerkracht* or *basisschool*. The guidance gives no
    share; at most 15% (about one word in seven) by default flags only dense
    fields, since some long domain words cannot be avoided.

Flesch-Douma (`flesch_douma`)
    Douma (1960) adapted Flesch's Reading Ease to Dutch::

        score = 206.84 - 0.77 * (syllables per 100 words)
                       - 0.93 * (average words per sentence)

    Higher is easier: 90-100 very easy, 80-90 easy, 70-80 fairly easy,
    60-70 plain (standard), 50-60 fairly difficult, 30-50 difficult,
    below 30 very difficult. Plain B1 text scores 60 or more.

Which checks apply where
------------------------
Every prose field is checked on the length of each sentence. The average
sentence length, the share of long words and the Flesch-Douma score are
only meaningful over some text, so they apply to a field only from
`Drempels.min_zinnen_voor_score` sentences and `min_woorden_voor_score`
words. Names and titles (fields called `naam`, `titel`, `term`,
`afkorting`) are not sentences: they are checked on length only.

Speed
-----
A site has tens of thousands of text fields, but a bounded vocabulary. So the
work per distinct word or token (syllables, long word or not, whether it can
end a sentence) is memoized, and each field is split into sentences and
measured once, in one pass over its tokens; `summary` uses that one
measurement for the findings and for the page score.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, fields, replace
from functools import lru_cache
from itertools import chain
from operator import itemgetter
from typing import Any, NamedTuple

from swvsite.content import model as m

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

_TRIM = "\"'‘’“”«»()[]{}<>,;:!?.…*_`"

_ALNUM = re.compile(r"[^\W_]")        # a character for which str.isalnum() is true
_NON_WORD = re.compile(r"[^\w]")
_PARTS = re.compile(r"[-/]")
_POSSESSIVE_S = re.compile(r"['’]s$")
_DIAERESIS = "\u0308"
_BREAK = "|"  # not a vowel: written before a letter with a trema, it starts a new group

# Word-level results are memoized: a site's vocabulary is bounded, its texts are not.
_WORD_CACHE = 1 << 16


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


@lru_cache(maxsize=_WORD_CACHE)
def syllables(word: str) -> int:
    """Syllables of one Dutch word as written in running text (0 for a non-word).

    See the module documentation for the rules: Dutch vowel sounds, trema,
    pronounced final -e, abbreviations one syllable per character, numbers one
    syllable."""
    token = word.strip(_TRIM)
    if not _ALNUM.search(token):
        return 0
    if _is_number(token) or _is_address(token):
        return 1
    lower = token.lower().replace("’", "'")
    if lower in _ABBREVIATION_WORDS:
        return _ABBREVIATION_WORDS[lower]
    if lower in _LOAN_WORDS:
        return _LOAN_WORDS[lower]
    total = 0
    for part in _PARTS.split(token):
        part = part.strip(_TRIM)
        if not part:
            continue
        if _is_abbreviation(part):
            total += len(_POSSESSIVE_S.sub("", part))  # every character is alphanumeric
            continue
        plain = _NON_WORD.sub("", part.lower())  # zo'n -> zon, auto's -> autos
        if not plain:
            continue
        if plain in _ABBREVIATION_WORDS:
            total += _ABBREVIATION_WORDS[plain]
            continue
        if plain.isdigit():
            total += 1
            continue
        sounds = _vowel_sounds(plain)
        if sounds == 0:  # no vowel at all: spelled out (bb, kb, gt)
            sounds = len(plain) if len(plain) > 1 else 1
        for morpheme, delta in _LOAN_PARTS:
            if morpheme in plain and plain != morpheme:
                sounds += delta
        total += max(sounds, 1)
    return max(total, 1)


@lru_cache(maxsize=_WORD_CACHE)
def _may_be_long(word: str) -> bool:
    """Not an abbreviation, number or address: a word that counts as long by its syllables."""
    token = word.strip(_TRIM)
    if not token or _is_number(token) or _is_address(token):
        return False
    return not (token.lower() in _ABBREVIATION_WORDS or all(
        not p or _is_abbreviation(p) or p.lower() in _ABBREVIATION_WORDS
        or not _VOWELS.intersection(p.lower())
        for p in _PARTS.split(token)))


def is_long_word(word: str, drempels: Drempels = Drempels()) -> bool:
    """Four or more syllables (by default); abbreviations, numbers and addresses never."""
    return _may_be_long(word) and syllables(word) >= drempels.lange_woorden_lettergrepen


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
    result = []
    for lines in units:
        unit = " ".join(lines)
        # Each pattern needs its character; skip the ones that cannot match.
        if "](" in unit:
            unit = _MD_LINK.sub(r"\1", unit)
        if "<" in unit:
            unit = _AUTOLINK.sub(r"\1", unit)
        if "\\" in unit:
            unit = _ESCAPE.sub(r"\1", unit)
        if "*" in unit or "_" in unit:
            unit = _EMPHASIS.sub("", unit)
        tokens = unit.replace("`", "").split()
        if tokens:
            result.append(tokens)
    return result


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


@lru_cache(maxsize=_WORD_CACHE)
def _token(token: str) -> _Token:
    capital = token.lstrip(_OPENERS)[:1].isupper()
    word = token.strip(_TRIM)
    if not _ALNUM.search(word):
        return _Token(None, _end(token), capital, 0, False)
    return _Token(word, _end(token), capital, syllables(word), _may_be_long(word))


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


def _split(text: str, markdown: bool) -> list[_Sentence]:
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
    return [" ".join(sentence.tokens) for sentence in _split(text, markdown)]


def words(sentence: str) -> list[str]:
    """The words of a sentence: tokens with a letter or digit, without punctuation."""
    result = []
    for token in sentence.split():
        token = token.strip(_TRIM)
        if _ALNUM.search(token):
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
    def van(cls, zinnen: list[str], drempels: Drempels = Drempels()) -> Meting:
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
            lange_woorden=tuple(t.word for s in zinnen for t in s.infos
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
    return Meting._van(_split(text, markdown), Drempels()).flesch_douma


# --------------------------------------------------------------------------
# Walking the model
# --------------------------------------------------------------------------

NAAM_VELDEN = frozenset({"naam", "titel", "term", "afkorting"})
"""Fields that hold a name or title, not sentences: checked on length only."""


@dataclass(frozen=True)
class Tekstveld:
    """One text value in a record: where it is and how to read it."""

    record: m.Record
    pad: str
    tekst: str
    markdown: bool
    naam: bool

    @property
    def regel(self) -> int | None:
        return self.record.line_of(self.pad)


def text_fields(record: m.Record) -> Iterator[Tekstveld]:
    """Every Text and Markdown value of a record, in model order."""
    for f in record.type.all_fields:
        yield from _walk(record, f.type, record.data.get(f.name), f.name, f.name)


def _walk(record: m.Record, ftype: m.FieldType, value: Any, path: str,
          name: str) -> Iterator[Tekstveld]:
    if value is None:
        return
    if isinstance(ftype, (m.Text, m.Markdown)):
        if isinstance(value, str) and value.strip():
            yield Tekstveld(record, path, value, isinstance(ftype, m.Markdown),
                            name in NAAM_VELDEN)
    elif isinstance(ftype, m.Obj) and isinstance(value, dict):
        for f in ftype.fields:
            yield from _walk(record, f.type, value.get(f.name), f"{path}.{f.name}", f.name)
    elif isinstance(ftype, m.ListOf) and isinstance(value, list):
        for index, item in enumerate(value, start=1):
            yield from _walk(record, ftype.item, item, f"{path}[{index}]", name)


# --------------------------------------------------------------------------
# Findings
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class Bevinding:
    """A text that is harder than the thresholds allow."""

    bestand: str
    regel: int | None
    veld: str
    maat: str
    """zinslengte, gemiddelde_zinslengte, lange_woorden, flesch_douma or titellengte"""
    waarde: float
    drempel: float
    bericht: str

    def __str__(self) -> str:
        where = self.bestand
        if self.regel:
            where += f", regel {self.regel}"
        return f"{where}, veld '{self.veld}': {self.bericht}"

    @property
    def sort_key(self) -> tuple:
        return (self.bestand, self.regel or 0, self.veld, self.maat, self.bericht)


def _getal(value: float, decimals: int = 1) -> str:
    text = f"{value:.{decimals}f}".replace(".", ",")
    return text[:-2] if decimals and text.endswith(",0") else text


def _begin(tokens: list[str], count: int = 6) -> str:
    return " ".join(tokens) if len(tokens) <= count else " ".join(tokens[:count]) + " ..."


def check_field(veld: Tekstveld, drempels: Drempels = Drempels()) -> list[Bevinding]:
    """The findings of one text value."""
    return _check_field(veld, drempels)[0]


def _check_field(veld: Tekstveld, drempels: Drempels) -> tuple[list[Bevinding], Meting | None]:
    """The findings of one text value and, unless it is a name, its measurement: the
    text is split into sentences and measured once, for the findings and the page score."""
    record = veld.record

    def finding(maat: str, waarde: float, drempel: float, bericht: str) -> Bevinding:
        return Bevinding(record.path, veld.regel, veld.pad, maat, waarde, drempel, bericht)

    if veld.naam:
        count = len(words(veld.tekst))
        if count > drempels.max_titellengte:
            soort = veld.pad.rsplit(".", 1)[-1].split("[")[0]
            return [finding("titellengte", count, drempels.max_titellengte,
                            f"{soort} van {count} woorden (max {drempels.max_titellengte}); "
                            "maak hem korter")], None
        return [], None
    zinnen = _split(veld.tekst, veld.markdown)
    result = []
    for zin in zinnen:
        count = zin.words
        if count > drempels.max_zinslengte:
            result.append(finding("zinslengte", count, drempels.max_zinslengte,
                                  f"zin van {count} woorden (max {drempels.max_zinslengte}): "
                                  f"'{_begin(zin.tokens)}'"))
    meting = Meting._van(zinnen, drempels)
    if not meting.lang_genoeg(drempels):
        return result, meting
    if meting.gemiddelde_zinslengte > drempels.max_gemiddelde_zinslengte:
        result.append(finding(
            "gemiddelde_zinslengte", meting.gemiddelde_zinslengte,
            drempels.max_gemiddelde_zinslengte,
            f"gemiddeld {_getal(meting.gemiddelde_zinslengte)} woorden per zin "
            f"(max {_getal(drempels.max_gemiddelde_zinslengte)}); maak de zinnen korter"))
    if meting.aandeel_lange_woorden > drempels.max_aandeel_lange_woorden:
        voorbeelden = ", ".join(dict.fromkeys(w.lower() for w in meting.lange_woorden[:40]))
        voorbeelden = ", ".join(voorbeelden.split(", ")[:5])
        result.append(finding(
            "lange_woorden", meting.aandeel_lange_woorden, drempels.max_aandeel_lange_woorden,
            f"{_getal(100 * meting.aandeel_lange_woorden, 0)}% lange woorden "
            f"(max {_getal(100 * drempels.max_aandeel_lange_woorden, 0)}%), zoals "
            f"{voorbeelden}; kies kortere of gewone woorden"))
    if meting.flesch_douma < drempels.min_flesch_douma:
        result.append(finding(
            "flesch_douma", meting.flesch_douma, drempels.min_flesch_douma,
            f"leesbaarheid (Flesch-Douma) {_getal(meting.flesch_douma, 0)} "
            f"(min {_getal(drempels.min_flesch_douma, 0)}); gebruik kortere zinnen "
            "en kortere woorden"))
    return result, meting


def check_record(record: m.Record, drempels: Drempels = Drempels()) -> list[Bevinding]:
    return [b for veld in text_fields(record) for b in check_field(veld, drempels)]


def check_site(site: m.Site, drempels: Drempels = Drempels()) -> list[Bevinding]:
    """Every finding in every text field of the site, sorted by file and line."""
    found = [b for record in site.all_records() for b in check_record(record, drempels)]
    return sorted(found, key=lambda b: b.sort_key)


def report(bevindingen: list[Bevinding]) -> str:
    """One Dutch line per finding, sorted by file and line, ending with a count."""
    ordered = sorted(bevindingen, key=lambda b: b.sort_key)
    lines = [f"- {b}" for b in ordered]
    if not ordered:
        lines.append("Geen taalbevindingen: alle teksten halen de drempels voor taalniveau B1.")
    else:
        files = len({b.bestand for b in ordered})
        fields_ = len({(b.bestand, b.veld) for b in ordered})
        lines.append(
            f"{_aantal(len(ordered), 'taalbevinding', 'taalbevindingen')} in "
            f"{_aantal(fields_, 'veld', 'velden')} en {_aantal(files, 'bestand', 'bestanden')}.")
    return "\n".join(lines)


def _aantal(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


# --------------------------------------------------------------------------
# Pages and the build summary
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class PaginaScore:
    """Readability of one record (one generated page) over all its prose."""

    record: m.Record
    meting: Meting

    @property
    def titel(self) -> str:
        return self.record.title

    @property
    def bestand(self) -> str:
        return self.record.path

    @property
    def flesch_douma(self) -> float:
        return self.meting.flesch_douma

    @property
    def gemiddelde_zinslengte(self) -> float:
        return self.meting.gemiddelde_zinslengte


_SENTENCE_END = re.compile(r"[.!?…](?=\s|$)")


def is_prose(veld: Tekstveld) -> bool:
    """Running text: a Markdown field, or a text with at least one full sentence.
    Names, addresses, places, opening hours and short labels are not."""
    return not veld.naam and (veld.markdown or bool(_SENTENCE_END.search(veld.tekst)))


def page_score(record: m.Record, drempels: Drempels = Drempels()) -> PaginaScore:
    """The record's prose measured as one text (labels and names left out)."""
    return PaginaScore(record, Meting.som(
        Meting._van(_split(veld.tekst, veld.markdown), drempels)
        for veld in text_fields(record) if is_prose(veld)))


def page_scores(site: m.Site, drempels: Drempels = Drempels()) -> list[PaginaScore]:
    """Every record with prose, lowest Flesch-Douma score first."""
    return _ranked([page_score(r, drempels) for r in site.all_records()])


def _ranked(scores: list[PaginaScore]) -> list[PaginaScore]:
    return sorted((s for s in scores if s.meting.woorden),
                  key=lambda s: (s.flesch_douma, s.bestand))


@dataclass(frozen=True)
class Samenvatting:
    """Overall numbers for the build report."""

    paginas: int
    velden: int
    velden_met_bevindingen: int
    bevindingen: int
    totaal: Meting
    laagste: tuple[PaginaScore, ...]
    drempels: Drempels = field(default_factory=Drempels)

    @property
    def flesch_douma(self) -> float:
        """The score over all prose of the site together."""
        return self.totaal.flesch_douma

    @property
    def gemiddelde_zinslengte(self) -> float:
        return self.totaal.gemiddelde_zinslengte

    def tekst(self) -> str:
        """One Dutch paragraph for the build output."""
        d = self.drempels
        parts = [
            f"Taalniveau B1: {_aantal(self.paginas, 'pagina', 'pagina’s')} en "
            f"{_aantal(self.velden, 'tekstveld', 'tekstvelden')} gecontroleerd.",
            f"Leesbaarheid (Flesch-Douma) {_getal(self.flesch_douma, 0)} "
            f"(minimaal {_getal(d.min_flesch_douma, 0)}), gemiddeld "
            f"{_getal(self.gemiddelde_zinslengte)} woorden per zin "
            f"(maximaal {_getal(d.max_gemiddelde_zinslengte)}).",
        ]
        if self.bevindingen:
            parts.append(
                f"{_aantal(self.bevindingen, 'taalbevinding', 'taalbevindingen')} in "
                f"{_aantal(self.velden_met_bevindingen, 'veld', 'velden')}; "
                "zie swvsite check --taal.")
        else:
            parts.append("Geen taalbevindingen.")
        if self.laagste:
            lowest = ", ".join(f"{p.titel} ({_getal(p.flesch_douma, 0)})" for p in self.laagste)
            parts.append(f"Laagste scores: {lowest}.")
        return " ".join(parts)

    def __str__(self) -> str:
        return self.tekst()


def summary(site: m.Site, drempels: Drempels = Drempels(), lowest: int = 3) -> Samenvatting:
    """Pages checked, fields with findings and the lowest-scoring pages."""
    velden = 0
    bevindingen: list[Bevinding] = []
    scores = []
    for record in site.all_records():
        proza = []
        for veld in text_fields(record):
            velden += 1
            found, meting = _check_field(veld, drempels)
            bevindingen.extend(found)
            if meting is not None and is_prose(veld):
                proza.append(meting)
        scores.append(PaginaScore(record, Meting.som(proza)))
    scores = _ranked(scores)
    return Samenvatting(
        paginas=len(scores),
        velden=velden,
        velden_met_bevindingen=len({(b.bestand, b.veld) for b in bevindingen}),
        bevindingen=len(bevindingen),
        totaal=Meting.som(score.meting for score in scores),
        laagste=tuple(scores[:lowest]),
        drempels=drempels,
    )
