"""Translations of records and hand-written pages, declared next to the record types.

A translation of the record `content/<folder>/<id>.yml` is the file
`content/vertalingen/<taal>/<folder>/<id>.yml`; of a single file such as
`content/organisatie.yml` it is `content/vertalingen/<taal>/organisatie.yml`.
It holds only the text fields (Text, Markdown) of the Dutch record, under the
same keys: lists of the same length, except lists of groups with an `id`
(the vragen of a thema), which hold the translated entries only, matched by
id. Everything else (dates, links, numbers) comes from the Dutch record.

Every translation carries `vertaald_van`, the stamp of the Dutch text it was
made from (`stamp`), and `vertaald_door`, shown on the page. A translation
whose stamp is missing or differs from the Dutch text's current stamp is
reported by `swvsite check` as a notice, never as an error: a stale
translation never blocks a publish.

Hand-written pages: `docs/<taal>/<path of the Dutch page>` with front matter
`vertaling_van: <Dutch page path>` and the same two stamps.

The languages are `DEFAULT_TALEN`, or the list in
`content/vertalingen/talen.yml` (one line per language:
`- {code: ti, naam: ትግርኛ, richting: ltr}`).
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from swvsite.content import yamltree
from swvsite.content.fields import Field, ListOf, Markdown, Obj, RecordType, Text
from swvsite.content.problems import Problem
from swvsite.content.records import RECORD_TYPES
from swvsite.content.yamlnodes import Mapping, Node, Scalar, Sequence

FOLDER = "vertalingen"
TALEN_FILE = "talen.yml"
STAMP_FIELDS = ("vertaald_van", "vertaald_door")
MAX_FILE_BYTES = 1_000_000


@dataclass(frozen=True)
class Taal:
    """A language the site can be translated into: its code (BCP 47), its name in
    itself, and its writing direction ('ltr' or 'rtl')."""

    code: str
    naam: str
    richting: str = "ltr"


DEFAULT_TALEN: tuple[Taal, ...] = (
    Taal("en", "English"),
    Taal("ar", "العربية", "rtl"),
    Taal("tr", "Türkçe"),
    Taal("pl", "Polski"),
    Taal("uk", "Українська"),
)
DUTCH = Taal("nl", "Nederlands")


@dataclass
class Vertaling:
    """One translation of a Dutch record (or of a hand-written page)."""

    taal: str
    kind: str          # record type name ('procedure', 'organisatie'), or 'pagina'
    source_id: str     # the record's id, or the Dutch page's path ('ouders.md')
    path: str          # the translation's file, as staff know it
    data: dict[str, Any]
    lines: dict[str, int] = field(default_factory=dict)
    source_stamp: str = ""  # the stamp of the Dutch text as it is now
    file: Path | None = None  # where it is on disk

    @property
    def vertaald_van(self) -> str:
        return str(self.data.get("vertaald_van") or "")

    @property
    def vertaald_door(self) -> str:
        return str(self.data.get("vertaald_door") or "")

    @property
    def stamped(self) -> bool:
        return bool(self.vertaald_van)

    @property
    def current(self) -> bool:
        """Whether the Dutch text is still the one this was translated from."""
        return self.vertaald_van == self.source_stamp


@dataclass
class Vertalingen:
    """The site's languages and every translation, per language."""

    talen: tuple[Taal, ...] = DEFAULT_TALEN
    records: dict[str, dict[tuple[str, str], Vertaling]] = field(default_factory=dict)

    def of(self, taal: str, kind: str, source_id: str) -> Vertaling | None:
        return self.records.get(taal, {}).get((kind, source_id))

    def all(self) -> list[Vertaling]:
        return [v for per in self.records.values() for v in per.values()]

    def taal(self, code: str) -> Taal | None:
        return next((t for t in self.talen if t.code == code), None)


# --------------------------------------------------------------------------
# Stamps
# --------------------------------------------------------------------------


def text_stamp(text: str) -> str:
    """A short stamp of a text: equal for equal text (spacing aside)."""
    normal = re.sub(r"\s+", " ", text).strip()
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()[:10]


def record_stamp(rtype: RecordType, data: dict[str, Any]) -> str:
    """The stamp of a Dutch record's translatable text (its Text and Markdown fields)."""
    return text_stamp(json.dumps(translatable(rtype.all_fields, data), ensure_ascii=False,
                                 sort_keys=True))


def translatable(fields: tuple[Field, ...], data: dict[str, Any]) -> dict[str, Any]:
    """Only the text of `data`: what a translation may hold, in the same shape."""
    found: dict[str, Any] = {}
    for f in fields:
        value = data.get(f.name)
        if value is None or not is_text(f.type):
            continue
        found[f.name] = _text_of(f.type, value)
    return found


def _text_of(ftype: Any, value: Any) -> Any:
    if isinstance(ftype, ListOf):
        return [_text_of(ftype.item, item) for item in value or []]
    if isinstance(ftype, Obj):
        inner = translatable(ftype.fields, value or {})
        if _matched_by_id(ftype) and isinstance(value, dict):
            inner["id"] = value.get("id")
        return inner
    return value


def is_text(ftype: Any) -> bool:
    """Whether a field of this type holds text to translate (or groups with text)."""
    if isinstance(ftype, (Text, Markdown)):
        return True
    if isinstance(ftype, ListOf):
        return is_text(ftype.item)
    if isinstance(ftype, Obj):
        return any(is_text(f.type) for f in ftype.fields)
    return False


def _matched_by_id(ftype: Obj) -> bool:
    return any(f.name == "id" for f in ftype.fields)


def page_body(text: str) -> str:
    """A hand-written page without its front matter."""
    match = re.match(r"\A---\s*\n.*?\n---\s*\n", text, re.S)
    return text[match.end():] if match else text


def front_matter(text: str) -> dict[str, str]:
    """The simple `key: value` lines of a page's front matter."""
    match = re.match(r"\A---\s*\n(.*?)\n---\s*\n", text, re.S)
    found: dict[str, str] = {}
    for line in (match.group(1).splitlines() if match else []):
        key, sep, value = line.partition(":")
        if sep and re.fullmatch(r"[a-z_]+", key.strip()):
            found[key.strip()] = value.strip().strip("'\"")
    return found


# --------------------------------------------------------------------------
# Loading
# --------------------------------------------------------------------------


def load_talen(content_dir: Path) -> tuple[tuple[Taal, ...], list[Problem]]:
    """The configured languages (content/vertalingen/talen.yml), or the defaults."""
    path = content_dir / FOLDER / TALEN_FILE
    display = f"{content_dir.name}/{FOLDER}/{TALEN_FILE}"
    if not path.is_file():
        return DEFAULT_TALEN, []
    node = _compose_file(path, display)
    if isinstance(node, Problem):
        return DEFAULT_TALEN, [node]
    if not isinstance(node, Sequence):
        return DEFAULT_TALEN, [Problem(display, 1, None, (
            "schrijf de talen als een lijst, één regel per taal: "
            "- {code: en, naam: English, richting: ltr}"))]
    talen, problems = [], []
    for index, item in enumerate(node.items, start=1):
        data, _ = _plain(item, "")
        where = f"[{index}]"
        code = str(data.get("code") or "") if isinstance(data, dict) else ""
        if not re.fullmatch(r"[a-z]{2,3}(-[A-Za-z0-9]{2,8})*", code) or code == "nl":
            problems.append(Problem(display, item.line, where, (
                "elke taal heeft een code zoals en, ar of ti (niet nl: Nederlands is de "
                "taal van de site zelf)")))
            continue
        richting = str(data.get("richting") or "ltr")
        if richting not in ("ltr", "rtl"):
            problems.append(Problem(display, item.line, f"{where}.richting", (
                "richting is ltr (links naar rechts) of rtl (rechts naar links)")))
            continue
        talen.append(Taal(code, str(data.get("naam") or code), richting))
    return tuple(talen), problems


def load(content_dir: Path, records: dict[str, dict[str, Any]],
         failed: dict[str, set[str]] | None = None) -> tuple[Vertalingen, list[Problem]]:
    """Every translation in content/vertalingen/, checked against the Dutch records.

    `records` maps a record type name to its records (id -> Record); a type with
    a single file (organisatie) maps its name to {name: Record}. Translations of
    records in files with problems of their own (`failed`) are left out."""
    talen, problems = load_talen(content_dir)
    result = Vertalingen(talen=talen)
    root = content_dir / FOLDER
    if not root.is_dir():
        return result, problems
    codes = {t.code for t in talen}
    for folder in sorted(root.iterdir()):
        if folder.name.startswith(".") or folder.name == TALEN_FILE:
            continue
        display = f"{content_dir.name}/{FOLDER}/{folder.name}"
        if not folder.is_dir():
            problems.append(Problem(display, 1, None, (
                f"dit bestand wordt niet gelezen; een vertaling hoort in "
                f"{FOLDER}/<taal>/<map>/<id>.yml")))
            continue
        if folder.name not in codes:
            problems.append(Problem(display, 1, None, _unknown_taal(folder.name, talen)))
            continue
        per, found = _load_language(content_dir, folder, records, failed or {})
        result.records[folder.name] = per
        problems += found
    return result, problems


def _unknown_taal(code: str, talen: tuple[Taal, ...]) -> str:
    return (f"'{code}' is geen taal van deze site; de talen zijn: "
            f"{', '.join(t.code for t in talen)} (voeg een taal toe in "
            f"{FOLDER}/{TALEN_FILE})")


def _load_language(content_dir: Path, folder: Path, records: dict[str, dict[str, Any]],
                   failed: dict[str, set[str]]
                   ) -> tuple[dict[tuple[str, str], Vertaling], list[Problem]]:
    per: dict[tuple[str, str], Vertaling] = {}
    problems: list[Problem] = []
    by_folder = {t.folder: t for t in RECORD_TYPES.values() if t.folder}
    by_file = {t.file: t for t in RECORD_TYPES.values() if t.file}
    for path in sorted(folder.rglob("*")):
        if path.is_dir() or any(p.startswith(".") for p in path.relative_to(folder).parts):
            continue
        relative = path.relative_to(folder)
        display = f"{content_dir.name}/{FOLDER}/{folder.name}/{relative.as_posix()}"
        parts = relative.parts
        rtype, source_id = None, ""
        if len(parts) == 1 and parts[0] in by_file:
            rtype, source_id = by_file[parts[0]], by_file[parts[0]].name
        elif len(parts) == 2 and parts[0] in by_folder and path.suffix == ".yml":
            rtype, source_id = by_folder[parts[0]], path.stem
        if rtype is None:
            problems.append(Problem(display, 1, None, (
                "dit bestand wordt niet gelezen: een vertaling heeft dezelfde naam als het "
                "Nederlandse bestand, zoals procedures/tlv-aanvragen.yml of organisatie.yml")))
            continue
        if source_id in failed.get(rtype.name, set()):
            continue
        source = records.get(rtype.name, {}).get(source_id)
        if source is None:
            dutch = f"{rtype.folder}/{source_id}.yml" if rtype.folder else str(rtype.file)
            problems.append(Problem(display, 1, None, (
                f"er is geen Nederlands bestand {dutch}; een vertaling hoort bij een bestaand "
                "Nederlands bestand, met dezelfde naam")))
            continue
        vertaling, found = read_translation(rtype, source, path, display, folder.name)
        problems += found
        if vertaling is not None:
            per[(rtype.name, source_id)] = vertaling
    return per, problems


def read_translation(rtype: RecordType, source: Any, path: Path, display: str,
                     taal: str) -> tuple[Vertaling | None, list[Problem]]:
    """One translation file, checked against its Dutch record."""
    node = _compose_file(path, display)
    if isinstance(node, Problem):
        return None, [node]
    if not isinstance(node, Mapping):
        return None, [Problem(display, 1, None, (
            "een vertaling bestaat uit velden met hun vertaalde tekst, zoals titel: ..."))]
    data, lines = _plain(node, "")
    problems = _compare(rtype.all_fields, source.data, node, "", display)
    for name in STAMP_FIELDS:
        value = data.get(name)
        if value is not None and not isinstance(value, str):
            problems.append(Problem(display, lines.get(name), name, (
                f"{name} is een tekst; zet de waarde tussen aanhalingstekens")))
    vertaling = Vertaling(taal, rtype.name, source.id, display, data, lines,
                          record_stamp(rtype, source.data), path)
    return (None if problems else vertaling), problems


def _compare(fields: tuple[Field, ...], dutch: dict[str, Any], node: Mapping, prefix: str,
             display: str, top: bool = True) -> list[Problem]:
    """Problems of a translated group: keys the Dutch group has no text for,
    lists of another length, entries matched by id that do not exist."""
    by_name = {f.name: f for f in fields}
    problems: list[Problem] = []
    for key_node, value in node.pairs:
        key = str(getattr(key_node, "value", ""))
        where = f"{prefix}{key}"
        if top and key in STAMP_FIELDS:
            continue
        known = by_name.get(key)
        if known is None:
            problems.append(Problem(display, key_node.line, where, (
                f"het Nederlandse bestand heeft geen veld '{key}'; een vertaling heeft "
                "dezelfde velden als het Nederlandse bestand")))
            continue
        if key == "id" and not top:
            continue
        if not is_text(known.type):
            problems.append(Problem(display, key_node.line, where, (
                f"'{key}' wordt niet vertaald: het komt altijd uit het Nederlandse bestand; "
                "haal het weg uit de vertaling")))
            continue
        problems += _compare_value(known.type, dutch.get(key), value, where, display)
    return problems


def _compare_value(ftype: Any, dutch: Any, node: Node, where: str,
                   display: str) -> list[Problem]:
    if isinstance(ftype, (Text, Markdown)):
        if not isinstance(node, Scalar) or node.tag != "tag:yaml.org,2002:str":
            return [Problem(display, node.line, where, (
                "hier hoort een vertaalde tekst; zet hem tussen aanhalingstekens als hij "
                "een getal, ja/nee of een datum lijkt"))]
        return []
    if isinstance(ftype, Obj):
        if not isinstance(node, Mapping):
            return [Problem(display, node.line, where, "hier horen de velden van een groep")]
        return _compare(ftype.fields, dutch or {}, node, f"{where}.", display, top=False)
    assert isinstance(ftype, ListOf)
    items = dutch or []
    if not isinstance(node, Sequence):
        return [Problem(display, node.line, where, "hier hoort een lijst, zoals in het "
                                                   "Nederlandse bestand")]
    if isinstance(ftype.item, Obj) and _matched_by_id(ftype.item):
        return _compare_by_id(ftype.item, items, node, where, display)
    if len(node.items) != len(items):
        return [Problem(display, node.line, where, (
            f"de Nederlandse lijst heeft {len(items)} "
            f"{'onderdeel' if len(items) == 1 else 'onderdelen'}, de vertaling "
            f"{len(node.items)}; vertaal elk onderdeel, in dezelfde volgorde"))]
    problems = []
    for index, (item, original) in enumerate(zip(node.items, items, strict=True), start=1):
        problems += _compare_value(ftype.item, original, item, f"{where}[{index}]", display)
    return problems


def _compare_by_id(item_type: Obj, items: list, node: Sequence, where: str,
                   display: str) -> list[Problem]:
    by_id = {i.get("id"): i for i in items if isinstance(i, dict)}
    problems = []
    for index, item in enumerate(node.items, start=1):
        here = f"{where}[{index}]"
        data, _ = _plain(item, "")
        item_id = data.get("id") if isinstance(data, dict) else None
        if item_id not in by_id:
            problems.append(Problem(display, item.line, f"{here}.id", (
                f"er is geen Nederlandse vraag met id '{item_id}'; schrijf bij elke vertaalde "
                "vraag de id van de Nederlandse vraag")))
            continue
        problems += _compare_value(item_type, by_id[item_id], item, here, display)
    return problems


def _compose_file(path: Path, display: str) -> Node | Problem:
    try:
        raw = path.read_bytes()[:MAX_FILE_BYTES]
    except OSError as exc:
        return Problem(display, 1, None, f"het bestand kan niet gelezen worden ({exc.strerror})")
    text = yamltree.decode(raw)
    if isinstance(text, Problem):
        return Problem(display, text.line, None, text.message)
    from swvsite.content.load import _compose  # the one place YAML errors get Dutch words

    node = _compose(text, display)
    if node is None:
        return Problem(display, 1, None, "het bestand is leeg")
    return node


def _plain(node: Node, path: str, lines: dict[str, int] | None = None
           ) -> tuple[Any, dict[str, int]]:
    """A node tree as plain data (scalars as text) and the line of each field path."""
    lines = {} if lines is None else lines
    if isinstance(node, Mapping):
        data = {}
        for key_node, value in node.pairs:
            key = str(getattr(key_node, "value", ""))
            where = f"{path}.{key}" if path else key
            lines[where] = key_node.line
            data[key], _ = _plain(value, where, lines)
        return data, lines
    if isinstance(node, Sequence):
        items = []
        for index, item in enumerate(node.items, start=1):
            where = f"{path}[{index}]"
            lines[where] = item.line
            value, _ = _plain(item, where, lines)
            items.append(value)
        return items, lines
    assert isinstance(node, Scalar)
    if node.tag == "tag:yaml.org,2002:null":
        return None, lines
    return node.value, lines


# --------------------------------------------------------------------------
# Hand-written pages
# --------------------------------------------------------------------------


def page_translations(docs_dir: Path, talen: tuple[Taal, ...]) -> list[Vertaling]:
    """Every translated hand-written page: docs/<taal>/**.md with `vertaling_van`."""
    found = []
    for taal in talen:
        folder = docs_dir / taal.code
        if not folder.is_dir():
            continue
        for path in sorted(folder.rglob("*.md")):
            text = path.read_text(encoding="utf-8", errors="replace")
            meta = front_matter(text)
            source_page = meta.get("vertaling_van", "")
            source = docs_dir / source_page
            display = f"{docs_dir.name}/{path.relative_to(docs_dir).as_posix()}"
            stamp = (text_stamp(page_body(source.read_text(encoding="utf-8", errors="replace")))
                     if source_page and source.is_file() else "")
            found.append(Vertaling(taal.code, "pagina", source_page, display, dict(meta),
                                   {}, stamp, path))
    return found


def page_problems(docs_dir: Path, talen: tuple[Taal, ...]) -> list[Problem]:
    """A translated page names an existing Dutch page in `vertaling_van`."""
    problems = []
    for vertaling in page_translations(docs_dir, talen):
        if not vertaling.source_id:
            problems.append(Problem(vertaling.path, 1, "vertaling_van", (
                "een vertaalde pagina noemt in vertaling_van de Nederlandse pagina, zoals "
                "vertaling_van: ouders.md")))
        elif not vertaling.source_stamp:
            problems.append(Problem(vertaling.path, 1, "vertaling_van", (
                f"er is geen Nederlandse pagina {vertaling.source_id} in "
                f"{docs_dir.name}/")))
    return problems


# --------------------------------------------------------------------------
# Out of date
# --------------------------------------------------------------------------


def stale_notices(vertalingen: list[Vertaling]) -> list[Problem]:
    """A notice for every translation without a stamp or made from an older Dutch text."""
    notices = []
    for v in vertalingen:
        if not v.source_stamp:
            continue
        if not v.stamped:
            notices.append(Problem(v.path, v.lines.get("vertaald_van"), "vertaald_van", (
                "deze vertaling heeft geen stempel; controleer hem en zet de stempel met "
                f"swvsite vertaling stempel {v.path}"), notice=True))
        elif not v.current:
            notices.append(Problem(v.path, v.lines.get("vertaald_van"), "vertaald_van", (
                "de Nederlandse tekst is veranderd sinds deze vertaling; werk de vertaling "
                f"bij en zet daarna de stempel met swvsite vertaling stempel {v.path}"),
                notice=True))
    return notices
