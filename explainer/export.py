"""The whole site as static files, for a plain web server, a CDN or an offline copy.

Every page is rendered by the site itself (Django's test client runs the real views and
middleware), so an exported page is the page a reader would get without JavaScript: htmx's
attributes are taken out, because a folder of files cannot answer its requests. Search cannot
run from files either: the search form points to a live search address, or to the A-Z page.

Pages are found from the sitemap plus the other files the site publishes, then by following
every local link of every exported page, so a page only reached through a link (a handout, a
download) is exported too, and a link to a missing page stops the export.
"""

import os
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

from django.conf import settings
from django.core.management import call_command
from django.test import Client, override_settings

MARKER = ".explainer-export"  # marks a folder this command wrote, so --replace may empty it
NOT_FOUND_PROBE = "/no-such-page-in-the-export/"
# Published besides the pages the sitemap lists.
EXTRA_PATHS = ["/robots.txt", "/sitemap.xml", "/feed/", "/states.csv", "/states.json", "/topics/"]
# Answers that depend on the request, which files cannot give: served only by the live site.
LIVE_ONLY = ("/search/", "/attorney-box/")
FILE_NAMES = {
    "application/atom+xml": "index.xml",
    "application/xml": "index.xml",
    "text/html": "index.html",
}

LINK = re.compile(r'\s(?:href|src|action)="([^"]*)"')
HTMX_ATTRIBUTE = re.compile(r'\sdata-hx-[a-z-]+="[^"]*"')
SITEMAP_LOC = re.compile(r"<loc>([^<]+)</loc>")


class ExportError(Exception):
    pass


@dataclass
class Export:
    root: Path
    base_url: str
    search_url: str
    offline: bool = False
    written: dict = field(default_factory=dict)  # path -> file, relative to root

    def run(self) -> None:
        base = urlsplit(self.base_url)
        static_root = self.root / settings.STATIC_URL.strip("/")
        with override_settings(
            DEBUG=False,
            ALLOWED_HOSTS=[base.hostname],
            SECURE_SSL_REDIRECT=False,
            STATIC_ROOT=static_root,
            STORAGES={
                **settings.STORAGES,
                "staticfiles": {
                    "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
                },
            },
        ):
            call_command("collectstatic", interactive=False, verbosity=0)
            client = Client(HTTP_HOST=base.netloc)
            self._crawl(client)
            missing = client.get(NOT_FOUND_PROBE, secure=self.secure)
            if missing.status_code != 404:
                raise ExportError(f"{NOT_FOUND_PROBE} answered {missing.status_code}, not 404")
            self._write("404.html", self._page_text(missing))
        (self.root / MARKER).write_text("Written by manage.py export_site.\n")

    def _crawl(self, client) -> None:
        sitemap = client.get("/sitemap.xml", secure=self.secure).content.decode()
        queue = [urlsplit(loc).path for loc in SITEMAP_LOC.findall(sitemap)] + EXTRA_PATHS
        linked_from = dict.fromkeys(queue, "the sitemap")
        while queue:
            path = queue.pop(0)
            response = client.get(path, secure=self.secure)
            if response.status_code != 200:
                raise ExportError(
                    f"{path} answered {response.status_code}; {linked_from[path]} links to it"
                )
            kind = response["Content-Type"].split(";")[0]
            name = (
                path.lstrip("/") + FILE_NAMES.get(kind, "index")
                if path.endswith("/")
                else path.lstrip("/")
            )
            if kind == "text/html":
                text = self._page_text(response)
                for link in LINK.findall(text):
                    target = local_path(link, "/" + name)
                    if (
                        target
                        and target not in linked_from
                        and not target.startswith((settings.STATIC_URL, *LIVE_ONLY))
                    ):
                        linked_from[target] = path
                        queue.append(target)
                self._write(name, text)
            else:
                self._write(name, response.content)

    @property
    def secure(self) -> bool:
        return self.base_url.startswith("https:")

    def _page_text(self, response) -> str:
        text = HTMX_ATTRIBUTE.sub("", response.content.decode())
        text = text.replace('action="/search/"', f'action="{self.search_url}"')
        return text.replace('href="/search/"', f'href="{self.search_url}"')

    def _write(self, name: str, data) -> None:
        target = self.root / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, str):
            if self.offline:
                data = LINK.sub(lambda m: relative_link(m, "/" + name), data)
            target.write_text(data, encoding="utf-8")
        else:
            target.write_bytes(data)
        self.written[name] = target


def local_path(link: str, page: str) -> str:
    """The site path a link on page leads to, without query or fragment; "" if not local."""
    parts = urlsplit(link)
    if parts.scheme or parts.netloc or not parts.path:
        return ""
    path = parts.path
    if not path.startswith("/"):
        path = str(PurePosixPath(page).parent / path)
        path = os.path.normpath(path) + ("/" if parts.path.endswith("/") else "")
    return path


def relative_link(match, page: str) -> str:
    """A site-absolute link made relative to page, with index.html spelled out, for file://."""
    link = match.group(1)
    parts = urlsplit(link)
    if parts.scheme or parts.netloc or not parts.path.startswith("/"):
        return match.group(0)
    path = parts.path
    if path.endswith("/") and not path.startswith(settings.STATIC_URL):
        path += "index.xml" if path == "/feed/" else "index.html"
    relative = os.path.relpath(path, PurePosixPath(page).parent.as_posix())
    fragment = f"#{parts.fragment}" if parts.fragment else ""
    return match.group(0).replace(f'"{link}"', f'"{relative}{fragment}"')


def broken_links(root: Path) -> list[str]:
    """Every local link in the exported pages that leads to no file of the export."""
    broken = []
    for page in sorted(root.rglob("*.html")):
        name = "/" + page.relative_to(root).as_posix()
        for link in LINK.findall(page.read_text(encoding="utf-8")):
            path = local_path(link, name)
            if not path:
                continue
            target = root / path.lstrip("/")
            if path.endswith("/"):
                found = any((target / index).is_file() for index in set(FILE_NAMES.values()))
            else:
                found = target.is_file()
            if not found:
                broken.append(f"{name}: {link}")
    return broken


def prepare(root: Path, replace: bool) -> None:
    """An empty folder to export into; a non-empty one only when replacing an earlier export."""
    if root.exists() and any(root.iterdir()):
        if not replace:
            raise ExportError(f"{root} is not empty; use --replace to write over an earlier export")
        if not (root / MARKER).is_file():
            raise ExportError(
                f"{root} does not hold an earlier export ({MARKER} is missing), "
                "so --replace will not empty it"
            )
        shutil.rmtree(root)
    root.mkdir(parents=True, exist_ok=True)
