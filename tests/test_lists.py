"""Lists are lists: in a Markdown field ("met opmaak") a list typed directly
under a line of text, without a blank line, renders as a list, on the page and
in the plain text of search snippets and exports (swvsite.pages.safe.markdown,
the one place both go through)."""

from __future__ import annotations

import re
from collections.abc import Iterator

import markdown as markdown_lib
import pytest
from bs4 import BeautifulSoup

from swvsite.content import fields as f
from swvsite.content.load import load_site
from swvsite.pages import safe
from swvsite.pages.plaintext import markdown_text

from conftest import FIXTURE_CONTENT

# The Markdown extensions of mkdocs.yml that shape blocks.
EXTENSIONS = ["toc", "attr_list", "md_in_html", "abbr", "def_list", "admonition",
              "pymdownx.details", "pymdownx.escapeall"]
CONFIGS = {"pymdownx.escapeall": {"hardbreak": False, "nbsp": False}}
LIST_LINE = re.compile(r"^ {0,3}(?:[-*+]|\d+[.)]) +\S", re.M)


def render(value: str) -> BeautifulSoup:
    html = markdown_lib.markdown(safe.markdown(value), extensions=EXTENSIONS,
                                 extension_configs=CONFIGS)
    return BeautifulSoup(html, "html.parser")


def assert_lists_are_lists(value: str, where: str) -> None:
    soup = render(value)
    for paragraph in soup.find_all("p"):
        assert not LIST_LINE.search(paragraph.get_text()), (where, str(paragraph))
    if LIST_LINE.search(value):
        assert soup.find(["ul", "ol"]) is not None, where


@pytest.mark.parametrize("value, tag, items", [
    ("Zet deze stappen:\n- neem contact op\n- vraag hulp", "ul", ["neem contact op", "vraag hulp"]),
    ("Zo gaat het:\n1. u belt\n2. wij komen", "ol", ["u belt", "wij komen"]),
    ("Eerst dit.\n* een\n* twee", "ul", ["een", "twee"]),
    ("Tekst\n\n- al apart\n- goed", "ul", ["al apart", "goed"]),
    ("Let op:\n- een punt dat\n  doorloopt\n- en nog een", "ul", ["een punt dat\n  doorloopt",
                                                                 "en nog een"]),
])
def test_a_list_under_a_line_of_text_is_a_list(value, tag, items):
    soup = render(value)
    found = soup.find(tag)
    assert found is not None, value
    assert [li.get_text() for li in found.find_all("li")] == items
    assert_lists_are_lists(value, value)


def test_a_dash_inside_a_line_is_no_list():
    soup = render("Van 9 - 12 uur, en\nniet - zoals hier - een lijst.")
    assert soup.find(["ul", "ol"]) is None


def test_plain_text_of_search_and_exports_follows():
    assert markdown_text("Zet deze stappen:\n- neem contact op\n- vraag hulp") == \
        "Zet deze stappen:\n- neem contact op\n- vraag hulp"


def markdown_values(value, kind: f.FieldType, where: str) -> Iterator[tuple[str, str]]:
    """Every value of a Markdown field in `value` (of field type `kind`)."""
    if value is None:
        return
    if isinstance(kind, f.Markdown):
        yield where, value
    elif isinstance(kind, f.ListOf) and isinstance(value, list):
        for index, item in enumerate(value, start=1):
            yield from markdown_values(item, kind.item, f"{where}[{index}]")
    elif isinstance(kind, f.Obj) and isinstance(value, dict):
        for field in kind.fields:
            yield from markdown_values(value.get(field.name), field.type, f"{where}.{field.name}")


def every_markdown_field(content) -> Iterator[tuple[str, str]]:
    site = load_site(content)
    for record in site.all_records():
        for field in record.type.fields:
            yield from markdown_values(record.data.get(field.name), field.type,
                                       f"{record.path}: {field.name}")


def test_every_markdown_field_renders_its_lists_as_lists():
    """A property of any valid content (test_demo_site.py checks the demo's too)."""
    assert_every_markdown_field_has_its_lists(FIXTURE_CONTENT)


def assert_every_markdown_field_has_its_lists(content) -> None:
    values = list(every_markdown_field(content))
    assert values, content
    for where, value in values:
        assert_lists_are_lists(value, where)


def test_no_paragraph_of_the_built_site_holds_a_list(fixture_site):
    for path in fixture_site.html_files():
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        article = soup.select_one("article.md-content__inner")
        if article is None:
            continue
        for paragraph in article.find_all("p"):
            assert not LIST_LINE.search(paragraph.get_text()), (path, str(paragraph))
