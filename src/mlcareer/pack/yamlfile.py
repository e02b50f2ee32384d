"""A strict, safe YAML reader that remembers the line of every value.

The only module that imports yaml. It reads YAML with the core schema of YAML 1.2
(``no``, ``on`` and ``2024-01-01`` stay strings), and rejects what PyYAML lets
through silently: duplicate keys, aliases (and so alias bombs), non-standard tags,
non-string keys and absurd nesting.
"""

from __future__ import annotations

import operator
import re
from typing import Any

import yaml
from yaml.events import (
    DocumentEndEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
    StreamStartEvent,
)
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.resolver import BaseResolver

from mlcareer.errors import Problem

Path = tuple[str | int, ...]


MAX_DEPTH = 48
_TAG = "tag:yaml.org,2002:"


class _CoreResolver(BaseResolver):
    """YAML 1.2 core schema: only true/false, null, numbers; everything else is a string.

    libyaml's composer calls ``resolve``, ``descend_resolver`` and ``ascend_resolver`` once per
    node, and a call from there is the dearest part of a node: they do as little as they can.
    A plain scalar without a tag (``key``, ``3``, ``true``) is only marked ``_PLAIN`` here, and
    the walks resolve it when they meet it (``_implicit``): most plain scalars are keys and
    words that need no pattern tried (a cold 1,000-role pack: about 2% fewer instructions).
    """

    def resolve(self, kind: type[Node], value: Any, implicit: tuple[bool, bool]) -> str:
        if kind is ScalarNode:
            return _PLAIN if implicit[0] else _STR
        return _SEQ if kind is SequenceNode else _MAP

    # This resolver has no path resolvers, so these two have nothing to do. They are built-in
    # functions that take the same arguments and change nothing (``is_(node, index)``,
    # ``tuple()``), so the composer's two calls per node make no Python frame: a cold 1,000-role
    # pack, about 2% fewer instructions than with methods that ``pass``.
    descend_resolver = staticmethod(operator.is_)  # type: ignore[assignment]
    ascend_resolver = staticmethod(tuple)  # type: ignore[assignment]


_STR, _SEQ, _MAP = _TAG + "str", _TAG + "seq", _TAG + "map"
# The mark of a plain scalar without a tag, whose tag is its value's to say. Compared by identity
# (``is``): made at run time, no tag read from a file is this object, whatever it spells.
_PLAIN = "".join(("mlcareer:", "plain"))

# YAML 1.2 core schema's implicit tags of a plain scalar. Words by exact value; numbers by pattern,
# tried only for a value that starts like one.
_WORDS = {word: _TAG + "bool" for word in ("true", "True", "TRUE", "false", "False", "FALSE")}
_WORDS.update({word: _TAG + "null" for word in ("~", "null", "Null", "NULL", "")})
_NUMBERS = [
    (_TAG + "int", re.compile(r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$")),
    (
        _TAG + "float",
        re.compile(
            r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
            r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"
        ),
    ),
]
_NUMBER_FIRST = frozenset("-+0123456789.")
_OPENING = (MappingStartEvent, SequenceStartEvent)
# A plain scalar whose first character is none of these is a string: the walks' fast test.
_MAYBE_NOT_STR = frozenset({word[:1] for word in _WORDS} | _NUMBER_FIRST)


def _implicit(text: str) -> str:
    """The tag of a plain scalar without one, by the YAML 1.2 core schema."""
    tag = _WORDS.get(text)
    if tag is not None:
        return tag
    if text[:1] in _NUMBER_FIRST:
        for number, regexp in _NUMBERS:
            if regexp.match(text):
                return number
    return _STR


if getattr(yaml, "__with_libyaml__", False):
    from yaml._yaml import CParser as _Parser

    class _Loader(_Parser, _CoreResolver):
        def __init__(self, stream: str) -> None:
            _Parser.__init__(self, stream)
            _CoreResolver.__init__(self)

else:  # pragma: no cover - PyYAML built without libyaml
    from yaml.composer import Composer
    from yaml.parser import Parser
    from yaml.reader import Reader
    from yaml.scanner import Scanner

    class _Loader(Reader, Scanner, Parser, Composer, _CoreResolver):  # type: ignore[no-redef]
        def __init__(self, stream: str) -> None:
            Reader.__init__(self, stream)
            Scanner.__init__(self)
            Parser.__init__(self)
            Composer.__init__(self)
            _CoreResolver.__init__(self)


class Document:
    """A parsed file: its data, and the line each path starts on.

    Lines are needed only to report a problem, so they are worked out when first asked for,
    by composing the text again (a valid 8,000-role file never pays for them).
    """

    def __init__(self, data: Any, text: str | None = None) -> None:
        self.data = data
        self._text = text
        self._lines: dict[Path, int] | None = None

    @property
    def lines(self) -> dict[Path, int]:
        if self._lines is None:
            self._lines = {}
            node = _compose(self._text) if self._text is not None else None
            if node is not None:
                _Walker(self._lines).value(node, (), 0)
        return self._lines

    def line_of(self, path: Path) -> int | None:
        """The line of the longest prefix of ``path`` that the file has."""
        for end in range(len(path), -1, -1):
            line = self.lines.get(path[:end])
            if line is not None:
                return line
        return None


class YamlProblem(Exception):
    """A file that is not acceptable YAML; carries one Problem."""

    def __init__(self, line: int | None, field: str | Path, message: str) -> None:
        self.line = line
        if not isinstance(field, str):
            field = format_path(field) if len(field) <= 8 else format_path(field[:8]) + "…"
        self.field = field
        self.message = message
        super().__init__(message)

    def problem(self, file: str) -> Problem:
        return Problem(file, self.line, self.field, self.message)


def format_path(path: Path) -> str:
    """``('roles', 3, 'skills', 1)`` -> ``roles[3].skills[1]``."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


def short(value: object, limit: int = 40) -> str:
    """A value from a file, cut short and made printable, for an error message."""
    text = str(value) if not isinstance(value, str) else value
    text = "".join(ch if ch.isprintable() else "?" for ch in text[: limit + 1])
    return repr(text[:limit] + "…") if len(text) > limit else repr(text)


def parse(raw: bytes) -> Document:
    """Parse one YAML file's bytes; raise YamlProblem for anything unacceptable.

    The size limit is the caller's: whoever reads the file caps what it reads and refuses more.
    A valid file is read from libyaml's events (``_from_events``), never holding a node tree:
    about 40% of the time and half the memory of composing one (a 1,000-role roles.yaml: 59 MB
    of node tree and marks, against 27 MB). Anything unusual, or anything to report, is read
    again through the node tree, which says where.
    """
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        bad_line = raw[: exc.start].count(b"\n") + 1
        raise YamlProblem(bad_line, "", "not valid UTF-8 text") from None
    try:
        return Document(_from_events(text), text)
    except (_Surprise, yaml.YAMLError, RecursionError):
        pass  # an anchor, a tag, a syntax error...: the node tree's walks accept it or say where
    node = _compose(text)
    if node is None:
        return Document(None)
    # The walk that tracks paths and lines: it accepts the file, or reports where it goes wrong.
    # (Its lines are not kept: the Document works them out again only if a problem needs them.)
    return Document(_Walker({}).value(node, (), 0), text)


def _from_events(text: str) -> Any:
    """The plain value of a document read from libyaml's events, for the commonest files: plain
    and quoted scalars, mappings with string keys and sequences, without tags or anchors.
    Anything else raises ``_Surprise`` (as do libyaml's own errors, raised as they are), and
    the node tree is composed to accept it or to report it (``parse``)."""
    loader = _Loader(text)
    get = loader.get_event
    try:
        if type(get()) is not StreamStartEvent:
            raise _Surprise  # pragma: no cover - libyaml always starts so
        event = get()
        if type(event) is StreamEndEvent:
            return None  # no document: an empty file, or only comments
        if type(event) is not DocumentStartEvent:
            raise _Surprise  # pragma: no cover - libyaml's order of events
        data = _Events(get).value(get(), 0)
        if type(get()) is not DocumentEndEvent or type(get()) is not StreamEndEvent:
            raise _Surprise  # a second document: composing it says so
        return data
    finally:
        dispose = getattr(loader, "dispose", None)
        if dispose is not None:
            dispose()


class _Events:
    """Plain values from a stream of events (``get``), with every check ``_Walker`` makes (it
    raises ``_Surprise`` where ``_Walker`` would have more to say)."""

    def __init__(self, get: Any) -> None:
        self.get = get

    def value(self, event: Any, depth: int) -> Any:
        if depth > MAX_DEPTH:
            raise _Surprise
        kind = type(event)
        if kind is ScalarEvent:
            return _event_scalar(event)
        if kind not in _OPENING or event.anchor is not None:
            raise _Surprise  # an alias, an anchor
        if event.tag is not None and event.tag != "!":
            raise _Surprise
        if kind is SequenceStartEvent:
            get, items = self.get, []
            item = get()
            while type(item) is not SequenceEndEvent:
                items.append(self.value(item, depth + 1))
                item = get()
            return items
        return self.mapping(depth)

    def mapping(self, depth: int) -> dict[str, Any]:
        get, maybe_not_str = self.get, _MAYBE_NOT_STR
        out: dict[str, Any] = {}
        leaf_ok = depth < MAX_DEPTH  # a leaf here passes every check of value()
        while True:
            key_event = get()
            if type(key_event) is not ScalarEvent:
                if type(key_event) is MappingEndEvent:
                    return out
                raise _Surprise  # not a plain string key
            key, tag = key_event.value, key_event.tag
            if key_event.anchor is not None or (tag is not None and tag != "!") or key in out:
                raise _Surprise
            if key_event.implicit[0] and key[:1] in maybe_not_str and _implicit(key) != _STR:
                raise _Surprise
            event = get()
            if leaf_ok and type(event) is ScalarEvent and event.anchor is None and event.tag is None:
                # The commonest event, a string, without a call.
                text = event.value
                if not event.implicit[0] or text[:1] not in maybe_not_str:
                    out[key] = text
                    continue
            out[key] = self.value(event, depth + 1)


def _event_scalar(event: Any) -> Any:
    tag, text = event.tag, event.value
    if event.anchor is not None or (tag is not None and tag != "!"):
        raise _Surprise
    if not event.implicit[0] or text[:1] not in _MAYBE_NOT_STR:
        return text  # quoted, or plain and no word or number: a string
    try:
        return _Walker({}).scalar(ScalarNode(_PLAIN, text), 0, ())
    except YamlProblem:
        raise _Surprise from None


def _compose(text: str) -> Node | None:
    loader = _Loader(text)
    try:
        node: Node | None = loader.get_single_node()
        return node
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        at = mark.line + 1 if mark is not None else None
        what = exc.problem or exc.context or "invalid YAML"
        raise YamlProblem(at, "", f"invalid YAML: {what}") from None
    except yaml.reader.ReaderError as exc:
        # A character YAML does not allow (NUL, most controls): its line, and the character named.
        code = exc.character if isinstance(exc.character, int) else ord(str(exc.character)[:1] or "?")
        found = text.find(chr(code))
        at = text.count("\n", 0, found) + 1 if found >= 0 else None
        raise YamlProblem(at, "", f"character U+{code:04X} is not allowed in YAML") from None
    except yaml.YAMLError as exc:
        raise YamlProblem(None, "", f"invalid YAML: {str(exc)[:200]}") from None
    except RecursionError:
        raise YamlProblem(None, "", f"nesting deeper than {MAX_DEPTH} levels") from None
    finally:
        dispose = getattr(loader, "dispose", None)
        if dispose is not None:
            dispose()


class _Surprise(Exception):
    """Raised by ``_from_events`` at anything it does not read itself: ``_Walker`` then walks the
    node tree, which accepts it or reports where it goes wrong."""


class _Walker:
    """Turns composed nodes into plain values, recording lines and rejecting surprises."""

    def __init__(self, lines: dict[Path, int]) -> None:
        self.lines = lines
        self.seen: set[int] = set()

    def value(self, node: Node, path: Path, depth: int) -> Any:
        line = self.lines.setdefault(path, node.start_mark.line + 1)
        where = path  # made into text only for a message
        if id(node) in self.seen:
            raise YamlProblem(line, where, "aliases (*name) are not allowed in data files")
        self.seen.add(id(node))
        if depth > MAX_DEPTH:
            raise YamlProblem(line, where, f"nesting deeper than {MAX_DEPTH} levels")
        if isinstance(node, ScalarNode):
            return self.scalar(node, line, where)
        if isinstance(node, SequenceNode):
            self.check_tag(node, "seq", line, where)
            return [self.value(item, (*path, i), depth + 1) for i, item in enumerate(node.value)]
        if isinstance(node, MappingNode):
            self.check_tag(node, "map", line, where)
            out: dict[str, Any] = {}
            for key_node, value_node in node.value:
                key_line = key_node.start_mark.line + 1
                if id(key_node) in self.seen:
                    raise YamlProblem(key_line, where, "aliases (*name) are not allowed")
                self.seen.add(id(key_node))
                if not isinstance(key_node, ScalarNode):
                    raise YamlProblem(key_line, where, "a key must be a plain string")
                key = self.scalar(key_node, key_line, where)
                if key == "<<" and key_node.tag == _TAG + "merge":
                    raise YamlProblem(key_line, where, "merge keys (<<) are not allowed")
                if not isinstance(key, str):
                    raise YamlProblem(key_line, where, f"key {short(key)} must be a string")
                child = (*path, key)
                if key in out:
                    first = self.lines.get(child)
                    at = f" (first at line {first})" if first else ""
                    raise YamlProblem(key_line, format_path(child), f"duplicate key{at}")
                self.lines[child] = key_line
                out[key] = self.value(value_node, child, depth + 1)
            return out
        raise YamlProblem(line, where, "unsupported YAML node")  # pragma: no cover

    def check_tag(self, node: Node, kind: str, line: int, where: Path) -> None:
        if node.tag != _TAG + kind:
            raise YamlProblem(line, where, f"tag {_show_tag(node.tag)} is not allowed")

    def scalar(self, node: ScalarNode, line: int, where: Path) -> Any:
        tag, text = node.tag, node.value
        if tag is _PLAIN:
            tag = _implicit(text)
        if tag == _STR:
            return text
        if tag == _TAG + "null":
            return None
        if tag == _TAG + "bool":
            return text.lower() == "true"
        try:
            if tag == _TAG + "int":
                if text.startswith("0o"):
                    return int(text[2:], 8)
                return int(text, 16) if text.startswith("0x") else int(text)
            if tag == _TAG + "float":
                lowered = text.lower()
                if lowered.endswith("inf"):
                    return float("-inf") if lowered.startswith("-") else float("inf")
                return float("nan") if lowered.endswith("nan") else float(text)
        except ValueError:
            raise YamlProblem(line, where, f"{short(text)} is not a valid {tag[len(_TAG) :]}") from None
        raise YamlProblem(line, where, f"tag {_show_tag(tag)} is not allowed")


def _show_tag(tag: str) -> str:
    return short("!!" + tag[len(_TAG) :] if tag.startswith(_TAG) else tag)
