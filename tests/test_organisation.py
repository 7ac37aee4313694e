"""Pages and settings that come from organisatie.yml: the palette and its
contrast check, the accessibility statement, the privacy statement, and the
section for young people."""

from __future__ import annotations

import re

import pytest
import yaml

from swvsite.content import huisstijl
from swvsite.content.load import load_site
from swvsite.pages import bundle

from conftest import FIXTURE_CONTENT, BuiltSite, build, make_project, run_swvsite


def set_huisstijl(content, **colours):
    path = content / "organisatie.yml"
    path.write_text(path.read_text() + "huisstijl:\n" + "".join(
        f'  {key}: "{value}"\n' for key, value in colours.items()))


def test_contrast_ratio_matches_wcag_examples():
    assert huisstijl.contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert huisstijl.contrast("#ffffff", "#ffffff") == pytest.approx(1.0)
    assert huisstijl.contrast("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)
    assert huisstijl.contrast("#1f4e79", "#ffffff") > 8


def test_a_good_palette_has_no_problems(tmp_path, minimal_content):
    set_huisstijl(minimal_content, primair="#1f4e79", accent="#8a3b00")
    assert run_swvsite("check", "--content", str(minimal_content), cwd=tmp_path).returncode == 0


@pytest.mark.parametrize("colours, field, pair", [
    ({"primair": "#7fa7d9"}, "huisstijl.primair", "de hoofdkleur #7fa7d9 op een witte achtergrond"),
    ({"primair": "#1f4e79", "tekst_op_primair": "#5a6b7c"}, "huisstijl.tekst_op_primair",
     "de tekstkleur #5a6b7c op de hoofdkleur #1f4e79"),
    ({"primair": "#1f4e79", "accent": "#ffa000"}, "huisstijl.accent",
     "de accentkleur #ffa000 op een witte achtergrond"),
])
def test_a_low_contrast_palette_is_refused_by_check_and_build(tmp_path, minimal_content,
                                                               colours, field, pair):
    set_huisstijl(minimal_content, **colours)
    result = run_swvsite("check", "--content", str(minimal_content), cwd=tmp_path)
    assert result.returncode == 1
    found = [x for x in result.stderr.splitlines() if f"veld '{field}'" in x]
    assert len(found) == 1, result.stderr
    line = next(n for n, text in enumerate(
        (minimal_content / "organisatie.yml").read_text().splitlines(), start=1)
        if text.strip().startswith(field.split(".")[1] + ":"))
    assert found[0].startswith(f"- content/organisatie.yml, regel {line}, veld '{field}'")
    assert pair in found[0]
    fg, bg = pair.split()[2], ("#ffffff" if "witte" in pair else pair.split()[-1])
    ratio = f"{int(huisstijl.contrast(fg, bg) * 100) / 100:.2f}".replace(".", ",")
    assert f"contrast van {ratio}:1" in found[0]
    assert "minstens 4,5:1" in found[0]
    built = build(tmp_path, minimal_content)
    assert built.result.returncode == 1 and f"veld '{field}'" in built.result.stderr
    assert not (tmp_path / "site").exists()


def stylesheets(page) -> list[str]:
    return [link["href"] for link in page.find_all("link", rel="stylesheet")]


def test_palette_reaches_the_built_site(tmp_path, minimal_content):
    set_huisstijl(minimal_content, primair="#0b5d1e", accent="#8a3b00")
    site = build(tmp_path, minimal_content)
    assert site.result.returncode == 0, site.result.stderr
    css = (site.root / bundle.STYLESHEET).read_text()
    assert re.search(r"--md-primary-fg-color:\s*#0b5d1e[;}]", css)
    assert re.search(r"--md-accent-fg-color:\s*#8a3b00[;}]", css)
    home = site.page("")
    assert home.find("body")["data-md-color-primary"] == "custom"
    links = stylesheets(home)
    assert any(href.endswith(bundle.STYLESHEET) for href in links)
    assert any(re.search(r"stylesheets/main\.\w+\.min\.css$", href) for href in links)
    # Material's palette.css has no rule for the colour "custom": not requested.
    assert not any("stylesheets/palette." in href for href in links), links


def test_a_material_palette_from_mkdocs_yml_keeps_its_stylesheet(tmp_path, minimal_content):
    """Without huisstijl, colours named in mkdocs.yml are Material's own: they are
    defined in its palette.css, which must then still be loaded."""
    config = make_project(tmp_path / "project", minimal_content)
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("  custom_dir: overrides\n", "  custom_dir: overrides\n"
                                   "  palette:\n    primary: teal\n    accent: teal\n", 1),
                      encoding="utf-8")
    result = run_swvsite("build", "-f", str(config), "--site-dir", str(tmp_path / "site"),
                         cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    home = BuiltSite(tmp_path / "site", result).page("")
    assert home.find("body")["data-md-color-primary"] == "teal"
    links = stylesheets(home)
    assert any("stylesheets/palette." in href for href in links), links
    assert any(re.search(r"stylesheets/main\.\w+\.min\.css$", href) for href in links)


def test_accessibility_statement_follows_the_national_model(fixture_site):
    article = fixture_site.article("toegankelijkheid")
    text = article.get_text(" ", strip=True)
    organisatie = yaml.safe_load((FIXTURE_CONTENT / "organisatie.yml").read_text(encoding="utf-8"))
    assert article.find("h1").get_text().startswith("Toegankelijkheidsverklaring")
    for part in ("Hoe goed voldoet deze website?", "B: Voldoet gedeeltelijk",
                 "Datum van deze verklaring", "1 oktober 2026", "Hoe hebben we dit onderzocht?",
                 "Wat is nog niet goed?", "Een probleem melden", "binnen 5 werkdagen",
                 "WCAG 2.1"):
        assert part in text, part
    # Reports go to the statement's own address when it has one (the test site's does).
    melden = organisatie["toegankelijkheid"].get("email") or organisatie["contact"]["email"]
    assert organisatie["toegankelijkheid"].get("email")
    assert article.find("a", href=f"mailto:{melden}")


def test_privacy_statement_says_what_is_not_collected(fixture_site):
    article = fixture_site.article("privacy")
    text = article.get_text(" ", strip=True)
    for part in ("geen cookies", "niet bij", "niets van andere websites",
                 "Autoriteit Persoonsgegevens"):
        assert part in text, part
    # The address in parts (it may break before its @ only, markup.email), read as one.
    mail = article.find("a", href="mailto:fg@swv-hartvanbrabant.example")
    assert mail is not None and mail.get_text() == "fg@swv-hartvanbrabant.example"


def test_youth_section_lists_every_youth_question(fixture_site):
    content = load_site(FIXTURE_CONTENT)
    article = fixture_site.article("jongeren")
    hrefs = {a["href"] for a in article.find_all("a", href=True)}
    youth = [(t, v) for t, v in content.vragen() if v["jongeren"]]
    assert len(youth) >= 4
    for thema, vraag in youth:
        assert f"../vragen/{thema.id}/#{vraag['id']}" in hrefs, vraag["id"]
    assert "Je mag zelf bellen of mailen" in article.get_text()
    nav = fixture_site.page("").select_one("nav.md-nav--primary").get_text()
    assert "Voor jongeren" in nav


def test_home_page_contact_ends_the_bereikbaar_text_with_one_full_stop(fixture_site):
    bereikbaar = " ".join(load_site(FIXTURE_CONTENT).organisatie["contact"]["bereikbaar"].split())
    assert bereikbaar.endswith(".")  # the case the home page used to end in ".."
    text = fixture_site.article("").get_text(" ", strip=True)
    assert "Bel of mail het steunpunt" in text and bereikbaar in text
    assert bereikbaar + "." not in text
