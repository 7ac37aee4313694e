"""Small building blocks of the record pages, against the library behaviour they replace."""

from __future__ import annotations

import posixpath
import re

from hypothesis import given
from hypothesis import strategies as st

from swvsite.pages import markup, safe

PART = st.sampled_from(["index", "scholen", "filter", "vragen", "a", "b", "x-y"])
PAGE = st.lists(PART, min_size=1, max_size=4).map(lambda parts: "/".join(parts) + ".md")


@given(PAGE, PAGE)
def test_relative_links_are_what_posixpath_relpath_gives(from_page, to_page):
    expected = posixpath.relpath(to_page, posixpath.dirname(from_page) or ".")
    assert markup.rel(from_page, to_page) == expected
    assert markup.rel(from_page, to_page, "stap-2") == f"{expected}#stap-2"


_OLD_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+\-.!|~^=:$])")


@given(st.text())
def test_text_escapes_every_special_character_as_before(value):
    folded = " ".join(value.split())
    expected = _OLD_SPECIALS.sub(r"\\\1", folded)
    expected = "".join({"&": "&amp;", "<": "&lt;", ">": "&gt;"}.get(c, c) for c in expected)
    assert safe.text(value) == expected
