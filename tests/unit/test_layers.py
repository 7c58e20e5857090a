"""The import structure a tool checks: no two parts of the app import each other, and no feature imports another
feature's views (issue 17). The layers themselves are import-linter contracts in .importlinter (`make lint`)."""

import grimp
import pytest

FEATURE_OR_CORE = 2  # selfservice.<part>


@pytest.fixture(scope="module")
def graph():
    return grimp.build_graph("selfservice")


def part(module: str) -> str:
    return ".".join(module.split(".")[:FEATURE_OR_CORE])


def direct_imports(graph) -> dict[tuple[str, str], list[str]]:
    found: dict[tuple[str, str], list[str]] = {}
    for module in graph.modules:
        for imported in graph.find_modules_directly_imported_by(module):
            if part(module) != part(imported) and part(imported) != "selfservice.__init__":
                found.setdefault((part(module), part(imported)), []).append(f"{module} -> {imported}")
    return found


def test_no_two_parts_of_the_app_import_each_other(graph):
    edges = direct_imports(graph)
    cycles = [(a, b, edges[(a, b)], edges[(b, a)]) for a, b in edges if a < b and (b, a) in edges]
    assert cycles == []


def test_no_feature_imports_another_features_views(graph):
    wrong = [
        f"{module} -> {imported}"
        for module in graph.modules
        for imported in graph.find_modules_directly_imported_by(module)
        if imported.rsplit(".", 1)[-1] == "views" and part(module) != part(imported)
    ]
    assert wrong == []


def test_rules_import_nothing_of_flask_or_the_database():
    """Also a contract; here so that a plain `pytest` run says it too."""
    graph = grimp.build_graph("selfservice", "flask", "sqlalchemy", "wtforms", include_external_packages=True)
    for forbidden in ("flask", "sqlalchemy", "wtforms", "selfservice.models", "selfservice.extensions"):
        assert not graph.chain_exists(importer="selfservice.rules", imported=forbidden, as_packages=True), forbidden
