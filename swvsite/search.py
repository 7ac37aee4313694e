"""Search in Dutch that really stems, at both ends.

Material for MkDocs indexes with the language's stemmer (when the search
pipeline names it), but turns every query term into a prefix query (`ouders*`)
and lunr never runs the pipeline on wildcard terms. The index then holds
`ouder` while the query looks for words starting with `ouders`: plural and
inflected queries find nothing. This patch, appended to the language file the
search worker loads, stems the term of a trailing-wildcard clause with the same
stemmer before the prefix match (`ouders*` -> `ouder*`).
"""

from __future__ import annotations

from pathlib import Path

MARKER = "/* swvsite: stem prefix queries */"


def query_stemming_patch(lang: str) -> str:
    return MARKER + """
(function (lunr, lang) {
  if (typeof lunr === "undefined" || !lunr.QueryParser || !lunr[lang] || !lunr[lang].stemmer)
    return;
  var nextClause = lunr.QueryParser.prototype.nextClause;
  var stem = function (word) {
    var token = new lunr.Token(word, {});
    var trimmed = lunr[lang].trimmer ? lunr[lang].trimmer(token) : token;
    var stemmed = trimmed && lunr[lang].stemmer(trimmed);
    return stemmed ? stemmed.toString() : word;
  };
  lunr.QueryParser.prototype.nextClause = function () {
    var clause = this.currentClause;
    var match = clause && typeof clause.term === "string" && /^([^*]+)\*$/.exec(clause.term);
    if (match && match[1].length > 3) {
      var root = stem(match[1]);
      if (root) clause.term = root + "*";
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
