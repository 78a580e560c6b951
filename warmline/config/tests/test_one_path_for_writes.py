"""Every change of state goes through a service: views and CLI commands never write.

The web, the CLI and the API call the same service functions, so a rule stated there
holds everywhere. This walks every view and command module and fails on a call that
writes with the ORM (`.save()`, `.create()`, `.update()`, `.delete()`, `bulk_*`, ...)
outside a service.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2]
WRITES = {
    "save",
    "create",
    "get_or_create",
    "update_or_create",
    "update",
    "delete",
    "bulk_create",
    "bulk_update",
}


def thin_modules() -> list[Path]:
    """Views (views.py or a views/ package) and CLI command modules."""
    found = [*PACKAGE.glob("*/views.py"), *PACKAGE.glob("*/views/*.py")]
    found += [p for p in PACKAGE.glob("cli/*.py") if p.name != "bootstrap.py"]
    return sorted(p for p in found if p.name != "__init__.py" or p.stat().st_size)


# Receivers whose .update() or .delete() is not the ORM's (a Rich progress bar, the
# API's routers declaring a DELETE operation).
NOT_THE_ORM = {"progress", "router"}


def writes_in(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(), filename=str(path))
    return [
        f"{path.relative_to(path.parents[1])}:{node.lineno} .{node.func.attr}()"
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr in WRITES
        and not (
            isinstance(node.func.value, ast.Name) and node.func.value.id in NOT_THE_ORM
        )
    ]


def test_views_and_commands_never_write_with_the_orm() -> None:
    modules = thin_modules()
    assert len(modules) > 20, "the walk found too few view and command modules"
    found = [line for path in modules for line in writes_in(path)]
    assert not found, "write through a service instead:\n" + "\n".join(found)


def test_the_walk_sees_a_write(tmp_path: Path) -> None:
    view = tmp_path / "views.py"
    view.write_text("def v(request):\n    form.save()\n    Person.objects.create()\n")
    assert [line.rsplit(" ", 1)[1] for line in writes_in(view)] == [
        ".save()",
        ".create()",
    ]
