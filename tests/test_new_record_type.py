"""A record type is declared once: adding one touches its declaration and its
page renderer only. Proven with a small type of this test's own, `bijeenkomst`
(a meeting for parents), registered in a subprocess before swvsite's other
modules load, then used through the command line like any other type."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from conftest import ENV, make_project

EXTENDED_SWVSITE = '''
import sys
from swvsite.content import model as m

BIJEENKOMST = m.RecordType(
    name="bijeenkomst",
    title="Bijeenkomst",
    folder="bijeenkomsten",
    help="Een bijeenkomst voor ouders, zoals een informatieavond.",
    title_field="naam",
    search_boost=2,
    scaffold=True,
    fields=(
        m.Field("naam", m.Text(120), "Naam van de bijeenkomst.", required=True),
        m.Field("datum", m.Date(), "Datum van de bijeenkomst.", required=True),
        m.Field("uitleg", m.Markdown(1000), "Waar gaat het over?", required=True),
        m.Field("procedures", m.ListOf(m.Ref("procedure"), unique=True),
                "Procedures waar het over gaat."),
    ),
)
m.register_type(BIJEENKOMST)

from swvsite.pages import markup, records, safe

@records.page_renderer("bijeenkomst")
def bijeenkomst_page(site, record, links):
    return markup.join(markup.heading(1, record["naam"]),
                       markup.datum(record["datum"]),
                       markup.md(site, record.page, record["uitleg"]))

from swvsite.cli import main
sys.exit(main(sys.argv[1:]))
'''

MEETING = """naam: Informatieavond over de overstap
datum: 2027-01-20
uitleg: Op deze avond hoort u hoe [de TLV](procedure:tlv-aanvragen) werkt.
procedures: [tlv-aanvragen]
gecontroleerd_op: 2026-12-01
"""


def swvsite_with_type(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", EXTENDED_SWVSITE, *args], cwd=cwd, env=ENV,
                          capture_output=True, text=True, timeout=600)


def test_a_new_type_is_loaded_checked_rendered_searched_and_scaffolded(tmp_path,
                                                                       minimal_content):
    folder = minimal_content / "bijeenkomsten"
    folder.mkdir()
    (folder / "informatieavond.yml").write_text(MEETING + "oude_ids: [avond]\n",
                                                encoding="utf-8")
    config = make_project(tmp_path / "project", minimal_content)

    checked = swvsite_with_type("check", "-f", str(config), cwd=tmp_path)
    assert checked.returncode == 0, checked.stderr

    site = tmp_path / "site"
    built = swvsite_with_type("build", "-f", str(config), "--site-dir", str(site), cwd=tmp_path)
    assert built.returncode == 0, built.stderr
    page = (site / "bijeenkomsten/informatieavond/index.html").read_text(encoding="utf-8")
    assert "<title>Informatieavond over de overstap" in page
    assert 'href="../../procedures/tlv-aanvragen/"' in page
    assert "../informatieavond/" in (site / "bijeenkomsten/avond/index.html").read_text()
    documents = [d[0] for block in (site / "zoeken/index").glob("d-*.json")
                 for d in json.loads(block.read_text(encoding="utf-8"))]
    assert "bijeenkomsten/informatieavond/" in documents

    (folder / "kapot.yml").write_text(MEETING.replace("datum: 2027-01-20", "datum: morgen")
                                      .replace("[tlv-aanvragen]", "[tlv-aanvrage]"))
    refused = swvsite_with_type("check", "-f", str(config), cwd=tmp_path)
    assert refused.returncode == 1
    assert "bijeenkomsten/kapot.yml, regel 2, veld 'datum': 'morgen' is geen geldige datum" \
        in refused.stderr
    assert "er bestaat geen procedure met id 'tlv-aanvrage'" in refused.stderr
    (folder / "kapot.yml").unlink()

    made = swvsite_with_type("new", "bijeenkomst", "ouderavond", "-f", str(config),
                             cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    assert "# Naam van de bijeenkomst." in (folder / "ouderavond.yml").read_text()

    schemas = swvsite_with_type("schema", "--out", str(tmp_path / "schemas"), cwd=tmp_path)
    assert schemas.returncode == 0
    schema = json.loads((tmp_path / "schemas/bijeenkomst.schema.json").read_text())
    meeting = {"naam": "Avond", "datum": "2027-01-20", "uitleg": "Uitleg.",
               "gecontroleerd_op": "2026-12-01"}
    jsonschema.validate(meeting, schema)
    for required in meeting:
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate({k: v for k, v in meeting.items() if k != required}, schema)
