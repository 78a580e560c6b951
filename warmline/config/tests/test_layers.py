"""The apps import one way: accounts < people < outreach < meetings < the top.

A lower app never imports a higher one, in any module but its tests and migrations
(an import inside a function counts too), and its templates never include or extend
a higher app's templates. Where a lower app needs to hear of a higher one, the higher
one registers with it from its AppConfig.ready() (see people/dates.py,
outreach/session_extras.py, accounts/services.py).
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2]
# The order README's layout states; every app at the top may import any app.
# core holds plain helpers (no models) that every app may use.
LAYERS = {"core": 0, "accounts": 1, "people": 2, "outreach": 3, "meetings": 4}
TOP = 5
TOP_APPS = {
    "home",
    "insights",
    "exchange",
    "journal",
    "coaching",
    "cli",
    "config",
    "api",
}


def layer(app: str) -> int:
    return LAYERS.get(app, TOP)


def is_module(name: str) -> bool:
    """An app (a package) or a module at the package's root (such as conftest)."""
    return (PACKAGE / name).is_dir() or (PACKAGE / f"{name}.py").exists()


def apps() -> list[str]:
    return sorted(p.name for p in PACKAGE.iterdir() if (p / "__init__.py").exists())


def modules(app: str) -> Iterator[Path]:
    for path in sorted((PACKAGE / app).rglob("*.py")):
        parts = path.relative_to(PACKAGE / app).parts
        if "tests" not in parts and "migrations" not in parts:
            yield path


def imported_apps(path: Path) -> Iterator[tuple[int, str]]:
    """(line, app) for every `warmline.<app>` a module imports, wherever it does."""
    tree = ast.parse(path.read_text(), filename=str(path))
    for node in ast.walk(tree):
        names: list[str] = []
        if not isinstance(node, ast.Import | ast.ImportFrom):
            continue
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
            if node.module == "warmline":  # from warmline import people
                names = [f"warmline.{alias.name}" for alias in node.names]
        for name in names:
            parts = name.split(".")
            if parts[0] == "warmline" and len(parts) > 1:
                yield node.lineno, parts[1]


def test_every_app_has_a_place_in_the_layers() -> None:
    unplaced = set(apps()) - set(LAYERS) - TOP_APPS
    assert not unplaced, f"say where these apps sit in LAYERS or TOP_APPS: {unplaced}"


@pytest.mark.parametrize("app", sorted(LAYERS))
def test_a_lower_app_never_imports_a_higher_one(app: str) -> None:
    upward = [
        f"{path.relative_to(PACKAGE.parent)}:{line} imports warmline.{other}"
        for path in modules(app)
        for line, other in imported_apps(path)
        if is_module(other) and layer(other) > layer(app)
    ]
    assert not upward, "\n".join(upward)


TEMPLATE_USE = re.compile(r"{%\s*(?:include|extends)\s+[\"']([a-z_]+)/")


@pytest.mark.parametrize("app", sorted(LAYERS))
def test_a_lower_app_template_never_includes_a_higher_one(app: str) -> None:
    upward = [
        f"{path.relative_to(PACKAGE.parent)} uses {used}/ templates"
        for path in sorted((PACKAGE / app / "templates").rglob("*.html"))
        for used in TEMPLATE_USE.findall(path.read_text())
        if layer(used) > layer(app) and used in LAYERS | dict.fromkeys(TOP_APPS)
    ]
    assert not upward, "\n".join(upward)


def test_the_walk_sees_an_upward_import(tmp_path: Path) -> None:
    """The check itself works: an import inside a function is found."""
    module = tmp_path / "m.py"
    module.write_text(
        "def f():\n    from warmline.meetings.models import Meeting\n"
        "import warmline.home.queries\nfrom warmline import insights\n"
    )
    found = sorted(imported_apps(module))
    assert found == [(2, "meetings"), (3, "home"), (4, "insights")]
