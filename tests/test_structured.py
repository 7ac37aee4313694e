"""Structured data and exports: schema.org JSON-LD per page type, Open Graph
meta, and the /data/*.json files, checked on the test site's content and on hostile
copies of the minimal fixture. Plain Python: no build needed."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from hypothesis import example, given, settings
from hypothesis import strategies as hst

from swvsite.content import model as m
from swvsite.content.load import load_site
from swvsite.pages import exports, jsonld, openinghours, pagehead, plaintext, safe

from conftest import FIXTURE_CONTENT, FIXTURE_SITE, FIXTURES

SITE_URL = "https://www.steunpunt.example/"
HOSTILE = "</script><script>alert(1)</script> <!--<script> \"x\" & </SCRIPT >"


@pytest.fixture(scope="module")
def site_content():
    return load_site(FIXTURE_CONTENT)


def record_pages(site: m.Site) -> list[str]:
    return [r.page for records in (site.voorzieningen, site.scholen, site.procedures, site.themas)
            for r in records.values()]


def all_pages(site: m.Site) -> list[str]:
    return ["index.md", "contact.md", "begrippen.md", *record_pages(site)]


def of_type(nodes: list[dict], *types: str) -> dict:
    found = [n for n in nodes if n["@type"] in types]
    assert len(found) == 1, f"expected one of {types}, got {[n['@type'] for n in nodes]}"
    return found[0]


def strings(node) -> list[str]:
    if isinstance(node, dict):
        return [s for v in node.values() for s in strings(v)]
    if isinstance(node, list):
        return [s for v in node for s in strings(v)]
    return [node] if isinstance(node, str) else []


def url_values(node, keys=("url", "item", "@id", "mainEntityOfPage", "inDefinedTermSet")):
    if isinstance(node, dict):
        own = [v for k, v in node.items() if k in keys and isinstance(v, str)]
        return own + [u for v in node.values() for u in url_values(v, keys)]
    if isinstance(node, list):
        return [u for v in node for u in url_values(v, keys)]
    return []


# --------------------------------------------------------------------------
# JSON-LD on every page type
# --------------------------------------------------------------------------


def test_every_page_type_has_well_formed_jsonld(site_content):
    for page in all_pages(site_content):
        nodes = jsonld.jsonld(site_content, page, SITE_URL)
        assert nodes, page
        assert json.loads(json.dumps(nodes, ensure_ascii=False)) == nodes
        for node in nodes:
            assert node["@context"] == "https://schema.org", page
            assert node["@type"], page


def test_pages_without_structured_data_get_none(site_content):
    for page in ("voorzieningen/index.md", "jongeren.md", "privacy.md", "data.md"):
        assert jsonld.jsonld(site_content, page, SITE_URL) == []


def test_faq_page_has_every_vraag_with_its_answer(site_content):
    for thema in site_content.themas.values():
        faq = of_type(jsonld.jsonld(site_content, thema.page, SITE_URL), "FAQPage")
        vragen = [v for v in thema["vragen"] if v]
        assert len(faq["mainEntity"]) == len(vragen)
        for question, vraag in zip(faq["mainEntity"], vragen, strict=True):
            assert question["@type"] == "Question"
            assert question["name"] == " ".join(vraag["vraag"].split())
            assert question["acceptedAnswer"]["@type"] == "Answer"
            assert question["acceptedAnswer"]["text"].strip()
            assert question["url"] == f"{SITE_URL}vragen/{thema.id}/#{vraag['id']}"


def test_howto_has_one_step_per_procedure_step_in_order(site_content):
    for procedure in site_content.procedures.values():
        howto = of_type(jsonld.jsonld(site_content, procedure.page, SITE_URL), "HowTo")
        assert howto["name"] == " ".join(procedure["titel"].split())
        stappen = procedure["stappen"]
        assert len(howto["step"]) == len(stappen)
        for number, (step, stap) in enumerate(zip(howto["step"], stappen, strict=True), start=1):
            assert step["@type"] == "HowToStep"
            assert step["position"] == number
            assert step["name"] == " ".join(stap["titel"].split())
            assert step["text"].strip()
            assert step["url"] == f"{SITE_URL}procedures/{procedure.id}/#stap-{number}"


def test_schools_are_schools_with_address_and_brin(site_content):
    sectors = {s["id"]: s["sector"] for s in site_content.swv_lijst}
    for school in site_content.scholen.values():
        node = of_type(jsonld.jsonld(site_content, school.page, SITE_URL),
                       "ElementarySchool", "HighSchool", "EducationalOrganization")
        expected = {"po": "ElementarySchool", "vo": "HighSchool"}[sectors[school["swv"]]]
        assert node["@type"] == expected
        assert node["name"] == school["naam"]
        address = node["address"]
        assert address["@type"] == "PostalAddress"
        assert address["streetAddress"] == school["adres"]["straat"]
        assert address["postalCode"] == school["adres"]["postcode"]
        assert address["addressLocality"] == school["adres"]["plaats"]
        identifiers = {i["propertyID"]: i["value"] for i in node["identifier"]}
        assert all(i["@type"] == "PropertyValue" for i in node["identifier"])
        assert identifiers["BRIN-vestigingsnummer"] == school["brin"] + school["vestiging"]
        if school["telefoon"]:
            assert re.fullmatch(r"\+31\d{9}", node["telephone"])
        assert node["mainEntityOfPage"] == f"{SITE_URL}scholen/{school.id}/"


def test_voorzieningen_are_schools_or_services(site_content):
    types = set()
    for v in site_content.voorzieningen.values():
        nodes = jsonld.jsonld(site_content, v.page, SITE_URL)
        node = nodes[0]
        types.add(node["@type"])
        assert node["name"] == v["naam"]
        assert node["description"]
        if v["type"] in jsonld.SCHOOL_VOORZIENINGEN:
            assert node["@type"] == jsonld.SCHOOL_VOORZIENINGEN[v["type"]]
            if v["locaties"]:
                assert node["address"]["postalCode"] == v["locaties"][0]["adres"]["postcode"]
        else:
            assert node["@type"] == "Service"
            assert node["serviceType"] == m.VOORZIENING_TYPES[v["type"]]
    assert "Service" in types and types - {"Service"}


@pytest.mark.parametrize("page", ["index.md", "contact.md"])
def test_steunpunt_is_an_organisation_with_contact_point(site_content, page):
    org = of_type(jsonld.jsonld(site_content, page, SITE_URL), "Organization")
    assert org["name"] == site_content.organisatie["naam"]
    assert org["contactPoint"]
    for point in org["contactPoint"]:
        assert point["@type"] == "ContactPoint"
        assert point.get("telephone") or point.get("email")
        assert point["availableLanguage"] == "nl"
        assert point["contactType"]
    hours = org["contactPoint"][0]["hoursAvailable"]
    # The test site: Ma/di/do 9.00-16.30, wo 9.00-12.30 and 19.00-20.30, vr 9.00-12.30.
    assert len(hours) == 4
    assert hours[0] == {"@type": "OpeningHoursSpecification",
                        "dayOfWeek": ["https://schema.org/Monday", "https://schema.org/Tuesday",
                                      "https://schema.org/Thursday"],
                        "opens": "09:00", "closes": "16:30"}


@pytest.mark.parametrize("page", ["index.md", "contact.md"])
def test_the_gemeenten_served_are_named_once(site_content, page):
    org = of_type(jsonld.jsonld(site_content, page, SITE_URL), "Organization")
    gemeenten = list(dict.fromkeys(g for s in site_content.swv_lijst for g in s["gemeenten"]))
    assert org["areaServed"] == [{"@type": "AdministrativeArea", "name": g} for g in gemeenten]
    text = json.dumps(jsonld.jsonld(site_content, page, SITE_URL), ensure_ascii=False)
    assert all(text.count(f'"name": "{g}"') == 1 for g in gemeenten), text


def test_home_page_names_the_website(site_content):
    site = of_type(jsonld.jsonld(site_content, "index.md", SITE_URL), "WebSite")
    assert site["url"] == SITE_URL
    assert site["inLanguage"] == "nl"


def test_begrippen_are_a_defined_term_set(site_content):
    terms = of_type(jsonld.jsonld(site_content, "begrippen.md", SITE_URL), "DefinedTermSet")
    assert len(terms["hasDefinedTerm"]) == len(site_content.begrippen_lijst)
    first = site_content.begrippen_lijst[0]
    assert terms["hasDefinedTerm"][0]["url"] == f"{SITE_URL}begrippen/#{first['id']}"


def test_record_pages_have_breadcrumbs(site_content):
    for page in record_pages(site_content):
        crumbs = of_type(jsonld.jsonld(site_content, page, SITE_URL), "BreadcrumbList")
        items = crumbs["itemListElement"]
        assert [i["position"] for i in items] == [1, 2, 3]
        assert items[0]["item"] == SITE_URL
        assert items[-1]["item"] == SITE_URL + page[:-3] + "/"


def test_text_values_are_plain_text(site_content):
    """No HTML, entities, Markdown syntax or Markdown escapes reach a text value."""
    for page in all_pages(site_content):
        for value in strings(jsonld.jsonld(site_content, page, SITE_URL)):
            assert not re.search(r"<[A-Za-z/!?]", value), (page, value)
            assert not re.search(r"&(lt|gt|amp|quot|#\d+);", value), (page, value)
            assert "**" not in value and "](" not in value and "\\" not in value, (page, value)


def test_markdown_answers_become_plain_text():
    source = ("Lees **dit** en *dat*. Zie [de site](https://www.example.nl) of "
              "[mail ons](mailto:a@b.nl).\n\n- een\n- twee\n\nA & B, 3 < 4, &amp; blijft.")
    assert plaintext.markdown_text(source) == (
        "Lees dit en dat. Zie de site of mail ons.\n- een\n- twee\n\nA & B, 3 < 4, &amp; blijft.")


def test_without_site_url_no_relative_urls_are_emitted(site_content):
    for page in all_pages(site_content):
        for url in url_values(jsonld.jsonld(site_content, page, None)):
            assert url.startswith(("https://", "http://")), (page, url)
            assert "steunpunt.example/" not in url
    tags = pagehead.opengraph(site_content, "contact.md", None, "Contact", None)
    assert "og:url" not in tags


def test_json_script_escapes_the_closing_tag():
    script = pagehead.json_script({"name": HOSTILE})
    body = script[len('<script type="application/ld+json">'):-len("</script>")]
    assert "</" not in body and "<!--" not in body
    assert json.loads(body) == {"name": HOSTILE}


@pytest.fixture
def hostile_site(minimal_content: Path, monkeypatch) -> m.Site:
    """The minimal fixture with script-closing text in plain text fields. `swvsite
    check` refuses tags in plain text; behind that check the head must stay safe."""
    from swvsite.content import validate

    monkeypatch.setattr(validate.Validator, "_check_plain_text", lambda *args: None)
    def replace(relative: str, old: str, new: str) -> None:
        path = minimal_content / relative
        text = path.read_text(encoding="utf-8")
        assert old in text
        path.write_text(text.replace(old, new), encoding="utf-8")

    quoted = json.dumps(HOSTILE)  # a YAML double-quoted scalar
    replace("vragen/algemeen.yml", "vraag: Wat is een TLV?", f"vraag: {quoted}")
    replace("vragen/algemeen.yml", "samenvatting: Algemene vragen.", f"samenvatting: {quoted}")
    replace("scholen/bs-test.yml", "naam: Basisschool De Test", f"naam: {quoted}")
    replace("procedures/tlv-aanvragen.yml", "  - titel: De aanvraag", f"  - titel: {quoted}")
    replace("organisatie.yml", "naam: Steunpunt Testregio", f"naam: {quoted}")
    return load_site(minimal_content)


def test_hostile_text_cannot_break_out_of_the_script(hostile_site):
    pages = all_pages(hostile_site)
    assert len(pages) == 3 + 5
    for page in pages:
        nodes = jsonld.jsonld(hostile_site, page, SITE_URL)
        html = (f"<html><head>{pagehead.head_html(hostile_site, page, SITE_URL, 'Titel', None)}"
                "</head><body><p id=after>na</p></body></html>")
        soup = BeautifulSoup(html, "html.parser")
        scripts = soup.find_all("script")
        assert len(scripts) == 1, page
        assert scripts[0]["type"] == "application/ld+json"
        assert json.loads(scripts[0].string) == (nodes if len(nodes) > 1 else nodes[0])
        assert soup.find(id="after") is not None
        body = scripts[0].string
        assert "</" not in body and "<!--" not in body
    faq = jsonld.jsonld(hostile_site, "vragen/algemeen.md", SITE_URL)[0]
    assert faq["mainEntity"][0]["name"] == " ".join(HOSTILE.split())


def test_hostile_text_is_escaped_in_meta_tags(hostile_site):
    tags = pagehead.opengraph(hostile_site, "vragen/algemeen.md", SITE_URL, "x", None)
    html = pagehead.meta_tags(tags)
    soup = BeautifulSoup(html, "html.parser")
    assert not soup.find("script")
    assert len(soup.find_all("meta")) == len(html.splitlines())
    description = soup.find("meta", property="og:description")["content"]
    assert description == " ".join(HOSTILE.split())


# --------------------------------------------------------------------------
# Open Graph and meta description
# --------------------------------------------------------------------------


def test_opengraph_for_a_record_page(site_content):
    procedure = site_content.procedures["tlv-aanvragen"]
    tags = pagehead.opengraph(site_content, procedure.page, SITE_URL, "Paginatitel", "Site")
    assert tags["og:title"] == procedure["titel"]
    assert tags["og:description"] == " ".join(procedure["samenvatting"].split())
    assert tags["og:type"] == "article"
    assert tags["og:url"] == f"{SITE_URL}procedures/tlv-aanvragen/"
    assert tags["og:locale"] == "nl_NL"
    assert tags["og:site_name"] == site_content.organisatie["naam"]
    assert tags["twitter:card"] == "summary"
    html = pagehead.meta_tags(tags)
    assert '<meta property="og:locale" content="nl_NL">' in html
    assert '<meta name="twitter:card" content="summary">' in html


def test_opengraph_for_a_hand_written_page(site_content):
    tags = pagehead.opengraph(site_content, "jongeren.md", SITE_URL, "Voor jongeren",
                              "Over passend onderwijs")
    assert tags["og:title"] == "Voor jongeren"
    assert tags["og:description"] == "Over passend onderwijs"
    assert tags["og:url"] == f"{SITE_URL}jongeren/"
    home = pagehead.opengraph(site_content, "index.md", SITE_URL, "Home", None)
    assert home["og:type"] == "website"
    assert home["og:title"] == site_content.organisatie["naam"]
    assert home["og:url"] == SITE_URL


def test_description_is_the_samenvatting(site_content):
    school = next(iter(site_content.scholen.values()))
    assert pagehead.description(site_content, school.page) == \
        " ".join(school["samenvatting"].split())
    assert pagehead.description(site_content, "index.md") == " ".join(
        site_content.organisatie["samenvatting"].split())
    assert pagehead.description(site_content, "jongeren.md") is None


# --------------------------------------------------------------------------
# Opening hours
# --------------------------------------------------------------------------


@pytest.mark.parametrize("text, days", [
    ("Maandag", ["Monday"]),
    ("Maandag tot en met donderdag", ["Monday", "Tuesday", "Wednesday", "Thursday"]),
    ("maandag t/m vrijdag", ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]),
    ("Maandag, dinsdag en donderdag", ["Monday", "Tuesday", "Thursday"]),
    ("ma - wo en vr", ["Monday", "Tuesday", "Wednesday", "Friday"]),
    ("Werkdagen", ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]),
    ("Woensdagavond", None),
    ("Elke eerste donderdag van de maand", None),
    ("vrijdag tot maandag", None),
])
def test_parse_days(text, days):
    assert openinghours.parse_days(text) == days


@pytest.mark.parametrize("text, times", [
    ("9.00 - 16.30 uur", [("09:00", "16:30")]),
    ("9.00 - 12.30 uur en 19.00 - 20.30 uur", [("09:00", "12:30"), ("19:00", "20:30")]),
    ("van 9:00 tot 17:00", [("09:00", "17:00")]),
    ("9 - 12 uur", [("09:00", "12:00")]),
    ("op afspraak", None),
    ("9.00 uur", None),
    ("16.00 - 9.00 uur", None),
    ("25.00 - 26.00", None),
])
def test_parse_times(text, times):
    assert openinghours.parse_times(text) == times


def test_unparseable_hours_go_to_the_description(minimal_content):
    path = minimal_content / "organisatie.yml"
    text = path.read_text(encoding="utf-8").replace(
        "tijden: 9.00 - 16.00 uur", "tijden: Op afspraak")
    path.write_text(text, encoding="utf-8")
    site = load_site(minimal_content)
    point = jsonld.jsonld(site, "contact.md", SITE_URL)[0]["contactPoint"][0]
    assert "hoursAvailable" not in point
    assert point["description"].startswith("Maandag tot en met donderdag: Op afspraak.")


# --------------------------------------------------------------------------
# Exports
# --------------------------------------------------------------------------

EXPORT_FILES = {
    "voorzieningen.json": "voorziening",
    "scholen.json": "school",
    "procedures.json": "procedure",
    "vragen.json": "thema",
    "begrippen.json": "begrip",
    "organisatie.json": "organisatie",
    "nieuws.json": "nieuws",
}


@pytest.fixture(scope="module")
def exported(site_content):
    return exports.exports(site_content, SITE_URL)


@pytest.fixture(scope="module")
def parsed(exported):
    return {name: json.loads(text) for name, text in exported.items()}


def test_exports_are_the_documented_files(exported):
    assert set(exported) == set(EXPORT_FILES) | {"index.json"}
    for text in exported.values():
        assert text.endswith("\n")
        assert text.startswith("{\n")  # a line per key and per record, for diffs
        records = json.loads(text).get("records") or json.loads(text).get("bestanden")
        assert len(text.splitlines()) >= len(records) + 2
        assert "\\u00" not in text  # UTF-8, not ASCII escapes
    assert any(ord(c) > 127 for text in exported.values() for c in text)


def test_index_lists_every_file_with_its_count(parsed, site_content):
    index = parsed["index.json"]
    assert index["schemaversie"] == exports.EXPORT_VERSION
    assert index["bron"]["generator"].startswith("swvsite ")
    assert index["bron"]["site"] == SITE_URL
    listed = {f["bestand"]: f for f in index["bestanden"]}
    assert set(listed) == set(EXPORT_FILES)
    for name, soort in EXPORT_FILES.items():
        assert listed[name]["soort"] == soort == parsed[name]["soort"]
        assert listed[name]["aantal"] == parsed[name]["aantal"] == len(parsed[name]["records"])
        assert listed[name]["url"] == f"{SITE_URL}data/{name}"
    assert listed["vragen.json"]["aantal_vragen"] == len(site_content.vragen())


def test_exports_contain_every_record(parsed, site_content):
    ids = {name: [r["id"] for r in parsed[name]["records"]] for name in EXPORT_FILES}
    assert ids["voorzieningen.json"] == sorted(site_content.voorzieningen)
    assert ids["scholen.json"] == sorted(site_content.scholen)
    assert ids["procedures.json"] == sorted(site_content.procedures)
    assert ids["vragen.json"] == sorted(site_content.themas)
    assert ids["begrippen.json"] == [b["id"] for b in site_content.begrippen_lijst]
    assert ids["organisatie.json"] == ["organisatie"]
    vragen = [v["id"] for t in parsed["vragen.json"]["records"] for v in t["vragen"]]
    assert sorted(vragen) == sorted(v["id"] for _, v in site_content.vragen())


def test_records_have_every_field_of_the_model(parsed):
    for name, rtype in (("voorzieningen.json", m.VOORZIENING), ("scholen.json", m.SCHOOL),
                        ("procedures.json", m.PROCEDURE), ("vragen.json", m.THEMA),
                        ("organisatie.json", m.ORGANISATIE)):
        for record in parsed[name]["records"]:
            assert list(record) == ["id", "url", *(f.name for f in rtype.all_fields)], name


def test_record_values_match_the_content(parsed, site_content):
    opdc = next(r for r in parsed["voorzieningen.json"]["records"]
                if r["id"] == "opdc-de-overstap")
    source = site_content.voorzieningen["opdc-de-overstap"]
    assert opdc["url"] == f"{SITE_URL}voorzieningen/opdc-de-overstap/"
    assert opdc["type"] == {"waarde": source["type"],
                            "label": m.VOORZIENING_TYPES[source["type"]]}
    assert opdc["sector"] == [{"waarde": s, "label": m.SECTOREN[s]} for s in source["sector"]]
    assert opdc["gecontroleerd_op"] == source["gecontroleerd_op"].isoformat()
    assert opdc["tlv_nodig"] is source["tlv_nodig"]
    assert opdc["beschrijving"] == source["beschrijving"]  # Markdown as written
    school = parsed["scholen.json"]["records"][0]
    assert school["niveaus"][0]["label"] == m.NIVEAUS[school["niveaus"][0]["waarde"]]
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", school["vastgesteld_op"])


def _refs(node):
    """Every {"id", "url"} reference object in an export."""
    if isinstance(node, dict):
        own = [node] if set(node) == {"id", "url"} else []
        return own + [r for v in node.values() for r in _refs(v)]
    if isinstance(node, list):
        return [r for v in node for r in _refs(v)]
    return []


def test_references_resolve_to_exported_records(parsed):
    known = {}
    for name in EXPORT_FILES:
        for record in parsed[name]["records"]:
            known[record["url"]] = record["id"]
            for vraag in record.get("vragen") or []:
                known[vraag["url"]] = vraag["id"]
    swvs = {s["id"] for s in parsed["organisatie.json"]["records"][0]["swvs"]}
    contact_url = parsed["organisatie.json"]["records"][0]["url"]
    refs = [r for name in EXPORT_FILES for r in _refs(parsed[name]["records"])]
    assert len(refs) > 20
    for ref in refs:
        if ref["url"] == contact_url:
            assert ref["id"] in swvs
        else:
            assert known.get(ref["url"]) == ref["id"], ref
    # A school's swv is a reference, a voorziening's procedures too.
    assert parsed["scholen.json"]["records"][0]["swv"]["id"] in swvs
    assert any(r["procedures"] for r in parsed["voorzieningen.json"]["records"])


def test_exports_are_deterministic(site_content, exported):
    assert exports.exports(site_content, SITE_URL) == exported
    assert exports.exports(load_site(FIXTURE_CONTENT), SITE_URL) == exported


def test_exports_without_site_url_use_paths():
    site = load_site(FIXTURES / "minimal")
    files = {n: json.loads(t) for n, t in exports.exports(site, None).items()}
    assert files["index.json"]["bron"]["site"] is None
    assert files["index.json"]["bestanden"][0]["url"] == "/data/voorzieningen.json"
    assert files["procedures.json"]["records"][0]["url"] == "/procedures/thuiszitten/"
    vraag = files["vragen.json"]["records"][0]["vragen"][0]
    assert vraag["url"] == "/vragen/algemeen/#wat-is-een-tlv"
    assert vraag["procedures"] == [{"id": "tlv-aanvragen", "url": "/procedures/tlv-aanvragen/"}]
    assert files["begrippen.json"]["records"][0]["url"] == "/begrippen/#toelaatbaarheidsverklaring"


def test_hostile_text_stays_data_in_exports(hostile_site):
    files = exports.exports(hostile_site, SITE_URL)
    vragen = json.loads(files["vragen.json"])
    assert vragen["records"][0]["vragen"][0]["vraag"] == HOSTILE


# --------------------------------------------------------------------------
# The documentation page
# --------------------------------------------------------------------------


def test_data_page_documents_every_file_and_links_only_to_pages():
    text = (FIXTURE_SITE / "docs" / "data.md").read_text(encoding="utf-8")
    assert text.startswith("---\nrender_macros: false\n")
    for name in [*EXPORT_FILES, "index.json"]:
        assert f"`{name}`" in text
    for target in re.findall(r"\]\(([^)]+)\)", text):
        assert not re.match(r"[a-z]+:", target), target
        if target.startswith("data/") and target.endswith(".json"):
            assert target.removeprefix("data/") in EXPORT_FILES or target == "data/index.json"
            continue  # an export, generated at build time
        assert (FIXTURE_SITE / "docs" / target.split("#")[0]).is_file(), target


def _rendered_text(value: str) -> str | None:
    """markdown_text the long way: through Python-Markdown, whatever the text."""
    extractor = plaintext._TextExtractor()
    extractor.feed(plaintext._MARKDOWN.reset().convert(safe.markdown(value)))
    extractor.close()
    return extractor.text() or None


@settings(max_examples=1000, deadline=None)
@example(["Ouders", "\t", "\n", "Ouders"])     # a tab becomes four spaces: a line break
@example(["Ouders", "  ", "\n", "school"])      # two spaces at the end: a line break
@example(["\n   ", "1.", " ", "weken."])        # a numbered list
@example(["Ouders", "\n", "==", "\n\n", "x"])   # a heading underlined
@given(hst.lists(hst.sampled_from(["Ouders", "school", "TLV", "6", "weken.", "-", "1.", "#",
                                   "*", "_", "[a](b)", "&", "<b>", "é", " ", "  ", "\n", "\n\n",
                                   "\n   ", "\t", ":", "?", "'", '"', "    code", "---", "=="]),
                 max_size=25))
def test_plain_paragraphs_skip_markdown_but_give_the_same_text(parts):
    value = "".join(parts)
    assert plaintext.markdown_text(value) == (_rendered_text(value) if value else None)
