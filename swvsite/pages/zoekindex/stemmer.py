"""Dutch Snowball stemmer (snowballstem.org/algorithms/dutch/stemmer.html)."""

from __future__ import annotations

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
