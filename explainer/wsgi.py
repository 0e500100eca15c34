import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "explainer.settings")

application = get_wsgi_application()

# Load and check all content before the first request: a broken article stops the server
# from starting (gunicorn exits) instead of serving a half-built site.
from explainer.content import get_site  # noqa: E402

get_site()
