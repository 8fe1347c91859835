"""Text users typed stays text in every output: terminal, Markdown, HTML, .ics (render/escape.py).

The workspace below is what a colleague could hand over: titles with terminal escape sequences,
line breaks that would add Markdown rows and headings, raw HTML, a `javascript:` link, and a
calendar name and a link with line breaks that would add .ics properties.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from diklat_cli.cli import main
from diklat_cli.render.escape import (
    json_text,
    md_inline,
    md_link,
    one_line,
    safe_url,
    terminal,
)

# \x1b]0;..\x07 sets the window title, \x1b[2J clears the screen, \x1b]8;; plants a link, \x9b is
# the 8-bit CSI, \u202e turns the rest of the line around
TITLE = (
    "Laporan\x1b]0;pwned\x07 TW4\x1b[2J\x1b]8;;https://evil.example\x1b\\klik\x1b]8;;\x1b\\"
    "\x07\x9b31m\u202e"
)
NOTES = "baris satu\n# Judul palsu\n| x | y |\n> kutipan"
HTML = "<script>alert(1)</script><img src=x onerror=alert(2)>"
BAD_LINK = "[Gabung](javascript:alert(1))"

WORKSPACE = f'''
[profile]
name = "Rina\\n# Bukan nama"
position = "Analis {HTML}"

[export]
calendar_name = "Diklat\\nX-INJECTED:yes"

[[task]]
id = "lap"
title = {TITLE!r}
estimate = "60h"  # more than the days before she leaves hold: the sheet hands it over
due = 2026-12-10
notes = {NOTES!r}

[[task]]
id = "web"
title = "| sel | palsu |\\n## Judul {HTML}"
estimate = "60h"
due = 2026-12-10

[[colleague]]
id = "budi"
name = "Budi\\u001b[31m Santoso"

[[training]]
id = "t"
title = "Bimtek\\u009b2J\\n# Judul"
format = "blended"
start = 2026-12-07
end = 2026-12-10
handover_to = "budi"

[[training.session]]
date = 2026-12-07
until = 2026-12-08
time = "13:00-15:00"
mode = "online"
link = "{BAD_LINK}"

[[training.session]]
date = 2026-12-09
until = 2026-12-10
mode = "offline"

[[event]]
title = "Rapat {HTML}"
date = 2026-12-01
time = "09:00-10:00"
link = "https://zoom.us/j/1\\r\\nX-INJECTED:yes"
location = "Ruang\\r\\nATTENDEE:mailto:x@example.com"
'''


@pytest.fixture
def ws(tmp_path: Path) -> Path:
    # tomllib reads Python's repr of the title as a TOML literal string only when it has no
    # backslash escapes; the real control characters are written through TOML's \\u escapes
    text = WORKSPACE
    for name, value in (("TITLE", TITLE), ("NOTES", NOTES)):
        text = text.replace(repr(value), _toml(value))
        del name
    (tmp_path / "diklat.toml").write_text(text, "utf-8")
    return tmp_path


def _toml(value: str) -> str:
    out = []
    for ch in value:
        if ch == '"' or ch == "\\":
            out.append("\\" + ch)
        elif ch.isprintable() and ch not in "\u202e":
            out.append(ch)
        else:
            out.append(f"\\u{ord(ch):04x}")
    return '"' + "".join(out) + '"'


def _run(capsys: pytest.CaptureFixture[str], ws: Path, *args: str) -> str:
    code = main(["-w", str(ws), *args])
    out = capsys.readouterr()
    assert code in (0, 1), out.err
    return out.out


CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def test_the_terminal_gets_no_control_characters(
    ws: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")  # no colour: any escape code would be the user's
    for args in (
        ["plan", "--date", "2026-12-01", "--days", "3"],
        ["plan", "--date", "2026-12-01", "--week"],
        ["plan", "--date", "2026-12-01", "--explain"],
        ["why", "lap", "--date", "2026-12-01"],
        ["check", "--date", "2026-12-01"],
        ["check", "--suggest", "t"],
    ):
        out = _run(capsys, ws, *args)
        assert not CONTROL.findall(out), (args, CONTROL.findall(out))
    assert "Laporan TW4klik" in _run(capsys, ws, "plan", "--date", "2026-12-01", "--days", "3")


def _md_lines(text: str) -> list[str]:
    return text.splitlines()


def test_plan_markdown_keeps_user_text_in_its_line(
    ws: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = _run(capsys, ws, "plan", "--date", "2026-12-01", "--days", "7", "--format", "markdown")
    assert not CONTROL.findall(out.replace("\n", ""))
    assert not re.search(r"(?<!\\)<", out)  # no raw HTML
    assert r"\<script\>" in out
    assert not re.search(r"(?<!\\)\]\(javascript:", out)
    assert r"\[Gabung\](javascript:alert(1))" in out  # shown, not clickable
    assert not [line for line in _md_lines(out) if re.match(r"\s*#+ *Judul", line)]


def test_handover_markdown_adds_no_rows_headings_html_or_links(
    ws: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = _run(capsys, ws, "handover", "t", "--date", "2026-12-01")
    assert not re.search(r"(?<!\\)<", out)  # no raw HTML
    assert not [line for line in _md_lines(out) if re.match(r"\s*#+ *(Judul|Bukan)", line)]
    rows = [line for line in _md_lines(out) if line.startswith("| ") and line[2].isdigit()]
    assert len(rows) == 2  # two tasks, two rows: no row made of a title
    for row in rows:
        assert len(re.findall(r"(?<!\\)\|", row)) == 5  # four cells
    assert not CONTROL.findall(out.replace("\n", ""))


def test_handover_html_escapes_and_links_nothing(
    ws: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = _run(capsys, ws, "handover", "t", "--date", "2026-12-01", "--format", "html")
    assert "<script>" not in out and "<img src=x" not in out
    assert "&lt;script&gt;" in out
    assert "javascript:" not in out.replace("(javascript:alert(1))", "")
    assert 'href="javascript' not in out


def test_ics_gets_no_injected_property(ws: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["-w", str(ws), "export", "--date", "2026-12-01", "--include-events"])
    out = capsys.readouterr().out
    assert code == 0
    lines = out.split("\r\n")
    names = {re.split(r"[;:]", line, maxsplit=1)[0] for line in lines if line and line[0] != " "}
    assert not {n for n in names if n.startswith("X-INJECTED") or n == "ATTENDEE"}
    assert "X-WR-CALNAME:Diklat X-INJECTED:yes\r\n" in out  # the name, on one line
    assert not any(line.startswith("URL:") and "javascript" in line for line in lines)
    assert not any(line.startswith("URL:https://zoom.us/j/1") for line in lines)  # had a break


# --- the rules themselves ------------------------------------------------------------------------

HOSTILE = st.text(
    alphabet=st.sampled_from(
        list("ab #>-+=*_|`[]()<>!\\1.)~\n\r\t\x1b\x07\x9b\x85\u2028\u202e;:/")
    ),
    max_size=40,
)


@given(HOSTILE)
def test_terminal_text_has_no_control_character_but_line_breaks(text: str) -> None:
    out = terminal(text)
    assert not CONTROL.findall(out.replace("\n", ""))
    assert "\r" not in out


@given(HOSTILE)
def test_markdown_text_stays_on_its_line_and_in_its_cell(text: str) -> None:
    out = md_inline(text)
    assert one_line(out) == out and "\n" not in out and "\r" not in out
    assert not re.search(r"(?<!\\)[|<>\[\]`]", out.replace("\\\\", ""))
    assert not re.match(r"\s*([#>+=~-]|\d+[.)])", out)
    row = f"| {out} | {out} |"
    assert len(re.findall(r"(?<!\\)\|", row.replace("\\\\", ""))) == 3


@pytest.mark.parametrize(
    ("url", "ok"),
    [
        ("https://zoom.us/j/123?pwd=x", True),
        ("http://intranet.example/a_b", True),
        ("mailto:rina@example.go.id", True),
        ("tel:+62-21-000", True),
        ("zoommtg://zoom.us/join?confno=1", True),
        ("msteams:/l/meetup-join/19", True),
        ("javascript:alert(1)", False),
        ("JaVaScRiPt:alert(1)", False),
        ("data:text/html,<script>", False),
        ("vbscript:x", False),
        ("file:///etc/passwd", False),
        ("https://a.example/\nX-INJECTED:1", False),
        ("https://a.example/ b", False),
        ("https://a.example/<x>", False),
        ("zoom.us/j/1", False),
        ("", False),
    ],
)
def test_only_known_schemes_are_links(url: str, ok: bool) -> None:
    assert safe_url(url) is ok
    assert md_link(url) == (url if ok else md_inline(url))


def test_markdown_block_markers_at_the_start_are_escaped() -> None:
    assert md_inline("# H") == r"\# H"
    assert md_inline("  > q") == r"  \> q"
    assert md_inline("12. x") == r"12\. x"
    assert md_inline("3) x") == r"3\) x"
    assert md_inline("---") == r"\---"
    assert md_inline("Laporan TW-4 2026. Selesai") == "Laporan TW-4 2026. Selesai"


def test_messages_quoting_the_files_are_inert_too(
    ws: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["-w", str(ws), "done", "lap"])
    out = capsys.readouterr().out
    assert code == 0 and "Selesai: Laporan TW4klik" in out
    assert not CONTROL.findall(out.replace("\n", ""))
    bad = ws / "zz.toml"
    bad.write_text(
        '[[task]]\nid = "x"\ntitle = "x"\nestimate = "\\u001b]0;pwned\\u0007"\n', "utf-8"
    )
    assert main(["-w", str(ws), "plan"]) == 3
    err = capsys.readouterr().err
    assert f"{bad}:4: " in err
    assert not CONTROL.findall(err.replace("\n", ""))
    assert "bukan durasi" in err


def test_the_html_sheet_has_no_control_characters(
    ws: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = _run(capsys, ws, "handover", "t", "--date", "2026-12-01", "--format", "html")
    assert not CONTROL.findall(out.replace("\n", ""))
    assert "Laporan TW4klik" in out


def test_the_skp_note_keeps_user_text_in_its_line(
    ws: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = _run(capsys, ws, "jp", "--year", "2026", "--date", "2026-12-01")
    assert not [line for line in _md_lines(out) if re.match(r"\s*#+ *(Judul|Bukan)", line)]
    assert not re.search(r"(?<!\\)<", out)
    assert not CONTROL.findall(out.replace("\n", ""))


@pytest.mark.parametrize(
    "args",
    [
        ["plan", "--date", "2026-12-01", "--days", "3", "--format", "json"],
        ["check", "--date", "2026-12-01", "--format", "json"],
        ["check", "--suggest", "t", "--date", "2026-12-01", "--format", "json"],
        ["jp", "--year", "2026", "--date", "2026-12-01", "--format", "json"],
    ],
)
def test_json_escapes_what_a_terminal_would_act_on_and_keeps_the_text(
    ws: Path, capsys: pytest.CaptureFixture[str], args: list[str]
) -> None:
    """`cat rencana.json` must not let a title's 8-bit CSI (U+009B) move the cursor, yet a
    script reading the file gets the title exactly as it was written."""
    out = _run(capsys, ws, *args)
    assert not CONTROL.findall(out), CONTROL.findall(out)
    json.loads(out)
    if args[0] == "plan":
        assert "\\u009b31m\\u202e" in out  # spelt as escapes
        titles = {t["id"]: t["title"] for t in json.loads(out)["tasks"]}
        assert titles["lap"] == TITLE


# every C0 and C1 control, DEL, the bidi controls, and what JSON escapes or could be confused with
# an escape: quotes, backslashes, a "u" and hex digits
JSON_CHARS = st.text(
    alphabet=st.sampled_from(
        [chr(c) for c in range(0x00, 0x20)]
        + [chr(c) for c in range(0x7F, 0xA1)]
        + list('\u202a\u202e\u2066\u2069\u2028\u200f"\\u009bAaé ✓')
    ),
    max_size=30,
)
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | JSON_CHARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(JSON_CHARS, inner, max_size=4),
    max_leaves=12,
)


@given(JSON_VALUES)
def test_json_text_is_the_same_json_with_nothing_a_terminal_acts_on(value: object) -> None:
    written = json.dumps(value, ensure_ascii=False, indent=2)
    out = json_text(written)
    assert json.loads(out) == value
    assert not CONTROL.findall(out)
