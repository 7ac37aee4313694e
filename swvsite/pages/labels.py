"""Fixed words of the site per language: one table, looked up by `label`.

Dutch is the site's own language and the fallback: a word missing in a
language's table is the Dutch word (and `label_lang` says so, so the page can
mark it `lang="nl"`).
"""

from __future__ import annotations

import contextlib
import contextvars
from collections.abc import Iterator

# Every fixed text of the procedure page (swvsite.pages.records.procedure_page).
PROCEDURE: dict[str, str] = {
    "kort": "In het kort",
    "wie_beslist_kort": "Wie beslist",
    "doorlooptijd": "Hoe lang duurt het",
    "kosten": "Wat kost het",
    "termijn": "Let op de termijn",
    "bezwaar_termijn": "Niet eens? Bezwaar maken kan",
    "nodig": "Wat heeft u nodig",
    "overzicht": "De stappen in het kort",
    "stappen": "De stappen",
    "stap": "Stap",
    "wie": "Wie",
    "hoe_lang": "Hoe lang",
    "stap_nodig": "Wat is er nodig?",
    "voor_wie": "Voor wie?",
    "rol_ouders": "Wat is uw rol als ouder?",
    "wie_beslist": "Wie beslist?",
    "geldigheid": "Hoe lang geldt het besluit?",
    "bezwaar": "Niet eens met het besluit?",
    "termijn_bezwaar": "Termijn:",
    "lees_hoe": "Lees hoe dat gaat:",
    "voorzieningen": "Voorzieningen",
    "zie_ook": "Zie ook",
    "vragen": "Veelgestelde vragen",
    "nieuws": "Nieuws",
    "documenten": "Formulieren en documenten",
}

PROCEDURE_EN: dict[str, str] = {
    "kort": "In short",
    "wie_beslist_kort": "Who decides",
    "doorlooptijd": "How long it takes",
    "kosten": "What it costs",
    "termijn": "Mind the deadline",
    "bezwaar_termijn": "Do you disagree? You can object",
    "nodig": "What you need",
    "overzicht": "The steps in short",
    "stappen": "The steps",
    "stap": "Step",
    "wie": "Who",
    "hoe_lang": "How long",
    "stap_nodig": "What is needed?",
    "voor_wie": "Who is it for?",
    "rol_ouders": "What is your role as a parent?",
    "wie_beslist": "Who decides?",
    "geldigheid": "How long is the decision valid?",
    "bezwaar": "Do you disagree with the decision?",
    "termijn_bezwaar": "Deadline:",
    "lees_hoe": "Read how that works:",
    "voorzieningen": "Provisions",
    "zie_ook": "See also",
    "vragen": "Frequently asked questions",
    "nieuws": "News",
    "documenten": "Forms and documents",
}

PROCEDURE_AR: dict[str, str] = {
    "kort": "باختصار",
    "wie_beslist_kort": "من يقرّر",
    "doorlooptijd": "كم يستغرق الأمر",
    "kosten": "التكلفة",
    "termijn": "انتبهوا إلى المهلة",
    "bezwaar_termijn": "لا توافقون؟ يمكنكم الاعتراض",
    "nodig": "ما تحتاجونه",
    "overzicht": "الخطوات باختصار",
    "stappen": "الخطوات",
    "stap": "الخطوة",
    "wie": "من",
    "hoe_lang": "المدة",
    "stap_nodig": "ما المطلوب؟",
    "voor_wie": "لمن؟",
    "rol_ouders": "ما دوركم كوالدين؟",
    "wie_beslist": "من يقرّر؟",
    "geldigheid": "ما مدة صلاحية القرار؟",
    "bezwaar": "لا توافقون على القرار؟",
    "termijn_bezwaar": "المهلة:",
    "lees_hoe": "اقرأوا كيف يتم ذلك:",
    "voorzieningen": "المرافق",
    "zie_ook": "انظر أيضًا",
    "vragen": "أسئلة شائعة",
    "nieuws": "أخبار",
    "documenten": "استمارات ووثائق",
}


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


for _taal, _words in (("nl", PROCEDURE), ("en", PROCEDURE_EN), ("ar", PROCEDURE_AR)):
    LABELS[_taal].update(_words)


def procedure_words() -> dict[str, str]:
    """The procedure page's fixed texts in the language of the page being rendered."""
    return {key: word(key) for key in PROCEDURE}


def dutch_block_attributes() -> str:
    """Attributes for a block that stays Dutch on a translated page (its text has no
    translation yet): `lang="nl" dir="ltr"`, or nothing on a Dutch page."""
    return "" if _PAGE_LANGUAGE.get() == "nl" else ' lang="nl" dir="ltr"'


def dutch_block(body: str) -> str:
    """Markdown that stays Dutch on a translated page (link lists to Dutch pages,
    the Dutch content of a block), marked as a Dutch block there; unchanged on a
    Dutch page."""
    if _PAGE_LANGUAGE.get() == "nl" or not body.strip():
        return body
    return f'<div lang="nl" dir="ltr" markdown="block">\n\n{body}\n\n</div>'


def dutch_link_attributes() -> str:
    """attr_list attributes for a link whose text is Dutch (a Dutch page's title) on a
    translated page; nothing on a Dutch page."""
    return "" if _PAGE_LANGUAGE.get() == "nl" else '{: lang="nl" }'
