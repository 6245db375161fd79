"""A parsed YAML document: its data, and where each value was written (for messages).

Reading the file is :mod:`coprod.storage.yamlio`'s job; the core only takes the
parsed document, to validate it and to name the line of each problem.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

if TYPE_CHECKING:
    from coprod.errors import Problem


class Document:
    """A parsed YAML document: its data and its node tree (for line numbers)."""

    def __init__(self, data: Any, node: yaml.Node | None, path: Path | str) -> None:
        self.data = data
        self.node = node
        self.path = path
        #: Problems found while reading that did not stop it (a duplicate key, a bad date).
        self.problems: list[Problem] = []
        self._keys: dict[int, dict[str, tuple[int, yaml.Node]]] = {}

    def _key_index(self, node: yaml.MappingNode) -> dict[str, tuple[int, yaml.Node]]:
        """A mapping's keys (as text) -> (line, value node), built once per mapping.

        So that finding the line of each of many problems in a large mapping costs
        one look-up each, not a scan of the mapping (which made 80,000 unknown ids
        take minutes).
        """
        index = self._keys.get(id(node))
        if index is None:
            index = {}
            for key_node, value_node in node.value:
                index.setdefault(
                    str(getattr(key_node, "value", None)),
                    (key_node.start_mark.line + 1, value_node),
                )
            self._keys[id(node)] = index
        return index

    def line_of(self, loc: Sequence[int | str]) -> int | None:
        """The line (1-based) of the value at ``loc``, or of its nearest parent."""
        node = self.node
        if node is None:
            return None
        line = node.start_mark.line + 1
        for part in loc:
            child: yaml.Node | None = None
            if isinstance(node, yaml.MappingNode) and part == 0 and isinstance(part, int):
                continue  # a single mapping given where a list is allowed (``source:``)
            if isinstance(node, yaml.MappingNode):
                found = self._key_index(node).get(str(part))
                if found is not None:
                    line, child = found
            elif (
                isinstance(node, yaml.SequenceNode)
                and isinstance(part, int)
                and 0 <= part < len(node.value)
            ):
                child = node.value[part]
                line = child.start_mark.line + 1
            if child is None:
                break
            node = child
        return line
