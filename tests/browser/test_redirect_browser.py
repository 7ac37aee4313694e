"""An old address from a letter lands on the renamed page, at the same step."""

from __future__ import annotations


def test_old_procedure_address_lands_on_the_same_step(site, page):
    page.goto(site.url("/procedures/toelaatbaarheidsverklaring-aanvragen/#stap-2"))
    page.wait_for_url("**/procedures/tlv-aanvragen/#stap-2")
    heading = page.locator("#stap-2")
    assert heading.is_visible()
    assert heading.inner_text().startswith("Stap 2")


def test_old_address_without_javascript_still_arrives(site, browser):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site.url("/procedures/toelaatbaarheidsverklaring-aanvragen/"))
        page.wait_for_url("**/procedures/tlv-aanvragen/")
        assert "TLV" in page.locator("h1").inner_text()
    finally:
        context.close()
