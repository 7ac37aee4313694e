"""An engine-independent search index, sharded by term prefix (issue 15, option c).

Built in pure Python from the built site's HTML (so it works with any engine
that writes pages): every page is divided into sections at its headings with an
id, every section becomes an entry with the page's language (`<html lang>`,
Dutch when absent). Pages that should never be a search result are left out:
redirect stubs (`<meta http-equiv="refresh">`), pages marked `noindex`, and
markup marked `data-search-exclude` (filter lists).

Terms are stemmed (Dutch Snowball, `stem_nl`; other languages plain tokens with
diacritics removed), and long words are also split into words of the site's own
vocabulary (decompounding), so "thuisonderwijs" and "thuis onderwijs" meet.
The index is written as small JSON files a client loads on demand:

- `manifest.json`: languages, shard names, the decompounding vocabulary;
- `<lang>/w-<prefix>.json`: for every surface word starting with the prefix its
  stem; `<lang>/p-<prefix>.json`: for every stem starting with it its best
  postings (entry, score). A question needs the word maps of its words, but
  the postings of its stems only;
- `<lang>/d-<n>.json`: the entries' url, title and a short text, in blocks.

`files` returns the files as {relative path: bytes}; `search` is the
reference query algorithm (the same one the browser client implements): it
is what the benchmarks and the offline quality measure use.

The modules, in the order the work flows: `regels` (the tunable rules),
`stemmer` and `tekst` (words), `lezen` (the built pages as entries), `bouwen`
(the index), `bestanden` (its files in the site), `vragen` (answering a query).
"""

from __future__ import annotations

from swvsite.pages import search as begripnamen
from swvsite.pages.zoekindex.bestanden import (
    files,
    glossary_ranges,
    gzip_size,
    index_files,
    replace,
    shard_keys,
    shard_of,
    write,
)
from swvsite.pages.zoekindex.bouwen import Index, Synonyms, build, compound_tails, vocabulary_of
from swvsite.pages.zoekindex.lezen import (
    EXCLUDE_ATTRIBUTE,
    WEIGHT_ATTRIBUTE,
    Entry,
    is_begrip,
    is_filter_page,
    page_attributes,
    page_entries,
    record_boost,
    site_entries,
)
from swvsite.pages.zoekindex.regels import (
    DOC_BLOCK,
    FAR_PREFIX,
    INDEX_DIR,
    MATCHING_BEGRIPPEN,
    MIN_CORRECTED,
    MIN_PART,
    PREFIX,
    SEARCH_PAGE,
    VOCABULARY_MIN_ENTRIES,
)
from swvsite.pages.zoekindex.stemmer import stem_nl
from swvsite.pages.zoekindex.tekst import (
    STOP_WORDS,
    fold,
    signature,
    split_compound,
    stem,
    title_signatures,
    word_pairs,
    words,
)
from swvsite.pages.zoekindex.vragen import (
    bedoelde_u,
    begrippen_voor,
    edits1,
    query_groups,
    query_pairs,
    query_signature,
    query_terms,
    ranking,
    search,
)

__all__ = [
    "DOC_BLOCK", "EXCLUDE_ATTRIBUTE", "FAR_PREFIX", "INDEX_DIR", "MATCHING_BEGRIPPEN",
    "MIN_CORRECTED",    "MIN_PART", "PREFIX", "SEARCH_PAGE", "STOP_WORDS", "VOCABULARY_MIN_ENTRIES",
    "WEIGHT_ATTRIBUTE", "Entry", "Index", "Synonyms", "bedoelde_u", "begripnamen",
    "begrippen_voor", "build", "compound_tails", "edits1", "files", "fold", "glossary_ranges",
    "gzip_size", "index_files", "is_begrip", "is_filter_page", "page_attributes", "page_entries",
    "query_groups", "query_pairs", "query_signature", "query_terms", "ranking", "record_boost",
    "replace", "search", "shard_keys", "shard_of", "signature", "site_entries", "split_compound",
    "stem", "stem_nl", "title_signatures", "vocabulary_of", "word_pairs", "words", "write",
]
