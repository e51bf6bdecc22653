"""`load_demo` builds believable content and a second run changes nothing."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from PIL import Image as PILImage
from PIL import ImageStat
from wagtail.images import get_image_model
from wagtail.models import Page, Revision, Site

from shop.models import ProductPage
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
