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
    """Every name of every begrip (term, afkorting, zoekwoorden), and one pattern
    that finds any of them, so each indexed section is scanned once."""

    groups: tuple[tuple[str, ...], ...]      # the names of each begrip
    by_name: dict[str, tuple[int, ...]]      # lower-case name -> its begrippen
    pattern: re.Pattern | None


def synoniemen(site: m.Site) -> Synoniemen:
    groups = []
    by_name: dict[str, list[int]] = {}
    for index, begrip in enumerate(site.begrippen_lijst):
        names = [begrip["term"]]
        if begrip["afkorting"]:
            names.append(begrip["afkorting"])
        names += begrip["zoekwoorden"]
        names = list(dict.fromkeys(names))
        groups.append(tuple(names))
        for name in names:
            by_name.setdefault(name.lower(), []).append(index)
    if not by_name:
        return Synoniemen((), {}, None)
    alternatives = "|".join(re.escape(n) for n in sorted(by_name, key=len, reverse=True))
    return Synoniemen(tuple(groups), {k: tuple(v) for k, v in by_name.items()},
                      re.compile(rf"(?<!\w)({alternatives})(?!\w)", re.I))


def expand_index(index: dict, synonyms: Synoniemen) -> dict:
    """Add, to every indexed section that mentions a begrip by any of its names,
    the other names, so a search for any of them finds it. Shown text stays the same
    except for a short hidden 'Zoekwoorden:' tail."""
    if synonyms.pattern is None:
        return index
    for doc in index.get("docs", []):
        haystack = f"{doc.get('title', '')} {doc.get('text', '')}"
        mentioned = {match.group(1).lower() for match in synonyms.pattern.finditer(haystack)}
        if not mentioned:
            continue
        begrippen = sorted({i for name in mentioned for i in synonyms.by_name[name]})
        extra = [name for i in begrippen for name in synonyms.groups[i]
                 if name.lower() not in mentioned]
        if extra:
            words = html.escape(", ".join(dict.fromkeys(extra)))
            doc["text"] = (doc.get("text") or "") + f" <p hidden>Zoekwoorden: {words}</p>"
    return index


def rewrite_index(site_dir: Path, site: m.Site) -> Path | None:
    path = site_dir / "search" / "search_index.json"
    if not path.is_file():
        return None
    index = json.loads(path.read_text(encoding="utf-8"))
    expanded = expand_index(index, synoniemen(site))
    path.write_text(json.dumps(expanded, ensure_ascii=False, separators=(",", ":")),
                    encoding="utf-8")
    return path
