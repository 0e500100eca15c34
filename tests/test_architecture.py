"""The import layers in pyproject.toml hold, and lint-imports really fails when one is broken.

scripts/test runs lint-imports on the project; these tests run it on a copy of the code with
one bad import added, so a contract that stopped checking anything would be noticed.
"""

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def lint_imports(cwd: Path) -> subprocess.CompletedProcess:
    if not LINT_IMPORTS.exists():
        pytest.fail("lint-imports is missing: scripts/test installs the test extras")
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache"], cwd=cwd, capture_output=True, text=True, timeout=60
    )


@pytest.fixture
def code_copy(tmp_path) -> Path:
    """The Python files of explainer/ and the project's contracts, in a scratch folder."""
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    shutil.copytree(
        ROOT / "explainer",
        tmp_path / "explainer",
        ignore=shutil.ignore_patterns("static", "__pycache__", "*.pyc"),
    )
    return tmp_path


def add_import(root: Path, module: str, line: str) -> None:
    path = root / "explainer" / module
    path.write_text(path.read_text(encoding="utf-8") + f"\n{line}\n", encoding="utf-8")


def test_project_keeps_its_import_contracts():
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_copy_keeps_the_contracts_before_it_is_broken(code_copy):
    assert lint_imports(code_copy).returncode == 0


def test_data_layer_importing_a_view_breaks_the_layers(code_copy):
    add_import(code_copy, "legaldata.py", "from . import views")
    result = lint_imports(code_copy)
    assert result.returncode != 0
    assert "explainer.legaldata is not allowed to import explainer.views" in result.stdout


def test_page_builder_loading_the_site_itself_breaks_the_layers(code_copy):
    # The old content <-> handouts cycle came from handouts calling get_site().
    add_import(code_copy, "handouts.py", "from .content import get_site")
    result = lint_imports(code_copy)
    assert result.returncode != 0
    assert "explainer.handouts is not allowed to import explainer.content" in result.stdout


def test_cycle_inside_one_layer_is_refused(code_copy):
    # docfile and documents share a layer, so only the cycle contract can catch this.
    add_import(code_copy, "documents.py", "from . import docfile")
    result = lint_imports(code_copy)
    assert result.returncode != 0
    assert "No cycles are allowed in explainer" in result.stdout


def readme_layout() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return text.split("## Layout", 1)[1].split("```", 2)[1]


def test_readme_layout_names_every_module():
    layout = readme_layout()
    modules = [
        p.relative_to(ROOT / "explainer")
        for p in (ROOT / "explainer").rglob("*.py")
        if p.name != "__init__.py" and "migrations" not in p.parts and "management" not in p.parts
    ]
    missing = [str(m) for m in modules if m.name not in layout]
    assert not missing, f"README.md's Layout does not name {missing}"


def test_readme_layout_names_no_module_that_is_gone():
    named = set(re.findall(r"\b([a-z_]+\.py)\b", readme_layout()))
    existing = {p.name for p in ROOT.rglob("*.py") if ".venv" not in p.parts}
    assert named <= existing, f"README.md's Layout names missing files {named - existing}"


def test_templates_link_with_url_tags_not_typed_paths():
    typed = re.compile(r'(?:href|action|data-hx-get|src)="/(?!/)')
    found = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in (ROOT / "templates").rglob("*.html")
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if typed.search(line)
    ]
    assert not found, f"use {{% url %}} for these internal links: {found}"


def test_docs_and_code_name_only_files_that_exist():
    named = re.compile(
        r"\b((?:explainer|docs|scripts|tests|templates|content|deploy)/[\w./-]+"
        r"\.(?:md|py|sh|html|yaml|css|js|conf))\b"
    )
    texts = [ROOT / "README.md", *(ROOT / "docs").glob("*.md")]
    for folder, pattern in (("explainer", "*.py"), ("scripts", "*"), ("templates", "*.html")):
        texts += [p for p in (ROOT / folder).rglob(pattern) if p.is_file() and p.suffix != ".pyc"]
    missing = [
        f"{path.relative_to(ROOT)}: {name}"
        for path in texts
        for name in named.findall(path.read_text(encoding="utf-8", errors="replace"))
        if not (ROOT / name).exists()
    ]
    assert not missing, f"these name files that do not exist: {missing}"
