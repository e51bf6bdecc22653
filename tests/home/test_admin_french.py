"""The French admin speaks French: list filters, and the workflow's submit button."""

import pytest
from django.urls import reverse
from wagtail.models import Page, Workflow

pytestmark = pytest.mark.django_db


def test_the_order_list_date_filter_is_in_french(admin_client):
    text = admin_client.get(reverse("shop_order_modeladmin_index")).content.decode()
    assert "Toutes les dates" in text and "Les 7 derniers jours" in text
    assert "Any date" not in text and "Past 7 days" not in text


def test_the_page_editor_offers_to_submit_to_a_french_named_workflow(admin_client):
    workflow = Workflow.objects.get(active=True)
    assert workflow.name == "Validation par les modérateurs"
    assert [task.name for task in workflow.tasks] == ["Validation par les modérateurs"]
    page = Page.objects.get(depth=2, locale__language_code="fr")
    text = admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert "Soumettre à Validation par les modérateurs" in text
    assert "Moderators approval" not in text
