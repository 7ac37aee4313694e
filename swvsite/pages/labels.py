"""Fixed words of the site per language: one table, looked up by `label`.

Dutch is the site's own language and the fallback: a word missing in a
language's table is the Dutch word (and `label_lang` says so, so the page can
mark it `lang="nl"`).
"""

from __future__ import annotations

import contextlib
import contextvars
from collections.abc import Iterator

LABELS: dict[str, dict[str, str]] = {
    "nl": {
        "verouderd": "De Nederlandse tekst is veranderd sinds deze vertaling.",
        "nederlandse_pagina": "Lees de Nederlandse pagina",
        "vertaald_door": "Vertaling",
        "demo": "Dit is een demo-vertaling.",
        "deze_pagina_in": "Deze pagina in",
        "talen": "Talen",
        "Wie": "Wie", "Hoe lang": "Hoe lang", "Stap": "Stap", "Voor wie?": "Voor wie?",
    },
    "en": {
        "verouderd": "The Dutch text has changed since this translation.",
        "nederlandse_pagina": "Read the Dutch page",
        "vertaald_door": "Translation",
        "demo": "This is a demo translation.",
        "deze_pagina_in": "This page in",
        "talen": "Languages",
        "Wie": "Who", "Hoe lang": "How long", "Stap": "Step", "Voor wie?": "Who is it for?",
    },
    "ar": {
        "verouderd": "تغيّر النص الهولندي منذ هذه الترجمة.",
        "nederlandse_pagina": "اقرأ الصفحة الهولندية",
        "vertaald_door": "الترجمة",
        "demo": "هذه ترجمة تجريبية.",
        "deze_pagina_in": "هذه الصفحة بلغة",
        "talen": "اللغات",
        "Wie": "من", "Hoe lang": "المدة", "Stap": "الخطوة", "Voor wie?": "لمن؟",
    },
}


def label_lang(key: str, taal: str) -> str:
    """The language `label(key, taal)` is in: `taal`, or 'nl' where it has no word."""
    return taal if key in LABELS.get(taal, {}) else "nl"


def label(key: str, taal: str) -> str:
    """The word for `key` in `taal`, or the Dutch word."""
    return LABELS.get(taal, {}).get(key) or LABELS["nl"][key]


# Around a fixed Dutch word on a translated page; its HTML marks it as Dutch
# (swvsite.pages.translated.mark_dutch).
DUTCH_WORD = ("\ue001", "\ue002")

# The language of the page being rendered (set by swvsite.pages.translated).
_PAGE_LANGUAGE: contextvars.ContextVar[str] = contextvars.ContextVar("page_language",
                                                                    default="nl")


@contextlib.contextmanager
def page_language(taal: str) -> Iterator[None]:
    """Render a page in `taal`: `word` then gives that language's fixed words."""
    token = _PAGE_LANGUAGE.set(taal)
    try:
        yield
    finally:
        _PAGE_LANGUAGE.reset(token)


def word(key: str) -> str:
    """A fixed word of a page (a label such as 'Wie'), in the language of the page
    being rendered; on a translated page without that word, the Dutch word marked
    as Dutch (DUTCH_WORD)."""
    taal = _PAGE_LANGUAGE.get()
    if taal == "nl":
        return LABELS["nl"][key]
    if label_lang(key, taal) == taal:
        return LABELS[taal][key]
    return DUTCH_WORD[0] + LABELS["nl"][key] + DUTCH_WORD[1]
