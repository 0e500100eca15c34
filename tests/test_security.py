"""Privacy and security headers on every response; no cookie, ever."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from explainer.content import get_site

pytestmark = pytest.mark.usefixtures("fixture_content")
ROOT = Path(__file__).resolve().parent.parent


def every_url():
    return [
        *get_site().reader_urls(),
        "/no-such-page/",
        "/charges/no-such/",
        "/sitemap.xml",
        "/robots.txt",
        "/states.csv",
        "/states.json",
        "/attorney-box/?state=wi&next=/",
    ]


def test_no_response_sets_a_cookie(client):
    for url in every_url():
        response = client.get(url)
        assert "Set-Cookie" not in response.headers, url
        assert not response.cookies, url


def test_referrer_policy_is_no_referrer(client):
    for url in every_url():
        assert client.get(url).headers["Referrer-Policy"] == "no-referrer", url


def test_content_security_policy_forbids_inline_and_other_origins(client):
    policy = client.get("/").headers["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";") if part.strip())
    assert directives["default-src"] == "'none'"
    assert directives["script-src"] == "'self'"
    assert directives["style-src"] == "'self'"
    assert directives["frame-ancestors"] == "'none'"
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy


def test_nosniff_and_frame_denial(client):
    response = client.get("/charges/enticement/")
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["X-Frame-Options"] == "DENY"


def test_pages_have_no_inline_script_or_style(client):
    for url in get_site().reader_urls():
        html = client.get(url).content.decode()
        assert "<style" not in html, url
        assert " style=" not in html, url
        for tag in html.split("<script")[1:]:
            assert tag.lstrip().startswith("src=") or " src=" in tag.split(">", 1)[0], url


def test_pages_load_nothing_from_another_origin(client):
    for url in get_site().reader_urls():
        html = client.get(url).content.decode()
        for attribute in ('src="http', "src='http", 'href="//', 'rel="stylesheet" href="http'):
            assert attribute not in html, (url, attribute)


def test_check_deploy_is_clean_with_production_settings():
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "explainer.settings",
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": "a-long-random-production-like-secret-" + "x7Kp2Qw9Zr" * 4,
        "DJANGO_ALLOWED_HOSTS": "explainer.example",
    }
    env.pop("DJANGO_SECURE_SSL_REDIRECT", None)
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "DEBUG"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "explainer.settings", "DJANGO_DEBUG": "0"}
    env.pop("DJANGO_SECRET_KEY", None)
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is required" in result.stderr


def test_production_server_refuses_to_start_with_broken_content(tmp_path):
    broken = tmp_path / "content"
    import shutil

    shutil.copytree(ROOT / "tests/fixtures/content", broken)
    article = broken / "articles/charges/enticement.md"
    article.write_text(article.read_text().replace("{{penalty:enticement}}", "{{penalty:nope}}"))
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "explainer.settings",
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": "x" * 60,
        "EXPLAINER_CONTENT_DIR": str(broken),
    }
    result = subprocess.run(
        [sys.executable, "-c", "import explainer.wsgi"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "enticement.md:25: unknown offense key 'nope'" in result.stderr
