"""`load_demo` builds believable content and a second run changes nothing."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import models
from PIL import Image as PILImage
from PIL import ImageStat
from wagtail.images import get_image_model
from wagtail.models import Page, Revision, Site

from impact import figures
from impact.models import Partner
from shop.models import ArtisanPayout, Order, OrderLine, OrderStatus, ProductPage, StoryProductView
from stories.models import ArtisanPage, StoryPage, Workshop

pytestmark = pytest.mark.django_db


def counts():
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "images": get_image_model().objects.count(),
        "workshops": Workshop.objects.count(),
        "users": get_user_model().objects.count(),
        "sites": Site.objects.count(),
        "orders": Order.objects.count(),
        "payouts": ArtisanPayout.objects.count(),
        "partners": Partner.objects.count(),
        "story views": StoryProductView.objects.count(),
    }


def test_demo_has_the_promised_content():
    assert ArtisanPage.objects.live().count() >= 8
    assert Workshop.objects.filter(artisans__isnull=False).distinct().count() >= 3
    # Twelve stories; those whose artisans withdrew (or let lapse) their consent are unpublished.
    assert StoryPage.objects.count() >= 12
    assert StoryPage.objects.live().count() >= 10
    products = ProductPage.objects.live()
    assert products.count() >= 30
    assert products.filter(one_of_a_kind=True, stock=1).exists()
    assert products.filter(stock=0).exists()
    assert Site.objects.get(is_default_site=True).root_page.specific.title == "Accueil"


def test_second_run_changes_nothing():
    before = counts()
    output = io.StringIO()
    call_command("load_demo", stdout=output)
    assert counts() == before
    assert "already present" in output.getvalue()
    assert "created" not in output.getvalue()


def test_it_prints_a_line_per_step_and_the_admin_login():
    output = io.StringIO()
    call_command("load_demo", stdout=output)
    text = output.getvalue()
    for step in ("Workshops", "Artisans", "Products", "Stories", "Standard pages", "Admin user"):
        assert f"  {step}:" in text
    assert "user « admin »" in text
    assert get_user_model().objects.get(username="admin").is_superuser


def test_demo_pictures_are_drawn_not_blank():
    for image in get_image_model().objects.all()[:12]:
        with image.open_file() as handle:
            picture = PILImage.open(handle).convert("L")
            assert max(ImageStat.Stat(picture).stddev) > 10, image.title


def test_demo_sales_span_every_status_and_more_than_a_year():
    assert set(Order.objects.values_list("status", flat=True)) == set(OrderStatus.values)
    # A partial refund leaves an order paid (or fulfilled); only a whole one makes it refunded.
    refunded = Order.objects.filter(status=OrderStatus.REFUNDED)
    partly = Order.objects.filter(status=OrderStatus.PAID, refunded_amount__gt=0)
    assert partly.filter(refunded_amount__lt=models.F("total")).exists()
    assert refunded.filter(refunded_amount=models.F("total")).exists()
    book = figures.ledger("XOF")
    months = [month for month in book.monthly(figures.MonthRange()) if month.orders]
    assert len(months) >= 12
    assert len(book.workshops()) >= 3  # two workshops alone and « other workshops »
    references = Order.objects.order_by("created_at").values_list("reference", flat=True)
    assert references[0].endswith("-00001") and not references[0].endswith("2026-00001")


def test_demo_orders_explain_the_stock():
    """Unique pieces marked sold were sold by an order; those still for sale were not."""
    taken = (OrderStatus.PAID, OrderStatus.FULFILLED, OrderStatus.REFUNDED)
    holding = (OrderStatus.PENDING_PAYMENT, OrderStatus.AWAITING_CASH)
    # Order lines point at the French page, which holds price and stock for every language.
    products = ProductPage.objects.filter(locale__language_code="fr")
    for product in products.filter(one_of_a_kind=True):
        lines = OrderLine.objects.filter(product=product)
        if product.stock == 0:
            assert lines.filter(order__status__in=taken + holding).exists(), product.title
        else:
            assert not lines.filter(order__status__in=taken + holding).exists(), product.title
    for product in products.filter(one_of_a_kind=False, stock=0):
        assert OrderLine.objects.filter(product=product, order__status__in=taken).exists()
