"""A shared cache of whole public pages for anonymous visitors, never wrong.

What is cached: the answer to an anonymous GET of a published page (home, stories,
artisans, products, their indexes, standard pages, impact), without a query string
other than a page number, as the page's own view rendered it. Everything else goes
to the view: other methods, unknown query strings, a visitor with a session cookie
(a cart, a login, staff) or pending messages, and a view answer that sets a cookie or
is not a 200 page.

Never wrong: every key holds the public pages' generation (`shop.cache_versions`), a
cache version renewed in the shared cache (Redis in production) whenever anything a
public page shows may have changed, so that every server process stops reading the
old pages at once:

- a page published, unpublished, moved, deleted or saved (`forget_cards`, which the
  shop connects to Wagtail's signals, renews the pages' generation too), including a
  translation, an alias or a scheduled publication;
- an artisan's consent applied or withdrawn (`stories.consent` sends
  `consent_changed`, which forgets the cards, hence the pages);
- stock moved by a sale, a release or staff (`shop.stock` renews it: a queryset
  update sends no signal), an order's status changed (`order_changed`: impact figures);
- any other row saved or deleted that a page may show (shop and impact settings,
  categories, workshops, partners, tags, images, sites, locales, view restrictions,
  search promotions...): every model but those listed in `NOT_SHOWN`, which no public
  page reads (sessions, renditions, logs, revisions, task results...).

A new release (templates, interface translations, static files) changes the keys too:
they hold a fingerprint of those files (`release_fingerprint`), so servers sharing a
cache never serve a page rendered by an older release.

A generation is read once per request; keys of old generations are never read again
and expire (`PAGE_CACHE_SECONDS`, also the longest a page can be cached at all).

CSRF stays per visitor: before an answer is stored, the form tokens Django rendered in
it are replaced with a placeholder, and each answer (fresh or cached) gets the
visitor's own token in its place, with Django's CSRF cookie set by `CsrfViewMiddleware`
as for any page (this middleware runs inside it). Each answer says `X-Page-Cache: hit`,
`miss` (stored) or `bypass`.
"""

import functools
import hashlib
import re
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.utils.translation import get_language
from wagtail.models import Page

from shop.cache_versions import forget_public_pages, public_pages_version
from shop.signals import order_changed

# Models no public page shows: saving them leaves every page as it was.
NOT_SHOWN = {
    "sessions.session",
    "contenttypes.contenttype",
    "auth.permission",
    "auth.user",
    "wagtailimages.rendition",
    "wagtailembeds.embed",
    "wagtailusers.userprofile",
    "wagtailsearch.indexentry",
    "wagtailsearch.sqliteftsindexentry",
    "wagtailsearchpromotions.query",
    "wagtailsearchpromotions.querydailyhits",
    "wagtailadmin.admin",
    "wagtailadmin.editingsession",
    "wagtailadmin.formstate",
    "wagtailcore.revision",
    "wagtailcore.modellogentry",
    "wagtailcore.pagelogentry",
    "wagtailcore.referenceindex",
    "wagtailcore.workflowstate",
    "wagtailcore.taskstate",
    "wagtailcore.pagesubscription",
    "wagtailcore.uploadedfile",
    "wagtailcore.comment",
    "wagtailcore.commentreply",
    "wagtailcore.apitoken",
    "django_tasks_database.dbtaskresult",
    "shop.storyproductview",
    "shop.orderstatuschange",
    "shop.paymentevent",
    "shop.orderreferencecounter",
    # Receipts are shown on the shopper's own order page only, which is never cached.
    "shop.receipt",
    "shop.receiptcounter",
    # What people send through the enquiry forms: read in the admin only.
    "wagtailforms.formsubmission",
    "enquiries.referencepicture",
}
HEADER = "X-Page-Cache"
PLACEHOLDER = "__page_cache_csrf_token__"
TOKEN_FIELD = re.compile(r'(<input type="hidden" name="csrfmiddlewaretoken" value=")[^"]*(")')
# The only query string a cached page may have: a page number of a listing.
PAGE_NUMBER = re.compile(r"page=\d{1,4}")
# Headers of the view's answer kept with the page (Django's middleware adds the rest).
KEPT_HEADERS = ("Content-Type", "Content-Language", "Vary", "Link")


def page_models():
    """The page types served from the cache: every public page type of the site."""
    return tuple(
        model
        for model in apps.get_models()
        if issubclass(model, Page)
        and model is not Page
        and model._meta.app_label in {"home", "stories", "shop", "impact"}
    )


def _page_row_changed(sender, update_fields=None, **kwargs):
    if sender._meta.label_lower in NOT_SHOWN:
        return
    # Wagtail records an image's size or hash when first asked: the picture is the same.
    if update_fields and set(update_fields) <= {"file_size", "file_hash"}:
        return
    forget_public_pages()


def connect_signals():
    """Called once at start-up by `config.apps.SiteConfig.ready`."""
    uid = "config.pagecache.forget"
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(_page_row_changed, dispatch_uid=f"{uid}.{signal_name(signal)}")
    order_changed.connect(forget_public_pages, dispatch_uid=f"{uid}.order")


def signal_name(signal):
    return {id(post_save): "saved", id(post_delete): "deleted", id(m2m_changed): "m2m"}[id(signal)]


@functools.cache
def release_fingerprint():
    """A digest of what a release changes in a page: templates, compiled translations and
    the static files' manifest (the hashed addresses pages link to). Once per process."""
    root = Path(settings.BASE_DIR)
    files = [
        *sorted((root / "templates").rglob("*.html")),
        *sorted((root / "locale").rglob("*.mo")),
        Path(settings.STATIC_ROOT or root / "static") / "staticfiles.json",
    ]
    digest = hashlib.blake2b(digest_size=8)
    for path in files:
        if path.is_file():
            digest.update(
                str(path.relative_to(root) if path.is_relative_to(root) else path).encode()
            )
            digest.update(path.read_bytes())
    return digest.hexdigest()


def bypasses(request):
    """Why this request must go to the view (a truthy reason), or None."""
    if not settings.PAGE_CACHE_SECONDS:
        return "off"
    if request.method != "GET":
        return "method"
    query = request.META.get("QUERY_STRING", "")
    if query and not PAGE_NUMBER.fullmatch(query):
        return "query"
    if settings.SESSION_COOKIE_NAME in request.COOKIES or "messages" in request.COOKIES:
        return "session"
    if request.path.startswith(settings.CSP_EXCLUDED_PREFIXES):
        return "admin"
    return None


def cache_key(request):
    """The key of this address's page: release, generation, scheme, host, language, path, query."""
    parts = (
        release_fingerprint(),
        public_pages_version(request),
        request.scheme,
        request.get_host(),
        get_language(),
        request.path,
        request.META.get("QUERY_STRING", ""),
    )
    return "pages:page:" + ":".join(str(part) for part in parts)


def storable(response):
    """Whether the view's answer is a public page every anonymous visitor may be shown."""
    if response.status_code != 200 or response.cookies or response.streaming:
        return False
    page = (getattr(response, "context_data", None) or {}).get("page")
    if not isinstance(page, page_models()) or not page.live:
        return False
    return not page.get_view_restrictions()


def with_visitor_token(request, content):
    """The page's bytes with this visitor's CSRF token in place of the placeholder."""
    if PLACEHOLDER.encode() not in content:
        return content
    return content.replace(PLACEHOLDER.encode(), get_token(request).encode())


class PageCacheMiddleware:
    """Serve anonymous GETs of public pages from the shared cache (see the module docstring).

    Placed after the session, locale, CSRF, authentication and message middleware: it
    reads the language, and Django's middleware still adds cookies and headers to a
    cached answer as to any other.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        reason = bypasses(request)
        if reason:
            response = self.get_response(request)
            response.setdefault(HEADER, "bypass")
            return response
        key = cache_key(request)
        stored = cache.get(key)
        if stored is not None:
            status, headers, content = stored
            response = HttpResponse(with_visitor_token(request, content), status=status)
            for name, value in headers:
                response[name] = value
            response[HEADER] = "hit"
            return response
        response = self.get_response(request)
        if not storable(response):
            response.setdefault(HEADER, "bypass")
            return response
        content = TOKEN_FIELD.sub(rf"\g<1>{PLACEHOLDER}\g<2>", response.content.decode())
        headers = [(name, response[name]) for name in KEPT_HEADERS if name in response]
        cache.set(key, (200, headers, content.encode()), settings.PAGE_CACHE_SECONDS)
        response[HEADER] = "miss"
        return response
