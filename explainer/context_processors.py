"""What every template gets: navigation, the crisis line, the chosen state, the publisher."""

from django.conf import settings

from .content import get_site
from .handouts import lawyer_links
from .legaldata import CRISIS_LINE
from .statepages import chosen


def site(request):
    loaded = get_site()
    state = chosen(loaded.states, request.GET.get("state")) if request else None
    return {
        "nav_sections": list(loaded.sections.values()),
        "leave_url": settings.LEAVE_SITE_URL,
        "all_states": list(loaded.states.values()),
        # The footer's crisis line comes from the data file like every other service.
        "crisis_line": loaded.data.resources.get(CRISIS_LINE),
        "chosen_state": state,
        # The attorney box names the chosen state's offices with their phone numbers.
        "state_lawyers": lawyer_links(loaded.data, state) if state else [],
    }


def publisher(request):
    """Who runs this copy of the site (settings.PUBLISHER, from the environment)."""
    return {"publisher": settings.PUBLISHER}


# Pages written for a relative of the person charged: the attorney box speaks to them, and the
# two main ones open with what usually happens next.
FAMILY_PATHS = ("/families/", "/process/for-families/")
FAMILY_SECTION = "/family-and-home/"


def audience(request):
    # The attorney box is also fetched on its own (htmx) with the page it sits on in ?next=.
    paths = (request.path, request.GET.get("next", "")) if request else ()
    return {
        "family_page": any(p in FAMILY_PATHS or p.startswith(FAMILY_SECTION) for p in paths),
        "family_timeline": bool(request) and request.path in FAMILY_PATHS,
    }
