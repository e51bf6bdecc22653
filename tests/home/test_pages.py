"""Every page type renders the demo content, and the tree only grows as designed."""

import pytest
from bs4 import BeautifulSoup

from enquiries.models import CommissionRequestPage, PartnershipEnquiryPage
from home.models import HomePage, StandardPage
from impact.models import ImpactPage, PartnerIndexPage
from shop.models import ProductIndexPage, ProductPage
from stories.models import ArtisanIndexPage, ArtisanPage, StoryIndexPage, StoryPage

pytestmark = pytest.mark.django_db

PAGE_TYPES = [
    HomePage,
    StoryIndexPage,
    StoryPage,
    ArtisanIndexPage,
    ArtisanPage,
    ProductIndexPage,
    ProductPage,
    ImpactPage,
    StandardPage,
    PartnerIndexPage,
    PartnershipEnquiryPage,
    CommissionRequestPage,
]


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


@pytest.mark.parametrize("model", PAGE_TYPES, ids=lambda model: model.__name__)
def test_every_page_type_renders_its_demo_content(client, model):
    page = model.objects.live().first()
    response = client.get(page.url)
    assert response.status_code == 200
    html = soup(response)
    assert html.find("main", id="main") is not None
    assert page.title in html.get_text() or getattr(page, "hero_heading", "") in html.get_text()


def test_root_redirects_to_the_french_home(client):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/fr/"


def test_home_shows_featured_stories_products_and_impact_sentence(client, home):
    html = soup(client.get(home.url))
    story_titles = {story.title for story in home.featured_story_pages()}
    product_titles = {product.title for product in home.featured_product_pages()}
    card_titles = {heading.get_text(strip=True) for heading in html.select(".card__title")}
    assert story_titles and story_titles <= card_titles
    assert product_titles and product_titles <= card_titles
    sentence = html.select_one(".impact-sentence").get_text(" ", strip=True)
    # What artisans were paid, from paid orders (see tests/home/test_impact_page.py).
    assert sentence.startswith("Depuis ") and "versés à" in sentence


def test_navigation_lists_the_sections_and_marks_the_current_one(client):
    stories = StoryIndexPage.objects.get(locale__language_code="fr")
    html = soup(client.get(stories.url))
    links = {link.get_text(strip=True): link for link in html.select(".site-nav a")}
    assert {"Histoires", "Les artisans", "Boutique", "Notre impact"} <= set(links)
    assert links["Histoires"].get("aria-current") == "page"
    assert links["Boutique"].get("aria-current") is None


def test_layout_has_skip_link_landmarks_and_cart_count(client, home):
    html = soup(client.get(home.url))
    skip = html.select_one("a.skip-link")
    assert skip["href"] == "#main"
    assert html.find("header") and html.find("footer") and html.find("nav")
    assert html.select_one(".cart-link__count").get_text(strip=True) == "0"
    footer_links = {link.get_text(strip=True) for link in html.select(".site-footer a")}
    assert {"À propos", "Livraison et retrait", "Politique de confidentialité"} <= footer_links


def test_images_are_served_as_webp_renditions_with_srcset(client):
    story = (
        StoryPage.objects.live().filter(locale__language_code="fr").exclude(hero_image=None).first()
    )
    html = soup(client.get(story.url))
    hero = html.select_one(".hero-figure img")
    assert hero is not None and hero.get("srcset")
    assert all(".webp" in candidate for candidate in hero["srcset"].split(","))


def test_every_img_has_an_alt_attribute(client, home):
    for url in (
        home.url,
        ProductIndexPage.objects.get(locale__language_code="fr").url,
        StoryPage.objects.live().filter(locale__language_code="fr").first().url,
    ):
        for img in soup(client.get(url)).find_all("img"):
            assert img.has_attr("alt"), f"{url}: {img}"


def test_unknown_page_is_a_404_with_the_site_layout(client):
    response = client.get("/fr/cette-page-n-existe-pas/")
    assert response.status_code == 404
    assert "skip-link" in response.content.decode()
