"""The index as small JSON files (manifest, term shards, document blocks), and
writing them into the built site."""

from __future__ import annotations

import gzip
import json
import shutil
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

from swvsite.content import model as m
from swvsite.pages import search as begripnamen
from swvsite.pages.zoekindex.bouwen import Index, Synonyms, build
from swvsite.pages.zoekindex.lezen import is_begrip, site_entries
from swvsite.pages.zoekindex.regels import (
    COMPLETION_WEIGHT,
    CORRECTION_WEIGHT,
    DOC_BLOCK,
    EXACT_WEIGHT,
    FAR_PREFIX,
    INDEX_DIR,
    MATCHING_BEGRIPPEN,
    MAX_COMPLETIONS,
    MAX_PREFIX,
    MIN_CORRECTED,
    MIN_PART,
    PAIR_WEIGHT,
    PART_WEIGHT,
    PREFIX,
    SHARD_BYTES,
    SNIPPET,
)
from swvsite.pages.zoekindex.tekst import STOP_WORDS


def _shard_items(index: Index, lang: str) -> dict[str, tuple[dict, dict]]:
    """term -> (its surface words' stems, its postings), for one language."""
    items: dict[str, tuple[dict, dict]] = defaultdict(lambda: ({}, {}))
    for term, found in index.postings[lang].items():
        items[term][1][term] = [x for p in found for x in p]
    for word, stemmed in index.surfaces[lang].items():
        items[word][0][word] = stemmed
    return items


def _split(terms: dict[str, int], key: str) -> list[str]:
    """The shard keys for `terms` (term -> bytes) under `key`: one shard, or one
    per next letter when it would be bigger than SHARD_BYTES."""
    if sum(terms.values()) <= SHARD_BYTES or len(key) >= MAX_PREFIX:
        return [key]
    keys = [key]  # terms no longer than the key itself stay here
    groups: dict[str, dict[str, int]] = defaultdict(dict)
    for term, size in terms.items():
        if len(term) > len(key):
            groups[term[:len(key) + 1]][term] = size
    for longer, group in sorted(groups.items()):
        keys += _split(group, longer)
    return keys


def shard_keys(index: Index, lang: str) -> list[str]:
    items = _shard_items(index, lang)
    groups: dict[str, dict[str, int]] = defaultdict(dict)
    for term, (surface, post) in items.items():
        groups[term[:PREFIX]][term] = len(_json(surface)) + len(_json(post))
    return [key for first, group in sorted(groups.items()) for key in _split(group, first)]


def shard_of(term: str, keys: Sequence[str] | set[str]) -> str:
    """The key of the shard holding `term`: the longest key it starts with."""
    for length in range(min(len(term), MAX_PREFIX), 0, -1):
        if term[:length] in keys:
            return term[:length]
    return term[:PREFIX]



def glossary_ranges(index: Index) -> list[list[int]]:
    """The entry numbers that are begrippen, as [first, last + 1] ranges (entries
    of one page are side by side)."""
    ranges: list[list[int]] = []
    for number, entry in enumerate(index.entries):
        if not is_begrip(entry):
            continue
        if ranges and ranges[-1][1] == number:
            ranges[-1][1] = number + 1
        else:
            ranges.append([number, number + 1])
    return ranges


def files(index: Index) -> dict[str, bytes]:
    """The index as small JSON files: manifest, word and posting shards, document shards."""
    out: dict[str, bytes] = {}
    manifest_keys: dict[str, list[str]] = {}
    for lang in sorted(index.postings):
        keys = shard_keys(index, lang)
        manifest_keys[lang] = keys
        key_set = set(keys)
        # Per shard two files: its words' stems (all that finding the words of a
        # question, their completions and corrections needs) and its stems' postings.
        word_maps: dict[str, dict] = {key: {} for key in keys}
        postings: dict[str, dict] = {key: {} for key in keys}
        for term, (surface, post) in _shard_items(index, lang).items():
            key = shard_of(term, key_set)
            word_maps[key].update(surface)
            postings[key].update(post)
        for key in keys:
            out[f"{lang}/w-{key}.json"] = _json(word_maps[key])
            out[f"{lang}/p-{key}.json"] = _json(postings[key])
    for start in range(0, len(index.entries), DOC_BLOCK):
        block = index.entries[start:start + DOC_BLOCK]
        out[f"d-{start // DOC_BLOCK}.json"] = _json(
            [[e.url, e.title, e.page_title, e.text[:SNIPPET]] for e in block])
    manifest = {"block": DOC_BLOCK, "shards": manifest_keys, "begrippen": glossary_ranges(index),
                "vocabulary": sorted(index.vocabulary),
                # the query rules the client (swvsite/assets/zoeken.js) shares
                "rules": {"prefix": PREFIX, "max_prefix": MAX_PREFIX, "min_part": MIN_PART,
                          "part": PART_WEIGHT, "pair": PAIR_WEIGHT, "exact": EXACT_WEIGHT,
                          "begrippen": MATCHING_BEGRIPPEN,
                          "correction": CORRECTION_WEIGHT, "far_prefix": FAR_PREFIX,
                          "min_corrected": MIN_CORRECTED,
                          "completion": COMPLETION_WEIGHT, "completions": MAX_COMPLETIONS,
                          "stop": {lang: sorted(STOP_WORDS.get(lang, ()))
                                   for lang in sorted(index.postings)}}}
    out["manifest.json"] = _json(manifest)
    return out



def write(site_dir: Path, site: m.Site | None = None) -> dict[str, bytes]:
    """Build the index of the finished site in `site_dir` (with the begrippen
    of `site` as synonyms) and write its files under site/zoeken/index/; both
    build paths call this last, after the post-pass."""
    written = index_files(site_dir, site)
    replace(site_dir, written)
    return written


def index_files(site_dir: Path, site: m.Site | None = None) -> dict[str, bytes]:
    """The index files of the finished site in `site_dir` (name -> bytes)."""
    synonyms = Synonyms(begripnamen.synoniemen(site).groups) if site is not None else None
    return files(build(site_entries(site_dir), synonyms=synonyms))


def replace(site_dir: Path, written: dict[str, bytes]) -> None:
    """Put `written` in site/zoeken/index/ instead of what was there: written
    beside it first, then swapped in, so a visitor of the preview searching
    meanwhile finds the old index or the new one, not half of each."""
    out = site_dir / INDEX_DIR
    new, old = out.with_name(out.name + ".nieuw"), out.with_name(out.name + ".oud")
    for leftover in (new, old):
        if leftover.is_dir():
            shutil.rmtree(leftover)
    for name, data in written.items():
        target = new / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    if out.is_dir():
        out.rename(old)
    new.rename(out)
    if old.is_dir():
        shutil.rmtree(old)


def _json(value) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"),
                      sort_keys=True).encode("utf-8")


def gzip_size(data: bytes) -> int:
    return len(gzip.compress(data, 6))
