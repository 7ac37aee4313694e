"""One school from a row of DUO's file, in the model's terms: names in
normal Dutch capitals, postcode, telefoon and website in the model's notation,
niveaus from DUO's onderwijsstructuur."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from swvsite.content import model as m
from swvsite.tools.importer.duo_csv import DuoRow

if TYPE_CHECKING:
    from swvsite.tools.importer.region import Region

#: The fields of a school record that come from DUO; everything else is staff's.
IDENTITY_FIELDS = ("naam", "brin", "vestiging", "swv", "niveaus", "adres", "gemeente",
                   "denominatie", "telefoon", "website")

PO_NIVEAUS = {"basisonderwijs", "sbo", "so"}
VO_NIVEAUS = {"vmbo-bb", "vmbo-kb", "vmbo-gt", "havo", "vwo", "praktijkonderwijs", "vso", "isk"}

@dataclass
class School:
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
    def from_row(cls, row: DuoRow, region: Region) -> School:
        notes: list[tuple[str, str]] = []
        brin = row.get("brin").upper()
        vestiging = as_vestiging(row.get("vestiging"), brin)
        naam = nice_name(row.get("naam"))
        plaats = nice_name(row.get("plaats"))
        huisnummer = re.sub(r"\s+", " ", row.get("huisnummer"))
        straat = " ".join(p for p in (nice_name(row.get("straat")), huisnummer) if p)
        postcode = as_postcode(row.get("postcode"))
        if postcode is None and row.get("postcode"):
            notes.append(("adres.postcode", f"'{row.get('postcode')}' uit DUO is geen geldige "
                          "postcode; niet overgenomen"))
        telefoon = as_telefoon(row.get("telefoon"))
        if telefoon is None and row.get("telefoon"):
            notes.append(("telefoon", f"'{row.get('telefoon')}' uit DUO is geen geldig "
                          "telefoonnummer; niet overgenomen"))
        website = as_website(row.get("website"))
        if website is None and row.get("website"):
            notes.append(("website", f"'{row.get('website')}' uit DUO is geen geldig webadres; "
                          "niet overgenomen"))
        denominatie = as_denominatie(row.get("denominatie")) or None
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


def as_vestiging(value: str, brin: str) -> str | None:
    value = value.strip().upper()
    if not value:
        return "00"  # files of hoofdvestigingen have no vestigingsnummer
    if len(value) == 6 and value[:4] == brin:  # VESTIGINGSCODE: BRIN + two digits
        value = value[4:]
    if value.isdigit() and len(value) <= 2:
        return value.zfill(2)
    return None


def as_postcode(value: str) -> str | None:
    compact = re.sub(r"\s+", "", value).upper()
    if re.fullmatch(r"[1-9][0-9]{3}[A-Z]{2}", compact):
        return f"{compact[:4]} {compact[4:]}"
    return None


def as_telefoon(value: str) -> str | None:
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


def as_website(value: str) -> str | None:
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
    out: list[str] = []
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


def as_denominatie(text: str) -> str:
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
