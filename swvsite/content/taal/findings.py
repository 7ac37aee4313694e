"""Reporting: the text fields of a record (walking the model), findings per field, page
scores and the summary of a build.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from swvsite.content import model as m
from swvsite.content.taal.sentences import Meting, measure_sentences, words
from swvsite.content.taal.words import B1, Drempels

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


def check_field(veld: Tekstveld, drempels: Drempels = B1) -> list[Bevinding]:
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
    zinnen = measure_sentences(veld.tekst, veld.markdown)
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


def check_record(record: m.Record, drempels: Drempels = B1) -> list[Bevinding]:
    return [b for veld in text_fields(record) for b in check_field(veld, drempels)]


def check_site(site: m.Site, drempels: Drempels = B1) -> list[Bevinding]:
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


# Translations are not Dutch: the B1 measures do not apply to them.
DUTCH_ONLY = ("Taalniveau B1 geldt alleen voor Nederlandse tekst; vertalingen worden niet "
              "gecontroleerd.")


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


def page_score(record: m.Record, drempels: Drempels = B1) -> PaginaScore:
    """The record's prose measured as one text (labels and names left out)."""
    return PaginaScore(record, Meting.som(
        Meting._van(measure_sentences(veld.tekst, veld.markdown), drempels)
        for veld in text_fields(record) if is_prose(veld)))


def page_scores(site: m.Site, drempels: Drempels = B1) -> list[PaginaScore]:
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
            f"{_aantal(self.velden, 'tekstveld', 'tekstvelden')} gecontroleerd (alleen "
            "Nederlandse tekst; vertalingen worden niet op B1 gecontroleerd).",
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


def summary(site: m.Site, drempels: Drempels = B1, lowest: int = 3) -> Samenvatting:
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
