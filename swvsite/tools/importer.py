"""`swvsite import-scholen`: school records from DUO's open data.

DUO (Dienst Uitvoering Onderwijs) publishes the addresses of every school
location as a semicolon-separated CSV file ("Adressen van alle vestigingen").
This module reads that file, keeps the schools of one samenwerkingsverband (by
gemeente), and for each school

- creates a new record with the identity fields from DUO (naam, brin,
  vestiging, adres, gemeente, denominatie, telefoon, website, niveaus, swv)
  and the profile fields left empty for staff, exactly like `swvsite new
  school`, so the record cannot be published until staff fill it in; or
- updates an existing record, matched by brin + vestiging (never by file
  name), in the identity fields only. The file is edited line by line: only
  the value of a changed field is rewritten, so comments, quoting and the
  order of fields stay as staff left them. An edit that cannot be made safely
  is not made and is reported instead.

Everything staff wrote by hand (the ondersteuningsprofiel) is never touched.
The result is an `ImportReport` whose `text()` tells staff in Dutch what was
created, updated (old -> new), left alone and why, and skipped.
"""

from __future__ import annotations

import copy
import csv
import datetime as dt
import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from swvsite.content import model as m
from swvsite.tools.scaffold import field_lines, render_record, schema_ref, yaml_scalar

# Column names in DUO's files (older files say BRIN NUMMER/VESTIGINGSNUMMER,
# newer ones INSTELLINGSCODE/VESTIGINGSCODE). The first name present is used.
REQUIRED_COLUMNS = {
    "brin": ("BRIN NUMMER", "INSTELLINGSCODE", "BRINNUMMER"),
    "naam": ("VESTIGINGSNAAM", "INSTELLINGSNAAM"),
    "straat": ("STRAATNAAM",),
    "huisnummer": ("HUISNUMMER-TOEVOEGING", "HUISNUMMER"),
    "postcode": ("POSTCODE",),
    "plaats": ("PLAATSNAAM",),
    "gemeente": ("GEMEENTENAAM",),
}
OPTIONAL_COLUMNS = {
    "vestiging": ("VESTIGINGSNUMMER", "VESTIGINGSCODE"),
    "denominatie": ("DENOMINATIE",),
    "telefoon": ("TELEFOONNUMMER",),
    "website": ("INTERNETADRES",),
    "structuur": ("ONDERWIJSSTRUCTUUR", "SOORT PO", "TYPE PO"),
}

#: The fields of a school record that come from DUO; everything else is staff's.
IDENTITY_FIELDS = ("naam", "brin", "vestiging", "swv", "niveaus", "adres", "gemeente",
                   "denominatie", "telefoon", "website")

SECTOR_NAMES = {"po": "primair onderwijs", "vo": "voortgezet onderwijs"}
PO_NIVEAUS = {"basisonderwijs", "sbo", "so"}
VO_NIVEAUS = {"vmbo-bb", "vmbo-kb", "vmbo-gt", "havo", "vwo", "praktijkonderwijs", "vso", "isk"}

MAX_CSV_BYTES = 50_000_000


class ImportFailed(Exception):
    """The import cannot start (unreadable CSV, unknown swv, ...); Dutch message."""


# --------------------------------------------------------------------------
# The report
# --------------------------------------------------------------------------


@dataclass
class Change:
    field: str
    old: str | None
    new: str


@dataclass
class SchoolResult:
    file: str
    naam: str
    brin: str
    vestiging: str
    plaats: str = ""
    changes: list[Change] = field(default_factory=list)

    @property
    def label(self) -> str:
        return f"{self.naam} ({self.brin}, vestiging {self.vestiging})"


@dataclass
class LeftAlone:
    file: str | None
    field: str | None
    reason: str


@dataclass
class Skipped:
    line: int
    label: str
    reason: str


@dataclass
class ImportReport:
    """What an import did (or, with `dry_run`, would do)."""

    source: str
    swv: str | None
    gemeenten: list[str]
    dry_run: bool = False
    rows: int = 0
    created: list[SchoolResult] = field(default_factory=list)
    updated: list[SchoolResult] = field(default_factory=list)
    unchanged: list[SchoolResult] = field(default_factory=list)
    left_alone: list[LeftAlone] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        return 0

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated)

    def text(self) -> str:
        lines = [f"Scholen importeren uit {self.source} (open data van DUO)"]
        if self.dry_run:
            lines.append("Proefdraai: er is niets opgeslagen. Zonder proefdraai gebeurt het "
                         "volgende.")
        where = f"samenwerkingsverband {self.swv}, " if self.swv else ""
        lines.append(f"Alleen scholen in: {where}gemeenten {_join_nl(self.gemeenten)}.")
        lines.append(
            f"{self.rows} {'school' if self.rows == 1 else 'scholen'} in het bestand: "
            f"{len(self.created)} nieuw, {len(self.updated)} bijgewerkt, "
            f"{len(self.unchanged)} al actueel, {len(self.skipped)} overgeslagen.")
        if self.created:
            lines += ["", f"Nieuw ({len(self.created)}):"]
            lines += [f"- {r.file}: {r.label}, {r.plaats}" for r in self.created]
            lines.append("  Vul in elk nieuw bestand de velden met (verplicht) in. Tot dan keurt "
                         "'swvsite check' het bestand af en wordt er niets gepubliceerd.")
        if self.updated:
            lines += ["", f"Bijgewerkt ({len(self.updated)}):"]
            for r in self.updated:
                lines.append(f"- {r.file}: {r.label}")
                lines += [f"    {c.field}: {_shown(c.old)} → {_shown(c.new)}" for c in r.changes]
        if self.unchanged:
            lines += ["", f"Al actueel, niets veranderd ({len(self.unchanged)}):"]
            lines += [f"- {r.file}: {r.label}" for r in self.unchanged]
        if self.left_alone:
            lines += ["", f"Niet overgenomen of niet aangepast ({len(self.left_alone)}):"]
            for item in self.left_alone:
                where = item.file or "?"
                if item.field:
                    where += f", veld '{item.field}'"
                lines.append(f"- {where}: {item.reason}")
        if self.skipped:
            lines += ["", f"Overgeslagen ({len(self.skipped)}):"]
            lines += [f"- regel {s.line}: {s.label}: {s.reason}" for s in self.skipped]
        if not self.changed:
            lines += ["", "Er is niets veranderd."]
        elif not self.dry_run:
            lines += ["", "Controleer het resultaat met: swvsite check"]
        return "\n".join(lines) + "\n"


def _shown(value: str | None) -> str:
    return "(leeg)" if value is None or value == "" else f"'{value}'"


def _join_nl(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " en " + items[-1]


# --------------------------------------------------------------------------
# Entry point
# --------------------------------------------------------------------------


def import_scholen(csv_path: str | Path, content_dir: str | Path, *,
                   gemeenten: list[str] | None = None, swv: str | None = None,
                   dry_run: bool = False, today: dt.date | None = None) -> ImportReport:
    """Create and update school records in `content_dir` from DUO's CSV file.

    Keeps the rows whose gemeente belongs to samenwerkingsverband `swv` (an id
    from organisatie.yml) or to `gemeenten`; at least one of the two is
    needed. With `dry_run` nothing is written. Raises `ImportFailed` with a
    Dutch message when the file or the settings cannot be used."""
    content = Path(content_dir)
    today = today or dt.date.today()
    rows = read_duo_csv(Path(csv_path))
    region = _Region.from_content(content, swv, gemeenten)
    report = ImportReport(source=Path(csv_path).name, swv=region.swv_id,
                          gemeenten=region.gemeenten, dry_run=dry_run, rows=len(rows))
    existing = _ExistingRecords(content, report)
    seen: dict[tuple[str, str], int] = {}
    planned_ids: set[str] = set()

    for row in rows:
        school = _School.from_row(row, region)
        label = school.label
        if school.problem:
            report.skipped.append(Skipped(row.line, label, school.problem))
            continue
        key = (school.brin, school.vestiging)
        matches = existing.by_key.get(key, [])
        if key in seen:
            report.skipped.append(Skipped(row.line, label, f"deze school staat al eerder in het "
                                          f"bestand (regel {seen[key]})"))
            continue
        seen[key] = row.line
        outside = region.why_outside(school)
        if outside:
            if matches and school.gemeente is None:  # moved out of the region?
                outside += (f"; let op: {', '.join(existing.display(p) for p in matches)} heeft "
                            "dezelfde BRIN en vestiging en is niet bijgewerkt")
            report.skipped.append(Skipped(row.line, label, outside))
            continue
        if len(matches) > 1:
            names = " en ".join(existing.display(p) for p in matches)
            report.left_alone.append(LeftAlone(None, None, (
                f"{label}: {names} hebben allebei BRIN {school.brin} en vestiging "
                f"{school.vestiging}; geen van beide is bijgewerkt. Haal een van de twee weg.")))
            continue
        if matches:
            _update(matches[0], school, region, existing, report, dry_run)
        else:
            _create(content, school, existing, planned_ids, report, dry_run, today)
    return report


# --------------------------------------------------------------------------
# Reading DUO's CSV
# --------------------------------------------------------------------------


@dataclass
class DuoRow:
    line: int
    values: dict[str, str]

    def get(self, name: str) -> str:
        return (self.values.get(name) or "").strip()


def read_duo_csv(path: Path) -> list[DuoRow]:
    """The rows of a DUO address file, with DUO's quirks ironed out: UTF-8
    with or without BOM, Windows-1252, UTF-16 from Excel, quoted fields, and
    `;` (or `,` or tab, after a re-save in Excel) between the columns."""
    name = path.name
    if not path.is_file():
        raise ImportFailed(f"het bestand {path} bestaat niet")
    if path.stat().st_size > MAX_CSV_BYTES:
        raise ImportFailed(f"{name} is te groot voor een adressenbestand van DUO")
    raw = path.read_bytes()
    text = _decode(raw, name)
    if not text.strip():
        raise ImportFailed(f"{name} is leeg")
    header_line = text.lstrip("\ufeff").split("\n", 1)[0]
    delimiter = max((";", ",", "\t"), key=header_line.count)
    if not header_line.count(delimiter):
        delimiter = ";"
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        header = next(reader)
    except csv.Error as exc:
        raise ImportFailed(f"{name}, regel 1: de kopregel is onleesbaar ({_csv_message(exc)})") \
            from None
    header = [h.strip().lstrip("\ufeff").strip().upper() for h in header]
    columns = _columns(header, name)
    rows = []
    line = reader.line_num + 1
    try:
        for record in reader:
            start, line = line, reader.line_num + 1
            if not any(cell.strip() for cell in record):
                continue
            if len(record) != len(header):
                raise ImportFailed(
                    f"{name}, regel {start}: deze regel heeft {len(record)} kolommen, maar de "
                    f"kopregel heeft er {len(header)}. Staat er een puntkomma of een "
                    "aanhalingsteken (\") verkeerd? Download het bestand opnieuw bij DUO")
            values = {key: record[index] for key, index in columns.items()}
            rows.append(DuoRow(start, values))
    except csv.Error as exc:
        raise ImportFailed(f"{name}, regel {reader.line_num}: {_csv_message(exc)}") from None
    if not rows:
        raise ImportFailed(f"{name} bevat geen scholen, alleen een kopregel")
    return rows


def _decode(raw: bytes, name: str) -> str:
    if raw.startswith(b"PK\x03\x04"):
        raise ImportFailed(f"{name} is een Excel-bestand; sla het in Excel op als 'CSV "
                           "(gescheiden door lijstscheidingsteken)' of download de CSV bij DUO")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError:
            raise ImportFailed(f"{name} is geen leesbaar tekstbestand") from None
    if b"\x00" in raw:
        raise ImportFailed(f"{name} is geen CSV-bestand (het bevat binaire gegevens)")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:  # DUO's own files are Windows-1252
        return raw.decode("cp1252")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


def _columns(header: list[str], name: str) -> dict[str, int]:
    columns: dict[str, int] = {}
    missing = []
    for key, names in {**REQUIRED_COLUMNS, **OPTIONAL_COLUMNS}.items():
        found = next((header.index(n) for n in names if n in header), None)
        if found is not None:
            columns[key] = found
        elif key in REQUIRED_COLUMNS:
            missing.append(names[0])
    if missing:
        raise ImportFailed(
            f"{name} is geen adressenbestand van DUO: in de kopregel "
            f"{'ontbreekt de kolom' if len(missing) == 1 else 'ontbreken de kolommen'} "
            f"{', '.join(missing)}. Gebruik het bestand 'Adressen van alle vestigingen' van "
            "DUO (puntkomma's tussen de kolommen)")
    return columns


def _csv_message(exc: csv.Error) -> str:
    text = str(exc)
    if "quote" in text or "EOF" in text or "end of data" in text:
        return ("een aanhalingsteken (\") wordt niet goed afgesloten; download het bestand "
                "opnieuw bij DUO")
    return f"dit is geen geldige CSV ({text})"


# --------------------------------------------------------------------------
# The region: which gemeenten, which samenwerkingsverband
# --------------------------------------------------------------------------


def _key(name: str) -> str:
    """Gemeente names compared loosely: 'ALPHEN-CHAAM' == 'Alphen-Chaam'."""
    return re.sub(r"[\s-]+", " ", name.strip().casefold())


@dataclass
class _Region:
    swv_id: str | None
    sector: str | None
    gemeenten: list[str]
    swvs: list[dict]

    @classmethod
    def from_content(cls, content: Path, swv: str | None,
                     gemeenten: list[str] | None) -> _Region:
        swvs = _read_swvs(content)
        names = [g.strip() for g in gemeenten or [] if g and g.strip()]
        if not swv and not names:
            ids = ", ".join(s["id"] for s in swvs) or "geen"
            raise ImportFailed("kies een samenwerkingsverband (--swv, bijvoorbeeld "
                               f"{ids}) of geef de gemeenten op (--gemeenten)")
        if not swv:  # spelled as in organisatie.yml where it lists the gemeente
            known = {_key(g): g for s in swvs for g in s["gemeenten"]}
            return cls(None, None, [known.get(_key(g), g) for g in names], swvs)
        chosen = next((s for s in swvs if s["id"] == swv), None)
        if chosen is None:
            ids = ", ".join(s["id"] for s in swvs) or "geen"
            raise ImportFailed(f"er is geen samenwerkingsverband met id '{swv}' in "
                               f"organisatie.yml; kies uit: {ids}")
        own = {_key(g): g for g in chosen["gemeenten"]}
        if names:
            strange = [g for g in names if _key(g) not in own]
            if strange:
                raise ImportFailed(
                    f"{_join_nl(strange)} {'hoort' if len(strange) == 1 else 'horen'} niet bij "
                    f"samenwerkingsverband {swv}; kies uit: {', '.join(chosen['gemeenten'])}")
            names = [own[_key(g)] for g in names]
        else:
            names = list(chosen["gemeenten"])
        return cls(swv, chosen.get("sector"), names, swvs)

    def spelling(self, gemeente: str) -> str | None:
        """The region's own spelling of a gemeente from DUO, or None if outside."""
        return next((g for g in self.gemeenten if _key(g) == _key(gemeente)), None)

    def why_outside(self, school: _School) -> str | None:
        if school.gemeente is None:
            where = f"samenwerkingsverband {self.swv_id}" if self.swv_id else "de gekozen gemeenten"
            return f"gemeente {school.duo_gemeente or '(leeg)'} hoort niet bij {where}"
        if self.sector and school.sector and school.sector != self.sector:
            return (f"dit is een school voor {SECTOR_NAMES[school.sector]}; "
                    f"samenwerkingsverband {self.swv_id} is voor "
                    f"{SECTOR_NAMES.get(self.sector, self.sector)}")
        return None

    def swv_for(self, school: _School) -> str | None:
        if self.swv_id:
            return self.swv_id
        fits = [s["id"] for s in self.swvs
                if any(_key(g) == _key(school.gemeente or "") for g in s["gemeenten"])
                and (school.sector is None or s.get("sector") == school.sector)]
        return fits[0] if len(fits) == 1 else None


def _read_swvs(content: Path) -> list[dict]:
    path = content / m.ORGANISATIE.file
    if not path.is_file():
        raise ImportFailed(f"{path} bestaat niet; daarin staan de samenwerkingsverbanden "
                           "en hun gemeenten")
    try:
        data = yaml.safe_load(path.read_bytes().decode("utf-8-sig"))
    except (yaml.YAMLError, UnicodeDecodeError):
        raise ImportFailed(f"{path} is niet te lezen; los eerst de fouten op "
                           "(swvsite check)") from None
    swvs = []
    for entry in (data or {}).get("swvs") or [] if isinstance(data, dict) else []:
        if isinstance(entry, dict) and entry.get("id"):
            gemeenten = [str(g) for g in entry.get("gemeenten") or [] if g]
            swvs.append({"id": str(entry["id"]), "sector": entry.get("sector"),
                         "gemeenten": gemeenten})
    return swvs


# --------------------------------------------------------------------------
# One school from DUO, in the model's terms
# --------------------------------------------------------------------------


@dataclass
class _School:
    line: int
    brin: str
    vestiging: str
    naam: str
    straat: str
    postcode: str | None
    plaats: str
    duo_gemeente: str
    gemeente: str | None  # the region's spelling; None when outside the region
    denominatie: str | None
    telefoon: str | None
    website: str | None
    niveaus: list[str] | None
    sector: str | None
    problem: str | None = None  # why the row cannot be used at all
    notes: list[tuple[str, str]] = field(default_factory=list)  # (field, why not taken over)
    swv: str | None = None

    @property
    def label(self) -> str:
        return f"{self.naam or '(zonder naam)'} ({self.brin or '?'}, vestiging " \
               f"{self.vestiging or '?'}), {self.plaats or '?'}"

    @classmethod
    def from_row(cls, row: DuoRow, region: _Region) -> _School:
        notes: list[tuple[str, str]] = []
        brin = row.get("brin").upper()
        vestiging = _vestiging(row.get("vestiging"), brin)
        naam = nice_name(row.get("naam"))
        plaats = nice_name(row.get("plaats"))
        huisnummer = re.sub(r"\s+", " ", row.get("huisnummer"))
        straat = " ".join(p for p in (nice_name(row.get("straat")), huisnummer) if p)
        postcode = _postcode(row.get("postcode"))
        if postcode is None and row.get("postcode"):
            notes.append(("adres.postcode", f"'{row.get('postcode')}' uit DUO is geen geldige "
                          "postcode; niet overgenomen"))
        telefoon = _telefoon(row.get("telefoon"))
        if telefoon is None and row.get("telefoon"):
            notes.append(("telefoon", f"'{row.get('telefoon')}' uit DUO is geen geldig "
                          "telefoonnummer; niet overgenomen"))
        website = _website(row.get("website"))
        if website is None and row.get("website"):
            notes.append(("website", f"'{row.get('website')}' uit DUO is geen geldig webadres; "
                          "niet overgenomen"))
        denominatie = _denominatie(row.get("denominatie")) or None
        structuur = row.values.get("structuur")
        niveaus, sector, why = derive_niveaus(
            None if structuur is None else structuur.strip(), row.get("naam"))
        if why:
            notes.append(("niveaus", why))
        school = cls(row.line, brin, vestiging or "", naam, straat, postcode, plaats,
                     nice_name(row.get("gemeente")), region.spelling(row.get("gemeente")),
                     denominatie, telefoon, website, niveaus, sector, notes=notes)
        if not re.match(m.Brin.regex, brin):
            school.problem = f"'{row.get('brin')}' is geen geldig BRIN-nummer"
        elif vestiging is None:
            school.problem = f"'{row.get('vestiging')}' is geen geldig vestigingsnummer"
        elif not naam:
            school.problem = "de school heeft geen naam"
        if school.problem is None:
            school.swv = region.swv_for(school)
        return school

    def values(self) -> dict[str, Any]:
        """The identity fields as record values; fields DUO has no value for are absent."""
        adres = {"straat": self.straat or None, "postcode": self.postcode,
                 "plaats": self.plaats or None}
        values = {"naam": self.naam, "brin": self.brin, "vestiging": self.vestiging,
                  "swv": self.swv, "niveaus": self.niveaus, "adres": adres,
                  "gemeente": self.gemeente, "denominatie": self.denominatie,
                  "telefoon": self.telefoon, "website": self.website}
        return {k: v for k, v in values.items() if v is not None}


def _vestiging(value: str, brin: str) -> str | None:
    value = value.strip().upper()
    if not value:
        return "00"  # files of hoofdvestigingen have no vestigingsnummer
    if len(value) == 6 and value[:4] == brin:  # VESTIGINGSCODE: BRIN + two digits
        value = value[4:]
    if value.isdigit() and len(value) <= 2:
        return value.zfill(2)
    return None


def _postcode(value: str) -> str | None:
    compact = re.sub(r"\s+", "", value).upper()
    if re.fullmatch(r"[1-9][0-9]{3}[A-Z]{2}", compact):
        return f"{compact[:4]} {compact[4:]}"
    return None


def _telefoon(value: str) -> str | None:
    value = value.strip()
    if not value:
        return None
    digits = re.sub(r"\D", "", value)
    if value.startswith("+31") or value.startswith("0031"):
        digits = "0" + digits[4 if value.startswith("0031") else 2:]
    if not re.match(m.Telefoon.regex, digits):
        return None
    parts = [re.sub(r"\D", "", p) for p in re.split(r"[-/]", value) if re.sub(r"\D", "", p)]
    if len(parts) == 2 and digits.startswith("0") and parts[0].startswith("0"):
        area, rest = parts
        return f"{area} - {_group(rest)}"
    if digits.startswith("06") and len(digits) == 10:
        return f"06 - {digits[2:]}"
    return digits


def _group(number: str) -> str:
    if len(number) == 7:
        return f"{number[:3]} {number[3:5]} {number[5:]}"
    if len(number) == 6:
        return f"{number[:2]} {number[2:4]} {number[4:]}"
    return number


def _website(value: str) -> str | None:
    value = value.strip()
    if not value:
        return None
    if not re.match(r"^[a-z][a-z0-9+.-]*://", value, re.I):
        value = "https://" + value
    match = re.match(r"^([a-z][a-z0-9+.-]*)://([^/?#]*)(.*)$", value, re.I)
    if not match:
        return None
    scheme, host, rest = match.groups()
    url = f"{scheme.lower()}://{host.lower()}{'' if rest == '/' else rest}"
    return url if re.match(m.Url.regex, url) else None


# Upper-case words that stay upper case in a name: school kinds and abbreviations.
KEEP_UPPER = {"OBS", "PCBS", "RKBS", "KBS", "CBS", "IBS", "ICBS", "SBS", "BS", "SBO", "SO",
              "VSO", "ISK", "PRO", "VMBO", "MAVO", "HAVO", "VWO", "LWOO", "ZMLK", "ZMOK",
              "MLK", "IKC", "KC", "PC", "RK", "RKJ", "II", "III", "IV", "VI", "VII", "VIII",
              "IX", "XI", "XII", "CSG", "OSG", "RSG", "SG", "ROC", "AOC"}
SMALL_WORDS = {"van", "der", "den", "en", "op", "aan", "in", "voor", "te", "ter", "ten", "bij",
               "uit", "over", "met", "tot", "onder", "achter", "om", "na", "door"}
ARTICLES = {"de", "het", "'t", "een", "des"}


def nice_name(text: str) -> str:
    """A name from DUO in normal Dutch capitals: 'OBS DE VLIEGER' becomes
    'OBS De Vlieger', 'LAAN VAN DE LINDEN' 'Laan van de Linden'. Names that
    are not all capitals are kept as they are."""
    text = re.sub(r"\s+", " ", text.strip())
    if not text or any(c.islower() for c in text):
        return text
    words = text.split(" ")
    out = []
    for index, word in enumerate(words):
        lower = word.lower()
        previous = out[-1].lower() if out else ""
        if index and lower in SMALL_WORDS:
            out.append(lower)
        elif index and lower in ARTICLES and previous in SMALL_WORDS:
            out.append(lower)
        elif lower in ("'t", "'s") or lower.startswith(("'s-", "'t-")):
            out.append(lower[:3] + _capital_parts(word[3:]) if len(word) > 3 else lower)
        else:
            out.append(_capital_parts(word))
    return " ".join(out)


def _capital_parts(word: str) -> str:
    return "-".join(_capital(part) for part in word.split("-"))


def _capital(part: str) -> str:
    bare = part.strip(".,()'\"")
    if bare.upper() in KEEP_UPPER or re.fullmatch(r"([A-Z]\.)+", part) or any(
            c.isdigit() for c in part):
        return part
    if part.upper().startswith("IJ"):
        return "IJ" + part[2:].lower()
    match = re.match(r"^([^A-Za-zÀ-ÿ]*)(.*)$", part)
    lead, rest = match.groups() if match else ("", part)
    return lead + rest[:1].upper() + rest[1:].lower()


def _denominatie(text: str) -> str:
    """'ALGEMEEN BIJZONDER' -> 'Algemeen bijzonder'; 'ROOMS-KATHOLIEK' -> 'Rooms-Katholiek'."""
    text = re.sub(r"\s+", " ", text.strip())
    if not text or any(c.islower() for c in text):
        return text
    first, *rest = text.split(" ")
    words = [_capital_parts(first)] + [
        w if w.strip(".,()").upper() in KEEP_UPPER else w.lower() for w in rest]
    return " ".join(words)


# ONDERWIJSSTRUCTUUR and similar columns: token -> niveaus.
STRUCTUUR = {
    "BAS": ["basisonderwijs"], "BO": ["basisonderwijs"], "BASISONDERWIJS": ["basisonderwijs"],
    "SBO": ["sbo"], "SO": ["so"], "VSO": ["vso"], "(V)SO": ["so", "vso"],
    "PRO": ["praktijkonderwijs"], "PRAKTIJKONDERWIJS": ["praktijkonderwijs"],
    "VWO": ["vwo"], "GYMNASIUM": ["vwo"], "ATHENEUM": ["vwo"], "HAVO": ["havo"],
    "MAVO": ["vmbo-gt"], "ISK": ["isk"],
}
VMBO_LEERWEGEN = {"B": "vmbo-bb", "BB": "vmbo-bb", "BBL": "vmbo-bb", "K": "vmbo-kb",
                  "KB": "vmbo-kb", "KBL": "vmbo-kb", "G": "vmbo-gt", "T": "vmbo-gt",
                  "GT": "vmbo-gt", "(G)T": "vmbo-gt", "GL": "vmbo-gt", "TL": "vmbo-gt",
                  "GTL": "vmbo-gt"}
NOT_A_LEVEL = {"LWOO", "KOVO", "VAVO"}
VMBO_WITHOUT_LEERWEG = {"VMBO", "VBO"}


def derive_niveaus(structuur: str | None, naam: str
                   ) -> tuple[list[str] | None, str | None, str | None]:
    """(niveaus, sector, why not) from DUO's ONDERWIJSSTRUCTUUR.

    `structuur` is None when the file has no such column: DUO's files for the
    primair onderwijs have none (those for the voortgezet onderwijs do), so
    such a school is a basisschool, or an SBO or SO school by its name.
    `niveaus` is None when they cannot be derived with certainty; `why not`
    then says so in Dutch. `sector` ('po' or 'vo') is known more often."""
    if structuur is None:
        name = naam.upper()
        if re.search(r"\bSBO\b|SPECIAAL BASISONDERWIJS", name):
            return ["sbo"], "po", None
        if re.search(r"\bSO\b|SPECIAAL ONDERWIJS", name):
            return ["so"], "po", None
        return ["basisonderwijs"], "po", None
    text = structuur.strip().upper()
    if not text:
        return None, None, "DUO geeft geen onderwijsstructuur; vul de niveaus zelf in"
    niveaus: list[str] = []
    vague = []
    unknown = []
    for token in (t.strip() for t in re.split(r"[/,+;&]|\bEN\b", text)):
        if not token or token in NOT_A_LEVEL:
            continue
        leerweg = re.sub(r"^(VMBO|VBO|MAVO)[- ]?", "", token) if token not in STRUCTUUR else token
        if token in STRUCTUUR:
            found = STRUCTUUR[token]
        elif leerweg in VMBO_LEERWEGEN:
            found = [VMBO_LEERWEGEN[leerweg]]
        elif token in VMBO_WITHOUT_LEERWEG:
            vague.append(token)
            continue
        else:
            unknown.append(token)
            continue
        niveaus += [n for n in found if n not in niveaus]
    levels = set(niveaus) | ({"vmbo-gt"} if vague else set())
    sector = "po" if levels and levels <= PO_NIVEAUS else (
        "vo" if levels and levels <= VO_NIVEAUS else None)
    if unknown:
        return None, sector, (f"onderwijsstructuur '{structuur.strip()}' uit DUO is onbekend "
                              f"({', '.join(unknown)}); vul de niveaus zelf in")
    if vague:
        return None, sector, (f"onderwijsstructuur '{structuur.strip()}' uit DUO zegt niet welke "
                              "vmbo-leerwegen de school heeft; vul de niveaus zelf in")
    return (niveaus or None), sector, None


# --------------------------------------------------------------------------
# Existing school records
# --------------------------------------------------------------------------


class _ExistingRecords:
    """The school records in content/scholen, indexed by (brin, vestiging)."""

    def __init__(self, content: Path, report: ImportReport):
        self.content = content
        self.folder = content / m.SCHOOL.folder
        self.by_key: dict[tuple[str, str], list[Path]] = {}
        self.ids: set[str] = set()
        if not self.folder.is_dir():
            return
        for path in sorted(self.folder.glob("*.yml")):
            self.ids.add(path.stem)
            try:
                root = yaml.compose(_RecordText.read(path).text, Loader=yaml.SafeLoader)
            except (yaml.YAMLError, UnicodeDecodeError):
                report.left_alone.append(LeftAlone(self.display(path), None, (
                    "dit bestand is geen geldige YAML en is overgeslagen; als het een school "
                    "uit DUO is, is die niet bijgewerkt (swvsite check laat de fout zien)")))
                continue
            old_ids = _child(root, "oude_ids")  # their addresses redirect to this record
            if isinstance(old_ids, yaml.SequenceNode):
                self.ids |= {_scalar(item) for item in old_ids.value if _scalar(item)}
            brin = _scalar(_child(root, "brin"))
            vestiging = _scalar(_child(root, "vestiging"))
            if brin and vestiging:
                key = (brin.strip().upper(), vestiging.strip().zfill(2))
                self.by_key.setdefault(key, []).append(path)

    def display(self, path: Path) -> str:
        try:
            return path.relative_to(self.content.parent).as_posix()
        except ValueError:
            return str(path)


def _child(node: yaml.Node | None, name: str) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode) and key.value == name:
                return value
    return None


def _scalar(node: yaml.Node | None) -> str | None:
    if isinstance(node, yaml.ScalarNode) and node.tag != "tag:yaml.org,2002:null":
        return node.value
    return None


# --------------------------------------------------------------------------
# Creating a record
# --------------------------------------------------------------------------

IMPORT_INTRO = (
    "",
    "Aangemaakt met 'swvsite import-scholen' uit de open data van DUO op {date}.",
    "Bij een volgende import worden naam, brin, vestiging, swv, niveaus, adres,",
    "gemeente, denominatie, telefoon en website bijgewerkt uit DUO. Wat u zelf",
    "schrijft (het ondersteuningsprofiel) blijft altijd staan.",
)


def _create(content: Path, school: _School, existing: _ExistingRecords, planned: set[str],
            report: ImportReport, dry_run: bool, today: dt.date) -> None:
    record_id = school_id(school.naam, school.plaats)
    if record_id in existing.ids or record_id in planned:
        record_id = f"{record_id}-{school.brin.lower()}-{school.vestiging}"
    path = existing.folder / f"{record_id}.yml"
    display = existing.display(path)
    if record_id in existing.ids or record_id in planned or path.exists():
        report.skipped.append(Skipped(school.line, school.label, (
            f"er bestaat al een bestand {display} voor een andere school; maak deze school "
            "met de hand aan (swvsite new school)")))
        return
    planned.add(record_id)
    intro = tuple(line.format(date=today.isoformat()) for line in IMPORT_INTRO)
    text = render_record(m.SCHOOL, record_id, today=today, values=school.values(),
                         schema=schema_ref(content, existing.folder, m.SCHOOL), intro=intro)
    if not dry_run:
        existing.folder.mkdir(parents=True, exist_ok=True)
        with open(path, "x", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
    report.created.append(SchoolResult(display, school.naam, school.brin, school.vestiging,
                                       school.plaats))
    for name, why in school.notes:
        report.left_alone.append(LeftAlone(display, name, why))
    if school.swv is None:
        report.left_alone.append(LeftAlone(display, "swv", (
            "niet duidelijk bij welk samenwerkingsverband deze school hoort; vul dit veld "
            "zelf in")))


def school_id(naam: str, plaats: str) -> str:
    """The id of a new school record: the name and the place, as a slug."""
    name, place = m.slugify(naam), m.slugify(plaats)
    if not place or name == place or name.endswith(f"-{place}"):
        return name
    return f"{name}-{place}"


# --------------------------------------------------------------------------
# Updating a record in place
# --------------------------------------------------------------------------


class _Unsafe(Exception):
    """An edit that cannot be made without risking what staff wrote."""


@dataclass
class _RecordText:
    text: str  # with "\n" line ends
    bom: bool
    newline: str

    @classmethod
    def read(cls, path: Path) -> _RecordText:
        raw = path.read_bytes()
        text = raw.decode("utf-8-sig")
        newline = "\r\n" if "\r\n" in text else "\n"
        return cls(text.replace("\r\n", "\n"), raw.startswith(b"\xef\xbb\xbf"), newline)

    def encoded(self) -> bytes:
        data = self.text.replace("\n", self.newline).encode("utf-8")
        return (b"\xef\xbb\xbf" if self.bom else b"") + data


def _update(path: Path, school: _School, region: _Region, existing: _ExistingRecords,
            report: ImportReport, dry_run: bool) -> None:
    display = existing.display(path)
    record = _RecordText.read(path)
    wanted = school.values()
    current_swv = _scalar(_child(yaml.compose(record.text, Loader=yaml.SafeLoader), "swv"))
    if current_swv and region.swv_id and current_swv.strip() != region.swv_id:
        report.left_alone.append(LeftAlone(display, None, (
            f"{school.label}: dit bestand hoort bij samenwerkingsverband {current_swv.strip()}, "
            f"deze import is voor {region.swv_id}; niet bijgewerkt")))
        return
    if current_swv:
        wanted.pop("swv", None)  # the import never moves a school to another swv
    result = SchoolResult(display, school.naam, school.brin, school.vestiging, school.plaats)
    text = record.text
    for name in IDENTITY_FIELDS:
        if name not in wanted:
            continue
        f = next(f for f in m.SCHOOL.fields if f.name == name)
        if not isinstance(f.type, m.Obj):
            text = _apply(text, (name,), wanted[name], result, report, display)
            continue
        group = _child(yaml.compose(text, Loader=yaml.SafeLoader), name)
        if not isinstance(group, yaml.MappingNode):
            text = _apply_group(text, name, wanted[name], result, report, display)
            continue
        for sub in f.type.fields:
            if wanted[name].get(sub.name) is not None:
                text = _apply(text, (name, sub.name), wanted[name][sub.name], result, report,
                              display)
    for name, why in school.notes:
        report.left_alone.append(LeftAlone(display, name, why))
    if not result.changes:
        report.unchanged.append(result)
        return
    report.updated.append(result)
    if not dry_run:
        record.text = text
        path.write_bytes(record.encoded())


def _apply(text: str, path: tuple[str, ...], value: Any, result: SchoolResult,
           report: ImportReport, display: str) -> str:
    """Bring one identity field in `text` to DUO's value, or report why not."""
    label = ".".join(path)
    root = yaml.compose(text, Loader=yaml.SafeLoader)
    parent = root if len(path) == 1 else _child(root, path[0])
    node = _child(parent, path[-1])
    current = _current(node)
    if current is not None and _same(path[-1], current, value):
        return text
    try:
        if isinstance(value, list):
            new_text = _set_list(text, root, parent, path[-1], node, value)
        else:
            new_text = _set_scalar(text, root, parent, path[-1], node, value)
        _verify(text, new_text, path, value)
    except _Unsafe as exc:
        report.left_alone.append(LeftAlone(display, label, (
            f"niet aangepast: {exc}. Volgens DUO: {_describe(value)}")))
        return text
    result.changes.append(Change(label, _describe(current) if current else None,
                                 _describe(value)))
    return new_text


def _apply_group(text: str, name: str, value: dict, result: SchoolResult,
                 report: ImportReport, display: str) -> str:
    """A group field (adres) that is missing or empty, written out in full."""
    try:
        new_text = _insert_or_fill(text, yaml.compose(text, Loader=yaml.SafeLoader), name,
                                   value)
        _verify(text, new_text, (name,), value)
    except _Unsafe as exc:
        report.left_alone.append(LeftAlone(display, name, (
            f"niet aangepast: {exc}. Volgens DUO: {_describe(value)}")))
        return text
    result.changes.append(Change(name, None, _describe(value)))
    return new_text


def _current(node: yaml.Node | None) -> Any:
    if node is None:
        return None
    if isinstance(node, yaml.SequenceNode):
        return [item.value if isinstance(item, yaml.ScalarNode) else None for item in node.value]
    if isinstance(node, yaml.ScalarNode):
        return _scalar(node)
    return {}


def _describe(value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if isinstance(value, dict):
        return ", ".join(str(v) for v in value.values() if v)
    return str(value)


def _same(name: str, current: Any, wanted: Any) -> bool:
    """Whether the record already says what DUO says, ignoring mere notation."""
    if isinstance(wanted, list):  # staff may know more levels than DUO shows; keep those
        return isinstance(current, list) and set(map(str, current)) >= set(wanted)
    if not isinstance(current, str):
        return False
    if name == "telefoon":
        return _digits(current) == _digits(wanted)
    if name == "postcode":
        return re.sub(r"\s", "", current).upper() == re.sub(r"\s", "", wanted).upper()
    if name == "website":
        return _bare_url(current) == _bare_url(wanted)
    if name == "vestiging":
        return current.strip().zfill(2) == wanted
    if name in ("brin", "swv"):
        return current.strip().upper() == wanted.upper()
    return re.sub(r"\s+", " ", current).strip().casefold() == wanted.casefold()


def _digits(phone: str) -> str:
    digits = re.sub(r"\D", "", phone)
    return "0" + digits[2:] if phone.strip().startswith("+31") else digits


def _bare_url(url: str) -> str:
    return re.sub(r"^[a-z][a-z0-9+.-]*://", "", url.strip().lower()).rstrip("/")


def _set_scalar(text: str, root: yaml.Node, parent: yaml.Node | None, name: str,
                node: yaml.Node | None, value: str) -> str:
    if not isinstance(parent, yaml.MappingNode):
        raise _Unsafe("de groep velden eromheen ontbreekt")
    if node is None:
        return _insert_field(text, root, parent, name, value)
    if not isinstance(node, yaml.ScalarNode):
        raise _Unsafe("hier staat een lijst of groep velden in plaats van één waarde")
    if node.style not in (None, "'", '"') or node.start_mark.line != node.end_mark.line:
        raise _Unsafe("de waarde staat over meerdere regels")
    flow = bool(parent.flow_style)
    start, end = node.start_mark.index, node.end_mark.index
    if start == end:  # an empty value: `telefoon:`
        return text[:start] + " " + yaml_scalar(value, flow=flow) + text[end:]
    style = node.style if node.style in ("'", '"') else None
    return text[:start] + yaml_scalar(value, flow=flow, style=style) + text[end:]


def _set_list(text: str, root: yaml.Node, parent: yaml.Node | None, name: str,
              node: yaml.Node | None, items: list[str]) -> str:
    if not isinstance(parent, yaml.MappingNode):
        raise _Unsafe("de groep velden eromheen ontbreekt")
    if node is None:
        return _insert_field(text, root, parent, name, items)
    lines = text.split("\n")
    if isinstance(node, yaml.ScalarNode) and _scalar(node) is None and not parent.flow_style:
        if node.start_mark.index != node.end_mark.index:
            raise _Unsafe("hier staat geen lijst")
        key_line = node.start_mark.line
        key_col = _key_column(parent, name)
        after = key_line + 1
        while after < len(lines) and re.fullmatch(r"\s+# -\s*", lines[after]):
            after += 1  # the template's placeholder item
        new = [" " * (key_col + 2) + f"- {yaml_scalar(i)}" for i in items]
        return "\n".join(lines[:key_line + 1] + new + lines[after:])
    if not isinstance(node, yaml.SequenceNode):
        raise _Unsafe("hier staat geen lijst")
    if not all(isinstance(i, yaml.ScalarNode) and i.start_mark.line == i.end_mark.line
               for i in node.value):
        raise _Unsafe("de lijst bevat iets anders dan losse waarden")
    if node.flow_style:
        if node.start_mark.line != node.end_mark.line:
            raise _Unsafe("de lijst staat over meerdere regels")
        flow = "[" + ", ".join(yaml_scalar(i, flow=True) for i in items) + "]"
        return text[:node.start_mark.index] + flow + text[node.end_mark.index:]
    first = node.value[0].start_mark.line
    last = node.value[-1].end_mark.line
    block = lines[first:last + 1]
    if len(block) != len(node.value) or not all(
            re.fullmatch(r"\s*- [^#]*", line) for line in block):
        raise _Unsafe("er staat commentaar of een lege regel in de lijst")
    dash = block[0].index("-")
    new = [" " * dash + f"- {yaml_scalar(i)}" for i in items]
    return "\n".join(lines[:first] + new + lines[last + 1:])


def _insert_or_fill(text: str, root: yaml.Node, name: str, value: dict) -> str:
    """A missing or empty group field (such as `adres`) written out in full."""
    node = _child(root, name)
    if node is None:
        return _insert_field(text, root, root, name, value)
    if node.start_mark.index != node.end_mark.index:
        raise _Unsafe(f"'{name}' is hier geen groep velden")
    f = _model_field(root, root, name)
    lines = text.split("\n")
    key_line = node.start_mark.line
    body = field_lines(f, _key_column(root, name), value, active=True, comments=False)[1:]
    return "\n".join(lines[:key_line + 1] + body + lines[key_line + 1:])


def _insert_field(text: str, root: yaml.Node, parent: yaml.MappingNode, name: str,
                  value: Any) -> str:
    """Insert `name: value` into a block mapping, next to its neighbours in model order."""
    if parent.flow_style:
        raise _Unsafe("het veld ontbreekt en de groep staat op één regel")
    if not parent.value:
        raise _Unsafe("het veld ontbreekt")
    f = _model_field(root, parent, name)
    column = parent.value[0][0].start_mark.column
    order = [x.name for x in _model_fields(root, parent)]
    present = {k.value: (k, v) for k, v in parent.value if isinstance(k, yaml.ScalarNode)}
    lines = text.split("\n")
    position = order.index(name)
    at = None
    before = [n for n in order[:position] if n in present]
    after = [n for n in order[position + 1:] if n in present]
    if before:
        key, value_node = present[before[-1]]
        if isinstance(value_node, yaml.ScalarNode) and (
                value_node.start_mark.line == value_node.end_mark.line == key.start_mark.line):
            at = key.start_mark.line + 1
    if at is None and after:
        key, _ = present[after[0]]
        at = key.start_mark.line
        while at > 0 and lines[at - 1].startswith(" " * column + "#"):
            at -= 1  # keep a comment above the next field with that field
    if at is None and parent is root:
        at = len(lines) - 1 if lines and lines[-1] == "" else len(lines)
    if at is None:
        raise _Unsafe("het veld ontbreekt en er is geen plek om het veilig toe te voegen")
    new = field_lines(f, column, value, active=True, comments=False)
    return "\n".join(lines[:at] + new + lines[at:])


def _model_fields(root: yaml.Node, parent: yaml.Node) -> tuple[m.Field, ...]:
    if parent is root:
        return m.SCHOOL.all_fields
    for f in m.SCHOOL.fields:
        if isinstance(f.type, m.Obj) and _child(root, f.name) is parent:
            return f.type.fields
    raise _Unsafe("onbekende groep velden")


def _model_field(root: yaml.Node, parent: yaml.Node, name: str) -> m.Field:
    return next(f for f in _model_fields(root, parent) if f.name == name)


def _key_column(parent: yaml.MappingNode, name: str) -> int:
    for key, _ in parent.value:
        if isinstance(key, yaml.ScalarNode) and key.value == name:
            return key.start_mark.column
    return 0


def _verify(old_text: str, new_text: str, path: tuple[str, ...], value: Any) -> None:
    """The edited file must read as the old file with exactly one field changed."""
    try:
        old = yaml.safe_load(old_text)
        new = yaml.safe_load(new_text)
    except yaml.YAMLError:
        raise _Unsafe("de aanpassing zou de YAML onleesbaar maken") from None
    expected = copy.deepcopy(old)
    target = expected
    for name in path[:-1]:
        if not isinstance(target.get(name), dict):
            target[name] = {}
        target = target[name]
    target[path[-1]] = value
    if new != expected:
        raise _Unsafe("de aanpassing zou ook iets anders in het bestand veranderen")
