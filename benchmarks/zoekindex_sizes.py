"""Sizes of the engine-independent sharded search index (swvsite.pages.zoekindex)
on a built site, and what a visitor's searches download: the files the client
(swvsite/assets/zoeken.js) fetches for a question, round by round, as it does.

    python benchmarks/zoekindex_sizes.py SITE_DIR CONTENT_DIR [QUESTIONS.yml ...]

CONTENT_DIR gives the begrippen whose names are synonyms in the index.
benchmarks/run.py (`make bench`) calls `measure` on each scale's site.

Prints JSON: index files and total size (raw/gzip), the first-query download
(the manifest and every file the question needs) and each next query's (the
same files without the manifest; nothing counted as cached from an earlier
question), median, p90 and max over the questions,
and the offline top-3 hit rate of the reference query algorithm per question
file (meaningful on the demo only: at 10x and national the expected pages have
near-copies in other generated regions).
"""

from __future__ import annotations

import json
import statistics
import sys
from pathlib import Path

import yaml

from swvsite.content.load import load_site
from swvsite.pages import search
from swvsite.pages import zoekindex as z

LIMIT = 10  # results the search page asks for


def _shards(terms, keys: set[str], lang: str, kind: str = "w") -> set[str]:
    """The `kind` files ("w": word maps, "p": postings) of the shards of `terms`."""
    return {f"{lang}/{kind}-{key}.json" for key in (z.shard_of(t, keys) for t in terms)
            if key in keys}


def client_files(query: str, index: z.Index, keys: set[str], lang: str = "nl") -> set[str]:
    """The files zoeken.js fetches to answer `query`, besides the manifest."""
    return (_word_files(query, index, keys, lang) | _correction_files(query, index, keys, lang)
            | _term_files(query, index, keys, lang) | _document_files(query, index, lang))


def _word_files(query: str, index: z.Index, keys: set[str], lang: str) -> set[str]:
    """Round 1 (needWords): the word maps of the words, joined neighbours, compound
    parts and completions."""
    stops = z.STOP_WORDS.get(lang, frozenset())
    tokens = z.words(query, lang)
    content = [w for w in tokens if w not in stops] or tokens
    terms = list(tokens)
    for i, word in enumerate(content):
        if i + 1 < len(content):
            terms += [word + content[i + 1], word + "s" + content[i + 1]]
        if lang == "nl":
            terms += z.split_compound(word, index.vocabulary)
    names = _shards(terms, keys, lang)
    for word in (w for w in content if len(w) >= z.MIN_PART):
        names |= {f"{lang}/w-{k}.json" for k in keys
                  if k.startswith(word) or word.startswith(k)}
    return names


def _correction_files(query: str, index: z.Index, keys: set[str], lang: str) -> set[str]:
    """Round 2 (needCorrections): the word maps of every one-letter correction of an
    unknown word, and for a long one without any, all of its first three letters."""
    surfaces = index.surfaces.get(lang, {})
    names: set[str] = set()
    for word in z.words(query, lang):
        if len(word) >= z.MIN_CORRECTED and word not in surfaces:
            near = z.edits1(word)
            names |= _shards(near, keys, lang)
            if len(word) >= 8 and not near & surfaces.keys():
                start = word[:z.FAR_PREFIX]
                names |= {f"{lang}/w-{k}.json" for k in keys
                          if k.startswith(start) or start.startswith(k)}
    return names


def _term_files(query: str, index: z.Index, keys: set[str], lang: str) -> set[str]:
    """Round 3 (needTerms): the postings of the stems, the word pairs and the signature."""
    groups, _ = z.query_groups(query, index, lang)
    terms = [t for g in groups for t in g] + z.query_pairs(query, index, lang)
    if signature := z.query_signature(query, index, lang):
        terms.append(signature)
    return _shards(terms, keys, lang, "p")


def _document_files(query: str, index: z.Index, lang: str) -> set[str]:
    """Round 4 (pages, begrippen_voor): document blocks, LIMIT entries at a time
    until LIMIT pages are found, and the matching begrippen's."""
    ranked = z.ranking(query, index, lang)
    numbers, seen, start = [], set(), 0
    while len(seen) < LIMIT and start < len(ranked):
        chunk = ranked[start:start + LIMIT]
        start += len(chunk)
        numbers += chunk
        seen |= {index.entries[n].url.split("#")[0] for n in chunk}
    numbers += [n for n in ranked if z.is_begrip(index.entries[n])][:z.MATCHING_BEGRIPPEN]
    return {f"d-{n // z.DOC_BLOCK}.json" for n in numbers}


def measure(site: Path, content: Path, question_files: list[Path]) -> dict:
    entries = z.site_entries(site)
    loaded = load_site(content)
    synonyms = z.Synonyms(search.synoniemen(loaded).groups) if loaded else None
    index = z.build(entries, synonyms=synonyms)
    files = z.files(index)
    keys = set(json.loads(files["manifest.json"])["shards"].get("nl", []))
    gz = {name: z.gzip_size(data) for name, data in files.items()}
    result: dict[str, object] = {
        "entries": len(entries), "files": len(files),
        "raw_kb": round(sum(map(len, files.values())) / 1024),
        "gzip_kb": round(sum(gz.values()) / 1024),
        "manifest_gzip_kb": round(gz["manifest.json"] / 1024, 1)}
    first, following, counts = [], [], []
    for path in question_files:
        questions = list(yaml.safe_load(path.read_text(encoding="utf-8")) or [])
        hits = asked = 0
        for q in questions:
            needed = client_files(q["zoek"], index, keys) & files.keys()
            first.append((gz["manifest.json"] + sum(gz[n] for n in needed)) / 1024)
            following.append(sum(gz[n] for n in needed) / 1024)
            counts.append(len(needed) + 1)
            pages = [p for p in q.get("pagina") or [] if (site / p / "index.html").is_file()]
            if pages:
                asked += 1
                top3 = [e.url.split("#")[0] for e in z.search(q["zoek"], index)[:3]]
                hits += any(p in pages for p in top3)
        result[path.name] = {"top3": f"{hits}/{asked}"}
    if first:
        result.update({
            "questions": len(first),
            "first_query_gzip_kb": _spread(first),
            "next_query_gzip_kb": _spread(following),
            "files_per_first_query": _spread([float(c) for c in counts])})
    return result


def _spread(values: list[float]) -> dict[str, float]:
    ordered = sorted(values)
    return {"median": round(statistics.median(ordered), 1),
            "p90": round(ordered[int(0.9 * (len(ordered) - 1))], 1),
            "max": round(ordered[-1], 1)}


if __name__ == "__main__":
    print(json.dumps(measure(Path(sys.argv[1]), Path(sys.argv[2]),
                             [Path(a) for a in sys.argv[3:]]), indent=1))
