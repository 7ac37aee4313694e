"""Search in the words parents use: synonyms from the begrippenlijst.

Every name of a begrip (term, afkorting, zoekwoorden) finds the index entries
that mention any other of its names: the site's search index
(swvsite.pages.zoekindex) takes the groups of names from `synoniemen`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from swvsite.content import model as m


@dataclass(frozen=True)
class Synoniemen:
    """Every name of every begrip (term, afkorting, zoekwoorden), found in a text
    in one pass over a text."""

    groups: tuple[tuple[str, ...], ...]      # the names of each begrip
    by_name: dict[str, tuple[int, ...]]      # lower-case name -> its begrippen
    pattern: re.Pattern | None                # any name, as a whole word, in lower case

    def mentioned(self, text: str) -> set[str]:
        """The names (lower case) that occur in `text` as whole words, ignoring case:
        scanning left to right, the longest name at each place, never overlapping."""
        lowered = text.lower()
        if len(lowered) != len(text):  # a letter whose lower case is longer (İ)
            lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
        if self.pattern is None:
            return set()
        return set(self.pattern.findall(lowered))


def _trie_pattern(names: list[str]) -> re.Pattern | None:
    """One pattern matching any of `names` (lower case) as whole words, the longest
    name where several start at the same place. Built as a trie, so matching costs
    the length of a name, not the number of names."""
    trie: dict = {}
    for name in names:
        node = trie
        for char in name:
            node = node.setdefault(char, {})
        node[""] = {}  # a name ends here

    def alternatives(node: dict) -> str:
        # Longer names first: every way to go on, then ending here.
        branches = [re.escape(char) + alternatives(child)
                    for char, child in sorted(node.items()) if char]
        if "" in node:
            branches.append("")
        if len(branches) == 1:
            return branches[0]
        return "(?:" + "|".join(branches) + ")"

    if not trie:
        return None
    return re.compile(r"(?<!\w)(" + alternatives(trie) + r")(?!\w)")


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
    return Synoniemen(tuple(groups), {k: tuple(v) for k, v in by_name.items()},
                      _trie_pattern(list(by_name)))
