"""The domain is pure: no Textual, no file access, no clock. Each module is imported in a fresh interpreter."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

import jiebei_tui.domain

DOMAIN = Path(jiebei_tui.domain.__file__).parent
MODULES = sorted(f"jiebei_tui.domain.{p.stem}" for p in DOMAIN.glob("*.py") if p.stem != "__init__")
FORBIDDEN_MODULES = {"textual", "rich", "os", "pathlib", "io", "shutil", "time", "platformdirs", "subprocess", "socket"}
FORBIDDEN_CALLS = {"open", "today", "now", "utcnow"}  # the time module itself is forbidden above


@pytest.mark.parametrize("module", MODULES)
def test_domain_module_loads_without_textual(module: str) -> None:
    code = f"import sys, {module}\nprint(sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.')))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"


@pytest.mark.parametrize("path", sorted(DOMAIN.glob("*.py")), ids=lambda p: p.name)
def test_domain_source_touches_no_files_and_no_clock(path: Path) -> None:
    tree = ast.parse(path.read_text())
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            assert not {a.name.split(".")[0] for a in node.names} & FORBIDDEN_MODULES, ast.unparse(node)
        elif isinstance(node, ast.ImportFrom) and node.module:
            assert node.module.split(".")[0] not in FORBIDDEN_MODULES, ast.unparse(node)
        elif isinstance(node, ast.Call):
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            assert name not in FORBIDDEN_CALLS, f"{path.name}:{node.lineno} calls {name}()"


@pytest.mark.parametrize("path", sorted(DOMAIN.glob("*.py")), ids=lambda p: p.name)
def test_domain_reaches_nothing_outside_itself(path: Path) -> None:
    """No import of the text layer, the store, the CLI or the app, not even inside a function (errors.py renders
    through a renderer the text layer installs)."""
    for node in ast.walk(ast.parse(path.read_text())):
        names = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""] if isinstance(node, ast.ImportFrom) else []
        for name in names:
            if name.startswith("jiebei_tui"):
                assert name.startswith("jiebei_tui.domain"), f"{path.name}:{node.lineno} imports {name}"
