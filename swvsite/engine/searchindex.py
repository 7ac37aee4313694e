"""Material for MkDocs' search, in Dutch that really stems, at both ends, and fast.

Material for MkDocs indexes with the language's stemmer (when the search
pipeline names it), but turns every query term into a prefix query (`ouders*`)
and lunr never runs the pipeline on wildcard terms. The index then holds
`ouder` while the query looks for words starting with `ouders`: plural and
inflected queries find nothing. This patch, appended to the language file the
search worker loads, adds to every prefix clause the same term stemmed by the
index's stemmer as a whole-word clause (`ouders*` and `ouder`), weighed higher
than the prefix. Stemming the prefix itself would over-match: the stemmer turns
`school` into `schol`, and
`schol*` matches `scholengemeenschap`.

Then `SwvsiteSearchIndex`: Material's index with pages divided into sections by
`page_sections` (a copy of Material's search parser, several times faster) and
every entry given the other names of the begrippen it mentions
(swvsite.pages.search).
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from swvsite.pages import search

MARKER = "/* swvsite: stem prefix queries */"


def query_stemming_patch(lang: str) -> str:
    return MARKER + r"""
(function (lunr, lang) {
  if (typeof lunr === "undefined" || !lunr.QueryParser || !lunr[lang] || !lunr[lang].stemmer)
    return;
  var nextClause = lunr.QueryParser.prototype.nextClause;
  var WHOLE_WORD_BOOST = 10;
  var stem = function (word) {
    var token = new lunr.Token(word, {});
    var trimmed = lunr[lang].trimmer ? lunr[lang].trimmer(token) : token;
    var stemmed = trimmed && lunr[lang].stemmer(trimmed);
    return stemmed ? stemmed.toString() : word;
  };
  var isStopWord = function (word) {
    var filter = lunr[lang].stopWordFilter;
    return !!filter && filter(new lunr.Token(word, {})) === undefined;
  };
  lunr.QueryParser.prototype.nextClause = function () {
    var clause = this.currentClause;
    var match = clause && typeof clause.term === "string" && /^([^*]+)\*$/.exec(clause.term);
    var optional = clause && (clause.presence === undefined ||
                              clause.presence === lunr.Query.presence.OPTIONAL);
    if (match && optional && isStopWord(match[1])) {
      this.currentClause = {};  // "naar", "een", "ik": not in the index, only noise
      return;
    }
    if (match && optional && match[1].length > 3) {
      var root = stem(match[1]);
      if (root) {
        // Also look for the stem as a whole word ("ouders" finds "ouder"), next to
        // the prefix query Material asked for ("ouders*", for search as you type),
        // and weigh the whole word higher than words that merely start with it
        // ("school" above "schooladvies").
        var exact = {};
        for (var key in clause) exact[key] = clause[key];
        exact.term = root;
        exact.usePipeline = false;
        exact.wildcard = lunr.Query.wildcard.NONE;
        exact.boost = (clause.boost || 1) * WHOLE_WORD_BOOST;
        this.currentClause = exact;
        nextClause.call(this);
        this.currentClause = clause;
      }
    }
    return nextClause.apply(this, arguments);
  };
})(typeof lunr !== "undefined" ? lunr : undefined, "%s");
""".replace("%s", lang)


def patch_language_file(site_dir: Path, lang: str) -> Path | None:
    """Append the patch to the lunr language file in the built site (once)."""
    path = site_dir / "assets" / "javascripts" / "lunr" / "min" / f"lunr.{lang}.min.js"
    if not path.is_file():
        return None
    text = path.read_text(encoding="utf-8")
    if MARKER not in text:
        path.write_text(text.rstrip("\n") + "\n" + query_stemming_patch(lang), encoding="utf-8")
    return path



# --------------------------------------------------------------------------
# Dividing a page into indexed sections, fast
# --------------------------------------------------------------------------
# Material for MkDocs' search plugin divides a page's HTML into sections (one
# per heading with an id) with html.parser, which costs more than rendering the
# page's theme template. `page_sections` does the same work with one regular
# expression over the tags: for the HTML that Python-Markdown writes it gives the
# same sections, titles and texts as Material's parser, to the character (the
# tests compare both on every page of several sites). HTML it does not handle in
# the same way (comments, scripts, styles, <pre>, processing instructions) makes
# it return None, and the caller uses Material's parser for that page.


@dataclass
class Section:
    """What Material's `Section` holds for an index entry: the heading's id (None
    for the first section), the title and text as lists of HTML pieces."""

    tag: str
    attrs: dict
    depth: float = 0
    id: str | None = None
    title: list[str] = None  # type: ignore[assignment]
    text: list[str] = None  # type: ignore[assignment]

    def __post_init__(self):
        self.title, self.text = [], []

    def is_excluded(self) -> bool:
        return "data-search-exclude" in self.attrs


# Kept as markup in the index text (Material's list); everything else is text only.
_KEEP = frozenset({"p", "code", "pre", "li", "ol", "ul", "sub", "sup"})
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link",
                   "meta", "param", "source", "track", "wbr"})
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_RAW_TEXT = ("object", "script", "style")  # skipped whole by Material
# Markup whose parsing rules differ from ordinary tags: handled by Material's parser.
_UNUSUAL = re.compile(r"<(?:!|\?|/?(?:script|style|object|pre|textarea|title|xmp|iframe|"
                      r"noembed|noframes|noscript|plaintext)\b)", re.I)
_TAG = re.compile(r"<(/?)([a-zA-Z][^\t\n\r\f />\x00]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>")
_ATTR = re.compile(r"((?<=[\'\"\s/])[^\s/>][^\s/=>]*)(\s*=+\s*(\'[^\']*\'|\"[^\"]*\"|"
                   r"(?![\'\"])[^>\s]*))?(?:\s|/(?!>))*")


def page_sections(content: str) -> list[Section] | None:
    """The sections of a page's HTML as Material's search parser finds them, or
    None when the page has markup this function leaves to Material's parser."""
    if _UNUSUAL.search(content) or "<" in _TAG.sub("", content):
        return None
    try:
        return _build_sections(content)
    except (_Unusual, ValueError):  # ValueError: an end tag Material's parser trips over too
        return None


class _Unusual(Exception):
    """Markup that html.parser treats in its own way; Material's parser handles the page."""


def _build_sections(content: str) -> list[Section]:
    """Material's search `Parser` callbacks (material/plugins/search/plugin.py),
    step for step, over the tokens of one regular expression (`_SectionBuilder`)."""
    return _SectionBuilder(content).build()


class _SectionBuilder:
    """Like Material, it compares elements by tag name: an element is 'in' the
    context or the skip set when one with the same tag is. The tags Material
    always skips (object, script, style) never get here (see `_UNUSUAL`), so
    `skip` holds only tags skipped because of data-search-exclude."""

    def __init__(self, content: str) -> None:
        self.content = content
        self.sections: list[Section] = []
        self.section: Section | None = None
        self.tags: list[str] = []              # the open elements (Material's context)
        self.headerlink_flags: list[bool] = []  # whether each is an <a class="headerlink">
        self.open_count: dict[str, int] = {}   # tag -> how many elements with it are open
        self.skip: set[str] = set()
        self.headerlinks = 0

    def build(self) -> list[Section]:
        tokens = _TOKEN.finditer(self.content)
        while (token := next(tokens, None)) is not None:
            name = token.group(2)
            if name is None:  # text between tags
                self._text(token.group())
            elif not token.group(1):
                self._start(name.lower(), token.group(3))
            else:
                resume = self._end(name.lower(), token.end())
                if resume is not None:
                    tokens = _TOKEN.finditer(self.content, resume)
        return self.sections

    def _skipping(self) -> bool:
        return bool(self.skip) and any(self.open_count.get(tag) for tag in self.skip)

    def _new_section(self, tag: str, attrs: dict, depth: float = 0) -> Section:
        created = Section(tag, attrs, depth)
        self.sections.append(created)
        return created

    def _current(self) -> Section:
        if self.section is None:
            self.section = self._new_section("hx", {})
        return self.section

    def _pieces(self, section: Section) -> list[str]:
        """Where markup goes: the title inside the section's heading, else the text."""
        return section.title if self.open_count.get(section.tag) else section.text

    def _text(self, text: str) -> None:
        if "&" in text:
            text = html.unescape(text)
        if self._skipping():
            return
        text = " " if text.isspace() else text.replace("\n", " ")
        section = self._current()
        if self.open_count.get(section.tag):  # inside the section's heading
            if not self.headerlinks:
                section.title.append(_escape(text))
        elif text == " ":
            if not section.text or not section.text[-1].isspace():
                section.text.append(text)
        else:
            section.text.append(_escape(text))

    def _start(self, name: str, rest: str) -> None:
        if name in _VOID:
            return
        if rest.rstrip().endswith("/"):
            raise _Unusual(name)  # <span/>: html.parser starts and ends it
        needs_attrs = name in _HEADINGS or name == "a" or "data-search" in rest \
            or "linenodiv" in rest
        attrs = _attributes(rest) if needs_attrs and rest.strip() else {}
        self._open(name, attrs)
        if name in _HEADINGS and "id" in attrs:
            self._heading(name, attrs)
        section = self._current()
        if "data-search-exclude" in attrs or attrs.get("class") == "linenodiv":
            self.skip.add(name)
            return
        if name in _KEEP and not self._skipping():
            self._pieces(section).append(f"<{name}>")

    def _open(self, name: str, attrs: dict) -> None:
        self.tags.append(name)
        self.open_count[name] = self.open_count.get(name, 0) + 1
        is_headerlink = name == "a" and attrs.get("class") == "headerlink"
        self.headerlink_flags.append(is_headerlink)
        self.headerlinks += is_headerlink

    def _heading(self, name: str, attrs: dict) -> None:
        depth = len(self.tags)
        if name != "h1" and not self.sections:
            self.section = self._new_section("hx", {}, depth)
        had_sections = bool(self.sections)
        self.section = self._new_section(name, attrs, depth)
        if had_sections:
            self.section.id = attrs["id"]

    def _end(self, name: str, end: int) -> int | None:
        """An end tag: only the innermost open element can be ended. Where to go
        on reading when a whole excluded section can be passed by, else None."""
        if not self.tags or self.tags[-1] != name:
            return None
        section = self._current()
        if section.depth > len(self.tags):  # leaving the element a heading was nested in
            section = self._back_to_enclosing(section)
        self.tags.pop()
        self.open_count[name] -= 1
        self.headerlinks -= self.headerlink_flags.pop()
        if name in self.skip:
            self.skip.discard(name)
            if not self.tags and name == section.tag and section.is_excluded():
                # The heading of an excluded section at the top: what follows up to
                # the next heading only fills this section, so it can be passed by.
                resume = _past_excluded_section(self.content, end)
                return resume if resume != end else None
            return None
        if name in _KEEP and not self._skipping():
            pieces = self._pieces(section)
            index = pieces.index(f"<{name}>")  # the first one, as in Material
            if all(piece.isspace() for piece in pieces[index + 1:]):
                del pieces[index:]  # an element with nothing in it is left out
            else:
                pieces.append(f"</{name}>")
        return None

    def _back_to_enclosing(self, section: Section) -> Section:
        for earlier in reversed(self.sections):
            if earlier.depth <= len(self.tags):
                section.depth = float("inf")
                self.section = earlier
                return earlier
        return section


_SECTION_HEADING = re.compile(r"<h[1-6]\b[^>]*\sid=", re.I)
_TAG_NAME = re.compile(r"<(/?)([a-zA-Z][^\t\n\r\f />\x00]*)")


def _past_excluded_section(content: str, start: int) -> int:
    """Where the next section can begin after the top-level heading of an excluded
    section ending at `start`: the next heading with an id, when everything before
    it is complete elements (then nothing there reaches the index, and Material's
    parser is back at the top when it gets there); otherwise `start`."""
    heading = _SECTION_HEADING.search(content, start)
    end = heading.start() if heading else len(content)
    open_tags: list[str] = []
    for closing, name in _TAG_NAME.findall(content, start, end):
        name = name.lower()
        if name in _VOID:
            continue
        if not closing:
            open_tags.append(name)
        elif not open_tags or open_tags.pop() != name:
            return start
    return start if open_tags else end


_TOKEN = re.compile(r"<(/?)([a-zA-Z][^\t\n\r\f />\x00]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>"
                    r"|[^<]+")


def _escape(text: str) -> str:
    if "&" in text or "<" in text or ">" in text:
        return html.escape(text, quote=False)
    return text


def _attributes(text: str) -> dict:
    """Attributes as html.parser reports them (lower-case names, unescaped values);
    the last of two with the same name wins, as in Material's dict(attrs)."""
    result: dict[str, str | None] = {}
    for match in _ATTR.finditer(" " + text.rstrip()):
        name, has_value, raw = match.group(1), match.group(2), match.group(3)
        value: str | None = raw
        if not has_value:
            value = None
        elif raw[:1] == raw[-1:] and raw[:1] in ("'", '"') and len(raw) >= 2:
            value = html.unescape(raw[1:-1])
        elif raw:
            value = html.unescape(raw)
        result[name.lower()] = value
    return result


# --------------------------------------------------------------------------
# Material's search plugin, with our sections and synonyms
# --------------------------------------------------------------------------


def search_plugin(config: Any) -> Any:
    """Material's search plugin, if the site uses it."""
    return config.plugins.get("material/search") or config.plugins.get("search")


def search_index(synonyms: search.Synoniemen, search_config: Any) -> Any:
    """Material's search index, with two changes: pages are divided into sections
    by `page_sections` (the same sections, several times faster), and every
    entry gets the other names of the begrippen it mentions (`search.zoekwoorden`)."""
    from material.plugins.search.plugin import SearchIndex

    class SwvsiteSearchIndex(SearchIndex):
        def add_entry_from_context(self, page):
            first = len(self.entries)
            sections = None
            if not (page.meta.get("search") or {}).get("exclude"):
                sections = page_sections(page.content)
            if sections is None:
                super().add_entry_from_context(page)
            else:
                for section in sections:
                    if not section.is_excluded():
                        self.create_entry_for_section(section, page.toc, page.url, page)
            search.expand_entries(self.entries[first:], synonyms)

        def generate_search_index(self, prev):
            if prev:  # `mkdocs serve --dirty`: Material merges with the previous index
                return super().generate_search_index(prev)
            config = {key: self.config[key] for key in ("lang", "separator", "pipeline", "fields")}
            # UTF-8 rather than \u escapes: Dutch text is smaller that way.
            return json.dumps({"config": config, "docs": self.entries}, separators=(",", ":"),
                              default=str, ensure_ascii=False)

    return SwvsiteSearchIndex(**search_config)


def stemmed_languages(config: Any) -> list[str]:
    """Languages of Material's search plugin whose stemmer is in the pipeline."""
    plugin = search_plugin(config)
    if plugin is None or "stemmer" not in (plugin.config.get("pipeline") or []):
        return []
    return [lang for lang in plugin.config.get("lang") or [] if lang != "en"]
