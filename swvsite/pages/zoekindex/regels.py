"""The search's tunable rules and fixed names, in one place: the index is built
by them and the manifest hands the query rules to the client (zoeken.js)."""

from __future__ import annotations

from pathlib import Path

from swvsite.pages.addresses import BEGRIPPEN_PAGE

PREFIX = 2              # shard by the first two letters of a term,
MAX_PREFIX = 5          # or more where that shard would be big:
SHARD_BYTES = 48_000    # at most this much JSON in a shard (before gzip)
DOC_BLOCK = 50          # entries per document shard
MAX_POSTINGS = 60       # best entries kept per stem: ranking needs only the top
TITLE_BONUS = 3.0       # a term in the section's title, beside BM25 on the text
PAGE_TITLE_WEIGHT = 0.3
SNIPPET = 160
MATCHING_BEGRIPPEN = 3  # begrippen offered beside few results
BM25_K, BM25_B = 1.2, 0.75
PART_WEIGHT = 0.6       # a query word's compound parts
CORRECTION_WEIGHT = 0.8
FAR_PREFIX = 3          # a correction two letters away keeps the first three
MIN_CORRECTED = 5       # shorter words have too many one-letter neighbours ("snap": stap)
COMPLETION_WEIGHT = 0.5
MAX_COMPLETIONS = 5
MIN_PART = 4            # shortest vocabulary word a compound is split into
MIN_TAIL = 7            # shortest end of a compound that is looked up as a word,
MIN_HEAD = 6            # after a word this long (not after "over", "onder", "door")
LINKS = ("s", "e", "en")  # what Dutch puts between the parts of a compound
# Words of the text that are in this many entries join the vocabulary
# ("problemen", so "gedragsproblemen" splits); rarer ones would split names.
VOCABULARY_MIN_ENTRIES = 3
VOCABULARY_MIN_LENGTH = 5
EXACT_WEIGHT = 1.0      # a title of just the question's words, in any order
PAIR_WEIGHT = 1.0       # two query words side by side in a section's title
SEARCH_PAGE = "zoeken/"                # the result page itself is no result
INDEX_DIR = Path("zoeken") / "index"  # where the built site serves the index
GLOSSARY = BEGRIPPEN_PAGE.removesuffix(".md") + "/#"   # "begrippen/#<id>": one begrip
