"""The apps' imports follow docs/conventions.md: no circle in an app, no arrow against the order.

Every module of every app is read (migrations and management commands included), and
every import counts, also one inside a function: an import put there to dodge a circle
is still a circle. The allowed arrows are read from the diagram in docs/conventions.md,
so the document and this test cannot disagree.
"""

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CONVENTIONS = ROOT / "docs" / "conventions.md"
ARROW = re.compile(r"^(\w+)\s*─+►\s*(.+)$")


def allowed_imports(text):
    """{app: the apps it may import}, from the diagram's lines « app ──► a, b, c »."""
    arrows = {}
    for line in text.splitlines():
        match = ARROW.match(line.strip())
        if match:
            arrows[match.group(1)] = re.sub(r"\(.*\)", "", match.group(2)).strip()
    apps = set(arrows)
    return {
        app: apps - {app}
        if targets == "every app"
        else set()
        if targets == "none of ours"
        else {target.strip() for target in targets.split(",")}
        for app, targets in arrows.items()
    }


def module_name(root, path):
    parts = list(path.relative_to(root).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_modules(name, path, modules):
    """The modules of ours `name` imports, anywhere in its file."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            candidates = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parts, base] if base else parts)
            # `from package import module` imports the module; `from module import name`
            # imports the module that defines the name.
            candidates = [
                f"{base}.{alias.name}" if f"{base}.{alias.name}" in modules else base
                for alias in node.names
            ]
        else:
            continue
        for candidate in candidates:
            while candidate and candidate not in modules:
                candidate = candidate.rpartition(".")[0]
            if candidate and candidate != name:
                found.add(candidate)
    return found


def import_graph(root, apps):
    """{module: the modules of ours it imports}, for every module of these apps."""
    paths = {
        module_name(root, path): path
        for app in apps
        for path in sorted((root / app).rglob("*.py"))
    }
    return {name: imported_modules(name, path, paths) for name, path in paths.items()}


def circles(graph):
    """Import circles between modules of the same app, each as a path back to its start."""
    found, done = [], set()

    def visit(module, trail):
        for target in sorted(graph[module]):
            if target.split(".")[0] != module.split(".")[0]:
                continue
            if target in trail:
                found.append([*trail[trail.index(target) :], target])
            elif target not in done:
                visit(target, [*trail, target])
        done.add(module)

    for module in sorted(graph):
        if module not in done:
            visit(module, [module])
    return found


def arrows_against_the_order(graph, allowed):
    return sorted(
        f"{module} imports {target}"
        for module, targets in graph.items()
        for target in targets
        if (app := module.split(".")[0]) != (other := target.split(".")[0])
        and other not in allowed[app]
    )


def test_the_diagram_names_every_app():
    allowed = allowed_imports(CONVENTIONS.read_text(encoding="utf-8"))
    packages = {path.parent.name for path in ROOT.glob("*/apps.py")}
    assert set(allowed) == packages


def test_no_module_imports_one_that_imports_it_back():
    allowed = allowed_imports(CONVENTIONS.read_text(encoding="utf-8"))
    assert circles(import_graph(ROOT, allowed)) == []


def test_no_app_imports_against_the_order_of_the_conventions():
    allowed = allowed_imports(CONVENTIONS.read_text(encoding="utf-8"))
    assert arrows_against_the_order(import_graph(ROOT, allowed), allowed) == []


def test_an_import_inside_a_function_is_part_of_a_circle(tmp_path):
    app = tmp_path / "shelf"
    (app / "models").mkdir(parents=True)
    (app / "__init__.py").write_text("")
    (app / "models" / "__init__.py").write_text("from .books import Book\n")
    (app / "models" / "books.py").write_text(
        "def cards():\n    from ..cards import render\n    return render\n"
    )
    (app / "cards.py").write_text("from .models import Book\n")
    (app / "covers.py").write_text("import elsewhere\nfrom .cards import render\n")
    (tmp_path / "till").mkdir()
    (tmp_path / "till" / "__init__.py").write_text("from shelf.cards import render\n")
    graph = import_graph(tmp_path, ["shelf", "till"])
    assert circles(graph) == [
        ["shelf.cards", "shelf.models", "shelf.models.books", "shelf.cards"]
    ]
    assert arrows_against_the_order(graph, {"shelf": set(), "till": set()}) == [
        "till imports shelf.cards"
    ]
    assert arrows_against_the_order(graph, {"shelf": set(), "till": {"shelf"}}) == []
