"""The package's own source: no module-level name is bound twice by mistake.

The rule modules hold hundreds of module-level patterns; a second
``_COUNT_BEFORE = ...`` further down silently replaces the first for every
function that reads it, and changes results far from the edit.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import geomap

PACKAGE = Path(geomap.__file__).resolve().parent
MODULES = sorted(PACKAGE.rglob("*.py"))


def _rebound(tree: ast.Module) -> list[str]:
    """Module-level names bound twice, unless the second binding builds on the first."""
    seen: set[str] = set()
    twice: list[str] = []
    for node in tree.body:
        names: list[str] = []
        value: ast.AST | None = None
        if isinstance(node, ast.Assign):
            names = [t.id for t in node.targets if isinstance(t, ast.Name)]
            value = node.value
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.value is not None:
            names, value = [node.target.id], node.value
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names = [node.name]
        used = {n.id for n in ast.walk(value) if isinstance(n, ast.Name)} if value is not None else set()
        for name in names:
            if name in seen and name not in used and name != "__all__":
                twice.append(f"{name} (line {node.lineno})")
            seen.add(name)
    return twice


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_module_level_name_is_bound_twice(path: Path) -> None:
    assert _rebound(ast.parse(path.read_text(encoding="utf-8"))) == []


def test_the_check_finds_a_second_binding() -> None:
    src = "A = 1\ndef f():\n    return A\nA = 2\nB = {1}\nB = B | {2}\n"
    assert _rebound(ast.parse(src)) == ["A (line 4)"]
