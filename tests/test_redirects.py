"""Links that never break: old ids redirect to the record's current page."""

from __future__ import annotations

import re
from urllib.parse import urljoin

from swvsite.pages import redirects

from conftest import build, run_swvsite


def add_old_ids(content, file, *old_ids):
    path = content / file
    path.write_text(path.read_text() + "oude_ids:\n" + "".join(f"  - {o}\n" for o in old_ids))


def test_old_address_lands_on_the_new_page(tmp_path, minimal_content):
    add_old_ids(minimal_content, "procedures/tlv-aanvragen.yml", "tlv-aanvraag", "toelating")
    site = build(tmp_path, minimal_content)
    assert site.result.returncode == 0, site.result.stderr
    for old in ("tlv-aanvraag", "toelating"):
        page = site.path(f"procedures/{old}")
        html = page.read_text()
        refresh = re.search(r'http-equiv="refresh" content="0; url=([^"]+)"', html).group(1)
        landed = urljoin(f"/procedures/{old}/", refresh)
        assert landed == "/procedures/tlv-aanvragen/"
        assert site.path(landed).is_file()
        assert 'id="swvsite-doel"' in html and "Deze pagina is verhuisd" in html
        script = re.search(r'<script src="([^"]+)"', html).group(1)
        assert (page.parent / script).resolve() == (site.root /
                                                     redirects.REDIRECT_SCRIPT).resolve()
        assert 'http-equiv="Content-Security-Policy"' in html
    assert "location.hash" in (site.root / redirects.REDIRECT_SCRIPT).read_text()


def test_old_vraag_ids_stay_valid_anchors(tmp_path, minimal_content):
    path = minimal_content / "vragen/algemeen.yml"
    path.write_text(path.read_text().replace(
        "    jongeren: true", "    jongeren: true\n    oude_ids: [tlv-wat-is-dat]"))
    site = build(tmp_path, minimal_content)
    assert site.result.returncode == 0, site.result.stderr
    article = site.article("vragen/algemeen")
    assert article.find(id="tlv-wat-is-dat") is not None
    assert article.find(id="wat-is-een-tlv") is not None


def test_an_old_id_in_use_or_claimed_twice_is_refused_by_check(tmp_path, minimal_content):
    add_old_ids(minimal_content, "procedures/tlv-aanvragen.yml", "thuiszitten", "oud")
    add_old_ids(minimal_content, "procedures/thuiszitten.yml", "oud")
    result = run_swvsite("check", "--content", str(minimal_content), cwd=tmp_path)
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    in_use = [x for x in lines if "is de id van een bestaand record" in x]
    assert len(in_use) == 1
    assert re.match(r"- content/procedures/tlv-aanvragen\.yml, regel \d+, veld 'oude_ids\[1\]'",
                    in_use[0])
    assert any("staat ook bij" in x and "regel" in x for x in lines)


def test_a_renamed_procedure_keeps_its_old_address(fixture_site):
    html = fixture_site.path("procedures/toelaatbaarheidsverklaring-aanvragen").read_text()
    assert "../tlv-aanvragen/" in html
