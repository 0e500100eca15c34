"""deploy/nginx.conf for real: Debian's nginx with that file in front of gunicorn running the
site with production settings, over TLS on loopback. Pages keep the app's headers, search
reaches Django, a conditional request gets 304, and no access-log line holds a search term."""

import http.client
import os
import shutil
import socket
import ssl
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from django.conf import settings

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
SEARCH_TERM = "quillwort"  # in no address of the site, so the log check means something
SAME_HEADERS = [
    "Content-Security-Policy",
    "Referrer-Policy",
    "X-Content-Type-Options",
    "X-Frame-Options",
    "Permissions-Policy",
    "Cross-Origin-Opener-Policy",
    "Strict-Transport-Security",
    "Cache-Control",
    "ETag",
    "Content-Type",
]

pytestmark = pytest.mark.slow


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(port: int, process) -> None:
    for _ in range(400):
        if process.poll() is not None:
            raise RuntimeError(f"{process.args[0]} stopped")
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    raise RuntimeError(f"nothing listens on {port}")


class Stack:
    def __init__(self, work: Path):
        self.work = work
        self.app_port, self.http_port, self.https_port = free_port(), free_port(), free_port()
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "explainer.settings",
            "DJANGO_DEBUG": "0",
            "DJANGO_SECRET_KEY": "nginx-test-only-secret-key-not-used-anywhere-else-012345",
            "DJANGO_ALLOWED_HOSTS": "localhost",
            "DJANGO_BEHIND_PROXY": "1",
            "DATABASE_URL": f"sqlite:///{work}/site.sqlite3",
            "EXPLAINER_STATIC_ROOT": str(work / "static"),
        }
        self.env.pop("EXPLAINER_CONTENT_DIR", None)

    def start(self) -> None:
        python = sys.executable
        for command in (
            ["collectstatic", "--noinput"],
            ["migrate", "--noinput"],
            ["build_search_index"],
        ):
            done = subprocess.run(
                [python, "manage.py", *command, "-v", "0"],
                env=self.env,
                cwd=settings.BASE_DIR,
                capture_output=True,
                text=True,
            )
            if done.returncode:
                raise RuntimeError(f"manage.py {command[0]} failed:\n{done.stderr[-3000:]}")
        self.log = (self.work / "gunicorn.log").open("w")  # noqa: SIM115 (closed in stop())
        self.gunicorn = subprocess.Popen(
            [
                str(Path(python).parent / "gunicorn"),
                "--workers",
                "1",
                "--bind",
                f"127.0.0.1:{self.app_port}",
                "explainer.wsgi",
            ],
            env=self.env,
            cwd=settings.BASE_DIR,
            stdout=subprocess.DEVNULL,
            stderr=self.log,
        )
        wait_for(self.app_port, self.gunicorn)
        conf = subprocess.run(
            [
                python,
                "scripts/lib/nginx_conf.py",
                "--work",
                str(self.work),
                "--static",
                str(self.work / "static"),
                "--upstream",
                f"127.0.0.1:{self.app_port}",
                "--http-port",
                str(self.http_port),
                "--https-port",
                str(self.https_port),
            ],
            cwd=settings.BASE_DIR,
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        (self.work / "nginx.conf").write_text(conf)
        subprocess.run(
            [
                "openssl",
                "req",
                "-x509",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-days",
                "1",
                "-subj",
                "/CN=localhost",
                "-keyout",
                str(self.work / "privkey.pem"),
                "-out",
                str(self.work / "fullchain.pem"),
            ],
            check=True,
            capture_output=True,
        )
        subprocess.run(
            [NGINX, "-p", str(self.work), "-c", str(self.work / "nginx.conf")],
            check=True,
            capture_output=True,
        )
        for port in (self.http_port, self.https_port):
            with socket.create_connection(("127.0.0.1", port), timeout=5):
                pass

    def stop(self) -> None:
        subprocess.run(
            [NGINX, "-p", str(self.work), "-c", str(self.work / "nginx.conf"), "-s", "stop"],
            capture_output=True,
            check=False,
        )
        if getattr(self, "gunicorn", None):
            self.gunicorn.terminate()
            self.gunicorn.wait(10)
            self.log.close()

    def get(self, path: str, headers=None, direct=False):
        """A GET through nginx (TLS), or straight to gunicorn as nginx would send it."""
        if direct:
            connection = http.client.HTTPConnection("127.0.0.1", self.app_port, timeout=10)
            headers = {"X-Forwarded-Proto": "https", **(headers or {})}
        else:
            context = ssl.create_default_context()
            context.check_hostname = False
            context.verify_mode = ssl.CERT_NONE
            connection = http.client.HTTPSConnection(
                "127.0.0.1", self.https_port, context=context, timeout=10
            )
        connection.request("GET", path, headers={"Host": "localhost", **(headers or {})})
        response = connection.getresponse()
        body = response.read()
        connection.close()
        return response, body

    def access_log(self) -> str:
        return (self.work / "explainer-access.log").read_text()


@pytest.fixture(scope="module")
def stack():
    if not Path(NGINX).exists() or not shutil.which("openssl"):
        if os.environ.get("CI"):
            pytest.fail("nginx or openssl is missing: bash scripts/system-deps installs them")
        pytest.skip("nginx is missing: install Debian's nginx-light (bash scripts/system-deps)")
    work = Path(tempfile.mkdtemp(prefix="explainer-nginx-"))
    work.chmod(0o755)
    running = Stack(work)
    try:
        running.start()
        yield running
    finally:
        running.stop()
        shutil.rmtree(work, ignore_errors=True)


def article_path() -> str:
    from explainer.content import get_site

    return get_site().section_articles("charges")[0].url


def vary(response) -> set[str]:
    return {v.strip().lower() for v in (response.getheader("Vary") or "").split(",") if v.strip()}


def test_pages_keep_the_apps_headers_and_bytes(stack):
    path = article_path()
    direct, direct_body = stack.get(path, direct=True)
    for _ in range(2):  # first from the app, then from nginx's cache
        proxied, body = stack.get(path)
        assert proxied.status == 200
        assert body == direct_body
        for name in SAME_HEADERS:
            assert proxied.getheader(name) == direct.getheader(name), name
        # nginx adds Accept-Encoding (it may compress); every header the app varies on stays.
        assert vary(direct) <= vary(proxied) <= vary(direct) | {"accept-encoding"}
        assert proxied.getheader("Set-Cookie") is None
    assert f'"GET {path}" 200' in stack.access_log()
    assert " HIT" in stack.access_log(), "the second visit came from nginx's cache"


def test_conditional_request_gets_304(stack):
    first, _ = stack.get("/glossary/")
    etag = first.getheader("ETag")
    assert etag and not etag.startswith("W/")
    again, body = stack.get("/glossary/", {"If-None-Match": etag})
    assert again.status == 304
    assert body == b""


def test_search_reaches_django_and_is_never_logged(stack):
    response, body = stack.get(f"/search/?q={SEARCH_TERM}")
    assert response.status == 200
    assert "no-store" in response.getheader("Cache-Control")
    assert f'value="{SEARCH_TERM}"' in body.decode()
    partial, partial_body = stack.get(f"/search/?q={SEARCH_TERM}", {"HX-Request": "true"})
    assert partial.status == 200
    assert "<html" not in partial_body.decode()
    log = stack.access_log()
    assert '"GET /search/" 200' in log
    assert SEARCH_TERM not in log
    assert "?" not in log
    for name in ("explainer-error.log",):
        error_log = stack.work / name
        assert not error_log.exists() or SEARCH_TERM not in error_log.read_text()


def test_htmx_requests_bypass_the_cache(stack):
    stack.get("/states/")
    partial, body = stack.get("/states/", {"HX-Request": "true"})
    assert partial.status == 200
    assert "<html" not in body.decode(), "a partial, not the kept full page"
    assert partial.getheader("Cache-Control") == "no-store"


def test_static_files_come_from_disk_with_the_security_headers(stack):
    _, home = stack.get("/")
    css = home.decode().split('href="/static/css/', 1)[1].split('"', 1)[0]
    response, body = stack.get(f"/static/css/{css}")
    assert response.status == 200
    assert body.startswith(b"/*") or b"{" in body
    assert response.getheader("Referrer-Policy") == "no-referrer"
    assert response.getheader("X-Content-Type-Options") == "nosniff"
    assert "immutable" in response.getheader("Cache-Control")


def test_plain_http_redirects_to_https(stack):
    connection = http.client.HTTPConnection("127.0.0.1", stack.http_port, timeout=10)
    connection.request("GET", "/glossary/", headers={"Host": "localhost"})
    response = connection.getresponse()
    assert response.status == 301
    assert response.getheader("Location") == "https://localhost/glossary/"


def test_the_book_is_served_from_disk_and_kept_an_hour(stack):
    book = stack.work / "static" / "book" / "the-explainer.pdf"
    book.parent.mkdir(exist_ok=True)
    book.write_bytes(b"%PDF-1.7 test")
    response, body = stack.get("/static/book/the-explainer.pdf")
    assert response.status == 200
    assert body == b"%PDF-1.7 test"
    assert response.getheader("Cache-Control") == "public, max-age=3600"
    assert response.getheader("Referrer-Policy") == "no-referrer"
