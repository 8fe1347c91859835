"""rich's `Text`, made inert: what users typed reaches the terminal without control characters.

rich strips only a few control codes itself (BEL, backspace, vertical tab, form feed, carriage
return); an ESC in a title would still set the window title, clear the screen or plant an OSC 8
link. The terminal renderers build every piece of text with this `Text`, so the rule of
`escape.terminal` applies wherever user text enters them. Styles (rich's own escape codes) are
added by rich after this, untouched.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text as _RichText

from .escape import terminal


class Text(_RichText):
    """A `rich.text.Text` whose strings are passed through `escape.terminal` on the way in."""

    def __init__(self, text: str = "", *args: Any, **kwargs: Any) -> None:
        super().__init__(terminal(text), *args, **kwargs)

    def append(self, text: str | _RichText, *args: Any, **kwargs: Any) -> _RichText:
        return super().append(terminal(text) if isinstance(text, str) else text, *args, **kwargs)

    def __add__(self, other: object) -> Any:  # a rich Text, as rich's own __add__ gives
        return super().__add__(terminal(other) if isinstance(other, str) else other)
