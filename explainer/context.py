from django.conf import settings

from .content import get_site
from .legaldata import CRISIS_LINE
from .statepages import chosen


def site(request):
    loaded = get_site()
    return {
        "nav_sections": list(loaded.sections.values()),
        "leave_url": settings.LEAVE_SITE_URL,
        "all_states": list(loaded.states.values()),
        # The footer's crisis line comes from the data file like every other service.
        "crisis_line": loaded.data.resources.get(CRISIS_LINE),
        "chosen_state": chosen(loaded.states, request.GET.get("state")) if request else None,
    }
