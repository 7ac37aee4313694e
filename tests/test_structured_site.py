"""JSON-LD, Open Graph and the /data/ exports in the built test site."""

from __future__ import annotations

import json

import pytest

from swvsite.content.load import load_site

from conftest import FIXTURE_CONTENT

EXPECTED_TYPES = {
    "procedures/tlv-aanvragen": "HowTo",
    "vragen/ondersteuning-en-opp": "FAQPage",
    "scholen/bs-de-klimop-tilburg": "ElementarySchool",
    "": "Organization",
    "contact": "Organization",
}


@pytest.mark.parametrize("url, kind", EXPECTED_TYPES.items())
def test_pages_carry_well_formed_json_ld(fixture_site, url, kind):
    head = fixture_site.page(url).head
    blocks = [json.loads(s.string) for s in head.find_all("script", type="application/ld+json")]
    flat = [item for block in blocks for item in (block if isinstance(block, list) else [block])]
    assert any(item.get("@type") == kind for item in flat), [i.get("@type") for i in flat]
    assert all(item["@context"] == "https://schema.org" for item in flat)


def test_every_record_page_has_open_graph_and_a_description(fixture_site):
    content = load_site(FIXTURE_CONTENT)
    for record in [*content.voorzieningen.values(), *content.procedures.values()]:
        head = fixture_site.page(record.page.removesuffix(".md")).head
        og = {m["property"]: m["content"] for m in head.find_all("meta", property=True)}
        assert og["og:title"] and og["og:locale"] == "nl_NL"
        assert og["og:description"] == record["samenvatting"].strip() or og["og:description"]
        assert head.find("meta", attrs={"name": "description"})["content"]


def test_data_exports_are_published(fixture_site):
    content = load_site(FIXTURE_CONTENT)
    index = json.loads((fixture_site.root / "data/index.json").read_text())
    assert index
    scholen = json.loads((fixture_site.root / "data/scholen.json").read_text())
    assert len(scholen["records"]) == len(content.scholen)
    nieuws = json.loads((fixture_site.root / "data/nieuws.json").read_text())
    assert len(nieuws["records"]) == len(content.nieuws)
