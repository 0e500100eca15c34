"""Headers that keep a reader's visit private, on every response."""


class PrivacyHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        # Belt and braces: nothing on this site may set a cookie for a reader.
        response.cookies.clear()
        response.headers.setdefault(
            "Permissions-Policy", "camera=(), microphone=(), geolocation=(), browsing-topics=()"
        )
        response.headers.setdefault("X-Robots-Tag", "noarchive")
        return response
