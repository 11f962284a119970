"""YAML loading that remembers where every key and list item came from.

Mappings load as :class:`LineDict` and sequences as :class:`LineList`; both behave like the
plain types but know the line of each key / item, so a validation error found later (by
pydantic, by a cross-check) can still be reported as ``file:line: message``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml


class LineDict(dict):
    """A dict that knows the line of itself and of each of its keys (1-based)."""

    line: int = 0

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.key_lines: dict[Any, int] = {}
        self.bool_words: dict[Any, str] = {}  # key -> the word YAML read as true/false (NO, on)


class LineList(list):
    """A list that knows the line of itself and of each of its items (1-based)."""

    line: int = 0

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self.item_lines: list[int] = []
        self.bool_words: dict[int, str] = {}  # index -> the word YAML read as true/false


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input file, at a line (0 when the whole file is at fault)."""

    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}" if self.line else f"{self.file}: {self.message}"


class YamlFileError(ValueError):
    """A file that could not be read as YAML; carries one Problem."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


MAX_DEPTH = 64  # nesting levels: a spec needs about six
MAX_BYTES = 32 << 20  # a YAML file larger than this is not a spec, roster or rule pack


class _TooDeep(Exception):
    """Raised while composing, before Python's recursion limit is reached."""


class _LineLoader(yaml.SafeLoader):
    """SafeLoader building LineDict / LineList, reporting duplicate keys, bounding nesting."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.duplicates: list[tuple[int, str]] = []
        self.depth = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        self.depth += 1
        try:
            if self.depth > MAX_DEPTH:
                raise _TooDeep
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> LineDict:
    loader.flatten_mapping(node)
    result = LineDict()
    result.line = node.start_mark.line + 1
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        line = key_node.start_mark.line + 1
        if key in result:
            loader.duplicates.append((line, f"duplicate key '{key}' (first at line {result.key_lines[key]})"))
            continue
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[key] = line
        if word := _bool_word(value_node):
            result.bool_words[key] = word
    return result


def _construct_sequence(loader: _LineLoader, node: yaml.SequenceNode) -> LineList:
    result = LineList(loader.construct_object(child, deep=True) for child in node.value)
    result.line = node.start_mark.line + 1
    result.item_lines = [child.start_mark.line + 1 for child in node.value]
    result.bool_words = {i: word for i, child in enumerate(node.value) if (word := _bool_word(child))}
    return result


def _bool_word(node: yaml.Node) -> str:
    """The unquoted word of a scalar YAML 1.1 reads as a boolean without meaning one
    (``NO``, ``ON``, ``yes``, ``off``), else ""."""
    if not isinstance(node, yaml.ScalarNode) or node.tag != "tag:yaml.org,2002:bool" or node.style:
        return ""
    return node.value if node.value.lower() not in ("true", "false") else ""


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)


def read_text(path: Path, what: str = "file") -> str:
    """The text of ``path``, or a YamlFileError saying plainly why it cannot be read."""
    name = str(path)
    if not path.exists():
        raise YamlFileError(Problem(name, 0, f"{what} not found: check the path"))
    if path.is_dir():
        raise YamlFileError(Problem(name, 0, f"is a directory, expected a {what}"))
    try:
        return path.read_text(encoding="utf-8-sig")  # a byte-order mark (Excel writes one) is dropped
    except UnicodeDecodeError:
        raise YamlFileError(Problem(name, 0, f"not a text {what} (not UTF-8)")) from None
    except OSError as exc:
        raise YamlFileError(Problem(name, 0, f"cannot read: {exc.strerror}")) from None


def load_yaml(path: Path, what: str = "YAML file") -> tuple[Any, list[Problem]]:
    """Parse ``path``; returns (data, duplicate-key problems) or raises YamlFileError."""
    name = str(path)
    if path.is_file() and path.stat().st_size > MAX_BYTES:
        raise YamlFileError(Problem(name, 0, f"larger than {MAX_BYTES >> 20} MB; not read as a {what}"))
    text = read_text(path, what)
    if "\x00" in text:
        raise YamlFileError(Problem(name, 0, f"not a text {what} (binary data)"))
    loader = _LineLoader(text)
    try:
        data = loader.get_single_data()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 0
        reason = exc.problem or exc.context or "invalid YAML"
        raise YamlFileError(Problem(name, line, f"YAML syntax error: {reason}")) from None
    except yaml.YAMLError as exc:
        raise YamlFileError(Problem(name, 0, f"YAML syntax error: {exc}")) from None
    except (_TooDeep, RecursionError):
        raise YamlFileError(Problem(name, 0, f"nesting deeper than {MAX_DEPTH} levels")) from None
    finally:
        loader.dispose()
    return data, [Problem(name, line, message) for line, message in loader.duplicates]


def bool_word_at(data: Any, loc: Iterable[Any]) -> str:
    """The word (``NO``, ``ON``) YAML read as true/false at ``loc`` (a pydantic error location),
    or "" when the value there was not such a word."""
    node, word = data, ""
    for step in loc:
        inside = (isinstance(node, LineDict) and step in node) or (
            isinstance(node, LineList) and isinstance(step, int) and 0 <= step < len(node))
        if inside:
            word, node = node.bool_words.get(step, ""), node[step]
        elif not isinstance(node, bool):
            return ""
    return word if isinstance(node, bool) else ""


def quoting_hint(word: str) -> str:
    """The hint for a word YAML read as a boolean: how to keep it as text."""
    meaning = "true" if word.lower() in ("yes", "on", "y") else "false"
    return f"write '{word}' in quotes: YAML reads {word} as {meaning}"


def line_of(data: Any, loc: Iterable[Any]) -> int:
    """The line of the deepest element of ``loc`` (a pydantic error location) found in ``data``."""
    line = getattr(data, "line", 0)
    node = data
    for step in loc:
        if isinstance(node, LineDict) and step in node:
            line = node.key_lines.get(step, line)
            node = node[step]
        elif isinstance(node, LineList) and isinstance(step, int) and 0 <= step < len(node):
            line = node.item_lines[step]
            node = node[step]
        else:
            break
    return line
