"""Sizes of the engine-independent sharded search index (swvsite.pages.zoekindex)
on a built site, and the download a visitor's searches need: the manifest plus
the term shards of the query's words plus the document shards of the top 10.

    python benchmarks/zoekindex_sizes.py SITE_DIR CONTENT_DIR [QUESTIONS.yml ...]

CONTENT_DIR gives the begrippen whose names are synonyms in the index.

Prints JSON: index files and total size (raw/gzip), first-query and next-query
downloads (median and max over the questions), and the offline top-3 hit rate
of the reference query algorithm on each question file.
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


def needed(query: str, index: z.Index, files: dict[str, bytes], keys: set[str]) -> set[str]:
    stems, _ = z.query_terms(query, index)
    names = {f"nl/t-{z.shard_of(term, keys)}.json" for term in [*z.words(query, "nl"), *stems]}
    position = {id(entry): n for n, entry in enumerate(index.entries)}
    for entry in z.search(query, index):
        number = position[id(entry)]
        names.add(f"d-{number // z.DOC_BLOCK}.json")
    return {n for n in names if n in files}


def main(site: Path, content: Path, question_files: list[Path]) -> dict:
    entries = z.site_entries(site)
    loaded = load_site(content)
    synonyms = z.Synonyms(search.synoniemen(loaded).groups) if loaded else None
    index = z.build(entries, synonyms=synonyms)
    files = z.files(index)
    keys = set(json.loads(files["manifest.json"])["shards"]["nl"])
    gz = {name: z.gzip_size(data) for name, data in files.items()}
    result: dict[str, object] = {"entries": len(entries), "files": len(files),
              "raw_kb": round(sum(map(len, files.values())) / 1024),
              "gzip_kb": round(sum(gz.values()) / 1024),
              "manifest_gzip_kb": round(gz["manifest.json"] / 1024, 1)}
    for path in question_files:
        questions = [q for q in yaml.safe_load(path.read_text()) or []]
        first, following, hits, asked = [], [], 0, 0
        for q in questions:
            shards = needed(q["zoek"], index, files, keys)
            first.append((gz["manifest.json"] + sum(gz[n] for n in shards)) / 1024)
            following.append(sum(gz[n] for n in shards) / 1024)
            pages = [p for p in q.get("pagina") or [] if (site / p / "index.html").is_file()]
            if pages:
                asked += 1
                top3 = [e.url.split("#")[0] for e in z.search(q["zoek"], index)[:3]]
                hits += any(p in pages for p in top3)
        result[path.name] = {
            "first_query_gzip_kb_median": round(statistics.median(first), 1),
            "first_query_gzip_kb_max": round(max(first), 1),
            "next_query_gzip_kb_median": round(statistics.median(following), 1),
            "next_query_gzip_kb_max": round(max(following), 1),
            "top3": f"{hits}/{asked}"}
    return result


if __name__ == "__main__":
    print(json.dumps(main(Path(sys.argv[1]), Path(sys.argv[2]), [Path(a) for a in sys.argv[3:]]),
                     indent=1))
