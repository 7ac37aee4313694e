"""`swvsite new`: record templates generated from the model.

Golden files live in tests/golden/. After a deliberate change to the model or
the templates, review the difference and rewrite them with
`SWVSITE_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_scaffold.py`.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import posixpath
import re
from pathlib import Path

import jsonschema
import pytest
import yaml

from swvsite.content import model as m
from swvsite.content.load import load_site
from swvsite.content.problems import ContentError
from swvsite.tools.scaffold import ScaffoldError, new_record

from conftest import run_swvsite

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).resolve().parent / "golden"
TODAY = dt.date(2026, 10, 5)

# soort -> (id used in the golden test, record type)
KINDS = {
    "voorziening": ("nieuwe-voorziening", m.VOORZIENING),
    "school": ("nieuwe-school", m.SCHOOL),
    "procedure": ("nieuwe-procedure", m.PROCEDURE),
    "thema": ("nieuw-thema", m.THEMA),
    "nieuws": ("2026-12-01-nieuw-bericht", m.NIEUWS),
}

# What a member of staff types into an empty required field (by field name).
FILL = {
    "naam": "Nieuwe naam", "type": "opdc", "samenvatting": "Een korte samenvatting.",
    "doelgroep": "Leerlingen van 12 tot 16 jaar.", "tlv_nodig": "nee",
    "toelating": "De commissie besluit.", "brin": "98AB", "vestiging": '"00"', "swv": "po",
    "straat": "Laan 1", "postcode": "5038 AB", "plaats": "Tilburg", "gemeente": "Tilburg",
    "functie": "Intern begeleider", "vastgesteld_op": "2026-01-01", "titel": "Een titel",
    "voor_wie": "Ouders.", "rol_ouders": "U praat mee.", "wie": "De school",
    "wat": "De school belt u.", "id": "een-nieuwe-vraag", "vraag": "Wat is dit?",
    "antwoord": "Dit is het antwoord.", "term": "Nieuw begrip", "uitleg": "Een uitleg.",
}
# The item staff put in an empty required list (by field name).
FILL_LIST = {"sector": "vo", "niveaus": "basisonderwijs", "basisondersteuning": "Hulp bij lezen."}


def assert_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("SWVSITE_UPDATE_GOLDEN"):
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")
    assert path.is_file(), f"{path} ontbreekt; maak hem met SWVSITE_UPDATE_GOLDEN=1"
    assert text == path.read_text(encoding="utf-8"), f"{name} wijkt af van de golden file"


def fill_in(text: str) -> str:
    """The template as staff leave it: every empty required field filled in."""
    lines = text.split("\n")
    out = []
    pending_list = None
    for line in lines:
        match = re.fullmatch(r"(\s*)(- )?([a-z_]+):", line)
        if match and match.group(3) in FILL_LIST:
            pending_list = FILL_LIST[match.group(3)]
            out.append(line)
            continue
        if pending_list and re.fullmatch(r"\s*# -", line):
            out.append(line.replace("# -", f"- {pending_list}"))
            pending_list = None
            continue
        pending_list = None
        if match and match.group(3) in FILL:
            line = f"{line} {FILL[match.group(3)]}"
        out.append(line)
    return "\n".join(out)


def required_paths(fields: tuple[m.Field, ...], prefix: str = "") -> set[str]:
    """Field paths the validator must report in an untouched template, from the model."""
    paths = set()
    for f in fields:
        if not f.required or f.name in ("gecontroleerd_op", "datum"):  # prefilled with today
            continue
        if isinstance(f.type, m.Obj):
            paths |= required_paths(f.type.fields, f"{prefix}{f.name}.")
        elif isinstance(f.type, m.ListOf) and isinstance(f.type.item, m.Obj):
            paths |= required_paths(f.type.item.fields, f"{prefix}{f.name}[1].")
        else:
            paths.add(prefix + f.name)
    return paths


def problems_of(content: Path, display: str) -> list:
    with pytest.raises(ContentError) as caught:
        load_site(content)
    return [p for p in caught.value.problems if p.file == display]


# --------------------------------------------------------------------------
# Golden templates
# --------------------------------------------------------------------------


@pytest.mark.parametrize("soort", KINDS)
def test_template_matches_golden(minimal_content: Path, soort: str) -> None:
    record_id, rtype = KINDS[soort]
    path = new_record(minimal_content, soort, record_id, today=TODAY)
    assert path == minimal_content / rtype.folder / f"{record_id}.yml"
    assert_golden(f"new-{soort}.yml", path.read_text(encoding="utf-8"))


def test_begrip_entry_matches_golden(minimal_content: Path) -> None:
    before = (minimal_content / "begrippen.yml").read_text(encoding="utf-8")
    path = new_record(minimal_content, "begrip", "zorgplicht", today=TODAY)
    assert path == minimal_content / "begrippen.yml"
    after = path.read_text(encoding="utf-8")
    assert after.startswith(before), "the existing begrippen must stay exactly as they were"
    assert_golden("new-begrip.yml", after)


def test_vraag_is_an_alias_for_a_thema(minimal_content: Path) -> None:
    path = new_record(minimal_content, "vraag", "nieuw-thema", today=TODAY)
    assert path == minimal_content / "vragen" / "nieuw-thema.yml"
    assert path.read_text(encoding="utf-8") == (GOLDEN / "new-thema.yml").read_text(
        encoding="utf-8")


@pytest.mark.parametrize("soort", KINDS)
def test_template_follows_the_model(minimal_content: Path, soort: str) -> None:
    record_id, rtype = KINDS[soort]
    text = new_record(minimal_content, soort, record_id, today=TODAY).read_text(
        encoding="utf-8")
    lines = text.split("\n")
    assert lines[0] == f"# yaml-language-server: $schema=../../schemas/{rtype.name}.schema.json"
    # The modeline's path, from a record in content/<folder>/, leads to the repo's schemas/.
    assert posixpath.normpath(f"content/{rtype.folder}/../../schemas") == "schemas"
    assert (ROOT / "schemas" / f"{rtype.name}.schema.json").is_file()
    # Every top-level field, in model order, active or commented out.
    keys = [re.match(r"(?:# )?([a-z_]+):", line).group(1) for line in lines
            if re.match(r"(?:# )?[a-z_]+:", line)]
    assert keys == [f.name for f in rtype.all_fields]
    for f in rtype.all_fields:
        flag = "(verplicht)" if f.required else "(optioneel)"
        index = lines.index(next(line for line in lines
                                 if re.match(rf"(# )?{f.name}:", line)))
        comments = []
        for line in reversed(lines[:index]):
            if not line.startswith("#"):
                break
            comments.insert(0, line)
        assert comments[0].startswith(f"# {f.help}") and flag in comments[0], f.name
        assert lines[index].startswith("#") != f.required, f.name
        inner = f.type.item if isinstance(f.type, m.ListOf) else f.type
        if isinstance(inner, m.Choice):
            for value, label in inner.options.items():
                assert f"#   {value} = {label}" in comments
    dated = "datum" if rtype is m.NIEUWS else "gecontroleerd_op"  # nieuws has no review date
    assert f"{dated}: {TODAY.isoformat()}" in lines


# --------------------------------------------------------------------------
# An untouched template cannot be published; a filled-in one can
# --------------------------------------------------------------------------


@pytest.mark.parametrize("soort", KINDS)
def test_untouched_template_fails_with_verplicht(minimal_content: Path, soort: str) -> None:
    record_id, rtype = KINDS[soort]
    path = new_record(minimal_content, soort, record_id, today=TODAY)
    lines = path.read_text(encoding="utf-8").split("\n")
    problems = problems_of(minimal_content, f"content/{rtype.folder}/{record_id}.yml")
    assert problems
    assert all(p.message.startswith("dit veld is verplicht") for p in problems), problems
    assert {p.field for p in problems} == required_paths(rtype.all_fields)
    for p in problems:  # each names the line with that field on it
        name = re.sub(r"\[\d+\]", "", p.field).split(".")[-1]
        assert re.fullmatch(rf"\s*(- )?{name}:", lines[p.line - 1]), (p, lines[p.line - 1])


def test_untouched_begrip_fails_with_verplicht(minimal_content: Path) -> None:
    path = new_record(minimal_content, "begrip", "zorgplicht", today=TODAY)
    lines = path.read_text(encoding="utf-8").split("\n")
    problems = problems_of(minimal_content, "content/begrippen.yml")
    assert {p.field for p in problems} == {"begrippen[3].term", "begrippen[3].uitleg"}
    assert all(p.message.startswith("dit veld is verplicht") for p in problems)
    for p in problems:
        name = p.field.split(".")[-1]
        assert re.fullmatch(rf"\s*(- )?{name}:", lines[p.line - 1])


@pytest.mark.parametrize("soort", KINDS)
def test_filled_in_template_passes(minimal_content: Path, soort: str) -> None:
    record_id, rtype = KINDS[soort]
    path = new_record(minimal_content, soort, record_id, today=TODAY)
    filled = fill_in(path.read_text(encoding="utf-8"))
    path.write_text(filled, encoding="utf-8")
    site = load_site(minimal_content)
    record = site.records(rtype.name)[record_id]
    assert record["datum" if rtype is m.NIEUWS else "gecontroleerd_op"] == TODAY
    # The editors' schema agrees.
    schema = json.loads((ROOT / "schemas" / f"{rtype.name}.schema.json").read_text("utf-8"))
    data = json.loads(json.dumps(yaml.safe_load(filled), default=str))
    jsonschema.validate(data, schema)


def test_filled_in_begrip_passes(minimal_content: Path) -> None:
    path = new_record(minimal_content, "begrip", "zorgplicht", today=TODAY)
    path.write_text(fill_in(path.read_text(encoding="utf-8")), encoding="utf-8")
    site = load_site(minimal_content)
    assert site.begrippen_lijst[-1]["id"] == "zorgplicht"
    assert site.begrippen_lijst[-1]["term"] == "Nieuw begrip"


def test_uncommented_optional_block_is_ready_to_fill(minimal_content: Path) -> None:
    """Removing '# ' from an optional group gives every field under it."""
    path = new_record(minimal_content, "voorziening", "nieuwe-voorziening", today=TODAY)
    text = fill_in(path.read_text(encoding="utf-8"))
    lines = text.split("\n")
    start = lines.index("# leeftijd:")
    end = start + 1
    while lines[end].startswith("#   "):
        end += 1
    lines[start:end] = [line[2:] for line in lines[start:end]]
    assert lines[start:end][:3] == ["leeftijd:", "  # Vanaf deze leeftijd (jaren). — geheel getal "
                                    "van 0 tot en met 30 (verplicht)", "  # Bijvoorbeeld: 4"]
    path.write_text("\n".join(lines), encoding="utf-8")
    problems = problems_of(minimal_content, "content/voorzieningen/nieuwe-voorziening.yml")
    assert {p.field for p in problems} == {"leeftijd.van", "leeftijd.tot"}


# --------------------------------------------------------------------------
# Refusals
# --------------------------------------------------------------------------


def test_refuses_an_existing_id(minimal_content: Path) -> None:
    before = (minimal_content / "voorzieningen" / "opdc-test.yml").read_bytes()
    with pytest.raises(ScaffoldError, match="bestaat al.*opdc-test"):
        new_record(minimal_content, "voorziening", "opdc-test")
    assert (minimal_content / "voorzieningen" / "opdc-test.yml").read_bytes() == before
    with pytest.raises(ScaffoldError, match="bestaat al"):
        new_record(minimal_content, "vraag", "algemeen")


@pytest.mark.parametrize("bad, hint", [("Nieuw_Ding", "nieuw-ding"), ("opdc test", "opdc-test"),
                                      ("-opdc", "opdc"), ("", None), ("café", "cafe")])
def test_refuses_an_invalid_id(minimal_content: Path, bad: str, hint: str | None) -> None:
    with pytest.raises(ScaffoldError) as caught:
        new_record(minimal_content, "procedure", bad)
    message = str(caught.value)
    assert "geen geldige id" in message and "kleine letters, cijfers en streepjes" in message
    if hint:
        assert f"'{hint}'" in message
    assert sorted(p.name for p in (minimal_content / "procedures").iterdir()) == [
        "thuiszitten.yml", "tlv-aanvragen.yml"]


def test_refuses_a_reserved_id(minimal_content: Path) -> None:
    with pytest.raises(ScaffoldError, match="gereserveerd"):
        new_record(minimal_content, "school", "index")


def test_refuses_an_unknown_type(minimal_content: Path) -> None:
    with pytest.raises(ScaffoldError, match="kies uit: voorziening, school, procedure, thema, "
                       "nieuws, signaal, vraag, begrip"):
        new_record(minimal_content, "leerling", "jan")


def test_refuses_an_existing_begrip(minimal_content: Path) -> None:
    before = (minimal_content / "begrippen.yml").read_bytes()
    with pytest.raises(ScaffoldError, match="bestaat al een begrip met id "
                       "'toelaatbaarheidsverklaring'"):
        new_record(minimal_content, "begrip", "toelaatbaarheidsverklaring")
    assert (minimal_content / "begrippen.yml").read_bytes() == before


def test_begrip_in_a_list_that_is_not_last(tmp_path: Path) -> None:
    """Blank lines between entries, comments and a field after the list."""
    content = tmp_path / "content"
    content.mkdir()
    (content / "begrippen.yml").write_text(
        "# De begrippenlijst\n"
        "begrippen:\n"
        "- term: Arrangement\n"
        "  uitleg: Extra ondersteuning.\n"
        "\n"
        "- term: Zorgplicht\n"
        "  uitleg: De plicht van een school.\n"
        "  # nagekeken door Anna\n"
        "\n"
        "# datum van de laatste controle\n"
        "gecontroleerd_op: 2026-10-01\n", encoding="utf-8")
    new_record(content, "begrip", "wijkteam", today=TODAY)
    text = (content / "begrippen.yml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    assert [b["term"] for b in data["begrippen"]] == ["Arrangement", "Zorgplicht", None]
    assert data["begrippen"][-1]["id"] == "wijkteam"
    assert data["gecontroleerd_op"] == dt.date(2026, 10, 1)
    assert text.index("# nagekeken door Anna") < text.index("Nieuw begrip 'wijkteam'")
    assert text.endswith("# datum van de laatste controle\ngecontroleerd_op: 2026-10-01\n")


def test_begrip_refused_when_the_list_is_on_one_line(tmp_path: Path) -> None:
    content = tmp_path / "content"
    content.mkdir()
    original = "begrippen: [{term: TLV, uitleg: Een besluit.}]\ngecontroleerd_op: 2026-10-01\n"
    (content / "begrippen.yml").write_text(original, encoding="utf-8")
    with pytest.raises(ScaffoldError, match="met de hand"):
        new_record(content, "begrip", "wijkteam")
    assert (content / "begrippen.yml").read_text(encoding="utf-8") == original


def test_begrippen_are_read_by_the_hardened_loader(minimal_content: Path) -> None:
    """`swvsite new begrip` reads begrippen.yml as `swvsite check` does: an
    anchor or a file in Windows-1252 is refused, and the file stays as it was."""
    path = minimal_content / "begrippen.yml"
    text = path.read_text(encoding="utf-8")
    for raw in ((text + "extra: &a x\nook: *a\n").encode("utf-8"),
                (text + "# Café\n").encode("cp1252")):
        path.write_bytes(raw)
        result = run_swvsite("new", "begrip", "wijkteam", "--content", str(minimal_content))
        assert result.returncode == 1 and "Traceback" not in result.stderr
        assert "Niet aangemaakt: content/begrippen.yml" in result.stderr
        assert path.read_bytes() == raw
    assert "niet opgeslagen als UTF-8 (er staat een 'é' in de codering Windows-1252" \
        in result.stderr
