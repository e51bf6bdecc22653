"""Site search: stories, artisans, products and other pages of the visitor's language.

Everything goes through Wagtail's search index (`search.backend`), on published,
public pages of the active locale only. An artisan is found by the name their
consent allows today: the page title is their public identity, their profile is
indexed only while consent covers it, and `stories.consent.refresh_artisan()`
re-indexes them (and their products) the moment it changes.

Editors' promoted results (`wagtail.contrib.search_promotions`) come first,
each in the visitor's language when the promoted page has a translation.
"""

from dataclasses import dataclass, field

from django.core.paginator import Paginator
from django.db.models import prefetch_related_objects
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Page
from wagtail.search.utils import normalise_query_string

from shop.cache_versions import cached_with_public_pages
from shop.models import ProductPage
from shop.models.products import mark_reserved
from stories.models import ArtisanPage, StoryPage

from .highlight import mark, snippet, word_pattern

RESULTS_PER_PAGE = 10
SUGGESTIONS = 8
# Depth of the home pages (one per language): the front door, never a search result.
HOME_DEPTH = 2


@dataclass(frozen=True)
class ResultType:
    """A kind of result the visitor can filter on."""

    key: str
    label: str
    models: tuple = ()  # page models of this kind; empty for "every other page"

    def filter(self, pages):
        if self.models:
            return pages.type(*self.models)
        return pages.not_type(*OWN_TYPE_MODELS)

    def holds(self, page):
        if self.models:
            return isinstance(page, self.models)
        return not isinstance(page, OWN_TYPE_MODELS)


OWN_TYPE_MODELS = (StoryPage, ArtisanPage, ProductPage)
RESULT_TYPES = (
    ResultType("stories", _("Stories"), (StoryPage,)),
    ResultType("artisans", _("Artisans"), (ArtisanPage,)),
    ResultType("products", _("Products"), (ProductPage,)),
    ResultType("pages", _("Other pages")),
)
TYPES_BY_KEY = {result_type.key: result_type for result_type in RESULT_TYPES}


def type_of(page):
    """The `ResultType` a specific page belongs to."""
    return next(result_type for result_type in RESULT_TYPES if result_type.holds(page))


def searchable_pages(locale):
    """Published, public pages of one language, home pages aside."""
    return Page.objects.live().public().filter(locale=locale, depth__gt=HOME_DEPTH)


def _block_words(block, raw):
    """The searchable words of one block's raw (JSON) value, without any database query.

    Chooser blocks (images, products, pages) index no words of their own, but turning
    their raw ids into objects costs queries: they are skipped, so a page of results
    costs no query per story.
    """
    if isinstance(block, blocks.ChooserBlock) or not getattr(block, "search_index", True):
        return []
    if isinstance(block, blocks.StructBlock):
        raw = raw if isinstance(raw, dict) else {}
        return [
            word
            for name, child in block.child_blocks.items()
            for word in _block_words(child, raw.get(name, child.get_default()))
        ]
    if isinstance(block, blocks.ListBlock):
        items = raw if isinstance(raw, list) else []
        return [
            word
            for item in items
            for word in _block_words(
                block.child_block,
                item["value"] if isinstance(item, dict) and "value" in item else item,
            )
        ]
    if isinstance(block, blocks.StreamBlock):
        return [
            word
            for item in raw or []
            if item.get("type") in block.child_blocks
            for word in _block_words(block.child_blocks[item["type"]], item.get("value"))
        ]
    return block.get_searchable_content(block.to_python(raw))


def stream_text(stream):
    """The words of a StreamField, as the search index reads them (no block names or ids)."""
    return " ".join(_block_words(stream.stream_block, stream.raw_data))


def page_text(page):
    """The text a result's snippet is taken from: what the page says about itself, in words."""
    if isinstance(page, StoryPage):
        return f"{page.standfirst} {stream_text(page.body)}"
    if isinstance(page, ArtisanPage):
        # The profile only while consent covers the person's story, as in the index.
        return f"{page.craft}. {page.workshop.name}. {page.public_profile()}"
    if isinstance(page, ProductPage):
        return f"{page.description} {page.materials}"
    parts = [getattr(page, name, "") for name in ("search_description", "intro", "hero_text")]
    body = getattr(page, "body", None)
    if body is not None:
        parts.append(stream_text(body))
    return " ".join(str(part) for part in parts if part)


@dataclass
class Result:
    """One page found, with its title and text highlighted for the searched words."""

    page: Page
    title: str
    snippet: str
    result_type: ResultType
    promoted: bool = False
    description: str = ""

    @property
    def url(self):
        return self.page.url


@dataclass
class ExternalPromotion:
    """An editor's promoted link to another site."""

    title: str
    url: str
    description: str
    promoted: bool = True
    page: None = None
    result_type: None = None


@dataclass
class SearchOutcome:
    """Everything the results page shows."""

    counts: dict = field(default_factory=dict)
    chosen: ResultType | None = None
    promoted: list = field(default_factory=list)
    page: object = None  # a Paginator page of `Result`s

    @property
    def total(self):
        return sum(self.counts.values())

    @property
    def shown_count(self):
        """How many results the current filter holds, promoted ones included."""
        return self.counts.get(self.chosen.key, 0) if self.chosen else self.total

    @cached_property
    def filters(self):
        """Each result type with its count, for the filter links."""
        return [(result_type, self.counts.get(result_type.key, 0)) for result_type in RESULT_TYPES]


def to_result(page, words, pattern, promoted=False, description=""):
    return Result(
        page=page,
        title=mark(page.title, pattern),
        snippet=snippet(page_text(page), words),
        result_type=type_of(page),
        promoted=promoted,
        description=description,
    )


def promoted_queries():
    """The searches editors promoted results for, cached until a promotion or a page
    changes (any save renews the public pages' generation, `config.pagecache`)."""
    return cached_with_public_pages(
        None,
        ("promoted-queries",),
        lambda: set(SearchPromotion.objects.values_list("query__query_string", flat=True)),
    )


def promotions(query, locale):
    """The editors' promoted results for this query, in the visitor's language.

    A promoted page shows in its translation in this language, and not at all when
    it has none (or it is unpublished or private).
    """
    query_string = normalise_query_string(query.text)
    if query_string not in promoted_queries():
        return []
    picks = list(
        SearchPromotion.objects.filter(query__query_string=query_string)
        .select_related("page")
        .order_by("sort_order", "pk")
    )
    keys = [pick.page.translation_key for pick in picks if pick.page_id]
    translations = {
        page.translation_key: page
        for page in searchable_pages(locale).filter(translation_key__in=keys).specific()
    }
    shown = []
    pattern = word_pattern(query.words)
    for pick in picks:
        if not pick.page_id:
            if pick.external_link_url:
                shown.append(
                    ExternalPromotion(
                        pick.external_link_text or pick.external_link_url,
                        pick.external_link_url,
                        pick.description,
                    )
                )
            continue
        page = translations.get(pick.page.translation_key)
        if page is None:
            continue
        shown.append(to_result(page, query.words, pattern, True, pick.description))
    return shown


def run_search(query, locale, type_key="", page_number=1):
    """Search one language's pages for the query's words; `type_key` narrows to one kind."""
    chosen = TYPES_BY_KEY.get(type_key)
    outcome = SearchOutcome(chosen=chosen)
    if not query.has_words:
        return outcome
    every_promoted = promotions(query, locale)
    # External links only show with every type of result.
    outcome.promoted = [
        item
        for item in every_promoted
        if chosen is None or (item.page is not None and chosen.holds(item.page))
    ]
    promoted_ids = [item.page.pk for item in every_promoted if item.page is not None]
    pages = searchable_pages(locale).exclude(pk__in=promoted_ids)
    found_by_type = {}
    for result_type in RESULT_TYPES:
        found = result_type.filter(pages).search(query.terms, operator="and")
        found_by_type[result_type.key] = found.count()
        promoted_here = [
            item for item in every_promoted if item.page and result_type.holds(item.page)
        ]
        outcome.counts[result_type.key] = found_by_type[result_type.key] + len(promoted_here)
    listing = chosen.filter(pages) if chosen else pages
    found = listing.specific().search(query.terms, operator="and")
    paginator = Paginator(found, RESULTS_PER_PAGE)
    # The types share the pages out between them: the listing's count is already known.
    paginator.count = found_by_type[chosen.key] if chosen else sum(found_by_type.values())
    outcome.page = paginator.get_page(page_number)
    pattern = word_pattern(query.words)
    pages = list(outcome.page.object_list)
    # An artisan's snippet names their workshop: one query for the page, not one per artisan.
    prefetch_related_objects([page for page in pages if isinstance(page, ArtisanPage)], "workshop")
    # « Réservé » or « Vendu » for every sold product of the page, in one query.
    mark_reserved([page for page in pages if isinstance(page, ProductPage)])
    outcome.page.object_list = [to_result(page, query.words, pattern) for page in pages]
    if outcome.page.number > 1:
        outcome.promoted = []  # shown once, above the first page
    return outcome


def record_search(query):
    """Count the search for the editors' « popular searches » (where promotions are chosen)."""
    Query.get(query.text).add_hit()


def suggestions(query, locale, limit=SUGGESTIONS):
    """Titles starting with what the visitor is typing, for the search box's suggestions."""
    if not query.has_words:
        return []
    found = searchable_pages(locale).specific().autocomplete(query.terms)[:limit]
    return [
        {"title": page.title, "url": page.url, "type": str(type_of(page).label)} for page in found
    ]
