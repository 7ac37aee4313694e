"""Bar charts as inline SVG: no script, no style attribute, readable without colour.

A chart is an image with a title and a description (role="img", <title>,
<desc>, aria-labelledby); every bar has its label above it and its number
(or "<5", "x") written next to it, so nothing depends on colour. The SVG has
a viewBox and no fixed size: it scales to the width of the page (see
assets/signalen.css). Every text is HTML-escaped here; the numbers are ours.
"""

from __future__ import annotations

from html import escape

from swvsite.pages.signalen.onderdrukking import Cel

BREEDTE = 400  # viewBox units; the stylesheet sets the shown width
RIJ = 46  # height of one bar with its label
STAAF = 18
LABEL_MARGE = 16
GETAL_RUIMTE = 48  # room after the longest bar for its number


def staafgrafiek(id: str, titel: str, beschrijving: str,
                 staven: list[tuple[str, Cel]], drempel: int) -> str:
    """A horizontal bar chart: one bar per (label, cell), labels above the bars."""
    shown = [cel.waarde for _, cel in staven if cel.waarde is not None]
    grootste = max(shown, default=0) or 1
    ruimte = BREEDTE - GETAL_RUIMTE
    hoogte = RIJ * len(staven) + 4
    parts = [
        f'<svg class="swv-grafiek" viewBox="0 0 {BREEDTE} {hoogte}" role="img" '
        f'aria-labelledby="{id}-titel {id}-uitleg" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{id}-titel">{escape(titel)}</title>',
        f'<desc id="{id}-uitleg">{escape(beschrijving)}</desc>',
    ]
    for index, (label, cel) in enumerate(staven):
        top = index * RIJ
        parts.append(f'<text class="swv-grafiek__label" x="0" y="{top + LABEL_MARGE}">'
                     f'{escape(label)}</text>')
        balk_y = top + LABEL_MARGE + 6
        tekst_y = balk_y + STAAF - 4
        if cel.waarde is None:
            # No bar for a hidden number: an outline and the sign, never a length.
            parts.append(f'<rect class="swv-grafiek__leeg" x="0.5" y="{balk_y + 0.5}" '
                         f'width="{STAAF}" height="{STAAF - 1}"/>')
            parts.append(f'<text class="swv-grafiek__getal" x="{STAAF + 8}" y="{tekst_y}">'
                         f'{escape(cel.tekst(drempel))}</text>')
            continue
        lengte = max(2, round(ruimte * cel.waarde / grootste)) if cel.waarde else 0
        if lengte:
            parts.append(f'<rect class="swv-grafiek__staaf" x="0" y="{balk_y}" '
                         f'width="{lengte}" height="{STAAF}"/>')
        parts.append(f'<text class="swv-grafiek__getal" x="{lengte + 6}" y="{tekst_y}">'
                     f'{cel.waarde}</text>')
    parts.append("</svg>")
    return "".join(parts)


def beschrijving(staven: list[tuple[str, Cel]], drempel: int) -> str:
    """The chart in words: every label with its number."""
    return "; ".join(f"{label}: {_in_woorden(cel, drempel)}" for label, cel in staven) + "."


def _in_woorden(cel: Cel, drempel: int) -> str:
    if cel.waarde is not None:
        return str(cel.waarde)
    return f"minder dan {drempel}" if cel.verborgen == "klein" else "niet getoond"
