"""Editors create the enquiry pages and the partners index through the admin form."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from enquiries.models import CommissionRequestPage, PartnershipEnquiryPage
from home.models import HomePage
from impact.models import PartnerIndexPage
from staff.groups import SHOP_MANAGERS


def field(label, clean_name, field_type, required="on"):
    return {
        "label": label,
        "clean_name": clean_name,
        "field_type": field_type,
        "required": required,
        "help_text": "",
        "choices": "",
        "default_value": "",
    }


@pytest.mark.django_db
class TestCreateEnquiryPagesInAdmin(WagtailPageTestCase):
    def setUp(self):
        self.login()
        self.home = HomePage.objects.get(locale__language_code="fr")

    def form_page_data(self, title, fields):
        return nested_form_data(
            {
                "title": title,
                "intro": "Écrivez-nous.",
                "thank_you_text": "Merci, nous vous répondons vite.",
                "recipients_group": Group.objects.get(name=SHOP_MANAGERS).pk,
                "to_address": "",
                "from_address": "",
                "subject": "",
                "form_fields": inline_formset(fields),
            }
        )

    def test_partnership_enquiry_page(self):
        data = self.form_page_data(
            "Partenariat bis",
            [field("Organisation", "organisation", "singleline"),
             field("Vous êtes", "kind", "partner_kind"),
             field("E-mail", "email", "email")],
        )
        self.assertCanCreate(self.home, PartnershipEnquiryPage, data)
        page = PartnershipEnquiryPage.objects.get(slug="partenariat-bis")
        assert [f.clean_name for f in page.form_fields.all()] == ["organisation", "kind", "email"]

    def test_commission_request_page(self):
        data = self.form_page_data(
            "Sur mesure bis",
            [field("Budget", "budget", "money", required=""),
             field("Atelier", "maker", "maker", required=""),
             field("Images", "pictures", "pictures", required="")],
        )
        self.assertCanCreate(self.home, CommissionRequestPage, data)
        page = CommissionRequestPage.objects.get(slug="sur-mesure-bis")
        assert page.recipients_group.name == SHOP_MANAGERS

    def test_enquiry_pages_only_under_a_home_page(self):
        self.assertAllowedParentPageTypes(PartnershipEnquiryPage, {HomePage})
        self.assertAllowedParentPageTypes(CommissionRequestPage, {HomePage})

    def test_partners_index_once_per_home(self):
        assert not PartnerIndexPage.can_create_at(self.home)
        new_home = HomePage(title="Autre site", slug="autre", hero_heading="h", hero_text="t")
        Page.get_first_root_node().add_child(instance=new_home)
        form = PartnershipEnquiryPage.objects.live().get(locale__language_code="fr")
        data = nested_form_data(
            {"title": "Partenaires", "intro": "Ils nous aident.", "enquiry_page": form.pk}
        )
        self.assertCanCreate(new_home, PartnerIndexPage, data)
