"""Page choosers that open where the editor will look: products at the shop of the page's
language, other pages at its home page, instead of Wagtail's Root.

Wagtail's page chooser opens at the common ancestor of the pages it may choose: Root, when
each language has its own shop. A block's widget is built once for every page, so it cannot
know which page it is on; it points at `chooser_start` instead, which finds the edited page
from the modal's referring editor page and sends the chooser on to the right place. Once a
page is chosen, Wagtail opens the chooser at its parent, as usual.
"""

from urllib.parse import urlsplit

from django.http import Http404
from django.shortcuts import redirect
from django.urls import Resolver404, resolve, reverse
from django.utils.text import capfirst, format_lazy
from django.utils.translation import get_language
from wagtail.admin.widgets import AdminPageChooser
from wagtail.models import Locale, Page, Site

from shop.models import ProductIndexPage

PRODUCTS = "products"
HOME = "home"


class StartingPageChooser(AdminPageChooser):
    """A page chooser whose modal opens at `start` (`PRODUCTS` or `HOME`) of the page's language."""

    def __init__(self, *args, start, **kwargs):
        self.start = start
        super().__init__(*args, **kwargs)
        # Wagtail joins « Choose a page » and the model's name into a plain string, in the
        # language of the first editor served; a block keeps its widget as long as the
        # process, so every editor after them read that language. Kept lazy, it follows each.
        if len(self.target_models) == 1 and self.target_models[0] is not Page:
            self.choose_one_text = format_lazy(
                "{} ({})",
                AdminPageChooser.choose_one_text,
                capfirst(self.target_models[0]._meta.verbose_name),
            )

    def get_chooser_modal_url(self):
        return reverse("stories_chooser_start", args=[self.start])


def edited_page_locale(request):
    """The language of the page being edited (or added) in the editor that opened the chooser."""
    referer = urlsplit(request.headers.get("referer", ""))
    if referer.netloc and referer.netloc != request.get_host():
        referer = urlsplit("")
    try:
        match = resolve(referer.path) if referer.path else None
    except Resolver404:
        match = None
    page_id = None
    if match is not None and match.view_name in (
        "wagtailadmin_pages:edit",
        "wagtailadmin_pages:preview_on_edit",
    ):
        page_id = match.kwargs.get("page_id")
    elif match is not None and match.view_name == "wagtailadmin_pages:add":
        page_id = match.kwargs.get("parent_page_id")
    page = Page.objects.filter(pk=page_id).select_related("locale").first() if page_id else None
    if page is not None:
        return page.locale
    return Locale.objects.filter(language_code=get_language()).first() or Locale.get_default()


def start_page(start, locale):
    """Where a chooser opens for pages of that language, or None (then Wagtail's own start)."""
    if start == PRODUCTS:
        return ProductIndexPage.objects.filter(locale=locale).order_by("path").first()
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        return None
    return site.root_page.get_translation_or_none(locale) or site.root_page


def chooser_start(request, start, parent_page_id=None):
    """Send the page chooser on to its start page (or to the chosen page's parent)."""
    if start not in (PRODUCTS, HOME):
        raise Http404
    if parent_page_id is None:
        page = start_page(start, edited_page_locale(request))
        parent_page_id = page.pk if page is not None else None
    if parent_page_id is None:
        url = reverse("wagtailadmin_choose_page")
    else:
        url = reverse("wagtailadmin_choose_page_child", args=[parent_page_id])
    query = request.GET.urlencode()
    return redirect(f"{url}?{query}" if query else url)
