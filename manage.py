#!/usr/bin/env python
import os
import sys

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "explainer.settings")
    # manage.py is the developer's tool: with no secret key set, it runs in local debug mode.
    # Production sets DJANGO_SECRET_KEY (and serves through explainer.wsgi), so debug stays off.
    if not os.environ.get("DJANGO_SECRET_KEY"):
        os.environ.setdefault("DJANGO_DEBUG", "1")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
