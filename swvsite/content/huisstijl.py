"""The organisation's colours: contrast checks (WCAG AA); the theme's CSS for them is
swvsite.engine.theme.

A palette whose text/background contrast is below AA is a content problem:
it is reported like any other, naming the field, the pair and the ratio.
"""

from __future__ import annotations

import math

from swvsite.content import model as m
from swvsite.content.problems import Problem

WIT = "#ffffff"
AA_TEKST = 4.5
STANDAARD_PRIMAIR = "#1f4e79"
STANDAARD: dict[str, str | None] = {"primair": STANDAARD_PRIMAIR, "tekst_op_primair": WIT,
                                   "accent": None}


def relative_luminance(colour: str) -> float:
    """WCAG 2 relative luminance of a #rrggbb colour."""
    channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(foreground: str, background: str) -> float:
    """WCAG 2 contrast ratio, from 1 to 21."""
    lighter, darker = sorted((relative_luminance(foreground), relative_luminance(background)),
                             reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def kleuren(site: m.Site) -> dict[str, str]:
    """The effective palette: the organisation's colours with defaults filled in."""
    gegeven = site.organisatie["huisstijl"] or {}
    primair: str = gegeven.get("primair") or STANDAARD_PRIMAIR
    return {
        "primair": primair.lower(),
        "tekst_op_primair": (gegeven.get("tekst_op_primair") or WIT).lower(),
        "accent": (gegeven.get("accent") or primair).lower(),
    }


# (foreground key, background key or colour, field to blame, what staff see)
PAREN = (
    ("tekst_op_primair", "primair", "huisstijl.tekst_op_primair",
     "de tekstkleur {fg} op de hoofdkleur {bg} (de kopbalk)"),
    ("primair", WIT, "huisstijl.primair", "de hoofdkleur {fg} op een witte achtergrond (links)"),
    ("accent", WIT, "huisstijl.accent",
     "de accentkleur {fg} op een witte achtergrond (links onder de muis)"),
)


def problems(site: m.Site) -> list[Problem]:
    if not site.organisatie["huisstijl"]:
        return []
    palet = kleuren(site)
    gegeven = site.organisatie["huisstijl"]
    found = []
    for fg_key, bg, field, wat in PAREN:
        if fg_key == "accent" and not gegeven.get("accent"):
            continue  # the accent defaults to the primary colour, checked already
        fg = palet[fg_key]
        bg_colour = palet.get(bg, bg)
        ratio = contrast(fg, bg_colour)
        if ratio < AA_TEKST:
            record = site.organisatie
            line = record.line_of(field) or record.line_of("huisstijl")
            found.append(Problem(
                record.path, line, field,
                f"{wat.format(fg=fg, bg=bg_colour)} heeft een contrast van "
                f"{_komma(ratio)}:1; voor tekst is minstens "
                f"{f'{AA_TEKST:g}'.replace('.', ',')}:1 nodig "
                "(WCAG AA). Kies een kleur met meer verschil."))
    return found


def _komma(ratio: float) -> str:
    """Two decimals, rounded down so that a failing ratio never reads as passing."""
    return f"{math.floor(ratio * 100) / 100:.2f}".replace(".", ",")
