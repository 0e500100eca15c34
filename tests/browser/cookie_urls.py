"""The site's routes plus one page that sets a cookie, to prove the browser watch sees it.

The header is set directly because the site's privacy middleware empties response.cookies.
"""

from django.http import HttpResponse
from django.templatetags.static import static
from django.urls import path

from explainer.urls import urlpatterns as site_urlpatterns


def sets_a_cookie(request):
    # The icon link keeps the browser from asking for /favicon.ico, a 404 the watch reports.
    icon = static("favicon.svg")
    response = HttpResponse(
        f'<!doctype html><html lang=en><title>cookie</title><link rel=icon href="{icon}"></html>'
    )
    response.headers["Set-Cookie"] = "tracked=1; Path=/"
    return response


urlpatterns = [path("set-a-cookie/", sets_a_cookie), *site_urlpatterns]
