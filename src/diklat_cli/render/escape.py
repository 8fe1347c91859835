"""One escaping rule per output, for text that users typed (titles, notes, names, places, links).

A workspace is shared between colleagues and fed with calendars from anywhere, so its text is
inert wherever it goes:

- terminal: `terminal()` drops escape sequences (colours, window titles, OSC 8 links, clear
  screen) and every other control character but the line break;
- Markdown: `md_inline()` keeps the text on its line and out of the layout (no line breaks, table
  pipes, block markers at the start, raw HTML, links or code spans of its own); `md_link()` shows a
  link as a link only when its scheme is one people click on purpose (`safe_url`);
- HTML: Jinja2's autoescape (render/handover.py);
- .ics: `ics_text()` drops control characters and icalendar escapes the rest of a TEXT value;
  `ics_uri()` and `one_line()` keep URIs and the calendar's name on one line (render/ics.py);
- JSON: every value is kept as it is, but `json_text()` writes the characters a terminal acts on
  as `\\uXXXX` escapes, so the file can be printed with `cat` (render/json.py, check, jp).

Pure functions on str, cheap to import: the plan renderers call them on every title.
"""

from __future__ import annotations

import re

# ESC sequences as terminals read them (ECMA-48): CSI, OSC (to BEL or ST, or to the end when
# unterminated), DCS/SOS/PM/APC strings, and two-character escapes; and their 8-bit C1 forms
_SEQUENCE = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]?"
    r"|\x1b\][^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"
    r"|\x1b[PX^_][^\x1b\x9c]*(?:\x1b\\|\x9c)?"
    r"|\x1b[ -~]?"
    r"|\x9b[0-?]*[ -/]*[@-~]?"
    r"|[\x90\x98\x9d\x9e\x9f][^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"
)
# what is left of C0 and C1 once the sequences are gone (the line break and tab are kept for
# now), DEL, and the bidirectional overrides that reorder what a reader sees ("Trojan source")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# what json.dumps leaves raw that `terminal()` would drop: DEL, C1 (U+009B is an 8-bit CSI that
# moves a terminal's cursor) and the bidirectional overrides; it escapes C0 itself
_JSON_RAW = re.compile(r"[\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_LINE_BREAK = re.compile(r"\r\n|[\r\n\v\f\x85\u2028\u2029]")

# schemes a link may be clickable with: the web, mail and phone, and the meeting apps that
# training providers send (Zoom's and Teams' app links)
SAFE_SCHEMES = frozenset({"http", "https", "mailto", "tel", "zoommtg", "zoomus", "msteams"})
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")


def terminal(text: str) -> str:
    """`text` safe to print on a terminal: no escape sequences, no control characters.

    Line breaks stay (a note may have several lines; rich lays them out); a carriage return, which
    would let text overwrite what is before it on the line, becomes a line break; a tab a space.
    """
    if text.isprintable():
        return text  # the common case, and the fast one: most titles are plain words
    out = _SEQUENCE.sub("", text)
    out = out.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    return _CONTROL.sub("", out)


def one_line(text: str) -> str:
    """`text` on one line, for places where a line break would start something new."""
    return _LINE_BREAK.sub(" ", text)


# characters that start Markdown inline syntax anywhere: emphasis, code spans, links and images,
# raw HTML and autolinks, table cells; and the backslash that escapes them
_MD_INLINE = re.compile(r"([\\`*_\[\]<>|])")
# what turns a line into something else when it stands at its start: a heading, a quote, a list
# item, a thematic break or setext underline, a code fence
_MD_BLOCK = re.compile(r"^(\s*)([#>+=~-]|\d{1,9}(?=[.)]))")


def md_inline(text: str) -> str:
    """`text` as plain words in Markdown: on one line, with nothing that Markdown would act on.

    Safe in a table cell, a list item, a heading and at the start of a line.
    """
    out = one_line(terminal(text))
    out = _MD_INLINE.sub(r"\\\1", out)
    m = _MD_BLOCK.match(out)
    if m:
        lead, marker = m.group(1), m.group(2)
        if marker[0].isdigit():  # `1. text` is a list item: escape the dot
            cut = len(lead) + len(marker)
            out = f"{out[:cut]}\\{out[cut:]}"
        else:
            out = f"{lead}\\{out[len(lead) :]}"
    return out


def safe_url(url: str) -> bool:
    """Whether `url` may be a clickable link: a known scheme, nothing that breaks out of it."""
    m = _SCHEME.match(url)
    if not m or m.group(1).lower() not in SAFE_SCHEMES:
        return False
    return not any(c.isspace() or not c.isprintable() or c in "<>\"'`" for c in url)


def md_link(url: str) -> str:
    """A link in Markdown: as it is when it is safe to click (autolinked), else as inert text."""
    return url if safe_url(url) else md_inline(url)


def ics_text(text: str) -> str:
    """A TEXT value for an .ics file: no control characters (RFC 5545 allows none but the tab);
    icalendar escapes the line breaks, commas and semicolons that are left."""
    return terminal(text)


def ics_uri(url: str) -> str | None:
    """A URI for an .ics property (URL): only a safe one; None leaves the property out."""
    return url if safe_url(url) else None


def json_text(text: str) -> str:
    """JSON as `json.dumps(..., ensure_ascii=False)` writes it, with DEL, the C1 controls and the
    bidirectional overrides spelt as escapes (U+009B as `\\u009b`) instead of raw.

    A JSON reader gets the very same strings; a terminal showing the file gets no control
    character. Outside strings JSON is ASCII, and a backslash in it is always followed by an ASCII
    character, so replacing these characters anywhere in the text only ever touches string
    contents and never makes another escape.
    """
    if text.isascii() and "\x7f" not in text:  # DEL is ASCII; the rest of these are not
        return text
    return _JSON_RAW.sub(_json_escape, text)


def _json_escape(m: re.Match[str]) -> str:
    return f"\\u{ord(m.group()):04x}"
