"""What Wagtail asks the database on every page view, remembered until a page changes.

Routing a request and checking its view restrictions costs Wagtail two queries per
level of the page tree, and each `.public()` filter reads every view restriction
again, the same for every visitor: a story, three levels down, paid nine before its
own content. These answers depend only on the page tree and its view restrictions, so
they are cached under the public pages' generation (`shop.cache_versions`), which any
page save, move, deletion or restriction change renews on every server at once.
"""

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db.models import Q
from wagtail.models import Page, PageViewRestriction
from wagtail.query import PageQuerySet

from .cache_versions import cached_with_public_pages, public_pages_key

ROUTE_TIMEOUT = 24 * 60 * 60


def restricted_sections():
    """(path, depth) of every page with a view restriction: private with its descendants."""
    return cached_with_public_pages(
        None,
        ("restricted-sections",),
        lambda: [
            (restriction.page.path, restriction.page.depth)
            for restriction in PageViewRestriction.objects.select_related("page")
        ],
    )


def private_q(queryset):
    """Wagtail's `PageQuerySet.private_q`, from the cached list of restricted sections."""
    q = Q()
    for path, depth in restricted_sections():
        q |= queryset.descendant_of_q(Page(path=path, depth=depth), inclusive=True)
    return q if q else Q(pk__in=[])  # as Wagtail's: matches nothing when none is private


def install():
    """Called once at start-up by `config.apps.SiteConfig.ready`: every `.public()` of the
    site (ours and Wagtail's) reads the cached sections."""
    PageQuerySet.private_q = private_q


def fetch_page(model, pk):
    """A page for routing, with its locale and what its own fields point to (its pictures,
    its maker, its category...), which its template shows: one query."""
    own = [
        field.name
        for field in model._meta.concrete_fields
        if field.many_to_one and field.model is model
    ]
    return model.objects.filter(pk=pk).select_related("locale", *own).first()


class CachedViewRestrictionsMixin:
    """For page models: no query for view restrictions when the page has none (most)."""

    def get_view_restrictions(self):
        """Wagtail's restrictions of this page and its ancestors, asked for only when the
        cached answer says there are some."""
        has_any = cached_with_public_pages(
            None,
            ("restricted", self.pk),
            lambda: super(CachedViewRestrictionsMixin, self).get_view_restrictions().exists(),
        )
        if not has_any:
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()


class CachedRoutingMixin:
    """For the page a site's addresses start from: Wagtail's routing, remembered.

    Only an address that Wagtail's own routing resolved to a page at that very address
    (not a routable page's sub-view, such as a feed) is remembered: that page is then
    fetched in one query and routes itself as Wagtail's last step does. Any other address is routed
    by Wagtail each time, exactly as before.
    """

    def route(self, request, path_components):
        if not path_components:
            return super().route(request, path_components)
        url_path = self.url_path + "/".join(path_components) + "/"
        key = public_pages_key(request, ("route", self.pk, url_path))
        found = cache.get(key)
        if found:
            content_type_id, pk = found
            model = ContentType.objects.get_for_id(content_type_id).model_class()
            page = fetch_page(model, pk) if model is not None else None
            if page is not None:
                return page.route(request, [])
        result = super().route(request, path_components)
        page = result[0]
        if page.url_path == url_path:  # not a routable page's sub-view (a feed)
            cache.set(key, (page.content_type_id, page.pk), ROUTE_TIMEOUT)
        return result
