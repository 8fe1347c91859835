"""The docs stand alone: every TOML example in them loads, every key is in the reference, and no
link leaves the repository (issue 9, point 10)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from diklat_cli.workspace.loader import load
from diklat_cli.workspace.models import Away, DayHours, Model, Session
from diklat_cli.workspace.tables import ITEM_TABLES, SETTINGS_TABLES, known_keys

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = ROOT / "docs" / "workspace-reference.md"
# imports.md's examples read export files: tests/test_imports_doc.py loads them beside fixtures
PAGES = [
    ROOT / "README.md",
    *sorted(p for p in (ROOT / "docs").glob("*.md") if p.name != "imports.md"),
]
SETTINGS = re.compile(r"^\[(profile|workweek|ramadan|study|planning|export)[\].]", re.M)
BASE = '[profile]\nname = "Andi Pratiwi, S.E."\n'
TEAM = (
    '[[colleague]]\nid = "budi"\nname = "Budi"\n'
    '[[colleague]]\nid = "sari"\nname = "Sari"\n'
    '[[colleague]]\nid = "kabid"\nname = "Hendra"\n'
)


def _blocks(page: Path) -> list[str]:
    return re.findall(r"^```toml\n(.*?)^```", page.read_text("utf-8"), re.S | re.M)


EXAMPLES = [
    pytest.param(block, id=f"{page.name}#{i + 1}")
    for page in PAGES
    for i, block in enumerate(_blocks(page))
]


@pytest.mark.parametrize("block", EXAMPLES)
def test_every_toml_example_in_the_docs_loads(block: str, tmp_path: Path) -> None:
    """Settings go to diklat.toml (with a profile when the example has none), items to a file of
    their own, beside three colleagues (unless the example names its own) and a calendar file."""
    if SETTINGS.search(block):
        main = block if re.search(r"^\[profile\]", block, re.M) else BASE + block
        (tmp_path / "diklat.toml").write_text(main, "utf-8")
    else:
        (tmp_path / "diklat.toml").write_text(BASE, "utf-8")
        (tmp_path / "items.toml").write_text(block, "utf-8")
    if "[[colleague]]" not in block:
        (tmp_path / "tim.toml").write_text(TEAM, "utf-8")
    shutil.copy(ROOT / "examples" / "kontrak" / "kantor.ics", tmp_path / "kantor.ics")
    sheet = ROOT / "tests" / "fixtures" / "sources" / "google-sheets.csv"
    shutil.copy(sheet, tmp_path / "tugas-kantor.csv")
    load(tmp_path, lang="en")


def _section(title: str) -> str:
    """The text of the reference under the heading that names `title` (up to the next one)."""
    text = REFERENCE.read_text("utf-8")
    start = text.index(f"## `{title}`")
    end = text.find("\n## ", start + 1)
    return text[start : end if end > 0 else None]


def _tables() -> list[tuple[str, type[Model]]]:
    out: list[tuple[str, type[Model]]] = [(f"[{n}]", m) for n, m in SETTINGS_TABLES.items()]
    out += [(f"[[{n}]]", m) for n, (_, m) in ITEM_TABLES.items()]
    return out


@pytest.mark.parametrize(("title", "model"), _tables(), ids=lambda v: str(v))
def test_every_key_is_in_the_reference(title: str, model: type[Model]) -> None:
    section = _section(title)
    missing = [k for k in known_keys(model, ()) if f"| `{k}` |" not in section]
    if model in (SETTINGS_TABLES["workweek"], SETTINGS_TABLES["ramadan"]):
        missing = [k for k in missing if k not in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")]
        assert "| `mon` ... `sun` |" in section
    assert missing == [], f"{title}: {missing}"
    assert "```toml\n" in section, f"{title} has no example"


def test_the_nested_tables_are_in_the_reference() -> None:
    training = _section("[[training]]")
    assert all(f"| `{k}` |" in training for k in known_keys(Session, ()))
    assert all(f"`{k}`" in _section("[[colleague]]") for k in known_keys(Away, ()))
    assert all(f"`{k}`" in _section("[workweek]") for k in known_keys(DayHours, ()))


def test_nothing_user_facing_links_outside_the_repository() -> None:
    templates = (ROOT / "src" / "diklat_cli" / "templates").rglob("*")
    for path in [*PAGES, *(p for p in templates if p.is_file())]:
        text = path.read_text("utf-8")
        assert "../shared" not in text and "/work/" not in text, path
        for target in re.findall(r"\]\(([^)#]+)(?:#[^)]*)?\)", text):
            if re.match(r"[a-z]+:", target):
                continue  # a web address
            resolved = (path.parent / target).resolve()
            assert resolved.is_relative_to(ROOT) and resolved.exists(), f"{path.name}: {target}"
