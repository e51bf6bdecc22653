"""A partner writes through the partnership form; a shop manager finds it and exports the CSV."""

import pytest
from wagtail.contrib.forms.models import FormSubmission

from enquiries.models import PartnershipEnquiryPage
from impact.publication import Partner

from .test_accessibility import axe_violations
from .test_admin import log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_a_partner_sends_an_enquiry_and_a_shop_manager_exports_it(open_page, axe, screenshots):
    partner = Partner.objects.filter(workshops__isnull=False).order_by("name").first()
    form_page = PartnershipEnquiryPage.objects.live().get(locale__language_code="fr")
    page = open_page(bypass_csp=True)

    page.goto(f"/fr/partenaires/{partner.slug}/")
    screenshots.take(page, "partner page")
    page.get_by_role("link", name="Devenir partenaire").click()
    page.wait_for_url(f"**{form_page.url}")
    assert axe_violations(page, axe) == []
    page.get_by_label("Organisation").fill("Fondation Sahel Avenir")
    page.get_by_label("Vous êtes").select_option("funder")
    page.get_by_label("Votre nom").fill("Aïssatou Ndiaye")
    page.get_by_label("Adresse e-mail").fill("aissatou@sahel-avenir.example")
    page.get_by_label("Votre message").fill("Nous aimerions financer l'atelier de Thiès.")
    # The honeypot is off screen, out of the tab order and hidden from screen readers.
    trap = page.locator('input[name="website_address"]')
    assert trap.get_attribute("tabindex") == "-1"
    assert trap.bounding_box()["x"] < 0
    assert page.locator('.enquiry__trap[aria-hidden="true"]').count() == 1
    screenshots.take(page, "enquiry filled in")
    page.get_by_role("button", name="Envoyer").click()
    page.get_by_role("heading", name="Merci : votre message a bien été envoyé").wait_for()
    screenshots.take(page, "thank you")
    assert FormSubmission.objects.filter(page=form_page).count() == 1

    staff = open_page()
    log_in(staff, "boutique", screenshots)
    staff.goto("/admin/forms/")
    staff.get_by_role("link", name=form_page.title).first.click()
    staff.get_by_text("Fondation Sahel Avenir").wait_for()
    screenshots.take(staff, "submissions in the admin")
    # The export as the admin's « Download CSV » fetches it, with the staff member's session.
    export = staff.context.request.get(staff.url.split("?")[0] + "?export=csv")
    assert export.ok
    assert "text/csv" in export.headers["content-type"]
    exported = export.body().decode("utf-8-sig")
    assert "Fondation Sahel Avenir" in exported
    assert "aissatou@sahel-avenir.example" in exported
    assert "Bailleur de fonds" in exported  # the kind by its French name
