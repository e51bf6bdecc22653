"""Editors can create every page type through the Wagtail admin, only where the design allows."""

import pytest
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from home.models import HomePage, StandardPage
from impact.models import ImpactPage
from shop.models import ProductCategory, ProductIndexPage, ProductPage
from stories.models import ArtisanIndexPage, ArtisanPage, StoryIndexPage, StoryPage, Workshop

EMPTY_FORMSET = inline_formset([])


@pytest.mark.django_db
class TestCreatePagesInAdmin(WagtailPageTestCase):
    def setUp(self):
        self.login()
        self.home = HomePage.objects.get(locale__language_code="fr")
        self.image = get_image_model().objects.first()

    def body(self):
        return streamfield([("text", rich_text("<p>Un paragraphe.</p>"))])

    def test_home_page_under_the_root(self):
        data = nested_form_data(
            {
                "title": "Accueil bis",
                "slug": "accueil-bis",
                "hero_heading": "Bienvenue",
                "hero_text": "Des objets faits main.",
                "featured_stories": EMPTY_FORMSET,
                "featured_products": EMPTY_FORMSET,
            }
        )
        self.assertCanCreate(Page.get_first_root_node(), HomePage, data)

    def test_standard_page(self):
        data = nested_form_data({"title": "Contact", "intro": "Écrivez-nous.", "body": self.body()})
        self.assertCanCreate(self.home, StandardPage, data)

    def test_impact_page(self):
        data = nested_form_data(
            {"title": "Impact 2026", "intro": "Nos chiffres.", "body": self.body()}
        )
        self.assertCanCreate(self.home, ImpactPage, data)

    def test_index_pages_only_once_per_home(self):
        # The demo home already has one of each index: a second is refused.
        for model in (StoryIndexPage, ArtisanIndexPage, ProductIndexPage):
            assert not model.can_create_at(self.home)
        new_home = HomePage(title="Autre site", slug="autre", hero_heading="h", hero_text="t")
        Page.get_first_root_node().add_child(instance=new_home)
        for model in (StoryIndexPage, ArtisanIndexPage, ProductIndexPage):
            self.assertCanCreate(
                new_home, model, nested_form_data({"title": model.__name__, "intro": rich_text("")})
            )

    def test_story_page(self):
        artisan = ArtisanPage.objects.first()
        data = nested_form_data(
            {
                "title": "Une nouvelle histoire",
                "standfirst": "Le début.",
                "date": "2026-11-20",
                "tags": "atelier",
                "body": self.body(),
            }
        )
        data["artisans"] = [artisan.pk]
        self.assertCanCreate(
            StoryIndexPage.objects.get(locale__language_code="fr"), StoryPage, data
        )
        story = StoryPage.objects.get(slug="une-nouvelle-histoire")
        assert list(story.artisans.all()) == [artisan]

    def test_artisan_page(self):
        # No name to type: it follows the artisan's private record (anonymous until one exists).
        data = nested_form_data(
            {
                "workshop": Workshop.objects.get(name="Atelier Kassoumay").pk,
                "craft": "brodeuse",
                "profile": rich_text("<p>Elle brode.</p>"),
            }
        )
        self.assertCanCreate(
            ArtisanIndexPage.objects.get(locale__language_code="fr"), ArtisanPage, data
        )
        page = ArtisanPage.objects.get(craft="brodeuse")
        assert page.title == "Artisan anonyme, Atelier Kassoumay"

    def test_product_page(self):
        data = nested_form_data(
            {
                "title": "Tabouret neuf",
                "artisan": ArtisanPage.objects.first().pk,
                "category": ProductCategory.objects.first().pk,
                "artisan_price": "15000",
                "stock": "3",
                "description": rich_text("<p>Un tabouret.</p>"),
                "gallery_images": inline_formset(
                    [{"image": self.image.pk, "alt_text": "Un tabouret"}], min=1
                ),
            }
        )
        self.assertCanCreate(
            ProductIndexPage.objects.get(locale__language_code="fr"), ProductPage, data
        )
        assert ProductPage.objects.get(slug="tabouret-neuf").artisan_price == 15000

    def test_tree_rules(self):
        self.assertAllowedParentPageTypes(StoryPage, {StoryIndexPage})
        self.assertAllowedParentPageTypes(ProductPage, {ProductIndexPage})
        self.assertAllowedParentPageTypes(ArtisanPage, {ArtisanIndexPage})
        self.assertAllowedSubpageTypes(StoryPage, set())
        self.assertAllowedSubpageTypes(ProductPage, set())
        self.assertCanNotCreateAt(HomePage, StoryPage)
        self.assertCanNotCreateAt(StoryIndexPage, ProductPage)
        self.assertCanNotCreateAt(HomePage, HomePage)
