"""Content text as plain text, for consumers that are not the page itself
(JSON-LD, the /data/ exports, meta tags).

Plain text fields as typed (white space folded); Markdown fields rendered with
the site's own safe Markdown and then reduced to their text, so no content HTML
ever reaches a consumer that reads a value as HTML.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import markdown as markdown_lib

from swvsite.pages import safe


def plain(value: str | None) -> str | None:
    """A plain text field as one line: white space folded."""
    if not value:
        return None
    return " ".join(str(value).split()) or None


class _TextExtractor(HTMLParser):
    """The text of rendered Markdown: paragraphs apart, list items as `- ` lines."""

    _BLOCKS = {"p", "div", "ul", "ol", "dl", "dt", "dd", "blockquote", "pre", "table", "tr",
               "h1", "h2", "h3", "h4", "h5", "h6"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "li":
            self.parts.append("\n- ")
        elif tag == "br":
            self.parts.append("\n")
        elif tag in self._BLOCKS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag):
        if tag in self._BLOCKS:
            self.parts.append("\n\n")
        elif tag in ("td", "th"):
            self.parts.append(" ")

    def handle_data(self, data):
        self.parts.append(re.sub(r"\s+", " ", data))

    def text(self) -> str:
        lines = [" ".join(line.split()) for line in "".join(self.parts).split("\n")]
        joined = "\n".join(lines)
        joined = re.sub(r"\n{3,}", "\n\n", joined)
        # A list directly after its paragraph, not a blank line apart.
        joined = re.sub(r"\n\n(?=- )", "\n", joined)
        return joined.strip()


# Only the text of the HTML is kept, so link addresses (safe or not) never reach it.
_MARKDOWN = markdown_lib.Markdown(
    extensions=["pymdownx.escapeall"],
    extension_configs={"pymdownx.escapeall": {"hardbreak": False, "nbsp": False}},
)

# Anything Markdown (or safe.markdown) could turn into something else than plain
# paragraphs: inline markup, escapes, HTML, entities, lists, headings, quotes,
# rules, code blocks, hard line breaks (a tab becomes four spaces).
_MARKUP = re.compile(r"[*_`\[\]<>&\\!#|~^={}\t]|^ *(?:[-+>]|\d+[.)])|^ {4}| {2,}$", re.M)


def markdown_text(value: str | None) -> str | None:
    """A Markdown field as plain text: rendered exactly as the site renders it
    (through `safe.markdown`), then only the text kept; links keep their label."""
    if not value:
        return None
    if not _MARKUP.search(value):  # plain paragraphs: their text is the text
        paragraphs = (" ".join(p.split()) for p in re.split(r"\n\s*\n", value.strip()))
        return "\n\n".join(p for p in paragraphs if p) or None
    html_out = _MARKDOWN.reset().convert(safe.markdown(value))
    extractor = _TextExtractor()
    extractor.feed(html_out)
    extractor.close()
    return extractor.text() or None
