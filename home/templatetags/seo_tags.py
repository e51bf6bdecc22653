"""What search engines and social networks read: canonical URL, Open Graph, Twitter cards, JSON-LD.

Everything here reads only public fields. An artisan's title is already their
public identity (`stories.ArtisanPage`), and a portrait only exists while
consent covers the face, so nothing private can slip in. JSON-LD names no
person: a search engine's copy would outlive a withdrawal of consent.
"""

from django import template
from django.conf import settings
from django.utils.html import strip_tags
from django.utils.text import Truncator
from wagtail.models import Page, Site

from home.templatetags.navigation_tags import page_translations
from shop.addresses import absolute_url, page_url
from shop.templatetags.shop_tags import json_ld
from stories.models import StoryPage

register = template.Library()

DESCRIPTION_LENGTH = 200
SOCIAL_IMAGE_FILTER = "fill-1200x630|format-jpeg"
# Characters that could end the <script> element or open a comment inside it.


def description_of(page):
    """A one-paragraph summary: the editor's search description, else the page's own opening."""
    for name in ("search_description", "standfirst", "intro", "hero_text", "description"):
        # A space before each tag keeps « fin.</p><p>Début » from becoming « fin.Début ».
        value = strip_tags(str(getattr(page, name, "") or "").replace("<", " <")).strip()
        if value:
            return Truncator(" ".join(value.split())).chars(DESCRIPTION_LENGTH)
    return ""


@register.simple_tag(takes_context=True)
def page_description(context):
    """The page's summary for `<meta name="description">` (what search results show)."""
    page = context.get("page")
    return description_of(page) if isinstance(page, Page) else ""


def image_of(page, context):
    """The picture that represents a page when it is shared."""
    gallery = context.get("gallery")
    if gallery:  # a product page's pictures, already fetched with their renditions
        return gallery[0].image
    for name in ("hero_image", "portrait", "main_image"):
        image = getattr(page, name, None)
        if image is not None:
            return image
    return None


@register.inclusion_tag("components/social_meta.html", takes_context=True)
def social_meta(context):
    """Canonical link, Open Graph and Twitter card tags for the page being shown."""
    request = context.get("request")
    page = context.get("page")
    if request is None or not isinstance(page, Page):
        return {"page": None}
    site = Site.find_for_request(request)
    image = image_of(page, context)
    image_url = ""
    if image is not None:
        image_url = absolute_url(image.get_rendition(SOCIAL_IMAGE_FILTER).url, request)
    return {
        "page": page,
        # Listings with filters name their own canonical address (see ProductIndexPage).
        "canonical": context.get("canonical_url") or page_url(page, request),
        "title": page.seo_title or page.title,
        "description": description_of(page),
        "image_url": image_url,
        "og_type": "article" if isinstance(page, StoryPage) else "website",
        "site_name": site.site_name if site else "",
        **open_graph_locales(request, page),
    }


def open_graph_locales(request, page):
    """og:locale (fr_FR) and og:locale:alternate for each published translation (en_GB)."""
    names = settings.OPEN_GRAPH_LOCALES
    language = page.locale.language_code if page.locale_id else ""
    others = [code for code in page_translations(request, page) if code != language]
    return {
        "locale": names.get(language, language),
        "alternate_locales": [names.get(code, code) for code in sorted(others)],
    }


def _organisation(request, site):
    return {
        "@type": "Organization",
        "name": site.site_name if site else "",
        "url": page_url(site.root_page.localized, request) if site else "",
    }


def _article(request, story, site):
    canonical = page_url(story, request)
    data = {
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": Truncator(story.title).chars(110),
        "description": description_of(story),
        "datePublished": story.date,
        "inLanguage": story.locale.language_code,
        "url": canonical,
        "mainEntityOfPage": canonical,
        "keywords": [tag.name for tag in story.tags.all()],
        "author": _organisation(request, site),
        "publisher": _organisation(request, site),
    }
    if story.last_published_at:
        data["dateModified"] = story.last_published_at
    if story.hero_image:
        data["image"] = [
            absolute_url(story.hero_image.get_rendition(SOCIAL_IMAGE_FILTER).url, request)
        ]
    return data


@register.simple_tag(takes_context=True)
def structured_data(context):
    """JSON-LD `Article` for a story (product pages print their own `Product`, see shop_tags)."""
    request = context.get("request")
    page = context.get("page")
    if request is None or not isinstance(page, StoryPage):
        return ""
    return json_ld(_article(request, page, Site.find_for_request(request)))
