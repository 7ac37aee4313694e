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

from swvsite.content.taal.findings import (
    DUTCH_ONLY,
    NAAM_VELDEN,
    Bevinding,
    PaginaScore,
    Samenvatting,
    Tekstveld,
    check_field,
    check_record,
    check_site,
    is_prose,
    page_score,
    page_scores,
    report,
    summary,
    text_fields,
)
from swvsite.content.taal.sentences import (
    LEEG,
    Meting,
    douma,
    flesch_douma,
    sentences,
    words,
)
from swvsite.content.taal.words import (
    Drempels,
    is_long_word,
    syllables,
)

__all__ = [
    "DUTCH_ONLY",
    "Drempels",
    "syllables",
    "is_long_word",
    "sentences",
    "words",
    "Meting",
    "LEEG",
    "douma",
    "flesch_douma",
    "NAAM_VELDEN",
    "Tekstveld",
    "text_fields",
    "Bevinding",
    "check_field",
    "check_record",
    "check_site",
    "report",
    "PaginaScore",
    "is_prose",
    "page_score",
    "page_scores",
    "Samenvatting",
    "summary",
]
