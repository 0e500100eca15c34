from django.contrib.sitemaps import Sitemap

from .content import get_site


class DocumentSitemap(Sitemap):
    """Every article and site page, with the date it was last reviewed."""

    def items(self):
        return get_site().all_documents()

    def location(self, item):
        return item.url

    def lastmod(self, item):
        return item.last_reviewed


class ListingSitemap(Sitemap):
    """Home, section indexes and other listing pages."""

    def items(self):
        site = get_site()
        documents = {d.url for d in site.all_documents()}
        return [url for url in site.reader_urls() if url not in documents]

    def location(self, item):
        return item
