"""Search in Dutch that really stems, at both ends.

Material for MkDocs indexes with the language's stemmer (when the search
pipeline names it), but turns every query term into a prefix query (`ouders*`)
and lunr never runs the pipeline on wildcard terms. The index then holds
`ouder` while the query looks for words starting with `ouders`: plural and
inflected queries find nothing. This patch, appended to the language file the
search worker loads, adds to every prefix clause the same term stemmed by the
index's stemmer as a whole-word clause (`ouders*` and `ouder`), weighed higher than the prefix. Stemming the
prefix itself would over-match: the stemmer turns `school` into `schol`, and
`schol*` matches `scholengemeenschap`.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
from pathlib import Path

from . import model as m

MARKER = "/* swvsite: stem prefix queries */"


def query_stemming_patch(lang: str) -> str:
    return MARKER + """
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
""" % lang


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
# The words parents use: synonyms from the begrippenlijst, applied to the index
# --------------------------------------------------------------------------



@dataclass(frozen=True)
class Synoniemen:
    """A begrip's names: its term, its afkorting and the zoekwoorden parents use."""

    term: str
    names: tuple[str, ...]
    pattern: re.Pattern


def synoniemen(site: m.Site) -> list[Synoniemen]:
    groups = []
    for begrip in site.begrippen_lijst:
        names = [begrip["term"]]
        if begrip["afkorting"]:
            names.append(begrip["afkorting"])
        names += begrip["zoekwoorden"]
        alternatives = "|".join(re.escape(n.lower()) for n in sorted(names, key=len, reverse=True))
        groups.append(Synoniemen(begrip["term"], tuple(dict.fromkeys(names)),
                                 re.compile(rf"(?<!\w)({alternatives})(?!\w)", re.I)))
    return groups


def expand_index(index: dict, groups: list[Synoniemen]) -> dict:
    """Add, to every indexed section that mentions a begrip by any of its names,
    the other names, so a search for any of them finds it. Shown text stays the same
    except for a short 'Zoekwoorden:' tail that Material may show in a result."""
    for doc in index.get("docs", []):
        haystack = f"{doc.get('title', '')} {doc.get('text', '')}"
        extra: list[str] = []
        for group in groups:
            if group.pattern.search(haystack):
                extra += [n for n in group.names if not _mentions(haystack, n)]
        if extra:
            words = html.escape(", ".join(dict.fromkeys(extra)))
            doc["text"] = (doc.get("text") or "") + f" <p hidden>Zoekwoorden: {words}</p>"
    return index


def _mentions(text: str, name: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text, re.I) is not None


def rewrite_index(site_dir: Path, site: m.Site) -> Path | None:
    path = site_dir / "search" / "search_index.json"
    if not path.is_file():
        return None
    index = json.loads(path.read_text(encoding="utf-8"))
    expanded = expand_index(index, synoniemen(site))
    path.write_text(json.dumps(expanded, ensure_ascii=False, separators=(",", ":")),
                    encoding="utf-8")
    return path
