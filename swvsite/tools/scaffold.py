"""New record files for `swvsite new`, generated from the content model.

Nothing here is a hand-written template: every field, its Dutch comment, its
type and whether it is required come from `model`, so a template can never
drift from what the validator checks.

The templates are safe by construction. Required fields are left empty, which
the validator reports as "dit veld is verplicht", so an untouched template can
never be published. Optional fields are commented out; uncommenting one
(removing "# " at the start of its lines) gives every field under it, empty.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path
from typing import Any

import yaml

from swvsite.content import model as m
from swvsite.content.load import RESERVED_IDS
from swvsite.tools import yamledit
from swvsite.tools.yamledit import yaml_scalar

#: `swvsite new <soort>` names and the record type each creates.
TYPES: dict[str, m.RecordType] = {
    **{t.name: t for t in m.RECORD_TYPES.values() if t.scaffold and t.folder},
    "vraag": m.THEMA,  # a vraag lives in a thema: `new vraag` creates a thema file
}
BEGRIP = "begrip"
TYPE_NAMES = (*TYPES, BEGRIP)

SCHEMA_DIR = "schemas"
# Fields a new record gets today's date in.
TODAY_FIELDS = ("gecontroleerd_op", "datum")


class ScaffoldError(Exception):
    """A record cannot be created; the message is Dutch and meant for staff."""


# --------------------------------------------------------------------------
# Entry point
# --------------------------------------------------------------------------


def new_record(content_dir: str | Path, type_name: str, record_id: str, *,
               today: dt.date | None = None) -> Path:
    """Create a new record from the model and return the path written.

    `type_name` is one of `TYPE_NAMES`; `vraag` creates a thema file, `begrip`
    appends an entry to begrippen.yml (and returns that file's path). Raises
    `ScaffoldError` for an unknown type, an invalid id or an id that exists."""
    today = today or dt.date.today()
    content = Path(content_dir)
    soort = (type_name or "").strip().lower()
    if soort not in TYPE_NAMES:
        raise ScaffoldError(
            f"'{type_name}' is geen soort die u kunt aanmaken; kies uit: "
            f"{', '.join(TYPE_NAMES)}")
    _check_id(record_id, soort)
    if not content.is_dir():
        raise ScaffoldError(f"de map met inhoud bestaat niet: {content}")
    if soort == BEGRIP:
        return _append_begrip(content, record_id, today)

    rtype = TYPES[soort]
    folder = _inside(content, rtype.folder)
    path = folder / f"{record_id}.yml"
    if path.exists():
        raise ScaffoldError(
            f"er bestaat al een {rtype.title.lower()} met id '{record_id}' "
            f"({_display(path, content)}); kies een andere id of pas dat bestand aan")
    _check_not_an_old_id(content, folder, record_id, rtype)
    text = render_record(rtype, record_id, today=today,
                         values={rtype.id_field: record_id} if rtype.id_field else None,
                         schema=schema_ref(content, folder, rtype))
    folder.mkdir(parents=True, exist_ok=True)
    try:
        with open(path, "x", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
    except FileExistsError:  # created by someone else in the meantime
        raise ScaffoldError(f"er bestaat al een bestand {_display(path, content)}") from None
    return path


def next_steps(path: Path, type_name: str, record_id: str) -> str:
    """What staff do after `swvsite new`, in Dutch (for the command line)."""
    if type_name.strip().lower() == BEGRIP:
        return (f"Het begrip '{record_id}' staat aan het eind van de lijst in {path}.\n"
                "Vul de velden met (verplicht) in en controleer met: swvsite check")
    return (f"Nieuw bestand: {path}\n"
            "Vul de velden met (verplicht) in en controleer met: swvsite check\n"
            "Zolang er een verplicht veld leeg is, wordt er niets gepubliceerd.")


# --------------------------------------------------------------------------
# Rendering records from the model
# --------------------------------------------------------------------------

GUIDE = (
    "Zo vult u dit bestand in:",
    "- Vul elk veld met (verplicht) in. Zolang er een verplicht veld leeg is, keurt",
    "  'swvsite check' dit bestand af en wordt er niets gepubliceerd.",
    "- Een veld met (optioneel) staat uit. Wilt u het gebruiken? Haal dan '# ' weg",
    "  voor de veldnaam en voor de regels eronder die erbij horen.",
    "- Een lijst: zet elk item op een eigen regel met '- ' ervoor. Wilt u nog een",
    "  item? Kopieer dan het hele item, vanaf het streepje.",
    "- Tekst met meerdere alinea's: zet | achter de dubbele punt en schrijf de tekst",
    "  op de regels eronder, twee spaties verder ingesprongen.",
    "- Controleer het bestand daarna met: swvsite check",
)


def render_record(rtype: m.RecordType, record_id: str, *, today: dt.date,
                  values: dict[str, Any] | None = None, schema: str | None = None,
                  intro: tuple[str, ...] = ()) -> str:
    """The text of a new record file of `rtype`.

    `values` pre-fills fields (nested dicts for groups, lists for lists); every
    other required field stays empty and every other optional field commented
    out. `gecontroleerd_op` is `today` unless given. `intro` adds comment lines
    to the header (used by the school import)."""
    # The day of writing: when it was checked, and the date of a news item.
    dated = {name: today for name in TODAY_FIELDS if name in {f.name for f in rtype.all_fields}}
    values = {**dated, **(values or {})}
    lines = []
    if schema:
        lines.append(f"# yaml-language-server: $schema={schema}")
        lines.append("#")
    lines.append(f"# {rtype.title}: {record_id}")
    lines.append(f"# {rtype.help}")
    if rtype.folder and rtype.own_pages:
        lines.append(f"# De bestandsnaam is de id en het webadres: /{rtype.folder}/{record_id}/")
    lines += [f"# {line}" if line else "#" for line in intro]
    lines.append("#")
    lines += [f"# {line}" for line in GUIDE]
    lines.append("")
    lines += _obj_lines(rtype.all_fields, 0, values, active=True, gap=True)
    return "\n".join(lines) + "\n"


def field_comment(f: m.Field, *, filled: bool = False) -> list[str]:
    """The comment lines above a field: help, type and (verplicht)/(optioneel),
    an example (unless the field is `filled`), and the choices of a Choice
    field. Without '# '."""
    flag = "verplicht" if f.required else "optioneel"
    lines = [f"{f.help} — {type_label(f.type)} ({flag})"]
    example = None if filled else _example(f)
    if example is not None:
        lines.append(f"Bijvoorbeeld: {example}")
    inner = f.type.item if isinstance(f.type, m.ListOf) else f.type
    if isinstance(inner, m.Choice):
        lines.append("Kies uit:")
        lines += [f"  {value} = {label}" for value, label in inner.options.items()]
    return lines


def type_label(ftype: m.FieldType) -> str:
    """The Dutch description of a field type, with its limits."""
    if isinstance(ftype, m.ListOf):
        head = f"lijst met minstens {ftype.min_items} item" if ftype.min_items == 1 else (
            f"lijst met minstens {ftype.min_items} items" if ftype.min_items else "lijst")
        return f"{head}; elk item: {type_label(ftype.item)}"
    if isinstance(ftype, (m.Text, m.Markdown)) and ftype.max_length:
        return f"{ftype.label}, hoogstens {ftype.max_length} tekens"
    if isinstance(ftype, m.Integer) and ftype.minimum is not None and ftype.maximum is not None:
        return f"{ftype.label} van {ftype.minimum} tot en met {ftype.maximum}"
    return ftype.label


def _example(f: m.Field) -> str | None:
    example = f.example
    inner = f.type.item if isinstance(f.type, m.ListOf) else f.type
    if example is None and isinstance(inner, m.Pattern) and inner is not m.Slug:
        example = inner.example
    if example is None or isinstance(inner, m.Obj):
        return None
    if isinstance(example, str) and example in f.help:
        return None  # the help text shows it already
    if isinstance(example, list):
        return ", ".join(_show(e) for e in example)
    return _show(example)


def _show(value: Any) -> str:
    if isinstance(value, bool):
        return "ja" if value else "nee"
    return str(value)


def _obj_lines(fields: tuple[m.Field, ...], indent: int, values: dict | None, *,
               active: bool, dash: bool = False, gap: bool = False,
               comments: bool = True) -> list[str]:
    """The lines of a group of fields at `indent`.

    `active` renders optional fields without a value commented out; inside a
    commented-out block (`active=False`) every field is shown, empty. `dash`
    makes the group a list item with its dash two columns to the left.
    Without `comments` the fields get no explanation above them."""
    out: list[str] = []
    values = values or {}
    for index, f in enumerate(fields):
        value = values.get(f.name)
        shown = not active or f.required or value is not None
        first_in_item = dash and index == 0
        comment_col = indent - 2 if first_in_item else indent
        if gap and index:
            out.append("")
        if comments:
            comment = field_comment(f, filled=value is not None)
            out += [" " * comment_col + (f"# {c}" if c else "#") for c in comment]
        body = field_lines(f, indent, value, active=active and shown, comments=comments)
        if not shown:
            body = [_comment_out(line, indent) for line in body]
        if first_in_item:
            if shown:
                body[0] = " " * (indent - 2) + "- " + body[0][indent:]
            else:
                out.append(" " * (indent - 2) + "-")
        out += body
    return out


def field_lines(f: m.Field, indent: int, value: Any, *, active: bool,
                 comments: bool = True) -> list[str]:
    pad = " " * indent
    ftype = f.type
    if isinstance(ftype, m.Obj):
        return [f"{pad}{f.name}:"] + _obj_lines(ftype.fields, indent + 2, value, active=active,
                                                comments=comments)
    if isinstance(ftype, m.ListOf):
        lines = [f"{pad}{f.name}:"]
        if isinstance(ftype.item, m.Obj):
            for item in value or [None]:
                lines += _obj_lines(ftype.item.fields, indent + 4, item, active=active,
                                    dash=True, comments=comments)
        elif value:
            lines += [f"{pad}  - {yaml_scalar(item)}" for item in value]
        else:  # one empty item shows the shape; commented while the field is active
            lines.append(f"{pad}  # -" if active else f"{pad}  -")
        return lines
    if value is None:
        return [f"{pad}{f.name}:"]
    return [f"{pad}{f.name}: {yaml_scalar(value)}"]


def _comment_out(line: str, col: int) -> str:
    if not line.strip():
        return line
    return line[:col] + "# " + line[col:]


# --------------------------------------------------------------------------
# Ids and paths
# --------------------------------------------------------------------------


def _check_id(record_id: str, soort: str) -> None:
    if record_id in RESERVED_IDS:
        raise ScaffoldError(f"'{record_id}' is gereserveerd; kies een andere id")
    if not isinstance(record_id, str) or not re.match(m.SLUG_REGEX, record_id):
        hint = m.slugify(record_id or "")
        message = (f"'{record_id}' is geen geldige id: gebruik alleen kleine letters, cijfers "
                   "en streepjes (de id wordt de bestandsnaam en het webadres)")
        if soort == BEGRIP:
            message = message.replace("de bestandsnaam en het webadres", "het anker in de link")
        if hint and hint != record_id:
            message += f"; bijvoorbeeld '{hint}'"
        raise ScaffoldError(message)


def _check_not_an_old_id(content: Path, folder: Path, record_id: str,
                         rtype: m.RecordType) -> None:
    """An old id of another record redirects to it; a new record cannot take it."""
    if not folder.is_dir():
        return
    for path in sorted(folder.glob("*.yml")):
        try:
            text = yamledit.RecordText.from_bytes(path.read_bytes()).text
            data = yamledit.plain(yamledit.checked(text))
        except (yamledit.Unreadable, OSError):
            continue  # `swvsite check` reports that file
        old_ids = data.get("oude_ids") if isinstance(data, dict) else None
        if isinstance(old_ids, list) and record_id in old_ids:
            raise ScaffoldError(
                f"'{record_id}' is een oude id van {_display(path, content)}: het oude webadres "
                f"/{rtype.folder}/{record_id}/ stuurt bezoekers daarheen. Kies een andere id")


def schema_ref(content: Path, folder: Path, rtype: m.RecordType) -> str:
    """The schema file relative to the record's folder (schemas/ sits next to content/)."""
    target = content.parent / SCHEMA_DIR / f"{rtype.name}.schema.json"
    return Path(os.path.relpath(target, folder)).as_posix()


def _inside(content: Path, name: str | None) -> Path:
    """A record type's folder or file in the content folder (the model gives one)."""
    if not name:
        raise TypeError("this record type has no folder or file of its own")
    return content / name


def _display(path: Path, content: Path) -> str:
    try:
        return path.relative_to(content.parent).as_posix()
    except ValueError:
        return str(path)


# --------------------------------------------------------------------------
# Begrippen: a new entry at the end of the list in begrippen.yml
# --------------------------------------------------------------------------


def _append_begrip(content: Path, record_id: str, today: dt.date) -> Path:
    path = _inside(content, m.BEGRIPPEN.file)
    where = _display(path, content)
    if not path.is_file():
        raise ScaffoldError(f"{where} bestaat niet; maak eerst de begrippenlijst aan")
    try:
        record = yamledit.RecordText.from_bytes(path.read_bytes())
    except yamledit.Unreadable as exc:
        raise ScaffoldError(f"{where}: {exc}; probeer het daarna opnieuw") from None
    sequence = _begrippen_sequence(record.text, where)
    if record_id in _begrip_ids(record.text):
        raise ScaffoldError(f"er bestaat al een begrip met id '{record_id}' in {where}; "
                            "kies een andere id of pas dat begrip aan")

    def entry(dash_col: int) -> list[str]:
        return [" " * dash_col + f"# Nieuw begrip '{record_id}', toegevoegd op "
                f"{today.isoformat()}. Vul term en uitleg in."] + _obj_lines(
            m.Begrip.fields, dash_col + 2, {"id": record_id}, active=True, dash=True)

    new_text = yamledit.append_item(record.text, sequence, entry)
    # Never write a file that no longer reads as the same list plus one entry.
    try:
        added = yamledit.verify_appended(record.text, new_text, "begrippen")
    except yamledit.Unsafe:
        added = None
    if not isinstance(added, dict) or added.get("id") != record_id:
        raise ScaffoldError(f"het nieuwe begrip kon niet veilig aan {where} worden toegevoegd; "
                            "voeg het met de hand toe (zie 'swvsite velden begrippen')")
    record.text = new_text
    path.write_bytes(record.encoded())
    return path


def _begrippen_sequence(text: str, where: str) -> yaml.SequenceNode:
    try:
        sequence = yamledit.block_list(text, "begrippen")
    except yamledit.Unreadable:
        raise ScaffoldError(f"{where} is geen geldige YAML; los dat eerst op "
                            "(swvsite check laat zien wat er mis is)") from None
    if sequence is None:
        raise ScaffoldError(f"in {where} staat geen lijst 'begrippen:' met een begrip per regel "
                            "('- term: ...'); voeg het begrip met de hand toe")
    return sequence


def _begrip_ids(text: str) -> set[str]:
    ids = set()
    for item in yamledit.list_items(text, "begrippen") or []:
        if isinstance(item, dict):
            if item.get("id"):
                ids.add(yamledit.text_of(item["id"]))
            elif item.get("term"):
                ids.add(m.slugify(yamledit.text_of(item["term"])))
    return ids
