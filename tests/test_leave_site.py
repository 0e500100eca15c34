"""'Leave this site' works as a plain link; the privacy page is honest about history."""

from explainer.content import get_site


def test_leave_link_is_a_plain_link_to_the_configured_page(client, settings, fixture_content):
    settings.LEAVE_SITE_URL = "https://example.org/neutral"
    html = client.get("/charges/enticement/").content.decode()
    assert '<a class="leave-site" id="leave-site" href="https://example.org/neutral">' in html


def test_privacy_page_says_the_visit_can_stay_in_browser_history():
    text = get_site().pages["privacy"].text
    assert "It cannot erase your history" in text
    assert "you can delete your history" in text
