"""The YAML node tree that `yamltree.compose` makes and `validate` walks.

Lighter than PyYAML's nodes (no marks, no styles: a tag, a value and a
line, which is all validation needs). `compose` refuses aliases and nesting
deeper than MAX_DEPTH, so the tree has no shared nodes.
"""

from __future__ import annotations

# The deepest nesting accepted in a file (compose refuses deeper collections).
MAX_DEPTH = 40


class Node:
    """A node of a composed YAML document.

    `tag` is resolved as PyYAML resolves it (a plain `12` is
    tag:yaml.org,2002:int, a quoted '12' is tag:yaml.org,2002:str) or is
    the tag written in the file; `line` counts from 1. The subclasses set
    their attributes themselves: a file has tens of thousands of nodes."""

    __slots__ = ("tag", "line")
    tag: str
    line: int


class Scalar(Node):
    __slots__ = ("value",)

    def __init__(self, tag: str, value: str, line: int):
        self.tag = tag
        self.value = value
        self.line = line

    def __repr__(self) -> str:
        return f"Scalar({self.tag!r}, {self.value!r}, line={self.line})"


class Mapping(Node):
    """`pairs` holds (key node, value node) in file order, duplicates included."""

    __slots__ = ("pairs",)

    def __init__(self, tag: str, line: int, pairs: list[tuple[Node, Node]]):
        self.tag = tag
        self.line = line
        self.pairs = pairs

    def __repr__(self) -> str:
        return f"Mapping({self.tag!r}, line={self.line}, pairs={self.pairs!r})"


class Sequence(Node):
    __slots__ = ("items",)

    def __init__(self, tag: str, line: int, items: list[Node]):
        self.tag = tag
        self.line = line
        self.items = items

    def __repr__(self) -> str:
        return f"Sequence({self.tag!r}, line={self.line}, items={self.items!r})"
