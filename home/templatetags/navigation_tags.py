"""Navigation built from the page tree, in the reader's language.

Menus and the addresses of a page's translations are the same for every reader of a
site and language: they are cached until a page changes (`cached_with_public_pages`),
so a page's header and footer cost no query once warm.
"""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language
from wagtail.models import Page, Site

from home.models import StandardPage
from impact.models import PartnerIndexPage
from shop.addresses import page_url
from shop.cache_versions import cached_with_public_pages

register = template.Library()


def _home_page(request):
    """The home page in the reader's language, looked up once per request."""
    site = Site.find_for_request(request) if request else None
    if site is None:
        return None
    language = get_language()
    remembered = getattr(request, "_home_page", None)
    if remembered is None or remembered[0] != language:
        remembered = (language, site.root_page.localized)
        request._home_page = remembered
    return remembered[1]


@register.simple_tag(takes_context=True)
def home_page(context):
    return _home_page(context.get("request"))


@register.inclusion_tag("components/main_menu.html", takes_context=True)
def main_menu(context):
    """Top-level pages marked « show in menus », the current section highlighted."""
    request = context.get("request")
    home = _home_page(request)
    current = context.get("page")
    items = []
    if home is not None:
        entries = cached_with_public_pages(
            request,
            ("main-menu", home.pk, request.get_host()),
            lambda: [
                {
                    "pk": child.pk,
                    "path": child.path,
                    "title": child.title,
                    "url": child.get_url(request),
                }
                for child in home.get_children().live().in_menu()
            ],
        )
        for entry in entries:
            is_current = current is not None and (
                current.pk == entry["pk"] or current.path.startswith(entry["path"])
            )
            items.append({**entry, "is_current": is_current})
    return {"home": home, "items": items, "request": request}


@register.inclusion_tag("components/footer_menu.html", takes_context=True)
def footer_menu(context):
    """The plain pages (about, delivery, terms, privacy) and the partners' index, linked from
    every footer."""
    request = context.get("request")
    home = _home_page(request)
    if home is None:
        return {"pages": []}
    pages = cached_with_public_pages(
        request,
        ("footer-menu", home.pk, request.get_host()),
        lambda: [
            {"title": page.title, "url": page.get_url(request)}
            for page in home.get_children().live().type(StandardPage, PartnerIndexPage)
        ],
    )
    return {"pages": pages}


def page_translations(request, page):
    """{language code: published, public translation} of a page, the page included.

    Asked once per request: the switcher and the `hreflang` links share the answer.
    """
    cache = getattr(request, "_page_translations", None) if request else None
    if cache is not None and cache[0] == page.pk:
        return cache[1]
    translations = cached_with_public_pages(
        request,
        ("translations", page.pk),
        lambda: {
            translation.locale.language_code: translation
            for translation in Page.objects.translation_of(page, inclusive=True)
            .live()
            .public()
            .select_related("locale")
        },
    )
    if request is not None:
        request._page_translations = (page.pk, translations)
    return translations


def other_language_url(request, page, language_code):
    """Where the language switcher sends a reader who wants this language.

    A page goes to its translation when one is published, else to the home page
    in that language; other views (search, cart, checkout) keep their address and
    query string, in the other language.
    """
    if isinstance(page, Page):
        translation = page_translations(request, page).get(language_code)
        if translation is not None:
            return translation.get_url(request)
        site = Site.find_for_request(request) if request else None
        home = None
        if site is not None:
            home = cached_with_public_pages(
                request,
                ("home", site.pk, language_code),
                lambda: (
                    Page.objects.translation_of(site.root_page, inclusive=True)
                    .live()
                    .filter(locale__language_code=language_code)
                    .first()
                    or False
                ),
            )
        if home:  # False when there is none (the cache keeps no None)
            return home.get_url(request)
        return f"/{language_code}/"
    return translate_url(request.get_full_path(), language_code) if request else ""


@register.inclusion_tag("components/language_switcher.html", takes_context=True)
def language_switcher(context):
    """Links to the other languages, each named in its own language (« English », « Français »)."""
    request = context.get("request")
    page = context.get("page")
    current = get_language()
    links = [
        {"code": code, "name": name, "url": other_language_url(request, page, code)}
        for code, name in settings.LANGUAGES
        if code != current
    ]
    return {"links": links}


@register.inclusion_tag("components/language_alternates.html", takes_context=True)
def language_alternates(context):
    """`<link rel="alternate" hreflang>` for each published language version of the page."""
    request = context.get("request")
    page = context.get("page")
    if request is None or not isinstance(page, Page):
        return {"alternates": []}
    translations = page_translations(request, page)
    alternates = [
        {"code": code, "url": page_url(translation, request)}
        for code, translation in sorted(translations.items())
    ]
    return {"alternates": alternates if len(alternates) > 1 else []}
