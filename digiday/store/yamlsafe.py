"""A YAML loader strict enough for files a user hands us.

Beyond PyYAML's safe loader, it refuses what the data never needs and what makes a small file
expensive or ambiguous: anchors and aliases ("billion laughs"), tags, merge keys, duplicate
keys, deep nesting. Dates stay strings, for the schema to judge; a number too long for any
field stays its length (LongNumber). A character YAML refuses is told with its line. It parses
with libyaml where PyYAML has it, and composes in Python, to check every event first.
"""

from __future__ import annotations

import re
from typing import Any, NamedTuple

import yaml
from yaml.composer import Composer
from yaml.constructor import SafeConstructor
from yaml.events import AliasEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.parser import Parser
from yaml.reader import Reader
from yaml.resolver import Resolver
from yaml.scanner import Scanner

from digiday.errors import UNSAFE, quoted
from digiday.l10n.translate import N_

MAX_DEPTH = 32
# The most digits a number may have and still be built as one: far more than any year, and
# few enough that any form of it (hexadecimal too) converts and shows under Python's limit
# on digits, whatever that is set to (640 at the least).
MAX_DIGITS = 80

Path = tuple[str | int, ...]


class YamlProblem(Exception):
    """The text is not YAML this tool accepts; `line` is 1-based, or None if unknown."""

    def __init__(self, message: str, line: int | None, **values: object) -> None:
        super().__init__(message.format(**values))
        self.message = message  # a msgid; `values` fill its placeholders
        self.line = line
        self.values = values


class LongNumber(NamedTuple):
    """A number of more digits than MAX_DIGITS (Python refuses an int of over 4,300): no field
    is one, so the schema tells it as a value of the wrong type, by its length."""

    written: str
    digits: int

    def __str__(self) -> str:
        return self.written


class Parsed(NamedTuple):
    """A parsed document and, for every key path in it, the line it starts on."""

    value: Any
    lines: dict[Path, int]


class _StrictComposer(Composer):
    _depth = 0

    def compose_node(self, parent: Node | None, index: Any) -> Node | None:
        event: Any = self.peek_event()  # type: ignore[attr-defined]
        line = event.start_mark.line + 1
        refused = None
        if isinstance(event, AliasEvent):
            refused = N_("is not usable YAML: alias {name} is not allowed"), f"*{event.anchor}"
        elif event.anchor is not None:
            refused = N_("is not usable YAML: anchor {name} is not allowed"), f"&{event.anchor}"
        elif event.tag is not None:  # every event but an alias has a tag, None if none is given
            refused = N_("is not usable YAML: tag {name} is not allowed"), event.tag
        if refused is not None:
            raise YamlProblem(refused[0], line, name=quoted(refused[1]))
        if self._depth >= MAX_DEPTH:
            raise YamlProblem(
                N_("is not usable YAML: nesting deeper than {depth} levels"), line, depth=MAX_DEPTH
            )
        self._depth += 1  # a problem ends the parse: no need to count back down then
        node = super().compose_node(parent, index)
        self._depth -= 1
        return node


class _StrictConstructor(SafeConstructor):
    def construct_mapping(self, node: MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            line = key_node.start_mark.line + 1
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise YamlProblem(N_("is not usable YAML: merge keys (<<) are not allowed"), line)
            key = self.construct_object(key_node, deep=True)
            try:
                if key in seen:
                    message = N_("is not usable YAML: duplicate key {key}")
                    raise YamlProblem(message, line, key=quoted(key))
                seen.add(key)
            except TypeError:
                message = N_("is not usable YAML: a key must be a plain value")
                raise YamlProblem(message, line) from None
        return super().construct_mapping(node, deep=deep)

    def construct_integer(self, node: ScalarNode) -> int | str | LongNumber:
        written = self.construct_scalar(node)
        digits = written.lstrip("+-")
        digits = digits[2:] if digits[:2] in ("0b", "0x") else digits
        count = len(digits) - digits.count("_") - digits.count(":")
        if count > MAX_DIGITS:
            return LongNumber(written, count)
        if count == 0:  # `0b_` fits YAML 1.1's pattern for an int, but has nothing to convert
            return written
        return super().construct_yaml_int(node)

    # PyYAML calls what its table holds, SafeConstructor's own function, not the method.
    yaml_constructors = {  # noqa: RUF012 - PyYAML's own class-level table, amended
        **SafeConstructor.yaml_constructors,
        "tag:yaml.org,2002:int": construct_integer,
    }


class _StrictResolver(Resolver):
    yaml_implicit_resolvers = {  # noqa: RUF012 - PyYAML's own class-level table, filtered
        first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in Resolver.yaml_implicit_resolvers.items()
    }


class _PythonParser(Reader, Scanner, Parser):
    """PyYAML's own parser, for an installation built without libyaml."""

    def __init__(self, text: str) -> None:
        Reader.__init__(self, text)
        Scanner.__init__(self)
        Parser.__init__(self)


try:
    from yaml._yaml import CParser

    _Parser: type = CParser
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    _Parser = _PythonParser


class _Loader(_StrictComposer, _Parser, _StrictConstructor, _StrictResolver):  # type: ignore[misc]
    def __init__(self, text: str) -> None:
        _Parser.__init__(self, text)  # type: ignore[misc]
        _StrictComposer.__init__(self)
        _StrictConstructor.__init__(self)
        _StrictResolver.__init__(self)


# Where YAML breaks lines, so that a line counted here is the line of every other problem.
_LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
# Refused in the raw text, first: NEL and the line and paragraph separators, line breaks to
# YAML alone (it folds NEL in text away, and ends a comment at one where an editor shows it go
# on); then what YAML's reader refuses (Reader.NON_PRINTABLE: a lone surrogate too).
_YAML_ONLY_BREAKS = re.compile("[\x85\u2028\u2029]")


def _refused(text: str, index: int) -> YamlProblem:
    """The character at `index`, which YAML does not allow, told with its line and column."""
    char = text[index]
    starts = [0, *(match.end() for match in _LINE_BREAK.finditer(text, 0, index))]
    message = (
        N_("holds the control character {char} at character {where}")
        if char in UNSAFE
        else N_("holds the character {char}, which YAML does not allow, at character {where}")
    )
    where = index - starts[-1] + 1
    return YamlProblem(message, len(starts), char=f"U+{ord(char):04X}", where=where)


def _lines(node: Node, path: Path, into: dict[Path, int]) -> None:
    into[path] = node.start_mark.line + 1
    if isinstance(node, MappingNode):
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node.value, str) else repr(key_node.value)
            key_path = (*path, key)
            _lines(value_node, key_path, into)
            into[key_path] = key_node.start_mark.line + 1  # a key's problems point at the key
    elif isinstance(node, SequenceNode):
        for index, item in enumerate(node.value):
            _lines(item, (*path, index), into)


def parse(text: str) -> Parsed:
    """Parse one YAML document strictly. Raises YamlProblem, and nothing else, on bad input."""
    # The reader's own pattern, compiled already: compiling one like it costs ~10 ms.
    refused = _YAML_ONLY_BREAKS.search(text) or Reader.NON_PRINTABLE.search(text)
    if refused is not None:
        raise _refused(text, refused.start())
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return Parsed(None, {})
        lines: dict[Path, int] = {}
        _lines(node, (), lines)
        return Parsed(loader.construct_document(node), lines)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark is not None else None
        raise YamlProblem(
            N_("is not usable YAML: {detail}"), line, detail=error.problem or str(error)
        ) from None
    except (yaml.YAMLError, ValueError, OverflowError) as error:
        # Whatever a constructor may still raise on a value (a number too long to convert no
        # longer reaches one); the message names the cause.
        detail = str(error).splitlines()[0] if str(error) else "?"
        raise YamlProblem(N_("is not usable YAML: {detail}"), None, detail=detail) from None
    finally:
        loader.dispose()
