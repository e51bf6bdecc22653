"""The demo's enquiry forms, and a way to post to them as a visitor would."""

import pytest
from django.core import mail
from wagtail.contrib.forms.models import FormSubmission

from enquiries.models import CommissionRequestPage, PartnershipEnquiryPage

VISITOR = "203.0.113.20"


@pytest.fixture
def partnership_page(db):
    return PartnershipEnquiryPage.objects.live().get(locale__language_code="fr")


@pytest.fixture
def commission_page(db):
    return CommissionRequestPage.objects.live().get(locale__language_code="fr")


@pytest.fixture
def post(client):
    def send(page, data, address=VISITOR, **extra):
        return client.post(page.url, data, REMOTE_ADDR=address, **extra)

    return send


def submissions(page):
    return list(FormSubmission.objects.filter(page=page))


def mails_to(address):
    return [message for message in mail.outbox if address in message.to]
