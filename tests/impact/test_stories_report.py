"""The "stories that sell" report: views of a story's product links, pieces and revenue."""

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import timezone

from impact import figures
from shop.models import OrderLine, StoryProductView
from stories.models import StoryPage
from tests import sales as hand

pytestmark = pytest.mark.django_db


@pytest.fixture
def story():
    return StoryPage.objects.live().get(slug="preparer-la-sortie-pas-a-pas")


def test_a_story_brings_views_pieces_and_revenue(sales, story, admin_client):
    # G's two lines (p2 and p3) came from the story: 2 pieces, 32 016 + 3 202 after refund.
    OrderLine.objects.filter(order=sales.orders["G"]).update(story=story)
    OrderLine.objects.filter(order=sales.orders["E"]).update(story=story)  # cancelled: no
    today = timezone.localdate()
    StoryProductView.objects.filter(story=story).delete()
    StoryProductView.objects.create(story=story, product=sales.products[1], day=today, views=7)
    StoryProductView.objects.create(
        story=story, product=sales.products[1], day=today - timedelta(days=400), views=50
    )
    figures.invalidate()
    response = admin_client.get(reverse("impact_stories_report"))
    assert response.status_code == 200
    row = next(row for row in response.context["rows"] if row["story"] == story)
    assert (row["views"], row["items"], row["orders"]) == (7, 2, 1)
    assert row["revenue"] == 32_016 + 3_202
    assert row["revenue_text"] in response.content.decode()
    assert hand.CURRENCY == "XAF"


def test_the_period_is_chosen_and_checked(admin_client):
    response = admin_client.get(reverse("impact_stories_report"), {"start": "2026-02-30"})
    assert response.status_code == 400
    response = admin_client.get(
        reverse("impact_stories_report"), {"start": "2025-01-01", "end": "2025-12-31"}
    )
    assert response.status_code == 200
    assert response.context["period"].start.isoformat() == "2025-01-01"


def test_communications_staff_see_the_report(client, django_user_model):
    from django.contrib.auth.models import Group

    from staff.groups import COMMUNICATIONS

    user = django_user_model.objects.create_user("plume", "plume@example.sn", "motdepasse")
    user.groups.add(Group.objects.get(name=COMMUNICATIONS))
    client.force_login(user)
    assert client.get(reverse("impact_stories_report")).status_code == 200
    menu = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Histoires qui font vendre" in menu
    assert "Gains des artisans" not in menu


def test_visitors_without_the_permission_are_turned_away(client, django_user_model):
    user = django_user_model.objects.create_user("x", "x@example.sn", "motdepasse")
    client.force_login(user)
    assert client.get(reverse("impact_stories_report")).status_code == 302


def test_the_total_row_counts_each_order_once(sales, story, admin_client):
    other = StoryPage.objects.live().filter(locale=story.locale).exclude(pk=story.pk).first()
    OrderLine.objects.update(story=None)
    g_lines = list(OrderLine.objects.filter(order=sales.orders["G"]).order_by("pk"))
    OrderLine.objects.filter(pk=g_lines[0].pk).update(story=story)
    OrderLine.objects.filter(pk=g_lines[1].pk).update(story=other)
    OrderLine.objects.filter(order=sales.orders["C"]).update(story=story)
    response = admin_client.get(reverse("impact_stories_report"))
    rows = {row["story"]: row for row in response.context["rows"]}
    assert (rows[story]["orders"], rows[other]["orders"]) == (2, 1)
    # Orders C and G: G brought by both stories is one order.
    assert response.context["totals"]["orders"] == 2
    html = BeautifulSoup(response.content, "html.parser")
    total = [cell.get_text(strip=True) for cell in html.select("tfoot td")]
    assert total[1] == "2"
