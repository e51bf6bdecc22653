"""One publication policy for every page type and every snippet the site shows.

A legal name the person does not show, a public name they no longer show, or an offence
cannot be published anywhere: not in a product, a standard page's search description, a
partner's description, an image's title. Every path is refused with a message naming the
field: the editor's form, `revision.publish()`, a workflow's approval, a schedule.
"""

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.models import Page, PageLogEntry, Revision
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from enquiries.models import CommissionRequestPage, PartnershipEnquiryPage
from home.models import HomePage, StandardPage
from impact.models import ImpactPage, Partner, PartnerIndexPage
from shop.models import ProductCategory, ProductIndexPage, ProductPage
from stories import privacy
from stories.consent import PublicationRefused, publication_problems, save_record
from stories.models import ArtisanIndexPage, StoryIndexPage, Workshop
from stories.publishing import refuse_scheduled_without_consent

from .conftest import TODAY, record_of

pytestmark = pytest.mark.django_db

# Diamono's legal name is never shown; « escroquerie » is an offence.
LEGAL_NAME = "Pape Modou Ndoye"
OFFENCE = "condamné pour escroquerie"


def text_of(response):
    return " ".join(BeautifulSoup(response.content, "html.parser").get_text().split())


def live(model):
    return model.objects.live().filter(locale__language_code="fr").first()


# revision.publish(), for each page type -----------------------------------------------

PAGE_TYPES = [
    HomePage,
    StandardPage,
    ImpactPage,
    ProductPage,
    ProductIndexPage,
    StoryIndexPage,
    ArtisanIndexPage,
    PartnerIndexPage,
    PartnershipEnquiryPage,
    CommissionRequestPage,
]


@pytest.mark.parametrize("model", PAGE_TYPES, ids=lambda model: model.__name__)
def test_a_search_description_naming_a_legal_name_is_refused_on_every_page_type(model):
    page = live(model)
    page.search_description = f"Avec {LEGAL_NAME}, à l'atelier."
    with pytest.raises(PublicationRefused) as refused:
        page.save_revision().publish()
    assert LEGAL_NAME in str(refused.value)
    assert str(Page._meta.get_field("search_description").verbose_name) in str(refused.value)
    assert model.objects.get(pk=page.pk).search_description == ""


@pytest.mark.parametrize("model", PAGE_TYPES, ids=lambda model: model.__name__)
def test_an_seo_title_mentioning_an_offence_is_refused_on_every_page_type(model):
    page = live(model)
    page.seo_title = f"Un artisan {OFFENCE}"
    with pytest.raises(PublicationRefused, match="escroquerie"):
        page.save_revision().publish()


def test_a_product_description_naming_its_maker_s_legal_name_is_refused():
    product = live(ProductPage)
    product.description = f"<p>Tissée par {LEGAL_NAME}.</p>"
    with pytest.raises(PublicationRefused) as refused:
        product.save_revision().publish()
    assert "« description »" in str(refused.value)
    assert LEGAL_NAME not in ProductPage.objects.get(pk=product.pk).description


def test_a_product_materials_line_naming_a_surname_is_refused():
    product = live(ProductPage)
    product.materials = "Bois de vène choisi par Ndoye"
    with pytest.raises(PublicationRefused, match="matériaux"):
        product.save_revision().publish()


def test_a_gallery_alternative_text_naming_a_legal_name_is_refused():
    product = live(ProductPage)
    picture = product.gallery_images.first()
    picture.alt_text = f"{LEGAL_NAME} devant sa toile"
    picture.save()
    with pytest.raises(PublicationRefused, match="texte alternatif"):
        product.save_revision().publish()


def test_an_image_title_naming_a_legal_name_is_refused_where_the_image_is_shown():
    product = live(ProductPage)
    image = product.gallery_images.first().image
    get_image_model().objects.filter(pk=image.pk).update(title=f"Portrait de {LEGAL_NAME}")
    with pytest.raises(PublicationRefused, match="image"):
        product.save_revision().publish()


def test_a_public_name_the_person_no_longer_shows_is_refused(django_capture_on_commit_callbacks):
    record = record_of("Pape Modou Ndoye")
    record.consent_withdrawn_on = TODAY
    save_record(record, user=None)
    page = live(StandardPage)
    page.search_description = "Les toiles de Diamono."
    assert any("Diamono" in problem for problem in publication_problems(page))


def test_a_page_naming_only_names_on_the_site_is_published():
    product = live(ProductPage)
    product.description = "<p>Tissée par Diamono, qui signe ses toiles ainsi.</p>"
    product.save_revision().publish()
    assert "Diamono" in ProductPage.objects.get(pk=product.pk).description


# The editor's forms --------------------------------------------------------------------


def product_edit_data(product, **changes):
    gallery = [
        {"id": item.pk, "image": item.image_id, "alt_text": item.alt_text, "ORDER": position}
        for position, item in enumerate(product.gallery_images.all())
    ]
    fields = {
        "title": product.title,
        "slug": product.slug,
        "artisan": product.artisan_id,
        "category": product.category_id or "",
        "artisan_price": product.artisan_price,
        "stock": product.stock,
        "description": rich_text(product.description),
        "materials": product.materials,
        "dimensions": product.dimensions,
        "care_notes": product.care_notes,
        "gallery_images": inline_formset(gallery, initial=len(gallery), min=1),
    }
    fields.update(changes)
    data = nested_form_data(fields)
    data["action-publish"] = "action-publish"
    return data


def test_the_product_editor_refuses_to_publish_an_offence_and_says_which_field(admin_client):
    product = live(ProductPage)
    response = admin_client.post(
        reverse("wagtailadmin_pages:edit", args=[product.pk]),
        product_edit_data(product, materials=f"Bois d'un homme {OFFENCE}"),
    )
    assert response.status_code == 200
    assert "« matériaux »" in text_of(response)
    assert "escroquerie" not in ProductPage.objects.get(pk=product.pk).materials


def test_the_product_editor_refuses_a_gallery_text_naming_someone_and_keeps_the_draft(
    admin_client,
):
    product = live(ProductPage)
    gallery = [
        {"id": item.pk, "image": item.image_id, "alt_text": f"{LEGAL_NAME} au travail"}
        for item in product.gallery_images.all()
    ]
    response = admin_client.post(
        reverse("wagtailadmin_pages:edit", args=[product.pk]),
        product_edit_data(
            product, gallery_images=inline_formset(gallery, initial=len(gallery), min=1)
        ),
        follow=True,
    )
    assert "Non publié" in text_of(response)
    product.refresh_from_db()
    assert LEGAL_NAME not in " ".join(item.alt_text for item in product.gallery_images.all())
    assert product.has_unpublished_changes  # the draft is kept, to be reworded


def test_the_standard_page_editor_refuses_a_search_description_naming_someone(admin_client):
    home = live(HomePage)
    response = admin_client.post(
        reverse("wagtailadmin_pages:add", args=("home", "standardpage", home.pk)),
        {
            **nested_form_data(
                {
                    "title": "Nos ateliers",
                    "slug": "nos-ateliers",
                    "intro": "",
                    "body": streamfield([("text", rich_text("<p>Nos ateliers.</p>"))]),
                    "search_description": f"Rencontre avec {LEGAL_NAME}.",
                }
            ),
            "action-publish": "action-publish",
        },
    )
    assert response.status_code == 200
    assert "un nom que cette personne n’a pas accepté de montrer" in text_of(response)
    assert not StandardPage.objects.filter(slug="nos-ateliers").exists()


# Snippets shown on the site ------------------------------------------------------------


SNIPPETS = [
    (
        Partner,
        "impact",
        {"name": "Association Horizon", "kind": "ngo", "link": "", "workshops": []},
        "description",
    ),
    (Workshop, "stories", {"name": "Atelier Horizon", "kind": "prison", "region": "Dakar"}, "city"),
    (ProductCategory, "shop", {"slug": "horizon"}, "name"),
]


@pytest.mark.parametrize(
    ("model", "app", "fields", "text_field"),
    SNIPPETS,
    ids=lambda value: getattr(value, "__name__", ""),
)
def test_a_snippet_naming_a_legal_name_or_an_offence_is_not_saved(
    admin_client, model, app, fields, text_field
):
    url = reverse(f"wagtailsnippets_{app}_{model._meta.model_name}:add")
    for text, message in (
        (f"Avec {LEGAL_NAME}", "un nom que cette personne n’a pas accepté de montrer"),
        (f"Pour un homme {OFFENCE}", "nous ne publions jamais d’infraction"),
    ):
        response = admin_client.post(url, {**fields, text_field: text})
        assert response.status_code == 200
        assert message in text_of(response)
        assert not model.objects.filter(**{text_field: text}).exists()


def test_a_partner_with_plain_words_is_saved(admin_client):
    response = admin_client.post(
        reverse("wagtailsnippets_impact_partner:add"),
        {"name": "Association Horizon", "kind": "ngo", "description": "Elle forme au métier."},
    )
    assert response.status_code == 302
    assert Partner.objects.filter(name="Association Horizon").exists()


# Paths without a form ------------------------------------------------------------------


def test_a_scheduled_product_naming_someone_is_unscheduled_with_the_reason():
    product = live(ProductPage)
    product.description = f"<p>Par {LEGAL_NAME}.</p>"
    revision = product.save_revision()
    Revision.objects.filter(pk=revision.pk).update(
        approved_go_live_at=timezone.now() - timedelta(minutes=1)
    )
    refused = refuse_scheduled_without_consent()
    assert [page.pk for page in refused] == [product.pk]
    revision.refresh_from_db()
    assert revision.approved_go_live_at is None
    entry = PageLogEntry.objects.get(page=product, action="stories.publication_refused")
    assert LEGAL_NAME in entry.message


def test_names_are_replaced_in_any_case_and_accent_and_allowed_names_stay():
    text = "<p>Par IBRAHIMA SÂRR et Sarr, avec Awa Ndiaye ; Ndiaye aussi.</p>"
    replaced = privacy.replace_names(
        text, ["Ibrahima Sarr", "Sarr", "Ndiaye"], "Artisan anonyme", allowed=["Awa Ndiaye"]
    )
    assert replaced == (
        "<p>Par Artisan anonyme et Artisan anonyme, avec Awa Ndiaye ; Artisan anonyme aussi.</p>"
    )
