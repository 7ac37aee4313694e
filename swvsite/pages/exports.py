"""The /data/ exports: every record as JSON, one file per record type, and
`index.json` listing them.

Plain Python, no MkDocs. The same content always gives byte-identical files:
model order for fields, id order for records, no build time. Without a
`site_url` the addresses are site-relative paths (`/voorzieningen/<id>/`).
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any, cast

from swvsite import __version__
from swvsite.content import model as m
from swvsite.pages.addresses import BEGRIPPEN_PAGE, CONTACT_PAGE, export_url, file_url
from swvsite.pages.plaintext import plain

DATA_DIR = "data"
EXPORT_VERSION = 1

# File name, record type, records in the file.
_EXPORTS = (
    ("voorzieningen.json", m.VOORZIENING),
    ("scholen.json", m.SCHOOL),
    ("procedures.json", m.PROCEDURE),
    ("vragen.json", m.THEMA),
    ("begrippen.json", m.BEGRIPPEN),
    ("organisatie.json", m.ORGANISATIE),
    ("nieuws.json", m.NIEUWS),
)


class _Encoded(str):
    """A record already written as compact JSON (see `exports`' memo)."""


class _Exporter:
    def __init__(self, site: m.Site, site_url: str | None, memo: dict | None = None):
        self.site = site
        self.site_url = site_url
        self.vraag_pages = {v["id"]: t.page for t, v in site.vragen() if v.get("id")}
        self.memo = memo
        if memo is not None:
            # A record's export shows its own data and, for each reference, whether
            # the record it points to exists (its address): the ids of everything.
            ids = "\x1e".join(sorted(f"{r.type.name}:{r.id}" for r in site.all_records()))
            ids += "\x1e".join(sorted(f"{k}:{v}" for k, v in self.vraag_pages.items()))
            self.context = (site_url, hash(ids))
            self.previous = dict(memo)
            memo.clear()

    def encoded(self, record: m.Record) -> dict | str:
        """A folder record's export; from the memo when neither the record nor the
        ids it can point to changed."""
        if self.memo is None or not record.digest:
            return self.record(record, record.page)
        key = (record.path, record.digest, self.context)
        line = self.previous.get(key)
        if line is None:
            line = _Encoded(_compact(self.record(record, record.page)))
        self.memo[key] = line
        return line

    def url(self, page_path: str, anchor: str | None = None) -> str:
        return export_url(self.site_url, page_path, anchor)

    def ref(self, target: str, value: str) -> dict:
        if target == "vraag":
            url = self.url(self.vraag_pages[value], value) if value in self.vraag_pages else None
        elif target == "swv":
            url = self.url(CONTACT_PAGE)
        else:
            record = self.site.records(target).get(value)
            url = self.url(record.page) if record is not None else None
        return {"id": value, "url": url}

    def value(self, ftype: m.FieldType, value: Any) -> Any:
        if value is None:
            return [] if isinstance(ftype, m.ListOf) else None
        if isinstance(ftype, m.Obj):
            result = {f.name: self.value(f.type, value.get(f.name)) for f in ftype.fields}
            if ftype.name == "vraag" and result.get("id") and result["id"] in self.vraag_pages:
                anchor_url = self.url(self.vraag_pages[result["id"]], result["id"])
                result = {"id": result["id"], "url": anchor_url, **result}
            return result
        if isinstance(ftype, m.ListOf):
            return [self.value(ftype.item, item) for item in value if item is not None]
        if isinstance(ftype, m.Choice):
            return {"waarde": value, "label": ftype.options.get(value)}
        if isinstance(ftype, m.Ref):
            return self.ref(ftype.target, value)
        if isinstance(ftype, m.Date):
            return value.isoformat() if isinstance(value, dt.date) else value
        return value

    def record(self, record: m.Record, page_path: str) -> dict:
        fields = {f.name: self.value(f.type, record.data.get(f.name))
                  for f in record.type.all_fields}
        return {"id": record.id, "url": self.url(page_path), **fields}

    def records(self, rtype: m.RecordType) -> tuple[list[dict | str], dict]:
        """The records of one type, and extra top-level keys for its file."""
        site = self.site
        if rtype is m.ORGANISATIE:
            return [self.record(site.organisatie, CONTACT_PAGE)], {}
        if rtype is m.BEGRIPPEN:
            begrip = cast(m.ListOf, m.BEGRIPPEN.fields[0].type).item  # the Begrip object type
            entries: list[dict | str] = []
            for b in site.begrippen_lijst:
                fields = self.value(begrip, b)
                entries.append({"id": b["id"], "url": self.url(BEGRIPPEN_PAGE, b["id"]),
                                **{k: v for k, v in fields.items() if k != "id"}})
            gecontroleerd = site.begrippen["gecontroleerd_op"]
            return entries, {"gecontroleerd_op": gecontroleerd.isoformat()
                             if gecontroleerd else None}
        records = sorted(site.records(rtype.name).values(), key=lambda r: r.id)
        return [self.encoded(r) for r in records], {}


def _dumps(data: dict) -> str:
    """JSON with every top-level key on a line of its own and every element of a
    list value (every record) on one line: readable and diffable by line, and
    written by json's C encoder (`indent` would make it five times slower)."""
    lines = []
    for key, value in data.items():
        start = f"{_compact(key)}:"
        if isinstance(value, list) and value:
            items = ",\n".join(item if isinstance(item, _Encoded) else _compact(item)
                                for item in value)
            lines.append(f"{start}[\n{items}\n]")
        else:
            lines.append(f"{start}{_compact(value)}")
    return "{\n" + ",\n".join(lines) + "\n}\n"


def _compact(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _last_checked(site: m.Site) -> str | None:
    # Not every record type is reviewed (has gecontroleerd_op).
    dates = [r.data["gecontroleerd_op"] for r in site.all_records()
             if r.data.get("gecontroleerd_op")]
    return max(dates).isoformat() if dates else None


def exports(site: m.Site, site_url: str | None, memo: dict | None = None) -> dict[str, str]:
    """File name (inside /data/) -> JSON text, for every export and `index.json`.
    The same content always gives byte-identical files: model order for fields,
    id order for records, no build time. A `memo` (the preview server's, kept
    between calls) keeps each record's JSON for the next call."""
    exporter = _Exporter(site, site_url, memo)
    files: dict[str, str] = {}
    listing = []
    for name, rtype in _EXPORTS:
        records, extra = exporter.records(rtype)
        soort = "begrip" if rtype is m.BEGRIPPEN else rtype.name
        files[name] = _dumps({
            "schemaversie": EXPORT_VERSION,
            "soort": soort,
            "aantal": len(records),
            **extra,
            "records": records,
        })
        entry = {
            "bestand": name,
            "url": file_url(site_url, f"{DATA_DIR}/{name}"),
            "soort": soort,
            "titel": rtype.title,
            "aantal": len(records),
        }
        if rtype is m.THEMA:
            entry["aantal_vragen"] = len(site.vragen())
        listing.append(entry)
    files["index.json"] = _dumps({
        "schemaversie": EXPORT_VERSION,
        "bron": {
            "generator": f"swvsite {__version__}",
            "organisatie": plain(site.organisatie["naam"]),
            "site": site_url or None,
            "laatst_gecontroleerd_op": _last_checked(site),
        },
        "bestanden": listing,
    })
    return files
