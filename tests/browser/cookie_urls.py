"""The site's routes plus one page that sets a cookie, to prove the browser watch sees it.

The header is set directly because the site's privacy middleware empties response.cookies.
"""

from django.http import HttpResponse
from django.urls import path

from explainer.urls import urlpatterns as site_urlpatterns


def sets_a_cookie(request):
    response = HttpResponse("<!doctype html><html lang=en><title>cookie</title></html>")
    response.headers["Set-Cookie"] = "tracked=1; Path=/"
    return response


urlpatterns = [path("set-a-cookie/", sets_a_cookie), *site_urlpatterns]
