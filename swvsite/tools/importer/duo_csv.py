"""Reading DUO's address file ("Adressen van alle vestigingen"): a CSV file
with DUO's quirks (encodings, delimiters, column names that changed)."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from swvsite.tools.importer.report import ImportFailed

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

MAX_CSV_BYTES = 50_000_000

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
    text = _decode_csv(raw, name)
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


def _decode_csv(raw: bytes, name: str) -> str:
    """DUO's CSV as text. Not the content loader's `decode`: DUO's own files are
    Windows-1252, and Excel saves UTF-16; both are accepted here."""
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

