"""Under a minute of load (64 connections, loopback only) the site answers every request.

Runs scripts/bench/load.sh: gunicorn with production settings, wrk for 60 s. It fails on any
socket error, any answer outside 2xx/3xx, or a server error in gunicorn's log.
"""

import os
import shutil
import subprocess

import pytest
from django.conf import settings

pytestmark = pytest.mark.slow


def test_sixty_seconds_of_load_brings_no_error():
    if not shutil.which("wrk"):
        if os.environ.get("CI") == "true":
            pytest.fail("wrk is missing: bash scripts/system-deps installs it")
        pytest.skip("wrk is missing: install Debian's wrk (bash scripts/system-deps)")
    result = subprocess.run(
        ["bash", "scripts/bench/load.sh"],
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        timeout=240,
        env={k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "EXPLAINER_"))},
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert "load test passed" in result.stdout
