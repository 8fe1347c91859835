"""Where things stand in a TOML text: the line of each table, key and array element.

TOML parsers (tomllib) keep no positions, so `LineMap` scans the text once more, structurally,
and maps a validation error's location (table, index, key) back to the line it came from.
"""

from __future__ import annotations

import contextlib
import re
from typing import Any


class _Stop(Exception):
    """The scanner met text it does not understand: keep what it mapped so far."""


_BARE = re.compile(r"[A-Za-z0-9_-]+")
# prefixes of a path deeper than this are not mapped: a workspace's paths are a few levels deep,
# and mapping every prefix of `[a.a.a.…]` would take memory with the square of the header
_DEEP = 16
_SCALAR_END = frozenset(",]}#\n\r")


class LineMap:
    """Maps paths such as ('task', 2, 'estimate') to 1-based line numbers of one file's text.

    A small structural scanner of TOML: headers ([t], [[t]], [[training.session]] under the
    current training), dotted and quoted keys, arrays and inline tables over several lines (each
    element gets its own path: ('colleague', 0, 'away', 1, 'end')), strings of every kind. It is
    tolerant: on text it cannot follow it keeps what it has mapped so far.
    """

    def __init__(self, text: str) -> None:
        self.lines: dict[tuple[Any, ...], int] = {}
        self.repeated: list[tuple[int, str]] = []  # (line, key) of keys assigned twice
        self._text = text
        self._pos = 0
        self._line = 1
        self._counters: dict[tuple[Any, ...], int] = {}
        self._assigned: set[tuple[Any, ...]] = set()
        # the scanner stops quietly where the text ends mid-token (an unclosed quote or bracket):
        # tomllib has already said what is wrong there, and the lines found so far still count
        with contextlib.suppress(_Stop, IndexError, ValueError):
            self._document()

    def find(self, path: tuple[Any, ...]) -> int | None:
        """The line of the longest prefix of `path` that the text names."""
        for n in range(len(path), 0, -1):
            if path[:n] in self.lines:
                return self.lines[path[:n]]
        return None

    # the scanner

    def _peek(self, n: int = 1) -> str:
        return self._text[self._pos : self._pos + n]

    def _advance(self, n: int = 1) -> None:
        self._line += self._text.count("\n", self._pos, self._pos + n)
        self._pos += n

    def _at_end(self) -> bool:
        return self._pos >= len(self._text)

    def _blank(self, newlines: bool) -> None:
        """Skip spaces (and, when allowed, newlines and comments)."""
        while not self._at_end():
            c = self._peek()
            if c in " \t" or (newlines and c in "\r\n"):
                self._advance()
            elif newlines and c == "#":
                self._skip_comment()
            else:
                return

    def _skip_comment(self) -> None:
        end = self._text.find("\n", self._pos)
        self._advance((len(self._text) if end < 0 else end) - self._pos)

    def _mark(self, path: tuple[Any, ...], line: int) -> None:
        self.lines.setdefault(path, line)

    def _mark_prefixes(self, path: tuple[Any, ...], shortest: int, line: int) -> None:
        """Map `path` and its prefixes from length `shortest` on (up to _DEEP levels)."""
        for n in range(shortest, min(len(path), _DEEP) + 1):
            self._mark(path[:n], line)
        self._mark(path, line)

    def _document(self) -> None:
        table: tuple[Any, ...] = ()
        while True:
            self._blank(newlines=True)
            if self._at_end():
                return
            line = self._line
            if self._peek(2) == "[[":
                self._advance(2)
                names = self._key()
                self._blank(newlines=False)
                if self._peek(2) != "]]":
                    raise _Stop
                self._advance(2)
                array = self._resolve(names)
                self._counters[array] = self._counters.get(array, -1) + 1
                table = (*array, self._counters[array])
                self._mark(array, line)
                self._mark(table, line)
            elif self._peek() == "[":
                self._advance()
                names = self._key()
                self._blank(newlines=False)
                if self._peek() != "]":
                    raise _Stop
                self._advance()
                table = self._resolve(names)
                self._mark_prefixes(table, 1, line)  # [workweek.fri] also names workweek
            else:
                self._pair(table, line)
            self._blank(newlines=False)
            if self._peek() == "#":
                self._skip_comment()

    def _resolve(self, names: tuple[str, ...]) -> tuple[Any, ...]:
        """Insert the current index of each enclosing array of tables: training.session -> training, 3, session."""
        out: list[Any] = []
        for k, name in enumerate(names):
            out.append(name)
            if k < len(names) - 1 and k < _DEEP and (key := tuple(out)) in self._counters:
                out.append(self._counters[key])
        return tuple(out)

    def _pair(self, table: tuple[Any, ...], line: int) -> None:
        keys = self._key()
        self._blank(newlines=False)
        if self._peek() != "=":
            raise _Stop
        self._advance()
        self._blank(newlines=False)
        path = (*table, *keys)
        self._mark_prefixes(path, len(table) + 1, line)
        if path in self._assigned:
            self.repeated.append((line, ".".join(str(k) for k in keys)))
        self._assigned.add(path)
        self._value(path)

    def _key(self) -> tuple[str, ...]:
        parts: list[str] = []
        while True:
            self._blank(newlines=False)
            c = self._peek()
            if c == '"':
                parts.append(self._basic_string())
            elif c == "'":
                end = self._text.index("'", self._pos + 1)
                parts.append(self._text[self._pos + 1 : end])
                self._advance(end + 1 - self._pos)
            else:
                m = _BARE.match(self._text, self._pos)
                if not m:
                    raise _Stop
                parts.append(m.group())
                self._advance(len(m.group()))
            self._blank(newlines=False)
            if self._peek() != ".":
                return tuple(parts)
            self._advance()

    def _basic_string(self) -> str:
        i = self._pos + 1
        out = []
        while self._text[i] != '"':
            if self._text[i] == "\\":
                out.append(self._text[i + 1])
                i += 2
            elif self._text[i] == "\n":
                raise _Stop
            else:
                out.append(self._text[i])
                i += 1
        self._advance(i + 1 - self._pos)
        return "".join(out)

    def _value(self, path: tuple[Any, ...]) -> None:
        c = self._peek()
        if self._peek(3) in ('"""', "'''"):
            quote = self._peek(3)
            i = self._pos + 3
            while self._text[i : i + 3] != quote:
                i += 2 if quote == '"""' and self._text[i] == "\\" else 1
            i += 3
            while self._text[i : i + 1] == quote[0]:  # up to two quotes may end the content
                i += 1
            self._advance(i - self._pos)
        elif c == '"':
            self._basic_string()
        elif c == "'":
            end = self._text.index("'", self._pos + 1)
            self._advance(end + 1 - self._pos)
        elif c == "[":
            self._advance()
            index = 0
            while True:
                self._blank(newlines=True)
                if self._peek() == "]":
                    self._advance()
                    return
                self._mark((*path, index), self._line)
                self._value((*path, index))
                index += 1
                self._blank(newlines=True)
                if self._peek() == ",":
                    self._advance()
                elif self._peek() != "]":
                    raise _Stop
        elif c == "{":
            self._advance()
            while True:
                self._blank(newlines=True)
                if self._peek() == "}":
                    self._advance()
                    return
                line = self._line
                keys = self._key()
                self._blank(newlines=False)
                if self._peek() != "=":
                    raise _Stop
                self._advance()
                self._blank(newlines=False)
                inner = (*path, *keys)
                self._mark_prefixes(inner, len(path) + 1, line)
                self._value(inner)
                self._blank(newlines=True)
                if self._peek() == ",":
                    self._advance()
        else:
            i = self._pos
            while i < len(self._text) and self._text[i] not in _SCALAR_END:
                i += 1
            if i == self._pos:
                raise _Stop
            self._advance(i - self._pos)
