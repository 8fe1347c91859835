"""No module of diklat reaches into another's private (underscore) names: what modules share is
a public name, so a module's private helpers can change without breaking another one."""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src"
PACKAGE = SRC / "diklat_cli"


def _module(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _resolve(path: Path, node: ast.ImportFrom) -> str | None:
    """The diklat module an import names (`from ..icsimport import x`), or None for others."""
    if not node.level:
        return node.module if (node.module or "").startswith("diklat_cli") else None
    here = _module(path).split(".")
    package = here if path.name == "__init__.py" else here[:-1]
    base = package[: len(package) - node.level + 1]
    return ".".join(base + ([node.module] if node.module else []))


def _is_module(name: str) -> bool:
    path = SRC.joinpath(*name.split("."))
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


def private_reaches(path: Path, text: str | None = None) -> list[str]:
    """`from other import _name`, and `other._name` where `other` is a diklat module, in the
    module at `path` (or in `text`, read as if it were that module)."""
    tree = ast.parse(path.read_text("utf-8") if text is None else text)
    here = _module(path)
    found: list[str] = []
    modules: set[str] = set()  # local names bound to another diklat module
    for node in ast.walk(tree):
        if not isinstance(node, ast.ImportFrom):
            continue
        source = _resolve(path, node)
        if source is None:
            continue
        for alias in node.names:
            if _is_module(f"{source}.{alias.name}"):
                modules.add(alias.asname or alias.name)
            elif alias.name.startswith("_") and not alias.name.startswith("__") and source != here:
                found.append(f"{path.name}:{node.lineno}: from {source} import {alias.name}")
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.value.id in modules
            and node.attr.startswith("_")
            and not node.attr.startswith("__")
        ):
            found.append(f"{path.name}:{node.lineno}: {node.value.id}.{node.attr}")
    return found


def test_no_module_imports_another_modules_private_names() -> None:
    found = [hit for path in sorted(PACKAGE.rglob("*.py")) for hit in private_reaches(path)]
    assert found == []


def test_the_check_sees_a_private_import() -> None:
    """The guard above catches what sources/sessions.py once did."""
    path = PACKAGE / "workspace" / "sources" / "sessions.py"
    text = "from ..icsimport import _parse\nfrom .. import icsscan\nicsscan._FOLD\n"
    assert private_reaches(path, text) == [
        "sessions.py:1: from diklat_cli.workspace.icsimport import _parse",
        "sessions.py:3: icsscan._FOLD",
    ]
