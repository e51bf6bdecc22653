"""One page per partner, in both languages: who they are, their workshops' figures, stories."""

import pytest
from bs4 import BeautifulSoup

from enquiries.models import PartnershipEnquiryPage
from impact import figures
from impact.models import PartnerIndexPage
from impact.publication import ImpactSettings, Partner
from impact.reading import number
from shop import pricing
from shop.models import ShopSettings
from stories.models import ArtisanRecord, StoryPage

pytestmark = pytest.mark.django_db


def soup(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


@pytest.fixture
def runner():
    """The partner that runs the most workshops (the prison administration in the demo)."""
    return max(Partner.objects.all(), key=lambda partner: partner.workshops.count())


def test_the_index_links_a_page_per_partner_in_french(client, runner):
    response = client.get("/fr/partenaires/")
    assert response.status_code == 200
    links = {a.get_text(strip=True): a["href"] for a in soup(response).select(".partner__name a")}
    assert set(links) == set(Partner.objects.values_list("name", flat=True))
    assert links[runner.name] == f"/fr/partenaires/{runner.slug}/"


def test_a_partner_page_in_french_says_who_they_are_and_links_the_enquiry_form(client, runner):
    response = client.get(f"/fr/partenaires/{runner.slug}/")
    assert response.status_code == 200
    html = soup(response)
    assert html.html["lang"] == "fr"
    assert html.h1.get_text(strip=True) == runner.name
    assert runner.description in html.get_text(" ")
    for workshop in runner.workshops.all():
        assert workshop.name in html.get_text(" ")
    form = PartnershipEnquiryPage.objects.live().get(locale__language_code="fr")
    assert html.select_one(f'a[href="{form.url}"]') is not None
    assert html.select_one('link[rel="canonical"]')["href"].endswith(
        f"/fr/partenaires/{runner.slug}/"
    )


def test_the_english_partners_pages_work(client, runner):
    index = client.get("/en/partners/")
    assert index.status_code == 200
    response = client.get(f"/en/partners/{runner.slug}/")
    assert response.status_code == 200
    html = soup(response)
    assert html.html["lang"] == "en"
    assert runner.description_en in html.get_text(" ")
    assert "The workshops it runs or supports" in html.get_text(" ")
    form = PartnershipEnquiryPage.objects.live().get(locale__language_code="en")
    assert html.select_one(f'a[href="{form.url}"]') is not None


def test_an_unknown_partner_is_a_404(client):
    assert client.get("/fr/partenaires/personne-de-ce-nom/").status_code == 404


def test_the_figures_shown_are_those_of_impact_figures(client, runner, site):
    currency = ShopSettings.for_site(site).currency
    threshold = ImpactSettings.for_site(site).small_group_threshold
    expected = figures.ledger(currency).for_workshops(
        [workshop.pk for workshop in runner.workshops.all()], figures.MonthRange(), threshold
    )
    assert expected.figures.items, "the demo's sales history should give this partner figures"
    text = soup(client.get(f"/fr/partenaires/{runner.slug}/")).select_one(".partner__figures")
    said = " ".join(text.get_text(" ").split())
    paid = pricing.format_money(expected.figures.paid_to_artisans, currency, "fr")
    assert " ".join(f"{number(expected.figures.items)} pièces vendues".split()) in said
    assert " ".join(paid.split()) in said
    assert f"versés à {number(expected.figures.artisans)} artisans" in said


def test_a_partner_page_links_the_live_stories_of_its_workshops(client, runner):
    html = soup(client.get(f"/fr/partenaires/{runner.slug}/"))
    linked = {a["href"] for a in html.select(".story-card a")}
    stories = StoryPage.objects.live().filter(
        locale__language_code="fr", artisans__workshop__in=runner.workshops.all()
    ).distinct()
    assert stories.exists()
    assert linked and linked <= {story.url for story in stories}
    assert len(linked) == min(6, stories.count())
    withdrawn = StoryPage.objects.filter(
        live=False, artisans__workshop__in=runner.workshops.all()
    ).exclude(url_path__in=[story.url_path for story in stories])
    for story in withdrawn:
        assert story.url not in linked


def test_an_anonymous_artisan_is_never_named_on_a_partner_page(client):
    hidden = ArtisanRecord.objects.filter(artisan__is_anonymous=True)
    assert hidden.exists()
    for partner in Partner.objects.all():
        for address in (f"/fr/partenaires/{partner.slug}/", f"/en/partners/{partner.slug}/"):
            text = client.get(address).content.decode()
            for record in hidden:
                assert record.legal_name not in text, (address, record.pk)


def test_a_partner_saved_without_an_address_gets_one_from_its_name():
    partner = Partner.objects.create(
        name="Fondation Téranga Solidaire Bis", kind="funder", description="Finance des machines."
    )
    assert partner.slug == "fondation-teranga-solidaire-bis"
    twin = Partner(name="Fondation Teranga Solidaire Bis!", kind="funder", description="x")
    twin.save()
    assert twin.slug == "fondation-teranga-solidaire-bis-2"


def test_the_index_is_one_page_per_language():
    assert PartnerIndexPage.objects.live().filter(locale__language_code="fr").count() == 1
    assert PartnerIndexPage.objects.live().filter(locale__language_code="en").count() == 1
