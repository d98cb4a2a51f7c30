"""One-way flow (DESIGN.md): data → models → charts → explorers → scenarios/book → chapters.
Nothing imports upward: a module may import only its own layer and the layers below it."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "widgets"
LAYER_OF = {"labels": 0, "data": 1, "models": 2, "charts": 3, "explorers": 4, "book": 4, "scenarios": 5,
            "buildtools": 0, "sphinx_ext": 0, "bookhtml": 0, "tables": 4, "freshness": 4, "pages": 6}


def layer(module: str) -> int:
    part = module.split(".")[1] if module.count(".") else "labels"
    return LAYER_OF[part]


def widgets_imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("widgets."):
            found.append(node.module)
        elif isinstance(node, ast.Import):
            found += [alias.name for alias in node.names if alias.name.startswith("widgets.")]
    return found


MODULES = sorted(p for p in PACKAGE.rglob("*.py") if p.name != "__init__.py")


@pytest.mark.parametrize("path", MODULES, ids=[str(p.relative_to(PACKAGE)) for p in MODULES])
def test_no_upward_import(path):
    own = "widgets." + ".".join(path.relative_to(PACKAGE).with_suffix("").parts)
    upward = [name for name in widgets_imports(path) if layer(name) > layer(own)]
    assert upward == []
