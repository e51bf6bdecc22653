"""A partnership enquiry is kept, sent to the chosen staff group, acknowledged, and guarded."""

import pytest
from django.contrib.auth.models import Group
from django.core import mail

from enquiries.fields import HONEYPOT
from enquiries.models import CommissionRequestPage, PartnershipEnquiryPage
from home.models import StandardPage
from impact.publication import Partner
from shop.cache_versions import public_pages_version
from staff.groups import COMMUNICATIONS

from .conftest import mails_to, submissions

pytestmark = pytest.mark.django_db

ENQUIRY = {
    "organisation": "Fondation Sahel Avenir",
    "kind": "funder",
    "name": "Aïssatou Ndiaye",
    "email": "aissatou@sahel-avenir.example",
    "phone": "+221 77 000 11 22",
    "message": "Nous aimerions financer des machines pour l'atelier de Thiès.",
}


def test_the_form_shows_the_fields_the_demo_composed_in_french(client, partnership_page):
    response = client.get(partnership_page.url)
    assert response.status_code == 200
    html = response.content.decode()
    for label in ("Organisation", "Vous êtes", "Votre nom", "Adresse e-mail", "Votre message"):
        assert label in html
    assert "Administration pénitentiaire" in html  # a kind of partner, translated
    assert 'aria-hidden="true"' in html and f'name="{HONEYPOT}"' in html


def test_the_english_form_has_the_same_fields_with_english_labels(client, partnership_page):
    english = PartnershipEnquiryPage.objects.live().get(locale__language_code="en")
    response = client.get(english.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Your message" in html and "Votre message" not in html
    assert [f.clean_name for f in english.form_fields.all()] == [
        f.clean_name for f in partnership_page.form_fields.all()
    ]


def test_an_enquiry_is_stored_and_thanked(post, partnership_page):
    response = post(partnership_page, ENQUIRY)
    assert response.status_code == 200
    assert "Merci" in response.content.decode()
    [submission] = submissions(partnership_page)
    assert submission.form_data["organisation"] == "Fondation Sahel Avenir"
    assert submission.form_data["kind"] == "funder"
    assert HONEYPOT not in submission.form_data


def test_the_staff_group_chosen_on_the_page_is_emailed(
    post, partnership_page, communications_staff
):
    assert partnership_page.recipients_group == Group.objects.get(name=COMMUNICATIONS)
    post(partnership_page, ENQUIRY)
    [notice] = mails_to(communications_staff.email)
    assert "Fondation Sahel Avenir" in notice.body
    assert str(Partner.Kind.FUNDER.label) in notice.body  # the kind by its name, in French
    assert notice.reply_to == [ENQUIRY["email"]]
    assert "boutique@mainslibres.example" not in notice.to  # shop managers are not told


def test_the_sender_gets_an_acknowledgement_in_the_page_language(post, partnership_page):
    post(partnership_page, ENQUIRY)
    [acknowledgement] = mails_to(ENQUIRY["email"])
    assert "Bonjour Aïssatou Ndiaye" in acknowledgement.body
    assert partnership_page.thank_you_text in acknowledgement.body


def test_an_english_sender_is_acknowledged_in_english(client, partnership_page):
    english = PartnershipEnquiryPage.objects.live().get(locale__language_code="en")
    client.post(english.url, ENQUIRY, REMOTE_ADDR="203.0.113.21")
    [acknowledgement] = mails_to(ENQUIRY["email"])
    assert "Hello Aïssatou Ndiaye" in acknowledgement.body
    assert "We received your message" in acknowledgement.subject


def test_a_missing_field_is_named_and_nothing_is_stored_or_sent(post, partnership_page):
    response = post(partnership_page, {**ENQUIRY, "organisation": ""})
    assert response.status_code == 400
    assert 'href="#id_organisation"' in response.content.decode()
    assert submissions(partnership_page) == []
    assert mail.outbox == []


def test_a_filled_honeypot_is_refused_with_400_and_stores_nothing(post, partnership_page):
    response = post(partnership_page, {**ENQUIRY, HONEYPOT: "http://spam.example"})
    assert response.status_code == 400
    assert 'role="alert"' in response.content.decode()
    assert submissions(partnership_page) == []
    assert mail.outbox == []


def test_posts_beyond_the_rate_limit_get_a_429_and_store_nothing(post, partnership_page, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "enquiries": (2, 3600)}
    # An address of its own: the counters are shared with the other tests of this process.
    for _ in range(2):
        assert post(partnership_page, ENQUIRY, address="192.0.2.77").status_code == 200
    response = post(partnership_page, ENQUIRY, address="192.0.2.77")
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    assert len(submissions(partnership_page)) == 2
    # Another address is not held back by the first one's posts.
    assert post(partnership_page, ENQUIRY, address="198.51.100.9").status_code == 200


def test_the_form_page_is_never_served_from_the_page_cache(client, partnership_page, settings):
    settings.PAGE_CACHE_SECONDS = 600
    first = client.get(partnership_page.url)
    second = client.get(partnership_page.url)
    assert first["X-Page-Cache"] == second["X-Page-Cache"] == "bypass"


def test_a_submission_does_not_renew_the_public_pages_generation(post, partnership_page, rf):
    before = public_pages_version(rf.get("/"))
    post(partnership_page, ENQUIRY)
    assert public_pages_version(rf.get("/")) == before


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_about_page_links_the_enquiry_forms_of_its_language(client, language):
    about = StandardPage.objects.live().get(
        locale__language_code=language, slug="a-propos" if language == "fr" else "about"
    )
    html = client.get(about.url).content.decode()
    for model in (PartnershipEnquiryPage, CommissionRequestPage):
        form = model.objects.live().get(locale__language_code=language)
        assert f'href="{form.url}"' in html
    assert "boutique@mainslibres.example" not in html
