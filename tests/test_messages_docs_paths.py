"""No message of the library sends people to a file of the repository's docs/ folder: a
pip-installed staffpulse comes without it, so "docs/formats.md lists the columns read" pointed
a marketer to nothing (the --help texts are checked in test_cli_help_flags.py). Every string
the code holds is read, docstrings and comments aside, which speak to developers."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import staffpulse

PACKAGE = Path(staffpulse.__file__).parent
# strings that name a docs/ path without saying it to anyone: the dashboard recognises an
# older message's pointer to the formats guide (to link its own page instead)
NOT_SAID = {("web/wording.py", "docs/formats.md")}


def _docstrings(tree: ast.Module) -> set[int]:
    """The ids of the docstring nodes of ``tree``."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            first = node.body[0] if node.body else None
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                found.add(id(first.value))
    return found


def _strings_naming_docs() -> list[tuple[str, int, str]]:
    """Every string (or part of an f-string) in the package that names a docs/ path, with its
    file and line."""
    named = []
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = _docstrings(tree)
        where = path.relative_to(PACKAGE).as_posix()
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and "docs/" in node.value
                and id(node) not in docstrings
                and (where, node.value) not in NOT_SAID
            ):
                named.append((where, node.lineno, node.value))
    return named


def test_no_message_names_a_file_of_the_docs_folder() -> None:
    assert _strings_naming_docs() == []
    assert len(list(PACKAGE.rglob("*.py"))) > 100  # the whole package was read


def test_no_page_or_file_shipped_with_the_package_names_the_docs_folder() -> None:
    # the sample's README sent its reader to docs/formats.md, which it does not ship with
    texts = [p for p in PACKAGE.rglob("*") if p.suffix in {".md", ".html", ".j2", ".js", ".txt"}]
    assert len(texts) > 20  # the templates were read
    assert [p.name for p in texts if "docs/" in p.read_text(encoding="utf-8")] == []


def test_the_sample_generator_writes_the_readme_as_it_is_shipped() -> None:
    # the shipped README was fixed by hand once while its generator still wrote docs/formats.md:
    # the next `python scripts/make_sample.py` would have put the path back
    generator = Path(__file__).parents[1] / "scripts" / "samplegen" / "readme.py"
    if not generator.exists():
        pytest.skip("the sample generator is in the repository only")
    tree = ast.parse(generator.read_text(encoding="utf-8"))
    (header,) = [
        node.value.value
        for node in tree.body
        if isinstance(node, ast.Assign)
        and [getattr(t, "id", None) for t in node.targets] == ["HEADER"]
        and isinstance(node.value, ast.Constant)
    ]
    fixed = header.split("{", 1)[0]  # the text before the first measured figure
    assert len(fixed) > 500 and "docs/" not in fixed
    assert fixed in (PACKAGE / "sample" / "README.md").read_text(encoding="utf-8")
