"""The demo's alt texts and descriptions say what the pictures show, in the drawn colours."""

import math
import re

import pytest

from demo import images, texts
from shop.models import ProductPage

FRENCH, ENGLISH = texts.read("fr"), texts.read("en")
# Colour words a description could use; each must be one the piece's pictures show.
COLOUR_WORDS = {
    "fr": r"noir|blanc|jaune|bleu|rouge|vert|orang|rose|violet|gris|ocre|indigo|crème|brun"
    r"|marron|beige|doré|argenté|turquoise|bordeaux",
    "en": r"black|white|yellow|blue|red|green|orange|pink|purple|gr[ae]y|ochre|indigo|cream"
    r"|brown|beige|gold|silver|turquoise",
}
# Painted at full strength (paintings blend their colour fields with the canvas).
OPAQUE_KINDS = [kind for kind in images.PRODUCT_KINDS if kind != "painting"]


def seeds(data):
    return [f"{data['slug']}-{number}" for number in (0, 1)]  # as `load_demo` draws them


def colour_words(text, language):
    plain = re.sub(r"<[^>]+>", " ", text).lower()
    # A colour word and its agreement (« bleus », « orangé »), not a longer word (« reduced »).
    return set(re.findall(rf"\b({COLOUR_WORDS[language]})(?=\w{{0,2}}\b)", plain))


def share_of(picture, colour, distance=50):
    """The share of the picture's pixels close to `colour`."""
    pixels = list(picture.convert("RGB").get_flattened_data())
    close = [pixel for pixel in pixels if math.dist(pixel, colour) < distance]
    return len(close) / len(pixels)


@pytest.mark.parametrize("data", [d for d in FRENCH.PRODUCTS if d["kind"] in OPAQUE_KINDS])
def test_every_colour_an_alt_text_names_is_in_the_picture(data):
    for seed in seeds(data):
        picture = images.product_photo(data["kind"], seed, 160)
        for colour in images.product_facts(data["kind"], seed)["colours"]:
            assert share_of(picture, colour) > 0.002, (data["slug"], seed, colour)


@pytest.mark.parametrize("language", ["fr", "en"])
def test_an_alt_text_names_every_drawn_colour(language):
    for data in FRENCH.PRODUCTS:
        for seed in seeds(data):
            alt = images.product_alt(data["kind"], seed, language)
            for colour in images.product_facts(data["kind"], seed)["colours"]:
                assert images.COLOUR_NAMES[colour][language == "en"] in alt, (seed, alt)


def test_the_bag_of_the_issue_is_described_in_its_drawn_colours():
    bag = next(d for d in FRENCH.PRODUCTS if d["slug"] == "sac-bandouliere-pagne-tisse")
    alt = images.product_alt(bag["kind"], seeds(bag)[0], "fr")
    assert "jaune ocre" in alt and "bleu indigo" in alt
    assert "noir" not in bag["description"] and "blanc" not in bag["description"]


@pytest.mark.parametrize("language", ["fr", "en"])
def test_descriptions_name_only_colours_the_pictures_show(language):
    for data in FRENCH.PRODUCTS:
        shown = ENGLISH.PRODUCTS[data["slug"]] if language == "en" else data
        text = f"{shown['description']} {shown['materials']}"
        alts = " ".join(images.product_alt(data["kind"], seed, language) for seed in seeds(data))
        drawn = colour_words(alts, language)
        assert colour_words(text, language) <= drawn, (data["slug"], language)


@pytest.mark.django_db
def test_the_loaded_demo_shows_these_alt_texts_in_both_languages():
    kinds = {data["slug"]: data["kind"] for data in FRENCH.PRODUCTS}
    checked = 0
    for product in ProductPage.objects.filter(locale__language_code="fr", slug__in=kinds):
        translations = ProductPage.objects.filter(translation_key=product.translation_key)
        for page in translations.select_related("locale"):
            language = page.locale.language_code
            for picture in page.gallery_images.all():
                seed = f"{product.slug}-{picture.sort_order}"
                assert picture.alt_text == images.product_alt(kinds[product.slug], seed, language)
                checked += 1
    assert checked >= 2 * len(kinds)
