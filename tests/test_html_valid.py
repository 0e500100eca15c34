"""The Nu Html Checker (vnu) finds no error on any kind of page, nor on any article or site page.

Pages come from the Django test client; vnu runs once over all of them, since starting Java
costs more than checking the pages. scripts/test installs vnu-jar from package-lock.json.
"""

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings

from explainer.content import get_site
from tests.page_types import build_search_index, page_kinds, path_for

VNU = Path(settings.BASE_DIR) / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def vnu_command() -> list[str]:
    missing = [] if shutil.which("java") else ["java"]
    if not VNU.exists():
        missing.append(f"{VNU.relative_to(settings.BASE_DIR)} (run npm ci)")
    if missing:
        reason = "the Nu Html Checker needs " + " and ".join(missing)
        if os.environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    return ["java", "-jar", str(VNU), "--errors-only", "--format", "text"]


def every_page() -> list[str]:
    site = get_site()
    paths = [path_for(kind) for kind in page_kinds()]
    paths += [a.url for a in site.articles.values()] + [p.url for p in site.pages.values()]
    return list(dict.fromkeys(paths))


def check(files: list[Path]) -> subprocess.CompletedProcess:
    return subprocess.run(
        vnu_command() + [str(f) for f in files], capture_output=True, text=True, timeout=300
    )


@pytest.mark.django_db
def test_every_page_is_valid_html(client, tmp_path):
    build_search_index()
    files = []
    for number, path in enumerate(every_page()):
        response = client.get(path)
        assert response.status_code in (200, 404), f"{path} answered {response.status_code}"
        saved = tmp_path / f"{number:03d}{path.replace('/', '_').replace('?', '_')}.html"
        saved.write_bytes(response.content)
        files.append(saved)
    result = check(files)
    hint = (
        "\nhtmx attributes are only valid HTML with the data- prefix: data-hx-get, ..."
        if "Attribute “hx-" in result.stdout + result.stderr
        else ""
    )
    assert result.returncode == 0, result.stdout + result.stderr + hint


def test_checker_reports_an_error_it_is_given(tmp_path):
    broken = tmp_path / "broken.html"
    broken.write_text("<!doctype html><html lang=en><title>x</title><p><div></p></html>")
    result = check([broken])
    assert result.returncode != 0
    assert "error" in (result.stdout + result.stderr).lower()
